// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/clock.h"
#include "services/email/mailmessage.h"
#include "services/storage/database.h"
#include "services/storage/mailreportrepository.h"

#include <QDate>
#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <QTimeZone>

#include <functional>

namespace vsc::services::auth {
class SecretStore;
}

namespace vsc::services::email {

enum class ReportKind {
    Finished, // once, when the campaign completes
    Daily,    // the local day before (ReportMailer::setTimeZone), for campaigns with a daily summary
};
QString reportKindKey(ReportKind kind); // "finished", "daily"

// One report as it is written: the campaign, the period and its figures.
struct CampaignReport
{
    qint64 campaignId = 0;
    QString campaignName;
    ReportKind kind = ReportKind::Finished;
    QDate day; // Daily: the day covered
    QStringList recipients;
    storage::ReportFigures figures;
};

// Draws a report's charts as images the HTML shows inline (<img src="cid:…">). services/ draws nothing (no QtGui):
// the console supplies one built on Qt Charts (ui/reports/reportcharts); without one, reports carry no charts.
using ChartRenderer = std::function<QList<MailInlineImage>(const CampaignReport &report)>;

// Sends the e-mailed reports through Settings → E-mail: a report when a campaign with recipients completes, and the
// daily summary of the day before for campaigns that ask for it; HTML with the figures (and the charts), a plain
// text alternative, and the campaign's results as CSV attached (numbers masked: mail leaves the console).
//
// sendDue() claims each due report in mail_reports (MailReportRepository) before sending it, so a report goes out
// once across consoles, `serve` processes and restarts. The claim, the figures and the charts are made on the
// caller's thread (the charts need the GUI thread); the CSV export and SMTP run on a pool thread; reportFinished
// arrives on the caller's thread. A failed report is tried again after kRetryMinutes, at most
// MailReportRepository::kMaxAttempts times.
class ReportMailer final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kRetryMinutes = 10;

    ReportMailer(storage::Database &database, Clock &clock, auth::SecretStore &secrets, QObject *parent = nullptr);
    ~ReportMailer() override;

    void setChartRenderer(ChartRenderer renderer) { m_charts = std::move(renderer); }
    // The zone whose calendar days the daily summaries cover and whose midnight sends them: the system's by default
    // (the console's local time, where the people who read the summary work; the TZ variable overrides it).
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    [[nodiscard]] const QTimeZone &timeZone() const { return m_zone; }
    // Looks for due reports now and then every `intervalMs` (the daily summaries go out on the first look after
    // local midnight).
    void start(int intervalMs = 5 * 60 * 1000);
    // Reports being exported or sent right now.
    [[nodiscard]] int inFlight() const { return m_inFlight; }

    // The message of one report (the CSV is attached later, by sendDue); public for tests and previews.
    [[nodiscard]] static MailMessage compose(const CampaignReport &report, const QString &from,
                                             const QList<MailInlineImage> &charts);

public Q_SLOTS:
    // Claims and sends every report due now. Does nothing (and logs why once) while e-mail is not set up.
    void sendDue();

Q_SIGNALS:
    // One report went out (`error` empty) or failed (`error` says why).
    void reportFinished(qint64 campaignId, vsc::services::email::ReportKind kind, const QString &period,
                        const QString &error);

private:
    void send(const CampaignReport &report, qint64 claimId);

    storage::Database &m_database;
    Clock &m_clock;
    auth::SecretStore &m_secrets;
    ChartRenderer m_charts;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QTimer m_timer;
    QThreadPool m_pool; // one report at a time; the destructor waits for it (it uses the database)
    int m_inFlight = 0;
    QString m_lastNotReady; // logged once per reason
};

} // namespace vsc::services::email
