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

private:
    Database &m_database;
};

} // namespace vsc::services::storage
