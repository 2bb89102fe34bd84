// SPDX-License-Identifier: GPL-3.0-or-later
#include "contactscommand.h"

#include "appcontext.h"
#include "cli.h"
#include "contacts/contactimporter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace vsc::app {

int runContactsImport(const ContactsImportOptions &options)
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
    AppContext context;
    auto opened = context.openDatabase(options.databaseUrl);
    if (!opened) {
        printError(options.json, opened.error());
        return exitCodeFor(opened.error());
    }
    auto result = services::contacts::ContactImporter(context.database()).importCsv(file.readAll(), import);
    if (!result) {
        printError(options.json, result.error());
        return exitCodeFor(result.error());
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

} // namespace vsc::app
