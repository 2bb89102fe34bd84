// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/sql.h"

#include "services/logging/logging.h"
#include "services/storage/database.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace vsc::services::storage {

Error sqlError(const QSqlError &error, const QString &context)
{
    static const QStringList lostMarkers{
        QStringLiteral("server closed the connection"), QStringLiteral("no connection to the server"),
        QStringLiteral("could not connect to server"), QStringLiteral("connection to server"),
        QStringLiteral("terminating connection")};
    const QString state = error.nativeErrorCode();
    // 25P03: the server ended a session whose transaction sat idle too long (Database::kIdleInTransactionSeconds).
    bool lost = state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P")) ||
                state == QLatin1String("25P03");
    for (const QString &marker : lostMarkers) {
        lost = lost || error.text().contains(marker, Qt::CaseInsensitive);
    }
    // A duplicate of a unique key (PostgreSQL 23505; SQLite's extended codes 2067 UNIQUE and 1555 PRIMARY KEY) is
    // a conflict with data that exists; 42501 is the database refusing the login a privilege
    // (a GRANT it lacks after db provision, or the audit log's append-only trigger).
    const bool duplicate = state == QLatin1String("23505") || state == QLatin1String("2067") ||
                           state == QLatin1String("1555") ||
                           error.text().contains(QLatin1String("UNIQUE constraint failed"));
    const ErrorCode code = lost                              ? ErrorCode::ConnectionLost
                           : duplicate                       ? ErrorCode::Conflict
                           : state == QLatin1String("42501") ? ErrorCode::PermissionDenied
                                                             : ErrorCode::Database;
    QString text = error.text().trimmed();
    if (text.isEmpty()) {
        text = QStringLiteral("unknown error");
    }
    return Error{code, context + QStringLiteral(": ") + text};
}

Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &params)
{
    if (!db.isOpen()) {
        return Error{ErrorCode::ConnectionLost, QStringLiteral("database connection is not open")};
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (params.isEmpty()) {
        // Nothing to bind: run directly, since PostgreSQL cannot PREPARE utility statements (DDL, SET).
        if (!query.exec(sql)) {
            return sqlError(query.lastError(), QStringLiteral("execute"));
        }
        return query;
    }
    if (!query.prepare(sql)) {
        return sqlError(query.lastError(), QStringLiteral("prepare"));
    }
    for (int i = 0; i < params.size(); ++i) {
        query.bindValue(i, params.at(i));
    }
    if (!query.exec()) {
        return sqlError(query.lastError(), QStringLiteral("execute"));
    }
    return query;
}

Result<QSqlQuery *> execPrepared(Database &database, const QString &sql, const QVariantList &params)
{
    auto prepared = database.prepared(sql);
    if (!prepared) {
        return prepared.error();
    }
    QSqlQuery &query = *prepared.value();
    for (int i = 0; i < params.size(); ++i) {
        query.bindValue(i, params.at(i));
    }
    if (!query.exec()) {
        return sqlError(query.lastError(), QStringLiteral("execute"));
    }
    return &query;
}

Result<int> scalarInt(const QSqlDatabase &db, const QString &sql, const QVariantList &params)
{
    auto value = scalar(db, sql, params);
    if (!value) {
        return value.error();
    }
    return value.value().toInt();
}

Result<void> execOnly(const QSqlDatabase &db, const QString &sql, const QVariantList &params)
{
    auto query = exec(db, sql, params);
    if (!query) {
        return query.error();
    }
    return {};
}

Result<QVariant> scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &params)
{
    auto query = exec(db, sql, params);
    if (!query) {
        return query.error();
    }
    if (!query.value().next()) {
        return Error{ErrorCode::NotFound, QStringLiteral("query returned no row")};
    }
    return query.value().value(0);
}

QVariant toDb(const QDateTime &value)
{
    return value.isValid() ? QVariant(value.toUTC()) : QVariant(QMetaType(QMetaType::QDateTime));
}

