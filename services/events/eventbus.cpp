// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/events/eventbus.h"

#include "services/logging/logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace vsc::services::events {

EventBus::EventBus(storage::Database &database, QObject *parent)
    : QObject(parent), m_channel(database, QString::fromLatin1(kChannel)),
      m_origin(QUuid::createUuid().toString(QUuid::Id128).left(16))
{
    connect(&m_channel, &storage::NotificationChannel::notified, this, &EventBus::onNotification);
}

EventBus::~EventBus() = default;

Result<void> EventBus::listen()
{
    return m_channel.listen();
}

Result<void> EventBus::relisten()
{
    return m_channel.relisten();
}

void EventBus::publishCallStatus(qint64 attemptId, CallStatus status)
{
    Q_EMIT callStatusChanged(attemptId, status, false);
    if (!m_channel.isSupported()) {
        return;
    }
    const QByteArray payload = QJsonDocument(QJsonObject{{QStringLiteral("o"), m_origin},
                                                         {QStringLiteral("a"), attemptId},
                                                         {QStringLiteral("s"), callStatusKey(status)}})
                                   .toJson(QJsonDocument::Compact);
    auto sent = m_channel.notify(QString::fromUtf8(payload));
    if (!sent) {
        // Other consoles still see the change on their next refresh; nothing is lost in the database.
        logging::logger("vsc.events")->warn("cannot notify other consoles: {}", sent.error().toString().toStdString());
    }
}

void EventBus::onNotification(const QString &payload)
{
    const QJsonObject message = QJsonDocument::fromJson(payload.toUtf8()).object();
    if (message.value(QStringLiteral("o")).toString() == m_origin) {
        return; // our own, already delivered in process
    }
    const auto status = callStatusFromKey(message.value(QStringLiteral("s")).toString());
    const qint64 attemptId = qint64(message.value(QStringLiteral("a")).toDouble());
    if (!status || attemptId <= 0) {
        logging::logger("vsc.events")->warn("ignored a malformed event on {}", kChannel);
        return;
    }
    Q_EMIT callStatusChanged(attemptId, *status, true);
}

} // namespace vsc::services::events
