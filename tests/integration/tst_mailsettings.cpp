// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → E-mail in the service: settings.manage is enforced, the password goes to the keychain and nowhere else
// (not app_settings, not the audit log, not QSettings), problems are named per field, and a test mail prepared from
// the saved settings reaches the real SMTP server scripts/test.sh starts (tests/peers/smtp-peer.py).
#include "services/auth/secretstore.h"
#include "services/clock.h"
#include "services/email/smtpsender.h"
#include "services/settings/mailsettings.h"
#include "services/storage/migrator.h"
#include "tests/support/testdatabase.h"

#include <QDir>
#include <QDirIterator>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace vsc;
using services::email::MailSecurity;
using services::settings::MailSettings;
using services::settings::MailSettingsService;

namespace {

const QString kPassword = QStringLiteral("Kennwort-7f3a9 geheim");

MailSettings peerSettings()
{
    MailSettings settings;
    settings.host = qEnvironmentVariable("VSC_TEST_SMTP_HOST");
    settings.port = qEnvironmentVariable("VSC_TEST_SMTP_STARTTLS_PORT").toInt();
    settings.security = MailSecurity::StartTls;
    settings.username = qEnvironmentVariable("VSC_TEST_SMTP_USER");
    settings.fromAddress = QStringLiteral("surveys@example.com");
    settings.caFile = qEnvironmentVariable("VSC_TEST_SMTP_CA_FILE");
    return settings;
}

bool problemFor(const MailSettings &settings, const QString &field)
{
    const auto problems = settings.problems();
    return std::any_of(problems.cbegin(), problems.cend(), [&](const auto &problem) { return problem.field == field; });
}

// Signed in, without settings.manage.
Actor viewer()
{
    Actor actor;
    actor.kind = ActorKind::User;
    actor.name = QStringLiteral("vic");
    actor.permissions = PermissionSet{Permission::ResultsView};
    return actor;
}

// Every file under `dir` whose bytes contain `needle` (QSettings files, caches).
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle)) {
            found << file.fileName();
        }
    }
    return found;
}

} // namespace

class TestMailSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void problemsNameTheirField();
    void passwordGoesToTheKeychainOnly();
    void savingNeedsSettingsManage();
    void testMailReachesTheServer();
    void testMailNeedsSettingsManage();

private:
    std::unique_ptr<tests::TestDatabase> m_db;
    services::SystemClock m_clock;
    std::unique_ptr<services::auth::MemorySecretStore> m_secretStore; // fresh for each test
};

void TestMailSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VoiceSurveyTests"));
    QVERIFY2(!qEnvironmentVariableIsEmpty("VSC_TEST_SMTP_HOST"),
             "VSC_TEST_SMTP_HOST is not set: run scripts/test.sh, or tests/peers/start-smtp.sh");
}

void TestMailSettings::init()
{
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    QVERIFY(services::storage::Migrator(m_db->database()).migrate().ok());
    m_secretStore = std::make_unique<services::auth::MemorySecretStore>();
}

void TestMailSettings::cleanup()
{
    m_db.reset();
    m_secretStore.reset();
}

void TestMailSettings::problemsNameTheirField()
{
    MailSettings settings = peerSettings();
    QVERIFY2(settings.problems().isEmpty(), qPrintable(settings.problems().value(0).message));
    settings.host.clear();
    QVERIFY(problemFor(settings, QStringLiteral("host")));
    settings = peerSettings();
    settings.port = 70000;
    QVERIFY(problemFor(settings, QStringLiteral("port")));
    settings = peerSettings();
    settings.fromAddress = QStringLiteral("surveys");
    QVERIFY(problemFor(settings, QStringLiteral("fromAddress")));
    settings = peerSettings();
    settings.caFile = QStringLiteral("/nonexistent/ca.pem");
    QVERIFY(problemFor(settings, QStringLiteral("caFile")));
    // Plain SMTP would carry the password readable across the network: only to this computer.
    settings = peerSettings();
    settings.security = MailSecurity::None;
    QVERIFY(!problemFor(settings, QStringLiteral("security")));
    settings.host = QStringLiteral("smtp.example.com");
    QVERIFY(problemFor(settings, QStringLiteral("security")));
}

