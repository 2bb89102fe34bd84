// SPDX-License-Identifier: GPL-3.0-or-later
// ScriptService: who may read and save scripts, versions, validation and the audit trail (both backends).
#include "services/clock.h"
#include "services/scripts/scriptservice.h"
#include "services/storage/auditrepository.h"
#include "services/storage/migrator.h"
#include "testconfig.h"
#include "tests/support/testdatabase.h"

#include <QFile>
#include <QTest>

using namespace vsc;
using namespace vsc::services;

namespace {

Actor userWith(const QString &name, PermissionSet permissions)
{
    Actor actor;
    actor.kind = ActorKind::User;
    actor.name = name;
    actor.permissions = permissions;
    return actor;
}

dialogue::Script sample()
{
    QFile file(QStringLiteral(VSC_SAMPLE_SCRIPT));
    return file.open(QIODevice::ReadOnly) ? dialogue::loadScript(file.readAll()).script : dialogue::Script{};
}

} // namespace

class TestScriptService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void savesVersionsOfOneScript();
    void refusesInvalidScriptsListingEveryError();
    void readingAndSavingFollowPermissions();

private:
    std::unique_ptr<tests::TestDatabase> m_db;
    SystemClock m_clock;
    Actor m_editor = userWith(QStringLiteral("olga"), {Permission::CampaignEdit});
};

void TestScriptService::init()
{
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    QVERIFY(storage::Migrator(m_db->database()).migrate().ok());
}

void TestScriptService::cleanup()
{
    m_db.reset();
}

void TestScriptService::savesVersionsOfOneScript()
{
    scripts::ScriptService service(m_db->database(), m_clock);
    dialogue::Script script = sample();
    auto first = service.save(m_editor, std::nullopt, script);
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
    QCOMPARE(first.value().version, 1);
    script.name = QStringLiteral("Customer satisfaction (short)");
    script.questions.removeLast();
    script.questions[0].branches.clear();
    auto second = service.save(m_editor, first.value().scriptId, script);
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().toString()));
    QCOMPARE(second.value().scriptId, first.value().scriptId);
    QCOMPARE(second.value().version, 2);
    auto list = service.list(m_editor);
    QVERIFY(list.ok());
    QCOMPARE(list.value().size(), 1);
    QCOMPARE(list.value().at(0).name, script.name); // the name follows the newest version
    QCOMPARE(list.value().at(0).versions.size(), 2);
    QCOMPARE(list.value().at(0).versions.at(0).questionCount, 5);
    QCOMPARE(list.value().at(0).versions.at(1).questionCount, 4);
    // Version 1 is still there as it was.
    QCOMPARE(service.load(m_editor, first.value().versionId).value(), sample());
    QCOMPARE(service.load(m_editor, second.value().versionId).value(), script);
    QCOMPARE(service.scriptOf(m_editor, second.value().versionId).value(), first.value().scriptId);
    storage::AuditFilter filter;
    filter.action = QStringLiteral("script.version");
    auto audited = storage::AuditRepository(m_db->database()).entries(filter);
    QVERIFY(audited.ok());
    QCOMPARE(audited.value().size(), 2);
    QCOMPARE(audited.value().at(0).actorName, QStringLiteral("olga"));
    QCOMPARE(audited.value().at(0).after.value(QStringLiteral("version")).toInt(), 2);
}

void TestScriptService::refusesInvalidScriptsListingEveryError()
{
    scripts::ScriptService service(m_db->database(), m_clock);
    dialogue::Script script = sample();
    script.questions[1].branches = {{{}, {{0, 12}}, QStringLiteral("comment")}};
    script.questions[2].prompt.clear();
    auto refused = service.save(m_editor, std::nullopt, script);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(refused.error().detail.contains(QStringLiteral("questions[1].branches[0].when")),
             qPrintable(refused.error().detail));
    QVERIFY(refused.error().detail.contains(QStringLiteral("questions[2].prompt")));
    QVERIFY(service.list(m_editor).value().isEmpty());
    auto imported = service.importJson(m_editor, "{\"name\": \"x\", \"questions\": [{\"id\": \"a\"}]}");
    QCOMPARE(imported.error().code, ErrorCode::InvalidArgument);
    QVERIFY(imported.error().detail.contains(QStringLiteral("questions[0].type")));
}

void TestScriptService::readingAndSavingFollowPermissions()
{
    scripts::ScriptService service(m_db->database(), m_clock);
    auto saved = service.save(m_editor, std::nullopt, sample());
    QVERIFY(saved.ok());
    const Actor viewer = userWith(QStringLiteral("vic"), {Permission::ResultsView, Permission::ContactsView});
    QVERIFY(service.list(viewer).ok()); // results are read against the wording
    QVERIFY(service.exportJson(viewer, saved.value().versionId).ok());
    QCOMPARE(service.save(viewer, saved.value().scriptId, sample()).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(service.importJson(viewer, dialogue::toJson(sample())).error().code, ErrorCode::PermissionDenied);
    const Actor dialer = userWith(QStringLiteral("dan"), {Permission::CampaignRun});
    QCOMPARE(service.list(dialer).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(service.load(dialer, saved.value().versionId).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(service.list(Actor::nobody()).error().code, ErrorCode::Unauthenticated);
    storage::AuditFilter filter;
    filter.action = QStringLiteral("access.denied");
    auto denied = storage::AuditRepository(m_db->database()).entries(filter);
    QVERIFY(denied.ok());
    QVERIFY(denied.value().size() >= 4);
    QCOMPARE(service.list(m_editor).value().at(0).versions.size(), 1); // nothing the refused calls changed
}

QTEST_GUILESS_MAIN(TestScriptService)
#include "tst_scriptservice.moc"
