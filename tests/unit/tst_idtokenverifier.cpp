// SPDX-License-Identifier: GPL-3.0-or-later
// ID token checks of OIDC Core §3.1.3.7 against tokens this test signs itself with fresh OpenSSL keys: every check
// must reject its forgery, and an unknown kid must cost exactly one JWKS re-fetch.
#include "services/auth/oidc/idtokenverifier.h"
#include "services/auth/oidc/random.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

using namespace vsc;
using namespace vsc::services::auth::oidc;

namespace {

const QString kIssuer = QStringLiteral("https://idp.example.com/realms/survey");
const QString kClientId = QStringLiteral("survey-desktop");
const QByteArray kNonce = "n-0S6_WzA2Mj";
const QDateTime kNow = QDateTime(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC);

QByteArray bnToBase64Url(const BIGNUM *bn, int padTo = 0)
{
    const int size = padTo > 0 ? padTo : BN_num_bytes(bn);
    QByteArray bytes(size, Qt::Uninitialized);
    BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(bytes.data()), size);
    return base64Url(bytes);
}

QJsonObject rsaJwk(EVP_PKEY *key, const QString &kid)
{
    BIGNUM *n = nullptr;
    BIGNUM *e = nullptr;
    EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_N, &n);
    EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_E, &e);
    QJsonObject jwk{{QStringLiteral("kty"), QStringLiteral("RSA")},
                    {QStringLiteral("kid"), kid},
                    {QStringLiteral("use"), QStringLiteral("sig")},
                    {QStringLiteral("n"), QString::fromLatin1(bnToBase64Url(n))},
                    {QStringLiteral("e"), QString::fromLatin1(bnToBase64Url(e))}};
    BN_free(n);
    BN_free(e);
    return jwk;
}

QJsonObject ecJwk(EVP_PKEY *key, const QString &kid)
{
    BIGNUM *x = nullptr;
    BIGNUM *y = nullptr;
    EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_EC_PUB_X, &x);
    EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_EC_PUB_Y, &y);
    QJsonObject jwk{{QStringLiteral("kty"), QStringLiteral("EC")},
                    {QStringLiteral("kid"), kid},
                    {QStringLiteral("crv"), QStringLiteral("P-256")},
                    {QStringLiteral("x"), QString::fromLatin1(bnToBase64Url(x, 32))},
                    {QStringLiteral("y"), QString::fromLatin1(bnToBase64Url(y, 32))}};
    BN_free(x);
    BN_free(y);
    return jwk;
}

QByteArray jwks(const QList<QJsonObject> &keys)
{
    QJsonArray array;
    for (const QJsonObject &key : keys) {
        array.append(key);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("keys"), array}}).toJson(QJsonDocument::Compact);
}

QByteArray segment(const QJsonObject &object)
{
    return base64Url(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// SHA-256 signature; ECDSA's DER output converted to JWS r‖s.
QByteArray signWith(EVP_PKEY *key, const QByteArray &input)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    size_t length = 0;
    EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key);
    EVP_DigestSign(ctx, nullptr, &length, reinterpret_cast<const unsigned char *>(input.constData()),
                   static_cast<size_t>(input.size()));
    QByteArray signature(static_cast<qsizetype>(length), Qt::Uninitialized);
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(signature.data()), &length,
                   reinterpret_cast<const unsigned char *>(input.constData()), static_cast<size_t>(input.size()));
    EVP_MD_CTX_free(ctx);
    signature.resize(static_cast<qsizetype>(length));
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_EC) {
        return signature;
    }
    const auto *der = reinterpret_cast<const unsigned char *>(signature.constData());
    ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &der, static_cast<long>(signature.size()));
    QByteArray raw(64, Qt::Uninitialized);
    BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char *>(raw.data()), 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char *>(raw.data()) + 32, 32);
    ECDSA_SIG_free(sig);
    return raw;
}

