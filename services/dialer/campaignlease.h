// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/storage/database.h"
#include "services/storage/leaserepository.h"

#include <QList>
#include <QString>

#include <optional>

namespace vsc::services::dialer {

using storage::LeaseFence;
using storage::LeaseInfo;

// The right to dial one campaign, held by one dialer at a time across every console and headless process on the
// database. The holder renews it; one not renewed for kTtlSeconds may be taken over. Each call is one atomic
// statement (storage::LeaseRepository), judged by the database's clock: hosts' clocks may disagree with it and with
// each other. Every acquisition by a new holder is a new generation; claims are fenced by holder and generation
// (fence()), so a holder that lost its lease cannot claim a contact any more, even before it notices.
class CampaignLease final
{
public:
    // A holder renews every CampaignDialer::kHeartbeatMs (3 s); after 12 s of silence (four missed renewals) a
    // standby dialer polling every second takes over: at most 13 s after the holder died, inside the 15 s promised.
    static constexpr int kTtlSeconds = 12;

    CampaignLease(storage::Database &database, qint64 campaignId, QString holder, QString label);

    // True when this holder has the lease now (newly, or still).
    Result<bool> tryAcquire();
    // False when the lease was lost (another dialer took it over after it expired).
    Result<bool> renew();
    Result<void> release();
    [[nodiscard]] qint64 generation() const { return m_generation; }
    [[nodiscard]] const QString &holder() const { return m_holder; }
    [[nodiscard]] LeaseFence fence() const { return {m_holder, m_generation, kTtlSeconds}; }

    // The campaign's lease unless released (LeaseInfo::live: renewed within kTtlSeconds).
    static Result<std::optional<LeaseInfo>> current(storage::Database &database, qint64 campaignId);
    // Every campaign being dialed right now (a lease renewed within kTtlSeconds), by campaign name.
    static Result<QList<LeaseInfo>> active(storage::Database &database);
    // "host:pid:random": this process's holder id, the same for every dialer it runs; recorded on each attempt.
    static QString processHolderId();
    // A fresh "host:pid:random" (tests: two holders in one process).
    static QString newHolderId();
    static QString processLabel(const QString &role); // "console on ws-12 (pid 4242)"

private:
    storage::Database &m_database;
    qint64 m_campaignId;
    QString m_holder;
    QString m_label;
    qint64 m_generation = 0; // 0: not held
};

} // namespace vsc::services::dialer
