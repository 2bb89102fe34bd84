// SPDX-License-Identifier: GPL-3.0-or-later
// The Qt item models that feed the panes (ui/models/), each under QAbstractItemModelTester.
#include "models/call.h"
#include "models/campaign.h"
#include "models/user.h"
#include "ui/models/campaigntablemodel.h"
#include "ui/models/livecallsmodel.h"
#include "ui/models/usertablemodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

using namespace vsc;
using namespace vsc::ui;

class TestItemModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statusLabels();
    void campaignModelCells();
    void setRowsDiffsByKey();
    void setRowsSignalsOnlyRowsThatDiffer();
    void liveCallsModelCells();
    void liveCallsFollowEvents();
    void liveCallsTickInTheCallsOwnTime();
    void liveCallsShowTheTurn();
    void userModelCells();
};

void TestItemModels::statusLabels()
{
    for (int s = 0; s <= int(CampaignStatus::Stopped); ++s) {
        QVERIFY(!campaignStatusLabel(CampaignStatus(s)).isEmpty());
    }
    for (int s = 0; s <= int(CallStatus::Canceled); ++s) {
        QVERIFY(!callStatusLabel(CallStatus(s)).isEmpty());
    }
}

namespace {
CampaignSummary summary(qint64 id, const QString &name, CampaignStatus status, int contacts, int completed)
{
    CampaignSummary s;
    s.campaign.id = id;
    s.campaign.name = name;
    s.campaign.status = status;
    s.campaign.updatedAt = QDateTime::currentDateTimeUtc();
    s.contacts = contacts;
    s.completedContacts = completed;
    return s;
}
} // namespace

