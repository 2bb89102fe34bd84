// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/users/userservice.h"

#include "services/auth/authorizer.h"
#include "services/auth/local/passwordpolicy.h"
#include "services/storage/auditrepository.h"
#include "services/storage/credentialrepository.h"
#include "services/storage/transaction.h"
#include "services/storage/userrepository.h"

#include <QRegularExpression>

namespace vsc::services::users {

namespace {

QVariantMap userState(const User &user)
{
    return {{QStringLiteral("username"), user.username},
            {QStringLiteral("disabled"), user.disabled},
            {QStringLiteral("roles"), user.roles.join(u',')}};
}

bool validUsername(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._@+-]{1,63}$"));
    return pattern.match(name).hasMatch();
}

} // namespace

UserService::UserService(storage::Database &database, Clock &clock, const auth::PasswordHasher &hasher)
    : m_database(database), m_clock(clock), m_hasher(hasher)
{
}

Result<void> UserService::audit(const Actor &actor, const QString &action, qint64 userId, const QVariantMap &before,
                                const QVariantMap &after)
{
    storage::AuditEntry entry = storage::auditEntry(actor, action, QStringLiteral("user"), userId);
    entry.at = m_clock.nowUtc();
    entry.before = before;
    entry.after = after;
    auto logged = storage::AuditRepository(m_database).record(entry);
    if (!logged) {
        return logged.error();
    }
    return {};
}

Result<void> UserService::keepAnAdmin(const User &leaving)
{
    if (!leaving.roles.contains(QLatin1String("admin"))) {
        return {};
    }
    auto others = storage::UserRepository(m_database).enabledAdmins(leaving.id);
    if (!others) {
        return others.error();
    }
    if (others.value() == 0) {
        return Error::because(ErrorCode::LastAdmin,
                              Text{QT_TRANSLATE_NOOP("vsc", "'%1' is the last enabled admin"), {leaving.username}});
    }
    return {};
}

Result<User> UserService::existing(qint64 userId)
{
    auto user = storage::UserRepository(m_database).byId(userId);
    if (!user) {
        return user.error();
    }
    if (!user.value()) {
        return Error{ErrorCode::NotFound, QStringLiteral("no user with id %1").arg(userId)};
    }
    return *user.value();
}

Result<QList<User>> UserService::users(const Actor &actor)
{
    if (auto allowed =
            auth::Authorizer(m_database).require(actor, Permission::UsersManage, QStringLiteral("list users"));
        !allowed) {
        return allowed.error();
    }
    return storage::UserRepository(m_database).users();
}

