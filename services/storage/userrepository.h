// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "models/user.h"
#include "services/storage/database.h"

#include <QList>

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
    // The user mapped to a PostgreSQL login (users.db_login), for headless commands.
    Result<std::optional<qint64>> idForDbLogin(const QString &login);

private:
    Database &m_database;
};

} // namespace vsc::services::storage
