// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/callrepository.h"

#include "models/contact.h"
#include "services/storage/sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace vsc::services::storage {
namespace {

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

std::optional<int> optionalInt(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<int>(value.toInt());
}

// machine_action, machine_message, voice, language of a campaign, from column `first` on.
MachineHandling machineHandlingFrom(const QSqlQuery &query, int first)
{
    return MachineHandling{machineActionFromKey(query.value(first).toString()).value_or(MachineAction::HangUp),
                           query.value(first + 1).toString(), query.value(first + 2).toString(),
                           query.value(first + 3).toString()};
}

} // namespace

Result<qint64> CallRepository::createAttempt(const CallAttempt &a)
{
    auto id =
        scalar(m_database.connection(),
               QStringLiteral("INSERT INTO call_attempts (contact_id, campaign_id, phone_e164, attempt_number, "
                              "provider, call_sid, status, answered_by, claimed_at, started_at, answered_at, "
                              "ended_at, duration_seconds, error_code, error_message, script_version_id) "
                              "VALUES (?, ?, (SELECT phone_e164 FROM contacts WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, "
                              "?, ?, ?, ?, ?, (SELECT script_version_id FROM campaigns WHERE id = ?)) RETURNING id"),
               {a.contactId, a.campaignId, a.contactId, a.attemptNumber, callProviderKey(a.provider),
                textOrNull(a.callSid), callStatusKey(a.status), textOrNull(a.answeredBy),
                toDb(a.claimedAt.isValid() ? a.claimedAt : QDateTime::currentDateTimeUtc()), toDb(a.startedAt),
                toDb(a.answeredAt), toDb(a.endedAt), toDb(a.durationSeconds), toDb(a.errorCode),
                textOrNull(a.errorMessage), a.campaignId});
    if (!id) {
        return id.error();
    }
    return id.value().toLongLong();
}

Result<void> CallRepository::updateAttempt(const CallAttempt &a)
{
    auto query =
        exec(m_database.connection(),
             QStringLiteral("UPDATE call_attempts SET call_sid = ?, status = ?, answered_by = ?, started_at = ?, "
                            "answered_at = ?, ended_at = ?, duration_seconds = ?, error_code = ?, "
                            "error_message = ? WHERE id = ?"),
             {textOrNull(a.callSid), callStatusKey(a.status), textOrNull(a.answeredBy), toDb(a.startedAt),
              toDb(a.answeredAt), toDb(a.endedAt), toDb(a.durationSeconds), toDb(a.errorCode),
              textOrNull(a.errorMessage), a.id});
    if (!query) {
        return query.error();
    }
    if (query.value().numRowsAffected() != 1) {
        return Error{ErrorCode::NotFound, QStringLiteral("no call attempt with id %1").arg(a.id)};
    }
    return {};
}

Result<CallAttempt> CallRepository::attempt(qint64 id)
{
    // Read by every webhook: a statement kept prepared.
    auto query =
        execPrepared(m_database,
                     QStringLiteral("SELECT id, contact_id, campaign_id, attempt_number, provider, call_sid, "
                                    "status, answered_by, claimed_at, started_at, answered_at, ended_at, "
                                    "duration_seconds, error_code, error_message FROM call_attempts WHERE id = ?"),
                     {id});
    if (!query) {
        return query.error();
    }
    QSqlQuery &q = *query.value();
    const auto finished = qScopeGuard([&q] { q.finish(); });
    if (!q.next()) {
        return Error{ErrorCode::NotFound, QStringLiteral("no call attempt with id %1").arg(id)};
    }
    CallAttempt a;
    a.id = q.value(0).toLongLong();
    a.contactId = q.value(1).toLongLong();
    a.campaignId = q.value(2).toLongLong();
    a.attemptNumber = q.value(3).toInt();
    a.provider = q.value(4).toString() == QLatin1String("twilio") ? CallProvider::Twilio : CallProvider::Simulated;
    a.callSid = q.value(5).toString();
    a.status = callStatusFromKey(q.value(6).toString()).value_or(CallStatus::Failed);
    a.answeredBy = q.value(7).toString();
    a.claimedAt = dateTimeFromDb(q.value(8));
    a.startedAt = dateTimeFromDb(q.value(9));
    a.answeredAt = dateTimeFromDb(q.value(10));
    a.endedAt = dateTimeFromDb(q.value(11));
    a.durationSeconds = optionalInt(q.value(12));
    a.errorCode = optionalInt(q.value(13));
    a.errorMessage = q.value(14).toString();
    return a;
}

