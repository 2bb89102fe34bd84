// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcommand.h"

#include "appcontext.h"
#include "cli.h"
#include "dialer/campaigndialer.h"
#include "signals.h"
#include "telephony/simulatedcarrier.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>

namespace vsc::app {

int runCampaign(const RunOptions &options)
{
    if (options.campaignId <= 0) {
        printError(options.json, {ErrorCode::InvalidArgument, QStringLiteral("run needs --campaign ID")});
        return ExitUsage;
    }
    if (!options.simulated) {
        // TODO(#4): the Twilio provider with the webhook server, once the campaign runner lands.
        printError(options.json,
                   {ErrorCode::InvalidArgument, QStringLiteral("only --simulated runs are available in this build")});
        return ExitUsage;
    }
    if (options.timeScale <= 0 || options.timeScale > 10000) {
        printError(options.json,
                   {ErrorCode::InvalidArgument, QStringLiteral("--time-scale must be between 0 and 10000")});
        return ExitUsage;
    }
    AppContext context;
    auto opened = context.openDatabase(options.databaseUrl);
    if (!opened) {
        printError(options.json, opened.error());
        return exitCodeFor(opened.error());
    }
    services::telephony::CallFlow flow(context.database(), QUrl(QStringLiteral("http://127.0.0.1:8089")));
    services::telephony::SimulatedCarrierOptions carrierOptions;
    carrierOptions.timeScale = options.timeScale;
    carrierOptions.seed = quint32(QDateTime::currentMSecsSinceEpoch());
    services::telephony::SimulatedCarrier carrier(flow, context.database(), carrierOptions);
    services::dialer::DialerOptions dialerOptions;
    dialerOptions.timeScale = options.timeScale;
    dialerOptions.dialerId = QStringLiteral("headless");
    dialerOptions.dialerLabel = services::dialer::CampaignLease::processLabel(QStringLiteral("headless run"));
    services::dialer::CampaignDialer dialer(context.database(), carrier, flow, options.campaignId, dialerOptions);

    QElapsedTimer clock;
    clock.start();
    int exitCode = ExitOk;
    bool stopping = false;
    auto report = [&](const services::dialer::DialerProgress &p, bool finished) {
        const QString text = QStringLiteral("%1 s: %2 placed, %3 active, %4 dialable, %5 waiting for a retry%6")
                                 .arg(clock.elapsed() / 1000.0, 0, 'f', 1)
                                 .arg(p.placed)
                                 .arg(p.active)
                                 .arg(p.dialable)
                                 .arg(p.waiting)
                                 .arg(finished ? QStringLiteral(" - done") : QString());
        if (options.json && finished) {
            printResult(true,
                        {{QStringLiteral("ok"), true},
                         {QStringLiteral("campaignId"), options.campaignId},
                         {QStringLiteral("placed"), p.placed},
                         {QStringLiteral("waiting"), p.waiting},
                         {QStringLiteral("dialable"), p.dialable},
                         {QStringLiteral("seconds"), clock.elapsed() / 1000.0},
                         {QStringLiteral("completed"), !stopping}},
                        {});
        } else if (!options.json) {
            std::fprintf(stdout, "%s\n", qPrintable(text));
            std::fflush(stdout);
        }
    };
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] { report(dialer.progress(), false); });
    QObject::connect(&dialer, &services::dialer::CampaignDialer::runFinished, [&](const auto &p) {
        report(p, true);
        QCoreApplication::quit();
    });
    QObject::connect(&dialer, &services::dialer::CampaignDialer::failed, [&](const Error &error) {
        printError(options.json, error);
        exitCode = exitCodeFor(error);
        QCoreApplication::quit();
    });
    onTerminationSignal([&] {
        // Stop placing calls; let the ones in flight finish, then leave.
        stopping = true;
        dialer.pause();
        auto *drain = new QTimer(QCoreApplication::instance());
        QObject::connect(drain, &QTimer::timeout, [&, drain] {
            if (carrier.activeCalls() == 0) {
                drain->stop();
                report(dialer.progress(), true);
                QCoreApplication::quit();
            }
        });
        drain->start(50);
    });
    if (auto started = dialer.start(); !started) {
        printError(options.json, started.error());
        return exitCodeFor(started.error());
    }
    ticker.start(options.json ? 3600000 : 5000);
    QCoreApplication::exec();
    return exitCode;
}

} // namespace vsc::app
