// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/dialhistory.h"

#include "services/storage/database.h"
#include "services/storage/sql.h"

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

} // namespace vsc::services::storage
