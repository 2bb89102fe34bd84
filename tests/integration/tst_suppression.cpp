// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/contact.h"
#include "services/contacts/contactimporter.h"
#include "services/demo/demoseeder.h"
#include "services/events/eventbus.h"
#include "services/storage/auditrepository.h"
#include "services/storage/migrator.h"
#include "services/suppression/suppressionservice.h"
#include "tests/support/fakeclock.h"
#include "tests/support/testdatabase.h"

#include <QSignalSpy>
#include <QTest>

using namespace vsc;
using namespace vsc::services;

// The do-not-call list through its service: numbers normalised, scopes, removal only with suppression.manage and
// audited with the entry as it was, CSV import reporting every bad row with its line, search, export; both backends.
class TestSuppression : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void addNormalisesAndRefusesDuplicates();
    void removeNeedsSuppressionManageAndIsAudited();
    void importReportsEveryBadRow();
    void listSearchesAndMasks();
    void exportReadsBack();
    void eventBusPublishesChanges();

private:
    Actor actorWith(PermissionSet permissions) const;

    std::unique_ptr<tests::TestDatabase> m_db;
    tests::FakeClock m_clock;
    qint64 m_campaignId = 0;
    const Actor m_owner = Actor::fileOwner(QStringLiteral("tester"));
};

void TestSuppression::init()
{
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    QVERIFY(storage::Migrator(m_db->database()).migrate().ok());
    auto seeded = demo::DemoSeeder(m_db->database(), m_clock).seed();
    QVERIFY(seeded.ok());
    m_campaignId = seeded.value().campaignId;
}

void TestSuppression::cleanup()
{
    m_db.reset();
}

Actor TestSuppression::actorWith(PermissionSet permissions) const
{
    Actor actor;
    actor.kind = ActorKind::User;
    actor.name = QStringLiteral("olga");
    actor.permissions = permissions;
    return actor;
}

void TestSuppression::addNormalisesAndRefusesDuplicates()
{
    suppression::SuppressionService service(m_db->database());
    auto id = service.add(m_owner, {QStringLiteral("(415) 555-0199"), QStringLiteral("US"), std::nullopt,
                                    QStringLiteral("asked by letter")});
    QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().toString()));
    auto entry = storage::SuppressionRepository(m_db->database()).byId(id.value());
    QCOMPARE(entry.value().phoneE164, QStringLiteral("+14155550199"));
    QCOMPARE(entry.value().source, QStringLiteral("manual"));
    QCOMPARE(entry.value().createdByName, m_owner.name);
    QVERIFY(!entry.value().campaignId);

    auto again = service.add(m_owner, {QStringLiteral("+1 415 555 0199"), QStringLiteral("US"), std::nullopt, {}});
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    // The same number for one campaign is another scope.
    auto campaign = service.add(m_owner, {QStringLiteral("+1 415 555 0199"), QStringLiteral("US"), m_campaignId, {}});
    QVERIFY(campaign.ok());
    QCOMPARE(storage::SuppressionRepository(m_db->database()).byId(campaign.value()).value().campaignName.isEmpty(),
             false);

    auto bad = service.add(m_owner, {QStringLiteral("555"), QStringLiteral("US"), std::nullopt, {}});
    QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
    auto noCampaign = service.add(m_owner, {QStringLiteral("+14155550198"), QStringLiteral("US"), 99999, {}});
    QCOMPARE(noCampaign.error().code, ErrorCode::NotFound);
    auto denied = service.add(actorWith({Permission::ContactsView}),
                              {QStringLiteral("+14155550197"), QStringLiteral("US"), std::nullopt, {}});
    QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
}

