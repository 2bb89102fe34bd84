// SPDX-License-Identifier: GPL-3.0-or-later
// db provision on PostgreSQL: each app role, connected as a login of its own, may do in plain SQL no more than the
// app allows. PostgreSQL only; the test cluster's login is a superuser (the DBA).
#include "services/auth/actorresolver.h"
#include "services/storage/auditrepository.h"
#include "services/storage/database.h"
#include "services/storage/migrator.h"
#include "services/storage/postgresprovisioner.h"
#include "services/storage/sql.h"
#include "services/storage/userrepository.h"
#include "tests/support/testdatabase.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

using namespace vsc;
using namespace vsc::services;
using namespace vsc::services::storage;

namespace {
const QString kOk = QStringLiteral("ok");
const QString kDenied = QStringLiteral("42501");
} // namespace

class TestPgProvision : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void provisioningTwiceGivesTheSameResult();
    void refusesABadPrefixAndSqlite();
    void operatorCannotWriteUsersRolesOrSettings();
    void everyoneRecordsAuditButNobodyRewritesIt();
    void viewerSeesNoPhoneNumbers();
    void credentialsAreRowLevelSecured();
    void dialerRecordsCallEvents();
    void appLoginOpensAnUpToDateSchema();
    void headlessActorsFollowTheLogins();

private:
    // The prefixed login name of a person: t<pid>_olga.
    [[nodiscard]] QString login(const QString &who) const { return m_prefix + who; }
    std::unique_ptr<Database> connectAs(const QString &who);
    // Runs plain SQL as `database`'s login: "ok", or the SQLSTATE it failed with.
    static QString attempt(Database &database, const QString &sql);
    // Every privilege and policy the prefixed roles hold, one line each.
    QStringList privilegeSnapshot();
    void superuser(const QString &sql, const QVariantList &params = {});

    std::unique_ptr<tests::TestDatabase> m_db;
    QString m_prefix;
    ProvisionReport m_first;
    QHash<QString, qint64> m_userIds; // by username
    qint64 m_attemptId = 0;
    QStringList m_logins;
};

void TestPgProvision::superuser(const QString &sql, const QVariantList &params)
{
    auto done = exec(m_db->database().connection(), sql, params);
    QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : sql + QStringLiteral(": ") + done.error().toString()));
}

std::unique_ptr<Database> TestPgProvision::connectAs(const QString &who)
{
    QUrl url(m_db->url());
    url.setUserName(login(who));
    auto config = DatabaseConfig::fromUrl(url.toString());
    if (!config) {
        return nullptr;
    }
    auto database = std::make_unique<Database>(config.value(), who + QStringLiteral("-pw"));
    return database->open().ok() ? std::move(database) : nullptr;
}

QString TestPgProvision::attempt(Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql)) {
        return query.lastError().nativeErrorCode();
    }
    return kOk;
}

QStringList TestPgProvision::privilegeSnapshot()
{
    QStringList lines;
    auto rows = exec(
        m_db->database().connection(),
        QStringLiteral(
            "SELECT 'table ' || grantee || ' ' || table_name || ' ' || privilege_type FROM "
            "information_schema.table_privileges WHERE substr(grantee, 1, ?) = ? "
            "UNION ALL SELECT 'column ' || grantee || ' ' || table_name || '.' || column_name || ' ' || privilege_type "
            "FROM information_schema.column_privileges WHERE substr(grantee, 1, ?) = ? "
            "UNION ALL SELECT 'owner ' || tableowner || ' ' || tablename FROM pg_tables WHERE schemaname = 'public' "
            "UNION ALL SELECT 'policy ' || policyname || ' ' || array_to_string(roles, ',') || ' ' || qual FROM "
            "pg_policies UNION ALL SELECT 'member ' || r.rolname || ' of ' || g.rolname FROM pg_auth_members m "
            "JOIN pg_roles r ON r.oid = m.member JOIN pg_roles g ON g.oid = m.roleid WHERE substr(g.rolname, 1, ?) = ? "
            "ORDER BY 1"),
        {m_prefix.size(), m_prefix, m_prefix.size(), m_prefix, m_prefix.size(), m_prefix});
    if (!rows) {
        return {rows.error().toString()};
    }
    while (rows.value().next()) {
        lines << rows.value().value(0).toString();
    }
    return lines;
}