QDateTime dateTimeFromDb(const QVariant &value)
{
    if (value.isNull()) {
        return {};
    }
    if (value.typeId() == QMetaType::QDateTime) {
        return value.toDateTime().toUTC();
    }
    QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        parsed = QDateTime::fromString(value.toString(), Qt::ISODate);
    }
    return parsed.toUTC();
}

QVariant toDb(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant toDb(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Int));
}

QVariant toDb(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double));
}

QVariant jsonToDb(const QVariantMap &value)
{
    if (value.isEmpty()) {
        return QVariant(QMetaType(QMetaType::QString));
    }
    return QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(value)).toJson(QJsonDocument::Compact));
}

QVariantMap jsonFromDb(const QVariant &value)
{
    if (value.isNull()) {
        return {};
    }
    return QJsonDocument::fromJson(value.toString().toUtf8()).object().toVariantMap();
}

namespace {
// Open transaction depth per connection, on this thread (connections are per thread).
thread_local QHash<QString, int> t_transactionDepth;
} // namespace

Transaction::Transaction(Database &database) : Transaction(database.connection())
{
}

Transaction::Transaction(const QSqlDatabase &db) : m_db(db)
{
}

Transaction::~Transaction()
{
    if (!m_active) {
        return;
    }
    if (m_level == 0) {
        m_db.rollback();
    } else {
        // A destructor cannot report; the outer transaction carries on, so a savepoint left behind is logged.
        for (const QString &statement : {QStringLiteral("ROLLBACK TO SAVEPOINT vsc_sp_%1").arg(m_level),
                                         QStringLiteral("RELEASE SAVEPOINT vsc_sp_%1").arg(m_level)}) {
            if (auto done = run(statement); !done) {
                logging::logger("vsc.storage")
                    ->warn("nested transaction not undone: {}", done.error().toString().toStdString());
            }
        }
    }
    --t_transactionDepth[m_db.connectionName()];
}

Result<void> Transaction::run(const QString &statement)
{
    QSqlQuery query(m_db);
    if (!query.exec(statement)) {
        return sqlError(query.lastError(), statement);
    }
    return {};
}

Result<void> Transaction::begin()
{
    int &depth = t_transactionDepth[m_db.connectionName()];
    if (depth == 0) {
        if (!m_db.transaction()) {
            return sqlError(m_db.lastError(), QStringLiteral("begin transaction"));
        }
    } else if (auto saved = run(QStringLiteral("SAVEPOINT vsc_sp_%1").arg(depth)); !saved) {
        return saved;
    }
    m_level = depth;
    ++depth;
    m_active = true;
    return {};
}

Result<void> Transaction::commit()
{
    if (m_level == 0) {
        if (!m_db.commit()) {
            return sqlError(m_db.lastError(), QStringLiteral("commit"));
        }
    } else if (auto released = run(QStringLiteral("RELEASE SAVEPOINT vsc_sp_%1").arg(m_level)); !released) {
        return released;
    }
    m_active = false;
    --t_transactionDepth[m_db.connectionName()];
    return {};
}

QString containsPattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

QString dbNow(Backend backend, int seconds)
{
    if (backend == Backend::Postgres) {
        // clock_timestamp(), not now(): now() stands still for the whole transaction.
        return seconds == 0 ? QStringLiteral("clock_timestamp()")
                            : QStringLiteral("(clock_timestamp() + interval '%1 seconds')").arg(seconds);
    }
    // The ISO-8601 text bound QDateTimes produce, so stored times compare as text.
    return seconds == 0 ? QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")
                        : QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '%1 seconds')")
                              .arg(seconds > 0 ? QStringLiteral("+%1").arg(seconds) : QString::number(seconds));
}

QString dbAgeMs(Backend backend, const QString &column)
{
    if (backend == Backend::Postgres) {
        return QStringLiteral("CAST(EXTRACT(EPOCH FROM (clock_timestamp() - %1)) * 1000 AS BIGINT)").arg(column);
    }
    return QStringLiteral("CAST((julianday('now') - julianday(%1)) * 86400000.0 AS INTEGER)").arg(column);
}

} // namespace vsc::services::storage
