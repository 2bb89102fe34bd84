// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/dialer/campaigndialer.h"

#include "services/campaigns/campaignlifecycle.h"
#include "services/logging/logging.h"
#include "services/storage/campaignrepository.h"
#include "services/telephony/twilioclient.h"

namespace vsc::services::dialer {
namespace {

constexpr int kTickMs = 50;
constexpr int kIdleRecheckMs = 1000;
constexpr int kRecoveryProbeMs = 1000;
constexpr int kQuotaRecheckSeconds = 900;
// A status callback can be lost for good (our server answered 5xx through all of Twilio's retries, or was down):
// calls still active this long after the provider's own limits are looked up with the provider.
constexpr int kOverdueMarginSeconds = 120;
constexpr int kSweepSeconds = 60;
// Added to the provider's longest create time before a claim without a call SID counts as an orphan: the claim's
// commit, and the provider's own lag before it lists a call it created.
constexpr int kOrphanMarginMs = 10000;
// How soon an attempt the provider could not be asked about is looked up again while dialing.
constexpr int kUnsureRecheckMs = 5000;

auto log()
{
    return logging::logger("vsc.dialer");
}

// What a call's recorded outcome says (its error code, AnsweredBy); when it cannot be read the call is settled as an
// ordinary one, and the log says why.
storage::AttemptOutcome outcomeOrDefault(storage::ContactQueue &queue, qint64 attemptId)
{
    auto outcome = queue.outcome(attemptId);
    if (!outcome) {
        log()->warn("call attempt {}: outcome not read, settled as an ordinary call: {}", attemptId,
                    outcome.error().toString().toStdString());
        return {};
    }
    return outcome.value();
}

} // namespace

int retryDelaySeconds(const QVariantMap &policy, CallStatus status, bool machine, bool incomplete)
{
    QString key;
    int fallback = 1800;
    if (machine) {
        key = QStringLiteral("machine");
        fallback = 3600;
    } else if (status == CallStatus::Busy) {
        key = QStringLiteral("busy");
        fallback = 600;
    } else if (status == CallStatus::NoAnswer) {
        key = QStringLiteral("no-answer");
    } else if (status == CallStatus::Failed || status == CallStatus::Canceled) {
        key = QStringLiteral("failed");
        fallback = 3600;
    } else if (incomplete) {
        key = QStringLiteral("incomplete"); // answered, but hung up before the end
        fallback = 7200;
    } else {
        key = callStatusKey(status);
    }
    bool ok = false;
    const int seconds = policy.value(key).toInt(&ok);
    return ok && seconds >= 0 ? seconds : fallback;
}

CampaignDialer::CampaignDialer(storage::Database &database, storage::ContactQueue &queue, Clock &clock,
                               telephony::TelephonyProvider &provider, telephony::CallFlow &flow, qint64 campaignId,
                               DialerOptions options, QObject *parent)
    : QObject(parent), m_database(database), m_queue(queue), m_clock(clock), m_provider(provider), m_flow(flow),
      m_campaignId(campaignId), m_options(std::move(options)),
      m_holderId(m_options.dialerId.isEmpty() ? CampaignLease::processHolderId() : m_options.dialerId),
      m_timer(clock, this), m_heartbeat(clock, this), m_recovery(clock, this), m_sweep(clock, this)
{
    m_timer.setInterval(kTickMs);
    connect(&m_timer, &Timer::timeout, this, &CampaignDialer::tick);
    m_heartbeat.setInterval(kHeartbeatMs);
    connect(&m_heartbeat, &Timer::timeout, this, &CampaignDialer::renewLease);
    m_recovery.setInterval(kRecoveryProbeMs);
    connect(&m_recovery, &Timer::timeout, this, &CampaignDialer::tryRecoverDatabase);
    // Runs as long as the dialer lives, also after pause(): calls in flight must end for a drain to finish.
    m_sweep.setInterval(qMax(kTickMs, int(kSweepSeconds * 1000 / qMax(0.001, m_options.timeScale))));
    connect(&m_sweep, &Timer::timeout, this, &CampaignDialer::sweepOverdue);
    connect(&m_flow, &telephony::CallFlow::callStatusChanged, this, &CampaignDialer::onCallStatus);
}

CampaignDialer::~CampaignDialer()
{
    releaseLease();
}

QDateTime CampaignDialer::now() const
{
    return m_clock.nowUtc();
}

storage::QueueRules CampaignDialer::queueRules() const
{
    storage::QueueRules rules{m_campaignId, m_maxAttempts, m_options.numberCapCalls, m_options.numberCapDays, {}};
    if (m_lease) {
        rules.fence = m_lease->fence();
    }
    return rules;
}

int CampaignDialer::orphanGraceMs() const
{
    return m_provider.maxCreateMs() + kOrphanMarginMs;
}

void CampaignDialer::noteWriteFailure(const char *what, qint64 attemptId, const Error &error)
{
    log()->error("call attempt {}: cannot {}: {}", attemptId, what, error.toString().toStdString());
    if (error.code == ErrorCode::ConnectionLost) {
        enterDatabaseLost(error);
    }
}

void CampaignDialer::renewLease()
{
    if (!m_lease) {
        return;
    }
    auto renewed = m_lease->renew();
    if (renewed && renewed.value()) {
        return;
    }
    if (!renewed) {
        log()->warn("campaign {}: cannot renew the lease: {}", m_campaignId, renewed.error().toString().toStdString());
        if (renewed.error().code == ErrorCode::ConnectionLost) {
            enterDatabaseLost(renewed.error()); // noticed even when no claim is due (all lines busy)
        }
        return; // try again at the next heartbeat; it only expires after CampaignLease::kTtlSeconds
    }
    leaseLost();
}

// Someone took over after our lease expired: stop at once so the campaign is never dialed twice. Claims were fenced
// already: the database refuses them once the lease is gone, whether or not this dialer has noticed.
void CampaignDialer::leaseLost()
{
    log()->error("campaign {}: lease lost to another dialer; stopped dialing", m_campaignId);
    m_state = State::Stopped;
    m_timer.stop();
    m_recovery.stop();
    m_heartbeat.stop();
    m_lease.reset();
    Q_EMIT failed(Error{ErrorCode::Conflict, QStringLiteral("another dialer took over campaign %1").arg(m_campaignId)});
}

void CampaignDialer::releaseLease()
{
    m_heartbeat.stop();
    if (m_lease) {
        if (auto released = m_lease->release(); !released) {
            // Harmless: the lease expires by itself after CampaignLease::kTtlSeconds.
            log()->warn("campaign {}: cannot release the lease: {}", m_campaignId,
                        released.error().toString().toStdString());
        }
        m_lease.reset();
    }
}

Result<void> CampaignDialer::loadCampaign()
{
    auto campaign = storage::CampaignRepository(m_database).byId(m_campaignId);
    if (!campaign) {
        return campaign.error();
    }
    const Campaign &c = campaign.value();
    if (!c.scriptVersionId) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("campaign %1 has no script version").arg(m_campaignId)};
    }
    m_callsPerSecond = c.callsPerSecond * m_options.timeScale;
    m_maxConcurrent = c.maxConcurrentCalls;
    m_maxAttempts = c.maxAttempts;
    m_retryPolicy = c.retryPolicy;
    m_callerId = c.callerId;
    m_window = callingWindowOf(c);
    m_quotas = QuotaCells(c.quotas);
    return m_quotas.refresh(m_queue, m_campaignId);
}

