// SPDX-License-Identifier: GPL-3.0-or-later
// Webhooks scale out: two real `voicesurvey-console serve` processes on one PostgreSQL behind nginx, which the test
// starts with a generated configuration and a round-robin upstream. A node script plays Twilio for one call with
// signatures from the official twilio helper, sending every gather twice (Twilio's retry), through the proxy; the
// proxy's own log shows the requests alternated between the two servers, and the database holds every answer once,
// on its question.
#include "services/storage/callrepository.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "testconfig.h"
#include "tests/support/callfixture.h"
#include "tests/support/testdatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace vsc;
using namespace vsc::services;

namespace {

const QString kToken = QStringLiteral("scaleout-auth-token");
const QString kPublicUrl = QStringLiteral("https://surveys.example.com/vsc");

// A port nobody listens on right now, for nginx (which cannot report the port it bound to).
quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

bool accepts(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(1000);
}

QString nginxConfig(const QString &dir, quint16 listen, const QList<int> &upstreams)
{
    QString servers;
    for (int port : upstreams) {
        servers += QStringLiteral("        server 127.0.0.1:%1;\n").arg(port);
    }
    // One process, in the foreground, everything it writes inside `dir`; the upstream has no keepalive, so no
    // connection ties a request to a server: plain round robin.
    return QStringLiteral("daemon off;\n"
                          "master_process off;\n"
                          "worker_processes 1;\n"
                          "pid %1/nginx.pid;\n"
                          "error_log %1/error.log notice;\n"
                          "events { worker_connections 64; }\n"
                          "http {\n"
                          "    log_format upstream '$upstream_addr $request_method $uri $status';\n"
                          "    access_log %1/access.log upstream;\n"
                          "    client_body_temp_path %1/body;\n"
                          "    proxy_temp_path %1/proxy;\n"
                          "    fastcgi_temp_path %1/fastcgi;\n"
                          "    uwsgi_temp_path %1/uwsgi;\n"
                          "    scgi_temp_path %1/scgi;\n"
                          "    upstream serve {\n"
                          "%2"
                          "    }\n"
                          "    server {\n"
                          "        listen 127.0.0.1:%3;\n"
                          "        location /twilio/ {\n"
                          "            proxy_pass http://serve;\n"
                          "            proxy_next_upstream off;\n"
                          "        }\n"
                          "    }\n"
                          "}\n")
        .arg(dir, servers)
        .arg(listen);
}

} // namespace

class TestScaleOut : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void twoServersBehindARoundRobinProxy();

private:
    QString m_nginx;
};

void TestScaleOut::initTestCase()
{
    m_nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"),
                                             {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
    QVERIFY2(!m_nginx.isEmpty(), "nginx is not installed: run scripts/install-deps.sh (nginx-light)");
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty(), "node is not installed");
    QVERIFY2(QDir(QStringLiteral(VSC_PEERS_DIR "/node_modules/twilio")).exists(),
             "tests/peers/node_modules is missing: run scripts/install-deps.sh --with-peers");
    QVERIFY2(tests::TestDatabase::postgresRequested(), "runs on PostgreSQL only (VSC_TEST_BACKEND=postgres)");
}

