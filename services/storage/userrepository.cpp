// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/userrepository.h"

#include "services/storage/sql.h"

#include <QHash>

namespace vsc::services::storage {

Result<QList<Role>> UserRepository::roles()
{
    auto query = exec(m_database.connection(),
                      QStringLiteral("SELECT id, name, description, permissions, builtin FROM roles ORDER BY id"));
    if (!query) {
        return query.error();
    }
    QList<Role> roles;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        roles.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toString().split(u',', Qt::SkipEmptyParts), q.value(4).toBool()});
    }
    return roles;
}

Result<qint64> UserRepository::create(const User &user)
{
    if (user.username.trimmed().isEmpty()) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a user needs a username")};
    }
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    auto id = scalar(
        db,
        QStringLiteral("INSERT INTO users (username, display_name, email, auth_source, disabled, created_at, "
                       "last_login_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {user.username, text(user.displayName), user.email,
         user.authSource == AuthSource::Oidc ? QStringLiteral("oidc") : QStringLiteral("local"), user.disabled,
         toDb(user.createdAt.isValid() ? user.createdAt : QDateTime::currentDateTimeUtc()), toDb(user.lastLoginAt)});
    if (!id) {
        return id.error();
    }
    const qint64 userId = id.value().toLongLong();
    for (const QString &role : user.roles) {
        auto linked =
            exec(db, QStringLiteral("INSERT INTO user_roles (user_id, role_id) SELECT ?, id FROM roles WHERE name = ?"),
                 {userId, role});
        if (!linked) {
            return linked.error();
        }
        if (linked.value().numRowsAffected() != 1) {
            return Error{ErrorCode::InvalidArgument, QStringLiteral("unknown role '%1'").arg(role)};
        }
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return userId;
}

Result<QList<User>> UserRepository::users()
{
    return usersWhere(QString(), {});
}

Result<QList<User>> UserRepository::usersWhere(const QString &condition, const QVariantList &params)
{
    QSqlDatabase db = m_database.connection();
    auto query = exec(db,
                      QStringLiteral("SELECT u.id, u.username, u.display_name, u.email, u.auth_source, u.disabled, "
                                     "u.created_at, u.last_login_at, c.user_id, c.must_change, c.failed_attempts, "
                                     "c.locked_until, u.oidc_issuer, u.oidc_subject FROM users u "
                                     "LEFT JOIN user_credentials c ON c.user_id = u.id %1 ORDER BY u.username")
                          .arg(condition.isEmpty() ? QString() : QStringLiteral("WHERE ") + condition),
                      params);
    if (!query) {
        return query.error();
    }
    QList<User> users;
    QHash<qint64, int> rowOf;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        User u;
        u.id = q.value(0).toLongLong();
        u.username = q.value(1).toString();
        u.displayName = q.value(2).toString();
        u.email = q.value(3).toString();
        u.authSource = q.value(4).toString() == QLatin1String("oidc") ? AuthSource::Oidc : AuthSource::Local;
        u.disabled = q.value(5).toBool();
        u.createdAt = dateTimeFromDb(q.value(6));
        u.lastLoginAt = dateTimeFromDb(q.value(7));
        u.hasPassword = !q.value(8).isNull();
        u.mustChangePassword = q.value(9).toBool();
        u.failedAttempts = q.value(10).toInt();
        u.lockedUntil = dateTimeFromDb(q.value(11));
        u.oidcIssuer = q.value(12).toString();
        u.oidcSubject = q.value(13).toString();
        rowOf.insert(u.id, int(users.size()));
        users.append(u);
    }
    // Aggregated here rather than with string_agg/group_concat, which differ between the backends; for one user,
    // only that user's links.
    auto links = exec(db,
                      QStringLiteral("SELECT ur.user_id, r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id "
                                     "%1 ORDER BY r.id")
                          .arg(users.size() == 1 ? QStringLiteral("WHERE ur.user_id = ?") : QString()),
                      users.size() == 1 ? QVariantList{users.constFirst().id} : QVariantList{});
    if (!links) {
        return links.error();
    }
    while (links.value().next()) {
        const auto it = rowOf.constFind(links.value().value(0).toLongLong());
        if (it != rowOf.cend()) {
            users[*it].roles.append(links.value().value(1).toString());
        }
    }
    return users;
}

