// SPDX-License-Identifier: GPL-3.0-or-later
// OidcClient's HTTP handling on a fake QNAM: what it sends, how failures become Error details, and that callbacks are
// always asynchronous and dropped with the client. The full flow against a real OP is tst_oidcclient.
#include "services/auth/oidc/oidcclient.h"

#include "tests/fakes/fakenetworkaccessmanager.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

#include <optional>

using namespace vsc;
using namespace vsc::services::auth::oidc;
using vsc::tests::FakeNetworkAccessManager;
using vsc::tests::FakeReply;
using vsc::tests::FakeRequest;

namespace {

const QString kIssuer = QStringLiteral("https://idp.example.com/realms/survey");

QByteArray discoveryBody(bool withRevocation = true)
{
    QJsonObject doc{{QStringLiteral("issuer"), kIssuer},
                    {QStringLiteral("authorization_endpoint"), QString(kIssuer + QStringLiteral("/auth"))},
                    {QStringLiteral("token_endpoint"), QString(kIssuer + QStringLiteral("/token"))},
                    {QStringLiteral("jwks_uri"), QString(kIssuer + QStringLiteral("/certs"))},
                    {QStringLiteral("end_session_endpoint"), QString(kIssuer + QStringLiteral("/logout"))}};
    if (withRevocation) {
        doc.insert(QStringLiteral("revocation_endpoint"), QString(kIssuer + QStringLiteral("/revoke")));
    }
    return QJsonDocument(doc).toJson(QJsonDocument::Compact);
}

OidcClientOptions options()
{
    return OidcClientOptions{QUrl(kIssuer), QStringLiteral("survey-desktop")};
}

} // namespace

class TestOidcClientOffline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void discoveryFailures();
    void tokenRequestAndErrorBody();
    void tokenAnswersWithoutIdTokenOrJson();
    void revokeAndEndSession();
    void destroyingTheClientDropsCallbacks();
};

void TestOidcClientOffline::discoveryFailures()
{
    FakeNetworkAccessManager network;
    OidcClient client(options(), &network);
    network.setHandler([](const FakeRequest &, FakeReply *reply) { reply->respond(404, "not here"); });
    std::optional<Result<ProviderMetadata>> result;
    client.discover([&](Result<ProviderMetadata> r) { result = std::move(r); });
    QVERIFY(!result.has_value()); // never from inside the call
    QTRY_VERIFY(result.has_value());
    QCOMPARE(network.requests().first().url().toString(),
             kIssuer + QStringLiteral("/.well-known/openid-configuration"));
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, ErrorCode::IdentityProvider);
    QCOMPARE(result->error().detail, QStringLiteral("discovery: HTTP 404"));

    network.setHandler([](const FakeRequest &, FakeReply *reply) {
        reply->fail(QNetworkReply::HostNotFoundError, QStringLiteral("Host idp.example.com not found"));
    });
    result.reset();
    client.discover([&](Result<ProviderMetadata> r) { result = std::move(r); });
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error().detail, QStringLiteral("discovery: Host idp.example.com not found"));

    network.setHandler([](const FakeRequest &, FakeReply *reply) {
        reply->respond(200, discoveryBody().replace("\"issuer\":\"https://idp.example.com/realms/survey\"",
                                                    "\"issuer\":\"https://idp.example.com/realms/other\""));
    });
    result.reset();
    client.discover([&](Result<ProviderMetadata> r) { result = std::move(r); });
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QVERIFY2(result->error().detail.contains(QStringLiteral("is not the configured issuer")),
             qPrintable(result->error().detail));
    QVERIFY(!client.metadata().has_value());
}

void TestOidcClientOffline::tokenRequestAndErrorBody()
{
    FakeNetworkAccessManager network;
    OidcClient client(options(), &network);
    network.setHandler([](const FakeRequest &request, FakeReply *reply) {
        if (request.url().path().endsWith(QLatin1String("openid-configuration"))) {
            reply->respond(200, discoveryBody());
        } else {
            reply->respond(400, R"({"error":"invalid_grant","error_description":"PKCE verification failed"})",
                           {{"Content-Type", "application/json"}});
        }
    });
    AuthorizationRequest request = AuthorizationRequest::create(
        QUrl(kIssuer + QStringLiteral("/auth")), QStringLiteral("survey-desktop"),
        QUrl(QStringLiteral("http://127.0.0.1:5000/callback")), {QStringLiteral("openid")});
    std::optional<Result<TokenSet>> result;
    client.exchangeCode(QStringLiteral("a+b"), request, [&](Result<TokenSet> r) { result = std::move(r); });
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, ErrorCode::IdentityProvider);
    QCOMPARE(result->error().detail,
             QStringLiteral("token endpoint: invalid_grant: PKCE verification failed (HTTP 400)"));

    QCOMPARE(network.count("POST", QStringLiteral("/token")), 1);
    const FakeRequest &post = network.requests().last();
    QCOMPARE(post.request.header(QNetworkRequest::ContentTypeHeader).toString(),
             QStringLiteral("application/x-www-form-urlencoded"));
    QCOMPARE(post.request.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
             static_cast<int>(QNetworkRequest::ManualRedirectPolicy));
    QCOMPARE(post.body, authorizationCodeBody(QStringLiteral("a+b"), request.redirectUri,
                                              QStringLiteral("survey-desktop"), request.pkce.verifier));
    QVERIFY(post.body.contains("code=a%2Bb"));

    // Metadata is kept: a refresh goes straight to the token endpoint.
    std::optional<Result<TokenSet>> refreshed;
    client.refresh(QStringLiteral("rt"), std::nullopt, [&](Result<TokenSet> r) { refreshed = std::move(r); });
    QTRY_VERIFY(refreshed.has_value());
    QCOMPARE(network.count("GET"), 1);
    QCOMPARE(network.requests().last().body,
             QByteArray("grant_type=refresh_token&refresh_token=rt&client_id=survey-desktop"));
}

