// SPDX-License-Identifier: GPL-3.0-or-later
// A campaign dialed to completion through the simulated carrier (both backends).
#include "dialer/campaigndialer.h"
#include "storage/callrepository.h"
#include "storage/campaignrepository.h"
#include "storage/contactrepository.h"
#include "storage/migrator.h"
#include "storage/sql.h"
#include "support/callfixture.h"
#include "support/testdatabase.h"
#include "telephony/simulatedcarrier.h"

#include <QSignalSpy>
#include <QTest>

using namespace vsc;
using namespace vsc::services;

class TestCampaignDialer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dialsEveryContactOnceWithinLimits();
    void pauseStopsPlacingCalls();
    void refusesCampaignWithoutScript();

private:
    int count(storage::Database &db, const QString &sql, const QVariantList &params = {});
};

void TestCampaignDialer::initTestCase()
{
    tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

int TestCampaignDialer::count(storage::Database &db, const QString &sql, const QVariantList &params)
{
    auto value = storage::scalar(db.connection(), sql, params);
    return value.ok() ? value.value().toInt() : -1;
}

void TestCampaignDialer::dialsEveryContactOnceWithinLimits()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    QVERIFY(storage::Migrator(db.database()).migrate().ok());
    auto fixture = tests::makeCallFixture(db.database(), QStringLiteral("+14155550100"));
    QVERIFY(fixture.ok());
    // The fixture's own attempt is not this dialer's; release its contact so the dialer may take it.
    QVERIFY(storage::exec(db.database().connection(), QStringLiteral("DELETE FROM call_attempts")).ok());
    for (int i = 1; i < 30; ++i) {
        QVERIFY(tests::addAttempt(db.database(), fixture.value(),
                                  QStringLiteral("+1415555%1").arg(100 + i, 4, 10, QLatin1Char('0')))
                    .ok());
    }
    QVERIFY(storage::exec(db.database().connection(), QStringLiteral("DELETE FROM call_attempts")).ok());
    QVERIFY(storage::exec(
                db.database().connection(),
                QStringLiteral("UPDATE campaigns SET max_concurrent_calls = 3, calls_per_second = 2 WHERE id = ?"),
                {fixture.value().campaignId})
                .ok());
    QVERIFY(storage::exec(db.database().connection(),
                          QStringLiteral("INSERT INTO suppression_list (phone_e164, campaign_id, reason, source) "
                                         "VALUES (?, NULL, 'test', 'manual')"),
                          {QStringLiteral("+14155550105")})
                .ok());
    // +14155550107 was called three times this month by another campaign: the per-number cap keeps it out.
    {
        Campaign other;
        other.name = QStringLiteral("Other campaign");
        const qint64 otherId = storage::CampaignRepository(db.database()).create(other).value();
        Contact c;
        c.campaignId = otherId;
        c.phoneE164 = QStringLiteral("+14155550107");
        const qint64 contactId = storage::ContactRepository(db.database()).add(c).value();
        for (int n = 1; n <= 3; ++n) {
            CallAttempt a;
            a.contactId = contactId;
            a.campaignId = otherId;
            a.attemptNumber = n;
            a.status = CallStatus::NoAnswer;
            a.claimedAt = QDateTime::currentDateTimeUtc().addDays(-n * 5);
            QVERIFY(storage::CallRepository(db.database()).createAttempt(a).ok());
        }
    }

    telephony::CallFlow flow(db.database(), QUrl(QStringLiteral("https://surveys.example.com")));
    telephony::SimulatedCarrierOptions carrierOptions;
    carrierOptions.timeScale = 500;
    carrierOptions.seed = 11;
    telephony::SimulatedCarrier carrier(flow, db.database(), carrierOptions);
    dialer::DialerOptions options;
    options.timeScale = 500;
    options.retryDelaySeconds = 60;
    dialer::CampaignDialer dialer(db.database(), carrier, flow, fixture.value().campaignId, options);
    int mostActive = 0;
    connect(&dialer, &dialer::CampaignDialer::progressChanged, this, [&](const dialer::DialerProgress &p) {
        mostActive = qMax(mostActive, qMax(p.active, carrier.activeCalls()));
    });
    QSignalSpy finished(&dialer, &dialer::CampaignDialer::runFinished);
    QVERIFY(dialer.start().ok());
    QVERIFY(dialer.isRunning());
    QVERIFY(finished.wait(120000));
    QVERIFY(!dialer.isRunning());

    storage::Database &d = db.database();
    QVERIFY(mostActive > 0);
    QVERIFY2(mostActive <= 3, qPrintable(QString::number(mostActive)));
    QCOMPARE(count(d, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE phone_e164 = ?"),
                   {QStringLiteral("+14155550105")}),
             0); // suppressed: never dialed
    QCOMPARE(count(d, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE phone_e164 = ? AND campaign_id = ?"),
                   {QStringLiteral("+14155550107"), fixture.value().campaignId}),
             0); // capped: 3 calls in 30 days elsewhere
    QCOMPARE(count(d,
                   QStringLiteral("SELECT COUNT(*) FROM contacts WHERE campaign_id = ? AND status IN ('pending', "
                                  "'in_progress')"),
                   {fixture.value().campaignId}),
             2); // the suppressed one and the capped one
    QCOMPARE(count(d, QStringLiteral("SELECT COUNT(*) FROM contacts WHERE attempts_count > 3")), 0);
    QCOMPARE(count(d, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE status NOT IN ('completed', 'busy', "
                                     "'no-answer', 'failed', 'canceled')")),
             0);
    // attempts_count matches the attempts actually made, and attempt numbers run 1..n per contact.
    QCOMPARE(count(d,
                   QStringLiteral("SELECT COUNT(*) FROM contacts k WHERE campaign_id = ? AND attempts_count <> "
                                  "(SELECT COUNT(*) FROM call_attempts a WHERE a.contact_id = k.id)"),
                   {fixture.value().campaignId}),
             0);
    QCOMPARE(count(d,
                   QStringLiteral("SELECT COUNT(*) FROM call_attempts a WHERE campaign_id = ? AND attempt_number > "
                                  "(SELECT attempts_count FROM contacts k WHERE k.id = a.contact_id)"),
                   {fixture.value().campaignId}),
             0);
    QVERIFY(count(d, QStringLiteral("SELECT COUNT(*) FROM contacts WHERE status = 'completed'")) > 10);
    QVERIFY(count(d, QStringLiteral("SELECT COUNT(*) FROM answers")) > 20);
    QCOMPARE(storage::CampaignRepository(d).byId(fixture.value().campaignId).value().status, CampaignStatus::Completed);
    const auto p = finished.at(0).at(0).value<dialer::DialerProgress>();
    QCOMPARE(p.placed, count(d, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE campaign_id = ?"),
                             {fixture.value().campaignId}));
    QCOMPARE(p.active, 0);
}

