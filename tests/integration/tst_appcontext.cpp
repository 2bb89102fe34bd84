// SPDX-License-Identifier: GPL-3.0-or-later
// How the app finds and opens its database: URL, environment, embedded default, and where the password comes from.
#include "app/appcontext.h"
#include "services/storage/databaseconfig.h"
#include "tests/support/testdatabase.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vsc;

class TestAppContext : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void opensAndMigratesTheGivenUrl();
    void environmentUrlIsUsedWhenNoOptionIsGiven();
    void embeddedDefaultLivesInTheDataDirectory();
    void badUrlIsRefused();
    void postgresPasswordComesFromTheKeychain();

private:
    QTemporaryDir m_dir;
};

void TestAppContext::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qunsetenv("VSC_DATABASE_URL");
    QVERIFY(m_dir.isValid());
}

void TestAppContext::opensAndMigratesTheGivenUrl()
{
    app::AppContext context(std::make_unique<services::auth::MemorySecretStore>());
    auto report = context.openDatabase(QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("given.sqlite")));
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
    QVERIFY(!report.value().applied.isEmpty());
    QCOMPARE(context.database().config().sqlitePath, m_dir.filePath(QStringLiteral("given.sqlite")));
}

void TestAppContext::environmentUrlIsUsedWhenNoOptionIsGiven()
{
    const QString path = m_dir.filePath(QStringLiteral("from-env.sqlite"));
    qputenv("VSC_DATABASE_URL", (QStringLiteral("sqlite:") + path).toUtf8());
    app::AppContext context(std::make_unique<services::auth::MemorySecretStore>());
    auto report = context.openDatabase({});
    qunsetenv("VSC_DATABASE_URL");
    QVERIFY(report.ok());
    QCOMPARE(context.database().config().sqlitePath, path);
    QVERIFY(QFile::exists(path));
}

void TestAppContext::embeddedDefaultLivesInTheDataDirectory()
{
    app::AppContext context(std::make_unique<services::auth::MemorySecretStore>());
    auto report = context.openDatabase({});
    QVERIFY(report.ok());
    const QString expected = services::storage::DatabaseConfig::embeddedDefault().sqlitePath;
    QCOMPARE(context.database().config().sqlitePath, expected);
    QVERIFY(QFile::exists(expected));
    QVERIFY(app::stateDirectory().endsWith(QCoreApplication::applicationName()));
}

void TestAppContext::badUrlIsRefused()
{
    app::AppContext context(std::make_unique<services::auth::MemorySecretStore>());
    auto report = context.openDatabase(QStringLiteral("oracle://scott@tiger/db"));
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, ErrorCode::InvalidArgument);
}

// scripts/test.sh's cluster requires a password over TCP and exports it as PGPASSWORD for the other tests.
// Here PGPASSWORD is removed, so only the secret store can supply it.
void TestAppContext::postgresPasswordComesFromTheKeychain()
{
    if (!tests::TestDatabase::postgresRequested()) {
        QSKIP("PostgreSQL variant only (tst_appcontext_postgres)");
    }
    const QByteArray password = qgetenv("PGPASSWORD");
    QVERIFY2(!password.isEmpty(), "scripts/test.sh exports PGPASSWORD for its password-protected cluster");
    tests::TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.errorString()));
    auto config = services::storage::DatabaseConfig::fromUrl(db.url());
    QVERIFY(config.ok());
    qunsetenv("PGPASSWORD");
    auto restore = qScopeGuard([&] { qputenv("PGPASSWORD", password); });

    auto withoutSecret = app::AppContext(std::make_unique<services::auth::MemorySecretStore>()).openDatabase(db.url());
    QVERIFY(!withoutSecret.ok());
    QCOMPARE(withoutSecret.error().code, ErrorCode::ConnectionLost);

    auto wrong = std::make_unique<services::auth::MemorySecretStore>();
    QVERIFY(wrong->write(config.value().secretKey(), QStringLiteral("not-the-password")).ok());
    auto withWrongSecret = app::AppContext(std::move(wrong)).openDatabase(db.url());
    QVERIFY(!withWrongSecret.ok());
    QVERIFY(!withWrongSecret.error().detail.contains(QStringLiteral("not-the-password")));

    auto right = std::make_unique<services::auth::MemorySecretStore>();
    QVERIFY(right->write(config.value().secretKey(), QString::fromUtf8(password)).ok());
    app::AppContext context(std::move(right));
    auto report = context.openDatabase(db.url());
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
    QCOMPARE(context.database().backend(), services::storage::Backend::Postgres);
}

QTEST_GUILESS_MAIN(TestAppContext)
#include "tst_appcontext.moc"
