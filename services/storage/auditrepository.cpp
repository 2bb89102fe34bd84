// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/auditrepository.h"

#include "services/storage/sql.h"
#include "services/storage/transaction.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace vsc::services::storage {

namespace {

constexpr qint64 kAuditLockKey = 0x5653'4155; // "VSAU": serialises audit writers on PostgreSQL

const QString kColumns = QStringLiteral("id, at, actor_user_id, action, entity_type, entity_id, details, actor_name, "
                                        "before_data, after_data, prev_hash, row_hash");

// As the row reads back from either database: JSON through one parse, times to the millisecond in UTC.
QJsonObject canonical(const QVariantMap &map)
{
    return QJsonDocument::fromJson(QJsonDocument(QJsonObject::fromVariantMap(map)).toJson(QJsonDocument::Compact))
        .object();
}

QDateTime toMilliseconds(const QDateTime &at)
{
    return QDateTime::fromMSecsSinceEpoch(at.toMSecsSinceEpoch(), Qt::UTC);
}

QJsonValue optionalId(const std::optional<qint64> &id)
{
    return id ? QJsonValue(*id) : QJsonValue();
}

AuditEntry entryFrom(const QSqlQuery &q)
{
    AuditEntry e;
    e.id = q.value(0).toLongLong();
    e.at = dateTimeFromDb(q.value(1));
    if (!q.value(2).isNull()) {
        e.actorUserId = q.value(2).toLongLong();
    }
    e.action = q.value(3).toString();
    e.entityType = q.value(4).toString();
    if (!q.value(5).isNull()) {
        e.entityId = q.value(5).toLongLong();
    }
    e.details = jsonFromDb(q.value(6));
    e.actorName = q.value(7).toString();
    e.before = jsonFromDb(q.value(8));
    e.after = jsonFromDb(q.value(9));
    e.prevHash = q.value(10).toString();
    e.rowHash = q.value(11).toString();
    return e;
}

} // namespace

AuditEntry auditEntry(const Actor &actor, const QString &action, const QString &entityType,
                      std::optional<qint64> entityId)
{
    AuditEntry entry;
    entry.actorUserId = actor.userId;
    entry.actorName = actor.name;
    entry.action = action;
    entry.entityType = entityType;
    entry.entityId = entityId;
    return entry;
}

QString AuditRepository::rowHashOf(const AuditEntry &entry)
{
    const QJsonArray content{
        entry.id,
        toMilliseconds(entry.at).toString(Qt::ISODateWithMs),
        optionalId(entry.actorUserId),
        entry.actorName,
        entry.action,
        entry.entityType,
        optionalId(entry.entityId),
        canonical(entry.details),
        canonical(entry.before),
        canonical(entry.after),
        entry.prevHash,
    };
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(content).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
            .toHex());
}

Result<qint64> AuditRepository::record(const AuditEntry &entry)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    if (m_database.backend() == Backend::Postgres) {
        if (auto locked = exec(db, QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {kAuditLockKey}); !locked) {
            return locked.error();
        }
    }
    if (entry.action.isEmpty() || entry.entityType.isEmpty()) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("an audit entry needs an action and an entity type")};
    }
    AuditEntry row = entry;
    row.at = toMilliseconds(entry.at.isValid() ? entry.at : QDateTime::currentDateTimeUtc());
    // The insert reads the head in the same statement as it writes (SQLite takes its write lock before reading).
    auto inserted = exec(
        db,
        QStringLiteral("INSERT INTO audit_log (at, actor_user_id, actor_name, action, entity_type, entity_id, details, "
                       "before_data, after_data, prev_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                       "(SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1)) RETURNING id, prev_hash"),
        {toDb(row.at), toDb(row.actorUserId),
         row.actorName.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(row.actorName), row.action,
         row.entityType, toDb(row.entityId), jsonToDb(row.details), jsonToDb(row.before), jsonToDb(row.after)});
    if (!inserted) {
        return inserted.error();
    }
    if (!inserted.value().next()) {
        return Error{ErrorCode::Database, QStringLiteral("the audit row was not returned")};
    }
    row.id = inserted.value().value(0).toLongLong();
    row.prevHash = inserted.value().value(1).toString();
    inserted.value().finish();
    if (auto hashed = exec(db, QStringLiteral("UPDATE audit_log SET row_hash = ? WHERE id = ? AND row_hash IS NULL"),
                           {rowHashOf(row), row.id});
        !hashed) {
        return hashed.error();
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return row.id;
}

