// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/email/reportmailer.h"

#include "services/email/smtpsender.h"
#include "services/logging/logging.h"
#include "services/results/resultsexporter.h"
#include "services/settings/mailsettings.h"

#include <QBuffer>
#include <QFutureWatcher>
#include <QPromise>
#include <QRegularExpression>
#include <QThreadPool>

#include <cmath>
#include <memory>

namespace vsc::services::email {

namespace {

auto log()
{
    return logging::logger("vsc.email");
}

QString percent(int part, int whole)
{
    return whole > 0 ? QStringLiteral("%1%").arg(100.0 * part / whole, 0, 'f', 1) : QStringLiteral("–");
}

QString duration(double seconds)
{
    const auto total = int(std::lround(seconds));
    return QStringLiteral("%1:%2").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}

// The figures as (label, value) rows, for both the HTML and the text part.
QList<QPair<QString, QString>> kpiRows(const storage::ReportFigures &f)
{
    return {{QStringLiteral("Contacts in the campaign"), QString::number(f.contacts)},
            {QStringLiteral("Calls dialed"), QString::number(f.dialed)},
            {QStringLiteral("Calls answered"), QString::number(f.answered)},
            {QStringLiteral("Answer rate"), percent(f.answered, f.dialed)},
            {QStringLiteral("Completed interviews"), QString::number(f.completed)},
            {QStringLiteral("Completion rate (of contacts)"), percent(f.completed, f.contacts)},
            {QStringLiteral("Opt-outs"), QString::number(f.optedOut)},
            {QStringLiteral("Average call duration"), duration(f.averageDuration)}};
}

QString title(const CampaignReport &report)
{
    return report.kind == ReportKind::Finished ? QStringLiteral("Campaign \"%1\" has finished").arg(report.campaignName)
                                               : QStringLiteral("Daily summary for %1: campaign \"%2\"")
                                                     .arg(report.day.toString(Qt::ISODate), report.campaignName);
}

QString csvFileName(const CampaignReport &report)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_-]+"));
    QString name = report.campaignName;
    name.replace(unsafe, QStringLiteral("-"));
    return QStringLiteral("results-%1-%2.csv").arg(report.campaignId).arg(name.left(40));
}

} // namespace

QString reportKindKey(ReportKind kind)
{
    return kind == ReportKind::Daily ? QStringLiteral("daily") : QStringLiteral("finished");
}

ReportMailer::ReportMailer(storage::Database &database, Clock &clock, auth::SecretStore &secrets, QObject *parent)
    : QObject(parent), m_database(database), m_clock(clock), m_secrets(secrets)
{
    connect(&m_timer, &QTimer::timeout, this, &ReportMailer::sendDue);
    m_pool.setMaxThreadCount(1);
}

ReportMailer::~ReportMailer()
{
    m_pool.waitForDone();
}

void ReportMailer::start(int intervalMs)
{
    m_timer.start(intervalMs);
    QTimer::singleShot(0, this, &ReportMailer::sendDue);
}

MailMessage ReportMailer::compose(const CampaignReport &report, const QString &from,
                                  const QList<MailInlineImage> &charts)
{
    MailMessage message;
    message.from = from;
    message.to = report.recipients;
    message.subject = QStringLiteral("VoiceSurvey Console: ") + title(report);
    const auto rows = kpiRows(report.figures);

    QString text = title(report) + QStringLiteral("\n\n");
    QString html = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
                                  "<body style=\"font-family: sans-serif\"><h2>%1</h2>"
                                  "<table id=\"kpis\" cellpadding=\"4\" style=\"border-collapse: collapse\">")
                       .arg(title(report).toHtmlEscaped());
    for (const auto &[label, value] : rows) {
        text += QStringLiteral("%1: %2\n").arg(label, value);
        html += QStringLiteral("<tr><th align=\"left\">%1</th><td align=\"right\">%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    if (!report.figures.outcomes.isEmpty()) {
        text += QStringLiteral("\nCall outcomes:\n");
        html += QStringLiteral("<h3>Call outcomes</h3><table id=\"outcomes\" cellpadding=\"4\">");
        for (const auto &[status, count] : report.figures.outcomes) {
            text += QStringLiteral("  %1: %2\n").arg(status).arg(count);
            html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td></tr>")
                        .arg(status.toHtmlEscaped())
                        .arg(count);
        }
        html += QStringLiteral("</table>");
    }
    for (const MailInlineImage &chart : charts) {
        html += QStringLiteral("<p><img src=\"cid:%1\" alt=\"chart\"></p>").arg(chart.contentId.toHtmlEscaped());
    }
    const QString attached = QStringLiteral("The campaign's results are attached as CSV (phone numbers masked).");
    text += QStringLiteral("\n") + attached + QStringLiteral("\n");
    html += QStringLiteral("<p>%1</p></body></html>").arg(attached);
    message.textBody = text;
    message.htmlBody = html;
    message.inlineImages = charts;
    return message;
}