QByteArray token(EVP_PKEY *key, const QString &alg, const QString &kid, const QJsonObject &payload)
{
    QJsonObject header{{QStringLiteral("alg"), alg}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    if (!kid.isEmpty()) {
        header.insert(QStringLiteral("kid"), kid);
    }
    const QByteArray input = segment(header) + '.' + segment(payload);
    return input + '.' + base64Url(signWith(key, input));
}

QJsonObject goodPayload()
{
    const qint64 now = kNow.toSecsSinceEpoch();
    return QJsonObject{{QStringLiteral("iss"), kIssuer},
                       {QStringLiteral("sub"), QStringLiteral("alice")},
                       {QStringLiteral("aud"), kClientId},
                       {QStringLiteral("exp"), static_cast<double>(now + 300)},
                       {QStringLiteral("iat"), static_cast<double>(now)},
                       {QStringLiteral("nonce"), QString::fromLatin1(kNonce)},
                       {QStringLiteral("email"), QStringLiteral("alice@example.com")},
                       {QStringLiteral("email_verified"), true},
                       {QStringLiteral("name"), QStringLiteral("Alice Operator")},
                       {QStringLiteral("preferred_username"), QStringLiteral("alice")},
                       {QStringLiteral("roles"), QJsonArray{QStringLiteral("survey-operator")}}};
}

VerifyContext context()
{
    VerifyContext ctx;
    ctx.issuer = kIssuer;
    ctx.clientId = kClientId;
    ctx.nonce = kNonce;
    ctx.now = kNow;
    return ctx;
}

} // namespace

class TestIdTokenVerifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rs256Accepted();
    void es256Accepted();
    void algNoneRejected();
    void hs256WithRsaPublicKeyRejected();
    void rs256HeaderWithEcKeyRejected();
    void keyAlgMemberMustMatch();
    void tamperedPayloadRejected();
    void tamperedSignatureRejected();
    void claimChecks_data();
    void claimChecks();
    void skewIsTolerated();
    void nonceNotCheckedWhenNotExpected();
    void malformedTokens_data();
    void malformedTokens();
    void jwksSkipsUnusableKeys();
    void jwksRejectsShortRsaAndOffCurveEc();
    void unknownKidRefetchesOnceThenSucceeds();
    void unknownKidRefetchesOnceThenFails();
    void knownKidDoesNotRefetch();
    void forbiddenAlgDoesNotRefetch();

private:
    EVP_PKEY *m_rsa = nullptr;
    EVP_PKEY *m_ec = nullptr;
    EVP_PKEY *m_otherRsa = nullptr;
    JwkSet m_keys;
};

void TestIdTokenVerifier::initTestCase()
{
    m_rsa = EVP_RSA_gen(2048);
    m_otherRsa = EVP_RSA_gen(2048);
    m_ec = EVP_EC_gen("P-256");
    QVERIFY(m_rsa && m_ec && m_otherRsa);
    Result<JwkSet> keys =
        JwkSet::parse(jwks({rsaJwk(m_rsa, QStringLiteral("rsa-1")), ecJwk(m_ec, QStringLiteral("ec-1"))}));
    QVERIFY2(keys.ok(), keys.ok() ? "" : qPrintable(keys.error().toString()));
    m_keys = keys.value();
    QCOMPARE(m_keys.size(), 2);
}

void TestIdTokenVerifier::cleanupTestCase()
{
    EVP_PKEY_free(m_rsa);
    EVP_PKEY_free(m_ec);
    EVP_PKEY_free(m_otherRsa);
}

#define QVERIFY_REJECTED(result, fragment)                                                                             \
    do {                                                                                                               \
        const auto &r_ = (result);                                                                                     \
        QVERIFY2(!r_.ok(), "token was accepted");                                                                      \
        QCOMPARE(r_.error().code, ErrorCode::TokenRejected);                                                           \
        QVERIFY2(r_.error().detail.contains(QStringLiteral(fragment)), qPrintable(r_.error().detail));                 \
    } while (false)

