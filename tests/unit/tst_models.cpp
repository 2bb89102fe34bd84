// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/call.h"
#include "models/campaign.h"
#include "models/contact.h"
#include "models/kpis.h"
#include "models/result.h"
#include "models/survey.h"

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

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
