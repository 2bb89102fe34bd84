// SPDX-License-Identifier: GPL-3.0-or-later
// Unguessable values for the authorization request: state (RFC 6749 §10.12), nonce (OIDC Core §3.1.2.1, §15.5.2)
// and the PKCE verifier/challenge (RFC 7636 §4.1, §4.2: S256 only; RFC 8252 §8.1 requires PKCE for native apps).
// https://www.rfc-editor.org/rfc/rfc7636#section-4
// https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest
#pragma once

#include <QByteArray>

#include <optional>

namespace vsc::services::auth::oidc {

// base64url without padding (RFC 7515 §2, RFC 7636 Appendix A).
QByteArray base64Url(const QByteArray &data);
// Strict base64url decoding: any character outside the alphabet (or empty input) is nullopt, never skipped.
std::optional<QByteArray> fromBase64Url(const QByteArray &text);

// `bytes` bytes from OpenSSL's CSPRNG (RAND_bytes), base64url without padding: 32 bytes → 43 characters.
// A failing CSPRNG aborts (qFatal): a predictable state or verifier must never be sent.
QByteArray randomToken(int bytes = 32);

// Compares in time independent of where the inputs differ (CRYPTO_memcmp), so a state cannot be guessed byte by byte.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

// RFC 7636 §4.1/§4.2: verifier = 43 unreserved characters, challenge = BASE64URL(SHA256(ASCII(verifier))).
struct Pkce
{
    QByteArray verifier;
    QByteArray challenge;

    static Pkce generate();
    static QByteArray challengeFor(const QByteArray &verifier);
};

} // namespace vsc::services::auth::oidc
