// SPDX-License-Identifier: GPL-3.0-or-later
// Dialer pacing accuracy: calls placed per second by CampaignDialer's token bucket, divided by the campaign's
// configured calls per second (the reference), at 1, 10 and 50 calls/s over 60 s each (--seconds N to change).
// The provider answers at once and never ends a call, so only the pacing limits the rate.
//
//   build/release/bench/bench_dialer_pacing [--seconds 60] [--database URL]
#include "services/dialer/campaigndialer.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "tests/support/dialerprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace vsc;
using namespace vsc::services;

namespace {

// Queues every call at once and keeps it "in progress" for ever; records when each call was placed.
class InstantProvider final : public telephony::TelephonyProvider
{
public:
    explicit InstantProvider(const QElapsedTimer &clock) : m_clock(clock) {}

    [[nodiscard]] CallProvider kind() const override { return CallProvider::Simulated; }
    [[nodiscard]] int createBudgetMs() const override { return 1000; }
    [[nodiscard]] int maxCreateMs() const override { return 1000; }
    void placeCall(const telephony::OutboundCall &call, std::function<void(Result<QString>)> done) override
    {
        placedAtMs.append(m_clock.nsecsElapsed() / 1e6);
        QTimer::singleShot(
            0, this, [done = std::move(done), id = call.attemptId] { done(QStringLiteral("SIMbench%1").arg(id)); });
    }
    void hangUp(const QString &, std::function<void(Result<void>)> done) override { done({}); }
    void findCalls(const QString &, const QDateTime &,
                   std::function<void(Result<QList<telephony::ProviderCall>>)> done) override
    {
        done(QList<telephony::ProviderCall>());
    }
    void lookUpCall(const QString &sid, std::function<void(Result<telephony::ProviderCall>)> done) override
    {
        done(Error{ErrorCode::NotFound, sid});
    }

    QList<double> placedAtMs;

private:
    const QElapsedTimer &m_clock;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Measuring window per rate."),
                                           QStringLiteral("s"), QStringLiteral("60"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            QStringLiteral("postgresql://... (default: a temporary SQLite file)."),
                                            QStringLiteral("url"));
    parser.addOptions({secondsOption, databaseOption});
    parser.addHelpOption();
    parser.process(app);
    const int seconds = qMax(5, parser.value(secondsOption).toInt());

    std::printf("| configured calls/s | calls placed within %d s | achieved calls/s | achieved / configured |\n",
                seconds);
    std::printf("|---|---|---|---|\n");
    for (const double rate : {1.0, 10.0, 50.0}) {
        QTemporaryDir dir;
        const QString url = parser.isSet(databaseOption)
                                ? parser.value(databaseOption)
                                : QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("b.db"));
        auto config = storage::DatabaseConfig::fromUrl(url);
        if (!config) {
            std::fprintf(stderr, "%s\n", qPrintable(config.error().toString()));
            return 2;
        }
        storage::Database database(config.value());
        if (!database.open() || !storage::exec(database.connection(), QStringLiteral("SELECT 1")).ok()) {
            std::fprintf(stderr, "cannot open %s\n", qPrintable(url));
            return 3;
        }
        const int contacts = int(rate * seconds) + 50;
        auto campaign = tests::makeDialingCampaign(database, contacts, rate, 1000000);
        if (!campaign) {
            std::fprintf(stderr, "%s\n", qPrintable(campaign.error().toString()));
            return 1;
        }
        QElapsedTimer clock;
        clock.start();
        InstantProvider provider(clock);
        telephony::CallFlow flow(database, QUrl(QStringLiteral("http://127.0.0.1:8089")));
        SystemClock systemClock; // real time: this measures the pacing the way it runs
        storage::SqlContactQueue queue(database);
        dialer::CampaignDialer dialer(database, queue, systemClock, provider, flow, campaign.value());
        QEventLoop loop;
        QTimer stop;
        stop.setSingleShot(true);
        QObject::connect(&stop, &QTimer::timeout, &loop, &QEventLoop::quit);
        if (auto started = dialer.start(); !started) {
            std::fprintf(stderr, "%s\n", qPrintable(started.error().toString()));
            return 1;
        }
        stop.start((seconds + 2) * 1000);
        loop.exec();
        dialer.pause();
        // Rate = calls after the first / time from the first to the last call placed within the window: the first
        // call is the bucket's initial token, and the span ends at a call, not at an arbitrary tick.
        const QList<double> &at = provider.placedAtMs;
        int placed = 0;
        double lastMs = 0;
        for (const double ms : at) {
            if (!at.isEmpty() && ms <= at.first() + seconds * 1000.0) {
                ++placed;
                lastMs = ms;
            }
        }
        const double spanSeconds = placed > 1 ? (lastMs - at.first()) / 1000.0 : 0.0;
        const double achieved = spanSeconds > 0 ? (placed - 1) / spanSeconds : 0.0;
        std::printf("| %.0f | %d in %.2f s | %.3f | %.4f |\n", rate, placed, spanSeconds, achieved, achieved / rate);
        std::fflush(stdout);
    }
    return 0;
}
