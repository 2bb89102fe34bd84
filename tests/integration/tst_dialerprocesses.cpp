// SPDX-License-Identifier: GPL-3.0-or-later
// Exactly-once dialing across real processes on one PostgreSQL: two headless dialers on one campaign, the holder
// killed with SIGKILL and the standby taking over; the holder frozen with SIGSTOP (its clock true, or 30 s behind)
// while the standby takes over, then continued; a lone dialer killed and restarted. The simulated carrier's call
// log is the provider's record of every call placed, shared by the processes as one Twilio account would be.
#include "services/dialer/campaignlease.h"
#include "services/storage/databaseconfig.h"
#include "services/storage/sql.h"
#include "testconfig.h"
#include "tests/support/dialerprocess.h"
#include "tests/support/latch.h"
#include "tests/support/testdatabase.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace vsc;
using namespace vsc::services;

class TestDialerProcesses : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void standbyTakesOverWhenTheHolderIsKilled();
    void killedDialerRestartsWithoutDoubleDialing();
    void standbyAppliesTheJournalOfAKilledHolder();
    void stoppedHolderNeverCallsTwice_data();
    void stoppedHolderNeverCallsTwice();

private:
    QStringList runArgs(const tests::TestDatabase &db, qint64 campaignId, const QString &callLog) const;
    static void verifyEachContactDialedOnce(storage::Database &db, qint64 campaignId, int contacts,
                                            const QString &callLog);
    QTemporaryDir m_dir;
};

void TestDialerProcesses::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(VSC_APP_BINARY)));
    QVERIFY2(tests::TestDatabase::postgresRequested(), "these tests need VSC_TEST_BACKEND=postgres");
    tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

QStringList TestDialerProcesses::runArgs(const tests::TestDatabase &db, qint64 campaignId, const QString &callLog) const
{
    return {QStringLiteral("run"),
            QStringLiteral("--campaign"),
            QString::number(campaignId),
            QStringLiteral("--simulated"),
            QStringLiteral("--time-scale"),
            QStringLiteral("200"),
            QStringLiteral("--standby"),
            QStringLiteral("--carrier-log"),
            callLog,
            QStringLiteral("--database"),
            db.url(),
            QStringLiteral("--json")};
}

