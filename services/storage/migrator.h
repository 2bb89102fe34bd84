// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/storage/database.h"

#include <QList>
#include <QString>

namespace vsc::services::storage {

struct Migration
{
    int version = 0;
    QString name;
    QString sql; // dialect-neutral text with {{PK}} {{TS}} {{JSON}} {{BOOL}} {{NOW}} placeholders
    // One backend's own statements (NNNN_name.sqlite.sql, NNNN_name.postgres.sql), run after the neutral ones. A
    // version with only one backend's file is still recorded on the other, so versions stay the same everywhere.
    QString sqliteSql;
    QString postgresSql;

    [[nodiscard]] QStringList statements(Backend backend) const;
};

struct MigrationReport
{
    int fromVersion = 0;
    int toVersion = 0;
    QList<int> applied;
};

// Brings a database to the newest schema. All pending migrations run in one transaction and are recorded
// in schema_migrations, so a failure leaves the schema exactly as it was. A database whose schema is newer
// than this build knows is refused rather than touched. Synchronous; runs on the calling thread.
class Migrator final
{
public:
    explicit Migrator(Database &database, QList<Migration> migrations = bundledMigrations());

    // The migrations shipped as resources (:/migrations/NNNN_name[.sqlite|.postgres].sql), ordered by version.
    static QList<Migration> bundledMigrations();
    // Splits a migration into statements (a statement ends with ';' at the end of a line, outside a $$ body) and
    // substitutes the backend's types.
    static QStringList statementsFor(const QString &sql, Backend backend);

    [[nodiscard]] int latestVersion() const;
    Result<int> currentVersion();
    Result<MigrationReport> migrate();

private:
    Result<void> ensureMigrationsTable();

    Database &m_database;
    QList<Migration> m_migrations;
};

} // namespace vsc::services::storage
