// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/clock.h"
#include "services/storage/database.h"

#include <QDateTime>

namespace vsc::services::demo {

struct DemoSeedReport
{
    bool alreadySeeded = false;
    qint64 campaignId = 0;
    int users = 0;
    int contacts = 0;
    int attempts = 0;
    int events = 0;
    int answers = 0;
    int optOuts = 0;
    int liveCalls = 0;
};

// Fills a database with a realistic sample so a new user sees a populated console: users in every role, a
// 5-question customer-satisfaction script, a running campaign with 200 contacts across US and German time zones,
// three days of call attempts with their status events and answers, opt-outs, and a few calls in progress at
// `now`. Deterministic for a given seed. All or nothing (one transaction); seeding twice does nothing.
// Synchronous, calling thread.
class DemoSeeder final
{
public:
    static constexpr auto kCampaignName = "Customer satisfaction Q4 (demo)";

    // The call history ends at the clock's "now".
    DemoSeeder(storage::Database &database, const Clock &clock, quint32 seed = 20261123);

    Result<DemoSeedReport> seed();

    // The demo's local accounts sign in with public passwords ("demo-admin-2026"): never seed real data with them.
    static QString demoPassword(const QString &username);
    // "admin (admin) / demo-admin-2026", one per local account, for the seeder's report.
    static QStringList demoAccounts();

private:
    storage::Database &m_database;
    QDateTime m_now;
    quint32 m_seed;
};

} // namespace vsc::services::demo
