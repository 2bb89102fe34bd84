// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/call.h"
#include "models/result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>

namespace vsc::services::telephony {

struct OutboundCall
{
    qint64 attemptId = 0;
    QString to;   // E.164
    QString from; // the campaign's caller ID
    QUrl voiceUrl;
    QUrl statusUrl;
    QUrl amdUrl; // empty = no answering-machine detection
    int ringTimeoutSeconds = 30;
    int timeLimitSeconds = 600;
    // On the Clock the dialer and the provider share (Clock::monotonicMs()): no request that could create the call
    // leaves after this moment; 0 = no deadline. A dialer that stalled between its claim and the create (stopped,
    // swapped out) must not dial once a standby may have judged the claim an orphan.
    qint64 createDeadlineMs = 0;
};

// A call as the provider knows it, for reconciling after a crash.
struct ProviderCall
{
    QString sid;
    QString to;
    QString status;      // the provider's word: queued, ringing, in-progress, completed, ...; "gone" when the
                         // provider has the call on record but it no longer runs anywhere (simulated carrier restart)
    QDateTime createdAt; // UTC
};

// Places and ends calls. The Twilio implementation talks to the REST API and hears back through the webhook
// server; the simulated carrier needs no account and drives the same CallFlow in process. Either way every call
// ends with a terminal status recorded through CallFlow::status().
// Asynchronous: callbacks run on the provider's thread.
class TelephonyProvider : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    [[nodiscard]] virtual CallProvider kind() const = 0;
    // Reports the provider's call SID once the call is queued, or why it could not be placed. A failure carries the
    // provider's own code in Error::providerCode (Twilio's 21211: not a valid number), so the dialer can tell
    // unreachable numbers (telephony::isInvalidNumberCode) from passing trouble. Error::ambiguous: the call may
    // exist (an answer lost after sending, or a success that could not be read); never place it again blindly.
    // ErrorCode::Conflict: createDeadlineMs passed before anything was sent.
    virtual void placeCall(const OutboundCall &call, std::function<void(Result<QString>)> done) = 0;
    // How long a placeCall() may go on sending requests that could create the call (its retries and backoff
    // included); the dialer sets OutboundCall::createDeadlineMs this far after the claim.
    [[nodiscard]] virtual int createBudgetMs() const = 0;
    // createBudgetMs() plus the longest a request sent at the deadline takes to be acted on: a claim without a call
    // SID older than this (by the database's clock, plus a margin) belongs to no create still in flight.
    [[nodiscard]] virtual int maxCreateMs() const = 0;
    virtual void hangUp(const QString &callSid, std::function<void(Result<void>)> done) = 0;
    // The calls to `to` the provider has on record since `since` (Twilio: list calls by To and StartTime, plus the
    // queued ones, which have no start time yet). A dialer restarting after a crash asks before dialing again.
    virtual void findCalls(const QString &to, const QDateTime &since,
                           std::function<void(Result<QList<ProviderCall>>)> done) = 0;
    // One call by SID; ErrorCode::NotFound when the provider has no such call.
    virtual void lookUpCall(const QString &callSid, std::function<void(Result<ProviderCall>)> done) = 0;
};

} // namespace vsc::services::telephony
