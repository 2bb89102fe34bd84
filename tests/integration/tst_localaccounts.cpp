// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/local/localsignin.h"
#include "services/auth/local/passwordhasher.h"
#include "services/demo/demoseeder.h"
#include "services/storage/auditrepository.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "services/users/userservice.h"
#include "tests/support/fakeclock.h"
#include "tests/support/testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace vsc;
using namespace vsc::services;
using namespace vsc::services::storage;

namespace {
const QString kStrong = QStringLiteral("correct horse battery staple");
const QString kOther = QStringLiteral("plum-violin-orbit-47");
} // namespace

// Local accounts end to end through the services: first admin, users and roles managed by an admin, sign-in with
// lockout, forced and voluntary password changes, the last-admin guard, and the audit of each.
class TestLocalAccounts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void firstAdminOnlyOnAnEmptyDatabase();
    void signInAuditsWithoutThePassword();
    void wrongNameAndWrongPasswordLookAlike();
    void tenFailuresLockForFifteenMinutes();
    void disabledAccountsAreRefused();
    void resetForcesAChange();
    void changeChecksTheCurrentPasswordAndThePolicy();
    void onlyAdminsManageUsers();
    void theLastAdminStays();
    void rolesAreEditedWithinLimits();
    void invitationsWaitForTheirFirstSignIn();
    void demoAccountsSignInAndAreRehashed();

private:
    Actor signIn(const QString &username, const QString &password);
    int auditCount(const QString &action);

    std::unique_ptr<tests::TestDatabase> m_db;
    std::unique_ptr<tests::FakeClock> m_clock;
    auth::PasswordHasher m_hasher{auth::PasswordHasher::Cost::Minimum};
    std::unique_ptr<users::UserService> m_users;
    std::unique_ptr<auth::LocalSignIn> m_signIn;
    Actor m_admin;
};

void TestLocalAccounts::init()
{
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    QVERIFY(Migrator(m_db->database()).migrate().ok());
    m_clock = std::make_unique<tests::FakeClock>();
    m_users = std::make_unique<users::UserService>(m_db->database(), *m_clock, m_hasher);
    m_signIn = std::make_unique<auth::LocalSignIn>(m_db->database(), *m_clock, m_hasher);
    auto first = m_users->createFirstAdmin({QStringLiteral("ada"), QStringLiteral("Ada Admin"), {}, {}, kStrong});
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
    m_admin = signIn(QStringLiteral("ada"), kStrong);
    QVERIFY(m_admin.has(Permission::UsersManage));
}

void TestLocalAccounts::cleanup()
{
    m_signIn.reset();
    m_users.reset();
    m_db.reset();
}

Actor TestLocalAccounts::signIn(const QString &username, const QString &password)
{
    auto actor = m_signIn->signIn(username, password);
    return actor.ok() ? actor.value() : Actor::nobody();
}

int TestLocalAccounts::auditCount(const QString &action)
{
    return tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ?"), {action});
}

void TestLocalAccounts::firstAdminOnlyOnAnEmptyDatabase()
{
    QCOMPARE(m_users->needsFirstAdmin().value(), false);
    auto second = m_users->createFirstAdmin({QStringLiteral("eve"), {}, {}, {}, kOther});
    QCOMPARE(second.error().code, ErrorCode::Conflict);

    tests::TestDatabase empty;
    QVERIFY(Migrator(empty.database()).migrate().ok());
    users::UserService service(empty.database(), *m_clock, m_hasher);
    QCOMPARE(service.needsFirstAdmin().value(), true);
    auto weak = service.createFirstAdmin({QStringLiteral("root"), {}, {}, {}, QStringLiteral("password")});
    QCOMPARE(weak.error().code, ErrorCode::PasswordPolicy);
    QCOMPARE(service.needsFirstAdmin().value(), true);
}

void TestLocalAccounts::signInAuditsWithoutThePassword()
{
    QCOMPARE(auditCount(QStringLiteral("auth.signin")), 1);
    auto rows = AuditRepository(m_db->database()).entries({});
    for (const AuditEntry &row : rows.value()) {
        const QByteArray everything =
            QJsonDocument(QJsonArray{row.action, row.actorName, QJsonObject::fromVariantMap(row.details),
                                     QJsonObject::fromVariantMap(row.before), QJsonObject::fromVariantMap(row.after)})
                .toJson();
        QVERIFY(!everything.contains(kStrong.toUtf8()));
    }
    auto user = AuditRepository(m_db->database()).entries({}).value().constFirst();
    QCOMPARE(user.actorName, QStringLiteral("ada"));
    QCOMPARE(m_admin.displayName, QStringLiteral("Ada Admin"));
    QVERIFY(AuditRepository(m_db->database()).verify().value().intact());
}

