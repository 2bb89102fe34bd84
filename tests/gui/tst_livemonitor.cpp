// SPDX-License-Identifier: GPL-3.0-or-later
// The Live Monitor driven like a supervisor and an operator would: a campaign dialed on the simulated carrier, rows
// that change with every turn, a hang-up that names who ended the call, and no hang-up for an operator.
#include "services/auth/actorresolver.h"
#include "services/calls/callsupervision.h"
#include "services/clock.h"
#include "services/dialer/campaigncontrol.h"
#include "services/events/eventbus.h"
#include "services/storage/auditrepository.h"
#include "services/storage/callrepository.h"
#include "services/storage/sql.h"
#include "services/telephony/simulatedcarrier.h"
#include "services/users/userservice.h"
#include "tests/support/callfixture.h"
#include "tests/support/consolefixture.h"
#include "tests/support/scripteddialogs.h"
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

namespace {

// A campaign dialed on the simulated carrier and watched on the Live Monitor of a main window, everything wired as
// the application wires it (CallFlow → EventBus → window); the window acts for whoever the fixture's session has.
struct WatchedDialing
{
    WatchedDialing(tests::ConsoleFixture &console, services::telephony::SimulatedCarrierOptions carrierOptions,
                   services::dialer::DialerOptions dialerOptions = {})
        : flow(console.database(), QUrl(QStringLiteral("http://127.0.0.1:8089"))),
          carrier(flow, console.database(), console.clock(), std::move(carrierOptions)),
          control(console.database(), console.clock(), carrier, flow, std::move(dialerOptions)),
          bus(console.database()), window(dialingWith(console, control), &dialogs)
    {
        QObject::connect(&flow, &services::telephony::CallFlow::callStatusesChanged, &bus,
                         &services::events::EventBus::publishCallStatuses);
        QObject::connect(&flow, &services::telephony::CallFlow::turnStored, &bus,
                         &services::events::EventBus::publishCallTurn);
        QObject::connect(&bus, &services::events::EventBus::callStatusChanged, &window, &MainWindow::onCallStatus);
        QObject::connect(&bus, &services::events::EventBus::callTurn, &window, &MainWindow::onCallTurn);
        window.show();
        window.showPane(MainWindow::LiveMonitorPaneIndex);
        pane = qobject_cast<ui::LiveMonitorPane *>(window.pane(MainWindow::LiveMonitorPaneIndex));
        table = pane->findChild<QTableView *>(QStringLiteral("liveCallsTableView"));
    }

    // The console's services, with this campaign control as the one that places calls.
    static ui::ConsoleServices &dialingWith(tests::ConsoleFixture &console, services::dialer::CampaignControl &control)
    {
        console.services().control = &control;
        return console.services();
    }

    // The table's cell for `attemptId`, through the view's sort and filter; invalid when it is not shown.
    QModelIndex cell(qint64 attemptId, int column) const
    {
        QAbstractItemModel *model = table->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(Qt::UserRole).toLongLong() == attemptId) {
                return model->index(row, column);
            }
        }
        return {};
    }

    services::telephony::CallFlow flow;
    services::telephony::SimulatedCarrier carrier;
    services::dialer::CampaignControl control;
    services::events::EventBus bus;
    tests::ScriptedDialogs dialogs;
    MainWindow window;
    ui::LiveMonitorPane *pane = nullptr;
    QTableView *table = nullptr;
};

// Respondents who answer every call and never hang up; `secondsPerPrompt` long enough keeps a call on its first
// question until it is ended.
services::telephony::SimulatedCarrierOptions patientRespondents(double timeScale, int secondsPerPrompt = 0)
{
    services::telephony::SimulatedCarrierOptions options;
    options.timeScale = timeScale;
    options.busy = options.noAnswer = options.failed = options.machine = 0;
    options.respondent.hangUp = options.respondent.optOut = 0;
    if (secondsPerPrompt > 0) {
        options.secondsPerPrompt = secondsPerPrompt;
    }
    return options;
}

} // namespace

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
    void backgroundReadKeepsNewerEvents();

