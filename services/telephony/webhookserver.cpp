// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/telephony/webhookserver.h"

#include "services/logging/logging.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QUrlQuery>

namespace vsc::services::telephony {
namespace {

auto log()
{
    return logging::logger("vsc.telephony.webhooks");
}

QHttpServerResponse respond(const WebhookReply &reply)
{
    return QHttpServerResponse(reply.contentType, reply.body, QHttpServerResponder::StatusCode(reply.status));
}

} // namespace

WebhookServer::WebhookServer(WebhookServerOptions options, QByteArray authToken, CallFlow &flow, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_authToken(std::move(authToken)), m_flow(flow)
{
    const std::pair<const char *, Route> routes[] = {{"/twilio/voice", Route::Voice},
                                                     {"/twilio/gather", Route::Gather},
                                                     {"/twilio/status", Route::Status},
                                                     {"/twilio/amd", Route::Amd}};
    for (const auto &[path, route] : routes) {
        m_server.route(QString::fromLatin1(path),
                       [this, route = route](const QHttpServerRequest &request) { return handle(route, request); });
    }
}

Result<quint16> WebhookServer::listen()
{
    const quint16 port = m_server.listen(m_options.address, m_options.port);
    if (port == 0) {
        return Error{ErrorCode::Network, QStringLiteral("cannot listen on %1:%2 (in use, or not permitted)")
                                             .arg(m_options.address.toString())
                                             .arg(m_options.port)};
    }
    m_port = port;
    log()->info("webhook server listening on {}:{}, public URL {}", m_options.address.toString().toStdString(), port,
                m_flow.publicBaseUrl().toString().toStdString());
    return port;
}

QString WebhookServer::signedUrl(const QHttpServerRequest &request) const
{
    // The public base URL replaces scheme, host and port; a path prefix on it (e.g. /vsc) stays in front.
    QString base = m_flow.publicBaseUrl().toString(QUrl::FullyEncoded);
    if (base.endsWith(u'/')) {
        base.chop(1);
    }
    const QUrl url = request.url();
    QString signedUrl = base + url.path(QUrl::FullyEncoded);
    if (url.hasQuery()) {
        signedUrl += u'?' + url.query(QUrl::FullyEncoded);
    }
    return signedUrl;
}

QHttpServerResponse WebhookServer::reject(const QHttpServerRequest &request, int status, const QString &reason)
{
    log()->warn("rejected {} {} from {}: {} ({})",
                request.method() == QHttpServerRequest::Method::Post ? "POST" : "request",
                request.url().path().toStdString(), request.remoteAddress().toString().toStdString(), status,
                reason.toStdString());
    Q_EMIT requestRejected(request.url().path(), status, reason);
    return QHttpServerResponse(QByteArrayLiteral("text/plain"), reason.toUtf8(),
                               QHttpServerResponder::StatusCode(status));
}

QHttpServerResponse WebhookServer::handle(Route route, const QHttpServerRequest &request)
{
    if (request.method() != QHttpServerRequest::Method::Post) {
        return reject(request, 405, QStringLiteral("only POST is accepted"));
    }
    const QByteArray body = request.body();
    if (body.size() > m_options.maxBodyBytes) {
        return reject(request, 413, QStringLiteral("request body too large"));
    }
    const QByteArray signatureHeader = request.value(QByteArrayLiteral("X-Twilio-Signature"));
    const QString url = signedUrl(request);
    // The status callback is signed as we gave it to Twilio, with the connection overrides that never travel
    // (CallFlow::statusUrl); calls placed before the overrides existed were signed without them.
    const QString overridden =
        route == Route::Status ? url + u'#' + QString::fromLatin1(CallFlow::kStatusCallbackOverrides) : QString();
    const bool json = request.value(QByteArrayLiteral("Content-Type")).startsWith("application/json");
    FormParams params;
    bool valid = false;
    if (json) {
        valid = signature::validateWithBody(m_authToken, signatureHeader, url, body) ||
                (!overridden.isEmpty() && signature::validateWithBody(m_authToken, signatureHeader, overridden, body));
    } else {
        params = signature::parseForm(body);
        valid = signature::validate(m_authToken, signatureHeader, url, params) ||
                (!overridden.isEmpty() && signature::validate(m_authToken, signatureHeader, overridden, params));
    }
    if (!valid) {
        return reject(request, 403,
                      signatureHeader.isEmpty() ? QStringLiteral("missing X-Twilio-Signature")
                                                : QStringLiteral("invalid X-Twilio-Signature"));
    }
    bool ok = false;
    const qint64 attemptId = QUrlQuery(request.url()).queryItemValue(QStringLiteral("attempt")).toLongLong(&ok);
    if (!ok || attemptId <= 0) {
        return reject(request, 400, QStringLiteral("missing or malformed attempt parameter"));
    }
    switch (route) {
    case Route::Voice:
        return respond(m_flow.voice(attemptId, params));
    case Route::Gather: {
        // The prompt this answers (signed with the rest of the URL); see CallFlow::gather.
        bool hasTurn = false;
        const int turn = QUrlQuery(request.url()).queryItemValue(QStringLiteral("turn")).toInt(&hasTurn);
        return respond(m_flow.gather(attemptId, params, hasTurn ? std::optional<int>(turn) : std::nullopt));
    }
    case Route::Status:
        return respond(m_flow.status(attemptId, params));
    case Route::Amd:
        return respond(m_flow.amd(attemptId, params));
    }
    return reject(request, 404, QStringLiteral("unknown route"));
}

} // namespace vsc::services::telephony
