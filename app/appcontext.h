// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "services/auth/secretstore.h"
#include "services/clock.h"
#include "services/settings/twiliosettings.h"
#include "services/storage/database.h"
#include "services/storage/migrator.h"
#include "services/telephony/twilioclient.h"

namespace vsc::services::telephony {
class CallFlow;
class SimulatedCarrier;
class TelephonyProvider;
class WebhookJournal;
class WebhookServer;
class WebhookWorkers;
} // namespace vsc::services::telephony
namespace vsc::services::dialer {
class CampaignControl;
class CampaignDialer;
} // namespace vsc::services::dialer
namespace vsc::services::storage {
class SqlContactQueue;
}
namespace vsc::services::events {
class EventBus;
}

#include <QHostAddress>
#include <QThread>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace vsc::app {

// Which process runs the telephony stack: it names the journal and the dialer, and decides the stack's thread.
enum class TelephonyRole {
    Console,     // the window: CampaignControl; flow, provider and dialers on the "dialing" thread; journal "console"
    HeadlessRun, // `run`: one CampaignDialer on the main thread, as "headless run"; journal "run-<campaign>"
    Serve,       // `serve`: the webhook server alone, on the main thread; journal "serve"
};

// What AppContext builds the telephony stack from (AppContext::configureTelephony()).
struct TelephonyOptions
{
    TelephonyRole role = TelephonyRole::Console;
    bool simulated = true;   // calls through the simulated carrier; false: Twilio's REST API, webhooks to our server
    double timeScale = 1.0;  // simulated carrier and dialer pacing: 60 = a minute passes in a second
    QString carrierLog;      // the simulated carrier's call log (dialers on one campaign share it); empty = none
    int carrierCreateMs = 0; // the simulated carrier: how long each create waits in the process
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost); // where the webhook server listens
    quint16 listenPort = 8089;                                          // 0 = any free port
    // The URL Twilio reaches (and signs its requests for), usually a reverse proxy; simulated calls never leave the
    // process, so for them it is only a label.
    QUrl publicUrl = QUrl(QStringLiteral("http://127.0.0.1:8089"));
    QUrl twilioApiUrl; // Twilio's REST API base: a regional edge or a test double; empty = https://api.twilio.com
    // The account when TWILIO_ACCOUNT_SID is not set (the console's settings); its secrets come from the keychain.
    QString twilioAccountSid;
    QString twilioApiKeySid;
    qint64 campaignId = 0; // HeadlessRun: the campaign its dialer dials (and its journal is named after)
    // Serve, and the console through Twilio: webhook flows, each on a thread of its own with its own database
    // connection and journal (services::telephony::WebhookWorkers); 1 = one flow on the webhook server's thread.
    // `run` and the simulated carrier always have one: their dialer shares the flow.
    int webhookWorkers = 1;
};

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
    // Who a command run without signing in acts as (ActorResolver::forHeadless for this OS user). After
    // openDatabase().
    Result<Actor> headlessActor();
    // The headless actor, when they have `permission` (a refusal is audited and returned); the dialer this context
    // makes then records campaign changes as them.
    Result<Actor> authorizeHeadless(Permission permission, const QString &action);
    // Wall time, monotonic time and timers for every service this context creates.
    [[nodiscard]] services::Clock &clock() { return m_clock; }
    [[nodiscard]] services::auth::SecretStore &secrets();
    // Call events for this process and, on PostgreSQL, from and to every other console. After openDatabase().
    services::events::EventBus &events();

    // The token Twilio signs webhooks with: TWILIO_AUTH_TOKEN, else the keychain entry for TWILIO_ACCOUNT_SID.
    Result<QByteArray> twilioAuthToken();
    // REST credentials: the environment (TwilioCredentials::fromEnvironment), else the keychain for
    // TWILIO_ACCOUNT_SID (and TWILIO_API_KEY when set).
    Result<services::telephony::TwilioCredentials> twilioCredentials();

    // The telephony stack, one composition for the console, `run` and `serve`: say once, after openDatabase(), what
    // this process runs; each piece below is then built on first use from those options and kept until the context
    // ends. Commands ask for the pieces they need instead of building services themselves.
    void configureTelephony(const TelephonyOptions &options);
    [[nodiscard]] const TelephonyOptions &telephonyOptions() const { return m_telephony; }
    // The webhooks' state machine; writes to journal() while the database is away, and its call events go to
    // events(), so consoles on the same PostgreSQL see each call's progress at once.
    services::telephony::CallFlow &callFlow();
    // The local journal for webhooks that arrive while the database is away; one per role and database, so the
    // next process in the same role replays what a crashed one left. Another live process in the role keeps its
    // own, named after our pid.
    services::telephony::WebhookJournal &journal();
    // Applies every journal of this role and database: ours, then each one no live process holds (a second
    // process's, a worker's, or one left by a process that died), each locked while it is replayed. For `serve`
    // and `run` at start, and for `run` again when it takes a campaign over. Returns how many requests were
    // applied; ConnectionLost when the database is still away (the rest stays journaled).
    Result<qsizetype> replayJournals();
    // The flows the webhook server hands requests to: callFlow() alone, or with webhookWorkers > 1 (`serve`, the
    // console through Twilio) one flow per worker thread ("webhook-N"), each with its own journal (the role's
    // journal name, then "-wN"); the console's callFlow() then delegates to them.
    QList<services::telephony::CallFlow *> webhookFlows();
    // Places calls: the simulated carrier, or Twilio's REST API with twilioCredentials().
    Result<services::telephony::TelephonyProvider *> provider();
    // The simulated carrier when it is the provider (it knows its calls in flight), else null.
    [[nodiscard]] services::telephony::SimulatedCarrier *simulatedCarrier() const { return m_carrier; }
    // `run` through Twilio and `serve`: Twilio's callbacks, listening on the listen address, each signature checked
    // with twilioAuthToken() against the public URL. The console gets its own from campaignControl().
    Result<services::telephony::WebhookServer *> webhookServer();
    // The console: starts and pauses campaign runs. Builds the flow and the provider too, then moves them all to the
    // "dialing" thread, so claims, calls and their database writes never stall the window. Through Twilio, the
    // webhook server is built on that thread too, next to the flow it hands requests to; a server that cannot
    // listen (or a missing token) fails this call, so the console never dials calls whose callbacks it cannot take.
    Result<services::dialer::CampaignControl *> campaignControl();
    // The port the console's webhook server listens on (0 when it has none).
    [[nodiscard]] quint16 webhookPort() const { return m_webhookPort; }
    // `run`: the dialer of TelephonyOptions::campaignId, on this thread, claiming through its own contact queue.
    Result<services::dialer::CampaignDialer *> campaignDialer();