private:
    // A user with `role`, signed in on the console.
    Actor signInWithRole(const QString &role);
    // A campaign of `contacts` pending contacts on the sample script; its id.
    qint64 campaignWithContacts(int contacts);
    // Starts the campaign and waits until its only call is on the line, asked its first question; the call's id.
    qint64 dialOneCallToItsFirstQuestion(WatchedDialing &dialing, qint64 campaignId);

    services::SystemClock m_clock;
    std::unique_ptr<tests::ConsoleFixture> m_console;
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
    m_console = std::make_unique<tests::ConsoleFixture>(m_clock);
    QVERIFY2(m_console->isValid(), qPrintable(m_console->errorString()));
}

void TestLiveMonitor::cleanup()
{
    m_console.reset();
}

Actor TestLiveMonitor::signInWithRole(const QString &role)
{
    services::users::UserService service(m_console->database(), m_clock, m_console->hasher());
    services::users::NewLocalUser user;
    user.username = QStringLiteral("%1-%2").arg(role).arg(++m_serial);
    user.displayName = QStringLiteral("Test %1").arg(role);
    user.roles = {role};
    user.password = QStringLiteral("a-long-test-passphrase-%1").arg(m_serial);
    auto id = service.createLocal(Actor::fileOwner(QStringLiteral("dba")), user);
    if (!id) {
        return Actor::nobody();
    }
    Actor actor = services::auth::ActorResolver(m_console->database()).forUser(id.value()).valueOr(Actor::nobody());
    m_console->session().begin(actor, services::auth::SignInMethod::Local);
    return actor;
}

qint64 TestLiveMonitor::campaignWithContacts(int contacts)
{
    auto fixture = tests::makeCallFixture(m_console->database());
    if (!fixture) {
        return 0;
    }
    for (int i = 1; i < contacts; ++i) {
        if (!tests::addAttempt(m_console->database(), fixture.value(), QStringLiteral("+1415555%1").arg(3000 + i))) {
            return 0;
        }
    }
    // Pending contacts, no attempts: the dialer claims them.
    if (!services::storage::exec(m_console->database().connection(), QStringLiteral("DELETE FROM call_attempts")) ||
        !services::storage::exec(m_console->database().connection(),
                                 QStringLiteral("UPDATE contacts SET status = 'pending', attempts_count = 0"))) {
        return 0;
    }
    return fixture.value().campaignId;
}

qint64 TestLiveMonitor::dialOneCallToItsFirstQuestion(WatchedDialing &dialing, qint64 campaignId)
{
    if (!dialing.control.start(Actor::fileOwner(QStringLiteral("tester")), campaignId).ok()) {
        return 0;
    }
    QAbstractItemModel *shown = dialing.table->model();
    if (!QTest::qWaitFor(
            [shown] {
                return shown->rowCount() == 1 && shown->index(0, LiveCallsModel::QuestionColumn)
                                                     .data()
                                                     .toString()
                                                     .startsWith(QStringLiteral("resolved · "));
            },
            30000)) {
        return 0;
    }
    return shown->index(0, 0).data(Qt::UserRole).toLongLong();
}

void TestLiveMonitor::watchACampaignBeingDialed()
{
    const qint64 campaignId = campaignWithContacts(6);
    QVERIFY(campaignId > 0);
    QVERIFY(signInWithRole(QStringLiteral("supervisor")).has(Permission::CallsMonitor));
    services::telephony::SimulatedCarrierOptions carrierOptions = patientRespondents(50);
    carrierOptions.respondent.silence = 0;
    services::dialer::DialerOptions dialerOptions;
    dialerOptions.timeScale = 50;
    WatchedDialing dialing(*m_console, carrierOptions, dialerOptions);
    QVERIFY(QTest::qWaitForWindowExposed(&dialing.window));
    QTableView *table = dialing.table;
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
    QSignalSpy finished(&dialing.control, &services::dialer::CampaignControl::runFinished);
    QVERIFY(dialing.control.start(m_console->session().actor(), campaignId).ok());
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
    QTRY_COMPARE(dialing.pane->model()->rowCount(), 6);
    for (const LiveCall &call : dialing.pane->model()->rows()) {
        QCOMPARE(call.status, CallStatus::Completed);
        const QModelIndex duration = dialing.cell(call.attemptId, LiveCallsModel::DurationColumn);
        QVERIFY2(duration.data().toString() != QStringLiteral("0:00"), qPrintable(duration.data().toString()));
        QVERIFY(!dialing.cell(call.attemptId, LiveCallsModel::LastAnswerColumn).data().toString().isEmpty());
        QCOMPARE(dialing.cell(call.attemptId, LiveCallsModel::ProviderColumn).data().toString(),
                 QStringLiteral("Simulated"));
        QCOMPARE(dialing.cell(call.attemptId, LiveCallsModel::AnsweredByColumn).data().toString(),
                 QStringLiteral("Person"));
        QCOMPARE(call.timeScale, 50.0);
    }
    // Filters: none is on the line any more; search finds a call by its number.
    auto *status = dialing.pane->findChild<QComboBox *>(QStringLiteral("liveStatusFilter"));
    status->setCurrentIndex(status->findText(QStringLiteral("On the line")));
    QCOMPARE(table->model()->rowCount(), 0);
    status->setCurrentIndex(0);
    QTest::keyClicks(dialing.pane->findChild<QLineEdit *>(QStringLiteral("liveSearchEdit")), QStringLiteral("3002"));
    QCOMPARE(table->model()->rowCount(), 1);
    QTRY_VERIFY(dialing.pane->findChild<QLabel *>(QStringLiteral("liveCountersLabel"))
                    ->text()
                    .contains(QStringLiteral("Completed 6")));
}