void TestPgProvision::initTestCase()
{
    if (!tests::TestDatabase::postgresRequested()) {
        QSKIP("database roles are PostgreSQL's (VSC_TEST_BACKEND=postgres)");
    }
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    // Roles are cluster-wide: names unique to this run, dropped in cleanupTestCase().
    m_prefix = QStringLiteral("t%1_").arg(QCoreApplication::applicationPid());
    auto first = provision(m_db->database(), m_prefix);
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
    m_first = first.value();
    QCOMPARE(m_first.rolesCreated.size(), 6);
    QVERIFY(m_first.migration.toVersion > 0);

    // One person per role, each with a password login in that role (names from the pid only), mapped to a user.
    const QList<std::pair<QString, QString>> people{
        {QStringLiteral("ada"), QStringLiteral("admin")},     {QStringLiteral("sam"), QStringLiteral("supervisor")},
        {QStringLiteral("olga"), QStringLiteral("operator")}, {QStringLiteral("vera"), QStringLiteral("viewer")},
        {QStringLiteral("dan"), QStringLiteral("dialer")},    {QStringLiteral("own"), QStringLiteral("owner")},
    };
    for (const auto &[who, role] : people) {
        superuser(
            QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2-pw' IN ROLE %3%4").arg(login(who), who, m_prefix, role));
        m_logins << login(who);
        if (role == QLatin1String("dialer") || role == QLatin1String("owner")) {
            continue;
        }
        User user;
        user.username = who;
        user.displayName = who.toUpper();
        user.roles = {role};
        auto id = UserRepository(m_db->database()).create(user);
        QVERIFY(id.ok());
        m_userIds.insert(who, id.value());
        superuser(QStringLiteral("INSERT INTO user_credentials (user_id, password_hash) VALUES (?, ?)"),
                  {id.value(), QString(QStringLiteral("hash-of-") + who)});
        QVERIFY(mapLogin(m_db->database(), login(who), who).ok());
    }
    QCOMPARE(mapLogin(m_db->database(), login(QStringLiteral("x")), QStringLiteral("nobody")).error().code,
             ErrorCode::NotFound);

    auto campaign =
        scalar(m_db->database().connection(), QStringLiteral("INSERT INTO campaigns (name) VALUES (?) RETURNING id"),
               {QStringLiteral("c")});
    QVERIFY(campaign.ok());
    auto contact = scalar(m_db->database().connection(),
                          QStringLiteral("INSERT INTO contacts (campaign_id, phone_e164, name) VALUES (?, ?, ?) "
                                         "RETURNING id"),
                          {campaign.value(), QStringLiteral("+15550100"), QStringLiteral("Ann")});
    QVERIFY(contact.ok());
    auto attemptId = scalar(m_db->database().connection(),
                            QStringLiteral("INSERT INTO call_attempts (contact_id, campaign_id, phone_e164, "
                                           "attempt_number, provider) VALUES (?, ?, ?, 1, 'simulated') RETURNING id"),
                            {contact.value(), campaign.value(), QStringLiteral("+15550100")});
    QVERIFY(attemptId.ok());
    m_attemptId = attemptId.value().toLongLong();
}

void TestPgProvision::cleanupTestCase()
{
    if (!m_db || !m_db->isValid()) {
        return;
    }
    // The roles hold privileges and own the schema in the test database: hand it back and drop them, so both the
    // database and the roles can go.
    {
        QSqlDatabase db = m_db->database().connection();
        QStringList roles = m_logins;
        for (const QString &name : provisionedRoleNames()) {
            roles << m_prefix + name;
        }
        for (const QString &role : std::as_const(roles)) {
            const bool exists =
                scalarInt(db, QStringLiteral("SELECT COUNT(*) FROM pg_roles WHERE rolname = ?"), {role}).valueOr(0) > 0;
            if (!exists) {
                continue;
            }
            // Identifiers cannot be bound; these are built from the pid and fixed names only.
            (void)exec(db, QStringLiteral("REASSIGN OWNED BY %1 TO CURRENT_USER").arg(role));
            (void)exec(db, QStringLiteral("DROP OWNED BY %1").arg(role));
        }
        for (const QString &role : std::as_const(roles)) {
            auto dropped = exec(db, QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
            if (!dropped) {
                qWarning("%s", qPrintable(dropped.error().toString()));
            }
        }
    } // the connection is released before the test database is dropped
    m_db.reset();
}

void TestPgProvision::provisioningTwiceGivesTheSameResult()
{
    const QStringList before = privilegeSnapshot();
    QVERIFY(before.size() > 50);
    auto second = provision(m_db->database(), m_prefix);
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().toString()));
    QVERIFY(second.value().rolesCreated.isEmpty());
    QCOMPARE(second.value().rolesExisting, m_first.rolesCreated);
    QCOMPARE(second.value().grants, m_first.grants);
    QCOMPARE(second.value().policies, m_first.policies);
    QCOMPARE(second.value().ownedObjects, m_first.ownedObjects);
    QVERIFY(second.value().migration.applied.isEmpty());
    QCOMPARE(privilegeSnapshot(), before);
    QVERIFY(before.contains(QStringLiteral("owner %1owner audit_log").arg(m_prefix)));
    QVERIFY(!before.contains(QStringLiteral("table %1viewer contacts SELECT").arg(m_prefix)));
}

