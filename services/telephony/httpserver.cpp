// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/telephony/httpserver.h"

#include "services/logging/logging.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <http_parser.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <climits>

namespace vsc::services::telephony {
namespace {

auto log()
{
    return logging::logger("vsc.telephony.http");
}

constexpr qint64 kReadChunk = qint64{16} * 1024;
constexpr qint64 kSocketReadBuffer = qint64{64} * 1024;
constexpr int kSweepIntervalMs = 250;
constexpr int kListenBacklog = 1024;
// Left for the database, logs, journals and the listening socket when the connection cap follows the files limit.
constexpr rlim_t kReservedFiles = 128;

// Raises the open-files soft limit to the hard one; returns the resulting soft limit.
rlim_t raiseOpenFilesLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        return RLIM_INFINITY;
    }
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0) {
            limit = raised;
        }
    }
    return limit.rlim_cur;
}

} // namespace

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[field, value] : headers) {
        if (field.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

struct HttpServer::Connection
{
    enum class Phase {
        Idle,      // between requests (or before the first): nothing of a request received
        Headers,   // a request line or headers are arriving
        Body,      // the body is arriving
        Handling,  // the handler has the request; input waits until the reply is written
        Lingering, // an error reply went out: input is drained and dropped until the client closes or lingerMs passes
    };

    quint64 id = 0;
    HttpServer *server = nullptr;
    QTcpSocket *socket = nullptr;
    http_parser parser{};
    Phase phase = Phase::Idle;
    bool firstRequest = true;
    bool keepAlive = true;
    bool reading = false;   // inside readFrom(): a synchronous reply must not read again
    bool writeShut = false; // lingering: our side is shut down, the reply is out
    qint64 deadlineMs = 0;  // on the server's clock; what happens at it depends on the phase
    qint64 lastActivityMs = 0;
    qint64 requestStartedMs = 0;
    qsizetype headerBytes = 0;
    QByteArray field;
    QByteArray value;
    bool inValue = false;
    HttpRequest request;
    QByteArray pending; // input read beyond a complete request, parsed once it is answered
    int refuseStatus = 0;
    QString refuseReason;

    void refuseWith(int status, const QString &reason)
    {
        refuseStatus = status;
        refuseReason = reason;
    }
    bool addHeaderBytes(size_t length)
    {
        headerBytes += qsizetype(length);
        if (headerBytes > server->m_limits.maxHeaderBytes) {
            refuseWith(431, QStringLiteral("request headers too large"));
            return false;
        }
        return true;
    }
    void finishHeader()
    {
        if (inValue) {
            request.headers.append({field, value});
            field.clear();
            value.clear();
            inValue = false;
        }
    }
    int messageBegin();
    int headersComplete(http_parser *parser);
    int body(const char *at, size_t length);
    [[nodiscard]] qint64 bufferedBytes() const
    {
        qint64 bytes = request.target.size() + request.body.size() + pending.size() + field.size() + value.size();
        for (const auto &[name, text] : request.headers) {
            bytes += name.size() + text.size();
        }
        return bytes + (socket ? socket->bytesAvailable() : 0);
    }
};

namespace {

using Connection = HttpServer::Connection;

Connection &connectionOf(http_parser *parser)
{
    return *static_cast<Connection *>(parser->data);
}

int onMessageBegin(http_parser *parser);
int onUrl(http_parser *parser, const char *at, size_t length);
int onHeaderField(http_parser *parser, const char *at, size_t length);
int onHeaderValue(http_parser *parser, const char *at, size_t length);
int onHeadersComplete(http_parser *parser);
int onBody(http_parser *parser, const char *at, size_t length);
int onMessageComplete(http_parser *parser);

const http_parser_settings kSettings = [] {
    http_parser_settings settings{};
    settings.on_message_begin = onMessageBegin;
    settings.on_url = onUrl;
    settings.on_header_field = onHeaderField;
    settings.on_header_value = onHeaderValue;
    settings.on_headers_complete = onHeadersComplete;
    settings.on_body = onBody;
    settings.on_message_complete = onMessageComplete;
    return settings;
}();

} // namespace

namespace {

int onMessageBegin(http_parser *parser)
{
    return connectionOf(parser).messageBegin();
}

int onUrl(http_parser *parser, const char *at, size_t length)
{
    Connection &c = connectionOf(parser);
    if (!c.addHeaderBytes(length)) {
        return -1;
    }
    c.request.target.append(at, qsizetype(length));
    return 0;
}

int onHeaderField(http_parser *parser, const char *at, size_t length)
{
    Connection &c = connectionOf(parser);
    if (!c.addHeaderBytes(length)) {
        return -1;
    }
    c.finishHeader();
    c.field.append(at, qsizetype(length));
    return 0;
}

int onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    Connection &c = connectionOf(parser);
    if (!c.addHeaderBytes(length)) {
        return -1;
    }
    c.inValue = true;
    c.value.append(at, qsizetype(length));
    return 0;
}

int onHeadersComplete(http_parser *parser)
{
    return connectionOf(parser).headersComplete(parser);
}

int onBody(http_parser *parser, const char *at, size_t length)
{
    return connectionOf(parser).body(at, length);
}

int onMessageComplete(http_parser *parser)
{
    // Stop here: the request is handled before anything after it on the connection is parsed.
    http_parser_pause(parser, 1);
    return 0;
}

} // namespace

int HttpServer::Connection::messageBegin()
{
    Connection &c = *this;
    const qint64 now = c.server->m_clock.monotonicMs();
    c.phase = Connection::Phase::Headers;
    c.request = HttpRequest{};
    c.headerBytes = 0;
    c.field.clear();
    c.value.clear();
    c.inValue = false;
    c.requestStartedMs = now;
    // A new connection's header time runs from its start (a client that connects and says nothing is slow too).
    if (!c.firstRequest) {
        c.deadlineMs = now + c.server->m_limits.headerTimeoutMs;
    }
    c.firstRequest = false;
    return 0;
}

int HttpServer::Connection::headersComplete(http_parser *parser)
{
    Connection &c = *this;
    c.finishHeader();
    // http_parser leaves content_length at ULLONG_MAX without a Content-Length; with one it has already refused
    // a second, differing one and one next to Transfer-Encoding (HPE_UNEXPECTED_CONTENT_LENGTH).
    if ((parser->flags & F_CHUNKED) == 0 && parser->content_length != ULLONG_MAX &&
        parser->content_length > quint64(c.server->m_limits.maxBodyBytes)) {
        c.refuseWith(413, QStringLiteral("request body too large"));
        return -1;
    }
    c.request.method = http_method_str(http_method(parser->method));
    c.keepAlive = http_should_keep_alive(parser) != 0;
    c.phase = Connection::Phase::Body;
    c.deadlineMs = c.server->m_clock.monotonicMs() + c.server->m_limits.bodyTimeoutMs;
    return 0;
}

int HttpServer::Connection::body(const char *at, size_t length)
{
    Connection &c = *this;
    if (c.request.body.size() + qsizetype(length) > c.server->m_limits.maxBodyBytes) {
        c.refuseWith(413, QStringLiteral("request body too large"));
        return -1;
    }
    c.request.body.append(at, qsizetype(length));
    return 0;
}

HttpServer::HttpServer(HttpLimits limits, Clock &clock, Handler handler, QObject *parent)
    : QObject(parent), m_limits(limits), m_clock(clock), m_handler(std::move(handler)), m_sweep(clock, this)
{
    m_sweep.setInterval(kSweepIntervalMs);
    connect(&m_sweep, &Timer::timeout, this, &HttpServer::sweep);
}

HttpServer::~HttpServer()
{
    for (auto &[id, connection] : m_connections) {
        connection->socket->disconnect(this);
        connection->socket->abort();
        delete connection->socket;
    }
}

Result<quint16> HttpServer::listen(const QHostAddress &address, quint16 port)
{
    const rlim_t files = raiseOpenFilesLimit();
    if (files != RLIM_INFINITY && files > kReservedFiles && rlim_t(m_limits.maxConnections) > files - kReservedFiles) {
        m_limits.maxConnections = int(files - kReservedFiles);
    }
    auto listener = std::make_unique<QTcpServer>();
    listener->setListenBacklogSize(kListenBacklog); // Qt's default of 50 drops bursts of new clients
    if (!listener->listen(address, port)) {
        return Error{ErrorCode::Network, QStringLiteral("cannot listen on %1:%2 (%3)")
                                             .arg(address.toString())
                                             .arg(port)
                                             .arg(listener->errorString())};
    }
    // Accepted connections are taken at once; the cap is ours, not the backlog's.
    connect(listener.get(), &QTcpServer::newConnection, this, &HttpServer::accept);
    m_listener = std::move(listener);
    m_sweep.start();
    log()->info("HTTP on {}:{}: at most {} connections (open files limit {}), headers {} bytes, bodies {} bytes",
                address.toString().toStdString(), m_listener->serverPort(), m_limits.maxConnections,
                files == RLIM_INFINITY ? std::string("unlimited") : std::to_string(files), m_limits.maxHeaderBytes,
                m_limits.maxBodyBytes);
    return m_listener->serverPort();
}

qint64 HttpServer::bufferedBytes() const
{
    qint64 bytes = 0;
    for (const auto &[id, connection] : m_connections) {
        bytes += connection->bufferedBytes();
    }
    return bytes;
}

void HttpServer::accept()
{
    while (m_listener->hasPendingConnections()) {
        QTcpSocket *socket = m_listener->nextPendingConnection();
        if (int(m_connections.size()) >= m_limits.maxConnections) {
            makeRoom();
        }
        if (int(m_connections.size()) >= m_limits.maxConnections) {
            // Every connection has a request under way: the newcomer waits its turn elsewhere.
            socket->abort();
            delete socket;
            Q_EMIT requestRefused(503, QStringLiteral("connection limit reached"));
            continue;
        }
        socket->setParent(nullptr);
        socket->setReadBufferSize(kSocketReadBuffer);
        auto connection = std::make_unique<Connection>();
        Connection &c = *connection;
        c.id = m_nextId++;
        c.server = this;
        c.socket = socket;
        http_parser_init(&c.parser, HTTP_REQUEST);
        c.parser.data = &c;
        const qint64 now = m_clock.monotonicMs();
        c.lastActivityMs = now;
        c.deadlineMs = now + m_limits.headerTimeoutMs;
        const quint64 id = c.id;
        connect(socket, &QTcpSocket::readyRead, this, [this, id] {
            const auto it = m_connections.find(id);
            if (it != m_connections.end()) {
                readFrom(*it->second);
            }
        });
        connect(socket, &QTcpSocket::bytesWritten, this, [this, id] {
            const auto it = m_connections.find(id);
            if (it != m_connections.end() && it->second->phase == Connection::Phase::Lingering) {
                startLinger(*it->second);
            }
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, id] { close(id); });
        m_connections.emplace(id, std::move(connection));
    }
}

void HttpServer::makeRoom()
{
    // The longest idle connection without a request in progress; failing that, the one sending its headers the
    // longest (a slow client). Requests being received or handled are never cut off.
    Connection *victim = nullptr;
    for (auto &[id, connection] : m_connections) {
        if (connection->phase == Connection::Phase::Idle || connection->phase == Connection::Phase::Lingering) {
            if (!victim || victim->phase != Connection::Phase::Idle ||
                connection->lastActivityMs < victim->lastActivityMs) {
                victim = connection.get();
            }
        }
    }
    if (!victim) {
        for (auto &[id, connection] : m_connections) {
            if (connection->phase == Connection::Phase::Headers &&
                (!victim || connection->requestStartedMs < victim->requestStartedMs)) {
                victim = connection.get();
            }
        }
    }
    if (victim) {
        close(victim->id);
    }
}

void HttpServer::readFrom(Connection &c)
{
    if (c.phase == Connection::Phase::Lingering) {
        c.socket->skip(c.socket->bytesAvailable()); // drained, never kept
        return;
    }
    if (c.reading) {
        return;
    }
    c.reading = true;
    const quint64 id = c.id;
    while (c.phase != Connection::Phase::Handling && c.phase != Connection::Phase::Lingering) {
        QByteArray input;
        if (!c.pending.isEmpty()) {
            input.swap(c.pending);
        } else {
            input = c.socket->read(kReadChunk);
        }
        if (input.isEmpty()) {
            break;
        }
        c.lastActivityMs = m_clock.monotonicMs();
        feed(c, input.constData(), input.size());
        if (m_connections.find(id) == m_connections.end()) {
            return; // closed by the handler's side
        }
    }
    c.reading = false;
}

void HttpServer::feed(Connection &c, const char *data, qsizetype size)
{
    http_parser_pause(&c.parser, 0);
    const size_t parsed = http_parser_execute(&c.parser, &kSettings, data, size_t(size));
    const auto error = HTTP_PARSER_ERRNO(&c.parser);
    if (c.refuseStatus != 0) {
        refuse(c, c.refuseStatus, c.refuseReason);
        return;
    }
    if (error == HPE_PAUSED) {
        // A whole request: what follows it waits until it is answered.
        c.pending = QByteArray(data + parsed, size - qsizetype(parsed));
        dispatch(c);
        return;
    }
    if (error == HPE_HEADER_OVERFLOW) {
        refuse(c, 431, QStringLiteral("request headers too large"));
    } else if (error != HPE_OK) {
        refuse(c, 400, QStringLiteral("malformed request: %1").arg(QString::fromLatin1(http_errno_name(error))));
    } else if (c.parser.upgrade) {
        refuse(c, 400, QStringLiteral("protocol upgrades are not served"));
    }
}

void HttpServer::dispatch(Connection &c)
{
    c.phase = Connection::Phase::Handling;
    c.request.url = QUrl::fromEncoded(c.request.target);
    c.request.remoteAddress = c.socket->peerAddress();
    m_handler(c.id, c.request);
}

void HttpServer::respond(quint64 requestId, const HttpResponse &response)
{
    const auto it = m_connections.find(requestId);
    if (it == m_connections.end() || it->second->phase != Connection::Phase::Handling) {
        return;
    }
    Connection &c = *it->second;
    c.request = HttpRequest{};
    if (!c.keepAlive) {
        write(c, response, true);
        startLinger(c);
        return;
    }
    write(c, response, false);
    c.phase = Connection::Phase::Idle;
    const qint64 now = m_clock.monotonicMs();
    c.lastActivityMs = now;
    c.deadlineMs = now + m_limits.idleTimeoutMs;
    if (!c.reading) {
        readFrom(c);
    }
}

void HttpServer::refuse(Connection &c, int status, const QString &reason)
{
    log()->warn("refused a request from {}: {} ({})", c.socket->peerAddress().toString().toStdString(), status,
                reason.toStdString());
    Q_EMIT requestRefused(status, reason);
    c.request = HttpRequest{};
    c.pending.clear();
    write(c, {status, QByteArrayLiteral("text/plain"), reason.toUtf8()}, true);
    startLinger(c);
}

void HttpServer::write(Connection &c, const HttpResponse &response, bool close)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                      QByteArray(http_status_str(http_status(response.status))) +
                      "\r\nContent-Type: " + response.contentType +
                      "\r\nContent-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (close) {
        head += "Connection: close\r\n";
    }
    head += "\r\n";
    c.socket->write(head + response.body);
}

