// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/clock.h"
#include "services/telephony/callflow.h"
#include "services/telephony/httpserver.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QUrl>

#include <memory>

namespace vsc::services::telephony {

struct WebhookServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8089; // 0 = any free port
    qsizetype maxBodyBytes = qsizetype{64} * 1024;
    // Connection cap, header size and timeouts; its maxBodyBytes is replaced by the one above.
    HttpLimits limits;
};

// The HTTP endpoint Twilio calls, usually behind the organisation's reverse proxy:
//
//   Twilio --HTTPS--> https://surveys.example.com/twilio/{voice,gather,status,amd}?attempt=ID   (public URL)
//          reverse proxy --HTTP--> 127.0.0.1:8089/twilio/...                                   (listen address)
//
// In front: HttpServer, our own accept layer (connection cap, header and body limits, timeouts). Every request's
// X-Twilio-Signature is then checked against the *public* URL (the one Twilio signed), in constant time; a missing
// or bad signature gets 403 and a log line without secrets. Only POST (405); an unknown route 404.
//
// Sockets, parsing and signatures run on the thread that owns the server. Each request then goes to one of the
// flows, chosen by attempt id (attemptId % flows), so all of one call's requests are handled by the same flow, in
// the order they arrived. A flow on the server's own thread is called directly; a flow on another thread (a worker
// with its own database connection) gets the request queued and the reply comes back queued. Each flow commits
// to the database before its reply is sent. The flows must outlive the server.
class WebhookServer final : public QObject
{
    Q_OBJECT
public:
    WebhookServer(WebhookServerOptions options, QByteArray authToken, QList<CallFlow *> flows, Clock &clock,
                  QObject *parent = nullptr);
    // One flow on this thread, on the system clock.
    WebhookServer(WebhookServerOptions options, QByteArray authToken, CallFlow &flow, QObject *parent = nullptr);
    ~WebhookServer() override;

    // Binds the listen address; returns the port (useful with port 0).
    Result<quint16> listen();
    [[nodiscard]] quint16 port() const { return m_port; }
    // The accept layer, for its counters and limits.
    [[nodiscard]] const HttpServer &http() const { return *m_http; }

Q_SIGNALS:
    // A request refused here or by the accept layer (then `path` is empty: it was not read).
    void requestRejected(const QString &path, int status, const QString &reason);

private:
    struct ReplySink;
    void setUp(Clock &clock);
    void handle(quint64 requestId, const HttpRequest &request);
    QString signedUrl(const HttpRequest &request) const;
    void reject(quint64 requestId, const HttpRequest &request, int status, const QString &reason);

    WebhookServerOptions m_options;
    QByteArray m_authToken;
    QList<CallFlow *> m_flows;
    std::unique_ptr<SystemClock> m_ownClock;
    std::unique_ptr<HttpServer> m_http;
    std::shared_ptr<ReplySink> m_sink; // how workers' replies find this server while it lives
    quint16 m_port = 0;
};

} // namespace vsc::services::telephony
