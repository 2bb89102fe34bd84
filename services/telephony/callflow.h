// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/call.h"
#include "services/storage/callrepository.h"
#include "services/storage/database.h"
#include "services/telephony/twiliosignature.h"
#include "services/telephony/webhookjournal.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

namespace vsc::services::dialogue {
struct Turn;
struct LoadedScript;
struct Script;
} // namespace vsc::services::dialogue

namespace vsc::services::telephony {

class CallFlow;
// Which of several flows serves a call: always the same one, so one call's requests apply in arrival order.
[[nodiscard]] CallFlow *flowServing(const QList<CallFlow *> &flows, qint64 attemptId);

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
    ~CallFlow() override; // stores and answers what is queued

    // Twilio retries a webhook only when it cannot connect, unless the URL's fragment asks for more
    // (https://www.twilio.com/docs/usage/webhooks/webhooks-connection-overrides): a status callback answered with a
    // 5xx (a busy SQLite, a full disk) or timing out is retried up to 5 times. The fragment never reaches our server,
    // but Twilio signs the URL as we gave it, fragment included (twilio-node's validateRequest does the same), so the
    // webhook server puts it back before checking the signature.
    static constexpr const char *kStatusCallbackOverrides = "rc=5&rp=ct,rt,5xx";

    [[nodiscard]] QUrl voiceUrl(qint64 attemptId) const;
    [[nodiscard]] QUrl gatherUrl(qint64 attemptId) const;
    // With Twilio's connection overrides in its fragment (kStatusCallbackOverrides).
    [[nodiscard]] QUrl statusUrl(qint64 attemptId) const;
    [[nodiscard]] QUrl amdUrl(qint64 attemptId) const;
    [[nodiscard]] const QUrl &publicBaseUrl() const { return m_publicBaseUrl; }

    // The call connected: the first TwiML (intro and first question). Never a bare error: TwiML that apologises.
    WebhookReply voice(qint64 attemptId, const FormParams &params);
    // The caller answered (or did not) a <Gather>/<Record>: store the answer, reply with the next TwiML. `turn` is
    // the prompt number from the action URL: an answer to an earlier prompt (a duplicated or replayed request)
    // stores nothing and gets the current prompt again. Without one (an action URL from before turns were
    // counted) the input applies to the current prompt.
    WebhookReply gather(qint64 attemptId, const FormParams &params, std::optional<int> turn = std::nullopt);
    // A status callback (initiated, ringing, answered, completed...): stored once, out-of-order safe.
    WebhookReply status(qint64 attemptId, const FormParams &params);
    using ReplyHandler = std::function<void(const WebhookReply &)>;
    // status() for the webhook server, with group commit: the callback waits in this flow's event queue for those
    // that arrive meanwhile, and up to kMaxStatusBatch of them (one per call: a call's later callbacks wait for the
    // next batch) are stored in one transaction; `reply` gets each one's answer after the commit. A request of
    // another route, or status(), stores what waits first, so one call's requests still apply in arrival order.
    void queueStatus(qint64 attemptId, FormParams params, ReplyHandler reply);
    static constexpr qsizetype kMaxStatusBatch = 100;
    // The asynchronous answering-machine detection result.
    WebhookReply amd(qint64 attemptId, const FormParams &params);
    // Once a machine answered (AMD on the voice request, or the asynchronous verdict): the campaign's
    // answering-machine handling, "leave a message then hang up" or "hang up", instead of the next survey turn.
    std::optional<WebhookReply> machineTurn(qint64 attemptId, const FormParams &params);

    // Without a database these requests still get their TwiML (calls prepared or seen before are kept in memory)
    // and go to the journal, to be applied in order once the database is back. Not owned; may be null.
    void setJournal(WebhookJournal *journal) { m_journal = journal; }
    [[nodiscard]] qsizetype journaled() const { return m_journal ? m_journal->entries().size() : 0; }
    // Keeps the attempt's call session in memory (the dialer calls it as it places the call).
    void prepare(qint64 attemptId);
    // The console through Twilio: the webhook server hands each call to one of `workers` (flowServing()), each on
    // a thread and database connection of its own, while the dialer keeps talking to this flow. prepare() and
    // replayJournal() then go to the worker that serves the call (or to each), and the workers' callStatusChanged
    // comes out of this flow, on its thread. This flow serves no webhooks itself.
    void delegateTo(QList<CallFlow *> workers);
    // The session as of the last turn, for calls in progress that this flow has served.
    [[nodiscard]] std::optional<storage::CallSession> cachedSession(qint64 attemptId) const
    {
        const auto it = m_sessions.constFind(attemptId);
        return it == m_sessions.cend() ? std::nullopt : std::optional<storage::CallSession>(*it);
    }
    // Applies journaled requests in order on a fresh connection, removing each from the journal as it is applied.
    // ConnectionLost when the database is still away (the rest stays). Also runs by itself every 2 s while
    // the journal is not empty, and before any new request.
    Result<void> replayJournal();
    // The same for another journal of this role and database (a dead process's, locked by the caller); each entry
    // leaves the journal as it is applied.
    Result<void> replayJournal(WebhookJournal &journal);

