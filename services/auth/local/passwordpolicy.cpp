// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/local/passwordpolicy.h"

#include <QFile>
#include <QList>
#include <QScopeGuard>
#include <QSet>
#include <QStringView>

#include <sodium.h>

#include <optional>

namespace vsc::services::auth {

namespace {

constexpr int kMinimumUsernameLength = 3;
constexpr qsizetype kLongestRepeatedBlock = 3; // "abcabcabcabc", "ababababab"

// Zeroes a temporary copy of the password before it is freed. Only for strings this file made (never shared).
void wipe(QString &text)
{
    if (!text.isEmpty())
        sodium_memzero(text.data(), static_cast<size_t>(text.size()) * sizeof(QChar));
}

void wipe(QList<uint> &codePoints)
{
    if (!codePoints.isEmpty())
        sodium_memzero(codePoints.data(), static_cast<size_t>(codePoints.size()) * sizeof(uint));
}

qsizetype codePointCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

bool isStrippable(QChar c)
{
    return c.isDigit() || c.isPunct() || c.isSymbol() || c.isSpace();
}

// The text without its trailing digits, punctuation, symbols and spaces ("password123!" -> "password").
QStringView withoutTrailingDecoration(QStringView text)
{
    qsizetype end = text.size();
    while (end > 0 && isStrippable(text.at(end - 1)))
        --end;
    return text.first(end);
}

// Case-folded entries of the built-in list, each as written and without its trailing decoration. Nothing when the
// resource cannot be read.
std::optional<QSet<QString>> loadCommonPasswords()
{
    QFile file(QStringLiteral(":/auth/common-passwords.lst"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QSet<QString> entries;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("#!comment:"))
            continue;
        const QString entry = QString::fromUtf8(line.trimmed()).toCaseFolded();
        if (entry.isEmpty())
            continue;
        entries.insert(entry);
        const QStringView stripped = withoutTrailingDecoration(entry);
        if (!stripped.isEmpty())
            entries.insert(stripped.toString());
    }
    if (entries.isEmpty())
        return std::nullopt;
    return entries;
}

const std::optional<QSet<QString>> &commonPasswords()
{
    static const std::optional<QSet<QString>> entries = loadCommonPasswords();
    return entries;
}

// The step from one code point to the next in a simple sequence: digits and ASCII letters wrap around
// ("...7890", "xyzab"), anything else is its plain code point difference.
int step(uint from, uint to)
{
    const auto wrapped = [](int difference, int period) {
        return ((difference % period) + period + period / 2) % period - period / 2;
    };
    const auto inRange = [](uint c, uint first, uint last) { return c >= first && c <= last; };
    const int difference = static_cast<int>(to) - static_cast<int>(from);
    if (inRange(from, '0', '9') && inRange(to, '0', '9'))
        return wrapped(difference, 10);
    if (inRange(from, 'a', 'z') && inRange(to, 'a', 'z'))
        return wrapped(difference, 26);
    return difference;
}

// One repeated character, a block of up to kLongestRepeatedBlock code points repeated, or a run going up or down
// by one ("abcdefghijkl", "123456789012", "987654321098").
bool isTrivialPattern(const QList<uint> &codePoints)
{
    const qsizetype n = codePoints.size();
    if (n < 2)
        return true;
    for (qsizetype block = 1; block <= kLongestRepeatedBlock && block < n; ++block) {
        bool repeats = true;
        for (qsizetype i = block; i < n && repeats; ++i)
            repeats = codePoints.at(i) == codePoints.at(i - block);
        if (repeats)
            return true;
    }
    const int direction = step(codePoints.at(0), codePoints.at(1));
    if (direction != 1 && direction != -1)
        return false;
    for (qsizetype i = 2; i < n; ++i) {
        if (step(codePoints.at(i - 1), codePoints.at(i)) != direction)
            return false;
    }
    return true;
}

Error rejected(const QString &detail)
{
    return Error{ErrorCode::PasswordPolicy, detail};
}

} // namespace

Result<void> PasswordPolicy::check(const QString &password, const QString &username) const
{
    if (codePointCount(password) < kMinimumLength) {
        return rejected(QStringLiteral("the password is shorter than %1 characters").arg(kMinimumLength));
    }

    QString folded = password.toCaseFolded();
    QString stripped = withoutTrailingDecoration(folded).toString();
    QList<uint> codePoints = folded.toUcs4();
    const auto wipeCopies = qScopeGuard([&] {
        wipe(folded);
        wipe(stripped);
        wipe(codePoints);
    });

    const QString foldedUsername = username.trimmed().toCaseFolded();
    if (codePointCount(foldedUsername) >= kMinimumUsernameLength && folded.contains(foldedUsername))
        return rejected(QStringLiteral("the password contains the username"));

    const std::optional<QSet<QString>> &common = commonPasswords();
    if (!common)
        return Error{ErrorCode::Internal, QStringLiteral("the built-in list of common passwords could not be read")};
    if (common->contains(folded) || (!stripped.isEmpty() && common->contains(stripped)))
        return rejected(QStringLiteral("the password is a commonly used password"));

    if (isTrivialPattern(codePoints))
        return rejected(QStringLiteral("the password is a repeated character or pattern, or a simple sequence"));

    return {};
}

} // namespace vsc::services::auth