Result<std::optional<User>> UserRepository::byUsername(const QString &username)
{
    auto found = usersWhere(QStringLiteral("u.username = ?"), {username});
    if (!found) {
        return found.error();
    }
    return found.value().isEmpty() ? std::optional<User>() : std::optional<User>(found.value().constFirst());
}

Result<std::optional<User>> UserRepository::byId(qint64 id)
{
    auto found = usersWhere(QStringLiteral("u.id = ?"), {id});
    if (!found) {
        return found.error();
    }
    return found.value().isEmpty() ? std::optional<User>() : std::optional<User>(found.value().constFirst());
}

Result<void> UserRepository::setDisabled(qint64 id, bool disabled)
{
    auto updated =
        exec(m_database.connection(), QStringLiteral("UPDATE users SET disabled = ? WHERE id = ?"), {disabled, id});
    if (!updated) {
        return updated.error();
    }
    if (updated.value().numRowsAffected() != 1) {
        return Error{ErrorCode::NotFound, QStringLiteral("no user with id %1").arg(id)};
    }
    return {};
}

Result<void> UserRepository::setRoles(qint64 id, const QStringList &roles)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    if (auto cleared = exec(db, QStringLiteral("DELETE FROM user_roles WHERE user_id = ?"), {id}); !cleared) {
        return cleared.error();
    }
    for (const QString &role : roles) {
        auto linked =
            exec(db, QStringLiteral("INSERT INTO user_roles (user_id, role_id) SELECT ?, id FROM roles WHERE name = ?"),
                 {id, role});
        if (!linked) {
            return linked.error();
        }
        if (linked.value().numRowsAffected() != 1) {
            return Error{ErrorCode::InvalidArgument, QStringLiteral("unknown role '%1'").arg(role)};
        }
    }
    return transaction.commit();
}

Result<int> UserRepository::enabledAdmins(std::optional<qint64> excludingUserId)
{
    auto count =
        scalar(m_database.connection(),
               QStringLiteral("SELECT COUNT(DISTINCT u.id) FROM users u JOIN user_roles ur ON ur.user_id = u.id "
                              "JOIN roles r ON r.id = ur.role_id WHERE r.name = 'admin' AND u.disabled = ? "
                              "AND u.id <> ?"),
               {false, excludingUserId.value_or(-1)});
    if (!count) {
        return count.error();
    }
    return count.value().toInt();
}

Result<void> UserRepository::markInvited(qint64 id, const QString &subject, const QDateTime &at)
{
    auto updated =
        exec(m_database.connection(), QStringLiteral("UPDATE users SET invited_at = ?, oidc_subject = ? WHERE id = ?"),
             {toDb(at), subject.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(subject), id});
    if (!updated) {
        return updated.error();
    }
    return {};
}

Result<qint64> UserRepository::createRole(const Role &role)
{
    auto id = scalar(m_database.connection(),
                     QStringLiteral("INSERT INTO roles (name, description, permissions, builtin) VALUES (?, ?, ?, ?) "
                                    "RETURNING id"),
                     {role.name, text(role.description), text(role.permissions.join(u',')), false});
    if (!id) {
        return id.error();
    }
    return id.value().toLongLong();
}

Result<void> UserRepository::setRolePermissions(qint64 roleId, const QStringList &permissions)
{
    auto updated = exec(m_database.connection(), QStringLiteral("UPDATE roles SET permissions = ? WHERE id = ?"),
                        {text(permissions.join(u',')), roleId});
    if (!updated) {
        return updated.error();
    }
    if (updated.value().numRowsAffected() != 1) {
        return Error{ErrorCode::NotFound, QStringLiteral("no role with id %1").arg(roleId)};
    }
    return {};
}

Result<std::optional<qint64>> UserRepository::idForDbLogin(const QString &login)
{
    auto id = exec(m_database.connection(), QStringLiteral("SELECT id FROM users WHERE db_login = ?"), {login});
    if (!id) {
        return id.error();
    }
    if (!id.value().next()) {
        return std::optional<qint64>();
    }
    return std::optional<qint64>(id.value().value(0).toLongLong());
}

} // namespace vsc::services::storage
