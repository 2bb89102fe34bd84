// SPDX-License-Identifier: GPL-3.0-or-later
// The `users` and `roles` commands, run as an admin would: the real binary in a child process, acting as the headless
// actor (SQLite: the file's owner; PostgreSQL: the test cluster's superuser login).
#include "services/storage/sql.h"
#include "testconfig.h"
#include "tests/support/testdatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QByteArray kGoodPassword = "Tulip-Granite-Harbor-7391\n";
const QByteArray kOtherGoodPassword = "Walnut-Fjord-Lantern-2846\n";

} // namespace

class TestUserCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void addThenList();
    void noMustChangeKeepsThePassword();
    void weakPasswordIsRefused();
    void passwordNeedsStdinOrATerminal();
    void addNeedsRoles();
    void setRoles();
    void disableAndEnable();
    void lastAdminIsKept();
    void resetPasswordSetsMustChangeAndClearsALock();
    void rolesListHasTheBuiltInRoles();
    void invite();
    void unknownUser_data();
    void unknownUser();
    void unknownSubcommandShowsUsage();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
        QString errorCode() const
        {
            return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
        }
        QString errorMessage() const
        {
            return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
        }
    };
    Run run(const QStringList &args, const QByteArray &input = {});
    // `users` or `roles` with the database and --json appended.
    Run users(vsc::tests::TestDatabase &db, const QStringList &args, const QByteArray &input = {});
    Run roles(vsc::tests::TestDatabase &db, const QStringList &args);
    // `users list --json`'s entry for `username`; empty when there is none.
    QJsonObject listed(vsc::tests::TestDatabase &db, const QString &username);
    QTemporaryDir m_home;
};

void TestUserCli::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(VSC_APP_BINARY)));
    vsc::tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

