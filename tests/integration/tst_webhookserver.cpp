// SPDX-License-Identifier: GPL-3.0-or-later
// The webhook endpoint over real HTTP on 127.0.0.1: signatures against the public URL, rejections, replies.
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "services/telephony/callflow.h"
#include "services/telephony/webhookserver.h"
#include "services/telephony/webhookworkers.h"
#include "tests/support/callfixture.h"
#include "tests/support/fakeclock.h"
#include "tests/support/testdatabase.h"

#include <QDir>
#include <QFile>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <sys/resource.h>
#include <unistd.h>

using namespace vsc;
using namespace vsc::services;
using namespace vsc::services::telephony;

namespace {
const QByteArray kToken("test-auth-token");
const QUrl kPublic(QStringLiteral("https://surveys.example.com/vsc"));

QByteArray formBody(const FormParams &params)
{
    QUrlQuery query;
    for (const auto &[name, value] : params) {
        query.addQueryItem(QString::fromUtf8(QUrl::toPercentEncoding(name)),
                           QString::fromUtf8(QUrl::toPercentEncoding(value)));
    }
    return query.toString(QUrl::FullyEncoded).toUtf8();
}

// Resident set size of this process (client and server both live here), from /proc/self/statm.
qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * sysconf(_SC_PAGESIZE) : -1;
}

int openFiles()
{
    return int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System).size());
}

// Sends raw bytes and collects what comes back until a whole reply head arrived or the server closed.
QByteArray rawExchange(quint16 port, const QByteArray &bytes)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor([&socket] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000)) {
        return {};
    }
    socket.write(bytes);
    QByteArray received;
    (void)QTest::qWaitFor( // the caller checks what arrived
        [&] {
            received += socket.readAll();
            return received.contains("\r\n\r\n") || socket.state() == QAbstractSocket::UnconnectedState;
        },
        20000);
    return received;
}

const QByteArray kStatusHead("POST /twilio/status?attempt=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                             "Content-Type: application/x-www-form-urlencoded\r\n");
} // namespace

class TestWebhookServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void signedRequestsAreAnswered();
    void badOrMissingSignatureIs403();
    void signatureIsForThePublicUrlNotTheListenAddress();
    void otherRejections();
    void jsonBodiesUseBodySha256();
    void listenFailureIsReported();
    void statusCallbackIsSignedWithItsConnectionOverrides();
    void publicUrlWithCredentialsIsSignedAsGiven();
    // The accept layer against hostile clients (issue 9).
    void hugeContentLengthIs413WithoutReadingTheBody();
    void idleConnectionsCannotLockOutTwilio();
    void slowHeaderClientIsDisconnected();
    void contentLengthWithTransferEncodingIs400_data();
    void contentLengthWithTransferEncodingIs400();
    void chunkedBodyOverTheLimitIs413BeforeItEnds();
    void oversizedHeadersAreRefused();
    void keepAliveServesSeveralRequests();
    void workersHandleEachCallOnOneThread();

private:
    struct Reply
    {
        int status = 0;
        QByteArray body;
    };
    Reply post(const QString &pathAndQuery, const FormParams &params, const QByteArray &signature = {},
               bool sign = true);
    Reply send(const QNetworkRequest &request, const QByteArray &verb, const QByteArray &body);

    std::unique_ptr<tests::TestDatabase> m_db;
    tests::CallFixture m_fixture;
    std::unique_ptr<CallFlow> m_flow;
    std::unique_ptr<tests::FakeClock> m_clock;
    std::unique_ptr<WebhookServer> m_server;
    QNetworkAccessManager m_network;
    static constexpr int kMaxConnections = 500;
};