Result<qint64> UserService::insertLocal(const Actor &actor, const NewLocalUser &user)
{
    const QString username = user.username.trimmed();
    if (!validUsername(username)) {
        return Error::because(ErrorCode::InvalidArgument,
                              Text{QT_TRANSLATE_NOOP("vsc", "a username is 2 to 64 letters, digits or . _ @ + -, "
                                                            "starting with a letter or digit")});
    }
    if (auto allowed = auth::PasswordPolicy().check(user.password, username); !allowed) {
        return allowed.error();
    }
    auto hashed = m_hasher.hash(user.password.toUtf8());
    if (!hashed) {
        return hashed.error();
    }
    storage::Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    User row;
    row.username = username;
    row.displayName = user.displayName.trimmed().isEmpty() ? username : user.displayName.trimmed();
    row.email = user.email.trimmed();
    row.roles = user.roles;
    row.createdAt = m_clock.nowUtc();
    auto id = storage::UserRepository(m_database).create(row);
    if (!id) {
        return id.error().code == ErrorCode::Conflict
                   ? Error::because(ErrorCode::Conflict,
                                    Text{QT_TRANSLATE_NOOP("vsc", "the username '%1' is taken"), {username}})
                   : id.error();
    }
    if (auto stored = storage::CredentialRepository(m_database)
                          .setPassword(id.value(), hashed.value(), user.mustChange, row.createdAt);
        !stored) {
        return stored.error();
    }
    if (auto logged = audit(actor, QStringLiteral("user.create"), id.value(), {}, userState(row)); !logged) {
        return logged.error();
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return id.value();
}

Result<qint64> UserService::createLocal(const Actor &actor, const NewLocalUser &user)
{
    if (auto allowed =
            auth::Authorizer(m_database).require(actor, Permission::UsersManage, QStringLiteral("create a user"));
        !allowed) {
        return allowed.error();
    }
    return insertLocal(actor, user);
}

Result<qint64> UserService::inviteOidc(const Actor &actor, const QString &emailOrSubject, const QString &displayName,
                                       const QStringList &roles)
{
    if (auto allowed =
            auth::Authorizer(m_database).require(actor, Permission::UsersManage, QStringLiteral("invite a user"));
        !allowed) {
        return allowed.error();
    }
    const QString key = emailOrSubject.trimmed();
    if (key.isEmpty() || key.size() > 254) {
        return Error::because(ErrorCode::InvalidArgument,
                              Text{QT_TRANSLATE_NOOP("vsc", "an invitation needs an e-mail address or a subject")});
    }
    const bool byEmail = key.contains(u'@');
    storage::Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    User row;
    row.username = key;
    row.displayName = displayName.trimmed().isEmpty() ? key : displayName.trimmed();
    row.email = byEmail ? key : QString();
    row.authSource = AuthSource::Oidc;
    row.roles = roles;
    row.createdAt = m_clock.nowUtc();
    auto id = storage::UserRepository(m_database).create(row);
    if (!id) {
        return id.error().code == ErrorCode::Conflict
                   ? Error::because(ErrorCode::Conflict,
                                    Text{QT_TRANSLATE_NOOP("vsc", "'%1' is already a user"), {key}})
                   : id.error();
    }
    if (auto marked =
            storage::UserRepository(m_database).markInvited(id.value(), byEmail ? QString() : key, row.createdAt);
        !marked) {
        return marked.error();
    }
    QVariantMap after = userState(row);
    after.insert(byEmail ? QStringLiteral("email") : QStringLiteral("subject"), key);
    if (auto logged = audit(actor, QStringLiteral("user.invite"), id.value(), {}, after); !logged) {
        return logged.error();
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return id.value();
}

Result<void> UserService::setDisabled(const Actor &actor, qint64 userId, bool disabled)
{
    const QString what = disabled ? QStringLiteral("disable a user") : QStringLiteral("enable a user");
    if (auto allowed =
            auth::Authorizer(m_database).require(actor, Permission::UsersManage, what, QStringLiteral("user"), userId);
        !allowed) {
        return allowed;
    }
    auto user = existing(userId);
    if (!user) {
        return user.error();
    }
    if (user.value().disabled == disabled) {
        return {};
    }
    storage::Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun) {
        return begun;
    }
    storage::UserRepository repository(m_database);
    if (disabled) {
        if (auto kept = keepAnAdmin(user.value()); !kept) {
            return kept;
        }
    }
    if (auto changed = repository.setDisabled(userId, disabled); !changed) {
        return changed;
    }
    User after = user.value();
    after.disabled = disabled;
    if (auto logged = audit(actor, disabled ? QStringLiteral("user.disable") : QStringLiteral("user.enable"), userId,
                            userState(user.value()), userState(after));
        !logged) {
        return logged;
    }
    return transaction.commit();
}

Result<void> UserService::setRoles(const Actor &actor, qint64 userId, const QStringList &roles)
{
    if (auto allowed = auth::Authorizer(m_database)
                           .require(actor, Permission::UsersManage, QStringLiteral("assign roles"),
                                    QStringLiteral("user"), userId);
        !allowed) {
        return allowed;
    }
    auto user = existing(userId);
    if (!user) {
        return user.error();
    }
    storage::Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun) {
        return begun;
    }
    storage::UserRepository repository(m_database);
    if (!user.value().disabled && !roles.contains(QLatin1String("admin"))) {
        if (auto kept = keepAnAdmin(user.value()); !kept) {
            return kept;
        }
    }
    if (auto changed = repository.setRoles(userId, roles); !changed) {
        return changed;
    }
    User after = user.value();
    after.roles = roles;
    if (auto logged = audit(actor, QStringLiteral("user.roles"), userId, userState(user.value()), userState(after));
        !logged) {
        return logged;
    }
    return transaction.commit();
}

Result<void> UserService::resetPassword(const Actor &actor, qint64 userId, const QString &temporaryPassword)
{
    if (auto allowed = auth::Authorizer(m_database)
                           .require(actor, Permission::UsersManage, QStringLiteral("reset a password"),
                                    QStringLiteral("user"), userId);
        !allowed) {
        return allowed;
    }
    auto user = existing(userId);
    if (!user) {
        return user.error();
    }
    if (user.value().authSource != AuthSource::Local) {
        return Error::because(
            ErrorCode::InvalidArgument,
            Text{QT_TRANSLATE_NOOP("vsc", "'%1' signs in through the identity provider and has no password here"),
                 {user.value().username}});
    }
    if (auto allowedPassword = auth::PasswordPolicy().check(temporaryPassword, user.value().username);
        !allowedPassword) {
        return allowedPassword;
    }
    auto hashed = m_hasher.hash(temporaryPassword.toUtf8());
    if (!hashed) {
        return hashed.error();
    }
    storage::Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun) {
        return begun;
    }
    if (auto stored =
            storage::CredentialRepository(m_database).setPassword(userId, hashed.value(), true, m_clock.nowUtc());
        !stored) {
        return stored;
    }
    if (auto logged =
            audit(actor, QStringLiteral("user.password.reset"), userId, {}, {{QStringLiteral("mustChange"), true}});
        !logged) {
        return logged;
    }
    return transaction.commit();
}