Result<void> CampaignDialer::acquireLease()
{
    if (m_lease) {
        return {};
    }
    auto lease = std::make_unique<CampaignLease>(m_database, m_campaignId, m_holderId,
                                                 m_options.dialerLabel.isEmpty()
                                                     ? CampaignLease::processLabel(QStringLiteral("console"))
                                                     : m_options.dialerLabel);
    auto acquired = lease->tryAcquire();
    if (!acquired) {
        return acquired.error();
    }
    if (!acquired.value()) {
        auto holder = CampaignLease::current(m_database, m_campaignId);
        const QString who = holder.ok() && holder.value() ? holder.value()->label : QStringLiteral("another dialer");
        return Error{ErrorCode::Conflict,
                     QStringLiteral("campaign %1 is being dialed by %2").arg(m_campaignId).arg(who)};
    }
    m_lease = std::move(lease);
    m_heartbeat.start();
    return {};
}

Result<void> CampaignDialer::start()
{
    if (auto loaded = loadCampaign(); !loaded) {
        return loaded;
    }
    m_tokens = 1; // the first call goes out at once
    m_lastRefillNs = -1;
    m_idleSinceMs = -1;
    if (auto leased = acquireLease(); !leased) {
        return leased;
    }
    if (auto running =
            campaigns::CampaignLifecycle(m_database).transition(m_campaignId, CampaignStatus::Running, m_actor);
        !running) {
        releaseLease();
        return running;
    }
    m_state = State::Reconciling;
    m_sweep.start();
    reconcile();
    return {};
}

void CampaignDialer::beginDialing()
{
    if (m_state != State::Reconciling) {
        return;
    }
    m_state = State::Dialing;
    log()->info("campaign {}: dialing at {} calls/s, at most {} at once", m_campaignId, m_callsPerSecond,
                m_maxConcurrent);
    Q_EMIT reconciled(m_orphans);
    m_timer.start();
}

