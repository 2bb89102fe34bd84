// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaigndialer.h"

#include "logging/logging.h"
#include "storage/campaignlifecycle.h"
#include "storage/campaignrepository.h"
#include "storage/sql.h"

namespace vsc::services::dialer {
namespace {

using storage::exec;
using storage::scalar;
using storage::toDb;

constexpr int kTickMs = 50;
constexpr int kIdleRecheckMs = 1000;
constexpr int kRecoveryProbeMs = 1000;
const QString kNonTerminal = QStringLiteral("('claimed', 'queued', 'initiated', 'ringing', 'in-progress')");

auto log()
{
    return logging::logger("vsc.dialer");
}

// Twilio's permanent number errors: the contact is unreachable, never retry.
bool isPermanentNumberError(int code)
{
    switch (code) {
    case 21211:
    case 21214:
    case 21215:
    case 21216:
    case 21217:
    case 13224:
        return true;
    default:
        return false;
    }
}

// Parameters: campaign, per-campaign attempt cap, now, start of the per-number period, per-number cap.
const QString kDialable =
    QStringLiteral("FROM contacts k WHERE k.campaign_id = ? AND k.status = 'pending' AND k.attempts_count < ? "
                   "AND (k.next_attempt_at IS NULL OR k.next_attempt_at <= ?) "
                   "AND NOT EXISTS (SELECT 1 FROM suppression_list s WHERE s.phone_e164 = k.phone_e164 "
                   "                AND (s.campaign_id IS NULL OR s.campaign_id = k.campaign_id)) "
                   "AND (SELECT COUNT(*) FROM call_attempts a WHERE a.phone_e164 = k.phone_e164 "
                   "     AND a.claimed_at >= ?) < ? ");

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

CampaignDialer::CampaignDialer(storage::Database &database, telephony::TelephonyProvider &provider,
                               telephony::CallFlow &flow, qint64 campaignId, DialerOptions options, QObject *parent)
    : QObject(parent), m_database(database), m_provider(provider), m_flow(flow), m_campaignId(campaignId),
      m_options(std::move(options)), m_timer(this), m_heartbeat(this), m_recovery(this)
{
    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, &CampaignDialer::tick);
    m_heartbeat.setInterval(kHeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &CampaignDialer::renewLease);
    m_recovery.setInterval(kRecoveryProbeMs);
    connect(&m_recovery, &QTimer::timeout, this, &CampaignDialer::tryRecoverDatabase);
    connect(&m_flow, &telephony::CallFlow::callStatusChanged, this, &CampaignDialer::onCallStatus);
}

CampaignDialer::~CampaignDialer()
{
    releaseLease();
}

void CampaignDialer::renewLease()
{
    if (!m_lease) {
        return;
    }
    auto renewed = m_lease->renew(now());
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
    // Someone took over after our lease expired: stop at once so the campaign is never dialed twice.
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
        (void)m_lease->release();
        m_lease.reset();
    }
}

Result<void> CampaignDialer::start()
{
    auto campaign = storage::CampaignRepository(m_database).byId(m_campaignId);
    if (!campaign) {
        return campaign.error();
    }
    if (!campaign.value().scriptVersionId) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("campaign %1 has no script version").arg(m_campaignId)};
    }
    m_callsPerSecond = campaign.value().callsPerSecond * m_options.timeScale;
    m_maxConcurrent = campaign.value().maxConcurrentCalls;
    m_maxAttempts = campaign.value().maxAttempts;
    m_retryPolicy = campaign.value().retryPolicy;
    m_callerId = campaign.value().callerId;
    m_window = callingWindowOf(campaign.value());
    m_quotas = QuotaCells(campaign.value().quotas);
    if (auto counted = m_quotas.refresh(m_database, m_campaignId); !counted) {
        return counted;
    }
    m_tokens = 1; // the first call goes out at once
    m_tokenClock.invalidate();
    m_idleSince.invalidate();
    if (!m_lease) {
        auto lease = std::make_unique<CampaignLease>(m_database, m_campaignId, CampaignLease::newHolderId(),
                                                     m_options.dialerLabel.isEmpty()
                                                         ? CampaignLease::processLabel(QStringLiteral("console"))
                                                         : m_options.dialerLabel);
        const QDateTime at = now();
        auto acquired = lease->tryAcquire(at);
        if (!acquired) {
            return acquired.error();
        }
        if (!acquired.value()) {
            auto holder = CampaignLease::current(m_database, m_campaignId);
            const QString who = holder.ok() && holder.value() ? QStringLiteral("%1, last heard from %2 s ago")
                                                                    .arg(holder.value()->label)
                                                                    .arg(holder.value()->heartbeatAt.secsTo(at))
                                                              : QStringLiteral("another dialer");
            return Error{ErrorCode::Conflict,
                         QStringLiteral("campaign %1 is being dialed by %2").arg(m_campaignId).arg(who)};
        }
        m_lease = std::move(lease);
        m_heartbeat.start();
    }
    if (auto running = storage::CampaignLifecycle(m_database).transition(m_campaignId, CampaignStatus::Running);
        !running) {
        releaseLease();
        return running;
    }
    m_state = State::Reconciling;
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
    (void)storage::CampaignLifecycle(m_database).transition(m_campaignId, CampaignStatus::Paused);
    log()->info("campaign {}: paused; {} call(s) in progress finish normally", m_campaignId, m_active.size());
}

