// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/telephony/twilioprovider.h"

#include <QSet>

namespace vsc::services::telephony {
namespace {

Error withCode(const TwilioError &error)
{
    Error e = error.toError();
    if (error.code != 0) {
        e.detail = QStringLiteral("%1: %2").arg(error.code).arg(error.message);
    }
    return e;
}

ProviderCall providerCallFrom(const CallResource &call)
{
    return {call.sid, call.to, call.status, call.dateCreated};
}

} // namespace

TwilioProvider::TwilioProvider(TwilioClient &client, QObject *parent) : TelephonyProvider(parent), m_client(client)
{
}

CreateCallRequest TwilioProvider::requestFor(const OutboundCall &call)
{
    CreateCallRequest request;
    request.to = call.to;
    request.from = call.from;
    request.url = call.voiceUrl;
    request.statusCallback = call.statusUrl;
    request.timeoutSeconds = call.ringTimeoutSeconds;
    request.timeLimitSeconds = call.timeLimitSeconds;
    if (call.amdUrl.isValid()) {
        // Asynchronous AMD: the survey starts at once, the verdict arrives on the AMD route.
        request.machineDetection = QStringLiteral("Enable");
        request.asyncAmd = true;
        request.asyncAmdStatusCallback = call.amdUrl;
    }
    return request;
}

void TwilioProvider::placeCall(const OutboundCall &call, std::function<void(Result<QString>)> done)
{
    CreateCallRequest request = requestFor(call);
    request.deadlineMs = call.createDeadlineMs;
    m_client.createCall(request,
                        [done = std::move(done)](const Result<CallResource> &result, const TwilioError &error) {
                            if (!result) {
                                Error e = withCode(error);
                                // The client gave up rather than risk a second call (a lost answer, or a 2xx it could
                                // not read): the dialer must not treat this as a plain failure to retry.
                                e.ambiguous = error.ambiguous;
                                done(e);
                                return;
                            }
                            done(result.value().sid);
                        });
}

int TwilioProvider::createBudgetMs() const
{
    return m_client.createBudgetMs();
}

int TwilioProvider::maxCreateMs() const
{
    // The last POST may be sent just before the deadline and take up to a request timeout to be answered.
    return m_client.createBudgetMs() + m_client.options().requestTimeoutMs;
}

void TwilioProvider::hangUp(const QString &callSid, std::function<void(Result<void>)> done)
{
    // "completed" ends an answered call; a call still queued or ringing needs "canceled".
    m_client.hangUp(callSid, HangUpMode::Completed,
                    [this, callSid, done = std::move(done)](const Result<CallResource> &result, const TwilioError &) {
                        if (result) {
                            done({});
                            return;
                        }
                        m_client.hangUp(callSid, HangUpMode::Canceled,
                                        [done](const Result<CallResource> &second, const TwilioError &error) {
                                            done(second ? Result<void>() : Result<void>(withCode(error)));
                                        });
                    });
}

void TwilioProvider::findCalls(const QString &to, const QDateTime &since,
                               std::function<void(Result<QList<ProviderCall>>)> done)
{
    ListCallsFilter queued;
    queued.to = to;
    queued.status = QStringLiteral("queued"); // no start_time yet, so the StartTime filter would miss them
    m_client.listCalls(queued, [this, to, since, done = std::move(done)](const Result<QList<CallResource>> &first,
                                                                         const TwilioError &error) {
        if (!first) {
            done(withCode(error));
            return;
        }
        ListCallsFilter started;
        started.to = to;
        started.startTimeAfter = since.toUTC().date();
        m_client.listCalls(started, [since, done, calls = first.value()](const Result<QList<CallResource>> &second,
                                                                         const TwilioError &secondError) {
            if (!second) {
                done(withCode(secondError));
                return;
            }
            QList<ProviderCall> found;
            QSet<QString> seen;
            for (const QList<CallResource> *list : {&calls, &second.value()}) {
                for (const CallResource &call : *list) {
                    const bool recent = !call.dateCreated.isValid() || call.dateCreated >= since;
                    if (recent && !seen.contains(call.sid)) {
                        seen.insert(call.sid);
                        found.append(providerCallFrom(call));
                    }
                }
            }
            done(found);
        });
    });
}

void TwilioProvider::lookUpCall(const QString &callSid, std::function<void(Result<ProviderCall>)> done)
{
    m_client.fetchCall(callSid, [done = std::move(done)](const Result<CallResource> &result, const TwilioError &error) {
        if (!result) {
            Error e = withCode(error);
            if (error.httpStatus == 404) {
                e.code = ErrorCode::NotFound;
            }
            done(e);
            return;
        }
        done(providerCallFrom(result.value()));
    });
}

} // namespace vsc::services::telephony