void ReportMailer::sendDue()
{
    settings::MailSettingsService mailSettings(m_database, m_clock, m_secrets);
    auto settings = mailSettings.load();
    QString notReady;
    if (!settings) {
        notReady = settings.error().toString();
    } else if (!settings.value().isConfigured()) {
        notReady = QStringLiteral("e-mail is not set up (Settings → E-mail)");
    } else if (!settings.value().problems().isEmpty()) {
        notReady =
            QStringLiteral("the e-mail settings have problems: ") + settings.value().problems().constFirst().message;
    }
    if (!notReady.isEmpty()) {
        if (notReady != m_lastNotReady) {
            log()->info("reports are not sent: {}", notReady.toStdString());
            m_lastNotReady = notReady;
        }
        return;
    }
    m_lastNotReady.clear();

    storage::MailReportRepository reports(m_database);
    const QDateTime now = m_clock.nowUtc();
    const QDateTime retryBefore = now.addSecs(-60LL * kRetryMinutes);
    QList<CampaignReport> due;
    auto finished = reports.dueFinished(retryBefore);
    if (!finished) {
        log()->warn("cannot look for due reports: {}", finished.error().toString().toStdString());
        return;
    }
    for (const storage::DueReport &d : finished.value()) {
        due.append({d.campaignId, d.campaignName, ReportKind::Finished, {}, {}, {}});
        due.last().recipients = d.recipients.split(u',', Qt::SkipEmptyParts);
    }
    // The local day before, from local midnight to local midnight (23 or 25 hours when the clocks change).
    const QDate today = now.toTimeZone(m_zone).date();
    const QDate yesterday = today.addDays(-1);
    const QDateTime dayStart = QDateTime(yesterday, QTime(0, 0), m_zone).toUTC();
    const QDateTime dayEnd = QDateTime(today, QTime(0, 0), m_zone).toUTC();
    auto daily = reports.dueDaily(yesterday.toString(Qt::ISODate), dayStart, dayEnd, retryBefore);
    if (!daily) {
        log()->warn("cannot look for due daily summaries: {}", daily.error().toString().toStdString());
        return;
    }
    for (const storage::DueReport &d : daily.value()) {
        due.append({d.campaignId, d.campaignName, ReportKind::Daily, yesterday, {}, {}});
        due.last().recipients = d.recipients.split(u',', Qt::SkipEmptyParts);
    }

    for (CampaignReport &report : due) {
        for (QString &recipient : report.recipients) {
            recipient = recipient.trimmed();
        }
        const QString period = report.kind == ReportKind::Daily ? report.day.toString(Qt::ISODate) : QString();
        auto claimed = reports.claim(report.campaignId, reportKindKey(report.kind), period,
                                     report.recipients.join(u','), now, retryBefore);
        if (!claimed) {
            log()->warn("campaign {}: cannot claim its {} report: {}", report.campaignId,
                        reportKindKey(report.kind).toStdString(), claimed.error().toString().toStdString());
            continue;
        }
        if (!claimed.value()) {
            continue; // another console has it
        }
        auto figures = report.kind == ReportKind::Daily ? reports.figures(report.campaignId, dayStart, dayEnd)
                                                        : reports.figures(report.campaignId);
        if (!figures) {
            (void)reports.markFailed(*claimed.value(), figures.error().toString());
            continue;
        }
        report.figures = figures.value();
        send(report, *claimed.value());
    }
}

void ReportMailer::send(const CampaignReport &report, qint64 claimId)
{
    settings::MailSettingsService mailSettings(m_database, m_clock, m_secrets);
    const auto settings = mailSettings.load().valueOr({});
    auto options = mailSettings.smtpOptions(settings);
    const QString period = report.kind == ReportKind::Daily ? report.day.toString(Qt::ISODate) : QString();
    storage::MailReportRepository reports(m_database);
    if (!options) {
        (void)reports.markFailed(claimId, options.error().toString());
        Q_EMIT reportFinished(report.campaignId, report.kind, period, options.error().detail);
        return;
    }
    const QList<MailInlineImage> charts = m_charts ? m_charts(report) : QList<MailInlineImage>();
    MailMessage message = compose(report, settings.fromAddress, charts);

    // The export and SMTP may take long: the pool's thread, with its own database connection.
    auto promise = std::make_shared<QPromise<Result<void>>>();
    auto *watcher = new QFutureWatcher<Result<void>>(this);
    ++m_inFlight;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, report, claimId, period] {
        const Result<void> sent = watcher->result();
        watcher->deleteLater();
        --m_inFlight;
        storage::MailReportRepository reports(m_database);
        if (sent) {
            (void)reports.markSent(claimId, m_clock.nowUtc());
            log()->info("campaign {}: {} report sent to {} recipient(s)", report.campaignId,
                        reportKindKey(report.kind).toStdString(), report.recipients.size());
        } else {
            (void)reports.markFailed(claimId, sent.error().detail);
            log()->warn("campaign {}: {} report not sent: {}", report.campaignId,
                        reportKindKey(report.kind).toStdString(), sent.error().detail.toStdString());
        }
        Q_EMIT reportFinished(report.campaignId, report.kind, period, sent ? QString() : sent.error().detail);
    });
    watcher->setFuture(promise->future());
    promise->start();
    storage::Database *database = &m_database;
    m_pool.start([promise, database, report, message = std::move(message),
                  smtp = std::move(options).value()]() mutable {
        // Phone numbers masked: a system actor without pii.view.
        Actor actor = Actor::system(QStringLiteral("reports"));
        actor.permissions.remove(Permission::PiiView);
        QBuffer csv;
        csv.open(QIODevice::WriteOnly);
        results::ExportRequest request;
        request.campaignId = report.campaignId;
        request.format = results::ExportFormat::Csv;
        request.device = &csv;
        auto exported = results::exportResults(*database, actor, request);
        database->closeThreadConnection(); // pool threads outlive this job
        if (!exported) {
            promise->addResult(exported.error());
        } else {
            message.attachments.append({csvFileName(report), QStringLiteral("text/csv; charset=utf-8"), csv.data()});
            promise->addResult(SmtpSender::send(smtp, message));
        }
        promise->finish();
        releaseThreadTlsState();
    });
}

} // namespace vsc::services::email
