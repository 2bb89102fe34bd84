// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/dashboardrepository.h"

#include "services/storage/sql.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vsc::services::storage {

Result<DashboardKpis> DashboardRepository::kpis(const QDateTime &now, int days)
{
    QSqlDatabase db = m_database.connection();
    auto totals =
        exec(db, QStringLiteral("SELECT "
                                "(SELECT COUNT(*) FROM campaigns), "
                                "(SELECT COUNT(*) FROM campaigns WHERE status = 'running'), "
                                "(SELECT COUNT(*) FROM contacts), "
                                "(SELECT COUNT(*) FROM call_attempts), "
                                "(SELECT COUNT(*) FROM call_attempts WHERE answered_at IS NOT NULL), "
                                "(SELECT COUNT(*) FROM contacts WHERE status = 'completed'), "
                                "(SELECT COUNT(*) FROM answers), "
                                "(SELECT COUNT(*) FROM suppression_list WHERE source = 'in_call_opt_out'), "
                                "(SELECT COUNT(*) FROM call_attempts "
                                "   WHERE status IN ('claimed', 'queued', 'initiated', 'ringing', 'in-progress')), "
                                "(SELECT AVG(duration_seconds) FROM call_attempts WHERE duration_seconds IS NOT NULL "
                                "AND duration_seconds > 0)"));
    if (!totals) {
        return totals.error();
    }
    QSqlQuery &t = totals.value();
    if (!t.next()) {
        return Error{ErrorCode::Database, QStringLiteral("dashboard totals returned no row")};
    }
    DashboardKpis k;
    k.campaigns = t.value(0).toInt();
    k.runningCampaigns = t.value(1).toInt();
    k.contacts = t.value(2).toInt();
    k.attempts = t.value(3).toInt();
    k.answeredAttempts = t.value(4).toInt();
    k.completedContacts = t.value(5).toInt();
    k.answers = t.value(6).toInt();
    k.optOuts = t.value(7).toInt();
    k.activeCalls = t.value(8).toInt();
    k.averageDurationSeconds = t.value(9).toDouble();

    const QDate lastDay = now.toUTC().date();
    const QDate firstDay = lastDay.addDays(1 - days);
    const QString dayExpr = m_database.backend() == Backend::Postgres
                                ? QStringLiteral("to_char(claimed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')")
                                : QStringLiteral("substr(claimed_at, 1, 10)");
    auto daily = exec(db,
                      QStringLiteral("SELECT %1 AS day, "
                                     "SUM(CASE WHEN status = 'completed' THEN 1 ELSE 0 END), "
                                     "SUM(CASE WHEN status IN ('busy', 'no-answer') THEN 1 ELSE 0 END), "
                                     "SUM(CASE WHEN status IN ('failed', 'canceled') THEN 1 ELSE 0 END) "
                                     "FROM call_attempts WHERE claimed_at >= ? GROUP BY day")
                          .arg(dayExpr),
                      {toDb(QDateTime(firstDay, QTime(0, 0), Qt::UTC))});
    if (!daily) {
        return daily.error();
    }
    QHash<QDate, DailyOutcomes> byDay;
    while (daily.value().next()) {
        const QSqlQuery &q = daily.value();
        const QDate day = QDate::fromString(q.value(0).toString(), Qt::ISODate);
        byDay.insert(day, {day, q.value(1).toInt(), q.value(2).toInt(), q.value(3).toInt()});
    }
    for (QDate day = firstDay; day <= lastDay; day = day.addDays(1)) {
        k.lastDays.append(byDay.value(day, DailyOutcomes{day, 0, 0, 0}));
    }
    return k;
}

} // namespace vsc::services::storage

