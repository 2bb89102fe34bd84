// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/clock.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;
class QJsonObject;

namespace vsc::services::auth {
class SecretStore;
}

namespace vsc::services::telephony {

// Who the client authenticates as. `username` is the account SID (with its auth token as `secret`) or an API key
// SID "SK…" (with the key's secret); the account SID always goes in the request path. Never log `secret`.
struct TwilioCredentials
{
    QString accountSid;
    QString username;
    QString secret;

    // TWILIO_ACCOUNT_SID plus either TWILIO_API_KEY + TWILIO_API_SECRET (preferred when TWILIO_API_KEY is set, as
    // twilio-cli does) or TWILIO_AUTH_TOKEN. Errors name the missing variable, never a value.
    static Result<TwilioCredentials> fromEnvironment();
    // Keychain keys: authTokenKey(accountSid) without an API key, apiKeySecretKey(accountSid, apiKeySid) with one.
    // A missing entry is ErrorCode::NotFound naming the key.
    static Result<TwilioCredentials> fromSecretStore(auth::SecretStore &store, const QString &accountSid,
                                                     const QString &apiKeySid = {});
    static QString authTokenKey(const QString &accountSid);                              // twilio/<AC…>/auth-token
    static QString apiKeySecretKey(const QString &accountSid, const QString &apiKeySid); // twilio/<AC…>/api-key/<SK…>
};

struct TwilioClientOptions
{
    QUrl baseUrl = QUrl(QStringLiteral("https://api.twilio.com"));
    int requestTimeoutMs = 15000; // inactivity timeout of one request (QNetworkRequest::setTransferTimeout)
    int maxAttempts = 5;          // requests per operation, the first one included
    int baseDelayMs = 250;
    int maxDelayMs = 8000;
    QList<std::pair<QByteArray, QByteArray>> extraHeaders; // sent with every request (tests: Prism's "Prefer")
};

// POST /2010-04-01/Accounts/{AccountSid}/Calls.json. Empty strings and URLs are not sent at all, so Twilio (or a
// validator) reports a missing required parameter instead of accepting an empty one.
struct CreateCallRequest
{
    QString to;   // E.164, sip: or client:
    QString from; // a Twilio number or verified caller ID
    QUrl url;     // TwiML fetched when the call connects
    QUrl statusCallback;
    QStringList statusCallbackEvents{QStringLiteral("initiated"), QStringLiteral("ringing"), QStringLiteral("answered"),
                                     QStringLiteral("completed")};
    int timeoutSeconds = 30; // ring time
    std::optional<int> timeLimitSeconds;
    QString machineDetection; // "Enable", "DetectMessageEnd" or empty (no AMD)
    bool asyncAmd = false;
    QUrl asyncAmdStatusCallback;
    // On the client's Clock (Clock::monotonicMs()): no POST leaves after it, retries included; 0 = no deadline.
    qint64 deadlineMs = 0;
};

// The Call resource (create, fetch, update and list all return it). Twilio sends most fields as null until they
// apply: empty strings, invalid QDateTimes and nullopt stand for null here. Times are UTC.
struct CallResource
{
    QString sid;
    QString to;
    QString from;
    QString status; // queued, ringing, in-progress, completed, busy, failed, no-answer, canceled
    QString direction;
    QString answeredBy;
    QDateTime startTime;
    QDateTime endTime;
    QDateTime dateCreated;
    std::optional<int> durationSeconds;
    QString parentCallSid;

    static Result<CallResource> fromJson(const QJsonObject &json);
};

// The Account resource (GET Accounts/{Sid}.json): what "test connection" shows.
struct AccountResource
{
    QString sid;
    QString friendlyName;
    QString status; // active, suspended, closed
    QString type;   // Trial, Full

