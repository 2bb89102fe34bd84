// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/auditcommands.h"

#include "app/appcontext.h"
#include "app/cli.h"
#include "services/auth/authorizer.h"
#include "services/storage/auditrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vsc::app {

namespace {

// Opens the database and checks that whoever runs the command may read the audit log. An exit code on failure.
std::optional<int> openForAudit(AppContext &context, const QString &databaseUrl, bool json, const QString &action)
{
    if (auto opened = context.openDatabase(databaseUrl); !opened) {
        printError(json, opened.error());
        return exitCodeFor(opened.error());
    }
    auto actor = context.headlessActor();
    if (!actor) {
        printError(json, actor.error());
        return exitCodeFor(actor.error());
    }
    auto allowed = services::auth::Authorizer(context.database()).require(actor.value(), Permission::AuditView, action);
    if (!allowed) {
        printError(json, allowed.error());
        return exitCodeFor(allowed.error());
    }
    return std::nullopt;
}

QString mapText(const QVariantMap &map)
{
    return map.isEmpty()
               ? QString()
               : QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(map)).toJson(QJsonDocument::Compact));
}

} // namespace

int runAuditVerify(AppContext &context, const QString &databaseUrl, bool json)
{
    if (auto failed = openForAudit(context, databaseUrl, json, QStringLiteral("audit verify"))) {
        return *failed;
    }
    auto verified = services::storage::AuditRepository(context.database()).verify();
    if (!verified) {
        printError(json, verified.error());
        return exitCodeFor(verified.error());
    }
    const services::storage::AuditVerification &v = verified.value();
    QJsonObject document{{QStringLiteral("ok"), true},
                         {QStringLiteral("intact"), v.intact()},
                         {QStringLiteral("rows"), v.rows},
                         {QStringLiteral("beforeChain"), v.unchained},
                         {QStringLiteral("head"), v.headHash}};
    QString text;
    if (v.intact()) {
        text = QStringLiteral("audit log intact: %1 row(s)%2; head %3")
                   .arg(v.rows)
                   .arg(v.unchained > 0
                            ? QStringLiteral(" (%1 from before the chain began, not verifiable)").arg(v.unchained)
                            : QString())
                   .arg(v.headHash.isEmpty() ? QStringLiteral("(none)") : v.headHash);
    } else {
        document.insert(QStringLiteral("firstBrokenId"), *v.firstBrokenId);
        document.insert(QStringLiteral("reason"), v.reason);
        text = QStringLiteral("audit log BROKEN: first broken row: id %1 (%2); %3 row(s) read")
                   .arg(*v.firstBrokenId)
                   .arg(v.reason)
                   .arg(v.rows);
    }
    printResult(json, document, text);
    return v.intact() ? ExitOk : ExitFailure;
}

int runAuditList(AppContext &context, const AuditListOptions &options)
{
    if (auto failed = openForAudit(context, options.databaseUrl, options.json, QStringLiteral("audit list"))) {
        return *failed;
    }
    services::storage::AuditFilter filter;
    filter.action = options.action;
    filter.actorName = options.actor;
    filter.limit = options.limit;
    auto rows = services::storage::AuditRepository(context.database()).entries(filter);
    if (!rows) {
        printError(options.json, rows.error());
        return exitCodeFor(rows.error());
    }
    QJsonArray array;
    QStringList lines;
    for (const services::storage::AuditEntry &row : rows.value()) {
        const QString entity =
            row.entityId ? QStringLiteral("%1 %2").arg(row.entityType).arg(*row.entityId) : row.entityType;
        array.append(QJsonObject{{QStringLiteral("id"), row.id},
                                 {QStringLiteral("at"), row.at.toString(Qt::ISODateWithMs)},
                                 {QStringLiteral("actor"), row.actorName},
                                 {QStringLiteral("action"), row.action},
                                 {QStringLiteral("entity"), entity},
                                 {QStringLiteral("details"), QJsonObject::fromVariantMap(row.details)},
                                 {QStringLiteral("before"), QJsonObject::fromVariantMap(row.before)},
                                 {QStringLiteral("after"), QJsonObject::fromVariantMap(row.after)}});
        lines << QStringLiteral("%1  %2  %3  %4  %5 %6 %7")
                     .arg(row.id)
                     .arg(row.at.toString(Qt::ISODate), row.actorName.isEmpty() ? QStringLiteral("-") : row.actorName,
                          row.action, entity, mapText(row.details),
                          row.after.isEmpty() ? QString()
                                              : mapText(row.before) + QStringLiteral(" -> ") + mapText(row.after));
    }
    printResult(options.json, {{QStringLiteral("ok"), true}, {QStringLiteral("entries"), array}},
                lines.isEmpty() ? QStringLiteral("no audit entries") : lines.join(u'\n'));
    return ExitOk;
}

} // namespace vsc::app