namespace vsc::services::storage {

namespace {

// "WHERE a.claimed_at >= ? AND a.claimed_at < ? [AND a.campaign_id = ?]" and its parameters.
QString attemptScope(const DashboardFilter &filter, QVariantList &params)
{
    params << toDb(filter.from) << toDb(filter.to);
    QString where = QStringLiteral(" WHERE a.claimed_at >= ? AND a.claimed_at < ?");
    if (filter.campaignId) {
        where += QStringLiteral(" AND a.campaign_id = ?");
        params << *filter.campaignId;
    }
    return where;
}

Result<QList<std::pair<QString, qint64>>> keyCounts(Result<QSqlQuery> query)
{
    if (!query) {
        return query.error();
    }
    QList<std::pair<QString, qint64>> rows;
    while (query.value().next()) {
        rows.append({query.value().value(0).toString(), query.value().value(1).toLongLong()});
    }
    return rows;
}

} // namespace

Result<AttemptTotals> DashboardRepository::attemptTotals(const DashboardFilter &filter)
{
    QVariantList params;
    const QString where = attemptScope(filter, params);
    auto totals = exec(m_database.connection(),
                       QStringLiteral("SELECT COUNT(*), "
                                      "SUM(CASE WHEN a.answered_at IS NOT NULL THEN 1 ELSE 0 END), "
                                      "SUM(CASE WHEN a.status IN ('claimed', 'queued', 'initiated', 'ringing', "
                                      "'in-progress') THEN 1 ELSE 0 END), "
                                      "AVG(CASE WHEN a.duration_seconds > 0 THEN a.duration_seconds END), "
                                      "SUM(CASE WHEN a.duration_seconds > 0 THEN (a.duration_seconds + 59) / 60 "
                                      "ELSE 0 END) "
                                      "FROM call_attempts a") +
                           where,
                       params);
    if (!totals) {
        return totals.error();
    }
    QSqlQuery &q = totals.value();
    if (!q.next()) {
        return Error{ErrorCode::Database, QStringLiteral("attempt totals returned no row")};
    }
    AttemptTotals t;
    t.dialed = q.value(0).toLongLong();
    t.answered = q.value(1).toLongLong();
    t.active = q.value(2).toLongLong();
    t.averageDurationSeconds = q.value(3).toDouble();
    t.billableMinutes = q.value(4).toLongLong();
    return t;
}

Result<QList<CaseFactsGroup>> DashboardRepository::caseFacts(const DashboardFilter &filter)
{
    QVariantList params;
    const QString where = attemptScope(filter, params);
    // One row per contact first (its attempts in the selection), then grouped by the facts: at most 2^8 rows.
    auto query = exec(
        m_database.connection(),
        QStringLiteral(
            "SELECT completed, has_answers, opted_out, human, machine, fax, invalid, technical, COUNT(*) FROM ("
            "SELECT c.id, "
            "CASE WHEN c.status = 'completed' THEN 1 ELSE 0 END AS completed, "
            "CASE WHEN EXISTS (SELECT 1 FROM answers an WHERE an.contact_id = c.id) THEN 1 ELSE 0 END AS has_answers, "
            "CASE WHEN c.status = 'opted_out' THEN 1 ELSE 0 END AS opted_out, "
            "MAX(CASE WHEN a.answered_at IS NOT NULL AND (a.answered_by IS NULL OR (a.answered_by NOT LIKE 'machine%' "
            "AND a.answered_by <> 'fax')) THEN 1 ELSE 0 END) AS human, "
            "MAX(CASE WHEN a.answered_by LIKE 'machine%' THEN 1 ELSE 0 END) AS machine, "
            "MAX(CASE WHEN a.answered_by = 'fax' THEN 1 ELSE 0 END) AS fax, "
            "CASE WHEN c.status = 'invalid' THEN 1 ELSE 0 END AS invalid, "
            "MAX(CASE WHEN a.status IN ('failed', 'canceled') THEN 1 ELSE 0 END) AS technical "
            "FROM call_attempts a JOIN contacts c ON c.id = a.contact_id") +
            where +
            QStringLiteral(" GROUP BY c.id, c.status) cases "
                           "GROUP BY completed, has_answers, opted_out, human, machine, fax, invalid, technical"),
        params);
    if (!query) {
        return query.error();
    }
    QList<CaseFactsGroup> groups;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        CaseFactsGroup g;
        g.facts.completed = q.value(0).toInt() != 0;
        g.facts.answers = q.value(1).toInt();
        g.facts.optedOut = q.value(2).toInt() != 0;
        g.facts.humanAnswered = q.value(3).toInt() != 0;
        g.facts.machineAnswered = q.value(4).toInt() != 0;
        g.facts.fax = q.value(5).toInt() != 0;
        g.facts.invalidNumber = q.value(6).toInt() != 0;
        g.facts.technicalFailure = q.value(7).toInt() != 0;
        g.facts.attempts = 1;
        g.cases = q.value(8).toLongLong();
        groups.append(g);
    }
    return groups;
}

