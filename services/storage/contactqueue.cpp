// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/contactqueue.h"

#include "services/storage/database.h"
#include "services/storage/sql.h"

namespace vsc::services::storage {
namespace {

const QString kNonTerminal = QStringLiteral("('claimed', 'queued', 'initiated', 'ringing', 'in-progress')");

// Parameters: campaign, per-campaign attempt cap, now, start of the per-number period, per-number cap.
const QString kDialable =
    QStringLiteral("FROM contacts k WHERE k.campaign_id = ? AND k.status = 'pending' AND k.attempts_count < ? "
                   "AND (k.next_attempt_at IS NULL OR k.next_attempt_at <= ?) "
                   "AND NOT EXISTS (SELECT 1 FROM suppression_list s WHERE s.phone_e164 = k.phone_e164 "
                   "                AND (s.campaign_id IS NULL OR s.campaign_id = k.campaign_id)) "
                   "AND (SELECT COUNT(*) FROM call_attempts a WHERE a.phone_e164 = k.phone_e164 "
                   "     AND a.claimed_at >= ?) < ? ");

QVariantList dialableParams(const QueueRules &rules, const QDateTime &at)
{
    return {rules.campaignId, rules.maxAttempts, toDb(at), toDb(at.addDays(-rules.numberCapDays)),
            rules.numberCapCalls};
}

Result<QList<QVariantMap>> customFieldsOf(Result<QSqlQuery> rows)
{
    if (!rows) {
        return rows.error();
    }
    QList<QVariantMap> fields;
    while (rows.value().next()) {
        fields.append(jsonFromDb(rows.value().value(0)));
    }
    return fields;
}

} // namespace

Result<int> SqlContactQueue::countDialable(const QueueRules &rules, const QDateTime &at)
{
    return scalarInt(m_database.connection(), QStringLiteral("SELECT COUNT(*) ") + kDialable,
                     dialableParams(rules, at));
}

Result<int> SqlContactQueue::countWaiting(const QueueRules &rules, const QDateTime &at)
{
    return scalarInt(m_database.connection(),
                     QStringLiteral("SELECT COUNT(*) FROM contacts WHERE campaign_id = ? AND status = 'pending' "
                                    "AND attempts_count < ? AND next_attempt_at > ?"),
                     {rules.campaignId, rules.maxAttempts, toDb(at)});
}

Result<QList<QVariantMap>> SqlContactQueue::waitingContacts(const QueueRules &rules, const QDateTime &at)
{
    return customFieldsOf(exec(m_database.connection(),
                               QStringLiteral("SELECT custom_fields FROM contacts WHERE campaign_id = ? AND "
                                              "status = 'pending' AND attempts_count < ? AND next_attempt_at > ?"),
                               {rules.campaignId, rules.maxAttempts, toDb(at)}));
}

Result<QList<QVariantMap>> SqlContactQueue::completedContacts(qint64 campaignId)
{
    return customFieldsOf(
        exec(m_database.connection(),
             QStringLiteral("SELECT custom_fields FROM contacts WHERE campaign_id = ? AND status = 'completed'"),
             {campaignId}));
}

namespace {

// Two campaigns can hold the same number: the per-number cap counted in the batch query is only a snapshot, and two
// claim transactions could both see the number under its cap. PostgreSQL serialises the claims of one number with a
// transaction-scoped advisory lock (its two-key space, apart from the migrator's one-key lock) and the count is taken
// again under it, seeing what a claim that held the lock before committed. The lock is only tried: a number another
// claim is deciding right now is skipped this time (it stays pending), so two claims never wait for each other's
// numbers (no deadlock). SQLite needs no lock: its claim transaction cannot write after another connection's commit
// changed what it read (SQLITE_BUSY_SNAPSHOT), so a stale claim fails instead of exceeding the cap.
// True when the number may be claimed now.
Result<bool> lockNumberAndRecheckCap(QSqlDatabase &db, Backend backend, const QueueRules &rules, const QDateTime &at,
                                     const QString &phone)
{
    constexpr int kNumberLockClass = 0x56534331; // "VSC1": the namespace of per-number locks
    if (backend == Backend::Postgres) {
        auto locked =
            scalar(db, QStringLiteral("SELECT pg_try_advisory_xact_lock(?, hashtext(?))"), {kNumberLockClass, phone});
        if (!locked) {
            return locked.error();
        }
        if (!locked.value().toBool()) {
            return false;
        }
    }
    auto calls =
        scalarInt(db, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE phone_e164 = ? AND claimed_at >= ?"),
                  {phone, toDb(at.addDays(-rules.numberCapDays))});
    if (!calls) {
        return calls.error();
    }
    return calls.value() < rules.numberCapCalls;
}

// One batch of dialable contacts in queue order (locked against other dialers on PostgreSQL). Returns the first one
// `decide` accepts, with its attempt number, after moving the ones it turned down until the times it named; empty
// when none was accepted; `exhausted` tells whether the batch was the last one.
Result<std::optional<std::pair<QueueClaim, int>>> takeFromBatch(QSqlDatabase &db, Backend backend,
                                                                const QueueRules &rules, const QDateTime &at,
                                                                const ClaimDecider &decide, bool &exhausted)
{
    constexpr int kBatch = 25;
    // Another dialer on the same PostgreSQL skips rows this one holds instead of waiting for them.
    const QString lock = backend == Backend::Postgres ? QStringLiteral(" FOR UPDATE OF k SKIP LOCKED") : QString();
    QVariantList params = dialableParams(rules, at);
    params.append(kBatch);
    auto next =
        exec(db,
             QStringLiteral("SELECT k.id, k.phone_e164, k.attempts_count, k.time_zone, k.custom_fields ") + kDialable +
                 QStringLiteral("ORDER BY k.next_attempt_at IS NOT NULL, k.next_attempt_at, k.id LIMIT ?") + lock,
             params);
    if (!next) {
        return next.error();
    }
    // Read the whole batch first: the recheck below runs statements on this connection.
    QList<std::pair<QueueCandidate, int>> batch; // with the attempt number a claim would get
    while (next.value().next()) {
        const QSqlQuery &k = next.value();
        batch.append({QueueCandidate{k.value(0).toLongLong(), k.value(1).toString(), k.value(3).toString(),
                                     jsonFromDb(k.value(4))},
                      k.value(2).toInt() + 1});
    }
    std::optional<std::pair<QueueClaim, int>> taken;
    QList<std::pair<qint64, QDateTime>> deferred;
    for (const auto &[candidate, attemptNumber] : std::as_const(batch)) {
        if (const std::optional<QDateTime> until = decide(candidate)) {
            deferred.append({candidate.contactId, *until});
            continue;
        }
        auto underCap = lockNumberAndRecheckCap(db, backend, rules, at, candidate.phone);
        if (!underCap) {
            return underCap.error();
        }
        if (underCap.value()) {
            taken = std::pair{QueueClaim{0, candidate.contactId, candidate.phone}, attemptNumber};
            break;
        }
    }
    for (const auto &[contactId, until] : std::as_const(deferred)) {
        if (auto moved = exec(db, QStringLiteral("UPDATE contacts SET next_attempt_at = ? WHERE id = ?"),
                              {toDb(until), contactId});
            !moved) {
            return moved.error();
        }
    }
    exhausted = !taken && batch.size() < kBatch;
    return taken;
}

} // namespace

Result<std::optional<QueueClaim>> SqlContactQueue::claimNext(const QueueRules &rules, const QDateTime &at,
                                                             const QString &dialerId, CallProvider provider,
                                                             const ClaimDecider &decide)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    // Candidates come in small batches: the dialer decides each one, and those it turns down are moved out of the
    // way (next_attempt_at) so the next batch holds new ones.
    std::optional<std::pair<QueueClaim, int>> taken;
    bool exhausted = false;
    for (int round = 0; round < 4 && !taken && !exhausted; ++round) {
        auto batch = takeFromBatch(db, m_database.backend(), rules, at, decide, exhausted);
        if (!batch) {
            return batch.error();
        }
        taken = batch.value();
    }
    if (!taken) {
        if (auto committed = transaction.commit(); !committed) {
            return committed.error();
        }
        return std::optional<QueueClaim>();
    }
    auto &[claim, attemptNumber] = *taken;
    auto contact =
        exec(db, QStringLiteral("UPDATE contacts SET status = 'in_progress', attempts_count = ? WHERE id = ?"),
             {attemptNumber, claim.contactId});
    if (!contact) {
        return contact.error();
    }
    auto attempt = scalar(
        db,
        QStringLiteral("INSERT INTO call_attempts (contact_id, campaign_id, phone_e164, "
                       "attempt_number, provider, status, dialer_id, claimed_at, lease_generation, "
                       "claimed_db_at, script_version_id) VALUES (?, ?, ?, ?, ?, 'claimed', ?, ?, ?, %1, "
                       "(SELECT script_version_id FROM campaigns WHERE id = ?)) RETURNING id")
            .arg(dbNow(m_database.backend())),
        {claim.contactId, rules.campaignId, claim.phone, attemptNumber, callProviderKey(provider), dialerId, toDb(at),
         toDb(rules.fence ? std::optional<qint64>(rules.fence->generation) : std::nullopt), rules.campaignId});
    if (!attempt) {
        return attempt.error();
    }
    claim.attemptId = attempt.value().toLongLong();
    // Fenced, last thing before the commit: a dialer whose lease was taken over (or expired, by the database's
    // clock) claims nothing, even if it has not noticed yet (its event loop stalled, its link to the database was
    // cut); the whole claim is rolled back. Not a lock on the lease row: a holder stopped inside this transaction
    // would keep a standby from taking over.
    if (rules.fence) {
        auto held = LeaseRepository(m_database).holds(rules.campaignId, *rules.fence);
        if (!held) {
            return held.error();
        }
        if (!held.value()) {
            return Error{ErrorCode::Conflict, QStringLiteral("the lease on campaign %1 (generation %2) is no longer "
                                                             "held by %3")
                                                  .arg(rules.campaignId)
                                                  .arg(rules.fence->generation)
                                                  .arg(rules.fence->holder)};
        }
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return std::optional<QueueClaim>(claim);
}

Result<void> SqlContactQueue::markPlaced(qint64 attemptId, const QString &callSid)
{
    return execOnly(m_database.connection(),
                    QStringLiteral("UPDATE call_attempts SET call_sid = COALESCE(call_sid, ?), "
                                   "status = CASE WHEN status = 'claimed' THEN 'queued' ELSE status END WHERE id = ?"),
                    {callSid, attemptId});
}

Result<void> SqlContactQueue::markNotPlaced(qint64 attemptId, std::optional<int> errorCode, const QString &message,
                                            const QDateTime &at)
{
    return execOnly(m_database.connection(),
                    QStringLiteral("UPDATE call_attempts SET status = 'failed', error_code = ?, error_message = ?, "
                                   "ended_at = ? WHERE id = ?"),
                    {toDb(errorCode), message, toDb(at), attemptId});
}

Result<AttemptOutcome> SqlContactQueue::outcome(qint64 attemptId)
{
    auto row = exec(m_database.connection(),
                    QStringLiteral("SELECT error_code, answered_by FROM call_attempts WHERE id = ?"), {attemptId});
    if (!row) {
        return row.error();
    }
    AttemptOutcome outcome;
    if (row.value().next()) {
        if (!row.value().value(0).isNull()) {
            outcome.errorCode = row.value().value(0).toInt();
        }
        outcome.answeredBy = row.value().value(1).toString();
    }
    return outcome;
}

Result<void> SqlContactQueue::settleContact(qint64 attemptId, bool permanent, int maxAttempts, const QDateTime &retryAt)
{
    return execOnly(
        m_database.connection(),
        QStringLiteral("UPDATE contacts SET status = CASE WHEN ? THEN 'invalid' "
                       "WHEN attempts_count >= ? THEN 'failed' ELSE 'pending' END, next_attempt_at = ? "
                       "WHERE id = (SELECT contact_id FROM call_attempts WHERE id = ?) AND status = 'in_progress'"),
        {permanent, maxAttempts, toDb(retryAt), attemptId});
}

Result<QList<UnfinishedAttempt>> SqlContactQueue::unfinishedAttempts(qint64 campaignId)
{
    auto rows = exec(m_database.connection(),
                     QStringLiteral("SELECT id, phone_e164, call_sid, claimed_at, claimed_db_at, %1 FROM call_attempts "
                                    "WHERE campaign_id = ? AND status IN ")
                             .arg(dbAgeMs(m_database.backend(), QStringLiteral("claimed_db_at"))) +
                         kNonTerminal + QStringLiteral(" ORDER BY id"),
                     {campaignId});
    if (!rows) {
        return rows.error();
    }
    QList<UnfinishedAttempt> attempts;
    while (rows.value().next()) {
        const QSqlQuery &q = rows.value();
        attempts.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                         dateTimeFromDb(q.value(3)), dateTimeFromDb(q.value(4)),
                         q.value(5).isNull() ? -1 : q.value(5).toLongLong()});
    }
    return attempts;
}