    // The session's script version, parsed and validated on first use and kept (script versions are immutable).
    const dialogue::LoadedScript &scriptOf(const storage::CallSession &session);
    // How many script versions this flow has parsed and validated (each once: versions are immutable).
    [[nodiscard]] qsizetype scriptsParsed() const { return m_scriptsParsed; }

Q_SIGNALS:
    void callStatusChanged(qint64 attemptId, vsc::CallStatus status);
    // The same once per stored batch (after callStatusChanged for each), for publishers that send one message a
    // batch (EventBus::publishCallStatuses).
    void callStatusesChanged(const QList<vsc::CallStatusChange> &changes);
    void answerRecorded(qint64 attemptId, const QString &questionId, const QString &value);
    // Every stored dialogue turn: the question now on the line and the answer the turn stored (the live monitor).
    void turnStored(const vsc::LiveTurn &turn);
    void optedOut(qint64 attemptId);
    void journalChanged(qsizetype pending);

private:
    QUrl routeUrl(const QString &route, qint64 attemptId) const;
    WebhookReply dialogueTurn(qint64 attemptId, const FormParams &params, bool isVoiceRequest, std::optional<int> turn);
    // dialogueTurn()'s steps: a reply from loadSession() or storeTurn() ends the turn early (an empty reply: the
    // database cut a replay short).
    // The call's session from the database or, while it is away (`offline`), as this flow last saw it.
    std::optional<WebhookReply> loadSession(qint64 attemptId, const QString &route, storage::CallSession &session,
                                            bool &offline);
    // Stores the turn or, while the database is away (`offline` on return), journals the request.
    std::optional<WebhookReply> storeTurn(const storage::TurnWrite &write, const JournalEntry &request,
                                          const QString &language, bool &offline);
    // The call's current prompt again, read fresh from the database (another server moved the call on).
    WebhookReply currentPrompt(qint64 attemptId, const QString &language);
    // Tells the application about a stored turn's answer and opt-out.
    void announceTurn(const storage::TurnWrite &write, const dialogue::Turn &turn, const dialogue::Script &script);
    // Before a live request: replay what is journaled; true if it is still not empty (this request joins it).
    bool journalPending();
    // replayJournal() for the timer and journalPending(), which have no one to report to: a failure is logged.
    void tryReplayJournal();
    // A request the database could not take: journal it (live) or mark the replay as cut short.
    bool deferred(JournalEntry request);
    [[nodiscard]] QDateTime receivedAt() const;
    struct QueuedStatus
    {
        qint64 attemptId = 0;
        FormParams params;
        ReplyHandler reply;
    };
    // Stores and answers every queued status callback, in batches (see queueStatus).
    void flushStatuses();
    // Stores a batch (one callback per attempt) in one transaction and answers each.
    void storeStatuses(const QList<QueuedStatus> &batch);
    // One callback's answer from how storing it went; an applied status is announced and added to `changes`.
    WebhookReply answerStatus(const QueuedStatus &request, const storage::StatusCallback &callback,
                              const Result<storage::StatusOutcome> &outcome, QList<CallStatusChange> &changes);

    storage::Database &m_database;
    QUrl m_publicBaseUrl;
    WebhookJournal *m_journal = nullptr;
    QList<CallFlow *> m_workers;                    // delegateTo()
    QHash<qint64, storage::CallSession> m_sessions; // calls in progress, to answer them without the database
    QHash<QString, std::shared_ptr<const dialogue::LoadedScript>> m_scripts; // by "version id/contact language"
    qsizetype m_scriptsParsed = 0;
    QSet<qint64> m_machineAnswered; // calls an answering machine picked up: their next turn is the campaign's goodbye
    QTimer m_replayTimer;           // retries the replay while something is journaled
    QElapsedTimer m_lastReplayAttempt;
    bool m_replaying = false;
    bool m_replayCutShort = false;
    QDateTime m_replayReceivedAt;
    QList<QueuedStatus> m_queuedStatuses;
    bool m_flushQueued = false;
};

QString param(const FormParams &params, const QString &name);
// Twilio sends RFC 2822 times: "Tue, 31 Aug 2010 20:36:28 +0000".
QDateTime parseTwilioTime(const QString &text);

} // namespace vsc::services::telephony
