// SPDX-License-Identifier: GPL-3.0-or-later
// Reconciliation, deterministic, on both databases: attempts left unfinished in every state a dead or stalled dialer
// can leave them in, a provider that knows exactly which calls exist, and a count of every call placed.
#include "services/dialer/campaigndialer.h"
#include "services/storage/sql.h"
#include "tests/support/callfixture.h"
#include "tests/support/fakeclock.h"
#include "tests/support/testdatabase.h"

#include <QSignalSpy>
#include <QTest>

using namespace vsc;
using namespace vsc::services;

namespace {

// The provider's record: calls by SID. Places calls at once (SIDs CAnew1, CAnew2, ...) and counts them.
class RecordProvider final : public telephony::TelephonyProvider
{
public:
    [[nodiscard]] CallProvider kind() const override { return CallProvider::Simulated; }
    void placeCall(const telephony::OutboundCall &call, std::function<void(Result<QString>)> done) override
    {
        placed.append(call);
        const QString sid = QStringLiteral("CAnew%1").arg(placed.size());
        calls.insert(sid, {sid, call.to, QStringLiteral("queued"), QDateTime()});
        done(sid);
    }
    [[nodiscard]] int createBudgetMs() const override { return 1000; }
    [[nodiscard]] int maxCreateMs() const override { return 2000; }
    void hangUp(const QString &, std::function<void(Result<void>)> done) override { done({}); }
    // Every call to the number counts, whenever it was created: the test's clocks do not agree on purpose.
    void findCalls(const QString &to, const QDateTime &,
                   std::function<void(Result<QList<telephony::ProviderCall>>)> done) override
    {
        QList<telephony::ProviderCall> found;
        for (const telephony::ProviderCall &call : std::as_const(calls)) {
            if (call.to == to) {
                found.append(call);
            }
        }
        done(found);
    }
    void lookUpCall(const QString &sid, std::function<void(Result<telephony::ProviderCall>)> done) override
    {
        if (!calls.contains(sid)) {
            done(Error{ErrorCode::NotFound, QStringLiteral("no call %1").arg(sid)});
            return;
        }
        done(calls.value(sid));
    }
    [[nodiscard]] int placedTo(const QString &to) const
    {
        int n = 0;
        for (const telephony::OutboundCall &call : placed) {
            n += call.to == to ? 1 : 0;
        }
        return n;
    }

    QHash<QString, telephony::ProviderCall> calls;
    QList<telephony::OutboundCall> placed;
};

} // namespace

class TestReconcile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyOrphanStateHasItsOutcome();

private:
    static qint64 seed(storage::Database &db, qint64 campaign, const QString &phone, const QString &status,
                       const QString &sid, const QDateTime &claimerClock, int dbAgeSeconds);
};

