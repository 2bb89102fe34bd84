// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/oidc/providermetadata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace vsc::services::auth::oidc {
namespace {

Error discoveryError(const QString &detail)
{
    return Error{ErrorCode::IdentityProvider, QStringLiteral("discovery: ") + detail};
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const auto &item : array) {
        if (item.isString()) {
            list << item.toString();
        }
    }
    return list;
}

// Reads an endpoint member: absent is fine unless required; present, it must be an absolute, secure URL.
Result<QUrl> endpoint(const QJsonObject &doc, const QString &name, bool required)
{
    const QJsonValue value = doc.value(name);
    if (value.isUndefined() || value.isNull()) {
        if (required) {
            return discoveryError(QStringLiteral("'%1' is missing").arg(name));
        }
        return QUrl();
    }
    const QUrl url(value.toString(), QUrl::StrictMode);
    if (!value.isString() || !url.isValid() || url.isRelative() || url.host().isEmpty()) {
        return discoveryError(QStringLiteral("'%1' is not an absolute URL").arg(name));
    }
    if (!isSecureEndpoint(url)) {
        return discoveryError(QStringLiteral("'%1' must use https (%2)").arg(name, url.toDisplayString()));
    }
    return url;
}

} // namespace

bool isSecureEndpoint(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https")) {
        return true;
    }
    if (scheme != QLatin1String("http")) {
        return false;
    }
    const QString host = url.host().toLower();
    return host == QLatin1String("127.0.0.1") || host == QLatin1String("::1") || host == QLatin1String("localhost");
}

QUrl discoveryUrl(const QUrl &issuer)
{
    QString text = issuer.toString(QUrl::FullyEncoded);
    while (text.endsWith(QLatin1Char('/'))) {
        text.chop(1);
    }
    return QUrl(text + QStringLiteral("/.well-known/openid-configuration"), QUrl::StrictMode);
}

Result<ProviderMetadata> parseDiscovery(const QByteArray &json, const QUrl &expectedIssuer)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return discoveryError(QStringLiteral("the document is not a JSON object"));
    }
    const QJsonObject object = doc.object();

    // Exactly as strings: no normalisation, so "https://idp/" and "https://idp" differ, as they will in the tokens.
    const QJsonValue issuerValue = object.value(QLatin1String("issuer"));
    if (!issuerValue.isString() || issuerValue.toString().isEmpty()) {
        return discoveryError(QStringLiteral("'issuer' is missing"));
    }
    const QString expected = expectedIssuer.toString(QUrl::FullyEncoded);
    if (issuerValue.toString() != expected) {
        return discoveryError(
            QStringLiteral("issuer '%1' is not the configured issuer '%2'").arg(issuerValue.toString(), expected));
    }

    ProviderMetadata metadata;
    metadata.issuer = QUrl(issuerValue.toString(), QUrl::StrictMode);
    if (!isSecureEndpoint(metadata.issuer)) {
        return discoveryError(QStringLiteral("the issuer must use https (%1)").arg(issuerValue.toString()));
    }

    struct Member
    {
        const char *name;
        QUrl ProviderMetadata::*field;
        bool required;
    };
    static const Member members[] = {
        {"authorization_endpoint", &ProviderMetadata::authorizationEndpoint, true},
        {"token_endpoint", &ProviderMetadata::tokenEndpoint, true},
        {"jwks_uri", &ProviderMetadata::jwksUri, true},
        {"userinfo_endpoint", &ProviderMetadata::userinfoEndpoint, false},
        {"revocation_endpoint", &ProviderMetadata::revocationEndpoint, false},
        {"end_session_endpoint", &ProviderMetadata::endSessionEndpoint, false},
    };
    for (const Member &member : members) {
        Result<QUrl> url = endpoint(object, QString::fromLatin1(member.name), member.required);
        if (!url) {
            return url.error();
        }
        metadata.*member.field = std::move(url).value();
    }

    metadata.idTokenSigningAlgs = stringList(object.value(QLatin1String("id_token_signing_alg_values_supported")));
    const QJsonValue methods = object.value(QLatin1String("code_challenge_methods_supported"));
    if (!methods.isUndefined()) {
        metadata.codeChallengeMethods = stringList(methods);
        if (!metadata.codeChallengeMethods.contains(QLatin1String("S256"))) {
            return discoveryError(QStringLiteral("the provider does not support PKCE with S256 (supports: %1)")
                                      .arg(metadata.codeChallengeMethods.join(QLatin1String(", "))));
        }
    }
    return metadata;
}

} // namespace vsc::services::auth::oidc
