// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/oidc/oidcclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

#include <utility>

namespace vsc::services::auth::oidc {
namespace {

QString describe(const QString &what, int httpStatus, const QString &networkError)
{
    if (!networkError.isEmpty()) {
        return what + QStringLiteral(": ") + networkError;
    }
    return what + QStringLiteral(": HTTP %1").arg(httpStatus);
}

} // namespace

OidcClient::OidcClient(OidcClientOptions options, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_network(network)
{
    Q_ASSERT(m_network != nullptr);
}

OidcClient::~OidcClient()
{
    // Abort without running callbacks: their captures may point into objects being destroyed with us.
    const QSet<QNetworkReply *> pending = std::exchange(m_pending, {});
    for (QNetworkReply *reply : pending) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void OidcClient::later(std::function<void()> call)
{
    QTimer::singleShot(0, this, std::move(call));
}

void OidcClient::track(QNetworkReply *reply, std::function<void(const Reply &)> then)
{
    m_pending.insert(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, then = std::move(then)] {
        m_pending.remove(reply);
        reply->deleteLater();
        Reply result;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        result.httpStatus = status.isValid() ? status.toInt() : 0;
        result.body = reply->readAll();
        if (result.httpStatus == 0) {
            result.networkError = reply->errorString();
        }
        then(result);
    });
}

void OidcClient::get(const QUrl &url, std::function<void(const Reply &)> then)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(m_options.requestTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    // Discovery and JWKS may be behind a redirect, but never to plain http (NoLessSafeRedirectPolicy).
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    track(m_network->get(request), std::move(then));
}

void OidcClient::postForm(const QUrl &url, const QByteArray &body, std::function<void(const Reply &)> then)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(m_options.requestTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    // A redirected POST would carry the code or refresh token somewhere the discovery document did not name.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    track(m_network->post(request, body), std::move(then));
}

void OidcClient::discover(Callback<ProviderMetadata> done)
{
    get(discoveryUrl(m_options.issuer), [this, done = std::move(done)](const Reply &reply) {
        if (reply.httpStatus != 200) {
            done(Error{ErrorCode::IdentityProvider,
                       describe(QStringLiteral("discovery"), reply.httpStatus, reply.networkError)});
            return;
        }
        Result<ProviderMetadata> metadata = parseDiscovery(reply.body, m_options.issuer);
        if (metadata.ok()) {
            m_metadata = metadata.value();
        }
        done(std::move(metadata));
    });
}

void OidcClient::withMetadata(std::function<void(Result<ProviderMetadata>)> then)
{
    if (m_metadata) {
        ProviderMetadata metadata = *m_metadata;
        later([then = std::move(then), metadata = std::move(metadata)] { then(metadata); });
        return;
    }
    discover(std::move(then));
}

void OidcClient::fetchKeys(Callback<int> done)
{
    withMetadata([this, done = std::move(done)](Result<ProviderMetadata> metadata) {
        if (!metadata) {
            done(metadata.error());
            return;
        }
        get(metadata.value().jwksUri, [this, done](const Reply &reply) {
            if (reply.httpStatus != 200) {
                done(Error{ErrorCode::IdentityProvider,
                           describe(QStringLiteral("JWKS"), reply.httpStatus, reply.networkError)});
                return;
            }
            if (Result<void> updated = m_jwks.update(reply.body); !updated) {
                done(updated.error());
                return;
            }
            done(m_jwks.keys().size());
        });
    });
}

void OidcClient::verifyIdToken(const QByteArray &jwt, const VerifyContext &context, Callback<IdTokenClaims> done)
{
    const Result<JwsHeader> header = peekHeader(jwt);
    const bool allowedAlg =
        header.ok() && (header.value().alg == QLatin1String("RS256") || header.value().alg == QLatin1String("ES256"));
    if (!allowedAlg || m_jwks.hasKeyFor(jwt)) {
        // Known key, or a token that fails before any key matters: no fetch.
        later([this, jwt, context, done = std::move(done)] { done(oidc::verifyIdToken(jwt, context, m_jwks.keys())); });
        return;
    }
    // Unknown kid: the provider may have rotated its keys. One fetch, then the verdict (OIDC Core §10.1.1).
    fetchKeys([this, jwt, context, done = std::move(done)](const Result<int> &fetched) {
        if (!fetched) {
            done(fetched.error());
            return;
        }
        done(oidc::verifyIdToken(jwt, context, m_jwks.keys()));
    });
}

VerifyContext OidcClient::verifyContext(const QByteArray &nonce) const
{
    VerifyContext context;
    context.issuer =
        m_metadata ? m_metadata->issuer.toString(QUrl::FullyEncoded) : m_options.issuer.toString(QUrl::FullyEncoded);
    context.clientId = m_options.clientId;
    context.nonce = nonce;
    context.skewSeconds = m_options.skewSeconds;
    return context;
}

void OidcClient::tokenRequest(const QByteArray &body, std::function<void(Result<TokenResponse>)> then)
{
    withMetadata([this, body, then = std::move(then)](Result<ProviderMetadata> metadata) {
        if (!metadata) {
            then(metadata.error());
            return;
        }
        postForm(metadata.value().tokenEndpoint, body, [then](const Reply &reply) {
            if (reply.httpStatus == 200) {
                then(parseTokenResponse(reply.body));
                return;
            }
            if (reply.httpStatus == 0) {
                then(Error{ErrorCode::IdentityProvider,
                           describe(QStringLiteral("token endpoint"), 0, reply.networkError)});
                return;
            }
            Error error = OAuthError::fromResponse(reply.httpStatus, reply.body).toError();
            error.detail.prepend(QStringLiteral("token endpoint: "));
            then(std::move(error));
        });
    });
}

void OidcClient::exchangeCode(const QString &code, const AuthorizationRequest &request, Callback<TokenSet> done)
{
    const QByteArray body = authorizationCodeBody(code, request.redirectUri, m_options.clientId, request.pkce.verifier);
    const QByteArray nonce = request.nonce;
    tokenRequest(body, [this, nonce, done = std::move(done)](Result<TokenResponse> response) {
        if (!response) {
            done(response.error());
            return;
        }
        if (response.value().idToken.isEmpty()) {
            done(Error{ErrorCode::TokenRejected, QStringLiteral("the token response has no id token")});
            return;
        }
        TokenResponse tokens = std::move(response).value();
        const QByteArray idToken = tokens.idToken;
        verifyIdToken(idToken, verifyContext(nonce),
                      [tokens = std::move(tokens), done](Result<IdTokenClaims> claims) mutable {
                          if (!claims) {
                              done(claims.error());
                              return;
                          }
                          done(TokenSet{std::move(tokens), std::move(claims).value()});
                      });
    });
}

void OidcClient::refresh(const QString &refreshToken, const std::optional<IdTokenClaims> &original,
                         Callback<TokenSet> done)
{
    tokenRequest(refreshTokenBody(refreshToken, m_options.clientId),
                 [this, original, done = std::move(done)](Result<TokenResponse> response) {
                     if (!response) {
                         done(response.error());
                         return;
                     }
                     TokenResponse tokens = std::move(response).value();
                     if (tokens.idToken.isEmpty()) {
                         done(TokenSet{std::move(tokens), std::nullopt});
                         return;
                     }
                     const QByteArray idToken = tokens.idToken;
                     verifyIdToken(idToken, verifyContext({}),
                                   [tokens = std::move(tokens), original, done](Result<IdTokenClaims> claims) mutable {
                                       if (!claims) {
                                           done(claims.error());
                                           return;
                                       }
                                       if (original && claims.value().sub != original->sub) {
                                           done(Error{ErrorCode::TokenRejected,
                                                      QStringLiteral("the refreshed id token is for another subject")});
                                           return;
                                       }
                                       done(TokenSet{std::move(tokens), std::move(claims).value()});
                                   });
                 });
}

void OidcClient::revoke(const QString &refreshToken, Callback<void> done)
{
    withMetadata([this, refreshToken, done = std::move(done)](Result<ProviderMetadata> metadata) {
        if (!metadata) {
            done(metadata.error());
            return;
        }
        if (metadata.value().revocationEndpoint.isEmpty()) {
            done(Error{ErrorCode::NotFound, QStringLiteral("the provider has no revocation endpoint")});
            return;
        }
        const QByteArray body = formEncode({{QStringLiteral("token"), refreshToken},
                                            {QStringLiteral("token_type_hint"), QStringLiteral("refresh_token")},
                                            {QStringLiteral("client_id"), m_options.clientId}});
        postForm(metadata.value().revocationEndpoint, body, [done](const Reply &reply) {
            // RFC 7009 §2.2: 200 whether or not the token was valid.
            if (reply.httpStatus == 200) {
                done(Result<void>());
                return;
            }
            if (reply.httpStatus == 0) {
                done(Error{ErrorCode::IdentityProvider,
                           describe(QStringLiteral("revocation endpoint"), 0, reply.networkError)});
                return;
            }
            Error error = OAuthError::fromResponse(reply.httpStatus, reply.body).toError();
            error.detail.prepend(QStringLiteral("revocation endpoint: "));
            done(std::move(error));
        });
    });
}

QUrl OidcClient::endSessionUrl(const QByteArray &idTokenHint, const QUrl &postLogoutRedirectUri,
                               const QByteArray &state) const
{
    if (!m_metadata || m_metadata->endSessionEndpoint.isEmpty()) {
        return {};
    }
    QList<std::pair<QString, QString>> params{{QStringLiteral("client_id"), m_options.clientId}};
    if (!idTokenHint.isEmpty()) {
        params.append({QStringLiteral("id_token_hint"), QString::fromLatin1(idTokenHint)});
    }
    if (!postLogoutRedirectUri.isEmpty()) {
        params.append({QStringLiteral("post_logout_redirect_uri"), postLogoutRedirectUri.toString(QUrl::FullyEncoded)});
        params.append({QStringLiteral("state"), QString::fromLatin1(state)});
    }
    QUrl url = m_metadata->endSessionEndpoint;
    QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    if (!query.isEmpty()) {
        query += '&';
    }
    query += formEncode(params);
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

} // namespace vsc::services::auth::oidc
