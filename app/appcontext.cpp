// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/appcontext.h"

#include "services/auth/actorresolver.h"
#include "services/auth/authorizer.h"

#include "services/dialer/campaigncontrol.h"
#include "services/dialer/campaigndialer.h"
#include "services/events/eventbus.h"
#include "services/files/privatefiles.h"
#include "services/logging/logging.h"
#include "services/storage/contactqueue.h"
#include "services/telephony/simulatedcarrier.h"
#include "services/telephony/twilioprovider.h"
#include "services/telephony/webhookjournal.h"
#include "services/telephony/webhookserver.h"
#include "services/telephony/webhookworkers.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <initializer_list>

#include <pwd.h>
#include <unistd.h>

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
    if (!m_dialingThread) {
        m_server.reset(); // before the flows it hands requests to
    }
    if (m_dialingThread) {
        // The console's stack is deleted on its own thread (its timers may only be stopped there), then the thread
        // ends and closes its database connection. Without that thread the members go in reverse order.
        QObject reaper;
        reaper.moveToThread(m_dialingThread.get());
        QMetaObject::invokeMethod(
            &reaper,
            [this] {
                m_server.reset(); // built here for the console; before the flow it hands requests to
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
    m_webhookWorkers.reset(); // after the server that hands them requests and the flow that delegates to them
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

void AppContext::publishFlowEvents(services::telephony::CallFlow &flow, Qt::ConnectionType type)
{
    // Consoles on the same PostgreSQL see each call's progress at once.
    QObject::connect(&flow, &services::telephony::CallFlow::callStatusesChanged, &events(),
                     &services::events::EventBus::publishCallStatuses, type);
    QObject::connect(&flow, &services::telephony::CallFlow::turnStored, &events(),
                     &services::events::EventBus::publishCallTurn, type);
    // An opt-out puts the number on the do-not-call list: its views show it at once.
    QObject::connect(
        &flow, &services::telephony::CallFlow::optedOut, &events(),
        [bus = &events()](qint64) { bus->publishSuppressionsChanged(); }, type);
}

bool AppContext::usesWebhookWorkers() const
{
    // `run` dials and serves on one thread; the simulated carrier drives callFlow() directly.
    return m_telephony.webhookWorkers > 1 && !m_telephony.simulated && m_telephony.role != TelephonyRole::HeadlessRun;
}

services::telephony::CallFlow &AppContext::callFlow()
{
    if (!m_flow) {
        m_flow = std::make_unique<services::telephony::CallFlow>(*m_database, m_telephony.publicUrl);
        if (usesWebhookWorkers()) {
            // Serves no webhook itself: the dialer talks to the workers through it.
            m_flow->delegateTo(webhookFlows());
        } else {
            // Webhooks that arrive while the database is away are answered and journaled, then applied when it is
            // back.
            m_flow->setJournal(&journal());
            publishFlowEvents(*m_flow, Qt::AutoConnection);
        }
    }
    return *m_flow;
}

services::telephony::WebhookJournal &AppContext::journal()
{
    if (!m_journal) {
        m_journal = openJournal(services::telephony::WebhookJournal::defaultPath(
            stateDirectory(), journalRole(m_telephony), m_database->config().displayName()));
    }
    return *m_journal;
}

Result<qsizetype> AppContext::replayJournals()
{
    // On the thread of the first flow (a worker's for `serve`), which also owns the journal that replays land in.
    services::telephony::CallFlow *flow = webhookFlows().constFirst();
    Result<qsizetype> result = qsizetype{0};
    QMetaObject::invokeMethod(
        flow, [this, flow, &result] { result = replayJournalsWith(*flow); },
        flow->thread() == QThread::currentThread() ? Qt::DirectConnection : Qt::BlockingQueuedConnection);
    return result;
}

Result<qsizetype> AppContext::replayJournalsWith(services::telephony::CallFlow &flow)
{
    using services::telephony::WebhookJournal;
    QSet<QString> ours; // journals this process writes: each flow replays its own
    if (m_journal) {
        ours.insert(m_journal->path());
    }
    if (m_webhookWorkers) {
        for (const QString &path : m_webhookWorkers->journalPaths()) {
            ours.insert(path);
        }
    }
    qsizetype applied = flow.journaled();
    if (auto replayed = flow.replayJournal(); !replayed) {
        return replayed.error();
    }
    applied -= flow.journaled();
    const QString prefix =
        WebhookJournal::pathPrefix(stateDirectory(), journalRole(m_telephony), m_database->config().displayName());
    for (const QString &path : WebhookJournal::journalsWithPrefix(prefix)) {
        if (ours.contains(path)) {
            continue;
        }
        WebhookJournal other(path); // locks it; one a live process holds is that process's to replay
        if (!other.error().isEmpty() || other.isEmpty()) {
            continue;
        }
        services::logging::logger("vsc.app")->warn("journal {} holds {} webhook(s) from another process; applying",
                                                   path.toStdString(), other.entries().size());
        const qsizetype waiting = other.entries().size();
        auto replayed = flow.replayJournal(other);
        applied += waiting - other.entries().size();
        if (!replayed) {
            return replayed.error();
        }
    }
    return applied;
}

std::unique_ptr<services::telephony::WebhookJournal> AppContext::openJournal(QString path)
{
    // Whoever can write the journal can forge webhooks, and it holds numbers and answers: ours alone.
    for (const QString &directory : {stateDirectory(), QFileInfo(path).absolutePath()}) {
        if (auto made = services::files::makeOwnDirectory(directory); !made) {
            services::logging::logger("vsc.app")->warn("journal directory: {}", made.error().toString().toStdString());
        }
    }
    auto journal = std::make_unique<services::telephony::WebhookJournal>(path);
    if (!journal->error().isEmpty()) {
        // Another process in the same role holds it: keep a journal of our own, found again by our pid.
        path.insert(path.size() - 6, QStringLiteral("-%1").arg(QCoreApplication::applicationPid()));
        journal = std::make_unique<services::telephony::WebhookJournal>(path);
    }
    // One an older version wrote under the login umask (new ones are made under this process's umask 077).
    if (auto restricted = services::files::restrictToOwner(path); !restricted) {
        services::logging::logger("vsc.app")->warn("journal: {}", restricted.error().toString().toStdString());
    }
    if (!journal->isEmpty()) {
        services::logging::logger("vsc.app")->warn("journal {} holds {} webhook(s) from an earlier run",
                                                   path.toStdString(), journal->entries().size());
    }
    return journal;
}

QList<services::telephony::CallFlow *> AppContext::webhookFlows()
{
    if (!usesWebhookWorkers()) {
        return {&callFlow()};
    }
    if (!m_webhookWorkers) {
        // Worker 0 keeps the role's journal name, so what a single-threaded server left is replayed; the others add
        // "-wN" to it. Events are published on the worker's thread and connection (pg_notify), so the server's
        // thread never waits for them; the bus's own signals then reach their receivers queued.
        const QString base = services::telephony::WebhookJournal::defaultPath(
            stateDirectory(), journalRole(m_telephony), m_database->config().displayName());
        m_webhookWorkers = std::make_unique<services::telephony::WebhookWorkers>(
            *m_database, m_telephony.publicUrl, m_telephony.webhookWorkers,
            [this, &base](int index) {
                QString path = base;
                if (index > 0) {
                    path.insert(path.size() - 6, QStringLiteral("-w%1").arg(index));
                }
                return openJournal(path);
            },
            [this](services::telephony::CallFlow &flow) { publishFlowEvents(flow, Qt::DirectConnection); });
    }
    return m_webhookWorkers->flows();
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
        auto server =
            std::make_unique<services::telephony::WebhookServer>(options, token.value(), webhookFlows(), m_clock);
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
        if (m_telephony.role == TelephonyRole::Console && !m_telephony.simulated) {
            if (auto token = twilioAuthToken(); !token) { // before anything runs: no dialing without callbacks
                m_provider.reset();
                m_twilio.reset();
                m_network.reset();
                return token.error();
            }
        }
        m_control = std::make_unique<services::dialer::CampaignControl>(*m_database, m_clock, *placing.value(),
                                                                        callFlow(), dialerOptions(m_telephony));
        moveTelephonyToDialingThread();
        if (m_telephony.role == TelephonyRole::Console && !m_telephony.simulated) {
            if (auto listening = startConsoleWebhookServer(); !listening) {
                m_controlError = listening.error(); // the control exists but is never handed out: nothing dials
            }
        }
    }
    if (m_controlError) {
        return *m_controlError;
    }
    return m_control.get();
}

Result<void> AppContext::startConsoleWebhookServer()
{
    auto token = twilioAuthToken();
    if (!token) {
        return token.error();
    }
    services::telephony::WebhookServerOptions options;
    options.address = m_telephony.listenAddress;
    options.port = m_telephony.listenPort;
    Result<quint16> listening = Error{ErrorCode::Internal, QStringLiteral("the dialing thread did not answer")};
    // Sockets, signatures and the flow on one thread: requests reach the flow directly, in order.
    QObject builder;
    builder.moveToThread(m_dialingThread.get());
    QMetaObject::invokeMethod(
        &builder,
        [this, &options, &token, &listening] {
            auto server =
                std::make_unique<services::telephony::WebhookServer>(options, token.value(), webhookFlows(), m_clock);
            listening = server->listen();
            if (listening) {
                m_server = std::move(server);
            }
        },
        Qt::BlockingQueuedConnection);
    if (!listening) {
        return listening.error();
    }
    m_webhookPort = listening.value();
    return {};
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
        if (m_actingAs) {
            m_dialer->setActor(*m_actingAs);
        }
    }
    return m_dialer.get();
}

Result<QByteArray> AppContext::twilioAuthToken()
{
    const QByteArray fromEnvironment = qgetenv("TWILIO_AUTH_TOKEN");
    if (!fromEnvironment.isEmpty()) {
        return fromEnvironment;
    }
    const QString account = twilioAccountSid();
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
    if (qEnvironmentVariableIsEmpty("TWILIO_ACCOUNT_SID") && !m_telephony.twilioAccountSid.isEmpty()) {
        // The console's settings: the account named there, its secrets in the keychain.
        return services::telephony::TwilioCredentials::fromSecretStore(secrets(), m_telephony.twilioAccountSid,
                                                                       m_telephony.twilioApiKeySid);
    }
    auto fromEnvironment = services::telephony::TwilioCredentials::fromEnvironment();
    const QString account = qEnvironmentVariable("TWILIO_ACCOUNT_SID");
    if (fromEnvironment || account.isEmpty() || fromEnvironment.error().code != ErrorCode::Secret) {
        return fromEnvironment;
    }
    return services::telephony::TwilioCredentials::fromSecretStore(secrets(), account,
                                                                   qEnvironmentVariable("TWILIO_API_KEY"));
}

QString AppContext::twilioAccountSid() const
{
    const QString fromEnvironment = qEnvironmentVariable("TWILIO_ACCOUNT_SID");
    return fromEnvironment.isEmpty() ? m_telephony.twilioAccountSid : fromEnvironment;
}

bool applyTwilioSettings(const services::settings::TwilioSettings &settings, TelephonyOptions &options)
{
    const auto listen = settings.listenAddress();
    if (!settings.enabled || !settings.problems().isEmpty() || !listen) {
        return false;
    }
    options.simulated = false;
    options.twilioAccountSid = settings.accountSid;
    options.twilioApiKeySid = settings.apiKeySid;
    options.twilioApiUrl = settings.apiBaseUrl;
    options.publicUrl = settings.publicUrl;
    options.listenAddress = listen->first;
    options.listenPort = listen->second;
    // The console's own webhook server hands calls to flows on threads of their own, as `serve` does: on the dialing
    // thread alone, every turn of every call would be stored one after the other behind the dialer's claims.
    options.webhookWorkers = std::clamp(QThread::idealThreadCount(), 2, 4);
    return true;
}

QString stateDirectory()
{
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty()) {
        base = QDir::home().filePath(QStringLiteral(".local/state"));
    }
    return QDir(base).filePath(QCoreApplication::applicationName());
}

Result<Actor> AppContext::headlessActor()
{
    const passwd *entry = getpwuid(geteuid());
    const QString osUser =
        entry != nullptr ? QString::fromLocal8Bit(entry->pw_name) : QStringLiteral("uid%1").arg(geteuid());
    return services::auth::ActorResolver(database()).forHeadless(osUser);
}

Result<Actor> AppContext::authorizeHeadless(Permission permission, const QString &action)
{
    auto actor = headlessActor();
    if (!actor) {
        return actor.error();
    }
    if (auto allowed = services::auth::Authorizer(database()).require(actor.value(), permission, action); !allowed) {
        return allowed.error();
    }
    m_actingAs = actor.value();
    return actor;
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
    if (config.backend == Backend::Sqlite && chosen.isEmpty()) {
        // The embedded default's directory is ours alone (a user's own sqlite:PATH directory is left as it is).
        if (auto made = services::files::makeOwnDirectory(QFileInfo(config.sqlitePath).absolutePath()); !made) {
            return made.error();
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
