// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/campaigncommands.h"

#include "app/appcontext.h"
#include "app/cli.h"
#include "services/campaigns/campaignjson.h"
#include "services/campaigns/campaignservice.h"
#include "services/campaigns/campaignvalidation.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cstdio>

namespace vsc::app {
namespace {

using services::campaigns::CampaignService;

void printLine(FILE *stream, const QString &line)
{
    const QByteArray text = (line + u'\n').toUtf8();
    std::fwrite(text.constData(), 1, std::size_t(text.size()), stream);
    std::fflush(stream);
}

// Every problem, one per line with its field on stderr (and as JSON on stdout with --json); exit 2.
int printProblems(const CampaignCommandOptions &options, const QList<FieldProblem> &problems)
{
    QJsonArray list;
    for (const FieldProblem &p : problems) {
        list.append(QJsonObject{{QStringLiteral("field"), p.field}, {QStringLiteral("message"), p.message}});
        printLine(stderr, QStringLiteral("%1: %2: %3").arg(options.fromFile, p.field, p.message));
    }
    if (options.json) {
        printResult(true, {{QStringLiteral("ok"), false}, {QStringLiteral("problems"), list}}, {});
    }
    printLine(stderr, QStringLiteral("voicesurvey-console: %1 problem(s); nothing was saved").arg(problems.size()));
    return ExitUsage;
}

// The file's JSON object, or a problem saying why it is not one.
Result<QJsonObject> readCampaignFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1: not JSON at offset %2: %3")
                                                     .arg(path)
                                                     .arg(parseError.offset)
                                                     .arg(parseError.errorString())};
    }
    if (!document.isObject()) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("%1: expected a JSON object (see docs/CAMPAIGN_FORMAT.md)").arg(path)};
    }
    return document.object();
}

// Opens the database and acts as the headless actor with `permission`; prints the error and returns its exit code
// otherwise.
std::optional<int> prepare(AppContext &context, const CampaignCommandOptions &options, Permission permission,
                           const QString &action, Actor &actor)
{
    auto opened = context.openDatabase(options.databaseUrl);
    if (!opened) {
        printError(options.json, opened.error());
        return exitCodeFor(opened.error());
    }
    auto acting = context.authorizeHeadless(permission, action);
    if (!acting) {
        printError(options.json, acting.error());
        return exitCodeFor(acting.error());
    }
    actor = acting.value();
    return std::nullopt;
}

bool needsId(const CampaignCommandOptions &options, const QString &usage)
{
    if (options.campaignId > 0) {
        return false;
    }
    printError(options.json, {ErrorCode::InvalidArgument,
                              QStringLiteral("%1 is not a campaign id; usage: %2").arg(options.idText, usage)});
    return true;
}

