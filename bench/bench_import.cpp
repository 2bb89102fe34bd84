// SPDX-License-Identifier: GPL-3.0-or-later
// Contact import speed and memory (bench/bench_import.sh runs the three measurements in one go):
//
//   bench_import generate FILE.csv N          N distinct valid US numbers written "(312) 2NN-NNNN", with a name
//   bench_import import FILE.csv --database URL [--threads N]
//                                             the whole import into a new campaign: wall time, rows/s, peak RSS
//   bench_import validate FILE.csv [--threads N]
//                                             validation alone on every core: read, parse, validate, format and
//                                             duplicates within the file, nothing stored
//
// Each prints one "RESULT key=value ..." line for the script.
#include "services/contacts/contactimporter.h"
#include "services/storage/migrator.h"
#include "tests/support/callfixture.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <cstdio>
#include <sys/resource.h>

using namespace vsc;
using namespace vsc::services;

namespace {

double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // Linux reports KiB
}

int generate(const QString &path, int rows)
{
    QFile file(path);
    if (rows <= 0 || rows > 8000000 || !file.open(QIODevice::WriteOnly)) {
        std::fprintf(stderr, "cannot write %s (or N is not 1..8000000)\n", qPrintable(path));
        return 2;
    }
    // Exchanges 200-999 of area code 312 are all valid for libphonenumber's metadata (NANP: NXX with N in 2-9);
    // 10,000 lines each.
    QByteArray block = "Phone,Name\r\n";
    for (int i = 0; i < rows; ++i) {
        block += QStringLiteral("(312) %1-%2,Person %3\r\n")
                     .arg(200 + i / 10000)
                     .arg(i % 10000, 4, 10, QLatin1Char('0'))
                     .arg(i)
                     .toUtf8();
        if (block.size() > (1 << 20)) {
            file.write(block);
            block.clear();
        }
    }
    file.write(block);
    return 0;
}

void printResult(const char *what, const contacts::ImportReport &report, qint64 elapsedNs, int threads)
{
    const double seconds = double(elapsedNs) / 1e9;
    std::printf("RESULT what=%s rows=%d imported=%d valid=%d rejected=%lld seconds=%.3f rows_per_s=%.0f "
                "peak_rss_mib=%.1f threads=%d\n",
                what, report.rows, report.imported, report.valid, qlonglong(report.rejected.size()), seconds,
                double(report.rows) / seconds, peakRssMiB(), threads);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption databaseOption(QStringLiteral("database"), QStringLiteral("Database URL."),
                                            QStringLiteral("url"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"), QStringLiteral("Validation threads."),
                                           QStringLiteral("n"), QStringLiteral("0"));
    parser.addOptions({databaseOption, threadsOption});
    parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("generate | import | validate"));
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_import generate FILE N | import FILE --database URL | validate FILE\n");
        return 2;
    }
    const QString &mode = args.at(0);
    if (mode == QLatin1String("generate")) {
        return generate(args.at(1), args.value(2).toInt());
    }
    contacts::ImportOptions options;
    options.threads = parser.value(threadsOption).toInt();
    const int threads = options.threads > 0 ? options.threads : QThread::idealThreadCount();
    QFile file(args.at(1));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(args.at(1)));
        return 2;
    }
    QElapsedTimer clock;
    if (mode == QLatin1String("validate")) {
        clock.start();
        auto report = contacts::validateCsv(file, options);
        if (!report) {
            std::fprintf(stderr, "%s\n", qPrintable(report.error().toString()));
            return 1;
        }
        printResult("validate", report.value(), clock.nsecsElapsed(), threads);
        return 0;
    }
    if (mode != QLatin1String("import") || !parser.isSet(databaseOption)) {
        std::fprintf(stderr, "import needs --database URL\n");
        return 2;
    }
    auto config = storage::DatabaseConfig::fromUrl(parser.value(databaseOption));
    if (!config) {
        std::fprintf(stderr, "%s\n", qPrintable(config.error().toString()));
        return 2;
    }
    storage::Database database(config.value());
    if (auto opened = database.open(); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().toString()));
        return 3;
    }
    auto fixture = tests::migrateAndMakeCallFixture(database, QStringLiteral("+14155550142"));
    if (!fixture) {
        std::fprintf(stderr, "%s\n", qPrintable(fixture.error().toString()));
        return 1;
    }
    options.campaignId = fixture.value().campaignId;
    clock.start();
    auto report = contacts::ContactImporter(database).importCsv(file, options);
    if (!report) {
        std::fprintf(stderr, "%s\n", qPrintable(report.error().toString()));
        return 1;
    }
    printResult("import", report.value(), clock.nsecsElapsed(), threads);
    return 0;
}
