// SPDX-License-Identifier: GPL-3.0-or-later
// A campaign dialed to completion through the simulated carrier (both backends).
#include "services/dialer/campaigndialer.h"
#include "services/storage/callrepository.h"
#include "services/storage/campaignrepository.h"
#include "services/storage/contactqueue.h"
#include "services/storage/contactrepository.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "services/telephony/simulatedcarrier.h"
#include "tests/support/callfixture.h"
#include "tests/support/fakeclock.h"
#include "tests/support/testdatabase.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace vsc;
using namespace vsc::services;

namespace {

// Passes calls on to a real provider and records, inside placeCall, when each call went out and how many of this
// dialer's calls were in progress at that moment (a call ends with its terminal status on the CallFlow).
class RecordingProvider final : public telephony::TelephonyProvider
{
public:
    RecordingProvider(telephony::TelephonyProvider &inner, telephony::CallFlow &flow, const Clock &clock)
        : m_inner(inner), m_clock(clock)
    {
        connect(&flow, &telephony::CallFlow::callStatusChanged, this, [this](qint64 attemptId, CallStatus status) {
            if (isTerminal(status)) {
                m_inProgress.remove(attemptId);
            }
        });
    }

    [[nodiscard]] CallProvider kind() const override { return m_inner.kind(); }
    [[nodiscard]] int createBudgetMs() const override { return 1000; }
    [[nodiscard]] int maxCreateMs() const override { return 1000; }
    void placeCall(const telephony::OutboundCall &call, std::function<void(Result<QString>)> done) override
    {
        m_inProgress.insert(call.attemptId);
        peakInProgress = qMax(peakInProgress, int(m_inProgress.size()));
        placedAtMs.append(m_clock.monotonicMs());
        m_inner.placeCall(call, std::move(done));
    }
    void hangUp(const QString &callSid, std::function<void(Result<void>)> done) override
    {
        m_inner.hangUp(callSid, std::move(done));
    }
    void findCalls(const QString &to, const QDateTime &since,
                   std::function<void(Result<QList<telephony::ProviderCall>>)> done) override
    {
        m_inner.findCalls(to, since, std::move(done));
    }
    void lookUpCall(const QString &callSid, std::function<void(Result<telephony::ProviderCall>)> done) override
    {
        m_inner.lookUpCall(callSid, std::move(done));
    }

    QList<qint64> placedAtMs; // Clock::monotonicMs() of each call placed
    int peakInProgress = 0;

private:
    telephony::TelephonyProvider &m_inner;
    const Clock &m_clock;
    QSet<qint64> m_inProgress;
};

// Twilio as seen by a server that answered 5xx to every final status callback: calls are placed, no status ever
// arrives, and looking a call up (fetch call) tells how it ended.
class LostCallbacksProvider final : public telephony::TelephonyProvider
{
public:
    [[nodiscard]] CallProvider kind() const override { return CallProvider::Twilio; }
    void placeCall(const telephony::OutboundCall &call, std::function<void(Result<QString>)> done) override
    {
        const QString sid = QStringLiteral("CA%1").arg(call.attemptId, 32, 10, QLatin1Char('0'));
        placed.insert(sid, call.attemptId);
        statusUrls.append(call.statusUrl);
        QTimer::singleShot(0, this, [done = std::move(done), sid] { done(sid); });
    }
    [[nodiscard]] int createBudgetMs() const override { return 1000; }
    [[nodiscard]] int maxCreateMs() const override { return 1000; }
    void hangUp(const QString &, std::function<void(Result<void>)> done) override { done({}); }
    void findCalls(const QString &, const QDateTime &,
                   std::function<void(Result<QList<telephony::ProviderCall>>)> done) override
    {
        done(QList<telephony::ProviderCall>{});
    }
    void lookUpCall(const QString &callSid, std::function<void(Result<telephony::ProviderCall>)> done) override
    {
        lookedUp.append(callSid);
        telephony::ProviderCall call{callSid, {}, finalStatus(placed.value(callSid)), {}};
        QTimer::singleShot(0, this, [done = std::move(done), call] { done(call); });
    }
    // What the provider says of each call: busy for odd attempt ids, completed for even ones.
    static QString finalStatus(qint64 attemptId)
    {
        return attemptId % 2 ? QStringLiteral("busy") : QStringLiteral("completed");
    }

