// SPDX-License-Identifier: GPL-3.0-or-later
// CampaignDialer's own rules against an in-memory ContactQueue (tests/fakes), a scripted provider and a fake clock:
// retries and retirement by outcome, reconciliation of a claim that never reached the provider, and a lost
// database. The campaign row, its lease and its lifecycle still live in a real (SQLite) database.
#include "services/dialer/campaigndialer.h"
#include "services/storage/sql.h"
#include "tests/fakes/fakecontactqueue.h"
#include "tests/support/callfixture.h"
#include "tests/support/fakeclock.h"
#include "tests/support/testdatabase.h"

#include <QSignalSpy>
#include <QTest>

using namespace vsc;
using namespace vsc::services;

namespace {

// Places calls at once and keeps them running until the test ends them; some numbers fail with a provider code.
class ScriptedProvider final : public telephony::TelephonyProvider
{
public:
    explicit ScriptedProvider(telephony::CallFlow &flow) : m_flow(flow) {}

    [[nodiscard]] CallProvider kind() const override { return CallProvider::Simulated; }
    [[nodiscard]] int createBudgetMs() const override { return 1000; }
    [[nodiscard]] int maxCreateMs() const override { return 1000; }
    void placeCall(const telephony::OutboundCall &call, std::function<void(Result<QString>)> done) override
    {
        placed.append(call);
        if (ambiguous.contains(call.to)) {
            // The answer was lost: the call was created or not, as the test says.
            if (ambiguous.value(call.to)) {
                m_calls.insert(call.attemptId, {QStringLiteral("CA%1").arg(placed.size()), call.to,
                                                QStringLiteral("ringing"), QDateTime::currentDateTimeUtc()});
            }
            Error lost{ErrorCode::Network, QStringLiteral("Twilio: timed out after sending")};
            lost.ambiguous = true;
            done(lost);
            return;
        }
        if (failures.contains(call.to)) {
            const int code = failures.value(call.to);
            done(Error{ErrorCode::InvalidArgument, QStringLiteral("%1: refused").arg(code), code});
            return;
        }
        const QString sid = QStringLiteral("CA%1").arg(placed.size());
        m_calls.insert(call.attemptId, {sid, call.to, QStringLiteral("queued"), QDateTime::currentDateTimeUtc()});
        done(sid);
    }
    void hangUp(const QString &, std::function<void(Result<void>)> done) override { done({}); }
    void findCalls(const QString &to, const QDateTime &,
                   std::function<void(Result<QList<telephony::ProviderCall>>)> done) override
    {
        QList<telephony::ProviderCall> found;
        for (const telephony::ProviderCall &call : std::as_const(m_calls)) {
            if (call.to == to) {
                found.append(call);
            }
        }
        done(found);
    }
    void lookUpCall(const QString &sid, std::function<void(Result<telephony::ProviderCall>)> done) override
    {
        done(Error{ErrorCode::NotFound, sid});
    }

    // The call's terminal status arrives, as the CallFlow reports it after the provider's status callback.
    void end(qint64 attemptId, CallStatus status)
    {
        m_calls.remove(attemptId);
        Q_EMIT m_flow.callStatusChanged(attemptId, status);
    }
    [[nodiscard]] QList<qint64> running() const { return m_calls.keys(); }
    // A call that another dialer's create placed (it went through while that dialer was stalled).
    void addCreatedElsewhere(qint64 attemptId, const QString &sid, const QString &to)
    {
        m_calls.insert(attemptId, {sid, to, QStringLiteral("in-progress"), QDateTime::currentDateTimeUtc()});
    }
    [[nodiscard]] int callsTo(const QString &to) const
    {
        int calls = 0;
        for (const telephony::OutboundCall &call : placed) {
            calls += call.to == to ? 1 : 0;
        }
        return calls;
    }

    QList<telephony::OutboundCall> placed;
    QHash<QString, int> failures;   // number -> provider error code
    QHash<QString, bool> ambiguous; // number -> the create's answer is lost; whether the call was created

private:
    telephony::CallFlow &m_flow;
    QMap<qint64, telephony::ProviderCall> m_calls;
};

} // namespace

class TestDialerQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void invalidNumbersRetireOthersRetry();
    void unplacedClaimIsUndoneThenDialed();
    void lostDatabasePausesAndResumes();
    void strandedContactIsSettledOnStart();
    void failedSettleNeverCompletesTheCampaignWithoutTheContact();
    void ambiguousCreateIsNeverRetriedBlindly();
    void youngClaimWaitsForTheLongestCreate();