void TestIdTokenVerifier::rs256Accepted()
{
    const Result<IdTokenClaims> claims =
        verifyIdToken(token(m_rsa, QStringLiteral("RS256"), QStringLiteral("rsa-1"), goodPayload()), context(), m_keys);
    QVERIFY2(claims.ok(), claims.ok() ? "" : qPrintable(claims.error().toString()));
    QCOMPARE(claims.value().sub, QStringLiteral("alice"));
    QCOMPARE(claims.value().iss, kIssuer);
    QCOMPARE(claims.value().aud, QStringList{kClientId});
    QCOMPARE(claims.value().email, QStringLiteral("alice@example.com"));
    QVERIFY(claims.value().emailVerified);
    QCOMPARE(claims.value().name, QStringLiteral("Alice Operator"));
    QCOMPARE(claims.value().preferredUsername, QStringLiteral("alice"));
    QCOMPARE(claims.value().nonce, QString::fromLatin1(kNonce));
    QCOMPARE(claims.value().exp, kNow.addSecs(300));
    QCOMPARE(claims.value().iat, kNow);
    QCOMPARE(claims.value().payload.value(QStringLiteral("roles")).toArray().first().toString(),
             QStringLiteral("survey-operator"));
}

void TestIdTokenVerifier::es256Accepted()
{
    const Result<IdTokenClaims> claims =
        verifyIdToken(token(m_ec, QStringLiteral("ES256"), QStringLiteral("ec-1"), goodPayload()), context(), m_keys);
    QVERIFY2(claims.ok(), claims.ok() ? "" : qPrintable(claims.error().toString()));
    QCOMPARE(claims.value().sub, QStringLiteral("alice"));
}

void TestIdTokenVerifier::algNoneRejected()
{
    const QByteArray header =
        segment({{QStringLiteral("alg"), QStringLiteral("none")}, {QStringLiteral("kid"), QStringLiteral("rsa-1")}});
    const QByteArray unsigned_ = header + '.' + segment(goodPayload()) + '.';
    QVERIFY_REJECTED(verifyIdToken(unsigned_, context(), m_keys), "algorithm 'none' is not allowed");
    // Same with a dummy signature, so it is the algorithm, not the empty segment, that fails it.
    QVERIFY_REJECTED(verifyIdToken(unsigned_ + "c2ln", context(), m_keys), "algorithm 'none' is not allowed");
}

void TestIdTokenVerifier::hs256WithRsaPublicKeyRejected()
{
    // The alg-confusion forgery: HMAC keyed with the RSA public key, which anyone can fetch from jwks_uri.
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, m_rsa);
    char *pemData = nullptr;
    const long pemSize = BIO_get_mem_data(bio, &pemData);
    const QByteArray pem(pemData, static_cast<qsizetype>(pemSize));
    BIO_free(bio);
    QJsonObject payload = goodPayload();
    payload.insert(QStringLiteral("sub"), QStringLiteral("mallory"));
    const QByteArray input =
        segment({{QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("kid"), QStringLiteral("rsa-1")}}) +
        '.' + segment(payload);
    const QByteArray forged =
        input + '.' + base64Url(QMessageAuthenticationCode::hash(input, pem, QCryptographicHash::Sha256));
    QVERIFY_REJECTED(verifyIdToken(forged, context(), m_keys), "algorithm 'HS256' is not allowed");
}

void TestIdTokenVerifier::rs256HeaderWithEcKeyRejected()
{
    // kid points at the EC key; the header claims RS256 (signed with some RSA key).
    QVERIFY_REJECTED(verifyIdToken(token(m_otherRsa, QStringLiteral("RS256"), QStringLiteral("ec-1"), goodPayload()),
                                   context(), m_keys),
                     "does not match the type of key 'ec-1'");
    // And the other way round.
    QVERIFY_REJECTED(
        verifyIdToken(token(m_ec, QStringLiteral("ES256"), QStringLiteral("rsa-1"), goodPayload()), context(), m_keys),
        "does not match the type of key 'rsa-1'");
}

void TestIdTokenVerifier::keyAlgMemberMustMatch()
{
    QJsonObject jwk = rsaJwk(m_rsa, QStringLiteral("rsa-ps"));
    jwk.insert(QStringLiteral("alg"), QStringLiteral("PS256"));
    const Result<JwkSet> keys = JwkSet::parse(jwks({jwk}));
    QVERIFY(keys.ok());
    QVERIFY_REJECTED(verifyIdToken(token(m_rsa, QStringLiteral("RS256"), QStringLiteral("rsa-ps"), goodPayload()),
                                   context(), keys.value()),
                     "is not the algorithm PS256");
}

