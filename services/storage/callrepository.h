// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/call.h"
#include "models/campaign.h"
#include "models/result.h"
#include "services/storage/database.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace vsc::services::storage {

// Everything a webhook needs to continue one call.
// What a call does when an answering machine picks up: its campaign's setting.
struct MachineHandling
{
    MachineAction action = MachineAction::HangUp;
    QString message;
    QString voice;
    QString language;
};

struct CallSession
{
    CallAttempt attempt;
    QString phoneE164;
    QString campaignName;
    qint64 scriptVersionId = 0;
    QByteArray scriptDefinition;        // the script document (docs/SCRIPT_FORMAT.md)
    QByteArray dialogueState;           // empty before the first turn
    QHash<QString, qint64> questionIds; // script question id -> questions.id
    QString contactLanguage;            // BCP 47 or empty: picks the script's language variant
    MachineHandling machine;            // so a voicemail gets its goodbye while the database is away too
};

// One dialogue turn, written in a single transaction before the TwiML goes back to Twilio.
struct TurnWrite
{
    qint64 attemptId = 0;
    QString callSid; // recorded when the attempt does not know its SID yet
    QByteArray dialogueState;
    // The stored state the turn was computed from (as session() read it; empty: none yet). Set, the write is
    // refused with Conflict when the call has moved on meanwhile (another server applied a duplicate of this
    // request), so a slow duplicate cannot set the call back.
    std::optional<QByteArray> previousState;
    std::optional<Answer> answer;
    bool optOut = false; // suppress the number everywhere, mark the contact
    bool surveyCompleted = false;
};

struct StatusCallback
{
    qint64 attemptId = 0;
    QString callSid;
    int sequenceNumber = 0;
    CallStatus status = CallStatus::Queued;
    QDateTime timestamp;
    QString answeredBy;
    std::optional<int> durationSeconds;
    std::optional<int> sipResponseCode;
    std::optional<int> errorCode;
    QVariantMap payload;
};

enum class StatusOutcome {
    Applied,   // stored and now the attempt's status
    Stale,     // stored, but an event with a higher sequence number or a final status already won
    Duplicate, // this (call SID, sequence number) was stored before
    OtherCall, // the attempt belongs to another call SID: nothing stored
    NoAttempt, // no such attempt: nothing stored (applyStatusCallbacks; applyStatusCallback says NotFound)
};

// Call attempts, their status events and the answers given. Synchronous, calling thread.
class CallRepository final
{
public:
    explicit CallRepository(Database &database) : m_database(database) {}

    Result<qint64> createAttempt(const CallAttempt &attempt);
    Result<void> updateAttempt(const CallAttempt &attempt); // status, sid, times, duration, errors
    Result<CallAttempt> attempt(qint64 id);
    // Returns false when the (call SID, sequence number) pair was already stored: redelivery is harmless.
    Result<bool> recordEvent(const CallEvent &event);
    Result<bool> recordAnswer(const Answer &answer);
    Result<QList<Answer>> answersForAttempt(qint64 attemptId);
    // Attempts not yet in a terminal status, newest first, then up to `maxEnded` that ended since `endedSince`
    // (latest first); each with the question it is on and its last answer.
    Result<QList<LiveCall>> liveCalls(const QDateTime &endedSince = {}, int maxEnded = 0);
    // One attempt as liveCalls() shows it, whatever its status (an event about a call the monitor does not show yet).
    Result<std::optional<LiveCall>> liveCall(qint64 attemptId);
    // The call's status events (and the monitor's hang-up) and its answers, oldest first.
    Result<CallDetail> callDetail(qint64 attemptId);
    // Names who ended the call from the monitor; false when it is no longer on the line or someone already did.
    Result<bool> recordHangUp(qint64 attemptId, const QString &byName, const QDateTime &at);
    // The carrier refused to end it: nobody ended the call.
    Result<void> clearHangUp(qint64 attemptId);
    // The call's own clock runs `timeScale` times faster than the wall clock (a simulated carrier).
    Result<void> setTimeScale(qint64 attemptId, double timeScale);
    // A campaign's answers for export: contact, number, question key, value, time; in answer order.
    struct CampaignAnswer
    {
        qint64 contactId = 0;
        QString phoneE164;
        QString questionKey;
        QString value;
        QDateTime answeredAt;
    };
    Result<QList<CampaignAnswer>> campaignAnswers(qint64 campaignId);

    Result<std::optional<CallSession>> session(qint64 attemptId);
    // The answering-machine handling of the attempt's campaign.
    Result<MachineHandling> machineHandling(qint64 attemptId);
    Result<void> saveTurn(const TurnWrite &turn);
    // Idempotent and order-independent: the highest sequence number wins, and a terminal status is final. An
    // unknown attempt is NotFound; an attempt of another call SID stores nothing (OtherCall). On PostgreSQL one
    // statement, one round trip (the webhook server's hot path).
    Result<StatusOutcome> applyStatusCallback(const StatusCallback &callback);
    // The same for callbacks of different attempts (at most one each), in one transaction: on PostgreSQL one
    // statement, so one round trip and one commit for all of them (the webhook server's group commit). One outcome
    // per callback, in order; an error means none was stored.
    Result<QList<StatusOutcome>> applyStatusCallbacks(const QList<StatusCallback> &callbacks);
    Result<void> setAnsweredBy(qint64 attemptId, const QString &answeredBy);

private:
    Result<QList<StatusOutcome>> applyStatusCallbacksInOneStatement(const QList<StatusCallback> &callbacks);
    Database &m_database;
};

} // namespace vsc::services::storage
