// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/notificationchannel.h"

#include "services/storage/database.h"
#include "services/storage/sql.h"

namespace vsc::services::storage {

NotificationChannel::NotificationChannel(Database &database, QString channel, QObject *parent)
    : QObject(parent), m_database(database), m_channel(std::move(channel))
{
}

NotificationChannel::~NotificationChannel()
{
    if (m_listening) {
        QSqlDatabase db = m_database.connection();
        if (db.isOpen() && db.driver()) {
            db.driver()->unsubscribeFromNotification(m_channel);
        }
    }
}

bool NotificationChannel::isSupported() const
{
    return m_database.backend() == Backend::Postgres;
}

Result<void> NotificationChannel::listen()
{
    if (m_listening || !isSupported()) {
        return {};
    }
    QSqlDatabase db = m_database.connection();
    if (!db.isOpen() || !db.driver()) {
        return Error{ErrorCode::ConnectionLost, QStringLiteral("cannot listen for events: the database is not open")};
    }
    if (!db.driver()->subscribeToNotification(m_channel)) {
        return sqlError(db.driver()->lastError(), QStringLiteral("LISTEN %1").arg(m_channel));
    }
    connect(db.driver(), &QSqlDriver::notification, this, &NotificationChannel::onNotification);
    m_listening = true;
    return {};
}

Result<void> NotificationChannel::relisten()
{
    m_listening = false;
    return listen();
}

Result<void> NotificationChannel::notify(const QString &payload)
{
    if (!isSupported()) {
        return {};
    }
    // Sent with every batch of stored status changes, on the calling thread's connection: one round trip.
    auto sent = execPrepared(m_database, QStringLiteral("SELECT pg_notify(?, ?)"), {m_channel, payload});
    if (!sent) {
        return sent.error();
    }
    sent.value()->finish();
    return {};
}

void NotificationChannel::onNotification(const QString &name, QSqlDriver::NotificationSource /*source*/,
                                         const QVariant &payload)
{
    if (name == m_channel) {
        Q_EMIT notified(payload.toString());
    }
}

} // namespace vsc::services::storage
