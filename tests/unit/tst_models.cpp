// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/actor.h"
#include "models/call.h"
#include "models/campaign.h"
#include "models/contact.h"
#include "models/kpis.h"
#include "models/result.h"
#include "models/survey.h"

#include <QSet>
#include <QTest>

using namespace vsc;

class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resultHoldsValueOrError();
    void resultVoid();
    void errorNamesAreDistinct();
    void enumKeysRoundTrip();
    void terminalStatuses();
    void maskPhoneNumberKeepsEnds_data();
    void maskPhoneNumberKeepsEnds();
    void kpiRatesHandleZero();
    void permissionKeysRoundTrip();
    void permissionSetsFromKeys();
    void actorsOfTheirKind();
    void maskPersonNameKeepsInitials_data();
    void maskPersonNameKeepsInitials();
};

void TestModels::resultHoldsValueOrError()
{
    Result<int> good(42);
    QVERIFY(good.ok());
    QVERIFY(bool(good));
    QCOMPARE(good.value(), 42);
    QCOMPARE(good.valueOr(7), 42);
    Result<int> bad(Error{ErrorCode::NotFound, QStringLiteral("nothing")});
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, ErrorCode::NotFound);
    QCOMPARE(bad.valueOr(7), 7);
    QCOMPARE(bad.error().toString(), QStringLiteral("not found: nothing"));
    Result<QString> moved(QStringLiteral("x"));
    QCOMPARE(std::move(moved).value(), QStringLiteral("x"));
}

void TestModels::resultVoid()
{
    Result<void> ok;
    QVERIFY(ok.ok());
    Result<void> bad(Error{ErrorCode::Io, QStringLiteral("disk")});
    QVERIFY(!bad);
    QCOMPARE(bad.error().detail, QStringLiteral("disk"));
}

void TestModels::errorNamesAreDistinct()
{
    QSet<QString> names;
    for (int c = int(ErrorCode::InvalidArgument); c <= int(ErrorCode::Internal); ++c) {
        names.insert(errorCodeName(ErrorCode(c)));
    }
    QCOMPARE(names.size(), int(ErrorCode::Internal) + 1);
}

void TestModels::enumKeysRoundTrip()
{
    for (int s = 0; s <= int(CampaignStatus::Stopped); ++s) {
        QCOMPARE(campaignStatusFromKey(campaignStatusKey(CampaignStatus(s))), CampaignStatus(s));
    }
    for (int s = 0; s <= int(ContactStatus::OptedOut); ++s) {
        QCOMPARE(contactStatusFromKey(contactStatusKey(ContactStatus(s))), ContactStatus(s));
    }
    for (int s = 0; s <= int(CallStatus::Canceled); ++s) {
        QCOMPARE(callStatusFromKey(callStatusKey(CallStatus(s))), CallStatus(s));
    }
    QCOMPARE(callStatusKey(CallStatus::InProgress), QStringLiteral("in-progress"));
    QCOMPARE(callStatusKey(CallStatus::NoAnswer), QStringLiteral("no-answer"));
    QVERIFY(!campaignStatusFromKey(QStringLiteral("bogus")));
    QVERIFY(!callStatusFromKey(QStringLiteral("in_progress")));
    QCOMPARE(questionTypeKey(QuestionType::SingleChoice), QStringLiteral("single_choice"));
    QCOMPARE(callProviderKey(CallProvider::Twilio), QStringLiteral("twilio"));
}

void TestModels::terminalStatuses()
{
    QVERIFY(isTerminal(CallStatus::Completed));
    QVERIFY(isTerminal(CallStatus::NoAnswer));
    QVERIFY(isTerminal(CallStatus::Canceled));
    QVERIFY(!isTerminal(CallStatus::Ringing));
    QVERIFY(!isTerminal(CallStatus::Claimed));
}

void TestModels::maskPhoneNumberKeepsEnds_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("e164") << QStringLiteral("+14155550123") << QStringLiteral("+141••••••23");
    QTest::newRow("german") << QStringLiteral("+4930231250") << QStringLiteral("+493•••••50");
    QTest::newRow("url-encoded plus") << QStringLiteral("%2B14155550123") << QStringLiteral("%2B141••••••23");
    QTest::newRow("url-encoded lower case") << QStringLiteral("%2b14155550123") << QStringLiteral("%2b141••••••23");
    QTest::newRow("formatted") << QStringLiteral("+1 (415) 555-0123") << QStringLiteral("+1 (41•) •••-••23");
    QTest::newRow("national") << QStringLiteral("(415) 555-0123") << QStringLiteral("(415) •••-••23");
    QTest::newRow("too short to keep anything") << QStringLiteral("123") << QStringLiteral("•••");
    QTest::newRow("short with plus") << QStringLiteral("+12345") << QStringLiteral("+•••••");
    QTest::newRow("empty") << QString() << QString();
}

