// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/dialer/campaignlease.h"

#include "services/storage/leaserepository.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QUuid>

namespace vsc::services::dialer {

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
    storage::LeaseRepository leases(m_database);
    auto inserted = leases.insertIfFree(m_campaignId, m_holder, m_label, nowUtc);
    if (!inserted || inserted.value()) {
        return inserted;
    }
    // Ours already, or expired: taken in one statement so two contenders cannot both win.
    return leases.takeOver(m_campaignId, m_holder, m_label, nowUtc, nowUtc.addSecs(-kTtlSeconds));
}

Result<bool> CampaignLease::renew(const QDateTime &nowUtc)
{
    return storage::LeaseRepository(m_database).renew(m_campaignId, m_holder, nowUtc);
}

Result<void> CampaignLease::release()
{
    return storage::LeaseRepository(m_database).release(m_campaignId, m_holder);
}

Result<std::optional<LeaseInfo>> CampaignLease::current(storage::Database &database, qint64 campaignId)
{
    return storage::LeaseRepository(database).current(campaignId);
}

Result<QList<LeaseInfo>> CampaignLease::active(storage::Database &database, const QDateTime &nowUtc)
{
    return storage::LeaseRepository(database).renewedSince(nowUtc.addSecs(-kTtlSeconds));
}

} // namespace vsc::services::dialer