private:
    std::unique_ptr<dialer::CampaignDialer> makeDialer();

    std::unique_ptr<tests::TestDatabase> m_db;
    std::unique_ptr<tests::FakeClock> m_clock;
    std::unique_ptr<telephony::CallFlow> m_flow;
    std::unique_ptr<ScriptedProvider> m_provider;
    std::unique_ptr<tests::FakeContactQueue> m_queue;
    qint64 m_campaignId = 0;
};

void TestDialerQueue::init()
{
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    auto fixture = tests::migrateAndMakeCallFixture(m_db->database());
    QVERIFY(fixture.ok());
    m_campaignId = fixture.value().campaignId;
    QVERIFY(storage::exec(m_db->database().connection(),
                          QStringLiteral("UPDATE campaigns SET calls_per_second = 10, max_concurrent_calls = 10, "
                                         "max_attempts = 2 WHERE id = ?"),
                          {m_campaignId})
                .ok());
    m_clock = std::make_unique<tests::FakeClock>();
    m_flow = std::make_unique<telephony::CallFlow>(m_db->database(), QUrl(QStringLiteral("https://x.example")));
    m_provider = std::make_unique<ScriptedProvider>(*m_flow);
    m_queue = std::make_unique<tests::FakeContactQueue>();
}

void TestDialerQueue::cleanup()
{
    m_provider.reset();
    m_queue.reset();
    m_flow.reset();
    m_clock.reset();
    m_db.reset();
}

std::unique_ptr<dialer::CampaignDialer> TestDialerQueue::makeDialer()
{
    dialer::DialerOptions options;
    options.retryDelaySeconds = 120;
    return std::make_unique<dialer::CampaignDialer>(m_db->database(), *m_queue, *m_clock, *m_provider, *m_flow,
                                                    m_campaignId, options);
}

// 21211 (the number itself is bad) retires the contact after one try; 20429 (the provider was busy) and call
// outcomes put it back for a retry exactly the configured delay later, until its attempts are used up.
void TestDialerQueue::invalidNumbersRetireOthersRetry()
{
    const qint64 answered = m_queue->addContact(QStringLiteral("+14155550101"));
    const qint64 busy = m_queue->addContact(QStringLiteral("+14155550102"));
    const qint64 invalid = m_queue->addContact(QStringLiteral("+14155550199"));
    const qint64 throttled = m_queue->addContact(QStringLiteral("+14155550177"));
    m_provider->failures.insert(QStringLiteral("+14155550199"), 21211);
    m_provider->failures.insert(QStringLiteral("+14155550177"), 20429);
    auto dialer = makeDialer();
    QSignalSpy finished(dialer.get(), &dialer::CampaignDialer::runFinished);
    QVERIFY(dialer->start().ok());
    m_clock->advance(1000);
    QCOMPARE(m_provider->placed.size(), 4);
    QCOMPARE(m_queue->contacts[invalid].status, QStringLiteral("invalid"));
    QCOMPARE(m_queue->contacts[throttled].status, QStringLiteral("pending"));
    QDateTime throttledClaim;
    for (const auto &attempt : std::as_const(m_queue->attempts)) {
        if (attempt.contactId == throttled) {
            throttledClaim = attempt.claimedAt;
        }
    }
    QCOMPARE(m_queue->contacts[throttled].nextAttemptAt, throttledClaim.addSecs(120));

    const QList<qint64> running = m_provider->running();
    QCOMPARE(running.size(), 2);
    m_provider->end(running.at(0), CallStatus::Completed); // hung up before the end: "incomplete"
    m_provider->end(running.at(1), CallStatus::Busy);
    QCOMPARE(m_queue->contacts[answered].status, QStringLiteral("pending"));
    QCOMPARE(m_queue->contacts[busy].status, QStringLiteral("pending"));

    m_clock->advance(qint64(115) * 1000);
    QCOMPARE(m_provider->placed.size(), 4); // nobody is due before the delay
    m_clock->advance(qint64(10) * 1000);
    QCOMPARE(m_provider->placed.size(), 7); // the three retries; never the invalid number again
    for (const qint64 attemptId : m_provider->running()) {
        m_provider->end(attemptId, CallStatus::NoAnswer);
    }
    QVERIFY(m_clock->advanceUntil([&] { return !finished.isEmpty(); }, qint64(3600) * 1000, 1000));
    QCOMPARE(m_queue->contacts[answered].status, QStringLiteral("failed"));
    QCOMPARE(m_queue->contacts[busy].status, QStringLiteral("failed"));
    QCOMPARE(m_queue->contacts[answered].attempts, 2);
    QCOMPARE(m_queue->contacts[invalid].attempts, 1);
    QCOMPARE(m_queue->contacts[throttled].status, QStringLiteral("failed")); // refused twice: out of attempts
    QCOMPARE(m_queue->contacts[throttled].attempts, 2);
    QCOMPARE(finished.at(0).at(0).value<dialer::DialerProgress>().placed, 7);
}

