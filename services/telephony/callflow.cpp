// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/telephony/callflow.h"

#include "services/dialogue/engine.h"
#include "services/logging/logging.h"
#include "services/storage/callrepository.h"

#include <QMetaObject>
#include <QSet>
#include <QUrlQuery>

namespace vsc::services::telephony {
namespace {

using namespace vsc::services::dialogue;

WebhookReply twimlReply(const TwimlResponse &twiml)
{
    return {200, QByteArrayLiteral("text/xml"), toXml(twiml)};
}

WebhookReply plain(int status, const QByteArray &text)
{
    return {status, QByteArrayLiteral("text/plain"), text};
}

auto log()
{
    return logging::logger("vsc.telephony.calls");
}

CallerInput inputFrom(const FormParams &params)
{
    const QString digits = param(params, QStringLiteral("Digits"));
    const QString speech = param(params, QStringLiteral("SpeechResult"));
    const QString recording = param(params, QStringLiteral("RecordingUrl"));
    if (!recording.isEmpty()) {
        return CallerInput::recorded(recording, param(params, QStringLiteral("RecordingDuration")).toInt());
    }
    if (!digits.isEmpty() && digits != QLatin1String("hangup")) {
        return CallerInput::keys(digits);
    }
    if (!speech.trimmed().isEmpty()) {
        bool ok = false;
        const double confidence = param(params, QStringLiteral("Confidence")).toDouble(&ok);
        return CallerInput::said(speech, ok ? std::optional<double>(confidence) : std::nullopt);
    }
    return CallerInput::noInput();
}

QVariantMap payloadOf(const FormParams &params)
{
    QVariantMap payload;
    for (const auto &[name, value] : params) {
        payload.insert(name, value);
    }
    return payload;
}

std::optional<int> optionalInt(const QString &text)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

// The dialogue's next turn: the first question on a new call, the current question again on a repeated voice
// request, else the caller's input applied. Nothing when the stored state is unreadable.
std::optional<Turn> takeTurn(qint64 attemptId, const Script &script, const QByteArray &dialogueState,
                             const FormParams &params, bool isVoiceRequest, const QUrl &action)
{
    if (dialogueState.isEmpty()) {
        return DialogueEngine::start(script, action);
    }
    const auto state = DialogueState::fromJson(dialogueState);
    if (!state) {
        log()->error("call attempt {}: stored dialogue state is unreadable", attemptId);
        return std::nullopt;
    }
    return isVoiceRequest ? DialogueEngine::resume(script, *state, action)
                          : DialogueEngine::step(script, *state, inputFrom(params), action);
}

// A gather that answers an earlier prompt than the call's current one (Twilio retried it, or a journal replay
// repeats it) stores nothing: the caller hears the current prompt again, with its own turn in the action URL.
std::optional<WebhookReply> staleGather(qint64 attemptId, const Script &script, const QByteArray &dialogueState,
                                        std::optional<int> turnNumber, const QUrl &action)
{
    if (!turnNumber || dialogueState.isEmpty()) {
        return std::nullopt;
    }
    const auto state = DialogueState::fromJson(dialogueState);
    if (!state || state->turn == *turnNumber) {
        return std::nullopt;
    }
    log()->info("call attempt {}: gather for prompt {} arrived while prompt {} is current; not applied", attemptId,
                *turnNumber, state->turn);
    return twimlReply(DialogueEngine::repeat(script, *state, action).twiml);
}

// What the turn stores, without its answer.
storage::TurnWrite turnWriteOf(qint64 attemptId, const QString &callSid, const Turn &turn)
{
    storage::TurnWrite write;
    write.attemptId = attemptId;
    write.callSid = callSid;
    write.dialogueState = turn.state.toJson();
    write.optOut = turn.optedOut;
    write.surveyCompleted = turn.finished && turn.state.completed;
    return write;
}

// The answer as stored; questionId is 0 when the session does not know the question.
Answer answerOf(qint64 attemptId, const storage::CallSession &session, const AnswerRecord &a,
                const QDateTime &answeredAt)
{
    Answer answer;
    answer.callAttemptId = attemptId;
    answer.contactId = session.attempt.contactId;
    answer.questionId = session.questionIds.value(a.questionId);
    answer.scriptVersionId = session.scriptVersionId;
    answer.rawSpeech = a.rawSpeech;
    answer.rawDigits = a.rawDigits;
    answer.confidence = a.confidence;
    answer.normalizedValue = a.value;
    answer.answeredAt = answeredAt;
    return answer;
}

} // namespace

QString param(const FormParams &params, const QString &name)
{
    for (const auto &[key, value] : params) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

QDateTime parseTwilioTime(const QString &text)
{
    QDateTime parsed = QDateTime::fromString(text.trimmed(), Qt::RFC2822Date);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

CallFlow::CallFlow(storage::Database &database, QUrl publicBaseUrl, QObject *parent)
    : QObject(parent), m_database(database), m_publicBaseUrl(std::move(publicBaseUrl)), m_replayTimer(this)
{
    m_replayTimer.setInterval(2000);
    connect(&m_replayTimer, &QTimer::timeout, this, [this] {
        if (!m_journal || m_journal->isEmpty()) {
            m_replayTimer.stop();
            return;
        }
        tryReplayJournal();
    });
}

CallFlow::~CallFlow()
{
    flushStatuses();
}

QUrl CallFlow::routeUrl(const QString &route, qint64 attemptId) const
{
    QUrl url = m_publicBaseUrl;
    QString path = url.path();
    if (path.endsWith(u'/')) {
        path.chop(1);
    }
    url.setPath(path + QStringLiteral("/twilio/") + route);
    url.setQuery(QStringLiteral("attempt=%1").arg(attemptId));
    return url;
}

QUrl CallFlow::voiceUrl(qint64 attemptId) const
{
    return routeUrl(QStringLiteral("voice"), attemptId);
}
QUrl CallFlow::gatherUrl(qint64 attemptId) const
{
    return routeUrl(QStringLiteral("gather"), attemptId);
}
QUrl CallFlow::statusUrl(qint64 attemptId) const
{
    QUrl url = routeUrl(QStringLiteral("status"), attemptId);
    url.setFragment(QString::fromLatin1(kStatusCallbackOverrides));
    return url;
}
QUrl CallFlow::amdUrl(qint64 attemptId) const
{
    return routeUrl(QStringLiteral("amd"), attemptId);
}

WebhookReply CallFlow::voice(qint64 attemptId, const FormParams &params)
{
    if (!m_replaying) {
        flushStatuses(); // a call's requests apply in the order they arrived
    }
    const QString answeredBy = param(params, QStringLiteral("AnsweredBy"));
    // Synchronous AMD reports on the voice request; without a database the journaled request carries it.
    bool answeredByWaits = false;
    if (!answeredBy.isEmpty()) {
        answeredByWaits = !m_replaying && journalPending();
        if (!answeredByWaits) {
            if (auto stored = storage::CallRepository(m_database).setAnsweredBy(attemptId, answeredBy); !stored) {
                // The turn below still answers: an unknown call gets its 404, a lost database journals it.
                log()->warn("call attempt {}: cannot store AnsweredBy {}: {}", attemptId, answeredBy.toStdString(),
                            stored.error().toString().toStdString());
                answeredByWaits = stored.error().code == ErrorCode::ConnectionLost;
            }
        }
    }
    if (auto machine = machineTurn(attemptId, params)) {
        // A survey turn journals its own request; the machine's goodbye stores nothing but the verdict.
        if (answeredByWaits) {
            (void)deferred({QStringLiteral("voice"), attemptId, params, {}, std::nullopt});
        }
        return *machine;
    }
    return dialogueTurn(attemptId, params, true, std::nullopt);
}

std::optional<WebhookReply> CallFlow::machineTurn(qint64 attemptId, const FormParams &params)
{
    const QString answeredBy = param(params, QStringLiteral("AnsweredBy"));
    if (!answeredBy.isEmpty()) {
        if (answeredBy.startsWith(QLatin1String("machine")) || answeredBy == QLatin1String("fax")) {
            m_machineAnswered.insert(attemptId);
        } else {
            m_machineAnswered.remove(attemptId);
        }
    }
    if (!m_machineAnswered.contains(attemptId)) {
        return std::nullopt;
    }
    std::optional<storage::MachineHandling> handling;
    if (const auto cached = m_sessions.constFind(attemptId); cached != m_sessions.cend()) {
        handling = cached->machine; // the campaign's setting when the call was placed; no database needed
    } else if (auto loaded = storage::CallRepository(m_database).machineHandling(attemptId)) {
        handling = loaded.value();
    } else {
        return std::nullopt; // an unknown call, or no database and no copy: the survey turn answers or apologises
    }
    TwimlResponse goodbye;
    const storage::MachineHandling &h = *handling;
    if (h.action == MachineAction::LeaveMessage && !h.message.trimmed().isEmpty()) {
        goodbye.verbs.append(Say{h.message, h.voice, h.language});
    }
    goodbye.verbs.append(Hangup{});
    log()->info("call attempt {}: answered by a machine ({}); {}", attemptId, answeredBy.toStdString(),
                h.action == MachineAction::LeaveMessage ? "leaving the message" : "hanging up");
    return twimlReply(goodbye);
}

QDateTime CallFlow::receivedAt() const
{
    return m_replaying ? m_replayReceivedAt : QDateTime::currentDateTimeUtc();
}

CallFlow *flowServing(const QList<CallFlow *> &flows, qint64 attemptId)
{
    Q_ASSERT(!flows.isEmpty());
    return flows.at(int(attemptId % flows.size()));
}

void CallFlow::delegateTo(QList<CallFlow *> workers)
{
    m_workers = std::move(workers);
    for (CallFlow *worker : std::as_const(m_workers)) {
        connect(worker, &CallFlow::callStatusChanged, this, &CallFlow::callStatusChanged);
    }
}

void CallFlow::prepare(qint64 attemptId)
{
    if (!m_workers.isEmpty()) {
        CallFlow *worker = flowServing(m_workers, attemptId);
        QMetaObject::invokeMethod(worker, [worker, attemptId] { worker->prepare(attemptId); });
        return;
    }
    auto session = storage::CallRepository(m_database).session(attemptId);
    if (session.ok() && session.value()) {
        m_sessions.insert(attemptId, *session.value());
    }
}

bool CallFlow::journalPending()
{
    if (m_replaying || !m_journal || m_journal->isEmpty()) {
        return false;
    }
    // At most one reconnection attempt a second while the database is away, not one per request.
    if (!m_lastReplayAttempt.isValid() || m_lastReplayAttempt.elapsed() >= 1000) {
        m_lastReplayAttempt.start();
        tryReplayJournal();
    }
    return !m_journal->isEmpty();
}

void CallFlow::tryReplayJournal()
{
    auto replayed = replayJournal();
    if (replayed.ok()) {
        return;
    }
    // What was not applied stays journaled and the timer tries again, so a database still away is routine.
    if (replayed.error().code == ErrorCode::ConnectionLost) {
        log()->debug("journal: not replayed yet: {}", replayed.error().toString().toStdString());
    } else {
        log()->warn("journal: replay failed: {}", replayed.error().toString().toStdString());
    }
}

bool CallFlow::deferred(JournalEntry request)
{
    if (m_replaying) {
        m_replayCutShort = true;
        return true;
    }
    if (!m_journal) {
        return false;
    }
    request.receivedAt = QDateTime::currentDateTimeUtc();
    if (auto appended = m_journal->append(request); !appended) {
        log()->error("call attempt {}: database unavailable and the journal failed too: {}", request.attemptId,
                     appended.error().toString().toStdString());
        return false;
    }
    m_replayTimer.start();
    log()->warn("call attempt {}: database unavailable; {} request journaled ({} waiting)", request.attemptId,
                request.route.toStdString(), m_journal->entries().size());
    Q_EMIT journalChanged(m_journal->entries().size());
    return true;
}

Result<void> CallFlow::replayJournal()
{
    for (CallFlow *worker : std::as_const(m_workers)) {
        // Each on its own thread and connection; the dialer waits for all of them before it dials again.
        Result<void> replayed;
        QMetaObject::invokeMethod(
            worker, [worker, &replayed] { replayed = worker->replayJournal(); }, Qt::BlockingQueuedConnection);
        if (!replayed) {
            return replayed;
        }
    }
    return m_journal ? replayJournal(*m_journal) : Result<void>{};
}

Result<void> CallFlow::replayJournal(WebhookJournal &journal)
{
    if (journal.isEmpty() || m_replaying) {
        return {};
    }
    const bool own = &journal == m_journal;
    // A connection that saw its server go away stays broken; only a new one tells whether it is back.
    if (auto reconnected = m_database.reconnect(); !reconnected) {
        if (own) {
            m_replayTimer.start();
        }
        return reconnected;
    }
    m_replaying = true;
    m_replayCutShort = false;
    qsizetype applied = 0;
    Result<void> removed;
    while (!journal.isEmpty()) {
        const JournalEntry entry = journal.entries().constFirst();
        m_replayCutShort = false;
        m_replayReceivedAt = entry.receivedAt;
        WebhookReply reply;
        if (entry.route == QLatin1String("voice")) {
            reply = voice(entry.attemptId, entry.params);
        } else if (entry.route == QLatin1String("gather")) {
            reply = gather(entry.attemptId, entry.params, entry.turn);
        } else if (entry.route == QLatin1String("status")) {
            reply = status(entry.attemptId, entry.params);
        } else if (entry.route == QLatin1String("amd")) {
            reply = amd(entry.attemptId, entry.params);
        }
        if (m_replayCutShort) {
            break;
        }
        if (reply.status >= 400) {
            // It can never apply (an unknown call): keep going rather than block everything behind it.
            log()->error("call attempt {}: journaled {} request could not be applied ({})", entry.attemptId,
                         entry.route.toStdString(), reply.status);
        }
        // Off the journal before the next one is applied, so a crash during the replay applies none twice (a
        // crash between the commit and this line leaves one entry, which its turn or sequence number makes
        // harmless).
        removed = journal.dropFirst(1);
        if (!removed) {
            break;
        }
        ++applied;
    }
    m_replaying = false;
    if (applied > 0) {
        log()->info("journal {}: {} request(s) applied, {} waiting", journal.path().toStdString(), applied,
                    journal.entries().size());
        if (own) {
            Q_EMIT journalChanged(journal.entries().size());
        }
    }
    if (!removed) {
        return removed;
    }
    if (m_replayCutShort) {
        if (own) {
            m_replayTimer.start();
        }
        return Error{
            ErrorCode::ConnectionLost,
            QStringLiteral("database still unavailable; %1 journaled request(s) wait").arg(journal.entries().size())};
    }
    return {};
}

WebhookReply CallFlow::gather(qint64 attemptId, const FormParams &params, std::optional<int> turn)
{
    if (!m_replaying) {
        flushStatuses();
    }
    if (auto machine = machineTurn(attemptId, params)) {
        return *machine;
    }
    return dialogueTurn(attemptId, params, false, turn);
}

std::optional<WebhookReply> CallFlow::loadSession(qint64 attemptId, const QString &route, storage::CallSession &session,
                                                  bool &offline)
{
    offline = journalPending();
    if (!offline) {
        auto loaded = storage::CallRepository(m_database).session(attemptId);
        if (!loaded && loaded.error().code == ErrorCode::ConnectionLost) {
            offline = true;
        } else if (!loaded) {
            log()->error("call attempt {}: cannot load the call: {}", attemptId,
                         loaded.error().toString().toStdString());
            return twimlReply(apologyAndHangup());
        } else if (!loaded.value()) {
            log()->warn("call attempt {}: unknown call ({} request)", attemptId, route.toStdString());
            return plain(404, QByteArrayLiteral("unknown call"));
        } else {
            session = *loaded.value();
        }
    }
    if (offline) {
        if (m_replaying) {
            m_replayCutShort = true;
            return WebhookReply{};
        }
        const auto cached = m_sessions.constFind(attemptId);
        if (cached == m_sessions.cend()) {
            log()->error("call attempt {}: database unavailable and the call is not known here", attemptId);
            return twimlReply(apologyAndHangup());
        }
        session = *cached;
    }
    return std::nullopt;
}

std::optional<WebhookReply> CallFlow::storeTurn(const storage::TurnWrite &write, const JournalEntry &request,
                                                const QString &language, bool &offline)
{
    if (!offline) {
        if (auto saved = storage::CallRepository(m_database).saveTurn(write); !saved) {
            if (saved.error().code == ErrorCode::Conflict) {
                // The same request, applied by another server while this one computed it: what it stored stands.
                log()->info("call attempt {}: {}; its current prompt is repeated", write.attemptId,
                            saved.error().detail.toStdString());
                return currentPrompt(write.attemptId, language);
            }
            if (saved.error().code != ErrorCode::ConnectionLost) {
                log()->error("call attempt {}: cannot store the turn: {}", write.attemptId,
                             saved.error().toString().toStdString());
                return twimlReply(apologyAndHangup(language));
            }
            offline = true;
        }
    }
    if (offline && !deferred(request)) {
        return m_replaying ? WebhookReply{} : twimlReply(apologyAndHangup(language));
    }
    return std::nullopt;
}

void CallFlow::announceTurn(const storage::TurnWrite &write, const dialogue::Turn &turn, const dialogue::Script &script)
{
    if (write.answer) {
        Q_EMIT answerRecorded(write.attemptId, turn.answer->questionId, turn.answer->value);
    }
    // What the monitor shows of this call now: the question on the line and the answer just stored.
    LiveTurn live;
    live.attemptId = write.attemptId;
    const bool asking =
        turn.state.phase == DialogueState::Phase::Asking || turn.state.phase == DialogueState::Phase::Confirming;
    if (asking && turn.state.question >= 0 && turn.state.question < script.questions.size()) {
        const dialogue::ScriptQuestion &question = script.questions.at(turn.state.question);
        live.currentQuestion = question.id;
        live.currentPrompt = question.prompt;
    }
    if (write.answer) {
        live.answerQuestion = turn.answer->questionId;
        live.answerValue = turn.answer->value;
        live.answerConfidence = turn.answer->confidence;
    }
    Q_EMIT turnStored(live);
    if (turn.optedOut) {
        log()->info("call attempt {}: the caller opted out; number suppressed", write.attemptId);
        Q_EMIT optedOut(write.attemptId);
    }
}

WebhookReply CallFlow::currentPrompt(qint64 attemptId, const QString &language)
{
    auto loaded = storage::CallRepository(m_database).session(attemptId);
    if (!loaded.ok() || !loaded.value()) {
        return twimlReply(apologyAndHangup(language));
    }
    const storage::CallSession &session = *loaded.value();
    const auto state = DialogueState::fromJson(session.dialogueState);
    const LoadedScript &script = scriptOf(session);
    if (!state || !script.ok()) {
        return twimlReply(apologyAndHangup(language));
    }
    m_sessions.insert(attemptId, session);
    return twimlReply(DialogueEngine::repeat(script.script, *state, gatherUrl(attemptId)).twiml);
}

const dialogue::LoadedScript &CallFlow::scriptOf(const storage::CallSession &session)
{
    // Cached per version and contact language: the script as that contact hears it (its language variant).
    const QString key = QStringLiteral("%1/%2").arg(session.scriptVersionId).arg(session.contactLanguage.toLower());
    if (const auto cached = m_scripts.constFind(key); cached != m_scripts.cend()) {
        return **cached;
    }
    if (m_scripts.size() >= 64) {
        m_scripts.clear(); // versions are few; a flow that saw this many starts over rather than grow
    }
    ++m_scriptsParsed;
    LoadedScript loaded = loadScript(session.scriptDefinition);
    if (loaded.ok()) {
        loaded.script = loaded.script.forLanguage(session.contactLanguage);
    }
    const auto shared = std::make_shared<const LoadedScript>(std::move(loaded));
    m_scripts.insert(key, shared);
    return *shared;
}

WebhookReply CallFlow::dialogueTurn(qint64 attemptId, const FormParams &params, bool isVoiceRequest,
                                    std::optional<int> turnNumber)
{
    const QString route = isVoiceRequest ? QStringLiteral("voice") : QStringLiteral("gather");
    storage::CallSession s;
    bool offline = false;
    if (auto early = loadSession(attemptId, route, s, offline)) {
        return *early;
    }
    const QString callSid = param(params, QStringLiteral("CallSid"));
    if (!s.attempt.callSid.isEmpty() && !callSid.isEmpty() && callSid != s.attempt.callSid) {
        log()->warn("call attempt {}: CallSid does not match the attempt", attemptId);
        return plain(404, QByteArrayLiteral("unknown call"));
    }
    const LoadedScript &loaded = scriptOf(s);
    if (!loaded.ok()) {
        log()->error("call attempt {}: the campaign's script version {} is not runnable", attemptId, s.scriptVersionId);
        return twimlReply(apologyAndHangup());
    }
    const Script &script = loaded.script;
    if (auto stale = staleGather(attemptId, script, s.dialogueState, turnNumber, gatherUrl(attemptId))) {
        return *stale;
    }
    const auto turn = takeTurn(attemptId, script, s.dialogueState, params, isVoiceRequest, gatherUrl(attemptId));
    if (!turn) {
        return twimlReply(apologyAndHangup(script.language));
    }
    storage::TurnWrite write = turnWriteOf(attemptId, callSid, *turn);
    if (!offline) {
        write.previousState = s.dialogueState; // as read: a server that moved the call on meanwhile wins
    }
    if (turn->answer && !turn->answer->skipped) {
        write.answer = answerOf(attemptId, s, *turn->answer, receivedAt());
        if (write.answer->questionId == 0) {
            log()->error("call attempt {}: question '{}' is not stored for script version {}", attemptId,
                         turn->answer->questionId.toStdString(), s.scriptVersionId);
            return twimlReply(apologyAndHangup(script.language));
        }
    }
    if (auto early = storeTurn(write, {route, attemptId, params, {}, turnNumber}, script.language, offline)) {
        return *early;
    }
    s.dialogueState = write.dialogueState;
    m_sessions.insert(attemptId, s);
    if (offline) {
        return twimlReply(turn->twiml); // the replay stores it and tells everyone
    }
    announceTurn(write, *turn, script);
    return twimlReply(turn->twiml);
}

namespace {

// The callback's fields, or nothing when CallSid or a known CallStatus is missing.
std::optional<storage::StatusCallback> statusCallbackOf(qint64 attemptId, const FormParams &params)
{
    const auto status = callStatusFromKey(param(params, QStringLiteral("CallStatus")));
    const QString callSid = param(params, QStringLiteral("CallSid"));
    if (!status || callSid.isEmpty()) {
        return std::nullopt;
    }
    bool sequenceOk = false;
    const int sequence = param(params, QStringLiteral("SequenceNumber")).toInt(&sequenceOk);
    storage::StatusCallback cb;
    cb.attemptId = attemptId;
    cb.callSid = callSid;
    // Twilio numbers status callbacks from 0; a callback without one (e.g. completed only) sorts after them all.
    cb.sequenceNumber = sequenceOk ? sequence : 1000;
    cb.status = *status;
    cb.timestamp = parseTwilioTime(param(params, QStringLiteral("Timestamp")));
    cb.answeredBy = param(params, QStringLiteral("AnsweredBy"));
    cb.durationSeconds = optionalInt(param(params, QStringLiteral("CallDuration")));
    cb.sipResponseCode = optionalInt(param(params, QStringLiteral("SipResponseCode")));
    cb.errorCode = optionalInt(param(params, QStringLiteral("ErrorCode")));
    cb.payload = payloadOf(params);
    return cb;
}

} // namespace

WebhookReply CallFlow::status(qint64 attemptId, const FormParams &params)
{
    if (!m_replaying) {
        flushStatuses(); // what arrived before it first
    }
    WebhookReply reply;
    storeStatuses({{attemptId, params, [&reply](const WebhookReply &answer) { reply = answer; }}});
    return reply;
}

void CallFlow::queueStatus(qint64 attemptId, FormParams params, ReplyHandler reply)
{
    m_queuedStatuses.append({attemptId, std::move(params), std::move(reply)});
    if (!m_flushQueued) {
        // Behind the requests already in this thread's event queue, which join the batch.
        m_flushQueued = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_flushQueued = false;
                flushStatuses();
            },
            Qt::QueuedConnection);
    }
}

void CallFlow::flushStatuses()
{
    while (!m_queuedStatuses.isEmpty()) {
        QList<QueuedStatus> batch;
        QSet<qint64> attempts;
        for (auto it = m_queuedStatuses.begin(); it != m_queuedStatuses.end() && batch.size() < kMaxStatusBatch;) {
            if (attempts.contains(it->attemptId)) {
                ++it; // the call's earlier callback is in this batch; this one goes in the next
                continue;
            }
            attempts.insert(it->attemptId);
            batch.append(std::move(*it));
            it = m_queuedStatuses.erase(it);
        }
        storeStatuses(batch);
    }
}

void CallFlow::storeStatuses(const QList<QueuedStatus> &batch)
{
    QList<const QueuedStatus *> requests;
    QList<storage::StatusCallback> callbacks;
    for (const QueuedStatus &request : batch) {
        if (auto callback = statusCallbackOf(request.attemptId, request.params)) {
            requests.append(&request);
            callbacks.append(*callback);
        } else {
            request.reply(plain(400, QByteArrayLiteral("CallSid and a known CallStatus are required")));
        }
    }
    if (callbacks.isEmpty()) {
        return;
    }
    if (journalPending()) {
        for (const QueuedStatus *request : std::as_const(requests)) {
            request->reply(deferred({QStringLiteral("status"), request->attemptId, request->params, {}, {}})
                               ? twimlReply({})
                               : plain(503, QByteArrayLiteral("try again")));
        }
        return;
    }
    storage::CallRepository calls(m_database);
    // The repository checks each attempt exists and is this call's, in the same round trip as it stores.
    const auto outcomes = calls.applyStatusCallbacks(callbacks);
    QList<CallStatusChange> changes;
    QList<WebhookReply> replies;
    for (qsizetype i = 0; i < callbacks.size(); ++i) {
        Result<storage::StatusOutcome> outcome = outcomes ? Result<storage::StatusOutcome>(outcomes.value().at(i))
                                                          : Result<storage::StatusOutcome>(outcomes.error());
        if (!outcomes && callbacks.size() > 1) {
            // None of the batch was stored: each on its own, so one that cannot be stored fails alone.
            outcome = calls.applyStatusCallback(callbacks.at(i));
        }
        replies.append(answerStatus(*requests.at(i), callbacks.at(i), outcome, changes));
    }
    for (qsizetype i = 0; i < replies.size(); ++i) {
        requests.at(i)->reply(replies.at(i));
    }
    if (!changes.isEmpty()) {
        Q_EMIT callStatusesChanged(changes);
    }
}

WebhookReply CallFlow::answerStatus(const QueuedStatus &request, const storage::StatusCallback &callback,
                                    const Result<storage::StatusOutcome> &outcome, QList<CallStatusChange> &changes)
{
    if (!outcome && outcome.error().code == ErrorCode::NotFound) {
        return plain(404, QByteArrayLiteral("unknown call"));
    }
    if (outcome && (outcome.value() == storage::StatusOutcome::OtherCall ||
                    outcome.value() == storage::StatusOutcome::NoAttempt)) {
        return plain(404, QByteArrayLiteral("unknown call"));
    }
    if (!outcome && outcome.error().code == ErrorCode::ConnectionLost &&
        deferred({QStringLiteral("status"), request.attemptId, request.params, {}, {}})) {
        return twimlReply({});
    }
    if (!outcome) {
        // A 5xx makes Twilio retry the callback later; the event is not lost.
        log()->error("call attempt {}: cannot store status {}: {}", request.attemptId,
                     callStatusKey(callback.status).toStdString(), outcome.error().toString().toStdString());
        return plain(503, QByteArrayLiteral("try again"));
    }
    if (isTerminal(callback.status)) {
        m_sessions.remove(request.attemptId);
    }
    if (outcome.value() == storage::StatusOutcome::Applied) {
        Q_EMIT callStatusChanged(request.attemptId, callback.status);
        changes.append({request.attemptId, callback.status});
    }
    return twimlReply({});
}

WebhookReply CallFlow::amd(qint64 attemptId, const FormParams &params)
{
    if (!m_replaying) {
        flushStatuses();
    }
    const QString answeredBy = param(params, QStringLiteral("AnsweredBy"));
    if (answeredBy.isEmpty()) {
        return plain(400, QByteArrayLiteral("AnsweredBy is required"));
    }
    if (journalPending()) {
        return deferred({QStringLiteral("amd"), attemptId, params, {}, {}})
                   ? twimlReply({})
                   : plain(503, QByteArrayLiteral("try again"));
    }
    auto stored = storage::CallRepository(m_database).setAnsweredBy(attemptId, answeredBy);
    if (!stored && stored.error().code == ErrorCode::ConnectionLost &&
        deferred({QStringLiteral("amd"), attemptId, params, {}, {}})) {
        return twimlReply({});
    }
    if (!stored) {
        return stored.error().code == ErrorCode::NotFound ? plain(404, QByteArrayLiteral("unknown call"))
                                                          : plain(503, QByteArrayLiteral("try again"));
    }
    if (answeredBy.startsWith(QLatin1String("machine")) || answeredBy == QLatin1String("fax")) {
        m_machineAnswered.insert(attemptId); // the call's next turn (its Gather times out) hangs up
    }
    return twimlReply({});
}

} // namespace vsc::services::telephony
