// SPDX-License-Identifier: GPL-3.0-or-later
// Runs twice under ctest: on SQLite and on the PostgreSQL cluster scripts/test.sh starts.
#include "services/demo/demoseeder.h"
#include "services/storage/auditrepository.h"
#include "services/storage/callrepository.h"
#include "services/storage/campaignrepository.h"
#include "services/storage/contactrepository.h"
#include "services/storage/dashboardrepository.h"
#include "services/storage/migrator.h"
#include "services/storage/scriptrepository.h"
#include "services/storage/sql.h"
#include "services/storage/userrepository.h"
#include "tests/support/fakeclock.h"
#include "tests/support/testdatabase.h"

#include <QTest>
#include <QThread>

using namespace vsc;
using namespace vsc::services::storage;

class TestRepositories : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void backendIsTheOneRequested();
    void hostileNamesRoundTrip_data();
    void hostileNamesRoundTrip();
    void contactsPageAndCount();
    void addManyIsAllOrNothing();
    void campaignLifecycleIsAudited();
    void campaignNeedsName();
    void scriptVersionsIncrement();
    void attemptsEventsAndAnswers();
    void liveCallsListsOnlyActive();
    void usersAndRoles();
    void nestedTransactionRollsBackInner();
    void dashboardCountsDemoData();
    void demoSeedIsIdempotent();
    void closedConnectionReportsLoss();
    void connectionsArePerThread();
    void preparedStatementsAreKeptPerConnection();
    void aStalledTransactionLosesItsConnection();

private:
    qint64 makeCampaign(const QString &name = QStringLiteral("Test campaign"));
    qint64 makeContact(qint64 campaignId, const QString &phone, const QString &name = QStringLiteral("Test"));
    std::unique_ptr<tests::TestDatabase> m_db;
};

void TestRepositories::initTestCase()
{
    tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

void TestRepositories::init()
{
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    auto migrated = Migrator(m_db->database()).migrate();
    QVERIFY2(migrated.ok(), qPrintable(migrated.ok() ? QString() : migrated.error().toString()));
}

void TestRepositories::cleanup()
{
    m_db.reset();
}

qint64 TestRepositories::makeCampaign(const QString &name)
{
    Campaign c;
    c.name = name;
    auto id = CampaignRepository(m_db->database()).create(c, Actor::system(QStringLiteral("test")));
    return id.ok() ? id.value() : -1;
}

qint64 TestRepositories::makeContact(qint64 campaignId, const QString &phone, const QString &name)
{
    Contact c;
    c.campaignId = campaignId;
    c.phoneE164 = phone;
    c.name = name;
    auto id = ContactRepository(m_db->database()).add(c);
    return id.ok() ? id.value() : -1;
}

void TestRepositories::backendIsTheOneRequested()
{
    auto version = m_db->database().serverVersion();
    QVERIFY(version.ok());
    if (tests::TestDatabase::postgresRequested()) {
        QVERIFY2(version.value().contains(QStringLiteral("PostgreSQL")), qPrintable(version.value()));
        QCOMPARE(m_db->database().backend(), Backend::Postgres);
    } else {
        QVERIFY2(version.value().startsWith(QStringLiteral("SQLite")), qPrintable(version.value()));
    }
    qInfo("backend: %s", qPrintable(version.value()));
}

void TestRepositories::hostileNamesRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("sql injection") << QStringLiteral("'); DROP TABLE contacts;--");
    QTest::newRow("emoji") << QStringLiteral("Zoë 👩🏽‍💻 “quoted” 日本語 🎉");
    QTest::newRow("10 kB") << QString(10 * 1024, QChar(u'x')) + QStringLiteral("ß\"\\");
    QTest::newRow("question marks and colons") << QStringLiteral("? :name $1 %s ??");
}

void TestRepositories::hostileNamesRoundTrip()
{
    QFETCH(QString, name);
    const qint64 campaign = makeCampaign(name);
    QVERIFY(campaign > 0);
    const qint64 id = makeContact(campaign, QStringLiteral("+14155550100"), name);
    QVERIFY(id > 0);
    auto contact = ContactRepository(m_db->database()).byId(id);
    QVERIFY(contact.ok());
    QCOMPARE(contact.value().name, name);
    QCOMPARE(CampaignRepository(m_db->database()).byId(campaign).value().name, name);
    auto count = scalar(m_db->database().connection(), QStringLiteral("SELECT COUNT(*) FROM contacts"));
    QVERIFY(count.ok()); // the table survived
    QCOMPARE(count.value().toInt(), 1);
}