void TestPgProvision::refusesABadPrefixAndSqlite()
{
    for (const QString &bad : {QStringLiteral("vsc"), QStringLiteral("Vsc_"),
                               QStringLiteral("x\"; DROP TABLE users; --_"), QStringLiteral("_vsc_"), QString()}) {
        QCOMPARE(provision(m_db->database(), bad).error().code, ErrorCode::InvalidArgument);
    }
    DatabaseConfig sqlite;
    sqlite.backend = Backend::Sqlite;
    sqlite.sqlitePath = QStringLiteral(":memory:");
    Database file(sqlite);
    QCOMPARE(provision(file, m_prefix).error().code, ErrorCode::InvalidArgument);
    // A login that may not create roles is told so.
    auto olga = connectAs(QStringLiteral("olga"));
    QVERIFY(olga);
    auto refused = provision(*olga, m_prefix);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QVERIFY2(refused.error().detail.contains(QStringLiteral("CREATEROLE")), qPrintable(refused.error().detail));
}

void TestPgProvision::operatorCannotWriteUsersRolesOrSettings()
{
    auto olga = connectAs(QStringLiteral("olga"));
    QVERIFY(olga);
    QCOMPARE(attempt(*olga, QStringLiteral("INSERT INTO users (username, display_name) VALUES ('mallory', 'M')")),
             kDenied);
    QCOMPARE(attempt(*olga, QStringLiteral("UPDATE users SET disabled = TRUE")), kDenied);
    QCOMPARE(attempt(*olga, QStringLiteral("INSERT INTO user_roles (user_id, role_id) SELECT id, 1 FROM users")),
             kDenied);
    QCOMPARE(attempt(*olga, QStringLiteral("UPDATE roles SET permissions = 'users.manage'")), kDenied);
    QCOMPARE(attempt(*olga, QStringLiteral("UPDATE app_settings SET value = 'x'")), kDenied);
    QCOMPARE(attempt(*olga, QStringLiteral("INSERT INTO app_settings (key, value) VALUES ('k', 'v')")), kDenied);
    QCOMPARE(attempt(*olga, QStringLiteral("CREATE TABLE mine (id INTEGER)")), kDenied);
    // What an operator does: build campaigns, import contacts.
    QCOMPARE(attempt(*olga, QStringLiteral("INSERT INTO campaigns (name) VALUES ('olga''s')")), kOk);
    QCOMPARE(attempt(*olga, QStringLiteral("SELECT phone_e164 FROM contacts")), kOk);
    // The app's own error for a denial.
    auto denied = exec(olga->connection(), QStringLiteral("DELETE FROM app_settings"));
    QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
}

void TestPgProvision::everyoneRecordsAuditButNobodyRewritesIt()
{
    for (const QString &who : {QStringLiteral("olga"), QStringLiteral("vera"), QStringLiteral("dan")}) {
        auto person = connectAs(who);
        QVERIFY(person);
        Actor actor;
        actor.name = who;
        auto recorded =
            AuditRepository(*person).record(auditEntry(actor, QStringLiteral("test.recorded"), QStringLiteral("test")));
        QVERIFY2(recorded.ok(), qPrintable(recorded.ok() ? QString() : who + recorded.error().toString()));
        QCOMPARE(attempt(*person, QStringLiteral("DELETE FROM audit_log")), kDenied);
        QCOMPARE(attempt(*person, QStringLiteral("UPDATE audit_log SET action = 'x'")), kDenied);
        QCOMPARE(attempt(*person, QStringLiteral("TRUNCATE audit_log")), kDenied);
        QCOMPARE(attempt(*person, QStringLiteral("SELECT actor_name FROM audit_log")), kDenied); // audit.view: admins
    }
    auto ada = connectAs(QStringLiteral("ada"));
    QVERIFY(ada);
    QCOMPARE(attempt(*ada, QStringLiteral("SELECT actor_name FROM audit_log")), kOk);
    QCOMPARE(attempt(*ada, QStringLiteral("DELETE FROM audit_log")), kDenied);
    auto verified = AuditRepository(*ada).verify();
    QVERIFY(verified.ok());
    QVERIFY(verified.value().intact());
    QCOMPARE(verified.value().rows, 3);
    // Even the owner, which has every privilege on its table: the append-only trigger refuses.
    auto own = connectAs(QStringLiteral("own"));
    QVERIFY(own);
    QCOMPARE(attempt(*own, QStringLiteral("SET ROLE %1owner").arg(m_prefix)), kOk);
    QCOMPARE(attempt(*own, QStringLiteral("UPDATE audit_log SET action = 'x'")), kDenied);
    QCOMPARE(attempt(*own, QStringLiteral("DELETE FROM audit_log")), kDenied);
    QCOMPARE(attempt(*own, QStringLiteral("TRUNCATE audit_log")), kDenied);
    QCOMPARE(tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ?"),
                          {QStringLiteral("test.recorded")}),
             3);
}