void HttpServer::startLinger(Connection &c)
{
    if (c.phase != Connection::Phase::Lingering) {
        c.phase = Connection::Phase::Lingering;
        c.keepAlive = false;
        c.deadlineMs = m_clock.monotonicMs() + m_limits.lingerMs;
        c.socket->skip(c.socket->bytesAvailable());
    }
    if (!c.writeShut && c.socket->bytesToWrite() == 0) {
        // The reply is out: tell the client we are done, and keep reading until it closes, so unread input of
        // ours does not turn the close into a reset that could destroy the reply before the client reads it.
        c.writeShut = true;
        ::shutdown(int(c.socket->socketDescriptor()), SHUT_WR);
    }
}

void HttpServer::close(quint64 id)
{
    const auto it = m_connections.find(id);
    if (it == m_connections.end()) {
        return;
    }
    std::unique_ptr<Connection> connection = std::move(it->second);
    m_connections.erase(it);
    connection->socket->disconnect(this);
    connection->socket->abort();
    connection->socket->deleteLater();
}

void HttpServer::sweep()
{
    const qint64 now = m_clock.monotonicMs();
    QList<quint64> expired;
    for (const auto &[id, connection] : m_connections) {
        if (connection->phase != Connection::Phase::Handling && connection->deadlineMs <= now) {
            expired.append(id);
        }
    }
    for (const quint64 id : expired) {
        const Connection &c = *m_connections.at(id);
        if (c.phase == Connection::Phase::Headers || (c.phase == Connection::Phase::Idle && c.firstRequest)) {
            Q_EMIT requestRefused(408, QStringLiteral("request headers not received in time"));
        } else if (c.phase == Connection::Phase::Body) {
            Q_EMIT requestRefused(408, QStringLiteral("request body not received in time"));
        }
        close(id);
    }
}

} // namespace vsc::services::telephony
