// SPDX-License-Identifier: GPL-3.0-or-later
// The campaign editor's service on both backends: validation field by field, updates audited with before and after,
// running campaigns keep their locked fields, duplicate, archive, the JSON form round-trips, the compliance preview
// counts every category exactly as `explain` judges each contact, and a machine-answered call gets the campaign's
// answering-machine handling.
#include "services/campaigns/campaignjson.h"
#include "services/campaigns/campaignservice.h"
#include "services/campaigns/campaignvalidation.h"
#include "services/dialer/dialrules.h"
#include "services/storage/auditrepository.h"
#include "services/storage/campaignrepository.h"
#include "services/storage/contactrepository.h"
#include "services/storage/sql.h"
#include "services/telephony/callflow.h"
#include "tests/support/callfixture.h"
#include "tests/support/testdatabase.h"

#include <QTest>

using namespace vsc;
using namespace vsc::services;
using campaigns::CampaignService;
using campaigns::PreviewCategory;

class TestCampaignService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void validationSaysWhatToFixFieldByField();
    void validCampaignIsCreatedAsDraft();
    void updateIsAuditedWithBeforeAndAfter();
    void runningCampaignKeepsItsCallerId();
    void duplicateIsADraftCopy();
    void archivedCampaignsAreHiddenUnlessAsked();
    void jsonFormRoundTrips();
    void previewCountsEveryCategoryAsExplainDoes();
    void machineAnsweredCallLeavesTheMessage();

private:
    static Campaign valid(const QString &name);
    static QStringList fieldsOf(const QList<FieldProblem> &problems);
    bool run(const QString &sql, const QVariantList &params = {});
    qint64 addContact(qint64 campaignId, const QString &phone, const QString &zone, const QVariantMap &fields = {});

    std::unique_ptr<tests::TestDatabase> m_db;
    Actor m_actor = Actor::fileOwner(QStringLiteral("tester"));
};

