// SPDX-License-Identifier: GPL-3.0-or-later
// Contract test: TwilioClient against Prism serving Twilio's official OpenAPI spec (twilio_api_v2010.json from
// @twilio-alpha/mcp, patched by tests/peers/patch-spec.js). Prism validates every request against the spec (path
// SID patterns, required and typed form fields, repeated-key arrays, Basic auth) and answers 422 with diagnostics
// when one does not conform, so a 2xx here means the request is what Twilio documents.
// scripts/test.sh starts Prism and sets VSC_TEST_TWILIO_MOCK_URL; without it this test fails, it never skips.
#include "services/telephony/twilioclient.h"
#include "services/telephony/twilioprovider.h"

#include <QNetworkAccessManager>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace vsc;
using namespace vsc::services::telephony;

namespace {

const QString kAccount = QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const QString kCallSid = QStringLiteral("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

template<typename T>
struct Outcome
{
    bool done = false;
    std::optional<Result<T>> result;
    TwilioError error;

    TwilioCallback<T> callback()
    {
        return [this](Result<T> r, const TwilioError &e) {
            done = true;
            result.emplace(std::move(r));
            error = e;
        };
    }
    [[nodiscard]] bool ok() const { return result && result->ok(); }
    const T &value() const { return result->value(); }
};

CreateCallRequest fullRequest()
{
    CreateCallRequest request;
    request.to = QStringLiteral("+15558675310");
    request.from = QStringLiteral("+15005550006");
    request.url = QUrl(QStringLiteral("https://survey.example/twilio/voice?campaign=7"));
    request.statusCallback = QUrl(QStringLiteral("https://survey.example/twilio/status"));
    request.timeoutSeconds = 25;
    request.timeLimitSeconds = 900;
    request.machineDetection = QStringLiteral("Enable");
    request.asyncAmd = true;
    request.asyncAmdStatusCallback = QUrl(QStringLiteral("https://survey.example/twilio/amd"));
    return request;
}

} // namespace

class TestTwilioClientPrism : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void createCallWithEveryField();
    void fetchCall();
    void listCallsWithFilters();
    void listCallsFollowsNextPageUri();
    void hangUpBothWays();
    void tooManyRequestsIsRetriedThenReported();
    void authenticationAndNotFoundErrors();
    void invalidRequestIsAClientErrorWithDiagnostics();
    void providerPlacesAndHangsUpThroughTheSpec();
    void accountAndCallerNumbers();

private:
    std::unique_ptr<TwilioClient> client(QList<std::pair<QByteArray, QByteArray>> headers = {},
                                         QList<int> *delays = nullptr, int maxAttempts = 3);

    QUrl m_mock;
    services::SystemClock m_clock;
    QNetworkAccessManager m_network;
};

void TestTwilioClientPrism::initTestCase()
{
    const QString url = qEnvironmentVariable("VSC_TEST_TWILIO_MOCK_URL");
    QVERIFY2(!url.isEmpty(), "VSC_TEST_TWILIO_MOCK_URL is not set: run scripts/test.sh, or start the mock with "
                             "tests/peers/start-prism.sh and export the URL it prints");
    m_mock = QUrl(url);
    QVERIFY2(m_mock.isValid() && !m_mock.host().isEmpty(), qPrintable(url));
}

std::unique_ptr<TwilioClient> TestTwilioClientPrism::client(QList<std::pair<QByteArray, QByteArray>> headers,
                                                            QList<int> *delays, int maxAttempts)
{
    TwilioClientOptions options;
    options.baseUrl = m_mock;
    options.requestTimeoutMs = 20000; // Prism validates a 2 MB spec; a cold first answer can take a while
    options.maxAttempts = maxAttempts;
    options.extraHeaders = std::move(headers);
    auto twilio = std::make_unique<TwilioClient>(
        TwilioCredentials{kAccount, kAccount, QStringLiteral("dummy-auth-token")}, options, &m_network, m_clock);
    twilio->setDelayFunction([delays](int ms, std::function<void()> then) {
        if (delays) {
            delays->append(ms);
        }
        QTimer::singleShot(0, std::move(then)); // the backoff itself is unit-tested; keep the run fast
    });
    return twilio;
}