void TestLocalAccounts::wrongNameAndWrongPasswordLookAlike()
{
    auto unknown = m_signIn->signIn(QStringLiteral("nobody-here"), kStrong);
    auto wrong = m_signIn->signIn(QStringLiteral("ada"), kOther);
    QCOMPARE(unknown.error().code, ErrorCode::Unauthenticated);
    QCOMPARE(wrong.error().code, ErrorCode::Unauthenticated);
    QCOMPARE(unknown.error().detail, wrong.error().detail);
    QCOMPARE(auditCount(QStringLiteral("auth.signin.failed")), 2);
}

void TestLocalAccounts::tenFailuresLockForFifteenMinutes()
{
    for (int i = 1; i < auth::LocalSignIn::kLockAfter; ++i) {
        QCOMPARE(m_signIn->signIn(QStringLiteral("ada"), kOther).error().code, ErrorCode::Unauthenticated);
    }
    QCOMPARE(m_signIn->signIn(QStringLiteral("ada"), kOther).error().code, ErrorCode::AccountLocked);
    // Locked: even the right password is refused until the lock ends.
    auto locked = m_signIn->signIn(QStringLiteral("ada"), kStrong);
    QCOMPARE(locked.error().code, ErrorCode::AccountLocked);
    QVERIFY(locked.error().detail.contains(QStringLiteral("15:15")));
    m_clock->setWallClock(m_clock->nowUtc().addSecs(14 * 60));
    QCOMPARE(m_signIn->signIn(QStringLiteral("ada"), kStrong).error().code, ErrorCode::AccountLocked);
    m_clock->setWallClock(m_clock->nowUtc().addSecs(61));
    QVERIFY(m_signIn->signIn(QStringLiteral("ada"), kStrong).ok());
    auto listed = m_users->users(m_admin);
    QCOMPARE(listed.value().constFirst().failedAttempts, 0);
}

void TestLocalAccounts::disabledAccountsAreRefused()
{
    auto id =
        m_users->createLocal(m_admin, {QStringLiteral("olga"), {}, {}, {QStringLiteral("operator")}, kOther, false});
    QVERIFY(id.ok());
    QVERIFY(signIn(QStringLiteral("olga"), kOther).isSignedIn());
    QVERIFY(m_users->setDisabled(m_admin, id.value(), true).ok());
    QCOMPARE(m_signIn->signIn(QStringLiteral("olga"), kOther).error().code, ErrorCode::AccountDisabled);
    // A wrong password on a disabled account says nothing about the account.
    QCOMPARE(m_signIn->signIn(QStringLiteral("olga"), kStrong).error().code, ErrorCode::Unauthenticated);
    QVERIFY(m_users->setDisabled(m_admin, id.value(), false).ok());
    QVERIFY(signIn(QStringLiteral("olga"), kOther).isSignedIn());
    QCOMPARE(auditCount(QStringLiteral("user.disable")), 1);
    QCOMPARE(auditCount(QStringLiteral("user.enable")), 1);
}

void TestLocalAccounts::resetForcesAChange()
{
    auto id =
        m_users->createLocal(m_admin, {QStringLiteral("olga"), {}, {}, {QStringLiteral("operator")}, kOther, false});
    QVERIFY(m_users->resetPassword(m_admin, id.value(), QStringLiteral("temporary-key-8811")).ok());
    QCOMPARE(m_signIn->signIn(QStringLiteral("olga"), kOther).error().code, ErrorCode::Unauthenticated);
    QCOMPARE(m_signIn->signIn(QStringLiteral("olga"), QStringLiteral("temporary-key-8811")).error().code,
             ErrorCode::PasswordChangeRequired);
    QVERIFY(m_signIn->changePassword(QStringLiteral("olga"), QStringLiteral("temporary-key-8811"), kStrong).ok());
    const Actor olga = signIn(QStringLiteral("olga"), kStrong);
    QVERIFY(olga.isSignedIn());
    QVERIFY(olga.has(Permission::CampaignRun));
    QCOMPARE(auditCount(QStringLiteral("user.password.reset")), 1);
    QCOMPARE(auditCount(QStringLiteral("user.password.change")), 1);
}