void TestLiveMonitor::supervisorHangsUpAndIsNamed()
{
    const qint64 campaignId = campaignWithContacts(1);
    QVERIFY(campaignId > 0);
    const Actor supervisor = signInWithRole(QStringLiteral("supervisor"));
    QVERIFY(supervisor.has(Permission::CallsHangup));
    // The respondent thinks for a day: the call stays until it is ended.
    WatchedDialing dialing(*m_console, patientRespondents(10, 100000));
    QVERIFY(QTest::qWaitForWindowExposed(&dialing.window));
    auto *hangUp = dialing.pane->findChild<QPushButton *>(QStringLiteral("hangUpButton"));
    QVERIFY(!hangUp->isHidden());
    const qint64 attemptId = dialOneCallToItsFirstQuestion(dialing, campaignId);
    QVERIFY(attemptId > 0);
    QTest::mouseClick(dialing.table->viewport(), Qt::LeftButton, {},
                      dialing.table->visualRect(dialing.cell(attemptId, LiveCallsModel::CampaignColumn)).center());
    QCOMPARE(dialing.pane->selectedCall(), attemptId);
    QVERIFY(hangUp->isEnabled());
    dialing.dialogs.setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(hangUp, Qt::LeftButton);
    QVERIFY(dialing.dialogs.asked.constLast().startsWith(QStringLiteral("Hang up: End call")));
    // It ends, and the row says who ended it.
    QTRY_COMPARE_WITH_TIMEOUT(dialing.cell(attemptId, LiveCallsModel::StatusColumn).data().toString(),
                              QStringLiteral("Completed"), 30000);
    QTRY_COMPARE(dialing.cell(attemptId, LiveCallsModel::EndedByColumn).data().toString(), supervisor.name);
    QVERIFY(!hangUp->isEnabled()); // nothing left to end
    // The detail panel's timeline shows the hang-up too; the audit log has it under the supervisor's name.
    auto *timeline = dialing.pane->findChild<QTreeWidget *>(QStringLiteral("callTimelineTree"));
    QTRY_VERIFY(!timeline->findItems(QStringLiteral("Hung up from the monitor"), Qt::MatchExactly, 1).isEmpty());
    QCOMPARE(timeline->findItems(QStringLiteral("Hung up from the monitor"), Qt::MatchExactly, 1).constFirst()->text(2),
             supervisor.name);
    services::storage::AuditFilter filter;
    filter.action = QStringLiteral("call.hangup");
    auto audited = services::storage::AuditRepository(m_console->database()).entries(filter);
    QVERIFY(audited.ok());
    QCOMPARE(audited.value().size(), 1);
    QCOMPARE(audited.value().constFirst().actorName, supervisor.name);
    QCOMPARE(audited.value().constFirst().entityId, std::optional<qint64>(attemptId));
    QCOMPARE(services::storage::CallRepository(m_console->database()).attempt(attemptId).value().status,
             CallStatus::Completed);
}

