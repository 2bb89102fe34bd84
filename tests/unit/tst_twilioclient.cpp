// SPDX-License-Identifier: GPL-3.0-or-later
// TwilioClient against a fake QNAM: request shape, parsing, error classification, backoff, exactly-once create,
// paging and credentials. Nothing touches the network; time only passes through the injected seams.
#include "services/auth/secretstore.h"
#include "services/telephony/twilioclient.h"
#include "services/telephony/twiliosignature.h"
#include "tests/fakes/fakenetworkaccessmanager.h"
#include "tests/support/fakeclock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace vsc;
using namespace vsc::services;
using namespace vsc::services::telephony;
using vsc::tests::FakeReply;
using vsc::tests::FakeRequest;

namespace {

const QString kAccount = QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const QString kToken = QStringLiteral("test-auth-token");
const QString kCallSid = QStringLiteral("CA0123456789abcdef0123456789abcdef");
const QString kTo = QStringLiteral("+15558675310");
const QString kFrom = QStringLiteral("+15005550006");
// Two seconds past midnight: the exactly-once check must look at the previous day too.
const QDateTime kNow(QDate(2026, 3, 1), QTime(0, 0, 2), Qt::UTC);

QString rfc2822(const QDateTime &time)
{
    return time.toUTC().toString(Qt::RFC2822Date);
}

QJsonObject callJson(const QString &sid, const QString &to, const QString &from, const QDateTime &created,
                     const QString &status = QStringLiteral("queued"))
{
    return QJsonObject{{QStringLiteral("sid"), sid},
                       {QStringLiteral("account_sid"), kAccount},
                       {QStringLiteral("to"), to},
                       {QStringLiteral("from"), from},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("direction"), QStringLiteral("outbound-api")},
                       {QStringLiteral("answered_by"), QJsonValue::Null},
                       {QStringLiteral("start_time"), QJsonValue::Null},
                       {QStringLiteral("end_time"), QJsonValue::Null},
                       {QStringLiteral("date_created"), rfc2822(created)},
                       {QStringLiteral("duration"), QJsonValue::Null},
                       {QStringLiteral("parent_call_sid"), QJsonValue::Null}};
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray page(const QList<QJsonObject> &calls, const QString &next = {})
{
    QJsonArray array;
    for (const QJsonObject &call : calls) {
        array.append(call);
    }
    return json({{QStringLiteral("calls"), array},
                 {QStringLiteral("next_page_uri"), next.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(next)},
                 {QStringLiteral("page"), 0}});
}

QByteArray twilioError(int code, int status, const QString &message)
{
    return json({{QStringLiteral("code"), code},
                 {QStringLiteral("message"), message},
                 {QStringLiteral("more_info"), QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code)},
                 {QStringLiteral("status"), status}});
}

template<typename T>
struct Outcome
{
    bool done = false;
    int calls = 0;
    std::optional<Result<T>> result;
    TwilioError error;

    TwilioCallback<T> callback()
    {
        return [this](Result<T> r, const TwilioError &e) {
            done = true;
            ++calls;
            result.emplace(std::move(r));
            error = e;
        };
    }
    [[nodiscard]] bool ok() const { return result && result->ok(); }
    const T &value() const { return result->value(); }
};

// A client on a fake QNAM whose delays are recorded and elapse at once.
struct Harness
{
    explicit Harness(TwilioClientOptions options = {},
                     TwilioCredentials credentials = TwilioCredentials{kAccount, kAccount, kToken})
        : client(std::move(credentials), std::move(options), &network, clock)
    {
        client.setDelayFunction([this](int ms, std::function<void()> then) {
            delays.append(ms);
            QTimer::singleShot(0, std::move(then));
        });
        client.setRandomFunction([this](int maxInclusive) {
            ceilings.append(maxInclusive);
            return random ? random(maxInclusive) : maxInclusive;
        });
        client.setClock([] { return kNow; });
    }

    tests::FakeNetworkAccessManager network;
    services::SystemClock clock; // the delays and "now" are replaced below
    TwilioClient client;
    QList<int> delays;
    QList<int> ceilings;
    std::function<int(int)> random;
};

CreateCallRequest fullRequest()
{
    CreateCallRequest request;
    request.to = kTo;
    request.from = kFrom;
    request.url = QUrl(QStringLiteral("https://survey.example/twiml?campaign=7&q=1"));
    request.statusCallback = QUrl(QStringLiteral("https://survey.example/status"));
    request.timeLimitSeconds = 600;
    request.machineDetection = QStringLiteral("Enable");
    request.asyncAmd = true;
    request.asyncAmdStatusCallback = QUrl(QStringLiteral("https://survey.example/amd"));
    return request;
}

} // namespace

class TestTwilioClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createCallSendsTheDocumentedRequest();
    void omitsEmptyAndDependentParameters();
    void apiKeyAuthenticatesAsTheKeyButUsesTheAccountPath();
    void parsesCallResources();
    void classifiesErrors_data();
    void classifiesErrors();
    void parsesErrorBodies();
    void fetchAndHangUpShape();
    void invalidSidsFailWithoutARequest();
    void backoffStaysWithinJitterBounds_data();
    void backoffStaysWithinJitterBounds();
    void honoursRetryAfter();
    void givesUpAfterMaxAttempts();
    void clientErrorsAreNotRetried();
    void timeoutsUseTheTransferTimeoutAndAreRetried();
    void ambiguousCreateFindsTheCallAndDoesNotPostAgain();
    void ambiguousCreateFindsNothingAndPostsAgain();
    void refusedConnectionIsRetriedWithoutACheck();
    void failedCheckGivesUpInsteadOfRiskingASecondCall();
    void unreadableCreateAnswerIsNotRetried();
    void noPostLeavesAfterTheCreateDeadline();
    void createBudgetCoversEveryRetry();
    void listFollowsNextPageUri();
    void listStopsAtMaxPages();
    void listNeverFollowsAnotherHost();
    void credentialsFromEnvironment();
    void credentialsFromSecretStore();
    void destroyingTheClientDropsCallbacks();
};

