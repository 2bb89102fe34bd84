// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/databaseconfig.h"

#include <QStandardPaths>
#include <QTest>

using namespace vsc;
using namespace vsc::services::storage;

class TestDatabaseConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void postgresUrl();
    void postgresDefaults();
    void sqliteForms();
    void refusesPasswords();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void embeddedDefaultIsUnderDataDir();
};

void TestDatabaseConfig::postgresUrl()
{
    auto config = DatabaseConfig::fromUrl(QStringLiteral("postgresql://surveys@db.internal:6543/vsc?sslmode=require"));
    QVERIFY(config.ok());
    QCOMPARE(config.value().backend, Backend::Postgres);
    QCOMPARE(config.value().host, QStringLiteral("db.internal"));
    QCOMPARE(config.value().port, 6543);
    QCOMPARE(config.value().user, QStringLiteral("surveys"));
    QCOMPARE(config.value().databaseName, QStringLiteral("vsc"));
    QCOMPARE(config.value().connectOptions, QStringLiteral("sslmode=require"));
    QCOMPARE(config.value().displayName(), QStringLiteral("PostgreSQL surveys@db.internal:6543/vsc"));
    QCOMPARE(config.value().secretKey(), QStringLiteral("database/surveys@db.internal:6543/vsc"));
}

void TestDatabaseConfig::postgresDefaults()
{
    auto config = DatabaseConfig::fromUrl(QStringLiteral("postgres://alice@/"));
    QVERIFY(config.ok());
    QCOMPARE(config.value().host, QStringLiteral("localhost"));
    QCOMPARE(config.value().port, 5432);
    QCOMPARE(config.value().databaseName, QStringLiteral("alice"));
}

void TestDatabaseConfig::sqliteForms()
{
    auto a = DatabaseConfig::fromUrl(QStringLiteral("sqlite:///var/lib/vsc/data.sqlite"));
    QVERIFY(a.ok());
    QCOMPARE(a.value().backend, Backend::Sqlite);
    QCOMPARE(a.value().sqlitePath, QStringLiteral("/var/lib/vsc/data.sqlite"));
    auto b = DatabaseConfig::fromUrl(QStringLiteral("sqlite:relative.db"));
    QVERIFY(b.ok());
    QCOMPARE(b.value().sqlitePath, QStringLiteral("relative.db"));
    auto c = DatabaseConfig::fromUrl(QStringLiteral("/tmp/plain.sqlite"));
    QVERIFY(c.ok());
    QCOMPARE(c.value().backend, Backend::Sqlite);
    QCOMPARE(c.value().displayName(), QStringLiteral("SQLite /tmp/plain.sqlite"));
}

void TestDatabaseConfig::refusesPasswords()
{
    auto inUserInfo = DatabaseConfig::fromUrl(QStringLiteral("postgresql://u:secret@h/db"));
    QVERIFY(!inUserInfo.ok());
    QCOMPARE(inUserInfo.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!inUserInfo.error().detail.contains(QStringLiteral("secret")));
    auto inQuery = DatabaseConfig::fromUrl(QStringLiteral("postgresql://u@h/db?password=secret"));
    QVERIFY(!inQuery.ok());
}

void TestDatabaseConfig::rejectsBadInput_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << QStringLiteral("   ");
    QTest::newRow("mysql") << QStringLiteral("mysql://u@h/db");
    QTest::newRow("sqlite without path") << QStringLiteral("sqlite:");
    QTest::newRow("malformed") << QStringLiteral("postgresql://u@h:notaport/db");
}

void TestDatabaseConfig::rejectsBadInput()
{
    QFETCH(QString, url);
    auto config = DatabaseConfig::fromUrl(url);
    QVERIFY(!config.ok());
    QCOMPARE(config.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!config.error().detail.isEmpty());
}

void TestDatabaseConfig::embeddedDefaultIsUnderDataDir()
{
    QStandardPaths::setTestModeEnabled(true);
    const DatabaseConfig config = DatabaseConfig::embeddedDefault();
    QCOMPARE(config.backend, Backend::Sqlite);
    QVERIFY(config.sqlitePath.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    QVERIFY(config.sqlitePath.endsWith(QStringLiteral(".sqlite")));
}

QTEST_GUILESS_MAIN(TestDatabaseConfig)
#include "tst_databaseconfig.moc"
