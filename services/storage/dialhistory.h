// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace vsc::services::storage {

class Database;

// A contact as the dialer's queue sees it.
struct QueuedContact
{
    qint64 contactId = 0;
    qint64 campaignId = 0;
    QString phone;
    QString status; // contacts.status key: "pending", "in_progress", ...
    int attempts = 0;
    QDateTime nextAttemptAt; // invalid: due at once
    QString timeZone;
    QVariantMap customFields;
};

struct LastAttempt
{
    QString status; // call_attempts.status key
    std::optional<int> errorCode;
    QString errorMessage;
};

struct SuppressionEntry
{
    QDateTime createdAt;
    QString source; // "in_call_opt_out", "import", "manual", ...
    QString reason;
    bool campaignOnly = false; // false: every campaign
};

// Everything the dial rules look at for one contact.
struct ContactDialFacts
{
    QueuedContact contact;
    std::optional<LastAttempt> lastAttempt;
    std::optional<SuppressionEntry> suppression;
    QList<QDateTime>
        recentCalls; // claims of calls to the number, across campaigns, since the cap's period, newest first
};

// What `explain` reads to say why a contact is or is not dialed: the contact's queue state, its last attempt, the
// suppression entry that covers it, and the recent calls to its number across campaigns. Synchronous, calling thread.
class DialHistory final
{
public:
    explicit DialHistory(Database &database) : m_database(database) {}

    Result<std::optional<QueuedContact>> contact(qint64 contactId);
    Result<std::optional<LastAttempt>> lastAttempt(qint64 contactId);
    // The oldest entry that covers `phone` in `campaignId` (global or for that campaign).
    Result<std::optional<SuppressionEntry>> suppression(const QString &phone, qint64 campaignId);
    // When each call to `phone` since `since` was claimed, newest first.
    Result<QList<QDateTime>> callsToNumberSince(const QString &phone, const QDateTime &since);
    // The same four facts for every contact of a campaign in four statements (the compliance preview's one pass),
    // ordered by contact id.
    Result<QList<ContactDialFacts>> campaignFacts(qint64 campaignId, const QDateTime &callsSince);

private:
    Database &m_database;
};

} // namespace vsc::services::storage