void TestWebhookServer::initTestCase()
{
    tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

void TestWebhookServer::init()
{
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY(m_db->isValid());
    auto fixture = tests::migrateAndMakeCallFixture(m_db->database());
    QVERIFY2(fixture.ok(), qPrintable(fixture.ok() ? QString() : fixture.error().toString()));
    m_fixture = fixture.value();
    m_flow = std::make_unique<CallFlow>(m_db->database(), kPublic);
    WebhookServerOptions options;
    options.port = 0;
    options.maxBodyBytes = 4096;
    options.limits.maxConnections = kMaxConnections;
    options.limits.maxHeaderBytes = 8192;
    // Timeouts run on a fake clock: they fire only where a test advances it.
    m_clock = std::make_unique<tests::FakeClock>();
    m_server = std::make_unique<WebhookServer>(options, kToken, QList<CallFlow *>{m_flow.get()}, *m_clock);
    auto port = m_server->listen();
    QVERIFY2(port.ok(), qPrintable(port.ok() ? QString() : port.error().toString()));
    QVERIFY(port.value() > 0);
}

void TestWebhookServer::cleanup()
{
    m_server.reset();
    m_clock.reset();
    m_flow.reset();
    m_db.reset();
}

TestWebhookServer::Reply TestWebhookServer::send(const QNetworkRequest &request, const QByteArray &verb,
                                                 const QByteArray &body)
{
    QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(20000)) {
        reply->abort();
    }
    Reply result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return result;
}

TestWebhookServer::Reply TestWebhookServer::post(const QString &pathAndQuery, const FormParams &params,
                                                 const QByteArray &signature, bool sign)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()) + pathAndQuery));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    if (sign) {
        const QByteArray header =
            signature.isEmpty() ? signature::compute(kToken, kPublic.toString() + pathAndQuery, params) : signature;
        request.setRawHeader(QByteArrayLiteral("X-Twilio-Signature"), header);
    }
    return send(request, QByteArrayLiteral("POST"), formBody(params));
}

void TestWebhookServer::signedRequestsAreAnswered()
{
    const QString voice = QStringLiteral("/twilio/voice?attempt=%1").arg(m_fixture.attemptId);
    const FormParams params{{QStringLiteral("CallSid"), QStringLiteral("CA1")},
                            {QStringLiteral("From"), QStringLiteral("+15005550006")},
                            {QStringLiteral("To"), m_fixture.phone}};
    const Reply reply = post(voice, params);
    QCOMPARE(reply.status, 200);
    QVERIFY2(reply.body.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Gather"),
             reply.body.constData());
    const Reply answer = post(QStringLiteral("/twilio/gather?attempt=%1").arg(m_fixture.attemptId),
                              {{QStringLiteral("CallSid"), QStringLiteral("CA1")},
                               {QStringLiteral("SpeechResult"), QStringLiteral("Yes, I agree.")},
                               {QStringLiteral("Confidence"), QStringLiteral("0.92")}});
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.body.contains("recommend"));
    auto stored = storage::scalar(m_db->database().connection(),
                                  QStringLiteral("SELECT raw_speech FROM answers WHERE call_attempt_id = ?"),
                                  {m_fixture.attemptId});
    QCOMPARE(stored.value().toString(), QStringLiteral("Yes, I agree.")); // committed before the reply arrived
    const Reply status = post(QStringLiteral("/twilio/status?attempt=%1").arg(m_fixture.attemptId),
                              {{QStringLiteral("CallSid"), QStringLiteral("CA1")},
                               {QStringLiteral("CallStatus"), QStringLiteral("in-progress")},
                               {QStringLiteral("SequenceNumber"), QStringLiteral("2")}});
    QCOMPARE(status.status, 200);
    const Reply unknown = post(QStringLiteral("/twilio/voice?attempt=424242"), params);
    QCOMPARE(unknown.status, 404);
}