void TestRepositories::contactsPageAndCount()
{
    const qint64 campaign = makeCampaign();
    QList<Contact> contacts;
    for (int i = 0; i < 1234; ++i) {
        Contact c;
        c.campaignId = campaign;
        c.phoneE164 = QStringLiteral("+1415555%1").arg(i, 4, 10, QLatin1Char('0'));
        c.name = QStringLiteral("Contact %1").arg(i);
        c.timeZone = QStringLiteral("America/Los_Angeles");
        c.customFields = {{QStringLiteral("n"), i}};
        contacts.append(c);
    }
    ContactRepository repo(m_db->database());
    auto ids = repo.addMany(contacts);
    QVERIFY2(ids.ok(), qPrintable(ids.ok() ? QString() : ids.error().toString()));
    QCOMPARE(ids.value().size(), 1234);
    QCOMPARE(repo.count(campaign).value(), 1234);
    qint64 after = 0;
    int seen = 0;
    while (true) {
        auto page = repo.page(campaign, after, 500);
        QVERIFY(page.ok());
        if (page.value().isEmpty()) {
            break;
        }
        for (const Contact &c : page.value()) {
            QVERIFY(c.id > after);
            QCOMPARE(c.customFields.value(QStringLiteral("n")).toInt(), seen);
            QCOMPARE(c.timeZone, QStringLiteral("America/Los_Angeles"));
            after = c.id;
            ++seen;
        }
    }
    QCOMPARE(seen, 1234);
    QVERIFY(repo.setStatus(ids.value().first(), ContactStatus::OptedOut).ok());
    QCOMPARE(repo.byId(ids.value().first()).value().status, ContactStatus::OptedOut);
    QCOMPARE(repo.setStatus(-5, ContactStatus::OptedOut).error().code, ErrorCode::NotFound);
    QCOMPARE(repo.byId(-5).error().code, ErrorCode::NotFound);
}

void TestRepositories::addManyIsAllOrNothing()
{
    const qint64 campaign = makeCampaign();
    ContactRepository repo(m_db->database());
    QList<Contact> contacts;
    for (int i = 0; i < 700; ++i) { // spans two INSERT statements
        Contact c;
        c.campaignId = campaign;
        c.phoneE164 = QStringLiteral("+1303555%1").arg(i, 4, 10, QLatin1Char('0'));
        contacts.append(c);
    }
    contacts.append(contacts.at(3)); // duplicate phone in the same campaign violates the unique key
    auto result = repo.addMany(contacts);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Conflict); // a duplicate of existing data, named as such
    QCOMPARE(repo.count(campaign).value(), 0);
    Contact bad;
    QCOMPARE(repo.add(bad).error().code, ErrorCode::InvalidArgument);
    QVERIFY(repo.addMany({}).value().isEmpty());
}

void TestRepositories::campaignLifecycleIsAudited()
{
    CampaignRepository repo(m_db->database());
    Campaign c;
    c.name = QStringLiteral("Lifecycle");
    c.windowStart = QTime(9, 30);
    c.windowEnd = QTime(19, 0);
    c.callsPerSecond = 2.5;
    c.blockedWeekdays = QStringLiteral("6,7");
    auto id = repo.create(c, Actor::system(QStringLiteral("test")));
    QVERIFY(id.ok());
    auto stored = repo.byId(id.value());
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().windowStart, QTime(9, 30));
    QCOMPARE(stored.value().windowEnd, QTime(19, 0));
    QCOMPARE(stored.value().callsPerSecond, 2.5);
    QCOMPARE(stored.value().blockedWeekdays, QStringLiteral("6,7"));
    QCOMPARE(stored.value().status, CampaignStatus::Draft);
    QVERIFY(stored.value().createdAt.isValid());
    QVERIFY(repo.setStatus(id.value(), CampaignStatus::Ready, Actor::system(QStringLiteral("test"))).ok());
    QVERIFY(repo.setStatus(id.value(), CampaignStatus::Running, Actor::system(QStringLiteral("test"))).ok());
    QCOMPARE(repo.byId(id.value()).value().status, CampaignStatus::Running);
    auto audit = AuditRepository(m_db->database()).forEntity(QStringLiteral("campaign"), id.value());
    QVERIFY(audit.ok());
    QCOMPARE(audit.value().size(), 3);
    QCOMPARE(audit.value().at(0).action, QStringLiteral("campaign.create"));
    QCOMPARE(audit.value().at(2).details.value(QStringLiteral("from")).toString(), QStringLiteral("ready"));
    QCOMPARE(audit.value().at(2).details.value(QStringLiteral("to")).toString(), QStringLiteral("running"));
    QCOMPARE(repo.setStatus(424242, CampaignStatus::Running, Actor::system(QStringLiteral("test"))).error().code,
             ErrorCode::NotFound);
    QVERIFY(!repo.byName(QStringLiteral("Lifecycle")).value()->name.isEmpty());
    QVERIFY(!repo.byName(QStringLiteral("absent")).value().has_value());
    auto summaries = repo.summaries();
    QVERIFY(summaries.ok());
    QCOMPARE(summaries.value().size(), 1);
}

