// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/telephony/telephonyprovider.h"
#include "services/telephony/twilioclient.h"

namespace vsc::services::telephony {

// Places calls through Twilio's REST API; their progress comes back through the webhook server into CallFlow.
// Failures carry Twilio's error code at the start of Error::detail ("21211: ..."), as TelephonyProvider asks.
class TwilioProvider final : public TelephonyProvider
{
    Q_OBJECT
public:
    explicit TwilioProvider(TwilioClient &client, QObject *parent = nullptr);

    [[nodiscard]] CallProvider kind() const override { return CallProvider::Twilio; }
    void placeCall(const OutboundCall &call, std::function<void(Result<QString>)> done) override;
    [[nodiscard]] int createBudgetMs() const override;
    [[nodiscard]] int maxCreateMs() const override;
    void hangUp(const QString &callSid, std::function<void(Result<void>)> done) override;
    void findCalls(const QString &to, const QDateTime &since,
                   std::function<void(Result<QList<ProviderCall>>)> done) override;
    void lookUpCall(const QString &callSid, std::function<void(Result<ProviderCall>)> done) override;

    static CreateCallRequest requestFor(const OutboundCall &call);

private:
    TwilioClient &m_client;
};

} // namespace vsc::services::telephony
