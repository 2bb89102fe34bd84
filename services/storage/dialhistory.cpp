// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/dialhistory.h"

#include "services/storage/database.h"
#include "services/storage/sql.h"

#include <QHash>

namespace vsc::services::storage {

Result<std::optional<QueuedContact>> DialHistory::contact(qint64 contactId)
{
    auto row = exec(m_database.connection(),
                    QStringLiteral("SELECT campaign_id, phone_e164, status, attempts_count, next_attempt_at, "
                                   "time_zone, custom_fields FROM contacts WHERE id = ?"),
                    {contactId});
    if (!row) {
        return row.error();
    }
    if (!row.value().next()) {
        return std::optional<QueuedContact>();
    }
    const QSqlQuery &k = row.value();
    return std::optional<QueuedContact>(
        QueuedContact{contactId, k.value(0).toLongLong(), k.value(1).toString(), k.value(2).toString(),
                      k.value(3).toInt(), dateTimeFromDb(k.value(4)), k.value(5).toString(), jsonFromDb(k.value(6))});
}

Result<std::optional<LastAttempt>> DialHistory::lastAttempt(qint64 contactId)
{
    auto row = exec(m_database.connection(),
                    QStringLiteral("SELECT status, error_code, error_message FROM call_attempts WHERE contact_id = ? "
                                   "ORDER BY attempt_number DESC LIMIT 1"),
                    {contactId});
    if (!row) {
        return row.error();
    }
    if (!row.value().next()) {
        return std::optional<LastAttempt>();
    }
    const QSqlQuery &a = row.value();
    LastAttempt last{a.value(0).toString(), std::nullopt, a.value(2).toString()};
    if (!a.value(1).isNull()) {
        last.errorCode = a.value(1).toInt();
    }
    return std::optional<LastAttempt>(last);
}

Result<std::optional<SuppressionEntry>> DialHistory::suppression(const QString &phone, qint64 campaignId)
{
    auto row = exec(m_database.connection(),
                    QStringLiteral("SELECT created_at, source, reason, campaign_id FROM suppression_list "
                                   "WHERE phone_e164 = ? AND (campaign_id IS NULL OR campaign_id = ?) "
                                   "ORDER BY created_at LIMIT 1"),
                    {phone, campaignId});
    if (!row) {
        return row.error();
    }
    if (!row.value().next()) {
        return std::optional<SuppressionEntry>();
    }
    const QSqlQuery &s = row.value();
    return std::optional<SuppressionEntry>(SuppressionEntry{dateTimeFromDb(s.value(0)), s.value(1).toString(),
                                                            s.value(2).toString(), !s.value(3).isNull()});
}

Result<QList<QDateTime>> DialHistory::callsToNumberSince(const QString &phone, const QDateTime &since)
{
    auto rows = exec(m_database.connection(),
                     QStringLiteral("SELECT claimed_at FROM call_attempts WHERE phone_e164 = ? AND claimed_at >= ? "
                                    "ORDER BY claimed_at DESC"),
                     {phone, toDb(since)});
    if (!rows) {
        return rows.error();
    }
    QList<QDateTime> calls;
    while (rows.value().next()) {
        calls.append(dateTimeFromDb(rows.value().value(0)));
    }
    return calls;
}

Result<QList<ContactDialFacts>> DialHistory::campaignFacts(qint64 campaignId, const QDateTime &callsSince)
{
    const QSqlDatabase db = m_database.connection();
    // Counted before the rows are read: PostgreSQL's driver drops a pending result when another statement runs.
    auto total = scalar(db, QStringLiteral("SELECT COUNT(*) FROM contacts WHERE campaign_id = ?"), {campaignId});
    if (!total) {
        return total.error();
    }
    auto contacts = exec(db,
                         QStringLiteral("SELECT id, phone_e164, status, attempts_count, next_attempt_at, time_zone, "
                                        "custom_fields FROM contacts WHERE campaign_id = ? ORDER BY id"),
                         {campaignId});
    if (!contacts) {
        return contacts.error();
    }
    // Sized once: 100,000 contacts would otherwise be copied on every growth of the list.
    QList<ContactDialFacts> facts;
    facts.reserve(total.value().toLongLong());
    QHash<qint64, qsizetype> byId;
    byId.reserve(total.value().toLongLong());
    QHash<QString, qsizetype> byPhone; // a number is in a campaign once (unique)
    byPhone.reserve(total.value().toLongLong());
    for (QSqlQuery &k = contacts.value(); k.next();) {
        ContactDialFacts f;
        f.contact = QueuedContact{k.value(0).toLongLong(), campaignId,
                                  k.value(1).toString(),   k.value(2).toString(),
                                  k.value(3).toInt(),      dateTimeFromDb(k.value(4)),
                                  k.value(5).toString(),   jsonFromDb(k.value(6))};
        byId.insert(f.contact.contactId, facts.size());
        byPhone.insert(f.contact.phone, facts.size());
        facts.append(std::move(f));
    }
    // Ascending attempt numbers: the last row per contact is its last attempt.
    auto attempts = exec(db,
                         QStringLiteral("SELECT contact_id, status, error_code, error_message FROM call_attempts "
                                        "WHERE campaign_id = ? ORDER BY contact_id, attempt_number"),
                         {campaignId});
    if (!attempts) {
        return attempts.error();
    }
    for (QSqlQuery &a = attempts.value(); a.next();) {
        const auto it = byId.constFind(a.value(0).toLongLong());
        if (it == byId.cend()) {
            continue;
        }
        LastAttempt last{a.value(1).toString(), std::nullopt, a.value(3).toString()};
        if (!a.value(2).isNull()) {
            last.errorCode = a.value(2).toInt();
        }
        facts[*it].lastAttempt = last;
    }
    // Oldest first: the first entry per number is the one `suppression()` finds.
    auto suppressions =
        exec(db,
             QStringLiteral("SELECT s.phone_e164, s.created_at, s.source, s.reason, s.campaign_id "
                            "FROM suppression_list s WHERE (s.campaign_id IS NULL OR s.campaign_id = ?) "
                            "AND EXISTS (SELECT 1 FROM contacts k WHERE k.campaign_id = ? "
                            "AND k.phone_e164 = s.phone_e164) ORDER BY s.created_at"),
             {campaignId, campaignId});
    if (!suppressions) {
        return suppressions.error();
    }
    for (QSqlQuery &s = suppressions.value(); s.next();) {
        const auto it = byPhone.constFind(s.value(0).toString());
        if (it != byPhone.cend() && !facts[*it].suppression) {
            facts[*it].suppression = SuppressionEntry{dateTimeFromDb(s.value(1)), s.value(2).toString(),
                                                      s.value(3).toString(), !s.value(4).isNull()};
        }
    }
    auto calls = exec(db,
                      QStringLiteral("SELECT a.phone_e164, a.claimed_at FROM call_attempts a WHERE a.claimed_at >= ? "
                                     "AND EXISTS (SELECT 1 FROM contacts k WHERE k.campaign_id = ? "
                                     "AND k.phone_e164 = a.phone_e164) ORDER BY a.claimed_at DESC"),
                      {toDb(callsSince), campaignId});
    if (!calls) {
        return calls.error();
    }
    for (QSqlQuery &c = calls.value(); c.next();) {
        if (const auto it = byPhone.constFind(c.value(0).toString()); it != byPhone.cend()) {
            facts[*it].recentCalls.append(dateTimeFromDb(c.value(1)));
        }
    }
    return facts;
}

} // namespace vsc::services::storage