void TestRepositories::campaignNeedsName()
{
    Campaign c;
    c.name = QStringLiteral("   ");
    QCOMPARE(CampaignRepository(m_db->database()).create(c, Actor::system(QStringLiteral("test"))).error().code,
             ErrorCode::InvalidArgument);
}

void TestRepositories::scriptVersionsIncrement()
{
    ScriptRepository repo(m_db->database());
    auto scriptId = repo.createScript(QStringLiteral("NPS"));
    QVERIFY(scriptId.ok());
    ScriptVersion v;
    v.scriptId = scriptId.value();
    v.definitionJson = QStringLiteral("{\"questions\":[]}");
    v.questions = {{0,
                    QStringLiteral("q1"),
                    QuestionType::Numeric,
                    QStringLiteral("Zero to ten?"),
                    true,
                    {{QStringLiteral("min"), 0}, {QStringLiteral("max"), 10}}},
                   {0, QStringLiteral("q2"), QuestionType::FreeSpeech, QStringLiteral("Anything else?"), false, {}}};
    auto first = repo.addVersion(v);
    QVERIFY(first.ok());
    QCOMPARE(first.value().version, 1);
    QVERIFY(first.value().questions.at(0).id > 0);
    auto second = repo.addVersion(v);
    QCOMPARE(second.value().version, 2);
    auto loaded = repo.version(first.value().id);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.value().questions.size(), 2);
    QCOMPARE(loaded.value().questions.at(0).type, QuestionType::Numeric);
    QCOMPARE(loaded.value().questions.at(0).options.value(QStringLiteral("max")).toInt(), 10);
    QCOMPARE(loaded.value().questions.at(1).required, false);
    QCOMPARE(repo.version(999999).error().code, ErrorCode::NotFound);
}

void TestRepositories::attemptsEventsAndAnswers()
{
    const qint64 campaign = makeCampaign();
    const qint64 contact = makeContact(campaign, QStringLiteral("+493023125001"));
    ScriptRepository scripts(m_db->database());
    ScriptVersion v;
    v.scriptId = scripts.createScript(QStringLiteral("s")).value();
    v.questions = {{0, QStringLiteral("q1"), QuestionType::YesNo, QStringLiteral("Yes?"), true, {}}};
    v = scripts.addVersion(v).value();

    CallRepository calls(m_db->database());
    CallAttempt a;
    a.contactId = contact;
    a.campaignId = campaign;
    a.provider = CallProvider::Twilio;
    a.status = CallStatus::Queued;
    auto id = calls.createAttempt(a);
    QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().toString()));
    a.id = id.value();
    a.callSid = QStringLiteral("CA0123456789abcdef0123456789abcdef");
    a.status = CallStatus::Completed;
    a.startedAt = QDateTime(QDate(2026, 11, 2), QTime(14, 0, 5, 250), Qt::UTC);
    a.answeredAt = a.startedAt.addSecs(7);
    a.endedAt = a.answeredAt.addSecs(61);
    a.durationSeconds = 61;
    a.answeredBy = QStringLiteral("human");
    QVERIFY(calls.updateAttempt(a).ok());
    auto stored = calls.attempt(a.id);
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().status, CallStatus::Completed);
    QCOMPARE(stored.value().startedAt, a.startedAt); // milliseconds and UTC survive both backends
    QCOMPARE(stored.value().durationSeconds, std::optional<int>(61));
    QVERIFY(!stored.value().errorCode.has_value());
    QCOMPARE(stored.value().provider, CallProvider::Twilio);

    CallEvent e{a.id,
                a.callSid,
                2,
                QStringLiteral("in-progress"),
                a.answeredAt,
                {{QStringLiteral("CallStatus"), QStringLiteral("in-progress")}}};
    QCOMPARE(calls.recordEvent(e).value(), true);
    QCOMPARE(calls.recordEvent(e).value(), false); // redelivered callback is ignored
    e.sequenceNumber = 3;
    QCOMPARE(calls.recordEvent(e).value(), true);

    Answer answer{a.id, contact, v.questions.at(0).id,  v.id, QStringLiteral("Yes, I agree."),
                  {},   0.92,    QStringLiteral("yes"), {}};
    QCOMPARE(calls.recordAnswer(answer).value(), true);
    QCOMPARE(calls.recordAnswer(answer).value(), false);
    auto answers = calls.answersForAttempt(a.id);
    QCOMPARE(answers.value().size(), 1);
    QCOMPARE(answers.value().at(0).rawSpeech, QStringLiteral("Yes, I agree."));
    QVERIFY(answers.value().at(0).rawDigits.isEmpty());
    QVERIFY(qAbs(*answers.value().at(0).confidence - 0.92) < 1e-6);

    CallAttempt duplicate = a; // (contact, attempt number) is unique
    QVERIFY(!calls.createAttempt(duplicate).ok());
    CallAttempt missing;
    missing.id = 987654;
    QCOMPARE(calls.updateAttempt(missing).error().code, ErrorCode::NotFound);
    QCOMPARE(calls.attempt(987654).error().code, ErrorCode::NotFound);
}

