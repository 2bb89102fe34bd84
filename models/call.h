// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace vsc {

// Twilio's call statuses, plus "claimed" for an attempt reserved by the dialer before the REST call.
enum class CallStatus { Claimed, Queued, Initiated, Ringing, InProgress, Completed, Busy, NoAnswer, Failed, Canceled };

QString callStatusKey(CallStatus status); // Twilio spelling: "in-progress", "no-answer", ...
std::optional<CallStatus> callStatusFromKey(const QString &key);
bool isTerminal(CallStatus status);

enum class CallProvider { Twilio, Simulated };
QString callProviderKey(CallProvider provider);

// A stored status that became its attempt's status (what the event bus publishes).
struct CallStatusChange
{
    qint64 attemptId = 0;
    CallStatus status = CallStatus::Queued;
};

struct CallAttempt
{
    qint64 id = 0;
    qint64 contactId = 0;
    qint64 campaignId = 0;
    int attemptNumber = 1;
    CallProvider provider = CallProvider::Simulated;
    QString callSid;
    CallStatus status = CallStatus::Claimed;
    QString answeredBy;
    QDateTime claimedAt;
    QDateTime startedAt;
    QDateTime answeredAt;
    QDateTime endedAt;
    std::optional<int> durationSeconds;
    std::optional<int> errorCode;
    QString errorMessage;
};

struct CallEvent
{
    qint64 callAttemptId = 0;
    QString callSid;
    int sequenceNumber = 0;
    QString callStatus;
    QDateTime occurredAt;
    QVariantMap payload;
};

struct Answer
{
    qint64 callAttemptId = 0;
    qint64 contactId = 0;
    qint64 questionId = 0;
    qint64 scriptVersionId = 0;
    QString rawSpeech;
    QString rawDigits;
    std::optional<double> confidence;
    QString normalizedValue;
    QDateTime answeredAt;
};

// One row of the Live Monitor: an attempt in progress or one that ended a short while ago.
struct LiveCall
{
    qint64 attemptId = 0;
    qint64 campaignId = 0;
    QString campaignName;
    QString contactName;
    QString phoneE164;
    CallProvider provider = CallProvider::Simulated;
    CallStatus status = CallStatus::Queued;
    QDateTime startedAt;    // in the call's own time (a simulated call's clock), which began with the wall clock
    QDateTime endedAt;      // the same; invalid while the call lasts
    double timeScale = 1.0; // the call's clock runs this much faster than the wall clock (simulated --time-scale)
    int answeredQuestions = 0;
    QString currentQuestion; // script question id ("q2") the caller is being asked; empty before and after
    QString currentPrompt;   // its text
    QString lastQuestion;    // the question of the last stored answer
    QString lastAnswer;      // its normalised value
    std::optional<double> lastConfidence;
    QString answeredBy; // answering-machine detection: "human", "machine_start", ...; empty when not known
    QString hungUpBy;   // who ended the call from the monitor (as the audit log names them); empty otherwise

    bool operator==(const LiveCall &) const = default;
};

// What one stored dialogue turn changed, for the monitor (published with the turn, in process and to other consoles).
struct LiveTurn
{
    qint64 attemptId = 0;
    QString currentQuestion; // empty when the survey ended with this turn
    QString currentPrompt;
    QString answerQuestion; // set when the turn stored an answer
    QString answerValue;
    std::optional<double> answerConfidence;
};

// The monitor's detail panel: a call's status events and its answers so far, oldest first.
struct CallDetail
{
    struct Event
    {
        QDateTime at;
        QString status; // Twilio's spelling, or "hangup" for the monitor's own
        QString detail; // answered by, SIP code, error code, who hung up
    };
    struct AnswerLine
    {
        QDateTime at;
        QString questionKey;
        QString prompt;
        QString value;
        std::optional<double> confidence;
    };
    qint64 attemptId = 0;
    QList<Event> events;
    QList<AnswerLine> answers;
};

} // namespace vsc

Q_DECLARE_METATYPE(vsc::CallAttempt)
Q_DECLARE_METATYPE(vsc::LiveCall)
Q_DECLARE_METATYPE(vsc::LiveTurn)
Q_DECLARE_METATYPE(vsc::CallStatusChange)
