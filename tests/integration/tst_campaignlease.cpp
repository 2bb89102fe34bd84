// SPDX-License-Identifier: GPL-3.0-or-later
// One dialer per campaign across consoles (both backends; the clock is passed in).
#include "services/clock.h"
#include "services/dialer/campaigndialer.h"
#include "services/dialer/campaignlease.h"
#include "services/storage/databaseconfig.h"
#include "services/storage/migrator.h"
#include "services/telephony/simulatedcarrier.h"
#include "tests/support/callfixture.h"
#include "tests/support/testdatabase.h"

#include <QTest>

using namespace vsc;
using namespace vsc::services;
using dialer::CampaignLease;

class TestCampaignLease : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void onlyOneHolderUntilItExpires();
    void aSecondDialerIsRefusedWithTheHolderNamed();
};

void TestCampaignLease::initTestCase()
{
    tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

void TestCampaignLease::onlyOneHolderUntilItExpires()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    auto fixture = tests::migrateAndMakeCallFixture(db.database());
    QVERIFY(fixture.ok());
    const qint64 campaign = fixture.value().campaignId;
    // Two consoles: separate Database objects, so separate connections.
    const auto otherDb = db.openAnotherConnection();
    QVERIFY(otherDb);
    CampaignLease a(db.database(), campaign, QStringLiteral("a"), QStringLiteral("console A"));
    CampaignLease b(*otherDb, campaign, QStringLiteral("b"), QStringLiteral("console B"));
    const QDateTime t0 = QDateTime::currentDateTimeUtc();

    QCOMPARE(a.tryAcquire(t0).value(), true);
    QCOMPARE(a.tryAcquire(t0.addSecs(1)).value(), true); // re-entrant for its holder
    QCOMPARE(b.tryAcquire(t0.addSecs(2)).value(), false);
    QCOMPARE(a.renew(t0.addSecs(5)).value(), true);
    QCOMPARE(b.tryAcquire(t0.addSecs(5 + dialer::CampaignLease::kTtlSeconds - 1)).value(),
             false);                                      // renewed at +5: valid for kTtlSeconds more
    QCOMPARE(b.tryAcquire(t0.addSecs(21)).value(), true); // A went silent: B takes over
    QCOMPARE(a.renew(t0.addSecs(22)).value(), false);     // and A learns it lost the lease
    auto info = CampaignLease::current(db.database(), campaign);
    QCOMPARE(info.value()->holder, QStringLiteral("b"));
    QCOMPARE(info.value()->label, QStringLiteral("console B"));
    QCOMPARE(info.value()->acquiredAt, t0.addSecs(21));
    // Every console can list who dials what; a lease gone silent is not listed.
    auto active = CampaignLease::active(*otherDb, t0.addSecs(22));
    QVERIFY(active.ok());
    QCOMPARE(active.value().size(), 1);
    QCOMPARE(active.value().constFirst().campaignId, campaign);
    QCOMPARE(active.value().constFirst().campaignName, QStringLiteral("Webhook test"));
    QCOMPARE(active.value().constFirst().label, QStringLiteral("console B"));
    QVERIFY(CampaignLease::active(*otherDb, t0.addSecs(21 + CampaignLease::kTtlSeconds + 1)).value().isEmpty());
    QVERIFY(a.release().ok()); // releasing a lease one does not hold changes nothing
    QVERIFY(CampaignLease::current(db.database(), campaign).value().has_value());
    QVERIFY(b.release().ok());
    QVERIFY(!CampaignLease::current(db.database(), campaign).value().has_value());
    QCOMPARE(a.tryAcquire(t0.addSecs(23)).value(), true);
    QVERIFY(CampaignLease::newHolderId() != CampaignLease::newHolderId());
    QVERIFY(CampaignLease::processLabel(QStringLiteral("console")).startsWith(QStringLiteral("console on ")));
}

void TestCampaignLease::aSecondDialerIsRefusedWithTheHolderNamed()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    auto fixture = tests::migrateAndMakeCallFixture(db.database());
    QVERIFY(fixture.ok());
    const qint64 campaign = fixture.value().campaignId;
    // Two consoles: separate Database objects, so separate connections.
    const auto otherDb = db.openAnotherConnection();
    QVERIFY(otherDb);

    services::SystemClock clock;
    storage::SqlContactQueue queueA(db.database());
    storage::SqlContactQueue queueB(*otherDb);
    telephony::CallFlow flowA(db.database(), QUrl(QStringLiteral("http://127.0.0.1:1")));
    telephony::SimulatedCarrierOptions slow;
    slow.timeScale = 1; // the one call takes long enough for the checks below
    telephony::SimulatedCarrier carrierA(flowA, db.database(), clock, slow);
    dialer::DialerOptions optionsA;
    optionsA.dialerLabel = QStringLiteral("console on desk-1 (pid 1)");
    dialer::CampaignDialer first(db.database(), queueA, clock, carrierA, flowA, campaign, optionsA);
    QVERIFY(first.start().ok());

    telephony::CallFlow flowB(*otherDb, QUrl(QStringLiteral("http://127.0.0.1:2")));
    telephony::SimulatedCarrier carrierB(flowB, *otherDb, clock, slow);
    dialer::CampaignDialer second(*otherDb, queueB, clock, carrierB, flowB, campaign);
    auto refused = second.start();
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    QVERIFY2(refused.error().detail.contains(QStringLiteral("being dialed by console on desk-1 (pid 1)")),
             qPrintable(refused.error().detail));
    QVERIFY(!second.isRunning());

    first.pause(); // releases the lease
    QVERIFY(!CampaignLease::current(db.database(), campaign).value().has_value());
    QVERIFY(second.start().ok());
    QVERIFY(second.isRunning());
    QCOMPARE(CampaignLease::current(db.database(), campaign).value()->label.contains(QStringLiteral("console on ")),
             true);
    second.pause();
}

QTEST_GUILESS_MAIN(TestCampaignLease)
#include "tst_campaignlease.moc"