void TestIdTokenVerifier::tamperedPayloadRejected()
{
    const QByteArray good = token(m_rsa, QStringLiteral("RS256"), QStringLiteral("rsa-1"), goodPayload());
    QList<QByteArray> parts = good.split('.');
    QJsonObject payload = goodPayload();
    payload.insert(QStringLiteral("sub"), QStringLiteral("admin"));
    parts[1] = segment(payload);
    QVERIFY_REJECTED(verifyIdToken(parts.join('.'), context(), m_keys), "signature is invalid");

    const QByteArray goodEc = token(m_ec, QStringLiteral("ES256"), QStringLiteral("ec-1"), goodPayload());
    parts = goodEc.split('.');
    parts[1] = segment(payload);
    QVERIFY_REJECTED(verifyIdToken(parts.join('.'), context(), m_keys), "signature is invalid");
}

void TestIdTokenVerifier::tamperedSignatureRejected()
{
    // Signed by a key that is not the one the kid names.
    QVERIFY_REJECTED(verifyIdToken(token(m_otherRsa, QStringLiteral("RS256"), QStringLiteral("rsa-1"), goodPayload()),
                                   context(), m_keys),
                     "signature is invalid");
    // ES256 signature of the wrong length.
    const QByteArray good = token(m_ec, QStringLiteral("ES256"), QStringLiteral("ec-1"), goodPayload());
    QVERIFY_REJECTED(
        verifyIdToken(good.left(good.lastIndexOf('.') + 1) + base64Url(QByteArray(63, 'x')), context(), m_keys),
        "ES256 signature is 63 bytes");
}