void TestWebhookServer::badOrMissingSignatureIs403()
{
    QSignalSpy rejected(m_server.get(), &WebhookServer::requestRejected);
    const QString voice = QStringLiteral("/twilio/voice?attempt=%1").arg(m_fixture.attemptId);
    const FormParams params{{QStringLiteral("CallSid"), QStringLiteral("CA1")}};
    QCOMPARE(post(voice, params, QByteArrayLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAA=")).status, 403);
    QCOMPARE(post(voice, params, {}, false).status, 403);
    // Signed for other parameters than the ones sent.
    const QByteArray forOther =
        signature::compute(kToken, kPublic.toString() + voice, {{QStringLiteral("CallSid"), QStringLiteral("CA2")}});
    QCOMPARE(post(voice, params, forOther).status, 403);
    QCOMPARE(rejected.count(), 3);
    QCOMPARE(rejected.at(1).at(2).toString(), QStringLiteral("missing X-Twilio-Signature"));
    QVERIFY(storage::scalar(m_db->database().connection(),
                            QStringLiteral("SELECT dialogue_state FROM call_attempts WHERE id = ?"),
                            {m_fixture.attemptId})
                .value()
                .isNull()); // nothing happened to the call
}

void TestWebhookServer::signatureIsForThePublicUrlNotTheListenAddress()
{
    const QString voice = QStringLiteral("/twilio/voice?attempt=%1").arg(m_fixture.attemptId);
    const FormParams params{{QStringLiteral("CallSid"), QStringLiteral("CA1")}};
    const QByteArray forListenAddress =
        signature::compute(kToken, QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()) + voice, params);
    QCOMPARE(post(voice, params, forListenAddress).status, 403);
    const QByteArray withDefaultPort =
        signature::compute(kToken, QStringLiteral("https://surveys.example.com:443/vsc") + voice, params);
    QCOMPARE(post(voice, params, withDefaultPort).status, 200);
}

void TestWebhookServer::otherRejections()
{
    const QString voice = QStringLiteral("/twilio/voice?attempt=%1").arg(m_fixture.attemptId);
    QNetworkRequest get(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()) + voice));
    QCOMPARE(send(get, QByteArrayLiteral("GET"), {}).status, 405);
    const FormParams huge{{QStringLiteral("SpeechResult"), QString(5000, QChar(u'x'))}};
    QCOMPARE(post(voice, huge).status, 413);
    QCOMPARE(post(QStringLiteral("/twilio/voice"), {{QStringLiteral("CallSid"), QStringLiteral("CA1")}}).status, 400);
    QCOMPARE(
        post(QStringLiteral("/twilio/voice?attempt=abc"), {{QStringLiteral("CallSid"), QStringLiteral("CA1")}}).status,
        400);
    QCOMPARE(post(QStringLiteral("/elsewhere"), {}).status, 404);
}

void TestWebhookServer::jsonBodiesUseBodySha256()
{
    const QByteArray body = R"({"CallSid": "CA1"})";
    const QString path =
        QStringLiteral("/twilio/amd?attempt=%1&bodySHA256=%2")
            .arg(m_fixture.attemptId)
            .arg(QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex()));
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()) + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("X-Twilio-Signature"),
                         signature::compute(kToken, kPublic.toString() + path, {}));
    // Signature and hash are fine; the AMD route then wants AnsweredBy, which a JSON body does not carry as a form
    // field.
    QCOMPARE(send(request, QByteArrayLiteral("POST"), body).status, 400);
    QCOMPARE(send(request, QByteArrayLiteral("POST"), body + " ").status, 403); // body changed after signing
}

void TestWebhookServer::listenFailureIsReported()
{
    WebhookServerOptions options;
    options.port = m_server->port(); // already taken
    WebhookServer second(options, kToken, *m_flow);
    auto result = second.listen();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Network);
}

