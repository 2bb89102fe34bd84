// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/auth/secretstore.h"
#include "services/clock.h"
#include "services/storage/database.h"
#include "services/storage/migrator.h"
#include "services/telephony/twilioclient.h"

namespace vsc::services::telephony {
class CallFlow;
class SimulatedCarrier;
class WebhookJournal;
} // namespace vsc::services::telephony
namespace vsc::services::dialer {
class CampaignControl;
}
namespace vsc::services::events {
class EventBus;
}

#include <QThread>

#include <memory>

namespace vsc::app {

// The composition root: the only place that creates services. Owns them for the process lifetime.
class AppContext final
{
public:
    // Without a store the OS keychain is used (or an empty in-memory store when VSC_NO_KEYCHAIN is set).
    explicit AppContext(std::unique_ptr<services::auth::SecretStore> secrets = nullptr);
    ~AppContext();
    Q_DISABLE_COPY_MOVE(AppContext)

    // Resolves the database from --database, VSC_DATABASE_URL or the embedded default, takes its password from
    // the keychain when there is one, opens it and brings the schema up to date.
    Result<services::storage::MigrationReport> openDatabase(const QString &url);

    [[nodiscard]] services::storage::Database &database() { return *m_database; }
    // Wall time, monotonic time and timers for every service this context creates.
    [[nodiscard]] services::Clock &clock() { return m_clock; }
    [[nodiscard]] services::auth::SecretStore &secrets();
    // The embedded default's telephony: the simulated carrier and the dialers that use it. Created on first use,
    // after openDatabase().
    services::dialer::CampaignControl &simulatedDialing(double timeScale);
    // Call events for this process and, on PostgreSQL, from and to every other console. After openDatabase().
    services::events::EventBus &events();

    // The token Twilio signs webhooks with: TWILIO_AUTH_TOKEN, else the keychain entry for TWILIO_ACCOUNT_SID.
    Result<QByteArray> twilioAuthToken();
    // REST credentials: the environment (TwilioCredentials::fromEnvironment), else the keychain for
    // TWILIO_ACCOUNT_SID (and TWILIO_API_KEY when set).
    Result<services::telephony::TwilioCredentials> twilioCredentials();
    // The local journal for webhooks that arrive while the database is away; one per role and database, so the
    // next process in the same role replays what a crashed one left. After openDatabase().
    services::telephony::WebhookJournal &journal(const QString &role);

private:
    services::SystemClock m_clock;
    std::unique_ptr<services::auth::SecretStore> m_secrets;
    std::unique_ptr<services::storage::Database> m_database;
    std::unique_ptr<services::events::EventBus> m_events;
    std::unique_ptr<services::telephony::CallFlow> m_flow;
    std::unique_ptr<services::telephony::SimulatedCarrier> m_carrier;
    std::unique_ptr<services::dialer::CampaignControl> m_control;
    std::unique_ptr<services::telephony::WebhookJournal> m_journal;
    std::unique_ptr<QThread> m_dialingThread;
};

// $XDG_STATE_HOME/voicesurvey-console (Qt 6.4 has no StateLocation).
QString stateDirectory();

} // namespace vsc::app
