// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/actorresolver.h"
#include "services/auth/authorizer.h"
#include "services/auth/session.h"
#include "services/storage/auditrepository.h"
#include "services/storage/database.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "services/storage/userrepository.h"
#include "tests/support/testdatabase.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace vsc;
using namespace vsc::services;
using namespace vsc::services::storage;

class TestAuthorizer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void grantWritesNothing();
    void denialIsAnErrorAndAnAuditRow();
    void nobodyIsUnauthenticated();
    void userActorsCarryTheirRolesPermissions();
    void disabledUsersAreRefused();
    void builtInRolesMatchTheMatrix();
    void headlessOnSqliteIsTheFileOwner();
    void headlessOnPostgresFollowsTheLoginsRoles();
    void sessionAnnouncesWhoIsSignedIn();

private:
    qint64 addUser(const QString &name, const QStringList &roles, bool disabled = false);
    std::unique_ptr<tests::TestDatabase> m_db;
};

void TestAuthorizer::init()
{
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    QVERIFY(Migrator(m_db->database()).migrate().ok());
}

void TestAuthorizer::cleanup()
{
    m_db.reset();
}

qint64 TestAuthorizer::addUser(const QString &name, const QStringList &roles, bool disabled)
{
    User user;
    user.username = name;
    user.displayName = name.toUpper();
    user.roles = roles;
    user.disabled = disabled;
    auto id = UserRepository(m_db->database()).create(user);
    return id.ok() ? id.value() : -1;
}

