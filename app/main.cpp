// SPDX-License-Identifier: GPL-3.0-or-later
// Entry point: headless subcommands run on QCoreApplication (no display needed); the console on QApplication.
#include "app/appcontext.h"
#include "app/cli.h"
#include "app/contactscommand.h"
#include "app/runcommand.h"
#include "app/scriptcommands.h"
#include "app/servecommand.h"
#include "services/demo/demoseeder.h"
#include "services/dialer/campaigncontrol.h"
#include "services/events/eventbus.h"
#include "services/logging/logging.h"
#include "services/storage/campaignrepository.h"
#include "ui/mainwindow.h"
#include "ui/pane.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <cstring>
#include <memory>

namespace {

const QStringList kSubcommands{QStringLiteral("migrate"),  QStringLiteral("seed-demo"), QStringLiteral("script"),
                               QStringLiteral("simulate"), QStringLiteral("serve"),     QStringLiteral("run"),
                               QStringLiteral("contacts"), QStringLiteral("explain")};

// Decided before any QCoreApplication exists, so --version, --help and subcommands never need a display.
bool isHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (std::strcmp(arg, "--help") == 0 || std::strcmp(arg, "-h") == 0 || std::strcmp(arg, "--version") == 0 ||
            std::strcmp(arg, "-v") == 0 || std::strcmp(arg, "--help-all") == 0) {
            return true;
        }
        if (std::strcmp(arg, "--database") == 0 || std::strcmp(arg, "--log-level") == 0 ||
            std::strcmp(arg, "--screenshots") == 0 || std::strcmp(arg, "--listen") == 0 ||
            std::strcmp(arg, "--public-url") == 0 || std::strcmp(arg, "--campaign") == 0 ||
            std::strcmp(arg, "--time-scale") == 0 || std::strcmp(arg, "--region") == 0 ||
            std::strcmp(arg, "--map") == 0 || std::strcmp(arg, "--contact") == 0 || std::strcmp(arg, "--at") == 0 ||
            std::strcmp(arg, "--carrier-log") == 0 || std::strcmp(arg, "--twilio-api-url") == 0) {
            ++i; // skip the option's value
            continue;
        }
        if (arg[0] != '-') {
            return true; // a command, known or not: answer it without a display
        }
    }
    return false;
}

void setUpApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("VoiceSurvey"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("voicesurvey.example"));
    QCoreApplication::setApplicationName(QStringLiteral("voicesurvey-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VSC_VERSION));
}

void installTranslations(QCoreApplication &app)
{
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
    }
    auto *translator = new QTranslator(&app);
    // English is the fallback (it carries the plural forms), also for the C locale of headless runs.
    if (translator->load(QLocale(), QStringLiteral("vsc"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        translator->load(QStringLiteral("vsc_en"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(translator);
    }
}

// With `liveCampaign`, that campaign is dialed for a few seconds first, so the panes show calls in flight.
int renderScreenshots(vsc::ui::MainWindow &window, const QString &directory,
                      vsc::services::dialer::CampaignControl *control, qint64 liveCampaign)
{
    QDir().mkpath(directory);
    window.resize(1280, 800);
    window.show();
    if (control && liveCampaign > 0 && control->start(liveCampaign).ok()) {
        QEventLoop loop;
        QTimer::singleShot(1500, &loop, &QEventLoop::quit);
        loop.exec();
    }
    for (int i = 0; i < vsc::ui::MainWindow::PaneCount; ++i) {
        window.showPane(i);
        window.pane(i)->refresh();
        QCoreApplication::processEvents();
        const QString path = QDir(directory).filePath(vsc::ui::MainWindow::paneKey(i) + QStringLiteral(".png"));
        if (!window.grab().save(path)) {
            qCritical("cannot write %s", qPrintable(path));
            return vsc::app::ExitFailure;
        }
    }
    return vsc::app::ExitOk;
}

} // namespace

int main(int argc, char **argv)
{
    setUpApplication();
    std::unique_ptr<QCoreApplication> app;
    if (isHeadless(argc, argv)) {
        app = std::make_unique<QCoreApplication>(argc, argv);
    } else {
        app = std::make_unique<QApplication>(argc, argv);
        QApplication::setApplicationDisplayName(QStringLiteral("VoiceSurvey Console"));
    }
    installTranslations(*app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "VoiceSurvey Console: automated outbound voice surveys.\n\n"
        "Commands (run without a display):\n"
        "  migrate     Create or upgrade the database schema.\n"
        "  seed-demo   Add the demo campaign, contacts and call history.\n"
        "  script validate FILE   Check a survey script (JSON) and list every problem.\n"
        "  simulate FILE          Walk a survey script in the terminal, as a caller would.\n"
        "  serve --listen HOST:PORT --public-url URL   Run the Twilio webhook server without a window.\n"
        "  run --campaign ID --simulated [--time-scale N]   Dial a campaign through the simulated carrier.\n"
        "  run --campaign ID --listen HOST:PORT --public-url URL   Dial through Twilio, serving its webhooks.\n"
        "      [--standby] waits while another dialer holds the campaign and takes over if it stops.\n"
        "  contacts import --campaign ID [--region US] [--map phone=Col,...] FILE.csv   Import contacts.\n"
        "  explain --contact ID [--at ISO-8601-TIME]   Say why a contact is or is not being dialed.\n"
        "Without a command the console window opens."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption databaseOption(
        QStringLiteral("database"),
        QStringLiteral("Database URL: postgresql://user@host:port/db or sqlite:PATH (default: $VSC_DATABASE_URL, "
                       "else an embedded SQLite file)."),
        QStringLiteral("url"));
    const QCommandLineOption demoOption(QStringLiteral("demo"), QStringLiteral("Seed the demo data before opening."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print machine-readable JSON (commands)."));
    const QCommandLineOption logLevelOption(QStringLiteral("log-level"),
                                            QStringLiteral("trace, debug, info, warn, error (default info)."),
                                            QStringLiteral("level"), QStringLiteral("info"));
    QCommandLineOption screenshotsOption(QStringLiteral("screenshots"),
                                         QStringLiteral("Render every pane to DIR/<pane>.png and exit."),
                                         QStringLiteral("dir"));
    screenshotsOption.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption listenOption(
        QStringLiteral("listen"), QStringLiteral("serve: address and port to listen on (default 127.0.0.1:8089)."),
        QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8089"));
    const QCommandLineOption publicUrlOption(
        QStringLiteral("public-url"),
        QStringLiteral("serve: the URL Twilio reaches through your reverse proxy (signatures are checked against it)."),
        QStringLiteral("url"));
    const QCommandLineOption campaignOption(QStringLiteral("campaign"), QStringLiteral("run: the campaign to dial."),
                                            QStringLiteral("id"));
    const QCommandLineOption simulatedOption(QStringLiteral("simulated"),
                                             QStringLiteral("run: place calls through the simulated carrier."));
    const QCommandLineOption timeScaleOption(
        QStringLiteral("time-scale"),
        QStringLiteral("Simulated carrier speed: 60 = a minute passes in a second (default 1; 60 with --demo)."),
        QStringLiteral("factor"));
    const QCommandLineOption regionOption(
        QStringLiteral("region"),
        QStringLiteral("contacts import: region for numbers without +country code (default US)."),
        QStringLiteral("code"), QStringLiteral("US"));
    const QCommandLineOption mapOption(QStringLiteral("map"),
                                       QStringLiteral("contacts import: columns, e.g. phone=Telephone,name=Full Name."),
                                       QStringLiteral("pairs"));
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"),
                                          QStringLiteral("contacts import: check and count, write nothing."));
    const QCommandLineOption contactOption(QStringLiteral("contact"), QStringLiteral("explain: the contact."),
                                           QStringLiteral("id"));
    const QCommandLineOption atOption(QStringLiteral("at"),
                                      QStringLiteral("explain: the moment to judge (ISO 8601, default now)."),
                                      QStringLiteral("time"));
    const QCommandLineOption standbyOption(
        QStringLiteral("standby"),
        QStringLiteral("run: when another dialer holds the campaign, wait and take over if it stops."));
    const QCommandLineOption carrierLogOption(QStringLiteral("carrier-log"),
                                              QStringLiteral("run --simulated: append every call placed to FILE."),
                                              QStringLiteral("file"));
    const QCommandLineOption twilioApiOption(
        QStringLiteral("twilio-api-url"),
        QStringLiteral("run: Twilio REST API base URL, e.g. a regional edge (default https://api.twilio.com)."),
        QStringLiteral("url"));
    parser.addOptions({contactOption, atOption, standbyOption, carrierLogOption, twilioApiOption});
    parser.addOptions({databaseOption, demoOption, jsonOption, logLevelOption, screenshotsOption, listenOption,
                       publicUrlOption, campaignOption, simulatedOption, timeScaleOption, regionOption, mapOption,
                       dryRunOption});
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QStringLiteral("migrate | seed-demo | script validate FILE | simulate FILE (optional)."),
        QStringLiteral("[command [args]]"));
    parser.process(*app);

    const bool json = parser.isSet(jsonOption);
    vsc::services::logging::LogOptions logOptions;
    logOptions.directory = QDir(vsc::app::stateDirectory()).filePath(QStringLiteral("logs"));
    logOptions.level = spdlog::level::from_str(parser.value(logLevelOption).toStdString());
    logOptions.toStderr = !json; // keep stdout/stderr clean for scripts reading --json
    if (auto logged = vsc::services::logging::initialize(logOptions); !logged) {
        vsc::app::printError(json, logged.error());
    }
    vsc::services::logging::installQtMessageBridge();

    const QStringList positional = parser.positionalArguments();
    const QString databaseUrl = parser.value(databaseOption);
    int exitCode = vsc::app::ExitOk;
    if (!positional.isEmpty()) {
        const QString &command = positional.constFirst();
        auto usage = [&](const QString &message) {
            vsc::app::printError(json, {vsc::ErrorCode::InvalidArgument, message + QStringLiteral("; see --help")});
            return int(vsc::app::ExitUsage);
        };
        if (command == QLatin1String("migrate") && positional.size() == 1) {
            exitCode = vsc::app::runMigrate(databaseUrl, json);
        } else if (command == QLatin1String("seed-demo") && positional.size() == 1) {
            exitCode = vsc::app::runSeedDemo(databaseUrl, json);
        } else if (command == QLatin1String("script")) {
            exitCode = positional.size() == 3 && positional.at(1) == QLatin1String("validate")
                           ? vsc::app::runScriptValidate(positional.at(2), json)
                           : usage(QStringLiteral("usage: script validate FILE"));
        } else if (command == QLatin1String("simulate")) {
            if (positional.size() == 2) {
                QTextStream in(stdin);
                // With --json the transcript goes to stderr so stdout carries only the JSON document.
                QTextStream out(json ? stderr : stdout);
                exitCode = vsc::app::runSimulate(positional.at(1), json, in, out);
            } else {
                exitCode = usage(QStringLiteral("usage: simulate FILE"));
            }
        } else if (command == QLatin1String("run") && positional.size() == 1) {
            vsc::app::RunOptions run;
            run.databaseUrl = databaseUrl;
            run.campaignId = parser.value(campaignOption).toLongLong();
            run.simulated = parser.isSet(simulatedOption);
            run.timeScale = parser.isSet(timeScaleOption) ? parser.value(timeScaleOption).toDouble() : 1.0;
            run.json = json;
            run.standby = parser.isSet(standbyOption);
            run.carrierLog = parser.value(carrierLogOption);
            run.listen = parser.value(listenOption);
            run.publicUrl = parser.value(publicUrlOption);
            run.twilioApiUrl = parser.value(twilioApiOption);
            vsc::app::AppContext context;
            exitCode = vsc::app::runCampaign(context, run);
        } else if (command == QLatin1String("contacts")) {
            exitCode = positional.size() == 3 && positional.at(1) == QLatin1String("import")
                           ? vsc::app::runContactsImport({databaseUrl, parser.value(campaignOption).toLongLong(),
                                                          parser.value(regionOption), parser.value(mapOption),
                                                          positional.at(2), parser.isSet(dryRunOption), json})
                           : usage(QStringLiteral("usage: contacts import --campaign ID [--region US] FILE.csv"));
        } else if (command == QLatin1String("explain") && positional.size() == 1) {
            exitCode = vsc::app::runExplain(
                {databaseUrl, parser.value(contactOption).toLongLong(), parser.value(atOption), json});
        } else if (command == QLatin1String("serve") && positional.size() == 1) {
            vsc::app::AppContext context;
            exitCode = vsc::app::runServe(
                context, {databaseUrl, parser.value(listenOption), parser.value(publicUrlOption), json});
        } else {
            exitCode = usage(QStringLiteral("unknown command '%1'").arg(positional.join(u' ')));
        }
        vsc::services::logging::shutdown();
        return exitCode;
    }

    vsc::app::AppContext context;
    auto opened = context.openDatabase(databaseUrl);
    if (!opened) {
        QMessageBox::critical(
            nullptr, QObject::tr("VoiceSurvey Console"),
            QObject::tr("The database could not be opened.\n\n%1").arg(vsc::ui::userMessage(opened.error())));
        vsc::services::logging::shutdown();
        return vsc::app::exitCodeFor(opened.error());
    }
    if (parser.isSet(demoOption)) {
        vsc::services::demo::DemoSeeder seeder(context.database(), context.clock());
        if (auto seeded = seeder.seed(); !seeded) {
            vsc::services::logging::logger("vsc.app")->error("demo seeding failed: {}",
                                                             seeded.error().toString().toStdString());
        }
    }
    {
        // The demo is meant to be watched: a minute of calling passes in a second unless told otherwise.
        const double timeScale = parser.isSet(timeScaleOption) ? parser.value(timeScaleOption).toDouble()
                                 : parser.isSet(demoOption)    ? 60.0
                                                               : 1.0;
        vsc::app::TelephonyOptions telephony;
        telephony.timeScale = qBound(0.01, timeScale, 10000.0);
        context.configureTelephony(telephony);
        auto dialing = context.campaignControl();
        if (!dialing) {
            vsc::services::logging::logger("vsc.app")->error("dialing is not available: {}",
                                                             dialing.error().toString().toStdString());
        }
        vsc::services::dialer::CampaignControl *control = dialing ? dialing.value() : nullptr;
        vsc::ui::MainWindow window(context.database(), control);
        QObject::connect(&context.events(), &vsc::services::events::EventBus::callStatusChanged, &window,
                         &vsc::ui::MainWindow::onCallStatus);
        // Other consoles' events arrive again once the window has a new connection.
        QObject::connect(&window, &vsc::ui::MainWindow::databaseReconnected, &context.events(),
                         [&context] { (void)context.events().relisten(); });
        if (parser.isSet(screenshotsOption)) {
            qint64 liveCampaign = 0;
            if (parser.isSet(demoOption)) {
                auto demo = vsc::services::storage::CampaignRepository(context.database())
                                .byName(QString::fromLatin1(vsc::services::demo::DemoSeeder::kCampaignName));
                liveCampaign = demo.ok() && demo.value() ? demo.value()->id : 0;
            }
            exitCode = renderScreenshots(window, parser.value(screenshotsOption), control, liveCampaign);
        } else {
            window.show();
            exitCode = app->exec();
        }
    }
    vsc::services::logging::shutdown();
    return exitCode;
}