void TestDialerProcesses::verifyEachContactDialedOnce(storage::Database &d, qint64 campaignId, int contacts,
                                                      const QString &callLog)
{
    // Nobody left behind, nothing still in flight.
    QCOMPARE(
        tests::count(d,
                     QStringLiteral("SELECT COUNT(*) FROM contacts WHERE campaign_id = ? AND status IN ('pending', "
                                    "'in_progress')"),
                     {campaignId}),
        0);
    QCOMPARE(tests::count(d, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE status IN ('claimed', 'queued', "
                                            "'initiated', 'ringing', 'in-progress')")),
             0);
    // In the database: one placed call per contact, for every contact.
    QCOMPARE(tests::count(
                 d, QStringLiteral("SELECT COUNT(DISTINCT contact_id) FROM call_attempts WHERE call_sid IS NOT NULL")),
             contacts);
    QCOMPARE(tests::count(d, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE call_sid IS NOT NULL")),
             contacts);
    // At the provider: every number exactly once.
    const QHash<QString, int> placed = tests::callsInCarrierLog(callLog);
    QCOMPARE(placed.size(), contacts);
    for (auto it = placed.cbegin(); it != placed.cend(); ++it) {
        QVERIFY2(it.value() == 1, qPrintable(QStringLiteral("%1 dialed %2 times").arg(it.key()).arg(it.value())));
    }
    // No lost answer: every completed interview has its answers.
    QCOMPARE(
        tests::count(d, QStringLiteral("SELECT COUNT(*) FROM contacts k WHERE k.status = 'completed' AND NOT EXISTS "
                                       "(SELECT 1 FROM answers a WHERE a.contact_id = k.id)")),
        0);
}

void TestDialerProcesses::standbyTakesOverWhenTheHolderIsKilled()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    constexpr int kContacts = 500;
    auto campaign = tests::makeDialingCampaign(db.database(), kContacts, 0.2, 20); // 40 calls/s at x200
    QVERIFY2(campaign.ok(), qPrintable(campaign.ok() ? QString() : campaign.error().toString()));
    const qint64 campaignId = campaign.value();
    const QString callLog = m_dir.filePath(QStringLiteral("takeover-calls.log"));

    tests::DialerProcess first(QStringLiteral(VSC_APP_BINARY), runArgs(db, campaignId, callLog),
                               m_dir.filePath(QStringLiteral("first")));
    QTRY_VERIFY2_WITH_TIMEOUT(first.hasEvent(QStringLiteral("dialing")), qPrintable(first.stderrText()), 30000);
    tests::DialerProcess second(QStringLiteral(VSC_APP_BINARY), runArgs(db, campaignId, callLog),
                                m_dir.filePath(QStringLiteral("second")));
    QTRY_VERIFY2_WITH_TIMEOUT(second.hasEvent(QStringLiteral("standby")), qPrintable(second.stderrText()), 30000);
    // Only the holder dials: every attempt so far is the first process's.
    QTRY_VERIFY_WITH_TIMEOUT(tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts")) >= 200,
                             180000);
    auto holder = dialer::CampaignLease::current(db.database(), campaignId);
    QVERIFY(holder.ok() && holder.value());
    QVERIFY(holder.value()->label.contains(QStringLiteral("pid %1").arg(first.pid())));
    QVERIFY(!second.hasEvent(QStringLiteral("dialing")));

    first.killHard();
    const QDateTime killedAt = QDateTime::currentDateTimeUtc();
    QTRY_VERIFY2_WITH_TIMEOUT(second.hasEvent(QStringLiteral("dialing")), qPrintable(second.stderrText()), 30000);
    holder = dialer::CampaignLease::current(db.database(), campaignId);
    QVERIFY(holder.ok() && holder.value());
    QVERIFY(holder.value()->label.contains(QStringLiteral("pid %1").arg(second.pid())));
    const double takeoverSeconds = killedAt.msecsTo(holder.value()->acquiredAt) / 1000.0;
    qInfo("takeover %.1f s after the holder was killed", takeoverSeconds);
    QVERIFY2(takeoverSeconds <= 15.0, qPrintable(QString::number(takeoverSeconds)));
    QCOMPARE(second.events(QStringLiteral("dialing")).constFirst().value(QStringLiteral("takeover")).toBool(), true);

    QVERIFY2(second.process().waitForFinished(240000), qPrintable(second.stderrText()));
    QCOMPARE(second.process().exitCode(), 0);
    QVERIFY(second.hasEvent(QStringLiteral("done")));
    verifyEachContactDialedOnce(db.database(), campaignId, kContacts, callLog);
}

void TestDialerProcesses::killedDialerRestartsWithoutDoubleDialing()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    constexpr int kContacts = 300;
    // 0.3 calls/s with up to 20 at once keeps ~15 calls in flight: at 0.1/s only ~6 were, and a poll could miss every
    // moment with 3 answered before the campaign ended (the campaign completes in seconds at x200).
    auto campaign = tests::makeDialingCampaign(db.database(), kContacts, 0.3, 20);
    QVERIFY(campaign.ok());
    const qint64 campaignId = campaign.value();
    const QString callLog = m_dir.filePath(QStringLiteral("restart-calls.log"));
    const QString state = m_dir.filePath(QStringLiteral("lone"));
    {
        tests::DialerProcess lone(QStringLiteral(VSC_APP_BINARY), runArgs(db, campaignId, callLog), state);
        // A generous limit: on a loaded 2-core machine the first calls can take a while to connect.
        tests::Latch threeAnswered([&db] {
            return tests::count(db.database(),
                                QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE status = 'in-progress'")) >= 3;
        });
        QTRY_VERIFY2_WITH_TIMEOUT(threeAnswered(), qPrintable(lone.stderrText()), 180000);
        lone.killHard(); // mid-call: some calls in progress, maybe one claimed but not yet placed
    }
    const int unfinished =
        tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE status IN "
                                                   "('claimed', 'queued', 'initiated', 'ringing', "
                                                   "'in-progress')"));
    QVERIFY(unfinished >= 3);
    tests::DialerProcess restarted(QStringLiteral(VSC_APP_BINARY), runArgs(db, campaignId, callLog), state);
    QVERIFY2(restarted.process().waitForFinished(240000), qPrintable(restarted.stderrText()));
    QCOMPARE(restarted.process().exitCode(), 0);
    QVERIFY2(restarted.hasEvent(QStringLiteral("reconciled")), qPrintable(restarted.stderrText()));
    QCOMPARE(restarted.events(QStringLiteral("reconciled")).constFirst().value(QStringLiteral("orphans")).toInt(),
             unfinished);
    verifyEachContactDialedOnce(db.database(), campaignId, kContacts, callLog);
}

