// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/storage/databaseconfig.h"
#include "services/storage/transaction.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <QVariantList>
#include <QVariantMap>

#include <optional>

namespace vsc::services::storage {

class Database;

// Prepares, binds positionally and executes; the only way repositories run SQL, so every value is a parameter.
Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &params = {});
// exec() with the calling thread's cached prepared statement (Database::prepared): one round trip on PostgreSQL.
// A failure that lost the connection drops the statement with the connection (Database::reconnect).
// The query stays the Database's (see Database::prepared): read its rows, then finish() it.
Result<QSqlQuery *> execPrepared(Database &database, const QString &sql, const QVariantList &params);
// exec() and read the first column of the first row (e.g. a RETURNING id or a COUNT).
Result<QVariant> scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &params = {});
// scalar() as an int (SELECT COUNT(*) ...).
Result<int> scalarInt(const QSqlDatabase &db, const QString &sql, const QVariantList &params = {});
// exec() for a statement whose rows and counts do not matter, only whether it ran.
Result<void> execOnly(const QSqlDatabase &db, const QString &sql, const QVariantList &params = {});

// ErrorCode::ConnectionLost only when the server is gone (SQLSTATE class 08, admin shutdown, closed socket),
// so the dialer can pause and retry; a duplicate unique key is Conflict, a privilege the login lacks (42501)
// PermissionDenied; other constraint and syntax errors are ErrorCode::Database.
Error sqlError(const QSqlError &error, const QString &context);

// A null QString binds as SQL NULL; NOT NULL text columns get '' instead.
inline QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

// Timestamps are stored in UTC; SQLite keeps ISO-8601 text, PostgreSQL timestamptz.
QVariant toDb(const QDateTime &value);
QDateTime dateTimeFromDb(const QVariant &value);
QVariant toDb(const std::optional<qint64> &value);
QVariant toDb(const std::optional<int> &value);
QVariant toDb(const std::optional<double> &value);
QVariant jsonToDb(const QVariantMap &value); // NULL when empty
QVariantMap jsonFromDb(const QVariant &value);

// The database's own clock as an SQL expression, `seconds` from now (negative: earlier), in the stored timestamp
// form. Leases and claim ages are judged by it, never by a host's clock, which may run behind or ahead.
QString dbNow(Backend backend, int seconds = 0);
// A `LIKE ? ESCAPE '\'` pattern matching `text` anywhere: the user's % and _ are searched for, not wildcards.
QString containsPattern(const QString &text);
// Whole milliseconds from the timestamp `column` to the database's now, as an SQL expression.
QString dbAgeMs(Backend backend, const QString &column);

} // namespace vsc::services::storage
