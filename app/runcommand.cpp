// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/runcommand.h"

#include "app/appcontext.h"
#include "app/cli.h"
#include "app/signals.h"
#include "services/dialer/campaigndialer.h"
#include "services/email/reportmailer.h"
#include "services/logging/logging.h"
#include "services/storage/campaignrepository.h"
#include "services/telephony/simulatedcarrier.h"
#include "services/telephony/webhookjournal.h"
#include "services/telephony/webhookserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>

namespace vsc::app {
namespace {

using services::dialer::CampaignDialer;
using services::dialer::DialerProgress;

// One line per event on stdout: JSON objects with --json, sentences otherwise. Supervisors and tests read them
// while the run goes on, so each is flushed at once.
class RunReporter
{
public:
    explicit RunReporter(bool json) : m_json(json) { m_clock.start(); }

    void event(const QString &name, const QString &text, QJsonObject fields = {}) const
    {
        QByteArray line;
        if (m_json) {
            fields.insert(QStringLiteral("event"), name);
            fields.insert(QStringLiteral("seconds"), m_clock.elapsed() / 1000.0);
            line = QJsonDocument(fields).toJson(QJsonDocument::Compact);
        } else {
            line = QStringLiteral("%1 s: %2").arg(m_clock.elapsed() / 1000.0, 0, 'f', 1).arg(text).toUtf8();
        }
        line += '\n';
        std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
        std::fflush(stdout);
    }

    void progress(const DialerProgress &p, const QString &name, const QString &suffix = {}) const
    {
        event(name,
              QStringLiteral("%1 placed, %2 active, %3 dialable, %4 waiting for a retry or their window%5%6")
                  .arg(p.placed)
                  .arg(p.active)
                  .arg(p.dialable)
                  .arg(p.waiting)
                  .arg(p.quotaFull > 0 ? QStringLiteral(", %1 held back by full quotas").arg(p.quotaFull) : QString())
                  .arg(suffix),
              {{QStringLiteral("placed"), p.placed},
               {QStringLiteral("active"), p.active},
               {QStringLiteral("dialable"), p.dialable},
               {QStringLiteral("waiting"), p.waiting},
               {QStringLiteral("quotaFull"), p.quotaFull}});
    }

private:
    bool m_json;
    QElapsedTimer m_clock;
};

// The usage checks, made before anything is opened; their result is what the context builds the run's telephony
// from.
Result<TelephonyOptions> telephonyFor(const RunOptions &options)
{
    if (options.campaignId <= 0) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("run needs --campaign ID")};
    }
    if (options.timeScale <= 0 || options.timeScale > 10000 || (!options.simulated && options.timeScale != 1.0)) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("--time-scale must be between 0 and 10000, and only with --simulated")};
    }
    TelephonyOptions telephony;
    telephony.role = TelephonyRole::HeadlessRun;
    telephony.campaignId = options.campaignId;
    telephony.simulated = options.simulated;
    telephony.timeScale = options.timeScale;
    telephony.carrierLog = options.carrierLog;
    telephony.carrierCreateMs = options.carrierCreateMs;
    if (options.simulated) {
        return telephony;
    }
    auto listen = parseListen(options.listen);
    if (!listen) {
        return listen.error();
    }
    telephony.listenAddress = listen.value().address;
    telephony.listenPort = listen.value().port;
    telephony.publicUrl = QUrl(options.publicUrl, QUrl::StrictMode);
    if (!telephony.publicUrl.isValid() || !telephony.publicUrl.scheme().startsWith(QLatin1String("http")) ||
        telephony.publicUrl.host().isEmpty()) {
        const QString wanted = QStringLiteral("run without --simulated needs --public-url, the URL Twilio reaches "
                                              "for webhooks, e.g. https://surveys.example.com");
        return Error{ErrorCode::InvalidArgument, wanted};
    }
    auto apiUrl = parseTwilioApiUrl(options.twilioApiUrl);
    if (!apiUrl) {
        return apiUrl.error();
    }
    telephony.twilioApiUrl = apiUrl.value();
    return telephony;
}

// One headless run of a campaign on the context's telephony stack: reports every event, stands by while another
// dialer holds the campaign (with --standby), and on SIGINT/SIGTERM stops placing calls and lets the calls in flight
// finish. A QObject so its connections to the context's flow and dialer end with it.
class CampaignRun final : public QObject
{
public:
    CampaignRun(AppContext &context, const RunOptions &options);
    // Runs the event loop until the campaign is done, the run fails or is stopped; returns the exit code.
    int exec();

private:
    Result<void> replayJournal();
    Result<void> prepareTelephony();
    void connectDialer();
    void tryStart();
    bool finishIfCampaignOver();
    void reportStandby(const QString &reason);
    void onFailed(const Error &error);
    void reportTick();
    void stop();
    void checkDrained();
    void finish(int code);
    void exitWhenReportsAreOut();
    void exitNow();
    [[nodiscard]] int activeCalls() const;