    static Result<AccountResource> fromJson(const QJsonObject &json);
};

// A number calls may come from: one of the account's own numbers (IncomingPhoneNumbers) or a verified caller ID
// (OutgoingCallerIds).
struct CallerNumber
{
    QString phoneNumber; // E.164
    QString friendlyName;
    bool verifiedCallerId = false; // an OutgoingCallerId rather than a number the account owns
    bool voice = true;             // the number can place calls (capabilities.voice; caller IDs always can)
};

// What the dialer does with a failure.
enum class TwilioErrorKind {
    None,          // no error
    InvalidNumber, // the contact's number cannot be called (21211 21214 21215 21216 21217 13224): mark it, never retry
    InvalidCallerId, // the campaign's From is unusable (21210 21212): stop the campaign; the contact is not at fault
    Retryable,       // 429/20429, 5xx, network errors, timeouts: retried here with backoff, worth retrying later
    Authentication,  // 401/403: credentials wrong or revoked; no request will succeed
    Client,          // any other rejected request (4xx, a validator's 422, a malformed answer): not retried
};

// httpStatus 0 means no HTTP answer (network error or timeout); code is Twilio's error code, 0 if none.
TwilioErrorKind classifyTwilioError(int httpStatus, int code);
// The number itself cannot be called (TwilioErrorKind::InvalidNumber): the contact is retired, never retried.
// The simulated carrier uses Twilio's codes too.
bool isInvalidNumberCode(int code);

struct TwilioError
{
    int httpStatus = 0; // 0: no HTTP answer (network error, timeout)
    int code = 0;       // Twilio's code (20429, 21211, …); 0 when the body had none
    QString message;    // Twilio's message, a validator's diagnostics, or the network error
    QString moreInfo;
    TwilioErrorKind kind = TwilioErrorKind::None;
    bool permanent = false; // InvalidNumber or InvalidCallerId: never retry this request
    bool retryable = false; // Retryable: the client already retried up to maxAttempts
    bool ambiguous = false; // the request may have been processed (timeout, connection lost after sending, 5xx)
    int retryAfterMs = -1;  // the server's Retry-After, -1 if absent
    bool expired = false;   // createCall: CreateCallRequest::deadlineMs passed; no further POST was sent
    int attempts = 0;       // requests made for this operation

    // Fills kind/permanent/retryable from httpStatus and code.
    static TwilioError make(int httpStatus, int code, QString message, QString moreInfo = {});
    // Parses Twilio's {code, message, more_info, status} or Prism's problem+json {title, detail, validation[]}.
    static TwilioError fromResponse(int httpStatus, const QByteArray &body);
    [[nodiscard]] Error toError() const; // ErrorCode by kind, detail = readable text (no credentials)
    [[nodiscard]] QString toString() const;
};

// Outcome of every asynchronous call: `result` holds the value or an Error (the same text as `error.toString()`);
// `error.kind` is None on success.
template<typename T>
using TwilioCallback = std::function<void(Result<T> result, const TwilioError &error)>;

struct ListCallsFilter
{
    QString to;
    QString from;
    QString status;
    QDate startTimeAfter; // sent as StartTime>=YYYY-MM-DD (calls that started on or after that UTC day)
    int pageSize = 50;    // 1..1000
    int maxPages = 20;    // stop following next_page_uri after this many pages (a warning is logged)
};

enum class HangUpMode {
    Completed, // Status=completed: end an in-progress call
    Canceled,  // Status=canceled: cancel a queued or ringing call
};

// Asynchronous client for Twilio's Calls API (2010-04-01, JSON endpoints), HTTP Basic auth over the given QNAM.
//
// Thread: create it, call it and destroy it on the thread that owns the QNetworkAccessManager; every callback runs
// there, always later (never from inside the call). Destroying the client aborts its requests and drops their
// callbacks.
//
// Retries: a Retryable failure is retried up to maxAttempts requests in all, after a delay with full jitter,
// random(0, min(maxDelayMs, baseDelayMs · 2^retry)). A Retry-After header (seconds) raises the delay to at least
// that long, but never beyond maxDelayMs: the dialer schedules longer waits itself (TwilioError::retryAfterMs).
//
// Exactly-once create (POST /Calls has no idempotency key):
//
//   POST ──► 2xx ──────────────────────────────────────────────► call
//     │ 429, connection refused: never processed ──► backoff ──► POST again
//     │ 4xx ───────────────────────────────────────────────────► error (not retried)
//     └ timeout, connection lost, 5xx: ambiguous ──► backoff ──► GET Calls.json?To=…&Status=queued
//                                                              + GET Calls.json?To=…&StartTime>=day of first POST
//           ├─ a call with the same to/from created since the first POST (−5 s skew) ──► that call, no new POST
//           ├─ none ──► POST again
//           └─ the check itself fails ──► give up with the ambiguous error (never risk a second call)
//
// No POST leaves after CreateCallRequest::deadlineMs: the create gives up instead (expired; ambiguous if an earlier
// POST may have gone through), so a caller knows the latest moment a call can have been created
// (createBudgetMs(): the retries and backoff at their longest).
//
// The queued query is there because a queued call has no start_time yet, so the StartTime filter may not list it.
//
// Calls are eventually consistent on Twilio's side: a call created moments ago may not be listed yet. The backoff
// before the check makes that unlikely, not impossible; status callbacks are the final word.
class TwilioClient : public QObject
{
    Q_OBJECT
public:
    using DelayFunction = std::function<void(int ms, std::function<void()> then)>;
    using RandomFunction = std::function<int(int maxInclusive)>; // uniform in [0, maxInclusive]
    using NowFunction = std::function<QDateTime()>;              // UTC now

    static constexpr int kCreateSkewSeconds = 5;