void CampaignDialer::pause()
{
    m_state = State::Stopped;
    m_timer.stop();
    m_recovery.stop();
    releaseLease();
    if (auto paused =
            campaigns::CampaignLifecycle(m_database).transition(m_campaignId, CampaignStatus::Paused, m_actor);
        !paused) {
        // Dialing has stopped either way; the campaign row says so once the database answers again.
        log()->warn("campaign {}: paused, but its status could not be recorded: {}", m_campaignId,
                    paused.error().toString().toStdString());
    }
    log()->info("campaign {}: paused; {} call(s) in progress finish normally", m_campaignId, m_active.size());
}

DialerProgress CampaignDialer::progress()
{
    DialerProgress p;
    p.placed = m_placed;
    p.active = int(m_active.size());
    const QDateTime at = now();
    const storage::QueueRules rules = queueRules();
    p.dialable = m_queue.countDialable(rules, at).valueOr(0);
    p.waiting = m_queue.countWaiting(rules, at).valueOr(0);
    if (!m_quotas.isEmpty() && p.waiting > 0) {
        // Contacts whose quota cell is full wait for nothing: they do not keep the campaign open.
        const QList<QVariantMap> waiting = m_queue.waitingContacts(rules, at).valueOr({});
        for (const QVariantMap &fields : waiting) {
            p.quotaFull += m_quotas.fullCellFor(fields).isEmpty() ? 0 : 1;
        }
        p.waiting -= p.quotaFull;
    }
    return p;
}

// The calling window and quota cells are decided here, in C++; the queue moves the ones that may not be called now
// out of the way until the time given.
std::optional<QDateTime> CampaignDialer::deferral(const storage::QueueCandidate &candidate, const QDateTime &at) const
{
    const WindowDecision window =
        DialPolicy::check(m_window, DialPolicy::zonesFor(candidate.timeZone, candidate.phone), at);
    if (!window.open) {
        // Unknown zone or no opening within 8 days: look again in a day rather than guess.
        return window.opensAt.isValid() ? window.opensAt : at.addDays(1);
    }
    if (!m_quotas.isEmpty() && !m_quotas.fullCellFor(candidate.customFields).isEmpty()) {
        return at.addSecs(kQuotaRecheckSeconds);
    }
    return std::nullopt;
}

Result<std::optional<storage::QueueClaim>> CampaignDialer::claimNext()
{
    const QDateTime at = now();
    return m_queue.claimNext(queueRules(), at, m_holderId, m_provider.kind(),
                             [this, &at](const storage::QueueCandidate &candidate) { return deferral(candidate, at); });
}

// Tokens accrue with the time that really passed, not per tick: timer ticks run late under load, and counting them
// would fall short of the configured rate.
void CampaignDialer::refillTokens()
{
    const qint64 nowNs = m_clock.monotonicNs(); // nanoseconds: whole milliseconds per tick would lose ~2 %
    if (m_lastRefillNs < 0) {
        m_lastRefillNs = nowNs;
    }
    const double elapsedSeconds = double(nowNs - m_lastRefillNs) / 1e9;
    m_lastRefillNs = nowNs;
    // Capacity: one second's calls, plus two ticks' worth so that a token due between ticks is not clipped away
    // (at 1 call/s clipping at exactly 1 lost ~2.5 % of the rate).
    const double capacity = qMax(1.0, m_callsPerSecond) + m_callsPerSecond * 2.0 * kTickMs / 1000.0;
    m_tokens = qMin(capacity, m_tokens + m_callsPerSecond * elapsedSeconds);
}

void CampaignDialer::tick()
{
    refillTokens();
    if (m_idleSinceMs >= 0 && m_clock.monotonicMs() - m_idleSinceMs < kIdleRecheckMs) {
        return; // nothing was dialable a moment ago: look again in a second, not every tick
    }
    int placedNow = 0;
    while (m_tokens >= 1.0 && m_active.size() < m_maxConcurrent) {
        // The create deadline counts from before the claim: a stall inside the claim's transaction counts too.
        const qint64 claimStartMs = m_clock.monotonicMs();
        auto claimed = claimNext();
        if (!claimed) {
            log()->error("campaign {}: cannot claim a contact: {}", m_campaignId,
                         claimed.error().toString().toStdString());
            if (claimed.error().code == ErrorCode::ConnectionLost) {
                enterDatabaseLost(claimed.error());
            } else if (claimed.error().code == ErrorCode::Conflict && m_lease) {
                leaseLost(); // fenced: the claim found the lease taken over or expired
            }
            return;
        }
        if (!claimed.value()) {
            m_idleSinceMs = m_clock.monotonicMs();
            if (placedNow > 0) {
                Q_EMIT progressChanged(progress());
            }
            checkFinished();
            return;
        }
        m_idleSinceMs = -1;
        ++placedNow;
        m_tokens -= 1.0;
        place(*claimed.value(), claimStartMs);
    }
    if (placedNow > 0) { // the counts are queries: not on every tick when nothing changed
        Q_EMIT progressChanged(progress());
    }
}

