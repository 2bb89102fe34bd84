// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "services/storage/database.h"

#include <QDateTime>
#include <QVariantMap>

#include <optional>

namespace vsc::services::storage {

struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    std::optional<qint64> actorUserId;
    QString action;     // e.g. "campaign.status"
    QString entityType; // e.g. "campaign"
    std::optional<qint64> entityId;
    QVariantMap details;
    QString actorName;  // who, as the actor names itself: "ada", "os:alice", "pg:alice", "system:dialer"
    QVariantMap before; // the changed fields before and after the change; empty when nothing was changed
    QVariantMap after;
    QString prevHash; // the previous row's rowHash; empty for the first row of the chain
    QString rowHash;  // SHA-256 over this row's content and prevHash (rowHashOf); empty for rows older than the chain
};

// What `actor` did to an entity; details, before and after are filled in by the caller.
AuditEntry auditEntry(const Actor &actor, const QString &action, const QString &entityType,
                      std::optional<qint64> entityId = std::nullopt);

struct AuditFilter
{
    QDateTime from; // inclusive; invalid = open
    QDateTime to;   // exclusive; invalid = open
    QString actorName;
    QString action; // an exact action, or a prefix ending in '.' ("user.")
    QString entityType;
    std::optional<qint64> entityId;
    std::optional<qint64> beforeId; // keyset paging, newest first: rows with a smaller id
    int limit = 200;
};

struct AuditVerification
{
    qint64 rows = 0;      // rows read
    qint64 unchained = 0; // rows from before the chain began (schema version < 6), not verifiable
    std::optional<qint64> firstBrokenId;
    QString reason;   // why firstBrokenId is broken
    QString headHash; // the last row's hash: note it elsewhere to detect a cut-off tail later
    [[nodiscard]] bool intact() const { return !firstBrokenId; }
};

// The append-only record of who did what. Each row carries a hash over its content and the previous row's hash, so
// changing, deleting or inserting a row breaks the chain at that row (verify()). The database refuses updates and
// deletes (migration 0007). Writers are serialised (PostgreSQL: an advisory lock until the writer's transaction
// ends; SQLite: its single writer), so the chain stays linear. Synchronous, calling thread.
class AuditRepository final
{
public:
    explicit AuditRepository(Database &database) : m_database(database) {}

    // Joins the caller's transaction when there is one (the row then commits or rolls back with the change).
    Result<qint64> record(const AuditEntry &entry);
    Result<QList<AuditEntry>> forEntity(const QString &entityType, qint64 entityId);
    Result<QList<AuditEntry>> entries(const AuditFilter &filter);
    Result<AuditVerification> verify();

    // The canonical content of a row, hashed: a compact JSON array, so no field can run into the next.
    static QString rowHashOf(const AuditEntry &entry);

private:
    Database &m_database;
};

} // namespace vsc::services::storage
