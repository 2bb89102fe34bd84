// SPDX-License-Identifier: GPL-3.0-or-later
// A campaign's report settings (0011): its recipients and the daily-summary flag are stored and read back on both
// backends, written and read by the campaign JSON (docs/CAMPAIGN_FORMAT.md), checked, and editable in every status.
#include "services/campaigns/campaignjson.h"
#include "services/campaigns/campaignvalidation.h"
#include "services/storage/campaignrepository.h"
#include "services/storage/migrator.h"
#include "tests/support/testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace vsc;
namespace field = services::campaigns::field;

namespace {

bool hasProblem(const QList<FieldProblem> &problems, const QString &fieldName)
{
    return std::any_of(problems.cbegin(), problems.cend(),
                       [&](const FieldProblem &problem) { return problem.field == fieldName; });
}

} // namespace

class TestCampaignReports : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void storedAndReadBack();
    void jsonRoundTrip();
    void validation();
    void editableWhileRunningAndStopped();
};

void TestCampaignReports::storedAndReadBack()
{
    tests::TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.errorString()));
    QVERIFY(services::storage::Migrator(db.database()).migrate().ok());
    services::storage::CampaignRepository campaigns(db.database());
    Campaign c;
    c.name = QStringLiteral("Reported");
    c.reportRecipients = QStringLiteral("ada@example.com,grace@example.org");
    c.dailySummary = true;
    auto id = campaigns.create(c, Actor::fileOwner(QStringLiteral("tester")));
    QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().toString()));
    auto stored = campaigns.byId(id.value());
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().reportRecipients, c.reportRecipients);
    QVERIFY(stored.value().dailySummary);

    Campaign changed = stored.value();
    changed.reportRecipients = QStringLiteral("ops@example.com");
    changed.dailySummary = false;
    const auto [before, after] = services::campaigns::changedFields(stored.value(), changed);
    QVERIFY(after.contains(field::reportRecipients) && after.contains(field::dailySummary)); // audited
    QVERIFY(campaigns.update(changed, before, after, Actor::fileOwner(QStringLiteral("tester"))).ok());
    QCOMPARE(campaigns.byId(id.value()).value().reportRecipients, QStringLiteral("ops@example.com"));
    QVERIFY(!campaigns.byId(id.value()).value().dailySummary);
    // Existing campaigns get none: no reports until someone adds recipients.
    Campaign plain;
    plain.name = QStringLiteral("Plain");
    auto plainId = campaigns.create(plain, Actor::fileOwner(QStringLiteral("tester")));
    QVERIFY(plainId.ok());
    QVERIFY(campaigns.byId(plainId.value()).value().reportRecipients.isEmpty());
    QVERIFY(!campaigns.byId(plainId.value()).value().dailySummary);
}

void TestCampaignReports::jsonRoundTrip()
{
    Campaign c;
    c.name = QStringLiteral("Reported");
    c.reportRecipients = QStringLiteral("ada@example.com,grace@example.org");
    c.dailySummary = true;
    const QJsonObject json = services::campaigns::campaignToJson(c);
    const QJsonObject reports = json.value(QStringLiteral("reports")).toObject();
    QCOMPARE(reports.value(QStringLiteral("recipients")).toArray(),
             QJsonArray({QStringLiteral("ada@example.com"), QStringLiteral("grace@example.org")}));
    QCOMPARE(reports.value(QStringLiteral("daily_summary")).toBool(), true);

    QList<FieldProblem> problems;
    const Campaign read = services::campaigns::campaignFromJson(json, Campaign{}, problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(read.reportRecipients, c.reportRecipients);
    QVERIFY(read.dailySummary);

    // Wrong types and unknown keys are named by their path.
    const QJsonObject wrong = QJsonDocument::fromJson(R"({"reports": {"daily_summary": "yes", "cc": []}})").object();
    services::campaigns::campaignFromJson(wrong, Campaign{}, problems);
    QVERIFY(hasProblem(problems, field::dailySummary));
    QVERIFY(hasProblem(problems, QStringLiteral("reports.cc")));
}

void TestCampaignReports::validation()
{
    Campaign c;
    c.name = QStringLiteral("Reported");
    c.callerId = QStringLiteral("+14155550100");
    c.reportRecipients = QStringLiteral("ada@example.com,not-an-address");
    QVERIFY(hasProblem(services::campaigns::validateCampaign(c), field::reportRecipients));
    c.reportRecipients = QStringLiteral("ada@example.com, grace@example.org");
    QVERIFY(!hasProblem(services::campaigns::validateCampaign(c), field::reportRecipients));
    c.reportRecipients.clear();
    c.dailySummary = true;
    QVERIFY(hasProblem(services::campaigns::validateCampaign(c), field::dailySummary));
}

void TestCampaignReports::editableWhileRunningAndStopped()
{
    for (const CampaignStatus status : {CampaignStatus::Running, CampaignStatus::Paused, CampaignStatus::Stopped}) {
        QVERIFY(services::campaigns::isEditable(status, field::reportRecipients));
        QVERIFY(services::campaigns::isEditable(status, field::dailySummary));
    }
}

QTEST_GUILESS_MAIN(TestCampaignReports)
#include "tst_campaignreports.moc"
