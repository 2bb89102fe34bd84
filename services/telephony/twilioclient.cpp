// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/telephony/twilioclient.h"

#include "services/auth/secretstore.h"
#include "services/logging/logging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace vsc::services::telephony {
namespace {

const char *const kLogger = "vsc.telephony.twilio";

bool isAccountSid(const QString &sid)
{
    static const QRegularExpression pattern(QStringLiteral("^AC[0-9a-fA-F]{32}$"));
    return pattern.match(sid).hasMatch();
}

bool isCallSid(const QString &sid)
{
    static const QRegularExpression pattern(QStringLiteral("^CA[0-9a-fA-F]{32}$"));
    return pattern.match(sid).hasMatch();
}

// An error found before anything was sent: never retried, never ambiguous.
TwilioError localError(const QString &message)
{
    TwilioError error;
    error.message = message;
    error.kind = TwilioErrorKind::Client;
    return error;
}

QDateTime parseRfc2822(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text.isEmpty()) {
        return {};
    }
    return QDateTime::fromString(text, Qt::RFC2822Date).toUTC();
}

// Network errors that prove the request never reached the server, so repeating it cannot duplicate anything.
bool neverSent(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
        return true;
    default:
        return false;
    }
}

// Retry-After as delay-seconds (RFC 9110); the HTTP-date form is not used by Twilio and is ignored.
int retryAfterMs(const QByteArray &header)
{
    bool ok = false;
    const int seconds = header.trimmed().toInt(&ok);
    if (!ok || seconds < 0) {
        return -1;
    }
    return seconds > 24 * 3600 ? 24 * 3600 * 1000 : seconds * 1000;
}

// "/Calls/CA….json" rather than the full path: the phone-number mask would turn "/2010-04-01" into "/20**-**-01".
QString logPath(const QUrl &url)
{
    const QString path = url.path();
    const qsizetype accounts = path.indexOf(QLatin1String("/Accounts/"));
    const qsizetype rest = accounts < 0 ? -1 : path.indexOf(u'/', accounts + 10);
    return rest < 0 ? path : path.mid(rest);
}

std::string text(const QString &string)
{
    return string.toStdString();
}

} // namespace

// --- credentials --------------------------------------------------------------------------------------------------

QString TwilioCredentials::authTokenKey(const QString &accountSid)
{
    return QStringLiteral("twilio/%1/auth-token").arg(accountSid);
}

QString TwilioCredentials::apiKeySecretKey(const QString &accountSid, const QString &apiKeySid)
{
    return QStringLiteral("twilio/%1/api-key/%2").arg(accountSid, apiKeySid);
}

Result<TwilioCredentials> TwilioCredentials::fromEnvironment()
{
    const QString accountSid = qEnvironmentVariable("TWILIO_ACCOUNT_SID");
    if (accountSid.isEmpty()) {
        return Error{ErrorCode::Secret, QStringLiteral("Twilio credentials: TWILIO_ACCOUNT_SID is not set")};
    }
    if (!isAccountSid(accountSid)) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("Twilio credentials: TWILIO_ACCOUNT_SID is not an account SID (AC + 32 hex)")};
    }
    const QString apiKey = qEnvironmentVariable("TWILIO_API_KEY");
    if (!apiKey.isEmpty()) {
        if (!apiKey.startsWith(QLatin1String("SK"))) {
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("Twilio credentials: TWILIO_API_KEY is not an API key SID (SK…)")};
        }
        const QString apiSecret = qEnvironmentVariable("TWILIO_API_SECRET");
        if (apiSecret.isEmpty()) {
            return Error{ErrorCode::Secret,
                         QStringLiteral("Twilio credentials: TWILIO_API_KEY is set but TWILIO_API_SECRET is not")};
        }
        return TwilioCredentials{accountSid, apiKey, apiSecret};
    }
    const QString authToken = qEnvironmentVariable("TWILIO_AUTH_TOKEN");
    if (authToken.isEmpty()) {
        return Error{
            ErrorCode::Secret,
            QStringLiteral("Twilio credentials: set TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET")};
    }
    return TwilioCredentials{accountSid, accountSid, authToken};
}