void TestCampaignService::initTestCase()
{
    tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

void TestCampaignService::init()
{
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY(m_db->isValid());
    QVERIFY(tests::migrateAndMakeCallFixture(m_db->database()).ok());
}

void TestCampaignService::cleanup()
{
    m_db.reset();
}

Campaign TestCampaignService::valid(const QString &name)
{
    Campaign c;
    c.name = name;
    c.callerId = QStringLiteral("+14155550100");
    c.retryPolicy = {{QStringLiteral("busy"), 600}, {QStringLiteral("no-answer"), 1800}};
    return c;
}

QStringList TestCampaignService::fieldsOf(const QList<FieldProblem> &problems)
{
    QStringList fields;
    for (const FieldProblem &p : problems) {
        fields << p.field;
    }
    return fields;
}

bool TestCampaignService::run(const QString &sql, const QVariantList &params)
{
    return storage::exec(m_db->database().connection(), sql, params).ok();
}

qint64 TestCampaignService::addContact(qint64 campaignId, const QString &phone, const QString &zone,
                                       const QVariantMap &fields)
{
    Contact c;
    c.campaignId = campaignId;
    c.phoneE164 = phone;
    c.timeZone = zone;
    c.customFields = fields;
    auto id = storage::ContactRepository(m_db->database()).add(c);
    return id.ok() ? id.value() : 0;
}

void TestCampaignService::validationSaysWhatToFixFieldByField()
{
    CampaignService service(m_db->database());
    QVERIFY(service.create(m_actor, valid(QStringLiteral("Taken"))).ok());
    Campaign c = valid(QStringLiteral("Taken"));
    c.callerId = QStringLiteral("555-0100");
    c.language = QStringLiteral("english");
    c.windowStart = QTime(21, 0);
    c.windowEnd = QTime(8, 0);
    c.blockedWeekdays = QStringLiteral("6,9");
    c.blockedDates = QStringLiteral("2026-12-24,24.12.2026");
    c.callsPerSecond = 0;
    c.maxConcurrentCalls = 0;
    c.maxAttempts = 21;
    c.retryPolicy = {{QStringLiteral("busy"), -5}, {QStringLiteral("voicemail"), 60}};
    c.quotas = {{QStringLiteral("region"), QVariantMap{{QStringLiteral("West"), -1}}}, {QStringLiteral("age"), 5}};
    c.machineAction = MachineAction::LeaveMessage;
    auto problems = service.validate(c);
    QVERIFY(problems.ok());
    const QStringList fields = fieldsOf(problems.value());
    const QStringList expected{QStringLiteral("name"),
                               QStringLiteral("caller_id"),
                               QStringLiteral("language"),
                               QStringLiteral("window.end"),
                               QStringLiteral("window.blocked_weekdays"),
                               QStringLiteral("window.blocked_dates"),
                               QStringLiteral("pacing.calls_per_second"),
                               QStringLiteral("pacing.max_concurrent_calls"),
                               QStringLiteral("attempts.max"),
                               QStringLiteral("attempts.retry_delay_seconds.busy"),
                               QStringLiteral("attempts.retry_delay_seconds.voicemail"),
                               QStringLiteral("quotas.age"),
                               QStringLiteral("quotas.region.West"),
                               QStringLiteral("answering_machine.message")};
    QCOMPARE(fields, expected);
    // The words say what to do, not only what is wrong.
    QCOMPARE(problems.value().at(1).message, QStringLiteral("start with + and the country code, e.g. +14155550100"));
    QCOMPARE(problems.value().at(0).message,
             QStringLiteral("another campaign is called \"Taken\"; choose another name"));
    QVERIFY(problems.value().at(4).message.contains(QStringLiteral("\"9\" is not a weekday number")));
    QCOMPARE(campaigns::callerIdProblem(QStringLiteral("+1 415 555 0100")),
             QStringLiteral("write it as +14155550100 (E.164: + and digits only)"));
    QVERIFY(!campaigns::callerIdProblem(QStringLiteral("+1415555")).isEmpty());
    QVERIFY(campaigns::languageProblem(QStringLiteral("de-DE")).isEmpty());
    QVERIFY(campaigns::languageProblem(QStringLiteral("zh-Hant-TW")).isEmpty());
    QVERIFY(!campaigns::languageProblem(QStringLiteral("xx-US")).isEmpty());
    // create refuses the same, naming every field.
    auto created = service.create(m_actor, c);
    QVERIFY(!created.ok());
    QCOMPARE(created.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(created.error().detail.count(u'\n'), expected.size() - 1);
}

void TestCampaignService::validCampaignIsCreatedAsDraft()
{
    CampaignService service(m_db->database());
    Campaign c = valid(QStringLiteral("Spring survey"));
    c.machineAction = MachineAction::LeaveMessage;
    c.machineMessage = QStringLiteral("We will call again.");
    c.status = CampaignStatus::Running; // ignored: a new campaign is a draft
    auto id = service.create(m_actor, c);
    QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().detail));
    auto stored = service.campaign(m_actor, id.value());
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().status, CampaignStatus::Draft);
    QCOMPARE(stored.value().machineAction, MachineAction::LeaveMessage);
    QCOMPARE(stored.value().machineMessage, QStringLiteral("We will call again."));
    // Permission: a viewer may not.
    Actor viewer = m_actor;
    viewer.permissions = PermissionSet();
    QCOMPARE(service.create(viewer, valid(QStringLiteral("Other"))).error().code, ErrorCode::PermissionDenied);
}

