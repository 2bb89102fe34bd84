// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/oidc/idtokenverifier.h"

#include "services/auth/oidc/random.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>

#include <cmath>

namespace vsc::services::auth::oidc {
namespace {

constexpr int kEs256ComponentBytes = 32;

struct MdCtxFree
{
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};
struct EcdsaSigFree
{
    void operator()(ECDSA_SIG *sig) const { ECDSA_SIG_free(sig); }
};

Error rejected(const QString &detail)
{
    return Error{ErrorCode::TokenRejected, QStringLiteral("id token ") + detail};
}

struct Segments
{
    QByteArray signingInput; // header.payload exactly as received: the signature covers these bytes
    QJsonObject header;
    QJsonObject payload;
    QByteArray signature;
};

Result<QJsonObject> decodeJsonSegment(const QByteArray &segment, const char *what)
{
    const std::optional<QByteArray> bytes = fromBase64Url(segment);
    if (!bytes) {
        return rejected(QStringLiteral("%1 is not base64url").arg(QLatin1String(what)));
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return rejected(QStringLiteral("%1 is not a JSON object").arg(QLatin1String(what)));
    }
    return doc.object();
}

Result<Segments> split(const QByteArray &jwt)
{
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3) {
        return rejected(QStringLiteral("is not a compact JWS (%1 segments instead of 3)").arg(parts.size()));
    }
    Result<QJsonObject> header = decodeJsonSegment(parts.at(0), "header");
    if (!header) {
        return header.error();
    }
    Result<QJsonObject> payload = decodeJsonSegment(parts.at(1), "payload");
    if (!payload) {
        return payload.error();
    }
    // An empty signature segment is left for the algorithm check to report ("none" tokens have one).
    const std::optional<QByteArray> signature =
        parts.at(2).isEmpty() ? std::optional<QByteArray>(QByteArray()) : fromBase64Url(parts.at(2));
    if (!signature) {
        return rejected(QStringLiteral("signature is not base64url"));
    }
    Segments segments;
    segments.signingInput = parts.at(0) + '.' + parts.at(1);
    segments.header = std::move(header).value();
    segments.payload = std::move(payload).value();
    segments.signature = *signature;
    return segments;
}

// JWS ES256 signatures are r‖s, 32 bytes each (RFC 7518 §3.4); OpenSSL verifies DER ECDSA-Sig-Value.
Result<QByteArray> es256ToDer(const QByteArray &raw)
{
    if (raw.size() != qsizetype{2} * kEs256ComponentBytes) {
        return rejected(QStringLiteral("ES256 signature is %1 bytes instead of 64").arg(raw.size()));
    }
    const auto *bytes = reinterpret_cast<const unsigned char *>(raw.constData());
    std::unique_ptr<ECDSA_SIG, EcdsaSigFree> sig(ECDSA_SIG_new());
    BIGNUM *r = BN_bin2bn(bytes, kEs256ComponentBytes, nullptr);
    BIGNUM *s = BN_bin2bn(bytes + kEs256ComponentBytes, kEs256ComponentBytes, nullptr);
    if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) { // set0 takes r and s only on success
        BN_free(r);
        BN_free(s);
        return rejected(QStringLiteral("ES256 signature could not be converted"));
    }
    const int length = i2d_ECDSA_SIG(sig.get(), nullptr);
    if (length <= 0) {
        return rejected(QStringLiteral("ES256 signature could not be converted"));
    }
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d_ECDSA_SIG(sig.get(), &out) != length) {
        return rejected(QStringLiteral("ES256 signature could not be converted"));
    }
    return der;
}

bool verifySignature(EVP_PKEY *key, const QByteArray &signingInput, const QByteArray &signature)
{
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    // RS256 = RSASSA-PKCS1-v1_5 with SHA-256, OpenSSL's default RSA padding; ES256 = ECDSA P-256 with SHA-256.
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1) {
        return false;
    }
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
                            static_cast<size_t>(signature.size()),
                            reinterpret_cast<const unsigned char *>(signingInput.constData()),
                            static_cast<size_t>(signingInput.size())) == 1;
}

