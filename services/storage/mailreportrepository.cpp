// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/mailreportrepository.h"

#include "services/storage/sql.h"

namespace vsc::services::storage {

namespace {

// Not yet claimed, or failed, tried fewer than kMaxAttempts times and last claimed before the retry time (?).
const QString kNotClaimed = QStringLiteral(
    "NOT EXISTS (SELECT 1 FROM mail_reports r WHERE r.campaign_id = c.id AND r.kind = ? AND r.period = ? "
    "AND (r.status <> 'failed' OR r.attempts >= %1 OR r.claimed_at > ?))");

Result<QList<DueReport>> readDue(Result<QSqlQuery> query)
{
    if (!query) {
        return query.error();
    }
    QList<DueReport> due;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        due.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    }
    return due;
}

} // namespace

Result<QList<DueReport>> MailReportRepository::dueFinished(const QDateTime &retryBefore)
{
    return readDue(exec(m_database.connection(),
                        QStringLiteral("SELECT c.id, c.name, c.report_recipients FROM campaigns c "
                                       "WHERE c.status = 'completed' AND c.report_recipients <> '' AND ") +
                            kNotClaimed.arg(kMaxAttempts) + QStringLiteral(" ORDER BY c.id"),
                        {QStringLiteral("finished"), text(QString()), toDb(retryBefore)}));
}

Result<QList<DueReport>> MailReportRepository::dueDaily(const QString &period, const QDateTime &from,
                                                        const QDateTime &to, const QDateTime &retryBefore)
{
    return readDue(exec(m_database.connection(),
                        QStringLiteral("SELECT c.id, c.name, c.report_recipients FROM campaigns c "
                                       "WHERE c.daily_summary = ? AND c.report_recipients <> '' AND "
                                       "c.archived_at IS NULL AND EXISTS (SELECT 1 FROM call_attempts a WHERE "
                                       "a.campaign_id = c.id AND a.claimed_at >= ? AND a.claimed_at < ?) AND ") +
                            kNotClaimed.arg(kMaxAttempts) + QStringLiteral(" ORDER BY c.id"),
                        {true, toDb(from), toDb(to), QStringLiteral("daily"), period, toDb(retryBefore)}));
}

