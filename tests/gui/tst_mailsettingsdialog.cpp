// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → E-mail as an admin uses it: each field says what is wrong while it is typed and Save waits until
// nothing is; "Send test mail" reaches the real SMTP server scripts/test.sh starts (tests/peers/smtp-peer.py) off the
// GUI thread, and a wrong password says the server refused it; saving puts the password in the keychain only, never
// in QSettings or app_settings. A viewer cannot open the settings.
#include "services/auth/local/localsignin.h"
#include "services/auth/local/passwordhasher.h"
#include "services/auth/secretstore.h"
#include "services/auth/session.h"
#include "services/clock.h"
#include "services/settings/mailsettings.h"
#include "services/storage/migrator.h"
#include "tests/support/consolefixture.h"
#include "tests/support/scripteddialogs.h"
#include "tests/support/testdatabase.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace vsc;

namespace {

void typeInto(QWidget *dialog, const char *name, const QString &text)
{
    auto *edit = dialog->findChild<QLineEdit *>(QString::fromLatin1(name));
    QVERIFY2(edit != nullptr, name);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    static const QRegularExpression ascii(QStringLiteral("^[\\x20-\\x7e]*$"));
    if (ascii.match(text).hasMatch()) {
        QTest::keyClicks(edit, text);
    } else {
        edit->insert(text); // QTest types ASCII only; the peer's password has an umlaut (as pasted)
    }
}

int deliveredCount()
{
    return int(
        QDir(qEnvironmentVariable("VSC_TEST_SMTP_MAILDIR") + QStringLiteral("/new")).entryList(QDir::Files).size());
}

} // namespace

class TestMailSettingsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void adminTestsAndSavesMailSettings();
    void viewerCannotOpenTheSettings();

private:
    services::SystemClock m_clock;
    QNetworkAccessManager m_network;
    std::unique_ptr<tests::ConsoleFixture> m_console;
};

void TestMailSettingsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VoiceSurveyTests"));
    QVERIFY2(!qEnvironmentVariableIsEmpty("VSC_TEST_SMTP_HOST"),
             "VSC_TEST_SMTP_HOST is not set: run scripts/test.sh, or tests/peers/start-smtp.sh");
}

void TestMailSettingsDialog::init()
{
    QSettings().clear();
    m_console = std::make_unique<tests::ConsoleFixture>(m_clock, &m_network);
    QVERIFY2(m_console->isValid(), qPrintable(m_console->errorString()));
}

void TestMailSettingsDialog::cleanup()
{
    m_console.reset();
}