void TestOidcClientOffline::tokenAnswersWithoutIdTokenOrJson()
{
    FakeNetworkAccessManager network;
    OidcClient client(options(), &network);
    QByteArray tokenAnswer = R"({"access_token":"at","token_type":"Bearer","expires_in":60,"refresh_token":"rt2"})";
    network.setHandler([&](const FakeRequest &request, FakeReply *reply) {
        reply->respond(200, request.url().path().endsWith(QLatin1String("openid-configuration")) ? discoveryBody()
                                                                                                 : tokenAnswer);
    });
    const AuthorizationRequest request = AuthorizationRequest::create(
        QUrl(kIssuer + QStringLiteral("/auth")), QStringLiteral("survey-desktop"),
        QUrl(QStringLiteral("http://127.0.0.1:5000/callback")), {QStringLiteral("openid")});
    std::optional<Result<TokenSet>> result;
    client.exchangeCode(QStringLiteral("code"), request, [&](Result<TokenSet> r) { result = std::move(r); });
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error().code, ErrorCode::TokenRejected);
    QCOMPARE(result->error().detail, QStringLiteral("the token response has no id token"));

    // A refresh answer may omit the ID token (OIDC Core §12.2).
    std::optional<Result<TokenSet>> refreshed;
    client.refresh(QStringLiteral("rt"), std::nullopt, [&](Result<TokenSet> r) { refreshed = std::move(r); });
    QTRY_VERIFY(refreshed.has_value());
    QVERIFY(refreshed->ok());
    QCOMPARE(refreshed->value().tokens.refreshToken, QStringLiteral("rt2"));
    QVERIFY(!refreshed->value().idClaims.has_value());

    tokenAnswer = "<html>proxy login</html>";
    refreshed.reset();
    client.refresh(QStringLiteral("rt"), std::nullopt, [&](Result<TokenSet> r) { refreshed = std::move(r); });
    QTRY_VERIFY(refreshed.has_value());
    QCOMPARE(refreshed->error().code, ErrorCode::IdentityProvider);
    QCOMPARE(refreshed->error().detail, QStringLiteral("the token response is not a JSON object"));
}

void TestOidcClientOffline::revokeAndEndSession()
{
    FakeNetworkAccessManager network;
    bool withRevocation = true;
    network.setHandler([&](const FakeRequest &request, FakeReply *reply) {
        reply->respond(200, request.url().path().endsWith(QLatin1String("openid-configuration"))
                                ? discoveryBody(withRevocation)
                                : QByteArray());
    });
    OidcClient client(options(), &network);
    QVERIFY(client.endSessionUrl("id.token.x", {}, {}).isEmpty()); // nothing discovered yet
    std::optional<Result<void>> revoked;
    client.revoke(QStringLiteral("r/t+"), [&](Result<void> r) { revoked = std::move(r); });
    QTRY_VERIFY(revoked.has_value());
    QVERIFY(revoked->ok());
    QCOMPARE(network.requests().last().url().toString(), kIssuer + QStringLiteral("/revoke"));
    QCOMPARE(network.requests().last().body,
             QByteArray("token=r%2Ft%2B&token_type_hint=refresh_token&client_id=survey-desktop"));

    const QUrl logout =
        client.endSessionUrl("id.token.x", QUrl(QStringLiteral("http://127.0.0.1:5/logged-out")), "bye");
    const QUrlQuery query(logout);
    QCOMPARE(logout.path(), QStringLiteral("/realms/survey/logout"));
    QCOMPARE(query.queryItemValue(QStringLiteral("id_token_hint")), QStringLiteral("id.token.x"));
    QCOMPARE(query.queryItemValue(QStringLiteral("post_logout_redirect_uri"), QUrl::FullyDecoded),
             QStringLiteral("http://127.0.0.1:5/logged-out"));
    QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("bye"));
    QCOMPARE(query.queryItemValue(QStringLiteral("client_id")), QStringLiteral("survey-desktop"));

    withRevocation = false;
    OidcClient bare(options(), &network);
    revoked.reset();
    bare.revoke(QStringLiteral("rt"), [&](Result<void> r) { revoked = std::move(r); });
    QTRY_VERIFY(revoked.has_value());
    QCOMPARE(revoked->error().code, ErrorCode::NotFound);
}

void TestOidcClientOffline::destroyingTheClientDropsCallbacks()
{
    FakeNetworkAccessManager network;
    network.setHandler([](const FakeRequest &, FakeReply *reply) { reply->hang(); });
    int calls = 0;
    {
        OidcClient client(options(), &network);
        client.discover([&](const Result<ProviderMetadata> &) { ++calls; });
        QTRY_COMPARE(network.requests().size(), 1);
    }
    QTest::qWait(50); // let any queued completion run: there must be none
    QCOMPARE(calls, 0);
}

QTEST_GUILESS_MAIN(TestOidcClientOffline)
#include "tst_oidcclient_offline.moc"
