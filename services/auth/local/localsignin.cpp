// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/local/localsignin.h"

#include "services/auth/actorresolver.h"
#include "services/auth/local/passwordpolicy.h"
#include "services/logging/logging.h"
#include "services/storage/auditrepository.h"
#include "services/storage/credentialrepository.h"
#include "services/storage/userrepository.h"

#include <sodium.h>

namespace vsc::services::auth {

namespace {

// Wipes the UTF-8 copy of a password when it goes out of scope.
class PasswordBytes final
{
public:
    explicit PasswordBytes(const QString &password) : m_bytes(password.toUtf8()) {}
    ~PasswordBytes() { sodium_memzero(m_bytes.data(), std::size_t(m_bytes.size())); }
    Q_DISABLE_COPY_MOVE(PasswordBytes)
    [[nodiscard]] QByteArrayView view() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

Error wrongCredentials()
{
    return {ErrorCode::Unauthenticated, QStringLiteral("wrong username or password")};
}

} // namespace

LocalSignIn::LocalSignIn(storage::Database &database, Clock &clock, const PasswordHasher &hasher)
    : m_database(database), m_clock(clock), m_hasher(hasher)
{
}

void LocalSignIn::auditFailure(const QString &username, std::optional<qint64> userId, const QString &reason)
{
    storage::AuditEntry entry;
    entry.at = m_clock.nowUtc();
    entry.actorUserId = userId;
    entry.actorName = username.left(200);
    entry.action = QStringLiteral("auth.signin.failed");
    entry.entityType = QStringLiteral("user");
    entry.entityId = userId;
    entry.details = {{QStringLiteral("method"), QStringLiteral("local")}, {QStringLiteral("reason"), reason}};
    if (auto logged = storage::AuditRepository(m_database).record(entry); !logged) {
        logging::logger("vsc.auth")
            ->warn("cannot record a failed sign-in: {}", logged.error().toString().toStdString());
    }
}

Result<qint64> LocalSignIn::checkPassword(const QString &username, const QString &password, bool countFailure)
{
    const PasswordBytes bytes(password);
    auto user = storage::UserRepository(m_database).byUsername(username.trimmed());
    if (!user) {
        return user.error();
    }
    std::optional<storage::Credential> credential;
    if (user.value() && user.value()->authSource == AuthSource::Local) {
        auto stored = storage::CredentialRepository(m_database).forUser(user.value()->id);
        if (!stored) {
            return stored.error();
        }
        credential = stored.value();
    }
    if (!credential) {
        // Spend the same time as a real check, so a wrong name cannot be told from a wrong password.
        static const QString dummy = m_hasher.hash("not a real password").valueOr(QString());
        (void)m_hasher.verify(dummy, bytes.view());
        auditFailure(username, std::nullopt, QStringLiteral("unknown user or no local password"));
        return wrongCredentials();
    }
    const qint64 userId = user.value()->id;
    const QDateTime now = m_clock.nowUtc();
    if (credential->lockedUntil.isValid() && credential->lockedUntil > now) {
        auditFailure(username, userId, QStringLiteral("locked"));
        return Error{ErrorCode::AccountLocked,
                     QStringLiteral("try again after %1 UTC")
                         .arg(credential->lockedUntil.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")))};
    }
    if (!m_hasher.verify(credential->passwordHash, bytes.view())) {
        QDateTime lockedUntil;
        if (countFailure) {
            auto counted = storage::CredentialRepository(m_database)
                               .recordFailure(userId, now, kLockAfter, qint64(kLockMinutes) * 60);
            if (!counted) {
                return counted.error();
            }
            lockedUntil = counted.value();
        }
        auditFailure(username, userId,
                     lockedUntil.isValid() ? QStringLiteral("wrong password; locked")
                                           : QStringLiteral("wrong password"));
        if (lockedUntil.isValid()) {
            return Error{ErrorCode::AccountLocked,
                         QStringLiteral("%1 failed attempts: try again after %2 UTC")
                             .arg(kLockAfter)
                             .arg(lockedUntil.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")))};
        }
        return wrongCredentials();
    }
    if (m_hasher.needsRehash(credential->passwordHash)) {
        // Stored at another cost (the demo's, or an older default): upgrade now that the password is at hand.
        if (auto rehashed = m_hasher.hash(bytes.view())) {
            (void)storage::CredentialRepository(m_database)
                .setPassword(userId, rehashed.value(), credential->mustChange, now);
        }
    }
    return userId;
}

Result<Actor> LocalSignIn::signIn(const QString &username, const QString &password)
{
    auto userId = checkPassword(username, password, true);
    if (!userId) {
        return userId.error();
    }
    auto credential = storage::CredentialRepository(m_database).forUser(userId.value());
    if (!credential) {
        return credential.error();
    }
    auto actor = ActorResolver(m_database).forUser(userId.value());
    if (!actor) {
        auditFailure(username, userId.value(), errorCodeName(actor.error().code));
        return actor.error();
    }
    if (credential.value() && credential.value()->mustChange) {
        auditFailure(username, userId.value(), QStringLiteral("password change required"));
        return Error{ErrorCode::PasswordChangeRequired,
                     QStringLiteral("the password was reset by an administrator; choose a new one")};
    }
    const QDateTime now = m_clock.nowUtc();
    if (auto recorded = storage::CredentialRepository(m_database).recordSuccess(userId.value(), now); !recorded) {
        return recorded.error();
    }
    storage::AuditEntry entry =
        storage::auditEntry(actor.value(), QStringLiteral("auth.signin"), QStringLiteral("user"), userId.value());
    entry.at = now;
    entry.details = {{QStringLiteral("method"), QStringLiteral("local")}};
    if (auto logged = storage::AuditRepository(m_database).record(entry); !logged) {
        return logged.error();
    }
    return actor;
}

Result<void> LocalSignIn::changePassword(const QString &username, const QString &currentPassword,
                                         const QString &newPassword)
{
    if (auto allowed = PasswordPolicy().check(newPassword, username); !allowed) {
        return allowed;
    }
    if (newPassword == currentPassword) {
        return Error::because(ErrorCode::PasswordPolicy,
                              Text{QT_TRANSLATE_NOOP("vsc", "the new password must differ from the current one")});
    }
    auto userId = checkPassword(username, currentPassword, true);
    if (!userId) {
        return userId.error();
    }
    const PasswordBytes bytes(newPassword);
    auto hashed = m_hasher.hash(bytes.view());
    if (!hashed) {
        return hashed.error();
    }
    const QDateTime now = m_clock.nowUtc();
    if (auto stored = storage::CredentialRepository(m_database).setPassword(userId.value(), hashed.value(), false, now);
        !stored) {
        return stored;
    }
    storage::AuditEntry entry;
    entry.at = now;
    entry.actorUserId = userId.value();
    entry.actorName = username.trimmed();
    entry.action = QStringLiteral("user.password.change");
    entry.entityType = QStringLiteral("user");
    entry.entityId = userId.value();
    if (auto logged = storage::AuditRepository(m_database).record(entry); !logged) {
        return logged.error();
    }
    return {};
}

} // namespace vsc::services::auth