void TestRepositories::liveCallsListsOnlyActive()
{
    const qint64 campaign = makeCampaign(QStringLiteral("Live"));
    CallRepository calls(m_db->database());
    const QList<CallStatus> statuses{CallStatus::Ringing, CallStatus::Completed, CallStatus::InProgress,
                                     CallStatus::Busy};
    for (int i = 0; i < statuses.size(); ++i) {
        CallAttempt a;
        a.contactId = makeContact(campaign, QStringLiteral("+1212555010%1").arg(i), QStringLiteral("P%1").arg(i));
        a.campaignId = campaign;
        a.status = statuses.at(i);
        a.startedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(calls.createAttempt(a).ok());
    }
    auto live = calls.liveCalls();
    QVERIFY(live.ok());
    QCOMPARE(live.value().size(), 2);
    QCOMPARE(live.value().at(0).contactName, QStringLiteral("P2"));
    QCOMPARE(live.value().at(0).status, CallStatus::InProgress);
    QCOMPARE(live.value().at(1).campaignName, QStringLiteral("Live"));
    QCOMPARE(live.value().at(1).phoneE164, QStringLiteral("+12125550100"));
}

void TestRepositories::usersAndRoles()
{
    UserRepository repo(m_db->database());
    auto roles = repo.roles();
    QVERIFY(roles.ok());
    QCOMPARE(roles.value().size(), 4);
    QCOMPARE(roles.value().at(0).name, QStringLiteral("admin"));
    QVERIFY(roles.value().at(0).permissions.contains(QStringLiteral("users.manage")));
    User u;
    u.username = QStringLiteral("grace");
    u.displayName = QStringLiteral("Grace Hopper");
    u.authSource = AuthSource::Oidc;
    u.roles = {QStringLiteral("supervisor"), QStringLiteral("viewer")};
    QVERIFY(repo.create(u).ok());
    auto users = repo.users();
    QCOMPARE(users.value().size(), 1);
    QCOMPARE(users.value().at(0).roles, QStringList({QStringLiteral("supervisor"), QStringLiteral("viewer")}));
    QCOMPARE(users.value().at(0).authSource, AuthSource::Oidc);
    User bad;
    bad.username = QStringLiteral("mallory");
    bad.roles = {QStringLiteral("superuser")};
    auto refused = repo.create(bad);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!repo.byUsername(QStringLiteral("mallory")).value().has_value()); // rolled back with its roles
    QVERIFY(!repo.create(u).ok());                                            // duplicate username
    QCOMPARE(repo.create(User{}).error().code, ErrorCode::InvalidArgument);
}

