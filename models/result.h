// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/text.h"

#include <QString>

#include <utility>
#include <variant>

namespace vsc {

// Services return codes; ui/ turns them into translated text.
enum class ErrorCode {
    InvalidArgument,
    NotFound,
    Database,
    ConnectionLost,
    Migration,
    SchemaTooNew,
    Io,
    Network,
    PermissionDenied,
    Conflict,
    Secret,
    Internal,
    Unauthenticated,        // nobody is signed in, or the login maps to no app role
    AccountDisabled,        // the user exists and is disabled
    AccountLocked,          // too many failed passwords; detail says until when
    PasswordPolicy,         // a new password is too short, common or the username
    PasswordChangeRequired, // signed in with a temporary password: change it first
    TokenRejected,          // an identity provider's token failed a check (signature, issuer, audience, nonce, expiry)
    IdentityProvider,       // the identity provider answered with an error or could not be reached
    LastAdmin,              // the change would leave no enabled admin
};

QString errorCodeName(ErrorCode code);

struct [[nodiscard]] Error
{
    ErrorCode code = ErrorCode::Internal;
    QString detail;
    int providerCode = 0; // the telephony provider's own code (Twilio's 21211), 0 when there is none
    // The operation may have taken effect although it failed (a call create whose answer was lost): never repeat it
    // blindly; find out first.
    bool ambiguous = false;
    // The detail as a sentence for people, when the service wrote one (detail is then its English): ui/ shows it in
    // the user's language. Empty for details only an administrator reads (database and network messages).
    Text text = {};

    [[nodiscard]] QString toString() const { return errorCodeName(code) + QStringLiteral(": ") + detail; }
    [[nodiscard]] static Error because(ErrorCode code, Text text)
    {
        Error error{code, text.toString()};
        error.text = std::move(text);
        return error;
    }
};

// An expected-style result over std::variant (switch to std::expected with C++23).
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::move(value)) {}     // NOLINT(google-explicit-constructor): implicit by design
    Result(Error error) : m_data(std::move(error)) {} // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const T &value() const & { return std::get<T>(m_data); }
    [[nodiscard]] T &value() & { return std::get<T>(m_data); }
    [[nodiscard]] T &&value() && { return std::get<T>(std::move(m_data)); }
    [[nodiscard]] const Error &error() const { return std::get<Error>(m_data); }

    [[nodiscard]] T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_data;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {} // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    [[nodiscard]] const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

} // namespace vsc
