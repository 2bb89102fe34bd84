// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/audit/auditservice.h"
#include "services/auth/local/localsignin.h"
#include "services/auth/secretstore.h"
#include "services/auth/session.h"
#include "services/clock.h"
#include "services/demo/demoseeder.h"
#include "services/dialer/campaigncontrol.h"
#include "services/dialer/campaignlease.h"
#include "services/storage/campaignrepository.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "services/telephony/simulatedcarrier.h"
#include "services/users/userservice.h"
#include "tests/support/callfixture.h"
#include "tests/support/consolefixture.h"
#include "tests/support/scripteddialogs.h"
#include "tests/support/testdatabase.h"
#include "ui/admin/adminpane.h"
#include "ui/admin/userdialog.h"
#include "ui/auth/signindialog.h"
#include "ui/campaigns/campaignspane.h"
#include "ui/dashboard/dashboardpane.h"
#include "ui/mainwindow.h"
#include "ui/models/campaigntablemodel.h"
#include "ui/models/livecallsmodel.h"
#include "ui/models/usertablemodel.h"
#include "ui/monitor/livemonitorpane.h"
#include "ui/widgets/kpitile.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

using namespace vsc;
using vsc::ui::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void opensEveryPaneWithData();
    void shortcutsSwitchPanes();
    void kpiTilesShowRealFigures();
    void rememberLastPane();
    void aboutDialogShowsVersion();
    void emptyDatabaseShowsHint();
    void lostConnectionShowsBanner();
    void startAndPauseDialingFromCampaignsPane();
    void userDataIsShownAsPlainText();
    void wrongPasswordStaysInTheDialog();
    void operatorSeesNoAdminAndIsDeniedByTheService();
    void adminAddsAUserAndAssignsARoleThenSeesBothInTheAudit();

private:
    // Fills in the sign-in dialog the window shows next and presses its button.
    void signInNext(tests::ScriptedDialogs &dialogs, const QString &username, const QString &password);

    services::SystemClock m_clock;
    std::unique_ptr<tests::ConsoleFixture> m_console;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VoiceSurveyTests"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0-test"));
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_console = std::make_unique<tests::ConsoleFixture>(m_clock);
    QVERIFY2(m_console->isValid(), qPrintable(m_console->errorString()));
}

void TestMainWindow::cleanup()
{
    m_console.reset();
}

void TestMainWindow::opensEveryPaneWithData()
{
    QVERIFY(services::demo::DemoSeeder(m_console->database(), services::SystemClock()).seed().ok());
    MainWindow window(m_console->services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (int i = 0; i < MainWindow::PaneCount; ++i) {
        window.showPane(i);
        QCOMPARE(window.currentPane(), i);
        QVERIFY(window.pane(i)->isVisible());
        QVERIFY(!window.pane(i)->findChild<QLabel *>(QStringLiteral("errorBannerLabel"))->isVisible());
    }
    auto *campaigns = qobject_cast<ui::CampaignsPane *>(window.pane(MainWindow::CampaignsPaneIndex));
    QCOMPARE(campaigns->model()->rowCount(), 2);
    // The selected campaign's dialing rules are spelled out under the table.
    window.showPane(MainWindow::CampaignsPaneIndex);
    const QString rules = campaigns->findChild<QLabel *>(QStringLiteral("dialRulesLabel"))->text();
    QVERIFY2(rules.startsWith(QStringLiteral("Calls ")), qPrintable(rules));
    QVERIFY2(rules.contains(QStringLiteral("at most 3 attempt")), qPrintable(rules));
    auto *live = qobject_cast<ui::LiveMonitorPane *>(window.pane(MainWindow::LiveMonitorPaneIndex));
    QVERIFY(live->model()->rowCount() > 0);
    QVERIFY(live->findChild<QLabel *>(QStringLiteral("liveSummaryLabel"))
                ->text()
                .contains(QStringLiteral("No campaign is being dialed.")));
    auto *admin = qobject_cast<ui::AdminPane *>(window.pane(MainWindow::AdminPaneIndex));
    QCOMPARE(admin->model()->rowCount(), 5);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("backendLabel"))
                ->text()
                .contains(m_console->testDatabase().isPostgres() ? QStringLiteral("PostgreSQL")
                                                                 : QStringLiteral("SQLite")));
    QVERIFY(
        window.findChild<QLabel *>(QStringLiteral("connectionLabel"))->text().contains(QStringLiteral("Connected")));
}

