// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "services/storage/database.h"

namespace vsc::services::auth {

// Turns a user or a headless process into an Actor: its roles and the union of their permissions.
class ActorResolver final
{
public:
    explicit ActorResolver(storage::Database &database) : m_database(database) {}

    static constexpr auto kDefaultRolePrefix = "vsc_";

    // A console user; AccountDisabled when disabled, NotFound when there is no such user.
    Result<Actor> forUser(qint64 userId);
    // A command run without signing in (run, serve, contacts import, users ...):
    //  - SQLite: the OS user who can open the file is trusted with everything (the README says so);
    //  - PostgreSQL: a superuser is the owner; otherwise the login's memberships of the app's roles
    //    (<prefix>admin, <prefix>supervisor, <prefix>operator, <prefix>viewer, <prefix>dialer) decide, and a login
    //    mapped to a user (users.db_login) acts as that user. No app role: Unauthenticated.
    Result<Actor> forHeadless(const QString &osUser, const QString &rolePrefix = QLatin1String(kDefaultRolePrefix));
    // The permissions the named roles grant together.
    Result<PermissionSet> permissionsOf(const QStringList &roleNames);

private:
    storage::Database &m_database;
};

} // namespace vsc::services::auth