void TestScaleOut::twoServersBehindARoundRobinProxy()
{
    tests::TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.errorString()));
    QVERIFY(storage::Migrator(db.database()).migrate().ok());
    auto fixture = tests::makeCallFixture(db.database());
    QVERIFY(fixture.ok());
    const qint64 attempt = fixture.value().attemptId;

    // Two servers as two machines would run them (each with its own state directory and journal).
    QTemporaryDir dir;
    QList<std::shared_ptr<QProcess>> servers;
    QList<int> ports;
    for (int i = 0; i < 2; ++i) {
        const QString home = dir.filePath(QStringLiteral("serve-%1").arg(i));
        QVERIFY(QDir().mkpath(home));
        auto server = std::make_shared<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), kToken);
        env.insert(QStringLiteral("VSC_NO_KEYCHAIN"), QStringLiteral("1"));
        env.insert(QStringLiteral("XDG_STATE_HOME"), home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), home);
        server->setProcessEnvironment(env);
        server->start(QStringLiteral(VSC_APP_BINARY),
                      {QStringLiteral("serve"), QStringLiteral("--database"), db.url(), QStringLiteral("--listen"),
                       QStringLiteral("127.0.0.1:0"), QStringLiteral("--public-url"), kPublicUrl,
                       QStringLiteral("--json")});
        QVERIFY(server->waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(server->canReadLine() || server->state() != QProcess::Running, 60000);
        const QJsonObject ready = QJsonDocument::fromJson(server->readLine()).object();
        QVERIFY2(ready.value(QStringLiteral("ok")).toBool(), server->readAllStandardError().constData());
        ports << ready.value(QStringLiteral("port")).toInt();
        QVERIFY(ports.constLast() > 0);
        servers << server;
    }

    const quint16 proxyPort = freePort();
    QVERIFY(proxyPort > 0);
    const QString nginxDir = dir.filePath(QStringLiteral("nginx"));
    QVERIFY(QDir().mkpath(nginxDir));
    QFile config(nginxDir + QStringLiteral("/nginx.conf"));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(nginxConfig(nginxDir, proxyPort, ports).toUtf8());
    config.close();
    QProcess nginx;
    nginx.setProcessChannelMode(QProcess::ForwardedChannels);
    nginx.start(m_nginx, {QStringLiteral("-p"), nginxDir, QStringLiteral("-e"), nginxDir + QStringLiteral("/error.log"),
                          QStringLiteral("-c"), config.fileName()});
    QVERIFY(nginx.waitForStarted());
    QTRY_VERIFY2_WITH_TIMEOUT(accepts(proxyPort) || nginx.state() != QProcess::Running, "nginx did not start", 30000);
    QCOMPARE(nginx.state(), QProcess::Running);

    const QJsonObject play{
        {QStringLiteral("listen"), QStringLiteral("http://127.0.0.1:%1").arg(proxyPort)},
        {QStringLiteral("publicUrl"), kPublicUrl},
        {QStringLiteral("token"), kToken},
        {QStringLiteral("attempt"), attempt},
        {QStringLiteral("callSid"), QStringLiteral("CA00000000000000000000000000a11ce1")},
        {QStringLiteral("to"), fixture.value().phone},
        {QStringLiteral("repeatGathers"), true},
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
        {QStringLiteral("play-twilio.js"), QString::fromUtf8(QJsonDocument(play).toJson(QJsonDocument::Compact))});
    QVERIFY(player.waitForFinished(120000));
    const QByteArray output = player.readAllStandardOutput();
    nginx.terminate();
    QVERIFY(nginx.waitForFinished(30000));
    for (const auto &server : std::as_const(servers)) {
        server->terminate();
        QVERIFY(server->waitForFinished(30000));
        QCOMPARE(server->exitStatus(), QProcess::NormalExit);
    }
    QVERIFY2(player.exitCode() == 0, QByteArray(output + player.readAllStandardError()).constData());
    const QJsonObject report = QJsonDocument::fromJson(output).object();
    QCOMPARE(report.value(QStringLiteral("voice")).toInt(), 200);
    QCOMPARE(report.value(QStringLiteral("gathers")).toArray().size(), 5);
    // Each repeated gather reached the other server and got the same prompt back; the last one, after the
    // goodbye, just hangs up.
    QCOMPARE(report.value(QStringLiteral("repeatsAskedAgain")).toInt(), 4);
    QVERIFY(report.value(QStringLiteral("hungUp")).toBool());
    QCOMPARE(report.value(QStringLiteral("badSignature")).toInt(), 403);

    // The proxy's log: every webhook of the call, alternating between the two servers.
    QFile accessLog(nginxDir + QStringLiteral("/access.log"));
    QVERIFY(accessLog.open(QIODevice::ReadOnly));
    QStringList upstreams;
    for (const QByteArray &line : accessLog.readAll().split('\n')) {
        if (!line.isEmpty()) {
            upstreams << QString::fromUtf8(line.split(' ').constFirst());
        }
    }
    const QString first = QStringLiteral("127.0.0.1:%1").arg(ports.at(0));
    const QString second = QStringLiteral("127.0.0.1:%1").arg(ports.at(1));
    QCOMPARE(upstreams.size(), 1 + 2 * 5 + 5 + 1); // voice, gathers twice, status callbacks, the forged one
    for (int i = 0; i < upstreams.size(); ++i) {
        QVERIFY2(upstreams.at(i) == first || upstreams.at(i) == second, qPrintable(upstreams.at(i)));
        if (i > 0) {
            QVERIFY2(upstreams.at(i) != upstreams.at(i - 1), qPrintable(upstreams.join(u',')));
        }
    }

    // Every answer once, on its own question, whichever server stored it.
    auto answers = storage::exec(db.database().connection(),
                                 QStringLiteral("SELECT q.question_key, a.normalized_value FROM answers a JOIN "
                                                "questions q ON q.id = a.question_id WHERE a.call_attempt_id = ? "
                                                "ORDER BY q.position"),
                                 {attempt});
    QVERIFY(answers.ok());
    QStringList stored;
    while (answers.value().next()) {
        stored << answers.value().value(0).toString() + u'=' + answers.value().value(1).toString();
    }
    QCOMPARE(stored, QStringList({QStringLiteral("resolved=yes"), QStringLiteral("nps=9"),
                                  QStringLiteral("priority=friendliness"), QStringLiteral("again=yes")}));
    auto call = storage::CallRepository(db.database()).attempt(attempt);
    QCOMPARE(call.value().status, CallStatus::Completed);
    QCOMPARE(call.value().durationSeconds, std::optional<int>(42));
}

QTEST_GUILESS_MAIN(TestScaleOut)
#include "tst_scaleout.moc"