Result<bool> CallRepository::recordEvent(const CallEvent &e)
{
    auto query =
        execPrepared(m_database,
                     QStringLiteral("INSERT INTO call_events (call_attempt_id, call_sid, sequence_number, call_status, "
                                    "payload, occurred_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                    "ON CONFLICT (call_sid, sequence_number) DO NOTHING"),
                     {e.callAttemptId > 0 ? QVariant(e.callAttemptId) : QVariant(QMetaType(QMetaType::LongLong)),
                      e.callSid, e.sequenceNumber, e.callStatus, jsonToDb(e.payload), toDb(e.occurredAt),
                      toDb(QDateTime::currentDateTimeUtc())});
    if (!query) {
        return query.error();
    }
    const bool inserted = query.value()->numRowsAffected() == 1;
    query.value()->finish();
    return inserted;
}

Result<bool> CallRepository::recordAnswer(const Answer &a)
{
    auto query =
        execPrepared(m_database,
                     QStringLiteral("INSERT INTO answers (call_attempt_id, contact_id, question_id, script_version_id, "
                                    "raw_speech, raw_digits, confidence, normalized_value, answered_at) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                    "ON CONFLICT (call_attempt_id, question_id) DO NOTHING"),
                     {a.callAttemptId, a.contactId, a.questionId, a.scriptVersionId, textOrNull(a.rawSpeech),
                      textOrNull(a.rawDigits), toDb(a.confidence), textOrNull(a.normalizedValue),
                      toDb(a.answeredAt.isValid() ? a.answeredAt : QDateTime::currentDateTimeUtc())});
    if (!query) {
        return query.error();
    }
    const bool inserted = query.value()->numRowsAffected() == 1;
    query.value()->finish();
    return inserted;
}

Result<QList<Answer>> CallRepository::answersForAttempt(qint64 attemptId)
{
    auto query = exec(m_database.connection(),
                      QStringLiteral("SELECT call_attempt_id, contact_id, question_id, script_version_id, raw_speech, "
                                     "raw_digits, confidence, normalized_value, answered_at FROM answers "
                                     "WHERE call_attempt_id = ? ORDER BY id"),
                      {attemptId});
    if (!query) {
        return query.error();
    }
    QList<Answer> answers;
    QSqlQuery &q = query.value();
    while (q.next()) {
        Answer a;
        a.callAttemptId = q.value(0).toLongLong();
        a.contactId = q.value(1).toLongLong();
        a.questionId = q.value(2).toLongLong();
        a.scriptVersionId = q.value(3).toLongLong();
        a.rawSpeech = q.value(4).toString();
        a.rawDigits = q.value(5).toString();
        if (!q.value(6).isNull()) {
            a.confidence = q.value(6).toDouble();
        }
        a.normalizedValue = q.value(7).toString();
        a.answeredAt = dateTimeFromDb(q.value(8));
        answers.append(a);
    }
    return answers;
}

namespace {

// The monitor's columns of an attempt; the filter and order follow.
const QString kLiveCallSelect = QStringLiteral(
    "SELECT a.id, a.campaign_id, c.name, k.name, a.phone_e164, a.provider, a.status, COALESCE(a.started_at, "
    "a.claimed_at), a.ended_at, a.time_scale, a.answered_by, a.hung_up_by_name, a.dialogue_state, "
    "COALESCE(a.script_version_id, c.script_version_id), "
    "(SELECT COUNT(*) FROM answers x WHERE x.call_attempt_id = a.id), "
    "(SELECT q.question_key FROM answers x JOIN questions q ON q.id = x.question_id WHERE x.call_attempt_id = a.id "
    "ORDER BY x.answered_at DESC, x.id DESC LIMIT 1), "
    "(SELECT x.normalized_value FROM answers x WHERE x.call_attempt_id = a.id ORDER BY x.answered_at DESC, x.id DESC "
    "LIMIT 1), "
    "(SELECT x.confidence FROM answers x WHERE x.call_attempt_id = a.id ORDER BY x.answered_at DESC, x.id DESC "
    "LIMIT 1) "
    "FROM call_attempts a JOIN campaigns c ON c.id = a.campaign_id JOIN contacts k ON k.id = a.contact_id ");

struct LiveRow
{
    LiveCall call;
    int questionIndex = -1; // from the dialogue state, while the survey is asking
    qint64 scriptVersionId = 0;
};

LiveRow liveRowOf(const QSqlQuery &q)
{
    LiveRow row;
    LiveCall &call = row.call;
    call.attemptId = q.value(0).toLongLong();
    call.campaignId = q.value(1).toLongLong();
    call.campaignName = q.value(2).toString();
    call.contactName = q.value(3).toString();
    call.phoneE164 = q.value(4).toString();
    call.provider = q.value(5).toString() == QLatin1String("twilio") ? CallProvider::Twilio : CallProvider::Simulated;
    call.status = callStatusFromKey(q.value(6).toString()).value_or(CallStatus::Queued);
    call.startedAt = dateTimeFromDb(q.value(7));
    call.endedAt = dateTimeFromDb(q.value(8));
    call.timeScale = q.value(9).isNull() ? 1.0 : qMax(0.001, q.value(9).toDouble());
    call.answeredBy = q.value(10).toString();
    call.hungUpBy = q.value(11).toString();
    const QJsonObject state = QJsonDocument::fromJson(q.value(12).toByteArray()).object();
    // Phases 1 and 2 are Asking and Confirming (DialogueState::Phase): a question is on the line.
    const int phase = state.value(QStringLiteral("phase")).toInt();
    if (!isTerminal(call.status) && (phase == 1 || phase == 2)) {
        row.questionIndex = state.value(QStringLiteral("question")).toInt(-1);
    }
    row.scriptVersionId = q.value(13).toLongLong();
    call.answeredQuestions = q.value(14).toInt();
    call.lastQuestion = q.value(15).toString();
    call.lastAnswer = q.value(16).toString();
    if (!q.value(17).isNull()) {
        call.lastConfidence = q.value(17).toDouble();
    }
    return row;
}

// The question each call is on, from its script version's questions (position = index + 1).
Result<QList<LiveCall>> withQuestions(Database &database, const QList<LiveRow> &rows)
{
    QSet<qint64> versions;
    for (const LiveRow &row : rows) {
        if (row.questionIndex >= 0 && row.scriptVersionId > 0) {
            versions.insert(row.scriptVersionId);
        }
    }
    QHash<QPair<qint64, int>, QPair<QString, QString>> questions;
    for (const qint64 version : std::as_const(versions)) {
        auto query = exec(database.connection(),
                          QStringLiteral("SELECT position, question_key, prompt FROM questions "
                                         "WHERE script_version_id = ?"),
                          {version});
        if (!query) {
            return query.error();
        }
        while (query.value().next()) {
            questions.insert({version, query.value().value(0).toInt() - 1},
                             {query.value().value(1).toString(), query.value().value(2).toString()});
        }
    }
    QList<LiveCall> calls;
    calls.reserve(rows.size());
    for (const LiveRow &row : rows) {
        LiveCall call = row.call;
        const auto it = questions.constFind({row.scriptVersionId, row.questionIndex});
        if (it != questions.cend()) {
            call.currentQuestion = it->first;
            call.currentPrompt = it->second;
        }
        calls.append(call);
    }
    return calls;
}

} // namespace

Result<QList<LiveCall>> CallRepository::liveCalls(const QDateTime &endedSince, int maxEnded)
{
    QSqlDatabase db = m_database.connection();
    // In progress, then the latest that ended since `endedSince` (an index range on ended_at).
    auto query =
        exec(db, kLiveCallSelect + QStringLiteral("WHERE a.status IN ('claimed', 'queued', 'initiated', 'ringing', "
                                                  "'in-progress') ORDER BY a.id DESC"));
    if (!query) {
        return query.error();
    }
    QList<LiveRow> rows;
    while (query.value().next()) {
        rows.append(liveRowOf(query.value()));
    }
    if (endedSince.isValid() && maxEnded > 0) {
        auto ended = exec(db,
                          kLiveCallSelect + QStringLiteral("WHERE a.ended_at >= ? AND a.status IN ('completed', "
                                                           "'busy', 'no-answer', 'failed', 'canceled') "
                                                           "ORDER BY a.ended_at DESC, a.id DESC LIMIT ?"),
                          {toDb(endedSince), maxEnded});
        if (!ended) {
            return ended.error();
        }
        while (ended.value().next()) {
            rows.append(liveRowOf(ended.value()));
        }
    }
    return withQuestions(m_database, rows);
}

Result<std::optional<LiveCall>> CallRepository::liveCall(qint64 attemptId)
{
    auto query = exec(m_database.connection(), kLiveCallSelect + QStringLiteral("WHERE a.id = ?"), {attemptId});
    if (!query) {
        return query.error();
    }
    if (!query.value().next()) {
        return std::optional<LiveCall>();
    }
    auto calls = withQuestions(m_database, {liveRowOf(query.value())});
    if (!calls) {
        return calls.error();
    }
    return std::optional<LiveCall>(calls.value().constFirst());
}

Result<CallDetail> CallRepository::callDetail(qint64 attemptId)
{
    // Read again with each turn of the call a supervisor watches: statements kept prepared.
    CallDetail detail;
    detail.attemptId = attemptId;
    auto events = execPrepared(m_database,
                               QStringLiteral("SELECT COALESCE(occurred_at, received_at), call_status, payload FROM "
                                              "call_events WHERE call_attempt_id = ? ORDER BY sequence_number, id"),
                               {attemptId});
    if (!events) {
        return events.error();
    }
    for (QSqlQuery &q = *events.value(); q.next();) {
        const QVariantMap payload = jsonFromDb(q.value(2));
        QStringList notes;
        for (const auto *field : {"AnsweredBy", "SipResponseCode", "ErrorCode", "CallDuration"}) {
            const QString value = payload.value(QString::fromLatin1(field)).toString();
            if (!value.isEmpty()) {
                notes << QStringLiteral("%1=%2").arg(QString::fromLatin1(field), value);
            }
        }
        detail.events.append({dateTimeFromDb(q.value(0)), q.value(1).toString(), notes.join(u' ')});
    }
    events.value()->finish();
    auto hungUp = execPrepared(m_database,
                               QStringLiteral("SELECT hung_up_at, hung_up_by_name FROM call_attempts WHERE id = ? AND "
                                              "hung_up_at IS NOT NULL"),
                               {attemptId});
    if (!hungUp) {
        return hungUp.error();
    }
    if (QSqlQuery &q = *hungUp.value(); q.next()) {
        detail.events.append({dateTimeFromDb(q.value(0)), QStringLiteral("hangup"), q.value(1).toString()});
    }
    hungUp.value()->finish();
    auto answers = execPrepared(m_database,
                                QStringLiteral("SELECT x.answered_at, q.question_key, q.prompt, x.normalized_value, "
                                               "x.confidence FROM answers x JOIN questions q ON q.id = x.question_id "
                                               "WHERE x.call_attempt_id = ? ORDER BY x.answered_at, x.id"),
                                {attemptId});
    if (!answers) {
        return answers.error();
    }
    for (QSqlQuery &q = *answers.value(); q.next();) {
        CallDetail::AnswerLine line{dateTimeFromDb(q.value(0)), q.value(1).toString(), q.value(2).toString(),
                                    q.value(3).toString(), std::nullopt};
        if (!q.value(4).isNull()) {
            line.confidence = q.value(4).toDouble();
        }
        detail.answers.append(line);
    }
    answers.value()->finish();
    return detail;
}

Result<bool> CallRepository::recordHangUp(qint64 attemptId, const QString &byName, const QDateTime &at)
{
    // Only a call still on the line; the first who asked is named.
    auto query = exec(m_database.connection(),
                      QStringLiteral("UPDATE call_attempts SET hung_up_by_name = ?, hung_up_at = ? WHERE id = ? AND "
                                     "hung_up_at IS NULL AND status IN ('claimed', 'queued', 'initiated', "
                                     "'ringing', 'in-progress')"),
                      {byName, toDb(at), attemptId});
    if (!query) {
        return query.error();
    }
    return query.value().numRowsAffected() == 1;
}

Result<void> CallRepository::clearHangUp(qint64 attemptId)
{
    return execOnly(m_database.connection(),
                    QStringLiteral("UPDATE call_attempts SET hung_up_by_name = NULL, hung_up_at = NULL WHERE id = ?"),
                    {attemptId});
}

Result<void> CallRepository::setTimeScale(qint64 attemptId, double timeScale)
{
    return execOnly(m_database.connection(), QStringLiteral("UPDATE call_attempts SET time_scale = ? WHERE id = ?"),
                    {timeScale, attemptId});
}

Result<std::optional<CallSession>> CallRepository::session(qint64 attemptId)
{
    auto base = attempt(attemptId);
    if (!base) {
        if (base.error().code == ErrorCode::NotFound) {
            return std::optional<CallSession>();
        }
        return base.error();
    }
    // Read by every webhook: statements kept prepared.
    auto query = execPrepared(
        m_database,
        // The version the attempt started with; attempts from before migration 8 have none.
        QStringLiteral("SELECT a.phone_e164, c.name, v.id, v.definition, a.dialogue_state, COALESCE(ct.language, ''), "
                       "c.machine_action, c.machine_message, c.voice, c.language FROM call_attempts a "
                       "JOIN campaigns c ON c.id = a.campaign_id LEFT JOIN contacts ct ON ct.id = a.contact_id "
                       "LEFT JOIN script_versions v ON v.id = COALESCE(a.script_version_id, c.script_version_id) "
                       "WHERE a.id = ?"),
        {attemptId});
    if (!query) {
        return query.error();
    }
    QSqlQuery &row = *query.value();
    const auto rowFinished = qScopeGuard([&row] { row.finish(); });
    if (!row.next()) {
        return std::optional<CallSession>();
    }
    CallSession session;
    session.attempt = base.value();
    session.phoneE164 = row.value(0).toString();
    session.campaignName = row.value(1).toString();
    session.scriptVersionId = row.value(2).toLongLong();
    session.scriptDefinition = row.value(3).toString().toUtf8();
    session.dialogueState = row.value(4).toString().toUtf8();
    session.contactLanguage = row.value(5).toString();
    session.machine = machineHandlingFrom(row, 6);
    auto questions =
        execPrepared(m_database, QStringLiteral("SELECT question_key, id FROM questions WHERE script_version_id = ?"),
                     {session.scriptVersionId});
    if (!questions) {
        return questions.error();
    }
    QSqlQuery &question = *questions.value();
    while (question.next()) {
        session.questionIds.insert(question.value(0).toString(), question.value(1).toLongLong());
    }
    question.finish();
    return std::optional<CallSession>(session);
}

Result<MachineHandling> CallRepository::machineHandling(qint64 attemptId)
{
    auto query =
        exec(m_database.connection(),
             QStringLiteral("SELECT c.machine_action, c.machine_message, c.voice, c.language FROM call_attempts "
                            "a JOIN campaigns c ON c.id = a.campaign_id WHERE a.id = ?"),
             {attemptId});
    if (!query) {
        return query.error();
    }
    if (!query.value().next()) {
        return Error{ErrorCode::NotFound, QStringLiteral("no call attempt %1").arg(attemptId)};
    }
    return machineHandlingFrom(query.value(), 0);
}

Result<void> CallRepository::saveTurn(const TurnWrite &turn)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun) {
        return begun;
    }
    QString sql = QStringLiteral("UPDATE call_attempts SET dialogue_state = ?, call_sid = COALESCE(call_sid, ?) "
                                 "WHERE id = ?");
    QVariantList values{QString::fromUtf8(turn.dialogueState), textOrNull(turn.callSid), turn.attemptId};
    if (turn.previousState) {
        // Compared as the text session() read (PostgreSQL's own rendering of the JSONB value).
        sql += QStringLiteral(" AND COALESCE(CAST(dialogue_state AS TEXT), '') = ?");
        const QString previous = QString::fromUtf8(*turn.previousState);
        values.append(previous.isNull() ? QStringLiteral("") : previous); // '' for none, never a NULL parameter
    }
    auto updated = execPrepared(m_database, sql, values); // every webhook's write
    if (!updated) {
        return updated.error();
    }
    const int changed = updated.value()->numRowsAffected();
    updated.value()->finish();
    if (changed != 1) {
        auto exists = scalar(db, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE id = ?"), {turn.attemptId});
        if (!exists) {
            return exists.error();
        }
        if (exists.value().toInt() == 1) {
            return Error{ErrorCode::Conflict,
                         QStringLiteral("call attempt %1 moved on while this turn was computed").arg(turn.attemptId)};
        }
        return Error{ErrorCode::NotFound, QStringLiteral("no call attempt with id %1").arg(turn.attemptId)};
    }
    if (turn.answer) {
        if (auto recorded = recordAnswer(*turn.answer); !recorded) {
            return recorded.error();
        }
    }
    if (turn.optOut) {
        auto suppressed =
            exec(db,
                 QStringLiteral("INSERT INTO suppression_list (phone_e164, campaign_id, reason, source, created_at) "
                                "SELECT phone_e164, NULL, ?, 'in_call_opt_out', ? FROM call_attempts WHERE id = ? "
                                "ON CONFLICT (phone_e164) WHERE campaign_id IS NULL DO NOTHING"),
                 {QStringLiteral("Asked not to be called again during the survey"),
                  toDb(QDateTime::currentDateTimeUtc()), turn.attemptId});
        if (!suppressed) {
            return suppressed.error();
        }
    }
    if (turn.optOut || turn.surveyCompleted) {
        auto contact =
            exec(db,
                 QStringLiteral("UPDATE contacts SET status = ? WHERE id = (SELECT contact_id FROM call_attempts "
                                "WHERE id = ?)"),
                 {contactStatusKey(turn.optOut ? ContactStatus::OptedOut : ContactStatus::Completed), turn.attemptId});
        if (!contact) {
            return contact.error();
        }
    }
    return transaction.commit();
}

namespace {

const QString kTerminalStatuses = QStringLiteral("('completed', 'busy', 'no-answer', 'failed', 'canceled')");

} // namespace

Result<StatusOutcome> CallRepository::applyStatusCallback(const StatusCallback &callback)
{
    if (m_database.backend() == Backend::Postgres) {
        auto outcomes = applyStatusCallbacksInOneStatement({callback});
        if (!outcomes) {
            return outcomes.error();
        }
        if (outcomes.value().constFirst() == StatusOutcome::NoAttempt) {
            return Error{ErrorCode::NotFound, QStringLiteral("no call attempt with id %1").arg(callback.attemptId)};
        }
        return outcomes.value().constFirst();
    }
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    auto current = exec(db, QStringLiteral("SELECT status, status_sequence, call_sid FROM call_attempts WHERE id = ?"),
                        {callback.attemptId});
    if (!current) {
        return current.error();
    }
    if (!current.value().next()) {
        return Error{ErrorCode::NotFound, QStringLiteral("no call attempt with id %1").arg(callback.attemptId)};
    }
    const QString currentSid = current.value().value(2).toString();
    if (!currentSid.isEmpty() && currentSid != callback.callSid) {
        return StatusOutcome::OtherCall;
    }
    const CallStatus currentStatus =
        callStatusFromKey(current.value().value(0).toString()).value_or(CallStatus::Queued);
    const int currentSequence = current.value().value(1).toInt();
    auto inserted = recordEvent({callback.attemptId, callback.callSid, callback.sequenceNumber,
                                 callStatusKey(callback.status), callback.timestamp, callback.payload});
    if (!inserted) {
        return inserted.error();
    }
    if (!inserted.value()) {
        return StatusOutcome::Duplicate;
    }
    const bool wins = isTerminal(callback.status)
                          ? (!isTerminal(currentStatus) || callback.sequenceNumber > currentSequence)
                          : (!isTerminal(currentStatus) && callback.sequenceNumber > currentSequence);
    const QDateTime at = callback.timestamp.isValid() ? callback.timestamp : QDateTime::currentDateTimeUtc();
    // Times are filled in whatever order the events arrive; each is set once.
    auto times =
        exec(db,
             QStringLiteral("UPDATE call_attempts SET "
                            "call_sid = COALESCE(call_sid, ?), "
                            "started_at = COALESCE(started_at, ?), "
                            "answered_at = CASE WHEN ? THEN COALESCE(answered_at, ?) ELSE answered_at END, "
                            "ended_at = CASE WHEN ? THEN COALESCE(ended_at, ?) ELSE ended_at END, "
                            "duration_seconds = COALESCE(?, duration_seconds), "
                            "sip_response_code = COALESCE(?, sip_response_code), "
                            "error_code = COALESCE(?, error_code), "
                            "answered_by = COALESCE(answered_by, ?) WHERE id = ?"),
             {textOrNull(callback.callSid), toDb(at), callback.status == CallStatus::InProgress, toDb(at),
              isTerminal(callback.status), toDb(at), toDb(callback.durationSeconds), toDb(callback.sipResponseCode),
              toDb(callback.errorCode), textOrNull(callback.answeredBy), callback.attemptId});
    if (!times) {
        return times.error();
    }
    if (wins) {
        auto status = exec(db, QStringLiteral("UPDATE call_attempts SET status = ?, status_sequence = ? WHERE id = ?"),
                           {callStatusKey(callback.status), callback.sequenceNumber, callback.attemptId});
        if (!status) {
            return status.error();
        }
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return wins ? StatusOutcome::Applied : StatusOutcome::Stale;
}

Result<QList<StatusOutcome>> CallRepository::applyStatusCallbacks(const QList<StatusCallback> &callbacks)
{
    QSet<qint64> attempts;
    for (const StatusCallback &callback : callbacks) {
        if (attempts.contains(callback.attemptId)) {
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("attempt %1 twice in one batch of status callbacks").arg(callback.attemptId)};
        }
        attempts.insert(callback.attemptId);
    }
    if (m_database.backend() == Backend::Postgres) {
        return applyStatusCallbacksInOneStatement(callbacks);
    }
    // SQLite: one writer anyway; the statements are cheap in process, the commit is what costs.
    Transaction transaction(m_database.connection());
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    QList<StatusOutcome> outcomes;
    for (const StatusCallback &callback : callbacks) {
        auto outcome = applyStatusCallback(callback);
        if (!outcome && outcome.error().code != ErrorCode::NotFound) {
            return outcome.error();
        }
        outcomes.append(outcome ? outcome.value() : StatusOutcome::NoAttempt);
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return outcomes;
}

Result<QList<StatusOutcome>> CallRepository::applyStatusCallbacksInOneStatement(const QList<StatusCallback> &callbacks)
{
    // The steps of applyStatusCallback as one statement over all the callbacks, passed as one JSON parameter: lock
    // the attempts, insert each event unless it was stored before or its attempt is another call's, then fill in the
    // attempt's times and, where the event wins, its status (an UPDATE always runs to completion, referenced or not).
    // The explicit FOR UPDATE first is cheaper than letting the UPDATE lock: the event's foreign key check would take
    // a KEY SHARE lock before it, and the two together make a multixact (measured: about a fifth fewer callbacks a
    // second). The planner takes jsonb_to_recordset() for 100 rows; the lateral lookup and "= ANY (ARRAY(...))" keep it
    // on the primary key (a hash join over a seq scan of call_attempts cost most of the time in the bench).
    static const QString sql =
        QStringLiteral(
            "WITH x AS (SELECT * FROM jsonb_to_recordset(?::jsonb) AS r(i integer, attempt bigint, sid text, "
            "seq integer, status text, terminal boolean, answered boolean, payload jsonb, occurred timestamptz, "
            "at timestamptz, received timestamptz, duration integer, sip integer, err integer, answered_by text)), "
            "a AS (SELECT x.*, c.call_sid AS current_sid, "
            "CASE WHEN x.terminal THEN (c.status NOT IN %1 OR x.seq > c.status_sequence) "
            "ELSE (c.status NOT IN %1 AND x.seq > c.status_sequence) END AS wins "
            "FROM x CROSS JOIN LATERAL (SELECT call_sid, status, status_sequence FROM call_attempts "
            "WHERE id = x.attempt FOR UPDATE) c), "
            "ev AS (INSERT INTO call_events (call_attempt_id, call_sid, sequence_number, call_status, payload, "
            "occurred_at, received_at) SELECT attempt, sid, seq, status, payload, occurred, received FROM a "
            "WHERE current_sid IS NULL OR current_sid = sid "
            "ON CONFLICT (call_sid, sequence_number) DO NOTHING RETURNING call_attempt_id), "
            "up AS (UPDATE call_attempts c SET call_sid = COALESCE(c.call_sid, a.sid), "
            "started_at = COALESCE(c.started_at, a.at), "
            "answered_at = CASE WHEN a.answered THEN COALESCE(c.answered_at, a.at) ELSE c.answered_at END, "
            "ended_at = CASE WHEN a.terminal THEN COALESCE(c.ended_at, a.at) ELSE c.ended_at END, "
            "duration_seconds = COALESCE(a.duration, c.duration_seconds), "
            "sip_response_code = COALESCE(a.sip, c.sip_response_code), "
            "error_code = COALESCE(a.err, c.error_code), "
            "answered_by = COALESCE(c.answered_by, a.answered_by), "
            "status = CASE WHEN a.wins THEN a.status ELSE c.status END, "
            "status_sequence = CASE WHEN a.wins THEN a.seq ELSE c.status_sequence END "
            "FROM a WHERE c.id = a.attempt AND c.id = ANY (ARRAY(SELECT call_attempt_id FROM ev))) "
            "SELECT i, current_sid, attempt = ANY (ARRAY(SELECT call_attempt_id FROM ev)), wins FROM a")
            .arg(kTerminalStatuses);
    const auto time = [](const QDateTime &at) {
        return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
    };
    const auto number = [](const std::optional<int> &value) { return value ? QJsonValue(*value) : QJsonValue(); };
    const auto textOrJsonNull = [](const QString &value) { return value.isEmpty() ? QJsonValue() : QJsonValue(value); };
    const QDateTime received = QDateTime::currentDateTimeUtc();
    // Locks are taken in attempt id order, as every writer of several attempts takes them (no deadlock).
    QList<qsizetype> order(callbacks.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&callbacks](qsizetype l, qsizetype r) { return callbacks.at(l).attemptId < callbacks.at(r).attemptId; });
    QJsonArray rows;
    for (const qsizetype i : std::as_const(order)) {
        const StatusCallback &callback = callbacks.at(i);
        rows.append(QJsonObject{
            {QStringLiteral("i"), int(i)},
            {QStringLiteral("attempt"), callback.attemptId},
            {QStringLiteral("sid"), textOrJsonNull(callback.callSid)},
            {QStringLiteral("seq"), callback.sequenceNumber},
            {QStringLiteral("status"), callStatusKey(callback.status)},
            {QStringLiteral("terminal"), isTerminal(callback.status)},
            {QStringLiteral("answered"), callback.status == CallStatus::InProgress},
            {QStringLiteral("payload"),
             callback.payload.isEmpty() ? QJsonValue() : QJsonValue(QJsonObject::fromVariantMap(callback.payload))},
            {QStringLiteral("occurred"), time(callback.timestamp)},
            {QStringLiteral("at"), time(callback.timestamp.isValid() ? callback.timestamp : received)},
            {QStringLiteral("received"), time(received)},
            {QStringLiteral("duration"), number(callback.durationSeconds)},
            {QStringLiteral("sip"), number(callback.sipResponseCode)},
            {QStringLiteral("err"), number(callback.errorCode)},
            {QStringLiteral("answered_by"), textOrJsonNull(callback.answeredBy)},
        });
    }
    auto result =
        execPrepared(m_database, sql, {QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact))});
    if (!result) {
        return result.error();
    }
    QList<StatusOutcome> outcomes(callbacks.size(), StatusOutcome::NoAttempt);
    QSqlQuery &row = *result.value();
    while (row.next()) { // a row for each callback whose attempt exists
        const int i = row.value(0).toInt();
        if (i < 0 || i >= callbacks.size()) {
            continue;
        }
        const QString currentSid = row.value(1).toString();
        if (!currentSid.isEmpty() && currentSid != callbacks.at(i).callSid) {
            outcomes[i] = StatusOutcome::OtherCall;
        } else if (!row.value(2).toBool()) {
            outcomes[i] = StatusOutcome::Duplicate;
        } else {
            outcomes[i] = row.value(3).toBool() ? StatusOutcome::Applied : StatusOutcome::Stale;
        }
    }
    row.finish();
    return outcomes;
}

