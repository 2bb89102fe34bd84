// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated carrier drives whole calls through CallFlow into the database (both backends).
#include "services/clock.h"
#include "services/storage/callrepository.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "services/telephony/simulatedcarrier.h"
#include "tests/support/callfixture.h"
#include "tests/support/testdatabase.h"

#include <QSignalSpy>
#include <QTest>

using namespace vsc;
using namespace vsc::services;
using namespace vsc::services::telephony;

class TestSimulatedCarrier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void runsManyCallsToTheEnd();
    void everyoneAnsweringCompletesSurveys();
    void hangUpEndsACall();
    void refusesInvalidNumbers();

private:
    OutboundCall outbound(qint64 attemptId, const QString &phone) const;
    std::unique_ptr<tests::TestDatabase> m_db;
    tests::CallFixture m_fixture;
    std::unique_ptr<CallFlow> m_flow;
    services::SystemClock m_clock;
};

void TestSimulatedCarrier::initTestCase()
{
    tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

void TestSimulatedCarrier::init()
{
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY(m_db->isValid());
    auto fixture = tests::migrateAndMakeCallFixture(m_db->database());
    QVERIFY2(fixture.ok(), qPrintable(fixture.ok() ? QString() : fixture.error().toString()));
    m_fixture = fixture.value();
    m_flow = std::make_unique<CallFlow>(m_db->database(), QUrl(QStringLiteral("https://surveys.example.com")));
}

void TestSimulatedCarrier::cleanup()
{
    m_flow.reset();
    m_db.reset();
}

OutboundCall TestSimulatedCarrier::outbound(qint64 attemptId, const QString &phone) const
{
    OutboundCall call;
    call.attemptId = attemptId;
    call.to = phone;
    call.from = QStringLiteral("+15005550006");
    call.voiceUrl = m_flow->voiceUrl(attemptId);
    call.statusUrl = m_flow->statusUrl(attemptId);
    return call;
}

void TestSimulatedCarrier::runsManyCallsToTheEnd()
{
    SimulatedCarrierOptions options;
    options.timeScale = 2000; // a 60 s call takes 30 ms
    options.seed = 7;
    SimulatedCarrier carrier(*m_flow, m_db->database(), m_clock, options);
    QSignalSpy ended(&carrier, &SimulatedCarrier::callEnded);
    QList<QString> sids;
    const int calls = 60;
    for (int i = 0; i < calls; ++i) {
        const QString phone = QStringLiteral("+1212555%1").arg(1000 + i);
        const qint64 attempt =
            i == 0 ? m_fixture.attemptId : tests::addAttempt(m_db->database(), m_fixture, phone).value();
        carrier.placeCall(outbound(attempt, i == 0 ? m_fixture.phone : phone), [&sids](Result<QString> sid) {
            if (sid.ok()) {
                sids << sid.value();
            }
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), calls, 60000);
    QCOMPARE(sids.size(), calls);
    QVERIFY(
        std::all_of(sids.cbegin(), sids.cend(), [](const QString &s) { return s.startsWith(QStringLiteral("SIM")); }));
    QCOMPARE(carrier.activeCalls(), 0);
    // Every attempt reached a terminal status, with a mix of outcomes, and answers for the conversations.
    QCOMPARE(tests::count(
                 m_db->database(),
                 QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE status IN ('completed', 'busy', 'no-answer', "
                                "'failed', 'canceled')")),
             calls);
    QVERIFY(tests::count(m_db->database(),
                         QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE status = 'completed'")) > calls / 2);
    QVERIFY(tests::count(m_db->database(),
                         QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE status IN ('busy', 'no-answer')")) >
            0);
    QVERIFY(tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM answers")) > calls);
    QCOMPARE(
        tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE call_sid LIKE 'SIM%'")),
        calls);
    // Each call's events are numbered from 0 without gaps or duplicates.
    QCOMPARE(tests::count(m_db->database(),
                          QStringLiteral("SELECT COUNT(*) FROM call_events e WHERE sequence_number > 0 AND NOT EXISTS ("
                                         "SELECT 1 FROM call_events p WHERE p.call_sid = e.call_sid "
                                         "AND p.sequence_number = e.sequence_number - 1)")),
             0);
    const QVariantList statuses{ended.constFirst().at(1)};
    QVERIFY(isTerminal(statuses.constFirst().value<CallStatus>()));
}

void TestSimulatedCarrier::everyoneAnsweringCompletesSurveys()
{
    SimulatedCarrierOptions options;
    options.timeScale = 2000;
    options.busy = options.noAnswer = options.failed = options.machine = 0;
    options.respondent.hangUp = 0;
    options.respondent.optOut = 0;
    options.respondent.silence = 0;
    SimulatedCarrier carrier(*m_flow, m_db->database(), m_clock, options);
    QSignalSpy ended(&carrier, &SimulatedCarrier::callEnded);
    carrier.placeCall(outbound(m_fixture.attemptId, m_fixture.phone), [](Result<QString>) {});
    QVERIFY(ended.wait(30000));
    QCOMPARE(ended.at(0).at(1).value<CallStatus>(), CallStatus::Completed);
    QCOMPARE(tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM contacts WHERE status = 'completed'")),
             1);
    QVERIFY(tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM answers")) >=
            2); // the flow branches: 2 to 4 answers
    auto attempt = storage::CallRepository(m_db->database()).attempt(m_fixture.attemptId);
    QCOMPARE(attempt.value().answeredBy, QStringLiteral("human"));
    QVERIFY(attempt.value().durationSeconds.value_or(0) > 0);
    QVERIFY(attempt.value().answeredAt.isValid());
}

void TestSimulatedCarrier::hangUpEndsACall()
{
    SimulatedCarrierOptions options;
    options.timeScale = 50; // slow enough to hang up mid-call
    options.busy = options.noAnswer = options.failed = options.machine = 0;
    SimulatedCarrier carrier(*m_flow, m_db->database(), m_clock, options);
    QSignalSpy ended(&carrier, &SimulatedCarrier::callEnded);
    QString sid;
    carrier.placeCall(outbound(m_fixture.attemptId, m_fixture.phone), [&sid](Result<QString> r) { sid = r.value(); });
    QTRY_VERIFY(!sid.isEmpty());
    bool done = false;
    carrier.hangUp(sid, [&done](Result<void> r) { done = r.ok(); });
    QTRY_VERIFY(done);
    QCOMPARE(ended.count(), 1);
    QVERIFY(isTerminal(ended.at(0).at(1).value<CallStatus>()));
    QCOMPARE(carrier.activeCalls(), 0);
    Result<void> missing;
    bool answered = false;
    carrier.hangUp(QStringLiteral("SIMnope"), [&](Result<void> r) {
        missing = r;
        answered = true;
    });
    QTRY_VERIFY(answered);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
}

void TestSimulatedCarrier::refusesInvalidNumbers()
{
    SimulatedCarrier carrier(*m_flow, m_db->database(), m_clock);
    std::optional<Result<QString>> result;
    carrier.placeCall(outbound(m_fixture.attemptId, QStringLiteral("12")),
                      [&result](Result<QString> r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QVERIFY(result->error().detail.contains(QStringLiteral("21211")));
}

QTEST_GUILESS_MAIN(TestSimulatedCarrier)
#include "tst_simulatedcarrier.moc"
