// SPDX-License-Identifier: GPL-3.0-or-later
// App roles from the provider's claims. Where roles live differs per provider (Keycloak realm_access.roles and
// resource_access.<client_id>.roles, Entra roles/groups, Okta groups), so the
// configuration names claim paths, and a table maps provider values to app roles. Only claims of a verified ID token
// (OIDC Core §3.1.3.7) or of userinfo with the same sub (§5.3.4) may be passed in.
// https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace vsc::services::auth::oidc {

// The strings at a dotted path ("realm_access.roles"); a segment "${client_id}" stands for `clientId` (substituted
// after splitting, so a client id containing dots still works). The value may be an array of strings (non-strings
// are ignored) or a single string (one value). Anything else, or a missing path, gives an empty list.
QStringList claimValues(const QJsonObject &claims, const QString &path, const QString &clientId = {});

// The app roles for these claims: every value found at any of `paths`, mapped through `roleMap` (provider value →
// app role, exact and case-sensitive); values without a mapping are ignored. Deduplicated and sorted.
QStringList mapRoles(const QJsonObject &claims, const QStringList &paths, const QString &clientId,
                     const QHash<QString, QString> &roleMap);

} // namespace vsc::services::auth::oidc