int saveFromFile(AppContext &context, const CampaignCommandOptions &options, bool creating)
{
    const QString usage = creating ? QStringLiteral("campaign create --from FILE.json")
                                   : QStringLiteral("campaign update ID --from FILE.json");
    if (options.fromFile.isEmpty()) {
        printError(options.json, {ErrorCode::InvalidArgument, QStringLiteral("usage: %1").arg(usage)});
        return ExitUsage;
    }
    if (!creating && needsId(options, usage)) {
        return ExitUsage;
    }
    auto json = readCampaignFile(options.fromFile);
    if (!json) {
        printError(options.json, json.error());
        return json.error().code == ErrorCode::Io ? ExitFailure : ExitUsage;
    }
    Actor actor;
    if (auto failed =
            prepare(context, options, Permission::CampaignEdit,
                    creating ? QStringLiteral("create a campaign") : QStringLiteral("edit a campaign"), actor)) {
        return *failed;
    }
    CampaignService service(context.database());
    Campaign base;
    if (!creating) {
        auto stored = service.campaign(actor, options.campaignId);
        if (!stored) {
            printError(options.json, stored.error());
            return exitCodeForInput(stored.error());
        }
        base = stored.value();
    }
    QList<FieldProblem> problems;
    const Campaign campaign = services::campaigns::campaignFromJson(json.value(), base, problems);
    if (!creating) {
        problems += services::campaigns::lockedFieldProblems(base, campaign);
    }
    Campaign checked = campaign;
    if (creating) {
        checked.id = 0;
    }
    auto valid = service.validate(checked);
    if (!valid) {
        printError(options.json, valid.error());
        return exitCodeFor(valid.error());
    }
    // A value the file gave in the wrong form is reported once, as read, not again as the default it fell back to.
    QSet<QString> named;
    for (const FieldProblem &p : std::as_const(problems)) {
        named.insert(p.field);
    }
    for (const FieldProblem &p : valid.value()) {
        if (!named.contains(p.field)) {
            problems.append(p);
        }
    }
    if (!problems.isEmpty()) {
        return printProblems(options, problems);
    }
    if (creating) {
        auto id = service.create(actor, campaign);
        if (!id) {
            printError(options.json, id.error());
            return exitCodeForInput(id.error());
        }
        printResult(options.json, {{QStringLiteral("ok"), true}, {QStringLiteral("id"), id.value()}},
                    QStringLiteral("created campaign %1 (%2), a draft").arg(id.value()).arg(campaign.name));
        return ExitOk;
    }
    if (auto updated = service.update(actor, campaign); !updated) {
        printError(options.json, updated.error());
        return exitCodeForInput(updated.error());
    }
    printResult(options.json, {{QStringLiteral("ok"), true}, {QStringLiteral("id"), options.campaignId}},
                QStringLiteral("updated campaign %1 (%2)").arg(options.campaignId).arg(campaign.name));
    return ExitOk;
}

int transition(AppContext &context, const CampaignCommandOptions &options, CampaignStatus to, const QString &verb)
{
    if (needsId(options, QStringLiteral("campaign %1 ID").arg(verb))) {
        return ExitUsage;
    }
    Actor actor;
    if (auto failed =
            prepare(context, options, Permission::CampaignRun, QStringLiteral("change a campaign's status"), actor)) {
        return *failed;
    }
    if (auto changed = CampaignService(context.database()).transition(actor, options.campaignId, to); !changed) {
        printError(options.json, changed.error());
        return changed.error().code == ErrorCode::Conflict ? ExitUsage : exitCodeForInput(changed.error());
    }
    printResult(options.json,
                {{QStringLiteral("ok"), true},
                 {QStringLiteral("id"), options.campaignId},
                 {QStringLiteral("status"), campaignStatusKey(to)}},
                QStringLiteral("campaign %1 is %2").arg(options.campaignId).arg(campaignStatusKey(to)));
    return ExitOk;
}

} // namespace

int runCampaignCreate(AppContext &context, const CampaignCommandOptions &options)
{
    return saveFromFile(context, options, true);
}

int runCampaignUpdate(AppContext &context, const CampaignCommandOptions &options)
{
    return saveFromFile(context, options, false);
}

int runCampaignShow(AppContext &context, const CampaignCommandOptions &options)
{
    if (needsId(options, QStringLiteral("campaign show ID [--json]"))) {
        return ExitUsage;
    }
    Actor actor;
    if (auto exit = openAsHeadless(context, options.databaseUrl, options.json, actor)) {
        return *exit;
    }
    auto campaign = CampaignService(context.database()).campaign(actor, options.campaignId);
    if (!campaign) {
        printError(options.json, campaign.error());
        return exitCodeForInput(campaign.error());
    }
    const QJsonObject json = services::campaigns::campaignToJson(campaign.value());
    printResult(options.json, json, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)).trimmed());
    return ExitOk;
}

