// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/suppressionrepository.h"

#include "services/storage/database.h"
#include "services/storage/sql.h"
#include "services/storage/transaction.h"

namespace vsc::services::storage {
namespace {

const QString kColumns = QStringLiteral("s.phone_e164, s.campaign_id, s.reason, s.source, s.created_at, s.id, "
                                        "s.created_by, s.created_by_name, COALESCE(c.name, '') FROM suppression_list s "
                                        "LEFT JOIN campaigns c ON c.id = s.campaign_id");

Suppression entryFrom(const QSqlQuery &q)
{
    Suppression entry;
    entry.phoneE164 = q.value(0).toString();
    if (!q.value(1).isNull()) {
        entry.campaignId = q.value(1).toLongLong();
    }
    entry.reason = q.value(2).toString();
    entry.source = q.value(3).toString();
    entry.createdAt = dateTimeFromDb(q.value(4));
    entry.id = q.value(5).toLongLong();
    if (!q.value(6).isNull()) {
        entry.createdBy = q.value(6).toLongLong();
    }
    entry.createdByName = q.value(7).toString();
    entry.campaignName = q.value(8).toString();
    return entry;
}

Result<QList<Suppression>> entriesOf(Result<QSqlQuery> rows)
{
    if (!rows) {
        return rows.error();
    }
    QList<Suppression> entries;
    while (rows.value().next()) {
        entries.append(entryFrom(rows.value()));
    }
    return entries;
}

} // namespace

Result<void> SuppressionRepository::add(const Suppression &entry)
{
    auto inserted = insert(entry);
    if (!inserted) {
        return inserted.error();
    }
    return {};
}

Result<qint64> SuppressionRepository::insert(const Suppression &entry)
{
    auto rows = exec(m_database.connection(),
                     QStringLiteral("INSERT INTO suppression_list (phone_e164, campaign_id, reason, source, "
                                    "created_at, created_by, created_by_name) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                    "ON CONFLICT DO NOTHING RETURNING id"),
                     {entry.phoneE164, toDb(entry.campaignId), text(entry.reason), entry.source,
                      toDb(entry.createdAt.isValid() ? entry.createdAt : QDateTime::currentDateTimeUtc()),
                      toDb(entry.createdBy), text(entry.createdByName)});
    if (!rows) {
        return rows.error();
    }
    if (!rows.value().next()) {
        return Error{
            ErrorCode::Conflict,
            entry.campaignId
                ? QStringLiteral("%1 is already on the do-not-call list of campaign %2")
                      .arg(entry.phoneE164)
                      .arg(*entry.campaignId)
                : QStringLiteral("%1 is already on the do-not-call list of every campaign").arg(entry.phoneE164)};
    }
    return rows.value().value(0).toLongLong();
}

Result<QList<bool>> SuppressionRepository::insertMany(const QList<Suppression> &entries)
{
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    QList<bool> added;
    added.reserve(entries.size());
    for (const Suppression &entry : entries) {
        auto inserted = insert(entry);
        if (!inserted && inserted.error().code != ErrorCode::Conflict) {
            return inserted.error();
        }
        added.append(inserted.ok());
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return added;
}

Result<Suppression> SuppressionRepository::byId(qint64 id)
{
    auto entries = entriesOf(
        exec(m_database.connection(), QStringLiteral("SELECT ") + kColumns + QStringLiteral(" WHERE s.id = ?"), {id}));
    if (!entries) {
        return entries.error();
    }
    if (entries.value().isEmpty()) {
        return Error{ErrorCode::NotFound, QStringLiteral("no do-not-call entry with id %1").arg(id)};
    }
    return entries.value().constFirst();
}

Result<Suppression> SuppressionRepository::remove(qint64 id)
{
    auto before = byId(id);
    if (!before) {
        return before;
    }
    auto rows =
        exec(m_database.connection(), QStringLiteral("DELETE FROM suppression_list WHERE id = ? RETURNING id"), {id});
    if (!rows) {
        return rows.error();
    }
    if (!rows.value().next()) {
        return Error{ErrorCode::NotFound, QStringLiteral("no do-not-call entry with id %1").arg(id)};
    }
    return before;
}

Result<QHash<QString, Suppression>> SuppressionRepository::coveringCampaign(qint64 campaignId)
{
    SuppressionFilter filter;
    filter.campaignId = campaignId;
    filter.limit = 0;
    auto entries = list(filter);
    if (!entries) {
        return entries.error();
    }
    QHash<QString, Suppression> byNumber;
    for (const Suppression &entry : std::as_const(entries.value())) {
        byNumber.insert(entry.phoneE164, entry);
    }
    return byNumber;
}

Result<QList<Suppression>> SuppressionRepository::all()
{
    SuppressionFilter filter;
    filter.limit = 0;
    return list(filter);
}

Result<QList<Suppression>> SuppressionRepository::list(const SuppressionFilter &filter)
{
    // Each condition is fixed text with its value bound; only which conditions apply varies.
    QStringList where;
    QVariantList params;
    if (!filter.numberFragment.isEmpty()) {
        where << QStringLiteral("s.phone_e164 LIKE ? ESCAPE '\\'");
        params << containsPattern(filter.numberFragment);
    }
    if (filter.globalOnly) {
        where << QStringLiteral("s.campaign_id IS NULL");
    } else if (filter.campaignId) {
        where << QStringLiteral("(s.campaign_id IS NULL OR s.campaign_id = ?)");
        params << *filter.campaignId;
    }
    if (!filter.source.isEmpty()) {
        where << QStringLiteral("s.source = ?");
        params << filter.source;
    }
    if (filter.beforeId) {
        where << QStringLiteral("s.id < ?");
        params << *filter.beforeId;
    }
    QString sql = QStringLiteral("SELECT ") + kColumns;
    if (!where.isEmpty()) {
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    }
    sql += QStringLiteral(" ORDER BY s.id DESC");
    if (filter.limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        params << filter.limit;
    }
    return entriesOf(exec(m_database.connection(), sql, params));
}

} // namespace vsc::services::storage