void TestMainWindow::shortcutsSwitchPanes()
{
    MainWindow window(m_console->services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const Qt::Key keys[] = {Qt::Key_3, Qt::Key_2, Qt::Key_4, Qt::Key_1};
    const int expected[] = {2, 1, 3, 0};
    for (int i = 0; i < 4; ++i) {
        QTest::keyClick(&window, keys[i], Qt::ControlModifier);
        QTRY_COMPARE(window.currentPane(), expected[i]);
        QCOMPARE(window.findChild<QListWidget *>(QStringLiteral("navigationList"))->currentRow(), expected[i]);
    }
}

void TestMainWindow::kpiTilesShowRealFigures()
{
    auto seeded = services::demo::DemoSeeder(m_console->database(), services::SystemClock()).seed();
    QVERIFY(seeded.ok());
    MainWindow window(m_console->services());
    window.showPane(MainWindow::DashboardPaneIndex);
    window.pane(MainWindow::DashboardPaneIndex)->refresh();
    auto *attempts = window.findChild<ui::KpiTile *>(QStringLiteral("attemptsTile"));
    QCOMPARE(attempts->value(), QLocale().toString(seeded.value().attempts));
    auto *rate = window.findChild<ui::KpiTile *>(QStringLiteral("answerRateTile"));
    QVERIFY(!rate->value().startsWith(QStringLiteral("0")));
    auto *dashboard = qobject_cast<ui::DashboardPane *>(window.pane(MainWindow::DashboardPaneIndex));
    QCOMPARE(dashboard->report().dialed, qint64(seeded.value().attempts)); // all campaigns, last 7 days
    auto *completed = window.findChild<ui::KpiTile *>(QStringLiteral("completedTile"));
    QCOMPARE(completed->value(), QLocale().toString(dashboard->report().completed));
    QVERIFY(dashboard->report().completed > 0);
}

void TestMainWindow::rememberLastPane()
{
    {
        MainWindow window(m_console->services());
        window.show();
        window.showPane(MainWindow::AdminPaneIndex);
        window.close();
    }
    MainWindow reopened(m_console->services());
    QCOMPARE(reopened.currentPane(), int(MainWindow::AdminPaneIndex));
}

void TestMainWindow::aboutDialogShowsVersion()
{
    tests::ScriptedDialogs dialogs;
    MainWindow window(m_console->services(), &dialogs);
    window.show();
    QString text;
    dialogs.setOnExec([&](QDialog &dialog) {
        if (auto *label = dialog.findChild<QLabel *>(QStringLiteral("aboutTextLabel"))) {
            text = label->text();
        }
    });
    window.findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
    QCOMPARE(dialogs.asked, QStringList{QStringLiteral("aboutDialog")});
    QVERIFY(text.contains(QStringLiteral("0.1.0-test")));
}

void TestMainWindow::emptyDatabaseShowsHint()
{
    MainWindow window(m_console->services());
    window.show();
    window.showPane(MainWindow::CampaignsPaneIndex);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("campaignsEmptyLabel"))->isVisible());
}

void TestMainWindow::lostConnectionShowsBanner()
{
    MainWindow window(m_console->services());
    window.show();
    window.showPane(MainWindow::LiveMonitorPaneIndex);
    m_console->database().closeThreadConnection();
    // The next connection() reopens lazily, so make it fail: point a broken driver? Close and make the file vanish
    // is backend specific; instead use a closed handle directly.
    QSqlDatabase db = m_console->database().connection();
    db.close();
    window.refreshCurrentPane();
    auto *banner =
        window.pane(MainWindow::LiveMonitorPaneIndex)->findChild<QLabel *>(QStringLiteral("errorBannerLabel"));
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(QStringLiteral("cannot be reached")));
    QVERIFY(
        window.findChild<QLabel *>(QStringLiteral("connectionLabel"))->text().contains(QStringLiteral("Disconnected")));
    // Nobody reopens it by hand: the window tries a fresh connection until the database answers again.
    QSignalSpy reconnected(&window, &MainWindow::databaseReconnected);
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 15000);
    QCOMPARE(reconnected.count(), 1);
    QVERIFY(
        window.findChild<QLabel *>(QStringLiteral("connectionLabel"))->text().contains(QStringLiteral("Connected")));
}

