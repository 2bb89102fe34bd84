// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "services/clock.h"
#include "services/dialer/campaignlease.h"
#include "services/dialer/dialrules.h"
#include "services/storage/contactqueue.h"
#include "services/storage/database.h"
#include "services/telephony/callflow.h"
#include "services/telephony/telephonyprovider.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace vsc::services::dialer {

struct DialerOptions
{
    double timeScale = 1.0;    // > 1 only with the simulated carrier: pacing and retry delays shrink with it
    int retryDelaySeconds = 0; // > 0 overrides the campaign's retry policy for every outcome (tests)
    // Recorded on each attempt as the lease holder that claimed it; empty = this process's holder id
    // (CampaignLease::processHolderId(), "host:pid:random").
    QString dialerId;
    int numberCapCalls = 3; // at most this many calls to one number ...
    int numberCapDays = 30; // ... within this many days, across all campaigns
    QString dialerLabel;    // who holds the campaign's lease, for people; empty = "console on <host> (pid N)"
};

// Seconds before a contact is dialed again after an attempt ended this way; the campaign's retry_policy JSON
// ({"busy": 300, "no-answer": 1800, "failed": 3600, "machine": 3600, "incomplete": 7200}) overrides the defaults.
int retryDelaySeconds(const QVariantMap &policy, CallStatus status, bool machine, bool incomplete);

struct DialerProgress
{
    int placed = 0;    // calls placed by this run
    int active = 0;    // calls in progress now
    int dialable = 0;  // contacts that could be dialed now
    int waiting = 0;   // contacts waiting for a retry or for their calling window
    int quotaFull = 0; // contacts not called because their quota cell is full
};

// Dials one campaign through a TelephonyProvider: a token bucket at the campaign's calls per second, at most
// max_concurrent_calls at a time, each contact claimed in a transaction before its call is placed (FOR UPDATE
// SKIP LOCKED on PostgreSQL), numbers on the suppression list skipped at dial time, the per-campaign attempt cap
// and the per-number cap across campaigns (3 calls in 30 days) honoured, and busy / no-answer / failed calls put back
// for a retry. Marks the campaign completed when no contact is dialable, none waits for a retry and no call is active.
// Lives on the thread that owns it (the dialing thread, or a headless run's main thread). Every query goes through
// the ContactQueue; every moment and timer comes from the Clock.
// Holds the campaign's lease while it dials, so no other console or dialer dials the same campaign.
// A contact is dialed only inside the campaign's calling window in each of its zones (checked when it is claimed,
// just before the call is placed; closed ones wait until the window opens) and while its quota cell has room.
class CampaignDialer final : public QObject
{
    Q_OBJECT
public:
    CampaignDialer(storage::Database &database, storage::ContactQueue &queue, Clock &clock,
                   telephony::TelephonyProvider &provider, telephony::CallFlow &flow, qint64 campaignId,
                   DialerOptions options = {}, QObject *parent = nullptr);
    ~CampaignDialer() override;

    static constexpr int kHeartbeatMs = 3000;

