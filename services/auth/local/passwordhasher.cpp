// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/local/passwordhasher.h"

#include <sodium.h>

#include <array>
#include <optional>

namespace vsc::services::auth {

namespace {

struct Limits
{
    unsigned long long opslimit;
    size_t memlimit;
};

Limits limitsFor(PasswordHasher::Cost cost)
{
    switch (cost) {
    case PasswordHasher::Cost::Interactive:
        return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
    case PasswordHasher::Cost::Moderate:
        return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
    case PasswordHasher::Cost::Minimum:
        return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
    }
    Q_UNREACHABLE();
}

// sodium_init() is itself safe to call from several threads; the static makes it run once.
bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

using EncodedHash = std::array<char, crypto_pwhash_STRBYTES>;

// The stored string as the NUL-terminated buffer libsodium reads; nothing for non-ASCII or oversized input.
std::optional<EncodedHash> encoded(const QString &stored)
{
    if (stored.isEmpty() || stored.size() >= static_cast<qsizetype>(crypto_pwhash_STRBYTES))
        return std::nullopt;
    EncodedHash buffer{};
    for (qsizetype i = 0; i < stored.size(); ++i) {
        const char16_t c = stored.at(i).unicode();
        if (c == 0 || c > 0x7f)
            return std::nullopt;
        buffer[static_cast<size_t>(i)] = static_cast<char>(c);
    }
    return buffer;
}

} // namespace

PasswordHasher::PasswordHasher(Cost cost) : m_cost(cost)
{
}

namespace {
// libsodium declares the password pointer non-null even for an empty password; an empty view has none.
const char *passwordBytes(QByteArrayView password)
{
    return password.data() != nullptr ? password.data() : "";
}
} // namespace

Result<QString> PasswordHasher::hash(QByteArrayView password) const
{
    if (!sodiumReady())
        return Error{ErrorCode::Internal, QStringLiteral("libsodium could not be initialised")};
    const Limits limits = limitsFor(m_cost);
    EncodedHash out{};
    // Explicitly argon2id (crypto_pwhash_str uses ALG_DEFAULT, which is argon2id in 1.0.18 but could change).
    if (crypto_pwhash_str_alg(out.data(), passwordBytes(password), static_cast<unsigned long long>(password.size()),
                              limits.opslimit, limits.memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return Error{ErrorCode::Internal, QStringLiteral("argon2id hashing failed (out of memory)")};
    }
    return QString::fromLatin1(out.data());
}

bool PasswordHasher::verify(const QString &stored, QByteArrayView password) const
{
    if (!sodiumReady())
        return false;
    const std::optional<EncodedHash> buffer = encoded(stored);
    if (!buffer)
        return false;
    return crypto_pwhash_str_verify(buffer->data(), passwordBytes(password),
                                    static_cast<unsigned long long>(password.size())) == 0;
}

bool PasswordHasher::needsRehash(const QString &stored) const
{
    if (!sodiumReady())
        return true;
    const std::optional<EncodedHash> buffer = encoded(stored);
    if (!buffer)
        return true;
    const Limits limits = limitsFor(m_cost);
    // The argon2id-specific call: it answers -1 for an argon2i string, which the generic one would accept as current.
    return crypto_pwhash_argon2id_str_needs_rehash(buffer->data(), limits.opslimit, limits.memlimit) != 0;
}

} // namespace vsc::services::auth