void TestMainWindow::startAndPauseDialingFromCampaignsPane()
{
    auto fixture = tests::makeCallFixture(m_console->database());
    QVERIFY(fixture.ok());
    QVERIFY(
        services::storage::exec(m_console->database().connection(), QStringLiteral("DELETE FROM call_attempts")).ok());
    for (int i = 0; i < 6; ++i) {
        QVERIFY(
            tests::addAttempt(m_console->database(), fixture.value(), QStringLiteral("+1415555%1").arg(2000 + i)).ok());
    }
    QVERIFY(
        services::storage::exec(m_console->database().connection(), QStringLiteral("DELETE FROM call_attempts")).ok());
    services::telephony::CallFlow flow(m_console->database(), QUrl(QStringLiteral("http://127.0.0.1:8089")));
    services::telephony::SimulatedCarrierOptions carrierOptions;
    services::SystemClock clock;
    carrierOptions.timeScale = 1000;
    services::telephony::SimulatedCarrier carrier(flow, m_console->database(), clock, carrierOptions);
    services::dialer::DialerOptions options;
    options.timeScale = 1000;
    services::dialer::CampaignControl control(m_console->database(), clock, carrier, flow, options);
    ui::ConsoleServices dialing = m_console->services();
    dialing.control = &control;
    tests::ScriptedDialogs dialogs; // Start and Pause are confirmed
    MainWindow window(dialing, &dialogs);
    window.show();
    window.showPane(MainWindow::CampaignsPaneIndex);
    auto *pane = qobject_cast<ui::CampaignsPane *>(window.pane(MainWindow::CampaignsPaneIndex));
    pane->selectCampaign(fixture.value().campaignId);
    auto *start = window.findChild<QPushButton *>(QStringLiteral("startCampaignButton"));
    auto *pause = window.findChild<QPushButton *>(QStringLiteral("pauseCampaignButton"));
    QVERIFY(start->isVisible());
    QVERIFY(start->isEnabled());
    QVERIFY(!pause->isEnabled());
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("runStateLabel"))
                ->text()
                .contains(QStringLiteral("simulated carrier")));
    QSignalSpy finished(&control, &services::dialer::CampaignControl::runFinished);
    dialogs.setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(control.isRunning(fixture.value().campaignId));
    QVERIFY(pause->isEnabled());
    QVERIFY(!start->isEnabled());
    QVERIFY(finished.wait(60000));
    QTRY_VERIFY(start->isEnabled());
    QTRY_COMPARE(pane->model()->rowAt(0).campaign.status, CampaignStatus::Completed);
    QCOMPARE(pane->model()->rowAt(0).attempts, finished.at(0).at(1).value<services::dialer::DialerProgress>().placed);
    // Pause: a second run stops placing calls at once.
    QVERIFY(services::storage::exec(m_console->database().connection(),
                                    QStringLiteral("UPDATE contacts SET status = 'pending', attempts_count = 0"))
                .ok());
    dialogs.setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(start, Qt::LeftButton);
    dialogs.setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(!control.isRunning(fixture.value().campaignId));
    QCOMPARE(
        services::storage::CampaignRepository(m_console->database()).byId(fixture.value().campaignId).value().status,
        CampaignStatus::Paused);
    // Another console takes the campaign: this one names it and does not offer Start.
    services::dialer::CampaignLease other(m_console->database(), fixture.value().campaignId, QStringLiteral("x"),
                                          QStringLiteral("headless run on server-7 (pid 99)"));
    QVERIFY(other.tryAcquire().value());
    pane->refresh();
    QVERIFY(!start->isEnabled());
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("runStateLabel"))->text(),
             QStringLiteral("Being dialed by a headless dialer on server-7 (process 99)."));
}