// NumericDate (RFC 7519 §2): seconds since the epoch, possibly fractional.
std::optional<qint64> numericDate(const QJsonValue &value)
{
    if (!value.isDouble() || !std::isfinite(value.toDouble())) {
        return std::nullopt;
    }
    return static_cast<qint64>(std::floor(value.toDouble()));
}

Result<QStringList> audiences(const QJsonValue &value)
{
    QStringList list;
    if (value.isString()) {
        list << value.toString();
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const auto &item : array) {
            if (!item.isString()) {
                return rejected(QStringLiteral("audience array holds a non-string"));
            }
            list << item.toString();
        }
    }
    if (list.isEmpty()) {
        return rejected(QStringLiteral("has no audience (aud)"));
    }
    return list;
}

} // namespace

Result<JwsHeader> peekHeader(const QByteArray &jwt)
{
    const qsizetype dot = jwt.indexOf('.');
    if (dot <= 0) {
        return rejected(QStringLiteral("is not a compact JWS"));
    }
    Result<QJsonObject> header = decodeJsonSegment(jwt.left(dot), "header");
    if (!header) {
        return header.error();
    }
    return JwsHeader{header.value().value(QLatin1String("alg")).toString(),
                     header.value().value(QLatin1String("kid")).toString()};
}

Result<IdTokenClaims> verifyIdToken(const QByteArray &jwt, const VerifyContext &context, const JwkSet &keys)
{
    Result<Segments> parsed = split(jwt);
    if (!parsed) {
        return parsed.error();
    }
    const Segments &segments = parsed.value();

    // 1. The algorithm comes from our allow-list, never from the token alone (RFC 8725 §3.1).
    const QString alg = segments.header.value(QLatin1String("alg")).toString();
    KeyType wanted = KeyType::Rsa;
    if (alg == QLatin1String("RS256")) {
        wanted = KeyType::Rsa;
    } else if (alg == QLatin1String("ES256")) {
        wanted = KeyType::EcP256;
    } else {
        return rejected(QStringLiteral("algorithm '%1' is not allowed (only RS256 and ES256)").arg(alg));
    }
    // We understand no JWS extensions, so a token that demands one must be refused (RFC 7515 §4.1.11).
    if (segments.header.contains(QLatin1String("crit"))) {
        return rejected(QStringLiteral("header has critical extensions we do not support"));
    }

    // 2. The key: chosen by kid, and of the type the algorithm needs.
    const QString kid = segments.header.value(QLatin1String("kid")).toString();
    const Jwk *jwk = keys.find(kid);
    if (jwk == nullptr) {
        return rejected(QStringLiteral("is signed with an unknown key (kid '%1')").arg(kid));
    }
    if (jwk->type != wanted) {
        return rejected(QStringLiteral("algorithm %1 does not match the type of key '%2'").arg(alg, kid));
    }
    if (!jwk->alg.isEmpty() && jwk->alg != alg) {
        return rejected(QStringLiteral("algorithm %1 is not the algorithm %2 of key '%3'").arg(alg, jwk->alg, kid));
    }

    // 3. The signature.
    if (segments.signature.isEmpty()) {
        return rejected(QStringLiteral("signature is missing"));
    }
    QByteArray signature = segments.signature;
    if (wanted == KeyType::EcP256) {
        Result<QByteArray> der = es256ToDer(signature);
        if (!der) {
            return der.error();
        }
        signature = std::move(der).value();
    }
    if (!verifySignature(jwk->key.get(), segments.signingInput, signature)) {
        return rejected(QStringLiteral("signature is invalid (key '%1')").arg(kid));
    }

    // 4. The claims, only now that they are authentic.
    const QJsonObject &payload = segments.payload;
    IdTokenClaims claims;
    claims.payload = payload;
    claims.iss = payload.value(QLatin1String("iss")).toString();
    if (claims.iss != context.issuer) {
        return rejected(QStringLiteral("issuer '%1' is not '%2'").arg(claims.iss, context.issuer));
    }
    Result<QStringList> aud = audiences(payload.value(QLatin1String("aud")));
    if (!aud) {
        return aud.error();
    }
    claims.aud = std::move(aud).value();
    if (!claims.aud.contains(context.clientId)) {
        return rejected(QStringLiteral("audience does not include client '%1'").arg(context.clientId));
    }
    claims.azp = payload.value(QLatin1String("azp")).toString();
    if (claims.aud.size() > 1 && claims.azp.isEmpty()) {
        return rejected(QStringLiteral("has several audiences but no authorized party (azp)"));
    }
    if (payload.contains(QLatin1String("azp")) && claims.azp != context.clientId) {
        return rejected(QStringLiteral("authorized party '%1' is not client '%2'").arg(claims.azp, context.clientId));
    }

    const QDateTime now = context.now.isValid() ? context.now.toUTC() : QDateTime::currentDateTimeUtc();
    const qint64 nowSeconds = now.toSecsSinceEpoch();
    const std::optional<qint64> exp = numericDate(payload.value(QLatin1String("exp")));
    if (!exp) {
        return rejected(QStringLiteral("has no expiry (exp)"));
    }
    if (nowSeconds >= *exp + context.skewSeconds) {
        return rejected(
            QStringLiteral("expired at %1").arg(QDateTime::fromSecsSinceEpoch(*exp, Qt::UTC).toString(Qt::ISODate)));
    }
    const std::optional<qint64> iat = numericDate(payload.value(QLatin1String("iat")));
    if (!iat) {
        return rejected(QStringLiteral("has no issue time (iat)"));
    }
    if (*iat > nowSeconds + context.skewSeconds) {
        return rejected(QStringLiteral("was issued in the future (%1)")
                            .arg(QDateTime::fromSecsSinceEpoch(*iat, Qt::UTC).toString(Qt::ISODate)));
    }
    claims.exp = QDateTime::fromSecsSinceEpoch(*exp, Qt::UTC);
    claims.iat = QDateTime::fromSecsSinceEpoch(*iat, Qt::UTC);

    claims.nonce = payload.value(QLatin1String("nonce")).toString();
    if (!context.nonce.isEmpty() && !constantTimeEquals(claims.nonce.toUtf8(), context.nonce)) {
        return rejected(QStringLiteral("nonce does not match the authorization request"));
    }

    claims.sub = payload.value(QLatin1String("sub")).toString();
    if (claims.sub.isEmpty()) {
        return rejected(QStringLiteral("has no subject (sub)"));
    }
    claims.email = payload.value(QLatin1String("email")).toString();
    claims.emailVerified = payload.value(QLatin1String("email_verified")).toBool(false);
    claims.name = payload.value(QLatin1String("name")).toString();
    claims.preferredUsername = payload.value(QLatin1String("preferred_username")).toString();
    return claims;
}

Result<void> JwksCache::update(const QByteArray &jwksJson)
{
    Result<JwkSet> set = JwkSet::parse(jwksJson);
    if (!set) {
        return set.error();
    }
    m_keys = std::move(set).value();
    return {};
}

bool JwksCache::hasKeyFor(const QByteArray &jwt) const
{
    const Result<JwsHeader> header = peekHeader(jwt);
    return header.ok() && m_keys.find(header.value().kid) != nullptr;
}

Result<IdTokenClaims> JwksCache::verify(const QByteArray &jwt, const VerifyContext &context)
{
    // A token that fails before the key lookup (malformed, alg "none" or HS256) never causes a fetch.
    const Result<JwsHeader> header = peekHeader(jwt);
    const bool allowedAlg =
        header.ok() && (header.value().alg == QLatin1String("RS256") || header.value().alg == QLatin1String("ES256"));
    if (allowedAlg && m_fetch && !hasKeyFor(jwt)) {
        ++m_fetchCount;
        Result<QByteArray> body = m_fetch();
        if (!body) {
            return body.error();
        }
        if (Result<void> updated = update(body.value()); !updated) {
            return updated.error();
        }
    }
    return verifyIdToken(jwt, context, m_keys);
}

} // namespace vsc::services::auth::oidc
