// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"

#include <QString>

namespace vsc::services::storage {

enum class Backend { Sqlite, Postgres };

// Where the data lives. Never holds a password: that comes from the keychain, PGPASSWORD or ~/.pgpass.
struct DatabaseConfig
{
    Backend backend = Backend::Sqlite;
    QString sqlitePath; // Sqlite: file path, or ":memory:"
    QString host;       // Postgres
    int port = 5432;
    QString user;
    QString databaseName;
    QString connectOptions; // Postgres: ";"-separated libpq options from the URL query, e.g. "sslmode=require"

    // postgresql://user@host:port/db?sslmode=require, postgres://..., sqlite:///abs/file.db, sqlite:relative.db,
    // or a bare file path. A URL that carries a password is refused so it cannot end up in shell history or logs.
    static Result<DatabaseConfig> fromUrl(const QString &url);
    // The embedded default: a SQLite file under the XDG data dir.
    static DatabaseConfig embeddedDefault();

    [[nodiscard]] QString displayName() const; // safe to log and show
    [[nodiscard]] QString secretKey() const;   // keychain entry that holds this database's password
};

} // namespace vsc::services::storage