void TestTwilioClient::createCallSendsTheDocumentedRequest()
{
    TwilioClientOptions options;
    options.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:4010"));
    options.requestTimeoutMs = 1234;
    options.extraHeaders = {{"Prefer", "code=201"}};
    Harness h(options);
    h.network.setHandler([](const FakeRequest &, FakeReply *reply) {
        QJsonObject call = callJson(kCallSid, kTo, kFrom, kNow);
        reply->respond(201, json(call), {{"Content-Type", "application/json"}});
    });
    Outcome<CallResource> outcome;
    h.client.createCall(fullRequest(), outcome.callback());
    QVERIFY(!outcome.done); // never from inside the call
    QTRY_VERIFY(outcome.done);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
    QCOMPARE(outcome.value().sid, kCallSid);
    QCOMPARE(outcome.error.kind, TwilioErrorKind::None);

    QCOMPARE(h.network.requests().size(), 1);
    const FakeRequest &sent = h.network.requests().constFirst();
    QCOMPARE(sent.verb, QByteArrayLiteral("POST"));
    QCOMPARE(sent.url().toString(),
             QStringLiteral("http://127.0.0.1:4010/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Calls.json"));
    QCOMPARE(sent.request.rawHeader("Authorization"), "Basic " + (kAccount + u':' + kToken).toUtf8().toBase64());
    QCOMPARE(sent.request.header(QNetworkRequest::ContentTypeHeader).toByteArray(),
             QByteArrayLiteral("application/x-www-form-urlencoded"));
    QCOMPARE(sent.request.rawHeader("Accept"), QByteArrayLiteral("application/json"));
    QCOMPARE(sent.request.rawHeader("Prefer"), QByteArrayLiteral("code=201"));
    QCOMPARE(sent.request.transferTimeout(), 1234);
    QCOMPARE(sent.request.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
             int(QNetworkRequest::ManualRedirectPolicy));

    // Byte for byte: '+' is %2B (a raw '+' would arrive as a space), arrays are repeated keys.
    QCOMPARE(sent.body, QByteArrayLiteral("To=%2B15558675310&From=%2B15005550006"
                                          "&Url=https%3A%2F%2Fsurvey.example%2Ftwiml%3Fcampaign%3D7%26q%3D1"
                                          "&StatusCallback=https%3A%2F%2Fsurvey.example%2Fstatus"
                                          "&StatusCallbackEvent=initiated&StatusCallbackEvent=ringing"
                                          "&StatusCallbackEvent=answered&StatusCallbackEvent=completed"
                                          "&Timeout=30&TimeLimit=600&MachineDetection=Enable&AsyncAmd=true"
                                          "&AsyncAmdStatusCallback=https%3A%2F%2Fsurvey.example%2Famd"));
    const FormParams decoded = signature::parseForm(sent.body);
    QCOMPARE(decoded.constFirst(), std::make_pair(QStringLiteral("To"), kTo));
    QCOMPARE(int(std::count_if(decoded.cbegin(), decoded.cend(),
                               [](const auto &p) { return p.first == QLatin1String("StatusCallbackEvent"); })),
             4);
}

void TestTwilioClient::omitsEmptyAndDependentParameters()
{
    CreateCallRequest request;
    request.from = kFrom;
    request.url = QUrl(QStringLiteral("https://survey.example/twiml"));
    request.asyncAmd = true; // without MachineDetection: meaningless, not sent
    // No statusCallback: events alone would be ignored by Twilio, so they are not sent either.
    QCOMPARE(TwilioClient::encodeForm(TwilioClient::createCallParams(request)),
             QByteArrayLiteral("From=%2B15005550006&Url=https%3A%2F%2Fsurvey.example%2Ftwiml&Timeout=30"));
    request.machineDetection = QStringLiteral("DetectMessageEnd");
    request.asyncAmd = false;
    QVERIFY(TwilioClient::encodeForm(TwilioClient::createCallParams(request))
                .endsWith("&MachineDetection=DetectMessageEnd&AsyncAmd=false"));
    QCOMPARE(TwilioClient::encodeForm({{QStringLiteral("a b"), QStringLiteral("ü+&=~._-")}}),
             QByteArrayLiteral("a%20b=%C3%BC%2B%26%3D~._-"));
}

void TestTwilioClient::apiKeyAuthenticatesAsTheKeyButUsesTheAccountPath()
{
    Harness h({}, TwilioCredentials{kAccount, QStringLiteral("SK0123"), QStringLiteral("key-secret")});
    h.network.setHandler(
        [](const FakeRequest &, FakeReply *reply) { reply->respond(200, json(callJson(kCallSid, kTo, kFrom, kNow))); });
    Outcome<CallResource> outcome;
    h.client.fetchCall(kCallSid, outcome.callback());
    QTRY_VERIFY(outcome.done);
    QVERIFY(outcome.ok());
    const FakeRequest &sent = h.network.requests().constFirst();
    QCOMPARE(sent.url().toString(),
             QStringLiteral("https://api.twilio.com/2010-04-01/Accounts/%1/Calls/%2.json").arg(kAccount, kCallSid));
    QCOMPARE(sent.request.rawHeader("Authorization"), "Basic " + QByteArray("SK0123:key-secret").toBase64());
}