void CampaignDialer::place(const storage::QueueClaim &claim, qint64 claimStartMs)
{
    m_active.insert(claim.attemptId);
    ++m_placed;
    telephony::OutboundCall call;
    call.attemptId = claim.attemptId;
    call.to = claim.phone;
    call.from = m_callerId;
    call.voiceUrl = m_flow.voiceUrl(claim.attemptId);
    call.statusUrl = m_flow.statusUrl(claim.attemptId);
    // A standby judges this claim an orphan only after maxCreateMs() by the database's clock: past the deadline the
    // provider sends nothing, however long this process was stopped in between.
    call.createDeadlineMs = claimStartMs + m_provider.createBudgetMs();
    m_flow.prepare(claim.attemptId); // the call can be served from memory if the database goes away mid-call
    m_provider.placeCall(call,
                         [this, attemptId = claim.attemptId](const Result<QString> &sid) { onPlaced(attemptId, sid); });
}

void CampaignDialer::onPlaced(qint64 attemptId, const Result<QString> &sid)
{
    if (sid) {
        if (auto marked = m_queue.markPlaced(attemptId, sid.value()); !marked) {
            // Reconciliation finds the call by its number if the SID never reaches the database.
            noteWriteFailure("record the call SID", attemptId, marked.error());
        }
        return;
    }
    const Error &error = sid.error();
    if (error.ambiguous) {
        // The call may exist (an answer lost after sending, a success that could not be read): dialing again could
        // call someone twice. The attempt stays claimed, holding its line, until the provider says what happened.
        log()->warn("call attempt {}: the provider may have placed it ({}); asking it in {} ms", attemptId,
                    error.toString().toStdString(), orphanGraceMs());
        m_unsure.insert(attemptId);
        m_clock.singleShot(orphanGraceMs(), this, [this, attemptId] { lookAgain(attemptId); });
        return;
    }
    if (error.code == ErrorCode::Conflict) {
        // The create deadline passed before anything was sent (this process stalled): nothing to retry, nothing
        // used; a standby may be reconciling the claim already, and undoing it twice is harmless.
        auto undone = m_queue.undoClaim(attemptId);
        log()->warn("call attempt {}: not placed: {}; {}", attemptId, error.toString().toStdString(),
                    undone.ok() ? "claim undone" : "could not undo the claim");
        m_active.remove(attemptId);
        --m_placed;
        checkFinished();
        return;
    }
    log()->warn("call attempt {}: not placed: {}", attemptId, error.toString().toStdString());
    const std::optional<int> code = error.providerCode != 0 ? std::optional<int>(error.providerCode) : std::nullopt;
    if (auto marked = m_queue.markNotPlaced(attemptId, code, error.detail, now()); !marked) {
        noteWriteFailure("record the failed attempt", attemptId, marked.error());
    }
    settle(attemptId, CallStatus::Failed, storage::AttemptOutcome{code, QString()});
}

void CampaignDialer::onCallStatus(qint64 attemptId, CallStatus status)
{
    if (isTerminal(status) && m_active.contains(attemptId)) {
        settle(attemptId, status, outcomeOrDefault(m_queue, attemptId));
    }
}

void CampaignDialer::settle(qint64 attemptId, CallStatus status, const storage::AttemptOutcome &outcome)
{
    m_active.remove(attemptId);
    if (status == CallStatus::Completed && !m_quotas.isEmpty()) {
        if (auto counted = m_quotas.refresh(m_queue, m_campaignId); !counted) {
            log()->warn("campaign {}: quota counts not refreshed: {}", m_campaignId,
                        counted.error().toString().toStdString());
        }
    }
    // The survey itself marks completed and opted-out contacts; everything else goes back or gives up.
    const bool permanent = outcome.errorCode && telephony::isInvalidNumberCode(*outcome.errorCode);
    const bool machine = outcome.answeredBy.startsWith(QLatin1String("machine"));
    const int delay = m_options.retryDelaySeconds > 0
                          ? m_options.retryDelaySeconds
                          : retryDelaySeconds(m_retryPolicy, status, machine, status == CallStatus::Completed);
    const QDateTime retryAt = now().addMSecs(qint64(delay * 1000.0 / qMax(0.001, m_options.timeScale)));
    if (auto settled = m_queue.settleContact(attemptId, permanent, m_maxAttempts, retryAt); !settled) {
        noteWriteFailure("settle the contact", attemptId, settled.error());
    }
    log()->debug("call attempt {} ended {}", attemptId, callStatusKey(status).toStdString());
    Q_EMIT progressChanged(progress());
    checkFinished();
}

