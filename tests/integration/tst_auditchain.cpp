// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/auditrepository.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "tests/support/testdatabase.h"

#include <QTest>
#include <QThread>

using namespace vsc;
using namespace vsc::services::storage;

namespace {
template<typename Set>
AuditFilter filter(Set set)
{
    AuditFilter f;
    set(f);
    return f;
}
} // namespace

class TestAuditChain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void rowsLinkUpAndVerify();
    void changedContentIsNamed_data();
    void changedContentIsNamed();
    void removedRowIsNamed();
    void insertedRowIsNamed();
    void cutOffHeadIsNamed();
    void rowsFromBeforeTheChainAreCounted();
    void concurrentWritersMakeOneChain();
    void filtersAndPages();

private:
    void recordSome(int count);
    // Lets the test do what an attacker with the database owner's login could: switch the append-only guard off.
    void disableGuard();

    std::unique_ptr<tests::TestDatabase> m_db;
};

void TestAuditChain::init()
{
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    QVERIFY(Migrator(m_db->database()).migrate().ok());
}

void TestAuditChain::cleanup()
{
    m_db.reset();
}

void TestAuditChain::recordSome(int count)
{
    AuditRepository audit(m_db->database());
    const Actor ada = [] {
        Actor a;
        a.kind = ActorKind::User;
        a.name = QStringLiteral("ada");
        return a;
    }();
    for (int i = 0; i < count; ++i) {
        AuditEntry entry = auditEntry(i % 2 ? ada : Actor::system(QStringLiteral("dialer")),
                                      i % 3 ? QStringLiteral("campaign.status") : QStringLiteral("user.roles"),
                                      QStringLiteral("campaign"), i + 1);
        entry.details = {{QStringLiteral("n"), i},
                         {QStringLiteral("text"), QStringLiteral("ä \"quoted\" | %1").arg(i)}};
        entry.before = {{QStringLiteral("status"), QStringLiteral("ready")}};
        entry.after = {{QStringLiteral("status"), QStringLiteral("running")}, {QStringLiteral("ratio"), 0.25}};
        auto recorded = audit.record(entry);
        QVERIFY2(recorded.ok(), qPrintable(recorded.ok() ? QString() : recorded.error().toString()));
    }
}

