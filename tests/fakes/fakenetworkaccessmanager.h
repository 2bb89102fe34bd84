// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <functional>
#include <utility>

class QTimer;

namespace vsc::tests {

// One request as the code under test sent it.
struct FakeRequest
{
    QByteArray verb; // GET, POST, PUT, DELETE, HEAD or the custom verb
    QNetworkRequest request;
    QByteArray body;

    [[nodiscard]] QUrl url() const { return request.url(); }
};

// A reply that finishes through a queued call, never inside createRequest(), as a real one does.
class FakeReply final : public QNetworkReply
{
    Q_OBJECT
public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    FakeReply(const FakeRequest &request, QObject *parent);

    // An HTTP answer; statuses >= 400 also set the NetworkError Qt's HTTP backend would set.
    void respond(int httpStatus, QByteArray body, const Headers &headers = {});
    // The same answer after `ms` milliseconds (a slow server).
    void respondLater(int ms, int httpStatus, QByteArray body, const Headers &headers = {});
    // No HTTP answer at all (connection refused, host not found, remote closed, …).
    void fail(QNetworkReply::NetworkError error, const QString &message);
    // Never answers. Like Qt's HTTP backend, a transfer timeout on the request aborts it with OperationCanceledError.
    void hang();

    void abort() override;
    qint64 bytesAvailable() const override;
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;

private:
    void finishNow();

    QByteArray m_content;
    qint64 m_offset = 0;
    bool m_finished = false;
    QTimer *m_timeout = nullptr;
};

// QNetworkAccessManager whose requests never touch the network: each one is recorded and handed to the current
// handler, which settles the reply (see the FakeReply variants). A handler that does nothing leaves the reply pending
// until it is aborted. Without a handler every request gets a 501.
class FakeNetworkAccessManager final : public QNetworkAccessManager
{
    Q_OBJECT
public:
    using Handler = std::function<void(const FakeRequest &request, FakeReply *reply)>;

    explicit FakeNetworkAccessManager(QObject *parent = nullptr);

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    [[nodiscard]] const QList<FakeRequest> &requests() const { return m_requests; }
    [[nodiscard]] int count(const QByteArray &verb, const QString &pathSuffix = {}) const;
    void clear() { m_requests.clear(); }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    Handler m_handler;
    QList<FakeRequest> m_requests;
};

} // namespace vsc::tests
