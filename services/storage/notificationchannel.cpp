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
    // Sent with every stored status change: one round trip (see postgresLiteral), on the calling thread's connection.
    auto sent =
        exec(m_database.connection(),
             QStringLiteral("SELECT pg_notify(%1, %2)").arg(postgresLiteral(m_channel), postgresLiteral(payload)), {});
    if (!sent) {
        return sent.error();
    }
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
