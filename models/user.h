// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace vsc {

struct Role
{
    qint64 id = 0;
    QString name;
    QString description;
    QStringList permissions; // e.g. "campaign.run", "users.manage"
    bool builtin = false;    // admin, supervisor, operator, viewer: cannot be renamed or removed
};

enum class AuthSource { Local, Oidc };

struct User
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QString email;
    AuthSource authSource = AuthSource::Local;
    bool disabled = false;
    QStringList roles;
    QDateTime createdAt;
    QDateTime lastLoginAt;
    // Local accounts: from user_credentials (users()/byId() only).
    bool hasPassword = false;
    bool mustChangePassword = false;
    int failedAttempts = 0;
    QDateTime lockedUntil;
    // Identity-provider accounts: the issuer and subject that sign in as this user (empty subject: invited).
    QString oidcIssuer;
    QString oidcSubject;
};

} // namespace vsc

Q_DECLARE_METATYPE(vsc::User)
