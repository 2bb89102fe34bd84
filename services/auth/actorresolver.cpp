// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/actorresolver.h"

#include "services/storage/accessrepository.h"
#include "services/storage/userrepository.h"

#include <algorithm>

namespace vsc::services::auth {

Result<PermissionSet> ActorResolver::permissionsOf(const QStringList &roleNames)
{
    auto roles = storage::UserRepository(m_database).roles();
    if (!roles) {
        return roles.error();
    }
    PermissionSet permissions;
    for (const Role &role : roles.value()) {
        if (roleNames.contains(role.name)) {
            permissions |= PermissionSet::fromKeys(role.permissions);
        }
    }
    return permissions;
}

Result<Actor> ActorResolver::forUser(qint64 userId)
{
    auto user = storage::UserRepository(m_database).byId(userId);
    if (!user) {
        return user.error();
    }
    if (!user.value()) {
        return Error{ErrorCode::NotFound, QStringLiteral("no user with id %1").arg(userId)};
    }
    const User &u = *user.value();
    if (u.disabled) {
        return Error{ErrorCode::AccountDisabled, QStringLiteral("the account '%1' is disabled").arg(u.username)};
    }
    auto permissions = permissionsOf(u.roles);
    if (!permissions) {
        return permissions.error();
    }
    Actor actor;
    actor.kind = ActorKind::User;
    actor.userId = u.id;
    actor.name = u.username;
    actor.displayName = u.displayName.isEmpty() ? u.username : u.displayName;
    actor.roles = u.roles;
    actor.permissions = permissions.value();
    return actor;
}

Result<Actor> ActorResolver::forHeadless(const QString &osUser, const QString &rolePrefix)
{
    if (m_database.backend() != storage::Backend::Postgres) {
        return Actor::fileOwner(osUser);
    }
    auto login = storage::AccessRepository(m_database).currentLogin(rolePrefix);
    if (!login) {
        return login.error();
    }
    Actor actor;
    actor.kind = ActorKind::DatabaseLogin;
    actor.name = QStringLiteral("pg:") + login.value().login;
    actor.displayName = login.value().login;
    if (login.value().superuser || login.value().memberOf.contains(rolePrefix + QStringLiteral("owner"))) {
        actor.roles = {QStringLiteral("admin")};
        actor.permissions = PermissionSet::all();
        return actor;
    }
    // Only the app's roles count (a login named with the prefix is not a role of the app).
    auto appRoles = storage::UserRepository(m_database).roles();
    if (!appRoles) {
        return appRoles.error();
    }
    for (const QString &member : login.value().memberOf) {
        const QString role = member.mid(rolePrefix.size());
        const bool known =
            role == QLatin1String("dialer") || std::any_of(appRoles.value().cbegin(), appRoles.value().cend(),
                                                           [&role](const Role &r) { return r.name == role; });
        if (known) {
            actor.roles.append(role);
        }
    }
    if (actor.roles.isEmpty()) {
        return Error{ErrorCode::Unauthenticated,
                     QStringLiteral("the database login '%1' has none of the console's roles (%2admin, %2supervisor, "
                                    "%2operator, %2viewer, %2dialer); ask the DBA to grant one")
                         .arg(login.value().login, rolePrefix)};
    }
    auto permissions = permissionsOf(actor.roles);
    if (!permissions) {
        return permissions.error();
    }
    actor.permissions = permissions.value();
    if (actor.roles.contains(QLatin1String("dialer"))) {
        actor.permissions.insert(Permission::CampaignRun); // the login run and serve use
    }
    auto mapped = storage::UserRepository(m_database).idForDbLogin(login.value().login);
    if (!mapped) {
        return mapped.error();
    }
    actor.userId = mapped.value();
    return actor;
}

} // namespace vsc::services::auth