Result<std::optional<qint64>> MailReportRepository::claim(qint64 campaignId, const QString &kind, const QString &period,
                                                          const QString &recipients, const QDateTime &now,
                                                          const QDateTime &retryBefore)
{
    QSqlDatabase db = m_database.connection();
    // The unique (campaign_id, kind, period) decides between consoles: one insert wins.
    auto inserted = exec(db,
                         QStringLiteral("INSERT INTO mail_reports (campaign_id, kind, period, recipients, claimed_at) "
                                        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (campaign_id, kind, period) DO NOTHING"),
                         {campaignId, kind, text(period), text(recipients), toDb(now)});
    if (!inserted) {
        return inserted.error();
    }
    if (inserted.value().numRowsAffected() == 0) {
        // Taken already: ours again only when it failed, may be retried, and nobody else retried it first.
        auto retried =
            exec(db,
                 QStringLiteral("UPDATE mail_reports SET status = 'sending', attempts = attempts + 1, "
                                "claimed_at = ?, recipients = ?, last_error = '' WHERE campaign_id = ? "
                                "AND kind = ? AND period = ? AND status = 'failed' AND attempts < ? AND "
                                "claimed_at <= ?"),
                 {toDb(now), text(recipients), campaignId, kind, text(period), kMaxAttempts, toDb(retryBefore)});
        if (!retried) {
            return retried.error();
        }
        if (retried.value().numRowsAffected() == 0) {
            return std::optional<qint64>();
        }
    }
    auto id =
        scalar(db, QStringLiteral("SELECT id FROM mail_reports WHERE campaign_id = ? AND kind = ? AND period = ?"),
               {campaignId, kind, text(period)});
    if (!id) {
        return id.error();
    }
    return std::optional<qint64>(id.value().toLongLong());
}

Result<void> MailReportRepository::markSent(qint64 reportId, const QDateTime &at)
{
    return execOnly(
        m_database.connection(),
        QStringLiteral("UPDATE mail_reports SET status = 'sent', sent_at = ?, last_error = '' WHERE id = ?"),
        {toDb(at), reportId});
}

Result<void> MailReportRepository::markFailed(qint64 reportId, const QString &error)
{
    return execOnly(m_database.connection(),
                    QStringLiteral("UPDATE mail_reports SET status = 'failed', last_error = ? WHERE id = ?"),
                    {text(error), reportId});
}

Result<std::optional<QPair<QString, int>>> MailReportRepository::status(qint64 campaignId, const QString &kind,
                                                                        const QString &period)
{
    auto query = exec(m_database.connection(),
                      QStringLiteral("SELECT status, attempts FROM mail_reports WHERE campaign_id = ? AND kind = ? "
                                     "AND period = ?"),
                      {campaignId, kind, text(period)});
    if (!query) {
        return query.error();
    }
    if (!query.value().next()) {
        return std::optional<QPair<QString, int>>();
    }
    return std::optional<QPair<QString, int>>({query.value().value(0).toString(), query.value().value(1).toInt()});
}

Result<ReportFigures> MailReportRepository::figures(qint64 campaignId, const QDateTime &from, const QDateTime &to)
{
    QSqlDatabase db = m_database.connection();
    const bool period = from.isValid() && to.isValid();
    const QString inPeriod = period ? QStringLiteral(" AND a.claimed_at >= ? AND a.claimed_at < ?") : QString();
    QVariantList params{campaignId};
    if (period) {
        params << toDb(from) << toDb(to);
    }
    ReportFigures figures;
    auto contacts = scalarInt(db, QStringLiteral("SELECT COUNT(*) FROM contacts WHERE campaign_id = ?"), {campaignId});
    if (!contacts) {
        return contacts.error();
    }
    figures.contacts = contacts.value();

    auto calls = exec(db,
                      QStringLiteral("SELECT COUNT(*), SUM(CASE WHEN a.answered_at IS NOT NULL THEN 1 ELSE 0 END), "
                                     "AVG(CASE WHEN a.duration_seconds > 0 THEN a.duration_seconds END) "
                                     "FROM call_attempts a WHERE a.campaign_id = ?") +
                          inPeriod,
                      params);
    if (!calls) {
        return calls.error();
    }
    if (calls.value().next()) {
        figures.dialed = calls.value().value(0).toInt();
        figures.answered = calls.value().value(1).toInt();
        figures.averageDuration = calls.value().value(2).toDouble();
    }

    auto outcomes = exec(db,
                         QStringLiteral("SELECT a.status, COUNT(*) FROM call_attempts a WHERE a.campaign_id = ?") +
                             inPeriod + QStringLiteral(" GROUP BY a.status ORDER BY a.status"),
                         params);
    if (!outcomes) {
        return outcomes.error();
    }
    while (outcomes.value().next()) {
        figures.outcomes.append({outcomes.value().value(0).toString(), outcomes.value().value(1).toInt()});
    }

    // A contact's last attempt decided its final status: count it in the period that attempt belongs to.
    const QString decidedInPeriod =
        period ? QStringLiteral(" AND EXISTS (SELECT 1 FROM call_attempts a WHERE a.contact_id = k.id AND "
                                "a.attempt_number = k.attempts_count AND a.claimed_at >= ? AND a.claimed_at < ?)")
               : QString();
    auto finals = exec(db,
                       QStringLiteral("SELECT SUM(CASE WHEN k.status = 'completed' THEN 1 ELSE 0 END), "
                                      "SUM(CASE WHEN k.status = 'opted_out' THEN 1 ELSE 0 END) FROM contacts k "
                                      "WHERE k.campaign_id = ? AND k.status IN ('completed', 'opted_out')") +
                           decidedInPeriod,
                       params);
    if (!finals) {
        return finals.error();
    }
    if (finals.value().next()) {
        figures.completed = finals.value().value(0).toInt();
        figures.optedOut = finals.value().value(1).toInt();
    }
    return figures;
}

} // namespace vsc::services::storage
