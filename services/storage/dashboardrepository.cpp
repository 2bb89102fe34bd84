// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/dashboardrepository.h"

#include "services/storage/sql.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

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

// A contact's AAPOR case facts over its attempts `a` (grouped by contact `c`) as a bit mask; the same expression is in
// migration 0014's triggers, which keep dashboard_contact_facts.
constexpr auto kFacts =
    "CASE WHEN c.status = 'completed' THEN 1 ELSE 0 END "
    "+ CASE WHEN EXISTS (SELECT 1 FROM answers an WHERE an.contact_id = c.id) THEN 2 ELSE 0 END "
    "+ CASE WHEN c.status = 'opted_out' THEN 4 ELSE 0 END "
    "+ 8 * MAX(CASE WHEN a.answered_at IS NOT NULL AND (a.answered_by IS NULL OR (a.answered_by NOT LIKE 'machine%' "
    "AND a.answered_by <> 'fax')) THEN 1 ELSE 0 END) "
    "+ 16 * MAX(CASE WHEN a.answered_by LIKE 'machine%' THEN 1 ELSE 0 END) "
    "+ 32 * MAX(CASE WHEN a.answered_by = 'fax' THEN 1 ELSE 0 END) "
    "+ CASE WHEN c.status = 'invalid' THEN 64 ELSE 0 END "
    "+ 128 * MAX(CASE WHEN a.status IN ('failed', 'canceled') THEN 1 ELSE 0 END)";
constexpr auto kActiveStatuses = "('claimed', 'queued', 'initiated', 'ringing', 'in-progress')";

reporting::CaseFacts factsFromMask(int mask)
{
    reporting::CaseFacts facts;
    facts.completed = (mask & 1) != 0;
    facts.answers = (mask & 2) != 0 ? 1 : 0;
    facts.optedOut = (mask & 4) != 0;
    facts.humanAnswered = (mask & 8) != 0;
    facts.machineAnswered = (mask & 16) != 0;
    facts.fax = (mask & 32) != 0;
    facts.invalidNumber = (mask & 64) != 0;
    facts.technicalFailure = (mask & 128) != 0;
    facts.attempts = 1;
    return facts;
}

// Rows of (facts mask, contacts) added into `cases`.
Result<void> addFactCounts(Result<QSqlQuery> query, QMap<int, qint64> &cases)
{
    if (!query) {
        return query.error();
    }
    while (query.value().next()) {
        cases[query.value().value(0).toInt()] += query.value().value(1).toLongLong();
    }
    return {};
}

QList<CaseFactsGroup> factGroups(const QMap<int, qint64> &cases)
{
    QList<CaseFactsGroup> groups;
    for (auto it = cases.cbegin(); it != cases.cend(); ++it) {
        if (it.value() > 0) {
            groups.append({factsFromMask(it.key()), it.value()});
        }
    }
    return groups;
}

// Columns: attempts, answered, active, connected seconds, connected attempts, billable minutes.
Result<AttemptTotals> totalsFrom(Result<QSqlQuery> query)
{
    if (!query) {
        return query.error();
    }
    QSqlQuery &q = query.value();
    if (!q.next()) {
        return Error{ErrorCode::Database, QStringLiteral("attempt totals returned no row")};
    }
    AttemptTotals t;
    t.dialed = q.value(0).toLongLong();
    t.answered = q.value(1).toLongLong();
    t.active = q.value(2).toLongLong();
    const qint64 connected = q.value(4).toLongLong();
    t.averageDurationSeconds = connected > 0 ? q.value(3).toDouble() / double(connected) : 0.0;
    t.billableMinutes = q.value(5).toLongLong();
    return t;
}

// " WHERE <first> >= ? AND <last> < ? [AND campaign_id = ?]" over a summary table's hour columns.
QString summaryScope(const QString &first, const QString &last, const DashboardFilter &filter, QVariantList &params)
{
    params << toDb(filter.from) << toDb(filter.to);
    QString where = QStringLiteral(" WHERE %1 >= ? AND %2 < ?").arg(first, last);
    if (filter.campaignId) {
        where += QStringLiteral(" AND campaign_id = ?");
        params << *filter.campaignId;
    }
    return where;
}

} // namespace

bool DashboardRepository::fromSummary(const DashboardFilter &filter) const
{
    const auto onHour = [](const QDateTime &at) {
        const QTime t = at.toUTC().time();
        return t.minute() == 0 && t.second() == 0 && t.msec() == 0;
    };
    return m_source == DashboardSource::Summary && onHour(filter.from) && onHour(filter.to);
}

