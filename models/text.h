// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <cstring>

namespace vsc {

// A sentence for people that a service writes in English, its arguments kept apart so ui/ can show it in the user's
// language. Services mark the source with QT_TRANSLATE_NOOP("vsc", "...") so lupdate collects it:
//     Text{QT_TRANSLATE_NOOP("vsc", "use 1 to %1 attempts per contact"), {QString::number(kMaxAttempts)}}
// toString() is the English (CLI, logs, files, tests); ui::translated() looks the source up in the "vsc" context.
struct Text
{
    const char *source = nullptr; // a string literal with %1, %2 ...; null: no text
    QStringList args = {};

    [[nodiscard]] bool isEmpty() const { return source == nullptr; }
    // `pattern` with %1..%99 replaced in one pass, so an argument that holds "%2" stays as written.
    [[nodiscard]] static QString fill(const QString &pattern, const QStringList &args)
    {
        QString out;
        out.reserve(pattern.size());
        for (qsizetype i = 0; i < pattern.size(); ++i) {
            const QChar c = pattern.at(i);
            if (c == u'%' && i + 1 < pattern.size() && pattern.at(i + 1).isDigit()) {
                qsizetype end = i + 1;
                int number = 0;
                while (end < pattern.size() && pattern.at(end).isDigit() && end < i + 3) {
                    number = number * 10 + pattern.at(end).digitValue();
                    ++end;
                }
                if (number >= 1 && number <= args.size()) {
                    out += args.at(number - 1);
                    i = end - 1;
                    continue;
                }
            }
            out += c;
        }
        return out;
    }
    [[nodiscard]] QString toString() const { return source ? fill(QString::fromUtf8(source), args) : QString(); }

    friend bool operator==(const Text &a, const Text &b)
    {
        const bool same = a.source == b.source || (a.source && b.source && std::strcmp(a.source, b.source) == 0);
        return same && a.args == b.args;
    }
};

} // namespace vsc
