// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"

#include <QHash>
#include <QMap>
#include <QStringList>
#include <QUrl>

namespace vsc::services::auth::oidc {

// How the console signs people in through their organisation's identity provider, kept in app_settings ("oidc.*",
// shared by every console on the database; no secret: the console is a public client).
struct OidcSettings
{
    QUrl issuer;      // exactly as the provider's discovery document spells it
    QString clientId; // the console's registration at the provider (a public client with PKCE)
    QStringList scopes{QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email"),
                       QStringLiteral("offline_access")};
    // Where the provider puts role names, tried in order: "roles", "groups", "realm_access.roles" (Keycloak),
    // "resource_access.${client_id}.roles" (Keycloak client roles).
    QStringList roleClaims{QStringLiteral("roles"), QStringLiteral("groups"), QStringLiteral("realm_access.roles"),
                           QStringLiteral("resource_access.${client_id}.roles")};
    QHash<QString, QString> roleMap; // provider's value → the console's role ("survey-admins" → "admin")
    QString defaultRole;             // for a new user none of whose values map; empty: refuse them

    [[nodiscard]] bool isConfigured() const { return issuer.isValid() && !clientId.isEmpty(); }
    static OidcSettings fromValues(const QMap<QString, QString> &values); // the "oidc.*" keys of app_settings
    [[nodiscard]] QMap<QString, QString> toValues() const;
};

} // namespace vsc::services::auth::oidc
