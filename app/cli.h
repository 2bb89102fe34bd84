// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace vsc::app {

class AppContext;

// Exit codes of the headless subcommands (documented in README).
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2, ExitUnavailable = 3, ExitSchema = 4 };

int exitCodeFor(const Error &error);
// For a command whose input names a campaign or contact: one that does not exist is bad input (2), not a failure.
int exitCodeForInput(const Error &error);
// Prints either a JSON document (--json) or the human text; errors go to stderr.
void printResult(bool json, const QJsonObject &document, const QString &humanText);
void printError(bool json, const Error &error);

struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0; // 0 = any free port
};
// --listen's HOST:PORT; InvalidArgument, saying what it wants, otherwise.
Result<ListenAddress> parseListen(const QString &listen);

// Opens the database and resolves who runs the command (AppContext::headlessActor) into `actor`; on failure prints
// why and returns the exit code.
std::optional<int> openAsHeadless(AppContext &context, const QString &databaseUrl, bool json, Actor &actor);

// --at: an ISO 8601 time in UTC, or `now` when the option was not given; InvalidArgument saying what it wants.
Result<QDateTime> parseAt(const QString &at, const QDateTime &now);

// A URL as it may be printed or logged: user info (https://user:secret@host, which Twilio accepts for basic auth on
// webhooks) shown as "***".
QString redactedUrl(const QUrl &url);
// --twilio-api-url: https, or plain http only to this machine (127.0.0.0/8, ::1, localhost), since every request
// carries the account's Basic credentials. InvalidArgument otherwise; an empty value is the default.
Result<QUrl> parseTwilioApiUrl(const QString &value);

// `migrate` and `seed-demo`: open (and migrate) the database through `context`.
int runMigrate(AppContext &context, const QString &databaseUrl, bool json);
int runSeedDemo(AppContext &context, const QString &databaseUrl, bool json);

} // namespace vsc::app