    AppContext &m_context;
    const RunOptions &m_options;
    const RunReporter m_report;
    services::telephony::CallFlow &m_flow;
    CampaignDialer *m_dialer = nullptr;
    // The e-mailed reports the console sends (Settings → E-mail), without charts (no GUI here): daily summaries while
    // the run goes on, and the campaign-finished report before it exits.
    services::email::ReportMailer m_reports;
    QTimer m_standby; // with --standby: try to take the campaign over every second
    QTimer m_ticker;  // progress every 5 s
    QTimer m_drain;   // once stopped: leave when no call is in flight and nothing is journaled
    QElapsedTimer m_stoppedAt;
    int m_exitCode = ExitOk;
    bool m_stopping = false;
    bool m_standingBy = false;
    bool m_finished = false;
};

CampaignRun::CampaignRun(AppContext &context, const RunOptions &options)
    : m_context(context), m_options(options), m_report(options.json), m_flow(context.callFlow()),
      m_reports(context.database(), context.clock(), context.secrets())
{
    connect(&m_reports, &services::email::ReportMailer::reportFinished, this,
            [this](qint64 campaignId, services::email::ReportKind kind, const QString &period, const QString &error) {
                const QString what = services::email::reportKindKey(kind);
                QJsonObject fields{{QStringLiteral("campaign"), campaignId},
                                   {QStringLiteral("kind"), what},
                                   {QStringLiteral("period"), period}};
                if (error.isEmpty()) {
                    m_report.event(QStringLiteral("reportSent"),
                                   QStringLiteral("e-mailed the %1 report of campaign %2%3")
                                       .arg(what)
                                       .arg(campaignId)
                                       .arg(period.isEmpty() ? QString() : QStringLiteral(" for ") + period),
                                   fields);
                } else {
                    fields.insert(QStringLiteral("error"), error);
                    m_report.event(QStringLiteral("reportFailed"),
                                   QStringLiteral("the %1 report of campaign %2 was not sent: %3")
                                       .arg(what)
                                       .arg(campaignId)
                                       .arg(error),
                                   fields);
                }
                if (m_finished && m_reports.inFlight() == 0) {
                    exitNow();
                }
            });
    connect(&m_flow, &services::telephony::CallFlow::journalChanged, this, [this](qsizetype pending) {
        m_report.event(QStringLiteral("journal"),
                       QStringLiteral("journal: %1 webhook(s) waiting for the database").arg(pending),
                       {{QStringLiteral("pending"), qint64(pending)}});
    });
}

int CampaignRun::exec()
{
    if (auto replayed = replayJournal(); !replayed) {
        printError(m_options.json, replayed.error());
        return exitCodeFor(replayed.error());
    }
    if (auto prepared = prepareTelephony(); !prepared) {
        printError(m_options.json, prepared.error());
        return ExitUnavailable;
    }
    connectDialer();
    onTerminationSignal([this] { stop(); });
    m_reports.start();
    tryStart();
    m_ticker.start(5000);
    if (m_finished && m_reports.inFlight() == 0) {
        return m_exitCode; // decided before the event loop ran (already completed, or refused)
    }
    QCoreApplication::exec();
    return m_exitCode;
}

// What an earlier run in this role left journaled (ours, or another process's that died) is applied before any
// new call, and before a takeover's reconciliation looks at the calls it names.
Result<void> CampaignRun::replayJournal()
{
    auto replayed = m_context.replayJournals();
    if (!replayed) {
        return replayed.error();
    }
    if (replayed.value() > 0) {
        m_report.event(QStringLiteral("journalReplayed"),
                       QStringLiteral("replayed %1 webhook(s) an earlier run journaled").arg(replayed.value()),
                       {{QStringLiteral("replayed"), qint64(replayed.value())}});
    }
    return {};
}