    // Backoff delays and "now" come from `clock`.
    TwilioClient(TwilioCredentials credentials, TwilioClientOptions options, QNetworkAccessManager *network,
                 Clock &clock, QObject *parent = nullptr);
    ~TwilioClient() override;
    Q_DISABLE_COPY_MOVE(TwilioClient)

    // Test seams over the clock given: record or replace the delays, the jitter and "now".
    void setDelayFunction(DelayFunction delay);
    void setRandomFunction(RandomFunction random);
    void setClock(NowFunction now);

    [[nodiscard]] const TwilioClientOptions &options() const { return m_options; }
    [[nodiscard]] QString accountSid() const { return m_credentials.accountSid; }

    // Async. POST Calls.json, with retries and the exactly-once check above.
    void createCall(const CreateCallRequest &request, TwilioCallback<CallResource> done);
    // Async. GET Calls/{sid}.json.
    void fetchCall(const QString &sid, TwilioCallback<CallResource> done);
    // Async. GET Calls.json with the filter, following next_page_uri (same host only) up to filter.maxPages pages.
    void listCalls(const ListCallsFilter &filter, TwilioCallback<QList<CallResource>> done);
    // Async. POST Calls/{sid}.json with Status=completed|canceled; repeating it is harmless, so it is retried.
    void hangUp(const QString &sid, HangUpMode mode, TwilioCallback<CallResource> done);
    // Async. GET Accounts/{Sid}.json: proves the credentials and names the account.
    void fetchAccount(TwilioCallback<AccountResource> done);
    // Async. Every number the account may call from: IncomingPhoneNumbers.json, then OutgoingCallerIds.json (each
    // followed through up to maxPages pages), owned numbers first.
    void listCallerNumbers(TwilioCallback<QList<CallerNumber>> done, int maxPages = 20);

    // application/x-www-form-urlencoded: repeated keys for arrays, everything but unreserved characters
    // percent-encoded ('+' → %2B, ' ' → %20).
    static QByteArray encodeForm(const QList<std::pair<QString, QString>> &params);
    static QList<std::pair<QString, QString>> createCallParams(const CreateCallRequest &request);
    // The backoff before retry number `retry` (0 = before the second request), without jitter.
    [[nodiscard]] int backoffCeilingMs(int retry) const;
    // How long a createCall may go on posting at most: every request timing out, every backoff at its ceiling.
    [[nodiscard]] int createBudgetMs() const;

private:
    struct HttpRequest
    {
        QByteArray verb; // GET or POST
        QUrl url;
        QByteArray body; // form-encoded, POST only
    };
    struct HttpResponse
    {
        int httpStatus = 0;
        QByteArray body;
        TwilioError error; // kind None on 2xx
    };
    struct CreateState;
    using JsonCallback = std::function<void(Result<QJsonObject> result, const TwilioError &error)>;

    QUrl endpoint(const QString &relativePath) const;
    void sendOnce(const HttpRequest &request, std::function<void(HttpResponse)> done);
    void sendWithRetry(const HttpRequest &request, int attempt, JsonCallback done);
    int retryDelayMs(int retry, const TwilioError &error);
    void schedule(int ms, std::function<void()> then);
    using ItemsCallback = std::function<void(Result<QList<QJsonObject>> items, const TwilioError &error)>;
    using ItemCheck = std::function<QString(const QJsonObject &item)>; // why an item is malformed; empty = fine
    // GET a list resource and follow next_page_uri (same host only), collecting the objects under `key`; each page's
    // items are checked before the next page is asked for.
    void fetchListPage(const QUrl &url, const QString &key, const ItemCheck &check, int page, int maxPages,
                       std::shared_ptr<QList<QJsonObject>> items, ItemsCallback done);
    QUrl listUrl(const QString &relativePath, const QList<std::pair<QString, QString>> &query) const;
    void createAttempt(std::shared_ptr<CreateState> state);
    void createCheck(std::shared_ptr<CreateState> state, QList<ListCallsFilter> pending, QList<CallResource> seen);
    void createPost(std::shared_ptr<CreateState> state);
    void createFinished(const std::shared_ptr<CreateState> &state, Result<CallResource> result, TwilioError error);
    void callFromJson(const HttpRequest &request, TwilioCallback<CallResource> done);
    template<typename T>
    void failLater(TwilioError error, TwilioCallback<T> done);

    TwilioCredentials m_credentials;
    TwilioClientOptions m_options;
    QPointer<QNetworkAccessManager> m_network;
    QByteArray m_authorization;
    DelayFunction m_delay;
    RandomFunction m_random;
    NowFunction m_clock;
    std::function<qint64()> m_monotonicMs;
    QSet<QNetworkReply *> m_inFlight;
};

} // namespace vsc::services::telephony
