// SPDX-License-Identifier: GPL-3.0-or-later
// The Live Monitor driven like a supervisor and an operator would: a campaign dialed on the simulated carrier, rows
// that change with every turn, a hang-up that names who ended the call, and no hang-up for an operator.
#include "services/auth/actorresolver.h"
#include "services/auth/local/localsignin.h"
#include "services/auth/secretstore.h"
#include "services/auth/session.h"
#include "services/calls/callsupervision.h"
#include "services/clock.h"
#include "services/dialer/campaigncontrol.h"
#include "services/events/eventbus.h"
#include "services/storage/auditrepository.h"
#include "services/storage/callrepository.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "services/telephony/simulatedcarrier.h"
#include "services/users/userservice.h"
#include "tests/support/callfixture.h"
#include "tests/support/scripteddialogs.h"
#include "tests/support/testdatabase.h"
#include "ui/mainwindow.h"
#include "ui/models/livecallsmodel.h"
#include "ui/monitor/livemonitorpane.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace vsc;
using vsc::ui::LiveCallsModel;
using vsc::ui::MainWindow;

class TestLiveMonitor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void watchACampaignBeingDialed();
    void supervisorHangsUpAndIsNamed();
    void operatorCannotHangUp();

private:
    Actor actorWithRole(const QString &role);
    // A campaign of `contacts` pending contacts on the sample script; its id.
    qint64 campaignWithContacts(int contacts);
    // The window wired to the carrier's events as the application wires them (CallFlow → EventBus → window).
    void wire(services::telephony::CallFlow &flow, services::events::EventBus &bus, MainWindow &window);
    // The table row showing `attemptId`, through the view's sort and filter.
    static QModelIndex viewIndex(QTableView *table, qint64 attemptId, int column);

    std::unique_ptr<tests::TestDatabase> m_db;
    services::SystemClock m_clock;
    services::auth::PasswordHasher m_hasher{services::auth::PasswordHasher::Cost::Minimum};
    std::unique_ptr<services::auth::Session> m_session;
    std::unique_ptr<services::auth::LocalSignIn> m_signIn;
    services::auth::MemorySecretStore m_secrets;
    int m_serial = 0;
};

void TestLiveMonitor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VoiceSurveyTests"));
}

void TestLiveMonitor::init()
{
    QSettings().clear();
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    QVERIFY(services::storage::Migrator(m_db->database()).migrate().ok());
    m_session = std::make_unique<services::auth::Session>();
    m_signIn = std::make_unique<services::auth::LocalSignIn>(m_db->database(), m_clock, m_hasher);
}

void TestLiveMonitor::cleanup()
{
    m_signIn.reset();
    m_session.reset();
    m_db.reset();
}

Actor TestLiveMonitor::actorWithRole(const QString &role)
{
    services::users::UserService service(m_db->database(), m_clock, m_hasher);
    services::users::NewLocalUser user;
    user.username = QStringLiteral("%1-%2").arg(role).arg(++m_serial);
    user.displayName = QStringLiteral("Test %1").arg(role);
    user.roles = {role};
    user.password = QStringLiteral("a-long-test-passphrase-%1").arg(m_serial);
    auto id = service.createLocal(Actor::fileOwner(QStringLiteral("dba")), user);
    if (!id) {
        return Actor::nobody();
    }
    return services::auth::ActorResolver(m_db->database()).forUser(id.value()).valueOr(Actor::nobody());
}

qint64 TestLiveMonitor::campaignWithContacts(int contacts)
{
    auto fixture = tests::makeCallFixture(m_db->database());
    if (!fixture) {
        return 0;
    }
    for (int i = 1; i < contacts; ++i) {
        if (!tests::addAttempt(m_db->database(), fixture.value(), QStringLiteral("+1415555%1").arg(3000 + i))) {
            return 0;
        }
    }
    // Pending contacts, no attempts: the dialer claims them.
    if (!services::storage::exec(m_db->database().connection(), QStringLiteral("DELETE FROM call_attempts")) ||
        !services::storage::exec(m_db->database().connection(),
                                 QStringLiteral("UPDATE contacts SET status = 'pending', attempts_count = 0"))) {
        return 0;
    }
    return fixture.value().campaignId;
}