void TestTwilioClientPrism::createCallWithEveryField()
{
    const auto twilio = client();
    Outcome<CallResource> outcome;
    twilio->createCall(fullRequest(), outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done, 30000);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
    QCOMPARE(outcome.error.kind, TwilioErrorKind::None);
    // Prism answers with the spec's 201 example.
    const CallResource &call = outcome.value();
    QCOMPARE(call.sid, kCallSid);
    QCOMPARE(call.status, QStringLiteral("completed"));
    QCOMPARE(call.from, QStringLiteral("+14158675308"));
    QCOMPARE(call.to, QStringLiteral("+14158675309"));
    QCOMPARE(call.dateCreated, QDateTime(QDate(2010, 8, 31), QTime(20, 36, 28), Qt::UTC));
    QCOMPARE(call.startTime, QDateTime(QDate(2010, 8, 31), QTime(20, 36, 29), Qt::UTC));
    QCOMPARE(call.endTime, QDateTime(QDate(2010, 8, 31), QTime(20, 36, 44), Qt::UTC));
    QCOMPARE(call.durationSeconds, std::optional<int>(15));
    QVERIFY(call.answeredBy.isEmpty());    // null in the example
    QVERIFY(call.parentCallSid.isEmpty()); // null in the example

    // A single status callback event is still an array on the wire, and no AMD at all is valid too.
    CreateCallRequest minimal = fullRequest();
    minimal.statusCallbackEvents = {QStringLiteral("completed")};
    minimal.machineDetection.clear();
    minimal.timeLimitSeconds.reset();
    Outcome<CallResource> second;
    twilio->createCall(minimal, second.callback());
    QTRY_VERIFY_WITH_TIMEOUT(second.done, 30000);
    QVERIFY2(second.ok(), qPrintable(second.error.toString()));
}

void TestTwilioClientPrism::fetchCall()
{
    const auto twilio = client();
    Outcome<CallResource> outcome;
    twilio->fetchCall(kCallSid, outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done, 30000);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
    QCOMPARE(outcome.value().sid, kCallSid);
    QVERIFY(!outcome.value().status.isEmpty());
    QVERIFY(outcome.value().dateCreated.isValid());
}

void TestTwilioClientPrism::listCallsWithFilters()
{
    // The spec's empty-page example: next_page_uri is null, so this is exactly one validated request.
    const auto twilio = client({{"Prefer", "example=readEmptyDatesGreater"}});
    ListCallsFilter filter;
    filter.to = QStringLiteral("+15558675310");
    filter.from = QStringLiteral("+15005550006");
    filter.status = QStringLiteral("in-progress");
    filter.startTimeAfter = QDateTime::currentDateTimeUtc().date();
    filter.pageSize = 20;
    Outcome<QList<CallResource>> outcome;
    twilio->listCalls(filter, outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done, 30000);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
    QVERIFY(outcome.value().isEmpty());

    // A status outside the spec's enum is caught by the validator, so the filters above really were checked.
    filter.status = QStringLiteral("answered");
    Outcome<QList<CallResource>> invalid;
    twilio->listCalls(filter, invalid.callback());
    QTRY_VERIFY_WITH_TIMEOUT(invalid.done, 30000);
    QCOMPARE(invalid.error.httpStatus, 422);
    QVERIFY2(invalid.error.message.contains(QLatin1String("status")), qPrintable(invalid.error.message));
}

