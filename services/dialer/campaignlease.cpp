// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignlease.h"

#include "storage/sql.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QUuid>

namespace vsc::services::dialer {

using storage::exec;
using storage::toDb;

CampaignLease::CampaignLease(storage::Database &database, qint64 campaignId, QString holder, QString label)
    : m_database(database), m_campaignId(campaignId), m_holder(std::move(holder)), m_label(std::move(label))
{
}

QString CampaignLease::newHolderId()
{
    return QStringLiteral("%1:%2:%3")
        .arg(QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid())
        .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
}

QString CampaignLease::processLabel(const QString &role)
{
    return QStringLiteral("%1 on %2 (pid %3)")
        .arg(role, QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid());
}

Result<bool> CampaignLease::tryAcquire(const QDateTime &nowUtc)
{
    QSqlDatabase db = m_database.connection();
    auto inserted = exec(db,
                         QStringLiteral("INSERT INTO campaign_leases (campaign_id, holder, holder_label, acquired_at, "
                                        "heartbeat_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (campaign_id) DO NOTHING"),
                         {m_campaignId, m_holder, m_label, toDb(nowUtc), toDb(nowUtc)});
    if (!inserted) {
        return inserted.error();
    }
    if (inserted.value().numRowsAffected() == 1) {
        return true;
    }
    // Ours already, or expired: take it in one statement so two contenders cannot both win.
    auto taken = exec(db,
                      QStringLiteral("UPDATE campaign_leases SET holder = ?, holder_label = ?, heartbeat_at = ?, "
                                     "acquired_at = CASE WHEN holder = ? THEN acquired_at ELSE ? END "
                                     "WHERE campaign_id = ? AND (holder = ? OR heartbeat_at < ?)"),
                      {m_holder, m_label, toDb(nowUtc), m_holder, toDb(nowUtc), m_campaignId, m_holder,
                       toDb(nowUtc.addSecs(-kTtlSeconds))});
    if (!taken) {
        return taken.error();
    }
    return taken.value().numRowsAffected() == 1;
}

Result<bool> CampaignLease::renew(const QDateTime &nowUtc)
{
    auto renewed =
        exec(m_database.connection(),
             QStringLiteral("UPDATE campaign_leases SET heartbeat_at = ? WHERE campaign_id = ? AND holder = ?"),
             {toDb(nowUtc), m_campaignId, m_holder});
    if (!renewed) {
        return renewed.error();
    }
    return renewed.value().numRowsAffected() == 1;
}

Result<void> CampaignLease::release()
{
    auto released = exec(m_database.connection(),
                         QStringLiteral("DELETE FROM campaign_leases WHERE campaign_id = ? AND holder = ?"),
                         {m_campaignId, m_holder});
    if (!released) {
        return released.error();
    }
    return {};
}

Result<std::optional<LeaseInfo>> CampaignLease::current(storage::Database &database, qint64 campaignId)
{
    auto query = exec(database.connection(),
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
                                              storage::dateTimeFromDb(q.value(2)),
                                              storage::dateTimeFromDb(q.value(3))});
}

Result<QList<LeaseInfo>> CampaignLease::active(storage::Database &database, const QDateTime &nowUtc)
{
    auto query = exec(database.connection(),
                      QStringLiteral("SELECT l.campaign_id, c.name, l.holder, l.holder_label, l.acquired_at, "
                                     "l.heartbeat_at FROM campaign_leases l JOIN campaigns c ON c.id = l.campaign_id "
                                     "WHERE l.heartbeat_at >= ? ORDER BY c.name, l.campaign_id"),
                      {storage::toDb(nowUtc.addSecs(-kTtlSeconds))});
    if (!query) {
        return query.error();
    }
    QList<LeaseInfo> leases;
    QSqlQuery &q = query.value();
    while (q.next()) {
        leases.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                       storage::dateTimeFromDb(q.value(4)), storage::dateTimeFromDb(q.value(5))});
    }
    return leases;
}

} // namespace vsc::services::dialer
