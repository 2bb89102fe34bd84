// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventbus.h"

#include "logging/logging.h"
#include "storage/sql.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace vsc::services::events {

EventBus::EventBus(storage::Database &database, QObject *parent)
    : QObject(parent), m_database(database), m_origin(QUuid::createUuid().toString(QUuid::Id128).left(16))
{
}

EventBus::~EventBus()
{
    if (m_listening) {
        QSqlDatabase db = m_database.connection();
        if (db.isOpen() && db.driver()) {
            db.driver()->unsubscribeFromNotification(QString::fromLatin1(kChannel));
        }
    }
}

Result<void> EventBus::listen()
{
    if (m_listening || m_database.backend() != storage::Backend::Postgres) {
        return {};
    }
    QSqlDatabase db = m_database.connection();
    if (!db.isOpen() || !db.driver()) {
        return Error{ErrorCode::ConnectionLost, QStringLiteral("cannot listen for events: the database is not open")};
    }
    if (!db.driver()->subscribeToNotification(QString::fromLatin1(kChannel))) {
        return storage::sqlError(db.driver()->lastError(),
                                 QStringLiteral("LISTEN %1").arg(QString::fromLatin1(kChannel)));
    }
    connect(db.driver(), &QSqlDriver::notification, this, &EventBus::onNotification);
    m_listening = true;
    return {};
}

Result<void> EventBus::relisten()
{
    m_listening = false;
    return listen();
}

void EventBus::publishCallStatus(qint64 attemptId, CallStatus status)
{
    Q_EMIT callStatusChanged(attemptId, status, false);
    if (m_database.backend() != storage::Backend::Postgres) {
        return;
    }
    const QByteArray payload = QJsonDocument(QJsonObject{{QStringLiteral("o"), m_origin},
                                                         {QStringLiteral("a"), attemptId},
                                                         {QStringLiteral("s"), callStatusKey(status)}})
                                   .toJson(QJsonDocument::Compact);
    auto sent = storage::exec(m_database.connection(), QStringLiteral("SELECT pg_notify(?, ?)"),
                              {QString::fromLatin1(kChannel), QString::fromUtf8(payload)});
    if (!sent) {
        // Other consoles still see the change on their next refresh; nothing is lost in the database.
        logging::logger("vsc.events")->warn("cannot notify other consoles: {}", sent.error().toString().toStdString());
    }
}

void EventBus::onNotification(const QString &name, QSqlDriver::NotificationSource /*source*/, const QVariant &payload)
{
    if (name != QLatin1String(kChannel)) {
        return;
    }
    const QJsonObject message = QJsonDocument::fromJson(payload.toString().toUtf8()).object();
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