Result<TwilioCredentials> TwilioCredentials::fromSecretStore(auth::SecretStore &store, const QString &accountSid,
                                                             const QString &apiKeySid)
{
    if (!isAccountSid(accountSid)) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("Twilio credentials: \"%1\" is not an account SID (AC + 32 hex)").arg(accountSid)};
    }
    if (!apiKeySid.isEmpty() && !apiKeySid.startsWith(QLatin1String("SK"))) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("Twilio credentials: \"%1\" is not an API key SID (SK…)").arg(apiKeySid)};
    }
    const QString key = apiKeySid.isEmpty() ? authTokenKey(accountSid) : apiKeySecretKey(accountSid, apiKeySid);
    auto secret = store.read(key);
    if (!secret.ok()) {
        return Error{secret.error().code,
                     QStringLiteral("Twilio credentials: keychain entry %1: %2").arg(key, secret.error().detail)};
    }
    if (secret.value().isEmpty()) {
        return Error{ErrorCode::Secret, QStringLiteral("Twilio credentials: keychain entry %1 is empty").arg(key)};
    }
    return TwilioCredentials{accountSid, apiKeySid.isEmpty() ? accountSid : apiKeySid, secret.value()};
}

// --- resources and errors -----------------------------------------------------------------------------------------

Result<CallResource> CallResource::fromJson(const QJsonObject &json)
{
    CallResource call;
    call.sid = json.value(QLatin1String("sid")).toString();
    if (call.sid.isEmpty()) {
        return Error{ErrorCode::Internal, QStringLiteral("Twilio call resource without a sid")};
    }
    call.to = json.value(QLatin1String("to")).toString();
    call.from = json.value(QLatin1String("from")).toString();
    call.status = json.value(QLatin1String("status")).toString();
    call.direction = json.value(QLatin1String("direction")).toString();
    call.answeredBy = json.value(QLatin1String("answered_by")).toString();
    call.startTime = parseRfc2822(json.value(QLatin1String("start_time")));
    call.endTime = parseRfc2822(json.value(QLatin1String("end_time")));
    call.dateCreated = parseRfc2822(json.value(QLatin1String("date_created")));
    call.parentCallSid = json.value(QLatin1String("parent_call_sid")).toString();
    // A string of seconds ("15"); older payloads and some mocks send a number.
    const QJsonValue duration = json.value(QLatin1String("duration"));
    if (duration.isDouble()) {
        call.durationSeconds = duration.toInt();
    } else if (bool ok = false; duration.isString()) {
        const int seconds = duration.toString().toInt(&ok);
        if (ok) {
            call.durationSeconds = seconds;
        }
    }
    return call;
}

Result<AccountResource> AccountResource::fromJson(const QJsonObject &json)
{
    AccountResource account;
    account.sid = json.value(QLatin1String("sid")).toString();
    if (account.sid.isEmpty()) {
        return Error{ErrorCode::Internal, QStringLiteral("Twilio account resource without a sid")};
    }
    account.friendlyName = json.value(QLatin1String("friendly_name")).toString();
    account.status = json.value(QLatin1String("status")).toString();
    account.type = json.value(QLatin1String("type")).toString();
    return account;
}

TwilioErrorKind classifyTwilioError(int httpStatus, int code)
{
    switch (code) {
    case 21211: // invalid To
    case 21214: // To cannot be reached
    case 21215: // geographic permission for the To country missing
    case 21216: // To blocked for the account
    case 21217: // To does not appear to be a valid number
    case 13224: // not E.164, nonexistent, or no route (asynchronous)
        return TwilioErrorKind::InvalidNumber;
    case 21210: // From is not a verified caller ID
    case 21212: // invalid caller ID
        return TwilioErrorKind::InvalidCallerId;
    case 20429: // "never processed and always safe to retry"
        return TwilioErrorKind::Retryable;
    case 20003:
        return TwilioErrorKind::Authentication;
    default:
        break;
    }
    if (httpStatus == 0 || httpStatus == 429 || httpStatus >= 500) {
        return TwilioErrorKind::Retryable;
    }
    if (httpStatus >= 200 && httpStatus < 300 && code == 0) {
        return TwilioErrorKind::None;
    }
    if (httpStatus == 401 || httpStatus == 403) {
        return TwilioErrorKind::Authentication;
    }
    return TwilioErrorKind::Client;
}

bool isInvalidNumberCode(int code)
{
    return code != 0 && classifyTwilioError(400, code) == TwilioErrorKind::InvalidNumber;
}

TwilioError TwilioError::make(int httpStatus, int code, QString message, QString moreInfo)
{
    TwilioError error;
    error.httpStatus = httpStatus;
    error.code = code;
    error.message = std::move(message);
    error.moreInfo = std::move(moreInfo);
    error.kind = classifyTwilioError(httpStatus, code);
    error.permanent = error.kind == TwilioErrorKind::InvalidNumber || error.kind == TwilioErrorKind::InvalidCallerId;
    error.retryable = error.kind == TwilioErrorKind::Retryable;
    return error;
}