void TestTwilioClient::parsesCallResources()
{
    // The spec's own example, trimmed: nulls, RFC 2822 times, duration as a string.
    const QByteArray body = R"({"account_sid":"ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","annotation":null,"answered_by":null,
        "date_created":"Tue, 31 Aug 2010 20:36:28 +0000","direction":"outbound-api","duration":"15",
        "end_time":"Tue, 31 Aug 2010 22:36:44 +0200","from":"+14158675308","parent_call_sid":null,
        "sid":"CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","start_time":"Tue, 31 Aug 2010 20:36:29 +0000",
        "status":"completed","to":"+14158675309","queue_time":"1000"})";
    auto call = CallResource::fromJson(QJsonDocument::fromJson(body).object());
    QVERIFY(call.ok());
    QCOMPARE(call.value().sid, QStringLiteral("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    QCOMPARE(call.value().to, QStringLiteral("+14158675309"));
    QCOMPARE(call.value().from, QStringLiteral("+14158675308"));
    QCOMPARE(call.value().status, QStringLiteral("completed"));
    QCOMPARE(call.value().direction, QStringLiteral("outbound-api"));
    QVERIFY(call.value().answeredBy.isEmpty());
    QVERIFY(call.value().parentCallSid.isEmpty());
    QCOMPARE(call.value().dateCreated, QDateTime(QDate(2010, 8, 31), QTime(20, 36, 28), Qt::UTC));
    QCOMPARE(call.value().startTime, QDateTime(QDate(2010, 8, 31), QTime(20, 36, 29), Qt::UTC));
    QCOMPARE(call.value().endTime, QDateTime(QDate(2010, 8, 31), QTime(20, 36, 44), Qt::UTC)); // +0200 → UTC
    QCOMPARE(call.value().endTime.timeSpec(), Qt::UTC);
    QCOMPARE(call.value().durationSeconds, std::optional<int>(15));

    QJsonObject ringing = callJson(kCallSid, kTo, kFrom, kNow, QStringLiteral("ringing"));
    ringing.insert(QStringLiteral("answered_by"), QStringLiteral("machine_start"));
    ringing.insert(QStringLiteral("parent_call_sid"), QStringLiteral("CAparent"));
    auto inProgress = CallResource::fromJson(ringing);
    QVERIFY(inProgress.ok());
    QVERIFY(!inProgress.value().durationSeconds);
    QVERIFY(!inProgress.value().startTime.isValid());
    QCOMPARE(inProgress.value().answeredBy, QStringLiteral("machine_start"));
    QCOMPARE(inProgress.value().parentCallSid, QStringLiteral("CAparent"));
    ringing.insert(QStringLiteral("duration"), 42);
    QCOMPARE(CallResource::fromJson(ringing).value().durationSeconds, std::optional<int>(42));
    ringing.insert(QStringLiteral("duration"), QStringLiteral("n/a"));
    QVERIFY(!CallResource::fromJson(ringing).value().durationSeconds);

    QVERIFY(!CallResource::fromJson(QJsonObject{{QStringLiteral("sid"), QJsonValue::Null}}).ok());
}

void TestTwilioClient::classifiesErrors_data()
{
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("code");
    QTest::addColumn<TwilioErrorKind>("kind");
    QTest::addColumn<bool>("permanent");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<ErrorCode>("errorCode");

    const auto number = TwilioErrorKind::InvalidNumber;
    for (int code : {21211, 21214, 21215, 21216, 21217, 13224}) {
        QTest::addRow("number %d", code) << 400 << code << number << true << false << ErrorCode::InvalidArgument;
    }
    QTest::newRow("caller id 21210") << 400 << 21210 << TwilioErrorKind::InvalidCallerId << true << false
                                     << ErrorCode::InvalidArgument;
    QTest::newRow("caller id 21212") << 400 << 21212 << TwilioErrorKind::InvalidCallerId << true << false
                                     << ErrorCode::InvalidArgument;
    QTest::newRow("429 20429") << 429 << 20429 << TwilioErrorKind::Retryable << false << true << ErrorCode::Network;
    QTest::newRow("429 no body") << 429 << 0 << TwilioErrorKind::Retryable << false << true << ErrorCode::Network;
    QTest::newRow("500") << 500 << 0 << TwilioErrorKind::Retryable << false << true << ErrorCode::Network;
    QTest::newRow("503") << 503 << 20500 << TwilioErrorKind::Retryable << false << true << ErrorCode::Network;
    QTest::newRow("network") << 0 << 0 << TwilioErrorKind::Retryable << false << true << ErrorCode::Network;
    QTest::newRow("401 20003") << 401 << 20003 << TwilioErrorKind::Authentication << false << false
                               << ErrorCode::PermissionDenied;
    QTest::newRow("403") << 403 << 0 << TwilioErrorKind::Authentication << false << false
                         << ErrorCode::PermissionDenied;
    QTest::newRow("404 20404") << 404 << 20404 << TwilioErrorKind::Client << false << false << ErrorCode::NotFound;
    QTest::newRow("409") << 409 << 0 << TwilioErrorKind::Client << false << false << ErrorCode::Conflict;
    QTest::newRow("400 21201 no To") << 400 << 21201 << TwilioErrorKind::Client << false << false
                                     << ErrorCode::InvalidArgument;
    QTest::newRow("422 validator") << 422 << 0 << TwilioErrorKind::Client << false << false
                                   << ErrorCode::InvalidArgument;
    QTest::newRow("302 redirect") << 302 << 0 << TwilioErrorKind::Client << false << false
                                  << ErrorCode::InvalidArgument;
    QTest::newRow("200 ok") << 200 << 0 << TwilioErrorKind::None << false << false << ErrorCode::Internal;
}

void TestTwilioClient::classifiesErrors()
{
    QFETCH(int, httpStatus);
    QFETCH(int, code);
    QFETCH(TwilioErrorKind, kind);
    QFETCH(bool, permanent);
    QFETCH(bool, retryable);
    QFETCH(ErrorCode, errorCode);
    QCOMPARE(classifyTwilioError(httpStatus, code), kind);
    const TwilioError error = TwilioError::make(httpStatus, code, QStringLiteral("m"));
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.permanent, permanent);
    QCOMPARE(error.retryable, retryable);
    QCOMPARE(error.toError().code, errorCode);
}

void TestTwilioClient::parsesErrorBodies()
{
    const TwilioError twilio = TwilioError::fromResponse(
        400, twilioError(21211, 400, QStringLiteral("The 'To' number 5551234567 is not a valid phone number.")));
    QCOMPARE(twilio.httpStatus, 400);
    QCOMPARE(twilio.code, 21211);
    QCOMPARE(twilio.message, QStringLiteral("The 'To' number 5551234567 is not a valid phone number."));
    QCOMPARE(twilio.moreInfo, QStringLiteral("https://www.twilio.com/docs/errors/21211"));
    QVERIFY(twilio.permanent);
    QCOMPARE(twilio.toString(), QStringLiteral("HTTP 400, Twilio error 21211: The 'To' number 5551234567 is not a "
                                               "valid phone number. (https://www.twilio.com/docs/errors/21211)"));
    QVERIFY(twilio.toError().detail.startsWith(QLatin1String("Twilio: HTTP 400, Twilio error 21211")));

    // Prism (and any RFC 7807 validator) lists every violation.
    const TwilioError problem = TwilioError::fromResponse(
        422, R"({"type":"https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY","title":"Invalid request",
                 "status":422,"detail":"Your request is not valid","validation":[
                 {"location":["body"],"code":"required","message":"Request body must have required property 'To'"},
                 {"location":["body","Timeout"],"code":"type","message":"Request body property Timeout must be integer"}]})");
    QCOMPARE(problem.code, 0);
    QCOMPARE(problem.kind, TwilioErrorKind::Client);
    QCOMPARE(problem.message, QStringLiteral("Invalid request: Request body must have required property 'To'; "
                                             "Request body property Timeout must be integer"));
    QCOMPARE(TwilioError::fromResponse(404, R"({"title":"Route not resolved","detail":"no path matched"})").message,
             QStringLiteral("Route not resolved: no path matched"));

    const TwilioError html = TwilioError::fromResponse(502, "<html>\n<body>Bad   gateway</body></html>");
    QCOMPARE(html.message, QStringLiteral("<html> <body>Bad gateway</body></html>"));
    QVERIFY(html.retryable);
    QCOMPARE(TwilioError::fromResponse(503, {}).message, QStringLiteral("HTTP 503"));
}

