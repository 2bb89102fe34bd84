// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/storage/database.h"

#include <QStringList>

namespace vsc::services::storage {

// The PostgreSQL login this connection uses and the app roles it is a member of, for headless commands.
struct DatabaseLogin
{
    QString login;
    bool superuser = false;
    QStringList memberOf; // role names starting with the asked prefix, e.g. "vsc_operator"
};

// What the database itself says about who is connected. Synchronous, calling thread. PostgreSQL only.
class AccessRepository final
{
public:
    explicit AccessRepository(Database &database) : m_database(database) {}

    Result<DatabaseLogin> currentLogin(const QString &rolePrefix);

private:
    Database &m_database;
};

} // namespace vsc::services::storage
