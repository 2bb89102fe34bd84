// SPDX-License-Identifier: GPL-3.0-or-later
// The Qt item models that feed the panes (ui/models/), each under QAbstractItemModelTester.
#include "models/call.h"
#include "models/campaign.h"
#include "models/user.h"
#include "ui/models/campaigntablemodel.h"
#include "ui/models/livecallsmodel.h"
#include "ui/models/usertablemodel.h"

#include <QAbstractItemModelTester>
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
    void liveCallsModelCells();
    void liveCallsFollowEvents();
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
    QCOMPARE(model.index(0, LiveCallsModel::AnswersColumn).data().toInt(), 2);
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
    // An ended call leaves; the keys of the rows after it still find them.
    QVERIFY(model.applyStatus(1, CallStatus::Completed, at));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.indexOfKey(3), 1);
    QVERIFY(model.applyStatus(3, CallStatus::InProgress, at));
    QCOMPARE(model.index(1, LiveCallsModel::StatusColumn).data().toString(), QStringLiteral("In progress"));
    QVERIFY(!model.applyStatus(99, CallStatus::Ringing, at)); // not shown yet: the pane reloads
    QVERIFY(!model.applyStatus(1, CallStatus::Completed, at));
}

QTEST_GUILESS_MAIN(TestItemModels)
#include "tst_itemmodels.moc"