void TestLiveMonitor::wire(services::telephony::CallFlow &flow, services::events::EventBus &bus, MainWindow &window)
{
    connect(&flow, &services::telephony::CallFlow::callStatusesChanged, &bus,
            &services::events::EventBus::publishCallStatuses);
    connect(&flow, &services::telephony::CallFlow::turnStored, &bus, &services::events::EventBus::publishCallTurn);
    connect(&bus, &services::events::EventBus::callStatusChanged, &window, &MainWindow::onCallStatus);
    connect(&bus, &services::events::EventBus::callTurn, &window, &MainWindow::onCallTurn);
}

QModelIndex TestLiveMonitor::viewIndex(QTableView *table, qint64 attemptId, int column)
{
    QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(Qt::UserRole).toLongLong() == attemptId) {
            return model->index(row, column);
        }
    }
    return {};
}

void TestLiveMonitor::watchACampaignBeingDialed()
{
    const qint64 campaignId = campaignWithContacts(6);
    QVERIFY(campaignId > 0);
    const Actor supervisor = actorWithRole(QStringLiteral("supervisor"));
    QVERIFY(supervisor.has(Permission::CallsMonitor));
    m_session->begin(supervisor, services::auth::SignInMethod::Local);
    services::telephony::CallFlow flow(m_db->database(), QUrl(QStringLiteral("http://127.0.0.1:8089")));
    services::telephony::SimulatedCarrierOptions carrierOptions;
    carrierOptions.timeScale = 50;
    carrierOptions.busy = carrierOptions.noAnswer = carrierOptions.failed = carrierOptions.machine = 0;
    carrierOptions.respondent.hangUp = carrierOptions.respondent.optOut = carrierOptions.respondent.silence = 0;
    services::telephony::SimulatedCarrier carrier(flow, m_db->database(), m_clock, carrierOptions);
    services::dialer::DialerOptions options;
    options.timeScale = 50;
    services::dialer::CampaignControl control(m_db->database(), m_clock, carrier, flow, options);
    services::events::EventBus bus(m_db->database());
    ui::ConsoleServices services{m_db->database(), m_clock,   *m_session, m_hasher,
                                 *m_signIn,        m_secrets, nullptr,    &control};
    tests::ScriptedDialogs dialogs;
    MainWindow window(services, &dialogs);
    wire(flow, bus, window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPane(MainWindow::LiveMonitorPaneIndex);
    auto *pane = qobject_cast<ui::LiveMonitorPane *>(window.pane(MainWindow::LiveMonitorPaneIndex));
    auto *table = pane->findChild<QTableView *>(QStringLiteral("liveCallsTableView"));
    QVERIFY(table);
    // What the table shows in the Question column, call by call, each time it changes.
    QHash<qint64, QStringList> questionsSeen;
    connect(table->model(), &QAbstractItemModel::dataChanged, this,
            [&](const QModelIndex &from, const QModelIndex &to) {
                for (int row = from.row(); row <= to.row(); ++row) {
                    const QModelIndex cell = table->model()->index(row, LiveCallsModel::QuestionColumn);
                    const qint64 attempt = cell.data(Qt::UserRole).toLongLong();
                    const QString shown = cell.data().toString();
                    QStringList &seen = questionsSeen[attempt];
                    if (!shown.isEmpty() && (seen.isEmpty() || seen.constLast() != shown)) {
                        seen.append(shown);
                    }
                }
            });
    QSignalSpy finished(&control, &services::dialer::CampaignControl::runFinished);
    QVERIFY(control.start(supervisor, campaignId).ok());
    // A call's question changes on screen as the respondent answers: the first question, then the next.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(questionsSeen.cbegin(), questionsSeen.cend(),
                                         [](const QStringList &seen) {
                                             return seen.size() >= 2 &&
                                                    seen.at(0).startsWith(QStringLiteral("resolved · ")) &&
                                                    seen.at(1).startsWith(QStringLiteral("nps · "));
                                         }),
                             60000);
    QVERIFY(finished.wait(120000));
    // Every call stays on the monitor as ended, with its answers and its duration in the simulated call's time.
    QTRY_COMPARE(pane->model()->rowCount(), 6);
    for (const LiveCall &call : pane->model()->rows()) {
        QCOMPARE(call.status, CallStatus::Completed);
        const QModelIndex duration = viewIndex(table, call.attemptId, LiveCallsModel::DurationColumn);
        QVERIFY2(duration.data().toString() != QStringLiteral("0:00"), qPrintable(duration.data().toString()));
        QVERIFY(!viewIndex(table, call.attemptId, LiveCallsModel::LastAnswerColumn).data().toString().isEmpty());
        QCOMPARE(viewIndex(table, call.attemptId, LiveCallsModel::ProviderColumn).data().toString(),
                 QStringLiteral("Simulated"));
        QCOMPARE(viewIndex(table, call.attemptId, LiveCallsModel::AnsweredByColumn).data().toString(),
                 QStringLiteral("Person"));
        QCOMPARE(call.timeScale, 50.0);
    }
    // Filters: none is on the line any more; search finds a call by its number.
    auto *status = pane->findChild<QComboBox *>(QStringLiteral("liveStatusFilter"));
    status->setCurrentIndex(status->findText(QStringLiteral("On the line")));
    QCOMPARE(table->model()->rowCount(), 0);
    status->setCurrentIndex(0);
    QTest::keyClicks(pane->findChild<QLineEdit *>(QStringLiteral("liveSearchEdit")), QStringLiteral("3002"));
    QCOMPARE(table->model()->rowCount(), 1);
    QTRY_VERIFY(
        pane->findChild<QLabel *>(QStringLiteral("liveCountersLabel"))->text().contains(QStringLiteral("Completed 6")));
}

