// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"

#include <QString>

namespace vsc::services::auth {

// What a new local-account password must not be (NIST SP 800-63B 5.1.1.2: a minimum length and a block list, no
// composition rules): shorter than kMinimumLength characters, the username or something containing it, a common
// password, or one repeated character, a short repeated pattern or a simple sequence.
//
// The common passwords are John the Ripper's password.lst from Debian's john-data package, built into the binary as
// the resource :/auth/common-passwords.lst (services/auth/local/sources.cmake). They are compared case-insensitively,
// as written and with trailing digits, punctuation and symbols stripped from both sides, so "Password123456" and
// "qwertyuiop2024!" count as "password" and "qwertyuiop".
//
// Synchronous, thread-safe, no I/O after the first call (which reads the list once from the resource).
class PasswordPolicy final
{
public:
    static constexpr int kMinimumLength = 12; // in Unicode code points, not UTF-16 units

    // Ok, or ErrorCode::PasswordPolicy whose detail says which rule failed; the detail never contains the password.
    // The username rule applies to usernames of 3 or more characters. Case-insensitive means Qt's simple case folding
    // (QString::toCaseFolded: "Ü" matches "ü", "ß" does not match "ss"). ErrorCode::Internal if the built-in list
    // cannot be read (the check then fails closed).
    [[nodiscard]] Result<void> check(const QString &password, const QString &username) const;
};

} // namespace vsc::services::auth