void TestCampaignService::updateIsAuditedWithBeforeAndAfter()
{
    CampaignService service(m_db->database());
    auto id = service.create(m_actor, valid(QStringLiteral("Audited")));
    QVERIFY(id.ok());
    Campaign c = service.campaign(m_actor, id.value()).value();
    c.callsPerSecond = 2.5;
    c.blockedWeekdays = QStringLiteral("7");
    c.retryPolicy.insert(QStringLiteral("machine"), 7200);
    QVERIFY(service.update(m_actor, c).ok());
    QCOMPARE(service.campaign(m_actor, id.value()).value().callsPerSecond, 2.5);
    storage::AuditFilter filter;
    filter.action = QStringLiteral("campaign.update");
    filter.entityId = id.value();
    auto rows = storage::AuditRepository(m_db->database()).entries(filter);
    QVERIFY(rows.ok());
    QCOMPARE(rows.value().size(), 1);
    const storage::AuditEntry &entry = rows.value().constFirst();
    QCOMPARE(entry.actorName, QStringLiteral("os:tester"));
    QCOMPARE(entry.before.keys(),
             (QStringList{QStringLiteral("attempts.retry_delay_seconds"), QStringLiteral("pacing.calls_per_second"),
                          QStringLiteral("window.blocked_weekdays")}));
    QCOMPARE(entry.before.value(QStringLiteral("pacing.calls_per_second")).toDouble(), 1.0);
    QCOMPARE(entry.after.value(QStringLiteral("pacing.calls_per_second")).toDouble(), 2.5);
    QCOMPARE(entry.before.value(QStringLiteral("window.blocked_weekdays")).toString(), QString());
    QCOMPARE(entry.after.value(QStringLiteral("window.blocked_weekdays")).toString(), QStringLiteral("7"));
    QCOMPARE(entry.after.value(QStringLiteral("attempts.retry_delay_seconds"))
                 .toMap()
                 .value(QStringLiteral("machine"))
                 .toInt(),
             7200);
    // Saving unchanged is no change: nothing more in the log.
    QVERIFY(service.update(m_actor, service.campaign(m_actor, id.value()).value()).ok());
    QCOMPARE(storage::AuditRepository(m_db->database()).entries(filter).value().size(), 1);
}

void TestCampaignService::runningCampaignKeepsItsCallerId()
{
    CampaignService service(m_db->database());
    auto id = service.create(m_actor, valid(QStringLiteral("Running")));
    QVERIFY(id.ok());
    QVERIFY(run(QStringLiteral("UPDATE campaigns SET status = 'running' WHERE id = ?"), {id.value()}));
    Campaign c = service.campaign(m_actor, id.value()).value();
    c.callerId = QStringLiteral("+14155550199");
    c.maxConcurrentCalls = 5;
    auto refused = service.update(m_actor, c);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(
        refused.error().detail.startsWith(QStringLiteral("caller_id: cannot change while the campaign is running")),
        qPrintable(refused.error().detail));
    c.callerId = QStringLiteral("+14155550100");
    QVERIFY(service.update(m_actor, c).ok()); // pacing may change while it runs
    QCOMPARE(service.campaign(m_actor, id.value()).value().maxConcurrentCalls, 5);
}

void TestCampaignService::duplicateIsADraftCopy()
{
    CampaignService service(m_db->database());
    Campaign original = valid(QStringLiteral("Original"));
    original.quotas = {{QStringLiteral("region"), QVariantMap{{QStringLiteral("West"), 50}}}};
    auto id = service.create(m_actor, original);
    QVERIFY(id.ok());
    QVERIFY(run(QStringLiteral("UPDATE campaigns SET status = 'stopped' WHERE id = ?"), {id.value()}));
    auto first = service.duplicate(m_actor, id.value());
    auto second = service.duplicate(m_actor, id.value());
    QVERIFY(first.ok() && second.ok());
    const Campaign copy = service.campaign(m_actor, first.value()).value();
    QCOMPARE(copy.name, QStringLiteral("Original (copy)"));
    QCOMPARE(service.campaign(m_actor, second.value()).value().name, QStringLiteral("Original (copy 2)"));
    QCOMPARE(copy.status, CampaignStatus::Draft);
    QCOMPARE(copy.quotas, original.quotas);
    QCOMPARE(copy.callerId, original.callerId);
    QCOMPARE(tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM contacts WHERE campaign_id = ?"),
                          {first.value()}),
             0);
}