// Attempts this campaign left unfinished (a dialer crashed or was killed, a console quit mid-call, the lease moved)
// are settled before anything new is dialed, by asking the provider what became of them:
// - no call SID: the claim may or may not have reached the provider; a call to that number since the claim is
//   adopted, otherwise the attempt never went out and the contact is dialable again at once;
// - a call still running (Twilio, or this process's own simulated carrier) is tracked until its webhooks end it;
// - a call that ended, or that died with the process that simulated it, is settled like any ended call.
// If the provider cannot be asked, the run stops rather than risk dialing someone twice.
void CampaignDialer::reconcile()
{
    auto unfinished = m_queue.unfinishedAttempts(m_campaignId);
    if (!unfinished) {
        m_state = State::Stopped;
        releaseLease();
        Q_EMIT failed(unfinished.error());
        return;
    }
    QList<Orphan> orphans;
    for (const Orphan &attempt : std::as_const(unfinished.value())) {
        // This dialer's own calls are tracked already, except creates it is unsure of (those are asked about now).
        if (!m_active.contains(attempt.attemptId) || m_unsure.contains(attempt.attemptId)) {
            orphans.append(attempt);
            m_active.remove(attempt.attemptId);
            m_unsure.remove(attempt.attemptId);
        }
    }
    settleStranded();
    m_orphans = int(orphans.size());
    m_reconciling.clear();
    for (const Orphan &orphan : std::as_const(orphans)) {
        m_reconciling.insert(orphan.attemptId);
    }
    m_unresolvedOrphans = m_orphans + 1; // +1: this function's own share, released below
    if (m_orphans > 0) {
        log()->info("campaign {}: reconciling {} attempt(s) left unfinished by an earlier run", m_campaignId,
                    m_orphans);
    }
    const int graceMs = orphanGraceMs();
    for (const Orphan &orphan : std::as_const(orphans)) {
        if (!orphan.callSid.isEmpty()) {
            lookUpOrphan(orphan);
        } else if (orphan.claimAgeMs >= 0 && orphan.claimAgeMs < graceMs) {
            // Its dialer may still be creating the call (stopped, cut off from the database, or with a clock that
            // runs behind): asked about only once no create can still be in flight, by the database's clock.
            log()->info("call attempt {}: claimed {} ms ago without a call SID; asking the provider in {} ms",
                        orphan.attemptId, orphan.claimAgeMs, graceMs - orphan.claimAgeMs);
            m_clock.singleShot(int(graceMs - orphan.claimAgeMs), this,
                               [this, id = orphan.attemptId] { lookAgain(id); });
        } else {
            findOrphanCall(orphan);
        }
    }
    orphanResolved(0);
}

void CampaignDialer::lookUpOrphan(const Orphan &orphan)
{
    m_provider.lookUpCall(orphan.callSid,
                          [this, orphan](const Result<telephony::ProviderCall> &call) { resolveOrphan(orphan, call); });
}

// An attempt whose create may still have been in flight, read again once it cannot be: whatever its dialer
// recorded meanwhile (a call SID, a failure) is the starting point; the provider is asked about the rest.
void CampaignDialer::lookAgain(qint64 attemptId)
{
    const bool reconciling = m_state == State::Reconciling && m_reconciling.contains(attemptId);
    const bool unsure = m_state == State::Dialing && m_unsure.contains(attemptId);
    if (!reconciling && !unsure) {
        return; // stopped meanwhile (the next start reconciles it), or settled by its webhooks
    }
    auto unfinished = m_queue.unfinishedAttempts(m_campaignId);
    if (!unfinished) {
        resolveOrphan(Orphan{attemptId, {}, {}, {}, {}, -1}, unfinished.error());
        return;
    }
    for (const Orphan &attempt : std::as_const(unfinished.value())) {
        if (attempt.attemptId == attemptId) {
            if (attempt.callSid.isEmpty()) {
                findOrphanCall(attempt);
            } else {
                lookUpOrphan(attempt);
            }
            return;
        }
    }
    // Ended meanwhile: its dialer recorded the outcome after all.
    m_unsure.remove(attemptId);
    m_active.remove(attemptId);
    orphanResolved(attemptId);
}

