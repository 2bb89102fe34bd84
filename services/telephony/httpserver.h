// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/clock.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>

class QTcpServer;
class QTcpSocket;

namespace vsc::services::telephony {

// What one client may cost the server. Defaults suit Twilio's webhooks: small form bodies, sent at once.
struct HttpLimits
{
    int maxConnections = 4096;                       // clamped to what the open-files limit leaves room for
    qsizetype maxHeaderBytes = qsizetype{16} * 1024; // request line and headers: 431 above
    qsizetype maxBodyBytes = qsizetype{64} * 1024;   // 413 above, before the body is read
    int headerTimeoutMs = 10000; // from a request's first byte (or the connection's start) to its last header line
    int bodyTimeoutMs = 30000;   // from the headers to the body's last byte
    int idleTimeoutMs = 60000;   // a kept-alive connection with no request in progress
    int lingerMs = 2000;         // after an error reply, how long unread input is drained before closing
};

struct HttpRequest
{
    QByteArray method; // "POST", "GET"...
    QByteArray target; // path and query as sent
    QUrl url;          // target as a relative URL
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress remoteAddress;

    // The first header of that name (case-insensitive), or empty.
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("text/plain");
    QByteArray body;
};

// A small HTTP/1.1 server on QTcpServer and http_parser (Debian's libhttp-parser), built to survive hostile
// clients, which Qt 6.4's QHttpServer does not (it buffers whole requests and has no caps or timeouts):
//   - at most maxConnections at once; a new client beyond that closes the connection that has been idle longest
//     (no request in progress), else the slowest one still sending headers, so idle or slow connections cannot
//     lock out a real client;
//   - headers above maxHeaderBytes: 431; a Content-Length above maxBodyBytes: 413 before any body byte is read;
//     chunked bodies are counted as they arrive (413 as soon as they pass the limit); Content-Length together
//     with Transfer-Encoding, duplicate Content-Length, or anything else malformed: 400. Each error reply closes
//     the connection (after draining a little input, so the client reads the reply rather than a reset);
//   - header (slowloris), body and keep-alive idle timeouts, run on a Clock, so tests drive them with a fake one.
// Requests on a connection are handled one at a time, in order (pipelined ones wait, unread, in the socket).
// Runs on the thread that owns it; the handler is called there and respond() must be called there.
class HttpServer final : public QObject
{
    Q_OBJECT
public:
    struct Connection; // one client's socket, parser and request; opaque

    // Called with each complete request; answer it with respond(requestId, ...), now or later.
    using Handler = std::function<void(quint64 requestId, const HttpRequest &request)>;

    HttpServer(HttpLimits limits, Clock &clock, Handler handler, QObject *parent = nullptr);
    ~HttpServer() override;

    // Raises the open-files soft limit to the hard limit, clamps the connection cap to it, and listens.
    // Returns the port (useful with port 0).
    Result<quint16> listen(const QHostAddress &address, quint16 port);
    // Answers a request handed to the handler; ignored when its connection is gone.
    void respond(quint64 requestId, const HttpResponse &response);

    [[nodiscard]] const HttpLimits &limits() const { return m_limits; }
    [[nodiscard]] int connectionCount() const { return int(m_connections.size()); }
    // Request bytes held in memory right now (headers and bodies being received): what a client can make us hold.
    [[nodiscard]] qint64 bufferedBytes() const;

Q_SIGNALS:
    // The layer refused a request itself (400, 413, 431, timeout), before any handler saw it.
    void requestRefused(int status, const QString &reason);

private:
    void accept();
    void makeRoom();
    void readFrom(Connection &connection);
    void feed(Connection &connection, const char *data, qsizetype size);
    void dispatch(Connection &connection);
    void refuse(Connection &connection, int status, const QString &reason);
    void write(Connection &connection, const HttpResponse &response, bool close);
    void startLinger(Connection &connection);
    void close(quint64 id);
    void sweep();

    HttpLimits m_limits;
    Clock &m_clock;
    Handler m_handler;
    std::unique_ptr<QTcpServer> m_listener;
    std::map<quint64, std::unique_ptr<Connection>> m_connections;
    quint64 m_nextId = 1;
    Timer m_sweep;
};

} // namespace vsc::services::telephony
