// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QStringList>

namespace vsc::app {

// Exit codes of the headless subcommands (documented in README).
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2, ExitUnavailable = 3, ExitSchema = 4 };

int exitCodeFor(const Error &error);
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

class AppContext;

// `migrate` and `seed-demo`: open (and migrate) the database through `context`.
int runMigrate(AppContext &context, const QString &databaseUrl, bool json);
int runSeedDemo(AppContext &context, const QString &databaseUrl, bool json);

} // namespace vsc::app