Result<QList<StrandedAttempt>> SqlContactQueue::strandedAttempts(qint64 campaignId)
{
    auto rows = exec(m_database.connection(),
                     QStringLiteral("SELECT a.id, a.status FROM contacts k JOIN call_attempts a ON a.contact_id = k.id "
                                    "AND a.attempt_number = (SELECT MAX(b.attempt_number) FROM call_attempts b "
                                    "WHERE b.contact_id = k.id) "
                                    "WHERE k.campaign_id = ? AND k.status = 'in_progress' AND a.status NOT IN ") +
                         kNonTerminal + QStringLiteral(" ORDER BY a.id"),
                     {campaignId});
    if (!rows) {
        return rows.error();
    }
    QList<StrandedAttempt> stranded;
    while (rows.value().next()) {
        const QSqlQuery &q = rows.value();
        stranded.append(
            {q.value(0).toLongLong(), callStatusFromKey(q.value(1).toString()).value_or(CallStatus::Failed)});
    }
    return stranded;
}

Result<bool> SqlContactQueue::isKnownCallSid(const QString &callSid)
{
    auto known = scalarInt(m_database.connection(),
                           QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE call_sid = ?"), {callSid});
    if (!known) {
        return known.error();
    }
    return known.value() > 0;
}

Result<bool> SqlContactQueue::undoClaim(qint64 attemptId)
{
    QSqlDatabase db = m_database.connection();
    Transaction undo(db);
    if (auto begun = undo.begin(); !begun) {
        return begun.error();
    }
    auto contact = exec(db,
                        QStringLiteral("UPDATE contacts SET status = 'pending', next_attempt_at = NULL, "
                                       "attempts_count = attempts_count - 1 WHERE status = 'in_progress' AND id = "
                                       "(SELECT contact_id FROM call_attempts WHERE id = ?)"),
                        {attemptId});
    if (!contact) {
        return contact.error();
    }
    auto attempt = exec(db, QStringLiteral("DELETE FROM call_attempts WHERE id = ? AND call_sid IS NULL"), {attemptId});
    if (!attempt) {
        return attempt.error();
    }
    if (auto committed = undo.commit(); !committed) {
        return committed.error();
    }
    return attempt.value().numRowsAffected() > 0;
}

Result<void> SqlContactQueue::adoptCallSid(qint64 attemptId, const QString &callSid)
{
    return execOnly(m_database.connection(),
                    QStringLiteral("UPDATE call_attempts SET call_sid = COALESCE(call_sid, ?) WHERE id = ?"),
                    {callSid, attemptId});
}

Result<void> SqlContactQueue::endAttempt(qint64 attemptId, CallStatus status, const QDateTime &at, const QString &note)
{
    return execOnly(
        m_database.connection(),
        QStringLiteral("UPDATE call_attempts SET status = ?, ended_at = COALESCE(ended_at, ?), "
                       "error_message = COALESCE(error_message, ?) WHERE id = ? AND status IN ") +
            kNonTerminal,
        {callStatusKey(status), toDb(at), note.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : note, attemptId});
}

} // namespace vsc::services::storage