void TestIdTokenVerifier::claimChecks_data()
{
    QTest::addColumn<QJsonObject>("payload");
    QTest::addColumn<QString>("fragment");
    const qint64 now = kNow.toSecsSinceEpoch();
    auto with = [](const QString &key, const QJsonValue &value) {
        QJsonObject payload = goodPayload();
        payload.insert(key, value);
        return payload;
    };
    auto without = [](const QString &key) {
        QJsonObject payload = goodPayload();
        payload.remove(key);
        return payload;
    };
    QTest::newRow("expired") << with(QStringLiteral("exp"), static_cast<double>(now - 3600))
                             << QStringLiteral("expired at");
    QTest::newRow("no exp") << without(QStringLiteral("exp")) << QStringLiteral("has no expiry");
    QTest::newRow("iat in the future") << with(QStringLiteral("iat"), static_cast<double>(now + 600))
                                       << QStringLiteral("issued in the future");
    QTest::newRow("no iat") << without(QStringLiteral("iat")) << QStringLiteral("has no issue time");
    QTest::newRow("wrong iss") << with(QStringLiteral("iss"), QStringLiteral("https://evil.example.com"))
                               << QStringLiteral("issuer");
    QTest::newRow("iss trailing slash") << with(QStringLiteral("iss"), QString(kIssuer + QLatin1Char('/')))
                                        << QStringLiteral("issuer");
    QTest::newRow("wrong aud") << with(QStringLiteral("aud"), QStringLiteral("other-client"))
                               << QStringLiteral("audience does not include client 'survey-desktop'");
    QTest::newRow("aud array without us")
        << with(QStringLiteral("aud"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")})
        << QStringLiteral("audience does not include client");
    QTest::newRow("no aud") << without(QStringLiteral("aud")) << QStringLiteral("has no audience");
    QTest::newRow("several aud, no azp") << with(QStringLiteral("aud"), QJsonArray{kClientId, QStringLiteral("other")})
                                         << QStringLiteral("several audiences but no authorized party");
    QJsonObject azpMismatch = with(QStringLiteral("aud"), QJsonArray{kClientId, QStringLiteral("other")});
    azpMismatch.insert(QStringLiteral("azp"), QStringLiteral("other"));
    QTest::newRow("azp mismatch") << azpMismatch << QStringLiteral("authorized party 'other'");
    QTest::newRow("azp mismatch, one aud")
        << with(QStringLiteral("azp"), QStringLiteral("other")) << QStringLiteral("authorized party 'other'");
    QTest::newRow("wrong nonce") << with(QStringLiteral("nonce"), QStringLiteral("replayed"))
                                 << QStringLiteral("nonce does not match");
    QTest::newRow("no nonce") << without(QStringLiteral("nonce")) << QStringLiteral("nonce does not match");
    QTest::newRow("no sub") << without(QStringLiteral("sub")) << QStringLiteral("has no subject");
}

void TestIdTokenVerifier::claimChecks()
{
    QFETCH(QJsonObject, payload);
    QFETCH(QString, fragment);
    const Result<IdTokenClaims> result =
        verifyIdToken(token(m_rsa, QStringLiteral("RS256"), QStringLiteral("rsa-1"), payload), context(), m_keys);
    QVERIFY2(!result.ok(), "token was accepted");
    QCOMPARE(result.error().code, ErrorCode::TokenRejected);
    QVERIFY2(result.error().detail.contains(fragment), qPrintable(result.error().detail));
}

void TestIdTokenVerifier::skewIsTolerated()
{
    QJsonObject payload = goodPayload();
    const qint64 now = kNow.toSecsSinceEpoch();
    payload.insert(QStringLiteral("exp"), static_cast<double>(now - 60));
    payload.insert(QStringLiteral("iat"), static_cast<double>(now + 60));
    const QByteArray jwt = token(m_rsa, QStringLiteral("RS256"), QStringLiteral("rsa-1"), payload);
    QVERIFY(verifyIdToken(jwt, context(), m_keys).ok());
    VerifyContext strict = context();
    strict.skewSeconds = 0;
    QVERIFY(!verifyIdToken(jwt, strict, m_keys).ok());
    // Several audiences with azp = us pass.
    payload = goodPayload();
    payload.insert(QStringLiteral("aud"), QJsonArray{kClientId, QStringLiteral("other")});
    payload.insert(QStringLiteral("azp"), kClientId);
    QVERIFY(
        verifyIdToken(token(m_rsa, QStringLiteral("RS256"), QStringLiteral("rsa-1"), payload), context(), m_keys).ok());
}

void TestIdTokenVerifier::nonceNotCheckedWhenNotExpected()
{
    QJsonObject payload = goodPayload();
    payload.remove(QStringLiteral("nonce"));
    VerifyContext refresh = context();
    refresh.nonce.clear();
    QVERIFY(
        verifyIdToken(token(m_rsa, QStringLiteral("RS256"), QStringLiteral("rsa-1"), payload), refresh, m_keys).ok());
}

void TestIdTokenVerifier::malformedTokens_data()
{
    QTest::addColumn<QByteArray>("jwt");
    QTest::addColumn<QString>("fragment");
    const QByteArray good = token(m_rsa, QStringLiteral("RS256"), QStringLiteral("rsa-1"), goodPayload());
    const QList<QByteArray> parts = good.split('.');
    QTest::newRow("two segments") << parts.at(0) + '.' + parts.at(1) << QStringLiteral("2 segments instead of 3");
    QTest::newRow("four segments") << good + ".x" << QStringLiteral("4 segments instead of 3");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("segments instead of 3");
    QTest::newRow("bad base64 header") << "e@J.x" + parts.at(1) + '.' + parts.at(2)
                                       << QStringLiteral("header is not base64url");
    QTest::newRow("bad base64 payload") << parts.at(0) + ".pay+load." + parts.at(2)
                                        << QStringLiteral("payload is not base64url");
    QTest::newRow("bad base64 signature")
        << parts.at(0) + '.' + parts.at(1) + ".sig/nature" << QStringLiteral("signature is not base64url");
    QTest::newRow("empty signature") << parts.at(0) + '.' + parts.at(1) + '.' << QStringLiteral("signature is missing");
    QTest::newRow("non-JSON header") << base64Url("not json") + '.' + parts.at(1) + '.' + parts.at(2)
                                     << QStringLiteral("header is not a JSON object");
    QTest::newRow("JSON array payload") << parts.at(0) + '.' + base64Url("[1,2]") + '.' + parts.at(2)
                                        << QStringLiteral("payload is not a JSON object");
    QTest::newRow("crit header") << token(m_rsa, QStringLiteral("RS256"), QStringLiteral("rsa-1"), goodPayload())
                                        .replace(parts.at(0),
                                                 segment({{QStringLiteral("alg"), QStringLiteral("RS256")},
                                                          {QStringLiteral("kid"), QStringLiteral("rsa-1")},
                                                          {QStringLiteral("crit"), QJsonArray{QStringLiteral("exp")}}}))
                                 << QStringLiteral("critical extensions");
}

void TestIdTokenVerifier::malformedTokens()
{
    QFETCH(QByteArray, jwt);
    QFETCH(QString, fragment);
    const Result<IdTokenClaims> result = verifyIdToken(jwt, context(), m_keys);
    QVERIFY2(!result.ok(), "token was accepted");
    QCOMPARE(result.error().code, ErrorCode::TokenRejected);
    QVERIFY2(result.error().detail.contains(fragment), qPrintable(result.error().detail));
}

void TestIdTokenVerifier::jwksSkipsUnusableKeys()
{
    QJsonObject enc = rsaJwk(m_otherRsa, QStringLiteral("enc-1"));
    enc.insert(QStringLiteral("use"), QStringLiteral("enc"));
    const QJsonObject oct{{QStringLiteral("kty"), QStringLiteral("oct")},
                          {QStringLiteral("kid"), QStringLiteral("hmac")},
                          {QStringLiteral("k"), QStringLiteral("c2VjcmV0")}};
    QJsonObject p384 = ecJwk(m_ec, QStringLiteral("p384"));
    p384.insert(QStringLiteral("crv"), QStringLiteral("P-384"));
    const Result<JwkSet> keys = JwkSet::parse(jwks({enc, oct, p384, rsaJwk(m_rsa, QStringLiteral("rsa-1"))}));
    QVERIFY(keys.ok());
    QCOMPARE(keys.value().keyIds(), QStringList{QStringLiteral("rsa-1")});
    QCOMPARE(keys.value().skippedCount(), 3);
    // A single key may be used by a token without kid (OIDC Core §10.1).
    QVERIFY(verifyIdToken(token(m_rsa, QStringLiteral("RS256"), {}, goodPayload()), context(), keys.value()).ok());
    // …but not when the set has several.
    QVERIFY_REJECTED(verifyIdToken(token(m_rsa, QStringLiteral("RS256"), {}, goodPayload()), context(), m_keys),
                     "unknown key");

    const Result<JwkSet> notJson = JwkSet::parse("<html>");
    QVERIFY(!notJson.ok());
    QCOMPARE(notJson.error().code, ErrorCode::IdentityProvider);
    QVERIFY(!JwkSet::parse(R"({"keys":{}})").ok());
}

void TestIdTokenVerifier::jwksRejectsShortRsaAndOffCurveEc()
{
    EVP_PKEY *small = EVP_RSA_gen(1024);
    const Result<EvpPkeyPtr> shortKey =
        rsaPublicKey(rsaJwk(small, {}).value(QStringLiteral("n")).toString().toLatin1(),
                     rsaJwk(small, {}).value(QStringLiteral("e")).toString().toLatin1());
    EVP_PKEY_free(small);
    QVERIFY(!shortKey.ok());
    QVERIFY2(shortKey.error().detail.contains(QStringLiteral("1024-bit")), qPrintable(shortKey.error().detail));

    const QJsonObject jwk = ecJwk(m_ec, {});
    QByteArray y = fromBase64Url(jwk.value(QStringLiteral("y")).toString().toLatin1()).value();
    y[31] = static_cast<char>(y.at(31) ^ 1);
    QVERIFY(!ecP256PublicKey(jwk.value(QStringLiteral("x")).toString().toLatin1(), base64Url(y)).ok());
    QVERIFY(ecP256PublicKey(jwk.value(QStringLiteral("x")).toString().toLatin1(),
                            jwk.value(QStringLiteral("y")).toString().toLatin1())
                .ok());
}

void TestIdTokenVerifier::unknownKidRefetchesOnceThenSucceeds()
{
    int fetches = 0;
    JwksCache cache([&]() -> Result<QByteArray> {
        ++fetches;
        return jwks({ecJwk(m_ec, QStringLiteral("ec-2")), rsaJwk(m_rsa, QStringLiteral("rsa-1"))});
    });
    QVERIFY(cache.update(jwks({rsaJwk(m_rsa, QStringLiteral("rsa-1"))})).ok());
    const QByteArray rotated = token(m_ec, QStringLiteral("ES256"), QStringLiteral("ec-2"), goodPayload());
    QVERIFY(!cache.hasKeyFor(rotated));
    const Result<IdTokenClaims> claims = cache.verify(rotated, context());
    QVERIFY2(claims.ok(), claims.ok() ? "" : qPrintable(claims.error().toString()));
    QCOMPARE(fetches, 1);
    QCOMPARE(cache.fetchCount(), 1);
    QVERIFY(cache.hasKeyFor(rotated));
    QVERIFY(cache.verify(rotated, context()).ok());
    QCOMPARE(fetches, 1);
}

void TestIdTokenVerifier::unknownKidRefetchesOnceThenFails()
{
    int fetches = 0;
    JwksCache cache([&]() -> Result<QByteArray> {
        ++fetches;
        return jwks({rsaJwk(m_rsa, QStringLiteral("rsa-1"))});
    });
    const QByteArray unknown = token(m_otherRsa, QStringLiteral("RS256"), QStringLiteral("nobody"), goodPayload());
    QVERIFY_REJECTED(cache.verify(unknown, context()), "unknown key (kid 'nobody')");
    QCOMPARE(fetches, 1);
    // A failing fetch reports the fetch error, and still only once.
    JwksCache failing([&]() -> Result<QByteArray> {
        ++fetches;
        return Error{ErrorCode::IdentityProvider, QStringLiteral("jwks: HTTP 503")};
    });
    const Result<IdTokenClaims> result = failing.verify(unknown, context());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::IdentityProvider);
    QCOMPARE(fetches, 2);
}

void TestIdTokenVerifier::knownKidDoesNotRefetch()
{
    int fetches = 0;
    JwksCache cache([&]() -> Result<QByteArray> {
        ++fetches;
        return jwks({rsaJwk(m_rsa, QStringLiteral("rsa-1"))});
    });
    QVERIFY(cache.verify(token(m_rsa, QStringLiteral("RS256"), QStringLiteral("rsa-1"), goodPayload()), context())
                .ok()); // first use: fetch
    QVERIFY(
        cache.verify(token(m_rsa, QStringLiteral("RS256"), QStringLiteral("rsa-1"), goodPayload()), context()).ok());
    QCOMPARE(fetches, 1);
    // A bad signature with a known kid is not a reason to fetch.
    QVERIFY(!cache.verify(token(m_otherRsa, QStringLiteral("RS256"), QStringLiteral("rsa-1"), goodPayload()), context())
                 .ok());
    QCOMPARE(fetches, 1);
}

void TestIdTokenVerifier::forbiddenAlgDoesNotRefetch()
{
    int fetches = 0;
    JwksCache cache([&]() -> Result<QByteArray> {
        ++fetches;
        return jwks({});
    });
    const QByteArray none =
        segment({{QStringLiteral("alg"), QStringLiteral("none")}, {QStringLiteral("kid"), QStringLiteral("x")}}) + '.' +
        segment(goodPayload()) + '.';
    QVERIFY_REJECTED(cache.verify(none, context()), "not allowed");
    QVERIFY_REJECTED(cache.verify("garbage", context()), "segments");
    QCOMPARE(fetches, 0);
}

QTEST_GUILESS_MAIN(TestIdTokenVerifier)
#include "tst_idtokenverifier.moc"