void TestCampaignService::archivedCampaignsAreHiddenUnlessAsked()
{
    CampaignService service(m_db->database());
    auto id = service.create(m_actor, valid(QStringLiteral("Old one")));
    QVERIFY(id.ok());
    auto listed = [&](CampaignService::Archived archived) {
        QList<qint64> ids;
        const auto rows = service.summaries(m_actor, archived);
        for (const CampaignSummary &s : rows.value()) {
            ids << s.campaign.id;
        }
        return ids;
    };
    QVERIFY(listed(CampaignService::Archived::Hidden).contains(id.value()));
    QVERIFY(service.setArchived(m_actor, id.value(), true).ok());
    QVERIFY(!listed(CampaignService::Archived::Hidden).contains(id.value()));
    QVERIFY(listed(CampaignService::Archived::Shown).contains(id.value()));
    QVERIFY(service.campaign(m_actor, id.value()).value().archivedAt.isValid());
    storage::AuditFilter filter;
    filter.action = QStringLiteral("campaign.archive");
    QCOMPARE(storage::AuditRepository(m_db->database()).entries(filter).value().size(), 1);
    QVERIFY(service.setArchived(m_actor, id.value(), false).ok());
    QVERIFY(listed(CampaignService::Archived::Hidden).contains(id.value()));
    // A running campaign is paused or stopped first.
    QVERIFY(run(QStringLiteral("UPDATE campaigns SET status = 'running' WHERE id = ?"), {id.value()}));
    QCOMPARE(service.setArchived(m_actor, id.value(), true).error().code, ErrorCode::Conflict);
}

void TestCampaignService::jsonFormRoundTrips()
{
    CampaignService service(m_db->database());
    Campaign c = valid(QStringLiteral("Round trip"));
    c.description = QStringLiteral("JSON and back");
    c.blockedWeekdays = QStringLiteral("6,7");
    c.blockedDates = QStringLiteral("2026-12-24,2026-12-25");
    c.windowEnd = QTime(0, 0);
    c.quotas = {{QStringLiteral("region"), QVariantMap{{QStringLiteral("West"), 50}, {QStringLiteral("East"), 40}}}};
    c.machineAction = MachineAction::LeaveMessage;
    c.machineMessage = QStringLiteral("Sorry we missed you.");
    auto id = service.create(m_actor, c);
    QVERIFY(id.ok());
    const Campaign stored = service.campaign(m_actor, id.value()).value();
    const QJsonObject json = campaigns::campaignToJson(stored);
    QList<FieldProblem> problems;
    const Campaign back = campaigns::campaignFromJson(json, Campaign(), problems);
    QVERIFY2(problems.isEmpty(), qPrintable(CampaignService::problemsText(problems)));
    QVERIFY(campaigns::changedFields(stored, back).second.isEmpty());
    // Wrong types and unknown keys are named.
    QJsonObject broken = json;
    broken.insert(QStringLiteral("pacing"), QJsonObject{{QStringLiteral("calls_per_second"), QStringLiteral("fast")}});
    broken.insert(QStringLiteral("colour"), QStringLiteral("blue"));
    problems.clear();
    (void)campaigns::campaignFromJson(broken, Campaign(), problems);
    QCOMPARE(fieldsOf(problems), (QStringList{QStringLiteral("pacing.calls_per_second"), QStringLiteral("colour")}));
}