Result<QList<AuditEntry>> AuditRepository::forEntity(const QString &entityType, qint64 entityId)
{
    auto query = exec(
        m_database.connection(),
        QStringLiteral("SELECT %1 FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY id").arg(kColumns),
        {entityType, entityId});
    if (!query) {
        return query.error();
    }
    QList<AuditEntry> entries;
    while (query.value().next()) {
        entries.append(entryFrom(query.value()));
    }
    return entries;
}

Result<QList<AuditEntry>> AuditRepository::entries(const AuditFilter &filter)
{
    QStringList where;
    QVariantList values;
    const auto add = [&where, &values](const QString &condition, const QVariant &value) {
        where.append(condition);
        values.append(value);
    };
    if (filter.from.isValid()) {
        add(QStringLiteral("at >= ?"), toDb(filter.from));
    }
    if (filter.to.isValid()) {
        add(QStringLiteral("at < ?"), toDb(filter.to));
    }
    if (!filter.actorName.isEmpty()) {
        add(QStringLiteral("actor_name = ?"), filter.actorName);
    }
    if (filter.action.endsWith(u'.')) {
        add(QStringLiteral("substr(action, 1, ?) = ?"), filter.action.size());
        values.append(filter.action);
    } else if (!filter.action.isEmpty()) {
        add(QStringLiteral("action = ?"), filter.action);
    }
    if (!filter.entityType.isEmpty()) {
        add(QStringLiteral("entity_type = ?"), filter.entityType);
    }
    if (filter.entityId) {
        add(QStringLiteral("entity_id = ?"), *filter.entityId);
    }
    if (filter.beforeId) {
        add(QStringLiteral("id < ?"), *filter.beforeId);
    }
    values.append(qBound(1, filter.limit, 10000));
    auto query = exec(
        m_database.connection(),
        QStringLiteral("SELECT %1 FROM audit_log %2 ORDER BY id DESC LIMIT ?")
            .arg(kColumns, where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QLatin1String(" AND "))),
        values);
    if (!query) {
        return query.error();
    }
    QList<AuditEntry> entries;
    while (query.value().next()) {
        entries.append(entryFrom(query.value()));
    }
    return entries;
}

Result<AuditVerification> AuditRepository::verify()
{
    auto query = exec(m_database.connection(), QStringLiteral("SELECT %1 FROM audit_log ORDER BY id").arg(kColumns));
    if (!query) {
        return query.error();
    }
    AuditVerification result;
    QString previousHash;
    qint64 previousId = 0;
    bool chained = false;
    const auto broken = [&result](qint64 id, const QString &reason) {
        if (!result.firstBrokenId) {
            result.firstBrokenId = id;
            result.reason = reason;
        }
    };
    while (query.value().next()) {
        const AuditEntry row = entryFrom(query.value());
        ++result.rows;
        if (row.rowHash.isEmpty()) {
            if (chained) {
                broken(row.id, QStringLiteral("the row has no hash, but rows before it do"));
            } else {
                ++result.unchained;
            }
            previousId = row.id;
            continue;
        }
        if (!chained && !row.prevHash.isEmpty()) {
            broken(row.id, QStringLiteral("the first row of the chain links to a row that is missing"));
        } else if (chained && row.prevHash != previousHash) {
            broken(row.id, QStringLiteral("the row does not link to the row before it (id %1): a row was removed or "
                                          "inserted")
                               .arg(previousId));
        } else if (rowHashOf(row) != row.rowHash) {
            broken(row.id, QStringLiteral("the row's content does not match its hash: it was changed"));
        }
        chained = true;
        previousHash = row.rowHash;
        previousId = row.id;
    }
    result.headHash = previousHash;
    return result;
}

} // namespace vsc::services::storage
