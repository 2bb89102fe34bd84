// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "services/auth/local/passwordhasher.h"
#include "services/clock.h"
#include "services/storage/database.h"

namespace vsc::services::auth {

// Sign-in with a local account's username and password (the embedded default, and a fallback next to the
// identity provider). Every attempt is audited ("auth.signin" / "auth.signin.failed", never with the password).
// After kLockAfter failures in a row the account is locked for kLockMinutes, whatever password comes next.
// Synchronous, calling thread; hashing costs ~0.1 s of CPU at the interactive cost.
class LocalSignIn final
{
public:
    LocalSignIn(storage::Database &database, Clock &clock, const PasswordHasher &hasher);

    static constexpr int kLockAfter = 10;
    static constexpr int kLockMinutes = 15;

    // Unauthenticated for an unknown user or a wrong password (the same message, so names cannot be probed),
    // AccountLocked, AccountDisabled, or PasswordChangeRequired after an admin's reset (then changePassword()).
    Result<Actor> signIn(const QString &username, const QString &password);
    // Changes a password after checking the current one and the policy; clears "must change". For the signed-in
    // user's own password and for the forced change after a reset (before signing in).
    Result<void> changePassword(const QString &username, const QString &currentPassword, const QString &newPassword);

private:
    Result<qint64> checkPassword(const QString &username, const QString &password, bool countFailure);
    void auditFailure(const QString &username, std::optional<qint64> userId, const QString &reason);

    storage::Database &m_database;
    Clock &m_clock;
    const PasswordHasher &m_hasher;
};

} // namespace vsc::services::auth