TestUserCli::Run TestUserCli::run(const QStringList &args, const QByteArray &input)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_home.filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("VSC_NO_KEYCHAIN"), QStringLiteral("1"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    QProcess process;
    process.setProcessEnvironment(env);
    // stdin is a pipe, never a terminal: a command that would prompt must refuse instead.
    process.start(QStringLiteral(VSC_APP_BINARY), args);
    if (process.waitForStarted(30000)) {
        process.write(input);
        process.closeWriteChannel();
    }
    if (!process.waitForFinished(120000)) {
        process.kill();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

TestUserCli::Run TestUserCli::users(vsc::tests::TestDatabase &db, const QStringList &args, const QByteArray &input)
{
    return run(QStringList{QStringLiteral("users")} + args +
                   QStringList{QStringLiteral("--database"), db.url(), QStringLiteral("--json")},
               input);
}

TestUserCli::Run TestUserCli::roles(vsc::tests::TestDatabase &db, const QStringList &args)
{
    return run(QStringList{QStringLiteral("roles")} + args +
               QStringList{QStringLiteral("--database"), db.url(), QStringLiteral("--json")});
}

QJsonObject TestUserCli::listed(vsc::tests::TestDatabase &db, const QString &username)
{
    const Run list = users(db, {QStringLiteral("list")});
    if (list.exitCode != 0) {
        qWarning("users list failed: %s", list.err.constData());
        return {};
    }
    const QJsonArray all = list.json().value(QStringLiteral("users")).toArray();
    for (const auto &user : all) {
        if (user.toObject().value(QStringLiteral("username")).toString() == username) {
            return user.toObject();
        }
    }
    return {};
}

void TestUserCli::addThenList()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    const Run added =
        users(db,
              {QStringLiteral("add"), QStringLiteral("alice"), QStringLiteral("--roles"),
               QStringLiteral("operator,viewer"), QStringLiteral("--display-name"), QStringLiteral("Alice Archer"),
               QStringLiteral("--email"), QStringLiteral("alice@example.com"), QStringLiteral("--password-stdin")},
              kGoodPassword);
    QVERIFY2(added.exitCode == 0, added.err.constData());
    QCOMPARE(added.json().value(QStringLiteral("ok")).toBool(), true);
    const qint64 id = added.json().value(QStringLiteral("id")).toInteger();
    QVERIFY(id > 0);
    QCOMPARE(added.json().value(QStringLiteral("mustChangePassword")).toBool(), true);

    // The JSON shape of `users list`.
    const Run list = users(db, {QStringLiteral("list")});
    QVERIFY2(list.exitCode == 0, list.err.constData());
    QCOMPARE(list.json().value(QStringLiteral("ok")).toBool(), true);
    const QJsonObject alice = listed(db, QStringLiteral("alice"));
    QVERIFY(!alice.isEmpty());
    QCOMPARE(alice.value(QStringLiteral("id")).toInteger(), id);
    QCOMPARE(alice.value(QStringLiteral("displayName")).toString(), QStringLiteral("Alice Archer"));
    QCOMPARE(alice.value(QStringLiteral("email")).toString(), QStringLiteral("alice@example.com"));
    QCOMPARE(alice.value(QStringLiteral("source")).toString(), QStringLiteral("local"));
    QStringList roles;
    for (const auto &role : alice.value(QStringLiteral("roles")).toArray()) {
        roles << role.toString();
    }
    roles.sort();
    QCOMPARE(roles, (QStringList{QStringLiteral("operator"), QStringLiteral("viewer")}));
    QCOMPARE(alice.value(QStringLiteral("disabled")).toBool(true), false);
    QVERIFY(alice.value(QStringLiteral("lastSignIn")).isNull());
    QCOMPARE(alice.value(QStringLiteral("failedAttempts")).toInt(-1), 0);
    QVERIFY(alice.value(QStringLiteral("lockedUntil")).isNull());
    QCOMPARE(alice.value(QStringLiteral("mustChangePassword")).toBool(), true);

    // The password was hashed for real (argon2id at the interactive cost), without its newline.
    auto hash = vsc::services::storage::scalar(
        db.database().connection(), QStringLiteral("SELECT password_hash FROM user_credentials WHERE user_id = ?"),
        {id});
    QVERIFY(hash.ok());
    QVERIFY2(hash.value().toString().startsWith(QStringLiteral("$argon2id$v=19$m=65536,")),
             qPrintable(hash.value().toString()));

    // The human table: a header, and every column aligned under it.
    const Run text = run({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--database"), db.url()});
    QVERIFY2(text.exitCode == 0, text.err.constData());
    const QStringList lines = QString::fromUtf8(text.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QString &header = lines.at(0);
    const QString &row = lines.at(1);
    QVERIFY2(header.startsWith(QStringLiteral("USERNAME")), qPrintable(header));
    QVERIFY(row.startsWith(QStringLiteral("alice ")));
    QCOMPARE(row.indexOf(QStringLiteral("Alice Archer")), header.indexOf(QStringLiteral("  NAME")) + 2);
    QCOMPARE(row.indexOf(QStringLiteral("local")), header.indexOf(QStringLiteral("SOURCE")));
    QCOMPARE(row.indexOf(QStringLiteral("never")), header.indexOf(QStringLiteral("LAST SIGN-IN")));
    QVERIFY(header.contains(QStringLiteral("FAILED")));
    QVERIFY(header.contains(QStringLiteral("LOCKED UNTIL")));
    QVERIFY(header.endsWith(QStringLiteral("MUST CHANGE")));
    QVERIFY(row.endsWith(QStringLiteral("yes")));
    QVERIFY(!text.out.contains("Tulip"));
}

void TestUserCli::noMustChangeKeepsThePassword()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    const Run added =
        users(db,
              {QStringLiteral("add"), QStringLiteral("bob"), QStringLiteral("--roles"), QStringLiteral("viewer"),
               QStringLiteral("--password-stdin"), QStringLiteral("--no-must-change")},
              kGoodPassword);
    QVERIFY2(added.exitCode == 0, added.err.constData());
    QCOMPARE(added.json().value(QStringLiteral("mustChangePassword")).toBool(true), false);
    QCOMPARE(listed(db, QStringLiteral("bob")).value(QStringLiteral("mustChangePassword")).toBool(true), false);
    // A taken name is a conflict (exit 1).
    const Run again = users(db,
                            {QStringLiteral("add"), QStringLiteral("bob"), QStringLiteral("--roles"),
                             QStringLiteral("viewer"), QStringLiteral("--password-stdin")},
                            kGoodPassword);
    QCOMPARE(again.exitCode, 1);
    QCOMPARE(again.errorCode(), QStringLiteral("conflict"));
}

void TestUserCli::weakPasswordIsRefused()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    for (const QByteArray &weak : {QByteArray("password123\n"), QByteArray("Password123456\n"),
                                   QByteArray("carol-carol-carol\n"), QByteArray("\n")}) {
        const Run refused = users(db,
                                  {QStringLiteral("add"), QStringLiteral("carol"), QStringLiteral("--roles"),
                                   QStringLiteral("viewer"), QStringLiteral("--password-stdin")},
                                  weak);
        QVERIFY2(refused.exitCode == 1, refused.err.constData());
        QCOMPARE(refused.json().value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(refused.errorCode(), QStringLiteral("password rejected by policy"));
        QVERIFY(!refused.errorMessage().isEmpty());
        QVERIFY(refused.err.contains("password rejected by policy"));
        QVERIFY(!refused.err.contains(weak.trimmed()) || weak.trimmed().isEmpty());
    }
    // Empty input is not a password at all: a usage error.
    const Run nothing = users(db, {QStringLiteral("add"), QStringLiteral("carol"), QStringLiteral("--roles"),
                                   QStringLiteral("viewer"), QStringLiteral("--password-stdin")});
    QCOMPARE(nothing.exitCode, 2);
    QVERIFY2(nothing.errorMessage().contains(QStringLiteral("--password-stdin")), qPrintable(nothing.errorMessage()));
    QVERIFY(listed(db, QStringLiteral("carol")).isEmpty());
    QCOMPARE(vsc::tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM users")), 0);
}

void TestUserCli::passwordNeedsStdinOrATerminal()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    // A password piped in without --password-stdin is not read: stdin is not a terminal, so the command refuses.
    const Run refused =
        users(db, {QStringLiteral("add"), QStringLiteral("dora"), QStringLiteral("--roles"), QStringLiteral("viewer")},
              kGoodPassword);
    QCOMPARE(refused.exitCode, 2);
    QCOMPARE(refused.errorCode(), QStringLiteral("invalid argument"));
    QVERIFY2(refused.errorMessage().contains(QStringLiteral("--password-stdin")), qPrintable(refused.errorMessage()));
    QVERIFY(refused.err.contains("--password-stdin"));
    QVERIFY(listed(db, QStringLiteral("dora")).isEmpty());
    // The same for reset-password.
    QCOMPARE(users(db,
                   {QStringLiteral("add"), QStringLiteral("dora"), QStringLiteral("--roles"), QStringLiteral("viewer"),
                    QStringLiteral("--password-stdin")},
                   kGoodPassword)
                 .exitCode,
             0);
    const Run reset = users(db, {QStringLiteral("reset-password"), QStringLiteral("dora")}, kOtherGoodPassword);
    QCOMPARE(reset.exitCode, 2);
    QVERIFY(reset.errorMessage().contains(QStringLiteral("--password-stdin")));
}

void TestUserCli::addNeedsRoles()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    const Run noRoles =
        users(db, {QStringLiteral("add"), QStringLiteral("erin"), QStringLiteral("--password-stdin")}, kGoodPassword);
    QCOMPARE(noRoles.exitCode, 2);
    QVERIFY(noRoles.errorMessage().contains(QStringLiteral("--roles")));
    const Run unknownRole = users(db,
                                  {QStringLiteral("add"), QStringLiteral("erin"), QStringLiteral("--roles"),
                                   QStringLiteral("wizard"), QStringLiteral("--password-stdin")},
                                  kGoodPassword);
    QCOMPARE(unknownRole.exitCode, 2);
    QVERIFY2(unknownRole.errorMessage().contains(QStringLiteral("wizard")), qPrintable(unknownRole.errorMessage()));
    QVERIFY(listed(db, QStringLiteral("erin")).isEmpty());
    const Run badName = users(db,
                              {QStringLiteral("add"), QStringLiteral("no spaces"), QStringLiteral("--roles"),
                               QStringLiteral("viewer"), QStringLiteral("--password-stdin")},
                              kGoodPassword);
    QCOMPARE(badName.exitCode, 2);
}

void TestUserCli::setRoles()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    QCOMPARE(users(db,
                   {QStringLiteral("add"), QStringLiteral("fay"), QStringLiteral("--roles"), QStringLiteral("viewer"),
                    QStringLiteral("--password-stdin")},
                   kGoodPassword)
                 .exitCode,
             0);
    const Run changed = users(db, {QStringLiteral("set-roles"), QStringLiteral("fay"), QStringLiteral("--roles"),
                                   QStringLiteral("supervisor, operator")});
    QVERIFY2(changed.exitCode == 0, changed.err.constData());
    QCOMPARE(changed.json().value(QStringLiteral("ok")).toBool(), true);
    QStringList roles;
    for (const auto &role : listed(db, QStringLiteral("fay")).value(QStringLiteral("roles")).toArray()) {
        roles << role.toString();
    }
    roles.sort();
    QCOMPARE(roles, (QStringList{QStringLiteral("operator"), QStringLiteral("supervisor")}));
    // An unknown role changes nothing.
    const Run unknown = users(db, {QStringLiteral("set-roles"), QStringLiteral("fay"), QStringLiteral("--roles"),
                                   QStringLiteral("viewer,wizard")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.errorMessage().contains(QStringLiteral("wizard")));
    QCOMPARE(listed(db, QStringLiteral("fay")).value(QStringLiteral("roles")).toArray().size(), 2);
    QCOMPARE(users(db, {QStringLiteral("set-roles"), QStringLiteral("fay")}).exitCode, 2);
    // The change is in the audit log, with its actor.
    QVERIFY(vsc::tests::count(db.database(),
                              QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'user.roles'")) >= 1);
}

void TestUserCli::disableAndEnable()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    QCOMPARE(users(db,
                   {QStringLiteral("add"), QStringLiteral("gus"), QStringLiteral("--roles"), QStringLiteral("operator"),
                    QStringLiteral("--password-stdin")},
                   kGoodPassword)
                 .exitCode,
             0);
    const Run disabled = users(db, {QStringLiteral("disable"), QStringLiteral("gus")});
    QVERIFY2(disabled.exitCode == 0, disabled.err.constData());
    QCOMPARE(disabled.json().value(QStringLiteral("disabled")).toBool(), true);
    QCOMPARE(listed(db, QStringLiteral("gus")).value(QStringLiteral("disabled")).toBool(), true);
    const Run text = run({QStringLiteral("users"), QStringLiteral("disable"), QStringLiteral("gus"),
                          QStringLiteral("--database"), db.url()});
    QCOMPARE(text.exitCode, 0); // already disabled: nothing to do, not an error
    QVERIFY(text.out.contains("disabled 'gus'"));
    const Run enabled = users(db, {QStringLiteral("enable"), QStringLiteral("gus")});
    QVERIFY2(enabled.exitCode == 0, enabled.err.constData());
    QCOMPARE(listed(db, QStringLiteral("gus")).value(QStringLiteral("disabled")).toBool(true), false);
}

void TestUserCli::lastAdminIsKept()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    QCOMPARE(users(db,
                   {QStringLiteral("add"), QStringLiteral("root"), QStringLiteral("--roles"), QStringLiteral("admin"),
                    QStringLiteral("--password-stdin")},
                   kGoodPassword)
                 .exitCode,
             0);
    const Run disable = users(db, {QStringLiteral("disable"), QStringLiteral("root")});
    QCOMPARE(disable.exitCode, 1);
    QCOMPARE(disable.errorCode(), QStringLiteral("last admin"));
    QVERIFY(disable.err.contains("last enabled admin"));
    const Run demote = users(
        db, {QStringLiteral("set-roles"), QStringLiteral("root"), QStringLiteral("--roles"), QStringLiteral("viewer")});
    QCOMPARE(demote.exitCode, 1);
    QCOMPARE(demote.errorCode(), QStringLiteral("last admin"));
    const QJsonObject root = listed(db, QStringLiteral("root"));
    QCOMPARE(root.value(QStringLiteral("disabled")).toBool(true), false);
    QCOMPARE(root.value(QStringLiteral("roles")).toArray(), QJsonArray{QStringLiteral("admin")});
    // With a second admin, the first may go.
    QCOMPARE(users(db,
                   {QStringLiteral("add"), QStringLiteral("root2"), QStringLiteral("--roles"), QStringLiteral("admin"),
                    QStringLiteral("--password-stdin")},
                   kOtherGoodPassword)
                 .exitCode,
             0);
    QCOMPARE(users(db, {QStringLiteral("disable"), QStringLiteral("root")}).exitCode, 0);
    QCOMPARE(users(db, {QStringLiteral("disable"), QStringLiteral("root2")}).exitCode, 1);
}

void TestUserCli::resetPasswordSetsMustChangeAndClearsALock()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    const Run added =
        users(db,
              {QStringLiteral("add"), QStringLiteral("hal"), QStringLiteral("--roles"), QStringLiteral("viewer"),
               QStringLiteral("--password-stdin"), QStringLiteral("--no-must-change")},
              kGoodPassword);
    QVERIFY2(added.exitCode == 0, added.err.constData());
    const qint64 id = added.json().value(QStringLiteral("id")).toInteger();
    // Locked after failed sign-ins: the list shows it.
    const QDateTime until = QDateTime::currentDateTimeUtc().addSecs(900);
    QVERIFY(vsc::services::storage::execOnly(
                db.database().connection(),
                QStringLiteral("UPDATE user_credentials SET failed_attempts = 10, locked_until = ? WHERE user_id = ?"),
                {vsc::services::storage::toDb(until), id})
                .ok());
    QJsonObject hal = listed(db, QStringLiteral("hal"));
    QCOMPARE(hal.value(QStringLiteral("failedAttempts")).toInt(), 10);
    QCOMPARE(hal.value(QStringLiteral("lockedUntil")).toString(), until.toString(Qt::ISODate));
    QCOMPARE(hal.value(QStringLiteral("mustChangePassword")).toBool(true), false);

    // A weak temporary password is refused like any other.
    const Run weak = users(
        db, {QStringLiteral("reset-password"), QStringLiteral("hal"), QStringLiteral("--password-stdin")}, "123456\n");
    QCOMPARE(weak.exitCode, 1);
    QCOMPARE(weak.errorCode(), QStringLiteral("password rejected by policy"));

    auto before = vsc::services::storage::scalar(
        db.database().connection(), QStringLiteral("SELECT password_hash FROM user_credentials WHERE user_id = ?"),
        {id});
    QVERIFY(before.ok());
    const Run reset =
        users(db, {QStringLiteral("reset-password"), QStringLiteral("hal"), QStringLiteral("--password-stdin")},
              kOtherGoodPassword);
    QVERIFY2(reset.exitCode == 0, reset.err.constData());
    QCOMPARE(reset.json().value(QStringLiteral("mustChangePassword")).toBool(), true);
    hal = listed(db, QStringLiteral("hal"));
    QCOMPARE(hal.value(QStringLiteral("mustChangePassword")).toBool(), true);
    QCOMPARE(hal.value(QStringLiteral("failedAttempts")).toInt(-1), 0);
    QVERIFY(hal.value(QStringLiteral("lockedUntil")).isNull());
    auto after = vsc::services::storage::scalar(
        db.database().connection(), QStringLiteral("SELECT password_hash FROM user_credentials WHERE user_id = ?"),
        {id});
    QVERIFY(after.ok());
    QVERIFY(after.value().toString() != before.value().toString());

    // An identity-provider user has no password here.
    QCOMPARE(users(db, {QStringLiteral("invite"), QStringLiteral("ivy@example.com"), QStringLiteral("--roles"),
                        QStringLiteral("viewer")})
                 .exitCode,
             0);
    const Run oidc = users(
        db, {QStringLiteral("reset-password"), QStringLiteral("ivy@example.com"), QStringLiteral("--password-stdin")},
        kOtherGoodPassword);
    QCOMPARE(oidc.exitCode, 2);
    QVERIFY(oidc.errorMessage().contains(QStringLiteral("identity provider")));
}

void TestUserCli::rolesListHasTheBuiltInRoles()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    const Run list = roles(db, {QStringLiteral("list")});
    QVERIFY2(list.exitCode == 0, list.err.constData());
    QCOMPARE(list.json().value(QStringLiteral("ok")).toBool(), true);
    QHash<QString, QJsonObject> byName;
    for (const auto &role : list.json().value(QStringLiteral("roles")).toArray()) {
        byName.insert(role.toObject().value(QStringLiteral("name")).toString(), role.toObject());
    }
    for (const char *name : {"admin", "supervisor", "operator", "viewer"}) {
        const QJsonObject role = byName.value(QString::fromLatin1(name));
        QVERIFY2(!role.isEmpty(), name);
        QCOMPARE(role.value(QStringLiteral("builtin")).toBool(), true);
        QVERIFY(role.value(QStringLiteral("description")).isString());
        QVERIFY(role.value(QStringLiteral("permissions")).isArray());
    }
    QVERIFY(byName.value(QStringLiteral("admin"))
                .value(QStringLiteral("permissions"))
                .toArray()
                .contains(QStringLiteral("users.manage")));
    const Run text = run({QStringLiteral("roles"), QStringLiteral("list"), QStringLiteral("--database"), db.url()});
    QVERIFY2(text.exitCode == 0, text.err.constData());
    QVERIFY(text.out.startsWith("NAME"));
    QVERIFY(text.out.contains("users.manage"));
}

