// SPDX-License-Identifier: GPL-3.0-or-later
// One dialer per campaign across consoles (both backends), judged by the database's clock, and fenced claims.
#include "services/clock.h"
#include "services/dialer/campaigndialer.h"
#include "services/dialer/campaignlease.h"
#include "services/storage/databaseconfig.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
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
    void heartbeatsAreJudgedByTheDatabaseClock();
    void aFencedHolderCannotClaim();
    void aSecondDialerIsRefusedWithTheHolderNamed();
};

void TestCampaignLease::initTestCase()
{
    tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

namespace {

// The holder went silent `seconds` ago by the database's clock (as a stopped process, or one whose own clock runs
// behind, would look), without waiting that long.
bool silence(storage::Database &db, qint64 campaign, int seconds)
{
    return storage::exec(db.connection(),
                         QStringLiteral("UPDATE campaign_leases SET heartbeat_at = %1 WHERE campaign_id = ?")
                             .arg(storage::dbNow(db.backend(), -seconds)),
                         {campaign})
        .ok();
}

} // namespace

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

    QCOMPARE(a.tryAcquire().value(), true);
    QCOMPARE(a.generation(), 1);
    QCOMPARE(a.tryAcquire().value(), true); // re-entrant for its holder, in the same generation
    QCOMPARE(a.generation(), 1);
    QCOMPARE(b.tryAcquire().value(), false);
    QVERIFY(silence(db.database(), campaign, CampaignLease::kTtlSeconds - 2));
    QCOMPARE(a.renew().value(), true);
    QCOMPARE(b.tryAcquire().value(), false); // renewed just now, by the database's clock
    QVERIFY(silence(db.database(), campaign, CampaignLease::kTtlSeconds + 1));
    QVERIFY(CampaignLease::active(*otherDb).value().isEmpty()); // a lease gone silent is not listed
    QVERIFY(!CampaignLease::current(*otherDb, campaign).value()->live);
    QCOMPARE(b.tryAcquire().value(), true); // A went silent: B takes over, in a new generation
    QCOMPARE(b.generation(), 2);
    QCOMPARE(a.renew().value(), false); // and A learns it lost the lease
    QCOMPARE(a.tryAcquire().value(), false);
    auto info = CampaignLease::current(db.database(), campaign);
    QCOMPARE(info.value()->holder, QStringLiteral("b"));
    QCOMPARE(info.value()->label, QStringLiteral("console B"));
    QCOMPARE(info.value()->generation, 2);
    QVERIFY(info.value()->live);
    // Every console can list who dials what.
    auto active = CampaignLease::active(*otherDb);
    QVERIFY(active.ok());
    QCOMPARE(active.value().size(), 1);
    QCOMPARE(active.value().constFirst().campaignId, campaign);
    QCOMPARE(active.value().constFirst().campaignName, QStringLiteral("Webhook test"));
    QCOMPARE(active.value().constFirst().label, QStringLiteral("console B"));
    QVERIFY(a.release().ok()); // releasing a lease one does not hold changes nothing
    QVERIFY(CampaignLease::current(db.database(), campaign).value().has_value());
    QVERIFY(b.release().ok());
    QVERIFY(!CampaignLease::current(db.database(), campaign).value().has_value());
    QCOMPARE(b.renew().value(), false); // released: gone for good
    // Taken again after a release, even by the same holder, is a new generation: the old one stays fenced.
    QCOMPARE(a.tryAcquire().value(), true);
    QCOMPARE(a.generation(), 3);
    QVERIFY(CampaignLease::newHolderId() != CampaignLease::newHolderId());
    QCOMPARE(CampaignLease::processHolderId(), CampaignLease::processHolderId());
    QVERIFY(CampaignLease::processHolderId().contains(QStringLiteral(":%1:").arg(QCoreApplication::applicationPid())));
    QVERIFY(CampaignLease::processLabel(QStringLiteral("console")).startsWith(QStringLiteral("console on ")));
}

