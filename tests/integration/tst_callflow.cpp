// SPDX-License-Identifier: GPL-3.0-or-later
// Twilio's requests for one call, through the dialogue engine into the database (both backends).
#include "services/dialogue/engine.h"
#include "services/dialogue/script.h"
#include "services/storage/callrepository.h"
#include "services/storage/contactrepository.h"
#include "services/storage/databaseconfig.h"
#include "services/storage/migrator.h"
#include "services/storage/scriptrepository.h"
#include "services/storage/sql.h"
#include "services/telephony/callflow.h"
#include "services/telephony/webhookjournal.h"
#include "tests/support/callfixture.h"
#include "tests/support/testdatabase.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace vsc;
using namespace vsc::services;
using namespace vsc::services::telephony;
using vsc::services::dialogue::DialogueState;

namespace {
const QString kSid = QStringLiteral("CA0123456789abcdef0123456789abcdef");

// The prompt number in a reply's action URL (turn=N), -1 without one.
int turnIn(const WebhookReply &reply)
{
    static const QRegularExpression turn(QStringLiteral("[?&;]turn=([0-9]+)"));
    const QRegularExpressionMatch match = turn.match(QString::fromUtf8(reply.body));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

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
    void monitorSeesTheQuestionAndLastAnswer();
    void voiceRetryRepeatsTheQuestion();
    void optOutSuppressesTheNumber();
    void statusCallbacksAreIdempotentAndOrderIndependent();
    void unknownCallsAndBadRequests();
    void brokenScriptApologises();
    void amdResultIsStored();
    void parsesTwilioTimes();
    void journalsWhileTheDatabaseIsAway();
    void aVoicemailGetsItsGoodbyeWhileTheDatabaseIsAway();
    void duplicateGatherIsAppliedOnce();
    void staleGatherDuringConfirmationRepeatsIt();
    void crashDuringReplayAppliesEachAnswerOnce();
    void scriptIsParsedOncePerVersion();
    void aSlowDuplicateCannotSetTheCallBack();
    void queuedStatusCallbacksAreStoredTogether();
    void aCallbackTheDatabaseRefusesFailsAlone();
    void aCallKeepsTheScriptVersionItStartedWith();
    void theContactsLanguagePicksTheVariant();

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
             QStringLiteral("https://surveys.example.com/vsc/twilio/status?attempt=7#rc=5&rp=ct,rt,5xx"));
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

// Each turn tells the monitor which question is on the line and what was just answered (CallFlow::turnStored), and
// the monitor's query reads the same from the database: current question, last answer with its confidence, the
// answering-machine verdict; an ended call stays as recent, without a question, and can no longer be hung up.
void TestCallFlow::monitorSeesTheQuestionAndLastAnswer()
{
    QSignalSpy turns(m_flow.get(), &CallFlow::turnStored);
    const qint64 id = m_fixture.attemptId;
    storage::CallRepository calls(m_db->database());
    QVERIFY(m_flow
                ->status(id, call({{QStringLiteral("CallStatus"), QStringLiteral("in-progress")},
                                   {QStringLiteral("SequenceNumber"), QStringLiteral("1")},
                                   {QStringLiteral("AnsweredBy"), QStringLiteral("human")}}))
                .status == 200);
    QCOMPARE(m_flow->voice(id, call()).status, 200);
    QCOMPARE(turns.count(), 1);
    auto first = turns.at(0).at(0).value<LiveTurn>();
    QCOMPARE(first.attemptId, id);
    QCOMPARE(first.currentQuestion, QStringLiteral("resolved"));
    QVERIFY(!first.currentPrompt.isEmpty());
    QVERIFY(first.answerQuestion.isEmpty());
    auto live = calls.liveCall(id);
    QVERIFY(live.ok() && live.value());
    QCOMPARE(live.value()->currentQuestion, QStringLiteral("resolved"));
    QCOMPARE(live.value()->currentPrompt, first.currentPrompt);
    QCOMPARE(live.value()->answeredBy, QStringLiteral("human"));
    QVERIFY(live.value()->lastQuestion.isEmpty());

    QVERIFY(m_flow->gather(id, call({{QStringLiteral("Digits"), QStringLiteral("1")}})).status == 200);
    QVERIFY(m_flow
                ->gather(id, call({{QStringLiteral("SpeechResult"), QStringLiteral("Nine.")},
                                   {QStringLiteral("Confidence"), QStringLiteral("0.91")}}))
                .status == 200);
    QCOMPARE(turns.count(), 3);
    const auto third = turns.at(2).at(0).value<LiveTurn>();
    QCOMPARE(third.currentQuestion, QStringLiteral("priority"));
    QCOMPARE(third.answerQuestion, QStringLiteral("nps"));
    QCOMPARE(third.answerValue, QStringLiteral("9"));
    QCOMPARE(third.answerConfidence, std::optional<double>(0.91));
    auto listed = calls.liveCalls();
    QVERIFY(listed.ok());
    QCOMPARE(listed.value().size(), 1);
    const LiveCall &row = listed.value().constFirst();
    QCOMPARE(row.currentQuestion, QStringLiteral("priority"));
    QCOMPARE(row.lastQuestion, QStringLiteral("nps"));
    QCOMPARE(row.lastAnswer, QStringLiteral("9"));
    QVERIFY(row.lastConfidence && qAbs(*row.lastConfidence - 0.91) < 1e-6); // REAL: single precision on PostgreSQL
    QCOMPARE(row.answeredQuestions, 2);
    auto detail = calls.callDetail(id);
    QVERIFY(detail.ok());
    QCOMPARE(detail.value().answers.size(), 2);
    QCOMPARE(detail.value().answers.at(0).questionKey, QStringLiteral("resolved"));
    QCOMPARE(detail.value().events.size(), 1);
    QCOMPARE(detail.value().events.at(0).status, QStringLiteral("in-progress"));

    // Ended: recent, not live; no question on the line; nobody can hang it up any more.
    QVERIFY(m_flow
                ->status(id, call({{QStringLiteral("CallStatus"), QStringLiteral("completed")},
                                   {QStringLiteral("SequenceNumber"), QStringLiteral("2")},
                                   {QStringLiteral("CallDuration"), QStringLiteral("40")}}))
                .status == 200);
    QVERIFY(calls.liveCalls().value().isEmpty());
    auto recent = calls.liveCalls(QDateTime::currentDateTimeUtc().addSecs(-3600), 10);
    QVERIFY(recent.ok());
    QCOMPARE(recent.value().size(), 1);
    QCOMPARE(recent.value().constFirst().status, CallStatus::Completed);
    QVERIFY(recent.value().constFirst().endedAt.isValid());
    QVERIFY(recent.value().constFirst().currentQuestion.isEmpty());
    QCOMPARE(recent.value().constFirst().lastAnswer, QStringLiteral("9"));
    QCOMPARE(calls.recordHangUp(id, QStringLiteral("sam"), QDateTime::currentDateTimeUtc()).value(), false);
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
    // Quotes and backslashes reach the stored payload as sent (through the batch's JSON parameter).
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

// A voicemail picked up while the database is away still gets the campaign's answering-machine handling (not the
// survey, whose answers a replay would then refuse), and its verdict is stored once the database is back.
void TestCallFlow::aVoicemailGetsItsGoodbyeWhileTheDatabaseIsAway()
{
    if (!m_db->isPostgres()) {
        QSKIP("an embedded SQLite file cannot go away; the PostgreSQL run covers this");
    }
    QTemporaryDir dir;
    WebhookJournal journal(dir.filePath(QStringLiteral("journal.jsonl")));
    m_flow->setJournal(&journal);
    const qint64 id = m_fixture.attemptId;
    QVERIFY(storage::exec(m_db->database().connection(),
                          QStringLiteral("UPDATE campaigns SET machine_action = 'leave_message', machine_message = "
                                         "'We will call again.' WHERE id = ?"),
                          {m_fixture.campaignId})
                .ok());
    m_flow->prepare(id); // as the dialer does when it places the call

    auto admin = m_db->openAnotherConnection();
    QVERIFY(admin);
    QVERIFY(storage::exec(admin->connection(),
                          QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                                         "current_database() AND pid <> pg_backend_pid()"))
                .ok());
    const WebhookReply goodbye =
        m_flow->voice(id, call({{QStringLiteral("AnsweredBy"), QStringLiteral("machine_end_beep")}}));
    QCOMPARE(goodbye.status, 200);
    QVERIFY2(goodbye.body.contains("We will call again.</Say><Hangup/>"), goodbye.body.constData());
    QVERIFY(!goodbye.body.contains("Gather"));
    QCOMPARE(m_flow->journaled(), 1);

    QVERIFY(m_flow->replayJournal().ok());
    QCOMPARE(m_flow->journaled(), 0);
    auto answeredBy = storage::scalar(admin->connection(),
                                      QStringLiteral("SELECT answered_by FROM call_attempts WHERE id = ?"), {id});
    QVERIFY(answeredBy.ok());
    QCOMPARE(answeredBy.value().toString(), QStringLiteral("machine_end_beep"));
    QCOMPARE(
        tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM answers WHERE call_attempt_id = ?"), {id}),
        0);
}

namespace {

// (question key, value) of every stored answer of the attempt, in question order.
QStringList storedAnswers(storage::Database &database, qint64 attemptId)
{
    QStringList out;
    auto query = storage::exec(database.connection(),
                               QStringLiteral("SELECT q.question_key, a.normalized_value FROM answers a JOIN questions "
                                              "q ON q.id = a.question_id WHERE a.call_attempt_id = ? ORDER BY "
                                              "q.position"),
                               {attemptId});
    if (!query) {
        return {QStringLiteral("query failed: ") + query.error().toString()};
    }
    while (query.value().next()) {
        out << query.value().value(0).toString() + u'=' + query.value().value(1).toString();
    }
    return out;
}

const QStringList kWholeSurvey{QStringLiteral("resolved=yes"), QStringLiteral("nps=9"),
                               QStringLiteral("priority=friendliness"), QStringLiteral("again=yes")};

// What a process journaled for one call while the database was away: the answers to prompts 1 to 4 (yes, 9, 3 =
// friendliness, yes) and the final status.
QList<JournalEntry> journaledCall(qint64 attemptId)
{
    const QDateTime at(QDate(2026, 11, 23), QTime(14, 0), Qt::UTC);
    QList<JournalEntry> entries;
    const QStringList digits{QStringLiteral("1"), QStringLiteral("9"), QStringLiteral("3"), QStringLiteral("1")};
    for (int i = 0; i < digits.size(); ++i) {
        entries.append({QStringLiteral("gather"), attemptId, call({{QStringLiteral("Digits"), digits.at(i)}}),
                        at.addSecs(10 * i), i + 1});
    }
    entries.append({QStringLiteral("status"), attemptId,
                    call({{QStringLiteral("CallStatus"), QStringLiteral("completed")},
                          {QStringLiteral("SequenceNumber"), QStringLiteral("5")}}),
                    at.addSecs(60), std::nullopt});
    return entries;
}

// The child process of crashDuringReplayAppliesEachAnswerOnce: replays the journal and dies (no clean-up at all,
// as a kill would) right after the given number of answers were stored.
int replayUntilKilled()
{
    auto config = storage::DatabaseConfig::fromUrl(qEnvironmentVariable("VSC_TEST_REPLAY_DB"));
    if (!config) {
        return 10;
    }
    storage::Database database(config.value());
    if (!database.open().ok()) {
        return 11;
    }
    WebhookJournal journal(qEnvironmentVariable("VSC_TEST_REPLAY_JOURNAL"));
    if (!journal.error().isEmpty()) {
        return 12;
    }
    CallFlow flow(database, QUrl(QStringLiteral("https://surveys.example.com/vsc/")));
    flow.setJournal(&journal);
    const int killAfter = qEnvironmentVariableIntValue("VSC_TEST_REPLAY_KILL_AFTER");
    int stored = 0;
    QObject::connect(&flow, &CallFlow::answerRecorded, [&] {
        if (++stored == killAfter) {
            ::_exit(42);
        }
    });
    (void)flow.replayJournal();
    return 13; // the replay ended without the crash
}

} // namespace

void TestCallFlow::duplicateGatherIsAppliedOnce()
{
    const qint64 id = m_fixture.attemptId;
    const WebhookReply first = m_flow->voice(id, call());
    QCOMPARE(turnIn(first), 1);
    const FormParams yes = call({{QStringLiteral("Digits"), QStringLiteral("1")}});
    const WebhookReply second = m_flow->gather(id, yes, turnIn(first));
    QVERIFY(second.body.contains("recommend"));
    QCOMPARE(turnIn(second), 2);
    // Twilio sends the same answer again (its reply was lost; a retry): "1" is not question 2's answer.
    const WebhookReply repeated = m_flow->gather(id, yes, turnIn(first));
    QCOMPARE(repeated.status, 200);
    QVERIFY(repeated.body.contains("recommend")); // the current question again, with its own turn
    QCOMPARE(turnIn(repeated), 2);
    QCOMPARE(storedAnswers(m_db->database(), id), QStringList{QStringLiteral("resolved=yes")});
    // The caller's real answer to question 2 still lands on it.
    const WebhookReply third =
        m_flow->gather(id, call({{QStringLiteral("Digits"), QStringLiteral("9")}}), turnIn(repeated));
    QVERIFY(third.body.contains("What mattered most"));
    QCOMPARE(storedAnswers(m_db->database(), id),
             QStringList({QStringLiteral("resolved=yes"), QStringLiteral("nps=9")}));
    // An answer to a prompt not sent yet is not applied either.
    QVERIFY(m_flow->gather(id, call({{QStringLiteral("Digits"), QStringLiteral("1")}}), turnIn(third) + 5)
                .body.contains("What mattered most"));
    QCOMPARE(storedAnswers(m_db->database(), id).size(), 2);
}

void TestCallFlow::staleGatherDuringConfirmationRepeatsIt()
{
    const qint64 id = m_fixture.attemptId;
    WebhookReply reply = m_flow->voice(id, call());
    reply = m_flow->gather(id, call({{QStringLiteral("Digits"), QStringLiteral("1")}}), turnIn(reply));
    reply = m_flow->gather(id, call({{QStringLiteral("Digits"), QStringLiteral("9")}}), turnIn(reply));
    const int priorityTurn = turnIn(reply);
    const WebhookReply confirm = m_flow->gather(id,
                                                call({{QStringLiteral("SpeechResult"), QStringLiteral("friendly")},
                                                      {QStringLiteral("Confidence"), QStringLiteral("0.3")}}),
                                                priorityTurn);
    QVERIFY(confirm.body.contains("I heard friendliness"));
    // The speech answer arrives again: the confirmation is asked again, exactly as before.
    const WebhookReply again = m_flow->gather(id,
                                              call({{QStringLiteral("SpeechResult"), QStringLiteral("friendly")},
                                                    {QStringLiteral("Confidence"), QStringLiteral("0.3")}}),
                                              priorityTurn);
    QCOMPARE(again.body, confirm.body);
    QVERIFY(m_flow->gather(id, call({{QStringLiteral("Digits"), QStringLiteral("1")}}), turnIn(again))
                .body.contains("use our service again"));
    QCOMPARE(storedAnswers(m_db->database(), id), QStringList({QStringLiteral("resolved=yes"), QStringLiteral("nps=9"),
                                                               QStringLiteral("priority=friendliness")}));
}

void TestCallFlow::crashDuringReplayAppliesEachAnswerOnce()
{
    const qint64 id = m_fixture.attemptId;
    QVERIFY(m_flow->voice(id, call()).body.contains("resolve your issue")); // prompt 1 went out
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal/run-1-abcdef01.jsonl"));
    const QList<JournalEntry> entries = journaledCall(id);
    {
        WebhookJournal journal(path);
        for (const JournalEntry &entry : entries) {
            QVERIFY(journal.append(entry).ok());
        }
    }
    // A process replays it and is killed right after the second answer is committed.
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VSC_TEST_REPLAY_DB"), m_db->url());
    env.insert(QStringLiteral("VSC_TEST_REPLAY_JOURNAL"), path);
    env.insert(QStringLiteral("VSC_TEST_REPLAY_KILL_AFTER"), QStringLiteral("2"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(60000));
    QCOMPARE(child.exitCode(), 42);
    QCOMPARE(storedAnswers(m_db->database(), id).size(), 2);

    // What it applied left the journal as it went: only the request in flight when it died is still there.
    WebhookJournal restarted(path);
    QVERIFY(restarted.error().isEmpty()); // the dead process's lock is stale
    QCOMPARE(restarted.entries().size(), entries.size() - 1);
    // The next process replays what is left: each answer once, on its own question.
    CallFlow flow(m_db->database(), QUrl(QStringLiteral("https://surveys.example.com/vsc/")));
    flow.setJournal(&restarted);
    QVERIFY(flow.replayJournal().ok());
    QVERIFY(restarted.isEmpty());
    QCOMPARE(storedAnswers(m_db->database(), id), kWholeSurvey);
    QCOMPARE(storage::CallRepository(m_db->database()).attempt(id).value().status, CallStatus::Completed);
    QCOMPARE(storage::ContactRepository(m_db->database()).byId(m_fixture.contactId).value().status,
             ContactStatus::Completed);

    // Replaying the whole journal once more (a crash before any entry was removed) changes nothing.
    {
        WebhookJournal again(dir.filePath(QStringLiteral("journal/again.jsonl")));
        for (const JournalEntry &entry : entries) {
            QVERIFY(again.append(entry).ok());
        }
        QVERIFY(flow.replayJournal(again).ok());
        QVERIFY(again.isEmpty());
    }
    QCOMPARE(storedAnswers(m_db->database(), id), kWholeSurvey);
}

void TestCallFlow::scriptIsParsedOncePerVersion()
{
    const qint64 id = m_fixture.attemptId;
    WebhookReply reply = m_flow->voice(id, call());
    QCOMPARE(m_flow->scriptsParsed(), 1);
    reply = m_flow->gather(id, call({{QStringLiteral("Digits"), QStringLiteral("1")}}), turnIn(reply));
    reply = m_flow->gather(id, call({{QStringLiteral("Digits"), QStringLiteral("9")}}), turnIn(reply));
    QVERIFY(reply.body.contains("What mattered most"));
    QCOMPARE(m_flow->scriptsParsed(), 1); // the later turns used the parsed version
}

void TestCallFlow::aSlowDuplicateCannotSetTheCallBack()
{
    const qint64 id = m_fixture.attemptId;
    storage::CallRepository calls(m_db->database());
    const WebhookReply first = m_flow->voice(id, call());
    // A slow server read the call at prompt 1 ...
    const QByteArray readBySlowServer = calls.session(id).value()->dialogueState;
    // ... while a fast one applied the same answer and the next one.
    WebhookReply reply = m_flow->gather(id, call({{QStringLiteral("Digits"), QStringLiteral("1")}}), turnIn(first));
    reply = m_flow->gather(id, call({{QStringLiteral("Digits"), QStringLiteral("9")}}), turnIn(reply));
    const QByteArray current = calls.session(id).value()->dialogueState;
    QCOMPARE(DialogueState::fromJson(current)->turn, 3);
    // The slow server's write of prompt 2 is refused: the call is not set back.
    storage::TurnWrite slow;
    slow.attemptId = id;
    slow.dialogueState = DialogueState::fromJson(readBySlowServer)->toJson();
    slow.previousState = readBySlowServer;
    QCOMPARE(calls.saveTurn(slow).error().code, ErrorCode::Conflict);
    QCOMPARE(calls.session(id).value()->dialogueState, current);
    // A write computed from what is stored goes through (PostgreSQL compares its own rendering of the JSON).
    storage::TurnWrite onTime = slow;
    onTime.dialogueState = current;
    onTime.previousState = current;
    QVERIFY(calls.saveTurn(onTime).ok());
    storage::TurnWrite unknown = onTime;
    unknown.attemptId = 999999;
    QCOMPARE(calls.saveTurn(unknown).error().code, ErrorCode::NotFound);
    QCOMPARE(storedAnswers(m_db->database(), id),
             QStringList({QStringLiteral("resolved=yes"), QStringLiteral("nps=9")}));
}

namespace {

FormParams statusParams(const QString &sid, const QString &callStatus, int sequence,
                        std::initializer_list<std::pair<QString, QString>> extra = {})
{
    FormParams params{{QStringLiteral("CallSid"), sid},
                      {QStringLiteral("CallStatus"), callStatus},
                      {QStringLiteral("SequenceNumber"), QString::number(sequence)}};
    for (const auto &p : extra) {
        params.append(p);
    }
    return params;
}

} // namespace

// Status callbacks that wait together on the flow's thread are stored in one batch (one transaction, one message
// for the event bus) and each gets its own answer; a call's second callback waits for the next batch, so a call's
// callbacks still apply in the order they arrived. status() stores what waits before its own.
void TestCallFlow::queuedStatusCallbacksAreStoredTogether()
{
    auto second = tests::makeCallFixture(m_db->database(), QStringLiteral("+14155550143"));
    QVERIFY(second.ok());
    const qint64 a = m_fixture.attemptId;
    const qint64 b = second.value().attemptId;
    const QString sidB = QStringLiteral("CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    QSignalSpy batches(m_flow.get(), &CallFlow::callStatusesChanged);
    QSignalSpy each(m_flow.get(), &CallFlow::callStatusChanged);
    QList<int> codes(6, 0);
    const auto queue = [this, &codes](int slot, qint64 attempt, const FormParams &params) {
        m_flow->queueStatus(attempt, params, [&codes, slot](const WebhookReply &reply) { codes[slot] = reply.status; });
    };
    queue(0, a, statusParams(kSid, QStringLiteral("initiated"), 0));
    queue(1, b, statusParams(sidB, QStringLiteral("ringing"), 1));
    queue(2, a, statusParams(kSid, QStringLiteral("ringing"), 1)); // a's second: the next batch
    queue(3, 999999, statusParams(kSid, QStringLiteral("ringing"), 1));
    queue(4, a, statusParams(QStringLiteral("CAother"), QStringLiteral("ringing"), 2)); // another call's SID
    queue(5, b, {{QStringLiteral("CallSid"), sidB}});                                   // no CallStatus
    QCOMPARE(codes, QList<int>(6, 0)); // nothing is stored before the event loop runs
    QTRY_VERIFY(!codes.contains(0));
    QCOMPARE(codes, (QList<int>{200, 200, 200, 404, 404, 400}));

    // Batch 1: a initiated, b ringing, the unknown attempt; batch 2: a ringing (and b's bad request, answered at
    // once); batch 3: the other call's callback, which changes nothing.
    QCOMPARE(batches.count(), 2);
    const auto first = batches.at(0).at(0).value<QList<CallStatusChange>>();
    QCOMPARE(first.size(), 2);
    QCOMPARE(first.at(0).attemptId, a);
    QCOMPARE(first.at(0).status, CallStatus::Initiated);
    QCOMPARE(first.at(1).attemptId, b);
    const auto next = batches.at(1).at(0).value<QList<CallStatusChange>>();
    QCOMPARE(next.size(), 1);
    QCOMPARE(next.at(0).status, CallStatus::Ringing);
    QCOMPARE(each.count(), 3);
    storage::CallRepository calls(m_db->database());
    QCOMPARE(calls.attempt(a).value().status, CallStatus::Ringing);
    QCOMPARE(calls.attempt(b).value().status, CallStatus::Ringing);
    QCOMPARE(tests::count(m_db->database(),
                          QStringLiteral("SELECT COUNT(*) FROM call_events WHERE call_attempt_id = ?"), {a}),
             2);

    // A synchronous status() stores what is queued first: in-progress (queued) before completed.
    int queuedCode = 0;
    m_flow->queueStatus(a, statusParams(kSid, QStringLiteral("in-progress"), 3),
                        [&queuedCode](const WebhookReply &reply) { queuedCode = reply.status; });
    QCOMPARE(m_flow->status(a, statusParams(kSid, QStringLiteral("completed"), 4)).status, 200);
    QCOMPARE(queuedCode, 200);
    QCOMPARE(calls.attempt(a).value().status, CallStatus::Completed);
    QVERIFY(calls.attempt(a).value().answeredAt.isValid());
}

// One callback of a batch that the database refuses (PostgreSQL's jsonb has no NUL character) is answered 503, for
// Twilio to retry; the others of its batch are stored. SQLite stores it.
void TestCallFlow::aCallbackTheDatabaseRefusesFailsAlone()
{
    auto second = tests::makeCallFixture(m_db->database(), QStringLiteral("+14155550143"));
    QVERIFY(second.ok());
    const qint64 a = m_fixture.attemptId;
    const qint64 b = second.value().attemptId;
    QList<int> codes(2, 0);
    m_flow->queueStatus(a, statusParams(kSid, QStringLiteral("ringing"), 1),
                        [&codes](const WebhookReply &reply) { codes[0] = reply.status; });
    m_flow->queueStatus(
        b,
        statusParams(QStringLiteral("CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"), QStringLiteral("ringing"), 1,
                     {{QStringLiteral("CallerName"), QStringLiteral("A") + QChar(0) + QStringLiteral("B")}}),
        [&codes](const WebhookReply &reply) { codes[1] = reply.status; });
    QTRY_VERIFY(!codes.contains(0));
    QCOMPARE(codes.at(0), 200);
    QCOMPARE(codes.at(1), m_db->isPostgres() ? 503 : 200);
    storage::CallRepository calls(m_db->database());
    QCOMPARE(calls.attempt(a).value().status, CallStatus::Ringing);
    QCOMPARE(calls.attempt(b).value().status, m_db->isPostgres() ? CallStatus::Claimed : CallStatus::Ringing);
}

namespace {

// Stores `script` as a new version of the fixture's script and points the campaign at it.
qint64 switchCampaignScript(storage::Database &db, const tests::CallFixture &fixture, const dialogue::Script &script)
{
    auto current = storage::ScriptRepository(db).version(fixture.scriptVersionId);
    if (!current) {
        return 0;
    }
    ScriptVersion version = dialogue::toScriptVersion(script);
    version.scriptId = current.value().scriptId;
    auto stored = storage::ScriptRepository(db).addVersion(version);
    if (!stored ||
        !storage::execOnly(db.connection(), QStringLiteral("UPDATE campaigns SET script_version_id = ? WHERE id = ?"),
                           {stored.value().id, fixture.campaignId})
             .ok()) {
        return 0;
    }
    return stored.value().id;
}

dialogue::Script sampleScript()
{
    QFile file(QStringLiteral(":/scripts/customer-satisfaction.json"));
    return file.open(QIODevice::ReadOnly) ? dialogue::loadScript(file.readAll()).script : dialogue::Script{};
}

// Another call's requests: its own CallSid.
FormParams callOf(const QString &sid, std::initializer_list<std::pair<QString, QString>> extra = {})
{
    FormParams params = call(extra);
    params[0].second = sid;
    return params;
}

bool setLanguage(storage::Database &db, qint64 attemptId, const QString &language)
{
    auto attempt = storage::CallRepository(db).attempt(attemptId);
    return attempt &&
           storage::execOnly(db.connection(), QStringLiteral("UPDATE contacts SET language = ? WHERE id = ?"),
                             {language, attempt.value().contactId})
               .ok();
}

} // namespace

void TestCallFlow::aCallKeepsTheScriptVersionItStartedWith()
{
    const qint64 id = m_fixture.attemptId;
    WebhookReply reply = m_flow->voice(id, call());
    QVERIFY(reply.body.contains("Northwind"));
    reply = m_flow->gather(id, call({{QStringLiteral("Digits"), QStringLiteral("1")}}), turnIn(reply));
    QVERIFY(reply.body.contains("recommend"));

    // The campaign moves to version 2 mid-call.
    dialogue::Script changed = sampleScript();
    QVERIFY(changed.questions.size() == 5);
    changed.intro = QStringLiteral("Version two says hello.");
    changed.questions[1].prompt = QStringLiteral("Version two: zero to ten?");
    changed.questions[2].prompt = QStringLiteral("Version two: speed, price or friendliness?");
    const qint64 v2 = switchCampaignScript(m_db->database(), m_fixture, changed);
    QVERIFY(v2 > 0);

    // The rest of the call, read back from the database by another flow (nothing cached), is still version 1.
    CallFlow other(m_db->database(), QUrl(QStringLiteral("https://surveys.example.com/vsc/")));
    reply = other.gather(id, call({{QStringLiteral("Digits"), QStringLiteral("9")}}), turnIn(reply));
    QVERIFY2(reply.body.contains("What mattered most"), reply.body.constData());
    QVERIFY(!reply.body.contains("Version two"));
    auto stored = storage::CallRepository(m_db->database()).answersForAttempt(id);
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().size(), 2);
    for (const Answer &a : stored.value()) {
        QCOMPARE(a.scriptVersionId, m_fixture.scriptVersionId);
    }

    // A call that starts now hears version 2.
    auto next = tests::addAttempt(m_db->database(), m_fixture, QStringLiteral("+14155550199"));
    QVERIFY(next.ok());
    const WebhookReply fresh = other.voice(next.value(), callOf(QStringLiteral("CA00000000000000000000000000000002")));
    QVERIFY2(fresh.body.contains("Version two says hello."), fresh.body.constData());
    auto session = storage::CallRepository(m_db->database()).session(next.value());
    QVERIFY(session.ok() && session.value());
    QCOMPARE(session.value()->scriptVersionId, v2);
}

void TestCallFlow::theContactsLanguagePicksTheVariant()
{
    dialogue::Script script = sampleScript();
    dialogue::ScriptVariant german;
    german.language = QStringLiteral("de-DE");
    german.voice = QStringLiteral("Polly.Vicki");
    german.intro = QStringLiteral("Guten Tag, hier ist Northwind.");
    for (const dialogue::ScriptQuestion &q : std::as_const(script.questions)) {
        german.questions.insert(q.id, {QStringLiteral("Deutsch: ") + q.id, {}, {}});
    }
    german.questions[QStringLiteral("priority")].synonyms.insert(QStringLiteral("price"), {QStringLiteral("preis")});
    script.variants = {german};
    QVERIFY(!dialogue::hasErrors(dialogue::validateScript(script)));
    QVERIFY(switchCampaignScript(m_db->database(), m_fixture, script) > 0);

    auto attempt = tests::addAttempt(m_db->database(), m_fixture, QStringLiteral("+14155550177"));
    QVERIFY(attempt.ok());
    QVERIFY(setLanguage(m_db->database(), attempt.value(), QStringLiteral("de-AT")));
    const QString sid = QStringLiteral("CA00000000000000000000000000000003");
    WebhookReply reply = m_flow->voice(attempt.value(), callOf(sid));
    QVERIFY2(reply.body.contains("Guten Tag, hier ist Northwind."), reply.body.constData());
    QVERIFY(reply.body.contains("Deutsch: resolved"));
    QVERIFY(reply.body.contains("voice=\"Polly.Vicki\""));
    QVERIFY(reply.body.contains("language=\"de-DE\""));
    reply = m_flow->gather(attempt.value(),
                           callOf(sid, {{QStringLiteral("SpeechResult"), QStringLiteral("Ja")},
                                        {QStringLiteral("Confidence"), QStringLiteral("0.9")}}),
                           turnIn(reply));
    QVERIFY2(reply.body.contains("Deutsch: nps"), reply.body.constData());
    reply =
        m_flow->gather(attempt.value(), callOf(sid, {{QStringLiteral("Digits"), QStringLiteral("7")}}), turnIn(reply));
    reply = m_flow->gather(attempt.value(),
                           callOf(sid, {{QStringLiteral("SpeechResult"), QStringLiteral("der Preis")},
                                        {QStringLiteral("Confidence"), QStringLiteral("0.9")}}),
                           turnIn(reply));
    auto stored = storage::CallRepository(m_db->database()).answersForAttempt(attempt.value());
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().size(), 3);
    QCOMPARE(stored.value().at(2).normalizedValue, QStringLiteral("price")); // the German word, the stored value

    // A contact without a language on the same script hears the script's own texts.
    auto english = tests::addAttempt(m_db->database(), m_fixture, QStringLiteral("+14155550178"));
    QVERIFY(english.ok());
    QVERIFY(m_flow->voice(english.value(), callOf(QStringLiteral("CA00000000000000000000000000000004")))
                .body.contains("Northwind Home Services"));
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet("VSC_TEST_REPLAY_KILL_AFTER")) {
        QCoreApplication app(argc, argv);
        return replayUntilKilled();
    }
    QCoreApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TestCallFlow test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_callflow.moc"
