// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli.h"

#include "app/appcontext.h"
#include "services/auth/authorizer.h"
#include "services/demo/demoseeder.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace vsc::app {

int exitCodeFor(const Error &error)
{
    switch (error.code) {
    case ErrorCode::InvalidArgument:
        return ExitUsage;
    case ErrorCode::ConnectionLost:
    case ErrorCode::PermissionDenied: // the caller lacks the right: as unavailable to them as a lost server
    case ErrorCode::Unauthenticated:
        return ExitUnavailable;
    case ErrorCode::SchemaTooNew:
    case ErrorCode::Migration:
        return ExitSchema;
    default:
        return ExitFailure;
    }
}

int exitCodeForInput(const Error &error)
{
    return error.code == ErrorCode::NotFound ? ExitUsage : exitCodeFor(error);
}

void printResult(bool json, const QJsonObject &document, const QString &humanText)
{
    const QByteArray text =
        json ? QJsonDocument(document).toJson(QJsonDocument::Indented) : (humanText + u'\n').toUtf8();
    std::fwrite(text.constData(), 1, std::size_t(text.size()), stdout);
    std::fflush(stdout);
}

void printError(bool json, const Error &error)
{
    if (json) {
        printResult(
            true,
            QJsonObject{{QStringLiteral("ok"), false},
                        {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), errorCodeName(error.code)},
                                                              {QStringLiteral("message"), error.detail}}}},
            {});
    }
    const QByteArray text = (QStringLiteral("voicesurvey-console: ") + error.toString() + u'\n').toUtf8();
    std::fwrite(text.constData(), 1, std::size_t(text.size()), stderr);
}

Result<ListenAddress> parseListen(const QString &listen)
{
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    const int port = colon > 0 ? listen.mid(colon + 1).toInt(&portOk) : -1;
    const QHostAddress address(colon > 0 ? listen.left(colon) : QString());
    if (!portOk || port < 0 || port > 65535 || address.isNull()) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("--listen wants HOST:PORT such as 127.0.0.1:8089, not '%1'").arg(listen)};
    }
    return ListenAddress{address, quint16(port)};
}

std::optional<int> openAsHeadless(AppContext &context, const QString &databaseUrl, bool json, Actor &actor)
{
    if (auto opened = context.openDatabase(databaseUrl); !opened) {
        printError(json, opened.error());
        return exitCodeFor(opened.error());
    }
    auto acting = context.headlessActor();
    if (!acting) {
        printError(json, acting.error());
        return exitCodeFor(acting.error());
    }
    actor = acting.value();
    return std::nullopt;
}

Result<QDateTime> parseAt(const QString &at, const QDateTime &now)
{
    if (at.isEmpty()) {
        return now;
    }
    const QDateTime parsed = QDateTime::fromString(at, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("--at wants an ISO 8601 time such as 2026-11-23T14:00:00Z, not '%1'").arg(at)};
    }
    return parsed.toUTC();
}

QString redactedUrl(const QUrl &url)
{
    if (url.userInfo().isEmpty()) {
        return url.toString();
    }
    QUrl shown = url;
    shown.setUserInfo(QStringLiteral("***"));
    return shown.toString();
}

Result<QUrl> parseTwilioApiUrl(const QString &value)
{
    if (value.isEmpty()) {
        return QUrl();
    }
    const QUrl url(value, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("--twilio-api-url wants an https URL such as https://api.dublin.ie1.twilio.com, "
                                    "not '%1'")
                         .arg(redactedUrl(url))};
    }
    const QHostAddress address(url.host());
    const bool loopback = url.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
                          (!address.isNull() && address.isLoopback());
    if (scheme == QLatin1String("http") && !loopback) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("--twilio-api-url %1 is plain http: the account's credentials would cross the "
                                    "network in clear; use https (plain http is allowed only to 127.0.0.1, ::1 or "
                                    "localhost)")
                         .arg(redactedUrl(url))};
    }
    return url;
}

int runMigrate(AppContext &context, const QString &databaseUrl, bool json)
{
    auto report = context.openDatabase(databaseUrl);
    if (!report) {
        printError(json, report.error());
        return exitCodeFor(report.error());
    }
    const auto &r = report.value();
    QJsonArray applied;
    for (int version : r.applied) {
        applied.append(version);
    }
    printResult(json,
                {{QStringLiteral("ok"), true},
                 {QStringLiteral("database"), context.database().config().displayName()},
                 {QStringLiteral("fromVersion"), r.fromVersion},
                 {QStringLiteral("toVersion"), r.toVersion},
                 {QStringLiteral("applied"), applied}},
                r.applied.isEmpty() ? QStringLiteral("Schema is up to date at version %1.").arg(r.toVersion)
                                    : QStringLiteral("Migrated schema from version %1 to %2 (%3 migration(s) applied).")
                                          .arg(r.fromVersion)
                                          .arg(r.toVersion)
                                          .arg(r.applied.size()));
    return ExitOk;
}

int runSeedDemo(AppContext &context, const QString &databaseUrl, bool json)
{
    auto migrated = context.openDatabase(databaseUrl);
    if (!migrated) {
        printError(json, migrated.error());
        return exitCodeFor(migrated.error());
    }
    // The demo creates accounts: only someone who may manage users may seed it.
    auto actor = context.headlessActor();
    if (!actor) {
        printError(json, actor.error());
        return exitCodeFor(actor.error());
    }
    if (auto allowed = services::auth::Authorizer(context.database())
                           .require(actor.value(), Permission::UsersManage, QStringLiteral("seed the demo"));
        !allowed) {
        printError(json, allowed.error());
        return exitCodeFor(allowed.error());
    }
    services::demo::DemoSeeder seeder(context.database(), context.clock());
    auto report = seeder.seed();
    if (!report) {
        printError(json, report.error());
        return exitCodeFor(report.error());
    }
    const auto &r = report.value();
    printResult(
        json,
        {{QStringLiteral("ok"), true},
         {QStringLiteral("alreadySeeded"), r.alreadySeeded},
         {QStringLiteral("campaignId"), r.campaignId},
         {QStringLiteral("users"), r.users},
         {QStringLiteral("contacts"), r.contacts},
         {QStringLiteral("attempts"), r.attempts},
         {QStringLiteral("events"), r.events},
         {QStringLiteral("answers"), r.answers},
         {QStringLiteral("optOuts"), r.optOuts},
         {QStringLiteral("liveCalls"), r.liveCalls},
         {QStringLiteral("demoAccounts"), QJsonArray::fromStringList(services::demo::DemoSeeder::demoAccounts())}},
        (r.alreadySeeded ? QStringLiteral("Demo data is already present (campaign %1).").arg(r.campaignId)
                         : QStringLiteral("Seeded demo campaign %1: %2 contacts, %3 call attempts, %4 answers.")
                               .arg(r.campaignId)
                               .arg(r.contacts)
                               .arg(r.attempts)
                               .arg(r.answers)) +
            QStringLiteral("\nDemo accounts (the passwords are public: never use the demo on real data):\n  ") +
            services::demo::DemoSeeder::demoAccounts().join(QStringLiteral("\n  ")));
    return ExitOk;
}

} // namespace vsc::app
