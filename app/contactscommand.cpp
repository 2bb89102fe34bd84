// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/contactscommand.h"

#include "app/appcontext.h"
#include "app/cli.h"
#include "services/contacts/contactimporter.h"
#include "services/dialer/dialrules.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace vsc::app {

int runContactsImport(AppContext &context, const ContactsImportOptions &options)
{
    if (options.campaignId <= 0 || options.file.isEmpty()) {
        printError(options.json, {ErrorCode::InvalidArgument,
                                  QStringLiteral("usage: contacts import --campaign ID [--region US] FILE.csv")});
        return ExitUsage;
    }
    services::contacts::ImportOptions import;
    import.campaignId = options.campaignId;
    import.defaultRegion = options.region;
    import.dryRun = options.dryRun;
    for (const QString &pair : options.mapping.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0) {
            printError(options.json, {ErrorCode::InvalidArgument,
                                      QStringLiteral("--map wants field=Column pairs, not '%1'").arg(pair)});
            return ExitUsage;
        }
        import.columns.insert(pair.left(eq).trimmed(), pair.mid(eq + 1).trimmed());
    }
    QFile file(options.file);
    if (!file.open(QIODevice::ReadOnly)) {
        printError(options.json,
                   {ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(options.file, file.errorString())});
        return ExitFailure;
    }
    // Refused before it is read: the file is read whole.
    if (auto sized = services::contacts::checkFileSize(file.size(), import.limits); !sized) {
        printError(options.json, {sized.error().code, options.file + QStringLiteral(": ") + sized.error().detail});
        return ExitUsage;
    }
    auto opened = context.openDatabase(options.databaseUrl);
    if (!opened) {
        printError(options.json, opened.error());
        return exitCodeFor(opened.error());
    }
    auto acting = context.headlessActor();
    if (!acting) {
        printError(options.json, acting.error());
        return exitCodeFor(acting.error());
    }
    auto result =
        services::contacts::ContactImporter(context.database()).importCsv(acting.value(), file.readAll(), import);
    if (!result) {
        printError(options.json, result.error());
        return exitCodeForInput(result.error());
    }
    const services::contacts::ImportReport &r = result.value();
    QJsonArray rejected;
    QStringList lines;
    lines << QStringLiteral("%1: %2 row(s) read, %3 %4, %5 rejected.")
                 .arg(options.file)
                 .arg(r.rows)
                 .arg(options.dryRun ? r.valid : r.imported)
                 .arg(options.dryRun ? QStringLiteral("would be imported (dry run)") : QStringLiteral("imported"))
                 .arg(r.rejected.size());
    for (const auto &row : r.rejected) {
        rejected.append(QJsonObject{{QStringLiteral("line"), row.line},
                                    {QStringLiteral("reason"), row.reason},
                                    {QStringLiteral("phone"), row.phone}});
        lines << QStringLiteral("  line %1: %2").arg(row.line).arg(row.reason);
    }
    printResult(options.json,
                {{QStringLiteral("ok"), true},
                 {QStringLiteral("rows"), r.rows},
                 {QStringLiteral("valid"), r.valid},
                 {QStringLiteral("imported"), r.imported},
                 {QStringLiteral("dryRun"), options.dryRun},
                 {QStringLiteral("rejected"), rejected}},
                lines.join(u'\n'));
    return ExitOk;
}

int runExplain(AppContext &context, const ExplainOptions &options)
{
    if (options.contactId <= 0) {
        printError(options.json,
                   {ErrorCode::InvalidArgument, QStringLiteral("usage: explain --contact ID [--at ISO-8601-TIME]")});
        return ExitUsage;
    }
    QDateTime at = context.clock().nowUtc();
    if (!options.at.isEmpty()) {
        at = QDateTime::fromString(options.at, Qt::ISODateWithMs);
        if (!at.isValid()) {
            printError(options.json, {ErrorCode::InvalidArgument,
                                      QStringLiteral("--at wants an ISO 8601 time such as 2026-11-23T14:00:00Z, "
                                                     "not '%1'")
                                          .arg(options.at)});
            return ExitUsage;
        }
        at = at.toUTC();
    }
    auto opened = context.openDatabase(options.databaseUrl);
    if (!opened) {
        printError(options.json, opened.error());
        return exitCodeFor(opened.error());
    }
    auto acting = context.authorizeHeadless(Permission::ContactsView, QStringLiteral("explain a contact"));
    if (!acting) {
        printError(options.json, acting.error());
        return exitCodeFor(acting.error());
    }
    auto explained = services::dialer::explainContact(context.database(), acting.value(), options.contactId, at);
    if (!explained) {
        printError(options.json, explained.error());
        return exitCodeForInput(explained.error());
    }
    const services::dialer::ContactExplanation &e = explained.value();
    QStringList lines{QStringLiteral("contact %1 (%2), campaign %3, at %4")
                          .arg(e.contactId)
                          .arg(e.phone)
                          .arg(e.campaignId)
                          .arg(at.toString(Qt::ISODate)),
                      e.verdict};
    for (qsizetype i = 1; i < e.reasons.size(); ++i) {
        lines << QStringLiteral("  also: %1").arg(e.reasons.at(i));
    }
    if (e.nextChance.isValid() && !e.dialableNow) {
        lines << QStringLiteral("  next chance: %1").arg(e.nextChance.toString(Qt::ISODate));
    }
    printResult(options.json,
                {{QStringLiteral("contactId"), e.contactId},
                 {QStringLiteral("campaignId"), e.campaignId},
                 {QStringLiteral("at"), at.toString(Qt::ISODate)},
                 {QStringLiteral("dialableNow"), e.dialableNow},
                 {QStringLiteral("verdict"), e.verdict},
                 {QStringLiteral("reasons"), QJsonArray::fromStringList(e.reasons)},
                 {QStringLiteral("zones"), QJsonArray::fromStringList(e.zones)},
                 {QStringLiteral("nextChance"),
                  e.nextChance.isValid() ? QJsonValue(e.nextChance.toString(Qt::ISODate)) : QJsonValue()}},
                lines.join(u'\n'));
    return ExitOk;
}

} // namespace vsc::app
