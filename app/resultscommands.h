// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/command.h"

#include <QCommandLineOption>

namespace vsc::app {

// The options only the `suppression` and `results` commands read (--campaign and --region are shared).
struct ResultsCommandOptions
{
    QCommandLineOption format{QStringLiteral("format"), QStringLiteral("results export: csv, xlsx or sav."),
                              QStringLiteral("format")};
    QCommandLineOption reason{QStringLiteral("reason"),
                              QStringLiteral("suppression add, import: why the number must not be called."),
                              QStringLiteral("text")};
    QCommandLineOption search{QStringLiteral("search"), QStringLiteral("suppression list, export: part of the number."),
                              QStringLiteral("digits")};
    QCommandLineOption source{QStringLiteral("source"),
                              QStringLiteral("suppression list, export: manual, import or in_call_opt_out."),
                              QStringLiteral("source")};
};
const ResultsCommandOptions &resultsOptions();

// `suppression add NUMBER [--campaign ID] [--reason TEXT] [--region US]`: prints the new entry's id.
int runSuppressionAdd(const Invocation &call);
// `suppression remove ID`: needs suppression.manage (exit 3 without), audited.
int runSuppressionRemove(const Invocation &call);
// `suppression import FILE.csv [--campaign ID] [--reason TEXT] [--region US]`: counts and every rejected row with
// its line; exit 0 when the file was read.
int runSuppressionImport(const Invocation &call);
// `suppression list [--search DIGITS] [--campaign ID] [--source S] [--json]`.
int runSuppressionList(const Invocation &call);
// `suppression export FILE|-`: CSV (UTF-8 with BOM), `-` for stdout.
int runSuppressionExport(const Invocation &call);
// `results export --campaign ID --format csv|xlsx|sav FILE|-`: one row per call attempt; `-` (CSV only) for stdout;
// progress on stderr. Needs results.export.
int runResultsExport(const Invocation &call);

} // namespace vsc::app
