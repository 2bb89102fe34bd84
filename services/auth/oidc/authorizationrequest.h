// SPDX-License-Identifier: GPL-3.0-or-later
// The authorization code flow's messages (OIDC Core §3.1.2.1; RFC 6749 §4.1; RFC 7636 §4 PKCE; RFC 9207 iss):
//
//   AuthorizationRequest::create() ── fresh state, nonce, PKCE ──► url() ──► system browser
//   LoopbackListener::received(query) ──► checkCallback(): state (CSRF, RFC 6749 §10.12), iss (mix-up, RFC 9207),
//        error → IdentityProvider ──► code
//   POST token endpoint: authorizationCodeBody(code, verifier) / refreshTokenBody() ──► parseTokenResponse()
//        or OAuthError::fromResponse() for 4xx (RFC 6749 §5.2)
//
// https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest  https://www.rfc-editor.org/rfc/rfc7636#section-4
// https://www.rfc-editor.org/rfc/rfc9207  https://openid.net/specs/openid-connect-core-1_0.html#OfflineAccess
#pragma once

#include "models/result.h"
#include "services/auth/oidc/random.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <utility>

namespace vsc::services::auth::oidc {

struct AuthorizationRequest
{
    QUrl authorizationEndpoint;
    QString clientId;
    QUrl redirectUri;
    QStringList scopes; // "openid" is added when missing
    QString loginHint;  // optional (OIDC Core §3.1.2.1): preselects the account
    QByteArray state;   // CSRF protection, echoed in the callback
    QByteArray nonce;   // bound into the ID token
    Pkce pkce;          // the challenge goes in the URL, the verifier in the token request

    // A request with a fresh CSPRNG state, nonce and PKCE pair.
    static AuthorizationRequest create(const QUrl &authorizationEndpoint, const QString &clientId,
                                       const QUrl &redirectUri, const QStringList &scopes,
                                       const QString &loginHint = {});

    // response_type=code, client_id, redirect_uri, scope, state, nonce, code_challenge, code_challenge_method=S256,
    // login_hint if set, and prompt=consent when offline_access is requested (OIDC Core §11 requires it). Query
    // parameters already in the endpoint URL are kept.
    [[nodiscard]] QUrl url() const;
    [[nodiscard]] QStringList effectiveScopes() const;
};

// Checks the redirect's query (as LoopbackListener delivers it) and returns the authorization code.
// - state differs from `expectedState` (compared in constant time) → TokenRejected
// - iss present and not exactly `issuer` (RFC 9207 §2.4) → TokenRejected
// - error present → IdentityProvider, "access_denied: <error_description>"
// - no code → IdentityProvider
Result<QString> checkCallback(const QUrlQuery &callback, const QByteArray &expectedState, const QString &issuer);

// application/x-www-form-urlencoded with every name and value percent-encoded (QByteArray::toPercentEncoding), so
// '+', '&' and '=' inside values survive (QUrlQuery would leave '+', which servers read as a space).
QByteArray formEncode(const QList<std::pair<QString, QString>> &params);

// The token request bodies of a public client (token_endpoint_auth_method "none", so client_id goes in the body).
QByteArray authorizationCodeBody(const QString &code, const QUrl &redirectUri, const QString &clientId,
                                 const QByteArray &codeVerifier);
// `scopes` empty: the originally granted scope (RFC 6749 §6).
QByteArray refreshTokenBody(const QString &refreshToken, const QString &clientId, const QStringList &scopes = {});

// A successful token response (RFC 6749 §5.1, OIDC Core §3.1.3.3). Never log it: it holds credentials.
struct TokenResponse
{
    QString accessToken;
    QString tokenType;    // "Bearer" (checked case-insensitively)
    QByteArray idToken;   // empty if the response had none (allowed for refresh, OIDC Core §12.2)
    QString refreshToken; // empty if none was issued (or a refresh did not rotate it)
    int expiresIn = -1;   // seconds; -1 when the server did not say
    QString scope;        // empty when the server did not say (then: as requested)
};

// Not JSON, no access_token, or a token_type other than Bearer → IdentityProvider.
Result<TokenResponse> parseTokenResponse(const QByteArray &body);

// An error response from the token (or revocation) endpoint, RFC 6749 §5.2: {"error":…, "error_description":…}.
struct OAuthError
{
    int httpStatus = 0; // 0: no HTTP answer
    QString error;      // "invalid_grant", …; empty when the body was not an OAuth error
    QString description;
    QString rawBody; // the start of a body that was not an OAuth error, for the detail

    static OAuthError fromResponse(int httpStatus, const QByteArray &body);
    // ErrorCode::IdentityProvider, detail "invalid_grant: <description> (HTTP 400)" (the body itself when it was not
    // an OAuth error, cut to 200 characters).
    [[nodiscard]] Error toError() const;
};

} // namespace vsc::services::auth::oidc
