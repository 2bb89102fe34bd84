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
};

// campaign_leases rows: who dials which campaign. Each call is one atomic statement (a row lock on PostgreSQL, the
// single writer on SQLite), so two contenders can never both win. The rules (time to live, holder ids) live in
// services/dialer/campaignlease.h. Synchronous, calling thread.
class LeaseRepository final
{
public:
    explicit LeaseRepository(Database &database) : m_database(database) {}

    // True when no one held the campaign and `holder` has it now.
    Result<bool> insertIfFree(qint64 campaignId, const QString &holder, const QString &label, const QDateTime &at);
    // True when `holder` held it already, or its holder was last heard from before `expiredBefore`.
    Result<bool> takeOver(qint64 campaignId, const QString &holder, const QString &label, const QDateTime &at,
                          const QDateTime &expiredBefore);
    // False when `holder` no longer holds it.
    Result<bool> renew(qint64 campaignId, const QString &holder, const QDateTime &at);
    Result<void> release(qint64 campaignId, const QString &holder);
    Result<std::optional<LeaseInfo>> current(qint64 campaignId);
    // Leases renewed at or after `heartbeatSince`, by campaign name.
    Result<QList<LeaseInfo>> renewedSince(const QDateTime &heartbeatSince);

private:
    Database &m_database;
};

} // namespace vsc::services::storage