void TestSuppression::removeNeedsSuppressionManageAndIsAudited()
{
    suppression::SuppressionService service(m_db->database());
    auto id = service.add(
        m_owner, {QStringLiteral("+14155550196"), QStringLiteral("US"), std::nullopt, QStringLiteral("complaint")});
    QVERIFY(id.ok());
    auto refused = service.remove(actorWith({Permission::ContactsView, Permission::PiiView}), id.value());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QVERIFY(storage::SuppressionRepository(m_db->database()).byId(id.value()).ok());

    QVERIFY(service.remove(actorWith({Permission::SuppressionManage}), id.value()).ok());
    QCOMPARE(storage::SuppressionRepository(m_db->database()).byId(id.value()).error().code, ErrorCode::NotFound);
    storage::AuditFilter filter;
    filter.action = QStringLiteral("suppression.remove");
    auto audited = storage::AuditRepository(m_db->database()).entries(filter);
    QCOMPARE(audited.value().size(), 1);
    const auto &before = audited.value().constFirst().before;
    QCOMPARE(before.value(QStringLiteral("reason")).toString(), QStringLiteral("complaint"));
    QCOMPARE(before.value(QStringLiteral("number")).toString(), maskPhoneNumber(QStringLiteral("+14155550196")));
    QCOMPARE(audited.value().constFirst().actorName, QStringLiteral("olga"));
    QCOMPARE(service.remove(m_owner, id.value()).error().code, ErrorCode::NotFound);
}

void TestSuppression::importReportsEveryBadRow()
{
    suppression::SuppressionService service(m_db->database());
    QVERIFY(service.add(m_owner, {QStringLiteral("+14155550195"), QStringLiteral("US"), std::nullopt, {}}).ok());
    const QByteArray csv =
        QByteArray("\xEF\xBB\xBF") + QStringLiteral("Phone,Campaign,Reason\r\n"
                                                    "(415) 555-0101,,letter\r\n"                          // 2: global
                                                    "+1 415 555 0102,%1,\"said \"\"stop\"\", twice\"\r\n" // 3: campaign
                                                    "12,,\r\n"                                            // 4: invalid
                                                    "415-555-0101,,again\r\n"         // 5: duplicate in file
                                                    "+14155550195,,\r\n"              // 6: already listed
                                                    "+14155550103,424242,\r\n"        // 7: no such campaign
                                                    "+14155550104\r\n"                // 8: field count
                                                    "+14155550105,abc,\r\n"           // 9: not an id
                                                    "\"+49 30 12345678\",,Grüße\r\n") // 10: German, non-ASCII
                                         .arg(m_campaignId)
                                         .toUtf8();
    suppression::SuppressionImportOptions options;
    options.reason = QStringLiteral("imported");
    auto report = service.importCsv(m_owner, csv, options);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
    QCOMPARE(report.value().rows, 9);
    QCOMPARE(report.value().added, 3);
    QList<int> lines;
    for (const auto &row : report.value().rejected) {
        lines << row.line;
    }
    QCOMPARE(lines, (QList<int>{4, 5, 6, 7, 8, 9}));
    QVERIFY(report.value().rejected.at(1).reason.contains(QStringLiteral("line 2")));
    QVERIFY(report.value().rejected.at(2).reason.contains(QStringLiteral("already")));
    auto listed = storage::SuppressionRepository(m_db->database()).all().value();
    QHash<QString, storage::Suppression> byNumber;
    for (const auto &entry : listed) {
        byNumber.insert(entry.phoneE164, entry);
    }
    QCOMPARE(byNumber.value(QStringLiteral("+14155550101")).reason, QStringLiteral("letter"));
    QCOMPARE(byNumber.value(QStringLiteral("+14155550101")).source, QStringLiteral("import"));
    QCOMPARE(byNumber.value(QStringLiteral("+14155550102")).campaignId, std::optional<qint64>(m_campaignId));
    QCOMPARE(byNumber.value(QStringLiteral("+14155550102")).reason, QStringLiteral("said \"stop\", twice"));
    QCOMPARE(byNumber.value(QStringLiteral("+493012345678")).reason, QStringLiteral("Grüße"));

    auto denied = service.importCsv(actorWith({Permission::ContactsView}), csv, options);
    QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
}