void TestUserCli::invite()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    const Run invited =
        users(db, {QStringLiteral("invite"), QStringLiteral("jo@example.com"), QStringLiteral("--roles"),
                   QStringLiteral("supervisor"), QStringLiteral("--display-name"), QStringLiteral("Jo Jones")});
    QVERIFY2(invited.exitCode == 0, invited.err.constData());
    QVERIFY(invited.json().value(QStringLiteral("id")).toInteger() > 0);
    const QJsonObject jo = listed(db, QStringLiteral("jo@example.com"));
    QCOMPARE(jo.value(QStringLiteral("source")).toString(), QStringLiteral("oidc"));
    QCOMPARE(jo.value(QStringLiteral("email")).toString(), QStringLiteral("jo@example.com"));
    QCOMPARE(jo.value(QStringLiteral("displayName")).toString(), QStringLiteral("Jo Jones"));
    QCOMPARE(jo.value(QStringLiteral("roles")).toArray(), QJsonArray{QStringLiteral("supervisor")});
    QCOMPARE(jo.value(QStringLiteral("mustChangePassword")).toBool(true), false);
    // By subject, and a second invitation of the same person is a conflict.
    QCOMPARE(users(db, {QStringLiteral("invite"), QStringLiteral("248289761001"), QStringLiteral("--roles"),
                        QStringLiteral("viewer")})
                 .exitCode,
             0);
    QCOMPARE(listed(db, QStringLiteral("248289761001")).value(QStringLiteral("source")).toString(),
             QStringLiteral("oidc"));
    const Run again = users(db, {QStringLiteral("invite"), QStringLiteral("jo@example.com"), QStringLiteral("--roles"),
                                 QStringLiteral("viewer")});
    QCOMPARE(again.exitCode, 1);
    QCOMPARE(again.errorCode(), QStringLiteral("conflict"));
    QCOMPARE(users(db, {QStringLiteral("invite"), QStringLiteral("kim@example.com")}).exitCode, 2);
}

