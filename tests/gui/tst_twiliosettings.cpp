// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → Twilio as an admin uses it: each field says what is wrong while it is typed and Save waits until
// nothing is; "Test connection" asks Twilio (Prism serving the official OpenAPI spec) for the account and the
// numbers calls may come from; saving puts the token in the keychain only and offers to restart the console, which
// then dials with the new settings. A viewer cannot open the settings at all.
#include "services/auth/local/localsignin.h"
#include "services/auth/local/passwordhasher.h"
#include "services/auth/secretstore.h"
#include "services/auth/session.h"
#include "services/clock.h"
#include "services/settings/twiliosettings.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "tests/support/consolefixture.h"
#include "tests/support/scripteddialogs.h"
#include "tests/support/testdatabase.h"
#include "ui/mainwindow.h"
#include "ui/settings/twiliosettingsdialog.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace vsc;

namespace {
const QString kAccount = QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

void typeInto(QWidget *dialog, const char *name, const QString &text)
{
    auto *edit = dialog->findChild<QLineEdit *>(QString::fromLatin1(name));
    QVERIFY2(edit != nullptr, name);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}
} // namespace

class TestTwilioSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void adminConfiguresTestsAndSavesTwilio();
    void viewerCannotOpenTheSettings();

private:
    services::SystemClock m_clock;
    QNetworkAccessManager m_network;
    std::unique_ptr<tests::ConsoleFixture> m_console;
    QString m_mockUrl;
};

void TestTwilioSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VoiceSurveyTests"));
    m_mockUrl = qEnvironmentVariable("VSC_TEST_TWILIO_MOCK_URL");
    QVERIFY2(!m_mockUrl.isEmpty(), "VSC_TEST_TWILIO_MOCK_URL is not set: run scripts/test.sh");
}

void TestTwilioSettings::init()
{
    QSettings().clear();
    m_console = std::make_unique<tests::ConsoleFixture>(m_clock, &m_network);
    QVERIFY2(m_console->isValid(), qPrintable(m_console->errorString()));
}

void TestTwilioSettings::cleanup()
{
    m_console.reset();
}