Result<AttemptTotals> DashboardRepository::attemptTotals(const DashboardFilter &filter)
{
    if (!fromSummary(filter)) {
        QVariantList params;
        const QString where = attemptScope(filter, params);
        return totalsFrom(
            exec(m_database.connection(),
                 QStringLiteral("SELECT COUNT(*), "
                                "SUM(CASE WHEN a.answered_at IS NOT NULL THEN 1 ELSE 0 END), "
                                "SUM(CASE WHEN a.status IN ") +
                     QLatin1String(kActiveStatuses) +
                     QStringLiteral(" THEN 1 ELSE 0 END), "
                                    "SUM(CASE WHEN a.duration_seconds > 0 THEN a.duration_seconds ELSE 0 END), "
                                    "SUM(CASE WHEN a.duration_seconds > 0 THEN 1 ELSE 0 END), "
                                    "SUM(CASE WHEN a.duration_seconds > 0 THEN (a.duration_seconds + 59) / 60 "
                                    "ELSE 0 END) "
                                    "FROM call_attempts a") +
                     where,
                 params));
    }
    QVariantList params;
    const QString where = summaryScope(QStringLiteral("utc_hour"), QStringLiteral("utc_hour"), filter, params);
    return totalsFrom(exec(m_database.connection(),
                           QStringLiteral("SELECT SUM(attempts), SUM(CASE WHEN answered = 1 THEN attempts ELSE 0 END), "
                                          "SUM(CASE WHEN status IN ") +
                               QLatin1String(kActiveStatuses) +
                               QStringLiteral(" THEN attempts ELSE 0 END), SUM(connected_seconds), SUM(connected), "
                                              "SUM(billable_minutes) FROM dashboard_attempt_hours") +
                               where,
                           params));
}

Result<QList<CaseFactsGroup>> DashboardRepository::caseFacts(const DashboardFilter &filter)
{
    // A case (a contact) belongs to the period of its first attempt, with the facts of all its attempts: its final
    // disposition, as AAPOR counts the cases fielded in a period. So each case is counted once, whatever the period.
    QMap<int, qint64> cases;
    QVariantList params;
    if (fromSummary(filter)) {
        const QString where = summaryScope(QStringLiteral("first_hour"), QStringLiteral("first_hour"), filter, params);
        if (auto ok = addFactCounts(exec(m_database.connection(),
                                         QStringLiteral("SELECT facts, SUM(cases) FROM dashboard_case_counts") + where +
                                             QStringLiteral(" GROUP BY facts"),
                                         params),
                                    cases);
            !ok) {
            return ok.error();
        }
        return factGroups(cases);
    }
    // One row per contact with an attempt in the period and none before it, then grouped by the facts: at most 2^8.
    QString campaign;
    params << toDb(filter.from) << toDb(filter.to);
    if (filter.campaignId) {
        campaign = QStringLiteral(" AND f.campaign_id = ?");
        params << *filter.campaignId;
    }
    params << toDb(filter.from);
    if (auto ok = addFactCounts(
            exec(m_database.connection(),
                 QStringLiteral("SELECT facts, COUNT(*) FROM (SELECT c.id, ") + QLatin1String(kFacts) +
                     QStringLiteral(" AS facts FROM call_attempts a JOIN contacts c ON c.id = a.contact_id "
                                    "WHERE a.contact_id IN (SELECT f.contact_id FROM call_attempts f "
                                    "WHERE f.claimed_at >= ? AND f.claimed_at < ?%1) "
                                    "GROUP BY c.id, c.status HAVING MIN(a.claimed_at) >= ?) cases GROUP BY facts")
                         .arg(campaign),
                 params),
            cases);
        !ok) {
        return ok.error();
    }
    return factGroups(cases);
}

Result<QList<ZoneHourCount>> DashboardRepository::attemptsByZoneAndHour(const DashboardFilter &filter)
{
    QVariantList params;
    const bool summary = fromSummary(filter);
    // From the attempts, the UTC hour as "YYYY-MM-DDTHH"; the conversion to each zone's local hour (with its DST)
    // happens in C++.
    const QString hourExpr = m_database.backend() == Backend::Postgres
                                 ? QStringLiteral("to_char(a.claimed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24')")
                                 : QStringLiteral("substr(a.claimed_at, 1, 13)");
    auto query = summary
                     ? exec(m_database.connection(),
                            QStringLiteral("SELECT time_zone, utc_hour, SUM(attempts) FROM dashboard_attempt_hours") +
                                summaryScope(QStringLiteral("utc_hour"), QStringLiteral("utc_hour"), filter, params) +
                                QStringLiteral(" GROUP BY time_zone, utc_hour HAVING SUM(attempts) > 0"),
                            params)
                     : exec(m_database.connection(),
                            QStringLiteral("SELECT c.time_zone, %1 AS utc_hour, COUNT(*) FROM call_attempts a "
                                           "JOIN contacts c ON c.id = a.contact_id")
                                    .arg(hourExpr) +
                                attemptScope(filter, params) + QStringLiteral(" GROUP BY c.time_zone, utc_hour"),
                            params);
    if (!query) {
        return query.error();
    }
    QList<ZoneHourCount> rows;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        const QDateTime hour =
            summary ? dateTimeFromDb(q.value(1))
                    : QDateTime::fromString(q.value(1).toString() + QStringLiteral(":00:00Z"), Qt::ISODate).toUTC();
        rows.append({q.value(0).toString(), hour, q.value(2).toLongLong()});
    }
    return rows;
}

Result<QList<std::pair<QString, qint64>>> DashboardRepository::outcomes(const DashboardFilter &filter)
{
    QVariantList params;
    if (fromSummary(filter)) {
        const QString where = summaryScope(QStringLiteral("utc_hour"), QStringLiteral("utc_hour"), filter, params);
        return keyCounts(exec(m_database.connection(),
                              QStringLiteral("SELECT CASE WHEN machine = 1 THEN 'machine' ELSE status END AS outcome, "
                                             "SUM(attempts) FROM dashboard_attempt_hours") +
                                  where + QStringLiteral(" GROUP BY outcome HAVING SUM(attempts) > 0 ORDER BY outcome"),
                              params));
    }
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
