// SPDX-License-Identifier: GPL-3.0-or-later
// The redirect target of a native app's authorization request: an HTTP listener on the loopback interface, on an
// ephemeral port, for the one callback only (RFC 8252 §7.3: "http://127.0.0.1:{port}/{path}", the server accepts any
// port; §8.3: loopback IP literal rather than "localhost", never all interfaces, closed after the response).
// https://www.rfc-editor.org/rfc/rfc8252#section-7.3  https://www.rfc-editor.org/rfc/rfc8252#section-8.3
//
//   listen() ──► http://127.0.0.1:PORT/callback ──► browser GET /callback?code=…&state=…&iss=…
//        other path: 404, keep waiting   │ callback path: 200 "You can close this window", received(query), closed
#pragma once

#include "models/result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

class QTcpServer;
class QTcpSocket;

namespace vsc::services::auth::oidc {

// Thread: lives on the thread that created it (it needs that thread's event loop). Asynchronous: the callback is
// reported by received(), once.
class LoopbackListener final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxRequestBytes = 8192; // request line + headers; longer requests are cut off with 431
    static constexpr int kIdleTimeoutMs = 10000;  // a connection that sends nothing for this long is dropped

    explicit LoopbackListener(QObject *parent = nullptr);
    ~LoopbackListener() override;
    Q_DISABLE_COPY_MOVE(LoopbackListener)

    // Binds 127.0.0.1 on an ephemeral port; returns the redirect URI http://127.0.0.1:PORT<path>. `path` must start
    // with '/'. ErrorCode::Io when the socket cannot be bound.
    Result<QUrl> listen(const QString &path = QStringLiteral("/callback"));
    // Optional defence against a local page or process hitting the callback first: a callback whose `state` differs
    // gets 400 and the listener keeps waiting. The caller still checks state itself (authorizationrequest.h).
    void setExpectedState(const QByteArray &state) { m_expectedState = state; }
    // Stops listening and drops open connections. Safe to call twice.
    void close();
    [[nodiscard]] bool isListening() const;
    [[nodiscard]] QUrl redirectUri() const { return m_redirectUri; }
    // The bound address (127.0.0.1) and port; null/0 when not listening.
    [[nodiscard]] QHostAddress address() const;
    [[nodiscard]] quint16 port() const;

Q_SIGNALS:
    // The callback's query (code, state, iss, or error, error_description). Emitted once; the listener is closed.
    void received(const QUrlQuery &query);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &html);

    QTcpServer *m_server = nullptr;
    QString m_path;
    QUrl m_redirectUri;
    QByteArray m_expectedState;
};

} // namespace vsc::services::auth::oidc
