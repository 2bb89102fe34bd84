// SPDX-License-Identifier: GPL-3.0-or-later
// The Live Monitor under load (issue 12): 2,000 calls in progress on the monitor of a real main window (offscreen),
// and dialogue turns arriving as signed Twilio <Gather> webhooks over HTTP at 200 a second, sent by a thread of
// their own, through the console's WebhookServer and CallFlow (the answer stored in the database, the turn published
// by EventBus::publishCallTurn, with pg_notify on PostgreSQL) to the pane's model, its filter proxy and the view.
//
// Measured:
//  - webhook sent -> the row's "Question" cell has its new text in the view's model (the proxy's dataChanged);
//  - webhook sent -> the view's viewport has painted the new text, for the rows that are on screen;
//  - the longest stall of the GUI thread while the webhooks arrive: the largest gap between two ticks of a 1 ms
//    timer on that thread (the bus's signals, the models and the painting run there; the webhook server and the
//    database writes on threads of their own, as in the console);
//  - the slowest events the GUI thread handled (over 5 ms), with what they painted: what the stalls are made of.
//
//   VSC_TEST_BACKEND=postgres VSC_TEST_PG_URL=postgresql://... build/bench/bench/bench_live_monitor [--seconds 20]
//   [--rate 200] [--calls 2000]
// Without VSC_TEST_BACKEND=postgres it runs on a temporary SQLite file. The calls answer a script of 0-10 questions,
// one after the other: each row on screen about once a second (so the paint figures rest on hundreds of samples, not
// a few dozen), the other calls share the rest of the rate. The webhook server runs on a dialing thread of its own,
// as in the console, and hands each call to one of the webhook workers (--workers, default as the console: 2-4 by
// the cores).
#include "services/events/eventbus.h"
#include "services/storage/sql.h"
#include "services/telephony/callflow.h"
#include "services/telephony/webhookserver.h"
#include "services/telephony/webhookworkers.h"
#include "tests/support/callfixture.h"
#include "tests/support/consolefixture.h"
#include "tests/support/dialerprocess.h"
#include "tests/support/scripteddialogs.h"
#include "tests/support/webhooksender.h"
#include "ui/mainwindow.h"
#include "ui/models/livecallsmodel.h"
#include "ui/monitor/livemonitorpane.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QPaintEvent>
#include <QScopeGuard>
#include <QTableView>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace vsc;
using namespace vsc::services;
using namespace vsc::tests;

namespace {

const QByteArray kToken = QByteArrayLiteral("bench-auth-token");

// The respondent's answer to one of the bench script's questions (all 0-10 scales), spoken as Twilio transcribes it.
telephony::FormParams answerOf(const QString &callSid)
{
    return {{QStringLiteral("AccountSid"), QStringLiteral("ACbench")},
            {QStringLiteral("CallSid"), callSid},
            {QStringLiteral("SpeechResult"), QStringLiteral("Seven.")},
            {QStringLiteral("Confidence"), QStringLiteral("0.91")}};
}

// A script of `count` 0-10 questions, so a call on screen can answer one a second for the whole run; the campaign
// asks it from now on. Its id.
Result<qint64> useBenchScript(storage::Database &database, qint64 campaignId, int count)
{
    QJsonArray questions;
    for (int i = 1; i <= count; ++i) {
        questions.append(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("q%1").arg(i)},
            {QStringLiteral("type"), QStringLiteral("numeric")},
            {QStringLiteral("min"), 0},
            {QStringLiteral("max"), 10},
            {QStringLiteral("prompt"), QStringLiteral("Question %1: from zero to ten, how was it?").arg(i)}});
    }
    auto stored = tests::storeScript(
        database, QJsonDocument(QJsonObject{{QStringLiteral("format"), 1},
                                            {QStringLiteral("name"), QStringLiteral("Live Monitor bench")},
                                            {QStringLiteral("language"), QStringLiteral("en-US")},
                                            {QStringLiteral("questions"), questions}})
                      .toJson());
    if (!stored) {
        return stored.error();
    }
    if (auto updated = storage::exec(database.connection(),
                                     QStringLiteral("UPDATE campaigns SET script_version_id = ? WHERE id = ?"),
                                     {stored.value(), campaignId});
        !updated) {
        return updated.error();
    }
    return stored.value();
}

// Times the viewport's paint events (after the paint, not before) and tells whoever waits for one.
class PaintWatch final : public QObject
{
public:
    explicit PaintWatch(QWidget *viewport) : m_viewport(viewport) { viewport->installEventFilter(this); }
    std::function<void()> painted;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched != m_viewport || event->type() != QEvent::Paint || m_inPaint) {
            return false;
        }
        m_inPaint = true;
        QCoreApplication::sendEvent(m_viewport, event); // the view paints now, with the painter set up for it
        m_inPaint = false;
        if (painted) {
            painted();
        }
        return true;
    }

