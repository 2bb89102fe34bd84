// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/oidc/oidcsignin.h"

#include "services/auth/actorresolver.h"
#include "services/auth/oidc/loopbacklistener.h"
#include "services/auth/oidc/oidcclient.h"
#include "services/auth/oidc/roleclaims.h"
#include "services/auth/secretstore.h"
#include "services/logging/logging.h"
#include "services/storage/auditrepository.h"
#include "services/storage/credentialrepository.h"
#include "services/storage/oidcuserrepository.h"
#include "services/storage/transaction.h"
#include "services/storage/userrepository.h"

#include <climits>

namespace vsc::services::auth::oidc {

namespace {

constexpr double kRefreshAtShareOfLifetime = 0.8;

QString whoOf(const IdTokenClaims &claims)
{
    if (!claims.preferredUsername.isEmpty()) {
        return claims.preferredUsername;
    }
    return claims.email.isEmpty() ? claims.sub : claims.email;
}

} // namespace

OidcSignIn::OidcSignIn(storage::Database &database, Clock &clock, SecretStore &secrets, QNetworkAccessManager *network,
                       OidcSettings settings, QObject *parent)
    : QObject(parent), m_database(database), m_clock(clock), m_secrets(secrets), m_network(network),
      m_settings(std::move(settings)),
      m_client(std::make_unique<OidcClient>(OidcClientOptions{m_settings.issuer, m_settings.clientId}, network)),
      m_refreshTimer(std::make_unique<Timer>(clock))
{
    m_refreshTimer->setSingleShot(true);
    connect(m_refreshTimer.get(), &Timer::timeout, this, [this] { refreshNow(); });
}

OidcSignIn::~OidcSignIn() = default;

bool OidcSignIn::isSigningIn() const
{
    return m_listener && m_listener->isListening();
}

QString OidcSignIn::refreshTokenKey() const
{
    return QStringLiteral("oidc/%1/%2/%3")
        .arg(m_settings.issuer.toString(), m_settings.clientId, m_claims ? m_claims->sub : QString());
}

void OidcSignIn::auditFailure(const QString &who, std::optional<qint64> userId, const QString &reason)
{
    storage::AuditEntry entry;
    entry.at = m_clock.nowUtc();
    entry.actorUserId = userId;
    entry.actorName = who.isEmpty() ? QStringLiteral("oidc") : who.left(200);
    entry.action = QStringLiteral("auth.signin.failed");
    entry.entityType = QStringLiteral("user");
    entry.entityId = userId;
    entry.details = {{QStringLiteral("method"), QStringLiteral("oidc")},
                     {QStringLiteral("issuer"), m_settings.issuer.toString()},
                     {QStringLiteral("reason"), reason.left(500)}};
    if (auto logged = storage::AuditRepository(m_database).record(entry); !logged) {
        logging::logger("vsc.auth")
            ->warn("cannot record a failed sign-in: {}", logged.error().toString().toStdString());
    }
}

void OidcSignIn::fail(const Error &error, const QString &who)
{
    if (m_listener) {
        m_listener->close();
    }
    m_request.reset();
    auditFailure(who, std::nullopt, error.toString());
    logging::logger("vsc.auth")
        ->warn("sign-in through {} failed: {}", m_settings.issuer.toString().toStdString(),
               error.toString().toStdString());
    Q_EMIT failed(error);
}

void OidcSignIn::start(const QString &loginHint)
{
    if (!m_settings.isConfigured()) {
        Q_EMIT failed(Error{ErrorCode::InvalidArgument,
                            QStringLiteral("no identity provider is configured (Settings: issuer and client ID)")});
        return;
    }
    if (m_listener) {
        m_listener->close();
    }
    m_request.reset();
    m_listener = std::make_unique<LoopbackListener>();
    auto redirect = m_listener->listen();
    if (!redirect) {
        fail(redirect.error());
        return;
    }
    connect(m_listener.get(), &LoopbackListener::received, this, &OidcSignIn::onCallback);
    const QPointer<LoopbackListener> listener = m_listener.get();
    m_client->discover([this, listener, redirect = redirect.value(), loginHint](Result<ProviderMetadata> metadata) {
        if (listener != m_listener.get() || !m_listener || !m_listener->isListening()) {
            return; // cancelled or restarted meanwhile
        }
        if (!metadata) {
            fail(metadata.error());
            return;
        }
        m_request = AuthorizationRequest::create(metadata.value().authorizationEndpoint, m_settings.clientId, redirect,
                                                 m_settings.scopes, loginHint);
        m_listener->setExpectedState(m_request->state);
        Q_EMIT openBrowser(m_request->url());
    });
}

void OidcSignIn::cancel()
{
    if (!m_listener || !m_listener->isListening()) {
        return;
    }
    m_listener->close();
    m_request.reset();
    Q_EMIT failed(Error{ErrorCode::Unauthenticated, QStringLiteral("sign-in cancelled")});
}

void OidcSignIn::onCallback(const QUrlQuery &query)
{
    if (!m_request) {
        return;
    }
    m_listener->close();
    auto code = checkCallback(query, m_request->state, m_settings.issuer.toString());
    if (!code) {
        fail(code.error());
        return;
    }
    const AuthorizationRequest request = *m_request;
    m_client->exchangeCode(code.value(), request, [this](Result<TokenSet> tokens) {
        m_request.reset();
        if (!tokens) {
            fail(tokens.error());
            return;
        }
        if (!tokens.value().idClaims) {
            fail(Error{ErrorCode::TokenRejected, QStringLiteral("the token response carried no ID token")});
            return;
        }
        const IdTokenClaims claims = *tokens.value().idClaims;
        auto actor = admit(claims);
        if (!actor) {
            if (m_listener) {
                m_listener->close();
            }
            Q_EMIT failed(actor.error());
            return;
        }
        m_claims = claims;
        m_idToken = tokens.value().tokens.idToken;
        keepTokens(tokens.value().tokens);
        Q_EMIT signedIn(actor.value());
    });
}

Result<Actor> OidcSignIn::admit(const IdTokenClaims &claims)
{
    const QString issuer = m_settings.issuer.toString();
    const QString who = whoOf(claims);
    const QStringList mapped = mapRoles(claims.payload, m_settings.roleClaims, m_settings.clientId, m_settings.roleMap);
    storage::OidcUserRepository oidcUsers(m_database);
    storage::UserRepository users(m_database);
    storage::Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    // A refusal is audited after the transaction ends, so the audit row stays whatever happens to the rest.
    const auto refuse = [this, &transaction, &who](std::optional<qint64> userId, const QString &reason, Error error) {
        (void)transaction.commit();
        auditFailure(who, userId, reason);
        return error;
    };
    auto known = oidcUsers.bySubject(issuer, claims.sub);
    if (!known) {
        return known.error();
    }
    std::optional<qint64> userId = known.value();
    if (!userId) {
        auto invited = oidcUsers.claimInvitation(issuer, claims.sub, claims.email, claims.emailVerified);
        if (!invited) {
            return invited.error();
        }
        userId = invited.value();
    }
    if (!userId) {
        if (mapped.isEmpty() && m_settings.defaultRole.isEmpty()) {
            return refuse(std::nullopt, QStringLiteral("no role: none of the provider's values map to a role"),
                          Error{ErrorCode::Unauthenticated,
                                QStringLiteral("your account at the identity provider has no role in this console; "
                                               "ask an administrator to invite you or to map your groups")});
        }
        auto created = oidcUsers.provision(issuer, claims.sub,
                                           claims.preferredUsername.isEmpty() ? claims.email : claims.preferredUsername,
                                           claims.name, claims.email, m_clock.nowUtc());
        if (!created) {
            return created.error();
        }
        userId = created.value();
    }
    auto user = users.byId(*userId);
    if (!user) {
        return user.error();
    }
    if (!user.value()) {
        return Error{ErrorCode::NotFound, QStringLiteral("the user vanished while signing in")};
    }
    if (user.value()->disabled) {
        return refuse(userId, QStringLiteral("account disabled"),
                      Error{ErrorCode::AccountDisabled,
                            QStringLiteral("the account '%1' is disabled").arg(user.value()->username)});
    }
    // The provider decides the roles it maps; without any, the roles an admin gave (or the default) stay.
    QStringList roles = user.value()->roles;
    QStringList knownRoles;
    auto roleList = users.roles();
    if (!roleList) {
        return roleList.error();
    }
    for (const Role &role : roleList.value()) {
        knownRoles.append(role.name);
    }
    QStringList fromProvider;
    for (const QString &role : mapped) {
        if (knownRoles.contains(role)) {
            fromProvider.append(role);
        }
    }
    if (!fromProvider.isEmpty()) {
        roles = fromProvider;
    } else if (roles.isEmpty() && !m_settings.defaultRole.isEmpty()) {
        roles = {m_settings.defaultRole};
    }
    if (roles.isEmpty()) {
        return refuse(userId, QStringLiteral("no role"),
                      Error{ErrorCode::Unauthenticated,
                            QStringLiteral("your account has no role in this console; ask an administrator")});
    }
    if (roles != user.value()->roles) {
        if (auto set = users.setRoles(*userId, roles); !set) {
            return set.error();
        }
    }
    if (auto profile = oidcUsers.refreshProfile(*userId, claims.name, claims.emailVerified ? claims.email : QString());
        !profile) {
        return profile.error();
    }
    const QDateTime now = m_clock.nowUtc();
    if (auto seen = storage::CredentialRepository(m_database).recordSuccess(*userId, now); !seen) {
        return seen.error();
    }
    auto actor = ActorResolver(m_database).forUser(*userId);
    if (!actor) {
        return actor.error();
    }
    storage::AuditEntry entry =
        storage::auditEntry(actor.value(), QStringLiteral("auth.signin"), QStringLiteral("user"), *userId);
    entry.at = now;
    entry.details = {{QStringLiteral("method"), QStringLiteral("oidc")}, {QStringLiteral("issuer"), issuer}};
    entry.after = {{QStringLiteral("roles"), roles.join(u',')}};
    if (auto logged = storage::AuditRepository(m_database).record(entry); !logged) {
        return logged.error();
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return actor;
}

void OidcSignIn::keepTokens(const TokenResponse &tokens)
{
    m_accessToken = tokens.accessToken;
    if (!tokens.idToken.isEmpty()) {
        m_idToken = tokens.idToken;
    }
    if (!tokens.refreshToken.isEmpty()) {
        // Stored before anything else uses it: a rotated token is the only one that still works.
        if (auto stored = m_secrets.write(refreshTokenKey(), tokens.refreshToken); !stored) {
            logging::logger("vsc.auth")
                ->warn("cannot keep the refresh token in the keychain ({}); the session ends "
                       "when its access token does",
                       stored.error().toString().toStdString());
        }
    }
    if (tokens.expiresIn > 0) {
        m_refreshTimer->start(int(qMin<qint64>(qint64(tokens.expiresIn * kRefreshAtShareOfLifetime * 1000), INT_MAX)));
    }
}

void OidcSignIn::refreshNow(std::function<void(Result<void>)> done)
{
    if (!hasSession()) {
        if (done) {
            done(Error{ErrorCode::Unauthenticated, QStringLiteral("not signed in through the identity provider")});
        }
        return;
    }
    m_refreshWaiters.append(done ? std::move(done) : [](const Result<void> &) {});
    if (m_refreshWaiters.size() > 1) {
        return; // one in flight: this caller gets its answer
    }
    auto stored = m_secrets.read(refreshTokenKey());
    if (!stored) {
        finishRefresh(Error{ErrorCode::Unauthenticated, QStringLiteral("no refresh token is stored for this session")});
        return;
    }
    m_client->refresh(stored.value(), m_claims, [this](Result<TokenSet> tokens) {
        if (!tokens) {
            if (tokens.error().detail.contains(QLatin1String("invalid_grant:"))) {
                // Revoked, expired or replayed: this session is over (the provider may have revoked the whole grant).
                (void)m_secrets.remove(refreshTokenKey());
                m_claims.reset();
                m_accessToken.clear();
                m_refreshTimer->stop();
                Q_EMIT sessionEnded(tokens.error());
            }
            finishRefresh(tokens.error());
            return;
        }
        keepTokens(tokens.value().tokens);
        Q_EMIT refreshed();
        finishRefresh({});
    });
}

void OidcSignIn::finishRefresh(const Result<void> &result)
{
    const auto waiters = std::exchange(m_refreshWaiters, {});
    for (const auto &waiter : waiters) {
        waiter(result);
    }
}

void OidcSignIn::signOut()
{
    if (!hasSession()) {
        return;
    }
    const QString key = refreshTokenKey();
    auto stored = m_secrets.read(key);
    (void)m_secrets.remove(key);
    if (stored) {
        m_client->revoke(stored.value(), [](const Result<void> &revoked) {
            if (!revoked && revoked.error().code != ErrorCode::NotFound) {
                logging::logger("vsc.auth")
                    ->warn("the provider did not revoke the refresh token: {}",
                           revoked.error().toString().toStdString());
            }
        });
    }
    const QUrl logout = m_client->endSessionUrl(m_idToken, QUrl(), randomToken());
    m_claims.reset();
    m_accessToken.clear();
    m_idToken.clear();
    m_refreshTimer->stop();
    if (logout.isValid() && !logout.isEmpty()) {
        Q_EMIT openBrowser(logout);
    }
}

void OidcSignIn::testDiscovery(const OidcSettings &settings, QNetworkAccessManager *network, QObject *context,
                               std::function<void(Result<QString>)> done)
{
    auto *client = new OidcClient(OidcClientOptions{settings.issuer, settings.clientId}, network, context);
    client->discover([client, done = std::move(done)](Result<ProviderMetadata> metadata) {
        client->deleteLater();
        if (!metadata) {
            done(metadata.error());
            return;
        }
        const ProviderMetadata &m = metadata.value();
        QStringList lines{QStringLiteral("issuer %1").arg(m.issuer.toString()),
                          QStringLiteral("authorization %1").arg(m.authorizationEndpoint.toString()),
                          QStringLiteral("token %1").arg(m.tokenEndpoint.toString())};
        if (!m.revocationEndpoint.isEmpty()) {
            lines << QStringLiteral("revocation %1").arg(m.revocationEndpoint.toString());
        }
        if (!m.endSessionEndpoint.isEmpty()) {
            lines << QStringLiteral("sign-out %1").arg(m.endSessionEndpoint.toString());
        }
        lines << QStringLiteral("signing %1").arg(m.idTokenSigningAlgs.join(QStringLiteral(", ")));
        done(lines.join(u'\n'));
    });
}

} // namespace vsc::services::auth::oidc