// Twilio signs the status callback URL exactly as the dialer gave it, connection overrides (#rc=...&rp=...) included,
// but the fragment is not part of the request it sends (tst_signature_crosscheck shows the official helper signs
// the fragment too).
// `--public-url https://user:pass@host/...` (HTTP basic auth in front of the server): Twilio signs the URL as
// configured, credentials included (the official helper keeps them: tst_signature_crosscheck), and so does the
// server; the same request signed without them is refused.
void TestWebhookServer::publicUrlWithCredentialsIsSignedAsGiven()
{
    const QUrl withCredentials(QStringLiteral("https://twilio:s3cret@surveys.example.com/vsc/"));
    CallFlow flow(m_db->database(), withCredentials);
    WebhookServerOptions options;
    options.port = 0;
    WebhookServer server(options, kToken, QList<CallFlow *>{&flow}, *m_clock);
    QVERIFY(server.listen().ok());
    const QString path = QStringLiteral("/twilio/status?attempt=%1").arg(m_fixture.attemptId);
    const FormParams params{{QStringLiteral("CallSid"), QStringLiteral("CA1")},
                            {QStringLiteral("CallStatus"), QStringLiteral("ringing")},
                            {QStringLiteral("SequenceNumber"), QStringLiteral("1")}};
    const auto postSigned = [&](const QString &signedBase) {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()) + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        request.setRawHeader(QByteArrayLiteral("X-Twilio-Signature"),
                             signature::compute(kToken, signedBase + path.mid(1), params));
        return send(request, QByteArrayLiteral("POST"), formBody(params)).status;
    };
    QCOMPARE(postSigned(QStringLiteral("https://surveys.example.com/vsc/")), 403);
    QCOMPARE(postSigned(QStringLiteral("https://twilio:s3cret@surveys.example.com/vsc/")), 200);
}

void TestWebhookServer::statusCallbackIsSignedWithItsConnectionOverrides()
{
    const QUrl given = m_flow->statusUrl(m_fixture.attemptId);
    QVERIFY(given.hasFragment());
    const QString onTheWire = QStringLiteral("/twilio/status?attempt=%1").arg(m_fixture.attemptId);
    const FormParams params{{QStringLiteral("CallSid"), QStringLiteral("CA1")},
                            {QStringLiteral("CallStatus"), QStringLiteral("ringing")},
                            {QStringLiteral("SequenceNumber"), QStringLiteral("1")}};
    const QByteArray asTwilioSigns = signature::compute(kToken, given.toString(QUrl::FullyEncoded), params);
    QCOMPARE(post(onTheWire, params, asTwilioSigns).status, 200);
    // Other fragments, and the fragment on a route we never gave it to, are still refused.
    QUrl otherFragment = given;
    otherFragment.setFragment(QStringLiteral("rc=1"));
    QCOMPARE(
        post(onTheWire, params, signature::compute(kToken, otherFragment.toString(QUrl::FullyEncoded), params)).status,
        403);
    QUrl voice = m_flow->voiceUrl(m_fixture.attemptId);
    voice.setFragment(given.fragment());
    QCOMPARE(post(QStringLiteral("/twilio/voice?attempt=%1").arg(m_fixture.attemptId), params,
                  signature::compute(kToken, voice.toString(QUrl::FullyEncoded), params))
                 .status,
             403);
}

void TestWebhookServer::hugeContentLengthIs413WithoutReadingTheBody()
{
    // 20 GB announced, 8 MB actually sent: the reply comes after the headers, and nothing of the body is kept.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
    const qint64 residentBefore = residentBytes();
    const QByteArray chunk(qsizetype{64} * 1024, 'x');
    constexpr qint64 kSent = qint64{8} * 1024 * 1024;
    qint64 sent = 0;
    auto sendMore = [&] {
        while (sent < kSent && socket.bytesToWrite() < 2 * chunk.size() &&
               socket.state() == QAbstractSocket::ConnectedState) {
            socket.write(chunk);
            sent += chunk.size();
        }
    };
    connect(&socket, &QTcpSocket::bytesWritten, &socket, sendMore);
    socket.write(kStatusHead + "Content-Length: 21474836480\r\n\r\n");
    sendMore();
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("\r\n\r\n"), 20000);
    QVERIFY2(received.startsWith("HTTP/1.1 413 "), received.constData());
    QVERIFY(received.contains("Connection: close"));
    // The server holds no more than one socket read buffer of it, and the process did not grow by the body sent.
    QVERIFY2(m_server->http().bufferedBytes() <= qint64{64} * 1024,
             qPrintable(QString::number(m_server->http().bufferedBytes())));
    QTRY_VERIFY_WITH_TIMEOUT(sent >= kSent || socket.state() != QAbstractSocket::ConnectedState, 20000);
    const qint64 growth = residentBytes() - residentBefore;
    QVERIFY2(growth < qint64{4} * 1024 * 1024,
             qPrintable(QStringLiteral("resident memory grew by %1 bytes").arg(growth)));
}