void TestItemModels::campaignModelCells()
{
    CampaignTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows({summary(1, QStringLiteral("Alpha"), CampaignStatus::Running, 200, 50),
                   summary(2, QStringLiteral("Beta"), CampaignStatus::Paused, 0, 0)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 7);
    QCOMPARE(model.headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Campaign"));
    QCOMPARE(model.index(0, CampaignTableModel::NameColumn).data().toString(), QStringLiteral("Alpha"));
    QCOMPARE(model.index(0, CampaignTableModel::StatusColumn).data().toString(), QStringLiteral("Running"));
    QCOMPARE(model.index(0, CampaignTableModel::ProgressColumn).data().toString(), QStringLiteral("50 (25%)"));
    QCOMPARE(model.index(1, CampaignTableModel::ProgressColumn).data().toString(), QStringLiteral("0 (0%)"));
    QVERIFY(model.index(0, CampaignTableModel::StatusColumn).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.index(1, CampaignTableModel::NameColumn).data(Qt::UserRole).toLongLong(), 2);
    QVERIFY(!model.index(0, CampaignTableModel::UpdatedColumn).data().toString().isEmpty());
    QVERIFY(!model.index(5, 0).data().isValid());
}

void TestItemModels::setRowsDiffsByKey()
{
    CampaignTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows({summary(1, QStringLiteral("A"), CampaignStatus::Draft, 1, 0),
                   summary(2, QStringLiteral("B"), CampaignStatus::Draft, 1, 0),
                   summary(3, QStringLiteral("C"), CampaignStatus::Draft, 1, 0)});
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    // Row 2 goes, row 3 changes, row 4 arrives: one removal, one insertion, no reset.
    model.setRows({summary(1, QStringLiteral("A"), CampaignStatus::Draft, 1, 0),
                   summary(3, QStringLiteral("C2"), CampaignStatus::Running, 1, 1),
                   summary(4, QStringLiteral("D"), CampaignStatus::Draft, 1, 0)});
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowAt(1).campaign.name, QStringLiteral("C2"));
    QCOMPARE(model.rowAt(2).campaign.id, 4);
    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
}

void TestItemModels::liveCallsModelCells()
{
    LiveCallsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    LiveCall call;
    call.attemptId = 9;
    call.campaignName = QStringLiteral("Alpha");
    call.contactName = QStringLiteral("Zoë");
    call.phoneE164 = QStringLiteral("+14155550123");
    call.status = CallStatus::InProgress;
    call.provider = CallProvider::Twilio;
    call.startedAt = now.addSecs(-75);
    call.answeredQuestions = 2;
    model.setNow(now);
    model.setRows({call});
    // Shown as the service gave it: masked there for viewers without pii.view (tst_permissions), clear otherwise.
    QCOMPARE(model.index(0, LiveCallsModel::PhoneColumn).data().toString(), QStringLiteral("+14155550123"));
    QCOMPARE(model.index(0, LiveCallsModel::StatusColumn).data().toString(), QStringLiteral("In progress"));
    QCOMPARE(model.index(0, LiveCallsModel::DurationColumn).data().toString(), QStringLiteral("1:15"));
    QCOMPARE(model.index(0, LiveCallsModel::CallColumn).data().toLongLong(), 9);
    QCOMPARE(model.index(0, LiveCallsModel::ProviderColumn).data().toString(), QStringLiteral("Twilio"));
    QCOMPARE(model.index(0, 0).data(Qt::UserRole).toLongLong(), 9);
}

void TestItemModels::userModelCells()
{
    UserTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    User u;
    u.id = 3;
    u.username = QStringLiteral("ada");
    u.roles = {QStringLiteral("admin"), QStringLiteral("viewer")};
    u.authSource = AuthSource::Oidc;
    u.disabled = true;
    model.setRows({u});
    QCOMPARE(model.index(0, UserTableModel::RolesColumn).data().toString(), QStringLiteral("admin, viewer"));
    QCOMPARE(model.index(0, UserTableModel::SourceColumn).data().toString(), QStringLiteral("OpenID Connect"));
    QCOMPARE(model.index(0, UserTableModel::StateColumn).data().toString(), QStringLiteral("Disabled"));
    QCOMPARE(model.index(0, UserTableModel::LastLoginColumn).data().toString(), QStringLiteral("never"));
}

// The Live Monitor's once-a-minute read gives back mostly what events already showed: rows that compare equal cost
// the views nothing, and each run of changed rows is one dataChanged.
void TestItemModels::setRowsSignalsOnlyRowsThatDiffer()
{
    LiveCallsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<LiveCall> calls;
    for (qint64 id = 1; id <= 6; ++id) {
        LiveCall c;
        c.attemptId = id;
        c.status = CallStatus::InProgress;
        c.currentQuestion = QStringLiteral("q1");
        calls.append(c);
    }
    model.setRows(calls);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRows(calls);
    QCOMPARE(changed.count(), 0);
    calls[1].currentQuestion = QStringLiteral("q2");
    calls[2].lastConfidence = 0.5;
    calls[4].hungUpBy = QStringLiteral("Sam Supervisor");
    model.setRows(calls);
    QCOMPARE(changed.count(), 2); // rows 1-2, then row 4
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 2);
    QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 4);
    QCOMPARE(changed.at(1).at(1).toModelIndex().row(), 4);
    QCOMPARE(model.rowAt(1).currentQuestion, QStringLiteral("q2"));
    QCOMPARE(model.rowAt(4).hungUpBy, QStringLiteral("Sam Supervisor"));
}

void TestItemModels::liveCallsFollowEvents()
{
    LiveCallsModel model;
    QList<LiveCall> calls;
    for (qint64 id = 1; id <= 3; ++id) {
        LiveCall c;
        c.attemptId = id;
        c.phoneE164 = QStringLiteral("+1415555012%1").arg(id);
        c.status = CallStatus::Ringing;
        calls.append(c);
    }
    model.setRows(calls);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QDateTime at(QDate(2026, 11, 23), QTime(14, 0), Qt::UTC);
    model.setNow(at.addSecs(65));
    QVERIFY(model.applyStatus(2, CallStatus::InProgress, at));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1); // that row only
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);
    QCOMPARE(model.index(1, LiveCallsModel::StatusColumn).data().toString(), QStringLiteral("In progress"));
    QCOMPARE(model.index(1, LiveCallsModel::DurationColumn).data().toString(), QStringLiteral("1:05"));
    // An ended call stays, as ended, with its duration frozen; the others still change.
    QVERIFY(model.applyStatus(2, CallStatus::Completed, at.addSecs(90)));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, LiveCallsModel::StatusColumn).data().toString(), QStringLiteral("Completed"));
    model.tick(at.addSecs(600));
    QCOMPARE(model.index(1, LiveCallsModel::DurationColumn).data().toString(), QStringLiteral("1:30"));
    QVERIFY(model.applyStatus(3, CallStatus::InProgress, at));
    QCOMPARE(model.index(2, LiveCallsModel::StatusColumn).data().toString(), QStringLiteral("In progress"));
    QVERIFY(!model.applyStatus(99, CallStatus::Ringing, at)); // not shown yet: the pane reads that one call
    // Ended calls leave once they are old.
    model.removeEndedBefore(at.addSecs(120));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.indexOfKey(3), 1);
}

