// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/oidcuserrepository.h"

#include "services/storage/sql.h"

namespace vsc::services::storage {

Result<std::optional<qint64>> OidcUserRepository::bySubject(const QString &issuer, const QString &subject)
{
    auto id =
        exec(m_database.connection(), QStringLiteral("SELECT id FROM users WHERE oidc_issuer = ? AND oidc_subject = ?"),
             {issuer, subject});
    if (!id) {
        return id.error();
    }
    if (!id.value().next()) {
        return std::optional<qint64>();
    }
    return std::optional<qint64>(id.value().value(0).toLongLong());
}

Result<std::optional<qint64>> OidcUserRepository::claimInvitation(const QString &issuer, const QString &subject,
                                                                  const QString &email, bool emailVerified)
{
    auto claimed = exec(m_database.connection(),
                        QStringLiteral("UPDATE users SET oidc_issuer = ?, oidc_subject = ? WHERE id = (SELECT id FROM "
                                       "users WHERE auth_source = 'oidc' AND oidc_issuer IS NULL AND invited_at IS NOT "
                                       "NULL AND (oidc_subject = ? OR (? AND oidc_subject IS NULL AND lower(email) = "
                                       "lower(?))) ORDER BY id LIMIT 1) RETURNING id"),
                        {issuer, subject, subject, emailVerified && !email.isEmpty(), email});
    if (!claimed) {
        return claimed.error();
    }
    if (!claimed.value().next()) {
        return std::optional<qint64>();
    }
    const qint64 id = claimed.value().value(0).toLongLong();
    claimed.value().finish();
    return std::optional<qint64>(id);
}

Result<qint64> OidcUserRepository::provision(const QString &issuer, const QString &subject,
                                             const QString &preferredUsername, const QString &displayName,
                                             const QString &email, const QDateTime &at)
{
    const QString base = preferredUsername.isEmpty() ? subject.left(64) : preferredUsername.left(60);
    for (int attempt = 0; attempt < 50; ++attempt) {
        const QString username = attempt == 0 ? base : QStringLiteral("%1-%2").arg(base).arg(attempt + 1);
        auto taken = scalar(m_database.connection(), QStringLiteral("SELECT COUNT(*) FROM users WHERE username = ?"),
                            {username});
        if (!taken) {
            return taken.error();
        }
        if (taken.value().toInt() > 0) {
            continue;
        }
        auto id =
            scalar(m_database.connection(),
                   QStringLiteral("INSERT INTO users (username, display_name, email, auth_source, oidc_issuer, "
                                  "oidc_subject, disabled, created_at) VALUES (?, ?, ?, 'oidc', ?, ?, ?, ?) "
                                  "RETURNING id"),
                   {username, displayName.isEmpty() ? username : displayName, email, issuer, subject, false, toDb(at)});
        if (!id) {
            return id.error();
        }
        return id.value().toLongLong();
    }
    return Error{ErrorCode::Conflict, QStringLiteral("no free username for '%1'").arg(base)};
}

Result<void> OidcUserRepository::refreshProfile(qint64 userId, const QString &displayName, const QString &email)
{
    auto updated = exec(m_database.connection(),
                        QStringLiteral("UPDATE users SET display_name = COALESCE(NULLIF(?, ''), display_name), "
                                       "email = COALESCE(NULLIF(?, ''), email) WHERE id = ?"),
                        {displayName, email, userId});
    if (!updated) {
        return updated.error();
    }
    return {};
}

} // namespace vsc::services::storage
