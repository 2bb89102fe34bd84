// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/campaigns/campaignlifecycle.h"
#include "services/storage/auditrepository.h"
#include "services/storage/campaignrepository.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "tests/support/callfixture.h"
#include "tests/support/testdatabase.h"

#include <QTest>

using namespace vsc;
using namespace vsc::services::storage;
using vsc::services::campaigns::CampaignLifecycle;
using S = CampaignStatus;

namespace {
Actor tester()
{
    return Actor::system(QStringLiteral("test"));
}
Actor userSeven()
{
    Actor actor = tester();
    actor.userId = 7;
    return actor;
}
} // namespace

class TestCampaignLifecycle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void transitionTable();
    void readinessNeedsScriptCallerAndContacts();
    void startingADraftGoesThroughReadyAndIsAudited();
};

void TestCampaignLifecycle::initTestCase()
{
    vsc::tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

void TestCampaignLifecycle::transitionTable()
{
    QVERIFY(CampaignLifecycle::isAllowed(S::Draft, S::Ready));
    QVERIFY(!CampaignLifecycle::isAllowed(S::Draft, S::Paused));
    QVERIFY(CampaignLifecycle::isAllowed(S::Ready, S::Running));
    QVERIFY(CampaignLifecycle::isAllowed(S::Running, S::Paused));
    QVERIFY(CampaignLifecycle::isAllowed(S::Paused, S::Running));
    QVERIFY(CampaignLifecycle::isAllowed(S::Running, S::Completed));
    QVERIFY(CampaignLifecycle::isAllowed(S::Completed, S::Running));
    QVERIFY(!CampaignLifecycle::isAllowed(S::Stopped, S::Running));
    QVERIFY(!CampaignLifecycle::isAllowed(S::Completed, S::Draft));
    for (S s : {S::Draft, S::Ready, S::Running, S::Paused}) {
        QVERIFY(CampaignLifecycle::isAllowed(s, S::Stopped));
    }
}

void TestCampaignLifecycle::readinessNeedsScriptCallerAndContacts()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    QVERIFY(Migrator(db.database()).migrate().ok());
    Campaign bare;
    bare.name = QStringLiteral("Bare");
    const qint64 id = CampaignRepository(db.database()).create(bare, tester()).value();
    CampaignLifecycle lifecycle(db.database());
    QCOMPARE(lifecycle.readinessProblem(id).value().toString(), QStringLiteral("the campaign has no survey script"));
    auto refused = lifecycle.transition(id, S::Ready, tester());
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY(refused.error().detail.contains(QStringLiteral("no survey script")));

    auto fixture = vsc::tests::makeCallFixture(db.database());
    QVERIFY(fixture.ok());
    const qint64 ready = fixture.value().campaignId;
    QVERIFY(exec(db.database().connection(),
                 QStringLiteral("UPDATE campaigns SET status = 'draft', caller_id = '' WHERE id = ?"), {ready})
                .ok());
    QCOMPARE(lifecycle.readinessProblem(ready).value().toString(),
             QStringLiteral("the campaign has no caller ID to call from"));
    QVERIFY(exec(db.database().connection(),
                 QStringLiteral("UPDATE campaigns SET caller_id = '+15005550006' WHERE id = ?"), {ready})
                .ok());
    QVERIFY(exec(db.database().connection(), QStringLiteral("UPDATE contacts SET status = 'completed'")).ok());
    QCOMPARE(lifecycle.readinessProblem(ready).value().toString(),
             QStringLiteral("the campaign has no dialable contact"));
    QVERIFY(exec(db.database().connection(), QStringLiteral("UPDATE contacts SET status = 'pending'")).ok());
    QVERIFY(lifecycle.readinessProblem(ready).value().isEmpty());
    QVERIFY(lifecycle.transition(ready, S::Ready, tester()).ok());
    QCOMPARE(lifecycle.transition(424242, S::Ready, tester()).error().code, ErrorCode::NotFound);
}

void TestCampaignLifecycle::startingADraftGoesThroughReadyAndIsAudited()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    QVERIFY(Migrator(db.database()).migrate().ok());
    auto fixture = vsc::tests::makeCallFixture(db.database());
    QVERIFY(fixture.ok());
    const qint64 id = fixture.value().campaignId;
    QVERIFY(exec(db.database().connection(), QStringLiteral("UPDATE campaigns SET status = 'draft' WHERE id = ?"), {id})
                .ok());
    CampaignLifecycle lifecycle(db.database());
    QVERIFY(lifecycle.transition(id, S::Running, userSeven()).ok() ==
            false); // user 7 does not exist: the audit insert refuses
    QVERIFY(lifecycle.transition(id, S::Running, tester()).ok());
    QCOMPARE(CampaignRepository(db.database()).byId(id).value().status, S::Running);
    QVERIFY(lifecycle.transition(id, S::Running, tester()).ok()); // no-op
    QVERIFY(lifecycle.transition(id, S::Stopped, tester()).ok());
    auto again = lifecycle.transition(id, S::Running, tester());
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QVERIFY(again.error().detail.contains(QStringLiteral("a stopped campaign cannot become running")));
    auto audit = AuditRepository(db.database()).forEntity(QStringLiteral("campaign"), id);
    QStringList changes;
    for (const AuditEntry &e : audit.value()) {
        if (e.action == QLatin1String("campaign.status")) {
            changes << e.details.value(QStringLiteral("from")).toString() + QStringLiteral("->") +
                           e.details.value(QStringLiteral("to")).toString();
        }
    }
    QCOMPARE(audit.value().constLast().actorName, QStringLiteral("system:test"));
    QCOMPARE(audit.value().constLast().before.value(QStringLiteral("status")).toString(), QStringLiteral("running"));
    QCOMPARE(changes, QStringList({QStringLiteral("draft->ready"), QStringLiteral("ready->running"),
                                   QStringLiteral("running->stopped")}));
}

QTEST_GUILESS_MAIN(TestCampaignLifecycle)
#include "tst_campaignlifecycle.moc"
