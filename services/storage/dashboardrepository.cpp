// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/dashboardrepository.h"

#include "services/storage/sql.h"

#include <QHash>

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