    // Who the campaign's status changes are recorded as (the person who started it; the dialer itself by default).
    void setActor(const Actor &actor) { m_actor = actor; }
    Result<void> start();
    void pause();
    // Dialing, or about to (reconciling leftovers, or waiting for the database to come back).
    [[nodiscard]] bool isRunning() const { return m_state != State::Stopped; }
    [[nodiscard]] bool isDatabaseLost() const { return m_state == State::DatabaseLost; }
    [[nodiscard]] qint64 campaignId() const { return m_campaignId; }
    [[nodiscard]] DialerProgress progress();
    // How long a call may be in progress, by this dialer's clock, before the dialer stops waiting for its final
    // status callback and asks the provider instead: the provider's ring timeout and time limit, plus a margin.
    [[nodiscard]] qint64 overdueAfterMs() const;

Q_SIGNALS:
    // The database went away: dialing is paused until it answers again (then databaseRestored).
    void databaseLost(const QString &detail);
    void databaseRestored();
    // Attempts left unfinished by an earlier run were settled; dialing starts now.
    void reconciled(int orphans);
    void progressChanged(const vsc::services::dialer::DialerProgress &progress);
    void runFinished(const vsc::services::dialer::DialerProgress &progress);
    void failed(const vsc::Error &error);

private:
    void tick();
    void refillTokens();
    Result<std::optional<storage::QueueClaim>> claimNext();
    [[nodiscard]] std::optional<QDateTime> deferral(const storage::QueueCandidate &candidate,
                                                    const QDateTime &at) const;
    void place(const storage::QueueClaim &claim, qint64 claimStartMs);
    void onPlaced(qint64 attemptId, const Result<QString> &sid);
    [[nodiscard]] storage::QueueRules queueRules() const;
    // Logs a failed write the run can live without, and pauses dialing when the database is gone.
    void noteWriteFailure(const char *what, qint64 attemptId, const Error &error);
    [[nodiscard]] QDateTime now() const;
    void onCallStatus(qint64 attemptId, vsc::CallStatus status);
    // `outcome`: what the queue recorded of the call (read once by the caller), for the retry rules.
    void settle(qint64 attemptId, vsc::CallStatus status, const storage::AttemptOutcome &outcome);
    void checkFinished();
    void sweepOverdue();
    void endOverdue(qint64 attemptId, const Result<telephony::ProviderCall> &call);
    void renewLease();
    void leaseLost();
    void releaseLease();
    // The age (database clock) past which a claim without a call SID is an orphan: no create can be in flight.
    [[nodiscard]] int orphanGraceMs() const;
    using Orphan = storage::UnfinishedAttempt;
    enum class State { Stopped, Reconciling, Dialing, DatabaseLost };
    Result<void> loadCampaign();
    Result<void> acquireLease();
    void reconcile();
    void findOrphanCall(const Orphan &orphan);
    void lookUpOrphan(const Orphan &orphan);
    void lookAgain(qint64 attemptId);
    void settleStranded();
    void resolveOrphan(const Orphan &orphan, const Result<telephony::ProviderCall> &call);
    // attemptId 0: reconcile()'s own share.
    void orphanResolved(qint64 attemptId);
    void beginDialing();
    void enterDatabaseLost(const Error &error);
    void tryRecoverDatabase();

    storage::Database &m_database;
    storage::ContactQueue &m_queue;
    Clock &m_clock;
    telephony::TelephonyProvider &m_provider;
    telephony::CallFlow &m_flow;
    qint64 m_campaignId;
    Actor m_actor = Actor::system(QStringLiteral("dialer"));
    DialerOptions m_options;
    QString m_holderId;
    Timer m_timer;
    Timer m_heartbeat;
    Timer m_recovery;                      // probes the database while it is lost
    Timer m_sweep;                         // asks the provider about calls whose final status never arrived
    QHash<qint64, qint64> m_activeSinceMs; // Clock::monotonicMs() when the sweep first saw each active attempt
    QSet<qint64> m_askingProvider;         // overdue attempts whose lookup is under way
    State m_state = State::Stopped;
    int m_unresolvedOrphans = 0;
    int m_orphans = 0;
    std::unique_ptr<CampaignLease> m_lease;
    double m_tokens = 0;
    qint64 m_lastRefillNs = -1; // Clock::monotonicNs() of the last refill; -1: not yet
    qint64 m_idleSinceMs = -1;  // Clock::monotonicMs() when no contact was dialable at the last look; -1: busy
    double m_callsPerSecond = 1;
    int m_maxConcurrent = 1;
    int m_maxAttempts = 3;
    QVariantMap m_retryPolicy;
    QString m_callerId;
    CallingWindow m_window;
    QuotaCells m_quotas;
    QSet<qint64> m_active;      // attempt ids placed by this dialer and not yet ended
    QSet<qint64> m_unsure;      // ... of which the provider may or may not have created the call (ambiguous create)
    QSet<qint64> m_reconciling; // orphans of the reconciliation under way
    int m_placed = 0;
    bool m_settlingStranded = false; // checkFinished() is settling contacts a failed settle left in progress
};

} // namespace vsc::services::dialer

Q_DECLARE_METATYPE(vsc::services::dialer::DialerProgress)