// The simulated carrier, or Twilio's REST API with our webhook server for its callbacks; then the dialer on it.
Result<void> CampaignRun::prepareTelephony()
{
    if (auto provider = m_context.provider(); !provider) {
        return provider.error();
    }
    if (!m_options.simulated) {
        auto server = m_context.webhookServer();
        if (!server) {
            return server.error();
        }
        const TelephonyOptions &telephony = m_context.telephonyOptions();
        const quint16 port = server.value()->port();
        m_report.event(QStringLiteral("listening"),
                       QStringLiteral("webhooks on %1:%2 for %3")
                           .arg(telephony.listenAddress.toString())
                           .arg(port)
                           .arg(redactedUrl(telephony.publicUrl)),
                       {{QStringLiteral("port"), port}});
    }
    auto dialer = m_context.campaignDialer();
    if (!dialer) {
        return dialer.error();
    }
    m_dialer = dialer.value();
    return {};
}

void CampaignRun::connectDialer()
{
    m_standby.setInterval(1000);
    connect(&m_standby, &QTimer::timeout, this, &CampaignRun::tryStart);
    connect(&m_ticker, &QTimer::timeout, this, &CampaignRun::reportTick);
    connect(&m_drain, &QTimer::timeout, this, &CampaignRun::checkDrained);
    connect(m_dialer, &CampaignDialer::reconciled, this, [this](int orphans) {
        if (orphans > 0) {
            m_report.event(QStringLiteral("reconciled"),
                           QStringLiteral("settled %1 call attempt(s) an earlier run left unfinished").arg(orphans),
                           {{QStringLiteral("orphans"), orphans}});
        }
    });
    connect(m_dialer, &CampaignDialer::databaseLost, this, [this](const QString &detail) {
        m_report.event(QStringLiteral("databaseLost"),
                       QStringLiteral("database unavailable; dialing paused (%1)").arg(detail),
                       {{QStringLiteral("detail"), detail}});
    });
    connect(m_dialer, &CampaignDialer::databaseRestored, this, [this] {
        m_report.event(QStringLiteral("databaseRestored"), QStringLiteral("database is back; dialing resumes"));
    });
    connect(m_dialer, &CampaignDialer::runFinished, this, [this](const DialerProgress &p) {
        m_report.progress(p, QStringLiteral("done"), QStringLiteral(" - done"));
        finish(ExitOk);
    });
    connect(m_dialer, &CampaignDialer::failed, this, &CampaignRun::onFailed);
}

void CampaignRun::tryStart()
{
    if (finishIfCampaignOver()) {
        return;
    }
    if (m_standingBy) {
        // The holder's journal is free once it died: apply it before taking its calls over.
        if (auto replayed = replayJournal(); !replayed) {
            services::logging::logger("vsc.app")->debug("journals not replayed yet: {}",
                                                        replayed.error().toString().toStdString());
        }
    }
    auto started = m_dialer->start();
    if (started) {
        m_standby.stop();
        m_report.event(QStringLiteral("dialing"),
                       m_standingBy ? QStringLiteral("took over campaign %1").arg(m_options.campaignId)
                                    : QStringLiteral("dialing campaign %1").arg(m_options.campaignId),
                       {{QStringLiteral("takeover"), m_standingBy}});
        m_standingBy = false;
        return;
    }
    const Error &error = started.error();
    const bool retry =
        m_options.standby && (error.code == ErrorCode::Conflict || error.code == ErrorCode::ConnectionLost);
    if (!retry) {
        m_standby.stop();
        printError(m_options.json, error);
        finish(exitCodeForInput(error)); // an unknown campaign is bad input
        return;
    }
    if (!m_standingBy) {
        reportStandby(error.detail);
    }
    if (error.code == ErrorCode::ConnectionLost) {
        if (auto reconnected = m_context.database().reconnect(); !reconnected) {
            // Expected while the server is away: the next try, a second later, reconnects again.
            services::logging::logger("vsc.app")->debug("database still unreachable: {}",
                                                        reconnected.error().toString().toStdString());
        }
    }
    m_standby.start();
}

// A completed or stopped campaign has nothing left to dial: report and leave.
bool CampaignRun::finishIfCampaignOver()
{
    auto campaign = services::storage::CampaignRepository(m_context.database()).byId(m_options.campaignId);
    if (!campaign ||
        (campaign.value().status != CampaignStatus::Completed && campaign.value().status != CampaignStatus::Stopped)) {
        return false;
    }
    m_standby.stop();
    m_report.progress(m_dialer->progress(), QStringLiteral("done"),
                      QStringLiteral(" - campaign is %1").arg(campaignStatusKey(campaign.value().status)));
    finish(ExitOk);
    return true;
}

void CampaignRun::reportStandby(const QString &reason)
{
    m_standingBy = true;
    m_report.event(QStringLiteral("standby"), QStringLiteral("standing by: %1").arg(reason),
                   {{QStringLiteral("reason"), reason}});
}