void TestReconcile::initTestCase()
{
    tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

// A contact in progress with its first attempt in `status`, claimed `dbAgeSeconds` ago by the database's clock and
// at `claimerClock` by the clock of the dialer that claimed it. Returns the attempt.
qint64 TestReconcile::seed(storage::Database &db, qint64 campaign, const QString &phone, const QString &status,
                           const QString &sid, const QDateTime &claimerClock, int dbAgeSeconds)
{
    auto contact = storage::scalar(db.connection(),
                                   QStringLiteral("INSERT INTO contacts (campaign_id, phone_e164, time_zone, status, "
                                                  "attempts_count) VALUES (?, ?, 'America/Los_Angeles', "
                                                  "'in_progress', 1) RETURNING id"),
                                   {campaign, phone});
    if (!contact) {
        return 0;
    }
    auto attempt = storage::scalar(
        db.connection(),
        QStringLiteral("INSERT INTO call_attempts (contact_id, campaign_id, phone_e164, attempt_number, provider, "
                       "status, call_sid, dialer_id, claimed_at, lease_generation, claimed_db_at) "
                       "VALUES (?, ?, ?, 1, 'simulated', ?, ?, 'gone:1:dead', ?, 1, %1) RETURNING id")
            .arg(storage::dbNow(db.backend(), -dbAgeSeconds)),
        {contact.value(), campaign, phone, status, sid.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : sid,
         storage::toDb(claimerClock)});
    return attempt ? attempt.value().toLongLong() : 0;
}

// Five orphans, one per state, after their holder vanished:
// - never placed (no SID, nothing at the provider): the claim is undone and the contact dialed once;
// - placed, SID never recorded: adopted from the provider and tracked, never dialed again;
// - SID, but the provider has no such call any more: ended and settled (out of attempts here), never dialed again;
// - SID, still in progress at the provider: tracked until its status ends it;
// - no SID, claimed a moment ago by the database's clock although the claimer's clock says a minute (it runs
//   behind): its create may still be in flight, so the provider is asked only after the longest create time, and
//   the call it created meanwhile is adopted, not dialed again.
// Exactly one call is placed in all: to the number that was never dialed.
void TestReconcile::everyOrphanStateHasItsOutcome()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    auto fixture = tests::migrateAndMakeCallFixture(db.database());
    QVERIFY(fixture.ok());
    const qint64 campaign = fixture.value().campaignId;
    storage::Database &d = db.database();
    QVERIFY(storage::exec(d.connection(), QStringLiteral("DELETE FROM call_attempts")).ok());
    QVERIFY(storage::exec(d.connection(), QStringLiteral("DELETE FROM contacts")).ok());
    QVERIFY(storage::exec(d.connection(),
                          QStringLiteral("UPDATE campaigns SET max_attempts = 1, calls_per_second = 10, "
                                         "max_concurrent_calls = 10 WHERE id = ?"),
                          {campaign})
                .ok());
    tests::FakeClock clock;
    const QDateTime minuteAgo = clock.nowUtc().addSecs(-60);
    const QString neverPlaced = QStringLiteral("+14155550301");
    const QString placedNoSid = QStringLiteral("+14155550302");
    const QString gone = QStringLiteral("+14155550303");
    const QString running = QStringLiteral("+14155550304");
    const QString inFlight = QStringLiteral("+14155550305");
    const qint64 a = seed(d, campaign, neverPlaced, QStringLiteral("claimed"), {}, minuteAgo, 60);
    const qint64 b = seed(d, campaign, placedNoSid, QStringLiteral("claimed"), {}, minuteAgo, 60);
    const qint64 c = seed(d, campaign, gone, QStringLiteral("in-progress"), QStringLiteral("CAgone"), minuteAgo, 60);
    const qint64 r = seed(d, campaign, running, QStringLiteral("ringing"), QStringLiteral("CArun"), minuteAgo, 60);
    const qint64 e = seed(d, campaign, inFlight, QStringLiteral("claimed"), {}, minuteAgo, 1);
    QVERIFY(a && b && c && r && e);

    RecordProvider provider;
    provider.calls.insert(QStringLiteral("CAb"),
                          {QStringLiteral("CAb"), placedNoSid, QStringLiteral("in-progress"), {}});
    provider.calls.insert(QStringLiteral("CArun"), {QStringLiteral("CArun"), running, QStringLiteral("ringing"), {}});
    storage::SqlContactQueue queue(d);
    telephony::CallFlow flow(d, QUrl(QStringLiteral("https://x.example")));
    dialer::DialerOptions options;
    options.retryDelaySeconds = 60;
    dialer::CampaignDialer dialer(d, queue, clock, provider, flow, campaign, options);
    QSignalSpy reconciled(&dialer, &dialer::CampaignDialer::reconciled);
    QSignalSpy finished(&dialer, &dialer::CampaignDialer::runFinished);
    QVERIFY(dialer.start().ok());
    QCOMPARE(reconciled.count(), 0); // the young claim is waited for
    QCOMPARE(provider.placed.size(), 0);
    // Meanwhile the stalled dialer's create goes through.
    provider.calls.insert(QStringLiteral("CAlate"), {QStringLiteral("CAlate"), inFlight, QStringLiteral("queued"), {}});
    clock.advance(2000 + 10000); // the longest create plus the margin
    QCOMPARE(reconciled.count(), 1);
    QCOMPARE(reconciled.at(0).at(0).toInt(), 5);

    const auto attempt = [&](qint64 id, const QString &column) {
        auto value = storage::scalar(d.connection(),
                                     QStringLiteral("SELECT %1 FROM call_attempts WHERE id = ?").arg(column), {id});
        return value ? value.value().toString() : QStringLiteral("<none>");
    };
    const auto contactStatus = [&](const QString &phone) {
        auto value = storage::scalar(d.connection(), QStringLiteral("SELECT status FROM contacts WHERE phone_e164 = ?"),
                                     {phone});
        return value ? value.value().toString() : QString();
    };
    QCOMPARE(tests::count(d, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE id = ?"), {a}), 0); // undone
    QCOMPARE(attempt(b, QStringLiteral("call_sid")), QStringLiteral("CAb"));
    QCOMPARE(attempt(b, QStringLiteral("status")), QStringLiteral("claimed")); // tracked: its webhooks end it
    QCOMPARE(attempt(c, QStringLiteral("status")), QStringLiteral("canceled"));
    QCOMPARE(contactStatus(gone), QStringLiteral("failed")); // its one attempt is used up
    QCOMPARE(attempt(r, QStringLiteral("status")), QStringLiteral("ringing"));
    QCOMPARE(attempt(e, QStringLiteral("call_sid")), QStringLiteral("CAlate"));

    clock.advance(1000);
    QCOMPARE(provider.placed.size(), 1);
    QCOMPARE(provider.placedTo(neverPlaced), 1);
    QCOMPARE(contactStatus(neverPlaced), QStringLiteral("in_progress"));
    // The tracked calls end; nothing more is placed, and the run finishes.
    for (const qint64 id : {b, r, e}) {
        Q_EMIT flow.callStatusChanged(id, CallStatus::NoAnswer);
    }
    Q_EMIT flow.callStatusChanged(
        tests::count(d, QStringLiteral("SELECT MAX(id) FROM call_attempts WHERE phone_e164 = ?"), {neverPlaced}),
        CallStatus::Busy);
    QVERIFY(clock.advanceUntil([&] { return !finished.isEmpty(); }, qint64(600) * 1000, 1000));
    QCOMPARE(provider.placed.size(), 1);
    for (const QString &phone : {placedNoSid, gone, running, inFlight}) {
        QCOMPARE(provider.placedTo(phone), 0);
    }
}

QTEST_GUILESS_MAIN(TestReconcile)
#include "tst_reconcile.moc"
