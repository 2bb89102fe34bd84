// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's report (DashboardService::report: totals, AAPOR case facts, hours, outcomes) over N call attempts
// (default 10,000,000) spread over 60 days and 10 campaigns, for one campaign and for all over 30 days; the reference,
// measured in the same run on the same data, is the naive plan: the same queries without the dashboard's indexes
// (resources/migrations/0013_dashboard_indexes.sql dropped). Target: under 200 ms on PostgreSQL.
//
// It builds the data with generate_series in a throwaway database on the cluster that scripts/test.sh or
// /tmp/tools/peers.sh started (VSC_TEST_PG_URL):
//   VSC_TEST_BACKEND=postgres build/release/bench/bench_dashboard [--attempts 10000000] [--runs 5]
#include "services/reporting/dashboardservice.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "tests/support/testdatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace vsc;
using namespace vsc::services;

namespace {

bool run(storage::Database &database, const QString &sql, const QVariantList &params = {})
{
    auto done = storage::exec(database.connection(), sql, params);
    if (!done) {
        std::fprintf(stderr, "%s\n", qPrintable(done.error().toString()));
    }
    return done.ok();
}

// 10 campaigns; one contact per two attempts; outcomes in the proportions of a real campaign.
bool build(storage::Database &database, qint64 attempts, const QDateTime &now)
{
    const qint64 contacts = attempts / 2;
    return run(database, QStringLiteral("INSERT INTO campaigns (name, status) SELECT 'Bench ' || g, 'paused' "
                                        "FROM generate_series(1, 10) g")) &&
           run(database,
               QStringLiteral("INSERT INTO contacts (campaign_id, phone_e164, time_zone, status, attempts_count) "
                              "SELECT (SELECT MIN(id) FROM campaigns) + g % 10, '+1700' || lpad(g::text, 8, '0'), "
                              "CASE g % 3 WHEN 0 THEN 'America/New_York' WHEN 1 THEN 'Europe/Berlin' ELSE '' END, "
                              "CASE WHEN g % 5 = 0 THEN 'completed' WHEN g % 17 = 0 THEN 'opted_out' "
                              "WHEN g % 23 = 0 THEN 'invalid' ELSE 'failed' END, 2 "
                              "FROM generate_series(1, ?) g"),
               {contacts}) &&
           run(database,
               QStringLiteral("INSERT INTO call_attempts (contact_id, campaign_id, phone_e164, attempt_number, "
                              "provider, status, answered_by, claimed_at, answered_at, duration_seconds) "
                              "SELECT c.id, c.campaign_id, c.phone_e164, n, 'simulated', "
                              "CASE WHEN c.status = 'completed' AND n = 2 THEN 'completed' "
                              "WHEN c.id % 7 = 0 THEN 'completed' WHEN c.id % 4 = 0 THEN 'busy' "
                              "WHEN c.id % 11 = 0 THEN 'failed' ELSE 'no-answer' END, "
                              "CASE WHEN c.id % 7 = 0 THEN 'machine_end_beep' END, "
                              "?::timestamptz - ((c.id * 7919 + n * 104729) % (60 * 86400)) * interval '1 second', "
                              "NULL, CASE WHEN c.status = 'completed' THEN 120 END "
                              "FROM contacts c CROSS JOIN generate_series(1, 2) n"),
               {storage::toDb(now)}) &&
           run(database, QStringLiteral("UPDATE call_attempts SET answered_at = claimed_at + interval '5 seconds' "
                                        "WHERE status = 'completed'")) &&
           run(database, QStringLiteral("ANALYZE"));
}

double measure(storage::Database &database, const reporting::DashboardSelection &selection, const QDateTime &now,
               int runs)
{
    const Actor actor = Actor::fileOwner(QStringLiteral("bench"));
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto report = reporting::DashboardService(database).report(actor, selection, now);
        times << double(timer.nsecsElapsed()) / 1e6;
        if (!report) {
            std::fprintf(stderr, "%s\n", qPrintable(report.error().toString()));
            return -1;
        }
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2); // the median
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption attemptsOption(QStringLiteral("attempts"), QStringLiteral("attempts to build"),
                                            QStringLiteral("n"), QStringLiteral("10000000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("runs per figure (median)"),
                                        QStringLiteral("n"), QStringLiteral("5"));
    parser.addOptions({attemptsOption, runsOption});
    parser.addHelpOption();
    parser.process(app);
    const qint64 attempts = parser.value(attemptsOption).toLongLong();
    const int runs = std::max(1, parser.value(runsOption).toInt());

    tests::TestDatabase db;
    if (!db.isValid() || !db.isPostgres()) {
        std::fprintf(stderr, "needs PostgreSQL (VSC_TEST_BACKEND=postgres): %s\n", qPrintable(db.errorString()));
        return 1;
    }
    if (!storage::Migrator(db.database()).migrate()) {
        return 1;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QElapsedTimer timer;
    timer.start();
    if (!build(db.database(), attempts, now)) {
        return 1;
    }
    std::printf(
        "built %lld attempts in %.1f s\n",
        static_cast<long long>(tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts"))),
        double(timer.elapsed()) / 1000.0);
    reporting::DashboardSelection one;
    one.campaignId = tests::count(db.database(), QStringLiteral("SELECT MIN(id) FROM campaigns"));
    one.period = reporting::DashboardSelection::Period::Last30Days;
    reporting::DashboardSelection all = one;
    all.campaignId.reset();
    const double oneIndexed = measure(db.database(), one, now, runs);
    const double allIndexed = measure(db.database(), all, now, runs);
    if (!run(db.database(), QStringLiteral("DROP INDEX call_attempts_campaign_claimed_idx")) ||
        !run(db.database(), QStringLiteral("DROP INDEX call_attempts_claimed_idx")) ||
        !run(db.database(), QStringLiteral("ANALYZE"))) {
        return 1;
    }
    const double oneNaive = measure(db.database(), one, now, runs);
    const double allNaive = measure(db.database(), all, now, runs);
    std::printf("report, one campaign, 30 days: %.1f ms (naive, without the indexes: %.1f ms)\n", oneIndexed, oneNaive);
    std::printf("report, all campaigns, 30 days: %.1f ms (naive, without the indexes: %.1f ms)\n", allIndexed,
                allNaive);
    return 0;
}
