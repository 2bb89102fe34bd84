// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/contactrepository.h"

#include "services/storage/sql.h"

namespace vsc::services::storage {
namespace {

const QString kSelect = QStringLiteral("SELECT id, campaign_id, phone_e164, name, time_zone, language, custom_fields, "
                                       "status, attempts_count, created_at FROM contacts ");
constexpr int kInsertColumns = 7;
constexpr int kRowsPerStatement = 500; // 3500 parameters: well under SQLite's 32766 limit

Contact contactFrom(const QSqlQuery &q)
{
    Contact c;
    c.id = q.value(0).toLongLong();
    c.campaignId = q.value(1).toLongLong();
    c.phoneE164 = q.value(2).toString();
    c.name = q.value(3).toString();
    c.timeZone = q.value(4).toString();
    c.language = q.value(5).toString();
    c.customFields = jsonFromDb(q.value(6));
    c.status = contactStatusFromKey(q.value(7).toString()).value_or(ContactStatus::Pending);
    c.attemptsCount = q.value(8).toInt();
    c.createdAt = dateTimeFromDb(q.value(9));
    return c;
}

void appendInsertValues(QVariantList &params, const Contact &c, const QDateTime &now)
{
    params << c.campaignId << c.phoneE164 << text(c.name) << text(c.timeZone) << text(c.language)
           << jsonToDb(c.customFields) << toDb(c.createdAt.isValid() ? c.createdAt : now);
}

QString insertSql(qsizetype rows)
{
    QString sql = QStringLiteral("INSERT INTO contacts (campaign_id, phone_e164, name, time_zone, language, "
                                 "custom_fields, created_at) VALUES ");
    const QString tuple = QStringLiteral("(?, ?, ?, ?, ?, ?, ?)");
    for (qsizetype i = 0; i < rows; ++i) {
        sql += (i == 0 ? QString() : QStringLiteral(", ")) + tuple;
    }
    return sql + QStringLiteral(" RETURNING id");
}

} // namespace

Result<qint64> ContactRepository::add(const Contact &contact)
{
    auto ids = addMany({contact});
    if (!ids) {
        return ids.error();
    }
    return ids.value().constFirst();
}

Result<QList<qint64>> ContactRepository::addMany(const QList<Contact> &contacts)
{
    static_assert(kInsertColumns * kRowsPerStatement < 32766);
    QList<qint64> ids;
    if (contacts.isEmpty()) {
        return ids;
    }
    for (const Contact &c : contacts) {
        if (c.phoneE164.isEmpty() || c.campaignId <= 0) {
            return Error{ErrorCode::InvalidArgument, QStringLiteral("a contact needs a phone number and a campaign")};
        }
    }
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ids.reserve(contacts.size());
    for (qsizetype start = 0; start < contacts.size(); start += kRowsPerStatement) {
        const qsizetype rows = qMin<qsizetype>(kRowsPerStatement, contacts.size() - start);
        QVariantList params;
        params.reserve(rows * kInsertColumns);
        for (qsizetype i = start; i < start + rows; ++i) {
            appendInsertValues(params, contacts.at(i), now);
        }
        auto query = exec(db, insertSql(rows), params);
        if (!query) {
            return query.error();
        }
        while (query.value().next()) {
            ids.append(query.value().value(0).toLongLong());
        }
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return ids;
}

Result<Contact> ContactRepository::byId(qint64 id)
{
    auto query = exec(m_database.connection(), kSelect + QStringLiteral("WHERE id = ?"), {id});
    if (!query) {
        return query.error();
    }
    if (!query.value().next()) {
        return Error{ErrorCode::NotFound, QStringLiteral("no contact with id %1").arg(id)};
    }
    return contactFrom(query.value());
}

Result<QList<Contact>> ContactRepository::page(qint64 campaignId, qint64 afterId, int limit)
{
    auto query =
        exec(m_database.connection(), kSelect + QStringLiteral("WHERE campaign_id = ? AND id > ? ORDER BY id LIMIT ?"),
             {campaignId, afterId, limit});
    if (!query) {
        return query.error();
    }
    QList<Contact> contacts;
    while (query.value().next()) {
        contacts.append(contactFrom(query.value()));
    }
    return contacts;
}

Result<int> ContactRepository::count(qint64 campaignId)
{
    auto value = scalar(m_database.connection(), QStringLiteral("SELECT COUNT(*) FROM contacts WHERE campaign_id = ?"),
                        {campaignId});
    if (!value) {
        return value.error();
    }
    return value.value().toInt();
}

Result<void> ContactRepository::setProgress(qint64 id, ContactStatus status, int attemptsCount)
{
    auto query =
        exec(m_database.connection(), QStringLiteral("UPDATE contacts SET status = ?, attempts_count = ? WHERE id = ?"),
             {contactStatusKey(status), attemptsCount, id});
    if (!query) {
        return query.error();
    }
    if (query.value().numRowsAffected() != 1) {
        return Error{ErrorCode::NotFound, QStringLiteral("no contact with id %1").arg(id)};
    }
    return {};
}

Result<int> ContactRepository::countCallable(qint64 campaignId, int maxAttempts)
{
    return scalarInt(m_database.connection(),
                     QStringLiteral("SELECT COUNT(*) FROM contacts k WHERE k.campaign_id = ? AND k.status = 'pending' "
                                    "AND k.attempts_count < ? AND NOT EXISTS (SELECT 1 FROM suppression_list s "
                                    "WHERE s.phone_e164 = k.phone_e164 AND (s.campaign_id IS NULL OR "
                                    "s.campaign_id = k.campaign_id))"),
                     {campaignId, maxAttempts});
}

Result<QSet<QString>> ContactRepository::phonesInCampaign(qint64 campaignId)
{
    auto rows = exec(m_database.connection(), QStringLiteral("SELECT phone_e164 FROM contacts WHERE campaign_id = ?"),
                     {campaignId});
    if (!rows) {
        return rows.error();
    }
    QSet<QString> phones;
    while (rows.value().next()) {
        phones.insert(rows.value().value(0).toString());
    }
    return phones;
}

Result<void> ContactRepository::setStatus(qint64 id, ContactStatus status)
{
    auto query = exec(m_database.connection(), QStringLiteral("UPDATE contacts SET status = ? WHERE id = ?"),
                      {contactStatusKey(status), id});
    if (!query) {
        return query.error();
    }
    if (query.value().numRowsAffected() != 1) {
        return Error{ErrorCode::NotFound, QStringLiteral("no contact with id %1").arg(id)};
    }
    return {};
}

} // namespace vsc::services::storage