private:
    QWidget *m_viewport;
    bool m_inPaint = false;
};

// Times every event the GUI thread handles outside nested loops, and keeps the slowest: what the stalls are made of.
class TimedApplication final : public QApplication
{
public:
    using QApplication::QApplication;

    struct Slow
    {
        double ms = 0;
        QString what;
    };
    bool tracing = false;
    QList<Slow> slowest; // the longest events, above 5 ms

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!tracing || QThread::currentThread() != thread()) {
            return QApplication::notify(receiver, event);
        }
        if (event->type() == QEvent::Paint) {
            const QRect r = static_cast<QPaintEvent *>(event)->rect();
            m_paints << QStringLiteral("%1:%2x%3")
                            .arg(QLatin1String(receiver->metaObject()->className()), QString::number(r.width()),
                                 QString::number(r.height()));
        }
        if (m_depth > 0) {
            return QApplication::notify(receiver, event);
        }
        m_paints.clear();
        ++m_depth;
        const double start = nowMs();
        const int type = event->type(); // the event may be gone afterwards
        const bool handled = QApplication::notify(receiver, event);
        const double took = nowMs() - start;
        --m_depth;
        if (took > 5.0) {
            const QObject *parent = receiver->parent();
            slowest.append(
                {took, QStringLiteral("event %1 to %2 \"%3\" (in %4)")
                               .arg(type)
                               .arg(QLatin1String(receiver->metaObject()->className()), receiver->objectName(),
                                    parent ? QLatin1String(parent->metaObject()->className()) : QLatin1String("-")) +
                           u' ' + m_paints.mid(0, 12).join(u' ')});
        }
        return handled;
    }