void TestCampaignDialer::pauseStopsPlacingCalls()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    QVERIFY(storage::Migrator(db.database()).migrate().ok());
    auto fixture = tests::makeCallFixture(db.database());
    QVERIFY(fixture.ok());
    QVERIFY(storage::exec(db.database().connection(), QStringLiteral("DELETE FROM call_attempts")).ok());
    for (int i = 0; i < 10; ++i) {
        QVERIFY(tests::addAttempt(db.database(), fixture.value(), QStringLiteral("+1303555%1").arg(1000 + i)).ok());
    }
    QVERIFY(storage::exec(db.database().connection(), QStringLiteral("DELETE FROM call_attempts")).ok());
    telephony::CallFlow flow(db.database(), QUrl(QStringLiteral("https://surveys.example.com")));
    telephony::SimulatedCarrierOptions carrierOptions;
    carrierOptions.timeScale = 20; // calls last a while
    telephony::SimulatedCarrier carrier(flow, db.database(), carrierOptions);
    dialer::CampaignDialer dialer(db.database(), carrier, flow, fixture.value().campaignId);
    QVERIFY(dialer.start().ok());
    QTRY_VERIFY(dialer.progress().placed >= 1);
    dialer.pause();
    const int placed = dialer.progress().placed;
    QCOMPARE(storage::CampaignRepository(db.database()).byId(fixture.value().campaignId).value().status,
             CampaignStatus::Paused);
    QVERIFY(!dialer.isRunning());
    // Calls in flight finish normally; no new ones start meanwhile.
    QTRY_COMPARE_WITH_TIMEOUT(carrier.activeCalls(), 0, 60000);
    QCOMPARE(dialer.progress().placed, placed);
    QCOMPARE(dialer.progress().active, 0);
    QCOMPARE(count(db.database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts")), placed);
}

void TestCampaignDialer::refusesCampaignWithoutScript()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    QVERIFY(storage::Migrator(db.database()).migrate().ok());
    Campaign c;
    c.name = QStringLiteral("No script");
    auto id = storage::CampaignRepository(db.database()).create(c);
    QVERIFY(id.ok());
    telephony::CallFlow flow(db.database(), QUrl(QStringLiteral("https://x.example")));
    telephony::SimulatedCarrier carrier(flow, db.database());
    dialer::CampaignDialer dialer(db.database(), carrier, flow, id.value());
    QCOMPARE(dialer.start().error().code, ErrorCode::InvalidArgument);
    dialer::CampaignDialer missing(db.database(), carrier, flow, 987654);
    QCOMPARE(missing.start().error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestCampaignDialer)
#include "tst_campaigndialer.moc"
