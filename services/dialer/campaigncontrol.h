// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/text.h"

#include "services/dialer/campaigndialer.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>

#include <memory>

namespace vsc::services::dialer {

// Starts and pauses campaign runs for the console: one CampaignDialer per running campaign, all on one provider.
// Lives on the dialing thread together with the provider and the CallFlow (the console moves all three to one
// worker thread, so claims, webhooks and database writes never stall the window). start() and pause() may be
// called from any thread: they run on the dialing thread and wait for it. Signals arrive queued.
class CampaignControl final : public QObject
{
    Q_OBJECT
public:
    CampaignControl(storage::Database &database, Clock &clock, telephony::TelephonyProvider &provider,
                    telephony::CallFlow &flow, DialerOptions options = {}, QObject *parent = nullptr);
    ~CampaignControl() override;

    // Both need campaign.run (checked and, when refused, audited here); the campaign's status changes are recorded
    // as the actor's.
    Result<void> start(const Actor &actor, qint64 campaignId);
    Result<void> pause(const Actor &actor, qint64 campaignId);
    [[nodiscard]] bool isRunning(qint64 campaignId) const; // any thread
    [[nodiscard]] telephony::TelephonyProvider &provider() const { return m_provider; }
    // "simulated carrier (x60)" or "Twilio", for the UI.
    [[nodiscard]] QString providerDescription() const;
    [[nodiscard]] Text providerText() const; // the same for ui/ to translate

Q_SIGNALS:
    void runningChanged(qint64 campaignId, bool running);
    void progressChanged(qint64 campaignId, const vsc::services::dialer::DialerProgress &progress);
    void runFinished(qint64 campaignId, const vsc::services::dialer::DialerProgress &progress);
    // The database went away under a run (dialing paused) or came back (resumed).
    void databaseAvailabilityChanged(qint64 campaignId, bool available, const QString &detail);

private:
    Result<void> startHere(const Actor &actor, qint64 campaignId);
    void pauseHere(const Actor &actor, qint64 campaignId);
    void setRunning(qint64 campaignId, bool running);

    storage::Database &m_database;
    storage::SqlContactQueue m_queue;
    Clock &m_clock;
    telephony::TelephonyProvider &m_provider;
    telephony::CallFlow &m_flow;
    DialerOptions m_options;
    QHash<qint64, std::shared_ptr<CampaignDialer>> m_dialers; // dialing thread only
    mutable QMutex m_runningMutex;
    QSet<qint64> m_running; // mirrors the dialers' state for other threads
};

} // namespace vsc::services::dialer