// A claim left by a dialer that died before the provider saw the call is undone (it used no attempt), and the
// contact is then dialed once.
void TestDialerQueue::unplacedClaimIsUndoneThenDialed()
{
    const qint64 orphan =
        m_queue->addLeftInProgress(QStringLiteral("+14155550150"), m_campaignId, m_clock->nowUtc().addSecs(-60));
    const qint64 contact = m_queue->attempts[orphan].contactId;
    auto dialer = makeDialer();
    QSignalSpy reconciled(dialer.get(), &dialer::CampaignDialer::reconciled);
    QVERIFY(dialer->start().ok());
    QCOMPARE(reconciled.count(), 1);
    QCOMPARE(reconciled.at(0).at(0).toInt(), 1);
    QVERIFY(!m_queue->attempts.contains(orphan));
    m_clock->advance(1000);
    QCOMPARE(m_provider->placed.size(), 1);
    QCOMPARE(m_queue->contacts[contact].attempts, 1);
    QCOMPARE(m_queue->attempts.size(), 1);
}

// A queue call that finds the database gone pauses dialing; the dialer probes, renews its lease and carries on.
void TestDialerQueue::lostDatabasePausesAndResumes()
{
    m_queue->addContact(QStringLiteral("+14155550160"));
    m_queue->addContact(QStringLiteral("+14155550161"));
    auto dialer = makeDialer();
    QSignalSpy lost(dialer.get(), &dialer::CampaignDialer::databaseLost);
    QSignalSpy restored(dialer.get(), &dialer::CampaignDialer::databaseRestored);
    QVERIFY(dialer->start().ok());
    m_queue->failNext(1); // the first claim
    m_clock->advance(100);
    QCOMPARE(lost.count(), 1);
    QVERIFY(dialer->isDatabaseLost());
    QCOMPARE(m_provider->placed.size(), 0);
    m_clock->advance(1500); // the recovery probe finds the database answering again
    QCOMPARE(restored.count(), 1);
    QVERIFY(!dialer->isDatabaseLost());
    m_clock->advance(1000);
    QCOMPARE(m_provider->placed.size(), 2);
}

// A dialer that died after a call ended but before settling its contact left it in progress: the next start
// settles it like any ended call (busy: back in the queue after the retry delay) instead of forgetting it.
void TestDialerQueue::strandedContactIsSettledOnStart()
{
    const qint64 busy =
        m_queue->addLeftInProgress(QStringLiteral("+14155550170"), m_campaignId, m_clock->nowUtc().addSecs(-600),
                                   QStringLiteral("busy"), QStringLiteral("CAold"));
    const qint64 contact = m_queue->attempts[busy].contactId;
    auto dialer = makeDialer();
    QVERIFY(dialer->start().ok());
    QCOMPARE(m_queue->contacts[contact].status, QStringLiteral("pending"));
    QCOMPARE(m_queue->contacts[contact].nextAttemptAt, m_clock->nowUtc().addSecs(120));
    m_clock->advance(qint64(121) * 1000);
    QCOMPARE(m_provider->placed.size(), 1);
    QCOMPARE(m_queue->contacts[contact].attempts, 2);
}