void TestLiveMonitor::supervisorHangsUpAndIsNamed()
{
    const qint64 campaignId = campaignWithContacts(1);
    QVERIFY(campaignId > 0);
    const Actor supervisor = actorWithRole(QStringLiteral("supervisor"));
    QVERIFY(supervisor.has(Permission::CallsHangup));
    m_session->begin(supervisor, services::auth::SignInMethod::Local);
    services::telephony::CallFlow flow(m_db->database(), QUrl(QStringLiteral("http://127.0.0.1:8089")));
    services::telephony::SimulatedCarrierOptions carrierOptions;
    carrierOptions.timeScale = 10;
    carrierOptions.busy = carrierOptions.noAnswer = carrierOptions.failed = carrierOptions.machine = 0;
    carrierOptions.respondent.hangUp = carrierOptions.respondent.optOut = 0;
    carrierOptions.secondsPerPrompt = 100000; // the respondent thinks for a day: the call stays until it is ended
    services::telephony::SimulatedCarrier carrier(flow, m_db->database(), m_clock, carrierOptions);
    services::dialer::CampaignControl control(m_db->database(), m_clock, carrier, flow);
    services::events::EventBus bus(m_db->database());
    ui::ConsoleServices services{m_db->database(), m_clock,   *m_session, m_hasher,
                                 *m_signIn,        m_secrets, nullptr,    &control};
    tests::ScriptedDialogs dialogs;
    MainWindow window(services, &dialogs);
    wire(flow, bus, window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPane(MainWindow::LiveMonitorPaneIndex);
    auto *pane = qobject_cast<ui::LiveMonitorPane *>(window.pane(MainWindow::LiveMonitorPaneIndex));
    auto *table = pane->findChild<QTableView *>(QStringLiteral("liveCallsTableView"));
    auto *hangUp = pane->findChild<QPushButton *>(QStringLiteral("hangUpButton"));
    QVERIFY(!hangUp->isHidden());
    QVERIFY(control.start(supervisor, campaignId).ok());
    // The call is asked its first question.
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() == 1 && table->model()
                                                                    ->index(0, LiveCallsModel::QuestionColumn)
                                                                    .data()
                                                                    .toString()
                                                                    .startsWith(QStringLiteral("resolved · ")),
                             30000);
    const qint64 attemptId = table->model()->index(0, 0).data(Qt::UserRole).toLongLong();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(table->model()->index(0, LiveCallsModel::CampaignColumn)).center());
    QCOMPARE(pane->selectedCall(), attemptId);
    QVERIFY(hangUp->isEnabled());
    dialogs.setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(hangUp, Qt::LeftButton);
    QVERIFY(dialogs.asked.constLast().startsWith(QStringLiteral("Hang up: End call")));
    // It ends, and the row says who ended it.
    QTRY_COMPARE_WITH_TIMEOUT(viewIndex(table, attemptId, LiveCallsModel::StatusColumn).data().toString(),
                              QStringLiteral("Completed"), 30000);
    QTRY_COMPARE(viewIndex(table, attemptId, LiveCallsModel::EndedByColumn).data().toString(), supervisor.name);
    QVERIFY(!hangUp->isEnabled()); // nothing left to end
    // The detail panel's timeline shows the hang-up too; the audit log has it under the supervisor's name.
    auto *timeline = pane->findChild<QTreeWidget *>(QStringLiteral("callTimelineTree"));
    QTRY_VERIFY(!timeline->findItems(QStringLiteral("Hung up from the monitor"), Qt::MatchExactly, 1).isEmpty());
    QCOMPARE(timeline->findItems(QStringLiteral("Hung up from the monitor"), Qt::MatchExactly, 1).constFirst()->text(2),
             supervisor.name);
    services::storage::AuditFilter filter;
    filter.action = QStringLiteral("call.hangup");
    auto audited = services::storage::AuditRepository(m_db->database()).entries(filter);
    QVERIFY(audited.ok());
    QCOMPARE(audited.value().size(), 1);
    QCOMPARE(audited.value().constFirst().actorName, supervisor.name);
    QCOMPARE(audited.value().constFirst().entityId, std::optional<qint64>(attemptId));
    QCOMPARE(services::storage::CallRepository(m_db->database()).attempt(attemptId).value().status,
             CallStatus::Completed);
}

