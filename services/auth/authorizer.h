// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "services/storage/database.h"

namespace vsc::services::auth {

// The permission check every service entry point makes before it reads personal data or changes anything. A denial
// is an error for the caller and a row in the audit log ("access.denied": who, which permission, for what).
// Call it before opening the caller's transaction, so rolling that back cannot erase the denial. Synchronous.
class Authorizer final
{
public:
    explicit Authorizer(storage::Database &database) : m_database(database) {}

    Result<void> require(const Actor &actor, Permission permission, const QString &action,
                         const QString &entityType = {}, std::optional<qint64> entityId = std::nullopt);

private:
    storage::Database &m_database;
};

} // namespace vsc::services::auth
