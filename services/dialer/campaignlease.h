// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/storage/database.h"
#include "services/storage/leaserepository.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace vsc::services::dialer {

using storage::LeaseInfo;

// The right to dial one campaign, held by one dialer at a time across every console and headless process on the
// database. The holder renews it; one not renewed for kTtlSeconds may be taken over. Each call is one atomic
// statement (storage::LeaseRepository). Times come from the caller's clock.
class CampaignLease final
{
public:
    // A holder renews every CampaignDialer::kHeartbeatMs (3 s); after 12 s of silence (four missed renewals) a
    // standby dialer polling every second takes over: at most 13 s after the holder died, inside the 15 s promised.
    static constexpr int kTtlSeconds = 12;

    CampaignLease(storage::Database &database, qint64 campaignId, QString holder, QString label);

    // True when this holder has the lease now (newly, or still).
    Result<bool> tryAcquire(const QDateTime &nowUtc);
    // False when the lease was lost (another dialer took it over after it expired).
    Result<bool> renew(const QDateTime &nowUtc);
    Result<void> release();

    static Result<std::optional<LeaseInfo>> current(storage::Database &database, qint64 campaignId);
    // Every campaign being dialed right now (a lease renewed within kTtlSeconds of `nowUtc`), by campaign name.
    static Result<QList<LeaseInfo>> active(storage::Database &database, const QDateTime &nowUtc);
    // "host:pid:random": unique per process and dialer.
    static QString newHolderId();
    static QString processLabel(const QString &role); // "console on ws-12 (pid 4242)"

private:
    storage::Database &m_database;
    qint64 m_campaignId;
    QString m_holder;
    QString m_label;
};

} // namespace vsc::services::dialer
