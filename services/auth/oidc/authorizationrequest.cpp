// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/oidc/authorizationrequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace vsc::services::auth::oidc {
namespace {

const QString kOpenId = QStringLiteral("openid");
const QString kOfflineAccess = QStringLiteral("offline_access");
constexpr int kMaxBodyInDetail = 200;

QString value(const QUrlQuery &query, const QString &key)
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

} // namespace

AuthorizationRequest AuthorizationRequest::create(const QUrl &authorizationEndpoint, const QString &clientId,
                                                  const QUrl &redirectUri, const QStringList &scopes,
                                                  const QString &loginHint)
{
    AuthorizationRequest request;
    request.authorizationEndpoint = authorizationEndpoint;
    request.clientId = clientId;
    request.redirectUri = redirectUri;
    request.scopes = scopes;
    request.loginHint = loginHint;
    request.state = randomToken();
    request.nonce = randomToken();
    request.pkce = Pkce::generate();
    return request;
}

QStringList AuthorizationRequest::effectiveScopes() const
{
    QStringList effective = scopes;
    if (!effective.contains(kOpenId)) {
        effective.prepend(kOpenId); // without it the request is plain OAuth and carries no ID token
    }
    effective.removeDuplicates();
    return effective;
}

QUrl AuthorizationRequest::url() const
{
    const QStringList effective = effectiveScopes();
    QList<std::pair<QString, QString>> params{
        {QStringLiteral("response_type"), QStringLiteral("code")},
        {QStringLiteral("client_id"), clientId},
        {QStringLiteral("redirect_uri"), redirectUri.toString(QUrl::FullyEncoded)},
        {QStringLiteral("scope"), effective.join(QLatin1Char(' '))},
        {QStringLiteral("state"), QString::fromLatin1(state)},
        {QStringLiteral("nonce"), QString::fromLatin1(nonce)},
        {QStringLiteral("code_challenge"), QString::fromLatin1(pkce.challenge)},
        {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
    };
    if (!loginHint.isEmpty()) {
        params.append({QStringLiteral("login_hint"), loginHint});
    }
    if (effective.contains(kOfflineAccess)) {
        params.append({QStringLiteral("prompt"), QStringLiteral("consent")});
    }
    QUrl url = authorizationEndpoint;
    QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    if (!query.isEmpty()) {
        query += '&';
    }
    query += formEncode(params);
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

Result<QString> checkCallback(const QUrlQuery &callback, const QByteArray &expectedState, const QString &issuer)
{
    // State first: an answer we did not ask for is ignored whatever it says, errors included (CSRF).
    if (expectedState.isEmpty() ||
        !constantTimeEquals(value(callback, QStringLiteral("state")).toUtf8(), expectedState)) {
        return Error{ErrorCode::TokenRejected,
                     QStringLiteral("the authorization response's state does not match the request")};
    }
    if (callback.hasQueryItem(QStringLiteral("iss"))) {
        const QString iss = value(callback, QStringLiteral("iss"));
        if (iss != issuer) {
            return Error{
                ErrorCode::TokenRejected,
                QStringLiteral("the authorization response comes from issuer '%1', not '%2'").arg(iss, issuer)};
        }
    }
    if (callback.hasQueryItem(QStringLiteral("error"))) {
        const QString error = value(callback, QStringLiteral("error"));
        const QString description = value(callback, QStringLiteral("error_description"));
        return Error{ErrorCode::IdentityProvider,
                     description.isEmpty() ? error : error + QStringLiteral(": ") + description};
    }
    const QString code = value(callback, QStringLiteral("code"));
    if (code.isEmpty()) {
        return Error{ErrorCode::IdentityProvider, QStringLiteral("the authorization response has no code")};
    }
    return code;
}

QByteArray formEncode(const QList<std::pair<QString, QString>> &params)
{
    QByteArray body;
    for (const auto &[name, val] : params) {
        if (!body.isEmpty()) {
            body += '&';
        }
        body += name.toUtf8().toPercentEncoding() + '=' + val.toUtf8().toPercentEncoding();
    }
    return body;
}

QByteArray authorizationCodeBody(const QString &code, const QUrl &redirectUri, const QString &clientId,
                                 const QByteArray &codeVerifier)
{
    // redirect_uri must be the exact string of the authorization request (RFC 6749 §4.1.3).
    return formEncode({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                       {QStringLiteral("code"), code},
                       {QStringLiteral("redirect_uri"), redirectUri.toString(QUrl::FullyEncoded)},
                       {QStringLiteral("client_id"), clientId},
                       {QStringLiteral("code_verifier"), QString::fromLatin1(codeVerifier)}});
}

QByteArray refreshTokenBody(const QString &refreshToken, const QString &clientId, const QStringList &scopes)
{
    QList<std::pair<QString, QString>> params{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                              {QStringLiteral("refresh_token"), refreshToken},
                                              {QStringLiteral("client_id"), clientId}};
    if (!scopes.isEmpty()) {
        params.append({QStringLiteral("scope"), scopes.join(QLatin1Char(' '))});
    }
    return formEncode(params);
}

Result<TokenResponse> parseTokenResponse(const QByteArray &body)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return Error{ErrorCode::IdentityProvider, QStringLiteral("the token response is not a JSON object")};
    }
    const QJsonObject object = doc.object();
    TokenResponse response;
    response.accessToken = object.value(QLatin1String("access_token")).toString();
    if (response.accessToken.isEmpty()) {
        return Error{ErrorCode::IdentityProvider, QStringLiteral("the token response has no access_token")};
    }
    response.tokenType = object.value(QLatin1String("token_type")).toString();
    if (response.tokenType.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0) {
        return Error{ErrorCode::IdentityProvider,
                     QStringLiteral("the token response has token_type '%1', not Bearer").arg(response.tokenType)};
    }
    response.idToken = object.value(QLatin1String("id_token")).toString().toLatin1();
    response.refreshToken = object.value(QLatin1String("refresh_token")).toString();
    const QJsonValue expiresIn = object.value(QLatin1String("expires_in"));
    if (expiresIn.isDouble()) {
        response.expiresIn = expiresIn.toInt(-1);
    } else if (expiresIn.isString()) { // some providers send it as a string
        bool ok = false;
        const int seconds = expiresIn.toString().toInt(&ok);
        response.expiresIn = ok ? seconds : -1;
    }
    response.scope = object.value(QLatin1String("scope")).toString();
    return response;
}

OAuthError OAuthError::fromResponse(int httpStatus, const QByteArray &body)
{
    OAuthError error;
    error.httpStatus = httpStatus;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject() &&
        doc.object().value(QLatin1String("error")).isString()) {
        error.error = doc.object().value(QLatin1String("error")).toString();
        error.description = doc.object().value(QLatin1String("error_description")).toString();
    } else {
        error.rawBody = QString::fromUtf8(body.left(kMaxBodyInDetail)).simplified();
    }
    return error;
}

Error OAuthError::toError() const
{
    QString detail;
    if (!error.isEmpty()) {
        detail = description.isEmpty() ? error : error + QStringLiteral(": ") + description;
    } else if (!rawBody.isEmpty()) {
        detail = QStringLiteral("unexpected answer: ") + rawBody;
    } else {
        detail = QStringLiteral("empty answer");
    }
    if (httpStatus != 0) {
        detail += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    }
    return Error{ErrorCode::IdentityProvider, detail};
}

} // namespace vsc::services::auth::oidc
