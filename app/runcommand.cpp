// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/runcommand.h"

#include "app/appcontext.h"
#include "app/cli.h"
#include "app/signals.h"
#include "services/dialer/campaigndialer.h"
#include "services/events/eventbus.h"
#include "services/storage/campaignrepository.h"
#include "services/telephony/simulatedcarrier.h"
#include "services/telephony/twilioprovider.h"
#include "services/telephony/webhookjournal.h"
#include "services/telephony/webhookserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
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

Result<std::pair<QHostAddress, quint16>> parseListen(const QString &listen)
{
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    const int port = colon > 0 ? listen.mid(colon + 1).toInt(&portOk) : -1;
    const QHostAddress address(colon > 0 ? listen.left(colon) : QString());
    if (!portOk || port < 0 || port > 65535 || address.isNull()) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("--listen wants HOST:PORT such as 127.0.0.1:8089, not '%1'").arg(listen)};
    }
    return std::pair{address, quint16(port)};
}

} // namespace

int runCampaign(const RunOptions &options)
{
    if (options.campaignId <= 0) {
        printError(options.json, {ErrorCode::InvalidArgument, QStringLiteral("run needs --campaign ID")});
        return ExitUsage;
    }
    if (options.timeScale <= 0 || options.timeScale > 10000 || (!options.simulated && options.timeScale != 1.0)) {
        printError(options.json,
                   {ErrorCode::InvalidArgument,
                    QStringLiteral("--time-scale must be between 0 and 10000, and only with --simulated")});
        return ExitUsage;
    }
    AppContext context;
    std::optional<std::pair<QHostAddress, quint16>> listen;
    QUrl publicUrl(QStringLiteral("http://127.0.0.1:8089")); // simulated calls never leave the process
    if (!options.simulated) {
        auto parsed = parseListen(options.listen);
        if (!parsed) {
            printError(options.json, parsed.error());
            return ExitUsage;
        }
        listen = parsed.value();
        publicUrl = QUrl(options.publicUrl, QUrl::StrictMode);
        if (!publicUrl.isValid() || !publicUrl.scheme().startsWith(QLatin1String("http")) ||
            publicUrl.host().isEmpty()) {
            printError(options.json, {ErrorCode::InvalidArgument,
                                      QStringLiteral("run without --simulated needs --public-url, the URL Twilio "
                                                     "reaches for webhooks, e.g. https://surveys.example.com")});
            return ExitUsage;
        }
    }
    auto opened = context.openDatabase(options.databaseUrl);
    if (!opened) {
        printError(options.json, opened.error());
        return exitCodeFor(opened.error());
    }
    services::storage::Database &database = context.database();
    const RunReporter report(options.json);

    services::telephony::CallFlow flow(database, publicUrl);
    TelephonyOptions telephony; // for now only the journal's name: "run-<campaign>"
    telephony.role = TelephonyRole::HeadlessRun;
    telephony.campaignId = options.campaignId;
    context.configureTelephony(telephony);
    services::telephony::WebhookJournal &journal = context.journal();
    flow.setJournal(&journal);
    QObject::connect(&flow, &services::telephony::CallFlow::callStatusChanged, &context.events(),
                     &services::events::EventBus::publishCallStatus);
    QObject::connect(&flow, &services::telephony::CallFlow::journalChanged, [&](qsizetype pending) {
        report.event(QStringLiteral("journal"),
                     QStringLiteral("journal: %1 webhook(s) waiting for the database").arg(pending),
                     {{QStringLiteral("pending"), qint64(pending)}});
    });
    if (!journal.isEmpty()) {
        const qsizetype leftover = journal.entries().size();
        if (auto replayed = flow.replayJournal(); !replayed) {
            printError(options.json, replayed.error());
            return exitCodeFor(replayed.error());
        }
        report.event(QStringLiteral("journalReplayed"),
                     QStringLiteral("replayed %1 webhook(s) an earlier run journaled").arg(leftover),
                     {{QStringLiteral("replayed"), qint64(leftover)}});
    }

    // Telephony: the simulated carrier, or Twilio's REST API with our webhook server for its callbacks.
    std::unique_ptr<services::telephony::TelephonyProvider> provider;
    services::telephony::SimulatedCarrier *carrier = nullptr;
    QNetworkAccessManager network;
    std::unique_ptr<services::telephony::TwilioClient> twilio;
    std::unique_ptr<services::telephony::WebhookServer> server;
    if (options.simulated) {
        services::telephony::SimulatedCarrierOptions carrierOptions;
        carrierOptions.timeScale = options.timeScale;
        carrierOptions.seed = quint32(QDateTime::currentMSecsSinceEpoch());
        carrierOptions.callLogPath = options.carrierLog;
        auto simulated =
            std::make_unique<services::telephony::SimulatedCarrier>(flow, database, context.clock(), carrierOptions);
        carrier = simulated.get();
        provider = std::move(simulated);
    } else {
        auto credentials = context.twilioCredentials();
        auto token = context.twilioAuthToken();
        if (!credentials || !token) {
            printError(options.json, credentials ? token.error() : credentials.error());
            return ExitUnavailable;
        }
        services::telephony::TwilioClientOptions clientOptions;
        if (!options.twilioApiUrl.isEmpty()) {
            clientOptions.baseUrl = QUrl(options.twilioApiUrl); // a regional edge, or a test double
        }
        twilio = std::make_unique<services::telephony::TwilioClient>(credentials.value(), clientOptions, &network,
                                                                     context.clock());
        provider = std::make_unique<services::telephony::TwilioProvider>(*twilio);
        services::telephony::WebhookServerOptions serverOptions;
        serverOptions.address = listen->first;
        serverOptions.port = listen->second;
        server = std::make_unique<services::telephony::WebhookServer>(serverOptions, token.value(), flow);
        auto listening = server->listen();
        if (!listening) {
            printError(options.json, listening.error());
            return ExitUnavailable;
        }
        report.event(QStringLiteral("listening"),
                     QStringLiteral("webhooks on %1:%2 for %3")
                         .arg(listen->first.toString())
                         .arg(listening.value())
                         .arg(publicUrl.toString()),
                     {{QStringLiteral("port"), listening.value()}});
    }

    services::dialer::DialerOptions dialerOptions;
    dialerOptions.timeScale = options.timeScale;
    dialerOptions.dialerId = QStringLiteral("headless");
    dialerOptions.dialerLabel = services::dialer::CampaignLease::processLabel(QStringLiteral("headless run"));
    services::storage::SqlContactQueue queue(database);
    CampaignDialer dialer(database, queue, context.clock(), *provider, flow, options.campaignId, dialerOptions);

    int exitCode = ExitOk;
    bool stopping = false;
    bool standingBy = false;
    QTimer standby; // with --standby: try to take the campaign over every second
    standby.setInterval(1000);
    bool finished = false;
    auto finish = [&](int code) {
        exitCode = code;
        finished = true;
        if (server) {
            // The webhook that ended the last call is still being answered: let its reply go out first.
            QTimer::singleShot(500, QCoreApplication::instance(), [code] { QCoreApplication::exit(code); });
            return;
        }
        QCoreApplication::exit(code);
    };
    auto tryStart = [&]() {
        auto campaign = services::storage::CampaignRepository(database).byId(options.campaignId);
        if (campaign && (campaign.value().status == CampaignStatus::Completed ||
                         campaign.value().status == CampaignStatus::Stopped)) {
            standby.stop();
            report.progress(dialer.progress(), QStringLiteral("done"),
                            QStringLiteral(" - campaign is %1").arg(campaignStatusKey(campaign.value().status)));
            finish(ExitOk);
            return;
        }
        auto started = dialer.start();
        if (started) {
            standby.stop();
            report.event(QStringLiteral("dialing"),
                         standingBy ? QStringLiteral("took over campaign %1").arg(options.campaignId)
                                    : QStringLiteral("dialing campaign %1").arg(options.campaignId),
                         {{QStringLiteral("takeover"), standingBy}});
            standingBy = false;
            return;
        }
        const bool retry = options.standby && (started.error().code == ErrorCode::Conflict ||
                                               started.error().code == ErrorCode::ConnectionLost);
        if (!retry) {
            standby.stop();
            printError(options.json, started.error());
            finish(exitCodeFor(started.error()));
            return;
        }
        if (!standingBy) {
            standingBy = true;
            report.event(QStringLiteral("standby"), QStringLiteral("standing by: %1").arg(started.error().detail),
                         {{QStringLiteral("reason"), started.error().detail}});
        }
        if (started.error().code == ErrorCode::ConnectionLost) {
            (void)database.reconnect();
        }
        standby.start();
    };
    QObject::connect(&standby, &QTimer::timeout, tryStart);

    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        if (dialer.isDatabaseLost()) {
            report.event(QStringLiteral("waiting"), QStringLiteral("database unavailable; dialing paused"));
        } else if (dialer.isRunning()) {
            report.progress(dialer.progress(), QStringLiteral("progress"));
        }
    });
    QObject::connect(&dialer, &CampaignDialer::reconciled, [&](int orphans) {
        if (orphans > 0) {
            report.event(QStringLiteral("reconciled"),
                         QStringLiteral("settled %1 call attempt(s) an earlier run left unfinished").arg(orphans),
                         {{QStringLiteral("orphans"), orphans}});
        }
    });
    QObject::connect(&dialer, &CampaignDialer::databaseLost, [&](const QString &detail) {
        report.event(QStringLiteral("databaseLost"),
                     QStringLiteral("database unavailable; dialing paused (%1)").arg(detail),
                     {{QStringLiteral("detail"), detail}});
    });
    QObject::connect(&dialer, &CampaignDialer::databaseRestored, [&] {
        report.event(QStringLiteral("databaseRestored"), QStringLiteral("database is back; dialing resumes"));
    });
    QObject::connect(&dialer, &CampaignDialer::runFinished, [&](const DialerProgress &p) {
        report.progress(p, QStringLiteral("done"), QStringLiteral(" - done"));
        finish(ExitOk);
    });
    QObject::connect(&dialer, &CampaignDialer::failed, [&](const Error &error) {
        if (options.standby && error.code == ErrorCode::Conflict && !stopping) {
            standingBy = true;
            report.event(QStringLiteral("standby"), QStringLiteral("standing by: %1").arg(error.detail),
                         {{QStringLiteral("reason"), error.detail}});
            standby.start();
            return;
        }
        printError(options.json, error);
        finish(exitCodeFor(error));
    });
    auto activeCalls = [&] { return carrier ? carrier->activeCalls() : dialer.progress().active; };
    onTerminationSignal([&] {
        if (stopping) {
            finish(ExitOk); // a second signal: leave now; calls in flight end at the provider
            return;
        }
        // Stop placing calls; let the ones in flight finish (their webhooks still arrive), then leave.
        stopping = true;
        standby.stop();
        if (dialer.isRunning()) {
            dialer.pause();
        }
        report.event(QStringLiteral("stopping"),
                     QStringLiteral("stopping: no new calls; waiting for %1 call(s) in flight").arg(activeCalls()));
        auto *drain = new QTimer(QCoreApplication::instance());
        QObject::connect(drain, &QTimer::timeout, [&, drain] {
            if (activeCalls() == 0 && flow.journaled() == 0) {
                drain->stop();
                report.progress(dialer.progress(), QStringLiteral("done"), QStringLiteral(" - stopped"));
                finish(ExitOk);
            }
        });
        drain->start(50);
    });
    tryStart();
    ticker.start(5000);
    if (finished) {
        return exitCode; // decided before the event loop ran (already completed, or refused)
    }
    QCoreApplication::exec();
    return exitCode;
}

} // namespace vsc::app
