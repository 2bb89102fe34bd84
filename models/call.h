// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
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

// One row of the Live Monitor: an attempt that has not reached a terminal status.
struct LiveCall
{
    qint64 attemptId = 0;
    QString campaignName;
    QString contactName;
    QString phoneE164;
    CallProvider provider = CallProvider::Simulated;
    CallStatus status = CallStatus::Queued;
    QDateTime startedAt;
    int answeredQuestions = 0;
};

} // namespace vsc

Q_DECLARE_METATYPE(vsc::CallAttempt)
Q_DECLARE_METATYPE(vsc::LiveCall)
Q_DECLARE_METATYPE(vsc::CallStatusChange)