void TestTwilioClient::fetchAndHangUpShape()
{
    Harness h;
    h.network.setHandler([](const FakeRequest &request, FakeReply *reply) {
        const QString status = request.verb == "POST" ? QString::fromLatin1(request.body.mid(7)) : QString();
        reply->respond(
            200, json(callJson(kCallSid, kTo, kFrom, kNow, status.isEmpty() ? QStringLiteral("ringing") : status)));
    });
    Outcome<CallResource> fetched;
    Outcome<CallResource> completed;
    Outcome<CallResource> canceled;
    h.client.fetchCall(kCallSid, fetched.callback());
    h.client.hangUp(kCallSid, HangUpMode::Completed, completed.callback());
    h.client.hangUp(kCallSid, HangUpMode::Canceled, canceled.callback());
    QTRY_VERIFY(fetched.done && completed.done && canceled.done);
    QCOMPARE(fetched.value().status, QStringLiteral("ringing"));
    QCOMPARE(completed.value().status, QStringLiteral("completed"));
    QCOMPARE(canceled.value().status, QStringLiteral("canceled"));
    const QString path = QStringLiteral("/2010-04-01/Accounts/%1/Calls/%2.json").arg(kAccount, kCallSid);
    const auto &requests = h.network.requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests.at(0).verb, QByteArrayLiteral("GET"));
    QCOMPARE(requests.at(0).url().path(), path);
    QVERIFY(requests.at(0).body.isEmpty());
    QCOMPARE(requests.at(1).verb, QByteArrayLiteral("POST"));
    QCOMPARE(requests.at(1).url().path(), path);
    QCOMPARE(requests.at(1).body, QByteArrayLiteral("Status=completed"));
    QCOMPARE(requests.at(2).body, QByteArrayLiteral("Status=canceled"));
}

void TestTwilioClient::invalidSidsFailWithoutARequest()
{
    Harness h;
    Outcome<CallResource> traversal;
    Outcome<CallResource> empty;
    Outcome<QList<CallResource>> badPage;
    h.client.fetchCall(QStringLiteral("../../Messages"), traversal.callback());
    h.client.hangUp(QString(), HangUpMode::Completed, empty.callback());
    ListCallsFilter filter;
    filter.pageSize = 0;
    h.client.listCalls(filter, badPage.callback());
    QVERIFY(!traversal.done);
    QTRY_VERIFY(traversal.done && empty.done && badPage.done);
    QCOMPARE(traversal.error.kind, TwilioErrorKind::Client);
    QCOMPARE(traversal.result->error().code, ErrorCode::InvalidArgument);
    QVERIFY(!empty.ok());
    QVERIFY(!badPage.ok());
    QVERIFY(h.network.requests().isEmpty());

    Harness noAccount({}, TwilioCredentials{QStringLiteral("AC1"), QStringLiteral("AC1"), kToken});
    Outcome<CallResource> created;
    noAccount.client.createCall(fullRequest(), created.callback());
    QTRY_VERIFY(created.done);
    QCOMPARE(created.error.kind, TwilioErrorKind::Client);
    QVERIFY(noAccount.network.requests().isEmpty());
}

void TestTwilioClient::backoffStaysWithinJitterBounds_data()
{
    QTest::addColumn<int>("baseDelayMs");
    QTest::addColumn<int>("maxDelayMs");
    QTest::addColumn<QList<int>>("ceilings");
    QTest::newRow("defaults") << 250 << 8000 << QList<int>{250, 500, 1000, 2000};
    QTest::newRow("capped") << 1000 << 3000 << QList<int>{1000, 2000, 3000, 3000};
    QTest::newRow("zero") << 0 << 8000 << QList<int>{0, 0, 0, 0};
}

void TestTwilioClient::backoffStaysWithinJitterBounds()
{
    QFETCH(int, baseDelayMs);
    QFETCH(int, maxDelayMs);
    QFETCH(QList<int>, ceilings);
    TwilioClientOptions options;
    options.baseDelayMs = baseDelayMs;
    options.maxDelayMs = maxDelayMs;
    SystemClock clock;
    for (int i = 0; i < ceilings.size(); ++i) {
        QCOMPARE(TwilioClient(TwilioCredentials{}, options, nullptr, clock).backoffCeilingMs(i), ceilings.at(i));
    }

    // Four 429s, then success: four jittered delays, each drawn from [0, ceiling].
    for (const bool real : {false, true}) {
        Harness h(options);
        if (real) {
            h.random = [](int maxInclusive) { return int(QRandomGenerator::global()->bounded(maxInclusive + 1)); };
        }
        int posts = 0;
        h.network.setHandler([&posts](const FakeRequest &, FakeReply *reply) {
            if (++posts < 5) {
                reply->respond(429, twilioError(20429, 429, QStringLiteral("Too Many Requests")));
            } else {
                reply->respond(201, json(callJson(kCallSid, kTo, kFrom, kNow)));
            }
        });
        Outcome<CallResource> outcome;
        h.client.createCall(fullRequest(), outcome.callback());
        QTRY_VERIFY(outcome.done);
        QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
        QCOMPARE(h.network.count("POST"), 5);
        QCOMPARE(h.network.count("GET"), 0); // a 429 was never processed: nothing to check
        QCOMPARE(h.ceilings, ceilings);
        QCOMPARE(h.delays.size(), 4);
        for (int i = 0; i < h.delays.size(); ++i) {
            QVERIFY2(h.delays.at(i) >= 0 && h.delays.at(i) <= ceilings.at(i), qPrintable(QString::number(i)));
        }
        if (!real) {
            QCOMPARE(h.delays, ceilings);
        }
    }
}

void TestTwilioClient::honoursRetryAfter()
{
    TwilioClientOptions options;
    options.maxAttempts = 3;
    Harness h(options);
    h.random = [](int) { return 0; };
    QList<QByteArray> retryAfter{"2", "60"};
    h.network.setHandler([&retryAfter](const FakeRequest &, FakeReply *reply) {
        if (retryAfter.isEmpty()) {
            reply->respond(200, json(callJson(kCallSid, kTo, kFrom, kNow)));
        } else {
            reply->respond(503, "Service Unavailable", {{"Retry-After", retryAfter.takeFirst()}});
        }
    });
    Outcome<CallResource> outcome;
    h.client.fetchCall(kCallSid, outcome.callback());
    QTRY_VERIFY(outcome.done);
    QVERIFY(outcome.ok());
    // At least what the server asked for (the jitter drew 0), but never beyond maxDelayMs.
    QCOMPARE(h.delays, (QList<int>{2000, 8000}));

    // The jittered delay wins when it is longer than Retry-After.
    Harness longer(options);
    longer.random = [](int maxInclusive) { return maxInclusive; };
    longer.network.setHandler([](const FakeRequest &, FakeReply *reply) {
        reply->respond(429, twilioError(20429, 429, QStringLiteral("Too Many Requests")), {{"Retry-After", "0"}});
    });
    Outcome<CallResource> failed;
    longer.client.fetchCall(kCallSid, failed.callback());
    QTRY_VERIFY(failed.done);
    QCOMPARE(longer.delays, (QList<int>{250, 500}));
    QCOMPARE(failed.error.retryAfterMs, 0);
}