int runCampaignList(AppContext &context, const CampaignCommandOptions &options, bool archived)
{
    Actor actor;
    if (auto exit = openAsHeadless(context, options.databaseUrl, options.json, actor)) {
        return *exit;
    }
    auto rows = CampaignService(context.database())
                    .summaries(actor, archived ? CampaignService::Archived::Shown : CampaignService::Archived::Hidden);
    if (!rows) {
        printError(options.json, rows.error());
        return exitCodeFor(rows.error());
    }
    QJsonArray list;
    QStringList lines;
    for (const CampaignSummary &s : rows.value()) {
        const Campaign &c = s.campaign;
        list.append(QJsonObject{{QStringLiteral("id"), c.id},
                                {QStringLiteral("name"), c.name},
                                {QStringLiteral("status"), campaignStatusKey(c.status)},
                                {QStringLiteral("archived"), c.archivedAt.isValid()},
                                {QStringLiteral("contacts"), s.contacts},
                                {QStringLiteral("completed"), s.completedContacts},
                                {QStringLiteral("attempts"), s.attempts}});
        lines << QStringLiteral("%1\t%2\t%3%4\t%5 contacts, %6 completed")
                     .arg(c.id)
                     .arg(c.name, campaignStatusKey(c.status),
                          c.archivedAt.isValid() ? QStringLiteral(" (archived)") : QString())
                     .arg(s.contacts)
                     .arg(s.completedContacts);
    }
    if (lines.isEmpty()) {
        lines << QStringLiteral("no campaigns");
    }
    printResult(options.json, {{QStringLiteral("campaigns"), list}}, lines.join(u'\n'));
    return ExitOk;
}

int runCampaignStart(AppContext &context, const CampaignCommandOptions &options)
{
    return transition(context, options, CampaignStatus::Running, QStringLiteral("start"));
}

int runCampaignPause(AppContext &context, const CampaignCommandOptions &options)
{
    return transition(context, options, CampaignStatus::Paused, QStringLiteral("pause"));
}

int runCampaignStop(AppContext &context, const CampaignCommandOptions &options)
{
    return transition(context, options, CampaignStatus::Stopped, QStringLiteral("stop"));
}

int runCampaignPreview(AppContext &context, const CampaignCommandOptions &options)
{
    if (needsId(options, QStringLiteral("campaign preview ID [--at TIME] [--json]"))) {
        return ExitUsage;
    }
    const auto parsedAt = parseAt(options.at, context.clock().nowUtc());
    if (!parsedAt) {
        printError(options.json, parsedAt.error());
        return ExitUsage;
    }
    const QDateTime at = parsedAt.value();
    Actor actor;
    if (auto exit = openAsHeadless(context, options.databaseUrl, options.json, actor)) {
        return *exit;
    }
    auto preview = CampaignService(context.database()).preview(actor, options.campaignId, at);
    if (!preview) {
        printError(options.json, preview.error());
        return exitCodeForInput(preview.error());
    }
    const services::campaigns::CompliancePreview &p = preview.value();
    QJsonObject counts;
    for (int i = 0; i < services::campaigns::kPreviewCategoryCount; ++i) {
        counts.insert(services::campaigns::previewCategoryKey(static_cast<services::campaigns::PreviewCategory>(i)),
                      p.counts.at(i));
    }
    auto opening = [](const QDateTime &utc, const QString &zone) {
        return utc.isValid() ? QJsonValue(QJsonObject{{QStringLiteral("at"), utc.toString(Qt::ISODate)},
                                                      {QStringLiteral("zone"), zone},
                                                      {QStringLiteral("local"),
                                                       services::campaigns::CompliancePreview::localTime(utc, zone)}})
                             : QJsonValue();
    };
    printResult(options.json,
                {{QStringLiteral("campaignId"), p.campaignId},
                 {QStringLiteral("at"), at.toString(Qt::ISODate)},
                 {QStringLiteral("total"), p.total},
                 {QStringLiteral("counts"), counts},
                 {QStringLiteral("windowOpens"), opening(p.windowOpensAt, p.windowOpensZone)},
                 {QStringLiteral("blockedDayEnds"), opening(p.blockedDayEndsAt, p.blockedDayEndsZone)},
                 {QStringLiteral("summary"), p.summary()},
                 {QStringLiteral("elapsedMs"), p.elapsedMs}},
                QStringLiteral("campaign %1 at %2, %3 contacts: %4")
                    .arg(p.campaignId)
                    .arg(at.toString(Qt::ISODate))
                    .arg(p.total)
                    .arg(p.summary()));
    return ExitOk;
}

} // namespace vsc::app