void TestPgProvision::viewerSeesNoPhoneNumbers()
{
    auto vera = connectAs(QStringLiteral("vera"));
    QVERIFY(vera);
    QCOMPARE(attempt(*vera, QStringLiteral("SELECT phone_e164 FROM contacts")), kDenied);
    QCOMPARE(attempt(*vera, QStringLiteral("SELECT name FROM contacts")), kDenied);
    QCOMPARE(attempt(*vera, QStringLiteral("SELECT * FROM contacts")), kDenied);
    QCOMPARE(attempt(*vera, QStringLiteral("SELECT phone_e164 FROM call_attempts")), kDenied);
    QCOMPARE(attempt(*vera, QStringLiteral("SELECT phone_e164 FROM suppression_list")), kDenied);
    QCOMPARE(attempt(*vera, QStringLiteral("SELECT payload FROM call_events")), kDenied);
    // The columns without personal data (column-level SELECT) are the viewer's to read.
    QCOMPARE(tests::count(*vera, QStringLiteral("SELECT COUNT(*) FROM contacts WHERE status = 'pending'")), 1);
    QCOMPARE(attempt(*vera, QStringLiteral("SELECT id, campaign_id, status, attempts_count, time_zone FROM contacts")),
             kOk);
    QCOMPARE(attempt(*vera, QStringLiteral("SELECT id, status, ended_at FROM call_attempts")), kOk);
    QCOMPARE(attempt(*vera, QStringLiteral("SELECT * FROM answers")), kOk);
    QCOMPARE(attempt(*vera, QStringLiteral("INSERT INTO campaigns (name) VALUES ('v')")), kDenied);
}

void TestPgProvision::credentialsAreRowLevelSecured()
{
    auto olga = connectAs(QStringLiteral("olga"));
    QVERIFY(olga);
    QCOMPARE(tests::count(*olga, QStringLiteral("SELECT COUNT(*) FROM user_credentials")), 1);
    QCOMPARE(tests::count(*olga, QStringLiteral("SELECT COUNT(*) FROM user_credentials WHERE user_id = ?"),
                          {m_userIds.value(QStringLiteral("ada"))}),
             0);
    QCOMPARE(tests::count(*olga, QStringLiteral("SELECT COUNT(*) FROM user_credentials WHERE user_id = ?"),
                          {m_userIds.value(QStringLiteral("olga"))}),
             1);
    // Another user's row cannot be changed or taken over.
    auto changed = exec(olga->connection(),
                        QStringLiteral("UPDATE user_credentials SET password_hash = 'x' WHERE "
                                       "user_id = ? RETURNING user_id"),
                        {m_userIds.value(QStringLiteral("ada"))});
    QVERIFY(changed.ok());
    QVERIFY(!changed.value().next());
    QCOMPARE(
        attempt(*olga,
                QStringLiteral("UPDATE user_credentials SET user_id = %1").arg(m_userIds.value(QStringLiteral("ada")))),
        QStringLiteral("42501")); // WITH CHECK: new row violates row-level security policy
    QCOMPARE(attempt(*olga, QStringLiteral("DELETE FROM user_credentials")), kDenied);
    auto ada = connectAs(QStringLiteral("ada"));
    QVERIFY(ada);
    QCOMPARE(tests::count(*ada, QStringLiteral("SELECT COUNT(*) FROM user_credentials")), 4);
    // The dialer reads no credentials at all.
    auto dan = connectAs(QStringLiteral("dan"));
    QVERIFY(dan);
    QCOMPARE(attempt(*dan, QStringLiteral("SELECT password_hash FROM user_credentials")), kDenied);
}