    QHash<QString, qint64> placed; // SID -> attempt
    QList<QUrl> statusUrls;
    QStringList lookedUp;
};

// A dialer on a fake clock whose calls go through the simulated carrier and are recorded on the way.
struct RecordedRun
{
    RecordedRun(storage::Database &database, qint64 campaignId)
        : flow(database, QUrl(QStringLiteral("https://surveys.example.com"))), carrier(flow, database, clock),
          provider(carrier, flow, clock), queue(database), dialer(database, queue, clock, provider, flow, campaignId)
    {
    }

    tests::FakeClock clock{QDateTime::currentDateTimeUtc()};
    telephony::CallFlow flow;
    telephony::SimulatedCarrier carrier;
    RecordingProvider provider;
    storage::SqlContactQueue queue;
    dialer::CampaignDialer dialer;
};

} // namespace

class TestCampaignDialer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dialsEveryContactOnceWithinLimits();
    void pauseStopsPlacingCalls();
    void placedCallsFollowTheRate();
    void concurrencyNeverExceedsTheCap();
    void refusesCampaignWithoutScript();
    void strandedContactIsSettledOnStart();
    void lostFinalStatusIsAskedOfTheProvider();
    void drainEndsWhenFinalStatusesAreLost();

private:
    // A migrated database with one campaign of `contacts` fresh contacts; 0 on failure.
    qint64 campaignWithContacts(storage::Database &db, int contacts, double callsPerSecond, int maxConcurrent);
};

qint64 TestCampaignDialer::campaignWithContacts(storage::Database &db, int contacts, double callsPerSecond,
                                                int maxConcurrent)
{
    auto fixture = tests::migrateAndMakeCallFixture(db);
    if (!fixture || !storage::exec(db.connection(), QStringLiteral("DELETE FROM call_attempts")).ok() ||
        !storage::exec(db.connection(), QStringLiteral("DELETE FROM contacts")).ok()) {
        return 0;
    }
    const qint64 campaignId = fixture.value().campaignId;
    QList<Contact> batch;
    for (int i = 0; i < contacts; ++i) {
        Contact c;
        c.campaignId = campaignId;
        c.phoneE164 = QStringLiteral("+1415%1").arg(5550000 + i);
        batch.append(c);
    }
    if (!storage::ContactRepository(db).addMany(batch).ok() ||
        !storage::exec(db.connection(),
                       QStringLiteral("UPDATE campaigns SET calls_per_second = ?, max_concurrent_calls = ?, "
                                      "max_attempts = 1 WHERE id = ?"),
                       {callsPerSecond, maxConcurrent, campaignId})
             .ok()) {
        return 0;
    }
    return campaignId;
}

