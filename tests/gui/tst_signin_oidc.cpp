// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/local/localsignin.h"
#include "services/auth/local/passwordhasher.h"
#include "services/auth/oidc/oidcsignin.h"
#include "services/auth/secretstore.h"
#include "services/auth/session.h"
#include "services/clock.h"
#include "services/settings/settingsservice.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "tests/support/scripteddialogs.h"
#include "tests/support/testdatabase.h"
#include "ui/auth/signindialog.h"
#include "ui/mainwindow.h"
#include "ui/settings/identityproviderdialog.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vsc;
using vsc::ui::MainWindow;

// The window's sign-in through the organisation's identity provider (the test provider of scripts/test.sh), with
// tests/peers/oidc-browser.sh standing in for the system browser.
class TestSignInOidc : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void supervisorSignsInThroughTheProviderAndOut();
    void cancelWhileTheBrowserIsOpenReturnsToTheDialog();
    void settingsAreTestedAndSavedByWhoMay();
    void theSystemBrowserCompletesTheSignIn();

private:
    // The browser stand-in for `user`, started for each URL the dialog opens.
    std::function<void(const QUrl &)> browserFor(const QString &user);

    QString m_issuer;
    QTemporaryDir m_home;
    std::unique_ptr<QProcess> m_browser;
    QList<QUrl> m_opened;
    std::unique_ptr<tests::TestDatabase> m_db;
    services::SystemClock m_clock;
    services::auth::PasswordHasher m_hasher{services::auth::PasswordHasher::Cost::Minimum};
    services::auth::MemorySecretStore m_secrets;
    QNetworkAccessManager m_network;
    std::unique_ptr<services::auth::Session> m_session;
    std::unique_ptr<services::auth::LocalSignIn> m_signIn;
    std::unique_ptr<ui::ConsoleServices> m_services;
};

void TestSignInOidc::initTestCase()
{
    m_issuer = qEnvironmentVariable("VSC_TEST_OIDC_ISSUER");
    if (m_issuer.isEmpty()) {
        QSKIP("VSC_TEST_OIDC_ISSUER is not set (scripts/test.sh starts the identity providers)");
    }
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VoiceSurveyTests"));
}

void TestSignInOidc::init()
{
    QSettings().clear();
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    QVERIFY(services::storage::Migrator(m_db->database()).migrate().ok());
    m_session = std::make_unique<services::auth::Session>();
    m_signIn = std::make_unique<services::auth::LocalSignIn>(m_db->database(), m_clock, m_hasher);
    m_services = std::make_unique<ui::ConsoleServices>(ui::ConsoleServices{
        m_db->database(), m_clock, *m_session, m_hasher, *m_signIn, m_secrets, &m_network, nullptr});
    // What an admin enters in the identity provider settings.
    const QMap<QString, QString> settings{
        {QStringLiteral("oidc.issuer"), m_issuer},
        {QStringLiteral("oidc.client_id"), QStringLiteral("survey-desktop")},
        {QStringLiteral("oidc.scopes"), QStringLiteral("openid profile email roles offline_access")},
        {QStringLiteral("oidc.role_map"),
         QStringLiteral(R"({"survey-operator":"operator","survey-supervisor":"supervisor","admin":"admin"})")},
    };
    QVERIFY(services::settings::SettingsService(m_db->database(), m_clock)
                .set(Actor::fileOwner(QStringLiteral("dba")), settings)
                .ok());
}

void TestSignInOidc::cleanup()
{
    if (m_browser && m_browser->state() != QProcess::NotRunning) {
        QSignalSpy exited(m_browser.get(), &QProcess::finished);
        exited.wait(10000);
    }
    m_browser.reset();
    m_services.reset();
    m_signIn.reset();
    m_session.reset();
    m_db.reset();
}

std::function<void(const QUrl &)> TestSignInOidc::browserFor(const QString &user)
{
    return [this, user](const QUrl &url) {
        m_opened.append(url);
        m_browser = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VSC_TEST_OIDC_USER"), user);
        env.insert(QStringLiteral("VSC_TEST_OIDC_COOKIE_JAR"), m_home.filePath(QStringLiteral("cookies-") + user));
        m_browser->setProcessEnvironment(env);
        m_browser->start(QStringLiteral(QT_TESTCASE_SOURCEDIR "/peers/oidc-browser.sh"),
                         {url.toString(QUrl::FullyEncoded)});
    };
}

void TestSignInOidc::supervisorSignsInThroughTheProviderAndOut()
{
    tests::ScriptedDialogs dialogs;
    MainWindow window(*m_services, &dialogs);
    dialogs.setNextResult(QDialog::Accepted);
    dialogs.setOnExec([this](QDialog &dialog) {
        auto &signIn = static_cast<ui::SignInDialog &>(dialog);
        auto *organisation = signIn.findChild<QPushButton *>(QStringLiteral("organisationSignInButton"));
        QVERIFY(!organisation->isHidden());
        QVERIFY(organisation->text().contains(QStringLiteral("127.0.0.1")));
        signIn.setBrowser(browserFor(QStringLiteral("sam")));
        organisation->click();
        QVERIFY(!signIn.findChild<QLabel *>(QStringLiteral("signInWaitingLabel"))->isHidden());
        QVERIFY(QTest::qWaitFor([&signIn] { return signIn.result() == QDialog::Accepted; }, 30000));
    });
    QVERIFY(window.askToSignIn());
    QCOMPARE(m_session->actor().roles, QStringList{QStringLiteral("supervisor")});
    QCOMPARE(m_session->method(), services::auth::SignInMethod::Oidc);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigationList"));
    QVERIFY(navigation->item(MainWindow::AdminPaneIndex)->isHidden());
    QVERIFY(!navigation->item(MainWindow::LiveMonitorPaneIndex)->isHidden());
    QVERIFY(
        window.findChild<QLabel *>(QStringLiteral("currentUserLabel"))->text().contains(QStringLiteral("supervisor")));
    // Organisation accounts have no console password to change.
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("changePasswordAction"))->isEnabled());
    QCOMPARE(
        tests::count(m_db->database(),
                     QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.signin' AND details LIKE ?"),
                     {QStringLiteral("%oidc%")}),
        1);

    // Signing out: nobody signs in next, so the window closes; the refresh token is gone from the store.
    window.signOut();
    QVERIFY(!window.isVisible());
    QVERIFY(!m_session->actor().isSignedIn());
    QCOMPARE(
        tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.signout'")),
        1);
}

