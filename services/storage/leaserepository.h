// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace vsc::services::storage {

class Database;

struct LeaseInfo
{
    qint64 campaignId = 0;
    QString campaignName;
    QString holder;
    QString label; // for people: "console on ws-12 (pid 4242)"
    QDateTime acquiredAt;
    QDateTime heartbeatAt;
    qint64 generation = 0; // raised by every takeover
    bool live = false;     // renewed within the time to live, by the database's clock
};

// What a claim must still hold, checked inside the claim's transaction: the campaign's lease, as `holder`, in
// `generation`, renewed within `ttlSeconds` by the database's clock.
struct LeaseFence
{
    QString holder;
    qint64 generation = 0;
    int ttlSeconds = 12;
};

// campaign_leases rows: who dials which campaign. Each call is one atomic statement (a row lock on PostgreSQL, the
// single writer on SQLite), so two contenders can never both win. Every time is the database's clock, never the
// caller's: a host whose clock runs behind cannot make a live lease look expired. A lease is a generation: taking
// it over, or taking it again after a release, raises the generation; renewing keeps it. The rules (time to live,
// holder ids) live in services/dialer/campaignlease.h. Synchronous, calling thread.
class LeaseRepository final
{
public:
    explicit LeaseRepository(Database &database) : m_database(database) {}

    // The generation `holder` holds now: newly (no lease yet, released, or silent for `ttlSeconds`) or still (its
    // own, live or not). Empty when another holder's lease is live.
    Result<std::optional<qint64>> acquire(qint64 campaignId, const QString &holder, const QString &label,
                                          int ttlSeconds);
    // False when `holder` no longer holds `generation` (taken over, or released).
    Result<bool> renew(qint64 campaignId, const QString &holder, qint64 generation);
    Result<void> release(qint64 campaignId, const QString &holder, qint64 generation);
    // The lease unless released; `live` tells whether it was renewed within `ttlSeconds`.
    Result<std::optional<LeaseInfo>> current(qint64 campaignId, int ttlSeconds);
    // Leases renewed within `ttlSeconds`, by campaign name.
    Result<QList<LeaseInfo>> live(int ttlSeconds);
    // Whether the fence still holds (a claim asks inside its transaction, just before committing).
    Result<bool> holds(qint64 campaignId, const LeaseFence &fence);

private:
    Database &m_database;
};

} // namespace vsc::services::storage