void TestAuthorizer::grantWritesNothing()
{
    auth::Authorizer authorizer(m_db->database());
    const Actor operatorActor = auth::ActorResolver(m_db->database())
                                    .forUser(addUser(QStringLiteral("olga"), {QStringLiteral("operator")}))
                                    .value();
    QVERIFY(authorizer.require(operatorActor, Permission::CampaignRun, QStringLiteral("start campaign")).ok());
    QCOMPARE(tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM audit_log")), 0);
}

void TestAuthorizer::denialIsAnErrorAndAnAuditRow()
{
    auth::Authorizer authorizer(m_db->database());
    const qint64 id = addUser(QStringLiteral("vera"), {QStringLiteral("viewer")});
    const Actor viewer = auth::ActorResolver(m_db->database()).forUser(id).value();
    auto denied =
        authorizer.require(viewer, Permission::CallsHangup, QStringLiteral("hang up"), QStringLiteral("call"), 42);
    QVERIFY(!denied.ok());
    QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
    QVERIFY(denied.error().detail.contains(QStringLiteral("calls.hangup")));
    auto rows = AuditRepository(m_db->database()).forEntity(QStringLiteral("call"), 42);
    QCOMPARE(rows.value().size(), 1);
    const AuditEntry &row = rows.value().constFirst();
    QCOMPARE(row.action, QStringLiteral("access.denied"));
    QCOMPARE(row.actorName, QStringLiteral("vera"));
    QCOMPARE(row.actorUserId, std::optional<qint64>(id));
    QCOMPARE(row.details.value(QStringLiteral("permission")).toString(), QStringLiteral("calls.hangup"));
    QCOMPARE(row.details.value(QStringLiteral("action")).toString(), QStringLiteral("hang up"));
    QVERIFY(AuditRepository(m_db->database()).verify().value().intact());
}

void TestAuthorizer::nobodyIsUnauthenticated()
{
    auto denied = auth::Authorizer(m_db->database())
                      .require(Actor::nobody(), Permission::ResultsView, QStringLiteral("read results"));
    QCOMPARE(denied.error().code, ErrorCode::Unauthenticated);
    auto rows = AuditRepository(m_db->database()).entries({});
    QCOMPARE(rows.value().size(), 1);
    QCOMPARE(rows.value().constFirst().actorName, QStringLiteral("nobody"));
}

void TestAuthorizer::userActorsCarryTheirRolesPermissions()
{
    const qint64 id = addUser(QStringLiteral("sam"), {QStringLiteral("supervisor"), QStringLiteral("viewer")});
    auto actor = auth::ActorResolver(m_db->database()).forUser(id);
    QVERIFY(actor.ok());
    QCOMPARE(actor.value().kind, ActorKind::User);
    QCOMPARE(actor.value().name, QStringLiteral("sam"));
    QCOMPARE(actor.value().displayName, QStringLiteral("SAM"));
    QCOMPARE(actor.value().userId, std::optional<qint64>(id));
    QVERIFY(actor.value().has(Permission::CallsHangup));
    QVERIFY(actor.value().has(Permission::ContactsView));
    QVERIFY(!actor.value().has(Permission::UsersManage));
    QCOMPARE(auth::ActorResolver(m_db->database()).forUser(424242).error().code, ErrorCode::NotFound);
}

void TestAuthorizer::disabledUsersAreRefused()
{
    const qint64 id = addUser(QStringLiteral("gone"), {QStringLiteral("admin")}, true);
    QCOMPARE(auth::ActorResolver(m_db->database()).forUser(id).error().code, ErrorCode::AccountDisabled);
}

void TestAuthorizer::builtInRolesMatchTheMatrix()
{
    auth::ActorResolver resolver(m_db->database());
    QCOMPARE(resolver.permissionsOf({QStringLiteral("admin")}).value(), PermissionSet::all());
    const PermissionSet viewer = resolver.permissionsOf({QStringLiteral("viewer")}).value();
    QCOMPARE(viewer, (PermissionSet{Permission::ContactsView, Permission::ResultsView}));
    const PermissionSet operatorSet = resolver.permissionsOf({QStringLiteral("operator")}).value();
    QVERIFY(operatorSet.has(Permission::ContactsImport) && operatorSet.has(Permission::PiiView));
    QVERIFY(!operatorSet.has(Permission::CallsHangup) && !operatorSet.has(Permission::UsersManage) &&
            !operatorSet.has(Permission::SettingsManage) && !operatorSet.has(Permission::AuditView));
    const PermissionSet supervisor = resolver.permissionsOf({QStringLiteral("supervisor")}).value();
    QVERIFY(supervisor.has(Permission::CallsHangup) && supervisor.has(Permission::SuppressionManage));
    QVERIFY(!supervisor.has(Permission::CampaignEdit));
    auto builtin =
        tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM roles WHERE builtin = ?"), {true});
    QCOMPARE(builtin, 4);
}

void TestAuthorizer::headlessOnSqliteIsTheFileOwner()
{
    if (m_db->isPostgres()) {
        QSKIP("the file owner is SQLite's headless actor");
    }
    auto actor = auth::ActorResolver(m_db->database()).forHeadless(QStringLiteral("alice"));
    QCOMPARE(actor.value().kind, ActorKind::FileOwner);
    QCOMPARE(actor.value().name, QStringLiteral("os:alice"));
    QCOMPARE(actor.value().permissions, PermissionSet::all());
}

void TestAuthorizer::headlessOnPostgresFollowsTheLoginsRoles()
{
    if (!m_db->isPostgres()) {
        QSKIP("database logins are PostgreSQL's");
    }
    // The test cluster's login is a superuser: the owner.
    auto owner = auth::ActorResolver(m_db->database()).forHeadless(QStringLiteral("alice"));
    QVERIFY(owner.ok());
    QCOMPARE(owner.value().kind, ActorKind::DatabaseLogin);
    QVERIFY(owner.value().name.startsWith(QStringLiteral("pg:")));
    QCOMPARE(owner.value().permissions, PermissionSet::all());

    // Roles are cluster-wide: names unique to this run, dropped at the end.
    const QString prefix = QStringLiteral("t%1_").arg(QCoreApplication::applicationPid());
    const QString login = prefix + QStringLiteral("olga");
    QSqlDatabase db = m_db->database().connection();
    const auto run = [&db](const QString &sql) {
        auto done = exec(db, sql);
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
    };
    // Identifiers cannot be bound; these are built from the pid only.
    run(QStringLiteral("CREATE ROLE %1operator NOLOGIN").arg(prefix));
    run(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'olga-pw'").arg(login));
    run(QStringLiteral("GRANT SELECT ON roles, users, user_roles TO %1").arg(login));
    const auto dropRoles = qScopeGuard([&] {
        (void)exec(db, QStringLiteral("REVOKE ALL ON roles, users, user_roles FROM %1").arg(login));
        (void)exec(db, QStringLiteral("DROP ROLE IF EXISTS %1").arg(login));
        (void)exec(db, QStringLiteral("DROP ROLE IF EXISTS %1operator").arg(prefix));
    });
    QUrl url(m_db->url());
    url.setUserName(login);
    auto config = DatabaseConfig::fromUrl(url.toString());
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
    {
        Database asOlga(config.value(), QStringLiteral("olga-pw"));
        QVERIFY(asOlga.open().ok());
        auto none = auth::ActorResolver(asOlga).forHeadless(QStringLiteral("olga"), prefix);
        QCOMPARE(none.error().code, ErrorCode::Unauthenticated);
        QVERIFY(none.error().detail.contains(prefix + QStringLiteral("operator")));

        run(QStringLiteral("GRANT %1operator TO %2").arg(prefix, login));
        const qint64 userId = addUser(QStringLiteral("olga"), {QStringLiteral("operator")});
        QVERIFY(exec(db, QStringLiteral("UPDATE users SET db_login = ? WHERE id = ?"), {login, userId}).ok());
        auto mapped = auth::ActorResolver(asOlga).forHeadless(QStringLiteral("olga"), prefix);
        QVERIFY2(mapped.ok(), qPrintable(mapped.ok() ? QString() : mapped.error().toString()));
        QCOMPARE(mapped.value().roles, QStringList{QStringLiteral("operator")});
        QCOMPARE(mapped.value().userId, std::optional<qint64>(userId));
        QCOMPARE(mapped.value().name, QStringLiteral("pg:") + login);
        QVERIFY(mapped.value().has(Permission::CampaignRun));
        QVERIFY(!mapped.value().has(Permission::UsersManage));
        asOlga.closeThreadConnection();
    }
}

void TestAuthorizer::sessionAnnouncesWhoIsSignedIn()
{
    auth::Session session;
    QSignalSpy changed(&session, &auth::Session::actorChanged);
    QSignalSpy signedOut(&session, &auth::Session::signedOut);
    QVERIFY(!session.actor().isSignedIn());
    session.end(); // nobody to sign out
    QCOMPARE(signedOut.size(), 0);
    session.begin(auth::ActorResolver(m_db->database())
                      .forUser(addUser(QStringLiteral("ada"), {QStringLiteral("admin")}))
                      .value(),
                  auth::SignInMethod::Local);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(session.actor().name, QStringLiteral("ada"));
    session.end();
    QCOMPARE(signedOut.size(), 1);
    QCOMPARE(changed.size(), 2);
    QVERIFY(!session.actor().isSignedIn());
}

QTEST_GUILESS_MAIN(TestAuthorizer)
#include "tst_authorizer.moc"
