// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/telephony/webhookserver.h"

#include "services/logging/logging.h"

#include <QMetaObject>
#include <QMutex>
#include <QThread>
#include <QUrlQuery>

namespace vsc::services::telephony {
namespace {

auto log()
{
    return logging::logger("vsc.telephony.webhooks");
}

HttpResponse toResponse(const WebhookReply &reply)
{
    return {reply.status, reply.contentType, reply.body};
}

} // namespace

// Replies computed on a worker thread are posted back through this: the server unregisters itself (under the lock)
// when it is destroyed, so a late reply is dropped instead of reaching a deleted object.
struct WebhookServer::ReplySink
{
    QMutex mutex;
    WebhookServer *server = nullptr;

    void post(quint64 requestId, const WebhookReply &reply)
    {
        const QMutexLocker lock(&mutex);
        if (server) {
            QMetaObject::invokeMethod(
                server,
                [server = server, requestId, response = toResponse(reply)] {
                    server->m_http->respond(requestId, response);
                },
                Qt::QueuedConnection);
        }
    }
};

WebhookServer::WebhookServer(WebhookServerOptions options, QByteArray authToken, QList<CallFlow *> flows, Clock &clock,
                             QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_authToken(std::move(authToken)), m_flows(std::move(flows))
{
    setUp(clock);
}

WebhookServer::WebhookServer(WebhookServerOptions options, QByteArray authToken, CallFlow &flow, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_authToken(std::move(authToken)), m_flows{&flow},
      m_ownClock(std::make_unique<SystemClock>())
{
    setUp(*m_ownClock);
}

void WebhookServer::setUp(Clock &clock)
{
    Q_ASSERT(!m_flows.isEmpty());
    m_sink = std::make_shared<ReplySink>();
    m_sink->server = this;
    HttpLimits limits = m_options.limits;
    limits.maxBodyBytes = m_options.maxBodyBytes;
    m_http = std::make_unique<HttpServer>(
        limits, clock, [this](quint64 requestId, const HttpRequest &request) { handle(requestId, request); });
    connect(m_http.get(), &HttpServer::requestRefused, this,
            [this](int status, const QString &reason) { Q_EMIT requestRejected(QString(), status, reason); });
}

WebhookServer::~WebhookServer()
{
    const QMutexLocker lock(&m_sink->mutex);
    m_sink->server = nullptr;
}

Result<quint16> WebhookServer::listen()
{
    auto port = m_http->listen(m_options.address, m_options.port);
    if (!port) {
        return Error{ErrorCode::Network, QStringLiteral("cannot listen on %1:%2 (in use, or not permitted)")
                                             .arg(m_options.address.toString())
                                             .arg(m_options.port)};
    }
    m_port = port.value();
    log()->info("webhook server listening on {}:{}, public URL {}, {} flow(s)",
                m_options.address.toString().toStdString(), m_port,
                m_flows.first()->publicBaseUrl().toString().toStdString(), m_flows.size());
    return m_port;
}

QString WebhookServer::signedUrl(const HttpRequest &request) const
{
    // The public base URL replaces scheme, host and port; a path prefix on it (e.g. /vsc) stays in front.
    QString base = m_flows.first()->publicBaseUrl().toString(QUrl::FullyEncoded);
    if (base.endsWith(u'/')) {
        base.chop(1);
    }
    const QUrl &url = request.url;
    QString signedUrl = base + url.path(QUrl::FullyEncoded);
    if (url.hasQuery()) {
        signedUrl += u'?' + url.query(QUrl::FullyEncoded);
    }
    return signedUrl;
}

void WebhookServer::reject(quint64 requestId, const HttpRequest &request, int status, const QString &reason)
{
    log()->warn("rejected {} {} from {}: {} ({})", request.method.constData(), request.url.path().toStdString(),
                request.remoteAddress.toString().toStdString(), status, reason.toStdString());
    Q_EMIT requestRejected(request.url.path(), status, reason);
    m_http->respond(requestId, {status, QByteArrayLiteral("text/plain"), reason.toUtf8()});
}

void WebhookServer::handle(quint64 requestId, const HttpRequest &request)
{
    enum class Route { Voice, Gather, Status, Amd };
    static const std::pair<QLatin1String, Route> routes[] = {{QLatin1String("/twilio/voice"), Route::Voice},
                                                             {QLatin1String("/twilio/gather"), Route::Gather},
                                                             {QLatin1String("/twilio/status"), Route::Status},
                                                             {QLatin1String("/twilio/amd"), Route::Amd}};
    const QString path = request.url.path();
    const auto found =
        std::find_if(std::begin(routes), std::end(routes), [&path](const auto &entry) { return entry.first == path; });
    if (found == std::end(routes)) {
        m_http->respond(requestId, {404, QByteArrayLiteral("text/plain"), QByteArrayLiteral("Not Found")});
        return;
    }
    if (request.method != "POST") {
        reject(requestId, request, 405, QStringLiteral("only POST is accepted"));
        return;
    }
    const QByteArray signatureHeader = request.header(QByteArrayLiteral("X-Twilio-Signature"));
    const QString url = signedUrl(request);
    // The status callback is signed as we gave it to Twilio, with the connection overrides that never travel
    // (CallFlow::statusUrl); calls placed before the overrides existed were signed without them.
    const Route route = found->second;
    const QString overridden =
        route == Route::Status ? url + u'#' + QString::fromLatin1(CallFlow::kStatusCallbackOverrides) : QString();
    const bool json = request.header(QByteArrayLiteral("Content-Type")).startsWith("application/json");
    FormParams params;
    bool valid = false;
    if (json) {
        valid = signature::validateWithBody(m_authToken, signatureHeader, url, request.body) ||
                (!overridden.isEmpty() &&
                 signature::validateWithBody(m_authToken, signatureHeader, overridden, request.body));
    } else {
        params = signature::parseForm(request.body);
        valid = signature::validate(m_authToken, signatureHeader, url, params) ||
                (!overridden.isEmpty() && signature::validate(m_authToken, signatureHeader, overridden, params));
    }
    if (!valid) {
        reject(requestId, request, 403,
               signatureHeader.isEmpty() ? QStringLiteral("missing X-Twilio-Signature")
                                         : QStringLiteral("invalid X-Twilio-Signature"));
        return;
    }
    bool ok = false;
    const qint64 attemptId = QUrlQuery(request.url).queryItemValue(QStringLiteral("attempt")).toLongLong(&ok);
    if (!ok || attemptId <= 0) {
        reject(requestId, request, 400, QStringLiteral("missing or malformed attempt parameter"));
        return;
    }
    // The prompt a gather answers (signed with the rest of the URL); see CallFlow::gather.
    bool hasTurn = false;
    const int turnValue = QUrlQuery(request.url).queryItemValue(QStringLiteral("turn")).toInt(&hasTurn);
    const std::optional<int> turn = hasTurn ? std::optional<int>(turnValue) : std::nullopt;
    // Every request of one call goes to the same flow, so its turns are applied in the order they arrived.
    CallFlow *flow = flowServing(m_flows, attemptId);
    if (route == Route::Status) {
        // Stored with the others that wait on the flow's thread (group commit); answered after the commit.
        auto queue = [flow, attemptId, params = std::move(params), sink = m_sink, requestId]() mutable {
            flow->queueStatus(attemptId, std::move(params),
                              [sink, requestId](const WebhookReply &reply) { sink->post(requestId, reply); });
        };
        if (flow->thread() == thread()) {
            queue();
        } else {
            QMetaObject::invokeMethod(flow, std::move(queue), Qt::QueuedConnection);
        }
        return;
    }
    auto run = [flow, route, attemptId, turn, params = std::move(params)] {
        switch (route) {
        case Route::Voice:
            return flow->voice(attemptId, params);
        case Route::Gather:
            return flow->gather(attemptId, params, turn);
        case Route::Status:
            return flow->status(attemptId, params);
        case Route::Amd:
            return flow->amd(attemptId, params);
        }
        return WebhookReply{404, QByteArrayLiteral("text/plain"), QByteArrayLiteral("unknown route")};
    };
    if (flow->thread() == thread()) {
        m_http->respond(requestId, toResponse(run()));
        return;
    }
    QMetaObject::invokeMethod(
        flow, [sink = m_sink, requestId, run = std::move(run)] { sink->post(requestId, run()); }, Qt::QueuedConnection);
}

} // namespace vsc::services::telephony