void TestCampaignService::previewCountsEveryCategoryAsExplainDoes()
{
    storage::Database &db = m_db->database();
    auto fixture = tests::makeCallFixture(db, QStringLiteral("+14155550177"));
    QVERIFY(fixture.ok());
    const qint64 campaignId = fixture.value().campaignId;
    QVERIFY(run(QStringLiteral("DELETE FROM call_attempts WHERE campaign_id = ?"), {campaignId}));
    QVERIFY(run(QStringLiteral("DELETE FROM contacts WHERE campaign_id = ?"), {campaignId}));
    // Monday 2026-11-23 16:00 UTC: 10:00 in Chicago, 06:00 in Honolulu, Tuesday 01:00 in Tokyo.
    const QDateTime at(QDate(2026, 11, 23), QTime(16, 0), Qt::UTC);
    QVERIFY(run(QStringLiteral("UPDATE campaigns SET window_start = '08:00', window_end = '21:00', "
                               "blocked_weekdays = '2', max_attempts = 3, quotas = ? WHERE id = ?"),
                {QStringLiteral("{\"region\": {\"West\": 1}}"), campaignId}));
    const QString chicago = QStringLiteral("America/Chicago");
    QList<qint64> ids;
    ids << addContact(campaignId, QStringLiteral("+13125550101"), chicago) // dialable
        << addContact(campaignId, QStringLiteral("+13125550102"), chicago) // dialable
        << addContact(campaignId, QStringLiteral("+18085550101"), QStringLiteral("Pacific/Honolulu"))
        << addContact(campaignId, QStringLiteral("+18085550102"), QStringLiteral("Pacific/Honolulu"))
        << addContact(campaignId, QStringLiteral("+18085550103"), QStringLiteral("Pacific/Honolulu"))
        << addContact(campaignId, QStringLiteral("+81312345678"), QStringLiteral("Asia/Tokyo")); // blocked Tuesday
    const qint64 suppressed = addContact(campaignId, QStringLiteral("+13125550103"), chicago);
    const qint64 atCap = addContact(campaignId, QStringLiteral("+13125550104"), chicago);
    const qint64 waiting = addContact(campaignId, QStringLiteral("+13125550105"), chicago);
    const qint64 completed = addContact(campaignId, QStringLiteral("+13125550106"), chicago,
                                        {{QStringLiteral("region"), QStringLiteral("West")}});
    const qint64 quotaFull = addContact(campaignId, QStringLiteral("+13125550107"), chicago,
                                        {{QStringLiteral("region"), QStringLiteral("West")}});
    ids << suppressed << atCap << waiting << completed << quotaFull;
    QVERIFY(!ids.contains(0));
    QVERIFY(run(QStringLiteral("INSERT INTO suppression_list (phone_e164, reason, source, created_at) "
                               "VALUES ('+13125550103', 'asked', 'manual', ?)"),
                {storage::toDb(at.addDays(-2))}));
    QVERIFY(run(QStringLiteral("UPDATE contacts SET attempts_count = 3 WHERE id = ?"), {atCap}));
    QVERIFY(run(QStringLiteral("UPDATE contacts SET attempts_count = 1, next_attempt_at = ? WHERE id = ?"),
                {storage::toDb(at.addSecs(3600)), waiting}));
    QVERIFY(
        run(QStringLiteral("UPDATE contacts SET status = 'completed', attempts_count = 1 WHERE id = ?"), {completed}));
    // A retry after a busy line, with its attempt row: the bulk read finds the last attempt as explain does.
    auto busy = tests::addAttempt(db, fixture.value(), QStringLiteral("+13125550108"));
    QVERIFY(busy.ok());
    QVERIFY(run(QStringLiteral("UPDATE call_attempts SET status = 'busy', claimed_at = ? WHERE id = ?"),
                {storage::toDb(at.addSecs(-600)), busy.value()}));
    QVERIFY(run(QStringLiteral("UPDATE contacts SET status = 'pending', attempts_count = 1, next_attempt_at = ?, "
                               "time_zone = 'America/Chicago' WHERE phone_e164 = '+13125550108'"),
                {storage::toDb(at.addSecs(1200))}));

    auto preview = CampaignService(db).preview(m_actor, campaignId, at);
    QVERIFY2(preview.ok(), qPrintable(preview.ok() ? QString() : preview.error().detail));
    const campaigns::CompliancePreview &p = preview.value();
    QCOMPARE(p.total, 12);
    QCOMPARE(p.count(PreviewCategory::DialableNow), 2);
    QCOMPARE(p.count(PreviewCategory::OutsideWindow), 3);
    QCOMPARE(p.count(PreviewCategory::BlockedDay), 1);
    QCOMPARE(p.count(PreviewCategory::Suppressed), 1);
    QCOMPARE(p.count(PreviewCategory::AtCap), 1);
    QCOMPARE(p.count(PreviewCategory::RetryWait), 2);
    QCOMPARE(p.count(PreviewCategory::QuotaFull), 1);
    QCOMPARE(p.count(PreviewCategory::Completed), 1);
    // The earliest opening: 08:00 in Honolulu, 18:00 UTC.
    QCOMPARE(p.windowOpensAt, QDateTime(QDate(2026, 11, 23), QTime(18, 0), Qt::UTC));
    QCOMPARE(p.windowOpensZone, QStringLiteral("Pacific/Honolulu"));
    QCOMPARE(p.summary(), QStringLiteral("2 dialable now; 3 outside their window until 08:00 local; 1 on a blocked "
                                         "day until Wed 08:00 local; 1 suppressed; 1 at the cap; 2 waiting for "
                                         "their retry delay; 1 in a full quota cell; 1 completed"));
    // Contact by contact, explain's verdict falls in the same category.
    std::array<int, campaigns::kPreviewCategoryCount> byExplain{};
    QStringList verdicts;
    auto all =
        storage::exec(db.connection(), QStringLiteral("SELECT id FROM contacts WHERE campaign_id = ?"), {campaignId});
    QVERIFY(all.ok());
    QList<qint64> contactIds; // read whole first: PostgreSQL's driver drops a result when the next query runs
    while (all.value().next()) {
        contactIds << all.value().value(0).toLongLong();
    }
    QCOMPARE(contactIds.size(), 12);
    for (const qint64 contactId : std::as_const(contactIds)) {
        auto explained = dialer::explainContact(db, contactId, at);
        QVERIFY(explained.ok());
        ++byExplain.at(static_cast<int>(campaigns::previewCategoryOf(explained.value())));
        verdicts << explained.value().verdict;
    }
    QVERIFY2(byExplain == p.counts, qPrintable(verdicts.join(u'\n')));
    QVERIFY(dialer::explainContact(db, ids.at(2), at)
                .value()
                .verdict.startsWith(
                    QStringLiteral("not dialed now: outside calling window 08:00-21:00 until Mon 2026-11-23 08:00")));
}

