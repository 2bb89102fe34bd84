// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/telephony/simulatedcarrier.h"

#include "services/dialogue/engine.h"
#include "services/logging/logging.h"
#include "services/storage/callrepository.h"

#include <QRegularExpression>
#include <QTimer>
#include <QUuid>

namespace vsc::services::telephony {

using namespace vsc::services::dialogue;

namespace {

// Beyond SimulatedCarrierOptions::createDelayMs, the budget only has to cover the time from the dialer's claim to
// the call log line in a process that is running, not stopped.
constexpr int kCreateBudgetMs = 2000;

} // namespace

SimulatedCarrier::SimulatedCarrier(CallFlow &flow, storage::Database &database, Clock &clock,
                                   SimulatedCarrierOptions options, QObject *parent)
    : TelephonyProvider(parent), m_flow(flow), m_database(database), m_clock(clock), m_options(std::move(options)),
      m_rng(m_options.seed)
{
    if (m_options.callLogPath.isEmpty()) {
        return;
    }
    readCallLog();
    m_answerLog = std::make_unique<QFile>(answerLogPath(m_options.callLogPath));
    if (!m_answerLog->open(QIODevice::Append | QIODevice::Text)) {
        m_answerLog.reset();
    }
    m_callLog = std::make_unique<QFile>(m_options.callLogPath);
    if (!m_callLog->open(QIODevice::Append | QIODevice::Text)) {
        logging::logger("vsc.carrier")
            ->error("cannot write the call log {}: {}", m_options.callLogPath.toStdString(),
                    m_callLog->errorString().toStdString());
        m_callLog.reset();
    }
}

SimulatedCarrier::~SimulatedCarrier() = default;

// Several dialer processes may share one call log, as they would share one Twilio account: read what all of them
// placed, not only this process.
void SimulatedCarrier::readCallLog()
{
    if (m_options.callLogPath.isEmpty()) {
        return;
    }
    QFile file(m_options.callLogPath);
    if (!file.open(QIODevice::ReadOnly)) {
        return;
    }
    while (!file.atEnd()) {
        const QList<QByteArray> fields = file.readLine().trimmed().split('\t');
        if (fields.size() >= 3) {
            const QString sid = QString::fromLatin1(fields.at(1));
            if (!m_record.contains(sid)) {
                m_record.insert(sid, {sid, QString::fromLatin1(fields.at(2)), QStringLiteral("gone"),
                                      QDateTime::fromString(QString::fromLatin1(fields.at(0)), Qt::ISODateWithMs)});
            }
        }
    }
}

// Running in this process; ended here (how, as Twilio's fetch would say); or placed by another process that is gone.
QString SimulatedCarrier::statusOf(const ProviderCall &call) const
{
    if (m_calls.contains(call.sid)) {
        return QStringLiteral("in-progress");
    }
    const auto status = callStatusFromKey(call.status);
    return status && isTerminal(*status) ? call.status : QStringLiteral("gone");
}

int SimulatedCarrier::createBudgetMs() const
{
    return m_options.createDelayMs + kCreateBudgetMs;
}

int SimulatedCarrier::maxCreateMs() const
{
    return createBudgetMs(); // the deadline is checked where the call log line is written
}

void SimulatedCarrier::findCalls(const QString &to, const QDateTime &since,
                                 std::function<void(Result<QList<ProviderCall>>)> done)
{
    readCallLog();
    QList<ProviderCall> found;
    for (const ProviderCall &call : std::as_const(m_record)) {
        if (call.to == to && call.createdAt >= since) {
            found.append(call);
            found.last().status = statusOf(call);
        }
    }
    QTimer::singleShot(0, this, [done = std::move(done), found] { done(found); });
}

void SimulatedCarrier::lookUpCall(const QString &callSid, std::function<void(Result<ProviderCall>)> done)
{
    if (!m_record.contains(callSid)) {
        readCallLog();
    }
    Result<ProviderCall> result = Error{ErrorCode::NotFound, QStringLiteral("no simulated call %1").arg(callSid)};
    if (const auto it = m_record.constFind(callSid); it != m_record.cend()) {
        ProviderCall call = *it;
        call.status = statusOf(call);
        result = call;
    }
    QTimer::singleShot(0, this, [done = std::move(done), result] { done(result); });
}

void SimulatedCarrier::after(double simulatedSeconds, const QString &sid, std::function<void(SimCall &)> step)
{
    const int ms = qMax(0, int(simulatedSeconds * 1000.0 / qMax(0.001, m_options.timeScale)));
    m_clock.singleShot(ms, this, [this, sid, simulatedSeconds, step = std::move(step)] {
        const auto it = m_calls.constFind(sid);
        if (it == m_calls.cend()) {
            return; // ended meanwhile
        }
        // A copy on purpose: the step may end the call, which drops the hash's reference.
        std::shared_ptr<SimCall> call = *it; // NOLINT(performance-unnecessary-copy-initialization)
        call->clock = call->clock.addMSecs(qint64(simulatedSeconds * 1000.0));
        step(*call);
    });
}

void SimulatedCarrier::placeCall(const OutboundCall &outbound, std::function<void(Result<QString>)> done)
{
    if (!outbound.to.startsWith(u'+') || outbound.to.size() < 8) {
        QTimer::singleShot(0, this, [done = std::move(done), to = outbound.to] {
            done(Error{ErrorCode::InvalidArgument, QStringLiteral("21211: '%1' is not a valid phone number").arg(to),
                       21211});
        });
        return;
    }
    if (m_options.createDelayMs > 0) {
        // Like a create request waiting in this process for a free connection: the process may stall meanwhile.
        m_clock.singleShot(m_options.createDelayMs, this,
                           [this, outbound, done = std::move(done)]() mutable { create(outbound, std::move(done)); });
        return;
    }
    create(outbound, std::move(done));
}

void SimulatedCarrier::create(const OutboundCall &outbound, std::function<void(Result<QString>)> done)
{
    if (outbound.createDeadlineMs > 0 && m_clock.monotonicMs() > outbound.createDeadlineMs) {
        // The dialer stalled between its claim and here: a standby may have judged the claim an orphan already.
        QTimer::singleShot(0, this, [done = std::move(done)] {
            done(Error{ErrorCode::Conflict, QStringLiteral("the create deadline passed; the call was not placed")});
        });
        return;
    }
    auto call = std::make_shared<SimCall>();
    call->call = outbound;
    // Random like Twilio's, so several dialer processes never hand out the same SID.
    call->sid = QStringLiteral("SIM") + QUuid::createUuid().toString(QUuid::Id128).left(31);
    call->clock = m_clock.nowUtc();
    m_record.insert(call->sid, {call->sid, outbound.to, QStringLiteral("queued"), call->clock});
    if (m_callLog) {
        const QByteArray line = call->clock.toString(Qt::ISODateWithMs).toLatin1() + '\t' + call->sid.toLatin1() +
                                '\t' + outbound.to.toLatin1() + '\t' + QByteArray::number(outbound.attemptId) + '\n';
        m_callLog->write(line);
        m_callLog->flush(); // in the kernel before the SID is handed out: survives the process being killed
    }
    if (m_options.timeScale != 1.0 && outbound.attemptId > 0) {
        // The monitor ticks the call's duration in this call's own time.
        if (auto scaled = storage::CallRepository(m_database).setTimeScale(outbound.attemptId, m_options.timeScale);
            !scaled) {
            logging::logger("vsc.carrier")
                ->warn("call attempt {}: time scale not stored: {}", outbound.attemptId,
                       scaled.error().toString().toStdString());
        }
    }
    call->respondent = std::make_unique<SyntheticRespondent>(m_rng.generate(), m_options.respondent);
    m_calls.insert(call->sid, call);
    const QString sid = call->sid;
    QTimer::singleShot(0, this, [done = std::move(done), sid] { done(sid); });

    // Decide the outcome up front, like the network would; each step schedules the next one.
    const double roll = m_rng.generateDouble();
    const double ring =
        m_options.minRingSeconds + m_rng.generateDouble() * (m_options.maxRingSeconds - m_options.minRingSeconds);
    const double failedUpTo = m_options.failed;
    const double busyUpTo = failedUpTo + m_options.busy;
    const double noAnswerUpTo = busyUpTo + m_options.noAnswer;
    const bool machine = roll >= noAnswerUpTo && roll < noAnswerUpTo + m_options.machine;
    after(0.2, sid, [this, roll, ring, failedUpTo, busyUpTo, noAnswerUpTo, machine](SimCall &c) {
        sendStatus(c, CallStatus::Initiated);
        if (roll < failedUpTo) {
            after(1.0, c.sid, [this](SimCall &f) {
                end(f, CallStatus::Failed,
                    {{QStringLiteral("SipResponseCode"), QStringLiteral("404")},
                     {QStringLiteral("ErrorCode"), QStringLiteral("13224")}});
            });
            return;
        }
        after(1.0, c.sid, [this, roll, ring, busyUpTo, noAnswerUpTo, machine](SimCall &r) {
            sendStatus(r, CallStatus::Ringing);
            if (roll < busyUpTo) {
                after(2.0, r.sid, [this](SimCall &b) {
                    end(b, CallStatus::Busy, {{QStringLiteral("SipResponseCode"), QStringLiteral("486")}});
                });
            } else if (roll < noAnswerUpTo) {
                after(r.call.ringTimeoutSeconds, r.sid, [this](SimCall &n) {
                    end(n, CallStatus::NoAnswer, {{QStringLiteral("SipResponseCode"), QStringLiteral("487")}});
                });
            } else {
                after(ring, r.sid, [this, machine](SimCall &a) { answer(a, machine); });
            }
        });
    });
}

void SimulatedCarrier::answer(SimCall &c, bool machine)
{
    c.answeredAt = c.clock;
    sendStatus(
        c, CallStatus::InProgress,
        {{QStringLiteral("AnsweredBy"), machine ? QStringLiteral("machine_end_beep") : QStringLiteral("human")}});
    if (machine) {
        // Voicemail: Twilio's machine detection says so on the voice request, and the campaign's answering-machine
        // handling (leave a message or hang up) answers it; the greeting's 25 s run first.
        after(25.0, c.sid, [this](SimCall &m) {
            converse(m, m_flow.voice(m.call.attemptId,
                                     {{QStringLiteral("CallSid"), m.sid},
                                      {QStringLiteral("AnsweredBy"), QStringLiteral("machine_end_beep")}}));
        });
        return;
    }
    converse(c, m_flow.voice(c.call.attemptId, {{QStringLiteral("CallSid"), c.sid},
                                                {QStringLiteral("AnsweredBy"), QStringLiteral("human")}}));
}

void SimulatedCarrier::converse(SimCall &call, const WebhookReply &reply)
{
    const bool hangsUp = reply.status != 200 || reply.body.contains("<Hangup/>") ||
                         !(reply.body.contains("<Gather") || reply.body.contains("<Record"));
    if (hangsUp || call.hangUpRequested) {
        after(3.0, call.sid, [this](SimCall &c) {
            const qint64 seconds = c.answeredAt.isValid() ? c.answeredAt.secsTo(c.clock) : 0;
            end(c, CallStatus::Completed,
                {{QStringLiteral("CallDuration"), QString::number(qMax<qint64>(1, seconds))}});
        });
        return;
    }
    // Twilio posts the caller's input to the prompt's action URL, which carries the prompt's turn.
    static const QRegularExpression turnInAction(QStringLiteral("[?&;]turn=([0-9]+)"));
    const QRegularExpressionMatch match = turnInAction.match(QString::fromUtf8(reply.body));
    const std::optional<int> turn = match.hasMatch() ? std::optional<int>(match.captured(1).toInt()) : std::nullopt;
    // The caller listens to the prompt, then reacts; what they say depends on where the script stands.
    after(m_options.secondsPerPrompt, call.sid, [this, turn](SimCall &c) {
        // Where the script stands, as the caller heard it: the flow's own copy works without the database too.
        std::optional<storage::CallSession> session = m_flow.cachedSession(c.call.attemptId);
        if (!session) {
            auto stored = storage::CallRepository(m_database).session(c.call.attemptId);
            if (!stored) {
                logging::logger("vsc.carrier")
                    ->warn("call attempt {}: session not read, the caller hangs up: {}", c.call.attemptId,
                           stored.error().toString().toStdString());
            } else if (stored.value()) {
                session = *stored.value();
            }
        }
        if (!session) {
            end(c, CallStatus::Completed);
            return;
        }
        const LoadedScript &loaded = m_flow.scriptOf(*session);
        const auto state = DialogueState::fromJson(session->dialogueState);
        const auto input = state ? c.respondent->respond(loaded.script, *state) : std::nullopt;
        if (!input) { // hung up mid-survey
            const qint64 seconds = c.answeredAt.isValid() ? c.answeredAt.secsTo(c.clock) : 0;
            end(c, CallStatus::Completed,
                {{QStringLiteral("CallDuration"), QString::number(qMax<qint64>(1, seconds))}});
            return;
        }
        FormParams params{{QStringLiteral("CallSid"), c.sid}};
        switch (input->kind) {
        case CallerInput::Kind::Digits:
            params.append({QStringLiteral("Digits"), input->digits});
            break;
        case CallerInput::Kind::Speech:
            params.append({QStringLiteral("SpeechResult"), input->speech});
            if (input->confidence) {
                params.append({QStringLiteral("Confidence"), QString::number(*input->confidence, 'f', 2)});
            }
            break;
        case CallerInput::Kind::Recording:
            params.append({QStringLiteral("RecordingUrl"), input->recordingUrl});
            params.append({QStringLiteral("RecordingDuration"), QString::number(input->recordingSeconds)});
            break;
        case CallerInput::Kind::NoInput:
            break;
        }
        const WebhookReply reply = m_flow.gather(c.call.attemptId, params, turn);
        if (reply.status == 200) { // stored, or journaled to be stored
            logAnswer(c, loaded.script, *state, *input);
        }
        converse(c, reply);
    });
}

QString SimulatedCarrier::answerLogPath(const QString &callLogPath)
{
    return callLogPath + QStringLiteral(".answers");
}

// What the respondent's input amounts to, by the script alone (the engine is a pure function of script, state and
// input): the answer the survey must store for this call, whatever happens to the database on the way. Logged once
// the survey accepted the request, one tab-separated line: attempt, question key, normalised value, digits, speech.
void SimulatedCarrier::logAnswer(const SimCall &call, const dialogue::Script &script,
                                 const dialogue::DialogueState &state, const dialogue::CallerInput &input)
{
    if (!m_answerLog) {
        return;
    }
    const dialogue::Turn turn = dialogue::DialogueEngine::step(script, state, input, QUrl());
    if (!turn.answer || turn.answer->skipped) {
        return;
    }
    auto field = [](const QString &text) { return text.simplified().replace(u'\t', u' ').toUtf8(); };
    const QByteArray line = QByteArray::number(call.call.attemptId) + '\t' + field(turn.answer->questionId) + '\t' +
                            field(turn.answer->value) + '\t' + field(turn.answer->rawDigits) + '\t' +
                            field(turn.answer->rawSpeech) + '\n';
    m_answerLog->write(line);
    m_answerLog->flush();
}

void SimulatedCarrier::sendStatus(SimCall &call, CallStatus status, const FormParams &extra)
{
    FormParams params{{QStringLiteral("CallSid"), call.sid},
                      {QStringLiteral("CallStatus"), callStatusKey(status)},
                      {QStringLiteral("SequenceNumber"), QString::number(call.sequence++)},
                      {QStringLiteral("Timestamp"), call.clock.toString(Qt::RFC2822Date)},
                      {QStringLiteral("CallbackSource"), QStringLiteral("call-progress-events")},
                      {QStringLiteral("To"), call.call.to},
                      {QStringLiteral("From"), call.call.from}};
    params.append(extra);
    const WebhookReply reply = m_flow.status(call.call.attemptId, params);
    if (reply.status != 200) {
        logging::logger("vsc.telephony.simulated")
            ->warn("call attempt {}: status {} was not accepted ({})", call.call.attemptId,
                   callStatusKey(status).toStdString(), reply.status);
    }
}

void SimulatedCarrier::end(SimCall &call, CallStatus status, const FormParams &extra)
{
    sendStatus(call, status, extra);
    m_record[call.sid].status = callStatusKey(status); // what lookUpCall() answers from now on
    const qint64 attemptId = call.call.attemptId;
    m_calls.remove(call.sid); // the shared_ptr held by the running step keeps `call` valid until it returns
    Q_EMIT callEnded(attemptId, status);
}

void SimulatedCarrier::hangUp(const QString &callSid, std::function<void(Result<void>)> done)
{
    const auto it = m_calls.constFind(callSid);
    if (it == m_calls.cend()) {
        QTimer::singleShot(0, this, [done = std::move(done), callSid] {
            done(Error{ErrorCode::NotFound, QStringLiteral("no simulated call %1 in progress").arg(callSid)});
        });
        return;
    }
    QTimer::singleShot(0, this, [this, call = *it, done = std::move(done)] { // the lambda outlives the hash entry
        if (m_calls.contains(call->sid)) {
            end(*call, call->answeredAt.isValid() ? CallStatus::Completed : CallStatus::Canceled);
        }
        done({});
    });
}

} // namespace vsc::services::telephony