void TestLiveMonitor::operatorCannotHangUp()
{
    const qint64 campaignId = campaignWithContacts(1);
    QVERIFY(campaignId > 0);
    const Actor operatorActor = actorWithRole(QStringLiteral("operator"));
    QVERIFY(operatorActor.has(Permission::CallsMonitor));
    QVERIFY(!operatorActor.has(Permission::CallsHangup));
    m_session->begin(operatorActor, services::auth::SignInMethod::Local);
    services::telephony::CallFlow flow(m_db->database(), QUrl(QStringLiteral("http://127.0.0.1:8089")));
    services::telephony::SimulatedCarrierOptions carrierOptions;
    carrierOptions.timeScale = 10;
    carrierOptions.busy = carrierOptions.noAnswer = carrierOptions.failed = carrierOptions.machine = 0;
    carrierOptions.respondent.hangUp = carrierOptions.respondent.optOut = 0;
    carrierOptions.secondsPerPrompt = 100000;
    services::telephony::SimulatedCarrier carrier(flow, m_db->database(), m_clock, carrierOptions);
    services::dialer::CampaignControl control(m_db->database(), m_clock, carrier, flow);
    services::events::EventBus bus(m_db->database());
    ui::ConsoleServices services{m_db->database(), m_clock,   *m_session, m_hasher,
                                 *m_signIn,        m_secrets, nullptr,    &control};
    tests::ScriptedDialogs dialogs;
    MainWindow window(services, &dialogs);
    wire(flow, bus, window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPane(MainWindow::LiveMonitorPaneIndex);
    auto *pane = qobject_cast<ui::LiveMonitorPane *>(window.pane(MainWindow::LiveMonitorPaneIndex));
    auto *table = pane->findChild<QTableView *>(QStringLiteral("liveCallsTableView"));
    // Operators watch the call but get no hang-up button.
    QVERIFY(control.start(Actor::fileOwner(QStringLiteral("tester")), campaignId).ok());
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount() == 1
                                  ? table->model()->index(0, LiveCallsModel::StatusColumn).data().toString()
                                  : QString(),
                              QStringLiteral("In progress"), 30000);
    QVERIFY(pane->findChild<QPushButton *>(QStringLiteral("hangUpButton"))->isHidden());
    // The service refuses whatever the window shows: the call goes on and nobody is named.
    const qint64 attemptId = table->model()->index(0, 0).data(Qt::UserRole).toLongLong();
    std::optional<Result<void>> outcome;
    services::calls::CallSupervision(m_db->database(), &carrier)
        .hangUp(operatorActor, attemptId, this, [&outcome](const Result<void> &r) { outcome = r; });
    QTRY_VERIFY(outcome.has_value());
    QCOMPARE(outcome->error().code, ErrorCode::PermissionDenied);
    auto call = services::storage::CallRepository(m_db->database()).liveCall(attemptId);
    QVERIFY(call.ok() && call.value());
    QCOMPARE(call.value()->status, CallStatus::InProgress);
    QVERIFY(call.value()->hungUpBy.isEmpty());
    QVERIFY(control.pause(Actor::fileOwner(QStringLiteral("tester")), campaignId).ok());
}

QTEST_MAIN(TestLiveMonitor)
#include "tst_livemonitor.moc"
