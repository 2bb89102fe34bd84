// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/fakes/fakenetworkaccessmanager.h"

#include <QIODevice>
#include <QMetaObject>
#include <QTimer>

#include <algorithm>
#include <cstring>

namespace vsc::tests {
namespace {

// What Qt's HTTP backend reports next to an error status (qhttpthreaddelegate.cpp, statusCodeFromHttp).
QNetworkReply::NetworkError errorForStatus(int status)
{
    switch (status) {
    case 400:
        return QNetworkReply::ProtocolInvalidOperationError;
    case 401:
        return QNetworkReply::AuthenticationRequiredError;
    case 403:
        return QNetworkReply::ContentAccessDenied;
    case 404:
        return QNetworkReply::ContentNotFoundError;
    case 405:
        return QNetworkReply::ContentOperationNotPermittedError;
    case 409:
        return QNetworkReply::ContentConflictError;
    case 410:
        return QNetworkReply::ContentGoneError;
    case 500:
        return QNetworkReply::InternalServerError;
    case 501:
        return QNetworkReply::OperationNotImplementedError;
    case 503:
        return QNetworkReply::ServiceUnavailableError;
    default:
        if (status >= 500) {
            return QNetworkReply::UnknownServerError;
        }
        return status >= 400 ? QNetworkReply::UnknownContentError : QNetworkReply::NoError;
    }
}

} // namespace

FakeReply::FakeReply(const FakeRequest &request, QObject *parent) : QNetworkReply(parent)
{
    setRequest(request.request);
    setUrl(request.request.url());
    setOperation(QNetworkAccessManager::CustomOperation);
    setAttribute(QNetworkRequest::CustomVerbAttribute, request.verb);
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

void FakeReply::respond(int httpStatus, QByteArray body, const Headers &headers)
{
    setAttribute(QNetworkRequest::HttpStatusCodeAttribute, httpStatus);
    for (const auto &[name, value] : headers) {
        setRawHeader(name, value);
    }
    setHeader(QNetworkRequest::ContentLengthHeader, body.size());
    m_content = std::move(body);
    const QNetworkReply::NetworkError error = errorForStatus(httpStatus);
    if (error != QNetworkReply::NoError) {
        setError(error, QStringLiteral("HTTP status %1").arg(httpStatus));
    }
    QMetaObject::invokeMethod(this, &FakeReply::finishNow, Qt::QueuedConnection);
}

void FakeReply::respondLater(int ms, int httpStatus, QByteArray body, const Headers &headers)
{
    QTimer::singleShot(ms, this, [this, httpStatus, body = std::move(body), headers]() mutable {
        respond(httpStatus, std::move(body), headers);
    });
}

void FakeReply::fail(QNetworkReply::NetworkError error, const QString &message)
{
    setError(error, message);
    QMetaObject::invokeMethod(this, &FakeReply::finishNow, Qt::QueuedConnection);
}

void FakeReply::hang()
{
    const int timeout = request().transferTimeout();
    if (timeout <= 0) {
        return;
    }
    m_timeout = new QTimer(this);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        setError(QNetworkReply::OperationCanceledError, QStringLiteral("Operation canceled"));
        finishNow();
    });
    m_timeout->start(timeout);
}

void FakeReply::abort()
{
    if (m_finished) {
        return;
    }
    setError(QNetworkReply::OperationCanceledError, QStringLiteral("Operation canceled"));
    finishNow();
}

void FakeReply::finishNow()
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    if (m_timeout) {
        m_timeout->stop();
    }
    setFinished(true);
    emit metaDataChanged();
    if (error() != QNetworkReply::NoError) {
        emit errorOccurred(error());
    }
    if (!m_content.isEmpty()) {
        emit readyRead();
    }
    emit finished();
}

qint64 FakeReply::bytesAvailable() const
{
    return (m_finished ? m_content.size() - m_offset : 0) + QIODevice::bytesAvailable();
}

qint64 FakeReply::readData(char *data, qint64 maxSize)
{
    if (!m_finished) {
        return 0;
    }
    const qint64 n = std::min(maxSize, qint64(m_content.size()) - m_offset);
    if (n <= 0) {
        return -1;
    }
    std::memcpy(data, m_content.constData() + m_offset, std::size_t(n));
    m_offset += n;
    return n;
}

FakeNetworkAccessManager::FakeNetworkAccessManager(QObject *parent) : QNetworkAccessManager(parent)
{
}

int FakeNetworkAccessManager::count(const QByteArray &verb, const QString &pathSuffix) const
{
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(), [&](const FakeRequest &r) {
        return r.verb == verb && r.url().path().endsWith(pathSuffix);
    }));
}

QNetworkReply *FakeNetworkAccessManager::createRequest(Operation op, const QNetworkRequest &request,
                                                       QIODevice *outgoingData)
{
    FakeRequest recorded;
    switch (op) {
    case GetOperation:
        recorded.verb = QByteArrayLiteral("GET");
        break;
    case PostOperation:
        recorded.verb = QByteArrayLiteral("POST");
        break;
    case PutOperation:
        recorded.verb = QByteArrayLiteral("PUT");
        break;
    case DeleteOperation:
        recorded.verb = QByteArrayLiteral("DELETE");
        break;
    case HeadOperation:
        recorded.verb = QByteArrayLiteral("HEAD");
        break;
    default:
        recorded.verb = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        break;
    }
    recorded.request = request;
    if (outgoingData) {
        recorded.body = outgoingData->readAll();
    }
    m_requests.append(recorded);

    auto *reply = new FakeReply(recorded, this);
    if (m_handler) {
        m_handler(recorded, reply);
    } else {
        reply->respond(501, QByteArrayLiteral("no handler"));
    }
    return reply;
}

} // namespace vsc::tests