void TestUserCli::unknownUser_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("disable") << QStringList{QStringLiteral("disable"), QStringLiteral("nobody")};
    QTest::newRow("enable") << QStringList{QStringLiteral("enable"), QStringLiteral("nobody")};
    QTest::newRow("set-roles") << QStringList{QStringLiteral("set-roles"), QStringLiteral("nobody"),
                                              QStringLiteral("--roles"), QStringLiteral("viewer")};
    QTest::newRow("reset-password") << QStringList{QStringLiteral("reset-password"), QStringLiteral("nobody"),
                                                   QStringLiteral("--password-stdin")};
}

void TestUserCli::unknownUser()
{
    QFETCH(QStringList, args);
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    const Run result = users(db, args, kGoodPassword);
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(result.json().value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(result.errorCode(), QStringLiteral("not found"));
    QVERIFY2(result.errorMessage().contains(QStringLiteral("no user named 'nobody'")),
             qPrintable(result.errorMessage()));
    QVERIFY(result.err.contains("no user named 'nobody'"));
}

void TestUserCli::unknownSubcommandShowsUsage()
{
    const Run wrong =
        run({QStringLiteral("users"), QStringLiteral("delete"), QStringLiteral("x"), QStringLiteral("--json")});
    QCOMPARE(wrong.exitCode, 2);
    QVERIFY(wrong.errorMessage().contains(QStringLiteral("usage: users list")));
    const Run noName = run({QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("--json")});
    QCOMPARE(noName.exitCode, 2);
    const Run help = run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("users add USERNAME --roles"));
    QVERIFY(help.out.contains("roles list"));
    QVERIFY(help.out.contains("--password-stdin"));
}

QTEST_GUILESS_MAIN(TestUserCli)
#include "tst_usercli.moc"
