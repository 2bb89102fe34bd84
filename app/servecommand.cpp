// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/servecommand.h"

#include "app/appcontext.h"
#include "app/cli.h"
#include "app/signals.h"
#include "services/email/reportmailer.h"
#include "services/logging/logging.h"
#include "services/telephony/callflow.h"
#include "services/telephony/webhookserver.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <algorithm>

#include <cstdio>

namespace vsc::app {
namespace {

// The usage checks, made before anything is opened; their result is what the context builds the server from.
Result<TelephonyOptions> telephonyFor(const ServeOptions &options)
{
    auto listen = parseListen(options.listen);
    if (!listen) {
        return listen.error();
    }
    TelephonyOptions telephony;
    telephony.role = TelephonyRole::Serve;
    telephony.simulated = false;
    telephony.listenAddress = listen.value().address;
    telephony.listenPort = listen.value().port;
    telephony.publicUrl = QUrl(options.publicUrl, QUrl::StrictMode);
    telephony.webhookWorkers = std::clamp(QThread::idealThreadCount(), 2, 8);
    if (!options.workers.isEmpty()) {
        bool ok = false;
        telephony.webhookWorkers = options.workers.toInt(&ok);
        if (!ok || telephony.webhookWorkers < 1 || telephony.webhookWorkers > 64) {
            return Error{
                ErrorCode::InvalidArgument,
                QStringLiteral("--workers wants a number of threads from 1 to 64, not '%1'").arg(options.workers)};
        }
    }
    const QUrl &url = telephony.publicUrl;
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
        url.host().isEmpty()) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("--public-url wants the URL Twilio reaches, e.g. https://surveys.example.com")};
    }
    return telephony;
}

// One line, so a supervisor or test can read it while the server keeps running.
void printListening(AppContext &context, bool json, quint16 port)
{
    const TelephonyOptions &telephony = context.telephonyOptions();
    const QString address = telephony.listenAddress.toString();
    const QString database = context.database().config().displayName();
    const QJsonObject ready{{QStringLiteral("ok"), true},
                            {QStringLiteral("listen"), QStringLiteral("%1:%2").arg(address).arg(port)},
                            {QStringLiteral("port"), port},
                            {QStringLiteral("publicUrl"), redactedUrl(telephony.publicUrl)},
                            {QStringLiteral("database"), database}};
    const QByteArray line = json ? QJsonDocument(ready).toJson(QJsonDocument::Compact) + '\n'
                                 : QStringLiteral("Listening on %1:%2 for Twilio webhooks at %3 (database: %4). "
                                                  "Stop with Ctrl+C.\n")
                                       .arg(address)
                                       .arg(port)
                                       .arg(redactedUrl(telephony.publicUrl), database)
                                       .toUtf8();
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
    std::fflush(stdout);
}

} // namespace

int runServe(AppContext &context, const ServeOptions &options)
{
    auto telephony = telephonyFor(options);
    if (!telephony) {
        printError(options.json, telephony.error());
        return ExitUsage;
    }
    // Without the token every webhook would be refused: say so before touching the database.
    if (auto token = context.twilioAuthToken(); !token) {
        printError(options.json, token.error());
        return ExitUnavailable;
    }
    auto opened = context.openDatabase(options.databaseUrl);
    if (!opened) {
        printError(options.json, opened.error());
        return exitCodeFor(opened.error());
    }
    if (auto acting = context.authorizeHeadless(Permission::CampaignRun, QStringLiteral("serve webhooks")); !acting) {
        printError(options.json, acting.error());
        return exitCodeFor(acting.error());
    }
    context.configureTelephony(telephony.value());
    // What earlier servers left journaled: each flow replays its own journal on its own thread, then every journal
    // of the role that no live process holds; a flow retries its own by itself while the database is still away.
    for (services::telephony::CallFlow *flow : context.webhookFlows()) {
        Result<void> replayed;
        QMetaObject::invokeMethod(
            flow, [flow, &replayed] { replayed = flow->replayJournal(); },
            flow->thread() == QThread::currentThread() ? Qt::DirectConnection : Qt::BlockingQueuedConnection);
        if (!replayed) {
            services::logging::logger("vsc.app")->warn("journal not replayed yet: {}",
                                                       replayed.error().toString().toStdString());
        }
    }
    if (auto replayed = context.replayJournals(); !replayed) {
        services::logging::logger("vsc.app")->warn("journal not replayed yet: {}",
                                                   replayed.error().toString().toStdString());
    }
    auto server = context.webhookServer();
    if (!server) {
        printError(options.json, server.error());
        return ExitUnavailable;
    }
    // Before the ready line: a supervisor may stop the server as soon as it reads it, and the log must be flushed.
    onTerminationSignal([] { QCoreApplication::quit(); });
    // Campaign reports and daily summaries (Settings → E-mail), without charts: `serve` draws nothing.
    services::email::ReportMailer reports(context.database(), context.clock(), context.secrets());
    reports.start();
    printListening(context, options.json, server.value()->port());
    const int code = QCoreApplication::exec();
    services::logging::logger("vsc.app")->info("webhook server stopped");
    return code;
}

} // namespace vsc::app