void TestRepositories::nestedTransactionRollsBackInner()
{
    QSqlDatabase db = m_db->database().connection();
    Transaction outer(db);
    QVERIFY(outer.begin().ok());
    const qint64 campaign = makeCampaign(QStringLiteral("kept")); // joins as a savepoint
    QVERIFY(campaign > 0);
    {
        Transaction inner(db);
        QVERIFY(inner.begin().ok());
        QVERIFY(makeCampaign(QStringLiteral("discarded")) > 0);
    } // inner destroyed without commit: rolled back to its savepoint
    QVERIFY(outer.commit().ok());
    auto names = exec(db, QStringLiteral("SELECT name FROM campaigns ORDER BY id"));
    QVERIFY(names.ok());
    QStringList found;
    while (names.value().next()) {
        found << names.value().value(0).toString();
    }
    QCOMPARE(found, QStringList{QStringLiteral("kept")});
}

void TestRepositories::dashboardCountsDemoData()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto seeded = services::demo::DemoSeeder(m_db->database(), tests::FakeClock(now)).seed();
    QVERIFY2(seeded.ok(), qPrintable(seeded.ok() ? QString() : seeded.error().toString()));
    auto k = DashboardRepository(m_db->database()).kpis(now);
    QVERIFY(k.ok());
    QCOMPARE(k.value().contacts, 200);
    QCOMPARE(k.value().campaigns, 2);
    QCOMPARE(k.value().runningCampaigns, 0); // seeded paused: nothing dials until Start
    QCOMPARE(k.value().attempts, seeded.value().attempts);
    QCOMPARE(k.value().answers, seeded.value().answers);
    QCOMPARE(k.value().optOuts, seeded.value().optOuts);
    QCOMPARE(k.value().activeCalls, seeded.value().liveCalls);
    QVERIFY(k.value().answeredAttempts > 0);
    QVERIFY(k.value().completedContacts > 0);
    QVERIFY(k.value().averageDurationSeconds > 0);
    QCOMPARE(k.value().lastDays.size(), 7);
    int perDay = 0;
    for (const DailyOutcomes &d : k.value().lastDays) {
        perDay += d.completed + d.noAnswer + d.failed;
    }
    QCOMPARE(perDay, seeded.value().attempts - seeded.value().liveCalls);
    auto summaries = CampaignRepository(m_db->database()).summaries();
    QVERIFY(summaries.ok());
    QCOMPARE(summaries.value().size(), 2);
    int liveInSummaries = 0;
    for (const CampaignSummary &s : summaries.value()) {
        liveInSummaries += s.activeCalls;
    }
    QCOMPARE(liveInSummaries, seeded.value().liveCalls);
}

void TestRepositories::demoSeedIsIdempotent()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto first = services::demo::DemoSeeder(m_db->database(), tests::FakeClock(now)).seed();
    QVERIFY(first.ok());
    QVERIFY(!first.value().alreadySeeded);
    QCOMPARE(first.value().contacts, 200);
    QCOMPARE(first.value().users, 5);
    QVERIFY(first.value().attempts > 150);
    QVERIFY(first.value().events > first.value().attempts);
    QVERIFY(first.value().answers > 300);
    QVERIFY(first.value().liveCalls > 0);
    auto second = services::demo::DemoSeeder(m_db->database(), tests::FakeClock(now)).seed();
    QVERIFY(second.ok());
    QVERIFY(second.value().alreadySeeded);
    QCOMPARE(second.value().campaignId, first.value().campaignId);
    QCOMPARE(ContactRepository(m_db->database()).count(first.value().campaignId).value(), 200);
    // Contacts span US and German time zones.
    auto zones =
        scalar(m_db->database().connection(), QStringLiteral("SELECT COUNT(DISTINCT time_zone) FROM contacts"));
    QVERIFY(zones.value().toInt() >= 5);
    auto german = scalar(m_db->database().connection(),
                         QStringLiteral("SELECT COUNT(*) FROM contacts WHERE time_zone = ? AND phone_e164 LIKE ?"),
                         {QStringLiteral("Europe/Berlin"), QStringLiteral("+49%")});
    QVERIFY(german.value().toInt() > 0);
}