void TestWebhookServer::idleConnectionsCannotLockOutTwilio()
{
    // 2000 connections from "attackers" that never send anything, in this very process (so its open-files limit
    // must hold both ends: raised to the hard limit, as the server does at start).
    rlimit limit{};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &limit), 0);
    constexpr int kIdle = 2000;
    if (limit.rlim_max < rlim_t{2} * kIdle + 200) {
        QSKIP("the hard open-files limit is too low for 2000 connections from this process");
    }
    limit.rlim_cur = limit.rlim_max;
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &limit), 0);
    const int filesBefore = openFiles();
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < kIdle; ++i) {
        idle.push_back(std::make_unique<QTcpSocket>());
        idle.back()->connectToHost(QHostAddress::LocalHost, m_server->port());
    }
    auto settled = [&idle] {
        return std::all_of(idle.begin(), idle.end(), [](const auto &socket) {
            return socket->state() == QAbstractSocket::ConnectedState ||
                   socket->state() == QAbstractSocket::UnconnectedState;
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->http().connectionCount() == kMaxConnections, 20000);
    // The server holds at most its cap: the attackers cannot run it out of file descriptors.
    QVERIFY2(openFiles() - filesBefore <= kIdle + kMaxConnections + 50,
             qPrintable(QStringLiteral("%1 files open").arg(openFiles() - filesBefore)));

    // Twilio, from another connection: answered, and the status is stored.
    const Reply status = post(QStringLiteral("/twilio/status?attempt=%1").arg(m_fixture.attemptId),
                              {{QStringLiteral("CallSid"), QStringLiteral("CA1")},
                               {QStringLiteral("CallStatus"), QStringLiteral("in-progress")},
                               {QStringLiteral("SequenceNumber"), QStringLiteral("2")}});
    QCOMPARE(status.status, 200);
    auto stored =
        storage::scalar(m_db->database().connection(), QStringLiteral("SELECT status FROM call_attempts WHERE id = ?"),
                        {m_fixture.attemptId});
    QCOMPARE(stored.value().toString(), callStatusKey(CallStatus::InProgress));
    QVERIFY(m_server->http().connectionCount() <= kMaxConnections);
}

void TestWebhookServer::slowHeaderClientIsDisconnected()
{
    tests::FakeClock clock;
    WebhookServerOptions options;
    options.port = 0;
    options.limits.headerTimeoutMs = 10000;
    WebhookServer server(options, kToken, {m_flow.get()}, clock);
    QVERIFY(server.listen().ok());
    QSignalSpy rejected(&server, &WebhookServer::requestRejected);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    QTRY_COMPARE(server.http().connectionCount(), 1);
    // Slowloris: a header line now and then, never the end of the headers.
    socket.write(kStatusHead);
    QTRY_VERIFY(server.http().bufferedBytes() > 0 || socket.bytesToWrite() == 0);
    clock.advance(6000);
    socket.write("X-Slow-1: a\r\n");
    QVERIFY(socket.waitForBytesWritten(5000));
    clock.advance(3000);
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(server.http().connectionCount(), 1);
    socket.write("X-Slow-2: b\r\n"); // sending more does not buy more time
    QVERIFY(socket.waitForBytesWritten(5000));
    clock.advance(1500);
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(server.http().connectionCount(), 0);
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(rejected.at(0).at(1).toInt(), 408);
}

void TestWebhookServer::contentLengthWithTransferEncodingIs400_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("Content-Length and chunked")
        << QByteArray("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n") << QByteArray("5\r\nab=cd\r\n0\r\n\r\n");
    QTest::newRow("chunked and Content-Length")
        << QByteArray("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n") << QByteArray("5\r\nab=cd\r\n0\r\n\r\n");
    QTest::newRow("two different Content-Length")
        << QByteArray("Content-Length: 5\r\nContent-Length: 6\r\n") << QByteArray("ab=cde");
    QTest::newRow("malformed request line") << QByteArray() << QByteArray("GARBAGE\r\n\r\n");
}