void TestMailSettingsDialog::adminTestsAndSavesMailSettings()
{
    const QString password = qEnvironmentVariable("VSC_TEST_SMTP_PASSWORD");
    tests::ScriptedDialogs dialogs;
    ui::MainWindow window(m_console->services(), &dialogs);
    auto *action = window.findChild<QAction *>(QStringLiteral("mailSettingsAction"));
    QVERIFY(action != nullptr);
    QVERIFY(action->isEnabled());
    bool inspected = false;
    dialogs.setOnExec([&](QDialog &dialog) {
        inspected = true;
        QCOMPARE(dialog.objectName(), QStringLiteral("mailSettingsDialog"));
        dialog.show();
        auto *save = dialog.findChild<QPushButton *>(QStringLiteral("saveMailSettingsButton"));
        auto *test = dialog.findChild<QPushButton *>(QStringLiteral("sendTestMailButton"));
        auto *hostProblem = dialog.findChild<QLabel *>(QStringLiteral("hostProblem"));
        auto *result = dialog.findChild<QLabel *>(QStringLiteral("mailResultLabel"));
        // Nothing set up: the host is missing, nothing can be saved or tested.
        QVERIFY(hostProblem->isVisible());
        QVERIFY(!save->isEnabled());
        QVERIFY(!test->isEnabled());

        typeInto(&dialog, "mailHostLineEdit", qEnvironmentVariable("VSC_TEST_SMTP_HOST"));
        QVERIFY(!hostProblem->isVisible());
        auto *security = dialog.findChild<QComboBox *>(QStringLiteral("mailSecurityComboBox"));
        security->setCurrentIndex(security->findData(int(services::email::MailSecurity::Tls)));
        QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("mailPortSpinBox"))->value(), 465); // followed
        dialog.findChild<QSpinBox *>(QStringLiteral("mailPortSpinBox"))
            ->setValue(qEnvironmentVariable("VSC_TEST_SMTP_TLS_PORT").toInt());
        typeInto(&dialog, "mailUsernameLineEdit", qEnvironmentVariable("VSC_TEST_SMTP_USER"));
        typeInto(&dialog, "mailFromLineEdit", QStringLiteral("surveys"));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("fromAddressProblem"))->isVisible());
        typeInto(&dialog, "mailFromLineEdit", QStringLiteral("surveys@example.com"));
        typeInto(&dialog, "mailCaFileLineEdit", qEnvironmentVariable("VSC_TEST_SMTP_CA_FILE"));
        typeInto(&dialog, "mailTestToLineEdit", QStringLiteral("ada@example.com"));
        QVERIFY(save->isEnabled());
        QVERIFY(test->isEnabled());

        // A wrong password: the server's refusal, as a sentence.
        typeInto(&dialog, "mailPasswordLineEdit", QStringLiteral("wrong-password"));
        QTest::mouseClick(test, Qt::LeftButton);
        QVERIFY(!test->isEnabled()); // sending, off the GUI thread
        QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 60000);
        QVERIFY2(result->text().contains(QStringLiteral("refused the user name or password")),
                 qPrintable(result->text()));

        const int before = deliveredCount();
        typeInto(&dialog, "mailPasswordLineEdit", password);
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 60000);
        QVERIFY2(result->text().contains(QStringLiteral("accepted the test mail")), qPrintable(result->text()));
        QCOMPARE(deliveredCount(), before + 1);

        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    });
    dialogs.setNextResult(QDialog::Accepted);
    action->trigger();
    QVERIFY(inspected);

    services::settings::MailSettingsService service(m_console->database(), m_clock, m_console->secrets());
    const auto stored = service.load();
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().security, services::email::MailSecurity::Tls);
    QCOMPARE(stored.value().fromAddress, QStringLiteral("surveys@example.com"));
    QCOMPARE(m_console->secrets().read(stored.value().passwordKey()).valueOr(QString()), password);
    // Nowhere else: not app_settings, not QSettings (nor any file under the config directory).
    QCOMPARE(tests::count(m_console->database(), QStringLiteral("SELECT COUNT(*) FROM app_settings WHERE value LIKE ?"),
                          {QVariant(QStringLiteral("%") + password + QStringLiteral("%"))}),
             0);
    QSettings().sync();
    for (const QString &key : QSettings().allKeys()) {
        QVERIFY2(!QSettings().value(key).toString().contains(password), qPrintable(key));
    }
    QDirIterator files(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                       QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(password.toUtf8()), qPrintable(file.fileName()));
    }

    // Opened again: the password is not shown, only that the keychain has one.
    dialogs.setOnExec([](QDialog &dialog) {
        auto *field = dialog.findChild<QLineEdit *>(QStringLiteral("mailPasswordLineEdit"));
        QVERIFY(field->text().isEmpty());
        QVERIFY2(field->placeholderText().contains(QStringLiteral("stored in the keychain")),
                 qPrintable(field->placeholderText()));
    });
    action->trigger();
}

void TestMailSettingsDialog::viewerCannotOpenTheSettings()
{
    Actor viewer;
    viewer.kind = ActorKind::User;
    viewer.name = QStringLiteral("vic");
    viewer.permissions = PermissionSet{Permission::ResultsView};
    m_console->session().begin(viewer, services::auth::SignInMethod::Local);
    tests::ScriptedDialogs dialogs;
    ui::MainWindow window(m_console->services(), &dialogs);
    window.applyActor(viewer);
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("mailSettingsAction"))->isEnabled());
}

QTEST_MAIN(TestMailSettingsDialog)
#include "tst_mailsettingsdialog.moc"