void TestLocalAccounts::changeChecksTheCurrentPasswordAndThePolicy()
{
    QCOMPARE(
        m_signIn->changePassword(QStringLiteral("ada"), kOther, QStringLiteral("new-and-long-enough-1")).error().code,
        ErrorCode::Unauthenticated);
    QCOMPARE(m_signIn->changePassword(QStringLiteral("ada"), kStrong, QStringLiteral("short")).error().code,
             ErrorCode::PasswordPolicy);
    QCOMPARE(m_signIn->changePassword(QStringLiteral("ada"), kStrong, QStringLiteral("Password123456")).error().code,
             ErrorCode::PasswordPolicy);
    QCOMPARE(m_signIn->changePassword(QStringLiteral("ada"), kStrong, kStrong).error().code, ErrorCode::PasswordPolicy);
    QVERIFY(m_signIn->changePassword(QStringLiteral("ada"), kStrong, kOther).ok());
    QVERIFY(signIn(QStringLiteral("ada"), kOther).isSignedIn());
    QVERIFY(!signIn(QStringLiteral("ada"), kStrong).isSignedIn());
}

void TestLocalAccounts::onlyAdminsManageUsers()
{
    auto id =
        m_users->createLocal(m_admin, {QStringLiteral("olga"), {}, {}, {QStringLiteral("operator")}, kOther, false});
    const Actor olga = signIn(QStringLiteral("olga"), kOther);
    QCOMPARE(m_users->users(olga).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(m_users->createLocal(olga, {QStringLiteral("mallory"), {}, {}, {QStringLiteral("admin")}, kStrong})
                 .error()
                 .code,
             ErrorCode::PermissionDenied);
    QCOMPARE(m_users->setRoles(olga, id.value(), {QStringLiteral("admin")}).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(m_users->resetPassword(olga, 1, kStrong).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(auditCount(QStringLiteral("access.denied")), 4);
    QCOMPARE(m_users->createLocal(m_admin, {QStringLiteral("olga"), {}, {}, {}, kStrong}).error().code,
             ErrorCode::Conflict);
    QCOMPARE(m_users->createLocal(m_admin, {QStringLiteral("bad name!"), {}, {}, {}, kStrong}).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(m_users->createLocal(m_admin, {QStringLiteral("rita"), {}, {}, {QStringLiteral("pilot")}, kStrong})
                 .error()
                 .code,
             ErrorCode::InvalidArgument);
    QVERIFY(m_users->setRoles(m_admin, id.value(), {QStringLiteral("viewer")}).ok());
    auto change = AuditRepository(m_db->database()).entries({}).value().constFirst();
    QCOMPARE(change.action, QStringLiteral("user.roles"));
    QCOMPARE(change.before.value(QStringLiteral("roles")).toString(), QStringLiteral("operator"));
    QCOMPARE(change.after.value(QStringLiteral("roles")).toString(), QStringLiteral("viewer"));
    QCOMPARE(change.actorName, QStringLiteral("ada"));
}

void TestLocalAccounts::theLastAdminStays()
{
    const qint64 ada = m_admin.userId.value();
    QCOMPARE(m_users->setDisabled(m_admin, ada, true).error().code, ErrorCode::LastAdmin);
    QCOMPARE(m_users->setRoles(m_admin, ada, {QStringLiteral("viewer")}).error().code, ErrorCode::LastAdmin);
    auto bob = m_users->createLocal(m_admin, {QStringLiteral("bob"), {}, {}, {QStringLiteral("admin")}, kOther, false});
    QVERIFY(m_users->setRoles(m_admin, ada, {QStringLiteral("viewer")}).ok());
    const Actor bobActor = signIn(QStringLiteral("bob"), kOther);
    QCOMPARE(m_users->setDisabled(bobActor, bob.value(), true).error().code, ErrorCode::LastAdmin);
}

void TestLocalAccounts::rolesAreEditedWithinLimits()
{
    users::RoleService roles(m_db->database(), *m_clock);
    QCOMPARE(roles.roles(Actor::nobody()).error().code, ErrorCode::Unauthenticated);
    auto all = roles.roles(m_admin);
    QCOMPARE(all.value().size(), 4);
    auto auditor = roles.create(m_admin, QStringLiteral("auditor"), QStringLiteral("Reads the audit log"),
                                {Permission::AuditView});
    QVERIFY(auditor.ok());
    QCOMPARE(roles.create(m_admin, QStringLiteral("auditor"), {}, {}).error().code, ErrorCode::Conflict);
    QCOMPARE(roles.create(m_admin, QStringLiteral("Bad Name"), {}, {}).error().code, ErrorCode::InvalidArgument);
    auto id =
        m_users->createLocal(m_admin, {QStringLiteral("aud"), {}, {}, {QStringLiteral("auditor")}, kOther, false});
    QVERIFY(id.ok());
    const Actor aud = signIn(QStringLiteral("aud"), kOther);
    QCOMPARE(aud.permissions, PermissionSet{Permission::AuditView});
    QCOMPARE(roles.create(aud, QStringLiteral("sneaky"), {}, PermissionSet::all()).error().code,
             ErrorCode::PermissionDenied);
    QVERIFY(roles.setPermissions(m_admin, auditor.value(), {Permission::AuditView, Permission::ResultsView}).ok());
    QVERIFY(signIn(QStringLiteral("aud"), kOther).has(Permission::ResultsView));
    const qint64 adminRole = all.value().constFirst().id;
    PermissionSet stripped = PermissionSet::all();
    stripped.remove(Permission::UsersManage);
    QCOMPARE(roles.setPermissions(m_admin, adminRole, stripped).error().code, ErrorCode::LastAdmin);
    QCOMPARE(auditCount(QStringLiteral("role.create")), 1);
    QCOMPARE(auditCount(QStringLiteral("role.permissions")), 1);
}

void TestLocalAccounts::invitationsWaitForTheirFirstSignIn()
{
    auto invited = m_users->inviteOidc(m_admin, QStringLiteral("kim@example.org"), QStringLiteral("Kim"),
                                       {QStringLiteral("supervisor")});
    QVERIFY2(invited.ok(), qPrintable(invited.ok() ? QString() : invited.error().toString()));
    QCOMPARE(m_users->inviteOidc(m_admin, QStringLiteral("kim@example.org"), {}, {}).error().code, ErrorCode::Conflict);
    // An identity-provider account has no password here.
    QCOMPARE(m_signIn->signIn(QStringLiteral("kim@example.org"), kStrong).error().code, ErrorCode::Unauthenticated);
    QCOMPARE(m_users->resetPassword(m_admin, invited.value(), kStrong).error().code, ErrorCode::InvalidArgument);
    auto listed = m_users->users(m_admin).value();
    const auto kim =
        std::find_if(listed.cbegin(), listed.cend(), [](const User &u) { return u.username.startsWith(u'k'); });
    QVERIFY(kim != listed.cend());
    QCOMPARE(kim->authSource, AuthSource::Oidc);
    QVERIFY(!kim->hasPassword);
    QCOMPARE(auditCount(QStringLiteral("user.invite")), 1);
}

void TestLocalAccounts::demoAccountsSignInAndAreRehashed()
{
    tests::TestDatabase demo;
    QVERIFY(Migrator(demo.database()).migrate().ok());
    QVERIFY(services::demo::DemoSeeder(demo.database(), *m_clock).seed().ok());
    auth::PasswordHasher interactive(auth::PasswordHasher::Cost::Interactive);
    auth::LocalSignIn signIn(demo.database(), *m_clock, interactive);
    auto admin =
        signIn.signIn(QStringLiteral("admin"), services::demo::DemoSeeder::demoPassword(QStringLiteral("admin")));
    QVERIFY2(admin.ok(), qPrintable(admin.ok() ? QString() : admin.error().toString()));
    QCOMPARE(admin.value().permissions, PermissionSet::all());
    auto stored = scalar(demo.database().connection(),
                         QStringLiteral("SELECT password_hash FROM user_credentials WHERE user_id = ?"),
                         {admin.value().userId.value()});
    QVERIFY(!interactive.needsRehash(stored.value().toString())); // raised to the real cost on first use
    auto viewer = signIn.signIn(QStringLiteral("vic.viewer"),
                                services::demo::DemoSeeder::demoPassword(QStringLiteral("vic.viewer")));
    QVERIFY(viewer.ok());
    QVERIFY(!viewer.value().has(Permission::PiiView));
}

QTEST_GUILESS_MAIN(TestLocalAccounts)
#include "tst_localaccounts.moc"