void TestTwilioClientPrism::listCallsFollowsNextPageUri()
{
    // The default list example is page 1 of 2 calls with a next_page_uri. Following it verbatim reaches Prism with
    // the example's own query (StartTime=2008-01-02), which violates the spec's date-time format: the 422 naming
    // "starttime" proves the client requested exactly the next_page_uri after parsing page 1.
    const auto twilio = client();
    ListCallsFilter filter;
    filter.to = QStringLiteral("+15558675310");
    filter.pageSize = 2;
    Outcome<QList<CallResource>> outcome;
    twilio->listCalls(filter, outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done, 30000);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error.httpStatus, 422);
    QCOMPARE(outcome.error.kind, TwilioErrorKind::Client);
    QCOMPARE(outcome.error.attempts, 1);
    QVERIFY2(outcome.error.message.contains(QLatin1String("starttime must match format \"date-time\"")),
             qPrintable(outcome.error.message));

    // With a one-page limit the first page is all there is: both example calls parse.
    filter.maxPages = 1;
    Outcome<QList<CallResource>> firstPage;
    twilio->listCalls(filter, firstPage.callback());
    QTRY_VERIFY_WITH_TIMEOUT(firstPage.done, 30000);
    QVERIFY2(firstPage.ok(), qPrintable(firstPage.error.toString()));
    QCOMPARE(firstPage.value().size(), 2);
    QCOMPARE(firstPage.value().at(0).answeredBy, QStringLiteral("machine_start"));
    QCOMPARE(firstPage.value().at(0).direction, QStringLiteral("outbound-api"));
    QCOMPARE(firstPage.value().at(0).durationSeconds, std::optional<int>(4));
    QCOMPARE(firstPage.value().at(0).dateCreated, QDateTime(QDate(2019, 10, 18), QTime(17, 0), Qt::UTC));
}

void TestTwilioClientPrism::hangUpBothWays()
{
    const auto twilio = client();
    Outcome<CallResource> completed;
    Outcome<CallResource> canceled;
    twilio->hangUp(kCallSid, HangUpMode::Completed, completed.callback());
    twilio->hangUp(kCallSid, HangUpMode::Canceled, canceled.callback());
    QTRY_VERIFY_WITH_TIMEOUT(completed.done && canceled.done, 30000);
    QVERIFY2(completed.ok(), qPrintable(completed.error.toString()));
    QVERIFY2(canceled.ok(), qPrintable(canceled.error.toString()));
    QCOMPARE(completed.value().sid, kCallSid);
    QCOMPARE(canceled.value().sid, kCallSid);
}

void TestTwilioClientPrism::tooManyRequestsIsRetriedThenReported()
{
    QList<int> delays;
    const int maxAttempts = 4;
    const auto twilio = client({{"Prefer", "code=429"}}, &delays, maxAttempts);
    Outcome<CallResource> outcome;
    twilio->createCall(fullRequest(), outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done, 60000);
    QVERIFY(!outcome.ok());
    QCOMPARE(delays.size(), maxAttempts - 1); // one delay before each retry
    QCOMPARE(outcome.error.attempts, maxAttempts);
    QCOMPARE(outcome.error.httpStatus, 429);
    QCOMPARE(outcome.error.code, 20429);
    QCOMPARE(outcome.error.message, QStringLiteral("Too Many Requests"));
    QCOMPARE(outcome.error.moreInfo, QStringLiteral("https://www.twilio.com/docs/errors/20429"));
    QCOMPARE(outcome.error.kind, TwilioErrorKind::Retryable);
    QVERIFY(outcome.error.retryable);
    QVERIFY(!outcome.error.ambiguous); // never processed: no exactly-once check was needed
    QCOMPARE(outcome.result->error().code, ErrorCode::Network);
}