void TestTwilioSettings::adminConfiguresTestsAndSavesTwilio()
{
    tests::ScriptedDialogs dialogs;
    ui::MainWindow window(m_console->services(), &dialogs);
    auto *action = window.findChild<QAction *>(QStringLiteral("twilioSettingsAction"));
    QVERIFY(action != nullptr);
    QVERIFY(action->isEnabled());
    bool inspected = false;
    dialogs.setOnExec([&](QDialog &dialog) {
        inspected = true;
        QCOMPARE(dialog.objectName(), QStringLiteral("twilioSettingsDialog"));
        dialog.show();
        auto *save = dialog.findChild<QPushButton *>(QStringLiteral("saveTwilioSettingsButton"));
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("accountSidProblem"));
        // Nothing typed: the simulated carrier is fine, nothing to complain about.
        QVERIFY(save->isEnabled());
        QVERIFY(!problem->isVisible());

        QTest::mouseClick(dialog.findChild<QCheckBox *>(QStringLiteral("twilioEnabledCheckBox")), Qt::LeftButton, {},
                          QPoint(4, 4));
        typeInto(&dialog, "accountSidLineEdit", QStringLiteral("AC12"));
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(QStringLiteral("32 hex digits")), qPrintable(problem->text()));
        QVERIFY(!save->isEnabled());
        typeInto(&dialog, "accountSidLineEdit", kAccount);
        QVERIFY(!problem->isVisible());
        typeInto(&dialog, "publicUrlLineEdit", QStringLiteral("http://surveys.example.com"));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("publicUrlProblem"))->isVisible());
        QVERIFY(!save->isEnabled());
        typeInto(&dialog, "publicUrlLineEdit", QStringLiteral("https://surveys.example.com"));
        typeInto(&dialog, "apiBaseUrlLineEdit", m_mockUrl);
        typeInto(&dialog, "authTokenLineEdit", QStringLiteral("gui-test-token"));
        QVERIFY(save->isEnabled());

        auto *result = dialog.findChild<QLabel *>(QStringLiteral("connectionResultLabel"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testConnectionButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("Connected")), 30000);
        QVERIFY2(result->text().contains(QStringLiteral("Full")), qPrintable(result->text()));
        auto *numbers = dialog.findChild<QListWidget *>(QStringLiteral("callerNumbersList"));
        QCOMPARE(numbers->count(), 2);
        QVERIFY(numbers->item(0)->text().startsWith(QStringLiteral("+18089255327")));

        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    });
    dialogs.setNextResult(QDialog::Accepted);
    dialogs.setNextAnswer(QMessageBox::No); // restart later
    action->trigger();
    QVERIFY(inspected);
    QVERIFY2(dialogs.asked.last().contains(QStringLiteral("Restart now?")), qPrintable(dialogs.asked.join(u'\n')));
    QVERIFY(!window.restartRequested());

    services::settings::TwilioSettingsService service(m_console->database(), m_clock, m_console->secrets());
    auto stored = service.load();
    QVERIFY(stored.ok());
    QVERIFY(stored.value().enabled);
    QCOMPARE(stored.value().accountSid, kAccount);
    QCOMPARE(stored.value().publicUrl, QUrl(QStringLiteral("https://surveys.example.com")));
    // The numbers the test found are kept, so a campaign's caller ID is checked against them.
    QCOMPARE(stored.value().callerNumbers,
             (QStringList{QStringLiteral("+18089255327"), QStringLiteral("+141586753096")}));
    QVERIFY(stored.value().callerIdProblem(QStringLiteral("+18089255327")).isEmpty());
    QVERIFY(stored.value().callerIdProblem(QStringLiteral("+15550001111")).contains(QStringLiteral("not one of")));
    QCOMPARE(m_console->secrets().read(services::telephony::TwilioCredentials::authTokenKey(kAccount)).value(),
             QStringLiteral("gui-test-token"));
    auto leaked = services::storage::scalar(m_console->database().connection(),
                                            QStringLiteral("SELECT COUNT(*) FROM app_settings WHERE value LIKE ?"),
                                            {QStringLiteral("%gui-test-token%")});
    QCOMPARE(leaked.value().toInt(), 0);

    // Opened again: the token is not shown, only that the keychain has one; Yes restarts.
    dialogs.setOnExec([](QDialog &dialog) {
        auto *token = dialog.findChild<QLineEdit *>(QStringLiteral("authTokenLineEdit"));
        QVERIFY(token->text().isEmpty());
        QVERIFY2(token->placeholderText().contains(QStringLiteral("stored in the keychain")),
                 qPrintable(token->placeholderText()));
        typeInto(&dialog, "listenLineEdit", QStringLiteral("127.0.0.1:8099"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveTwilioSettingsButton")), Qt::LeftButton);
    });
    dialogs.setNextResult(QDialog::Accepted);
    dialogs.setNextAnswer(QMessageBox::Yes);
    action->trigger();
    QVERIFY(window.restartRequested());
    QCOMPARE(service.load().value().listen, QStringLiteral("127.0.0.1:8099"));
}

void TestTwilioSettings::viewerCannotOpenTheSettings()
{
    Actor viewer;
    viewer.kind = ActorKind::User;
    viewer.name = QStringLiteral("vic");
    viewer.permissions = PermissionSet{Permission::ResultsView};
    m_console->session().begin(viewer, services::auth::SignInMethod::Local);
    tests::ScriptedDialogs dialogs;
    ui::MainWindow window(m_console->services(), &dialogs);
    window.applyActor(viewer);
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("twilioSettingsAction"))->isEnabled());
    // And the service refuses regardless of the window.
    services::settings::TwilioSettings settings;
    auto refused = services::settings::TwilioSettingsService(m_console->database(), m_clock, m_console->secrets())
                       .save(viewer, settings, {});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
}

QTEST_MAIN(TestTwilioSettings)
#include "tst_twiliosettings.moc"
