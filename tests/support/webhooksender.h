// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the webhook benches (bench/) share: a sender that posts signed Twilio webhooks over HTTP at a fixed rate from a
// thread of its own, and percentiles of what they measure.
#include "services/telephony/twiliosignature.h"

#include <QEventLoop>
#include <QHash>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <chrono>

namespace vsc::tests {

inline double nowMs()
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Percentiles
{
    qsizetype samples = 0;
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
    double max = 0;
};

inline Percentiles percentiles(QList<double> values)
{
    if (values.isEmpty()) {
        return {};
    }
    std::sort(values.begin(), values.end());
    auto at = [&](double q) { return values.at(qMin(values.size() - 1, qsizetype(q * double(values.size())))); };
    return {values.size(), at(0.50), at(0.95), at(0.99), values.constLast()};
}

// A form body as Twilio sends it.
inline QByteArray formBody(const services::telephony::FormParams &params)
{
    QByteArray body;
    for (const auto &[name, value] : params) {
        body += (body.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

// Sends its requests at `rate` per second from its own thread (drive()); records when each was sent and answered.
class WebhookSender final : public QObject
{
public:
    struct Request
    {
        QUrl url;
        QByteArray body;
        QByteArray signature;
        qint64 attemptId = 0;
    };

    WebhookSender(QList<Request> requests, int rate) : m_requests(std::move(requests)), m_rate(rate) {}

    void run()
    {
        m_network = new QNetworkAccessManager(this);
        m_timer = new QTimer(this);
        m_timer->setTimerType(Qt::PreciseTimer);
        m_timer->setInterval(1000 / m_rate);
        connect(m_timer, &QTimer::timeout, this, &WebhookSender::sendNext);
        m_timer->start();
    }

    // Called on the sender's thread just before a request leaves (the measuring side keeps its own records).
    std::function<void(const Request &, double sentAt)> onSend;

    QMutex mutex;
    QHash<qint64, double> sentAt; // attempt -> when its latest request left
    QList<double> roundTrips;
    int answered = 0;
    int failed = 0; // answered with anything but 2xx

private:
    void sendNext()
    {
        if (m_next >= m_requests.size()) {
            m_timer->stop();
            return;
        }
        const Request &r = m_requests.at(m_next++);
        QNetworkRequest request(r.url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        request.setRawHeader(QByteArrayLiteral("X-Twilio-Signature"), r.signature);
        const double sent = nowMs();
        {
            QMutexLocker lock(&mutex);
            sentAt.insert(r.attemptId, sent);
            if (onSend) {
                onSend(r, sent);
            }
        }
        QNetworkReply *reply = m_network->post(request, r.body);
        connect(reply, &QNetworkReply::finished, this, [this, reply, sent] {
            QMutexLocker lock(&mutex);
            roundTrips.append(nowMs() - sent);
            ++answered;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            failed += status >= 200 && status < 300 ? 0 : 1;
            reply->deleteLater();
        });
    }

    QList<Request> m_requests;
    int m_rate;
    qsizetype m_next = 0;
    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_timer = nullptr;
};

// Runs a sender on a thread of its own until every request has its answer; this thread's events go on meanwhile.
inline void drive(WebhookSender &sender, qsizetype total)
{
    QThread thread;
    sender.moveToThread(&thread);
    thread.start();
    QMetaObject::invokeMethod(&sender, [&sender] { sender.run(); });
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        QMutexLocker lock(&sender.mutex);
        if (sender.answered >= total) {
            loop.quit();
        }
    });
    poll.start(20);
    loop.exec();
    thread.quit();
    thread.wait(); // the sender's network objects stay behind, unused, until the sender goes
}

} // namespace vsc::tests