// A simulated call at --time-scale 60 lasts a minute for every wall-clock second: the duration ticks in its time.
void TestItemModels::liveCallsTickInTheCallsOwnTime()
{
    LiveCallsModel model;
    const QDateTime start(QDate(2026, 11, 23), QTime(14, 0), Qt::UTC);
    LiveCall simulated;
    simulated.attemptId = 1;
    simulated.status = CallStatus::InProgress;
    simulated.startedAt = start;
    simulated.timeScale = 60;
    LiveCall real = simulated;
    real.attemptId = 2;
    real.timeScale = 1;
    model.setRows({simulated, real});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.tick(start.addSecs(2));
    QCOMPARE(changed.count(), 1); // one repaint of the duration column
    QCOMPARE(changed.at(0).at(0).toModelIndex().column(), int(LiveCallsModel::DurationColumn));
    QCOMPARE(model.index(0, LiveCallsModel::DurationColumn).data().toString(), QStringLiteral("2:00"));
    QCOMPARE(model.index(1, LiveCallsModel::DurationColumn).data().toString(), QStringLiteral("0:02"));
    model.tick(start.addSecs(61));
    QCOMPARE(model.index(0, LiveCallsModel::DurationColumn).data().toString(), QStringLiteral("1:01:00"));
    // Sorting by duration is by seconds, not by text.
    QCOMPARE(model.index(0, LiveCallsModel::DurationColumn).data(LiveCallsModel::SortRole).toLongLong(), 3660);
}

// A stored turn changes that row's question and last answer (with its confidence), and nothing else.
void TestItemModels::liveCallsShowTheTurn()
{
    LiveCallsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<LiveCall> calls;
    for (qint64 id = 1; id <= 3; ++id) {
        LiveCall c;
        c.attemptId = id;
        c.status = CallStatus::InProgress;
        c.answeredBy = QStringLiteral("human");
        calls.append(c);
    }
    model.setRows(calls);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    LiveTurn turn;
    turn.attemptId = 2;
    turn.currentQuestion = QStringLiteral("nps");
    turn.currentPrompt = QStringLiteral("How likely are you to recommend us?");
    turn.answerQuestion = QStringLiteral("resolved");
    turn.answerValue = QStringLiteral("yes");
    turn.answerConfidence = 0.874;
    QVERIFY(model.applyTurn(turn));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(model.index(1, LiveCallsModel::QuestionColumn).data().toString(),
             QStringLiteral("nps · How likely are you to recommend us?"));
    QCOMPARE(model.index(1, LiveCallsModel::LastAnswerColumn).data().toString(), QStringLiteral("resolved: yes (87%)"));
    QCOMPARE(model.index(1, LiveCallsModel::AnsweredByColumn).data().toString(), QStringLiteral("Person"));
    QCOMPARE(model.rowAt(1).answeredQuestions, 1);
    QVERIFY(model.index(0, LiveCallsModel::QuestionColumn).data().toString().isEmpty());
    QVERIFY(model.index(1, LiveCallsModel::StatusColumn).data(Qt::DecorationRole).canConvert<QColor>());
    QVERIFY(!model.applyTurn(LiveTurn{42, {}, {}, {}, {}, {}}));
    // The filter: by status, campaign and text.
    ui::LiveCallsFilterModel filter;
    filter.setSourceModel(&model);
    filter.setSearch(QStringLiteral("recommend"));
    QCOMPARE(filter.rowCount(), 1);
    filter.setSearch({});
    filter.setStatuses({CallStatus::Completed});
    QCOMPARE(filter.rowCount(), 0);
}

QTEST_MAIN(TestItemModels) // the models colour their cells from the application palette
#include "tst_itemmodels.moc"
