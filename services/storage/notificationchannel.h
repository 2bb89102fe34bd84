// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"

#include <QObject>
#include <QSqlDriver>

namespace vsc::services::storage {

class Database;

// One PostgreSQL LISTEN/NOTIFY channel on the calling thread's connection: what other processes on the same
// database notify arrives as `notified`. On SQLite (one process) listen() and notify() do nothing. Lives on the
// thread whose connection it listens on; needs that thread's event loop.
class NotificationChannel final : public QObject
{
    Q_OBJECT
public:
    NotificationChannel(Database &database, QString channel, QObject *parent = nullptr);
    ~NotificationChannel() override;

    [[nodiscard]] bool isSupported() const;
    Result<void> listen();
    // After the thread's connection was replaced (the server restarted): listen on the new one.
    Result<void> relisten();
    [[nodiscard]] bool isListening() const { return m_listening; }
    // pg_notify(channel, payload), for every listener including this process's own.
    Result<void> notify(const QString &payload);

Q_SIGNALS:
    void notified(const QString &payload);

private:
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);

    Database &m_database;
    QString m_channel;
    bool m_listening = false;
};

} // namespace vsc::services::storage