private:
    int m_depth = 0;
    QStringList m_paints;
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    TimedApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("How long to send."),
                                           QStringLiteral("s"), QStringLiteral("20"));
    const QCommandLineOption rateOption(QStringLiteral("rate"), QStringLiteral("Webhooks per second."),
                                        QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption callsOption(QStringLiteral("calls"), QStringLiteral("Calls on the monitor."),
                                         QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption workersOption(
        QStringLiteral("workers"), QStringLiteral("Webhook worker threads (default: as the console)."),
        QStringLiteral("n"), QString::number(std::clamp(QThread::idealThreadCount(), 2, 4)));
    parser.addOptions({secondsOption, rateOption, callsOption, workersOption});
    parser.addHelpOption();
    parser.process(app);
    const int rate = qBound(1, parser.value(rateOption).toInt(), 1000);
    const int calls = qBound(1, parser.value(callsOption).toInt(), 100000);
    const int workerCount = qBound(1, parser.value(workersOption).toInt(), 64);
    const int seconds = qMax(1, parser.value(secondsOption).toInt());
    const int total = seconds * rate;

    SystemClock clock;
    tests::ConsoleFixture fixture(clock);
    if (!fixture.isValid()) {
        std::fprintf(stderr, "%s\n", qPrintable(fixture.errorString()));
        return 2;
    }
    storage::Database &database = fixture.database();
    auto campaign = tests::makeDialingCampaign(database, calls, 1, calls);
    if (!campaign) {
        std::fprintf(stderr, "%s\n", qPrintable(campaign.error().toString()));
        return 1;
    }
    // The rows on screen answer about once a second (below); one question more than that keeps every call going.
    if (auto script = useBenchScript(database, campaign.value(), seconds + 2); !script) {
        std::fprintf(stderr, "%s\n", qPrintable(script.error().toString()));
        return 1;
    }
    // Every contact on the line through Twilio, asked the script's first question (the voice webhook, not timed).
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!storage::exec(database.connection(),
                       QStringLiteral("INSERT INTO call_attempts (contact_id, campaign_id, phone_e164, attempt_number, "
                                      "provider, call_sid, status, claimed_at, started_at) SELECT id, campaign_id, "
                                      "phone_e164, 1, 'twilio', 'CA' || id, 'in-progress', ?, ? FROM contacts"),
                       {storage::toDb(now), storage::toDb(now)})
             .ok()) {
        std::fprintf(stderr, "cannot create the calls\n");
        return 1;
    }
    QList<std::pair<qint64, QString>> attempts; // id, call SID
    auto rows = storage::exec(database.connection(), QStringLiteral("SELECT id, call_sid FROM call_attempts"));
    while (rows.ok() && rows.value().next()) {
        attempts.append({rows.value().value(0).toLongLong(), rows.value().value(1).toString()});
    }
    telephony::CallFlow flow(database, QUrl(QStringLiteral("http://127.0.0.1")));
    for (const auto &[attemptId, sid] : std::as_const(attempts)) {
        if (flow.voice(attemptId, answerOf(sid).mid(0, 2)).status != 200) {
            std::fprintf(stderr, "call %lld did not start its survey\n", attemptId);
            return 1;
        }
    }

    // Wired as the console wires them (AppContext::webhookFlows, main.cpp): worker flows -> bus -> window, each
    // worker publishing on its own thread and connection.
    events::EventBus bus(database);
    if (auto listening = bus.listen(); !listening) {
        std::fprintf(stderr, "%s\n", qPrintable(listening.error().toString()));
        return 1;
    }
    const telephony::WebhookWorkers workers(
        database, flow.publicBaseUrl(), workerCount, nullptr, [&bus](telephony::CallFlow &worker) {
            QObject::connect(&worker, &telephony::CallFlow::turnStored, &bus, &events::EventBus::publishCallTurn,
                             Qt::DirectConnection);
        });
    // As in the console (AppContext::startConsoleWebhookServer): the webhook server on the dialing thread, handing
    // each call to its worker; the bus and the window on this thread.
    QThread dialing;
    dialing.setObjectName(QStringLiteral("dialing"));
    QObject::connect(
        &dialing, &QThread::finished, &dialing, [&database] { database.closeThreadConnection(); },
        Qt::DirectConnection);
    dialing.start();
    std::unique_ptr<telephony::WebhookServer> server;
    Result<quint16> port = Error{ErrorCode::Internal, QStringLiteral("the dialing thread did not answer")};
    QObject builder;
    builder.moveToThread(&dialing);
    QMetaObject::invokeMethod(
        &builder,
        [&] {
            telephony::WebhookServerOptions serverOptions;
            serverOptions.port = 0;
            server = std::make_unique<telephony::WebhookServer>(serverOptions, kToken, workers.flows(), clock);
            port = server->listen();
        },
        Qt::BlockingQueuedConnection);
    const auto stopDialing = qScopeGuard([&] {
        QMetaObject::invokeMethod(
            &builder, [&server] { server.reset(); }, Qt::BlockingQueuedConnection);
        dialing.quit();
        dialing.wait();
    });
    if (!port) {
        std::fprintf(stderr, "%s\n", qPrintable(port.error().toString()));
        return 1;
    }
    tests::ScriptedDialogs dialogs;
    ui::MainWindow window(fixture.services(), &dialogs);
    QObject::connect(&bus, &events::EventBus::callStatusChanged, &window, &ui::MainWindow::onCallStatus);
    QObject::connect(&bus, &events::EventBus::callTurn, &window, &ui::MainWindow::onCallTurn);
    window.resize(1280, 800);
    window.show();
    window.showPane(ui::MainWindow::LiveMonitorPaneIndex);
    auto *pane = static_cast<ui::LiveMonitorPane *>(window.pane(ui::MainWindow::LiveMonitorPaneIndex));
    auto *table = pane->findChild<QTableView *>(QStringLiteral("liveCallsTableView"));
    QElapsedTimer loading;
    loading.start();
    while (pane->model()->rowCount() < calls && !loading.hasExpired(30000)) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    if (pane->model()->rowCount() < calls) {
        std::fprintf(stderr, "the Live Monitor shows %d of %d calls\n", pane->model()->rowCount(), calls);
        return 1;
    }
    QCoreApplication::processEvents();
    QAbstractItemModel *viewModel = table->model();
    const auto attemptAt = [viewModel](int row) { return viewModel->index(row, 0).data(Qt::UserRole).toLongLong(); };
    const auto questionAt = [viewModel](int row) {
        return viewModel->index(row, ui::LiveCallsModel::QuestionColumn).data().toString();
    };
    // The rows on screen; a supervisor watches one of them in the detail panel.
    QList<qint64> onScreen;
    for (int row = table->rowAt(0); row >= 0 && row <= table->rowAt(table->viewport()->height() - 1); ++row) {
        onScreen.append(attemptAt(row));
    }
    if (onScreen.isEmpty()) {
        std::fprintf(stderr, "no row on screen\n");
        return 1;
    }
    pane->selectCall(onScreen.constFirst());

    // The rows on screen take one webhook in every `stride`, in turn, so each of them answers about once a second;
    // the other calls share the rest, in turn.
    QList<qint64> offScreen;
    for (const auto &attempt : std::as_const(attempts)) {
        if (!onScreen.contains(attempt.first)) {
            offScreen.append(attempt.first);
        }
    }
    const int stride = qMax(1, rate / int(onScreen.size()));
    QHash<qint64, QString> sids;
    for (const auto &[attemptId, sid] : std::as_const(attempts)) {
        sids.insert(attemptId, sid);
    }
    QList<WebhookSender::Request> requests;
    for (int i = 0, visible = 0, hidden = 0; i < total; ++i) {
        const qint64 attemptId = i % stride == 0 || offScreen.isEmpty() ? onScreen.at(visible++ % onScreen.size())
                                                                        : offScreen.at(hidden++ % offScreen.size());
        const telephony::FormParams params = answerOf(sids.value(attemptId));
        const QUrl signedUrl = flow.gatherUrl(attemptId);
        QUrl target = signedUrl;
        target.setPort(port.value());
        requests.append(
            {target, formBody(params), telephony::signature::compute(kToken, signedUrl.toString(), params), attemptId});
    }

    // The question each row shows when its webhook leaves, to see when it changes.
    QHash<qint64, QString> shownBefore;
    for (int row = 0; row < viewModel->rowCount(); ++row) {
        shownBefore.insert(attemptAt(row), questionAt(row));
    }
    WebhookSender sender(requests, rate);
    QList<double> toModel;
    QList<double> toScreen;
    QList<double> waitingForPaint; // when the webhooks of changed rows on screen left
    QObject::connect(viewModel, &QAbstractItemModel::dataChanged, viewModel,
                     [&](const QModelIndex &from, const QModelIndex &to) {
                         if (from.column() > ui::LiveCallsModel::QuestionColumn ||
                             to.column() < ui::LiveCallsModel::QuestionColumn) {
                             return;
                         }
                         const double changed = nowMs();
                         for (int row = from.row(); row <= to.row(); ++row) {
                             const qint64 attemptId = attemptAt(row);
                             const QString shown = questionAt(row);
                             QMutexLocker lock(&sender.mutex);
                             const auto sent = sender.sentAt.find(attemptId);
                             if (sent == sender.sentAt.end() || shown == shownBefore.value(attemptId)) {
                                 continue;
                             }
                             toModel.append(changed - *sent);
                             if (table->visualRect(viewModel->index(row, ui::LiveCallsModel::QuestionColumn))
                                     .intersects(table->viewport()->rect())) {
                                 waitingForPaint.append(*sent);
                             }
                             shownBefore.insert(attemptId, shown);
                             sender.sentAt.erase(sent);
                         }
                     });
    PaintWatch paints(table->viewport());
    paints.painted = [&] {
        const double painted = nowMs();
        for (const double sent : std::as_const(waitingForPaint)) {
            toScreen.append(painted - sent);
        }
        waitingForPaint.clear();
    };
    // The GUI thread's heartbeat: a stall shows as a long gap between two ticks.
    QList<double> gaps;
    double lastTick = nowMs();
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, &heartbeat, [&] {
        const double tick = nowMs();
        gaps.append(tick - lastTick);
        lastTick = tick;
    });
    heartbeat.start();
    app.tracing = true;
    drive(sender, total);
    QElapsedTimer settle; // the last rows' changes and paints
    settle.start();
    while (!settle.hasExpired(500)) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    heartbeat.stop();
    app.tracing = false;

    const Percentiles webhook = percentiles(sender.roundTrips);
    const Percentiles model = percentiles(toModel);
    const Percentiles screen = percentiles(toScreen);
    const Percentiles gap = percentiles(gaps);
    std::printf(
        "%d calls on the Live Monitor (%d on screen, 1280x800), %d <Gather> webhooks at %d/s to %d webhook workers "
        "(%s); %d not 2xx\n",
        calls, int(onScreen.size()), total, rate, workerCount, qPrintable(database.config().displayName()),
        sender.failed);
    std::printf("| measure | samples | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
    const auto line = [](const char *what, const Percentiles &p) {
        std::printf("| %s | %lld | %.2f | %.2f | %.2f | %.2f |\n", what, qint64(p.samples), p.p50, p.p95, p.p99, p.max);
    };
    line("webhook round trip (stored, 200)", webhook);
    line("webhook sent -> row's question changed in the view's model", model);
    line("webhook sent -> row's new question painted (rows on screen)", screen);
    line("GUI thread: gap between 1 ms heartbeats (max = longest stall)", gap);
    std::sort(app.slowest.begin(), app.slowest.end(),
              [](const TimedApplication::Slow &a, const TimedApplication::Slow &b) { return a.ms > b.ms; });
    std::printf("GUI-thread events over 5 ms: %lld\n", qint64(app.slowest.size()));
    for (qsizetype i = 0; i < qMin<qsizetype>(10, app.slowest.size()); ++i) {
        std::printf("  %.1f ms  %s\n", app.slowest.at(i).ms, qPrintable(app.slowest.at(i).what));
    }
    return model.samples == total && sender.failed == 0 ? 0 : 1;
}
