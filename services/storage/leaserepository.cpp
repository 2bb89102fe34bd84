// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/leaserepository.h"

#include "services/storage/database.h"
#include "services/storage/sql.h"

namespace vsc::services::storage {

Result<bool> LeaseRepository::insertIfFree(qint64 campaignId, const QString &holder, const QString &label,
                                           const QDateTime &at)
{
    auto inserted = exec(m_database.connection(),
                         QStringLiteral("INSERT INTO campaign_leases (campaign_id, holder, holder_label, acquired_at, "
                                        "heartbeat_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (campaign_id) DO NOTHING"),
                         {campaignId, holder, label, toDb(at), toDb(at)});
    if (!inserted) {
        return inserted.error();
    }
    return inserted.value().numRowsAffected() == 1;
}

Result<bool> LeaseRepository::takeOver(qint64 campaignId, const QString &holder, const QString &label,
                                       const QDateTime &at, const QDateTime &expiredBefore)
{
    auto taken = exec(m_database.connection(),
                      QStringLiteral("UPDATE campaign_leases SET holder = ?, holder_label = ?, heartbeat_at = ?, "
                                     "acquired_at = CASE WHEN holder = ? THEN acquired_at ELSE ? END "
                                     "WHERE campaign_id = ? AND (holder = ? OR heartbeat_at < ?)"),
                      {holder, label, toDb(at), holder, toDb(at), campaignId, holder, toDb(expiredBefore)});
    if (!taken) {
        return taken.error();
    }
    return taken.value().numRowsAffected() == 1;
}

Result<bool> LeaseRepository::renew(qint64 campaignId, const QString &holder, const QDateTime &at)
{
    auto renewed =
        exec(m_database.connection(),
             QStringLiteral("UPDATE campaign_leases SET heartbeat_at = ? WHERE campaign_id = ? AND holder = ?"),
             {toDb(at), campaignId, holder});
    if (!renewed) {
        return renewed.error();
    }
    return renewed.value().numRowsAffected() == 1;
}

Result<void> LeaseRepository::release(qint64 campaignId, const QString &holder)
{
    auto released =
        exec(m_database.connection(),
             QStringLiteral("DELETE FROM campaign_leases WHERE campaign_id = ? AND holder = ?"), {campaignId, holder});
    if (!released) {
        return released.error();
    }
    return {};
}

Result<std::optional<LeaseInfo>> LeaseRepository::current(qint64 campaignId)
{
    auto query = exec(m_database.connection(),
                      QStringLiteral("SELECT holder, holder_label, acquired_at, heartbeat_at FROM campaign_leases "
                                     "WHERE campaign_id = ?"),
                      {campaignId});
    if (!query) {
        return query.error();
    }
    if (!query.value().next()) {
        return std::optional<LeaseInfo>();
    }
    const QSqlQuery &q = query.value();
    return std::optional<LeaseInfo>(LeaseInfo{campaignId, QString(), q.value(0).toString(), q.value(1).toString(),
                                              dateTimeFromDb(q.value(2)), dateTimeFromDb(q.value(3))});
}

Result<QList<LeaseInfo>> LeaseRepository::renewedSince(const QDateTime &heartbeatSince)
{
    auto query = exec(m_database.connection(),
                      QStringLiteral("SELECT l.campaign_id, c.name, l.holder, l.holder_label, l.acquired_at, "
                                     "l.heartbeat_at FROM campaign_leases l JOIN campaigns c ON c.id = l.campaign_id "
                                     "WHERE l.heartbeat_at >= ? ORDER BY c.name, l.campaign_id"),
                      {toDb(heartbeatSince)});
    if (!query) {
        return query.error();
    }
    QList<LeaseInfo> leases;
    QSqlQuery &q = query.value();
    while (q.next()) {
        leases.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                       dateTimeFromDb(q.value(4)), dateTimeFromDb(q.value(5))});
    }
    return leases;
}

} // namespace vsc::services::storage
