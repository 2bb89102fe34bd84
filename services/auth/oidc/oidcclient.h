// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP side of an OpenID Connect relying party for a native public client, on an injected QNetworkAccessManager:
//
//   discover()     GET <issuer>/.well-known/openid-configuration, issuer compared exactly (Discovery §4, §4.3)
//   verifyIdToken  keys from jwks_uri; unknown kid → GET jwks_uri once more → verify again (OIDC Core §10.1.1)
//   exchangeCode   POST token_endpoint grant_type=authorization_code + code_verifier (RFC 6749 §4.1.3, RFC 7636 §4.5)
//                  → the ID token verified with the request's nonce (OIDC Core §3.1.3.7)
//   refresh        POST token_endpoint grant_type=refresh_token (RFC 6749 §6); a new ID token must keep iss and sub
//                  (OIDC Core §12.2); store a rotated refresh token at once (RFC 9700 §4.14)
//   revoke         POST revocation_endpoint (RFC 7009 §2.1)
//   endSessionUrl  RP-Initiated Logout 1.0 §2
//
// https://openid.net/specs/openid-connect-core-1_0.html#CodeFlowAuth  https://www.rfc-editor.org/rfc/rfc8252
// Error bodies of 4xx replies become Error details ("invalid_grant: …"); tokens are never logged.
#pragma once

#include "models/result.h"
#include "services/auth/oidc/authorizationrequest.h"
#include "services/auth/oidc/idtokenverifier.h"
#include "services/auth/oidc/providermetadata.h"

#include <QObject>
#include <QSet>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace vsc::services::auth::oidc {

struct OidcClientOptions
{
    QUrl issuer;                  // exactly as the provider spells it (trailing slash and all)
    QString clientId;             // a public client: no secret
    int requestTimeoutMs = 15000; // inactivity timeout of one request (QNetworkRequest::setTransferTimeout)
    int skewSeconds = 120;        // clock skew allowed on exp/iat
};

// A token endpoint answer with its ID token verified (idClaims empty when a refresh answer carried no ID token).
struct TokenSet
{
    TokenResponse tokens;
    std::optional<IdTokenClaims> idClaims;
};

// Thread: create, call and destroy it on the thread that owns the QNetworkAccessManager; every callback runs there,
// always later (never from inside the call). Destroying the client aborts its requests and drops their callbacks.
// Calls that need the provider's metadata run discover() first when it has not succeeded yet.
class OidcClient final : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(Result<T>)>;

    OidcClient(OidcClientOptions options, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~OidcClient() override;
    Q_DISABLE_COPY_MOVE(OidcClient)

    [[nodiscard]] const OidcClientOptions &options() const { return m_options; }
    // The metadata of the last successful discover(), if any.
    [[nodiscard]] const std::optional<ProviderMetadata> &metadata() const { return m_metadata; }
    [[nodiscard]] const JwkSet &keys() const { return m_jwks.keys(); }

    // Async. Fetches and validates the discovery document (ErrorCode::IdentityProvider on any failure).
    void discover(Callback<ProviderMetadata> done);
    // Async. Fetches jwks_uri and replaces the cached keys.
    void fetchKeys(Callback<int> done); // the number of usable keys
    // Async. Verifies with the cached keys; fetches the JWKS once first when the token's kid is not among them.
    void verifyIdToken(const QByteArray &jwt, const VerifyContext &context, Callback<IdTokenClaims> done);
    // Async. Redeems the code of `request` (its redirect URI, PKCE verifier and nonce). The answer must carry an ID
    // token, verified before anything is returned.
    void exchangeCode(const QString &code, const AuthorizationRequest &request, Callback<TokenSet> done);
    // Async. Uses a refresh token. When the answer has an ID token it is verified (no nonce check) and, given
    // `original`, must name the same subject.
    void refresh(const QString &refreshToken, const std::optional<IdTokenClaims> &original, Callback<TokenSet> done);
    // Async. Revokes a refresh token (RFC 7009); ErrorCode::NotFound when the provider has no revocation_endpoint.
    void revoke(const QString &refreshToken, Callback<void> done);
    // The RP-initiated logout URL to open in the browser; empty when the provider has no end_session_endpoint (or
    // discover() has not succeeded).
    [[nodiscard]] QUrl endSessionUrl(const QByteArray &idTokenHint, const QUrl &postLogoutRedirectUri,
                                     const QByteArray &state) const;

private:
    struct Reply
    {
        int httpStatus = 0;
        QByteArray body;
        QString networkError; // empty when an HTTP answer arrived
    };
    void get(const QUrl &url, std::function<void(const Reply &)> then);
    void postForm(const QUrl &url, const QByteArray &body, std::function<void(const Reply &)> then);
    void track(QNetworkReply *reply, std::function<void(const Reply &)> then);
    void withMetadata(std::function<void(Result<ProviderMetadata>)> then);
    void tokenRequest(const QByteArray &body, std::function<void(Result<TokenResponse>)> then);
    [[nodiscard]] VerifyContext verifyContext(const QByteArray &nonce) const;
    void later(std::function<void()> call);

    OidcClientOptions m_options;
    QNetworkAccessManager *m_network;
    std::optional<ProviderMetadata> m_metadata;
    JwksCache m_jwks;
    QSet<QNetworkReply *> m_pending;
};

} // namespace vsc::services::auth::oidc
