// SPDX-License-Identifier: GPL-3.0-or-later
// ID token validation, OIDC Core §3.1.3.7 (https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation):
//
//   header.payload.signature ──► alg ∈ {RS256, ES256}? (never "none", never HS*: RFC 8725 §2.1, §3.1)
//        ──► key by kid (unknown kid: JwksCache re-fetches the JWKS once, OIDC Core §10.1.1)
//        ──► key type matches alg (an RSA key never verifies an HS256 MAC: the alg-confusion attack)
//        ──► signature (EVP_DigestVerify; ES256 raw r‖s → DER)
//        ──► iss exact ──► aud ∋ client_id, azp ──► exp, iat (skew) ──► nonce (§3.1.2.1, §15.5.2)
//
// Every failure is ErrorCode::TokenRejected with a detail naming the check. Verification itself is synchronous and
// touches no network; JwksCache adds the one re-fetch through an injected fetch function.
#pragma once

#include "models/result.h"
#include "services/auth/oidc/jwk.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace vsc::services::auth::oidc {

struct VerifyContext
{
    QString issuer;        // the discovery issuer, compared exactly
    QString clientId;      // must be among the audiences
    QByteArray nonce;      // the nonce sent in the authorization request; empty = not checked (refreshed ID tokens
                           // may omit it, OIDC Core §12.2)
    int skewSeconds = 120; // clock difference tolerated on both exp (after expiry) and iat (issued ahead)
    QDateTime now;         // invalid = the current UTC time (tests set it)
};

struct IdTokenClaims
{
    QString sub;
    QString iss;
    QStringList aud;
    QString azp;
    QString email;
    bool emailVerified = false;
    QString name;
    QString preferredUsername;
    QString nonce;
    QDateTime exp;       // UTC
    QDateTime iat;       // UTC
    QJsonObject payload; // every claim, for role paths (roleclaims.h)
};

// The decoded protected header of a compact JWS, without any verification: enough to pick the key.
struct JwsHeader
{
    QString alg;
    QString kid;
};
Result<JwsHeader> peekHeader(const QByteArray &jwt);

// Verifies signature and claims against the given keys. A kid missing from `keys` is an error here; use JwksCache
// for the re-fetch.
Result<IdTokenClaims> verifyIdToken(const QByteArray &jwt, const VerifyContext &context, const JwkSet &keys);

// The keys from the last JWKS fetch, and the rule "unknown kid → fetch once more → verify again, else fail".
// Not thread-safe: use it on one thread.
class JwksCache
{
public:
    // Synchronous fetch of the JWKS body (tests; a blocking caller). The asynchronous client fetches itself and hands
    // the body to update().
    using FetchFunction = std::function<Result<QByteArray>()>;

    JwksCache() = default;
    explicit JwksCache(FetchFunction fetch) : m_fetch(std::move(fetch)) {}

    // Replaces the keys with a freshly fetched JWKS body. On error the previous keys stay.
    Result<void> update(const QByteArray &jwksJson);
    // True when the token's kid is in the current keys, i.e. verify() would not need to fetch.
    [[nodiscard]] bool hasKeyFor(const QByteArray &jwt) const;
    [[nodiscard]] const JwkSet &keys() const { return m_keys; }
    [[nodiscard]] int fetchCount() const { return m_fetchCount; }

    // Verifies with the current keys; when the token's kid is unknown (or nothing was fetched yet), calls the fetch
    // function exactly once, then verifies with what it returned. Without a fetch function it only verifies.
    Result<IdTokenClaims> verify(const QByteArray &jwt, const VerifyContext &context);

private:
    FetchFunction m_fetch;
    JwkSet m_keys;
    int m_fetchCount = 0;
};

} // namespace vsc::services::auth::oidc
