// SPDX-License-Identifier: GPL-3.0-or-later
// Twilio's requests for one call, through the dialogue engine into the database (both backends).
#include "services/storage/callrepository.h"
#include "services/storage/contactrepository.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "services/telephony/callflow.h"
#include "services/telephony/webhookjournal.h"
#include "tests/support/callfixture.h"
#include "tests/support/testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vsc;
using namespace vsc::services;
using namespace vsc::services::telephony;

namespace {
const QString kSid = QStringLiteral("CA0123456789abcdef0123456789abcdef");

FormParams call(std::initializer_list<std::pair<QString, QString>> extra = {})
{
    FormParams params{{QStringLiteral("CallSid"), kSid},
                      {QStringLiteral("AccountSid"), QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")}};
    for (const auto &p : extra) {
        params.append(p);
    }
    return params;
}
} // namespace

class TestCallFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void urlsCarryTheAttempt();
    void wholeSurveyIsStored();
    void voiceRetryRepeatsTheQuestion();
    void optOutSuppressesTheNumber();
    void statusCallbacksAreIdempotentAndOrderIndependent();
    void unknownCallsAndBadRequests();
    void brokenScriptApologises();
    void amdResultIsStored();
    void parsesTwilioTimes();
    void journalsWhileTheDatabaseIsAway();

private:
    std::unique_ptr<tests::TestDatabase> m_db;
    tests::CallFixture m_fixture;
    std::unique_ptr<CallFlow> m_flow;
};

void TestCallFlow::initTestCase()
{
    tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

void TestCallFlow::init()
{
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    QVERIFY(storage::Migrator(m_db->database()).migrate().ok());
    auto fixture = tests::makeCallFixture(m_db->database());
    QVERIFY2(fixture.ok(), qPrintable(fixture.ok() ? QString() : fixture.error().toString()));
    m_fixture = fixture.value();
    m_flow = std::make_unique<CallFlow>(m_db->database(), QUrl(QStringLiteral("https://surveys.example.com/vsc/")));
}

void TestCallFlow::cleanup()
{
    m_flow.reset();
    m_db.reset();
}

void TestCallFlow::urlsCarryTheAttempt()
{
    QCOMPARE(m_flow->voiceUrl(7).toString(), QStringLiteral("https://surveys.example.com/vsc/twilio/voice?attempt=7"));
    QCOMPARE(m_flow->gatherUrl(7).toString(),
             QStringLiteral("https://surveys.example.com/vsc/twilio/gather?attempt=7"));
    QCOMPARE(m_flow->statusUrl(7).toString(),
             QStringLiteral("https://surveys.example.com/vsc/twilio/status?attempt=7"));
    QCOMPARE(m_flow->amdUrl(7).toString(), QStringLiteral("https://surveys.example.com/vsc/twilio/amd?attempt=7"));
}

void TestCallFlow::wholeSurveyIsStored()
{
    QSignalSpy answers(m_flow.get(), &CallFlow::answerRecorded);
    const qint64 id = m_fixture.attemptId;
    const WebhookReply first = m_flow->voice(id, call());
    QCOMPARE(first.status, 200);
    QCOMPARE(first.contentType, QByteArray("text/xml"));
    QVERIFY(first.body.contains(
        "<Gather input=\"dtmf speech\" action=\"https://surveys.example.com/vsc/twilio/gather?attempt="));
    QVERIFY(first.body.contains("Northwind"));
    QCOMPARE(storage::CallRepository(m_db->database()).attempt(id).value().callSid, kSid); // learned from the request

    QVERIFY(m_flow->gather(id, call({{QStringLiteral("Digits"), QStringLiteral("1")}})).body.contains("recommend"));
    QVERIFY(m_flow
                ->gather(id, call({{QStringLiteral("SpeechResult"), QStringLiteral("Nine.")},
                                   {QStringLiteral("Confidence"), QStringLiteral("0.91")}}))
                .body.contains("What mattered most"));
    QVERIFY(m_flow
                ->gather(id, call({{QStringLiteral("SpeechResult"), QStringLiteral("friendly")},
                                   {QStringLiteral("Confidence"), QStringLiteral("0.3")}}))
                .body.contains("I heard friendliness"));
    QVERIFY(m_flow->gather(id, call({{QStringLiteral("Digits"), QStringLiteral("1")}}))
                .body.contains("use our service again"));
    const WebhookReply last = m_flow->gather(id, call({{QStringLiteral("Digits"), QStringLiteral("2")}}));
    QVERIFY(last.body.endsWith("<Hangup/></Response>"));

    QCOMPARE(answers.count(), 4);
    auto stored = storage::CallRepository(m_db->database()).answersForAttempt(id);
    QVERIFY(stored.ok());
    QStringList values;
    for (const Answer &a : stored.value()) {
        values << a.normalizedValue;
        QCOMPARE(a.scriptVersionId, m_fixture.scriptVersionId);
        QCOMPARE(a.contactId, m_fixture.contactId);
    }
    QCOMPARE(values, QStringList({QStringLiteral("yes"), QStringLiteral("9"), QStringLiteral("friendliness"),
                                  QStringLiteral("no")}));
    QCOMPARE(stored.value().at(1).rawSpeech, QStringLiteral("Nine."));
    QCOMPARE(stored.value().at(2).confidence, std::optional<double>(0.3));
    QCOMPARE(storage::ContactRepository(m_db->database()).byId(m_fixture.contactId).value().status,
             ContactStatus::Completed);
}

void TestCallFlow::voiceRetryRepeatsTheQuestion()
{
    const qint64 id = m_fixture.attemptId;
    (void)m_flow->voice(id, call());
    (void)m_flow->gather(id, call({{QStringLiteral("Digits"), QStringLiteral("1")}}));
    const WebhookReply again = m_flow->voice(id, call());
    QVERIFY(again.body.contains("recommend")); // the current question, not the intro
    QVERIFY(!again.body.contains("Northwind"));
    QCOMPARE(tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM answers")), 1);
}

void TestCallFlow::optOutSuppressesTheNumber()
{
    QSignalSpy optedOut(m_flow.get(), &CallFlow::optedOut);
    const qint64 id = m_fixture.attemptId;
    (void)m_flow->voice(id, call());
    const WebhookReply reply =
        m_flow->gather(id, call({{QStringLiteral("SpeechResult"), QStringLiteral("Stop calling me!")}}));
    QVERIFY(reply.body.contains("We will not call you again"));
    QCOMPARE(optedOut.count(), 1);
    QCOMPARE(tests::count(
                 m_db->database(),
                 QStringLiteral("SELECT COUNT(*) FROM suppression_list WHERE phone_e164 = ? AND campaign_id IS NULL "
                                "AND source = 'in_call_opt_out'"),
                 {m_fixture.phone}),
             1);
    QCOMPARE(storage::ContactRepository(m_db->database()).byId(m_fixture.contactId).value().status,
             ContactStatus::OptedOut);
    // A second opt-out of the same number (another campaign, another call) does not fail.
    auto second = tests::addAttempt(m_db->database(), m_fixture, m_fixture.phone + QStringLiteral("9"));
    QVERIFY(second.ok());
    QVERIFY(storage::exec(m_db->database().connection(),
                          QStringLiteral("UPDATE call_attempts SET phone_e164 = ? WHERE id = ?"),
                          {m_fixture.phone, second.value()})
                .ok());
    (void)m_flow->voice(second.value(), {{QStringLiteral("CallSid"), QStringLiteral("CA2")}});
    QVERIFY(m_flow
                ->gather(second.value(), {{QStringLiteral("CallSid"), QStringLiteral("CA2")},
                                          {QStringLiteral("Digits"), QStringLiteral("*")}})
                .body.contains("We will not call you again"));
    QCOMPARE(tests::count(m_db->database(),
                          QStringLiteral("SELECT COUNT(*) FROM suppression_list WHERE phone_e164 = ?"),
                          {m_fixture.phone}),
             1);
}

void TestCallFlow::statusCallbacksAreIdempotentAndOrderIndependent()
{
    QSignalSpy changed(m_flow.get(), &CallFlow::callStatusChanged);
    const qint64 id = m_fixture.attemptId;
    auto status = [&](const char *callStatus, int sequence,
                      std::initializer_list<std::pair<QString, QString>> extra = {}) {
        FormParams params =
            call({{QStringLiteral("CallStatus"), QString::fromLatin1(callStatus)},
                  {QStringLiteral("SequenceNumber"), QString::number(sequence)},
                  {QStringLiteral("Timestamp"), QStringLiteral("Mon, 23 Nov 2026 10:00:0%1 +0000").arg(sequence)}});
        for (const auto &p : extra) {
            params.append(p);
        }
        return m_flow->status(id, params);
    };
    // Quotes and backslashes reach the stored payload as sent (PostgreSQL's statement has them as literals).
    const QString tricky = QStringLiteral(R"(O'Brien \ "quoted" \' E'x)");
    QCOMPARE(status("initiated", 0, {{QStringLiteral("CallerName"), tricky}}).status, 200);
    QCOMPARE(status("completed", 3, {{QStringLiteral("CallDuration"), QStringLiteral("61")}}).status, 200);
    QCOMPARE(status("ringing", 1).status, 200);     // late: stored, but completed stays
    QCOMPARE(status("in-progress", 2).status, 200); // late too
    QCOMPARE(status("completed", 3).status, 200);   // duplicate delivery
    auto attempt = storage::CallRepository(m_db->database()).attempt(id);
    QCOMPARE(attempt.value().status, CallStatus::Completed);
    QCOMPARE(attempt.value().durationSeconds, std::optional<int>(61));
    QCOMPARE(attempt.value().answeredAt, QDateTime(QDate(2026, 11, 23), QTime(10, 0, 2), Qt::UTC));
    QCOMPARE(attempt.value().endedAt, QDateTime(QDate(2026, 11, 23), QTime(10, 0, 3), Qt::UTC));
    QCOMPARE(attempt.value().callSid, kSid);
    QCOMPARE(tests::count(m_db->database(),
                          QStringLiteral("SELECT COUNT(*) FROM call_events WHERE call_attempt_id = ?"), {id}),
             4);
    QCOMPARE(changed.count(), 2); // initiated, completed
    QCOMPARE(changed.at(1).at(1).value<CallStatus>(), CallStatus::Completed);
    auto payload = storage::scalar(
        m_db->database().connection(),
        QStringLiteral("SELECT payload FROM call_events WHERE call_attempt_id = ? AND sequence_number = 0"), {id});
    QCOMPARE(QJsonDocument::fromJson(payload.value().toString().toUtf8()).object().value(u"CallerName").toString(),
             tricky);
}

void TestCallFlow::unknownCallsAndBadRequests()
{
    QCOMPARE(m_flow->voice(999999, call()).status, 404);
    QCOMPARE(m_flow->gather(999999, call()).status, 404);
    QCOMPARE(m_flow->status(999999, call({{QStringLiteral("CallStatus"), QStringLiteral("ringing")}})).status, 404);
    QCOMPARE(m_flow->amd(999999, call({{QStringLiteral("AnsweredBy"), QStringLiteral("human")}})).status, 404);
    QCOMPARE(
        m_flow->status(m_fixture.attemptId, call({{QStringLiteral("CallStatus"), QStringLiteral("exploded")}})).status,
        400);
    QCOMPARE(m_flow->amd(m_fixture.attemptId, call()).status, 400);
    (void)m_flow->voice(m_fixture.attemptId, call());
    // Another call's SID on this attempt is refused.
    QCOMPARE(m_flow->gather(m_fixture.attemptId, {{QStringLiteral("CallSid"), QStringLiteral("CAother")}}).status, 404);
    QCOMPARE(m_flow
                 ->status(m_fixture.attemptId, {{QStringLiteral("CallSid"), QStringLiteral("CAother")},
                                                {QStringLiteral("CallStatus"), QStringLiteral("ringing")}})
                 .status,
             404);
}

void TestCallFlow::brokenScriptApologises()
{
    QVERIFY(storage::exec(m_db->database().connection(), QStringLiteral("UPDATE script_versions SET definition = ?"),
                          {QStringLiteral("{\"broken\": true}")})
                .ok());
    const WebhookReply reply = m_flow->voice(m_fixture.attemptId, call());
    QCOMPARE(reply.status, 200); // never a bare 500 on a voice route
    QVERIFY(reply.body.contains("Sorry, we have a technical problem"));
    QVERIFY(reply.body.endsWith("<Hangup/></Response>"));
}

void TestCallFlow::amdResultIsStored()
{
    QCOMPARE(
        m_flow->amd(m_fixture.attemptId, call({{QStringLiteral("AnsweredBy"), QStringLiteral("machine_end_beep")}}))
            .status,
        200);
    QCOMPARE(storage::CallRepository(m_db->database()).attempt(m_fixture.attemptId).value().answeredBy,
             QStringLiteral("machine_end_beep"));
    (void)m_flow->voice(m_fixture.attemptId, call({{QStringLiteral("AnsweredBy"), QStringLiteral("human")}}));
    QCOMPARE(storage::CallRepository(m_db->database()).attempt(m_fixture.attemptId).value().answeredBy,
             QStringLiteral("human"));
}

void TestCallFlow::parsesTwilioTimes()
{
    QCOMPARE(parseTwilioTime(QStringLiteral("Tue, 31 Aug 2010 20:36:28 +0000")),
             QDateTime(QDate(2010, 8, 31), QTime(20, 36, 28), Qt::UTC));
    QCOMPARE(parseTwilioTime(QStringLiteral("Tue, 31 Aug 2010 22:36:28 +0200")),
             QDateTime(QDate(2010, 8, 31), QTime(20, 36, 28), Qt::UTC));
    QVERIFY(!parseTwilioTime(QStringLiteral("yesterday")).isValid());
}

void TestCallFlow::journalsWhileTheDatabaseIsAway()
{
    if (!m_db->isPostgres()) {
        QSKIP("an embedded SQLite file cannot go away; the PostgreSQL run covers this");
    }
    QTemporaryDir dir;
    WebhookJournal journal(dir.filePath(QStringLiteral("journal.jsonl")));
    m_flow->setJournal(&journal);
    const qint64 id = m_fixture.attemptId;
    m_flow->prepare(id);
    QVERIFY(m_flow->voice(id, call()).body.contains("resolve your issue"));

    // The server drops this console's connection, as a restart or failover would.
    auto admin = m_db->openAnotherConnection();
    QVERIFY(admin);
    QVERIFY(storage::exec(admin->connection(),
                          QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                                         "current_database() AND pid <> pg_backend_pid()"))
                .ok());
    QSignalSpy answers(m_flow.get(), &CallFlow::answerRecorded);
    QSignalSpy journalChanged(m_flow.get(), &CallFlow::journalChanged);
    // The caller still hears the next question; the answer waits in the journal.
    const WebhookReply next = m_flow->gather(id, call({{QStringLiteral("Digits"), QStringLiteral("1")}}));
    QCOMPARE(next.status, 200);
    QVERIFY(next.body.contains("recommend"));
    QCOMPARE(m_flow->journaled(), 1);
    QCOMPARE(answers.count(), 0);
    auto stored = storage::scalar(admin->connection(),
                                  QStringLiteral("SELECT COUNT(*) FROM answers WHERE "
                                                 "call_attempt_id = ?"),
                                  {id});
    QCOMPARE(stored.value().toInt(), 0);

    // The server is back by the next request: the journal is applied first, in order, on a fresh connection.
    QCOMPARE(m_flow
                 ->status(id, call({{QStringLiteral("CallStatus"), QStringLiteral("in-progress")},
                                    {QStringLiteral("SequenceNumber"), QStringLiteral("2")}}))
                 .status,
             200);
    QCOMPARE(m_flow->journaled(), 0);
    QCOMPARE(answers.count(), 1);
    QVERIFY(journalChanged.count() >= 2);
    QVERIFY(m_flow->replayJournal().ok()); // nothing left to do
    QCOMPARE(
        tests::count(m_db->database(),
                     QStringLiteral("SELECT COUNT(*) FROM answers WHERE call_attempt_id = ? AND normalized_value = "
                                    "'yes'"),
                     {id}),
        1);
    QCOMPARE(tests::count(m_db->database(),
                          QStringLiteral("SELECT COUNT(*) FROM call_events WHERE call_attempt_id = ? AND call_status = "
                                         "'in-progress'"),
                          {id}),
             1);
    // The survey carries on from the replayed state.
    QVERIFY(m_flow->gather(id, call({{QStringLiteral("Digits"), QStringLiteral("9")}})).body.contains("Gather"));
    QCOMPARE(
        tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM answers WHERE call_attempt_id = ?"), {id}),
        2);
}

QTEST_GUILESS_MAIN(TestCallFlow)
#include "tst_callflow.moc"
