// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/contact.h"
#include "services/audit/auditservice.h"
#include "services/auth/actorresolver.h"
#include "services/auth/local/passwordhasher.h"
#include "services/calls/callsupervision.h"
#include "services/campaigns/campaignservice.h"
#include "services/contacts/contactimporter.h"
#include "services/demo/demoseeder.h"
#include "services/dialer/dialrules.h"
#include "services/results/resultsservice.h"
#include "services/settings/settingsservice.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "services/users/userservice.h"
#include "tests/support/fakeclock.h"
#include "tests/support/testdatabase.h"

#include <QTest>

#include <functional>
#include <map>

using namespace vsc;
using namespace vsc::services;

// Every permission × every role through the services themselves (what a forced call from a modified client would
// reach): each grant works and each denial is refused and audited. A permission added to models/permission.h
// without a probe here fails the test.
class TestPermissions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyPermissionHasAProbe();
    void matrix_data();
    void matrix();
    void numbersAreMaskedWithoutPiiView_data();
    void numbersAreMaskedWithoutPiiView();

private:
    using Probe = std::function<Result<void>(const Actor &)>;
    Actor actorWithRole(const QString &role);
    std::map<Permission, Probe> probes();
    int denials(const QString &actorName, Permission permission);

    std::unique_ptr<tests::TestDatabase> m_db;
    tests::FakeClock m_clock;
    auth::PasswordHasher m_hasher{auth::PasswordHasher::Cost::Minimum};
    qint64 m_campaignId = 0;
    qint64 m_contactId = 0;
    qint64 m_liveAttemptId = 0;
    int m_serial = 0;
};

void TestPermissions::initTestCase()
{
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    QVERIFY(storage::Migrator(m_db->database()).migrate().ok());
    auto seeded = demo::DemoSeeder(m_db->database(), m_clock).seed();
    QVERIFY(seeded.ok());
    m_campaignId = seeded.value().campaignId;
    m_contactId = tests::count(m_db->database(), QStringLiteral("SELECT MIN(id) FROM contacts"));
    m_liveAttemptId = tests::count(m_db->database(),
                                   QStringLiteral("SELECT MIN(id) FROM call_attempts WHERE status = 'in-progress'"));
    QVERIFY(m_liveAttemptId > 0);
    // A role of an admin's own making, with one permission.
    auto auditor =
        users::RoleService(m_db->database(), m_clock)
            .create(Actor::fileOwner(QStringLiteral("dba")), QStringLiteral("auditor"), {}, {Permission::AuditView});
    QVERIFY2(auditor.ok(), qPrintable(auditor.ok() ? QString() : auditor.error().toString()));
}

void TestPermissions::cleanupTestCase()
{
    m_db.reset();
}

Actor TestPermissions::actorWithRole(const QString &role)
{
    users::UserService service(m_db->database(), m_clock, m_hasher);
    users::NewLocalUser user;
    user.username = QStringLiteral("probe-%1-%2").arg(role).arg(++m_serial);
    user.roles = {role};
    user.password = QStringLiteral("a-long-probe-passphrase-%1").arg(m_serial);
    auto id = service.createLocal(Actor::fileOwner(QStringLiteral("dba")), user);
    if (!id) {
        return Actor::nobody();
    }
    return auth::ActorResolver(m_db->database()).forUser(id.value()).valueOr(Actor::nobody());
}

int TestPermissions::denials(const QString &actorName, Permission permission)
{
    int count = 0;
    auto rows = storage::AuditRepository(m_db->database()).entries([&] {
        storage::AuditFilter filter;
        filter.action = QStringLiteral("access.denied");
        filter.actorName = actorName;
        filter.limit = 1000;
        return filter;
    }());
    for (const storage::AuditEntry &row : rows.value()) {
        count += row.details.value(QStringLiteral("permission")).toString() == permissionKey(permission) ? 1 : 0;
    }
    return count;
}