// A dialer that died after a call ended but before it settled the contact leaves the contact in progress with a
// finished attempt: nothing would ever dial it again, and the campaign could complete without it. Settled here as
// if the call had just ended.
void CampaignDialer::settleStranded()
{
    auto stranded = m_queue.strandedAttempts(m_campaignId);
    if (!stranded) {
        log()->warn("campaign {}: cannot look for contacts left in progress: {}", m_campaignId,
                    stranded.error().toString().toStdString());
        return;
    }
    for (const storage::StrandedAttempt &attempt : std::as_const(stranded.value())) {
        log()->info("call attempt {}: ended {} but its contact was never settled; settling it now", attempt.attemptId,
                    callStatusKey(attempt.status).toStdString());
        settle(attempt.attemptId, attempt.status, outcomeOrDefault(m_queue, attempt.attemptId));
    }
}

void CampaignDialer::findOrphanCall(const Orphan &orphan)
{
    // Twilio's clocks and ours differ a little; a call created just before the claim was stored still counts. The
    // earlier of the claimer's clock and the database's: a simulated carrier stamps calls with the claimer's.
    QDateTime since = orphan.claimedAt;
    if (orphan.claimedDbAt.isValid() && (!since.isValid() || orphan.claimedDbAt < since)) {
        since = orphan.claimedDbAt;
    }
    m_provider.findCalls(orphan.phone, since.addSecs(-5),
                         [this, orphan](const Result<QList<telephony::ProviderCall>> &calls) {
                             if (!calls) {
                                 resolveOrphan(orphan, calls.error());
                                 return;
                             }
                             for (const telephony::ProviderCall &call : calls.value()) {
                                 auto known = m_queue.isKnownCallSid(call.sid);
                                 if (!known) {
                                     resolveOrphan(orphan, known.error()); // unsure: stop rather than guess
                                     return;
                                 }
                                 if (!known.value()) {
                                     resolveOrphan(orphan, call);
                                     return;
                                 }
                             }
                             resolveOrphan(orphan, Error{ErrorCode::NotFound, QStringLiteral("never placed")});
                         });
}

void CampaignDialer::resolveOrphan(const Orphan &orphan, const Result<telephony::ProviderCall> &call)
{
    if (!call && call.error().code != ErrorCode::NotFound) {
        log()->error("campaign {}: cannot ask the provider about call attempt {}: {}; not dialing, to avoid calling "
                     "anyone twice",
                     m_campaignId, orphan.attemptId, call.error().toString().toStdString());
        if (m_state == State::Dialing && m_unsure.contains(orphan.attemptId)) {
            // Its own unsure create: the line stays taken; ask again later.
            m_clock.singleShot(kUnsureRecheckMs, this, [this, id = orphan.attemptId] { lookAgain(id); });
            return;
        }
        if (m_state == State::Reconciling) {
            m_state = State::Stopped;
            releaseLease();
            Q_EMIT failed(Error{
                call.error().code,
                QStringLiteral("cannot reconcile unfinished calls with the provider: %1").arg(call.error().detail)});
        }
        return;
    }
    if (!call && orphan.callSid.isEmpty()) {
        // The provider never saw it: the claim is undone as if it had not happened (it used no attempt).
        auto undone = m_queue.undoClaim(orphan.attemptId);
        if (!undone) {
            noteWriteFailure("undo the claim of a call that never reached the provider", orphan.attemptId,
                             undone.error());
        } else {
            log()->info("call attempt {}: never reached the provider; {}", orphan.attemptId,
                        undone.value() ? "claim undone, the contact is dialable again" : "could not undo the claim");
        }
        m_unsure.remove(orphan.attemptId);
        if (m_active.remove(orphan.attemptId)) {
            --m_placed; // an unsure create of this run that never happened
        }
        orphanResolved(orphan.attemptId);
        return;
    }
    m_unsure.remove(orphan.attemptId);
    const QString sid = call ? call.value().sid : orphan.callSid;
    const QString providerStatus = call ? call.value().status : QStringLiteral("gone");
    if (auto adopted = m_queue.adoptCallSid(orphan.attemptId, sid); !adopted) {
        noteWriteFailure("record the adopted call SID", orphan.attemptId, adopted.error());
    }
    const auto status = callStatusFromKey(providerStatus);
    if (status && !isTerminal(*status)) {
        m_active.insert(orphan.attemptId); // still running: its webhooks will end it
        log()->info("call attempt {}: call {} is still {}; tracking it", orphan.attemptId, sid.toStdString(),
                    providerStatus.toStdString());
        orphanResolved(orphan.attemptId);
        return;
    }
    const CallStatus ended = status.value_or(CallStatus::Canceled);
    if (auto recorded = m_queue.endAttempt(orphan.attemptId, ended, now(),
                                           status ? QString()
                                                  : QStringLiteral("the call ended with the dialer that "
                                                                   "placed it"));
        !recorded) {
        noteWriteFailure("record how the call ended", orphan.attemptId, recorded.error());
    }
    m_active.insert(orphan.attemptId);
    // The provider's final word, not an error code the dead dialer may have recorded, decides the retry.
    storage::AttemptOutcome outcome = outcomeOrDefault(m_queue, orphan.attemptId);
    outcome.errorCode.reset();
    settle(orphan.attemptId, ended, outcome);
    orphanResolved(orphan.attemptId);
}

