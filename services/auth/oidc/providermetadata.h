// SPDX-License-Identifier: GPL-3.0-or-later
// The provider's discovery document (OpenID Connect Discovery 1.0 §3, §4). The `issuer` it names must equal the
// issuer we were configured with, exactly (Discovery §4.3), or a compromised or misconfigured document could make us
// accept another provider's tokens (mix-up). Endpoints must be https, except on loopback hosts (tests; RFC 8252 §8.3
// treats loopback as not reachable from the network).
// https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation
#pragma once

#include "models/result.h"

#include <QByteArray>
#include <QStringList>
#include <QUrl>

namespace vsc::services::auth::oidc {

struct ProviderMetadata
{
    QUrl issuer; // equal, as a string, to the configured issuer
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl jwksUri;
    QUrl userinfoEndpoint;   // optional: empty when the provider has none
    QUrl revocationEndpoint; // optional (RFC 7009)
    QUrl endSessionEndpoint; // optional (RP-Initiated Logout 1.0)
    QStringList idTokenSigningAlgs;
    QStringList codeChallengeMethods; // empty when the provider does not advertise them
};

// `<issuer>/.well-known/openid-configuration`, a trailing '/' of the issuer removed first (Discovery §4).
QUrl discoveryUrl(const QUrl &issuer);

// Parses and validates a discovery document. Errors are ErrorCode::IdentityProvider with the reason:
// not JSON, a required member (issuer, authorization_endpoint, token_endpoint, jwks_uri) missing, the issuer not
// exactly `expectedIssuer`, an endpoint not https on a non-loopback host, or code_challenge_methods_supported present
// without S256.
Result<ProviderMetadata> parseDiscovery(const QByteArray &json, const QUrl &expectedIssuer);

// https, or http on 127.0.0.1, ::1 or localhost.
bool isSecureEndpoint(const QUrl &url);

} // namespace vsc::services::auth::oidc
