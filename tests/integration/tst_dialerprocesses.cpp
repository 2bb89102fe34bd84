// SPDX-License-Identifier: GPL-3.0-or-later
// Exactly-once dialing across real processes on one PostgreSQL: two headless dialers on one campaign, the holder
// killed with SIGKILL and the standby taking over; a lone dialer killed and restarted. The simulated carrier's call
// log is the provider's record of every call placed, shared by the processes as one Twilio account would be.
#include "services/dialer/campaignlease.h"
#include "services/storage/sql.h"
#include "testconfig.h"
#include "tests/support/dialerprocess.h"
#include "tests/support/testdatabase.h"

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
    constexpr int kContacts = 1000;
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
                             60000);
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

    QVERIFY(second.process().waitForFinished(240000));
    QCOMPARE(second.process().exitCode(), 0);
    QVERIFY(second.hasEvent(QStringLiteral("done")));
    verifyEachContactDialedOnce(db.database(), campaignId, kContacts, callLog);
}

void TestDialerProcesses::killedDialerRestartsWithoutDoubleDialing()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    constexpr int kContacts = 300;
    auto campaign = tests::makeDialingCampaign(db.database(), kContacts, 0.1, 20);
    QVERIFY(campaign.ok());
    const qint64 campaignId = campaign.value();
    const QString callLog = m_dir.filePath(QStringLiteral("restart-calls.log"));
    const QString state = m_dir.filePath(QStringLiteral("lone"));
    {
        tests::DialerProcess lone(QStringLiteral(VSC_APP_BINARY), runArgs(db, campaignId, callLog), state);
        QTRY_VERIFY_WITH_TIMEOUT(tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE "
                                                                            "status = 'in-progress'")) >= 3,
                                 60000);
        lone.killHard(); // mid-call: some calls in progress, maybe one claimed but not yet placed
    }
    const int unfinished =
        tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE status IN "
                                                   "('claimed', 'queued', 'initiated', 'ringing', "
                                                   "'in-progress')"));
    QVERIFY(unfinished >= 3);
    tests::DialerProcess restarted(QStringLiteral(VSC_APP_BINARY), runArgs(db, campaignId, callLog), state);
    QVERIFY(restarted.process().waitForFinished(240000));
    QCOMPARE(restarted.process().exitCode(), 0);
    QVERIFY2(restarted.hasEvent(QStringLiteral("reconciled")), qPrintable(restarted.stderrText()));
    QCOMPARE(restarted.events(QStringLiteral("reconciled")).constFirst().value(QStringLiteral("orphans")).toInt(),
             unfinished);
    verifyEachContactDialedOnce(db.database(), campaignId, kContacts, callLog);
}

QTEST_GUILESS_MAIN(TestDialerProcesses)
#include "tst_dialerprocesses.moc"
