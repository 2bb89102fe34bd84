// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/oidc/loopbacklistener.h"

#include "services/auth/oidc/random.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QVariant>

namespace vsc::services::auth::oidc {
namespace {

const char *const kBufferProperty = "vsc_request";
const char *const kAnsweredProperty = "vsc_answered";

const QByteArray kDonePage =
    QByteArrayLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>VoiceSurvey Console</title></head>"
                      "<body><p>You can close this window and return to VoiceSurvey Console.</p></body></html>");

QByteArray simplePage(const QByteArray &message)
{
    return QByteArrayLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><p>") + message +
           QByteArrayLiteral("</p></body></html>");
}

} // namespace

LoopbackListener::LoopbackListener(QObject *parent) : QObject(parent)
{
}

LoopbackListener::~LoopbackListener() = default;

Result<QUrl> LoopbackListener::listen(const QString &path)
{
    if (!path.startsWith(QLatin1Char('/'))) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the callback path must start with '/'")};
    }
    close();
    m_path = path;
    m_server = new QTcpServer(this);
    // 127.0.0.1 only: any other interface would let the network race the browser to the code (RFC 8252 §8.3).
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        const QString reason = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return Error{ErrorCode::Io, QStringLiteral("cannot listen on 127.0.0.1: ") + reason};
    }
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackListener::onNewConnection);
    m_redirectUri = QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->serverPort()).arg(path));
    return m_redirectUri;
}

void LoopbackListener::close()
{
    if (m_server == nullptr) {
        return;
    }
    m_server->close();       // from here on, connections are refused
    m_server->deleteLater(); // close() may run inside one of the server's own signals
    m_server = nullptr;
    // Connections still reading a request are dropped; one whose answer is being written finishes it.
    const QList<QTcpSocket *> sockets = findChildren<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly);
    for (QTcpSocket *socket : sockets) {
        if (!socket->property(kAnsweredProperty).toBool()) {
            socket->abort();
        }
    }
}

bool LoopbackListener::isListening() const
{
    return m_server != nullptr && m_server->isListening();
}

QHostAddress LoopbackListener::address() const
{
    return isListening() ? m_server->serverAddress() : QHostAddress();
}

quint16 LoopbackListener::port() const
{
    return isListening() ? m_server->serverPort() : 0;
}

void LoopbackListener::onNewConnection()
{
    while (m_server != nullptr && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        // Owned by the listener, not the server: closing the server after the callback must not cut off the page
        // still being written. Each socket deletes itself when disconnected.
        socket->setParent(this);
        auto *idle = new QTimer(socket);
        idle->setSingleShot(true);
        idle->setInterval(kIdleTimeoutMs);
        connect(idle, &QTimer::timeout, socket, &QTcpSocket::abort);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, idle] {
            idle->start();
            onReadyRead(socket);
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        idle->start();
        if (socket->bytesAvailable() > 0) {
            onReadyRead(socket);
        }
    }
}

void LoopbackListener::onReadyRead(QTcpSocket *socket)
{
    if (socket->property(kAnsweredProperty).toBool()) {
        socket->readAll(); // answered already; ignore anything else it sends
        return;
    }
    QByteArray request = socket->property(kBufferProperty).toByteArray() + socket->readAll();
    const qsizetype end = request.indexOf("\r\n\r\n");
    if (end < 0) {
        if (request.size() > kMaxRequestBytes) {
            respond(socket, 431, "Request Header Fields Too Large", simplePage("Request too large."));
            return;
        }
        socket->setProperty(kBufferProperty, request);
        return;
    }
    // Request line: METHOD SP request-target SP HTTP-version (RFC 9112 §3).
    const QByteArray line = request.left(request.indexOf("\r\n"));
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/1.")) {
        respond(socket, 400, "Bad Request", simplePage("Bad request."));
        return;
    }
    if (parts.at(0) != "GET") {
        respond(socket, 405, "Method Not Allowed", simplePage("Method not allowed."));
        return;
    }
    const QByteArray &target = parts.at(1);
    const qsizetype question = target.indexOf('?');
    const QByteArray path = question < 0 ? target : target.left(question);
    // The query is application/x-www-form-urlencoded (RFC 6749 §4.1.2), where '+' is a space (providers encode
    // error_description that way); QUrlQuery would keep it as '+'.
    QByteArray queryText = question < 0 ? QByteArray() : target.mid(question + 1);
    queryText.replace('+', "%20");
    // Exact path match (QtNetworkAuth 6.4 matched a prefix).
    if (path != m_path.toUtf8()) {
        respond(socket, 404, "Not Found", simplePage("Not found."));
        return;
    }
    const QUrlQuery query(QString::fromUtf8(queryText));
    if (!m_expectedState.isEmpty() &&
        !constantTimeEquals(query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded).toUtf8(),
                            m_expectedState)) {
        respond(socket, 400, "Bad Request", simplePage("This sign-in response was not expected."));
        return;
    }
    respond(socket, 200, "OK", kDonePage);
    // No further connections: the code has arrived, so nothing else should be listening for it.
    close();
    Q_EMIT received(query);
}

void LoopbackListener::respond(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &html)
{
    socket->setProperty(kAnsweredProperty, true);
    socket->setProperty(kBufferProperty, QVariant());
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    response += "Content-Type: text/html; charset=utf-8\r\n";
    response += "Content-Length: " + QByteArray::number(html.size()) + "\r\n";
    response += "Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n";
    response += html;
    socket->write(response);
    socket->disconnectFromHost(); // closes once the response is written
}

} // namespace vsc::services::auth::oidc
