// SPDX-License-Identifier: GPL-3.0-or-later
// The webhook endpoint over real HTTP on 127.0.0.1: signatures against the public URL, rejections, replies.
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "services/telephony/callflow.h"
#include "services/telephony/webhookserver.h"
#include "tests/support/callfixture.h"
#include "tests/support/testdatabase.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

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

private:
    struct Reply
    {
        int status = 0;
        QByteArray body;
    };
    Reply post(const QString &pathAndQuery, const FormParams &params, const QByteArray &signature = {},
               bool sign = true);
    Reply send(QNetworkRequest request, const QByteArray &verb, const QByteArray &body);

    std::unique_ptr<tests::TestDatabase> m_db;
    tests::CallFixture m_fixture;
    std::unique_ptr<CallFlow> m_flow;
    std::unique_ptr<WebhookServer> m_server;
    QNetworkAccessManager m_network;
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
    m_server = std::make_unique<WebhookServer>(options, kToken, *m_flow);
    auto port = m_server->listen();
    QVERIFY2(port.ok(), qPrintable(port.ok() ? QString() : port.error().toString()));
    QVERIFY(port.value() > 0);
}

void TestWebhookServer::cleanup()
{
    m_server.reset();
    m_flow.reset();
    m_db.reset();
}

TestWebhookServer::Reply TestWebhookServer::send(QNetworkRequest request, const QByteArray &verb,
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

QTEST_GUILESS_MAIN(TestWebhookServer)
#include "tst_webhookserver.moc"