void TestRepositories::closedConnectionReportsLoss()
{
    QSqlDatabase db = m_db->database().connection();
    db.close();
    auto result = exec(db, QStringLiteral("SELECT 1"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::ConnectionLost);
    QVERIFY(m_db->database().open().ok()); // reopening brings it back
    QVERIFY(scalar(m_db->database().connection(), QStringLiteral("SELECT 1")).ok());
}

void TestRepositories::connectionsArePerThread()
{
    const QString mainName = m_db->database().connection().connectionName();
    QString workerName;
    int roles = -1;
    bool workerClosed = false;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        {
            QSqlDatabase db = m_db->database().connection();
            workerName = db.connectionName();
            auto count = scalar(db, QStringLiteral("SELECT COUNT(*) FROM roles"));
            roles = count.ok() ? count.value().toInt() : -1;
        }
        m_db->database().closeThreadConnection();
        workerClosed = !QSqlDatabase::contains(workerName);
    }));
    worker->start();
    QVERIFY(worker->wait(60000));
    QVERIFY(!workerName.isEmpty());
    QVERIFY(workerName != mainName);
    QCOMPARE(roles, 4);
    QVERIFY(workerClosed);
    QVERIFY(QSqlDatabase::contains(mainName)); // the GUI thread's connection is untouched
}

// A hot statement is prepared once per connection and run again with new values; a new connection (after the
// server dropped the old one) prepares it again rather than naming a statement the server never saw.
void TestRepositories::preparedStatementsAreKeptPerConnection()
{
    Database &db = m_db->database();
    const QString sql = QStringLiteral("SELECT ? + 1");
    auto first = execPrepared(db, sql, {41});
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
    QVERIFY(first.value()->next());
    QCOMPARE(first.value()->value(0).toInt(), 42);
    auto again = execPrepared(db, sql, {1});
    QVERIFY(again.ok());
    QCOMPARE(again.value(), first.value()); // the same statement, not prepared anew
    QVERIFY(again.value()->next());
    QCOMPARE(again.value()->value(0).toInt(), 2);
    QVERIFY(db.reconnect().ok());
    auto afterReconnect = execPrepared(db, sql, {9});
    QVERIFY2(afterReconnect.ok(), qPrintable(afterReconnect.ok() ? QString() : afterReconnect.error().toString()));
    QVERIFY(afterReconnect.value()->next());
    QCOMPARE(afterReconnect.value()->value(0).toInt(), 10);
    // Another thread has its own connection, so its own statement.
    const QSqlQuery *mine = afterReconnect.value();
    bool distinct = false;
    int otherValue = 0;
    QThread *thread = QThread::create([&db, &sql, mine, &distinct, &otherValue] {
        auto run = execPrepared(db, sql, {99});
        if (run.ok() && run.value()->next()) {
            distinct = run.value() != mine;
            otherValue = run.value()->value(0).toInt();
        }
        db.closeThreadConnection();
    });
    thread->start();
    QVERIFY(thread->wait(30000));
    delete thread;
    QCOMPARE(otherValue, 100);
    QVERIFY(distinct);
}

// A process stalled inside a transaction must not hold its row locks for ever (a standby that took its lease over
// would wait on them): the server ends the session, and the stalled process meets a lost connection.
void TestRepositories::aStalledTransactionLosesItsConnection()
{
    if (!m_db->isPostgres()) {
        QSKIP("idle_in_transaction_session_timeout is PostgreSQL's (tst_repositories_postgres)");
    }
    Database &db = m_db->database();
    auto setting = scalar(db.connection(), QStringLiteral("SHOW idle_in_transaction_session_timeout"));
    QVERIFY(setting.ok());
    QCOMPARE(setting.value().toString(), QStringLiteral("%1s").arg(Database::kIdleInTransactionSeconds));
    // The same on a short fuse, so the test need not wait 10 s.
    QVERIFY(execOnly(db.connection(), QStringLiteral("SET idle_in_transaction_session_timeout = '300ms'")).ok());
    auto pid = scalarInt(db.connection(), QStringLiteral("SELECT pg_backend_pid()"));
    QVERIFY(pid.ok());
    Transaction stalled(db);
    QVERIFY(stalled.begin().ok());
    QVERIFY(execOnly(db.connection(), QStringLiteral("SELECT 1 FROM campaigns FOR UPDATE")).ok());
    const auto observer = m_db->openAnotherConnection();
    QVERIFY(observer);
    QTRY_COMPARE_WITH_TIMEOUT(vsc::tests::count(*observer,
                                                QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ?"),
                                                {pid.value()}),
                              0, 30000);
    auto after = exec(db.connection(), QStringLiteral("SELECT 1"));
    QVERIFY(!after.ok());
    QCOMPARE(after.error().code, ErrorCode::ConnectionLost);
}

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
