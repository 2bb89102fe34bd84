// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/storage/database.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace vsc::services::storage {

// A campaign whose report is due.
struct DueReport
{
    qint64 campaignId = 0;
    QString campaignName;
    QString recipients; // comma-separated
};

// What a report says, for the whole campaign or one period (by when each attempt was claimed).
struct ReportFigures
{
    int contacts = 0;                    // in the campaign (always the whole campaign)
    int dialed = 0;                      // call attempts
    int answered = 0;                    // attempts someone (or a machine) answered
    int completed = 0;                   // contacts whose interview was completed by an attempt of the period
    int optedOut = 0;                    // contacts who opted out in an attempt of the period
    double averageDuration = 0;          // seconds, of the calls that lasted
    QList<QPair<QString, int>> outcomes; // attempt status -> count, by status
};

// The e-mailed reports' bookkeeping (mail_reports, 0011): a report is claimed before it is sent, so each goes out
// once whichever console or `serve` finds it due, and across restarts; a failed one is tried again later, at most
// kMaxAttempts times. Synchronous, calling thread.
class MailReportRepository final
{
public:
    static constexpr int kMaxAttempts = 3;

    explicit MailReportRepository(Database &database) : m_database(database) {}

    // Completed campaigns with recipients whose report has not been claimed (or failed and may be tried again:
    // claimed before `retryBefore`).
    Result<QList<DueReport>> dueFinished(const QDateTime &retryBefore);
    // Campaigns with a daily summary, recipients and calls claimed in [from, to), whose summary for `period` is
    // not claimed (or may be tried again).
    Result<QList<DueReport>> dueDaily(const QString &period, const QDateTime &from, const QDateTime &to,
                                      const QDateTime &retryBefore);
    // Claims one report: its id when this caller got it, nullopt when another did (or it is sent, or gave up).
    Result<std::optional<qint64>> claim(qint64 campaignId, const QString &kind, const QString &period,
                                        const QString &recipients, const QDateTime &now, const QDateTime &retryBefore);
    Result<void> markSent(qint64 reportId, const QDateTime &at);
    Result<void> markFailed(qint64 reportId, const QString &error);
    // "sending", "sent" or "failed" with the attempts made; nullopt when never claimed.
    Result<std::optional<QPair<QString, int>>> status(qint64 campaignId, const QString &kind, const QString &period);

    // A report's figures; `from`/`to` invalid: the whole campaign.
    Result<ReportFigures> figures(qint64 campaignId, const QDateTime &from = {}, const QDateTime &to = {});

private:
    Database &m_database;
};

} // namespace vsc::services::storage