void TestSignInOidc::cancelWhileTheBrowserIsOpenReturnsToTheDialog()
{
    ui::SignInDialog dialog(*m_services);
    QList<QUrl> opened;
    dialog.setBrowser([&opened](const QUrl &url) { opened.append(url); }); // a browser nobody uses
    dialog.show();
    dialog.findChild<QPushButton *>(QStringLiteral("organisationSignInButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 15000);
    auto *waiting = dialog.findChild<QLabel *>(QStringLiteral("signInWaitingLabel"));
    QVERIFY(!waiting->isHidden());
    dialog.reject(); // Cancel: stops waiting, the dialog stays
    QVERIFY(waiting->isHidden());
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("organisationSignInButton"))->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("signInErrorLabel"))->isHidden());
    dialog.reject(); // a second Cancel closes it
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.actor().isSignedIn());
}

void TestSignInOidc::settingsAreTestedAndSavedByWhoMay()
{
    ui::IdentityProviderDialog dialog(*m_services, Actor::fileOwner(QStringLiteral("admin")));
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("issuerLineEdit"))->text(), m_issuer);
    auto *result = dialog.findChild<QLabel *>(QStringLiteral("discoveryResultLabel"));
    dialog.testDiscovery();
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("Found:")), 15000);
    QVERIFY2(result->text().contains(QStringLiteral("sign-out")), qPrintable(result->text()));
    dialog.findChild<QLineEdit *>(QStringLiteral("issuerLineEdit"))->setText(m_issuer + QStringLiteral("/nowhere"));
    dialog.testDiscovery();
    QTRY_VERIFY_WITH_TIMEOUT(!result->text().startsWith(QStringLiteral("Asking")), 15000);
    QVERIFY(!result->text().startsWith(QStringLiteral("Found:")));

    dialog.findChild<QLineEdit *>(QStringLiteral("issuerLineEdit"))->setText(m_issuer);
    dialog.findChild<QPlainTextEdit *>(QStringLiteral("roleMapEdit"))->setPlainText(QStringLiteral("staff = operator"));
    dialog.findChild<QLineEdit *>(QStringLiteral("defaultRoleLineEdit"))->setText(QStringLiteral("viewer"));
    dialog.save();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    auto stored = services::settings::SettingsService(m_db->database(), m_clock).values(QStringLiteral("oidc."));
    QCOMPARE(stored.value().value(QStringLiteral("oidc.default_role")), QStringLiteral("viewer"));
    QCOMPARE(stored.value().value(QStringLiteral("oidc.role_map")), QStringLiteral(R"({"staff":"operator"})"));

    // Someone without settings.manage gets the refusal in the dialog, and nothing changes.
    Actor viewer;
    viewer.kind = ActorKind::User;
    viewer.name = QStringLiteral("vic");
    viewer.permissions = {Permission::ResultsView};
    ui::IdentityProviderDialog refused(*m_services, viewer);
    refused.findChild<QLineEdit *>(QStringLiteral("defaultRoleLineEdit"))->setText(QStringLiteral("admin"));
    refused.save();
    QVERIFY(refused.result() != QDialog::Accepted);
    QVERIFY2(refused.findChild<QLabel *>(QStringLiteral("discoveryResultLabel"))
                 ->text()
                 .contains(QStringLiteral("permission")),
             qPrintable(refused.findChild<QLabel *>(QStringLiteral("discoveryResultLabel"))->text()));
    stored = services::settings::SettingsService(m_db->database(), m_clock).values(QStringLiteral("oidc."));
    QCOMPARE(stored.value().value(QStringLiteral("oidc.default_role")), QStringLiteral("viewer"));
}

// The dialog's own browser: QDesktopServices, which (without xdg-open) starts $BROWSER. Needs a real platform
// plugin (offscreen has no desktop services): tests/identity_oidc.cmake runs it under xvfb-run with xcb and
// BROWSER=tests/peers/oidc-browser.sh.
void TestSignInOidc::theSystemBrowserCompletesTheSignIn()
{
    if (qEnvironmentVariable("VSC_TEST_SYSTEM_BROWSER") != QLatin1String("1")) {
        QSKIP("runs under xvfb-run with BROWSER set (tst_signin_oidc_system_browser)");
    }
    QVERIFY(!qEnvironmentVariable("BROWSER").isEmpty());
    ui::SignInDialog dialog(*m_services);
    dialog.show();
    dialog.findChild<QPushButton *>(QStringLiteral("organisationSignInButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 60000);
    QCOMPARE(dialog.actor().roles, QStringList{QStringLiteral("supervisor")}); // VSC_TEST_OIDC_USER=sam
    QVERIFY(dialog.takeOrganisationSession() != nullptr);
}

QTEST_MAIN(TestSignInOidc)
#include "tst_signin_oidc.moc"
