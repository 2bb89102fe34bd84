// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/callrepository.h"

#include "models/contact.h"
#include "services/storage/sql.h"

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

} // namespace

Result<qint64> CallRepository::createAttempt(const CallAttempt &a)
{
    auto id = scalar(
        m_database.connection(),
        QStringLiteral("INSERT INTO call_attempts (contact_id, campaign_id, phone_e164, attempt_number, "
                       "provider, call_sid, status, answered_by, claimed_at, started_at, answered_at, "
                       "ended_at, duration_seconds, error_code, error_message) "
                       "VALUES (?, ?, (SELECT phone_e164 FROM contacts WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, "
                       "?, ?, ?, ?, ?) RETURNING id"),
        {a.contactId, a.campaignId, a.contactId, a.attemptNumber, callProviderKey(a.provider), textOrNull(a.callSid),
         callStatusKey(a.status), textOrNull(a.answeredBy),
         toDb(a.claimedAt.isValid() ? a.claimedAt : QDateTime::currentDateTimeUtc()), toDb(a.startedAt),
         toDb(a.answeredAt), toDb(a.endedAt), toDb(a.durationSeconds), toDb(a.errorCode), textOrNull(a.errorMessage)});
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
    auto query = exec(m_database.connection(),
                      QStringLiteral("SELECT id, contact_id, campaign_id, attempt_number, provider, call_sid, status, "
                                     "answered_by, claimed_at, started_at, answered_at, ended_at, duration_seconds, "
                                     "error_code, error_message FROM call_attempts WHERE id = ?"),
                      {id});
    if (!query) {
        return query.error();
    }
    QSqlQuery &q = query.value();
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
        exec(m_database.connection(),
             QStringLiteral("INSERT INTO call_events (call_attempt_id, call_sid, sequence_number, call_status, "
                            "payload, occurred_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                            "ON CONFLICT (call_sid, sequence_number) DO NOTHING"),
             {e.callAttemptId > 0 ? QVariant(e.callAttemptId) : QVariant(QMetaType(QMetaType::LongLong)), e.callSid,
              e.sequenceNumber, e.callStatus, jsonToDb(e.payload), toDb(e.occurredAt),
              toDb(QDateTime::currentDateTimeUtc())});
    if (!query) {
        return query.error();
    }
    return query.value().numRowsAffected() == 1;
}

Result<bool> CallRepository::recordAnswer(const Answer &a)
{
    auto query =
        exec(m_database.connection(),
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
    return query.value().numRowsAffected() == 1;
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

Result<QList<LiveCall>> CallRepository::liveCalls()
{
    auto query = exec(m_database.connection(),
                      QStringLiteral("SELECT a.id, c.name, k.name, a.phone_e164, a.provider, a.status, "
                                     "COALESCE(a.started_at, a.claimed_at), "
                                     "(SELECT COUNT(*) FROM answers x WHERE x.call_attempt_id = a.id) "
                                     "FROM call_attempts a JOIN campaigns c ON c.id = a.campaign_id "
                                     "JOIN contacts k ON k.id = a.contact_id "
                                     "WHERE a.status IN ('claimed', 'queued', 'initiated', 'ringing', 'in-progress') "
                                     "ORDER BY a.id DESC"));
    if (!query) {
        return query.error();
    }
    QList<LiveCall> calls;
    QSqlQuery &q = query.value();
    while (q.next()) {
        LiveCall call;
        call.attemptId = q.value(0).toLongLong();
        call.campaignName = q.value(1).toString();
        call.contactName = q.value(2).toString();
        call.phoneE164 = q.value(3).toString();
        call.provider =
            q.value(4).toString() == QLatin1String("twilio") ? CallProvider::Twilio : CallProvider::Simulated;
        call.status = callStatusFromKey(q.value(5).toString()).value_or(CallStatus::Queued);
        call.startedAt = dateTimeFromDb(q.value(6));
        call.answeredQuestions = q.value(7).toInt();
        calls.append(call);
    }
    return calls;
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
    QSqlDatabase db = m_database.connection();
    auto query = exec(db,
                      QStringLiteral("SELECT a.phone_e164, c.name, c.script_version_id, v.definition, a.dialogue_state "
                                     "FROM call_attempts a JOIN campaigns c ON c.id = a.campaign_id "
                                     "LEFT JOIN script_versions v ON v.id = c.script_version_id WHERE a.id = ?"),
                      {attemptId});
    if (!query) {
        return query.error();
    }
    if (!query.value().next()) {
        return std::optional<CallSession>();
    }
    CallSession session;
    session.attempt = base.value();
    session.phoneE164 = query.value().value(0).toString();
    session.campaignName = query.value().value(1).toString();
    session.scriptVersionId = query.value().value(2).toLongLong();
    session.scriptDefinition = query.value().value(3).toString().toUtf8();
    session.dialogueState = query.value().value(4).toString().toUtf8();
    auto questions = exec(db, QStringLiteral("SELECT question_key, id FROM questions WHERE script_version_id = ?"),
                          {session.scriptVersionId});
    if (!questions) {
        return questions.error();
    }
    while (questions.value().next()) {
        session.questionIds.insert(questions.value().value(0).toString(), questions.value().value(1).toLongLong());
    }
    return std::optional<CallSession>(session);
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
    auto updated = exec(db, sql, values);
    if (!updated) {
        return updated.error();
    }
    if (updated.value().numRowsAffected() != 1) {
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
        return applyStatusCallbackInOneStatement(callback);
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

Result<StatusOutcome> CallRepository::applyStatusCallbackInOneStatement(const StatusCallback &callback)
{
    // The same steps as above, as one statement (so one round trip and its own transaction): lock the attempt,
    // insert the event unless it was stored before or the attempt is another call's, then fill in the times and,
    // if this event wins, the status.
    const QDateTime at = callback.timestamp.isValid() ? callback.timestamp : QDateTime::currentDateTimeUtc();
    const QString sid = postgresLiteral(textOrNull(callback.callSid));
    const QString seq = QString::number(callback.sequenceNumber);
    const QString status = postgresLiteral(callStatusKey(callback.status));
    const QString atLiteral = postgresLiteral(toDb(at));
    const QString sql =
        QStringLiteral(
            "WITH a AS (SELECT id, call_sid, "
            "CASE WHEN %1 THEN (status NOT IN %2 OR %3 > status_sequence) "
            "ELSE (status NOT IN %2 AND %3 > status_sequence) END AS wins "
            "FROM call_attempts WHERE id = %4 FOR UPDATE), "
            "ev AS (INSERT INTO call_events (call_attempt_id, call_sid, sequence_number, call_status, payload, "
            "occurred_at, received_at) SELECT id, %5, %3, %6, %7::jsonb, %8, %9 FROM a "
            "WHERE a.call_sid IS NULL OR a.call_sid = %5 "
            "ON CONFLICT (call_sid, sequence_number) DO NOTHING RETURNING 1), "
            "up AS (UPDATE call_attempts c SET call_sid = COALESCE(c.call_sid, %5), "
            "started_at = COALESCE(c.started_at, %10), "
            "answered_at = CASE WHEN %11 THEN COALESCE(c.answered_at, %10) ELSE c.answered_at END, "
            "ended_at = CASE WHEN %1 THEN COALESCE(c.ended_at, %10) ELSE c.ended_at END, "
            "duration_seconds = COALESCE(%12, c.duration_seconds), "
            "sip_response_code = COALESCE(%13, c.sip_response_code), "
            "error_code = COALESCE(%14, c.error_code), "
            "answered_by = COALESCE(c.answered_by, %15), "
            "status = CASE WHEN a.wins THEN %6 ELSE c.status END, "
            "status_sequence = CASE WHEN a.wins THEN %3 ELSE c.status_sequence END "
            "FROM a WHERE c.id = a.id AND EXISTS (SELECT 1 FROM ev) RETURNING a.wins) "
            "SELECT (SELECT count(*) FROM a), (SELECT call_sid FROM a), (SELECT count(*) FROM ev), "
            "(SELECT wins FROM up)")
            .arg(isTerminal(callback.status) ? QStringLiteral("TRUE") : QStringLiteral("FALSE"), kTerminalStatuses, seq,
                 QString::number(callback.attemptId), sid, status, postgresLiteral(jsonToDb(callback.payload)),
                 postgresLiteral(toDb(callback.timestamp)), postgresLiteral(toDb(QDateTime::currentDateTimeUtc())))
            .arg(atLiteral,
                 callback.status == CallStatus::InProgress ? QStringLiteral("TRUE") : QStringLiteral("FALSE"),
                 postgresLiteral(toDb(callback.durationSeconds)), postgresLiteral(toDb(callback.sipResponseCode)),
                 postgresLiteral(toDb(callback.errorCode)), postgresLiteral(textOrNull(callback.answeredBy)));
    auto result = exec(m_database.connection(), sql, {});
    if (!result) {
        return result.error();
    }
    QSqlQuery &row = result.value();
    if (!row.next()) {
        return Error{ErrorCode::Database, QStringLiteral("status callback: no result row")};
    }
    if (row.value(0).toInt() == 0) {
        return Error{ErrorCode::NotFound, QStringLiteral("no call attempt with id %1").arg(callback.attemptId)};
    }
    const QString currentSid = row.value(1).toString();
    if (!currentSid.isEmpty() && currentSid != callback.callSid) {
        return StatusOutcome::OtherCall;
    }
    if (row.value(2).toInt() == 0) {
        return StatusOutcome::Duplicate;
    }
    return row.value(3).toBool() ? StatusOutcome::Applied : StatusOutcome::Stale;
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

} // namespace vsc::services::storage