namespace {

// The journal lines a dead process left in `path` (route, attempt, params, turn).
QList<QJsonObject> journalLines(const QString &path)
{
    QFile file(path);
    QList<QJsonObject> lines;
    if (!file.open(QIODevice::ReadOnly)) {
        return lines;
    }
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (!object.isEmpty()) {
            lines << object;
        }
    }
    return lines;
}

QString paramOf(const QJsonObject &line, const QString &name)
{
    for (const QJsonValue &pair : line.value(QStringLiteral("params")).toArray()) {
        if (pair.toArray().at(0).toString() == name) {
            return pair.toArray().at(1).toString();
        }
    }
    return {};
}

} // namespace

void TestDialerProcesses::standbyAppliesTheJournalOfAKilledHolder()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    constexpr int kContacts = 400;
    auto campaign = tests::makeDialingCampaign(db.database(), kContacts, 0.3, 20); // ~15 calls in flight
    QVERIFY(campaign.ok());
    const qint64 campaignId = campaign.value();
    const QString callLog = m_dir.filePath(QStringLiteral("journal-calls.log"));
    const QString state = m_dir.filePath(QStringLiteral("journal-shared")); // one machine: one state directory
    // The holder names its connections, so the database can be taken away from it alone.
    QStringList holderArgs = runArgs(db, campaignId, callLog);
    holderArgs[holderArgs.indexOf(db.url())] = db.url() + QStringLiteral("?application_name=vsc-holder");
    tests::DialerProcess holder(QStringLiteral(VSC_APP_BINARY), holderArgs, state);
    QTRY_VERIFY2_WITH_TIMEOUT(holder.hasEvent(QStringLiteral("dialing")), qPrintable(holder.stderrText()), 30000);
    tests::DialerProcess standby(QStringLiteral(VSC_APP_BINARY), runArgs(db, campaignId, callLog), state);
    QTRY_VERIFY2_WITH_TIMEOUT(standby.hasEvent(QStringLiteral("standby")), qPrintable(standby.stderrText()), 30000);
    // A count that only grows: a snapshot of calls in progress can be missed between polls.
    QTRY_VERIFY2_WITH_TIMEOUT(tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE "
                                                                         "call_sid IS NOT NULL")) >= 40,
                              qPrintable(holder.stderrText()), 180000);
    QVERIFY2(!holder.hasEvent(QStringLiteral("done")), "the holder finished before its database was taken away");

    // The holder loses the database (new connections refused, its own ones ended); the standby keeps its own.
    auto name = storage::scalar(db.database().connection(), QStringLiteral("SELECT current_database()"));
    QVERIFY(name.ok());
    const QString database = name.value().toString();
    // (from the server's maintenance database: a session cannot lock out the database it is connected to)
    auto adminConfig = storage::DatabaseConfig::fromUrl(qEnvironmentVariable("VSC_TEST_PG_URL"));
    QVERIFY(adminConfig.ok());
    storage::Database admin(adminConfig.value());
    QVERIFY(admin.open().ok());
    const auto refused = storage::execOnly(
        admin.connection(), QStringLiteral("ALTER DATABASE \"%1\" ALLOW_CONNECTIONS false").arg(database));
    QVERIFY2(refused.ok(), qPrintable(refused.ok() ? QString() : refused.error().toString()));
    QVERIFY(storage::exec(db.database().connection(),
                          QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                                         "current_database() AND application_name = 'vsc-holder'"))
                .ok());
    // Its calls go on; their webhooks are answered and journaled. It dies with them pending.
    const auto pending = [&holder] {
        const QList<QJsonObject> events = holder.events(QStringLiteral("journal"));
        return events.isEmpty() ? 0 : events.constLast().value(QStringLiteral("pending")).toInt();
    };
    QTRY_VERIFY2_WITH_TIMEOUT(pending() >= 5, qPrintable(holder.stderrText()), 180000);
    holder.killHard();
    QString journalPath;
    QDirIterator files(state, {QStringLiteral("run-%1-*.jsonl").arg(campaignId)}, QDir::Files,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        if (!journalLines(path).isEmpty()) {
            QVERIFY2(journalPath.isEmpty(), "only the holder journaled");
            journalPath = path;
        }
    }
    QVERIFY(!journalPath.isEmpty());
    const QList<QJsonObject> journaled = journalLines(journalPath);
    QVERIFY(journaled.size() >= 5);
    QVERIFY(storage::execOnly(admin.connection(),
                              QStringLiteral("ALTER DATABASE \"%1\" ALLOW_CONNECTIONS true").arg(database))
                .ok());

    // The standby applies the dead holder's journal, takes the campaign over and finishes it.
    QTRY_VERIFY2_WITH_TIMEOUT(standby.hasEvent(QStringLiteral("journalReplayed")), qPrintable(standby.stderrText()),
                              180000);
    QCOMPARE(standby.events(QStringLiteral("journalReplayed")).constFirst().value(QStringLiteral("replayed")).toInt(),
             journaled.size());
    QVERIFY(!QFile::exists(journalPath));
    QVERIFY2(standby.process().waitForFinished(240000), qPrintable(standby.stderrText()));
    QCOMPARE(standby.process().exitCode(), 0);

    // Every journaled status is in the database, and every journaled answer moved its call past that prompt.
    int statuses = 0;
    int gathers = 0;
    for (const QJsonObject &line : journaled) {
        const QString route = line.value(QStringLiteral("route")).toString();
        const qint64 attempt = line.value(QStringLiteral("attempt")).toInteger();
        if (route == QLatin1String("status")) {
            ++statuses;
            QCOMPARE(tests::count(db.database(),
                                  QStringLiteral("SELECT COUNT(*) FROM call_events WHERE call_attempt_id = ? AND "
                                                 "call_sid = ? AND sequence_number = ?"),
                                  {attempt, paramOf(line, QStringLiteral("CallSid")),
                                   paramOf(line, QStringLiteral("SequenceNumber")).toInt()}),
                     1);
        } else if (route == QLatin1String("gather")) {
            ++gathers;
            auto stateJson =
                storage::scalar(db.database().connection(),
                                QStringLiteral("SELECT dialogue_state FROM call_attempts WHERE id = ?"), {attempt});
            QVERIFY(stateJson.ok());
            const int turn = QJsonDocument::fromJson(stateJson.value().toString().toUtf8())
                                 .object()
                                 .value(QStringLiteral("turn"))
                                 .toInt();
            QVERIFY2(turn > line.value(QStringLiteral("turn")).toInt(),
                     qPrintable(QStringLiteral("attempt %1 stands at prompt %2").arg(attempt).arg(turn)));
        }
    }
    qInfo("the standby applied %d journaled status callback(s) and %d answer(s)", statuses, gathers);
    QVERIFY(statuses + gathers > 0);
    verifyEachContactDialedOnce(db.database(), campaignId, kContacts, callLog);
}

