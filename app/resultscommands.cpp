// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/resultscommands.h"

#include "app/appcontext.h"
#include "app/cli.h"
#include "services/results/resultsexporter.h"
#include "services/settings/twiliosettings.h"
#include "services/suppression/suppressionservice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <optional>

namespace vsc::app {
namespace {

// Opens the database and resolves who runs the command; an exit code on failure.
std::optional<int> open(const Invocation &call, Actor &actor)
{
    return openAsHeadless(call.context, call.databaseUrl, call.json, actor);
}

std::optional<qint64> campaignOption(const Invocation &call)
{
    const QString value = call.parser.value(QStringLiteral("campaign"));
    if (value.isEmpty()) {
        return std::nullopt;
    }
    return value.toLongLong();
}

int failed(const Invocation &call, const Error &error)
{
    printError(call.json, error);
    return exitCodeForInput(error);
}

int usage(const Invocation &call, const QString &text)
{
    printError(call.json, {ErrorCode::InvalidArgument, text});
    return ExitUsage;
}

// --region, else the console's default phone region (after the database is open).
QString region(const Invocation &call)
{
    const QString value = call.parser.value(QStringLiteral("region"));
    return value.isEmpty() ? services::settings::defaultPhoneRegion(call.context.database()) : value;
}

} // namespace

const ResultsCommandOptions &resultsOptions()
{
    static const ResultsCommandOptions options;
    return options;
}

namespace {

services::storage::SuppressionFilter suppressionFilter(const Invocation &call)
{
    services::storage::SuppressionFilter filter;
    filter.numberFragment = call.parser.value(resultsOptions().search);
    filter.campaignId = campaignOption(call);
    filter.source = call.parser.value(resultsOptions().source);
    filter.limit = 0;
    return filter;
}

QJsonObject toJson(const services::storage::Suppression &entry)
{
    return {{QStringLiteral("id"), entry.id},
            {QStringLiteral("number"), entry.phoneE164},
            {QStringLiteral("campaignId"), entry.campaignId ? QJsonValue(*entry.campaignId) : QJsonValue()},
            {QStringLiteral("campaign"), entry.campaignName},
            {QStringLiteral("reason"), entry.reason},
            {QStringLiteral("source"), entry.source},
            {QStringLiteral("addedAt"), entry.createdAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("addedBy"), entry.createdByName}};
}

} // namespace

int runSuppressionAdd(const Invocation &call)
{
    Actor actor;
    if (auto exit = open(call, actor)) {
        return *exit;
    }
    services::suppression::NewSuppression entry;
    entry.phone = call.arguments.constFirst();
    entry.defaultRegion = region(call);
    entry.campaignId = campaignOption(call);
    entry.reason = call.parser.value(resultsOptions().reason);
    auto id = services::suppression::SuppressionService(call.context.database()).add(actor, entry);
    if (!id) {
        return failed(call, id.error());
    }
    printResult(call.json, {{QStringLiteral("ok"), true}, {QStringLiteral("id"), id.value()}},
                QStringLiteral("added to the do-not-call list (entry %1)").arg(id.value()));
    return ExitOk;
}

int runSuppressionRemove(const Invocation &call)
{
    bool isNumber = false;
    const qint64 id = call.arguments.constFirst().toLongLong(&isNumber);
    if (!isNumber || id <= 0) {
        return usage(call, QStringLiteral("usage: suppression remove ID (the id `suppression list` shows)"));
    }
    Actor actor;
    if (auto exit = open(call, actor)) {
        return *exit;
    }
    auto removed = services::suppression::SuppressionService(call.context.database()).remove(actor, id);
    if (!removed) {
        return failed(call, removed.error());
    }
    printResult(call.json, {{QStringLiteral("ok"), true}, {QStringLiteral("id"), id}},
                QStringLiteral("removed do-not-call entry %1").arg(id));
    return ExitOk;
}

int runSuppressionImport(const Invocation &call)
{
    const QString path = call.arguments.constFirst();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        printError(call.json, {ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString())});
        return ExitFailure;
    }
    Actor actor;
    if (auto exit = open(call, actor)) {
        return *exit;
    }
    services::suppression::SuppressionImportOptions options;
    options.defaultRegion = region(call);
    options.campaignId = campaignOption(call);
    options.reason = call.parser.value(resultsOptions().reason);
    auto report =
        services::suppression::SuppressionService(call.context.database()).importCsv(actor, file.readAll(), options);
    if (!report) {
        return failed(call, report.error());
    }
    QJsonArray rejected;
    QStringList lines{QStringLiteral("%1: %2 row(s) read, %3 added, %4 rejected.")
                          .arg(path)
                          .arg(report.value().rows)
                          .arg(report.value().added)
                          .arg(report.value().rejected.size())};
    for (const auto &row : report.value().rejected) {
        rejected.append(QJsonObject{{QStringLiteral("line"), row.line},
                                    {QStringLiteral("reason"), row.reason},
                                    {QStringLiteral("phone"), row.phone}});
        lines << QStringLiteral("  line %1: %2").arg(row.line).arg(row.reason);
    }
    printResult(call.json,
                {{QStringLiteral("ok"), true},
                 {QStringLiteral("rows"), report.value().rows},
                 {QStringLiteral("added"), report.value().added},
                 {QStringLiteral("rejected"), rejected}},
                lines.join(u'\n'));
    return ExitOk;
}

