// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/dbcommands.h"

#include "app/appcontext.h"
#include "app/cli.h"
#include "services/storage/postgresprovisioner.h"

#include <QJsonArray>

namespace vsc::app {

namespace {

QJsonArray toJson(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list) {
        array.append(item);
    }
    return array;
}

} // namespace

int runDbProvision(AppContext &context, const ProvisionOptions &options)
{
    using namespace services::storage;
    // Checked before opening: opening would create and migrate an SQLite file.
    const QString url = options.databaseUrl.isEmpty() ? qEnvironmentVariable("VSC_DATABASE_URL") : options.databaseUrl;
    auto config =
        url.isEmpty() ? Result<DatabaseConfig>(DatabaseConfig::embeddedDefault()) : DatabaseConfig::fromUrl(url);
    if (!config) {
        printError(options.json, config.error());
        return exitCodeFor(config.error());
    }
    if (config.value().backend != Backend::Postgres) {
        const Error error{ErrorCode::InvalidArgument,
                          QStringLiteral("db provision creates PostgreSQL roles and grants; %1 has no database "
                                         "logins (protect the file with the operating system's permissions)")
                              .arg(config.value().displayName())};
        printError(options.json, error);
        return exitCodeFor(error);
    }
    QString login;
    QString username;
    if (!options.mapLogin.isEmpty()) {
        login = options.mapLogin.section(u'=', 0, 0).trimmed();
        username = options.mapLogin.section(u'=', 1).trimmed();
        if (login.isEmpty() || username.isEmpty()) {
            const Error error{ErrorCode::InvalidArgument, QStringLiteral("--map-login wants LOGIN=USERNAME")};
            printError(options.json, error);
            return exitCodeFor(error);
        }
    }
    if (auto opened = context.openDatabase(url); !opened) {
        printError(options.json, opened.error());
        return exitCodeFor(opened.error());
    }
    auto report = provision(context.database(), options.rolePrefix);
    if (!report) {
        printError(options.json, report.error());
        return exitCodeFor(report.error());
    }
    if (!login.isEmpty()) {
        if (auto mapped = mapLogin(context.database(), login, username); !mapped) {
            printError(options.json, mapped.error());
            return exitCodeForInput(mapped.error());
        }
    }
    const ProvisionReport &r = report.value();
    QJsonObject document{{QStringLiteral("ok"), true},
                         {QStringLiteral("database"), context.database().config().displayName()},
                         {QStringLiteral("rolePrefix"), r.rolePrefix},
                         {QStringLiteral("rolesCreated"), toJson(r.rolesCreated)},
                         {QStringLiteral("rolesExisting"), toJson(r.rolesExisting)},
                         {QStringLiteral("grants"), toJson(r.grants)},
                         {QStringLiteral("policies"), toJson(r.policies)},
                         {QStringLiteral("ownedObjects"), r.ownedObjects},
                         {QStringLiteral("schemaVersion"), r.migration.toVersion}};
    QStringList lines;
    lines << QStringLiteral("Provisioned %1 (schema version %2).")
                 .arg(context.database().config().displayName())
                 .arg(r.migration.toVersion);
    lines << QStringLiteral("Roles created: %1")
                 .arg(r.rolesCreated.isEmpty() ? QStringLiteral("none") : r.rolesCreated.join(QStringLiteral(", ")));
    lines << QStringLiteral("Roles already there: %1")
                 .arg(r.rolesExisting.isEmpty() ? QStringLiteral("none") : r.rolesExisting.join(QStringLiteral(", ")));
    lines << QStringLiteral("Owner %1owner now owns %2 object(s) of schema public.")
                 .arg(r.rolePrefix)
                 .arg(r.ownedObjects);
    lines << QStringLiteral("Grants:");
    for (const QString &grant : r.grants) {
        lines << QStringLiteral("  ") + grant;
    }
    lines << QStringLiteral("Row-level security:");
    for (const QString &policy : r.policies) {
        lines << QStringLiteral("  ") + policy;
    }
    if (!login.isEmpty()) {
        document.insert(QStringLiteral("mappedLogin"),
                        QJsonObject{{QStringLiteral("login"), login}, {QStringLiteral("username"), username}});
        lines << QStringLiteral("Login %1 acts as user %2.").arg(login, username);
    }
    lines << QStringLiteral("Give each person a login in one role, e.g. CREATE ROLE alice LOGIN PASSWORD '...' IN ROLE "
                            "%1operator; run this again after every migrate.")
                 .arg(r.rolePrefix);
    printResult(options.json, document, lines.join(u'\n'));
    return ExitOk;
}

} // namespace vsc::app