DialerProgress CampaignDialer::progress()
{
    DialerProgress p;
    p.placed = m_placed;
    p.active = int(m_active.size());
    const QDateTime at = now();
    auto dialable = scalar(
        m_database.connection(), QStringLiteral("SELECT COUNT(*) ") + kDialable,
        {m_campaignId, m_maxAttempts, toDb(at), toDb(at.addDays(-m_options.numberCapDays)), m_options.numberCapCalls});
    p.dialable = dialable.ok() ? dialable.value().toInt() : 0;
    auto waiting = scalar(m_database.connection(),
                          QStringLiteral("SELECT COUNT(*) FROM contacts WHERE campaign_id = ? AND status = 'pending' "
                                         "AND attempts_count < ? AND next_attempt_at > ?"),
                          {m_campaignId, m_maxAttempts, toDb(at)});
    p.waiting = waiting.ok() ? waiting.value().toInt() : 0;
    if (!m_quotas.isEmpty() && p.waiting > 0) {
        // Contacts whose quota cell is full wait for nothing: they do not keep the campaign open.
        p.quotaFull = quotaBlockedWaiting();
        p.waiting -= p.quotaFull;
    }
    return p;
}

int CampaignDialer::quotaBlockedWaiting()
{
    auto rows = exec(m_database.connection(),
                     QStringLiteral("SELECT custom_fields FROM contacts WHERE campaign_id = ? AND status = 'pending' "
                                    "AND attempts_count < ? AND next_attempt_at > ?"),
                     {m_campaignId, m_maxAttempts, toDb(now())});
    int blocked = 0;
    while (rows.ok() && rows.value().next()) {
        blocked += m_quotas.fullCellFor(storage::jsonFromDb(rows.value().value(0))).isEmpty() ? 0 : 1;
    }
    return blocked;
}

QDateTime CampaignDialer::now() const
{
    return m_options.clock ? m_options.clock() : QDateTime::currentDateTimeUtc();
}

