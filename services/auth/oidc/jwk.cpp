// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/oidc/jwk.h"

#include "services/auth/oidc/random.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace vsc::services::auth::oidc {
namespace {

struct BnFree
{
    void operator()(BIGNUM *bn) const { BN_free(bn); }
};
struct ParamBldFree
{
    void operator()(OSSL_PARAM_BLD *bld) const { OSSL_PARAM_BLD_free(bld); }
};
struct ParamFree
{
    void operator()(OSSL_PARAM *params) const { OSSL_PARAM_free(params); }
};
struct PkeyCtxFree
{
    void operator()(EVP_PKEY_CTX *ctx) const { EVP_PKEY_CTX_free(ctx); }
};

constexpr int kMinRsaBits = 2048;
constexpr int kP256CoordinateBytes = 32;

Error keyError(const QString &detail)
{
    return Error{ErrorCode::IdentityProvider, QStringLiteral("JWKS: ") + detail};
}

Result<EvpPkeyPtr> fromData(const char *type, OSSL_PARAM_BLD *bld)
{
    std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld));
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1) {
        return keyError(QStringLiteral("OpenSSL could not set up a %1 key").arg(QLatin1String(type)));
    }
    EVP_PKEY *raw = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1 || raw == nullptr) {
        return keyError(QStringLiteral("OpenSSL rejected the %1 key parameters").arg(QLatin1String(type)));
    }
    return EvpPkeyPtr(raw);
}

} // namespace

void EvpPkeyFree::operator()(EVP_PKEY *key) const
{
    EVP_PKEY_free(key);
}

Result<EvpPkeyPtr> rsaPublicKey(const QByteArray &nBase64Url, const QByteArray &eBase64Url)
{
    const std::optional<QByteArray> n = fromBase64Url(nBase64Url);
    const std::optional<QByteArray> e = fromBase64Url(eBase64Url);
    if (!n || !e) {
        return keyError(QStringLiteral("RSA key: n or e is not base64url"));
    }
    std::unique_ptr<BIGNUM, BnFree> bnN(
        BN_bin2bn(reinterpret_cast<const unsigned char *>(n->constData()), static_cast<int>(n->size()), nullptr));
    std::unique_ptr<BIGNUM, BnFree> bnE(
        BN_bin2bn(reinterpret_cast<const unsigned char *>(e->constData()), static_cast<int>(e->size()), nullptr));
    if (!bnN || !bnE) {
        return keyError(QStringLiteral("RSA key: out of memory"));
    }
    if (BN_num_bits(bnN.get()) < kMinRsaBits) {
        return keyError(QStringLiteral("RSA key: %1-bit modulus is too short").arg(BN_num_bits(bnN.get())));
    }
    std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> bld(OSSL_PARAM_BLD_new());
    if (!bld || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bnN.get()) != 1 ||
        OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bnE.get()) != 1) {
        return keyError(QStringLiteral("RSA key: OpenSSL parameter error"));
    }
    return fromData("RSA", bld.get());
}

Result<EvpPkeyPtr> ecP256PublicKey(const QByteArray &xBase64Url, const QByteArray &yBase64Url)
{
    const std::optional<QByteArray> x = fromBase64Url(xBase64Url);
    const std::optional<QByteArray> y = fromBase64Url(yBase64Url);
    if (!x || !y) {
        return keyError(QStringLiteral("EC key: x or y is not base64url"));
    }
    if (x->size() != kP256CoordinateBytes || y->size() != kP256CoordinateBytes) {
        return keyError(QStringLiteral("EC key: P-256 coordinates must be 32 bytes each"));
    }
    // SEC 1 uncompressed point: 0x04 || x || y.
    const QByteArray point = QByteArray(1, '\x04') + *x + *y;
    std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> bld(OSSL_PARAM_BLD_new());
    if (!bld || OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                         static_cast<size_t>(point.size())) != 1) {
        return keyError(QStringLiteral("EC key: OpenSSL parameter error"));
    }
    return fromData("EC", bld.get());
}

Result<JwkSet> JwkSet::parse(const QByteArray &json)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() ||
        !doc.object().value(QLatin1String("keys")).isArray()) {
        return keyError(QStringLiteral("not a JSON object with a \"keys\" array"));
    }
    JwkSet set;
    const QJsonArray keys = doc.object().value(QLatin1String("keys")).toArray();
    for (const auto &value : keys) {
        const QJsonObject object = value.toObject();
        const QString kty = object.value(QLatin1String("kty")).toString();
        const QString use = object.value(QLatin1String("use")).toString();
        // "use":"enc" keys encrypt, they never sign ID tokens (RFC 7517 §4.2).
        if (!use.isEmpty() && use != QLatin1String("sig")) {
            ++set.m_skipped;
            continue;
        }
        Jwk jwk;
        jwk.kid = object.value(QLatin1String("kid")).toString();
        jwk.alg = object.value(QLatin1String("alg")).toString();
        Result<EvpPkeyPtr> key = keyError(QStringLiteral("unsupported key type"));
        if (kty == QLatin1String("RSA")) {
            jwk.type = KeyType::Rsa;
            key = rsaPublicKey(object.value(QLatin1String("n")).toString().toLatin1(),
                               object.value(QLatin1String("e")).toString().toLatin1());
        } else if (kty == QLatin1String("EC") &&
                   object.value(QLatin1String("crv")).toString() == QLatin1String("P-256")) {
            jwk.type = KeyType::EcP256;
            key = ecP256PublicKey(object.value(QLatin1String("x")).toString().toLatin1(),
                                  object.value(QLatin1String("y")).toString().toLatin1());
        }
        // A duplicate kid is ambiguous: the first one wins, as a provider lists its current key first.
        if (!key || set.m_keys.count(jwk.kid) != 0) {
            ++set.m_skipped;
            continue;
        }
        jwk.key = std::shared_ptr<EVP_PKEY>(std::move(key).value().release(), EvpPkeyFree());
        QString kid = jwk.kid;
        set.m_keys.emplace(std::move(kid), std::move(jwk));
    }
    return set;
}

const Jwk *JwkSet::find(const QString &kid) const
{
    if (kid.isEmpty() && m_keys.size() == 1) {
        return &m_keys.begin()->second;
    }
    const auto it = m_keys.find(kid);
    return it == m_keys.end() ? nullptr : &it->second;
}

QStringList JwkSet::keyIds() const
{
    QStringList ids;
    for (const auto &[kid, jwk] : m_keys) {
        ids << kid;
    }
    return ids;
}

} // namespace vsc::services::auth::oidc
