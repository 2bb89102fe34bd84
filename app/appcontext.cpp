// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/appcontext.h"

#include "services/dialer/campaigncontrol.h"
#include "services/dialer/campaigndialer.h"
#include "services/events/eventbus.h"
#include "services/logging/logging.h"
#include "services/storage/contactqueue.h"
#include "services/telephony/simulatedcarrier.h"
#include "services/telephony/twilioprovider.h"
#include "services/telephony/webhookjournal.h"
#include "services/telephony/webhookserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QNetworkAccessManager>
#include <QThread>

#include <initializer_list>

namespace vsc::app {
namespace {

// Names the journal, so the next process in the same role (and for `run`, on the same campaign) finds it.
QString journalRole(const TelephonyOptions &options)
{
    switch (options.role) {
    case TelephonyRole::Console:
        return QStringLiteral("console");
    case TelephonyRole::HeadlessRun:
        return QStringLiteral("run-%1").arg(options.campaignId);
    case TelephonyRole::Serve:
        return QStringLiteral("serve");
    }
    return {};
}

services::dialer::DialerOptions dialerOptions(const TelephonyOptions &options)
{
    services::dialer::DialerOptions dialer;
    dialer.timeScale = options.timeScale;
    if (options.role == TelephonyRole::HeadlessRun) {
        // Other consoles show who holds the campaign's lease; attempts record this process's holder id.
        dialer.dialerLabel = services::dialer::CampaignLease::processLabel(QStringLiteral("headless run"));
    }
    return dialer;
}

} // namespace

AppContext::AppContext(std::unique_ptr<services::auth::SecretStore> secrets) : m_secrets(std::move(secrets))
{
}

AppContext::~AppContext()
{
    if (m_dialingThread) {
        // The console's stack is deleted on its own thread (its timers may only be stopped there), then the thread
        // ends and closes its database connection. Without that thread the members go in reverse order.
        QObject reaper;
        reaper.moveToThread(m_dialingThread.get());
        QMetaObject::invokeMethod(
            &reaper,
            [this] {
                m_control.reset();
                m_carrier = nullptr;
                m_provider.reset();
                m_twilio.reset();
                m_network.reset();
                m_flow.reset();
            },
            Qt::BlockingQueuedConnection);
        m_dialingThread->quit();
        m_dialingThread->wait();
    }
}

services::events::EventBus &AppContext::events()
{
    if (!m_events) {
        m_events = std::make_unique<services::events::EventBus>(*m_database);
        if (auto listening = m_events->listen(); !listening) {
            services::logging::logger("vsc.app")->warn("other consoles' events will not arrive: {}",
                                                       listening.error().toString().toStdString());
        }
    }
    return *m_events;
}

void AppContext::configureTelephony(const TelephonyOptions &options)
{
    Q_ASSERT(!m_flow && !m_provider); // what is built was built from the options before
    m_telephony = options;
}

services::telephony::CallFlow &AppContext::callFlow()
{
    if (!m_flow) {
        m_flow = std::make_unique<services::telephony::CallFlow>(*m_database, m_telephony.publicUrl);
        // Webhooks that arrive while the database is away are answered and journaled, then applied when it is back.
        m_flow->setJournal(&journal());
        QObject::connect(m_flow.get(), &services::telephony::CallFlow::callStatusChanged, &events(),
                         &services::events::EventBus::publishCallStatus);
    }
    return *m_flow;
}

services::telephony::WebhookJournal &AppContext::journal()
{
    if (!m_journal) {
        QString path = services::telephony::WebhookJournal::defaultPath(stateDirectory(), journalRole(m_telephony),
                                                                        m_database->config().displayName());
        m_journal = std::make_unique<services::telephony::WebhookJournal>(path);
        if (!m_journal->error().isEmpty()) {
            // Another process in the same role holds it: keep a journal of our own, found again by our pid.
            path.insert(path.size() - 6, QStringLiteral("-%1").arg(QCoreApplication::applicationPid()));
            m_journal = std::make_unique<services::telephony::WebhookJournal>(path);
        }
        if (!m_journal->isEmpty()) {
            services::logging::logger("vsc.app")->warn("journal {} holds {} webhook(s) from an earlier run",
                                                       path.toStdString(), m_journal->entries().size());
        }
    }
    return *m_journal;
}

Result<services::telephony::TelephonyProvider *> AppContext::provider()
{
    if (!m_provider) {
        if (m_telephony.simulated) {
            buildSimulatedCarrier();
        } else if (auto built = buildTwilioProvider(); !built) {
            return built.error();
        }
    }
    return m_provider.get();
}

void AppContext::buildSimulatedCarrier()
{
    services::telephony::SimulatedCarrierOptions options;
    options.timeScale = m_telephony.timeScale;
    options.seed = quint32(m_clock.nowUtc().toMSecsSinceEpoch());
    options.callLogPath = m_telephony.carrierLog;
    options.createDelayMs = m_telephony.carrierCreateMs;
    auto carrier = std::make_unique<services::telephony::SimulatedCarrier>(callFlow(), *m_database, m_clock, options);
    m_carrier = carrier.get();
    m_provider = std::move(carrier);
}

Result<void> AppContext::buildTwilioProvider()
{
    auto credentials = twilioCredentials();
    if (!credentials) {
        return credentials.error();
    }
    services::telephony::TwilioClientOptions options;
    if (!m_telephony.twilioApiUrl.isEmpty()) {
        options.baseUrl = m_telephony.twilioApiUrl; // a regional edge, or a test double
    }
    m_network = std::make_unique<QNetworkAccessManager>();
    m_twilio =
        std::make_unique<services::telephony::TwilioClient>(credentials.value(), options, m_network.get(), m_clock);
    m_provider = std::make_unique<services::telephony::TwilioProvider>(*m_twilio);
    return {};
}

Result<services::telephony::WebhookServer *> AppContext::webhookServer()
{
    Q_ASSERT(m_telephony.role != TelephonyRole::Console);
    if (!m_server) {
        auto token = twilioAuthToken();
        if (!token) {
            return token.error();
        }
        services::telephony::WebhookServerOptions options;
        options.address = m_telephony.listenAddress;
        options.port = m_telephony.listenPort;
        auto server = std::make_unique<services::telephony::WebhookServer>(options, token.value(), callFlow());
        if (auto listening = server->listen(); !listening) {
            return listening.error();
        }
        m_server = std::move(server);
    }
    return m_server.get();
}

Result<services::dialer::CampaignControl *> AppContext::campaignControl()
{
    if (!m_control) {
        auto placing = provider();
        if (!placing) {
            return placing.error();
        }
        m_control = std::make_unique<services::dialer::CampaignControl>(*m_database, m_clock, *placing.value(),
                                                                        callFlow(), dialerOptions(m_telephony));
        moveTelephonyToDialingThread();
    }
    return m_control.get();
}

void AppContext::moveTelephonyToDialingThread()
{
    // Claims, calls and their database writes run on a thread of their own, so the window never waits for them;
    // that thread gets its own database connection (Database keeps one per thread).
    m_dialingThread = std::make_unique<QThread>();
    m_dialingThread->setObjectName(QStringLiteral("dialing"));
    QObject::connect(
        m_dialingThread.get(), &QThread::finished, m_dialingThread.get(),
        [database = m_database.get()] { database->closeThreadConnection(); }, Qt::DirectConnection);
    for (QObject *object : std::initializer_list<QObject *>{m_flow.get(), m_network.get(), m_twilio.get(),
                                                            m_provider.get(), m_control.get()}) {
        if (object) {
            object->moveToThread(m_dialingThread.get());
        }
    }
    m_dialingThread->start();
}

Result<services::dialer::CampaignDialer *> AppContext::campaignDialer()
{
    if (!m_dialer) {
        auto placing = provider();
        if (!placing) {
            return placing.error();
        }
        m_queue = std::make_unique<services::storage::SqlContactQueue>(*m_database);
        m_dialer = std::make_unique<services::dialer::CampaignDialer>(*m_database, *m_queue, m_clock, *placing.value(),
                                                                      callFlow(), m_telephony.campaignId,
                                                                      dialerOptions(m_telephony));
    }
    return m_dialer.get();
}

Result<QByteArray> AppContext::twilioAuthToken()
{
    const QByteArray fromEnvironment = qgetenv("TWILIO_AUTH_TOKEN");
    if (!fromEnvironment.isEmpty()) {
        return fromEnvironment;
    }
    const QString account = qEnvironmentVariable("TWILIO_ACCOUNT_SID");
    if (account.isEmpty()) {
        return Error{ErrorCode::Secret,
                     QStringLiteral("no Twilio auth token: set TWILIO_AUTH_TOKEN, or TWILIO_ACCOUNT_SID "
                                    "with the token in the keychain entry twilio/<account>/auth-token")};
    }
    if (!m_keychainAuthToken.isEmpty()) {
        return m_keychainAuthToken;
    }
    auto secret = secrets().read(services::telephony::TwilioCredentials::authTokenKey(account));
    if (!secret) {
        return Error{
            ErrorCode::Secret,
            QStringLiteral("no Twilio auth token in the keychain for %1: %2").arg(account, secret.error().detail)};
    }
    m_keychainAuthToken = secret.value().toUtf8();
    return m_keychainAuthToken;
}

Result<services::telephony::TwilioCredentials> AppContext::twilioCredentials()
{
    auto fromEnvironment = services::telephony::TwilioCredentials::fromEnvironment();
    const QString account = qEnvironmentVariable("TWILIO_ACCOUNT_SID");
    if (fromEnvironment || account.isEmpty() || fromEnvironment.error().code != ErrorCode::Secret) {
        return fromEnvironment;
    }
    return services::telephony::TwilioCredentials::fromSecretStore(secrets(), account,
                                                                   qEnvironmentVariable("TWILIO_API_KEY"));
}

QString stateDirectory()
{
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty()) {
        base = QDir::home().filePath(QStringLiteral(".local/state"));
    }
    return QDir(base).filePath(QCoreApplication::applicationName());
}

