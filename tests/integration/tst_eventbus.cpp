// SPDX-License-Identifier: GPL-3.0-or-later
// Call events in process and, on PostgreSQL, between two consoles through LISTEN/NOTIFY.
#include "services/events/eventbus.h"
#include "services/storage/databaseconfig.h"
#include "services/storage/sql.h"
#include "tests/support/testdatabase.h"

#include <QSignalSpy>
#include <QTest>

using namespace vsc;
using namespace vsc::services;

class TestEventBus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void deliversInProcessAtOnce();
    void reachesAnotherConsoleOnPostgres();
    void turnsReachAnotherConsole();
};

void TestEventBus::initTestCase()
{
    qRegisterMetaType<CallStatus>();
    tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

void TestEventBus::deliversInProcessAtOnce()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    events::EventBus bus(db.database());
    QVERIFY(bus.listen().ok());
    QCOMPARE(bus.isListening(), db.isPostgres());
    QSignalSpy spy(&bus, &events::EventBus::callStatusChanged);
    bus.publishCallStatus(42, CallStatus::Ringing);
    QCOMPARE(spy.count(), 1); // synchronously, before any round trip
    QCOMPARE(spy.at(0).at(0).toLongLong(), 42);
    QCOMPARE(spy.at(0).at(1).value<CallStatus>(), CallStatus::Ringing);
    QCOMPARE(spy.at(0).at(2).toBool(), false);
    if (db.isPostgres()) {
        // Our own NOTIFY comes back on our connection and must not be delivered twice. Another console's event,
        // sent afterwards, arrives after ours (PostgreSQL delivers in commit order): once it is here, ours was
        // filtered.
        const auto otherDb = db.openAnotherConnection();
        QVERIFY(otherDb);
        events::EventBus other(*otherDb);
        other.publishCallStatus(43, CallStatus::Busy);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 10000);
        QCOMPARE(spy.at(1).at(0).toLongLong(), 43);
        QVERIFY(spy.at(1).at(2).toBool());
    }
}

void TestEventBus::reachesAnotherConsoleOnPostgres()
{
    if (!tests::TestDatabase::postgresRequested()) {
        QSKIP("LISTEN/NOTIFY is PostgreSQL only (tst_eventbus_postgres)");
    }
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    // A second console: its own Database, so its own connection.
    const auto other = db.openAnotherConnection();
    QVERIFY(other);
    events::EventBus publisher(db.database());
    events::EventBus subscriber(*other);
    QVERIFY(subscriber.listen().ok());
    QVERIFY(subscriber.isListening());
    QVERIFY(publisher.originId() != subscriber.originId());
    QSignalSpy received(&subscriber, &events::EventBus::callStatusChanged);
    publisher.publishCallStatus(7, CallStatus::InProgress);
    publisher.publishCallStatus(7, CallStatus::Completed);
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 2, 10000);
    QCOMPARE(received.at(0).at(0).toLongLong(), 7);
    QCOMPARE(received.at(0).at(1).value<CallStatus>(), CallStatus::InProgress);
    QCOMPARE(received.at(1).at(1).value<CallStatus>(), CallStatus::Completed);
    QVERIFY(received.at(1).at(2).toBool()); // remote

    // The server drops the subscriber's connection (a restart): after a fresh connection it listens again.
    QVERIFY(storage::exec(db.database().connection(),
                          QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                                         "current_database() AND pid <> pg_backend_pid()"))
                .ok());
    QVERIFY(other->reconnect().ok());
    QVERIFY(subscriber.relisten().ok());
    publisher.publishCallStatus(8, CallStatus::Ringing);
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 3, 10000);
    QCOMPARE(received.at(2).at(0).toLongLong(), 8);

    // A webhook worker's batch travels as one notification and arrives as one event each, in order.
    QSignalSpy own(&publisher, &events::EventBus::callStatusChanged);
    publisher.publishCallStatuses({{9, CallStatus::Initiated}, {10, CallStatus::Busy}, {9, CallStatus::Ringing}});
    QCOMPARE(own.count(), 3); // in process at once
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 6, 10000);
    QCOMPARE(received.at(3).at(0).toLongLong(), 9);
    QCOMPARE(received.at(4).at(1).value<CallStatus>(), CallStatus::Busy);
    QCOMPARE(received.at(5).at(1).value<CallStatus>(), CallStatus::Ringing);
    // A console of the version before batching sends one event a notification.
    QVERIFY(storage::execOnly(db.database().connection(), QStringLiteral("SELECT pg_notify(?, ?)"),
                              {QString::fromLatin1(events::EventBus::kChannel),
                               QStringLiteral(R"({"o":"older","a":11,"s":"no-answer"})")})
                .ok());
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 7, 10000);
    QCOMPARE(received.at(6).at(0).toLongLong(), 11);
    QCOMPARE(received.at(6).at(1).value<CallStatus>(), CallStatus::NoAnswer);
}

// The question on the line and the answer just given travel with the turn, in process at once and to other
// consoles (PostgreSQL), so every monitor changes that row without reading the database.
void TestEventBus::turnsReachAnotherConsole()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    events::EventBus publisher(db.database());
    QSignalSpy own(&publisher, &events::EventBus::callTurn);
    LiveTurn turn;
    turn.attemptId = 12;
    turn.currentQuestion = QStringLiteral("q2");
    turn.currentPrompt = QString(1000, u'x'); // long prompts are cut for NOTIFY
    turn.answerQuestion = QStringLiteral("q1");
    turn.answerValue = QStringLiteral("yes");
    turn.answerConfidence = 0.82;
    std::unique_ptr<storage::Database> other;
    std::unique_ptr<events::EventBus> subscriber;
    if (db.isPostgres()) {
        other = db.openAnotherConnection();
        QVERIFY(other);
        subscriber = std::make_unique<events::EventBus>(*other);
        QVERIFY(subscriber->listen().ok());
    }
    std::unique_ptr<QSignalSpy> received =
        subscriber ? std::make_unique<QSignalSpy>(subscriber.get(), &events::EventBus::callTurn) : nullptr;
    publisher.publishCallTurn(turn);
    QCOMPARE(own.count(), 1);
    QCOMPARE(own.at(0).at(0).value<LiveTurn>().currentQuestion, QStringLiteral("q2"));
    QCOMPARE(own.at(0).at(1).toBool(), false);
    if (!received) {
        return;
    }
    QTRY_COMPARE_WITH_TIMEOUT(received->count(), 1, 10000);
    const auto remote = received->at(0).at(0).value<LiveTurn>();
    QVERIFY(received->at(0).at(1).toBool());
    QCOMPARE(remote.attemptId, 12);
    QCOMPARE(remote.currentQuestion, QStringLiteral("q2"));
    QCOMPARE(remote.currentPrompt.size(), events::EventBus::kMaxTurnText);
    QCOMPARE(remote.answerQuestion, QStringLiteral("q1"));
    QCOMPARE(remote.answerValue, QStringLiteral("yes"));
    QCOMPARE(remote.answerConfidence.value_or(-1), 0.82);
    // A turn without an answer (the first question) has no confidence.
    LiveTurn first;
    first.attemptId = 13;
    first.currentQuestion = QStringLiteral("q1");
    publisher.publishCallTurn(first);
    QTRY_COMPARE_WITH_TIMEOUT(received->count(), 2, 10000);
    QVERIFY(!received->at(1).at(0).value<LiveTurn>().answerConfidence);
    QVERIFY(received->at(1).at(0).value<LiveTurn>().answerQuestion.isEmpty());
}

QTEST_GUILESS_MAIN(TestEventBus)
#include "tst_eventbus.moc"