private:
    std::optional<Actor> m_actingAs; // set by authorizeHeadless
    std::unique_ptr<services::telephony::WebhookJournal> openJournal(QString path);
    Result<qsizetype> replayJournalsWith(services::telephony::CallFlow &flow);
    [[nodiscard]] bool usesWebhookWorkers() const;
    void publishFlowEvents(services::telephony::CallFlow &flow, Qt::ConnectionType type);
    void buildSimulatedCarrier();
    Result<void> buildTwilioProvider();
    void moveTelephonyToDialingThread();
    Result<void> startConsoleWebhookServer();
    [[nodiscard]] QString twilioAccountSid() const;

    services::SystemClock m_clock;
    std::unique_ptr<services::auth::SecretStore> m_secrets;
    QByteArray m_keychainAuthToken; // read once: `serve` checks it early and the webhook server needs it again
    std::unique_ptr<services::storage::Database> m_database;
    std::unique_ptr<services::events::EventBus> m_events;
    // Declared in the order they are built: each is destroyed before what it uses.
    TelephonyOptions m_telephony;
    std::unique_ptr<services::telephony::WebhookJournal> m_journal;
    std::unique_ptr<services::telephony::CallFlow> m_flow;
    std::unique_ptr<services::telephony::WebhookWorkers> m_webhookWorkers;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<services::telephony::TwilioClient> m_twilio;
    std::unique_ptr<services::telephony::TelephonyProvider> m_provider;
    services::telephony::SimulatedCarrier *m_carrier = nullptr; // m_provider, when simulated
    std::unique_ptr<services::telephony::WebhookServer> m_server;
    std::unique_ptr<services::storage::SqlContactQueue> m_queue;
    std::unique_ptr<services::dialer::CampaignDialer> m_dialer;
    std::unique_ptr<services::dialer::CampaignControl> m_control;
    std::unique_ptr<QThread> m_dialingThread;
    quint16 m_webhookPort = 0;
    std::optional<Error> m_controlError; // the console's webhook server could not start
};

// The console dials through Twilio with these settings (Settings → Twilio): the account, its REST edge, where the
// webhook server listens and the public URL Twilio calls. Settings with problems leave `options` as they are.
bool applyTwilioSettings(const services::settings::TwilioSettings &settings, TelephonyOptions &options);

// $XDG_STATE_HOME/voicesurvey-console (Qt 6.4 has no StateLocation).
QString stateDirectory();

} // namespace vsc::app
