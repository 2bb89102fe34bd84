// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/auditrepository.h"

#include "services/storage/sql.h"

namespace vsc::services::storage {

Result<qint64> AuditRepository::record(const AuditEntry &entry)
{
    const QDateTime at = entry.at.isValid() ? entry.at : QDateTime::currentDateTimeUtc();
    auto id =
        scalar(m_database.connection(),
               QStringLiteral("INSERT INTO audit_log (at, actor_user_id, action, entity_type, entity_id, details) "
                              "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
               {toDb(at), toDb(entry.actorUserId), entry.action, entry.entityType, toDb(entry.entityId),
                jsonToDb(entry.details)});
    if (!id) {
        return id.error();
    }
    return id.value().toLongLong();
}

Result<QList<AuditEntry>> AuditRepository::forEntity(const QString &entityType, qint64 entityId)
{
    auto query =
        exec(m_database.connection(),
             QStringLiteral("SELECT id, at, actor_user_id, action, entity_type, entity_id, details FROM audit_log "
                            "WHERE entity_type = ? AND entity_id = ? ORDER BY id"),
             {entityType, entityId});
    if (!query) {
        return query.error();
    }
    QList<AuditEntry> entries;
    QSqlQuery &q = query.value();
    while (q.next()) {
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
        entries.append(e);
    }
    return entries;
}

} // namespace vsc::services::storage
