// SPDX-License-Identifier: GPL-3.0-or-later
// Entry point: headless commands run on QCoreApplication (no display needed); the console on QApplication.
#include "app/appcontext.h"
#include "app/cli.h"
#include "app/command.h"
#include "services/auth/local/localsignin.h"
#include "services/auth/local/passwordhasher.h"
#include "services/auth/session.h"
#include "services/demo/demoseeder.h"
#include "services/dialer/campaigncontrol.h"
#include "services/email/reportmailer.h"
#include "services/events/eventbus.h"
#include "services/files/privatefiles.h"
#include "services/logging/logging.h"
#include "services/settings/twiliosettings.h"
#include "services/storage/campaignrepository.h"
#include "services/users/userservice.h"
#include "ui/admin/userdialog.h"
#include "ui/auth/signindialog.h"
#include "ui/campaigns/campaigneditordialog.h"
#include "ui/consoleservices.h"
#include "ui/contacts/importwizard.h"
#include "ui/dashboard/dashboardpane.h"
#include "ui/dialogs.h"
#include "ui/dialogscreenshots.h"
#include "ui/mainwindow.h"
#include "ui/monitor/livemonitorpane.h"
#include "ui/pane.h"
#include "ui/reports/reportcharts.h"
#include "ui/results/resultspane.h"
#include "ui/scripts/scriptspane.h"
#include "ui/settings/languagedialog.h"
#include "ui/settings/mailsettingsdialog.h"
#include "ui/settings/twiliosettingsdialog.h"
#include "ui/widgets/tones.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>
#include <memory>

#include <openssl/crypto.h>
#include <sys/stat.h>

