// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/oidc/oidcsettings.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace vsc::services::auth::oidc {

OidcSettings OidcSettings::fromValues(const QMap<QString, QString> &values)
{
    OidcSettings settings;
    settings.issuer = QUrl(values.value(QStringLiteral("oidc.issuer")));
    settings.clientId = values.value(QStringLiteral("oidc.client_id"));
    if (values.contains(QStringLiteral("oidc.scopes"))) {
        settings.scopes = values.value(QStringLiteral("oidc.scopes")).split(u' ', Qt::SkipEmptyParts);
    }
    if (values.contains(QStringLiteral("oidc.role_claims"))) {
        settings.roleClaims = values.value(QStringLiteral("oidc.role_claims")).split(u',', Qt::SkipEmptyParts);
        for (QString &path : settings.roleClaims) {
            path = path.trimmed();
        }
    }
    const QJsonObject map = QJsonDocument::fromJson(values.value(QStringLiteral("oidc.role_map")).toUtf8()).object();
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        settings.roleMap.insert(it.key(), it.value().toString());
    }
    settings.defaultRole = values.value(QStringLiteral("oidc.default_role"));
    return settings;
}

QMap<QString, QString> OidcSettings::toValues() const
{
    QJsonObject map;
    for (auto it = roleMap.cbegin(); it != roleMap.cend(); ++it) {
        map.insert(it.key(), it.value());
    }
    return {{QStringLiteral("oidc.issuer"), issuer.toString()},
            {QStringLiteral("oidc.client_id"), clientId},
            {QStringLiteral("oidc.scopes"), scopes.join(u' ')},
            {QStringLiteral("oidc.role_claims"), roleClaims.join(u',')},
            {QStringLiteral("oidc.role_map"),
             map.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(map).toJson(QJsonDocument::Compact))},
            {QStringLiteral("oidc.default_role"), defaultRole}};
}

} // namespace vsc::services::auth::oidc
