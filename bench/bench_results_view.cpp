// SPDX-License-Identifier: GPL-3.0-or-later
// Results pane at 1,000,000 contacts: the time until the first page of the pane's model is shown in a table view,
// the time per further page while scrolling, and the peak resident memory after scrolling; the reference, measured
// in the same run, is the naive load-everything query (CallRepository::campaignAnswers, what the export used
// before: every answer of the campaign in memory). Targets: first page < 1 s, peak RSS < 300 MB.
//
// It builds the data in a throwaway database on the cluster that scripts/test.sh or /tmp/tools/peers.sh started
// (VSC_TEST_PG_URL; VSC_TEST_BACKEND=sqlite for SQLite):
//   VSC_TEST_BACKEND=postgres build/release/bench/bench_results_view [--contacts 1000000] [--pages 50]
#include "services/demo/demoseeder.h"
#include "services/results/resultsservice.h"
#include "services/storage/callrepository.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "tests/support/fakeclock.h"
#include "tests/support/testdatabase.h"
#include "ui/models/resultstablemodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

#include <sys/resource.h>

#include <cstdio>

using namespace vsc;
using namespace vsc::services;

namespace {

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // KiB on Linux
}

bool run(storage::Database &database, const QString &sql, const QVariantList &params = {})
{
    auto done = storage::exec(database.connection(), sql, params);
    if (!done) {
        std::fprintf(stderr, "%s\n", qPrintable(done.error().toString()));
    }
    return done.ok();
}

// One third of the contacts completed with an answer to every question, the rest failed after one attempt.
bool build(storage::Database &database, qint64 campaignId, int contacts, bool postgres)
{
    const QString series = postgres ? QStringLiteral("SELECT g FROM generate_series(1, ?) g")
                                    : QStringLiteral("WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s "
                                                     "WHERE g < ?) SELECT g FROM s");
    const QString pad =
        postgres ? QStringLiteral("lpad(g::text, 7, '0')") : QStringLiteral("substr('0000000' || g, -7, 7)");
    const QString now = storage::dbNow(database.backend());
    return run(database,
               QStringLiteral("INSERT INTO contacts (campaign_id, phone_e164, name, status, attempts_count) SELECT ?, "
                              "'+1700' || %1, 'Person ' || g, CASE WHEN g % 3 = 0 THEN 'completed' ELSE 'failed' END, "
                              "1 FROM (%2) x")
                   .arg(pad, series),
               {campaignId, contacts}) &&
           run(database,
               QStringLiteral("INSERT INTO call_attempts (contact_id, campaign_id, phone_e164, attempt_number, "
                              "provider, status, claimed_at, ended_at) SELECT id, campaign_id, phone_e164, 1, "
                              "'simulated', CASE WHEN status = 'completed' THEN 'completed' ELSE 'no-answer' END, %1, "
                              "%1 FROM contacts WHERE campaign_id = ? AND phone_e164 LIKE '+1700%'")
                   .arg(now),
               {campaignId}) &&
           run(database,
               QStringLiteral("INSERT INTO answers (call_attempt_id, contact_id, question_id, script_version_id, "
                              "normalized_value, answered_at) SELECT a.id, a.contact_id, q.id, q.script_version_id, "
                              "CASE q.type WHEN 'yes_no' THEN 'yes' WHEN 'numeric' THEN '7' ELSE 'answer ' || a.id "
                              "END, %1 FROM call_attempts a JOIN campaigns c ON c.id = a.campaign_id JOIN questions q "
                              "ON q.script_version_id = c.script_version_id WHERE a.campaign_id = ? AND a.status = "
                              "'completed' AND a.phone_e164 LIKE '+1700%'")
                   .arg(now),
               {campaignId}) &&
           run(database, QStringLiteral("ANALYZE"));
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption contactsOption(QStringLiteral("contacts"), QStringLiteral("contacts to build"),
                                            QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption pagesOption(QStringLiteral("pages"), QStringLiteral("pages to scroll"),
                                         QStringLiteral("n"), QStringLiteral("50"));
    parser.addOptions({contactsOption, pagesOption});
    parser.addHelpOption();
    parser.process(app);
    const int contacts = parser.value(contactsOption).toInt();
    const int pages = parser.value(pagesOption).toInt();

    tests::TestDatabase db;
    if (!db.isValid()) {
        std::fprintf(stderr, "no database: %s\n", qPrintable(db.errorString()));
        return 1;
    }
    tests::FakeClock clock;
    if (!storage::Migrator(db.database()).migrate()) {
        return 1;
    }
    auto seeded = demo::DemoSeeder(db.database(), clock).seed();
    if (!seeded) {
        return 1;
    }
    const qint64 campaignId = seeded.value().campaignId;
    QElapsedTimer timer;
    timer.start();
    if (!build(db.database(), campaignId, contacts, db.isPostgres())) {
        return 1;
    }
    const int answers = tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM answers"));
    std::printf("backend %s: built %d contacts, %d answers in %.1f s\n", db.isPostgres() ? "PostgreSQL" : "SQLite",
                contacts, answers, double(timer.elapsed()) / 1000.0);
    const double rssBefore = peakRssMb();

    const Actor actor = Actor::fileOwner(QStringLiteral("bench"));
    results::ResultsService service(db.database());
    QTableView view;
    ui::ResultsTableModel model;
    view.setModel(&model);
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.resize(1200, 700);
    view.show();
    QCoreApplication::processEvents();

    // What the pane does on opening a campaign: its questions, then the model's first page, shown.
    timer.restart();
    auto questions = service.questions(actor, campaignId);
    if (!questions) {
        return 1;
    }
    model.reset(questions.value(),
                [&](qint64 after, int limit) { return service.page(actor, campaignId, {}, after, limit); });
    QCoreApplication::processEvents();
    view.repaint();
    const double firstPageMs = double(timer.nsecsElapsed()) / 1e6;

    // Scrolling: each step to the end of what is loaded makes the view fetch the next page.
    timer.restart();
    int fetched = 0;
    while (fetched < pages && model.canFetchMore({})) {
        const int loaded = model.rowCount();
        view.scrollToBottom();
        QCoreApplication::processEvents();
        if (model.rowCount() == loaded) {
            model.fetchMore({});
        }
        ++fetched;
    }
    const double perPageMs = double(timer.nsecsElapsed()) / 1e6 / qMax(1, fetched);
    const double rssAfterScroll = peakRssMb();
    std::printf("first page shown: %.1f ms; %d more pages scrolled (%d rows held), %.1f ms a page; peak RSS %.0f MB "
                "(%.0f MB before opening)\n",
                firstPageMs, fetched, model.rowCount(), perPageMs, rssAfterScroll, rssBefore);

    // Reference: every answer of the campaign loaded at once.
    timer.restart();
    auto all = storage::CallRepository(db.database()).campaignAnswers(campaignId);
    const double naiveMs = double(timer.nsecsElapsed()) / 1e6;
    if (!all) {
        return 1;
    }
    std::printf("reference, load everything (campaignAnswers, %lld answers): %.0f ms, peak RSS %.0f MB\n",
                static_cast<long long>(all.value().size()), naiveMs, peakRssMb());
    std::printf("ratio first page / load everything: %.4f\n", firstPageMs / naiveMs);
    return 0;
}