TwilioError TwilioError::fromResponse(int httpStatus, const QByteArray &body)
{
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    int code = 0;
    QString message;
    QString moreInfo;
    if (json.contains(QLatin1String("code")) || json.contains(QLatin1String("message"))) {
        // Twilio: {"code": 21211, "message": "...", "more_info": "https://www.twilio.com/docs/errors/21211"}
        code = json.value(QLatin1String("code")).toInt();
        message = json.value(QLatin1String("message")).toString();
        moreInfo = json.value(QLatin1String("more_info")).toString();
    } else if (json.contains(QLatin1String("title"))) {
        // RFC 7807 problem+json, as a validating proxy or Prism answers: keep every violation for the log.
        message = json.value(QLatin1String("title")).toString();
        QStringList violations;
        const QJsonArray validation = json.value(QLatin1String("validation")).toArray();
        for (const auto &violation : validation) {
            violations.append(violation.toObject().value(QLatin1String("message")).toString());
        }
        const QString detail = violations.isEmpty() ? json.value(QLatin1String("detail")).toString()
                                                    : violations.join(QLatin1String("; "));
        if (!detail.isEmpty()) {
            message += QStringLiteral(": ") + detail;
        }
    } else {
        message = QString::fromUtf8(body.left(300)).simplified();
    }
    if (message.isEmpty()) {
        message = QStringLiteral("HTTP %1").arg(httpStatus);
    }
    return make(httpStatus, code, message, moreInfo);
}

QString TwilioError::toString() const
{
    QString text;
    if (httpStatus > 0) {
        text = QStringLiteral("HTTP %1").arg(httpStatus);
        if (code != 0) {
            text += QStringLiteral(", Twilio error %1").arg(code);
        }
        text += QStringLiteral(": ");
    }
    text += message;
    if (!moreInfo.isEmpty()) {
        text += QStringLiteral(" (%1)").arg(moreInfo);
    }
    if (attempts > 1) {
        text += QStringLiteral(" after %1 attempts").arg(attempts);
    }
    return text;
}

Error TwilioError::toError() const
{
    ErrorCode errorCode = ErrorCode::InvalidArgument;
    switch (kind) {
    case TwilioErrorKind::Retryable:
        errorCode = ErrorCode::Network;
        break;
    case TwilioErrorKind::Authentication:
        errorCode = ErrorCode::PermissionDenied;
        break;
    case TwilioErrorKind::Client:
        if (httpStatus == 409 || (expired && !ambiguous)) { // expired: nothing was sent in time
            errorCode = ErrorCode::Conflict;
        } else if (httpStatus == 404) {
            errorCode = ErrorCode::NotFound;
        } else if (httpStatus >= 200 && httpStatus < 300) {
            errorCode = ErrorCode::Internal; // a success we could not read
        }
        break;
    case TwilioErrorKind::None:
        errorCode = ErrorCode::Internal;
        break;
    case TwilioErrorKind::InvalidNumber:
    case TwilioErrorKind::InvalidCallerId:
        break;
    }
    return Error{errorCode, QStringLiteral("Twilio: ") + toString(), code};
}

// --- client -------------------------------------------------------------------------------------------------------

struct TwilioClient::CreateState
{
    CreateCallRequest request;
    QByteArray body;
    TwilioCallback<CallResource> done;
    QDateTime firstSentAt;
    int posts = 0;
    bool verify = false; // the previous POST may have created the call
    TwilioError lastError;
};

TwilioClient::TwilioClient(TwilioCredentials credentials, TwilioClientOptions options, QNetworkAccessManager *network,
                           Clock &clock, QObject *parent)
    : QObject(parent), m_credentials(std::move(credentials)), m_options(std::move(options)), m_network(network),
      m_authorization("Basic " + (m_credentials.username + u':' + m_credentials.secret).toUtf8().toBase64())
{
    m_options.maxAttempts = std::max(1, m_options.maxAttempts);
    m_options.baseDelayMs = std::max(0, m_options.baseDelayMs);
    m_options.maxDelayMs = std::max(0, m_options.maxDelayMs);
    m_delay = [this, &clock](int ms, std::function<void()> then) { clock.singleShot(ms, this, std::move(then)); };
    m_random = [](int maxInclusive) { return int(QRandomGenerator::global()->bounded(qint64(maxInclusive) + 1)); };
    m_clock = [&clock] { return clock.nowUtc(); };
    m_monotonicMs = [&clock] { return clock.monotonicMs(); };
    logging::logger(kLogger)->debug("Twilio client for account {} as {} at {}", text(m_credentials.accountSid),
                                    text(m_credentials.username.left(2) + QStringLiteral("…")),
                                    text(m_options.baseUrl.toString()));
}

