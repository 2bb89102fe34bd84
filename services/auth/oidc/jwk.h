// SPDX-License-Identifier: GPL-3.0-or-later
// The provider's signing keys from its `jwks_uri` (RFC 7517 §4, §5; RFC 7518 §6.2 EC, §6.3 RSA), turned into OpenSSL
// public keys. Only what ID token verification needs: RSA (RS256) and EC P-256 (ES256) signature keys; other keys
// in the set (encryption keys, other curves, symmetric keys) are skipped, never used.
// Keys are looked up by `kid`; an unknown kid means the provider rotated its keys (OIDC Core §10.1.1), see JwksCache.
// https://openid.net/specs/openid-connect-core-1_0.html#RotateSigKeys
#pragma once

#include "models/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>

#include <openssl/types.h>

namespace vsc::services::auth::oidc {

struct EvpPkeyFree
{
    void operator()(EVP_PKEY *key) const;
};
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, EvpPkeyFree>;

enum class KeyType {
    Rsa,    // for RS256
    EcP256, // for ES256
};

struct Jwk
{
    QString kid;
    KeyType type = KeyType::Rsa;
    QString alg; // the key's own "alg" member, empty when absent; when present a token's alg must equal it
    std::shared_ptr<EVP_PKEY> key; // shared so a set can be copied; freed with EVP_PKEY_free
};

// One RSA key from base64url n and e (at least 2048-bit modulus), or one P-256 key from base64url x and y (a point
// that is not on the curve is rejected by OpenSSL).
Result<EvpPkeyPtr> rsaPublicKey(const QByteArray &nBase64Url, const QByteArray &eBase64Url);
Result<EvpPkeyPtr> ecP256PublicKey(const QByteArray &xBase64Url, const QByteArray &yBase64Url);

class JwkSet
{
public:
    // Parses {"keys":[…]}. Not JSON or no "keys" array → ErrorCode::IdentityProvider. Keys we cannot use are skipped
    // (skippedCount()); a malformed RSA/EC signature key is skipped too, so one bad key cannot lock us out.
    static Result<JwkSet> parse(const QByteArray &json);

    // The key with this kid; with an empty kid, the only key of the set if it has exactly one (OIDC Core §10.1:
    // kid may be omitted when there is a single key). nullptr when there is none.
    [[nodiscard]] const Jwk *find(const QString &kid) const;
    [[nodiscard]] int size() const { return static_cast<int>(m_keys.size()); }
    [[nodiscard]] bool isEmpty() const { return m_keys.empty(); }
    [[nodiscard]] int skippedCount() const { return m_skipped; }
    [[nodiscard]] QStringList keyIds() const;

private:
    std::map<QString, Jwk> m_keys;
    int m_skipped = 0;
};

} // namespace vsc::services::auth::oidc