void TestTwilioClientPrism::authenticationAndNotFoundErrors()
{
    const auto unauthorized = client({{"Prefer", "code=401"}});
    Outcome<CallResource> denied;
    unauthorized->fetchCall(kCallSid, denied.callback());
    QTRY_VERIFY_WITH_TIMEOUT(denied.done, 30000);
    QCOMPARE(denied.error.httpStatus, 401);
    QCOMPARE(denied.error.code, 20003);
    QCOMPARE(denied.error.kind, TwilioErrorKind::Authentication);
    QCOMPARE(denied.error.attempts, 1);

    const auto missing = client({{"Prefer", "code=404"}});
    Outcome<CallResource> notFound;
    missing->hangUp(kCallSid, HangUpMode::Completed, notFound.callback());
    QTRY_VERIFY_WITH_TIMEOUT(notFound.done, 30000);
    QCOMPARE(notFound.error.httpStatus, 404);
    QCOMPARE(notFound.error.code, 20404);
    QCOMPARE(notFound.result->error().code, ErrorCode::NotFound);
}

void TestTwilioClientPrism::invalidRequestIsAClientErrorWithDiagnostics()
{
    QList<int> delays;
    const auto twilio = client({}, &delays);
    CreateCallRequest request = fullRequest();
    request.to.clear(); // not sent at all, and To is required
    Outcome<CallResource> outcome;
    twilio->createCall(request, outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done, 30000);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error.httpStatus, 422);
    QCOMPARE(outcome.error.kind, TwilioErrorKind::Client);
    QVERIFY(!outcome.error.retryable);
    QVERIFY(!outcome.error.permanent);
    QCOMPARE(outcome.error.attempts, 1);
    QVERIFY(delays.isEmpty());
    QVERIFY2(outcome.error.message.contains(QLatin1String("Request body must have required property 'To'")),
             qPrintable(outcome.error.message));
    QCOMPARE(outcome.result->error().code, ErrorCode::InvalidArgument);
}

// The dialer's view: TwilioProvider turns an OutboundCall (URLs from CallFlow) into a create Prism accepts.
void TestTwilioClientPrism::providerPlacesAndHangsUpThroughTheSpec()
{
    const auto twilio = client();
    TwilioProvider provider(*twilio);
    QCOMPARE(provider.kind(), CallProvider::Twilio);
    OutboundCall call;
    call.attemptId = 17;
    call.to = QStringLiteral("+14155550142");
    call.from = QStringLiteral("+15005550006");
    call.voiceUrl = QUrl(QStringLiteral("https://surveys.example.com/twilio/voice?attempt=17"));
    // With the connection overrides the dialer asks for (CallFlow::statusUrl): still a valid StatusCallback.
    call.statusUrl = QUrl(QStringLiteral("https://surveys.example.com/twilio/status?attempt=17#rc=5&rp=ct,rt,5xx"));
    call.amdUrl = QUrl(QStringLiteral("https://surveys.example.com/twilio/amd?attempt=17"));
    const CreateCallRequest request = TwilioProvider::requestFor(call);
    QCOMPARE(request.machineDetection, QStringLiteral("Enable"));
    QVERIFY(request.asyncAmd);
    std::optional<Result<QString>> placed;
    provider.placeCall(call, [&placed](Result<QString> sid) { placed = sid; });
    QTRY_VERIFY_WITH_TIMEOUT(placed.has_value(), 30000);
    QVERIFY2(placed->ok(), qPrintable(placed->ok() ? QString() : placed->error().toString()));
    QCOMPARE(placed->value(), kCallSid);
    std::optional<Result<void>> hungUp;
    provider.hangUp(placed->value(), [&hungUp](Result<void> r) { hungUp = r; });
    QTRY_VERIFY_WITH_TIMEOUT(hungUp.has_value(), 30000);
    QVERIFY(hungUp->ok());

    // Reconciling after a crash: look the call up by SID, and list calls to the number since the claim (queued ones
    // and those started since that day). Both requests are validated against the spec.
    std::optional<Result<ProviderCall>> found;
    provider.lookUpCall(placed->value(), [&found](Result<ProviderCall> c) { found = c; });
    QTRY_VERIFY_WITH_TIMEOUT(found.has_value(), 30000);
    QVERIFY2(found->ok(), qPrintable(found->ok() ? QString() : found->error().toString()));
    QCOMPARE(found->value().sid, kCallSid);
    QVERIFY(!found->value().status.isEmpty());
    const auto empty = client({{"Prefer", "example=readEmptyDatesGreater"}});
    TwilioProvider emptyAccount(*empty);
    std::optional<Result<QList<ProviderCall>>> calls;
    emptyAccount.findCalls(call.to, QDateTime::currentDateTimeUtc().addSecs(-60),
                           [&calls](Result<QList<ProviderCall>> r) { calls = r; });
    QTRY_VERIFY_WITH_TIMEOUT(calls.has_value(), 30000);
    QVERIFY2(calls->ok(), qPrintable(calls->ok() ? QString() : calls->error().toString()));
    QVERIFY(calls->value().isEmpty());
    const auto missing = client({{"Prefer", "code=404"}});
    TwilioProvider gone(*missing);
    std::optional<Result<ProviderCall>> notFound;
    gone.lookUpCall(kCallSid, [&notFound](Result<ProviderCall> c) { notFound = c; });
    QTRY_VERIFY_WITH_TIMEOUT(notFound.has_value(), 30000);
    QVERIFY(!notFound->ok());
    QCOMPARE(notFound->error().code, ErrorCode::NotFound);

    const auto busy = client({{QByteArrayLiteral("Prefer"), QByteArrayLiteral("code=429")}}, nullptr, 2);
    TwilioProvider limited(*busy);
    std::optional<Result<QString>> refused;
    limited.placeCall(call, [&refused](Result<QString> sid) { refused = sid; });
    QTRY_VERIFY_WITH_TIMEOUT(refused.has_value(), 30000);
    QVERIFY(!refused->ok());
    QVERIFY2(refused->error().detail.startsWith(QStringLiteral("20429: ")), qPrintable(refused->error().detail));
}

