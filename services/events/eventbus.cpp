// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/events/eventbus.h"

#include "services/logging/logging.h"

#include <QJsonArray>
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
    publishCallStatuses({{attemptId, status}});
}

void EventBus::publishCallStatuses(const QList<CallStatusChange> &changes)
{
    for (const CallStatusChange &change : changes) {
        Q_EMIT callStatusChanged(change.attemptId, change.status, false);
    }
    if (!m_channel.isSupported() || changes.isEmpty()) {
        return;
    }
    // {"o": origin, "e": [[attempt, status], ...]}: a payload stays far below NOTIFY's 8000 bytes for the batches
    // a webhook worker stores (CallFlow::kMaxStatusBatch), ~25 bytes an event.
    QJsonArray events;
    for (const CallStatusChange &change : changes) {
        events.append(QJsonArray{change.attemptId, callStatusKey(change.status)});
    }
    const QByteArray payload =
        QJsonDocument(QJsonObject{{QStringLiteral("o"), m_origin}, {QStringLiteral("e"), events}})
            .toJson(QJsonDocument::Compact);
    auto sent = m_channel.notify(QString::fromUtf8(payload));
    if (!sent) {
        // Other consoles still see the change on their next refresh; nothing is lost in the database.
        logging::logger("vsc.events")->warn("cannot notify other consoles: {}", sent.error().toString().toStdString());
    }
}

void EventBus::publishCallTurn(const LiveTurn &turn)
{
    Q_EMIT callTurn(turn, false);
    if (!m_channel.isSupported()) {
        return;
    }
    // {"o": origin, "t": [attempt, question, prompt, answered question, value, confidence or null]}; texts are cut
    // so one turn stays far below NOTIFY's 8000 bytes (the detail panel reads them whole from the database).
    const auto cut = [](const QString &text) { return text.left(kMaxTurnText); };
    const QJsonArray fields{
        turn.attemptId,          turn.currentQuestion,
        cut(turn.currentPrompt), turn.answerQuestion,
        cut(turn.answerValue),   turn.answerConfidence ? QJsonValue(*turn.answerConfidence) : QJsonValue()};
    const QByteArray payload =
        QJsonDocument(QJsonObject{{QStringLiteral("o"), m_origin}, {QStringLiteral("t"), fields}})
            .toJson(QJsonDocument::Compact);
    if (auto sent = m_channel.notify(QString::fromUtf8(payload)); !sent) {
        logging::logger("vsc.events")->warn("cannot notify other consoles: {}", sent.error().toString().toStdString());
    }
}

void EventBus::publishSuppressionsChanged()
{
    Q_EMIT suppressionsChanged(false);
    if (!m_channel.isSupported()) {
        return;
    }
    // {"o": origin, "k": "suppression"}: which list changed; the views read the list again.
    const QByteArray payload = QJsonDocument(QJsonObject{{QStringLiteral("o"), m_origin},
                                                         {QStringLiteral("k"), QStringLiteral("suppression")}})
                                   .toJson(QJsonDocument::Compact);
    if (auto sent = m_channel.notify(QString::fromUtf8(payload)); !sent) {
        logging::logger("vsc.events")->warn("cannot notify other consoles: {}", sent.error().toString().toStdString());
    }
}

void EventBus::onNotification(const QString &payload)
{
    const QJsonObject message = QJsonDocument::fromJson(payload.toUtf8()).object();
    if (message.value(QStringLiteral("o")).toString() == m_origin) {
        return; // our own, already delivered in process
    }
    if (message.value(QStringLiteral("k")).toString() == QLatin1String("suppression")) {
        Q_EMIT suppressionsChanged(true);
        return;
    }
    if (message.contains(QStringLiteral("t"))) {
        const QJsonArray fields = message.value(QStringLiteral("t")).toArray();
        LiveTurn turn;
        turn.attemptId = qint64(fields.at(0).toDouble());
        if (fields.size() < 6 || turn.attemptId <= 0) {
            logging::logger("vsc.events")->warn("ignored a malformed event on {}", kChannel);
            return;
        }
        turn.currentQuestion = fields.at(1).toString();
        turn.currentPrompt = fields.at(2).toString();
        turn.answerQuestion = fields.at(3).toString();
        turn.answerValue = fields.at(4).toString();
        if (fields.at(5).isDouble()) {
            turn.answerConfidence = fields.at(5).toDouble();
        }
        Q_EMIT callTurn(turn, true);
        return;
    }
    // One event ({"a", "s"}, as versions before batching sent) or a batch ({"e": [[a, s], ...]}).
    QJsonArray events = message.value(QStringLiteral("e")).toArray();
    if (!message.contains(QStringLiteral("e"))) {
        events.append(QJsonArray{message.value(QStringLiteral("a")), message.value(QStringLiteral("s"))});
    }
    for (const auto &event : std::as_const(events)) {
        const QJsonArray pair = event.toArray();
        const auto status = callStatusFromKey(pair.at(1).toString());
        const qint64 attemptId = qint64(pair.at(0).toDouble());
        if (!status || attemptId <= 0) {
            logging::logger("vsc.events")->warn("ignored a malformed event on {}", kChannel);
            continue;
        }
        Q_EMIT callStatusChanged(attemptId, *status, true);
    }
}

} // namespace vsc::services::events
