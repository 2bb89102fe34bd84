// SPDX-License-Identifier: GPL-3.0-or-later
#include "twilioprovider.h"

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
    m_client.createCall(requestFor(call),
                        [done = std::move(done)](const Result<CallResource> &result, const TwilioError &error) {
                            if (!result) {
                                done(withCode(error));
                                return;
                            }
                            done(result.value().sid);
                        });
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

} // namespace vsc::services::telephony
