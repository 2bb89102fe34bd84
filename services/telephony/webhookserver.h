// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/telephony/callflow.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <QUrl>

namespace vsc::services::telephony {

struct WebhookServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8089; // 0 = any free port
    qsizetype maxBodyBytes = qsizetype{64} * 1024;
};

// The HTTP endpoint Twilio calls, usually behind the organisation's reverse proxy:
//
//   Twilio --HTTPS--> https://surveys.example.com/twilio/{voice,gather,status,amd}?attempt=ID   (public URL)
//          reverse proxy --HTTP--> 127.0.0.1:8089/twilio/...                                   (listen address)
//
// Every request's X-Twilio-Signature is checked against the *public* URL (the one Twilio signed), in constant time;
// a missing or bad signature gets 403 and a log line without secrets. Only POST; bodies above maxBodyBytes get 413.
// Runs on the thread that owns it; CallFlow commits to the database before each reply is sent.
class WebhookServer final : public QObject
{
    Q_OBJECT
public:
    WebhookServer(WebhookServerOptions options, QByteArray authToken, CallFlow &flow, QObject *parent = nullptr);

    // Binds the listen address; returns the port (useful with port 0).
    Result<quint16> listen();
    [[nodiscard]] quint16 port() const { return m_port; }

Q_SIGNALS:
    void requestRejected(const QString &path, int status, const QString &reason);

private:
    enum class Route { Voice, Gather, Status, Amd };
    QHttpServerResponse handle(Route route, const QHttpServerRequest &request);
    QString signedUrl(const QHttpServerRequest &request) const;
    QHttpServerResponse reject(const QHttpServerRequest &request, int status, const QString &reason);

    WebhookServerOptions m_options;
    QByteArray m_authToken;
    CallFlow &m_flow;
    QHttpServer m_server;
    quint16 m_port = 0;
};

} // namespace vsc::services::telephony
