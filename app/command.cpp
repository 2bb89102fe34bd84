// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/command.h"

#include "app/auditcommands.h"
#include "app/campaigncommands.h"
#include "app/cli.h"
#include "app/contactscommand.h"
#include "app/dbcommands.h"
#include "app/mailcommands.h"
#include "app/resultscommands.h"
#include "app/runcommand.h"
#include "app/scriptcommands.h"
#include "app/servecommand.h"
#include "app/usercommands.h"

#include <QTextStream>

#include <cstdio>

namespace vsc::app {
namespace {

// For options that serve the docs and tests rather than users (--screenshots).
QCommandLineOption hidden(QCommandLineOption option)
{
    option.setFlags(QCommandLineOption::HiddenFromHelp);
    return option;
}

// Every option, global or a command's, made once.
struct CommandOptions
{
    // Global: read by every command and the console.
    const QCommandLineOption database{
        QStringLiteral("database"),
        QStringLiteral("Database URL: postgresql://user@host:port/db or sqlite:PATH (default: $VSC_DATABASE_URL, "
                       "else an embedded SQLite file)."),
        QStringLiteral("url")};
    const QCommandLineOption demo{QStringLiteral("demo"), QStringLiteral("Seed the demo data before opening.")};
    const QCommandLineOption json{QStringLiteral("json"), QStringLiteral("Print machine-readable JSON (commands).")};
    const QCommandLineOption logLevel{QStringLiteral("log-level"),
                                      QStringLiteral("trace, debug, info, warn, error (default info)."),
                                      QStringLiteral("level"), QStringLiteral("info")};
    const QCommandLineOption screenshots = hidden(
        QCommandLineOption(QStringLiteral("screenshots"),
                           QStringLiteral("Render every pane to DIR/<pane>.png and exit."), QStringLiteral("dir")));
    const QCommandLineOption timeScale{
        QStringLiteral("time-scale"),
        QStringLiteral("Simulated carrier speed: 60 = a minute passes in a second (default 1; 60 with --demo)."),
        QStringLiteral("factor")};
    // serve, run
    const QCommandLineOption listen{
        QStringLiteral("listen"), QStringLiteral("serve, run: address and port to listen on (default 127.0.0.1:8089)."),
        QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8089")};
    const QCommandLineOption publicUrl{
        QStringLiteral("public-url"),
        QStringLiteral("serve, run: the URL Twilio reaches through your reverse proxy (signatures are checked "
                       "against it)."),
        QStringLiteral("url")};
    // serve
    const QCommandLineOption workers{
        QStringLiteral("workers"),
        QStringLiteral("serve: threads that handle webhooks, each with its own database connection (default: "
                       "the number of cores, 2 to 8)."),
        QStringLiteral("n")};
    // run, contacts import
    const QCommandLineOption campaign{QStringLiteral("campaign"), QStringLiteral("run, contacts import: the campaign."),
                                      QStringLiteral("id")};
    // run
    const QCommandLineOption simulated{QStringLiteral("simulated"),
                                       QStringLiteral("run: place calls through the simulated carrier.")};
    const QCommandLineOption standby{
        QStringLiteral("standby"),
        QStringLiteral("run: when another dialer holds the campaign, wait and take over if it stops.")};
    const QCommandLineOption carrierLog{QStringLiteral("carrier-log"),
                                        QStringLiteral("run --simulated: append every call placed to FILE."),
                                        QStringLiteral("file")};
    const QCommandLineOption carrierCreateMs{
        QStringLiteral("carrier-create-ms"),
        QStringLiteral("run --simulated: each call waits MS milliseconds before the carrier places it (tests)."),
        QStringLiteral("ms")};
    const QCommandLineOption twilioApiUrl{
        QStringLiteral("twilio-api-url"),
        QStringLiteral("run: Twilio REST API base URL, e.g. a regional edge (default https://api.twilio.com)."),
        QStringLiteral("url")};
    // contacts import
    const QCommandLineOption region{
        QStringLiteral("region"),
        QStringLiteral("contacts import, suppression: region for numbers without +country code (default: the "
                       "console's default phone region, Settings → Twilio; else US)."),
        QStringLiteral("code")};
    const QCommandLineOption map{QStringLiteral("map"),
                                 QStringLiteral("contacts import: columns, e.g. phone=Telephone,name=Full Name."),
                                 QStringLiteral("pairs")};
    const QCommandLineOption dryRun{QStringLiteral("dry-run"),
                                    QStringLiteral("contacts import: check and count, write nothing.")};
    const QCommandLineOption rejects{QStringLiteral("rejects"),
                                     QStringLiteral("contacts import: write the rejected rows (line, reason, the row's "
                                                    "fields) to FILE.csv."),
                                     QStringLiteral("file")};
    // explain
    const QCommandLineOption contact{QStringLiteral("contact"), QStringLiteral("explain: the contact."),
                                     QStringLiteral("id")};
    const QCommandLineOption at{QStringLiteral("at"),
                                QStringLiteral("explain, campaign preview: the moment to judge (ISO 8601, default "
                                               "now)."),
                                QStringLiteral("time")};
    // campaign
    const QCommandLineOption from{QStringLiteral("from"),
                                  QStringLiteral("campaign create, update: the campaign as JSON "
                                                 "(docs/CAMPAIGN_FORMAT.md)."),
                                  QStringLiteral("file")};
    const QCommandLineOption archived{QStringLiteral("archived"),
                                      QStringLiteral("campaign list: include archived campaigns.")};
    // audit list
    const QCommandLineOption action{QStringLiteral("action"),
                                    QStringLiteral("audit list: one action, or a prefix ending in '.' (user.)."),
                                    QStringLiteral("action")};
    const QCommandLineOption actor{QStringLiteral("actor"), QStringLiteral("audit list: who acted (ada, os:alice)."),
                                   QStringLiteral("name")};
    const QCommandLineOption limit{QStringLiteral("limit"), QStringLiteral("audit list: how many rows (default 50)."),
                                   QStringLiteral("n"), QStringLiteral("50")};
    // simulate
    const QCommandLineOption callerLanguage{
        QStringLiteral("language"),
        QStringLiteral("simulate: the caller's language (de-AT, fr, ...); picks the script's variant as a call does."),
        QStringLiteral("tag")};
    // script import, export
    const QCommandLineOption scriptName{QStringLiteral("name"),
                                        QStringLiteral("script import: the script's name (default: the file's)."),
                                        QStringLiteral("name")};
    const QCommandLineOption scriptVersion{QStringLiteral("script-version"),
                                           QStringLiteral("script export: the script version (see script list)."),
                                           QStringLiteral("id")};
    // db provision
    const QCommandLineOption rolePrefix{QStringLiteral("role-prefix"),
                                        QStringLiteral("db provision: prefix of the PostgreSQL roles (default vsc_)."),
                                        QStringLiteral("prefix"), QStringLiteral("vsc_")};
    const QCommandLineOption mapLogin{
        QStringLiteral("map-login"),
        QStringLiteral("db provision: map a PostgreSQL login to a console user (users.db_login)."),
        QStringLiteral("login=username")};
    // users
    const QCommandLineOption roles{QStringLiteral("roles"),
                                   QStringLiteral("users add, invite, set-roles: role names, comma-separated."),
                                   QStringLiteral("r1,r2")};
    const QCommandLineOption displayName{QStringLiteral("display-name"),
                                         QStringLiteral("users add, invite: the name shown (default: the username)."),
                                         QStringLiteral("name")};
    const QCommandLineOption email{QStringLiteral("email"), QStringLiteral("users add: the user's e-mail address."),
                                   QStringLiteral("address")};
    const QCommandLineOption passwordStdin{
        QStringLiteral("password-stdin"),
        QStringLiteral("users add, reset-password: read the password from the first line of stdin (without it, "
                       "a terminal is asked; never give a password as an argument).")};
    const QCommandLineOption noMustChange{
        QStringLiteral("no-must-change"),
        QStringLiteral("users add: the user keeps this password instead of choosing one at first sign-in.")};
};

const CommandOptions &all()
{
    static const CommandOptions options;
    return options;
}

int migrate(const Invocation &call)
{
    return runMigrate(call.context, call.databaseUrl, call.json);
}

int seedDemo(const Invocation &call)
{
    return runSeedDemo(call.context, call.databaseUrl, call.json);
}

int scriptValidate(const Invocation &call)
{
    return runScriptValidate(call.arguments.constFirst(), call.json);
}

int scriptImport(const Invocation &call)
{
    return runScriptImport(call.context, call.databaseUrl, call.arguments.constFirst(),
                           call.parser.value(all().scriptName), call.json);
}

int scriptExport(const Invocation &call)
{
    return runScriptExport(call.context, call.databaseUrl, call.parser.value(all().scriptVersion),
                           call.arguments.constFirst(), call.json);
}

int scriptList(const Invocation &call)
{
    return runScriptList(call.context, call.databaseUrl, call.json);
}

int simulate(const Invocation &call)
{
    QTextStream in(stdin);
    // With --json the transcript goes to stderr so stdout carries only the JSON document.
    QTextStream out(call.json ? stderr : stdout);
    return runSimulate(call.arguments.constFirst(), call.json, in, out, call.parser.value(all().callerLanguage));
}

int serve(const Invocation &call)
{
    return runServe(call.context, {call.databaseUrl, call.parser.value(all().listen),
                                   call.parser.value(all().publicUrl), call.parser.value(all().workers), call.json});
}

int run(const Invocation &call)
{
    const QCommandLineParser &parser = call.parser;
    const CommandOptions &o = all();
    RunOptions run;
    run.databaseUrl = call.databaseUrl;
    run.campaignId = parser.value(o.campaign).toLongLong();
    run.simulated = parser.isSet(o.simulated);
    run.timeScale = parser.isSet(o.timeScale) ? parser.value(o.timeScale).toDouble() : 1.0;
    run.json = call.json;
    run.standby = parser.isSet(o.standby);
    run.carrierLog = parser.value(o.carrierLog);
    run.carrierCreateMs = qMax(0, parser.value(o.carrierCreateMs).toInt());
    run.listen = parser.value(o.listen);
    run.publicUrl = parser.value(o.publicUrl);
    run.twilioApiUrl = parser.value(o.twilioApiUrl);
    return runCampaign(call.context, run);
}

int contactsImport(const Invocation &call)
{
    const QCommandLineParser &parser = call.parser;
    const CommandOptions &o = all();
    return runContactsImport(call.context, {call.databaseUrl, parser.value(o.campaign).toLongLong(),
                                            parser.value(o.region), parser.value(o.map), call.arguments.constFirst(),
                                            parser.isSet(o.dryRun), call.json, parser.value(o.rejects)});
}

int explain(const Invocation &call)
{
    const QCommandLineParser &parser = call.parser;
    return runExplain(call.context,
                      {call.databaseUrl, parser.value(all().contact).toLongLong(), parser.value(all().at), call.json});
}

CampaignCommandOptions campaignOptions(const Invocation &call)
{
    CampaignCommandOptions options;
    options.databaseUrl = call.databaseUrl;
    if (!call.arguments.isEmpty()) {
        options.idText = call.arguments.constFirst();
        options.campaignId = qMax<qint64>(0, options.idText.toLongLong());
    }
    options.fromFile = call.parser.value(all().from);
    options.at = call.parser.value(all().at);
    options.json = call.json;
    return options;
}

int campaignCreate(const Invocation &call)
{
    return runCampaignCreate(call.context, campaignOptions(call));
}

int campaignUpdate(const Invocation &call)
{
    return runCampaignUpdate(call.context, campaignOptions(call));
}

int campaignShow(const Invocation &call)
{
    return runCampaignShow(call.context, campaignOptions(call));
}

int campaignList(const Invocation &call)
{
    return runCampaignList(call.context, campaignOptions(call), call.parser.isSet(all().archived));
}

int campaignStart(const Invocation &call)
{
    return runCampaignStart(call.context, campaignOptions(call));
}

int campaignPause(const Invocation &call)
{
    return runCampaignPause(call.context, campaignOptions(call));
}

int campaignStop(const Invocation &call)
{
    return runCampaignStop(call.context, campaignOptions(call));
}

int campaignPreview(const Invocation &call)
{
    return runCampaignPreview(call.context, campaignOptions(call));
}

const QString &campaignUsage()
{
    static const QString usage = QStringLiteral(
        "usage: campaign create --from FILE.json | campaign update ID --from FILE.json | campaign show ID | "
        "campaign list [--archived] | campaign start|pause|stop ID | campaign preview ID [--at TIME]");
    return usage;
}

int auditVerify(const Invocation &call)
{
    return runAuditVerify(call.context, call.databaseUrl, call.json);
}

int auditList(const Invocation &call)
{
    const CommandOptions &o = all();
    return runAuditList(call.context, {call.databaseUrl, call.parser.value(o.action), call.parser.value(o.actor),
                                       call.parser.value(o.limit).toInt(), call.json});
}

int dbProvision(const Invocation &call)
{
    const CommandOptions &o = all();
    ProvisionOptions options;
    options.databaseUrl = call.databaseUrl;
    options.rolePrefix = call.parser.value(o.rolePrefix);
    options.mapLogin = call.parser.value(o.mapLogin);
    options.json = call.json;
    return runDbProvision(call.context, options);
}

UserCommandOptions userOptions(const Invocation &call)
{
    const QCommandLineParser &parser = call.parser;
    const CommandOptions &o = all();
    UserCommandOptions options;
    options.databaseUrl = call.databaseUrl;
    options.username = call.arguments.isEmpty() ? QString() : call.arguments.constFirst();
    if (parser.isSet(o.roles)) {
        QStringList roles;
        for (const QString &role : parser.value(o.roles).split(u',', Qt::SkipEmptyParts)) {
            if (!role.trimmed().isEmpty()) {
                roles << role.trimmed();
            }
        }
        options.roles = roles;
    }
    options.displayName = parser.value(o.displayName);
    options.email = parser.value(o.email);
    options.passwordStdin = parser.isSet(o.passwordStdin);
    options.mustChange = !parser.isSet(o.noMustChange);
    options.json = call.json;
    return options;
}

int usersList(const Invocation &call)
{
    return runUsersList(call.context, userOptions(call));
}

int usersAdd(const Invocation &call)
{
    return runUsersAdd(call.context, userOptions(call));
}

int usersInvite(const Invocation &call)
{
    return runUsersInvite(call.context, userOptions(call));
}

int usersDisable(const Invocation &call)
{
    return runUsersDisable(call.context, userOptions(call));
}

int usersEnable(const Invocation &call)
{
    return runUsersEnable(call.context, userOptions(call));
}

int usersSetRoles(const Invocation &call)
{
    return runUsersSetRoles(call.context, userOptions(call));
}

int usersResetPassword(const Invocation &call)
{
    return runUsersResetPassword(call.context, userOptions(call));
}

int rolesList(const Invocation &call)
{
    return runRolesList(call.context, call.databaseUrl, call.json);
}

// The error for a `users` call that matches no form.
const QString &usersUsage()
{
    static const QString usage =
        QStringLiteral("usage: users list | users add USERNAME --roles R1,R2 [--display-name NAME] [--email E] "
                       "[--password-stdin] [--no-must-change] | users invite EMAIL-OR-SUBJECT --roles R1,R2 "
                       "[--display-name NAME] | users disable USERNAME | users enable USERNAME | users set-roles "
                       "USERNAME --roles R1,R2 | users reset-password USERNAME [--password-stdin]");
    return usage;
}

const QString &suppressionUsage()
{
    static const QString usage = QStringLiteral(
        "usage: suppression add NUMBER [--campaign ID] [--reason TEXT] [--region US] | suppression remove ID | "
        "suppression import FILE.csv [--campaign ID] [--reason TEXT] | suppression list [--search DIGITS] "
        "[--campaign ID] [--source S] | suppression export FILE.csv|-");
    return usage;
}

// Words of `text` on lines of at most `width` characters, each after `indent`.
QString wrapped(const QString &text, qsizetype width, const QString &indent)
{
    QString result;
    QString line;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            result += indent + line + u'\n';
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    return result + indent + line + u'\n';
}

// The command list in --help: each form of a command, then what it does, in a column when the form is short.
QString describeCommands()
{
    constexpr qsizetype kColumn = 26;
    constexpr qsizetype kWidth = 79; // as QCommandLineParser wraps the options
    const QString indent(kColumn, u' ');
    QString text = QStringLiteral("VoiceSurvey Console: automated outbound voice surveys.\n\n"
                                  "Commands (run without a display):\n");
    for (const Command &command : commands()) {
        QStringList forms;
        for (const QString &synopsis : command.synopses.isEmpty() ? QStringList{QString()} : command.synopses) {
            forms << (synopsis.isEmpty() ? command.words.join(u' ') : command.words.join(u' ') + u' ' + synopsis);
        }
        QString summary = wrapped(command.summary, kWidth - kColumn, indent);
        if (forms.size() == 1 && forms.constFirst().size() <= kColumn - 3) {
            summary.replace(0, kColumn, QStringLiteral("  ") + forms.constFirst().leftJustified(kColumn - 2));
        } else {
            for (const QString &form : forms) {
                text += QStringLiteral("  ") + form + u'\n';
            }
        }
        text += summary;
    }
    return text + QStringLiteral("Without a command the console window opens.");
}

QList<QCommandLineOption> allOptions()
{
    const CommandOptions &o = all();
    QList<QCommandLineOption> list{o.database, o.demo, o.json, o.logLevel, o.screenshots, o.timeScale};
    QSet<QString> seen;
    for (const QCommandLineOption &option : list) {
        seen.insert(option.names().constFirst());
    }
    // Commands share some options (run and serve both listen): the parser takes each once.
    for (const Command &command : commands()) {
        for (const QCommandLineOption &option : command.options) {
            if (!seen.contains(option.names().constFirst())) {
                seen.insert(option.names().constFirst());
                list.append(option);
            }
        }
    }
    return list;
}

bool matches(const Command &command, const QStringList &positional)
{
    return positional.size() == command.words.size() + command.arguments &&
           positional.mid(0, command.words.size()) == command.words;
}

} // namespace

namespace options {
const QCommandLineOption &database()
{
    return all().database;
}
const QCommandLineOption &demo()
{
    return all().demo;
}
const QCommandLineOption &json()
{
    return all().json;
}
const QCommandLineOption &logLevel()
{
    return all().logLevel;
}
const QCommandLineOption &screenshots()
{
    return all().screenshots;
}
const QCommandLineOption &timeScale()
{
    return all().timeScale;
}
} // namespace options

const QList<Command> &commands()
{
    const CommandOptions &o = all();
    static const QList<Command> table{
        {.words = {QStringLiteral("migrate")},
         .summary = QStringLiteral("Create or upgrade the database schema."),
         .run = &migrate},
        {.words = {QStringLiteral("seed-demo")},
         .summary = QStringLiteral("Add the demo campaign, contacts and call history."),
         .run = &seedDemo},
        {.words = {QStringLiteral("script"), QStringLiteral("validate")},
         .synopses = {QStringLiteral("FILE")},
         .summary = QStringLiteral("Check a survey script (JSON) and list every problem."),
         .arguments = 1,
         .usage = QStringLiteral("usage: script validate FILE | script import FILE [--name NAME] | "
                                 "script export --script-version ID FILE|- | script list"),
         .run = &scriptValidate},
        {.words = {QStringLiteral("script"), QStringLiteral("import")},
         .synopses = {QStringLiteral("FILE [--name NAME]")},
         .summary = QStringLiteral("Store a survey script (JSON) as a new script; prints its script and version ids."),
         .options = {o.scriptName},
         .arguments = 1,
         .usage = QStringLiteral("usage: script import FILE [--name NAME]"),
         .run = &scriptImport},
        {.words = {QStringLiteral("script"), QStringLiteral("export")},
         .synopses = {QStringLiteral("--script-version ID FILE|-")},
         .summary = QStringLiteral("Write a stored script version as JSON to FILE, or to stdout for -."),
         .options = {o.scriptVersion},
         .arguments = 1,
         .usage = QStringLiteral("usage: script export --script-version ID FILE|-"),
         .run = &scriptExport},
        {.words = {QStringLiteral("script"), QStringLiteral("list")},
         .summary = QStringLiteral("Every stored script with its versions."),
         .usage = QStringLiteral("usage: script list"),
         .run = &scriptList},
        {.words = {QStringLiteral("simulate")},
         .synopses = {QStringLiteral("FILE [--language TAG]")},
         .summary = QStringLiteral("Walk a survey script in the terminal, as a caller would (--language: as a "
                                   "contact of that language hears it)."),
         .options = {o.callerLanguage},
         .arguments = 1,
         .usage = QStringLiteral("usage: simulate FILE"),
         .run = &simulate},
        {.words = {QStringLiteral("serve")},
         .synopses = {QStringLiteral("--listen HOST:PORT --public-url URL [--workers N]")},
         .summary = QStringLiteral("Run the Twilio webhook server without a window."),
         .options = {o.listen, o.publicUrl, o.workers},
         .run = &serve},
        {.words = {QStringLiteral("run")},
         .synopses = {QStringLiteral("--campaign ID --simulated [--time-scale N] [--carrier-log FILE] [--standby]"),
                      QStringLiteral("--campaign ID --listen HOST:PORT --public-url URL [--twilio-api-url URL] "
                                     "[--standby]")},
         .summary = QStringLiteral("Dial a campaign until it is done: through the simulated carrier, or through "
                                   "Twilio, serving its webhooks. --standby waits while another dialer holds the "
                                   "campaign and takes over if it stops."),
         .options = {o.campaign, o.simulated, o.standby, o.carrierLog, o.carrierCreateMs, o.listen, o.publicUrl,
                     o.twilioApiUrl},
         .run = &run},
        {.words = {QStringLiteral("contacts"), QStringLiteral("import")},
         .synopses = {QStringLiteral("--campaign ID [--region US] [--map phone=Col,...] [--dry-run] "
                                     "[--rejects REJECTS.csv] FILE.csv")},
         .summary = QStringLiteral("Import contacts from a CSV file; every rejected row is listed with its line. "
                                   "Progress goes to stderr; Ctrl+C cancels and writes nothing."),
         .options = {o.campaign, o.region, o.map, o.dryRun, o.rejects},
         .arguments = 1,
         .usage = QStringLiteral("usage: contacts import --campaign ID [--region US] FILE.csv"),
         .run = &contactsImport},
        {.words = {QStringLiteral("explain")},
         .synopses = {QStringLiteral("--contact ID [--at ISO-8601-TIME]")},
         .summary = QStringLiteral("Say why a contact is or is not being dialed."),
         .options = {o.contact, o.at},
         .run = &explain},
        {.words = {QStringLiteral("campaign"), QStringLiteral("create")},
         .synopses = {QStringLiteral("--from FILE.json")},
         .summary = QStringLiteral("Create a draft campaign from its JSON form (docs/CAMPAIGN_FORMAT.md); every "
                                   "problem is listed with its field (exit 2). Needs campaign.edit."),
         .options = {o.from},
         .usage = campaignUsage(),
         .run = &campaignCreate},
        {.words = {QStringLiteral("campaign"), QStringLiteral("update")},
         .synopses = {QStringLiteral("ID --from FILE.json")},
         .summary = QStringLiteral("Change a campaign: the keys in the file replace its settings (a running "
                                   "campaign keeps its caller ID, language, voice and script). Audited. Needs "
                                   "campaign.edit."),
         .options = {o.from},
         .arguments = 1,
         .usage = campaignUsage(),
         .run = &campaignUpdate},
        {.words = {QStringLiteral("campaign"), QStringLiteral("show")},
         .synopses = {QStringLiteral("ID")},
         .summary = QStringLiteral("A campaign's settings; with --json the form update --from reads."),
         .arguments = 1,
         .usage = campaignUsage(),
         .run = &campaignShow},
        {.words = {QStringLiteral("campaign"), QStringLiteral("list")},
         .synopses = {QStringLiteral("[--archived]")},
         .summary = QStringLiteral("Every campaign with its status and progress."),
         .options = {o.archived},
         .usage = campaignUsage(),
         .run = &campaignList},
        {.words = {QStringLiteral("campaign"), QStringLiteral("start")},
         .synopses = {QStringLiteral("ID")},
         .summary = QStringLiteral("Mark a campaign running (a console or `run` dials it). Needs campaign.run."),
         .arguments = 1,
         .usage = campaignUsage(),
         .run = &campaignStart},
        {.words = {QStringLiteral("campaign"), QStringLiteral("pause")},
         .synopses = {QStringLiteral("ID")},
         .summary = QStringLiteral("Pause a running campaign. Needs campaign.run."),
         .arguments = 1,
         .usage = campaignUsage(),
         .run = &campaignPause},
        {.words = {QStringLiteral("campaign"), QStringLiteral("stop")},
         .synopses = {QStringLiteral("ID")},
         .summary = QStringLiteral("Stop a campaign for good (final). Needs campaign.run."),
         .arguments = 1,
         .usage = campaignUsage(),
         .run = &campaignStop},
        {.words = {QStringLiteral("campaign"), QStringLiteral("preview")},
         .synopses = {QStringLiteral("ID [--at ISO-8601-TIME]")},
         .summary = QStringLiteral("What starting the campaign would dial now, by explain's rules: dialable, "
                                   "outside their window (until when), blocked day, suppressed, at the cap, "
                                   "waiting to retry, quota full, completed."),
         .options = {o.at},
         .arguments = 1,
         .usage = campaignUsage(),
         .run = &campaignPreview},
        {.words = {QStringLiteral("audit"), QStringLiteral("verify")},
         .summary = QStringLiteral("Check the audit log's hash chain; exit 1 naming the first broken row. Needs "
                                   "audit.view."),
         .usage = QStringLiteral("usage: audit verify | audit list [--action A] [--actor NAME] [--limit N]"),
         .run = &auditVerify},
        {.words = {QStringLiteral("audit"), QStringLiteral("list")},
         .synopses = {QStringLiteral("[--action A] [--actor NAME] [--limit N]")},
         .summary = QStringLiteral("The newest audit log entries: who did what, before and after. Needs audit.view."),
         .options = {o.action, o.actor, o.limit},
         .usage = QStringLiteral("usage: audit verify | audit list [--action A] [--actor NAME] [--limit N]"),
         .run = &auditList},
        {.words = {QStringLiteral("db"), QStringLiteral("provision")},
         .synopses = {QStringLiteral("[--role-prefix vsc_] [--map-login LOGIN=USERNAME] --database URL")},
         .summary = QStringLiteral("PostgreSQL only, run by a DBA (superuser or CREATEROLE): migrate, then create a "
                                   "role per app role (PREFIXadmin, supervisor, operator, viewer), PREFIXdialer and "
                                   "PREFIXowner, with grants and row-level security so a login can do no more in "
                                   "psql than the app allows. Idempotent; run again after every migrate."),
         .options = {o.rolePrefix, o.mapLogin},
         .usage =
             QStringLiteral("usage: db provision [--role-prefix vsc_] [--map-login LOGIN=USERNAME] --database URL"),
         .run = &dbProvision},
        {.words = {QStringLiteral("users"), QStringLiteral("list")},
         .summary = QStringLiteral("Every user: source, roles, disabled, last sign-in, failed attempts, lock and "
                                   "whether they must change their password. Needs users.manage."),
         .usage = usersUsage(),
         .run = &usersList},
        {.words = {QStringLiteral("users"), QStringLiteral("add")},
         .synopses = {QStringLiteral("USERNAME --roles R1,R2 [--display-name NAME] [--email E] [--password-stdin]")},
         .summary = QStringLiteral("Create a local user; the password comes from stdin (--password-stdin) or a "
                                   "prompt, never from the command line, and must be changed at first sign-in "
                                   "unless --no-must-change. Prints the new id. Needs users.manage."),
         .options = {o.roles, o.displayName, o.email, o.passwordStdin, o.noMustChange},
         .arguments = 1,
         .usage = usersUsage(),
         .run = &usersAdd},
        {.words = {QStringLiteral("users"), QStringLiteral("invite")},
         .synopses = {QStringLiteral("EMAIL-OR-SUBJECT --roles R1,R2 [--display-name NAME]")},
         .summary = QStringLiteral("Invite a user who signs in through the identity provider, matched by e-mail "
                                   "or subject. Needs users.manage."),
         .options = {o.roles, o.displayName},
         .arguments = 1,
         .usage = usersUsage(),
         .run = &usersInvite},
        {.words = {QStringLiteral("users"), QStringLiteral("disable")},
         .synopses = {QStringLiteral("USERNAME")},
         .summary = QStringLiteral("Stop a user signing in (never the last enabled admin). Needs users.manage."),
         .arguments = 1,
         .usage = usersUsage(),
         .run = &usersDisable},
        {.words = {QStringLiteral("users"), QStringLiteral("enable")},
         .synopses = {QStringLiteral("USERNAME")},
         .summary = QStringLiteral("Let a disabled user sign in again. Needs users.manage."),
         .arguments = 1,
         .usage = usersUsage(),
         .run = &usersEnable},
        {.words = {QStringLiteral("users"), QStringLiteral("set-roles")},
         .synopses = {QStringLiteral("USERNAME --roles R1,R2")},
         .summary = QStringLiteral("Replace a user's roles (the last enabled admin keeps admin). Needs users.manage."),
         .options = {o.roles},
         .arguments = 1,
         .usage = usersUsage(),
         .run = &usersSetRoles},
        {.words = {QStringLiteral("users"), QStringLiteral("reset-password")},
         .synopses = {QStringLiteral("USERNAME [--password-stdin]")},
         .summary = QStringLiteral("Give a local user a temporary password they must change at the next sign-in; "
                                   "clears a lock. Needs users.manage."),
         .options = {o.passwordStdin},
         .arguments = 1,
         .usage = usersUsage(),
         .run = &usersResetPassword},
        {.words = {QStringLiteral("roles"), QStringLiteral("list")},
         .summary = QStringLiteral("Every role: built in or not, its description and permissions."),
         .usage = QStringLiteral("usage: roles list"),
         .run = &rolesList},
        // The do-not-call list and results (issue 11).
        {.words = {QStringLiteral("suppression"), QStringLiteral("add")},
         .synopses = {QStringLiteral("NUMBER [--campaign ID] [--reason TEXT] [--region US]")},
         .summary = QStringLiteral("Put a number on the do-not-call list, for every campaign or one. Needs "
                                   "suppression.manage."),
         .options = {o.campaign, o.region, resultsOptions().reason},
         .arguments = 1,
         .usage = suppressionUsage(),
         .run = &runSuppressionAdd},
        {.words = {QStringLiteral("suppression"), QStringLiteral("remove")},
         .synopses = {QStringLiteral("ID")},
         .summary = QStringLiteral("Take an entry off the do-not-call list (audited). Needs suppression.manage."),
         .arguments = 1,
         .usage = suppressionUsage(),
         .run = &runSuppressionRemove},
        {.words = {QStringLiteral("suppression"), QStringLiteral("import")},
         .synopses = {QStringLiteral("FILE.csv [--campaign ID] [--reason TEXT] [--region US]")},
         .summary = QStringLiteral("Add the numbers of a CSV (a phone column, optional campaign and reason "
                                   "columns); every row not added is listed with its line. Needs suppression.manage."),
         .options = {o.campaign, o.region, resultsOptions().reason},
         .arguments = 1,
         .usage = suppressionUsage(),
         .run = &runSuppressionImport},
        {.words = {QStringLiteral("suppression"), QStringLiteral("list")},
         .synopses = {QStringLiteral("[--search DIGITS] [--campaign ID] [--source S]")},
         .summary = QStringLiteral("The do-not-call list, newest first (numbers masked without pii.view)."),
         .options = {o.campaign, resultsOptions().search, resultsOptions().source},
         .usage = suppressionUsage(),
         .run = &runSuppressionList},
        {.words = {QStringLiteral("suppression"), QStringLiteral("export")},
         .synopses = {QStringLiteral("FILE.csv|- [--search DIGITS] [--campaign ID] [--source S]")},
         .summary = QStringLiteral("Write the do-not-call list as CSV (UTF-8 with BOM); - for stdout."),
         .options = {o.campaign, resultsOptions().search, resultsOptions().source},
         .arguments = 1,
         .usage = suppressionUsage(),
         .run = &runSuppressionExport},
        {.words = {QStringLiteral("results"), QStringLiteral("export")},
         .synopses = {QStringLiteral("--campaign ID --format csv|xlsx|sav FILE|-")},
         .summary = QStringLiteral("Write a campaign's results, one row per call attempt with its number, outcome, "
                                   "the contact's disposition and the answers; - (CSV) for stdout. Needs "
                                   "results.export."),
         .options = {o.campaign, resultsOptions().format},
         .arguments = 1,
         .usage = QStringLiteral("usage: results export --campaign ID --format csv|xlsx|sav FILE|-"),
         .run = &runResultsExport},
        // E-mailed reports (issue 12).
        {.words = {QStringLiteral("mail"), QStringLiteral("test")},
         .synopses = {QStringLiteral("--to ADDRESS")},
         .summary = QStringLiteral("Send a test mail with the saved e-mail settings (password from the keychain); "
                                   "says why when the server refuses it. Needs settings.manage."),
         .options = {mailOptions().to},
         .usage = QStringLiteral("usage: mail test --to ADDRESS"),
         .run = &runMailTest},
    };
    return table;
}

void describeCommandLine(QCommandLineParser &parser)
{
    parser.setApplicationDescription(describeCommands());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(allOptions());
    QStringList names;
    for (const Command &command : commands()) {
        names << command.words.join(u' ');
    }
    parser.addPositionalArgument(QStringLiteral("command"),
                                 names.join(QStringLiteral(" | ")) + QStringLiteral(" (optional; see above)."),
                                 QStringLiteral("[command [args]]"));
}

QSet<QString> optionsTakingValues()
{
    QSet<QString> names;
    for (const QCommandLineOption &option : allOptions()) {
        if (option.valueName().isEmpty()) {
            continue;
        }
        for (const QString &name : option.names()) {
            names.insert((name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name);
        }
    }
    return names;
}

int runCommand(AppContext &context, const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    const bool json = parser.isSet(all().json);
    const Command *family = nullptr; // the first command with the same first word
    for (const Command &command : commands()) {
        if (command.words.constFirst() != positional.constFirst()) {
            continue;
        }
        if (matches(command, positional)) {
            return command.run(
                {context, parser, positional.mid(command.words.size()), parser.value(all().database), json});
        }
        family = family ? family : &command;
    }
    const QString message = family && !family->usage.isEmpty()
                                ? family->usage
                                : QStringLiteral("unknown command '%1'").arg(positional.join(u' '));
    printError(json, {ErrorCode::InvalidArgument, message + QStringLiteral("; see --help")});
    return ExitUsage;
}

} // namespace vsc::app