TwilioClient::~TwilioClient()
{
    // Callbacks belong to whoever owns this client; once it is gone they must not run.
    const auto replies = m_inFlight;
    m_inFlight.clear();
    for (QNetworkReply *reply : replies) {
        QObject::disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
}

void TwilioClient::setDelayFunction(DelayFunction delay)
{
    m_delay = std::move(delay);
}

void TwilioClient::setRandomFunction(RandomFunction random)
{
    m_random = std::move(random);
}

void TwilioClient::setClock(NowFunction now)
{
    m_clock = std::move(now);
}

QByteArray TwilioClient::encodeForm(const QList<std::pair<QString, QString>> &params)
{
    QByteArray body;
    for (const auto &[name, value] : params) {
        if (!body.isEmpty()) {
            body += '&';
        }
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

QList<std::pair<QString, QString>> TwilioClient::createCallParams(const CreateCallRequest &request)
{
    QList<std::pair<QString, QString>> params;
    const auto add = [&params](const char *name, const QString &value) {
        if (!value.isEmpty()) {
            params.append({QString::fromLatin1(name), value});
        }
    };
    add("To", request.to);
    add("From", request.from);
    add("Url", request.url.toString(QUrl::FullyEncoded));
    add("StatusCallback", request.statusCallback.toString(QUrl::FullyEncoded));
    if (!request.statusCallback.isEmpty()) {
        for (const QString &event : request.statusCallbackEvents) {
            add("StatusCallbackEvent", event);
        }
    }
    add("Timeout", QString::number(request.timeoutSeconds));
    if (request.timeLimitSeconds) {
        add("TimeLimit", QString::number(*request.timeLimitSeconds));
    }
    add("MachineDetection", request.machineDetection);
    if (!request.machineDetection.isEmpty()) {
        add("AsyncAmd", request.asyncAmd ? QStringLiteral("true") : QStringLiteral("false"));
        if (request.asyncAmd) {
            add("AsyncAmdStatusCallback", request.asyncAmdStatusCallback.toString(QUrl::FullyEncoded));
        }
    }
    return params;
}

int TwilioClient::createBudgetMs() const
{
    // A Retry-After may raise any backoff up to maxDelayMs.
    const qint64 budget = qint64(m_options.maxAttempts) * m_options.requestTimeoutMs +
                          qint64(m_options.maxAttempts - 1) * m_options.maxDelayMs;
    return int(std::min<qint64>(budget, std::numeric_limits<int>::max()));
}

int TwilioClient::backoffCeilingMs(int retry) const
{
    qint64 ceiling = m_options.baseDelayMs;
    for (int i = 0; i < retry && ceiling < m_options.maxDelayMs; ++i) {
        ceiling *= 2;
    }
    return int(std::min<qint64>(ceiling, m_options.maxDelayMs));
}

int TwilioClient::retryDelayMs(int retry, const TwilioError &error)
{
    const int ceiling = backoffCeilingMs(retry);
    int delay = std::clamp(m_random(ceiling), 0, ceiling);
    if (error.retryAfterMs >= 0) {
        // The server asked for at least this long; the cap keeps one request from stalling a dialer slot.
        delay = std::min(m_options.maxDelayMs, std::max(delay, error.retryAfterMs));
    }
    return delay;
}

void TwilioClient::schedule(int ms, std::function<void()> then)
{
    // A test's delay function may outlive the client: run the continuation only while it exists.
    m_delay(ms, [guard = QPointer<TwilioClient>(this), then = std::move(then)] {
        if (guard) {
            then();
        }
    });
}

template<typename T>
void TwilioClient::failLater(TwilioError error, TwilioCallback<T> done)
{
    QTimer::singleShot(0, this, [error = std::move(error), done = std::move(done)] { done(error.toError(), error); });
}

QUrl TwilioClient::endpoint(const QString &relativePath) const
{
    QUrl url = m_options.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(u'/')) {
        basePath.chop(1);
    }
    url.setPath(basePath + QStringLiteral("/2010-04-01/Accounts/") + m_credentials.accountSid + relativePath);
    return url;
}

void TwilioClient::sendOnce(const HttpRequest &request, std::function<void(HttpResponse)> done)
{
    if (!m_network) { // destroyed while a retry was waiting
        QTimer::singleShot(0, this, [done = std::move(done)] {
            HttpResponse response;
            response.error = localError(QStringLiteral("the network access manager is gone"));
            done(std::move(response));
        });
        return;
    }
    QNetworkRequest networkRequest(request.url);
    networkRequest.setRawHeader("Authorization", m_authorization);
    networkRequest.setRawHeader("Accept", "application/json");
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader,
                             QStringLiteral("voicesurvey-console/%1 (Qt %2)")
                                 .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    networkRequest.setTransferTimeout(m_options.requestTimeoutMs);
    // Twilio never redirects; following one would hand the Authorization header to whoever asked.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : m_options.extraHeaders) {
        networkRequest.setRawHeader(name, value);
    }
    QNetworkReply *reply = nullptr;
    if (request.verb == "POST") {
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                                 QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = m_network->post(networkRequest, request.body);
    } else {
        reply = m_network->get(networkRequest);
    }
    m_inFlight.insert(reply);
    const int timeoutMs = m_options.requestTimeoutMs;
    connect(reply, &QNetworkReply::finished, this, [this, reply, timeoutMs, done = std::move(done)] {
        m_inFlight.remove(reply);
        reply->deleteLater();
        HttpResponse response;
        response.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.body = reply->readAll();
        if (response.httpStatus == 0) {
            const QNetworkReply::NetworkError networkError = reply->error();
            const bool timedOut =
                networkError == QNetworkReply::OperationCanceledError || networkError == QNetworkReply::TimeoutError;
            response.error = TwilioError::make(
                0, 0,
                timedOut ? QStringLiteral("no answer within %1 ms (timeout)").arg(timeoutMs) : reply->errorString());
            response.error.ambiguous = !neverSent(networkError);
        } else if (response.httpStatus < 200 || response.httpStatus >= 300) {
            response.error = TwilioError::fromResponse(response.httpStatus, response.body);
            response.error.ambiguous = response.httpStatus >= 500;
            response.error.retryAfterMs = retryAfterMs(reply->rawHeader("Retry-After"));
        }
        done(std::move(response));
    });
}

void TwilioClient::sendWithRetry(const HttpRequest &request, int attempt, JsonCallback done)
{
    sendOnce(request, [this, request, attempt, done = std::move(done)](HttpResponse response) mutable {
        TwilioError error = std::move(response.error);
        error.attempts = attempt + 1;
        if (error.kind == TwilioErrorKind::None) {
            QJsonParseError parseError{};
            const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
            if (document.isObject()) {
                done(document.object(), error);
                return;
            }
            error = localError(QStringLiteral("unreadable JSON answer: %1").arg(parseError.errorString()));
            error.httpStatus = response.httpStatus;
            error.attempts = attempt + 1;
            done(error.toError(), error);
            return;
        }
        if (error.retryable && attempt + 1 < m_options.maxAttempts) {
            const int delay = retryDelayMs(attempt, error);
            logging::logger(kLogger)->warn("{} {}: attempt {}/{} failed ({}); retrying in {} ms",
                                           request.verb.toStdString(), text(logPath(request.url)), attempt + 1,
                                           m_options.maxAttempts, text(error.toString()), delay);
            schedule(delay, [this, request, attempt, done = std::move(done)]() mutable {
                sendWithRetry(request, attempt + 1, std::move(done));
            });
            return;
        }
        logging::logger(kLogger)->warn("{} {} failed: {}", request.verb.toStdString(), text(logPath(request.url)),
                                       text(error.toString()));
        done(error.toError(), error);
    });
}

void TwilioClient::callFromJson(const HttpRequest &request, TwilioCallback<CallResource> done)
{
    sendWithRetry(request, 0, [done = std::move(done)](Result<QJsonObject> json, const TwilioError &error) {
        if (!json.ok()) {
            done(json.error(), error);
            return;
        }
        auto call = CallResource::fromJson(json.value());
        if (!call.ok()) {
            TwilioError malformed = localError(call.error().detail);
            malformed.attempts = error.attempts;
            done(malformed.toError(), malformed);
            return;
        }
        done(std::move(call), error);
    });
}

void TwilioClient::fetchCall(const QString &sid, TwilioCallback<CallResource> done)
{
    if (!m_network || !isAccountSid(m_credentials.accountSid) || !isCallSid(sid)) {
        failLater(
            localError(QStringLiteral("cannot fetch call \"%1\": invalid account or call SID, or no network").arg(sid)),
            std::move(done));
        return;
    }
    callFromJson({QByteArrayLiteral("GET"), endpoint(QStringLiteral("/Calls/%1.json").arg(sid)), {}}, std::move(done));
}

void TwilioClient::hangUp(const QString &sid, HangUpMode mode, TwilioCallback<CallResource> done)
{
    if (!m_network || !isAccountSid(m_credentials.accountSid) || !isCallSid(sid)) {
        failLater(
            localError(
                QStringLiteral("cannot hang up call \"%1\": invalid account or call SID, or no network").arg(sid)),
            std::move(done));
        return;
    }
    const QString status = mode == HangUpMode::Completed ? QStringLiteral("completed") : QStringLiteral("canceled");
    logging::logger(kLogger)->info("hanging up call {} (Status={})", text(sid), text(status));
    callFromJson({QByteArrayLiteral("POST"), endpoint(QStringLiteral("/Calls/%1.json").arg(sid)),
                  encodeForm({{QStringLiteral("Status"), status}})},
                 std::move(done));
}

void TwilioClient::listCalls(const ListCallsFilter &filter, TwilioCallback<QList<CallResource>> done)
{
    if (!m_network || !isAccountSid(m_credentials.accountSid) || filter.pageSize < 1 || filter.pageSize > 1000) {
        failLater(localError(QStringLiteral("cannot list calls: invalid account SID or page size, or no network")),
                  std::move(done));
        return;
    }
    QList<std::pair<QString, QString>> query;
    const auto add = [&query](const char *name, const QString &value) {
        if (!value.isEmpty()) {
            query.append({QString::fromLatin1(name), value});
        }
    };
    add("To", filter.to);
    add("From", filter.from);
    add("Status", filter.status);
    if (filter.startTimeAfter.isValid()) {
        // Twilio spells "on or after" as the parameter name "StartTime>" with a day: StartTime>=YYYY-MM-DD.
        add("StartTime>", filter.startTimeAfter.toString(Qt::ISODate));
    }
    add("PageSize", QString::number(filter.pageSize));
    const ItemCheck check = [](const QJsonObject &item) {
        auto call = CallResource::fromJson(item);
        return call.ok() ? QString() : call.error().detail;
    };
    fetchListPage(listUrl(QStringLiteral("/Calls.json"), query), QStringLiteral("calls"), check, 1,
                  std::max(1, filter.maxPages), std::make_shared<QList<QJsonObject>>(),
                  [done = std::move(done)](Result<QList<QJsonObject>> items, const TwilioError &error) {
                      if (!items.ok()) {
                          done(items.error(), error);
                          return;
                      }
                      QList<CallResource> calls;
                      for (const QJsonObject &item : items.value()) {
                          auto call = CallResource::fromJson(item);
                          if (!call.ok()) {
                              const TwilioError malformed = localError(call.error().detail);
                              done(malformed.toError(), malformed);
                              return;
                          }
                          calls.append(std::move(call).value());
                      }
                      done(calls, error);
                  });
}

QUrl TwilioClient::listUrl(const QString &relativePath, const QList<std::pair<QString, QString>> &query) const
{
    QUrl url = endpoint(relativePath);
    url.setQuery(QString::fromLatin1(encodeForm(query)), QUrl::StrictMode);
    return url;
}

void TwilioClient::fetchListPage(const QUrl &url, const QString &key, const ItemCheck &check, int page, int maxPages,
                                 std::shared_ptr<QList<QJsonObject>> items, ItemsCallback done)
{
    sendWithRetry({QByteArrayLiteral("GET"), url, {}}, 0,
                  [this, key, check, page, maxPages, items = std::move(items),
                   done = std::move(done)](Result<QJsonObject> json, const TwilioError &error) mutable {
                      if (!json.ok()) {
                          done(json.error(), error);
                          return;
                      }
                      const QJsonArray array = json.value().value(key).toArray();
                      for (const auto &item : array) {
                          const QString problem = check ? check(item.toObject()) : QString();
                          if (!problem.isEmpty()) {
                              const TwilioError malformed = localError(problem);
                              done(malformed.toError(), malformed);
                              return;
                          }
                          items->append(item.toObject());
                      }
                      const QString next = json.value().value(QLatin1String("next_page_uri")).toString();
                      if (next.isEmpty()) {
                          done(*items, {});
                          return;
                      }
                      if (page >= maxPages) {
                          logging::logger(kLogger)->warn("listing {}: stopped after {} pages ({} items); more remain",
                                                         text(key), page, items->size());
                          done(*items, {});
                          return;
                      }
                      // next_page_uri is a path with its query; it must never send our credentials to another host.
                      const QUrl reference(next);
                      QUrl nextUrl = m_options.baseUrl;
                      if (reference.isRelative()) {
                          QString basePath = nextUrl.path();
                          while (basePath.endsWith(u'/')) {
                              basePath.chop(1);
                          }
                          nextUrl.setPath(basePath + reference.path());
                          nextUrl.setQuery(reference.query(QUrl::FullyEncoded), QUrl::StrictMode);
                      } else if (reference.scheme() == nextUrl.scheme() && reference.host() == nextUrl.host() &&
                                 reference.port() == nextUrl.port()) {
                          nextUrl = reference;
                      } else {
                          const TwilioError elsewhere =
                              localError(QStringLiteral("next_page_uri points to another host"));
                          done(elsewhere.toError(), elsewhere);
                          return;
                      }
                      fetchListPage(nextUrl, key, check, page + 1, maxPages, std::move(items), std::move(done));
                  });
}

void TwilioClient::fetchAccount(TwilioCallback<AccountResource> done)
{
    if (!m_network || !isAccountSid(m_credentials.accountSid)) {
        failLater(localError(QStringLiteral("cannot fetch the account: invalid account SID, or no network")),
                  std::move(done));
        return;
    }
    sendWithRetry({QByteArrayLiteral("GET"), endpoint(QStringLiteral(".json")), {}}, 0,
                  [done = std::move(done)](Result<QJsonObject> json, const TwilioError &error) {
                      if (!json.ok()) {
                          done(json.error(), error);
                          return;
                      }
                      auto account = AccountResource::fromJson(json.value());
                      if (!account.ok()) {
                          const TwilioError malformed = localError(account.error().detail);
                          done(malformed.toError(), malformed);
                          return;
                      }
                      done(std::move(account), error);
                  });
}

void TwilioClient::listCallerNumbers(TwilioCallback<QList<CallerNumber>> done, int maxPages)
{
    if (!m_network || !isAccountSid(m_credentials.accountSid)) {
        failLater(localError(QStringLiteral("cannot list the account's numbers: invalid account SID, or no network")),
                  std::move(done));
        return;
    }
    const QList<std::pair<QString, QString>> query{{QStringLiteral("PageSize"), QStringLiteral("1000")}};
    const int pages = std::max(1, maxPages);
    fetchListPage(listUrl(QStringLiteral("/IncomingPhoneNumbers.json"), query),
                  QStringLiteral("incoming_phone_numbers"), {}, 1, pages, std::make_shared<QList<QJsonObject>>(),
                  [this, query, pages, done = std::move(done)](Result<QList<QJsonObject>> owned,
                                                               const TwilioError &error) mutable {
                      if (!owned.ok()) {
                          done(owned.error(), error);
                          return;
                      }
                      QList<CallerNumber> numbers;
                      for (const QJsonObject &item : owned.value()) {
                          CallerNumber number;
                          number.phoneNumber = item.value(QLatin1String("phone_number")).toString();
                          number.friendlyName = item.value(QLatin1String("friendly_name")).toString();
                          const QJsonValue voice =
                              item.value(QLatin1String("capabilities")).toObject().value(QLatin1String("voice"));
                          number.voice = voice.isBool() ? voice.toBool() : true;
                          if (!number.phoneNumber.isEmpty()) {
                              numbers.append(number);
                          }
                      }
                      fetchListPage(listUrl(QStringLiteral("/OutgoingCallerIds.json"), query),
                                    QStringLiteral("outgoing_caller_ids"), {}, 1, pages,
                                    std::make_shared<QList<QJsonObject>>(),
                                    [numbers, done = std::move(done)](Result<QList<QJsonObject>> verified,
                                                                      const TwilioError &listError) mutable {
                                        if (!verified.ok()) {
                                            done(verified.error(), listError);
                                            return;
                                        }
                                        for (const QJsonObject &item : verified.value()) {
                                            CallerNumber number;
                                            number.phoneNumber = item.value(QLatin1String("phone_number")).toString();
                                            number.friendlyName = item.value(QLatin1String("friendly_name")).toString();
                                            number.verifiedCallerId = true;
                                            if (!number.phoneNumber.isEmpty()) {
                                                numbers.append(number);
                                            }
                                        }
                                        done(numbers, listError);
                                    });
                  });
}

void TwilioClient::createCall(const CreateCallRequest &request, TwilioCallback<CallResource> done)
{
    if (!m_network || !isAccountSid(m_credentials.accountSid)) {
        failLater(localError(QStringLiteral("cannot create a call: invalid account SID or no network")),
                  std::move(done));
        return;
    }
    auto state = std::make_shared<CreateState>();
    state->request = request;
    state->body = encodeForm(createCallParams(request));
    state->done = std::move(done);
    createAttempt(std::move(state));
}

void TwilioClient::createAttempt(std::shared_ptr<CreateState> state)
{
    if (!state->verify) {
        createPost(std::move(state));
        return;
    }
    // The last POST may have created the call: look for it before placing another one. A queued call has no
    // start_time yet (the spec: "empty if the call has not yet been dialed"), so StartTime>= alone could miss it.
    // Queued calls first, then started ones: in this order a call leaving the queue in between is still seen.
    ListCallsFilter queued;
    queued.to = state->request.to;
    queued.status = QStringLiteral("queued");
    ListCallsFilter started;
    started.to = state->request.to;
    // The first POST's UTC day rather than today's: the check may run just after midnight.
    started.startTimeAfter = state->firstSentAt.addSecs(-kCreateSkewSeconds).date();
    createCheck(std::move(state), {queued, started}, {});
}

void TwilioClient::createCheck(std::shared_ptr<CreateState> state, QList<ListCallsFilter> pending,
                               QList<CallResource> seen)
{
    if (!pending.isEmpty()) {
        const ListCallsFilter filter = pending.takeFirst();
        listCalls(filter, [this, state, pending = std::move(pending), seen = std::move(seen)](
                              Result<QList<CallResource>> calls, const TwilioError &error) mutable {
            if (!calls.ok()) {
                TwilioError failed = state->lastError;
                failed.message += QStringLiteral("; could not check whether the call was created: ") + error.toString();
                createFinished(state, failed.toError(), failed);
                return;
            }
            seen += calls.value();
            createCheck(std::move(state), std::move(pending), std::move(seen));
        });
        return;
    }
    const QDateTime notBefore = state->firstSentAt.addSecs(-kCreateSkewSeconds);
    const CallResource *found = nullptr;
    for (const CallResource &call : std::as_const(seen)) {
        const bool matches = call.to == state->request.to && call.from == state->request.from &&
                             call.dateCreated.isValid() && call.dateCreated >= notBefore;
        if (matches && (!found || call.dateCreated < found->dateCreated)) {
            found = &call;
        }
    }
    if (found) {
        logging::logger(kLogger)->info("call to {} was created despite \"{}\": {} ({}), not dialling again",
                                       text(state->request.to), text(state->lastError.toString()), text(found->sid),
                                       text(found->status));
        createFinished(state, *found, {});
        return;
    }
    logging::logger(kLogger)->info("no call to {} since the first attempt; placing it again", text(state->request.to));
    state->verify = false;
    createPost(std::move(state));
}

void TwilioClient::createPost(std::shared_ptr<CreateState> state)
{
    if (state->request.deadlineMs > 0 && m_monotonicMs() > state->request.deadlineMs) {
        // Too late to send: whoever waits for this create may have given up on it (a standby judging the claim an
        // orphan). An earlier ambiguous POST still may have created the call.
        TwilioError expired = state->posts > 0 ? state->lastError : localError(QString());
        expired.expired = true;
        expired.ambiguous = state->verify;
        expired.message += QStringLiteral("%1the create deadline passed; no further request sent")
                               .arg(expired.message.isEmpty() ? QString() : QStringLiteral("; "));
        logging::logger(kLogger)->warn("call to {} not placed: {}", text(state->request.to), text(expired.message));
        createFinished(state, expired.toError(), expired);
        return;
    }
    if (!state->firstSentAt.isValid()) {
        state->firstSentAt = m_clock().toUTC();
    }
    ++state->posts;
    const HttpRequest request{QByteArrayLiteral("POST"), endpoint(QStringLiteral("/Calls.json")), state->body};
    sendOnce(request, [this, state](HttpResponse response) mutable {
        TwilioError error = std::move(response.error);
        if (error.kind == TwilioErrorKind::None) {
            const QJsonDocument document = QJsonDocument::fromJson(response.body);
            auto call = document.isObject() ? CallResource::fromJson(document.object())
                                            : Result<CallResource>(Error{ErrorCode::Internal, QString()});
            if (!call.ok()) {
                // Created, but unreadable: another POST could dial twice, so stop here.
                TwilioError malformed = localError(
                    QStringLiteral("call created (HTTP %1) but the answer is unreadable").arg(response.httpStatus));
                malformed.httpStatus = response.httpStatus;
                malformed.ambiguous = true;
                createFinished(state, malformed.toError(), malformed);
                return;
            }
            logging::logger(kLogger)->info("created call {} to {} ({})", text(call.value().sid),
                                           text(state->request.to), text(call.value().status));
            createFinished(state, std::move(call), error);
            return;
        }
        if (error.retryable && state->posts < m_options.maxAttempts) {
            const int delay = retryDelayMs(state->posts - 1, error);
            logging::logger(kLogger)->warn("POST Calls.json to {}: attempt {}/{} failed ({}); {} in {} ms",
                                           text(state->request.to), state->posts, m_options.maxAttempts,
                                           text(error.toString()),
                                           error.ambiguous ? "checking for the call" : "retrying", delay);
            state->verify = state->verify || error.ambiguous;
            state->lastError = error;
            schedule(delay, [this, state]() mutable { createAttempt(std::move(state)); });
            return;
        }
        logging::logger(kLogger)->warn("POST Calls.json to {} failed: {}", text(state->request.to),
                                       text(error.toString()));
        createFinished(state, error.toError(), error);
    });
}

void TwilioClient::createFinished(const std::shared_ptr<CreateState> &state, Result<CallResource> result,
                                  TwilioError error)
{
    error.attempts = state->posts;
    if (!result.ok()) {
        result = error.toError(); // the detail must count every POST
    }
    state->done(std::move(result), error);
}

} // namespace vsc::services::telephony
