// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace vsc::services::results {

// Text a spreadsheet would take for a formula (first character = + - @, tab or carriage return), prefixed with a
// single quote as OWASP's "CSV injection" advice says, so it is shown, never evaluated. Plain numbers and E.164
// numbers ("-3", "+14155550100") are no formula and stay as they are. Everything else unchanged.
QString neutralizeFormula(const QString &cell);
[[nodiscard]] bool looksLikeFormula(const QString &cell);

// One RFC 4180 record: fields with a comma, quote, CR or LF quoted (quotes doubled), each neutralised first,
// UTF-8, ended by CRLF.
QByteArray csvRecord(const QStringList &fields);
// What a CSV file starts with: the UTF-8 byte order mark, so Excel reads the file as UTF-8 rather than the
// machine's ANSI code page (our own parser and RFC 4180 readers skip it).
inline constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";

} // namespace vsc::services::results