void TestCampaignDialer::initTestCase()
{
    tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
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
        const qint64 otherId =
            storage::CampaignRepository(db.database()).create(other, Actor::system(QStringLiteral("test"))).value();
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

    tests::FakeClock clock(QDateTime::currentDateTimeUtc());
    telephony::CallFlow flow(db.database(), QUrl(QStringLiteral("https://surveys.example.com")));
    telephony::SimulatedCarrierOptions carrierOptions;
    carrierOptions.seed = 11;
    telephony::SimulatedCarrier carrier(flow, db.database(), clock, carrierOptions);
    dialer::DialerOptions options;
    options.retryDelaySeconds = 60;
    storage::SqlContactQueue queue(db.database());
    dialer::CampaignDialer dialer(db.database(), queue, clock, carrier, flow, fixture.value().campaignId, options);
    int mostActive = 0;
    connect(&dialer, &dialer::CampaignDialer::progressChanged, this, [&](const dialer::DialerProgress &p) {
        mostActive = qMax(mostActive, qMax(p.active, carrier.activeCalls()));
    });
    QSignalSpy finished(&dialer, &dialer::CampaignDialer::runFinished);
    QVERIFY(dialer.start().ok());
    QVERIFY(dialer.isRunning());
    // Simulated hours of calls and retries in no time.
    QVERIFY(clock.advanceUntil([&] { return !finished.isEmpty(); }, 24 * 3600 * 1000, 1000));
    QVERIFY(!dialer.isRunning());

    storage::Database &d = db.database();
    QVERIFY(mostActive > 0);
    QVERIFY2(mostActive <= 3, qPrintable(QString::number(mostActive)));
    QCOMPARE(tests::count(d, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE phone_e164 = ?"),
                          {QStringLiteral("+14155550105")}),
             0); // suppressed: never dialed
    QCOMPARE(tests::count(d,
                          QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE phone_e164 = ? AND campaign_id = ?"),
                          {QStringLiteral("+14155550107"), fixture.value().campaignId}),
             0); // capped: 3 calls in 30 days elsewhere
    QCOMPARE(
        tests::count(d,
                     QStringLiteral("SELECT COUNT(*) FROM contacts WHERE campaign_id = ? AND status IN ('pending', "
                                    "'in_progress')"),
                     {fixture.value().campaignId}),
        2); // the suppressed one and the capped one
    QCOMPARE(tests::count(d, QStringLiteral("SELECT COUNT(*) FROM contacts WHERE attempts_count > 3")), 0);
    QCOMPARE(
        tests::count(d, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE status NOT IN ('completed', 'busy', "
                                       "'no-answer', 'failed', 'canceled')")),
        0);
    // attempts_count matches the attempts actually made, and attempt numbers run 1..n per contact.
    QCOMPARE(tests::count(d,
                          QStringLiteral("SELECT COUNT(*) FROM contacts k WHERE campaign_id = ? AND attempts_count <> "
                                         "(SELECT COUNT(*) FROM call_attempts a WHERE a.contact_id = k.id)"),
                          {fixture.value().campaignId}),
             0);
    QCOMPARE(
        tests::count(d,
                     QStringLiteral("SELECT COUNT(*) FROM call_attempts a WHERE campaign_id = ? AND attempt_number > "
                                    "(SELECT attempts_count FROM contacts k WHERE k.id = a.contact_id)"),
                     {fixture.value().campaignId}),
        0);
    QVERIFY(tests::count(d, QStringLiteral("SELECT COUNT(*) FROM contacts WHERE status = 'completed'")) > 10);
    QVERIFY(tests::count(d, QStringLiteral("SELECT COUNT(*) FROM answers")) > 20);
    QCOMPARE(storage::CampaignRepository(d).byId(fixture.value().campaignId).value().status, CampaignStatus::Completed);
    const auto p = finished.at(0).at(0).value<dialer::DialerProgress>();
    QCOMPARE(p.placed, tests::count(d, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE campaign_id = ?"),
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
    tests::FakeClock clock(QDateTime::currentDateTimeUtc());
    telephony::CallFlow flow(db.database(), QUrl(QStringLiteral("https://surveys.example.com")));
    telephony::SimulatedCarrier carrier(flow, db.database(), clock);
    storage::SqlContactQueue queue(db.database());
    dialer::CampaignDialer dialer(db.database(), queue, clock, carrier, flow, fixture.value().campaignId);
    QVERIFY(dialer.start().ok());
    QVERIFY(clock.advanceUntil([&] { return dialer.progress().placed >= 1; }, 60 * 1000, 50));
    dialer.pause();
    const int placed = dialer.progress().placed;
    QCOMPARE(storage::CampaignRepository(db.database()).byId(fixture.value().campaignId).value().status,
             CampaignStatus::Paused);
    QVERIFY(!dialer.isRunning());
    // Calls in flight finish normally; no new ones start meanwhile.
    QVERIFY(clock.advanceUntil([&] { return carrier.activeCalls() == 0; }, 3600 * 1000, 1000));
    QCOMPARE(dialer.progress().placed, placed);
    QCOMPARE(dialer.progress().active, 0);
    QCOMPARE(tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts")), placed);
}

void TestCampaignDialer::refusesCampaignWithoutScript()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    QVERIFY(storage::Migrator(db.database()).migrate().ok());
    Campaign c;
    c.name = QStringLiteral("No script");
    auto id = storage::CampaignRepository(db.database()).create(c, Actor::system(QStringLiteral("test")));
    QVERIFY(id.ok());
    tests::FakeClock clock;
    telephony::CallFlow flow(db.database(), QUrl(QStringLiteral("https://x.example")));
    telephony::SimulatedCarrier carrier(flow, db.database(), clock);
    storage::SqlContactQueue queue(db.database());
    dialer::CampaignDialer dialer(db.database(), queue, clock, carrier, flow, id.value());
    QCOMPARE(dialer.start().error().code, ErrorCode::InvalidArgument);
    dialer::CampaignDialer missing(db.database(), queue, clock, carrier, flow, 987654);
    QCOMPARE(missing.start().error().code, ErrorCode::NotFound);
}

// The fixture's contact is left in progress with a finished (busy) attempt, as a dialer killed between a call's end
// and settling its contact leaves it: the next start puts it back in the queue, so the campaign cannot complete
// without it.
void TestCampaignDialer::strandedContactIsSettledOnStart()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    auto fixture = tests::migrateAndMakeCallFixture(db.database());
    QVERIFY(fixture.ok());
    storage::Database &d = db.database();
    QVERIFY(storage::exec(d.connection(), QStringLiteral("UPDATE call_attempts SET status = 'busy' WHERE id = ?"),
                          {fixture.value().attemptId})
                .ok());
    QVERIFY(storage::exec(d.connection(),
                          QStringLiteral("UPDATE contacts SET status = 'in_progress', attempts_count = 1 WHERE id = ?"),
                          {fixture.value().contactId})
                .ok());
    tests::FakeClock clock(QDateTime::currentDateTimeUtc());
    telephony::CallFlow flow(d, QUrl(QStringLiteral("https://surveys.example.com")));
    telephony::SimulatedCarrier carrier(flow, d, clock);
    storage::SqlContactQueue queue(d);
    dialer::DialerOptions options;
    options.retryDelaySeconds = 300;
    dialer::CampaignDialer dialer(d, queue, clock, carrier, flow, fixture.value().campaignId, options);
    QVERIFY(dialer.start().ok());
    QCOMPARE(tests::count(d, QStringLiteral("SELECT COUNT(*) FROM contacts WHERE id = ? AND status = 'pending'"),
                          {fixture.value().contactId}),
             1);
    auto next = storage::scalar(d.connection(), QStringLiteral("SELECT next_attempt_at FROM contacts WHERE id = ?"),
                                {fixture.value().contactId});
    QVERIFY(next.ok());
    QCOMPARE(storage::dateTimeFromDb(next.value()), clock.nowUtc().addSecs(300));
    QCOMPARE(dialer.progress().waiting, 1); // the run stays open for it
    dialer.pause();
}

// Two calls a second with room for every call: over a simulated minute the calls placed follow the rate within
// one call, and so does every ten seconds of it.
void TestCampaignDialer::placedCallsFollowTheRate()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    constexpr double kRate = 2.0;
    const qint64 campaignId = campaignWithContacts(db.database(), 200, kRate, 200);
    QVERIFY(campaignId > 0);
    RecordedRun run(db.database(), campaignId);
    const RecordingProvider &provider = run.provider;
    QVERIFY(run.dialer.start().ok());
    run.clock.advance(60 * 1000 + 500);
    run.dialer.pause();
    QVERIFY(!provider.placedAtMs.isEmpty());
    const qint64 first = provider.placedAtMs.constFirst();
    auto placedBetween = [&](qint64 fromMs, qint64 toMs) {
        return int(std::count_if(provider.placedAtMs.cbegin(), provider.placedAtMs.cend(),
                                 [&](qint64 at) { return at - first >= fromMs && at - first < toMs; }));
    };
    const int inMinute = placedBetween(0, 60 * 1000);
    QVERIFY2(qAbs(inMinute - int(60 * kRate)) <= 1, qPrintable(QString::number(inMinute)));
    for (qint64 from = 0; from < 60 * 1000; from += 10 * 1000) {
        const int inTen = placedBetween(from, from + 10 * 1000);
        QVERIFY2(qAbs(inTen - int(10 * kRate)) <= 1,
                 qPrintable(QStringLiteral("%1 s: %2").arg(from / 1000).arg(inTen)));
    }
    QVERIFY(run.clock.advanceUntil([&] { return run.carrier.activeCalls() == 0; }, 3600 * 1000, 1000));
}