void TestLiveMonitor::operatorCannotHangUp()
{
    const qint64 campaignId = campaignWithContacts(1);
    QVERIFY(campaignId > 0);
    const Actor operatorActor = signInWithRole(QStringLiteral("operator"));
    QVERIFY(operatorActor.has(Permission::CallsMonitor));
    QVERIFY(!operatorActor.has(Permission::CallsHangup));
    WatchedDialing dialing(*m_console, patientRespondents(10, 100000));
    QVERIFY(QTest::qWaitForWindowExposed(&dialing.window));
    // Operators watch the call but get no hang-up button.
    const qint64 attemptId = dialOneCallToItsFirstQuestion(dialing, campaignId);
    QVERIFY(attemptId > 0);
    QCOMPARE(dialing.cell(attemptId, LiveCallsModel::StatusColumn).data().toString(), QStringLiteral("In progress"));
    QVERIFY(dialing.pane->findChild<QPushButton *>(QStringLiteral("hangUpButton"))->isHidden());
    // The service refuses whatever the window shows: the call goes on and nobody is named.
    std::optional<Result<void>> outcome;
    services::calls::CallSupervision(m_console->database(), &dialing.carrier)
        .hangUp(operatorActor, attemptId, this, [&outcome](const Result<void> &r) { outcome = r; });
    QTRY_VERIFY(outcome.has_value());
    QCOMPARE(outcome->error().code, ErrorCode::PermissionDenied);
    auto call = services::storage::CallRepository(m_console->database()).liveCall(attemptId);
    QVERIFY(call.ok() && call.value());
    QCOMPARE(call.value()->status, CallStatus::InProgress);
    QVERIFY(call.value()->hungUpBy.isEmpty());
    QVERIFY(dialing.control.pause(Actor::fileOwner(QStringLiteral("tester")), campaignId).ok());
}

// The once-a-minute read runs off the window's thread; what it brings is merged, but a turn that arrived while it ran
// is newer than the read and stays.
void TestLiveMonitor::backgroundReadKeepsNewerEvents()
{
    services::storage::Database &database = m_console->database();
    auto fixture = tests::makeCallFixture(database);
    QVERIFY(fixture.ok());
    auto second = tests::addAttempt(database, fixture.value(), QStringLiteral("+14155553101"));
    QVERIFY(second.ok());
    QVERIFY(services::storage::exec(database.connection(),
                                    QStringLiteral("UPDATE call_attempts SET status = 'in-progress', started_at = ?"),
                                    {services::storage::toDb(m_clock.nowUtc())})
                .ok());
    QVERIFY(signInWithRole(QStringLiteral("supervisor")).has(Permission::CallsMonitor));
    tests::ScriptedDialogs dialogs;
    MainWindow window(m_console->services(), &dialogs);
    window.show();
    window.showPane(MainWindow::LiveMonitorPaneIndex);
    auto *pane = qobject_cast<ui::LiveMonitorPane *>(window.pane(MainWindow::LiveMonitorPaneIndex));
    QTRY_COMPARE(pane->model()->rowCount(), 2);
    // Stored meanwhile without an event this console heard: the carrier's answering-machine verdict.
    QVERIFY(
        services::storage::exec(database.connection(),
                                QStringLiteral("UPDATE call_attempts SET answered_by = 'machine_start' WHERE id = ?"),
                                {fixture.value().attemptId})
            .ok());
    pane->reconcileInBackground();
    QVERIFY(pane->isReconciling());
    LiveTurn turn;
    turn.attemptId = second.value();
    turn.currentQuestion = QStringLiteral("nps");
    turn.currentPrompt = QStringLiteral("On a scale from zero to ten…");
    QVERIFY(pane->applyCallTurn(turn)); // in the table only: the read cannot have it
    QTRY_VERIFY(!pane->isReconciling());
    const LiveCall &first = pane->model()->rowAt(pane->model()->indexOfKey(fixture.value().attemptId));
    QCOMPARE(first.answeredBy, QStringLiteral("machine_start"));
    const LiveCall &turned = pane->model()->rowAt(pane->model()->indexOfKey(second.value()));
    QCOMPARE(turned.currentQuestion, QStringLiteral("nps"));
    QCOMPARE(pane->model()->rowCount(), 2);
}

QTEST_MAIN(TestLiveMonitor)
#include "tst_livemonitor.moc"