Result<std::optional<CampaignDialer::Claim>> CampaignDialer::claimNext()
{
    QSqlDatabase db = m_database.connection();
    storage::Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    const QDateTime at = now();
    // Another dialer on the same PostgreSQL skips rows this one holds instead of waiting for them.
    const QString lock =
        m_database.backend() == storage::Backend::Postgres ? QStringLiteral(" FOR UPDATE OF k SKIP LOCKED") : QString();
    // Candidates come in small batches: the calling window and quota cells are decided here, in C++, and the ones
    // that may not be called now are moved out of the way (next_attempt_at) so the next batch holds new ones.
    constexpr int kBatch = 25;
    constexpr int kQuotaRecheckSeconds = 900;
    std::optional<Claim> claim;
    int attemptNumber = 0;
    for (int round = 0; round < 4 && !claim; ++round) {
        auto next = exec(
            db,
            QStringLiteral("SELECT k.id, k.phone_e164, k.attempts_count, k.time_zone, k.custom_fields ") + kDialable +
                QStringLiteral("ORDER BY k.next_attempt_at IS NOT NULL, k.next_attempt_at, k.id LIMIT ?") + lock,
            {m_campaignId, m_maxAttempts, toDb(at), toDb(at.addDays(-m_options.numberCapDays)),
             m_options.numberCapCalls, kBatch});
        if (!next) {
            return next.error();
        }
        int rows = 0;
        QList<std::pair<qint64, QDateTime>> deferred;
        while (next.value().next()) {
            ++rows;
            const QSqlQuery &k = next.value();
            const qint64 contactId = k.value(0).toLongLong();
            const QString phone = k.value(1).toString();
            const WindowDecision window =
                DialPolicy::check(m_window, DialPolicy::zonesFor(k.value(3).toString(), phone), at);
            if (!window.open) {
                // Unknown zone or no opening within 8 days: look again in a day rather than guess.
                deferred.append({contactId, window.opensAt.isValid() ? window.opensAt : at.addDays(1)});
                continue;
            }
            if (!m_quotas.isEmpty() && !m_quotas.fullCellFor(storage::jsonFromDb(k.value(4))).isEmpty()) {
                deferred.append({contactId, at.addSecs(kQuotaRecheckSeconds)});
                continue;
            }
            claim = Claim{0, contactId, phone};
            attemptNumber = k.value(2).toInt() + 1;
            break;
        }
        for (const auto &[contactId, until] : std::as_const(deferred)) {
            if (auto moved = exec(db, QStringLiteral("UPDATE contacts SET next_attempt_at = ? WHERE id = ?"),
                                  {toDb(until), contactId});
                !moved) {
                return moved.error();
            }
        }
        if (rows < kBatch) {
            break;
        }
    }
    if (!claim) {
        if (auto committed = transaction.commit(); !committed) {
            return committed.error();
        }
        return std::optional<Claim>();
    }
    auto contact =
        exec(db, QStringLiteral("UPDATE contacts SET status = 'in_progress', attempts_count = ? WHERE id = ?"),
             {attemptNumber, claim->contactId});
    if (!contact) {
        return contact.error();
    }
    auto attempt =
        scalar(db,
               QStringLiteral("INSERT INTO call_attempts (contact_id, campaign_id, phone_e164, attempt_number, "
                              "provider, status, dialer_id, claimed_at) VALUES (?, ?, ?, ?, ?, 'claimed', ?, ?) "
                              "RETURNING id"),
               {claim->contactId, m_campaignId, claim->phone, attemptNumber, callProviderKey(m_provider.kind()),
                m_options.dialerId, toDb(at)});
    if (!attempt) {
        return attempt.error();
    }
    claim->attemptId = attempt.value().toLongLong();
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return claim;
}

void CampaignDialer::tick()
{
    // Tokens accrue with the time that really passed, not per tick: timer ticks run late under load, and counting
    // them would fall short of the configured rate.
    if (!m_tokenClock.isValid()) {
        m_tokenClock.start();
        m_lastRefillNs = 0;
    }
    const qint64 nowNs = m_tokenClock.nsecsElapsed(); // nanoseconds: whole milliseconds per tick would lose ~2 %
    const double elapsedSeconds = double(nowNs - m_lastRefillNs) / 1e9;
    m_lastRefillNs = nowNs;
    // Capacity: one second's calls, plus two ticks' worth so that a token due between ticks is not clipped away
    // (at 1 call/s clipping at exactly 1 lost ~2.5 % of the rate).
    const double capacity = qMax(1.0, m_callsPerSecond) + m_callsPerSecond * 2.0 * kTickMs / 1000.0;
    m_tokens = qMin(capacity, m_tokens + m_callsPerSecond * elapsedSeconds);
    if (m_idleSince.isValid() && m_idleSince.elapsed() < kIdleRecheckMs) {
        return; // nothing was dialable a moment ago: look again in a second, not every tick
    }
    int placedNow = 0;
    while (m_tokens >= 1.0 && m_active.size() < m_maxConcurrent) {
        auto claimed = claimNext();
        if (!claimed) {
            log()->error("campaign {}: cannot claim a contact: {}", m_campaignId,
                         claimed.error().toString().toStdString());
            if (claimed.error().code == ErrorCode::ConnectionLost) {
                enterDatabaseLost(claimed.error());
            }
            return;
        }
        if (!claimed.value()) {
            m_idleSince.start();
            if (placedNow > 0) {
                Q_EMIT progressChanged(progress());
            }
            checkFinished();
            return;
        }
        m_idleSince.invalidate();
        ++placedNow;
        m_tokens -= 1.0;
        const Claim claim = *claimed.value();
        m_active.insert(claim.attemptId);
        ++m_placed;
        telephony::OutboundCall call;
        call.attemptId = claim.attemptId;
        call.to = claim.phone;
        call.from = m_callerId;
        call.voiceUrl = m_flow.voiceUrl(claim.attemptId);
        call.statusUrl = m_flow.statusUrl(claim.attemptId);
        m_flow.prepare(claim.attemptId); // the call can be served from memory if the database goes away mid-call
        m_provider.placeCall(call, [this, attemptId = claim.attemptId](Result<QString> sid) {
            if (sid) {
                (void)exec(
                    m_database.connection(),
                    QStringLiteral("UPDATE call_attempts SET call_sid = COALESCE(call_sid, ?), "
                                   "status = CASE WHEN status = 'claimed' THEN 'queued' ELSE status END WHERE id = ?"),
                    {sid.value(), attemptId});
                return;
            }
            bool numeric = false;
            const int code = sid.error().detail.left(5).toInt(&numeric);
            log()->warn("call attempt {}: not placed: {}", attemptId, sid.error().toString().toStdString());
            (void)exec(m_database.connection(),
                       QStringLiteral("UPDATE call_attempts SET status = 'failed', error_code = ?, error_message = ?, "
                                      "ended_at = ? WHERE id = ?"),
                       {numeric ? QVariant(code) : QVariant(QMetaType(QMetaType::Int)), sid.error().detail, toDb(now()),
                        attemptId});
            settle(attemptId, CallStatus::Failed, numeric ? std::optional<int>(code) : std::nullopt);
        });
    }
    if (placedNow > 0) { // the counts are three queries: not on every tick when nothing changed
        Q_EMIT progressChanged(progress());
    }
}

