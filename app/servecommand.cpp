// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/servecommand.h"

#include "app/appcontext.h"
#include "app/cli.h"
#include "app/signals.h"
#include "services/events/eventbus.h"
#include "services/logging/logging.h"
#include "services/telephony/callflow.h"
#include "services/telephony/webhookjournal.h"
#include "services/telephony/webhookserver.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace vsc::app {

int runServe(const ServeOptions &options)
{
    const qsizetype colon = options.listen.lastIndexOf(u':');
    bool portOk = false;
    const int port = colon > 0 ? options.listen.mid(colon + 1).toInt(&portOk) : -1;
    const QHostAddress address(colon > 0 ? options.listen.left(colon) : QString());
    if (!portOk || port < 0 || port > 65535 || address.isNull()) {
        printError(options.json,
                   {ErrorCode::InvalidArgument,
                    QStringLiteral("--listen wants HOST:PORT such as 127.0.0.1:8089, not '%1'").arg(options.listen)});
        return ExitUsage;
    }
    const QUrl publicUrl(options.publicUrl, QUrl::StrictMode);
    if (!publicUrl.isValid() ||
        (publicUrl.scheme() != QLatin1String("https") && publicUrl.scheme() != QLatin1String("http")) ||
        publicUrl.host().isEmpty()) {
        printError(options.json,
                   {ErrorCode::InvalidArgument,
                    QStringLiteral("--public-url wants the URL Twilio reaches, e.g. https://surveys.example.com")});
        return ExitUsage;
    }
    AppContext context;
    auto token = context.twilioAuthToken();
    if (!token) {
        printError(options.json, token.error());
        return ExitUnavailable;
    }
    auto opened = context.openDatabase(options.databaseUrl);
    if (!opened) {
        printError(options.json, opened.error());
        return exitCodeFor(opened.error());
    }
    services::telephony::CallFlow flow(context.database(), publicUrl);
    // Webhooks that arrive while the database is away are answered and journaled, then applied when it is back.
    TelephonyOptions telephony; // for now only the journal's name: "serve"
    telephony.role = TelephonyRole::Serve;
    context.configureTelephony(telephony);
    flow.setJournal(&context.journal());
    if (auto replayed = flow.replayJournal(); !replayed) {
        services::logging::logger("vsc.app")->warn("journal not replayed yet: {}",
                                                   replayed.error().toString().toStdString());
    }
    // Consoles on the same PostgreSQL see each webhook's effect at once (LISTEN/NOTIFY).
    QObject::connect(&flow, &services::telephony::CallFlow::callStatusChanged, &context.events(),
                     &services::events::EventBus::publishCallStatus);
    services::telephony::WebhookServerOptions serverOptions;
    serverOptions.address = address;
    serverOptions.port = quint16(port);
    services::telephony::WebhookServer server(serverOptions, token.value(), flow);
    auto listening = server.listen();
    if (!listening) {
        printError(options.json, listening.error());
        return ExitUnavailable;
    }
    const QJsonObject ready{
        {QStringLiteral("ok"), true},
        {QStringLiteral("listen"), QStringLiteral("%1:%2").arg(address.toString()).arg(listening.value())},
        {QStringLiteral("port"), listening.value()},
        {QStringLiteral("publicUrl"), publicUrl.toString()},
        {QStringLiteral("database"), context.database().config().displayName()}};
    // One line, so a supervisor or test can read it while the server keeps running.
    const QByteArray line = options.json
                                ? QJsonDocument(ready).toJson(QJsonDocument::Compact) + '\n'
                                : QStringLiteral("Listening on %1:%2 for Twilio webhooks at %3 (database: %4). "
                                                 "Stop with Ctrl+C.\n")
                                      .arg(address.toString())
                                      .arg(listening.value())
                                      .arg(publicUrl.toString(), context.database().config().displayName())
                                      .toUtf8();
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
    std::fflush(stdout);
    onTerminationSignal([] { QCoreApplication::quit(); });
    const int code = QCoreApplication::exec();
    services::logging::logger("vsc.app")->info("webhook server stopped");
    return code;
}

} // namespace vsc::app
