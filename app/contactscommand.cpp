// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/contactscommand.h"

#include "app/appcontext.h"
#include "app/cli.h"
#include "app/signals.h"
#include "services/contacts/contactimporter.h"
#include "services/dialer/dialrules.h"
#include "services/settings/twiliosettings.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <optional>
#include <unistd.h>

namespace vsc::app {

namespace {

constexpr int kExitInterrupted = 130; // 128 + SIGINT, as shells report it

// Progress on stderr: on a terminal one line rewritten in place (at most 10 times a second), otherwise a line a
// second, so a log or a supervising process sees it move. Called on the import's thread.
class ProgressPrinter final
{
public:
    explicit ProgressPrinter(QString file) : m_file(std::move(file)), m_terminal(::isatty(STDERR_FILENO) == 1)
    {
        m_clock.start();
    }

    void report(const services::contacts::ImportProgress &p, bool last = false)
    {
        if (!last && m_printed && m_clock.elapsed() < (m_terminal ? 100 : 1000)) {
            return;
        }
        m_clock.restart();
        m_printed = true;
        const QString percent =
            p.totalBytes > 0 ? QStringLiteral(" (%1%)").arg(p.bytesRead * 100 / p.totalBytes) : QString();
        const QString line = QStringLiteral("%1: %2 row(s) read%3, %4 valid, %5 rejected")
                                 .arg(m_file)
                                 .arg(p.rows)
                                 .arg(percent)
                                 .arg(p.valid)
                                 .arg(p.rejected);
        const QString text = m_terminal ? QString(QStringLiteral("\r\033[K") + line) : QString(line + u'\n');
        std::fputs(qPrintable(text), stderr);
        std::fflush(stderr);
    }

    void finish() const
    {
        if (m_terminal && m_printed) {
            std::fputs("\n", stderr);
        }
    }

private:
    QString m_file;
    bool m_terminal;
    bool m_printed = false;
    QElapsedTimer m_clock;
};

} // namespace

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
    if (!QFileInfo::exists(options.file)) {
        printError(options.json, {ErrorCode::Io, QStringLiteral("cannot read %1: no such file").arg(options.file)});
        return ExitFailure;
    }
    if (auto sized = services::contacts::checkFileSize(QFileInfo(options.file).size(), import.limits); !sized) {
        printError(options.json, {sized.error().code, options.file + QStringLiteral(": ") + sized.error().detail});
        return ExitUsage;
    }
    auto opened = context.openDatabase(options.databaseUrl);
    if (!opened) {
        printError(options.json, opened.error());
        return exitCodeFor(opened.error());
    }
    if (import.defaultRegion.isEmpty()) {
        import.defaultRegion = services::settings::defaultPhoneRegion(context.database());
    }
    auto acting = context.headlessActor();
    if (!acting) {
        printError(options.json, acting.error());
        return exitCodeFor(acting.error());
    }

    // The import on a thread of its own, so this one's event loop sees Ctrl+C (signals reach it through a socket).
    std::atomic_bool cancel{false};
    bool interrupted = false;
    onTerminationSignal([&] {
        interrupted = true;
        cancel = true;
    });
    ProgressPrinter printer(options.file);
    import.progress = [&printer](const services::contacts::ImportProgress &p) { printer.report(p);
};
std::optional<Result<services::contacts::ImportReport>> outcome;
QEventLoop loop;
QThread *worker = QThread::create([&] {
    services::storage::Database &database = context.database();
    outcome = services::contacts::ContactImporter(database).importFile(acting.value(), options.file, import, &cancel);
    database.closeThreadConnection();
});
QObject::connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
worker->start();
loop.exec();
worker->wait();
delete worker;
printer.finish();
Result<services::contacts::ImportReport> result = std::move(*outcome);
if (interrupted && !result) { // a signal after the import ended changes nothing
    printError(options.json,
               {ErrorCode::Conflict,
                QStringLiteral("%1: import interrupted (Ctrl+C); nothing was written").arg(options.file)});
    return kExitInterrupted;
}
if (!result) {
    printError(options.json, result.error());
    return exitCodeForInput(result.error());
}
const services::contacts::ImportReport &r = result.value();
if (!options.rejectsFile.isEmpty()) {
    if (auto written = services::contacts::writeRejectReport(r, options.rejectsFile); !written) {
        printError(options.json, written.error());
        return ExitFailure;
    }
}
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
using services::contacts::RejectKind;
printResult(options.json,
            {{QStringLiteral("ok"), true},
             {QStringLiteral("rows"), r.rows},
             {QStringLiteral("valid"), r.valid},
             {QStringLiteral("imported"), r.imported},
             {QStringLiteral("dryRun"), options.dryRun},
             {QStringLiteral("duplicatesInFile"), r.count(RejectKind::DuplicateInFile)},
             {QStringLiteral("duplicatesInCampaign"), r.count(RejectKind::DuplicateInCampaign)},
             {QStringLiteral("suppressed"), r.count(RejectKind::Suppressed)},
             {QStringLiteral("rejected"), rejected}},
            lines.join(u'\n'));
return ExitOk;
} // namespace vsc::app

int runExplain(AppContext &context, const ExplainOptions &options)
{
    if (options.contactId <= 0) {
        printError(options.json,
                   {ErrorCode::InvalidArgument, QStringLiteral("usage: explain --contact ID [--at ISO-8601-TIME]")});
        return ExitUsage;
    }
    const auto parsedAt = parseAt(options.at, context.clock().nowUtc());
    if (!parsedAt) {
        printError(options.json, parsedAt.error());
        return ExitUsage;
    }
    const QDateTime at = parsedAt.value();
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