Result<bool> UserService::needsFirstAdmin()
{
    auto admins = storage::UserRepository(m_database).enabledAdmins();
    if (!admins) {
        return admins.error();
    }
    return admins.value() == 0;
}

Result<qint64> UserService::createFirstAdmin(const NewLocalUser &user)
{
    storage::Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    auto needed = needsFirstAdmin();
    if (!needed) {
        return needed.error();
    }
    if (!needed.value()) {
        return Error::because(ErrorCode::Conflict,
                              Text{QT_TRANSLATE_NOOP("vsc", "an admin exists already; sign in as them to add users")});
    }
    NewLocalUser admin = user;
    admin.roles = {QStringLiteral("admin")};
    admin.mustChange = false;
    Actor first;
    first.kind = ActorKind::User;
    first.name = admin.username.trimmed();
    auto id = insertLocal(first, admin);
    if (!id) {
        return id.error();
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return id.value();
}

RoleService::RoleService(storage::Database &database, Clock &clock) : m_database(database), m_clock(clock)
{
}

Result<QList<Role>> RoleService::roles(const Actor &actor)
{
    if (!actor.isSignedIn()) {
        return Error{ErrorCode::Unauthenticated, QStringLiteral("sign in to see the roles")};
    }
    return storage::UserRepository(m_database).roles();
}

Result<qint64> RoleService::create(const Actor &actor, const QString &name, const QString &description,
                                   const PermissionSet &permissions)
{
    if (auto allowed =
            auth::Authorizer(m_database).require(actor, Permission::RolesManage, QStringLiteral("create a role"));
        !allowed) {
        return allowed.error();
    }
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_-]{1,31}$"));
    if (!pattern.match(name).hasMatch()) {
        return Error::because(ErrorCode::InvalidArgument,
                              Text{QT_TRANSLATE_NOOP("vsc", "a role name is 2 to 32 lower-case letters, digits, _ or "
                                                            "-, starting with a letter")});
    }
    storage::Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    auto id =
        storage::UserRepository(m_database).createRole({0, name, description.trimmed(), permissions.keys(), false});
    if (!id) {
        return id.error().code == ErrorCode::Conflict
                   ? Error::because(ErrorCode::Conflict,
                                    Text{QT_TRANSLATE_NOOP("vsc", "a role named '%1' exists"), {name}})
                   : id.error();
    }
    storage::AuditEntry entry =
        storage::auditEntry(actor, QStringLiteral("role.create"), QStringLiteral("role"), id.value());
    entry.at = m_clock.nowUtc();
    entry.after = {{QStringLiteral("name"), name}, {QStringLiteral("permissions"), permissions.keys().join(u',')}};
    if (auto logged = storage::AuditRepository(m_database).record(entry); !logged) {
        return logged.error();
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return id.value();
}

Result<void> RoleService::setPermissions(const Actor &actor, qint64 roleId, const PermissionSet &permissions)
{
    if (auto allowed = auth::Authorizer(m_database)
                           .require(actor, Permission::RolesManage, QStringLiteral("change a role's permissions"),
                                    QStringLiteral("role"), roleId);
        !allowed) {
        return allowed;
    }
    auto all = storage::UserRepository(m_database).roles();
    if (!all) {
        return all.error();
    }
    const auto role =
        std::find_if(all.value().cbegin(), all.value().cend(), [roleId](const Role &r) { return r.id == roleId; });
    if (role == all.value().cend()) {
        return Error{ErrorCode::NotFound, QStringLiteral("no role with id %1").arg(roleId)};
    }
    if (role->name == QLatin1String("admin") &&
        (!permissions.has(Permission::UsersManage) || !permissions.has(Permission::RolesManage))) {
        return Error::because(ErrorCode::LastAdmin,
                              Text{QT_TRANSLATE_NOOP("vsc", "the admin role keeps users.manage and roles.manage, so "
                                                            "someone can always manage access")});
    }
    storage::Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun) {
        return begun;
    }
    if (auto changed = storage::UserRepository(m_database).setRolePermissions(roleId, permissions.keys()); !changed) {
        return changed;
    }
    storage::AuditEntry entry =
        storage::auditEntry(actor, QStringLiteral("role.permissions"), QStringLiteral("role"), roleId);
    entry.at = m_clock.nowUtc();
    entry.before = {{QStringLiteral("permissions"), PermissionSet::fromKeys(role->permissions).keys().join(u',')}};
    entry.after = {{QStringLiteral("permissions"), permissions.keys().join(u',')}};
    if (auto logged = storage::AuditRepository(m_database).record(entry); !logged) {
        return logged.error();
    }
    return transaction.commit();
}

} // namespace vsc::services::users