int runSuppressionList(const Invocation &call)
{
    Actor actor;
    if (auto exit = open(call, actor)) {
        return *exit;
    }
    auto entries =
        services::suppression::SuppressionService(call.context.database()).list(actor, suppressionFilter(call));
    if (!entries) {
        return failed(call, entries.error());
    }
    QJsonArray array;
    QStringList lines;
    for (const auto &entry : std::as_const(entries.value())) {
        array.append(toJson(entry));
        lines << QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
                     .arg(entry.id)
                     .arg(entry.phoneE164,
                          entry.campaignId ? QStringLiteral("campaign %1").arg(*entry.campaignId)
                                           : QStringLiteral("all campaigns"),
                          entry.source, entry.createdAt.toString(Qt::ISODate),
                          entry.createdByName.isEmpty() ? QStringLiteral("-") : entry.createdByName, entry.reason);
    }
    printResult(call.json, {{QStringLiteral("ok"), true}, {QStringLiteral("entries"), array}},
                lines.isEmpty() ? QStringLiteral("the do-not-call list is empty") : lines.join(u'\n'));
    return ExitOk;
}

int runSuppressionExport(const Invocation &call)
{
    Actor actor;
    if (auto exit = open(call, actor)) {
        return *exit;
    }
    auto csv =
        services::suppression::SuppressionService(call.context.database()).exportCsv(actor, suppressionFilter(call));
    if (!csv) {
        return failed(call, csv.error());
    }
    const QString path = call.arguments.constFirst();
    if (path == QLatin1String("-")) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(csv.value()) != csv.value().size()) {
            return ExitFailure;
        }
        return ExitOk;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv.value()) != csv.value().size()) {
        printError(call.json, {ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString())});
        return ExitFailure;
    }
    printResult(call.json, {{QStringLiteral("ok"), true}, {QStringLiteral("file"), path}},
                QStringLiteral("wrote %1").arg(path));
    return ExitOk;
}

int runResultsExport(const Invocation &call)
{
    const auto campaignId = campaignOption(call);
    const auto format = services::results::exportFormatFromKey(call.parser.value(resultsOptions().format));
    const QString path = call.arguments.constFirst();
    if (!campaignId || *campaignId <= 0 || !format) {
        return usage(call, QStringLiteral("usage: results export --campaign ID --format csv|xlsx|sav FILE|-"));
    }
    if (path == QLatin1String("-") && *format != services::results::ExportFormat::Csv) {
        return usage(call, QStringLiteral("only --format csv can be written to standard output (-)"));
    }
    Actor actor;
    if (auto exit = open(call, actor)) {
        return *exit;
    }
    services::results::ExportRequest request;
    request.campaignId = *campaignId;
    request.format = *format;
    QFile out;
    if (path == QLatin1String("-")) {
        if (!out.open(stdout, QIODevice::WriteOnly)) {
            return ExitFailure;
        }
        request.device = &out;
    } else {
        request.path = path;
    }
    const bool interactive = path != QLatin1String("-") && !call.json;
    auto summary = services::results::exportResults(
        call.context.database(), actor, request, nullptr, [interactive](qint64 done, qint64 total) {
            if (interactive) {
                std::fprintf(stderr, "\rexported %lld of %lld contacts", static_cast<long long>(done),
                             static_cast<long long>(total));
            }
        });
    if (interactive) {
        std::fputs("\n", stderr);
    }
    if (!summary) {
        return failed(call, summary.error());
    }
    if (request.device) {
        out.flush();
        return ExitOk;
    }
    printResult(call.json,
                {{QStringLiteral("ok"), true},
                 {QStringLiteral("file"), path},
                 {QStringLiteral("contacts"), summary.value().contacts},
                 {QStringLiteral("rows"), summary.value().rows},
                 {QStringLiteral("numbersMasked"), summary.value().numbersMasked}},
                QStringLiteral("%1: %2 contact(s), %3 row(s)%4")
                    .arg(path)
                    .arg(summary.value().contacts)
                    .arg(summary.value().rows)
                    .arg(summary.value().numbersMasked ? QStringLiteral(" (numbers masked: no pii.view)") : QString()));
    return ExitOk;
}

} // namespace vsc::app
