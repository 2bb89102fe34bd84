// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/call.h"
#include "models/result.h"
#include "services/storage/leaserepository.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariantMap>

#include <functional>
#include <optional>

namespace vsc::services::storage {

class Database;

// What the queue needs to know to pick a contact; the rules themselves (calling window, quota cells) stay with
// the dialer, which decides each candidate through ClaimDecider.
struct QueueRules
{
    qint64 campaignId = 0;
    int maxAttempts = 3;    // per contact, in this campaign
    int numberCapCalls = 3; // per number, across campaigns ...
    int numberCapDays = 30; // ... within this many days
    // Set: a claim is made only while this lease holds, checked inside the claim's transaction (ErrorCode::Conflict
    // when it no longer does), and the attempt records its generation.
    std::optional<LeaseFence> fence;
};

struct QueueCandidate
{
    qint64 contactId = 0;
    QString phone;
    QString timeZone;
    QVariantMap customFields;
};

// Empty: claim this candidate now. A time: not now; leave it until then (it stays pending).
using ClaimDecider = std::function<std::optional<QDateTime>(const QueueCandidate &candidate)>;

struct QueueClaim
{
    qint64 attemptId = 0;
    qint64 contactId = 0;
    QString phone;
};

// An attempt left claimed or in flight, e.g. by a dialer that crashed.
struct UnfinishedAttempt
{
    qint64 attemptId = 0;
    QString phone;
    QString callSid;
    QDateTime claimedAt;    // by the clock of the dialer that claimed it
    QDateTime claimedDbAt;  // by the database's clock (invalid for attempts claimed before it was recorded)
    qint64 claimAgeMs = -1; // since claimedDbAt, by the database's clock; -1: unknown (old enough)
};

// A contact still marked in progress whose last attempt has ended: its dialer died between the call's end and
// settling the contact.
struct StrandedAttempt
{
    qint64 attemptId = 0;
    CallStatus status = CallStatus::Failed; // how the last attempt ended
};

// How a placed call ended, as far as the dialer's retry rules care.
struct AttemptOutcome
{
    std::optional<int> errorCode; // the provider's, e.g. Twilio 21211
    QString answeredBy;           // "human", "machine_start", ... (empty: unknown)
};

// The contact queue of the campaigns being dialed: which contacts may be called, claiming one (in a transaction,
// before its call is placed; FOR UPDATE SKIP LOCKED on PostgreSQL so dialers on one campaign never share a
// contact), recording what became of the call, and putting the contact back or retiring it. Synchronous, on the
// calling thread. An interface, so the dialer's rules can be tested against FakeContactQueue (tests/fakes) too.
class ContactQueue
{
public:
    ContactQueue() = default;
    virtual ~ContactQueue() = default;
    Q_DISABLE_COPY_MOVE(ContactQueue)

    // Pending contacts with attempts left, due now, not suppressed and under the per-number cap.
    virtual Result<int> countDialable(const QueueRules &rules, const QDateTime &at) = 0;
    // Pending contacts with attempts left whose next attempt is due after `at` (retries, closed windows) ...
    virtual Result<int> countWaiting(const QueueRules &rules, const QDateTime &at) = 0;
    // ... and their custom fields (for quota cells).
    virtual Result<QList<QVariantMap>> waitingContacts(const QueueRules &rules, const QDateTime &at) = 0;
    // The custom fields of the campaign's completed contacts (what fills the quota cells).
    virtual Result<QList<QVariantMap>> completedContacts(qint64 campaignId) = 0;

    // Claims the first dialable contact `decide` accepts and records attempt n+1 ('claimed', by `dialerId` with
    // `provider`) in one transaction; candidates `decide` turns down are left until the time it names. With
    // rules.fence, nothing is claimed (ErrorCode::Conflict) unless that lease still holds.
    virtual Result<std::optional<QueueClaim>> claimNext(const QueueRules &rules, const QDateTime &at,
                                                        const QString &dialerId, CallProvider provider,
                                                        const ClaimDecider &decide) = 0;
    // The provider accepted the call.
    virtual Result<void> markPlaced(qint64 attemptId, const QString &callSid) = 0;
    // The provider refused it: the attempt failed with the provider's code and message.
    virtual Result<void> markNotPlaced(qint64 attemptId, std::optional<int> errorCode, const QString &message,
                                       const QDateTime &at) = 0;
    virtual Result<AttemptOutcome> outcome(qint64 attemptId) = 0;
    // After the attempt ended: the contact becomes 'invalid' when `permanent`, 'failed' when out of attempts,
    // else pending again from `retryAt`. Only a contact still in progress is touched.
    virtual Result<void> settleContact(qint64 attemptId, bool permanent, int maxAttempts, const QDateTime &retryAt) = 0;

    // Reconciliation after a crash or takeover.
    virtual Result<QList<UnfinishedAttempt>> unfinishedAttempts(qint64 campaignId) = 0;
    virtual Result<QList<StrandedAttempt>> strandedAttempts(qint64 campaignId) = 0;
    virtual Result<bool> isKnownCallSid(const QString &callSid) = 0;
    // The call never reached the provider: the attempt is deleted and the contact is pending again, as if the claim
    // had not happened. False when there was nothing to undo.
    virtual Result<bool> undoClaim(qint64 attemptId) = 0;
    virtual Result<void> adoptCallSid(qint64 attemptId, const QString &callSid) = 0;
    // Ends an unfinished attempt with the provider's final status (or a note why it is presumed over).
    virtual Result<void> endAttempt(qint64 attemptId, CallStatus status, const QDateTime &at, const QString &note) = 0;
};

// The queue in the campaign database (SQLite or PostgreSQL).
class SqlContactQueue final : public ContactQueue
{
public:
    explicit SqlContactQueue(Database &database) : m_database(database) {}

    Result<int> countDialable(const QueueRules &rules, const QDateTime &at) override;
    Result<int> countWaiting(const QueueRules &rules, const QDateTime &at) override;
    Result<QList<QVariantMap>> waitingContacts(const QueueRules &rules, const QDateTime &at) override;
    Result<QList<QVariantMap>> completedContacts(qint64 campaignId) override;
    Result<std::optional<QueueClaim>> claimNext(const QueueRules &rules, const QDateTime &at, const QString &dialerId,
                                                CallProvider provider, const ClaimDecider &decide) override;
    Result<void> markPlaced(qint64 attemptId, const QString &callSid) override;
    Result<void> markNotPlaced(qint64 attemptId, std::optional<int> errorCode, const QString &message,
                               const QDateTime &at) override;
    Result<AttemptOutcome> outcome(qint64 attemptId) override;
    Result<void> settleContact(qint64 attemptId, bool permanent, int maxAttempts, const QDateTime &retryAt) override;
    Result<QList<UnfinishedAttempt>> unfinishedAttempts(qint64 campaignId) override;
    Result<QList<StrandedAttempt>> strandedAttempts(qint64 campaignId) override;
    Result<bool> isKnownCallSid(const QString &callSid) override;
    Result<bool> undoClaim(qint64 attemptId) override;
    Result<void> adoptCallSid(qint64 attemptId, const QString &callSid) override;
    Result<void> endAttempt(qint64 attemptId, CallStatus status, const QDateTime &at, const QString &note) override;

private:
    Database &m_database;
};

} // namespace vsc::services::storage