std::map<Permission, TestPermissions::Probe> TestPermissions::probes()
{
    storage::Database &db = m_db->database();
    const auto asVoid = [](const auto &result) { return result.ok() ? Result<void>() : Result<void>(result.error()); };
    std::map<Permission, Probe> map;
    map[Permission::CampaignEdit] = [this, &db, asVoid](const Actor &a) {
        Campaign campaign;
        campaign.name = QStringLiteral("probe campaign %1").arg(++m_serial);
        campaign.callerId = QStringLiteral("+14155550100");
        return asVoid(campaigns::CampaignService(db).create(a, campaign));
    };
    map[Permission::CampaignRun] = [this, &db](const Actor &a) {
        return campaigns::CampaignService(db).transition(a, m_campaignId, CampaignStatus::Paused);
    };
    map[Permission::ContactsImport] = [this, &db, asVoid](const Actor &a) {
        contacts::ImportOptions options;
        options.campaignId = m_campaignId;
        options.dryRun = true;
        return asVoid(contacts::ContactImporter(db).importCsv(a, "phone\n+14155550123\n", options));
    };
    map[Permission::ContactsView] = [this, &db, asVoid](const Actor &a) {
        return asVoid(dialer::explainContact(db, a, m_contactId, m_clock.nowUtc()));
    };
    map[Permission::CallsMonitor] = [&db, asVoid](const Actor &a) {
        return asVoid(calls::CallSupervision(db, nullptr).liveCalls(a));
    };
    map[Permission::CallsHangup] = [this, &db](const Actor &a) {
        std::optional<Result<void>> outcome;
        calls::CallSupervision(db, nullptr).hangUp(a, m_liveAttemptId, this, [&outcome](Result<void> r) {
            outcome = r;
        });
        (void)QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 5000);
        return outcome.value_or(Error{ErrorCode::Internal, QStringLiteral("no answer")});
    };
    map[Permission::ResultsView] = [this, &db, asVoid](const Actor &a) {
        return asVoid(results::ResultsService(db).kpis(a, m_clock.nowUtc()));
    };
    map[Permission::ResultsExport] = [this, &db, asVoid](const Actor &a) {
        return asVoid(results::ResultsService(db).exportAnswers(a, m_campaignId));
    };
    map[Permission::SuppressionManage] = [this, &db](const Actor &a) {
        storage::Suppression entry;
        entry.phoneE164 = QStringLiteral("+1415555%1").arg(1000 + ++m_serial);
        entry.source = QStringLiteral("manual");
        return results::SuppressionService(db).add(a, entry);
    };
    map[Permission::UsersManage] = [this, &db, asVoid](const Actor &a) {
        return asVoid(users::UserService(db, m_clock, m_hasher).users(a));
    };
    map[Permission::RolesManage] = [this, &db, asVoid](const Actor &a) {
        return asVoid(users::RoleService(db, m_clock).create(a, QStringLiteral("probe%1").arg(++m_serial), {}, {}));
    };
    map[Permission::SettingsManage] = [this, &db](const Actor &a) {
        return settings::SettingsService(db, m_clock)
            .set(a, {{QStringLiteral("probe.value"), QString::number(++m_serial)}});
    };
    map[Permission::AuditView] = [&db, asVoid](const Actor &a) {
        return asVoid(audit::AuditService(db).entries(a, {}));
    };
    return map;
}

void TestPermissions::everyPermissionHasAProbe()
{
    const auto table = probes();
    for (const Permission permission : allPermissions()) {
        // pii.view is not refused but changes what is shown: numbersAreMaskedWithoutPiiView covers it.
        QVERIFY2(permission == Permission::PiiView || table.count(permission) == 1,
                 qPrintable(permissionKey(permission)));
    }
}

void TestPermissions::matrix_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<int>("permission");
    for (const char *role : {"admin", "supervisor", "operator", "viewer", "auditor"}) {
        for (const Permission permission : allPermissions()) {
            if (permission != Permission::PiiView) {
                QTest::addRow("%s %s", role, qPrintable(permissionKey(permission)))
                    << QString::fromLatin1(role) << int(permission);
            }
        }
    }
}

void TestPermissions::matrix()
{
    QFETCH(QString, role);
    QFETCH(int, permission);
    const auto p = Permission(permission);
    const Actor actor = actorWithRole(role);
    QVERIFY(actor.isSignedIn());
    const PermissionSet granted = auth::ActorResolver(m_db->database()).permissionsOf({role}).value();
    const auto table = probes();
    const Result<void> outcome = table.at(p)(actor);
    const bool denied = !outcome.ok() && outcome.error().code == ErrorCode::PermissionDenied;
    QCOMPARE(denied, !granted.has(p));
    if (!outcome.ok() && !denied) {
        // Granted: whatever else it says is about the data, never about permissions.
        QVERIFY2(outcome.error().code != ErrorCode::Unauthenticated, qPrintable(outcome.error().toString()));
    }
    QCOMPARE(denials(actor.name, p), denied ? 1 : 0);
}

void TestPermissions::numbersAreMaskedWithoutPiiView_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("clear");
    QTest::newRow("supervisor") << QStringLiteral("supervisor") << true;
    QTest::newRow("operator") << QStringLiteral("operator") << true;
    QTest::newRow("viewer") << QStringLiteral("viewer") << false;
}

void TestPermissions::numbersAreMaskedWithoutPiiView()
{
    QFETCH(QString, role);
    QFETCH(bool, clear);
    const Actor actor = actorWithRole(role);
    const QString number =
        storage::scalar(m_db->database().connection(), QStringLiteral("SELECT phone_e164 FROM contacts WHERE id = ?"),
                        {m_contactId})
            .value()
            .toString();
    auto explained = dialer::explainContact(m_db->database(), actor, m_contactId, m_clock.nowUtc());
    QVERIFY(explained.ok());
    QCOMPARE(explained.value().phone == number, clear);
    QVERIFY(explained.value().verdict.contains(number) == false || clear);
    QCOMPARE(explained.value().phone, clear ? number : maskPhoneNumber(number));
    auto suppressed = results::SuppressionService(m_db->database()).list(actor);
    QVERIFY(suppressed.ok());
    for (const storage::Suppression &entry : suppressed.value()) {
        QCOMPARE(entry.phoneE164.contains(QChar(u'\u2022')), !clear);
    }
    if (actor.has(Permission::CallsMonitor)) {
        auto live = calls::CallSupervision(m_db->database(), nullptr).liveCalls(actor);
        QVERIFY(!live.value().isEmpty());
        QCOMPARE(live.value().constFirst().phoneE164.contains(QChar(u'\u2022')), !clear);
    }
}

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
