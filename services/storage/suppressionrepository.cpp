// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/suppressionrepository.h"

#include "services/storage/database.h"
#include "services/storage/sql.h"

namespace vsc::services::storage {

Result<void> SuppressionRepository::add(const Suppression &entry)
{
    return execOnly(m_database.connection(),
                    QStringLiteral("INSERT INTO suppression_list (phone_e164, campaign_id, reason, source, "
                                   "created_at) VALUES (?, ?, ?, ?, ?)"),
                    {entry.phoneE164, toDb(entry.campaignId), text(entry.reason), entry.source,
                     toDb(entry.createdAt.isValid() ? entry.createdAt : QDateTime::currentDateTimeUtc())});
}

Result<QHash<QString, Suppression>> SuppressionRepository::coveringCampaign(qint64 campaignId)
{
    auto rows = exec(m_database.connection(),
                     QStringLiteral("SELECT phone_e164, campaign_id, reason, source, created_at FROM suppression_list "
                                    "WHERE campaign_id IS NULL OR campaign_id = ?"),
                     {campaignId});
    if (!rows) {
        return rows.error();
    }
    QHash<QString, Suppression> entries;
    while (rows.value().next()) {
        const QSqlQuery &q = rows.value();
        Suppression entry{q.value(0).toString(), std::nullopt, q.value(2).toString(), q.value(3).toString(),
                          dateTimeFromDb(q.value(4))};
        if (!q.value(1).isNull()) {
            entry.campaignId = q.value(1).toLongLong();
        }
        entries.insert(entry.phoneE164, entry);
    }
    return entries;
}

Result<QList<Suppression>> SuppressionRepository::all()
{
    auto rows = exec(m_database.connection(),
                     QStringLiteral("SELECT phone_e164, campaign_id, reason, source, created_at FROM suppression_list "
                                    "ORDER BY id DESC"));
    if (!rows) {
        return rows.error();
    }
    QList<Suppression> entries;
    while (rows.value().next()) {
        const QSqlQuery &q = rows.value();
        Suppression entry;
        entry.phoneE164 = q.value(0).toString();
        if (!q.value(1).isNull()) {
            entry.campaignId = q.value(1).toLongLong();
        }
        entry.reason = q.value(2).toString();
        entry.source = q.value(3).toString();
        entry.createdAt = dateTimeFromDb(q.value(4));
        entries.append(entry);
    }
    return entries;
}

} // namespace vsc::services::storage
