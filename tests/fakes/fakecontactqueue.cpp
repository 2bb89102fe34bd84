// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/fakes/fakecontactqueue.h"

#include <algorithm>

namespace vsc::tests {

using services::storage::QueueRules;

namespace {

const QSet<QString> kNonTerminal{QStringLiteral("claimed"), QStringLiteral("queued"), QStringLiteral("initiated"),
                                 QStringLiteral("ringing"), QStringLiteral("in-progress")};

Error connectionLost()
{
    return Error{ErrorCode::ConnectionLost, QStringLiteral("fake queue: the database is gone")};
}

} // namespace

qint64 FakeContactQueue::addContact(const QString &phone, const QString &timeZone)
{
    const qint64 id = m_nextContactId++;
    contacts.insert(id, {phone, timeZone, {}, QStringLiteral("pending"), 0, {}});
    return id;
}

qint64 FakeContactQueue::addAttempt(const FakeAttempt &attempt)
{
    const qint64 id = m_nextAttemptId++;
    attempts.insert(id, attempt);
    return id;
}

qint64 FakeContactQueue::addLeftInProgress(const QString &phone, qint64 campaignId, const QDateTime &claimedAt,
                                           const QString &attemptStatus, const QString &callSid)
{
    const qint64 contact = addContact(phone);
    contacts[contact].status = QStringLiteral("in_progress");
    contacts[contact].attempts = 1;
    FakeAttempt attempt;
    attempt.contactId = contact;
    attempt.campaignId = campaignId;
    attempt.phone = phone;
    attempt.status = attemptStatus;
    attempt.callSid = callSid;
    attempt.claimedAt = claimedAt;
    return addAttempt(attempt);
}

bool FakeContactQueue::failing()
{
    if (m_failures > 0) {
        --m_failures;
        return true;
    }
    return false;
}

bool FakeContactQueue::isDialable(qint64 id, const QueueRules &rules, const QDateTime &at) const
{
    const FakeContact &c = contacts[id];
    if (c.status != QLatin1String("pending") || c.attempts >= rules.maxAttempts ||
        (c.nextAttemptAt.isValid() && c.nextAttemptAt > at) || m_suppressed.contains(c.phone)) {
        return false;
    }
    const QDateTime since = at.addDays(-rules.numberCapDays);
    const auto recent = std::count_if(attempts.cbegin(), attempts.cend(),
                                      [&](const FakeAttempt &a) { return a.phone == c.phone && a.claimedAt >= since; });
    return recent < rules.numberCapCalls;
}

Result<int> FakeContactQueue::countDialable(const QueueRules &rules, const QDateTime &at)
{
    if (failing()) {
        return connectionLost();
    }
    int n = 0;
    for (auto it = contacts.cbegin(); it != contacts.cend(); ++it) {
        n += isDialable(it.key(), rules, at) ? 1 : 0;
    }
    return n;
}

Result<int> FakeContactQueue::countWaiting(const QueueRules &rules, const QDateTime &at)
{
    auto waiting = waitingContacts(rules, at);
    if (!waiting) {
        return waiting.error();
    }
    return int(waiting.value().size());
}

Result<QList<QVariantMap>> FakeContactQueue::waitingContacts(const QueueRules &rules, const QDateTime &at)
{
    if (failing()) {
        return connectionLost();
    }
    QList<QVariantMap> waiting;
    for (const FakeContact &c : std::as_const(contacts)) {
        if (c.status == QLatin1String("pending") && c.attempts < rules.maxAttempts && c.nextAttemptAt.isValid() &&
            c.nextAttemptAt > at) {
            waiting.append(c.customFields);
        }
    }
    return waiting;
}

Result<QList<QVariantMap>> FakeContactQueue::completedContacts(qint64 /*campaignId*/)
{
    QList<QVariantMap> completed;
    for (const FakeContact &c : std::as_const(contacts)) {
        if (c.status == QLatin1String("completed")) {
            completed.append(c.customFields);
        }
    }
    return completed;
}

Result<std::optional<services::storage::QueueClaim>>
FakeContactQueue::claimNext(const QueueRules &rules, const QDateTime &at, const QString &dialerId,
                            CallProvider /*provider*/, const services::storage::ClaimDecider &decide)
{
    if (failing()) {
        return connectionLost();
    }
    QList<qint64> due;
    for (auto it = contacts.cbegin(); it != contacts.cend(); ++it) {
        if (isDialable(it.key(), rules, at)) {
            due.append(it.key());
        }
    }
    // The same order as the SQL queue: never-tried first, then the longest waiting.
    std::stable_sort(due.begin(), due.end(), [this](qint64 a, qint64 b) {
        const QDateTime &na = contacts[a].nextAttemptAt;
        const QDateTime &nb = contacts[b].nextAttemptAt;
        if (na.isValid() != nb.isValid()) {
            return !na.isValid();
        }
        return na < nb;
    });
    for (const qint64 id : std::as_const(due)) {
        FakeContact &c = contacts[id];
        if (const std::optional<QDateTime> until = decide({id, c.phone, c.timeZone, c.customFields})) {
            c.nextAttemptAt = *until;
            continue;
        }
        c.status = QStringLiteral("in_progress");
        ++c.attempts;
        FakeAttempt attempt;
        attempt.contactId = id;
        attempt.campaignId = rules.campaignId;
        attempt.phone = c.phone;
        attempt.claimedAt = at;
        attempt.dialerId = dialerId;
        attempt.leaseGeneration = rules.fence ? rules.fence->generation : 0;
        const qint64 attemptId = addAttempt(attempt);
        ++claims;
        return std::optional<services::storage::QueueClaim>({attemptId, id, c.phone});
    }
    return std::optional<services::storage::QueueClaim>();
}

Result<void> FakeContactQueue::markPlaced(qint64 attemptId, const QString &callSid)
{
    if (failing()) {
        return connectionLost();
    }
    FakeAttempt &a = attempts[attemptId];
    if (a.callSid.isEmpty()) {
        a.callSid = callSid;
    }
    if (a.status == QLatin1String("claimed")) {
        a.status = QStringLiteral("queued");
    }
    return {};
}

Result<void> FakeContactQueue::markNotPlaced(qint64 attemptId, std::optional<int> errorCode, const QString &message,
                                             const QDateTime & /*at*/)
{
    FakeAttempt &a = attempts[attemptId];
    a.status = QStringLiteral("failed");
    a.errorCode = errorCode;
    a.errorMessage = message;
    return {};
}

Result<services::storage::AttemptOutcome> FakeContactQueue::outcome(qint64 attemptId)
{
    const FakeAttempt a = attempts.value(attemptId);
    return services::storage::AttemptOutcome{a.errorCode, a.answeredBy};
}

Result<void> FakeContactQueue::settleContact(qint64 attemptId, bool permanent, int maxAttempts,
                                             const QDateTime &retryAt)
{
    if (failing()) {
        return connectionLost();
    }
    if (m_settleFailures > 0) {
        --m_settleFailures;
        return Error{ErrorCode::Database, QStringLiteral("database or disk is full")};
    }
    FakeContact &c = contacts[attempts.value(attemptId).contactId];
    if (c.status != QLatin1String("in_progress")) {
        return {};
    }
    c.status = permanent                   ? QStringLiteral("invalid")
               : c.attempts >= maxAttempts ? QStringLiteral("failed")
                                           : QStringLiteral("pending");
    c.nextAttemptAt = retryAt;
    return {};
}

Result<QList<services::storage::UnfinishedAttempt>> FakeContactQueue::unfinishedAttempts(qint64 campaignId)
{
    QList<services::storage::UnfinishedAttempt> unfinished;
    for (auto it = attempts.cbegin(); it != attempts.cend(); ++it) {
        if (it->campaignId == campaignId && kNonTerminal.contains(it->status)) {
            unfinished.append({it.key(), it->phone, it->callSid, it->claimedAt, it->claimedAt, it->claimAgeMs});
        }
    }
    return unfinished;
}

Result<QList<services::storage::StrandedAttempt>> FakeContactQueue::strandedAttempts(qint64 campaignId)
{
    QList<services::storage::StrandedAttempt> stranded;
    for (auto c = contacts.cbegin(); c != contacts.cend(); ++c) {
        if (c->status != QLatin1String("in_progress")) {
            continue;
        }
        qint64 last = 0; // attempts are numbered in order, so the highest id is the last attempt
        for (auto a = attempts.cbegin(); a != attempts.cend(); ++a) {
            if (a->contactId == c.key() && a->campaignId == campaignId) {
                last = a.key();
            }
        }
        if (last > 0 && !kNonTerminal.contains(attempts[last].status)) {
            stranded.append({last, callStatusFromKey(attempts[last].status).value_or(CallStatus::Failed)});
        }
    }
    return stranded;
}

Result<bool> FakeContactQueue::isKnownCallSid(const QString &callSid)
{
    return std::any_of(attempts.cbegin(), attempts.cend(), [&](const FakeAttempt &a) { return a.callSid == callSid; });
}

Result<bool> FakeContactQueue::undoClaim(qint64 attemptId)
{
    const auto it = attempts.constFind(attemptId);
    if (it == attempts.cend() || !it->callSid.isEmpty()) {
        return false;
    }
    FakeContact &c = contacts[it->contactId];
    if (c.status == QLatin1String("in_progress")) {
        c.status = QStringLiteral("pending");
        c.nextAttemptAt = {};
        --c.attempts;
    }
    attempts.remove(attemptId);
    return true;
}

Result<void> FakeContactQueue::adoptCallSid(qint64 attemptId, const QString &callSid)
{
    FakeAttempt &a = attempts[attemptId];
    if (a.callSid.isEmpty()) {
        a.callSid = callSid;
    }
    return {};
}

Result<void> FakeContactQueue::endAttempt(qint64 attemptId, CallStatus status, const QDateTime & /*at*/,
                                          const QString &note)
{
    FakeAttempt &a = attempts[attemptId];
    if (kNonTerminal.contains(a.status)) {
        a.status = callStatusKey(status);
        if (a.errorMessage.isEmpty()) {
            a.errorMessage = note;
        }
    }
    return {};
}

} // namespace vsc::tests