void CampaignDialer::orphanResolved(qint64 attemptId)
{
    if (m_state == State::Dialing) {
        checkFinished(); // one of its own unsure creates was settled
        return;
    }
    if (attemptId != 0 && !m_reconciling.remove(attemptId)) {
        return; // not one of this reconciliation's orphans
    }
    if (m_state == State::Reconciling && --m_unresolvedOrphans == 0) {
        beginDialing();
    }
}

void CampaignDialer::enterDatabaseLost(const Error &error)
{
    if (m_state != State::Dialing) {
        return;
    }
    m_state = State::DatabaseLost;
    m_timer.stop();
    log()->error("campaign {}: database unavailable; dialing paused until it answers again ({})", m_campaignId,
                 error.detail.toStdString());
    Q_EMIT databaseLost(error.detail);
    m_recovery.start();
}

void CampaignDialer::tryRecoverDatabase()
{
    if (m_state != State::DatabaseLost) {
        m_recovery.stop();
        return;
    }
    if (auto reopened = m_database.reconnect(); !reopened) {
        return; // still down; the next probe tries again
    }
    if (m_lease) {
        auto renewed = m_lease->renew();
        if (!renewed) {
            return;
        }
        if (!renewed.value()) {
            // Another dialer took the campaign over while we were cut off: it dials now, not us.
            m_state = State::Stopped;
            m_recovery.stop();
            m_heartbeat.stop();
            m_lease.reset();
            log()->error("campaign {}: lease lost while the database was away; stopped dialing", m_campaignId);
            Q_EMIT failed(
                Error{ErrorCode::Conflict, QStringLiteral("another dialer took over campaign %1").arg(m_campaignId)});
            return;
        }
    }
    m_recovery.stop();
    // Webhooks that arrived meanwhile were journaled; they are applied before anything new is dialed.
    if (auto replayed = m_flow.replayJournal(); !replayed) {
        log()->warn("campaign {}: journal replay incomplete: {}", m_campaignId,
                    replayed.error().toString().toStdString());
        m_recovery.start();
        return;
    }
    m_state = State::Dialing;
    log()->info("campaign {}: database is back; dialing resumes", m_campaignId);
    Q_EMIT databaseRestored();
    m_tokens = 1; // no burst of everything that was not dialed meanwhile
    m_lastRefillNs = -1;
    m_idleSinceMs = -1;
    m_timer.start();
}

qint64 CampaignDialer::overdueAfterMs() const
{
    const telephony::OutboundCall limits; // the ring timeout and time limit every call is placed with
    const double seconds = limits.ringTimeoutSeconds + limits.timeLimitSeconds + kOverdueMarginSeconds;
    return qint64(seconds * 1000.0 / qMax(0.001, m_options.timeScale));
}