void TestTwilioClient::givesUpAfterMaxAttempts()
{
    TwilioClientOptions options;
    options.maxAttempts = 3;
    Harness h(options);
    h.network.setHandler([](const FakeRequest &, FakeReply *reply) {
        reply->respond(429, twilioError(20429, 429, QStringLiteral("Too Many Requests")));
    });
    Outcome<CallResource> outcome;
    h.client.createCall(fullRequest(), outcome.callback());
    QTRY_VERIFY(outcome.done);
    QCOMPARE(outcome.calls, 1);
    QVERIFY(!outcome.ok());
    QCOMPARE(h.network.count("POST"), 3);
    QCOMPARE(h.network.count("GET"), 0);
    QCOMPARE(h.delays.size(), 2);
    QCOMPARE(outcome.error.httpStatus, 429);
    QCOMPARE(outcome.error.code, 20429);
    QCOMPARE(outcome.error.kind, TwilioErrorKind::Retryable);
    QVERIFY(outcome.error.retryable);
    QVERIFY(!outcome.error.ambiguous);
    QCOMPARE(outcome.error.attempts, 3);
    QCOMPARE(outcome.result->error().code, ErrorCode::Network);
    QVERIFY(outcome.result->error().detail.endsWith(QLatin1String("after 3 attempts")));

    // The same budget for GETs.
    Harness list(options);
    list.network.setHandler([](const FakeRequest &, FakeReply *reply) { reply->respond(500, "oops"); });
    Outcome<QList<CallResource>> listed;
    list.client.listCalls({}, listed.callback());
    QTRY_VERIFY(listed.done);
    QCOMPARE(list.network.count("GET"), 3);
    QCOMPARE(listed.error.attempts, 3);
    QVERIFY(listed.error.ambiguous);
}

void TestTwilioClient::clientErrorsAreNotRetried()
{
    Harness h;
    h.network.setHandler([](const FakeRequest &request, FakeReply *reply) {
        if (request.verb == "POST") {
            reply->respond(400, twilioError(21211, 400, QStringLiteral("The 'To' number is not valid.")));
        } else {
            reply->respond(401, twilioError(20003, 401, QStringLiteral("Authenticate")),
                           {{"WWW-Authenticate", "Basic realm=\"Twilio API\""}});
        }
    });
    Outcome<CallResource> created;
    Outcome<CallResource> fetched;
    h.client.createCall(fullRequest(), created.callback());
    h.client.fetchCall(kCallSid, fetched.callback());
    QTRY_VERIFY(created.done && fetched.done);
    QCOMPARE(created.error.kind, TwilioErrorKind::InvalidNumber);
    QVERIFY(created.error.permanent);
    QVERIFY(!created.error.retryable);
    QCOMPARE(created.error.attempts, 1);
    QCOMPARE(fetched.error.kind, TwilioErrorKind::Authentication);
    QCOMPARE(fetched.result->error().code, ErrorCode::PermissionDenied);
    QCOMPARE(h.network.requests().size(), 2);
    QVERIFY(h.delays.isEmpty());
}

void TestTwilioClient::timeoutsUseTheTransferTimeoutAndAreRetried()
{
    TwilioClientOptions options;
    options.requestTimeoutMs = 20;
    options.maxAttempts = 2;
    Harness h(options);
    h.network.setHandler([](const FakeRequest &, FakeReply *reply) { reply->hang(); });
    Outcome<CallResource> outcome;
    h.client.fetchCall(kCallSid, outcome.callback());
    QTRY_VERIFY(outcome.done);
    QCOMPARE(h.network.count("GET"), 2);
    QCOMPARE(outcome.error.httpStatus, 0);
    QCOMPARE(outcome.error.kind, TwilioErrorKind::Retryable);
    QVERIFY(outcome.error.ambiguous);
    QVERIFY2(outcome.error.message.contains(QLatin1String("timeout")), qPrintable(outcome.error.message));

    // A slow answer inside the timeout is fine.
    Harness slow;
    slow.network.setHandler([](const FakeRequest &, FakeReply *reply) {
        reply->respondLater(10, 200, json(callJson(kCallSid, kTo, kFrom, kNow)));
    });
    Outcome<CallResource> late;
    slow.client.fetchCall(kCallSid, late.callback());
    QTRY_VERIFY(late.done);
    QVERIFY(late.ok());
}

