// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/credentialrepository.h"

#include "services/storage/sql.h"
#include "services/storage/transaction.h"

namespace vsc::services::storage {

Result<std::optional<Credential>> CredentialRepository::forUser(qint64 userId)
{
    auto query = exec(m_database.connection(),
                      QStringLiteral("SELECT password_hash, must_change, failed_attempts, locked_until FROM "
                                     "user_credentials WHERE user_id = ?"),
                      {userId});
    if (!query) {
        return query.error();
    }
    if (!query.value().next()) {
        return std::optional<Credential>();
    }
    const QSqlQuery &q = query.value();
    return std::optional<Credential>(
        Credential{userId, q.value(0).toString(), q.value(1).toBool(), q.value(2).toInt(), dateTimeFromDb(q.value(3))});
}

Result<void> CredentialRepository::setPassword(qint64 userId, const QString &passwordHash, bool mustChange,
                                               const QDateTime &at)
{
    auto stored = exec(m_database.connection(),
                       QStringLiteral("INSERT INTO user_credentials (user_id, password_hash, must_change, "
                                      "failed_attempts, locked_until, changed_at) VALUES (?, ?, ?, 0, NULL, ?) "
                                      "ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, "
                                      "must_change = excluded.must_change, failed_attempts = 0, locked_until = NULL, "
                                      "changed_at = excluded.changed_at"),
                       {userId, passwordHash, mustChange, toDb(at)});
    if (!stored) {
        return stored.error();
    }
    return {};
}

Result<QDateTime> CredentialRepository::recordFailure(qint64 userId, const QDateTime &at, int lockAfter,
                                                      qint64 lockForSeconds)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    auto counted = exec(db,
                        QStringLiteral("UPDATE user_credentials SET failed_attempts = failed_attempts + 1 "
                                       "WHERE user_id = ? RETURNING failed_attempts"),
                        {userId});
    if (!counted) {
        return counted.error();
    }
    QDateTime lockedUntil;
    const int failures = counted.value().next() ? counted.value().value(0).toInt() : 0;
    counted.value().finish(); // SQLite cannot commit while a statement is still open
    if (failures >= lockAfter) {
        lockedUntil = at.addSecs(lockForSeconds);
        auto locked = exec(db,
                           QStringLiteral("UPDATE user_credentials SET failed_attempts = 0, locked_until = ? "
                                          "WHERE user_id = ?"),
                           {toDb(lockedUntil), userId});
        if (!locked) {
            return locked.error();
        }
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return lockedUntil;
}

Result<void> CredentialRepository::recordSuccess(qint64 userId, const QDateTime &at)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    auto cleared = exec(
        db, QStringLiteral("UPDATE user_credentials SET failed_attempts = 0, locked_until = NULL WHERE user_id = ?"),
        {userId});
    if (!cleared) {
        return cleared.error();
    }
    auto seen = exec(db, QStringLiteral("UPDATE users SET last_login_at = ? WHERE id = ?"), {toDb(at), userId});
    if (!seen) {
        return seen.error();
    }
    return transaction.commit();
}

} // namespace vsc::services::storage
