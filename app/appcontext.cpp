// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcontext.h"

#include "logging/logging.h"

#include <QCoreApplication>
#include <QDir>

namespace vsc::app {

AppContext::AppContext(std::unique_ptr<services::auth::SecretStore> secrets) : m_secrets(std::move(secrets))
{
}

AppContext::~AppContext() = default;

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