services::auth::SecretStore &AppContext::secrets()
{
    if (!m_secrets) {
        if (qEnvironmentVariableIsSet("VSC_NO_KEYCHAIN")) {
            m_secrets = std::make_unique<services::auth::MemorySecretStore>();
        } else {
            m_secrets = std::make_unique<services::auth::KeychainSecretStore>();
        }
    }
    return *m_secrets;
}

Result<services::storage::MigrationReport> AppContext::openDatabase(const QString &url)
{
    using namespace services::storage;
    QString chosen = url;
    if (chosen.isEmpty()) {
        chosen = qEnvironmentVariable("VSC_DATABASE_URL");
    }
    DatabaseConfig config = DatabaseConfig::embeddedDefault();
    if (!chosen.isEmpty()) {
        auto parsed = DatabaseConfig::fromUrl(chosen);
        if (!parsed) {
            return parsed.error();
        }
        config = parsed.value();
    }
    QString password;
    if (config.backend == Backend::Postgres && !qEnvironmentVariableIsSet("PGPASSWORD")) {
        // A keychain miss is normal: libpq then falls back to ~/.pgpass or trust/peer authentication.
        auto secret = secrets().read(config.secretKey());
        if (secret) {
            password = secret.value();
        } else if (secret.error().code != ErrorCode::NotFound) {
            services::logging::logger("vsc.app")->warn("keychain unavailable for the database password: {}",
                                                       secret.error().detail.toStdString());
        }
    }
    m_database = std::make_unique<Database>(config, password);
    if (auto opened = m_database->open(); !opened) {
        return opened.error();
    }
    Migrator migrator(*m_database);
    return migrator.migrate();
}

} // namespace vsc::app
