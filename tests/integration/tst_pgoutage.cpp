// SPDX-License-Identifier: GPL-3.0-or-later
// PostgreSQL stopped for 20 s under a running headless dialer, then started again: dialing pauses and resumes by
// itself, webhooks that arrive meanwhile still get their TwiML and wait in the local journal, and the journal is
// replayed in order, so no event or answer is lost. Runs alone (RUN_SERIAL): it stops the shared test cluster.
#include "services/storage/sql.h"
#include "testconfig.h"
#include "tests/support/dialerprocess.h"
#include "tests/support/testdatabase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSet>
#include <QTest>

#include <cstdio>
#include <numeric>

using namespace vsc;
using namespace vsc::services;

class TestPgOutage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dialingPausesAndTheJournalReplays();
    void answersSurviveATakeover();

private:
    static bool pgControl(const QString &action);
    static int dials(const QString &callLog); // calls placed, each dial counted (not each number)
    static QString differenceReport(const QStringList &given, const QStringList &stored, const QString &stateDir);
    QTemporaryDir m_dir;
};

void TestPgOutage::initTestCase()
{
    QVERIFY2(tests::TestDatabase::postgresRequested(), "this test needs VSC_TEST_BACKEND=postgres");
    QVERIFY(QFile::exists(QStringLiteral(VSC_APP_BINARY)));
    QVERIFY2(qEnvironmentVariableIsSet("VSC_TEST_PG_DIR"), "run through scripts/test.sh (VSC_TEST_PG_DIR)");
    tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

bool TestPgOutage::pgControl(const QString &action)
{
    QProcess control;
    control.setProcessChannelMode(QProcess::ForwardedChannels);
    control.start(QStringLiteral("bash"), {QStringLiteral(VSC_PG_CONTROL), action});
    return control.waitForFinished(90000) && control.exitStatus() == QProcess::NormalExit && control.exitCode() == 0;
}

void TestPgOutage::dialingPausesAndTheJournalReplays()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    constexpr int kContacts = 150;
    // 5 calls/s at x20, each call a few seconds of wall time: plenty in flight when the server goes.
    auto campaign = tests::makeDialingCampaign(db.database(), kContacts, 0.25, 25);
    QVERIFY(campaign.ok());
    const qint64 campaignId = campaign.value();
    const QString callLog = m_dir.filePath(QStringLiteral("calls.log"));
    const QString state = m_dir.filePath(QStringLiteral("state"));
    tests::DialerProcess dialer(QStringLiteral(VSC_APP_BINARY),
                                {QStringLiteral("run"), QStringLiteral("--campaign"), QString::number(campaignId),
                                 QStringLiteral("--simulated"), QStringLiteral("--time-scale"), QStringLiteral("20"),
                                 QStringLiteral("--carrier-log"), callLog, QStringLiteral("--database"), db.url(),
                                 QStringLiteral("--json")},
                                state);
    QTRY_VERIFY_WITH_TIMEOUT(tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts")) >= 30,
                             60000);

    QVERIFY(pgControl(QStringLiteral("stop")));
    bool restarted = false;
    // Whatever fails below, the shared cluster comes back for the tests that follow.
    const auto restart = qScopeGuard([&restarted] {
        if (!restarted) {
            (void)pgControl(QStringLiteral("start"));
        }
    });
    QTRY_VERIFY2_WITH_TIMEOUT(dialer.hasEvent(QStringLiteral("databaseLost")), qPrintable(dialer.stderrText()), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(dialer.hasEvent(QStringLiteral("journal")), 30000);
    const int placedWhenLost = dials(callLog);
    // The outage itself lasts 20 s: calls in flight keep answering and ending meanwhile.
    QElapsedTimer outage;
    outage.start();
    QTest::qWait(20000);
    const int placedDuringOutage = dials(callLog);
    QVERIFY(pgControl(QStringLiteral("start")));
    restarted = true;
    qInfo("database away for %.1f s", outage.elapsed() / 1000.0);
    QTRY_VERIFY2_WITH_TIMEOUT(dialer.hasEvent(QStringLiteral("databaseRestored")), qPrintable(dialer.stderrText()),
                              60000);

    QVERIFY(dialer.process().waitForFinished(240000));
    QCOMPARE(dialer.process().exitCode(), 0);
    QVERIFY(dialer.hasEvent(QStringLiteral("done")));

    // Journaled while away, then emptied by the replay.
    int mostPending = 0;
    for (const QJsonObject &event : dialer.events(QStringLiteral("journal"))) {
        mostPending = qMax(mostPending, event.value(QStringLiteral("pending")).toInt());
    }
    qInfo("%d webhook(s) journaled at most", mostPending);
    QVERIFY(mostPending > 0);
    QCOMPARE(dialer.events(QStringLiteral("journal")).constLast().value(QStringLiteral("pending")).toInt(), 0);
    QVERIFY(QDir(state + QStringLiteral("/voicesurvey-console/journal"))
                .entryList({QStringLiteral("*.jsonl")}, QDir::Files)
                .isEmpty());
    // No new call was placed while the database was away (a claim needs it).
    QCOMPARE(placedDuringOutage, placedWhenLost);

    storage::Database &d = db.database();
    QVERIFY(d.reconnect().ok()); // this test's own connection saw the server go too
    // Every contact dialed once, every call ended, and every call's final status event stored.
    QCOMPARE(
        tests::count(d,
                     QStringLiteral("SELECT COUNT(*) FROM contacts WHERE campaign_id = ? AND status IN ('pending', "
                                    "'in_progress')"),
                     {campaignId}),
        0);
    QCOMPARE(tests::count(d, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE call_sid IS NOT NULL")),
             kContacts);
    // At the carrier: every number dialed exactly once (a second dial of a number counts).
    const QHash<QString, int> perNumber = tests::callsInCarrierLog(callLog);
    QCOMPARE(int(perNumber.size()), kContacts);
    for (auto it = perNumber.cbegin(); it != perNumber.cend(); ++it) {
        QVERIFY2(it.value() == 1, qPrintable(QStringLiteral("%1 dialed %2 times").arg(it.key()).arg(it.value())));
    }
    QCOMPARE(tests::count(d, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE status IN ('claimed', 'queued', "
                                            "'initiated', 'ringing', 'in-progress')")),
             0);
    QCOMPARE(tests::count(
                 d, QStringLiteral("SELECT COUNT(*) FROM call_attempts a WHERE NOT EXISTS (SELECT 1 FROM call_events e "
                                   "WHERE e.call_sid = a.call_sid AND e.call_status = a.status)")),
             0);
    QCOMPARE(
        tests::count(d, QStringLiteral("SELECT COUNT(*) FROM contacts k WHERE k.status = 'completed' AND NOT EXISTS "
                                       "(SELECT 1 FROM answers a WHERE a.contact_id = k.id)")),
        0);
    // Every answer the respondents gave is stored once, on its question, with its value; nothing else is stored.
    const QStringList given = tests::answersInCarrierLog(callLog);
    QVERIFY(given.size() > kContacts); // several questions per interview
    const QStringList stored = tests::answersInDatabase(d);
    if (stored != given) {
        std::fprintf(stderr, "%s\n", qPrintable(differenceReport(given, stored, state)));
    }
    QCOMPARE(stored, given);
    qInfo("%lld answers given, each stored once on its question", qlonglong(given.size()));
}

// The holder is killed mid-campaign and a standby takes over: the answers the respondents gave (to either process)
// are in the answers table, each on its question, once. The holder can die between storing an answer and the
// carrier logging it, so the table may hold one answer more than the log, never one less.
void TestPgOutage::answersSurviveATakeover()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    constexpr int kContacts = 120;
    auto campaign = tests::makeDialingCampaign(db.database(), kContacts, 0.25, 25);
    QVERIFY(campaign.ok());
    const qint64 campaignId = campaign.value();
    const QString callLog = m_dir.filePath(QStringLiteral("takeover-calls.log"));
    const QStringList args{QStringLiteral("run"),
                           QStringLiteral("--campaign"),
                           QString::number(campaignId),
                           QStringLiteral("--simulated"),
                           QStringLiteral("--time-scale"),
                           QStringLiteral("20"),
                           QStringLiteral("--standby"),
                           QStringLiteral("--carrier-log"),
                           callLog,
                           QStringLiteral("--database"),
                           db.url(),
                           QStringLiteral("--json")};
    tests::DialerProcess holder(QStringLiteral(VSC_APP_BINARY), args, m_dir.filePath(QStringLiteral("holder")));
    QTRY_VERIFY2_WITH_TIMEOUT(holder.hasEvent(QStringLiteral("dialing")), qPrintable(holder.stderrText()), 30000);
    tests::DialerProcess standby(QStringLiteral(VSC_APP_BINARY), args, m_dir.filePath(QStringLiteral("standby")));
    QTRY_VERIFY2_WITH_TIMEOUT(standby.hasEvent(QStringLiteral("standby")), qPrintable(standby.stderrText()), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(tests::answersInCarrierLog(callLog).size() >= 20, 60000);
    holder.killHard();
    QTRY_VERIFY2_WITH_TIMEOUT(standby.hasEvent(QStringLiteral("dialing")), qPrintable(standby.stderrText()), 30000);
    QVERIFY(standby.process().waitForFinished(240000));
    QCOMPARE(standby.process().exitCode(), 0);

    const QHash<QString, int> perNumber = tests::callsInCarrierLog(callLog);
    QCOMPARE(int(perNumber.size()), kContacts);
    for (auto it = perNumber.cbegin(); it != perNumber.cend(); ++it) {
        QVERIFY2(it.value() == 1, qPrintable(QStringLiteral("%1 dialed %2 times").arg(it.key()).arg(it.value())));
    }
    const QStringList given = tests::answersInCarrierLog(callLog);
    const QStringList stored = tests::answersInDatabase(db.database());
    QVERIFY(given.size() > kContacts);
    QStringList missing;
    for (const QString &answer : given) {
        if (!stored.contains(answer)) {
            missing.append(answer);
        }
    }
    qInfo("takeover: %lld answers given, %lld stored", qlonglong(given.size()), qlonglong(stored.size()));
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
    QVERIFY2(stored.size() - given.size() <= 1,
             qPrintable(QStringLiteral("%1 stored, %2 given").arg(stored.size()).arg(given.size())));
}

// Which answers differ, and what the dialer logged about those calls: enough to tell a lost write from a stale read.
QString TestPgOutage::differenceReport(const QStringList &given, const QStringList &stored, const QString &stateDir)
{
    QStringList lines;
    QSet<QString> attempts;
    for (const QString &answer : given) {
        if (!stored.contains(answer)) {
            lines.append(QStringLiteral("given, not stored: ") + answer);
            attempts.insert(answer.section(u'\t', 0, 0));
        }
    }
    for (const QString &answer : stored) {
        if (!given.contains(answer)) {
            lines.append(QStringLiteral("stored, not given: ") + answer);
            attempts.insert(answer.section(u'\t', 0, 0));
        }
    }
    QFile logFile(stateDir + QStringLiteral("/voicesurvey-console/logs/voicesurvey.log"));
    const QString log = logFile.open(QIODevice::ReadOnly) ? QString::fromUtf8(logFile.readAll()) : QString();
    for (const QString &line : log.split(u'\n')) {
        for (const QString &attempt : attempts) {
            if (line.contains(QStringLiteral("attempt ") + attempt + u' ') ||
                line.contains(QStringLiteral("attempt ") + attempt + u':')) {
                lines.append(line);
                break;
            }
        }
    }
    return lines.join(u'\n');
}

int TestPgOutage::dials(const QString &callLog)
{
    const QHash<QString, int> perNumber = tests::callsInCarrierLog(callLog);
    return std::accumulate(perNumber.cbegin(), perNumber.cend(), 0);
}

QTEST_GUILESS_MAIN(TestPgOutage)
#include "tst_pgoutage.moc"