Result<void> CallRepository::setAnsweredBy(qint64 attemptId, const QString &answeredBy)
{
    auto query = exec(m_database.connection(), QStringLiteral("UPDATE call_attempts SET answered_by = ? WHERE id = ?"),
                      {answeredBy, attemptId});
    if (!query) {
        return query.error();
    }
    if (query.value().numRowsAffected() != 1) {
        return Error{ErrorCode::NotFound, QStringLiteral("no call attempt with id %1").arg(attemptId)};
    }
    return {};
}

Result<QList<CallRepository::CampaignAnswer>> CallRepository::campaignAnswers(qint64 campaignId)
{
    auto rows =
        exec(m_database.connection(),
             QStringLiteral("SELECT c.id, c.phone_e164, q.question_key, COALESCE(a.normalized_value, "
                            "a.raw_digits, a.raw_speech, ''), a.answered_at FROM answers a JOIN contacts c ON "
                            "c.id = a.contact_id JOIN questions q ON q.id = a.question_id WHERE c.campaign_id = "
                            "? ORDER BY a.id"),
             {campaignId});
    if (!rows) {
        return rows.error();
    }
    QList<CampaignAnswer> answers;
    while (rows.value().next()) {
        const QSqlQuery &q = rows.value();
        answers.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                        dateTimeFromDb(q.value(4))});
    }
    return answers;
}

} // namespace vsc::services::storage
