// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's report (DashboardService::report: totals, AAPOR case facts, hours, outcomes) over N call attempts
// (default 10,000,000) spread over 60 days and 10 campaigns, for one campaign and for all over 30 days, read from the
// summary tables of migration 0014; the reference, measured in the same run on the same data, is the naive plan: the
// same figures counted from call_attempts (with migration 0013's indexes). Target: under 200 ms on PostgreSQL.
//
// It builds the data with generate_series in a throwaway database on the cluster that scripts/test.sh or
// /tmp/tools/peers.sh started (VSC_TEST_PG_URL), with the summary's triggers off during the bulk load, then fills the
// summary with the migration's own dashboard_rebuild():
//   VSC_TEST_BACKEND=postgres build/dev/bench/bench_dashboard [--attempts 10000000] [--runs 5]
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

// 10 campaigns; one contact per two attempts, the retry 2 to 6 hours after the first; outcomes in the proportions of a
// real campaign.
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
                              "SELECT id, campaign_id, phone_e164, n, 'simulated', status, answered_by, claimed_at, "
                              "CASE WHEN status = 'completed' THEN claimed_at + interval '5 seconds' END, "
                              "CASE WHEN status = 'completed' THEN 120 END FROM ("
                              "SELECT c.id, c.campaign_id, c.phone_e164, n, "
                              "CASE WHEN c.status = 'completed' AND n = 2 THEN 'completed' "
                              "WHEN c.id % 7 = 0 THEN 'completed' WHEN c.id % 4 = 0 THEN 'busy' "
                              "WHEN c.id % 11 = 0 THEN 'failed' ELSE 'no-answer' END AS status, "
                              "CASE WHEN c.id % 7 = 0 THEN 'machine_end_beep' END AS answered_by, "
                              "?::timestamptz - (6 * 3600 + (c.id * 7919) % (60 * 86400 - 6 * 3600)) "
                              "* interval '1 second' + (n - 1) * (7200 + (c.id * 104729) % 14400) "
                              "* interval '1 second' AS claimed_at "
                              "FROM contacts c CROSS JOIN generate_series(1, 2) n) attempt"),
               {storage::toDb(now)});
}

double measure(storage::Database &database, storage::DashboardSource source,
               const reporting::DashboardSelection &selection, const QDateTime &now, int runs)
{
    const Actor actor = Actor::fileOwner(QStringLiteral("bench"));
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto report = reporting::DashboardService(database, source).report(actor, selection, now);
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
    // The bulk load skips the summary's row triggers; dashboard_rebuild() then fills it as migration 0014 does.
    if (!run(db.database(), QStringLiteral("ALTER TABLE call_attempts DISABLE TRIGGER USER")) ||
        !build(db.database(), attempts, now) ||
        !run(db.database(), QStringLiteral("ALTER TABLE call_attempts ENABLE TRIGGER USER"))) {
        return 1;
    }
    std::printf(
        "built %lld attempts in %.1f s\n",
        static_cast<long long>(tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts"))),
        double(timer.elapsed()) / 1000.0);
    std::fflush(stdout);
    timer.restart();
    if (!run(db.database(), QStringLiteral("SELECT dashboard_rebuild()")) ||
        !run(db.database(), QStringLiteral("ANALYZE"))) {
        return 1;
    }
    std::printf("summary filled in %.1f s: %d attempt-hour rows, %d case-count rows\n",
                double(timer.elapsed()) / 1000.0,
                tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM dashboard_attempt_hours")),
                tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM dashboard_case_counts")));
    std::fflush(stdout);
    reporting::DashboardSelection one;
    one.campaignId = tests::count(db.database(), QStringLiteral("SELECT MIN(id) FROM campaigns"));
    one.period = reporting::DashboardSelection::Period::Last30Days;
    reporting::DashboardSelection all = one;
    all.campaignId.reset();
    const double oneSummary = measure(db.database(), storage::DashboardSource::Summary, one, now, runs);
    const double allSummary = measure(db.database(), storage::DashboardSource::Summary, all, now, runs);
    const double oneNaive = measure(db.database(), storage::DashboardSource::Attempts, one, now, runs);
    const double allNaive = measure(db.database(), storage::DashboardSource::Attempts, all, now, runs);
    std::printf("report, one campaign, 30 days: %.1f ms (naive, from the attempts: %.1f ms)\n", oneSummary, oneNaive);
    std::printf("report, all campaigns, 30 days: %.1f ms (naive, from the attempts: %.1f ms)\n", allSummary, allNaive);
    return oneSummary < 0 || allSummary < 0 || oneNaive < 0 || allNaive < 0 ? 1 : 0;
}