void TestWebhookServer::contentLengthWithTransferEncodingIs400()
{
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, body);
    const QByteArray request = headers.isEmpty() ? body : kStatusHead + headers + "\r\n" + body;
    const QByteArray reply = rawExchange(m_server->port(), request);
    QVERIFY2(reply.startsWith("HTTP/1.1 400 "), reply.constData());
    QVERIFY(reply.contains("Connection: close"));
}

void TestWebhookServer::chunkedBodyOverTheLimitIs413BeforeItEnds()
{
    // 5 KB of chunks (the limit is 4 KB), and the body never ends: the reply must not wait for its end.
    QByteArray request = kStatusHead + "Transfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 5; ++i) {
        request += "400\r\n" + QByteArray(1024, 'a') + "\r\n";
    }
    const QByteArray reply = rawExchange(m_server->port(), request);
    QVERIFY2(reply.startsWith("HTTP/1.1 413 "), reply.constData());
}

void TestWebhookServer::oversizedHeadersAreRefused()
{
    // The limit here is 8 KB: one 20 KB header (Qt 6.4's QHttpServer took up to 80 KB).
    const QByteArray request =
        kStatusHead + "X-Padding: " + QByteArray(qsizetype{20} * 1024, 'p') + "\r\nContent-Length: 0\r\n\r\n";
    const QByteArray reply = rawExchange(m_server->port(), request);
    QVERIFY2(reply.startsWith("HTTP/1.1 431 "), reply.constData());
}