void TestPgProvision::dialerRecordsCallEvents()
{
    auto dan = connectAs(QStringLiteral("dan"));
    QVERIFY(dan);
    QCOMPARE(attempt(*dan, QStringLiteral("INSERT INTO call_events (call_attempt_id, call_sid, sequence_number, "
                                          "call_status) VALUES (%1, 'CA1', 0, 'ringing')")
                               .arg(m_attemptId)),
             kOk);
    QCOMPARE(
        attempt(*dan, QStringLiteral("UPDATE call_attempts SET status = 'ringing' WHERE id = %1").arg(m_attemptId)),
        kOk);
    QCOMPARE(attempt(*dan, QStringLiteral("UPDATE contacts SET status = 'in_progress'")), kOk);
    QCOMPARE(attempt(*dan, QStringLiteral("UPDATE contacts SET phone_e164 = '+15550199'")), kDenied);
    QCOMPARE(attempt(*dan, QStringLiteral("INSERT INTO campaigns (name) VALUES ('d')")), kDenied);
    QCOMPARE(attempt(*dan, QStringLiteral("UPDATE campaigns SET caller_id = 'x'")), kDenied);
    QCOMPARE(attempt(*dan, QStringLiteral("SELECT * FROM users")), kOk);
}

void TestPgProvision::appLoginOpensAnUpToDateSchema()
{
    auto olga = connectAs(QStringLiteral("olga"));
    QVERIFY(olga);
    auto report = Migrator(*olga).migrate();
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
    QVERIFY(report.value().applied.isEmpty());
    QCOMPARE(report.value().toVersion, m_first.migration.toVersion);
    // A pending migration is the DBA's to run.
    QList<Migration> migrations = Migrator::bundledMigrations();
    Migration next;
    next.version = migrations.constLast().version + 1;
    next.name = QStringLiteral("extra");
    next.sql = QStringLiteral("ALTER TABLE campaigns ADD COLUMN extra TEXT;\n");
    migrations.append(next);
    auto refused = Migrator(*olga, migrations).migrate();
    QCOMPARE(refused.error().code, ErrorCode::Migration);
    QVERIFY2(refused.error().detail.contains(QStringLiteral("ask the DBA to run `voicesurvey-console migrate`")),
             qPrintable(refused.error().detail));
    QVERIFY(refused.error().detail.contains(QString::number(next.version)));
}

void TestPgProvision::headlessActorsFollowTheLogins()
{
    struct Expected
    {
        QString who;
        QStringList roles;
        bool usersManage;
        bool campaignRun;
    };
    const QList<Expected> expected{
        {QStringLiteral("ada"), {QStringLiteral("admin"), QStringLiteral("dialer")}, true, true},
        {QStringLiteral("sam"), {QStringLiteral("dialer"), QStringLiteral("supervisor")}, false, true},
        {QStringLiteral("olga"), {QStringLiteral("dialer"), QStringLiteral("operator")}, false, true},
        {QStringLiteral("vera"), {QStringLiteral("viewer")}, false, false},
        {QStringLiteral("dan"), {QStringLiteral("dialer")}, false, true},
    };
    for (const Expected &e : expected) {
        auto person = connectAs(e.who);
        QVERIFY(person);
        auto actor = auth::ActorResolver(*person).forHeadless(e.who, m_prefix);
        QVERIFY2(actor.ok(), qPrintable(actor.ok() ? QString() : e.who + actor.error().toString()));
        QStringList roles = actor.value().roles;
        roles.sort();
        QCOMPARE(roles, e.roles);
        QCOMPARE(actor.value().has(Permission::UsersManage), e.usersManage);
        QCOMPARE(actor.value().has(Permission::CampaignRun), e.campaignRun);
        QCOMPARE(actor.value().userId.has_value(), m_userIds.contains(e.who));
    }
    auto own = connectAs(QStringLiteral("own"));
    QVERIFY(own);
    auto owner = auth::ActorResolver(*own).forHeadless(QStringLiteral("own"), m_prefix);
    QVERIFY(owner.ok());
    QCOMPARE(owner.value().permissions, PermissionSet::all());
}

QTEST_GUILESS_MAIN(TestPgProvision)
#include "tst_pgprovision.moc"
