// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
};

// Append-only record of who changed what. Synchronous, calling thread.
class AuditRepository final
{
public:
    explicit AuditRepository(Database &database) : m_database(database) {}

    Result<qint64> record(const AuditEntry &entry);
    Result<QList<AuditEntry>> forEntity(const QString &entityType, qint64 entityId);

private:
    Database &m_database;
};

} // namespace vsc::services::storage
