// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/storage/databaseconfig.h"

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>

namespace vsc::services::storage {

// Owns the QtSql connections to one database, one named connection per thread (Qt forbids sharing a
// connection between threads). Repositories call connection() each time rather than keeping a copy.
// Thread-safe; every method acts for the calling thread.
class Database final
{
public:
    // PostgreSQL ends a session whose transaction sits idle this long (see configureConnection).
    static constexpr int kIdleInTransactionSeconds = 10;

    explicit Database(DatabaseConfig config, QString password = {});
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Opens the calling thread's connection (idempotent) and applies per-connection settings.
    Result<void> open();
    // The calling thread's connection, opened on first use. Check isOpen() or call open() first for errors.
    [[nodiscard]] QSqlDatabase connection();
    // Closes and forgets the calling thread's connection; call before a worker thread ends.
    void closeThreadConnection();
    // Drops the calling thread's connection and opens a fresh one, then checks it answers: how a caller finds out
    // that a lost server is back (a QPSQL connection whose socket died never recovers by itself).
    Result<void> reconnect();
    // Whether the calling thread's connection answers a trivial query now (the window's connection indicator).
    Result<void> ping();

    // Whether the calling thread's connection is open (it may still have lost its server: see ping()).
    [[nodiscard]] bool isOpen();
    [[nodiscard]] Backend backend() const { return m_config.backend; }
    [[nodiscard]] const DatabaseConfig &config() const { return m_config; }
    [[nodiscard]] Result<QString> serverVersion();
    // The calling thread's statement for `sql`, prepared on its connection the first time and kept until the
    // connection closes. Run with execPrepared() (sql.h): on PostgreSQL a run is one EXECUTE where exec() costs
    // three round trips (PREPARE, EXECUTE, DEALLOCATE) and plans the statement again each time. For the hot
    // statements only; each run replaces the previous run's rows, so read them before running it again.
    // The statement stays this Database's: valid until the calling thread's connection closes.
    [[nodiscard]] Result<QSqlQuery *> prepared(const QString &sql);

private:
    QString connectionNameForThisThread() const;
    Result<void> configureConnection(QSqlDatabase &db);
    [[nodiscard]] Result<void> prepareSqliteFile() const;

    DatabaseConfig m_config;
    QString m_password;
    QString m_instanceTag;
    mutable QMutex m_mutex;
    QHash<QString, bool> m_connectionNames;                                // names this instance created, for cleanup
    QHash<QString, QHash<QString, std::shared_ptr<QSqlQuery>>> m_prepared; // by connection name, then SQL
};

} // namespace vsc::services::storage
