// SPDX-License-Identifier: GPL-3.0-or-later
// `mail test --to ADDRESS` as a user runs it, on both backends: the saved settings, the password from
// $VSC_MAIL_PASSWORD (the process has no keychain), the real SMTP server scripts/test.sh starts; a wrong password
// exits 1 saying the server refused it, missing settings or --to are usage errors. The headless `run` sends the
// campaign-finished report and the daily summary, as the console does.
#include "services/auth/secretstore.h"
#include "services/settings/mailsettings.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "testconfig.h"
#include "tests/support/dialerprocess.h"
#include "tests/support/fakeclock.h"
#include "tests/support/testdatabase.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

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
    void runSendsTheReports();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(QStringList args, const QString &password = {});
    void saveMailSettings();

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
    env.insert(QStringLiteral("TZ"), QStringLiteral("UTC")); // the daily summary covers the local day
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

void TestMailCli::saveMailSettings()
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
}

void TestMailCli::sendsATestMail()
{
    saveMailSettings();
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

namespace {

QStringList subjectsSince(const QStringList &before)
{
    const QDir maildir(qEnvironmentVariable("VSC_TEST_SMTP_MAILDIR") + QStringLiteral("/new"));
    QStringList subjects;
    for (const QString &file : maildir.entryList(QDir::Files)) {
        if (before.contains(file)) {
            continue;
        }
        QProcess parser;
        parser.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(VSC_PEERS_DIR "/mail-parts.py"), maildir.filePath(file)});
        if (parser.waitForFinished(30000) && parser.exitCode() == 0) {
            subjects << QJsonDocument::fromJson(parser.readAllStandardOutput())
                            .object()
                            .value(QStringLiteral("subject"))
                            .toString();
        }
    }
    return subjects;
}

} // namespace

// `run` until the campaign completes: its finished report goes out before the process exits (a reportSent event
// says so). Then the calls are moved to yesterday and `run` on the completed campaign sends yesterday's summary.
void TestMailCli::runSendsTheReports()
{
    saveMailSettings();
    services::storage::Database &db = m_db->database();
    auto campaign = tests::makeDialingCampaign(db, 3, 20, 3);
    QVERIFY(campaign.ok());
    QVERIFY(services::storage::execOnly(db.connection(),
                                        QStringLiteral("UPDATE campaigns SET report_recipients = ?, daily_summary = ? "
                                                       "WHERE id = ?"),
                                        {QStringLiteral("ada@example.com"), true, campaign.value()})
                .ok());
    const QDir maildir(qEnvironmentVariable("VSC_TEST_SMTP_MAILDIR") + QStringLiteral("/new"));
    QStringList before = maildir.entryList(QDir::Files);
    const QStringList runArgs{
        QStringLiteral("run"),         QStringLiteral("--campaign"),   QString::number(campaign.value()),
        QStringLiteral("--simulated"), QStringLiteral("--time-scale"), QStringLiteral("200"),
        QStringLiteral("--json")};
    const Run finished = run(runArgs, qEnvironmentVariable("VSC_TEST_SMTP_PASSWORD"));
    QVERIFY2(finished.exitCode == 0, finished.err.constData());
    QVERIFY2(finished.out.contains("\"event\":\"reportSent\"") && finished.out.contains("\"kind\":\"finished\""),
             finished.out.constData());
    QStringList subjects = subjectsSince(before);
    QCOMPARE(subjects.size(), 1);
    QVERIFY2(subjects.constFirst().contains(QStringLiteral("has finished")), qPrintable(subjects.constFirst()));

    const QDate yesterday = QDateTime::currentDateTimeUtc().date().addDays(-1);
    QVERIFY(services::storage::execOnly(
                db.connection(), QStringLiteral("UPDATE call_attempts SET claimed_at = ? WHERE campaign_id = ?"),
                {services::storage::toDb(QDateTime(yesterday, QTime(12, 0), QTimeZone::utc())), campaign.value()})
                .ok());
    before = maildir.entryList(QDir::Files);
    const Run again = run(runArgs, qEnvironmentVariable("VSC_TEST_SMTP_PASSWORD"));
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QVERIFY2(again.out.contains("\"kind\":\"daily\""), again.out.constData());
    subjects = subjectsSince(before);
    QCOMPARE(subjects.size(), 1);
    QVERIFY2(
        subjects.constFirst().contains(QStringLiteral("Daily summary for %1").arg(yesterday.toString(Qt::ISODate))),
        qPrintable(subjects.constFirst()));
}

QTEST_GUILESS_MAIN(TestMailCli)
#include "tst_mailcli.moc"
