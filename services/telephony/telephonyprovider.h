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
    // unreachable numbers (telephony::isInvalidNumberCode) from passing trouble.
    virtual void placeCall(const OutboundCall &call, std::function<void(Result<QString>)> done) = 0;
    virtual void hangUp(const QString &callSid, std::function<void(Result<void>)> done) = 0;
    // The calls to `to` the provider has on record since `since` (Twilio: list calls by To and StartTime, plus the
    // queued ones, which have no start time yet). A dialer restarting after a crash asks before dialing again.
    virtual void findCalls(const QString &to, const QDateTime &since,
                           std::function<void(Result<QList<ProviderCall>>)> done) = 0;
    // One call by SID; ErrorCode::NotFound when the provider has no such call.
    virtual void lookUpCall(const QString &callSid, std::function<void(Result<ProviderCall>)> done) = 0;
};

} // namespace vsc::services::telephony
