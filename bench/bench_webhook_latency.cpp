// SPDX-License-Identifier: GPL-3.0-or-later
// Webhook received -> Live Monitor row updated, with 1000 calls in progress and 200 signed status callbacks a
// second sent over HTTP by a separate thread, through the real WebhookServer, CallFlow (stored in the database),
// the EventBus and the Live Monitor's model. Reference, measured in the same run at the same rate: a bare HTTP round
// trip to the same server (an unknown route, answered 404 without touching the database).
//
//   build/release/bench/bench_webhook_latency [--seconds 10] [--rate 200] [--database URL]
#include "services/events/eventbus.h"
#include "services/storage/callrepository.h"
#include "services/storage/sql.h"
#include "services/telephony/twiliosignature.h"
#include "services/telephony/webhookserver.h"
#include "tests/support/dialerprocess.h"
#include "tests/support/webhooksender.h"
#include "ui/models/livecallsmodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdio>

using namespace vsc;
using namespace vsc::services;
using namespace vsc::tests;

namespace {

const QByteArray kToken = QByteArrayLiteral("bench-auth-token");
constexpr int kCalls = 1000;

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("How long to send."),
                                           QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption rateOption(QStringLiteral("rate"), QStringLiteral("Status callbacks per second."),
                                        QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            QStringLiteral("postgresql://... (default: a temporary SQLite file)."),
                                            QStringLiteral("url"));
    parser.addOptions({secondsOption, rateOption, databaseOption});
    parser.addHelpOption();
    parser.process(app);
    const int rate = qBound(1, parser.value(rateOption).toInt(), 1000);
    const int total = qMax(1, parser.value(secondsOption).toInt()) * rate;

    QTemporaryDir dir;
    const QString url = parser.isSet(databaseOption) ? parser.value(databaseOption)
                                                     : QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("b.db"));
    auto config = storage::DatabaseConfig::fromUrl(url);
    if (!config) {
        std::fprintf(stderr, "%s\n", qPrintable(config.error().toString()));
        return 2;
    }
    storage::Database database(config.value());
    auto campaign = tests::makeDialingCampaign(database, kCalls, 1, 1000);
    if (!campaign) {
        std::fprintf(stderr, "%s\n", qPrintable(campaign.error().toString()));
        return 1;
    }
    // 1000 calls ringing, each with its Twilio SID.
    QSqlDatabase db = database.connection();
    if (!storage::exec(db,
                       QStringLiteral("INSERT INTO call_attempts (contact_id, campaign_id, phone_e164, attempt_number, "
                                      "provider, call_sid, status, claimed_at, started_at) SELECT id, campaign_id, "
                                      "phone_e164, 1, 'twilio', 'CA' || id, 'ringing', ?, ? FROM contacts"),
                       {storage::toDb(QDateTime::currentDateTimeUtc()), storage::toDb(QDateTime::currentDateTimeUtc())})
             .ok()) {
        std::fprintf(stderr, "cannot create the calls\n");
        return 1;
    }

    telephony::CallFlow flow(database, QUrl(QStringLiteral("http://127.0.0.1")));
    telephony::WebhookServerOptions serverOptions;
    serverOptions.port = 0;
    telephony::WebhookServer server(serverOptions, kToken, flow);
    auto port = server.listen();
    if (!port) {
        std::fprintf(stderr, "%s\n", qPrintable(port.error().toString()));
        return 1;
    }
    events::EventBus bus(database);
    QObject::connect(&flow, &telephony::CallFlow::callStatusesChanged, &bus, &events::EventBus::publishCallStatuses);
    ui::LiveCallsModel model;
    auto live = storage::CallRepository(database).liveCalls();
    if (!live || live.value().size() < kCalls) {
        std::fprintf(stderr, "the Live Monitor sees %lld of %d calls\n", live ? qint64(live.value().size()) : -1LL,
                     kCalls);
        return 1;
    }
    model.setRows(live.value());

    // Reference: the same server, the same rate, a route that touches nothing.
    QList<WebhookSender::Request> bare;
    for (int i = 0; i < total; ++i) {
        QUrl u(QStringLiteral("http://127.0.0.1:%1/unknown").arg(port.value()));
        bare.append({u, QByteArrayLiteral("x=1"), QByteArray(), 0});
    }
    WebhookSender reference(bare, rate);
    drive(reference, total);

    // Status callbacks: call after call, each one's next status with a higher sequence number.
    auto attempts = storage::exec(db, QStringLiteral("SELECT id, call_sid FROM call_attempts ORDER BY id"));
    QList<std::pair<qint64, QString>> calls;
    while (attempts.ok() && attempts.value().next()) {
        calls.append({attempts.value().value(0).toLongLong(), attempts.value().value(1).toString()});
    }
    QList<WebhookSender::Request> callbacks;
    for (int i = 0; i < total; ++i) {
        const auto &[attemptId, sid] = calls.at(i % calls.size());
        const int sequence = 1 + i / int(calls.size());
        const telephony::FormParams params{{QStringLiteral("AccountSid"), QStringLiteral("ACbench")},
                                           {QStringLiteral("CallSid"), sid},
                                           {QStringLiteral("CallStatus"), sequence % 2 == 1
                                                                              ? QStringLiteral("in-progress")
                                                                              : QStringLiteral("ringing")},
                                           {QStringLiteral("SequenceNumber"), QString::number(sequence)}};
        const QUrl signedUrl = flow.statusUrl(attemptId);
        QUrl target = signedUrl;
        target.setPort(port.value());
        const QByteArray body = formBody(params);
        callbacks.append(
            {target, body, telephony::signature::compute(kToken, signedUrl.toString(), params), attemptId});
    }
    WebhookSender sender(callbacks, rate);
    QList<double> toRow;
    QObject::connect(&bus, &events::EventBus::callStatusChanged, &model,
                     [&](qint64 attemptId, CallStatus status, bool) {
                         if (model.applyStatus(attemptId, status, QDateTime::currentDateTimeUtc())) {
                             const double updated = nowMs();
                             QMutexLocker lock(&sender.mutex);
                             toRow.append(updated - sender.sentAt.value(attemptId));
                         }
                     });
    drive(sender, total);

    const Percentiles ref = percentiles(reference.roundTrips);
    const Percentiles webhook = percentiles(sender.roundTrips);
    const Percentiles row = percentiles(toRow);
    std::printf("%d status callbacks at %d/s to %d calls in progress (%s); %d rows updated, %d not 2xx\n", total, rate,
                kCalls, qPrintable(database.config().displayName()), int(toRow.size()), sender.failed);
    std::printf("| measure | p50 ms | p99 ms |\n|---|---|---|\n");
    std::printf("| reference: bare HTTP round trip (404, no database) | %.2f | %.2f |\n", ref.p50, ref.p99);
    std::printf("| status callback round trip (stored, 200) | %.2f | %.2f |\n", webhook.p50, webhook.p99);
    std::printf("| webhook sent -> Live Monitor row updated | %.2f | %.2f |\n", row.p50, row.p99);
    std::printf("| ratio row updated / reference | %.1f | %.1f |\n", row.p50 / qMax(0.001, ref.p50),
                row.p99 / qMax(0.001, ref.p99));
    return toRow.size() == total ? 0 : 1;
}