void CampaignDialer::onCallStatus(qint64 attemptId, CallStatus status)
{
    if (isTerminal(status) && m_active.contains(attemptId)) {
        auto errorCode = scalar(m_database.connection(),
                                QStringLiteral("SELECT error_code FROM call_attempts WHERE id = ?"), {attemptId});
        settle(attemptId, status,
               errorCode.ok() && !errorCode.value().isNull() ? std::optional<int>(errorCode.value().toInt())
                                                             : std::nullopt);
    }
}

void CampaignDialer::settle(qint64 attemptId, CallStatus status, const std::optional<int> &errorCode)
{
    m_active.remove(attemptId);
    if (status == CallStatus::Completed && !m_quotas.isEmpty()) {
        (void)m_quotas.refresh(m_database, m_campaignId);
    }
    // The survey itself marks completed and opted-out contacts; everything else goes back or gives up.
    const bool permanent = errorCode && isPermanentNumberError(*errorCode);
    auto answeredBy = scalar(m_database.connection(),
                             QStringLiteral("SELECT answered_by FROM call_attempts WHERE id = ?"), {attemptId});
    const bool machine = answeredBy.ok() && answeredBy.value().toString().startsWith(QLatin1String("machine"));
    const int delay = m_options.retryDelaySeconds > 0
                          ? m_options.retryDelaySeconds
                          : retryDelaySeconds(m_retryPolicy, status, machine, status == CallStatus::Completed);
    const QDateTime retryAt = now().addMSecs(qint64(delay * 1000.0 / qMax(0.001, m_options.timeScale)));
    auto updated = exec(
        m_database.connection(),
        QStringLiteral("UPDATE contacts SET status = CASE WHEN ? THEN 'invalid' "
                       "WHEN attempts_count >= ? THEN 'failed' ELSE 'pending' END, next_attempt_at = ? "
                       "WHERE id = (SELECT contact_id FROM call_attempts WHERE id = ?) AND status = 'in_progress'"),
        {permanent, m_maxAttempts, toDb(retryAt), attemptId});
    if (!updated) {
        log()->error("call attempt {}: cannot settle the contact: {}", attemptId,
                     updated.error().toString().toStdString());
        if (updated.error().code == ErrorCode::ConnectionLost) {
            enterDatabaseLost(updated.error());
        }
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
    auto rows = exec(m_database.connection(),
                     QStringLiteral("SELECT id, phone_e164, call_sid, claimed_at FROM call_attempts "
                                    "WHERE campaign_id = ? AND status IN ") +
                         kNonTerminal + QStringLiteral(" ORDER BY id"),
                     {m_campaignId});
    if (!rows) {
        m_state = State::Stopped;
        releaseLease();
        Q_EMIT failed(rows.error());
        return;
    }
    QList<Orphan> orphans;
    while (rows.value().next()) {
        const qint64 attemptId = rows.value().value(0).toLongLong();
        if (!m_active.contains(attemptId)) {
            orphans.append({attemptId, rows.value().value(1).toString(), rows.value().value(2).toString(),
                            storage::dateTimeFromDb(rows.value().value(3))});
        }
    }
    m_orphans = int(orphans.size());
    m_unresolvedOrphans = m_orphans + 1; // +1: this function's own share, released below
    if (m_orphans > 0) {
        log()->info("campaign {}: reconciling {} attempt(s) left unfinished by an earlier run", m_campaignId,
                    m_orphans);
    }
    for (const Orphan &orphan : std::as_const(orphans)) {
        if (!orphan.callSid.isEmpty()) {
            m_provider.lookUpCall(orphan.callSid, [this, orphan](const Result<telephony::ProviderCall> &call) {
                resolveOrphan(orphan, call);
            });
            continue;
        }
        // Twilio's clocks and ours differ a little; a call created just before the claim was stored still counts.
        m_provider.findCalls(orphan.phone, orphan.claimedAt.addSecs(-5),
                             [this, orphan](const Result<QList<telephony::ProviderCall>> &calls) {
                                 if (!calls) {
                                     resolveOrphan(orphan, calls.error());
                                     return;
                                 }
                                 for (const telephony::ProviderCall &call : calls.value()) {
                                     auto known =
                                         scalar(m_database.connection(),
                                                QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE call_sid = ?"),
                                                {call.sid});
                                     if (known.ok() && known.value().toInt() == 0) {
                                         resolveOrphan(orphan, call);
                                         return;
                                     }
                                 }
                                 resolveOrphan(orphan, Error{ErrorCode::NotFound, QStringLiteral("never placed")});
                             });
    }
    orphanResolved();
}

void CampaignDialer::resolveOrphan(const Orphan &orphan, const Result<telephony::ProviderCall> &call)
{
    QSqlDatabase db = m_database.connection();
    const QDateTime at = now();
    if (!call && call.error().code != ErrorCode::NotFound) {
        log()->error("campaign {}: cannot ask the provider about call attempt {}: {}; not dialing, to avoid calling "
                     "anyone twice",
                     m_campaignId, orphan.attemptId, call.error().toString().toStdString());
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
        storage::Transaction undo(db);
        const bool undone =
            undo.begin().ok() &&
            exec(db,
                 QStringLiteral("UPDATE contacts SET status = 'pending', next_attempt_at = NULL, attempts_count = "
                                "attempts_count - 1 WHERE status = 'in_progress' AND id = (SELECT contact_id FROM "
                                "call_attempts WHERE id = ?)"),
                 {orphan.attemptId})
                .ok() &&
            exec(db, QStringLiteral("DELETE FROM call_attempts WHERE id = ? AND call_sid IS NULL"), {orphan.attemptId})
                .ok() &&
            undo.commit().ok();
        log()->info("call attempt {}: never reached the provider; {}", orphan.attemptId,
                    undone ? "claim undone, the contact is dialable again" : "could not undo the claim");
        orphanResolved();
        return;
    }
    const QString sid = call ? call.value().sid : orphan.callSid;
    const QString providerStatus = call ? call.value().status : QStringLiteral("gone");
    (void)exec(db, QStringLiteral("UPDATE call_attempts SET call_sid = COALESCE(call_sid, ?) WHERE id = ?"),
               {sid, orphan.attemptId});
    const auto status = callStatusFromKey(providerStatus);
    if (status && !isTerminal(*status)) {
        m_active.insert(orphan.attemptId); // still running: its webhooks will end it
        log()->info("call attempt {}: call {} is still {}; tracking it", orphan.attemptId, sid.toStdString(),
                    providerStatus.toStdString());
        orphanResolved();
        return;
    }
    const CallStatus ended = status.value_or(CallStatus::Canceled);
    (void)exec(db,
               QStringLiteral("UPDATE call_attempts SET status = ?, ended_at = COALESCE(ended_at, ?), "
                              "error_message = COALESCE(error_message, ?) WHERE id = ? AND status IN ") +
                   kNonTerminal,
               {callStatusKey(ended), toDb(at),
                status ? QVariant(QMetaType(QMetaType::QString))
                       : QVariant(QStringLiteral("the call ended with the dialer that placed it")),
                orphan.attemptId});
    m_active.insert(orphan.attemptId);
    settle(orphan.attemptId, ended, std::nullopt);
    orphanResolved();
}

void CampaignDialer::orphanResolved()
{
    if (--m_unresolvedOrphans == 0) {
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
        auto renewed = m_lease->renew(now());
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
    m_tokenClock.invalidate();
    m_idleSince.invalidate();
    m_timer.start();
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
    m_timer.stop();
    m_state = State::Stopped;
    (void)storage::CampaignLifecycle(m_database).transition(m_campaignId, CampaignStatus::Completed);
    releaseLease();
    log()->info("campaign {}: completed: {} call(s) placed by this run", m_campaignId, p.placed);
    Q_EMIT runFinished(p);
}

} // namespace vsc::services::dialer