namespace {

namespace options = vsc::app::options;

// Decided before any QCoreApplication exists, so --version, --help and commands never need a display.
bool isHeadless(int argc, char **argv)
{
    const QSet<QString> takingValues = vsc::app::optionsTakingValues();
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h") || arg == QLatin1String("--version") ||
            arg == QLatin1String("-v") || arg == QLatin1String("--help-all")) {
            return true;
        }
        if (takingValues.contains(arg)) {
            ++i; // skip the option's value
            continue;
        }
        if (!arg.startsWith(u'-')) {
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

// QCoreApplication keeps a reference to argc: it must be main()'s.
std::unique_ptr<QCoreApplication> createApplication(int &argc, char **argv)
{
    if (isHeadless(argc, argv)) {
        return std::make_unique<QCoreApplication>(argc, argv);
    }
    auto app = std::make_unique<QApplication>(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("VoiceSurvey Console"));
    if (qgetenv("VSC_PALETTE") == "dark") { // a dark desktop theme Qt 6.4 does not pick up, and the dark screenshots
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(vsc::ui::darkPalette());
    }
    return app;
}

void installTranslations(QCoreApplication &app)
{
    // The system's language unless Settings → Language… chose one (read at start).
    vsc::ui::installTranslations(app, vsc::ui::languagePreference(), QStringLiteral(":/i18n"));
}

void initializeLogging(const QCommandLineParser &parser)
{
    const bool json = parser.isSet(options::json());
    vsc::services::logging::LogOptions logOptions;
    if (auto made = vsc::services::files::makeOwnDirectory(vsc::app::stateDirectory()); !made) {
        vsc::app::printError(json, made.error());
    }
    logOptions.directory = QDir(vsc::app::stateDirectory()).filePath(QStringLiteral("logs"));
    logOptions.level = spdlog::level::from_str(parser.value(options::logLevel()).toStdString());
    logOptions.toStderr = !json; // keep stdout/stderr clean for scripts reading --json
    if (auto logged = vsc::services::logging::initialize(logOptions); !logged) {
        vsc::app::printError(json, logged.error());
    }
    vsc::services::logging::installQtMessageBridge();
}

// With `liveCampaign`, that campaign is dialed for a few seconds first, so the panes show calls in flight.
int renderScreenshots(vsc::ui::MainWindow &window, vsc::ui::ConsoleServices &services, const QString &directory,
                      qint64 liveCampaign)
{
    vsc::services::dialer::CampaignControl *control = services.control;
    QDir().mkpath(directory);
    {
        vsc::ui::SignInDialog signIn(services);
        signIn.setNote(QObject::tr("Demo accounts: admin / %1, sam.supervisor / %2, olga.operator / %3")
                           .arg(vsc::services::demo::DemoSeeder::demoPassword(QStringLiteral("admin")),
                                vsc::services::demo::DemoSeeder::demoPassword(QStringLiteral("sam.supervisor")),
                                vsc::services::demo::DemoSeeder::demoPassword(QStringLiteral("olga.operator"))));
        signIn.setUsername(QStringLiteral("admin"));
        signIn.show();
        QCoreApplication::processEvents();
        if (!signIn.grab().save(QDir(directory).filePath(QStringLiteral("sign-in.png")))) {
            return vsc::app::ExitFailure;
        }
    }
    vsc::ui::renderCampaignEditorScreenshots(services, directory);
    window.resize(1280, 800);
    window.show();
    if (control && liveCampaign > 0) {
        if (auto started = control->start(services.session.actor(), liveCampaign); !started) {
            vsc::services::logging::logger("vsc.app")->warn("screenshots without calls in flight: {}",
                                                            started.error().toString().toStdString());
        } else {
            QEventLoop loop;
            QTimer::singleShot(1500, &loop, &QEventLoop::quit);
            loop.exec();
        }
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
    if (!vsc::ui::renderLiveMonitorDetailScreenshot(window, directory)) { // while calls are in flight
        return vsc::app::ExitFailure;
    }
    window.showPane(vsc::ui::MainWindow::DashboardPaneIndex);
    vsc::ui::renderDashboardScreenshots(
        window, *qobject_cast<vsc::ui::DashboardPane *>(window.pane(vsc::ui::MainWindow::DashboardPaneIndex)),
        directory);
    {
        vsc::ui::TwilioSettingsDialog twilio(services, services.session.actor(), &window);
        twilio.show();
        QCoreApplication::processEvents();
        if (!twilio.grab().save(QDir(directory).filePath(QStringLiteral("settings-twilio.png")))) {
            return vsc::app::ExitFailure;
        }
    }
    if (!vsc::ui::renderScriptScreenshots(services, directory)) {
        return vsc::app::ExitFailure;
    }
    vsc::ui::renderImportWizardScreenshots(services, liveCampaign > 0 ? liveCampaign : 1, directory);
    // The Admin pane's other tabs: roles and the audit log.
    window.showPane(vsc::ui::MainWindow::AdminPaneIndex);
    auto *tabs = window.pane(vsc::ui::MainWindow::AdminPaneIndex)->findChild<QTabWidget *>(QStringLiteral("adminTabs"));
    const QStringList names{QStringLiteral("admin-roles.png"), QStringLiteral("admin-audit.png")};
    for (int tab = 1; tabs != nullptr && tab <= names.size(); ++tab) {
        tabs->setCurrentIndex(tab);
        QCoreApplication::processEvents();
        if (!window.grab().save(QDir(directory).filePath(names.at(tab - 1)))) {
            return vsc::app::ExitFailure;
        }
    }
    vsc::ui::renderResultsScreenshots(services, directory);
    if (!vsc::ui::renderDialogScreenshots(services, &window, directory)) {
        return vsc::app::ExitFailure;
    }
    vsc::ui::renderMailSettingsScreenshot(services, services.session.actor(), directory);
    return vsc::app::ExitOk;
}

void seedDemo(vsc::app::AppContext &context)
{
    vsc::services::demo::DemoSeeder seeder(context.database(), context.clock());
    if (auto seeded = seeder.seed(); !seeded) {
        vsc::services::logging::logger("vsc.app")->error("demo seeding failed: {}",
                                                         seeded.error().toString().toStdString());
    }
}

qint64 demoCampaignId(vsc::app::AppContext &context)
{
    auto demo = vsc::services::storage::CampaignRepository(context.database())
                    .byName(QString::fromLatin1(vsc::services::demo::DemoSeeder::kCampaignName));
    if (!demo) {
        vsc::services::logging::logger("vsc.app")->warn("demo campaign not found: {}",
                                                        demo.error().toString().toStdString());
        return 0;
    }
    return demo.value() ? demo.value()->id : 0;
}

// How the console dials: the control (null when it cannot) and what the status bar says about it.
struct Dialing
{
    vsc::services::dialer::CampaignControl *control = nullptr;
    QString via;
};

// Through Twilio when Settings → Twilio says so (and it is usable), else through the simulated carrier.
Dialing startDialing(vsc::app::AppContext &context, const QCommandLineParser &parser)
{
    // The demo is meant to be watched: a minute of calling passes in a second unless told otherwise.
    const double timeScale = parser.isSet(options::timeScale()) ? parser.value(options::timeScale()).toDouble()
                             : parser.isSet(options::demo())    ? 60.0
                                                                : 1.0;
    vsc::app::TelephonyOptions telephony;
    telephony.timeScale = qBound(0.01, timeScale, 10000.0);
    auto twilio =
        vsc::services::settings::TwilioSettingsService(context.database(), context.clock(), context.secrets()).load();
    const bool throughTwilio = twilio && vsc::app::applyTwilioSettings(twilio.value(), telephony);
    context.configureTelephony(telephony);
    auto control = context.campaignControl();
    if (!control) {
        vsc::services::logging::logger("vsc.app")->error("dialing is not available: {}",
                                                         control.error().toString().toStdString());
        return {nullptr, QObject::tr("Cannot dial: %1").arg(vsc::ui::userMessage(control.error()))};
    }
    if (!throughTwilio) {
        return {control.value(), QObject::tr("Dialing: simulated carrier (Settings → Twilio to dial for real)")};
    }
    const QString account = twilio.value().accountSid;
    return {control.value(), QObject::tr("Dialing: Twilio %1…%2, callbacks at %3")
                                 .arg(account.left(4), account.right(4), twilio.value().publicUrl.toString())};
}

// On an empty database the first admin is created (and signed in) before anything else; the screenshot run signs
// in as the demo admin through the real LocalSignIn. False when the first admin was not created.
bool prepareFirstSession(vsc::ui::ConsoleServices &services, bool asDemoAdmin)
{
    if (asDemoAdmin) {
        auto admin = services.localSignIn.signIn(
            QStringLiteral("admin"), vsc::services::demo::DemoSeeder::demoPassword(QStringLiteral("admin")));
        if (admin) {
            services.session.begin(admin.value(), vsc::services::auth::SignInMethod::Local);
            return true;
        }
    }
    vsc::ui::SystemDialogs dialogs;
    vsc::services::users::UserService users(services.database, services.clock, services.hasher);
    auto needsAdmin = users.needsFirstAdmin();
    if (needsAdmin && needsAdmin.value()) {
        vsc::services::users::NewLocalUser created;
        vsc::ui::UserDialog first(vsc::ui::UserDialog::Purpose::FirstAdmin, {},
                                  [&users, &created](const vsc::services::users::NewLocalUser &user) {
                                      created = user;
                                      return users.createFirstAdmin(user);
                                  });
        if (dialogs.exec(first) != QDialog::Accepted) {
            return false;
        }
        auto admin = services.localSignIn.signIn(created.username, created.password);
        created.password.fill(u'\0');
        if (admin) {
            services.session.begin(admin.value(), vsc::services::auth::SignInMethod::Local);
            return true;
        }
    }
    return true;
}

// Without a command: the console window.
// *restart: the user asked for a new console (new dialing settings), started once this one has let go of its port.
int runConsole(vsc::app::AppContext &context, const QCommandLineParser &parser, bool *restart)
{
    auto opened = context.openDatabase(parser.value(options::database()));
    if (!opened) {
        vsc::ui::SystemDialogs().inform(
            nullptr, QMessageBox::Critical, QObject::tr("VoiceSurvey Console"),
            QObject::tr("The database could not be opened.\n\n%1").arg(vsc::ui::userMessage(opened.error())));
        return vsc::app::exitCodeFor(opened.error());
    }
    const bool demo = parser.isSet(options::demo());
    if (demo) {
        seedDemo(context);
    }
    const Dialing dialing = startDialing(context, parser);
    vsc::services::dialer::CampaignControl *control = dialing.control;
    vsc::services::auth::Session session;
    const vsc::services::auth::PasswordHasher hasher;
    vsc::services::auth::LocalSignIn localSignIn(context.database(), context.clock(), hasher);
    QNetworkAccessManager network; // the identity provider's, on the window's thread
    vsc::ui::ConsoleServices services{context.database(), context.clock(),   session,  hasher,
                                      localSignIn,        context.secrets(), &network, control};
    if (!prepareFirstSession(services, parser.isSet(options::screenshots()) && demo)) {
        return vsc::app::ExitOk; // no administrator: nothing to show
    }
    vsc::ui::MainWindow window(services);
    window.setDialingVia(dialing.via);
    if (demo) {
        window.setSignInNote(QObject::tr("Demo accounts (public passwords, never for real data):\n") +
                             vsc::services::demo::DemoSeeder::demoAccounts().join(u'\n'));
    }
    if (!session.actor().isSignedIn() && !window.askToSignIn()) {
        return vsc::app::ExitOk; // nobody signed in: nothing to show
    }
    vsc::services::events::EventBus &events = context.events();
    QObject::connect(&events, &vsc::services::events::EventBus::callStatusChanged, &window,
                     &vsc::ui::MainWindow::onCallStatus);
    QObject::connect(&events, &vsc::services::events::EventBus::callTurn, &window, &vsc::ui::MainWindow::onCallTurn);
    QObject::connect(&events, &vsc::services::events::EventBus::suppressionsChanged, &window,
                     &vsc::ui::MainWindow::onSuppressionsChanged);
    // Other consoles' events arrive again once the window has a new connection.
    QObject::connect(&window, &vsc::ui::MainWindow::databaseReconnected, &events, [&events] {
        if (auto listening = events.relisten(); !listening) {
            vsc::services::logging::logger("vsc.app")->warn("other consoles' events will not arrive: {}",
                                                            listening.error().toString().toStdString());
        }
    });
    // E-mailed reports (Settings → E-mail): at once when a campaign finishes here, and every few minutes for
    // campaigns finished elsewhere and the daily summaries.
    vsc::services::email::ReportMailer reports(context.database(), context.clock(), context.secrets());
    reports.setChartRenderer(&vsc::ui::renderReportCharts);
    if (control != nullptr) {
        QObject::connect(control, &vsc::services::dialer::CampaignControl::runFinished, &reports,
                         &vsc::services::email::ReportMailer::sendDue);
    }
    if (parser.isSet(options::screenshots())) {
        return renderScreenshots(window, services, parser.value(options::screenshots()),
                                 demo ? demoCampaignId(context) : 0);
    }
    reports.start();
    window.show();
    const int exitCode = QApplication::exec();
    *restart = window.restartRequested();
    return exitCode;
}

} // namespace

int main(int argc, char **argv)
{
    // Everything this process writes (database, journal, logs, carrier log, settings) holds or leads to phone numbers
    // and answers: private to the user whatever the login umask. The modules that create such files also set 0600 /
    // 0700 themselves; this covers files created by libraries (SQLite, QSaveFile) and by later rotations.
    ::umask(077);
    // OpenSSL (under libpq, the keychain and the Twilio client) frees its per-thread state at exit in an atexit
    // handler, which races with the thread-local destructors of a worker thread still winding down (the import's,
    // the webhook workers'): a double free at exit, seen under ASan. The kernel reclaims it all anyway.
    OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr);
    setUpApplication();
    const std::unique_ptr<QCoreApplication> app = createApplication(argc, argv);
    installTranslations(*app);
    QCommandLineParser parser;
    vsc::app::describeCommandLine(parser);
    parser.process(*app);
    initializeLogging(parser);
    int exitCode = vsc::app::ExitOk;
    bool restart = false;
    {
        // One composition root for the process; its services end before logging does.
        vsc::app::AppContext context;
        exitCode = parser.positionalArguments().isEmpty() ? runConsole(context, parser, &restart)
                                                          : vsc::app::runCommand(context, parser);
    }
    vsc::services::logging::shutdown();
    if (restart &&
        !QProcess::startDetached(QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1))) {
        std::fputs("voicesurvey-console: could not start the console again; start it yourself\n", stderr);
    }
    return exitCode;
}
