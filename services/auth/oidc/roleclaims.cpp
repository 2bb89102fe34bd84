// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/oidc/roleclaims.h"

#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>

namespace vsc::services::auth::oidc {

QStringList claimValues(const QJsonObject &claims, const QString &path, const QString &clientId)
{
    const QStringList segments = path.split(QLatin1Char('.'));
    QJsonValue value(claims);
    for (const QString &segment : segments) {
        if (!value.isObject()) {
            return {};
        }
        const QString key = segment == QLatin1String("${client_id}") ? clientId : segment;
        value = value.toObject().value(key);
    }
    QStringList values;
    if (value.isString()) {
        values << value.toString();
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const auto &item : array) {
            if (item.isString()) {
                values << item.toString();
            }
        }
    }
    return values;
}

QStringList mapRoles(const QJsonObject &claims, const QStringList &paths, const QString &clientId,
                     const QHash<QString, QString> &roleMap)
{
    QStringList roles;
    for (const QString &path : paths) {
        const QStringList values = claimValues(claims, path, clientId);
        for (const QString &value : values) {
            const auto it = roleMap.constFind(value);
            if (it != roleMap.constEnd() && !it.value().isEmpty()) {
                roles << it.value();
            }
        }
    }
    std::sort(roles.begin(), roles.end());
    roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    return roles;
}

} // namespace vsc::services::auth::oidc
