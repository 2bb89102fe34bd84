// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/database.h"

#include "services/files/privatefiles.h"
#include "services/logging/logging.h"
#include "services/storage/sql.h"

#include <QFileInfo>
#include <QMutexLocker>
#include <QSqlError>
#include <QThread>
#include <QUuid>

namespace vsc::services::storage {

Database::Database(DatabaseConfig config, QString password)
    : m_config(std::move(config)), m_password(std::move(password)),
      m_instanceTag(QUuid::createUuid().toString(QUuid::Id128).left(12))
{
}

Database::~Database()
{
    QMutexLocker lock(&m_mutex);
    m_prepared.clear(); // before their connections go
    for (auto it = m_connectionNames.cbegin(); it != m_connectionNames.cend(); ++it) {
        {
            QSqlDatabase db = QSqlDatabase::database(it.key(), false);
            db.close();
        }
        QSqlDatabase::removeDatabase(it.key());
    }
}

QString Database::connectionNameForThisThread() const
{
    return QStringLiteral("vsc-%1-%2").arg(m_instanceTag).arg(quintptr(QThread::currentThreadId()), 0, 16);
}

QSqlDatabase Database::connection()
{
    const QString name = connectionNameForThisThread();
    {
        QMutexLocker lock(&m_mutex);
        if (m_connectionNames.contains(name)) {
            return QSqlDatabase::database(name, false);
        }
    }
    if (auto opened = open(); !opened) {
        // The caller gets the connection as it is and meets the error on its first query; say why here.
        logging::logger("vsc.storage")
            ->warn("no database connection for this thread: {}", opened.error().toString().toStdString());
    }
    return QSqlDatabase::database(name, false);
}

Result<void> Database::open()
{
    const QString name = connectionNameForThisThread();
    QSqlDatabase db;
    {
        QMutexLocker lock(&m_mutex);
        if (m_connectionNames.contains(name)) {
            db = QSqlDatabase::database(name, false);
        } else {
            db = QSqlDatabase::addDatabase(
                m_config.backend == Backend::Postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
            m_connectionNames.insert(name, true);
            if (m_config.backend == Backend::Postgres) {
                db.setHostName(m_config.host);
                db.setPort(m_config.port);
                db.setUserName(m_config.user);
                db.setDatabaseName(m_config.databaseName);
                if (!m_password.isEmpty()) {
                    db.setPassword(m_password);
                }
                QString options = QStringLiteral("connect_timeout=5;application_name=voicesurvey-console");
                if (!m_config.connectOptions.isEmpty()) {
                    options += u';' + m_config.connectOptions;
                }
                db.setConnectOptions(options);
            } else {
                db.setDatabaseName(m_config.sqlitePath);
                db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
            }
        }
    }
    if (!db.isValid()) {
        return Error{ErrorCode::Database,
                     QStringLiteral("Qt SQL driver for %1 is not installed").arg(m_config.displayName())};
    }
    if (db.isOpen()) {
        return {};
    }
    if (auto prepared = prepareSqliteFile(); !prepared) {
        return prepared.error();
    }
    if (!db.open()) {
        const Error error = sqlError(db.lastError(), QStringLiteral("cannot open %1").arg(m_config.displayName()));
        logging::logger("vsc.storage")->error("{}", error.toString().toStdString());
        return Error{ErrorCode::ConnectionLost, error.detail};
    }
    return configureConnection(db);
}

Result<void> Database::configureConnection(QSqlDatabase &db)
{
    QStringList statements;
    if (m_config.backend == Backend::Sqlite) {
        // Foreign keys are off by default in SQLite; WAL lets the GUI read while the dialer writes.
        statements << QStringLiteral("PRAGMA foreign_keys = ON");
        if (m_config.sqlitePath != QLatin1String(":memory:")) {
            statements << QStringLiteral("PRAGMA journal_mode = WAL") << QStringLiteral("PRAGMA synchronous = NORMAL");
        }
    } else {
        // Server chatter such as "NOTICE: relation ... already exists, skipping" is not for the user's terminal
        // (libpq prints notices to stderr); warnings and errors still arrive.
        statements << QStringLiteral("SET TIME ZONE 'UTC'") << QStringLiteral("SET client_min_messages = warning");
        // A process stalled in the middle of a transaction (SIGSTOP, swapped out, a debugger) would keep its row
        // locks, and the standby that took its lease over would wait on them for ever. None of our transactions
        // waits between statements, so the server ends one idle for 10 s: the locks go, and the stalled process
        // meets a lost connection when it carries on (journal, reconnect). The lease expires after 12 s.
        statements << QStringLiteral("SET idle_in_transaction_session_timeout = '%1s'").arg(kIdleInTransactionSeconds);
    }
    for (const QString &statement : statements) {
        auto result = exec(db, statement);
        if (!result) {
            return result.error();
        }
    }
    if (m_config.backend == Backend::Sqlite && m_config.sqlitePath != QLatin1String(":memory:")) {
        // SQLite gives its WAL and shared-memory files the database file's mode; these may predate that file's
        // being made private.
        for (const char *suffix : {"-wal", "-shm"}) {
            if (auto restricted = files::restrictToOwner(m_config.sqlitePath + QLatin1String(suffix)); !restricted) {
                logging::logger("vsc.storage")->warn("{}", restricted.error().toString().toStdString());
            }
        }
    }
    return {};
}

// The file and its directory hold phone numbers and answers: private before SQLite first opens it (SQLite would
// create it, and later its WAL, under the process umask).
Result<void> Database::prepareSqliteFile() const
{
    if (m_config.backend != Backend::Sqlite || m_config.sqlitePath == QLatin1String(":memory:")) {
        return {};
    }
    const QFileInfo file(m_config.sqlitePath);
    if (file.exists()) {
        // Someone else's file (shared through a group, say) stays usable; the log says it is not private.
        if (auto restricted = files::restrictToOwner(m_config.sqlitePath); !restricted) {
            logging::logger("vsc.storage")->warn("{}", restricted.error().toString().toStdString());
        }
        return {};
    }
    if (auto made = files::makePrivateDirectory(file.absolutePath()); !made) {
        return made.error();
    }
    return files::makePrivateFile(m_config.sqlitePath);
}

Result<void> Database::reconnect()
{
    closeThreadConnection();
    if (auto opened = open(); !opened) {
        return opened;
    }
    return ping();
}

bool Database::isOpen()
{
    return connection().isOpen();
}

Result<void> Database::ping()
{
    auto alive = scalar(connection(), QStringLiteral("SELECT 1"));
    if (!alive) {
        return alive.error();
    }
    return {};
}

void Database::closeThreadConnection()
{
    const QString name = connectionNameForThisThread();
    QMutexLocker lock(&m_mutex);
    if (!m_connectionNames.remove(name)) {
        return;
    }
    m_prepared.remove(name); // before the connection goes
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

Result<QSqlQuery *> Database::prepared(const QString &sql)
{
    const QString name = connectionNameForThisThread();
    {
        QMutexLocker lock(&m_mutex);
        if (const auto statements = m_prepared.constFind(name); statements != m_prepared.cend()) {
            if (const auto statement = statements->constFind(sql); statement != statements->cend()) {
                return statement->get();
            }
        }
    }
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        return Error{ErrorCode::ConnectionLost, QStringLiteral("database connection is not open")};
    }
    auto query = std::make_shared<QSqlQuery>(db);
    // The whole result at once: QPSQL's row-by-row mode (forward-only) leaves a result pending on the connection,
    // and a statement that is kept would keep it there (the connection's LISTEN notifications stopped arriving).
    query->setForwardOnly(false);
    if (!query->prepare(sql)) {
        return sqlError(query->lastError(), QStringLiteral("prepare"));
    }
    QMutexLocker lock(&m_mutex);
    m_prepared[name].insert(sql, query);
    return query.get();
}

Result<QString> Database::serverVersion()
{
    const QString sql = m_config.backend == Backend::Postgres ? QStringLiteral("SELECT version()")
                                                              : QStringLiteral("SELECT 'SQLite ' || sqlite_version()");
    auto value = scalar(connection(), sql);
    if (!value) {
        return value.error();
    }
    return value.value().toString();
}

} // namespace vsc::services::storage