// The call's final status was stored, but settling its contact failed (a full disk): the contact is left in progress
// with its call over. The running dialer settles it again before it would complete the campaign, so the contact
// gets its second attempt and the campaign completes only after it.
void TestDialerQueue::failedSettleNeverCompletesTheCampaignWithoutTheContact()
{
    const qint64 contact = m_queue->addContact(QStringLiteral("+14155550180"));
    auto dialer = makeDialer();
    QSignalSpy finished(dialer.get(), &dialer::CampaignDialer::runFinished);
    QVERIFY(dialer->start().ok());
    m_clock->advance(100);
    QCOMPARE(m_provider->placed.size(), 1);
    const qint64 first = m_provider->placed.constLast().attemptId;
    m_queue->attempts[first].status = QStringLiteral("busy"); // stored by the call flow
    m_queue->failNextSettles(1);
    m_provider->end(first, CallStatus::Busy);
    m_clock->advance(2000);
    QVERIFY(finished.isEmpty());
    QCOMPARE(m_queue->contacts[contact].status, QStringLiteral("pending")); // settled again, not forgotten
    QVERIFY(m_clock->advanceUntil([&] { return m_provider->placed.size() == 2; }, 600'000, 1000));
    const qint64 second = m_provider->placed.constLast().attemptId;
    m_queue->attempts[second].status = QStringLiteral("no-answer");
    m_provider->end(second, CallStatus::NoAnswer);
    QVERIFY(m_clock->advanceUntil([&] { return !finished.isEmpty(); }, 60'000, 1000));
    QCOMPARE(m_queue->contacts[contact].status, QStringLiteral("failed")); // both attempts used
}

// A create whose answer was lost (timeout after sending, or a 2xx that could not be read) is not a failure to retry:
// the attempt stays claimed, holding its line, and once no create can still be in flight the provider is asked.
// A call it created is adopted and tracked, never placed again; one it did not create is undone and dialed once.
void TestDialerQueue::ambiguousCreateIsNeverRetriedBlindly()
{
    const QString created = QStringLiteral("+14155550180");
    const QString lost = QStringLiteral("+14155550181");
    const qint64 createdContact = m_queue->addContact(created);
    const qint64 lostContact = m_queue->addContact(lost);
    m_provider->ambiguous.insert(created, true);
    m_provider->ambiguous.insert(lost, false);
    auto dialer = makeDialer();
    QVERIFY(dialer->start().ok());
    m_clock->advance(1000);
    QCOMPARE(m_provider->placed.size(), 2);
    m_provider->ambiguous.clear(); // the provider answers normally from now on
    // Still claimed, neither failed nor put back for a retry; each holds its line.
    for (const auto &attempt : std::as_const(m_queue->attempts)) {
        QCOMPARE(attempt.status, QStringLiteral("claimed"));
    }
    QCOMPARE(m_queue->contacts[createdContact].status, QStringLiteral("in_progress"));
    QCOMPARE(dialer->progress().active, 2);

    m_clock->advance(qint64(dialer::CampaignDialer::kHeartbeatMs) * 5); // past the longest create (1 s here) + margin
    QCOMPARE(m_provider->callsTo(created), 1);                          // adopted: it exists
    QCOMPARE(m_provider->callsTo(lost), 2);                             // never created: undone, and dialed again once
    QCOMPARE(m_queue->contacts[lostContact].attempts, 1);
    QString adoptedSid;
    for (const auto &attempt : std::as_const(m_queue->attempts)) {
        if (attempt.contactId == createdContact) {
            adoptedSid = attempt.callSid;
        }
    }
    QCOMPARE(adoptedSid, QStringLiteral("CA1"));
    m_clock->advance(qint64(130) * 1000); // past the retry delay a plain failure would have been given
    QCOMPARE(m_provider->callsTo(created), 1);
    QCOMPARE(m_queue->contacts[createdContact].status, QStringLiteral("in_progress")); // its call is still running
}

// A claim without a call SID that is younger than the provider's longest create (by the database's clock) may still
// be in flight at its dialer (stopped, cut off, or with a clock that runs behind): the standby waits until no create
// can be, then asks. Here the stalled dialer's create went through meanwhile: adopted, never dialed again.
void TestDialerQueue::youngClaimWaitsForTheLongestCreate()
{
    const QString phone = QStringLiteral("+14155550190");
    const qint64 orphan = m_queue->addLeftInProgress(phone, m_campaignId, m_clock->nowUtc());
    m_queue->attempts[orphan].claimAgeMs = 500;
    auto dialer = makeDialer();
    QSignalSpy reconciled(dialer.get(), &dialer::CampaignDialer::reconciled);
    QVERIFY(dialer->start().ok());
    QCOMPARE(reconciled.count(), 0); // waiting
    m_clock->advance(2000);
    QCOMPARE(reconciled.count(), 0);
    QVERIFY(m_queue->attempts.contains(orphan)); // not undone
    m_provider->addCreatedElsewhere(orphan, QStringLiteral("CAlate"), phone);
    m_clock->advance(10000); // 1 s longest create + 10 s margin - 0.5 s age have passed
    QCOMPARE(reconciled.count(), 1);
    QCOMPARE(m_queue->attempts[orphan].callSid, QStringLiteral("CAlate"));
    m_clock->advance(1000);
    QCOMPARE(m_provider->placed.size(), 0);
}

QTEST_GUILESS_MAIN(TestDialerQueue)
#include "tst_dialerqueue.moc"
