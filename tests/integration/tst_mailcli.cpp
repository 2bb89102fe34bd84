// SPDX-License-Identifier: GPL-3.0-or-later
// `mail test --to ADDRESS` as a user runs it, on both backends: the saved settings, the password from
// $VSC_MAIL_PASSWORD (the process has no keychain), the real SMTP server scripts/test.sh starts; a wrong password
// exits 1 saying the server refused it, missing settings or --to are usage errors.
#include "services/auth/secretstore.h"
#include "services/settings/mailsettings.h"
#include "services/storage/migrator.h"
#include "testconfig.h"
#include "tests/support/fakeclock.h"
#include "tests/support/testdatabase.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace vsc;

class TestMailCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void notSetUpIsAUsageError();
    void sendsATestMail();
    void wrongPasswordSaysSo();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(QStringList args, const QString &password = {});

    std::unique_ptr<tests::TestDatabase> m_db;
    tests::FakeClock m_clock;
    QTemporaryDir m_home;
};

void TestMailCli::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("VSC_TEST_SMTP_HOST"),
             "VSC_TEST_SMTP_HOST is not set: run scripts/test.sh, or tests/peers/start-smtp.sh");
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    QVERIFY(services::storage::Migrator(m_db->database()).migrate().ok());
}

void TestMailCli::cleanupTestCase()
{
    m_db.reset();
}

TestMailCli::Run TestMailCli::run(QStringList args, const QString &password)
{
    args << QStringLiteral("--database") << m_db->url();
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_home.filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("VSC_NO_KEYCHAIN"), QStringLiteral("1"));
    if (!password.isEmpty()) {
        env.insert(QStringLiteral("VSC_MAIL_PASSWORD"), password);
    }
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(VSC_APP_BINARY), args);
    if (!process.waitForFinished(120000)) {
        process.kill();
        return {};
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

void TestMailCli::notSetUpIsAUsageError()
{
    const Run missingTo = run({QStringLiteral("mail"), QStringLiteral("test")});
    QCOMPARE(missingTo.exitCode, 2);
    const Run notSetUp = run(
        {QStringLiteral("mail"), QStringLiteral("test"), QStringLiteral("--to"), QStringLiteral("ada@example.com")});
    QCOMPARE(notSetUp.exitCode, 2);
    QVERIFY2(notSetUp.err.contains("mail server's host name"), notSetUp.err.constData());
}

void TestMailCli::sendsATestMail()
{
    services::settings::MailSettings settings;
    settings.host = qEnvironmentVariable("VSC_TEST_SMTP_HOST");
    settings.port = qEnvironmentVariable("VSC_TEST_SMTP_STARTTLS_PORT").toInt();
    settings.username = qEnvironmentVariable("VSC_TEST_SMTP_USER");
    settings.fromAddress = QStringLiteral("surveys@example.com");
    settings.caFile = qEnvironmentVariable("VSC_TEST_SMTP_CA_FILE");
    services::auth::MemorySecretStore secrets;
    QVERIFY(services::settings::MailSettingsService(m_db->database(), m_clock, secrets)
                .save(Actor::fileOwner(QStringLiteral("tester")), settings, QStringLiteral("unused-here"))
                .ok());
    const QDir maildir(qEnvironmentVariable("VSC_TEST_SMTP_MAILDIR") + QStringLiteral("/new"));
    const qsizetype before = maildir.entryList(QDir::Files).size();
    const Run sent = run({QStringLiteral("mail"), QStringLiteral("test"), QStringLiteral("--to"),
                          QStringLiteral("ada@example.com"), QStringLiteral("--json")},
                         qEnvironmentVariable("VSC_TEST_SMTP_PASSWORD"));
    QVERIFY2(sent.exitCode == 0, sent.err.constData());
    QCOMPARE(QJsonDocument::fromJson(sent.out).object().value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(maildir.entryList(QDir::Files).size(), before + 1);
}

void TestMailCli::wrongPasswordSaysSo()
{
    const Run refused =
        run({QStringLiteral("mail"), QStringLiteral("test"), QStringLiteral("--to"), QStringLiteral("ada@example.com")},
            QStringLiteral("wrong-password"));
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("refused the user name or password"), refused.err.constData());
    QVERIFY2(!refused.err.contains("wrong-password"), "the password must not be printed");
}

QTEST_GUILESS_MAIN(TestMailCli)
#include "tst_mailcli.moc"