Result<QList<ZoneHourCount>> DashboardRepository::attemptsByZoneAndHour(const DashboardFilter &filter)
{
    QVariantList params;
    const QString where = attemptScope(filter, params);
    // The UTC hour as "YYYY-MM-DDTHH"; the conversion to each zone's local hour (with its DST) happens in C++.
    const QString hourExpr = m_database.backend() == Backend::Postgres
                                 ? QStringLiteral("to_char(a.claimed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24')")
                                 : QStringLiteral("substr(a.claimed_at, 1, 13)");
    auto query = exec(m_database.connection(),
                      QStringLiteral("SELECT c.time_zone, %1 AS utc_hour, COUNT(*) FROM call_attempts a "
                                     "JOIN contacts c ON c.id = a.contact_id")
                              .arg(hourExpr) +
                          where + QStringLiteral(" GROUP BY c.time_zone, utc_hour"),
                      params);
    if (!query) {
        return query.error();
    }
    QList<ZoneHourCount> rows;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        QDateTime hour = QDateTime::fromString(q.value(1).toString() + QStringLiteral(":00:00Z"), Qt::ISODate);
        rows.append({q.value(0).toString(), hour.toUTC(), q.value(2).toLongLong()});
    }
    return rows;
}

Result<QList<std::pair<QString, qint64>>> DashboardRepository::outcomes(const DashboardFilter &filter)
{
    QVariantList params;
    const QString where = attemptScope(filter, params);
    return keyCounts(exec(m_database.connection(),
                          QStringLiteral("SELECT CASE WHEN a.answered_by LIKE 'machine%' THEN 'machine' "
                                         "ELSE a.status END AS outcome, COUNT(*) FROM call_attempts a") +
                              where + QStringLiteral(" GROUP BY outcome ORDER BY outcome"),
                          params));
}

Result<QList<DashboardQuestion>> DashboardRepository::questions(qint64 campaignId)
{
    auto query = exec(m_database.connection(),
                      QStringLiteral("SELECT q.question_key, q.prompt, q.type, q.options FROM questions q "
                                     "JOIN campaigns c ON c.script_version_id = q.script_version_id "
                                     "WHERE c.id = ? ORDER BY q.position"),
                      {campaignId});
    if (!query) {
        return query.error();
    }
    QList<DashboardQuestion> questions;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        DashboardQuestion question{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), {}};
        const QJsonObject options = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        const QJsonArray choices = options.value(QStringLiteral("choices")).toArray();
        for (const auto &choice : choices) {
            question.choices << choice.toObject().value(QStringLiteral("value")).toString();
        }
        question.min = options.value(QStringLiteral("min")).toInt(0);
        question.max = options.value(QStringLiteral("max")).toInt(0);
        questions.append(question);
    }
    return questions;
}

Result<QList<std::pair<QString, qint64>>> DashboardRepository::answerCounts(const DashboardFilter &filter,
                                                                            const QString &questionKey)
{
    QVariantList params;
    const QString where = attemptScope(filter, params);
    params << questionKey;
    return keyCounts(exec(m_database.connection(),
                          QStringLiteral("SELECT an.normalized_value, COUNT(*) FROM answers an "
                                         "JOIN call_attempts a ON a.id = an.call_attempt_id "
                                         "JOIN questions q ON q.id = an.question_id") +
                              where +
                              QStringLiteral(" AND q.question_key = ? AND an.normalized_value IS NOT NULL "
                                             "GROUP BY an.normalized_value ORDER BY an.normalized_value"),
                          params));
}

} // namespace vsc::services::storage
