// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/accessrepository.h"

#include "services/storage/sql.h"

namespace vsc::services::storage {

Result<DatabaseLogin> AccessRepository::currentLogin(const QString &rolePrefix)
{
    if (m_database.backend() != Backend::Postgres) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("database logins exist on PostgreSQL only")};
    }
    QSqlDatabase db = m_database.connection();
    auto login = exec(db, QStringLiteral("SELECT session_user, rolsuper FROM pg_roles WHERE rolname = session_user"));
    if (!login) {
        return login.error();
    }
    DatabaseLogin result;
    if (login.value().next()) {
        result.login = login.value().value(0).toString();
        result.superuser = login.value().value(1).toBool();
    }
    // Membership through other roles counts too (pg_has_role MEMBER follows the grants).
    auto roles =
        exec(db,
             QStringLiteral("SELECT rolname FROM pg_roles WHERE substr(rolname, 1, ?) = ? AND rolname <> session_user "
                            "AND pg_has_role(session_user, oid, 'MEMBER') ORDER BY rolname"),
             {rolePrefix.size(), rolePrefix});
    if (!roles) {
        return roles.error();
    }
    while (roles.value().next()) {
        result.memberOf.append(roles.value().value(0).toString());
    }
    return result;
}

} // namespace vsc::services::storage
