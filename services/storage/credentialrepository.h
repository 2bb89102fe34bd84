// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/storage/database.h"

#include <QDateTime>

#include <optional>

namespace vsc::services::storage {

struct Credential
{
    qint64 userId = 0;
    QString passwordHash; // argon2id, crypto_pwhash_str format
    bool mustChange = false;
    int failedAttempts = 0;
    QDateTime lockedUntil; // invalid: not locked
};

// Local accounts' password hashes and failed attempts (user_credentials, kept apart from users so PostgreSQL can
// guard them on their own). Synchronous, calling thread.
class CredentialRepository final
{
public:
    explicit CredentialRepository(Database &database) : m_database(database) {}

    Result<std::optional<Credential>> forUser(qint64 userId);
    // Sets (or replaces) the password; clears failures and any lock.
    Result<void> setPassword(qint64 userId, const QString &passwordHash, bool mustChange, const QDateTime &at);
    // Counts a failed attempt in one statement (concurrent failures all count). At `lockAfter` failures the account
    // is locked until `at + lockFor` and the count starts again. Returns the lock's end, or an invalid time.
    Result<QDateTime> recordFailure(qint64 userId, const QDateTime &at, int lockAfter, qint64 lockForSeconds);
    // A successful sign-in: failures cleared, users.last_login_at set.
    Result<void> recordSuccess(qint64 userId, const QDateTime &at);

private:
    Database &m_database;
};

} // namespace vsc::services::storage
