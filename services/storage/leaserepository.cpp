// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/leaserepository.h"

#include "services/storage/database.h"
#include "services/storage/sql.h"

namespace vsc::services::storage {
namespace {

LeaseInfo leaseFrom(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(),    q.value(1).toString(),      q.value(2).toString(),   q.value(3).toString(),
            dateTimeFromDb(q.value(4)), dateTimeFromDb(q.value(5)), q.value(6).toLongLong(), q.value(7).toInt() != 0};
}

// Columns for leaseFrom(); one placeholder: the oldest heartbeat that is still live.
QString leaseColumns(Backend backend, int ttlSeconds)
{
    return QStringLiteral("l.campaign_id, c.name, l.holder, l.holder_label, l.acquired_at, l.heartbeat_at, "
                          "l.generation, CASE WHEN l.heartbeat_at >= %1 THEN 1 ELSE 0 END")
        .arg(dbNow(backend, -ttlSeconds));
}

} // namespace

Result<std::optional<qint64>> LeaseRepository::acquire(qint64 campaignId, const QString &holder, const QString &label,
                                                       int ttlSeconds)
{
    const Backend backend = m_database.backend();
    const QString now = dbNow(backend);
    auto inserted = exec(m_database.connection(),
                         QStringLiteral("INSERT INTO campaign_leases (campaign_id, holder, holder_label, acquired_at, "
                                        "heartbeat_at, generation) VALUES (?, ?, ?, %1, %1, 1) "
                                        "ON CONFLICT (campaign_id) DO NOTHING")
                             .arg(now),
                         {campaignId, holder, label});
    if (!inserted) {
        return inserted.error();
    }
    if (inserted.value().numRowsAffected() == 1) {
        return std::optional<qint64>(1);
    }
    // Ours already, released, or expired: taken in one statement so two contenders cannot both win. Anything but
    // holding on to our own unreleased lease is a new generation.
    auto taken = exec(
        m_database.connection(),
        QStringLiteral("UPDATE campaign_leases SET "
                       "generation = CASE WHEN holder = ? AND released_at IS NULL THEN generation ELSE generation + 1 "
                       "END, acquired_at = CASE WHEN holder = ? AND released_at IS NULL THEN acquired_at ELSE %1 END, "
                       "holder = ?, holder_label = ?, heartbeat_at = %1, released_at = NULL "
                       "WHERE campaign_id = ? AND (holder = ? OR released_at IS NOT NULL OR heartbeat_at < %2) "
                       "RETURNING generation")
            .arg(now, dbNow(backend, -ttlSeconds)),
        {holder, holder, holder, label, campaignId, holder});
    if (!taken) {
        return taken.error();
    }
    if (!taken.value().next()) {
        return std::optional<qint64>();
    }
    return std::optional<qint64>(taken.value().value(0).toLongLong());
}

Result<bool> LeaseRepository::renew(qint64 campaignId, const QString &holder, qint64 generation)
{
    auto renewed = exec(m_database.connection(),
                        QStringLiteral("UPDATE campaign_leases SET heartbeat_at = %1 WHERE campaign_id = ? AND "
                                       "holder = ? AND generation = ? AND released_at IS NULL")
                            .arg(dbNow(m_database.backend())),
                        {campaignId, holder, generation});
    if (!renewed) {
        return renewed.error();
    }
    return renewed.value().numRowsAffected() == 1;
}

Result<void> LeaseRepository::release(qint64 campaignId, const QString &holder, qint64 generation)
{
    return execOnly(m_database.connection(),
                    QStringLiteral("UPDATE campaign_leases SET released_at = %1 WHERE campaign_id = ? AND holder = ? "
                                   "AND generation = ? AND released_at IS NULL")
                        .arg(dbNow(m_database.backend())),
                    {campaignId, holder, generation});
}

Result<std::optional<LeaseInfo>> LeaseRepository::current(qint64 campaignId, int ttlSeconds)
{
    auto query = exec(m_database.connection(),
                      QStringLiteral("SELECT %1 FROM campaign_leases l JOIN campaigns c ON c.id = l.campaign_id "
                                     "WHERE l.campaign_id = ? AND l.released_at IS NULL")
                          .arg(leaseColumns(m_database.backend(), ttlSeconds)),
                      {campaignId});
    if (!query) {
        return query.error();
    }
    if (!query.value().next()) {
        return std::optional<LeaseInfo>();
    }
    return std::optional<LeaseInfo>(leaseFrom(query.value()));
}

Result<QList<LeaseInfo>> LeaseRepository::live(int ttlSeconds)
{
    const Backend backend = m_database.backend();
    auto query = exec(m_database.connection(),
                      QStringLiteral("SELECT %1 FROM campaign_leases l JOIN campaigns c ON c.id = l.campaign_id "
                                     "WHERE l.released_at IS NULL AND l.heartbeat_at >= %2 "
                                     "ORDER BY c.name, l.campaign_id")
                          .arg(leaseColumns(backend, ttlSeconds), dbNow(backend, -ttlSeconds)));
    if (!query) {
        return query.error();
    }
    QList<LeaseInfo> leases;
    QSqlQuery &q = query.value();
    while (q.next()) {
        leases.append(leaseFrom(q));
    }
    return leases;
}

Result<bool> LeaseRepository::holds(qint64 campaignId, const LeaseFence &fence)
{
    auto held = exec(m_database.connection(),
                     QStringLiteral("SELECT 1 FROM campaign_leases WHERE campaign_id = ? AND holder = ? AND "
                                    "generation = ? AND released_at IS NULL AND heartbeat_at >= %1")
                         .arg(dbNow(m_database.backend(), -fence.ttlSeconds)),
                     {campaignId, fence.holder, fence.generation});
    if (!held) {
        return held.error();
    }
    return held.value().next();
}

} // namespace vsc::services::storage
