// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: the real `voicesurvey-console serve` process, and a node script playing Twilio with signatures from the
// official twilio helper (tests/peers/play-twilio.js). The database must then hold exactly the expected answers and
// final status, and the forged request must have been refused (both backends).
#include "services/events/eventbus.h"
#include "services/storage/callrepository.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "testconfig.h"
#include "tests/support/callfixture.h"
#include "tests/support/testdatabase.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vsc;
using namespace vsc::services;

class TestTwilioEndToEnd : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void twilioPlaysAWholeCall();
};

void TestTwilioEndToEnd::initTestCase()
{
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty(), "node is not installed");
    QVERIFY2(QDir(QStringLiteral(VSC_PEERS_DIR "/node_modules/twilio")).exists(),
             "tests/peers/node_modules is missing: run scripts/install-deps.sh --with-peers");
    tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

void TestTwilioEndToEnd::twilioPlaysAWholeCall()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    QVERIFY(storage::Migrator(db.database()).migrate().ok());
    auto fixture = tests::makeCallFixture(db.database());
    QVERIFY(fixture.ok());
    const qint64 attempt = fixture.value().attemptId;

    // Another console on the same PostgreSQL hears the serve process's call events without polling.
    events::EventBus console(db.database());
    QVERIFY(console.listen().ok());
    QSignalSpy heard(&console, &events::EventBus::callStatusChanged);

    QTemporaryDir home;
    QProcess server;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), QStringLiteral("e2e-auth-token"));
    env.insert(QStringLiteral("VSC_NO_KEYCHAIN"), QStringLiteral("1"));
    env.insert(QStringLiteral("XDG_STATE_HOME"), home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
    server.setProcessEnvironment(env);
    server.start(QStringLiteral(VSC_APP_BINARY),
                 {QStringLiteral("serve"), QStringLiteral("--database"), db.url(), QStringLiteral("--listen"),
                  QStringLiteral("127.0.0.1:0"), QStringLiteral("--public-url"),
                  QStringLiteral("https://surveys.example.com/vsc"), QStringLiteral("--json")});
    QVERIFY(server.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine() || server.state() != QProcess::Running, 60000);
    const QJsonObject ready = QJsonDocument::fromJson(server.readLine()).object();
    QVERIFY2(ready.value(QStringLiteral("ok")).toBool(), server.readAllStandardError().constData());
    const int port = ready.value(QStringLiteral("port")).toInt();
    QVERIFY(port > 0);

    const QJsonObject config{
        {QStringLiteral("listen"), QStringLiteral("http://127.0.0.1:%1").arg(port)},
        {QStringLiteral("publicUrl"), QStringLiteral("https://surveys.example.com/vsc")},
        {QStringLiteral("token"), QStringLiteral("e2e-auth-token")},
        {QStringLiteral("attempt"), attempt},
        {QStringLiteral("callSid"), QStringLiteral("CA00000000000000000000000000e2e001")},
        {QStringLiteral("to"), fixture.value().phone},
        {QStringLiteral("inputs"),
         QJsonArray{QJsonObject{{QStringLiteral("Digits"), QStringLiteral("1")}},
                    QJsonObject{{QStringLiteral("SpeechResult"), QStringLiteral("Probably a nine.")},
                                {QStringLiteral("Confidence"), QStringLiteral("0.87")}},
                    QJsonObject{{QStringLiteral("Digits"), QStringLiteral("")}}, // silence: reprompted
                    QJsonObject{{QStringLiteral("SpeechResult"), QStringLiteral("The friendly staff")},
                                {QStringLiteral("Confidence"), QStringLiteral("0.93")}},
                    QJsonObject{{QStringLiteral("Digits"), QStringLiteral("1")}}}}};
    QProcess player;
    player.setWorkingDirectory(QStringLiteral(VSC_PEERS_DIR));
    player.start(
        QStandardPaths::findExecutable(QStringLiteral("node")),
        {QStringLiteral("play-twilio.js"), QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact))});
    QVERIFY(player.waitForFinished(120000));
    const QByteArray output = player.readAllStandardOutput();
    server.terminate();
    QVERIFY(server.waitForFinished(30000));
    // SIGTERM ends it cleanly; when not, its stderr says why (a sanitizer report, a crash).
    QVERIFY2(server.exitStatus() == QProcess::NormalExit, server.readAllStandardError().right(4000).constData());
    QVERIFY2(player.exitCode() == 0, QByteArray(output + player.readAllStandardError()).constData());

    const QJsonObject report = QJsonDocument::fromJson(output).object();
    QCOMPARE(report.value(QStringLiteral("voice")).toInt(), 200);
    QCOMPARE(report.value(QStringLiteral("gathers")).toArray().size(), 5);
    QVERIFY(report.value(QStringLiteral("hungUp")).toBool());
    QCOMPARE(report.value(QStringLiteral("callbacks")).toArray(), QJsonArray({200, 200, 200, 200, 200}));
    QCOMPARE(report.value(QStringLiteral("badSignature")).toInt(), 403);

    if (db.isPostgres()) {
        // initiated, ringing, completed applied; the late in-progress and the duplicate are not events.
        QTRY_COMPARE_WITH_TIMEOUT(heard.count(), 3, 10000);
        QCOMPARE(heard.at(2).at(1).value<CallStatus>(), CallStatus::Completed);
        QVERIFY(heard.at(2).at(2).toBool());
        QCOMPARE(heard.at(2).at(0).toLongLong(), attempt);
    } else {
        QCOMPARE(heard.count(), 0); // SQLite: one console, in-process events only
    }

    auto answers = storage::CallRepository(db.database()).answersForAttempt(attempt);
    QVERIFY(answers.ok());
    QStringList values;
    for (const Answer &a : answers.value()) {
        values << a.normalizedValue;
    }
    QCOMPARE(values, QStringList({QStringLiteral("yes"), QStringLiteral("9"), QStringLiteral("friendliness"),
                                  QStringLiteral("yes")}));
    QCOMPARE(answers.value().at(1).rawSpeech, QStringLiteral("Probably a nine."));
    auto stored = storage::CallRepository(db.database()).attempt(attempt);
    QCOMPARE(stored.value().status, CallStatus::Completed); // the late in-progress did not overwrite it
    QCOMPARE(stored.value().durationSeconds, std::optional<int>(42));
    QCOMPARE(stored.value().callSid, QStringLiteral("CA00000000000000000000000000e2e001"));
    auto events =
        storage::scalar(db.database().connection(),
                        QStringLiteral("SELECT COUNT(*) FROM call_events WHERE call_attempt_id = ?"), {attempt});
    QCOMPARE(events.value().toInt(), 4); // the duplicate and the forged one are not stored
    auto busy = storage::scalar(db.database().connection(),
                                QStringLiteral("SELECT COUNT(*) FROM call_events WHERE call_status = 'busy'"));
    QCOMPARE(busy.value().toInt(), 0);
}

QTEST_GUILESS_MAIN(TestTwilioEndToEnd)
#include "tst_twilio_e2e.moc"
