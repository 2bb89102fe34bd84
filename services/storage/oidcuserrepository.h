// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/storage/database.h"

#include <optional>

namespace vsc::services::storage {

// Identity-provider users, keyed by issuer and subject (never by e-mail, which can change hands). Synchronous.
class OidcUserRepository final
{
public:
    explicit OidcUserRepository(Database &database) : m_database(database) {}

    Result<std::optional<qint64>> bySubject(const QString &issuer, const QString &subject);
    // An invitation this sign-in claims: one waiting for this subject, or for this e-mail address when the provider
    // verified it. The user is then bound to (issuer, subject).
    Result<std::optional<qint64>> claimInvitation(const QString &issuer, const QString &subject, const QString &email,
                                                  bool emailVerified);
    // A new user for a first sign-in; the username is the preferred one, made unique with a suffix when taken.
    Result<qint64> provision(const QString &issuer, const QString &subject, const QString &preferredUsername,
                             const QString &displayName, const QString &email, const QDateTime &at);
    // Name and e-mail as the provider now says, so the console follows changes made there.
    Result<void> refreshProfile(qint64 userId, const QString &displayName, const QString &email);

private:
    Database &m_database;
};

} // namespace vsc::services::storage
