// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "models/user.h"
#include "services/storage/database.h"

#include <QList>

#include <optional>

namespace vsc::services::storage {

// Users, roles and role assignments. Synchronous, calling thread.
class UserRepository final
{
public:
    explicit UserRepository(Database &database) : m_database(database) {}

    Result<QList<Role>> roles();
    // Creates the user with the named roles in one transaction; unknown role names are an error.
    Result<qint64> create(const User &user);
    Result<QList<User>> users();
    Result<std::optional<User>> byUsername(const QString &username);
    Result<std::optional<User>> byId(qint64 id);
    Result<void> setDisabled(qint64 id, bool disabled);
    // Replaces the user's roles in one transaction; unknown role names are an error.
    Result<void> setRoles(qint64 id, const QStringList &roles);
    // Enabled users holding the admin role, leaving one out (the one about to change).
    Result<int> enabledAdmins(std::optional<qint64> excludingUserId = std::nullopt);
    // An identity-provider user waiting for their first sign-in: invited_at set, and the subject when known.
    Result<void> markInvited(qint64 id, const QString &subject, const QDateTime &at);
    Result<qint64> createRole(const Role &role);
    Result<void> setRolePermissions(qint64 roleId, const QStringList &permissions);
    // The user mapped to a PostgreSQL login (users.db_login), for headless commands.
    Result<std::optional<qint64>> idForDbLogin(const QString &login);

private:
    // Users matching `condition` (SQL over alias u, positional parameters), with their credentials' state and roles.
    Result<QList<User>> usersWhere(const QString &condition, const QVariantList &params);

    Database &m_database;
};

} // namespace vsc::services::storage
