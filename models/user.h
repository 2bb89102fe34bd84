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
};

} // namespace vsc

Q_DECLARE_METATYPE(vsc::User)
