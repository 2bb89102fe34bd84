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
// "quit"), prints what the caller would hear and, at the end, the recorded answers.
int runSimulate(const QString &path, bool json, QTextStream &in, QTextStream &out);

} // namespace vsc::app