void TestTwilioClient::ambiguousCreateFindsTheCallAndDoesNotPostAgain()
{
    TwilioClientOptions options;
    options.requestTimeoutMs = 20;
    Harness h(options);
    h.network.setHandler([](const FakeRequest &request, FakeReply *reply) {
        if (request.verb == "POST") {
            reply->hang(); // Twilio got it, the answer was lost
            return;
        }
        if (request.url().query().contains(QLatin1String("Status=queued"))) {
            // Ours, still queued (no start_time yet), next to a queued call from another caller ID.
            reply->respond(200, page({callJson(QStringLiteral("CAother"), kTo, QStringLiteral("+15005550007"), kNow),
                                      callJson(QStringLiteral("CAours"), kTo, kFrom, kNow.addSecs(1))}));
        } else {
            // Started calls: only an older one to the same number.
            reply->respond(200, page({callJson(QStringLiteral("CAold"), kTo, kFrom, kNow.addSecs(-3600),
                                               QStringLiteral("completed"))}));
        }
    });
    Outcome<CallResource> outcome;
    h.client.createCall(fullRequest(), outcome.callback());
    QTRY_VERIFY(outcome.done);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
    QCOMPARE(outcome.value().sid, QStringLiteral("CAours"));
    QCOMPARE(outcome.value().status, QStringLiteral("queued"));
    QCOMPARE(h.network.count("POST"), 1);
    QCOMPARE(h.network.count("GET", QStringLiteral("/Calls.json")), 2);
    QCOMPARE(outcome.error.kind, TwilioErrorKind::None);
    QCOMPARE(h.delays.size(), 1); // the backoff before the check

    // Queued calls for the number first, then calls started since the UTC day of the first POST minus the skew
    // (yesterday: the first POST went out 2 s after midnight).
    const QString path = QStringLiteral("/2010-04-01/Accounts/%1/Calls.json").arg(kAccount);
    QCOMPARE(h.network.requests().at(1).url().path(), path);
    QCOMPARE(h.network.requests().at(1).url().query(QUrl::FullyEncoded),
             QStringLiteral("To=%2B15558675310&Status=queued&PageSize=50"));
    QCOMPARE(h.network.requests().at(2).url().path(), path);
    QCOMPARE(h.network.requests().at(2).url().query(QUrl::FullyEncoded),
             QStringLiteral("To=%2B15558675310&StartTime%3E=2026-02-28&PageSize=50"));
    QCOMPARE(h.network.requests().at(1).request.rawHeader("Authorization"),
             h.network.requests().at(0).request.rawHeader("Authorization"));

    // Found by the StartTime query alone (the call already left the queue).
    Harness started(options);
    started.network.setHandler([](const FakeRequest &request, FakeReply *reply) {
        if (request.verb == "POST") {
            reply->respond(504, "Gateway Timeout");
        } else if (request.url().query().contains(QLatin1String("Status=queued"))) {
            reply->respond(200, page({}));
        } else {
            reply->respond(200, page({callJson(kCallSid, kTo, kFrom, kNow, QStringLiteral("ringing"))}));
        }
    });
    Outcome<CallResource> ringing;
    started.client.createCall(fullRequest(), ringing.callback());
    QTRY_VERIFY(ringing.done);
    QVERIFY(ringing.ok());
    QCOMPARE(ringing.value().status, QStringLiteral("ringing"));
    QCOMPARE(started.network.count("POST"), 1);
}

void TestTwilioClient::ambiguousCreateFindsNothingAndPostsAgain()
{
    Harness h;
    int posts = 0;
    h.network.setHandler([&posts](const FakeRequest &request, FakeReply *reply) {
        if (request.verb == "GET") {
            // Same number, but created before our first POST (beyond the 5 s skew): not ours.
            reply->respond(200, page({callJson(QStringLiteral("CAearlier"), kTo, kFrom, kNow.addSecs(-6))}));
        } else if (++posts == 1) {
            reply->respond(502, "Bad Gateway");
        } else {
            reply->respond(201, json(callJson(kCallSid, kTo, kFrom, kNow)));
        }
    });
    Outcome<CallResource> outcome;
    h.client.createCall(fullRequest(), outcome.callback());
    QTRY_VERIFY(outcome.done);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
    QCOMPARE(outcome.value().sid, kCallSid);
    QCOMPARE(h.network.count("POST"), 2);
    QCOMPARE(h.network.count("GET"), 2);
    QList<QByteArray> verbs;
    for (const FakeRequest &request : h.network.requests()) {
        verbs.append(request.verb);
    }
    QCOMPARE(verbs, (QList<QByteArray>{"POST", "GET", "GET", "POST"}));
    QCOMPARE(h.network.requests().at(3).body, h.network.requests().at(0).body);

    // Within the skew it would have been accepted.
    Harness skew;
    skew.network.setHandler([](const FakeRequest &request, FakeReply *reply) {
        if (request.verb == "GET") {
            reply->respond(200, page({callJson(kCallSid, kTo, kFrom, kNow.addSecs(-4))}));
        } else {
            reply->respond(500, twilioError(20500, 500, QStringLiteral("Internal Server Error")));
        }
    });
    Outcome<CallResource> found;
    skew.client.createCall(fullRequest(), found.callback());
    QTRY_VERIFY(found.done);
    QVERIFY(found.ok());
    QCOMPARE(skew.network.count("POST"), 1);
}

void TestTwilioClient::refusedConnectionIsRetriedWithoutACheck()
{
    Harness h;
    int posts = 0;
    h.network.setHandler([&posts](const FakeRequest &, FakeReply *reply) {
        if (++posts == 1) {
            reply->fail(QNetworkReply::ConnectionRefusedError, QStringLiteral("Connection refused"));
        } else {
            reply->respond(201, json(callJson(kCallSid, kTo, kFrom, kNow)));
        }
    });
    Outcome<CallResource> outcome;
    h.client.createCall(fullRequest(), outcome.callback());
    QTRY_VERIFY(outcome.done);
    QVERIFY(outcome.ok());
    QCOMPARE(h.network.count("POST"), 2);
    QCOMPARE(h.network.count("GET"), 0);
}

void TestTwilioClient::failedCheckGivesUpInsteadOfRiskingASecondCall()
{
    Harness h;
    h.network.setHandler([](const FakeRequest &request, FakeReply *reply) {
        if (request.verb == "POST") {
            reply->fail(QNetworkReply::RemoteHostClosedError, QStringLiteral("Connection closed"));
        } else {
            reply->respond(403, twilioError(20003, 403, QStringLiteral("Permission denied")));
        }
    });
    Outcome<CallResource> outcome;
    h.client.createCall(fullRequest(), outcome.callback());
    QTRY_VERIFY(outcome.done);
    QVERIFY(!outcome.ok());
    QCOMPARE(h.network.count("POST"), 1);
    QCOMPARE(h.network.count("GET"), 1);
    QVERIFY(outcome.error.ambiguous);
    QCOMPARE(outcome.error.httpStatus, 0);
    QCOMPARE(outcome.error.attempts, 1);
    QVERIFY2(outcome.error.message.contains(QLatin1String("could not check")), qPrintable(outcome.error.message));
    QVERIFY(outcome.error.message.contains(QLatin1String("Twilio error 20003")));
}

void TestTwilioClient::unreadableCreateAnswerIsNotRetried()
{
    Harness h;
    h.network.setHandler([](const FakeRequest &, FakeReply *reply) { reply->respond(201, "<Response/>"); });
    Outcome<CallResource> outcome;
    h.client.createCall(fullRequest(), outcome.callback());
    QTRY_VERIFY(outcome.done);
    QVERIFY(!outcome.ok());
    QCOMPARE(h.network.count("POST"), 1);
    QVERIFY(outcome.error.ambiguous);
    QVERIFY(!outcome.error.retryable);
    QCOMPARE(outcome.result->error().code, ErrorCode::Internal);

    Harness fetch;
    fetch.network.setHandler([](const FakeRequest &, FakeReply *reply) { reply->respond(200, "not json"); });
    Outcome<CallResource> fetched;
    fetch.client.fetchCall(kCallSid, fetched.callback());
    QTRY_VERIFY(fetched.done);
    QCOMPARE(fetched.error.kind, TwilioErrorKind::Client);
    QCOMPARE(fetch.network.count("GET"), 1);
    QVERIFY(fetched.error.message.startsWith(QLatin1String("unreadable JSON answer")));
}

