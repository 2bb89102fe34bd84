// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/testdatabase.h"

#include "services/storage/sql.h"

#include <QRandomGenerator>
#include <QUrl>

namespace vsc::tests {

using services::storage::Database;
using services::storage::DatabaseConfig;

bool TestDatabase::postgresRequested()
{
    return qEnvironmentVariable("VSC_TEST_BACKEND") == QLatin1String("postgres");
}

TestDatabase::TestDatabase() : m_postgres(postgresRequested())
{
    if (!m_postgres) {
        m_url = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("test.sqlite"));
    } else {
        m_adminUrl = qEnvironmentVariable("VSC_TEST_PG_URL");
        if (m_adminUrl.isEmpty()) {
            m_error = QStringLiteral("VSC_TEST_BACKEND=postgres but VSC_TEST_PG_URL is not set (run scripts/test.sh)");
            return;
        }
        m_pgName = QStringLiteral("vsc_t_%1").arg(QRandomGenerator::global()->generate64(), 0, 36);
        auto adminConfig = DatabaseConfig::fromUrl(m_adminUrl);
        if (!adminConfig) {
            m_error = adminConfig.error().toString();
            return;
        }
        Database admin(adminConfig.value());
        if (auto opened = admin.open(); !opened) {
            m_error = opened.error().toString();
            return;
        }
        // CREATE DATABASE takes no parameters; the name is generated above from [a-z0-9_] only.
        if (auto created = services::storage::exec(admin.connection(), QStringLiteral("CREATE DATABASE ") + m_pgName);
            !created) {
            m_error = created.error().toString();
            return;
        }
        QUrl url(m_adminUrl);
        url.setPath(u'/' + m_pgName);
        m_url = url.toString();
    }
    auto config = DatabaseConfig::fromUrl(m_url);
    if (!config) {
        m_error = config.error().toString();
        return;
    }
    m_database = std::make_unique<Database>(config.value());
    if (auto opened = m_database->open(); !opened) {
        m_error = opened.error().toString();
        m_database.reset();
    }
}

std::unique_ptr<Database> TestDatabase::openAnotherConnection() const
{
    auto config = DatabaseConfig::fromUrl(m_url);
    if (!config) {
        return nullptr;
    }
    auto other = std::make_unique<Database>(config.value());
    return other->open().ok() ? std::move(other) : nullptr;
}

TestDatabase::~TestDatabase()
{
    m_database.reset();
    if (!m_pgName.isEmpty()) {
        auto adminConfig = DatabaseConfig::fromUrl(m_adminUrl);
        if (adminConfig) {
            Database admin(adminConfig.value());
            (void)services::storage::exec(admin.connection(), QStringLiteral("DROP DATABASE IF EXISTS ") + m_pgName +
                                                                  QStringLiteral(" WITH (FORCE)"));
        }
    }
}

int count(services::storage::Database &database, const QString &sql, const QVariantList &params)
{
    auto value = services::storage::scalar(database.connection(), sql, params);
    return value.ok() ? value.value().toInt() : -1;
}

} // namespace vsc::tests
