// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "models/user.h"
#include "services/auth/local/passwordhasher.h"
#include "services/clock.h"
#include "services/storage/database.h"

namespace vsc::services::users {

struct NewLocalUser
{
    QString username;
    QString displayName;
    QString email;
    QStringList roles;
    QString password;
    bool mustChange = true; // an admin chose it: the user picks their own at first sign-in
};

// Users and their roles, for admins (users.manage). Every change is checked here, whatever the UI shows, and
// audited with what it was before and after. The last enabled admin can be neither disabled nor demoted.
// Synchronous, calling thread.
class UserService final
{
public:
    UserService(storage::Database &database, Clock &clock, const auth::PasswordHasher &hasher);

    Result<QList<User>> users(const Actor &actor);
    Result<qint64> createLocal(const Actor &actor, const NewLocalUser &user);
    // An identity-provider user, before their first sign-in: matched by e-mail (verified by the provider) or by
    // subject, then given these roles.
    Result<qint64> inviteOidc(const Actor &actor, const QString &emailOrSubject, const QString &displayName,
                              const QStringList &roles);
    Result<void> setDisabled(const Actor &actor, qint64 userId, bool disabled);
    Result<void> setRoles(const Actor &actor, qint64 userId, const QStringList &roles);
    // A temporary password the user must change at the next sign-in; clears a lock.
    Result<void> resetPassword(const Actor &actor, qint64 userId, const QString &temporaryPassword);

    // True while no enabled admin exists: the console then asks for one before anything else.
    Result<bool> needsFirstAdmin();
    // Only while needsFirstAdmin(); the account needs no password change.
    Result<qint64> createFirstAdmin(const NewLocalUser &user);

private:
    Result<qint64> insertLocal(const Actor &actor, const NewLocalUser &user);
    Result<User> existing(qint64 userId);
    // LastAdmin when `leaving` is an admin and no other enabled admin would remain.
    Result<void> keepAnAdmin(const User &leaving);
    Result<void> audit(const Actor &actor, const QString &action, qint64 userId, const QVariantMap &before,
                       const QVariantMap &after);

    storage::Database &m_database;
    Clock &m_clock;
    const auth::PasswordHasher &m_hasher;
};

// Roles and their permissions. Anyone signed in may read them (roles.manage to change them); admin's own
// users.manage and roles.manage cannot be taken away, so nobody can lock everyone out.
class RoleService final
{
public:
    RoleService(storage::Database &database, Clock &clock);

    Result<QList<Role>> roles(const Actor &actor);
    Result<qint64> create(const Actor &actor, const QString &name, const QString &description,
                          const PermissionSet &permissions);
    Result<void> setPermissions(const Actor &actor, qint64 roleId, const PermissionSet &permissions);

private:
    storage::Database &m_database;
    Clock &m_clock;
};

} // namespace vsc::services::users