// A campaign name, a description or a dialer's label is user data: shown as written, never rendered as markup (an
// <img> would load, a <a> would be a link).
void TestMainWindow::userDataIsShownAsPlainText()
{
    const QString markup = QStringLiteral("<b>x</b><img src=\"file:///etc/passwd\">");
    auto fixture = tests::makeCallFixture(m_console->database());
    QVERIFY(fixture.ok());
    QVERIFY(services::storage::exec(m_console->database().connection(),
                                    QStringLiteral("UPDATE campaigns SET name = ?, description = ? WHERE id = ?"),
                                    {markup, markup, fixture.value().campaignId})
                .ok());
    services::dialer::CampaignLease other(m_console->database(), fixture.value().campaignId, QStringLiteral("x"),
                                          QStringLiteral("<i>headless</i> run"));
    QVERIFY(other.tryAcquire().value());
    MainWindow window(m_console->services());
    window.show();
    for (int i = 0; i < MainWindow::PaneCount; ++i) {
        window.showPane(i);
        window.pane(i)->refresh();
    }
    auto *summary = window.findChild<QLabel *>(QStringLiteral("liveSummaryLabel"));
    QVERIFY2(summary->text().contains(QStringLiteral("Dialing: %1 by <i>headless</i> run").arg(markup)),
             qPrintable(summary->text()));
    QCOMPARE(summary->textFormat(), Qt::PlainText);
    // Every label that shows the name, whichever pane it is on.
    int showing = 0;
    for (QLabel *label : window.findChildren<QLabel *>()) {
        if (label->text().contains(QStringLiteral("<b>x</b>")) || label->text().contains(QStringLiteral("<i>"))) {
            ++showing;
            QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName()));
        }
    }
    QVERIFY(showing >= 1);
    // The description's tool tip is escaped, so it shows as written too.
    auto *campaigns = qobject_cast<ui::CampaignsPane *>(window.pane(MainWindow::CampaignsPaneIndex));
    const QString tip =
        campaigns->model()->index(0, ui::CampaignTableModel::NameColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("&lt;b&gt;x&lt;/b&gt;")), qPrintable(tip));
    QVERIFY(!tip.contains(QStringLiteral("<img")));
}

void TestMainWindow::signInNext(tests::ScriptedDialogs &dialogs, const QString &username, const QString &password)
{
    dialogs.setNextResult(QDialog::Accepted);
    dialogs.setOnExec([username, password](QDialog &dialog) {
        dialog.findChild<QLineEdit *>(QStringLiteral("usernameLineEdit"))->setText(username);
        dialog.findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"))->setText(password);
        dialog.findChild<QPushButton *>(QStringLiteral("localSignInButton"))->click();
    });
}

void TestMainWindow::wrongPasswordStaysInTheDialog()
{
    QVERIFY(services::demo::DemoSeeder(m_console->database(), m_clock).seed().ok());
    ui::SignInDialog dialog(m_console->services());
    dialog.findChild<QLineEdit *>(QStringLiteral("usernameLineEdit"))->setText(QStringLiteral("admin"));
    dialog.findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"))->setText(QStringLiteral("not-the-password"));
    dialog.signIn();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.actor().isSignedIn());
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("signInErrorLabel"));
    QVERIFY(!error->isHidden());
    QVERIFY2(error->text().contains(QStringLiteral("wrong username or password")), qPrintable(error->text()));
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"))->text().isEmpty());
}

void TestMainWindow::operatorSeesNoAdminAndIsDeniedByTheService()
{
    QVERIFY(services::demo::DemoSeeder(m_console->database(), m_clock).seed().ok());
    tests::ScriptedDialogs dialogs;
    MainWindow window(m_console->services(), &dialogs);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigationList"));
    QVERIFY(!navigation->item(MainWindow::AdminPaneIndex)->isHidden());
    auto *hangUp =
        window.pane(MainWindow::LiveMonitorPaneIndex)->findChild<QPushButton *>(QStringLiteral("hangUpButton"));
    QVERIFY(!hangUp->isHidden()); // the file owner may end calls

    signInNext(dialogs, QStringLiteral("olga.operator"),
               services::demo::DemoSeeder::demoPassword(QStringLiteral("olga.operator")));
    window.signOut();
    QCOMPARE(dialogs.asked.constLast(), QStringLiteral("signInDialog"));
    QCOMPARE(m_console->session().actor().name, QStringLiteral("olga.operator"));
    QVERIFY(window.isVisible());
    QVERIFY(navigation->item(MainWindow::AdminPaneIndex)->isHidden());
    QVERIFY(!navigation->item(MainWindow::CampaignsPaneIndex)->isHidden());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("adminAction"))->isEnabled());
    QVERIFY(window.currentPane() != MainWindow::AdminPaneIndex);
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("currentUserLabel"))->text(),
             QStringLiteral("Olga Operator · operator"));
    // Operators watch live calls but may not end them: no hang-up button at all.
    window.showPane(MainWindow::LiveMonitorPaneIndex);
    QVERIFY(window.pane(MainWindow::LiveMonitorPaneIndex)
                ->findChild<QPushButton *>(QStringLiteral("hangUpButton"))
                ->isHidden());

    // Hiding is only the mirror: the service refuses the operator whatever the window shows, and says so in the log.
    services::users::UserService users(m_console->database(), m_clock, m_console->hasher());
    QCOMPARE(users.users(m_console->session().actor()).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(users.setRoles(m_console->session().actor(), 1, {QStringLiteral("admin")}).error().code,
             ErrorCode::PermissionDenied);
    QCOMPARE(
        tests::count(m_console->database(),
                     QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied' AND actor_name = ?"),
                     {QStringLiteral("olga.operator")}),
        2);

    // Signing out and nobody signing in closes the window.
    window.signOut();
    QVERIFY(!window.isVisible());
    QVERIFY(!m_console->session().actor().isSignedIn());
}

