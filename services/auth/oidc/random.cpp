// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/oidc/random.h"

#include <QCryptographicHash>
#include <QtGlobal>

#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace vsc::services::auth::oidc {

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> fromBase64Url(const QByteArray &text)
{
    if (text.isEmpty()) {
        return std::nullopt;
    }
    auto decoded =
        QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return std::nullopt;
    }
    return std::move(decoded.decoded);
}

QByteArray randomToken(int bytes)
{
    Q_ASSERT(bytes > 0);
    QByteArray raw(bytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(raw.data()), bytes) != 1) {
        // No fallback to a weaker generator: a guessable state or verifier defeats CSRF and PKCE protection.
        qFatal("OpenSSL RAND_bytes failed: no cryptographically secure random numbers");
    }
    return base64Url(raw);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // The length is not secret (every value we compare has a fixed length); the content is.
    if (a.size() != b.size()) {
        return false;
    }
    return a.isEmpty() || CRYPTO_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}

Pkce Pkce::generate()
{
    Pkce pkce;
    pkce.verifier = randomToken(32);
    pkce.challenge = challengeFor(pkce.verifier);
    return pkce;
}

QByteArray Pkce::challengeFor(const QByteArray &verifier)
{
    return base64Url(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256));
}

} // namespace vsc::services::auth::oidc