void TestAuditChain::disableGuard()
{
    QSqlDatabase db = m_db->database().connection();
    if (m_db->isPostgres()) {
        QVERIFY(exec(db, QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER USER")).ok());
    } else {
        QVERIFY(exec(db, QStringLiteral("DROP TRIGGER audit_log_no_update")).ok());
        QVERIFY(exec(db, QStringLiteral("DROP TRIGGER audit_log_no_delete")).ok());
    }
}

void TestAuditChain::rowsLinkUpAndVerify()
{
    recordSome(60);
    auto verified = AuditRepository(m_db->database()).verify();
    QVERIFY(verified.ok());
    QVERIFY2(verified.value().intact(), qPrintable(verified.value().reason));
    QCOMPARE(verified.value().rows, 60);
    QCOMPARE(verified.value().unchained, 0);
    QCOMPARE(verified.value().headHash.size(), 64);
    auto rows = AuditRepository(m_db->database()).entries(filter([](AuditFilter &f) { f.limit = 1000; }));
    QCOMPARE(rows.value().size(), 60);
    QVERIFY(rows.value().constLast().prevHash.isEmpty()); // the oldest row starts the chain
    QCOMPARE(rows.value().at(0).prevHash, rows.value().at(1).rowHash);
    QCOMPARE(rows.value().at(0).rowHash, verified.value().headHash);
    QCOMPARE(rows.value().at(0).after.value(QStringLiteral("ratio")).toDouble(), 0.25);
}

void TestAuditChain::changedContentIsNamed_data()
{
    QTest::addColumn<QString>("change");
    QTest::newRow("action") << QStringLiteral("UPDATE audit_log SET action = 'campaign.create' WHERE id = %1");
    QTest::newRow("actor") << QStringLiteral("UPDATE audit_log SET actor_name = 'mallory' WHERE id = %1");
    QTest::newRow("entity") << QStringLiteral("UPDATE audit_log SET entity_id = 999 WHERE id = %1");
    QTest::newRow("details") << QStringLiteral("UPDATE audit_log SET details = NULL WHERE id = %1");
    QTest::newRow("before") << QStringLiteral("UPDATE audit_log SET before_data = NULL WHERE id = %1");
    QTest::newRow("time") << QStringLiteral("UPDATE audit_log SET at = (SELECT MIN(at) FROM audit_log) WHERE id = %1");
    QTest::newRow("own hash") << QStringLiteral("UPDATE audit_log SET row_hash = 'ab' WHERE id = %1");
}

void TestAuditChain::changedContentIsNamed()
{
    QFETCH(QString, change);
    recordSome(12);
    const qint64 victim = tests::count(m_db->database(), QStringLiteral("SELECT MIN(id) + 6 FROM audit_log"));
    disableGuard();
    QVERIFY(exec(m_db->database().connection(), change.arg(victim)).ok());
    auto verified = AuditRepository(m_db->database()).verify();
    QVERIFY(verified.ok());
    QVERIFY(!verified.value().intact());
    // A changed row is named itself; a changed hash is found by the row after it, whichever check fires first.
    QVERIFY2(verified.value().firstBrokenId == victim, qPrintable(verified.value().reason));
}

void TestAuditChain::removedRowIsNamed()
{
    recordSome(12);
    const qint64 first = tests::count(m_db->database(), QStringLiteral("SELECT MIN(id) FROM audit_log"));
    disableGuard();
    QVERIFY(
        exec(m_db->database().connection(), QStringLiteral("DELETE FROM audit_log WHERE id = ?"), {first + 5}).ok());
    auto verified = AuditRepository(m_db->database()).verify();
    QCOMPARE(verified.value().firstBrokenId, std::optional<qint64>(first + 6));
    QVERIFY(verified.value().reason.contains(QStringLiteral("removed or inserted")));
}

void TestAuditChain::insertedRowIsNamed()
{
    recordSome(6);
    // A forged row with a correct-looking hash of its own but placed after the head and linking to nothing real.
    AuditEntry forged =
        auditEntry(Actor::system(QStringLiteral("forger")), QStringLiteral("user.roles"), QStringLiteral("user"), 1);
    forged.at = QDateTime::currentDateTimeUtc();
    forged.prevHash = QString(64, u'0');
    auto id = scalar(m_db->database().connection(),
                     QStringLiteral("INSERT INTO audit_log (at, actor_name, action, entity_type, entity_id, prev_hash) "
                                    "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
                     {toDb(forged.at), forged.actorName, forged.action, forged.entityType, 1, forged.prevHash});
    QVERIFY(id.ok());
    forged.id = id.value().toLongLong();
    QVERIFY(exec(m_db->database().connection(), QStringLiteral("UPDATE audit_log SET row_hash = ? WHERE id = ?"),
                 {AuditRepository::rowHashOf(forged), forged.id})
                .ok());
    auto verified = AuditRepository(m_db->database()).verify();
    QCOMPARE(verified.value().firstBrokenId, std::optional<qint64>(forged.id));
}

void TestAuditChain::cutOffHeadIsNamed()
{
    recordSome(8);
    const qint64 first = tests::count(m_db->database(), QStringLiteral("SELECT MIN(id) FROM audit_log"));
    disableGuard();
    QVERIFY(
        exec(m_db->database().connection(), QStringLiteral("DELETE FROM audit_log WHERE id < ?"), {first + 3}).ok());
    auto verified = AuditRepository(m_db->database()).verify();
    QCOMPARE(verified.value().firstBrokenId, std::optional<qint64>(first + 3));
    QVERIFY(verified.value().reason.contains(QStringLiteral("missing")));
}

void TestAuditChain::rowsFromBeforeTheChainAreCounted()
{
    // Rows written before migration 6 have no hash; the chain starts after them.
    QVERIFY(exec(m_db->database().connection(),
                 QStringLiteral("INSERT INTO audit_log (action, entity_type) VALUES ('campaign.create', 'campaign')"))
                .ok());
    recordSome(3);
    auto verified = AuditRepository(m_db->database()).verify();
    QVERIFY2(verified.value().intact(), qPrintable(verified.value().reason));
    QCOMPARE(verified.value().unchained, 1);
    QCOMPARE(verified.value().rows, 4);
}

void TestAuditChain::concurrentWritersMakeOneChain()
{
    if (!m_db->isPostgres()) {
        QSKIP("SQLite has one writer; the chain's lock is PostgreSQL's");
    }
    std::unique_ptr<Database> other = m_db->openAnotherConnection();
    QVERIFY(other);
    QThread *writer = QThread::create([&other] {
        AuditRepository audit(*other);
        for (int i = 0; i < 40; ++i) {
            (void)audit.record(
                auditEntry(Actor::system(QStringLiteral("other")), QStringLiteral("x"), QStringLiteral("y")));
        }
        other->closeThreadConnection();
    });
    writer->start();
    recordSome(40);
    QVERIFY(writer->wait(60000));
    delete writer;
    auto verified = AuditRepository(m_db->database()).verify();
    QCOMPARE(verified.value().rows, 80);
    QVERIFY2(verified.value().intact(), qPrintable(verified.value().reason));
}

void TestAuditChain::filtersAndPages()
{
    recordSome(30);
    AuditRepository audit(m_db->database());
    auto ada = audit.entries(filter([](AuditFilter &f) { f.actorName = QStringLiteral("ada"); }));
    QCOMPARE(ada.value().size(), 15);
    auto roles = audit.entries(filter([](AuditFilter &f) { f.action = QStringLiteral("user."); }));
    QCOMPARE(roles.value().size(), 10);
    auto exact = audit.entries(filter([](AuditFilter &f) {
        f.action = QStringLiteral("campaign.status");
        f.entityId = 2;
    }));
    QCOMPARE(exact.value().size(), 1);
    auto page1 = audit.entries(filter([](AuditFilter &f) { f.limit = 7; }));
    QCOMPARE(page1.value().size(), 7);
    auto page2 = audit.entries(filter([&page1](AuditFilter &f) {
        f.beforeId = page1.value().constLast().id;
        f.limit = 7;
    }));
    QCOMPARE(page2.value().size(), 7);
    QVERIFY(page2.value().constFirst().id < page1.value().constLast().id);
    auto none = audit.entries(filter([](AuditFilter &f) { f.from = QDateTime::currentDateTimeUtc().addDays(1); }));
    QVERIFY(none.value().isEmpty());
}

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_auditchain.moc"
