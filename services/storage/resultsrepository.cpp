// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/resultsrepository.h"

#include "services/storage/database.h"
#include "services/storage/sql.h"

namespace vsc::services::storage {
namespace {

// The contacts of one campaign with their last attempt, and the disposition computed from both. Correlated
// subqueries (not LATERAL, which SQLite lacks) on call_attempts' unique (contact_id, attempt_number) index; both
// planners evaluate them only for the rows the outer LIMIT keeps.
const QString kContactsWithDisposition = QStringLiteral(
    "SELECT d.* FROM (SELECT r.*, CASE "
    "WHEN r.status = 'completed' THEN 'completed' "
    "WHEN r.status = 'opted_out' THEN 'opted_out' "
    "WHEN r.status = 'suppressed' THEN 'suppressed' "
    "WHEN r.status = 'invalid' THEN 'invalid_number' "
    "WHEN r.status = 'in_progress' THEN 'in_progress' "
    "WHEN r.last_status IS NULL THEN 'not_dialed' "
    "WHEN r.last_answered_by LIKE 'machine%' OR r.last_answered_by = 'fax' THEN 'machine' "
    "WHEN r.last_status = 'completed' THEN 'partial' "
    "WHEN r.last_status = 'busy' THEN 'busy' "
    "WHEN r.last_status = 'no-answer' THEN 'no_answer' "
    "WHEN r.last_status IN ('failed', 'canceled') THEN 'failed' "
    "ELSE 'in_progress' END AS disposition FROM ("
    "SELECT c.id, c.phone_e164, c.name, c.status, c.attempts_count, "
    "(SELECT a.status FROM call_attempts a WHERE a.contact_id = c.id ORDER BY a.attempt_number DESC LIMIT 1) "
    "AS last_status, "
    "(SELECT a.answered_by FROM call_attempts a WHERE a.contact_id = c.id ORDER BY a.attempt_number DESC LIMIT 1) "
    "AS last_answered_by, "
    "(SELECT COALESCE(a.ended_at, a.started_at, a.claimed_at) FROM call_attempts a WHERE a.contact_id = c.id "
    "ORDER BY a.attempt_number DESC LIMIT 1) AS last_at "
    "FROM contacts c WHERE c.campaign_id = ? AND c.id > ?");

const QString kAnswerValue = QStringLiteral("COALESCE(a.normalized_value, a.raw_digits, a.raw_speech, '')");

QString attemptOutcome(const QString &status, const QString &answeredBy)
{
    if (answeredBy.startsWith(QLatin1String("machine")) || answeredBy == QLatin1String("fax")) {
        return QStringLiteral("machine");
    }
    if (status == QLatin1String("completed")) {
        return QStringLiteral("answered");
    }
    if (status == QLatin1String("busy")) {
        return QStringLiteral("busy");
    }
    if (status == QLatin1String("no-answer")) {
        return QStringLiteral("no_answer");
    }
    if (status == QLatin1String("failed") || status == QLatin1String("canceled")) {
        return QStringLiteral("failed");
    }
    return QStringLiteral("in_progress");
}

// The filtered contacts query: `select` is what the outer query returns ("d.*", "COUNT(*)").
QString filteredContacts(const QString &select, const ResultsFilter &filter, QVariantList &params)
{
    QString sql = kContactsWithDisposition;
    if (!filter.phoneFragment.isEmpty()) {
        sql += QStringLiteral(" AND c.phone_e164 LIKE ? ESCAPE '\\'");
        params << containsPattern(filter.phoneFragment);
    }
    if (!filter.answerText.isEmpty()) {
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM answers a WHERE a.contact_id = c.id AND LOWER(") +
               kAnswerValue + QStringLiteral(") LIKE ? ESCAPE '\\')");
        params << containsPattern(filter.answerText.toLower());
    }
    sql += QStringLiteral(") r) d");
    if (!filter.disposition.isEmpty()) {
        sql += QStringLiteral(" WHERE d.disposition = ?");
        params << filter.disposition;
    }
    if (select != QLatin1String("d.*")) {
        sql.replace(0, QStringLiteral("SELECT d.*").size(), QStringLiteral("SELECT ") + select);
    }
    return sql;
}

QString placeholders(qsizetype n)
{
    QString list;
    for (qsizetype i = 0; i < n; ++i) {
        list += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    }
    return list;
}

} // namespace

const QStringList &ResultsRepository::dispositionKeys()
{
    static const QStringList keys{
        QStringLiteral("completed"),   QStringLiteral("opted_out"),      QStringLiteral("partial"),
        QStringLiteral("machine"),     QStringLiteral("busy"),           QStringLiteral("no_answer"),
        QStringLiteral("failed"),      QStringLiteral("invalid_number"), QStringLiteral("suppressed"),
        QStringLiteral("in_progress"), QStringLiteral("not_dialed")};
    return keys;
}

Result<QList<QuestionColumn>> ResultsRepository::questionColumns(qint64 campaignId)
{
    const QSqlDatabase db = m_database.connection();
    auto pinned = exec(db,
                       QStringLiteral("SELECT c.script_version_id, v.script_id FROM campaigns c LEFT JOIN "
                                      "script_versions v ON v.id = c.script_version_id WHERE c.id = ?"),
                       {campaignId});
    if (!pinned) {
        return pinned.error();
    }
    if (!pinned.value().next()) {
        return Error{ErrorCode::NotFound, QStringLiteral("no campaign with id %1").arg(campaignId)};
    }
    if (pinned.value().value(0).isNull()) {
        return QList<QuestionColumn>{};
    }
    const qint64 pinnedVersion = pinned.value().value(0).toLongLong();
    const qint64 scriptId = pinned.value().value(1).toLongLong();
    auto rows = exec(db,
                     QStringLiteral("SELECT q.question_key, q.prompt, q.type, q.options FROM questions q JOIN "
                                    "script_versions v ON v.id = q.script_version_id WHERE v.script_id = ? ORDER BY "
                                    "CASE WHEN v.id = ? THEN 0 ELSE 1 END, v.version DESC, q.position"),
                     {scriptId, pinnedVersion});
    if (!rows) {
        return rows.error();
    }
    QList<QuestionColumn> columns;
    QSet<QString> seen;
    while (rows.value().next()) {
        const QSqlQuery &q = rows.value();
        QuestionColumn column{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), {}};
        if (seen.contains(column.key)) {
            continue;
        }
        seen.insert(column.key);
        if (column.type == QLatin1String("yes_no")) {
            column.choices = {QStringLiteral("yes"), QStringLiteral("no")};
        }
        const QVariantList choices = jsonFromDb(q.value(3)).value(QStringLiteral("choices")).toList();
        for (const QVariant &choice : choices) {
            column.choices << choice.toMap().value(QStringLiteral("value")).toString();
        }
        columns.append(column);
    }
    return columns;
}

Result<qint64> ResultsRepository::count(qint64 campaignId, const ResultsFilter &filter)
{
    QVariantList params{campaignId, 0};
    const QString sql = filteredContacts(QStringLiteral("COUNT(*)"), filter, params);
    auto value = scalar(m_database.connection(), sql, params);
    if (!value) {
        return value.error();
    }
    return value.value().toLongLong();
}

Result<qint64> ResultsRepository::exportRowCount(qint64 campaignId, const ResultsFilter &filter)
{
    QVariantList params{campaignId, 0};
    const QString sql = filteredContacts(QStringLiteral("COALESCE(SUM(COALESCE(NULLIF((SELECT COUNT(*) FROM "
                                                        "call_attempts a WHERE a.contact_id = d.id), 0), 1)), 0)"),
                                         filter, params);
    auto value = scalar(m_database.connection(), sql, params);
    if (!value) {
        return value.error();
    }
    return value.value().toLongLong();
}

Result<QList<ContactResult>> ResultsRepository::page(qint64 campaignId, const ResultsFilter &filter,
                                                     qint64 afterContactId, int limit, Detail detail)
{
    const QSqlDatabase db = m_database.connection();
    QVariantList params{campaignId, afterContactId};
    const QString sql =
        filteredContacts(QStringLiteral("d.*"), filter, params) + QStringLiteral(" ORDER BY d.id LIMIT ?");
    params << qMax(1, limit);
    auto rows = exec(db, sql, params);
    if (!rows) {
        return rows.error();
    }
    QList<ContactResult> contacts;
    QHash<qint64, qsizetype> indexOf;
    QVariantList ids;
    while (rows.value().next()) {
        const QSqlQuery &q = rows.value();
        ContactResult contact;
        contact.contactId = q.value(0).toLongLong();
        contact.phoneE164 = q.value(1).toString();
        contact.name = q.value(2).toString();
        contact.attempts = q.value(4).toInt();
        contact.lastAttemptAt = dateTimeFromDb(q.value(7));
        contact.disposition = q.value(8).toString();
        indexOf.insert(contact.contactId, contacts.size());
        ids << contact.contactId;
        contacts.append(contact);
    }
    if (contacts.isEmpty()) {
        return contacts;
    }
    // The page's attempts and answers, each in one statement over the page's ids (bound, never spliced).
    if (detail == Detail::Attempts) {
        auto attempts = exec(db,
                             QStringLiteral("SELECT contact_id, attempt_number, status, COALESCE(answered_by, ''), "
                                            "COALESCE(ended_at, started_at, claimed_at) FROM call_attempts WHERE "
                                            "contact_id IN (") +
                                 placeholders(ids.size()) + QStringLiteral(") ORDER BY contact_id, attempt_number"),
                             ids);
        if (!attempts) {
            return attempts.error();
        }
        while (attempts.value().next()) {
            const QSqlQuery &q = attempts.value();
            AttemptResult attempt;
            attempt.number = q.value(1).toInt();
            attempt.status = q.value(2).toString();
            attempt.answeredBy = q.value(3).toString();
            attempt.outcome = attemptOutcome(attempt.status, attempt.answeredBy);
            attempt.at = dateTimeFromDb(q.value(4));
            contacts[indexOf.value(q.value(0).toLongLong())].attemptDetails.append(attempt);
        }
    }
    auto answers = exec(db,
                        QStringLiteral("SELECT a.contact_id, ca.attempt_number, q.question_key, ") + kAnswerValue +
                            QStringLiteral(", v.version FROM answers a JOIN questions q ON q.id = a.question_id "
                                           "JOIN script_versions v ON v.id = a.script_version_id JOIN call_attempts "
                                           "ca ON ca.id = a.call_attempt_id WHERE a.contact_id IN (") +
                            placeholders(ids.size()) + QStringLiteral(") ORDER BY a.contact_id, a.answered_at, a.id"),
                        ids);
    if (!answers) {
        return answers.error();
    }
    while (answers.value().next()) {
        const QSqlQuery &q = answers.value();
        ContactResult &contact = contacts[indexOf.value(q.value(0).toLongLong())];
        const int attemptNumber = q.value(1).toInt();
        const QString key = q.value(2).toString();
        const QString value = q.value(3).toString();
        const int version = q.value(4).toInt();
        contact.answers.insert(key, value); // answers come oldest first: the latest stays
        contact.scriptVersion = version;
        for (AttemptResult &attempt : contact.attemptDetails) {
            if (attempt.number == attemptNumber) {
                attempt.answers.insert(key, value);
                attempt.scriptVersion = version;
            }
        }
    }
    return contacts;
}

} // namespace vsc::services::storage
