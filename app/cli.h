// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"

#include <QJsonObject>
#include <QStringList>

namespace vsc::app {

// Exit codes of the headless subcommands (documented in README).
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2, ExitUnavailable = 3, ExitSchema = 4 };

int exitCodeFor(const Error &error);
// Prints either a JSON document (--json) or the human text; errors go to stderr.
void printResult(bool json, const QJsonObject &document, const QString &humanText);
void printError(bool json, const Error &error);

int runMigrate(const QString &databaseUrl, bool json);
int runSeedDemo(const QString &databaseUrl, bool json);

} // namespace vsc::app