// A dialer stalled between its claim and its create (stopped, swapped out) must not dial once a standby may have
// judged the claim an orphan: past CreateCallRequest::deadlineMs no POST leaves, first one or retry.
void TestTwilioClient::noPostLeavesAfterTheCreateDeadline()
{
    tests::FakeNetworkAccessManager network;
    tests::FakeClock clock;
    TwilioClient client(TwilioCredentials{kAccount, kAccount, kToken}, {}, &network, clock);
    client.setDelayFunction([&clock](int ms, std::function<void()> then) {
        clock.advance(ms + 60000); // the process stalls during the backoff
        QTimer::singleShot(0, std::move(then));
    });
    network.setHandler([](const FakeRequest &, FakeReply *reply) {
        reply->respond(429, twilioError(20429, 429, QStringLiteral("Too Many Requests")));
    });

    clock.advance(5000);
    CreateCallRequest late = fullRequest();
    late.deadlineMs = clock.monotonicMs() - 1;
    Outcome<CallResource> tooLate;
    client.createCall(late, tooLate.callback());
    QTRY_VERIFY(tooLate.done);
    QVERIFY(!tooLate.ok());
    QCOMPARE(network.count("POST"), 0);
    QVERIFY(tooLate.error.expired);
    QVERIFY(!tooLate.error.ambiguous);
    QCOMPARE(tooLate.result->error().code, ErrorCode::Conflict);

    CreateCallRequest retried = fullRequest();
    retried.deadlineMs = clock.monotonicMs() + 30000;
    Outcome<CallResource> outcome;
    client.createCall(retried, outcome.callback());
    QTRY_VERIFY(outcome.done);
    QCOMPARE(network.count("POST"), 1); // the retry after the stalled backoff was never sent
    QVERIFY(outcome.error.expired);
    QVERIFY(!outcome.error.ambiguous); // a 429 was never processed: nothing can exist
    QCOMPARE(outcome.error.httpStatus, 429);
}

void TestTwilioClient::createBudgetCoversEveryRetry()
{
    TwilioClientOptions options;
    options.requestTimeoutMs = 15000;
    options.maxAttempts = 5;
    options.maxDelayMs = 8000;
    Harness h(options);
    QCOMPARE(h.client.createBudgetMs(), 5 * 15000 + 4 * 8000);
}

void TestTwilioClient::listFollowsNextPageUri()
{
    TwilioClientOptions options;
    options.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:4010/proxy/"));
    Harness h(options);
    // Twilio's own next_page_uri form: an absolute path with an encoded query.
    const QString next = QStringLiteral("/2010-04-01/Accounts/%1/Calls.json?To=%2B15558675310&StartTime%3E=2026-02-28"
                                        "&PageSize=2&Page=1&PageToken=PACA0123")
                             .arg(kAccount);
    h.network.setHandler([next](const FakeRequest &request, FakeReply *reply) {
        if (!request.url().query().contains(QLatin1String("PageToken"))) {
            reply->respond(200, page({callJson(QStringLiteral("CA1"), kTo, kFrom, kNow),
                                      callJson(QStringLiteral("CA2"), kTo, kFrom, kNow)},
                                     next));
        } else {
            reply->respond(200, page({callJson(QStringLiteral("CA3"), kTo, kFrom, kNow)}));
        }
    });
    ListCallsFilter filter;
    filter.to = kTo;
    filter.from = kFrom;
    filter.status = QStringLiteral("in-progress");
    filter.startTimeAfter = QDate(2026, 2, 28);
    filter.pageSize = 2;
    Outcome<QList<CallResource>> outcome;
    h.client.listCalls(filter, outcome.callback());
    QTRY_VERIFY(outcome.done);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
    QCOMPARE(outcome.value().size(), 3);
    QCOMPARE(outcome.value().at(2).sid, QStringLiteral("CA3"));
    QCOMPARE(h.network.requests().size(), 2);
    QCOMPARE(h.network.requests().at(0).url().toString(QUrl::FullyEncoded),
             QStringLiteral("http://127.0.0.1:4010/proxy/2010-04-01/Accounts/%1/Calls.json?To=%2B15558675310"
                            "&From=%2B15005550006&Status=in-progress&StartTime%3E=2026-02-28&PageSize=2")
                 .arg(kAccount));
    QCOMPARE(h.network.requests().at(1).url().toString(QUrl::FullyEncoded),
             QStringLiteral("http://127.0.0.1:4010/proxy") + next);
}

void TestTwilioClient::listStopsAtMaxPages()
{
    Harness h;
    h.network.setHandler([](const FakeRequest &request, FakeReply *reply) {
        const QString next = request.url().path() + QStringLiteral("?Page=1&PageToken=PAsame");
        reply->respond(200, page({callJson(kCallSid, kTo, kFrom, kNow)}, next));
    });
    ListCallsFilter filter;
    filter.maxPages = 3;
    Outcome<QList<CallResource>> outcome;
    h.client.listCalls(filter, outcome.callback());
    QTRY_VERIFY(outcome.done);
    QVERIFY(outcome.ok());
    QCOMPARE(h.network.count("GET"), 3);
    QCOMPARE(outcome.value().size(), 3);
}

void TestTwilioClient::listNeverFollowsAnotherHost()
{
    Harness h;
    h.network.setHandler([](const FakeRequest &request, FakeReply *reply) {
        if (request.url().host() != QLatin1String("api.twilio.com")) {
            reply->respond(200, page({}));
            return;
        }
        QJsonObject bad = callJson(kCallSid, kTo, kFrom, kNow);
        bad.remove(QStringLiteral("sid"));
        const bool malformed = request.url().query().contains(QLatin1String("Status=failed"));
        reply->respond(200, page({malformed ? bad : callJson(kCallSid, kTo, kFrom, kNow)},
                                 QStringLiteral("https://evil.example/2010-04-01/Accounts/x/Calls.json")));
    });
    Outcome<QList<CallResource>> outcome;
    h.client.listCalls({}, outcome.callback());
    QTRY_VERIFY(outcome.done);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error.kind, TwilioErrorKind::Client);
    QCOMPARE(h.network.requests().size(), 1);

    ListCallsFilter failed;
    failed.status = QStringLiteral("failed");
    Outcome<QList<CallResource>> malformed;
    h.client.listCalls(failed, malformed.callback());
    QTRY_VERIFY(malformed.done);
    QVERIFY(!malformed.ok());
    QVERIFY(malformed.error.message.contains(QLatin1String("without a sid")));
}