void TestWebhookServer::keepAliveServesSeveralRequests()
{
    // Two requests pipelined on one connection, then a third after the first replies: each answered, in order.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
    const QByteArray unknown("POST /elsewhere HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
    const QByteArray get("GET /twilio/voice?attempt=1 HTTP/1.1\r\nHost: x\r\n\r\n");
    socket.write(unknown + get);
    QByteArray received;
    QTRY_VERIFY((received += socket.readAll()).count("HTTP/1.1 ") == 2 && received.endsWith("POST is accepted"));
    QVERIFY2(received.startsWith("HTTP/1.1 404 "), received.constData());
    QVERIFY(received.contains("HTTP/1.1 405 "));
    socket.write(unknown);
    QTRY_VERIFY((received += socket.readAll()).count("HTTP/1.1 ") == 3);
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(m_server->http().connectionCount(), 1);
}

void TestWebhookServer::workersHandleEachCallOnOneThread()
{
    // Two flows on threads of their own, each with its own database connection, as `serve --workers 2` and the
    // console through Twilio run them; the console's dialer talks to a flow that delegates to them.
    QTemporaryDir journals;
    QVERIFY(journals.isValid());
    int wired = 0;
    auto workers = std::make_unique<WebhookWorkers>(
        m_db->database(), kPublic, 2,
        [&journals](int index) {
            return std::make_unique<WebhookJournal>(journals.filePath(QStringLiteral("w%1.jsonl").arg(index)));
        },
        [&wired](CallFlow &) { ++wired; });
    QCOMPARE(wired, 2);
    const QList<CallFlow *> flows = workers->flows();
    QCOMPARE(flows.size(), 2);
    QCOMPARE(workers->journalPaths().size(), 2);
    QVERIFY(flows.at(0)->thread() != flows.at(1)->thread());
    QVERIFY(flows.at(0)->thread() != QThread::currentThread());
    CallFlow dialerFlow(m_db->database(), kPublic);
    dialerFlow.delegateTo(flows);

    WebhookServerOptions options;
    options.port = 0;
    m_server = std::make_unique<WebhookServer>(options, kToken, flows, *m_clock);
    QVERIFY(m_server->listen().ok());
    CallFlow *mine = flowServing(flows, m_fixture.attemptId);
    QCOMPARE(mine, flows.at(int(m_fixture.attemptId % 2)));
    CallFlow *other = flows.at(int(1 - m_fixture.attemptId % 2));
    const auto cachedOn = [this](CallFlow *flow) {
        bool cached = false;
        QMetaObject::invokeMethod(
            flow, [&] { cached = flow->cachedSession(m_fixture.attemptId).has_value(); }, Qt::BlockingQueuedConnection);
        return cached;
    };
    // The dialer prepares the call on the worker that will serve it (for a database outage mid-call).
    dialerFlow.prepare(m_fixture.attemptId);
    QTRY_VERIFY(cachedOn(mine));
    QVERIFY(!cachedOn(other));

    QSignalSpy onMine(mine, &CallFlow::callStatusChanged);
    QSignalSpy onOther(other, &CallFlow::callStatusChanged);
    QSignalSpy onDialer(&dialerFlow, &CallFlow::callStatusChanged);
    const QString voice = QStringLiteral("/twilio/voice?attempt=%1").arg(m_fixture.attemptId);
    QCOMPARE(post(voice, {{QStringLiteral("CallSid"), QStringLiteral("CA1")}, {QStringLiteral("To"), m_fixture.phone}})
                 .status,
             200);
    const Reply answer = post(QStringLiteral("/twilio/gather?attempt=%1").arg(m_fixture.attemptId),
                              {{QStringLiteral("CallSid"), QStringLiteral("CA1")},
                               {QStringLiteral("SpeechResult"), QStringLiteral("Yes, I agree.")},
                               {QStringLiteral("Confidence"), QStringLiteral("0.92")}});
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.body.contains("recommend")); // the second question: the first answer was applied first
    const Reply status = post(QStringLiteral("/twilio/status?attempt=%1").arg(m_fixture.attemptId),
                              {{QStringLiteral("CallSid"), QStringLiteral("CA1")},
                               {QStringLiteral("CallStatus"), QStringLiteral("in-progress")},
                               {QStringLiteral("SequenceNumber"), QStringLiteral("2")}});
    QCOMPARE(status.status, 200);
    QCOMPARE(onMine.count(), 1); // the attempt's flow (attempt id % 2) stored it, on its thread
    QCOMPARE(onOther.count(), 0);
    // ... and the dialer hears of it from the flow it holds, on this thread.
    QTRY_COMPARE(onDialer.count(), 1);
    QCOMPARE(onDialer.constFirst().at(0).toLongLong(), m_fixture.attemptId);
    QCOMPARE(onDialer.constFirst().at(1).value<vsc::CallStatus>(), vsc::CallStatus::InProgress);
    QVERIFY(dialerFlow.replayJournal().ok()); // each worker's journal, on its own thread (nothing waits)
    auto stored = storage::scalar(m_db->database().connection(),
                                  QStringLiteral("SELECT raw_speech FROM answers WHERE call_attempt_id = ?"),
                                  {m_fixture.attemptId});
    QCOMPARE(stored.value().toString(), QStringLiteral("Yes, I agree."));
    m_server.reset();
    workers.reset();
}

QTEST_GUILESS_MAIN(TestWebhookServer)
#include "tst_webhookserver.moc"