void TestTwilioClientPrism::accountAndCallerNumbers()
{
    // Settings → Twilio's "test connection": the account, then its own numbers and its verified caller IDs, each a
    // request the spec accepts (PageSize up to 1000).
    const auto twilio = client();
    Outcome<AccountResource> account;
    twilio->fetchAccount(account.callback());
    QTRY_VERIFY_WITH_TIMEOUT(account.done, 30000);
    QVERIFY2(account.ok(), qPrintable(account.error.toString()));
    QCOMPARE(account.value().sid, kAccount);
    QCOMPARE(account.value().status, QStringLiteral("active"));
    QCOMPARE(account.value().type, QStringLiteral("Full"));

    Outcome<QList<CallerNumber>> numbers;
    twilio->listCallerNumbers(numbers.callback());
    QTRY_VERIFY_WITH_TIMEOUT(numbers.done, 30000);
    QVERIFY2(numbers.ok(), qPrintable(numbers.error.toString()));
    QCOMPARE(numbers.value().size(), 2);
    QCOMPARE(numbers.value().at(0).phoneNumber, QStringLiteral("+18089255327")); // owned, voice capable
    QVERIFY(!numbers.value().at(0).verifiedCallerId);
    QVERIFY(numbers.value().at(0).voice);
    QVERIFY(numbers.value().at(1).verifiedCallerId);
    QCOMPARE(numbers.value().at(1).friendlyName, QStringLiteral("(415) 867-5309"));

    // Wrong credentials are named as such (Prism checks that Basic auth is present at all).
    TwilioClientOptions options;
    options.baseUrl = m_mock;
    options.maxAttempts = 1;
    TwilioClient invalid(TwilioCredentials{QStringLiteral("not-an-account"), QStringLiteral("x"), QStringLiteral("y")},
                         options, &m_network, m_clock);
    Outcome<AccountResource> refused;
    invalid.fetchAccount(refused.callback());
    QTRY_VERIFY_WITH_TIMEOUT(refused.done, 30000);
    QVERIFY(!refused.ok());
}

QTEST_GUILESS_MAIN(TestTwilioClientPrism)
#include "tst_twilioclient_prism.moc"