// The final status of a call can be lost: our server answered 5xx through all of Twilio's retries (a busy SQLite, a
// full disk) or was unreachable. Without it the call's line stays taken, the campaign never completes and a drain
// never ends. A call still active after the provider's own limits is looked up with the provider, and what it says
// is applied as the lost callback would have been. Contacts whose attempt ended without being settled (the final
// status was stored, but not by this dialer) are settled too.
void CampaignDialer::sweepOverdue()
{
    const qint64 nowMs = m_clock.monotonicMs();
    for (auto it = m_activeSinceMs.begin(); it != m_activeSinceMs.end();) {
        it = m_active.contains(it.key()) ? std::next(it) : m_activeSinceMs.erase(it);
    }
    QSet<qint64> overdue;
    for (const qint64 attemptId : std::as_const(m_active)) {
        const qint64 since = m_activeSinceMs.value(attemptId, -1);
        if (since < 0) {
            m_activeSinceMs.insert(attemptId, nowMs);
        } else if (nowMs - since > overdueAfterMs() && !m_askingProvider.contains(attemptId)) {
            overdue.insert(attemptId);
        }
    }
    if (overdue.isEmpty()) {
        return;
    }
    if (auto stranded = m_queue.strandedAttempts(m_campaignId); stranded) {
        for (const storage::StrandedAttempt &attempt : std::as_const(stranded.value())) {
            if (overdue.remove(attempt.attemptId)) {
                log()->warn("call attempt {}: ended {} without this dialer hearing of it; settling it now",
                            attempt.attemptId, callStatusKey(attempt.status).toStdString());
                settle(attempt.attemptId, attempt.status, m_queue.outcome(attempt.attemptId).valueOr({}));
            }
        }
    }
    auto unfinished = m_queue.unfinishedAttempts(m_campaignId);
    if (!unfinished) {
        log()->warn("campaign {}: cannot look up overdue calls: {}", m_campaignId,
                    unfinished.error().toString().toStdString());
        return; // the next sweep tries again
    }
    for (const Orphan &attempt : std::as_const(unfinished.value())) {
        if (!overdue.contains(attempt.attemptId) || attempt.callSid.isEmpty()) {
            continue; // a claim without a SID is reconciliation's to resolve, not a lost callback
        }
        log()->warn("call attempt {}: no final status after {} s; asking the provider about call {}", attempt.attemptId,
                    (nowMs - m_activeSinceMs.value(attempt.attemptId)) / 1000, attempt.callSid.toStdString());
        m_askingProvider.insert(attempt.attemptId);
        m_provider.lookUpCall(attempt.callSid,
                              [this, attemptId = attempt.attemptId](const Result<telephony::ProviderCall> &call) {
                                  endOverdue(attemptId, call);
                              });
    }
}

void CampaignDialer::endOverdue(qint64 attemptId, const Result<telephony::ProviderCall> &call)
{
    m_askingProvider.remove(attemptId);
    if (!m_active.contains(attemptId)) {
        return; // its callback arrived meanwhile
    }
    if (!call && call.error().code != ErrorCode::NotFound) {
        log()->warn("call attempt {}: cannot ask the provider: {}; asking again later", attemptId,
                    call.error().toString().toStdString());
        return;
    }
    const std::optional<CallStatus> status = call ? callStatusFromKey(call.value().status) : std::nullopt;
    if (status && !isTerminal(*status)) {
        return; // still running at the provider; looked at again at the next sweep
    }
    // "gone" or unknown to the provider: over, with no outcome worth more than a retry.
    const CallStatus ended = status.value_or(CallStatus::Canceled);
    const QString note = QStringLiteral("final status callback never arrived; the provider says %1")
                             .arg(call ? call.value().status : QStringLiteral("it has no such call"));
    if (auto recorded = m_queue.endAttempt(attemptId, ended, now(), note); !recorded) {
        noteWriteFailure("record how the call ended", attemptId, recorded.error());
        return; // still active: the next sweep asks again
    }
    log()->info("call attempt {}: the provider says it ended {}", attemptId, callStatusKey(ended).toStdString());
    settle(attemptId, ended, m_queue.outcome(attemptId).valueOr({}));
}

void CampaignDialer::checkFinished()
{
    if (m_state != State::Dialing || !m_active.isEmpty()) {
        return;
    }
    const DialerProgress p = progress();
    if (p.dialable > 0 || p.waiting > 0) {
        return; // retries come due later; keep ticking
    }
    // A settle that failed (a full disk, a busy database) left its contact in progress with its call over: settle it
    // again rather than complete the campaign without it. The next tick looks again.
    if (m_settlingStranded) {
        return;
    }
    auto stranded = m_queue.strandedAttempts(m_campaignId);
    if (!stranded || !stranded.value().isEmpty()) {
        m_settlingStranded = true;
        for (const storage::StrandedAttempt &attempt : stranded.valueOr({})) {
            log()->warn("call attempt {}: its contact was never settled; settling it now", attempt.attemptId);
            settle(attempt.attemptId, attempt.status, m_queue.outcome(attempt.attemptId).valueOr({}));
        }
        m_settlingStranded = false;
        return;
    }
    m_timer.stop();
    m_state = State::Stopped;
    if (auto completed =
            campaigns::CampaignLifecycle(m_database).transition(m_campaignId, CampaignStatus::Completed, m_actor);
        !completed) {
        log()->warn("campaign {}: finished, but its status could not be recorded: {}", m_campaignId,
                    completed.error().toString().toStdString());
    }
    releaseLease();
    log()->info("campaign {}: completed: {} call(s) placed by this run", m_campaignId, p.placed);
    Q_EMIT runFinished(p);
}

} // namespace vsc::services::dialer
