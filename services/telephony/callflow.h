// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "call.h"
#include "storage/database.h"
#include "twiliosignature.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>

namespace vsc::services::telephony {

struct WebhookReply
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("text/xml");
    QByteArray body;
};

// What happens on each of Twilio's requests for one call attempt, independent of HTTP: the webhook server calls it
// after checking signatures, and the simulated carrier calls it directly, so both take the same path through the
// dialogue engine and the database. Every answer and event is committed before the reply is returned.
// Synchronous; runs on the calling thread (the thread that owns the webhook server).
class CallFlow final : public QObject
{
    Q_OBJECT
public:
    CallFlow(storage::Database &database, QUrl publicBaseUrl, QObject *parent = nullptr);

    [[nodiscard]] QUrl voiceUrl(qint64 attemptId) const;
    [[nodiscard]] QUrl gatherUrl(qint64 attemptId) const;
    [[nodiscard]] QUrl statusUrl(qint64 attemptId) const;
    [[nodiscard]] QUrl amdUrl(qint64 attemptId) const;
    [[nodiscard]] const QUrl &publicBaseUrl() const { return m_publicBaseUrl; }

    // The call connected: the first TwiML (intro and first question). Never a bare error: TwiML that apologises.
    WebhookReply voice(qint64 attemptId, const FormParams &params);
    // The caller answered (or did not) a <Gather>/<Record>: store the answer, reply with the next TwiML.
    WebhookReply gather(qint64 attemptId, const FormParams &params);
    // A status callback (initiated, ringing, answered, completed...): stored once, out-of-order safe.
    WebhookReply status(qint64 attemptId, const FormParams &params);
    // The asynchronous answering-machine detection result.
    WebhookReply amd(qint64 attemptId, const FormParams &params);

Q_SIGNALS:
    void callStatusChanged(qint64 attemptId, vsc::CallStatus status);
    void answerRecorded(qint64 attemptId, const QString &questionId, const QString &value);
    void optedOut(qint64 attemptId);

private:
    QUrl routeUrl(const QString &route, qint64 attemptId) const;
    WebhookReply dialogueTurn(qint64 attemptId, const FormParams &params, bool isVoiceRequest);

    storage::Database &m_database;
    QUrl m_publicBaseUrl;
};

QString param(const FormParams &params, const QString &name);
// Twilio sends RFC 2822 times: "Tue, 31 Aug 2010 20:36:28 +0000".
QDateTime parseTwilioTime(const QString &text);

} // namespace vsc::services::telephony
