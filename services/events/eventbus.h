// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/call.h"
#include "models/result.h"
#include "services/storage/database.h"
#include "services/storage/notificationchannel.h"

#include <QObject>

namespace vsc::services::events {

// Call state changes (statuses and dialogue turns) for every interested view. Published in process at once and, on
// PostgreSQL, to every other console and headless dialer on the same database through LISTEN/NOTIFY (channel
// "vsc_events"), so they update without polling. With SQLite (one console) the in-process signal alone serves. Lives on
// the thread that owns the database connection it listens on; needs that thread's event loop.
class EventBus final : public QObject
{
    Q_OBJECT
public:
    static constexpr auto kChannel = "vsc_events";
    // Prompts and answers travel to other consoles cut to this many characters.
    static constexpr qsizetype kMaxTurnText = 300;

    explicit EventBus(storage::Database &database, QObject *parent = nullptr);
    ~EventBus() override;

    // Subscribes to other processes' events (PostgreSQL); a no-op on SQLite.
    Result<void> listen();
    // After the calling thread's connection was replaced (the server restarted): listen on the new one.
    Result<void> relisten();
    [[nodiscard]] bool isListening() const { return m_channel.isListening(); }
    [[nodiscard]] const QString &originId() const { return m_origin; }

public Q_SLOTS:
    // Emits callStatusChanged here at once, then notifies the other processes. Any thread may call it (webhook
    // workers do, directly): the notification goes out on the calling thread's connection.
    void publishCallStatus(qint64 attemptId, vsc::CallStatus status);
    // The same for a batch (a webhook worker's group commit): one notification carries them all.
    void publishCallStatuses(const QList<vsc::CallStatusChange> &changes);
    // A stored dialogue turn (the question now asked, the answer stored): here at once, then to the other processes.
    // Any thread may call it, like publishCallStatus.
    void publishCallTurn(const vsc::LiveTurn &turn);
    // The do-not-call list changed (a caller opted out, someone edited it): here at once, then to the other
    // processes (PostgreSQL), so every do-not-call view refreshes.
    void publishSuppressionsChanged();

Q_SIGNALS:
    // `remote`: the change happened in another console or dialer.
    void callStatusChanged(qint64 attemptId, vsc::CallStatus status, bool remote);
    void callTurn(const vsc::LiveTurn &turn, bool remote);
    void suppressionsChanged(bool remote);

private:
    void onNotification(const QString &payload);

    storage::NotificationChannel m_channel;
    QString m_origin;
};

} // namespace vsc::services::events