void TestModels::maskPhoneNumberKeepsEnds()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(maskPhoneNumber(input), expected);
}

void TestModels::kpiRatesHandleZero()
{
    DashboardKpis k;
    QCOMPARE(k.answerRate(), 0.0);
    QCOMPARE(k.completionRate(), 0.0);
    k.attempts = 4;
    k.answeredAttempts = 1;
    k.contacts = 10;
    k.completedContacts = 5;
    QCOMPARE(k.answerRate(), 0.25);
    QCOMPARE(k.completionRate(), 0.5);
}

void TestModels::permissionKeysRoundTrip()
{
    QCOMPARE(allPermissions().size(), kPermissionCount);
    QSet<QString> keys;
    for (const Permission permission : allPermissions()) {
        const QString key = permissionKey(permission);
        QVERIFY2(key.contains(u'.'), qPrintable(key));
        QCOMPARE(permissionFromKey(key), std::optional<Permission>(permission));
        keys.insert(key);
    }
    QCOMPARE(keys.size(), kPermissionCount);
    QCOMPARE(permissionKey(Permission::PiiView), QStringLiteral("pii.view"));
    QVERIFY(!permissionFromKey(u"pii.View").has_value());
    QVERIFY(!permissionFromKey(u"").has_value());
}

void TestModels::permissionSetsFromKeys()
{
    QStringList unknown;
    const PermissionSet set = PermissionSet::fromKeys(
        {QStringLiteral("results.view"), QStringLiteral(" campaign.run "), QStringLiteral("rocket.launch"), QString()},
        &unknown);
    QCOMPARE(set.size(), 2);
    QVERIFY(set.has(Permission::ResultsView) && set.has(Permission::CampaignRun));
    QVERIFY(!set.has(Permission::PiiView));
    QCOMPARE(unknown, QStringList{QStringLiteral("rocket.launch")});
    QCOMPARE(set.keys(), (QStringList{QStringLiteral("campaign.run"), QStringLiteral("results.view")}));
    QCOMPARE(PermissionSet::all().size(), kPermissionCount);
    QCOMPARE(PermissionSet::fromKeys(PermissionSet::all().keys()), PermissionSet::all());
    PermissionSet merged = set | PermissionSet{Permission::AuditView};
    QCOMPARE(merged.size(), 3);
    merged.remove(Permission::CampaignRun);
    QVERIFY(!merged.has(Permission::CampaignRun));
    QVERIFY(PermissionSet().isEmpty());
}

void TestModels::actorsOfTheirKind()
{
    const Actor nobody = Actor::nobody();
    QVERIFY(!nobody.isSignedIn());
    QVERIFY(!nobody.has(Permission::ResultsView));
    const Actor owner = Actor::fileOwner(QStringLiteral("alice"));
    QCOMPARE(owner.name, QStringLiteral("os:alice"));
    QVERIFY(owner.isSignedIn() && owner.has(Permission::UsersManage));
    const Actor dialer = Actor::system(QStringLiteral("dialer"));
    QCOMPARE(dialer.name, QStringLiteral("system:dialer"));
    QCOMPARE(dialer.kind, ActorKind::System);
    QVERIFY(!dialer.userId.has_value());
}

void TestModels::maskPersonNameKeepsInitials_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("masked");
    QTest::newRow("two words") << QStringLiteral("Jane Doe") << QStringLiteral("J\u2022\u2022\u2022 D\u2022\u2022");
    QTest::newRow("hyphen") << QStringLiteral("Anne-Marie")
                            << QStringLiteral("A\u2022\u2022\u2022-M\u2022\u2022\u2022\u2022");
    QTest::newRow("accented") << QStringLiteral("Zo\u00eb \u00c5berg")
                              << QStringLiteral("Z\u2022\u2022 \u00c5\u2022\u2022\u2022\u2022");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("initial") << QStringLiteral("J.") << QStringLiteral("J.");
}

void TestModels::maskPersonNameKeepsInitials()
{
    QFETCH(QString, name);
    QFETCH(QString, masked);
    QCOMPARE(maskPersonName(name), masked);
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