void TestDialerProcesses::stoppedHolderNeverCallsTwice_data()
{
    QTest::addColumn<QString>("clockOffset");
    QTest::newRow("holder's clock true") << QString();
    QTest::newRow("holder's clock 30 s behind") << QStringLiteral("-30s");
}

// The holder is frozen with SIGSTOP (not killed) with creates waiting in the process, as a stalled event loop or a
// swapped-out host would be; the standby takes over and dials; then the holder carries on. A holder whose clock
// runs 30 s behind keeps its lease while it runs (heartbeats are judged by the database's clock). Either way its
// late creates are not sent, its claims are refused (fenced), and every number is called exactly once.
void TestDialerProcesses::stoppedHolderNeverCallsTwice()
{
    QFETCH(QString, clockOffset);
    QVERIFY2(QFile::exists(QStringLiteral("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")) ||
                 clockOffset.isEmpty(),
             "needs Debian's faketime (scripts/install-deps.sh)");
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    constexpr int kContacts = 500;
    auto campaign = tests::makeDialingCampaign(db.database(), kContacts, 0.2, 20); // 40 calls/s at x200
    QVERIFY(campaign.ok());
    const qint64 campaignId = campaign.value();
    const QString name = clockOffset.isEmpty() ? QStringLiteral("stopped") : QStringLiteral("stopped-skewed");
    const QString callLog = m_dir.filePath(name + QStringLiteral("-calls.log"));
    // Each create waits 500 ms in the process, as a request queued for a connection would: a stop catches some.
    const QStringList args =
        runArgs(db, campaignId, callLog) + QStringList{QStringLiteral("--carrier-create-ms"), QStringLiteral("500")};
    const QStringList wrapper = clockOffset.isEmpty() ? QStringList()
                                                      : QStringList{QStringLiteral("faketime"), QStringLiteral("-m"),
                                                                    QStringLiteral("-f"), clockOffset};

    tests::DialerProcess holder(QStringLiteral(VSC_APP_BINARY), args, m_dir.filePath(name + QStringLiteral("-1")),
                                wrapper);
    QTRY_VERIFY2_WITH_TIMEOUT(holder.hasEvent(QStringLiteral("dialing")), qPrintable(holder.stderrText()), 30000);
    tests::DialerProcess standby(QStringLiteral(VSC_APP_BINARY), args, m_dir.filePath(name + QStringLiteral("-2")));
    QTRY_VERIFY2_WITH_TIMEOUT(standby.hasEvent(QStringLiteral("standby")), qPrintable(standby.stderrText()), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts")) >= 150,
                             180000);
    // A holder running 30 s behind is not taken for dead.
    QVERIFY(!standby.hasEvent(QStringLiteral("dialing")));
    const qint64 holderPid = holder.pid();
    const qint64 standbyPid = standby.pid();
    QVERIFY(holderPid > 0 && standbyPid > 0);

    holder.pause();
    QElapsedTimer stopped;
    stopped.start();
    const int inFlight = tests::count(
        db.database(),
        QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE status = 'claimed' AND call_sid IS NULL"));
    qInfo("holder stopped with %d claim(s) without a call SID", inFlight);
    QTRY_VERIFY2_WITH_TIMEOUT(standby.hasEvent(QStringLiteral("dialing")), qPrintable(standby.stderrText()), 180000);
    // Frozen until the standby has taken over (the lease expired: over 12 s) and dialed; then it carries on as if
    // nothing had happened.
    QTRY_VERIFY_WITH_TIMEOUT(tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE "
                                                                        "lease_generation = 2")) >= 20,
                             180000);
    const int pendingAtResume =
        tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM contacts WHERE status = 'pending'"));
    qInfo("holder continued after %lld ms; %d contact(s) still to dial", qint64(stopped.elapsed()), pendingAtResume);
    holder.resume();

    QVERIFY2(standby.process().waitForFinished(240000), qPrintable(standby.stderrText()));
    QCOMPARE(standby.process().exitCode(), 0);
    QVERIFY2(holder.process().waitForFinished(240000), qPrintable(holder.stderrText()));
    QCOMPARE(holder.process().exitCode(), 0);
    verifyEachContactDialedOnce(db.database(), campaignId, kContacts, callLog);
    // Each attempt names the process and the lease generation that claimed it.
    QCOMPARE(tests::count(db.database(), QStringLiteral("SELECT COUNT(DISTINCT dialer_id) FROM call_attempts")), 2);
    QCOMPARE(tests::count(db.database(),
                          QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE lease_generation = 1 AND "
                                         "dialer_id NOT LIKE ?"),
                          {QStringLiteral("%:%1:%").arg(holderPid)}),
             0);
    QCOMPARE(tests::count(db.database(),
                          QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE lease_generation = 2 AND "
                                         "dialer_id NOT LIKE ?"),
                          {QStringLiteral("%:%1:%").arg(standbyPid)}),
             0);
}

QTEST_GUILESS_MAIN(TestDialerProcesses)
#include "tst_dialerprocesses.moc"