void TestMailSettings::passwordGoesToTheKeychainOnly()
{
    QSettings().clear();
    MailSettingsService service(m_db->database(), m_clock, *m_secretStore);
    const MailSettings settings = peerSettings();
    const auto saved = service.save(Actor::fileOwner(QStringLiteral("tester")), settings, kPassword);
    QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));

    QCOMPARE(m_secretStore->read(settings.passwordKey()).valueOr(QString()), kPassword);
    auto loaded = service.load();
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.value().host, settings.host);
    QCOMPARE(loaded.value().port, settings.port);
    QCOMPARE(loaded.value().username, settings.username);
    QCOMPARE(loaded.value().caFile, settings.caFile);
    QCOMPARE(loaded.value().security, MailSecurity::StartTls);

    const QString like = QStringLiteral("%Kennwort-7f3a9%");
    QCOMPARE(
        tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM app_settings WHERE value LIKE ?"), {like}),
        0);
    QCOMPARE(
        tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM app_settings WHERE key LIKE 'mail.%'")), 6);
    QVERIFY(tests::count(m_db->database(),
                         QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'settings.secret'")) == 1);
    QCOMPARE(tests::count(m_db->database(),
                          QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE CAST(details AS TEXT) LIKE ? OR "
                                         "CAST(before_data AS TEXT) LIKE ? OR CAST(after_data AS TEXT) LIKE ?"),
                          {like, like, like}),
             0);
    QSettings().sync();
    const QStringList leaked =
        filesContaining(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation), kPassword.toUtf8());
    QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(u' ')));
    for (const QString &key : QSettings().allKeys()) {
        QVERIFY2(!QSettings().value(key).toString().contains(QStringLiteral("Kennwort")), qPrintable(key));
    }

    // Saving again without a password keeps the keychain's.
    const auto again = service.save(Actor::fileOwner(QStringLiteral("tester")), settings, QString());
    QVERIFY2(again.ok(), qPrintable(again.error().toString()));
    QCOMPARE(m_secretStore->read(settings.passwordKey()).valueOr(QString()), kPassword);
}

void TestMailSettings::savingNeedsSettingsManage()
{
    MailSettingsService service(m_db->database(), m_clock, *m_secretStore);
    const auto saved = service.save(viewer(), peerSettings(), kPassword);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().code, ErrorCode::PermissionDenied);
    QVERIFY(!m_secretStore->read(peerSettings().passwordKey()).ok());
    QCOMPARE(
        tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM app_settings WHERE key LIKE 'mail.%'")), 0);
}

void TestMailSettings::testMailReachesTheServer()
{
    MailSettingsService service(m_db->database(), m_clock, *m_secretStore);
    const MailSettings settings = peerSettings();
    QVERIFY(
        service
            .save(Actor::fileOwner(QStringLiteral("tester")), settings, qEnvironmentVariable("VSC_TEST_SMTP_PASSWORD"))
            .ok());
    const QDir maildir(qEnvironmentVariable("VSC_TEST_SMTP_MAILDIR") + QStringLiteral("/new"));
    const qsizetype before = maildir.entryList(QDir::Files).size();

    auto mail = service.prepareTestMail(Actor::fileOwner(QStringLiteral("tester")), settings,
                                        QStringLiteral("ada@example.com"), QString());
    QVERIFY2(mail.ok(), qPrintable(mail.ok() ? QString() : mail.error().toString()));
    const auto sent = services::email::SmtpSender::send(mail.value().options, mail.value().message);
    QVERIFY2(sent.ok(), qPrintable(sent.error().toString()));
    QCOMPARE(maildir.entryList(QDir::Files).size(), before + 1);
    QCOMPARE(
        tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'mail.test'")), 1);

    // A password typed in the dialog (not yet saved) is tried instead of the keychain's: a wrong one says so.
    auto typed = service.prepareTestMail(Actor::fileOwner(QStringLiteral("tester")), settings,
                                         QStringLiteral("ada@example.com"), QStringLiteral("wrong"));
    QVERIFY(typed.ok());
    const auto refused = services::email::SmtpSender::send(typed.value().options, typed.value().message);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().detail.contains(QStringLiteral("refused the user name or password")),
             qPrintable(refused.error().detail));
}

void TestMailSettings::testMailNeedsSettingsManage()
{
    MailSettingsService service(m_db->database(), m_clock, *m_secretStore);
    auto mail = service.prepareTestMail(viewer(), peerSettings(), QStringLiteral("ada@example.com"), kPassword);
    QVERIFY(!mail.ok());
    QCOMPARE(mail.error().code, ErrorCode::PermissionDenied);
}

QTEST_GUILESS_MAIN(TestMailSettings)
#include "tst_mailsettings.moc"
