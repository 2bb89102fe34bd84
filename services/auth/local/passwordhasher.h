// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"

#include <QByteArrayView>
#include <QString>

namespace vsc::services::auth {

// Local-account password hashes: argon2id through libsodium's crypto_pwhash_str_alg, stored as the encoded string
// ("$argon2id$v=19$m=65536,t=2,p=1$<salt>$<hash>"), which carries its own salt and cost.
// https://doc.libsodium.org/password_hashing/default_phf
//
// Synchronous and thread-safe: any thread may call any method, on one object or several. hash() and verify() take
// the cost's time and memory (Interactive: about 64 MiB and a fraction of a second), so keep them off the GUI thread.
// The password is never copied, logged or kept.
class PasswordHasher final
{
public:
    // libsodium's presets. Minimum is for tests only: it protects nothing.
    enum class Cost {
        Interactive, // crypto_pwhash_OPSLIMIT_INTERACTIVE / MEMLIMIT_INTERACTIVE (64 MiB): sign-in
        Moderate,    // crypto_pwhash_OPSLIMIT_MODERATE / MEMLIMIT_MODERATE (256 MiB)
        Minimum,     // crypto_pwhash_OPSLIMIT_MIN / MEMLIMIT_MIN: tests only
    };

    explicit PasswordHasher(Cost cost = Cost::Interactive);

    // A new argon2id hash with a fresh random salt. ErrorCode::Internal when libsodium cannot be initialised or
    // the hash fails (out of memory).
    [[nodiscard]] Result<QString> hash(QByteArrayView password) const;

    // True when the password matches a stored hash (argon2id, or argon2i written by older code). A malformed or
    // oversized stored string is false, never an error.
    [[nodiscard]] bool verify(const QString &stored, QByteArrayView password) const;

    // True when the stored hash is not argon2id at this hasher's cost (weaker, stronger, another algorithm or
    // malformed): after a successful verify(), hash the password again and store the new string.
    [[nodiscard]] bool needsRehash(const QString &stored) const;

    [[nodiscard]] Cost cost() const { return m_cost; }

private:
    Cost m_cost;
};

} // namespace vsc::services::auth
