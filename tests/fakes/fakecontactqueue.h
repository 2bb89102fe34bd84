// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/storage/contactqueue.h"

#include <QMap>
#include <QSet>

namespace vsc::tests {

// storage::ContactQueue in memory, with the same rules as SqlContactQueue, so the dialer's own logic can be tested
// without a database behind its queue. Tests add contacts, look at them and at the attempts afterwards, and can
// make the next calls fail as if the database were gone.
class FakeContactQueue final : public services::storage::ContactQueue
{
public:
    struct FakeContact
    {
        QString phone;
        QString timeZone;
        QVariantMap customFields;
        QString status = QStringLiteral("pending");
        int attempts = 0;
        QDateTime nextAttemptAt;
    };
    struct FakeAttempt
    {
        qint64 contactId = 0;
        qint64 campaignId = 0;
        QString phone;
        QString status = QStringLiteral("claimed");
        QString callSid;
        QDateTime claimedAt;
        std::optional<int> errorCode;
        QString errorMessage;
        QString answeredBy;
        QString dialerId;
        qint64 leaseGeneration = 0;
        qint64 claimAgeMs = -1; // what unfinishedAttempts() reports as the claim's age by the database's clock
    };

    qint64 addContact(const QString &phone, const QString &timeZone = QStringLiteral("America/Los_Angeles"));
    qint64 addAttempt(const FakeAttempt &attempt); // as an earlier run left it
    // A new contact in progress on its first attempt, claimed at `claimedAt` and left in `attemptStatus` (by a
    // dialer that died); returns the attempt.
    qint64 addLeftInProgress(const QString &phone, qint64 campaignId, const QDateTime &claimedAt,
                             const QString &attemptStatus = QStringLiteral("claimed"), const QString &callSid = {});
    void suppress(const QString &phone) { m_suppressed.insert(phone); }
    // The next `calls` queue calls fail with ErrorCode::ConnectionLost.
    void failNext(int calls) { m_failures = calls; }
    // The next `calls` settleContact() calls fail with ErrorCode::Database, as a full disk would.
    void failNextSettles(int calls) { m_settleFailures = calls; }

    QMap<qint64, FakeContact> contacts;
    QMap<qint64, FakeAttempt> attempts;
    int claims = 0;

    Result<int> countDialable(const services::storage::QueueRules &rules, const QDateTime &at) override;
    Result<int> countWaiting(const services::storage::QueueRules &rules, const QDateTime &at) override;
    Result<QList<QVariantMap>> waitingContacts(const services::storage::QueueRules &rules,
                                               const QDateTime &at) override;
    Result<QList<QVariantMap>> completedContacts(qint64 campaignId) override;
    Result<std::optional<services::storage::QueueClaim>>
    claimNext(const services::storage::QueueRules &rules, const QDateTime &at, const QString &dialerId,
              CallProvider provider, const services::storage::ClaimDecider &decide) override;
    Result<void> markPlaced(qint64 attemptId, const QString &callSid) override;
    Result<void> markNotPlaced(qint64 attemptId, std::optional<int> errorCode, const QString &message,
                               const QDateTime &at) override;
    Result<services::storage::AttemptOutcome> outcome(qint64 attemptId) override;
    Result<void> settleContact(qint64 attemptId, bool permanent, int maxAttempts, const QDateTime &retryAt) override;
    Result<QList<services::storage::UnfinishedAttempt>> unfinishedAttempts(qint64 campaignId) override;
    Result<QList<services::storage::StrandedAttempt>> strandedAttempts(qint64 campaignId) override;
    Result<bool> isKnownCallSid(const QString &callSid) override;
    Result<bool> undoClaim(qint64 attemptId) override;
    Result<void> adoptCallSid(qint64 attemptId, const QString &callSid) override;
    Result<void> endAttempt(qint64 attemptId, CallStatus status, const QDateTime &at, const QString &note) override;

private:
    [[nodiscard]] bool failing();
    [[nodiscard]] bool isDialable(qint64 id, const services::storage::QueueRules &rules, const QDateTime &at) const;

    QSet<QString> m_suppressed;
    qint64 m_nextContactId = 1;
    qint64 m_nextAttemptId = 1;
    int m_failures = 0;
    int m_settleFailures = 0;
};

} // namespace vsc::tests
