// SPDX-License-Identifier: GPL-3.0-or-later
// PKCE (RFC 7636 Appendix B vector) and the CSPRNG tokens used as state and nonce.
#include "services/auth/oidc/random.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace vsc::services::auth::oidc;

class TestPkce : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rfc7636AppendixB();
    void generatedPairMatches();
    void tokensAreBase64Url43();
    void thousandTokensAreDistinct();
    void base64UrlRoundTripAndStrictDecoding();
    void constantTimeEquals();
};

void TestPkce::rfc7636AppendixB()
{
    QCOMPARE(Pkce::challengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
             QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
}

void TestPkce::generatedPairMatches()
{
    const Pkce pkce = Pkce::generate();
    QCOMPARE(pkce.verifier.size(), 43); // RFC 7636 §4.1: 43..128 characters
    QCOMPARE(pkce.challenge, Pkce::challengeFor(pkce.verifier));
    QVERIFY(pkce.verifier != Pkce::generate().verifier);
}

void TestPkce::tokensAreBase64Url43()
{
    static const QRegularExpression unreserved(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    for (int i = 0; i < 20; ++i) {
        const QByteArray token = randomToken();
        QVERIFY2(unreserved.match(QString::fromLatin1(token)).hasMatch(), token.constData());
    }
    QCOMPARE(randomToken(16).size(), 22);
}

void TestPkce::thousandTokensAreDistinct()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 1000; ++i) {
        seen.insert(randomToken());
    }
    QCOMPARE(seen.size(), 1000);
}

void TestPkce::base64UrlRoundTripAndStrictDecoding()
{
    const QByteArray data("\xfb\xff\x00\x01 any bytes?", 16);
    const QByteArray encoded = base64Url(data);
    QVERIFY(!encoded.contains('=') && !encoded.contains('+') && !encoded.contains('/'));
    QCOMPARE(fromBase64Url(encoded).value_or(QByteArray()), data);
    QVERIFY(!fromBase64Url("ab+/").has_value());
    QVERIFY(!fromBase64Url("a b").has_value());
    QVERIFY(!fromBase64Url("").has_value());
}

void TestPkce::constantTimeEquals()
{
    QVERIFY(vsc::services::auth::oidc::constantTimeEquals("abc", "abc"));
    QVERIFY(!vsc::services::auth::oidc::constantTimeEquals("abc", "abd"));
    QVERIFY(!vsc::services::auth::oidc::constantTimeEquals("abc", "abcd"));
    QVERIFY(vsc::services::auth::oidc::constantTimeEquals({}, {}));
}

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"