// The holder's own clock plays no part: a holder whose clock runs 30 s behind the database's writes heartbeats
// that are still live, and one whose clock runs ahead cannot keep a dead lease alive. Every time in the lease row
// comes from the database.
void TestCampaignLease::heartbeatsAreJudgedByTheDatabaseClock()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    auto fixture = tests::migrateAndMakeCallFixture(db.database());
    QVERIFY(fixture.ok());
    const qint64 campaign = fixture.value().campaignId;
    const auto otherDb = db.openAnotherConnection();
    QVERIFY(otherDb);
    CampaignLease a(db.database(), campaign, QStringLiteral("a"), QStringLiteral("console A"));
    CampaignLease b(*otherDb, campaign, QStringLiteral("b"), QStringLiteral("console B"));
    QVERIFY(a.tryAcquire().value());
    QVERIFY(a.renew().value());
    // The heartbeat is the database's now, whatever this host's clock says.
    QCOMPARE(
        tests::count(db.database(),
                     QStringLiteral("SELECT COUNT(*) FROM campaign_leases WHERE campaign_id = ? AND "
                                    "heartbeat_at >= %1 AND heartbeat_at <= %2")
                         .arg(storage::dbNow(db.database().backend(), -2), storage::dbNow(db.database().backend(), 0)),
                     {campaign}),
        1);
    QVERIFY(!b.tryAcquire().value());
    QVERIFY(CampaignLease::current(*otherDb, campaign).value()->live);
}

// Fencing: once a standby has taken the lease over, a claim by the old holder is refused inside the claim's own
// transaction, even though the old holder never noticed (its event loop stalled, its renewals never ran); so is a
// claim on a lease that expired by the database's clock. The standby's claims record its holder id and generation.
void TestCampaignLease::aFencedHolderCannotClaim()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    auto fixture = tests::migrateAndMakeCallFixture(db.database());
    QVERIFY(fixture.ok());
    const qint64 campaign = fixture.value().campaignId;
    QVERIFY(storage::exec(db.database().connection(),
                          QStringLiteral("UPDATE contacts SET status = 'pending', attempts_count = 0"))
                .ok());
    QVERIFY(storage::exec(db.database().connection(), QStringLiteral("DELETE FROM call_attempts")).ok());
    const auto otherDb = db.openAnotherConnection();
    QVERIFY(otherDb);
    CampaignLease old(db.database(), campaign, QStringLiteral("old:1:aa"), QStringLiteral("old"));
    CampaignLease standby(*otherDb, campaign, QStringLiteral("standby:2:bb"), QStringLiteral("standby"));
    QVERIFY(old.tryAcquire().value());
    storage::SqlContactQueue oldQueue(db.database());
    storage::SqlContactQueue standbyQueue(*otherDb);
    const QDateTime at = QDateTime::currentDateTimeUtc();
    const auto take = [](const storage::QueueCandidate &) { return std::optional<QDateTime>(); };
    storage::QueueRules oldRules{campaign, 3, 3, 30, old.fence()};

    // The lease expired by the database's clock, not yet taken over: no claim either.
    QVERIFY(silence(db.database(), campaign, CampaignLease::kTtlSeconds + 1));
    auto expired = oldQueue.claimNext(oldRules, at, old.holder(), CallProvider::Simulated, take);
    QVERIFY(!expired.ok());
    QCOMPARE(expired.error().code, ErrorCode::Conflict);
    QVERIFY(standby.tryAcquire().value());
    QCOMPARE(standby.generation(), old.generation() + 1);
    auto fenced = oldQueue.claimNext(oldRules, at, old.holder(), CallProvider::Simulated, take);
    QVERIFY(!fenced.ok());
    QCOMPARE(fenced.error().code, ErrorCode::Conflict);
    QCOMPARE(tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts")), 0);
    QCOMPARE(tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM contacts WHERE status = 'pending'")), 1);

    storage::QueueRules standbyRules{campaign, 3, 3, 30, standby.fence()};
    auto claimed = standbyQueue.claimNext(standbyRules, at, standby.holder(), CallProvider::Simulated, take);
    QVERIFY2(claimed.ok(), qPrintable(claimed.ok() ? QString() : claimed.error().toString()));
    QVERIFY(claimed.value().has_value());
    QCOMPARE(tests::count(db.database(),
                          QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE dialer_id = 'standby:2:bb' AND "
                                         "lease_generation = 2 AND claimed_db_at IS NOT NULL")),
             1);
    // The claim's age is measured on the database's clock.
    auto unfinished = standbyQueue.unfinishedAttempts(campaign);
    QVERIFY(unfinished.ok());
    QCOMPARE(unfinished.value().size(), 1);
    QVERIFY(unfinished.value().constFirst().claimAgeMs >= 0);
    QVERIFY(unfinished.value().constFirst().claimAgeMs < 60000);
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
    dialer::DialerOptions optionsB;
    optionsB.dialerId = CampaignLease::newHolderId(); // another console: another process's holder id
    dialer::CampaignDialer second(*otherDb, queueB, clock, carrierB, flowB, campaign, optionsB);
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