// Ten calls a second allowed but three lines: the provider never has more than three of this dialer's calls at once,
// and the cap is used to the full.
void TestCampaignDialer::concurrencyNeverExceedsTheCap()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    const qint64 campaignId = campaignWithContacts(db.database(), 40, 10.0, 3);
    QVERIFY(campaignId > 0);
    RecordedRun run(db.database(), campaignId);
    QSignalSpy finished(&run.dialer, &dialer::CampaignDialer::runFinished);
    QVERIFY(run.dialer.start().ok());
    QVERIFY(run.clock.advanceUntil([&] { return !finished.isEmpty(); }, 24 * 3600 * 1000, 1000));
    QCOMPARE(run.provider.placedAtMs.size(), 40);
    QCOMPARE(run.provider.peakInProgress, 3);
}

// Every final status callback is lost (our server answered 503 through all of Twilio's retries): without asking the
// provider the dialer's lines stay taken and the campaign never completes. After the provider's own limits the
// dialer looks each call up and applies what the provider says.
void TestCampaignDialer::lostFinalStatusIsAskedOfTheProvider()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    const qint64 campaignId = campaignWithContacts(db.database(), 4, 10, 4);
    QVERIFY(campaignId > 0);
    tests::FakeClock clock(QDateTime::currentDateTimeUtc());
    telephony::CallFlow flow(db.database(), QUrl(QStringLiteral("https://surveys.example.com")));
    LostCallbacksProvider provider;
    storage::SqlContactQueue queue(db.database());
    dialer::CampaignDialer dialer(db.database(), queue, clock, provider, flow, campaignId);
    QSignalSpy finished(&dialer, &dialer::CampaignDialer::runFinished);
    QVERIFY(dialer.start().ok());
    QVERIFY(clock.advanceUntil([&] { return provider.placed.size() == 4; }, 60'000));
    QCOMPARE(dialer.progress().active, 4);
    // The status callbacks asked Twilio to retry on 5xx (and connection and read timeouts), 5 times.
    const QUrlQuery overrides(provider.statusUrls.constFirst().fragment());
    QCOMPARE(overrides.queryItemValue(QStringLiteral("rc")), QStringLiteral("5"));
    QVERIFY(overrides.queryItemValue(QStringLiteral("rp")).split(u',').contains(QStringLiteral("5xx")));
    // Within the calls' ring timeout and time limit nobody is asked: the callbacks may still come.
    clock.advance(600'000);
    QVERIFY(provider.lookedUp.isEmpty());
    QCOMPARE(dialer.progress().active, 4);
    QVERIFY(clock.advanceUntil([&] { return !finished.isEmpty(); }, 3'600'000, 1000));
    QCOMPARE(provider.lookedUp.size(), 4);
    QCOMPARE(dialer.progress().active, 0);
    storage::Database &d = db.database();
    for (auto it = provider.placed.cbegin(); it != provider.placed.cend(); ++it) {
        auto status = storage::scalar(d.connection(), QStringLiteral("SELECT status FROM call_attempts WHERE id = ?"),
                                      {it.value()});
        QVERIFY(status.ok());
        QCOMPARE(status.value().toString(), LostCallbacksProvider::finalStatus(it.value()));
    }
    QCOMPARE(tests::count(d, QStringLiteral("SELECT COUNT(*) FROM contacts WHERE status = 'in_progress'")), 0);
    QCOMPARE(tests::count(d, QStringLiteral("SELECT COUNT(*) FROM call_attempts")), 4); // none dialed twice
    QCOMPARE(tests::count(d, QStringLiteral("SELECT COUNT(*) FROM campaigns WHERE id = ? AND status = 'completed'"),
                          {campaignId}),
             1);
}

// A run stopped (SIGTERM) pauses its dialer and waits for the calls in flight; with their final statuses lost the
// wait ends once the provider has been asked, and nothing new is dialed meanwhile.
void TestCampaignDialer::drainEndsWhenFinalStatusesAreLost()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    const qint64 campaignId = campaignWithContacts(db.database(), 10, 10, 2);
    QVERIFY(campaignId > 0);
    tests::FakeClock clock(QDateTime::currentDateTimeUtc());
    telephony::CallFlow flow(db.database(), QUrl(QStringLiteral("https://surveys.example.com")));
    LostCallbacksProvider provider;
    storage::SqlContactQueue queue(db.database());
    dialer::CampaignDialer dialer(db.database(), queue, clock, provider, flow, campaignId);
    QVERIFY(dialer.start().ok());
    QVERIFY(clock.advanceUntil([&] { return provider.placed.size() == 2; }, 60'000));
    dialer.pause();
    QCOMPARE(dialer.progress().active, 2);
    QVERIFY(clock.advanceUntil([&] { return dialer.progress().active == 0; }, 2 * dialer.overdueAfterMs(), 1000));
    QCOMPARE(provider.placed.size(), 2); // nothing placed after the pause
    QCOMPARE(provider.lookedUp.size(), 2);
    QCOMPARE(tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM contacts WHERE status = 'in_progress'")),
             0);
}

QTEST_GUILESS_MAIN(TestCampaignDialer)
#include "tst_campaigndialer.moc"