void TestCampaignService::machineAnsweredCallLeavesTheMessage()
{
    storage::Database &db = m_db->database();
    auto fixture = tests::makeCallFixture(db, QStringLiteral("+14155550178"));
    QVERIFY(fixture.ok());
    telephony::CallFlow flow(db, QUrl(QStringLiteral("https://surveys.example.com")));
    const auto params = [](const QString &answeredBy) {
        return telephony::FormParams{{QStringLiteral("CallSid"), QStringLiteral("CA00000000000000000000000000000001")},
                                     {QStringLiteral("AnsweredBy"), answeredBy}};
    };
    // Hang up (the default): no survey for a voicemail box.
    telephony::WebhookReply reply = flow.voice(fixture.value().attemptId, params(QStringLiteral("machine_end_beep")));
    QCOMPARE(reply.status, 200);
    QVERIFY2(reply.body.endsWith("<Response><Hangup/></Response>"), reply.body.constData());
    // Leave a message, then hang up, in the campaign's voice.
    QVERIFY(run(QStringLiteral("UPDATE campaigns SET machine_action = 'leave_message', machine_message = ? WHERE "
                               "id = ?"),
                {QStringLiteral("This is Acme Research; we will call again."), fixture.value().campaignId}));
    auto second = tests::addAttempt(db, fixture.value(), QStringLiteral("+14155550179"));
    QVERIFY(second.ok());
    // The asynchronous verdict arrives while the first question plays; the next turn is the goodbye.
    QCOMPARE(flow.amd(second.value(), params(QStringLiteral("machine_end_beep"))).status, 200);
    reply =
        flow.gather(second.value(), {{QStringLiteral("CallSid"), QStringLiteral("CA00000000000000000000000000000002")}},
                    std::nullopt);
    QVERIFY2(reply.body.contains("This is Acme Research; we will call again.</Say><Hangup/>"), reply.body.constData());
    // A person gets the survey.
    auto third = tests::addAttempt(db, fixture.value(), QStringLiteral("+14155550180"));
    QVERIFY(third.ok());
    reply = flow.voice(third.value(), params(QStringLiteral("human")));
    QVERIFY2(reply.body.contains("<Gather"), reply.body.constData());
}

QTEST_GUILESS_MAIN(TestCampaignService)
#include "tst_campaignservice.moc"
