// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/appcontext.h"

#include "services/dialer/campaigncontrol.h"
#include "services/events/eventbus.h"
#include "services/logging/logging.h"
#include "services/telephony/simulatedcarrier.h"
#include "services/telephony/webhookjournal.h"

#include <QCoreApplication>
#include <QDir>
#include <QThread>

namespace vsc::app {

AppContext::AppContext(std::unique_ptr<services::auth::SecretStore> secrets) : m_secrets(std::move(secrets))
{
}

AppContext::~AppContext()
{
    if (m_dialingThread) {
        // Dialers, carrier and flow are deleted on their own thread (their timers may only be stopped there),
        // then the thread ends and closes its database connection.
        QObject reaper;
        reaper.moveToThread(m_dialingThread.get());
        QMetaObject::invokeMethod(
            &reaper,
            [this] {
                m_control.reset();
                m_carrier.reset();
                m_flow.reset();
            },
            Qt::BlockingQueuedConnection);
        m_dialingThread->quit();
        m_dialingThread->wait();
    }
}

services::dialer::CampaignControl &AppContext::simulatedDialing(double timeScale)
{
    if (!m_control) {
        // Simulated calls never leave the process, so the public URL only labels them.
        m_flow =
            std::make_unique<services::telephony::CallFlow>(*m_database, QUrl(QStringLiteral("http://127.0.0.1:8089")));
        services::telephony::SimulatedCarrierOptions carrier;
        carrier.timeScale = timeScale;
        carrier.seed = quint32(QDateTime::currentMSecsSinceEpoch());
        m_flow->setJournal(&journal(QStringLiteral("console")));
        m_carrier = std::make_unique<services::telephony::SimulatedCarrier>(*m_flow, *m_database, m_clock, carrier);
        services::dialer::DialerOptions dialer;
        dialer.timeScale = timeScale;
        m_control =
            std::make_unique<services::dialer::CampaignControl>(*m_database, m_clock, *m_carrier, *m_flow, dialer);
        QObject::connect(m_flow.get(), &services::telephony::CallFlow::callStatusChanged, &events(),
                         &services::events::EventBus::publishCallStatus);
        // Claims, calls and their database writes run on a thread of their own, so the window never waits for
        // them; that thread gets its own database connection (Database keeps one per thread).
        m_dialingThread = std::make_unique<QThread>();
        m_dialingThread->setObjectName(QStringLiteral("dialing"));
        QObject::connect(
            m_dialingThread.get(), &QThread::finished, m_dialingThread.get(),
            [database = m_database.get()] { database->closeThreadConnection(); }, Qt::DirectConnection);
        m_flow->moveToThread(m_dialingThread.get());
        m_carrier->moveToThread(m_dialingThread.get());
        m_control->moveToThread(m_dialingThread.get());
        m_dialingThread->start();
    }
    return *m_control;
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

services::telephony::WebhookJournal &AppContext::journal(const QString &role)
{
    if (!m_journal) {
        QString path = services::telephony::WebhookJournal::defaultPath(stateDirectory(), role,
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
    auto secret = secrets().read(services::telephony::TwilioCredentials::authTokenKey(account));
    if (!secret) {
        return Error{
            ErrorCode::Secret,
            QStringLiteral("no Twilio auth token in the keychain for %1: %2").arg(account, secret.error().detail)};
    }
    return secret.value().toUtf8();
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
