// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaigncontrol.h"

namespace vsc::services::dialer {

CampaignControl::CampaignControl(storage::Database &database, telephony::TelephonyProvider &provider,
                                 telephony::CallFlow &flow, DialerOptions options, QObject *parent)
    : QObject(parent), m_database(database), m_provider(provider), m_flow(flow), m_options(std::move(options))
{
}

CampaignControl::~CampaignControl() = default;

Result<void> CampaignControl::start(qint64 campaignId)
{
    auto &dialer = m_dialers[campaignId];
    if (!dialer) {
        dialer = std::make_shared<CampaignDialer>(m_database, m_provider, m_flow, campaignId, m_options);
        connect(dialer.get(), &CampaignDialer::progressChanged, this,
                [this, campaignId](const DialerProgress &p) { Q_EMIT progressChanged(campaignId, p); });
        connect(dialer.get(), &CampaignDialer::runFinished, this, [this, campaignId](const DialerProgress &p) {
            Q_EMIT runningChanged(campaignId, false);
            Q_EMIT runFinished(campaignId, p);
        });
    }
    if (dialer->isRunning()) {
        return {};
    }
    auto started = dialer->start();
    if (!started) {
        m_dialers.remove(campaignId);
        return started;
    }
    Q_EMIT runningChanged(campaignId, true);
    return {};
}

void CampaignControl::pause(qint64 campaignId)
{
    const auto dialer = m_dialers.value(campaignId);
    if (dialer && dialer->isRunning()) {
        dialer->pause();
        Q_EMIT runningChanged(campaignId, false);
    }
}

QString CampaignControl::providerDescription() const
{
    if (m_provider.kind() == CallProvider::Twilio) {
        return QStringLiteral("Twilio");
    }
    return m_options.timeScale == 1.0 ? QStringLiteral("simulated carrier")
                                      : QStringLiteral("simulated carrier (time x%1)").arg(m_options.timeScale);
}

bool CampaignControl::isRunning(qint64 campaignId) const
{
    const auto dialer = m_dialers.value(campaignId);
    return dialer && dialer->isRunning();
}

} // namespace vsc::services::dialer
