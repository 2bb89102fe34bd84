// SPDX-License-Identifier: GPL-3.0-or-later
// Signing in to the console through the organisation's identity provider (OpenID Connect, authorization code flow
// with PKCE for a native public client, RFC 8252), and keeping that session alive:
//
//   start()  discovery → loopback listener on 127.0.0.1:<ephemeral> → openBrowser(authorization URL)
//            → the browser comes back to the listener with code + state (+ iss) → listener closed
//            → code exchanged with the PKCE verifier → ID token verified (signature by kid, iss, aud/azp, exp/iat,
//              nonce) → the user found by (issuer, subject), or an invitation claimed, or provisioned
//            → roles from the claims mapped to the console's → signedIn(actor)
//   refresh  at 80 % of the access token's life, one at a time; a rotated refresh token replaces the stored one
//            before anything else (RFC 9700 §4.14); invalid_grant ends the session
//   signOut  the stored refresh token deleted, revoked at the provider (RFC 7009), and openBrowser(end_session URL)
//            for RP-initiated logout where the provider offers it
//
// The refresh token lives only in the SecretStore (the OS keychain), under "oidc/<issuer>/<client_id>/<subject>";
// access and ID tokens only in memory. Tokens are never logged. Every outcome is audited (auth.signin,
// auth.signin.failed with the reason, auth.signout). Lives on the thread that owns the QNetworkAccessManager.
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "services/auth/oidc/authorizationrequest.h"
#include "services/auth/oidc/idtokenverifier.h"
#include "services/auth/oidc/oidcsettings.h"
#include "services/clock.h"
#include "services/storage/database.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace vsc::services::auth {
class SecretStore;
}

namespace vsc::services::auth::oidc {

class LoopbackListener;
class OidcClient;

class OidcSignIn final : public QObject
{
    Q_OBJECT
public:
    OidcSignIn(storage::Database &database, Clock &clock, SecretStore &secrets, QNetworkAccessManager *network,
               OidcSettings settings, QObject *parent = nullptr);
    ~OidcSignIn() override;
    Q_DISABLE_COPY_MOVE(OidcSignIn)

    // Begins a sign-in; the result arrives as signedIn or failed. `loginHint` preselects the account at the provider.
    void start(const QString &loginHint = {});
    // Abandons a sign-in in progress (the listener closes); failed(Unauthenticated "cancelled") follows.
    void cancel();
    // Between start() and the browser's return to the console.
    [[nodiscard]] bool isSigningIn() const;
    [[nodiscard]] bool hasSession() const { return m_claims.has_value(); }
    [[nodiscard]] const OidcSettings &settings() const { return m_settings; }
    // The secret store key that holds this session's refresh token.
    [[nodiscard]] QString refreshTokenKey() const;

    // Uses the refresh token now (also what the timer does). Callers that ask while one is in flight join it: there
    // is never more than one refresh request at a time.
    void refreshNow(std::function<void(Result<void>)> done = {});
    // Ends the session here and at the provider.
    void signOut();

    // Discovery only, for the settings page's "test" button: the provider's issuer and endpoints, or why not.
    static void testDiscovery(const OidcSettings &settings, QNetworkAccessManager *network, QObject *context,
                              std::function<void(Result<QString>)> done);

Q_SIGNALS:
    void openBrowser(const QUrl &url);
    void signedIn(const vsc::Actor &actor);
    void failed(const vsc::Error &error);
    void refreshed();
    // The provider refused the refresh token (revoked, expired, replayed): the user must sign in again.
    void sessionEnded(const vsc::Error &why);

private:
    void onCallback(const QUrlQuery &query);
    void fail(const Error &error, const QString &who = {});
    Result<Actor> admit(const IdTokenClaims &claims);
    void keepTokens(const TokenResponse &tokens);
    void finishRefresh(const Result<void> &result);
    void auditFailure(const QString &who, std::optional<qint64> userId, const QString &reason);

    storage::Database &m_database;
    Clock &m_clock;
    SecretStore &m_secrets;
    QNetworkAccessManager *m_network;
    OidcSettings m_settings;
    std::unique_ptr<OidcClient> m_client;
    std::unique_ptr<LoopbackListener> m_listener;
    std::optional<AuthorizationRequest> m_request;
    std::optional<IdTokenClaims> m_claims; // the signed-in user's ID token claims
    QByteArray m_idToken;                  // for RP-initiated logout's id_token_hint
    QString m_accessToken;
    std::unique_ptr<Timer> m_refreshTimer;
    QList<std::function<void(Result<void>)>> m_refreshWaiters; // non-empty: a refresh is in flight
};

} // namespace vsc::services::auth::oidc