void TestTwilioClient::credentialsFromEnvironment()
{
    const QStringList names{QStringLiteral("TWILIO_ACCOUNT_SID"), QStringLiteral("TWILIO_AUTH_TOKEN"),
                            QStringLiteral("TWILIO_API_KEY"), QStringLiteral("TWILIO_API_SECRET")};
    QHash<QString, QByteArray> saved;
    for (const QString &name : names) {
        if (qEnvironmentVariableIsSet(qPrintable(name))) {
            saved.insert(name, qgetenv(qPrintable(name)));
        }
        qunsetenv(qPrintable(name));
    }
    const auto restore = qScopeGuard([&] {
        for (const QString &name : names) {
            saved.contains(name) ? qputenv(qPrintable(name), saved.value(name)) : qunsetenv(qPrintable(name));
        }
    });

    auto missing = TwilioCredentials::fromEnvironment();
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::Secret);
    QVERIFY(missing.error().detail.contains(QLatin1String("TWILIO_ACCOUNT_SID")));

    qputenv("TWILIO_ACCOUNT_SID", "not-a-sid");
    QCOMPARE(TwilioCredentials::fromEnvironment().error().code, ErrorCode::InvalidArgument);

    qputenv("TWILIO_ACCOUNT_SID", kAccount.toLatin1());
    auto noSecret = TwilioCredentials::fromEnvironment();
    QCOMPARE(noSecret.error().code, ErrorCode::Secret);
    QVERIFY(noSecret.error().detail.contains(QLatin1String("TWILIO_AUTH_TOKEN")));

    qputenv("TWILIO_AUTH_TOKEN", "env-token");
    auto token = TwilioCredentials::fromEnvironment();
    QVERIFY(token.ok());
    QCOMPARE(token.value().accountSid, kAccount);
    QCOMPARE(token.value().username, kAccount);
    QCOMPARE(token.value().secret, QStringLiteral("env-token"));

    qputenv("TWILIO_API_KEY", "SKkey");
    auto keyWithoutSecret = TwilioCredentials::fromEnvironment();
    QCOMPARE(keyWithoutSecret.error().code, ErrorCode::Secret);
    QVERIFY(!keyWithoutSecret.error().detail.contains(QLatin1String("env-token")));

    qputenv("TWILIO_API_SECRET", "key-secret");
    auto key = TwilioCredentials::fromEnvironment();
    QVERIFY(key.ok());
    QCOMPARE(key.value().accountSid, kAccount);
    QCOMPARE(key.value().username, QStringLiteral("SKkey"));
    QCOMPARE(key.value().secret, QStringLiteral("key-secret"));

    qputenv("TWILIO_API_KEY", "ACnotakey");
    QCOMPARE(TwilioCredentials::fromEnvironment().error().code, ErrorCode::InvalidArgument);
}

void TestTwilioClient::credentialsFromSecretStore()
{
    auth::MemorySecretStore store;
    QCOMPARE(TwilioCredentials::authTokenKey(kAccount), QStringLiteral("twilio/%1/auth-token").arg(kAccount));
    QCOMPARE(TwilioCredentials::apiKeySecretKey(kAccount, QStringLiteral("SK1")),
             QStringLiteral("twilio/%1/api-key/SK1").arg(kAccount));

    auto missing = TwilioCredentials::fromSecretStore(store, kAccount);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY(missing.error().detail.contains(TwilioCredentials::authTokenKey(kAccount)));

    QVERIFY(store.write(TwilioCredentials::authTokenKey(kAccount), QStringLiteral("stored-token")).ok());
    QVERIFY(store
                .write(TwilioCredentials::apiKeySecretKey(kAccount, QStringLiteral("SK1")),
                       QStringLiteral("stored-key-secret"))
                .ok());
    auto token = TwilioCredentials::fromSecretStore(store, kAccount);
    QVERIFY(token.ok());
    QCOMPARE(token.value().username, kAccount);
    QCOMPARE(token.value().secret, QStringLiteral("stored-token"));

    auto key = TwilioCredentials::fromSecretStore(store, kAccount, QStringLiteral("SK1"));
    QVERIFY(key.ok());
    QCOMPARE(key.value().accountSid, kAccount);
    QCOMPARE(key.value().username, QStringLiteral("SK1"));
    QCOMPARE(key.value().secret, QStringLiteral("stored-key-secret"));

    auto otherKey = TwilioCredentials::fromSecretStore(store, kAccount, QStringLiteral("SK2"));
    QCOMPARE(otherKey.error().code, ErrorCode::NotFound);
    QVERIFY(otherKey.error().detail.contains(QLatin1String("api-key/SK2")));
    QVERIFY(!otherKey.error().detail.contains(QLatin1String("stored")));

    QVERIFY(store.write(TwilioCredentials::apiKeySecretKey(kAccount, QStringLiteral("SK3")), QString()).ok());
    QCOMPARE(TwilioCredentials::fromSecretStore(store, kAccount, QStringLiteral("SK3")).error().code,
             ErrorCode::Secret);
    QCOMPARE(TwilioCredentials::fromSecretStore(store, QStringLiteral("ACshort")).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(TwilioCredentials::fromSecretStore(store, kAccount, QStringLiteral("AK1")).error().code,
             ErrorCode::InvalidArgument);
}

void TestTwilioClient::destroyingTheClientDropsCallbacks()
{
    tests::FakeNetworkAccessManager network;
    QList<FakeReply *> replies;
    network.setHandler([&replies](const FakeRequest &, FakeReply *reply) { replies.append(reply); }); // pending
    Outcome<CallResource> outcome;
    Outcome<CallResource> retrying;
    std::function<void()> pendingRetry;
    {
        services::SystemClock clock;
        TwilioClient client(TwilioCredentials{kAccount, kAccount, kToken}, {}, &network, clock);
        client.setDelayFunction([&pendingRetry](int, std::function<void()> then) { pendingRetry = std::move(then); });
        client.createCall(fullRequest(), outcome.callback());
        client.fetchCall(kCallSid, retrying.callback());
        QCOMPARE(replies.size(), 2);
        replies.at(1)->respond(503, "busy"); // → a retry waits in pendingRetry
        QTRY_VERIFY(bool(pendingRetry));
    }
    pendingRetry(); // the client is gone: nothing happens
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(!outcome.done);
    QVERIFY(!retrying.done);
    QCOMPARE(network.requests().size(), 2);
}

QTEST_GUILESS_MAIN(TestTwilioClient)
#include "tst_twilioclient.moc"