void TestMainWindow::adminAddsAUserAndAssignsARoleThenSeesBothInTheAudit()
{
    QVERIFY(services::demo::DemoSeeder(m_console->database(), m_clock).seed().ok());
    tests::ScriptedDialogs dialogs;
    MainWindow window(m_console->services(), &dialogs);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    signInNext(dialogs, QStringLiteral("admin"), services::demo::DemoSeeder::demoPassword(QStringLiteral("admin")));
    window.signOut();
    QCOMPARE(m_console->session().actor().name, QStringLiteral("admin"));
    window.showPane(MainWindow::AdminPaneIndex);
    auto *admin = qobject_cast<ui::AdminPane *>(window.pane(MainWindow::AdminPaneIndex));
    const int before = admin->model()->rowCount();

    dialogs.setNextResult(QDialog::Accepted);
    dialogs.setOnExec([](QDialog &dialog) {
        dialog.findChild<QLineEdit *>(QStringLiteral("usernameLineEdit"))->setText(QStringLiteral("nina"));
        dialog.findChild<QLineEdit *>(QStringLiteral("displayNameLineEdit"))->setText(QStringLiteral("Nina New"));
        for (const char *field : {"passwordLineEdit", "repeatPasswordLineEdit"}) {
            dialog.findChild<QLineEdit *>(QString::fromLatin1(field))->setText(QStringLiteral("first-day-secret-77"));
        }
        dialog.findChild<QCheckBox *>(QStringLiteral("role_viewer"))->setChecked(true);
        dialog.findChild<QPushButton *>(QStringLiteral("userDialogOkButton"))->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    });
    admin->addUser();
    QCOMPARE(dialogs.asked.constLast(), QStringLiteral("userDialog"));
    QCOMPARE(admin->model()->rowCount(), before + 1);

    // Select nina and give her the supervisor role as well.
    auto *table = admin->findChild<QTableView *>(QStringLiteral("usersTableView"));
    for (int row = 0; row < admin->model()->rowCount(); ++row) {
        if (admin->model()->index(row, 0).data().toString() == QLatin1String("nina")) {
            table->selectRow(row);
        }
    }
    dialogs.setNextResult(QDialog::Accepted);
    dialogs.setOnExec(
        [](QDialog &dialog) { dialog.findChild<QCheckBox *>(QStringLiteral("check_supervisor"))->setChecked(true); });
    admin->editSelectedUserRoles();

    auto *tabs = admin->findChild<QTabWidget *>(QStringLiteral("adminTabs"));
    tabs->setCurrentIndex(2);
    admin->refresh();
    auto *audit = admin->findChild<QTableWidget *>(QStringLiteral("auditTableWidget"));
    QStringList actions;
    for (int row = 0; row < audit->rowCount(); ++row) {
        if (audit->item(row, 1)->text() == QLatin1String("admin")) {
            actions << audit->item(row, 2)->text();
        }
    }
    QVERIFY2(actions.contains(QStringLiteral("user.create")), qPrintable(actions.join(u',')));
    QVERIFY2(actions.contains(QStringLiteral("user.roles")), qPrintable(actions.join(u',')));
    auto nina = services::users::UserService(m_console->database(), m_clock, m_console->hasher())
                    .users(m_console->session().actor());
    const auto found = std::find_if(nina.value().cbegin(), nina.value().cend(),
                                    [](const User &u) { return u.username == QLatin1String("nina"); });
    QVERIFY(found != nina.value().cend());
    QCOMPARE(found->roles, (QStringList{QStringLiteral("supervisor"), QStringLiteral("viewer")}));
    QVERIFY(found->mustChangePassword);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
