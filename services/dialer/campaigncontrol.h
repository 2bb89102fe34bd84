// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigndialer.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace vsc::services::dialer {

// Starts and pauses campaign runs for the console: one CampaignDialer per running campaign, all on one provider.
// Lives on the GUI thread (or a headless run's main thread).
class CampaignControl final : public QObject
{
    Q_OBJECT
public:
    CampaignControl(storage::Database &database, telephony::TelephonyProvider &provider, telephony::CallFlow &flow,
                    DialerOptions options = {}, QObject *parent = nullptr);
    ~CampaignControl() override;

    Result<void> start(qint64 campaignId);
    void pause(qint64 campaignId);
    [[nodiscard]] bool isRunning(qint64 campaignId) const;
    [[nodiscard]] telephony::TelephonyProvider &provider() const { return m_provider; }
    // "simulated carrier (x60)" or "Twilio", for the UI.
    [[nodiscard]] QString providerDescription() const;

Q_SIGNALS:
    void runningChanged(qint64 campaignId, bool running);
    void progressChanged(qint64 campaignId, const vsc::services::dialer::DialerProgress &progress);
    void runFinished(qint64 campaignId, const vsc::services::dialer::DialerProgress &progress);

private:
    storage::Database &m_database;
    telephony::TelephonyProvider &m_provider;
    telephony::CallFlow &m_flow;
    DialerOptions m_options;
    QHash<qint64, std::shared_ptr<CampaignDialer>> m_dialers;
};

} // namespace vsc::services::dialer