void CampaignRun::onFailed(const Error &error)
{
    if (m_options.standby && error.code == ErrorCode::Conflict && !m_stopping) {
        // Another dialer took the lease over: wait for it to stop.
        reportStandby(error.detail);
        m_standby.start();
        return;
    }
    printError(m_options.json, error);
    finish(exitCodeFor(error));
}

void CampaignRun::reportTick()
{
    if (m_dialer->isDatabaseLost()) {
        m_report.event(QStringLiteral("waiting"), QStringLiteral("database unavailable; dialing paused"));
    } else if (m_dialer->isRunning()) {
        m_report.progress(m_dialer->progress(), QStringLiteral("progress"));
    }
}

void CampaignRun::stop()
{
    if (m_stopping) {
        finish(ExitOk); // a second signal: leave now; calls in flight end at the provider
        return;
    }
    // Stop placing calls; let the ones in flight finish (their webhooks still arrive), then leave.
    m_stopping = true;
    m_standby.stop();
    if (m_dialer->isRunning()) {
        m_dialer->pause();
    }
    m_report.event(
        QStringLiteral("stopping"),
        QStringLiteral("stopping: no new calls; waiting for %1 call(s) in flight").arg(activeCalls()),
        {{QStringLiteral("inFlight"), activeCalls()}, {QStringLiteral("placed"), m_dialer->progress().placed}});
    m_stoppedAt.start();
    m_drain.start(50);
}

// The dialer asks the provider about calls whose final status is lost once they are overdue, so calls in flight
// end; if even the provider cannot be reached the wait is bounded by the same limit (plus the dialer's sweep), and
// what is left is reconciled by the next run.
void CampaignRun::checkDrained()
{
    const bool drained = activeCalls() == 0 && m_flow.journaled() == 0;
    const qint64 boundMs = m_dialer->overdueAfterMs() * 2;
    if (!drained && m_stoppedAt.elapsed() < boundMs) {
        return;
    }
    m_drain.stop();
    if (!drained) {
        m_report.event(QStringLiteral("drainTimedOut"),
                       QStringLiteral("stopped with %1 call(s) still unfinished after %2 s; the next run reconciles "
                                      "them with the provider")
                           .arg(activeCalls())
                           .arg(boundMs / 1000),
                       {{QStringLiteral("unfinished"), activeCalls()}});
    }
    m_report.progress(m_dialer->progress(), QStringLiteral("done"), QStringLiteral(" - stopped"));
    finish(ExitOk);
}

void CampaignRun::finish(int code)
{
    const bool first = !m_finished;
    m_exitCode = code;
    m_finished = true;
    if (first && code == ExitOk) {
        exitWhenReportsAreOut();
        return;
    }
    exitNow();
}

// The campaign-finished report (and a daily summary due now) goes out before the process leaves, as the console
// sends it when a campaign completes there; a failed one is logged, and retried by the next console or `serve`.
void CampaignRun::exitWhenReportsAreOut()
{
    m_reports.sendDue();
    if (m_reports.inFlight() == 0) {
        exitNow();
    }
    // else: reportFinished calls exitNow() once the last one is out.
}

void CampaignRun::exitNow()
{
    const int code = m_exitCode;
    if (!m_options.simulated) {
        // The webhook that ended the last call is still being answered: let its reply go out first.
        QTimer::singleShot(500, QCoreApplication::instance(), [code] { QCoreApplication::exit(code); });
        return;
    }
    QCoreApplication::exit(code);
}

int CampaignRun::activeCalls() const
{
    const services::telephony::SimulatedCarrier *carrier = m_context.simulatedCarrier();
    return carrier ? carrier->activeCalls() : m_dialer->progress().active;
}

} // namespace

int runCampaign(AppContext &context, const RunOptions &options)
{
    auto telephony = telephonyFor(options);
    if (!telephony) {
        printError(options.json, telephony.error());
        return ExitUsage;
    }
    auto opened = context.openDatabase(options.databaseUrl);
    if (!opened) {
        printError(options.json, opened.error());
        return exitCodeFor(opened.error());
    }
    if (auto acting = context.authorizeHeadless(Permission::CampaignRun, QStringLiteral("run a campaign")); !acting) {
        printError(options.json, acting.error());
        return exitCodeFor(acting.error());
    }
    context.configureTelephony(telephony.value());
    CampaignRun run(context, options);
    return run.exec();
}

} // namespace vsc::app