void TestSuppression::listSearchesAndMasks()
{
    suppression::SuppressionService service(m_db->database());
    QVERIFY(service.add(m_owner, {QStringLiteral("+14155550111"), QStringLiteral("US"), std::nullopt, {}}).ok());
    QVERIFY(service.add(m_owner, {QStringLiteral("+14155550222"), QStringLiteral("US"), m_campaignId, {}}).ok());
    storage::SuppressionFilter filter;
    filter.numberFragment = QStringLiteral("0111");
    auto found = service.list(m_owner, filter);
    QVERIFY(!found.value().isEmpty());
    for (const auto &entry : found.value()) {
        QVERIFY(entry.phoneE164.contains(QStringLiteral("0111")));
    }
    QCOMPARE(found.value().constFirst().phoneE164, QStringLiteral("+14155550111")); // newest first
    // What is typed is searched for as written: "_" and "%" are characters, not wildcards.
    for (const QString &wildcard : {QStringLiteral("_"), QStringLiteral("%"), QStringLiteral("0_11")}) {
        filter.numberFragment = wildcard;
        QVERIFY2(service.list(m_owner, filter).value().isEmpty(), qPrintable(wildcard));
    }
    filter = {};
    filter.source = QStringLiteral("manual");
    filter.globalOnly = true;
    found = service.list(m_owner, filter);
    QStringList numbers;
    for (const auto &entry : found.value()) {
        QCOMPARE(entry.source, QStringLiteral("manual"));
        QVERIFY(!entry.campaignId);
        numbers << entry.phoneE164;
    }
    QVERIFY(numbers.contains(QStringLiteral("+14155550111")));
    QVERIFY(!numbers.contains(QStringLiteral("+14155550222")));

    auto masked = service.list(actorWith({Permission::ContactsView}), {});
    QVERIFY(masked.ok());
    for (const auto &entry : masked.value()) {
        QVERIFY(entry.phoneE164.contains(QChar(0x2022)));
    }
    // The managers of the list read it without contacts.view; others without either may not.
    QVERIFY(service.list(actorWith({Permission::SuppressionManage}), {}).ok());
    QCOMPARE(service.list(actorWith({Permission::ResultsView}), {}).error().code, ErrorCode::PermissionDenied);
}

void TestSuppression::exportReadsBack()
{
    suppression::SuppressionService service(m_db->database());
    QVERIFY(service
                .add(m_owner, {QStringLiteral("+14155550333"), QStringLiteral("US"), std::nullopt,
                               QStringLiteral("=cmd|' /C calc'!A0")})
                .ok());
    QVERIFY(service
                .add(m_owner, {QStringLiteral("+14155550444"), QStringLiteral("US"), m_campaignId,
                               QStringLiteral("Grüße, \"bitte nicht\"")})
                .ok());
    auto csv = service.exportCsv(m_owner);
    QVERIFY(csv.ok());
    auto parsed = contacts::parseCsv(csv.value());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().constFirst().fields.constFirst(), QStringLiteral("number"));
    QHash<QString, QStringList> byNumber;
    for (qsizetype r = 1; r < parsed.value().size(); ++r) {
        byNumber.insert(parsed.value().at(r).fields.constFirst(), parsed.value().at(r).fields);
    }
    QCOMPARE(byNumber.value(QStringLiteral("+14155550333")).at(4), QStringLiteral("'=cmd|' /C calc'!A0"));
    QCOMPARE(byNumber.value(QStringLiteral("+14155550444")).at(1), QStringLiteral("campaign"));
    QCOMPARE(byNumber.value(QStringLiteral("+14155550444")).at(2), QString::number(m_campaignId));
    QCOMPARE(byNumber.value(QStringLiteral("+14155550444")).at(4), QStringLiteral("Grüße, \"bitte nicht\""));
    QCOMPARE(byNumber.size(), int(storage::SuppressionRepository(m_db->database()).all().value().size()));
}

void TestSuppression::eventBusPublishesChanges()
{
    events::EventBus bus(m_db->database());
    QSignalSpy changed(&bus, &events::EventBus::suppressionsChanged);
    bus.publishSuppressionsChanged();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.constFirst().at(0).toBool(), false);
    if (!m_db->isPostgres()) {
        return;
    }
    // Another console on the same database hears it through LISTEN/NOTIFY.
    auto other = m_db->openAnotherConnection();
    QVERIFY(other);
    events::EventBus remote(*other);
    QVERIFY(remote.listen().ok());
    QSignalSpy heard(&remote, &events::EventBus::suppressionsChanged);
    bus.publishSuppressionsChanged();
    QVERIFY(heard.wait(10000));
    QCOMPARE(heard.constFirst().at(0).toBool(), true);
}

QTEST_GUILESS_MAIN(TestSuppression)
#include "tst_suppression.moc"
