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

QString CampaignLease::processHolderId()
{
    static const QString id = newHolderId(); // random too: a pid is reused, on this host or in another container
    return id;
}

QString CampaignLease::processLabel(const QString &role)
{
    return QStringLiteral("%1 on %2 (pid %3)")
        .arg(role, QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid());
}

Result<bool> CampaignLease::tryAcquire()
{
    auto acquired = storage::LeaseRepository(m_database).acquire(m_campaignId, m_holder, m_label, kTtlSeconds);
    if (!acquired) {
        return acquired.error();
    }
    if (!acquired.value()) {
        return false;
    }
    m_generation = *acquired.value();
    return true;
}

Result<bool> CampaignLease::renew()
{
    if (m_generation == 0) {
        return false;
    }
    return storage::LeaseRepository(m_database).renew(m_campaignId, m_holder, m_generation);
}

Result<void> CampaignLease::release()
{
    if (m_generation == 0) {
        return {};
    }
    return storage::LeaseRepository(m_database).release(m_campaignId, m_holder, m_generation);
}

Result<std::optional<LeaseInfo>> CampaignLease::current(storage::Database &database, qint64 campaignId)
{
    return storage::LeaseRepository(database).current(campaignId, kTtlSeconds);
}

Result<QList<LeaseInfo>> CampaignLease::active(storage::Database &database)
{
    return storage::LeaseRepository(database).live(kTtlSeconds);
}

} // namespace vsc::services::dialer
