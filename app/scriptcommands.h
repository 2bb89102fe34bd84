// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTextStream>

namespace vsc::app {

// `voicesurvey-console script validate FILE [--json]`: every problem with its location; exit 0 only when there are
// no errors (warnings are printed but do not fail).
int runScriptValidate(const QString &path, bool json);

// `voicesurvey-console simulate FILE [--json]`: walks the script in the terminal. Reads one caller input per line
// from `in` (digits, words, "words @0.3" for a confidence, an empty line for silence, "rec" for a recording,
// "quit"), prints what the caller would hear and, at the end, the recorded answers. `language` (a contact's BCP 47
// tag, may be empty) picks the script's language variant as a call does.
int runSimulate(const QString &path, bool json, QTextStream &in, QTextStream &out, const QString &language = {});

class AppContext;

// `script import FILE [--name NAME]`: a new script from a JSON file; prints its script and version ids.
int runScriptImport(AppContext &context, const QString &databaseUrl, const QString &path, const QString &name,
                    bool json);
// `script export --script-version ID FILE|-`: a stored version's document to FILE, or stdout for "-".
int runScriptExport(AppContext &context, const QString &databaseUrl, const QString &versionId, const QString &path,
                    bool json);
// `script list`: every script with its versions.
int runScriptList(AppContext &context, const QString &databaseUrl, bool json);

} // namespace vsc::app
