// SPDX-License-Identifier: GPL-3.0-or-later
// The OIDC messages around the ID token: discovery, the authorization URL, the callback checks, token request
// bodies and responses, role claims, and the loopback redirect listener (real sockets on 127.0.0.1, in process).
#include "services/auth/oidc/authorizationrequest.h"
#include "services/auth/oidc/loopbacklistener.h"
#include "services/auth/oidc/providermetadata.h"
#include "services/auth/oidc/roleclaims.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace vsc;
using namespace vsc::services::auth::oidc;

namespace {

const QUrl kIssuer(QStringLiteral("https://idp.example.com/realms/survey"));

QJsonObject discoveryDocument()
{
    const QString base = kIssuer.toString();
    return QJsonObject{
        {QStringLiteral("issuer"), base},
        {QStringLiteral("authorization_endpoint"), QString(base + QStringLiteral("/protocol/openid-connect/auth"))},
        {QStringLiteral("token_endpoint"), QString(base + QStringLiteral("/protocol/openid-connect/token"))},
        {QStringLiteral("jwks_uri"), QString(base + QStringLiteral("/protocol/openid-connect/certs"))},
        {QStringLiteral("userinfo_endpoint"), QString(base + QStringLiteral("/protocol/openid-connect/userinfo"))},
        {QStringLiteral("revocation_endpoint"), QString(base + QStringLiteral("/protocol/openid-connect/revoke"))},
        {QStringLiteral("end_session_endpoint"), QString(base + QStringLiteral("/protocol/openid-connect/logout"))},
        {QStringLiteral("id_token_signing_alg_values_supported"),
         QJsonArray{QStringLiteral("RS256"), QStringLiteral("ES256")}},
        {QStringLiteral("code_challenge_methods_supported"),
         QJsonArray{QStringLiteral("plain"), QStringLiteral("S256")}}};
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString item(const QUrlQuery &query, const char *key)
{
    return query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
}

QUrlQuery callback(std::initializer_list<std::pair<QString, QString>> items)
{
    QUrlQuery query;
    for (const auto &[key, value] : items) {
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    return query;
}

// Splits an x-www-form-urlencoded body the way a server does ('+' is a space).
QList<std::pair<QString, QString>> parseForm(const QByteArray &body)
{
    QList<std::pair<QString, QString>> pairs;
    const QList<QByteArray> fields = body.split('&');
    for (QByteArray field : fields) {
        field.replace('+', ' ');
        const qsizetype eq = field.indexOf('=');
        pairs.append({QString::fromUtf8(QByteArray::fromPercentEncoding(field.left(eq))),
                      QString::fromUtf8(QByteArray::fromPercentEncoding(field.mid(eq + 1)))});
    }
    return pairs;
}

} // namespace

class TestOidcProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void discoveryParsed();
    void discoveryRejects_data();
    void discoveryRejects();
    void discoveryLoopbackHttpAllowed();
    void discoveryUrl();
    void authorizationUrl();
    void authorizationUrlOfflineAccessAndExistingQuery();
    void callbackChecks();
    void tokenBodiesEncodeEverything();
    void tokenResponse();
    void oauthErrorBodies();
    void roleClaimPaths();
    void roleMapping();
    void listenerBindsLoopbackEphemeral();
    void listener404ThenCallbackThenRefused();
    void listenerExpectedStateAndLimits();

private:
    QNetworkAccessManager m_network;
};

void TestOidcProtocol::discoveryParsed()
{
    const Result<ProviderMetadata> metadata = parseDiscovery(json(discoveryDocument()), kIssuer);
    QVERIFY2(metadata.ok(), metadata.ok() ? "" : qPrintable(metadata.error().toString()));
    QCOMPARE(metadata.value().issuer, kIssuer);
    QCOMPARE(metadata.value().tokenEndpoint.path(), QStringLiteral("/realms/survey/protocol/openid-connect/token"));
    QCOMPARE(metadata.value().jwksUri.path(), QStringLiteral("/realms/survey/protocol/openid-connect/certs"));
    QVERIFY(metadata.value().endSessionEndpoint.isValid());
    QCOMPARE(metadata.value().idTokenSigningAlgs, (QStringList{QStringLiteral("RS256"), QStringLiteral("ES256")}));

    QJsonObject minimal = discoveryDocument();
    for (const char *optional :
         {"userinfo_endpoint", "revocation_endpoint", "end_session_endpoint", "code_challenge_methods_supported"}) {
        minimal.remove(QLatin1String(optional));
    }
    const Result<ProviderMetadata> bare = parseDiscovery(json(minimal), kIssuer);
    QVERIFY(bare.ok());
    QVERIFY(bare.value().revocationEndpoint.isEmpty());
    QVERIFY(bare.value().codeChallengeMethods.isEmpty());
}

void TestOidcProtocol::discoveryRejects_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("fragment");
    auto with = [](const char *key, const QJsonValue &value) {
        QJsonObject doc = discoveryDocument();
        doc.insert(QLatin1String(key), value);
        return json(doc);
    };
    auto without = [](const char *key) {
        QJsonObject doc = discoveryDocument();
        doc.remove(QLatin1String(key));
        return json(doc);
    };
    QTest::newRow("not JSON") << QByteArray("<html>") << QStringLiteral("not a JSON object");
    QTest::newRow("other issuer") << with("issuer", QStringLiteral("https://evil.example.com"))
                                  << QStringLiteral("is not the configured issuer");
    QTest::newRow("trailing slash") << with("issuer", QString(kIssuer.toString() + QLatin1Char('/')))
                                    << QStringLiteral("is not the configured issuer");
    QTest::newRow("no issuer") << without("issuer") << QStringLiteral("'issuer' is missing");
    QTest::newRow("no authorization_endpoint")
        << without("authorization_endpoint") << QStringLiteral("'authorization_endpoint' is missing");
    QTest::newRow("no token_endpoint") << without("token_endpoint") << QStringLiteral("'token_endpoint' is missing");
    QTest::newRow("no jwks_uri") << without("jwks_uri") << QStringLiteral("'jwks_uri' is missing");
    QTest::newRow("http token endpoint") << with("token_endpoint", QStringLiteral("http://idp.example.com/token"))
                                         << QStringLiteral("'token_endpoint' must use https");
    QTest::newRow("relative jwks") << with("jwks_uri", QStringLiteral("/certs"))
                                   << QStringLiteral("not an absolute URL");
    QTest::newRow("no S256") << with("code_challenge_methods_supported", QJsonArray{QStringLiteral("plain")})
                             << QStringLiteral("S256");
}

void TestOidcProtocol::discoveryRejects()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, fragment);
    const Result<ProviderMetadata> metadata = parseDiscovery(document, kIssuer);
    QVERIFY2(!metadata.ok(), "document was accepted");
    QCOMPARE(metadata.error().code, ErrorCode::IdentityProvider);
    QVERIFY2(metadata.error().detail.contains(fragment), qPrintable(metadata.error().detail));
}

void TestOidcProtocol::discoveryLoopbackHttpAllowed()
{
    for (const QString &base : {QStringLiteral("http://127.0.0.1:4000"), QStringLiteral("http://localhost:4000"),
                                QStringLiteral("http://[::1]:4000")}) {
        const QUrl issuer(base);
        const QJsonObject doc{{QStringLiteral("issuer"), issuer.toString()},
                              {QStringLiteral("authorization_endpoint"), QString(base + QStringLiteral("/auth"))},
                              {QStringLiteral("token_endpoint"), QString(base + QStringLiteral("/token"))},
                              {QStringLiteral("jwks_uri"), QString(base + QStringLiteral("/jwks"))}};
        const Result<ProviderMetadata> metadata = parseDiscovery(json(doc), issuer);
        QVERIFY2(metadata.ok(), metadata.ok() ? "" : qPrintable(metadata.error().toString()));
    }
    const QUrl plain(QStringLiteral("http://idp.example.com"));
    const QJsonObject doc{{QStringLiteral("issuer"), plain.toString()},
                          {QStringLiteral("authorization_endpoint"), QStringLiteral("https://idp.example.com/auth")},
                          {QStringLiteral("token_endpoint"), QStringLiteral("https://idp.example.com/token")},
                          {QStringLiteral("jwks_uri"), QStringLiteral("https://idp.example.com/jwks")}};
    const Result<ProviderMetadata> metadata = parseDiscovery(json(doc), plain);
    QVERIFY(!metadata.ok());
    QVERIFY2(metadata.error().detail.contains(QStringLiteral("must use https")), qPrintable(metadata.error().detail));
}

void TestOidcProtocol::discoveryUrl()
{
    QCOMPARE(vsc::services::auth::oidc::discoveryUrl(kIssuer).toString(),
             QStringLiteral("https://idp.example.com/realms/survey/.well-known/openid-configuration"));
    QCOMPARE(vsc::services::auth::oidc::discoveryUrl(QUrl(QStringLiteral("http://127.0.0.1:4000/"))).toString(),
             QStringLiteral("http://127.0.0.1:4000/.well-known/openid-configuration"));
}

void TestOidcProtocol::authorizationUrl()
{
    const AuthorizationRequest request = AuthorizationRequest::create(
        QUrl(QStringLiteral("https://idp.example.com/auth")), QStringLiteral("survey-desktop"),
        QUrl(QStringLiteral("http://127.0.0.1:53682/callback")), {QStringLiteral("profile"), QStringLiteral("email")},
        QStringLiteral("alice+ops@example.com"));
    QCOMPARE(request.state.size(), 43);
    QCOMPARE(request.nonce.size(), 43);
    QVERIFY(request.state != request.nonce);
    QCOMPARE(request.pkce.challenge, Pkce::challengeFor(request.pkce.verifier));

    const QUrl url = request.url();
    QCOMPARE(url.host(), QStringLiteral("idp.example.com"));
    QCOMPARE(url.path(), QStringLiteral("/auth"));
    const QString encoded = url.query(QUrl::FullyEncoded);
    QVERIFY2(encoded.contains(QStringLiteral("login_hint=alice%2Bops%40example.com")), qPrintable(encoded));
    QVERIFY2(encoded.contains(QStringLiteral("redirect_uri=http%3A%2F%2F127.0.0.1%3A53682%2Fcallback")),
             qPrintable(encoded));
    QVERIFY2(encoded.contains(QStringLiteral("scope=openid%20profile%20email")), qPrintable(encoded));
    const QUrlQuery query(url);
    QCOMPARE(item(query, "response_type"), QStringLiteral("code"));
    QCOMPARE(item(query, "client_id"), QStringLiteral("survey-desktop"));
    QCOMPARE(item(query, "redirect_uri"), QStringLiteral("http://127.0.0.1:53682/callback"));
    QCOMPARE(item(query, "scope"), QStringLiteral("openid profile email"));
    QCOMPARE(item(query, "state"), QString::fromLatin1(request.state));
    QCOMPARE(item(query, "nonce"), QString::fromLatin1(request.nonce));
    QCOMPARE(item(query, "code_challenge"), QString::fromLatin1(request.pkce.challenge));
    QCOMPARE(item(query, "code_challenge_method"), QStringLiteral("S256"));
    QCOMPARE(item(query, "login_hint"), QStringLiteral("alice+ops@example.com"));
    QVERIFY(!query.hasQueryItem(QStringLiteral("prompt")));
    QVERIFY(!encoded.contains(QStringLiteral("code_verifier")));
}

void TestOidcProtocol::authorizationUrlOfflineAccessAndExistingQuery()
{
    AuthorizationRequest request =
        AuthorizationRequest::create(QUrl(QStringLiteral("https://login.example.com/tenant/authorize?p=b2c_signin")),
                                     QStringLiteral("app"), QUrl(QStringLiteral("http://127.0.0.1:1/callback")),
                                     {QStringLiteral("openid"), QStringLiteral("offline_access")});
    const QUrlQuery query(request.url());
    QCOMPARE(item(query, "p"), QStringLiteral("b2c_signin"));
    QCOMPARE(item(query, "prompt"), QStringLiteral("consent"));
    QCOMPARE(item(query, "scope"), QStringLiteral("openid offline_access"));
    QVERIFY(!query.hasQueryItem(QStringLiteral("login_hint")));
}

void TestOidcProtocol::callbackChecks()
{
    const QByteArray state = "Yv2s-state-value";
    const QString issuer = QStringLiteral("http://127.0.0.1:4000");
    Result<QString> code = checkCallback(callback({{QStringLiteral("code"), QStringLiteral("abc")},
                                                   {QStringLiteral("state"), QString::fromLatin1(state)},
                                                   {QStringLiteral("iss"), issuer}}),
                                         state, issuer);
    QVERIFY(code.ok());
    QCOMPARE(code.value(), QStringLiteral("abc"));
    // iss is optional (providers without RFC 9207).
    QVERIFY(checkCallback(callback({{QStringLiteral("code"), QStringLiteral("abc")},
                                    {QStringLiteral("state"), QString::fromLatin1(state)}}),
                          state, issuer)
                .ok());

    code = checkCallback(callback({{QStringLiteral("code"), QStringLiteral("abc")},
                                   {QStringLiteral("state"), QStringLiteral("forged")}}),
                         state, issuer);
    QVERIFY(!code.ok());
    QCOMPARE(code.error().code, ErrorCode::TokenRejected);
    QVERIFY(code.error().detail.contains(QStringLiteral("state")));
    // No state at all, and an empty expected state, fail too.
    QVERIFY(!checkCallback(callback({{QStringLiteral("code"), QStringLiteral("abc")}}), state, issuer).ok());
    QVERIFY(!checkCallback(callback({{QStringLiteral("code"), QStringLiteral("abc")}}), {}, issuer).ok());

    code = checkCallback(callback({{QStringLiteral("code"), QStringLiteral("abc")},
                                   {QStringLiteral("state"), QString::fromLatin1(state)},
                                   {QStringLiteral("iss"), QStringLiteral("https://evil.example.com")}}),
                         state, issuer);
    QVERIFY(!code.ok());
    QCOMPARE(code.error().code, ErrorCode::TokenRejected);
    QVERIFY2(code.error().detail.contains(QStringLiteral("https://evil.example.com")), qPrintable(code.error().detail));

    code = checkCallback(callback({{QStringLiteral("error"), QStringLiteral("access_denied")},
                                   {QStringLiteral("error_description"), QStringLiteral("The user said no & left")},
                                   {QStringLiteral("state"), QString::fromLatin1(state)},
                                   {QStringLiteral("iss"), issuer}}),
                         state, issuer);
    QVERIFY(!code.ok());
    QCOMPARE(code.error().code, ErrorCode::IdentityProvider);
    QCOMPARE(code.error().detail, QStringLiteral("access_denied: The user said no & left"));

    code = checkCallback(callback({{QStringLiteral("state"), QString::fromLatin1(state)}}), state, issuer);
    QVERIFY(!code.ok());
    QCOMPARE(code.error().code, ErrorCode::IdentityProvider);
}

void TestOidcProtocol::tokenBodiesEncodeEverything()
{
    const QByteArray body =
        authorizationCodeBody(QStringLiteral("co+de&x=1"), QUrl(QStringLiteral("http://127.0.0.1:5000/callback")),
                              QStringLiteral("survey desktop"), "verifier_-.~");
    QVERIFY2(body.contains("code=co%2Bde%26x%3D1"), body.constData());
    QVERIFY2(body.contains("client_id=survey%20desktop"), body.constData());
    QVERIFY2(body.contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcallback"), body.constData());
    QVERIFY2(body.contains("code_verifier=verifier_-.~"), body.constData());
    const auto fields = parseForm(body);
    QCOMPARE(fields.size(), 5);
    QCOMPARE(fields.at(0), std::make_pair(QStringLiteral("grant_type"), QStringLiteral("authorization_code")));
    QCOMPARE(fields.at(1).second, QStringLiteral("co+de&x=1"));

    const QByteArray refresh = refreshTokenBody(QStringLiteral("rt/+=&"), QStringLiteral("survey-desktop"));
    QCOMPARE(refresh, QByteArray("grant_type=refresh_token&refresh_token=rt%2F%2B%3D%26&client_id=survey-desktop"));
    const QByteArray scoped = refreshTokenBody(QStringLiteral("rt"), QStringLiteral("c"),
                                               {QStringLiteral("openid"), QStringLiteral("email")});
    QVERIFY(scoped.endsWith("&scope=openid%20email"));
}

void TestOidcProtocol::tokenResponse()
{
    const Result<TokenResponse> response = parseTokenResponse(
        R"({"access_token":"at","token_type":"bearer","id_token":"a.b.c","refresh_token":"rt","expires_in":300,"scope":"openid"})");
    QVERIFY(response.ok());
    QCOMPARE(response.value().accessToken, QStringLiteral("at"));
    QCOMPARE(response.value().idToken, QByteArray("a.b.c"));
    QCOMPARE(response.value().refreshToken, QStringLiteral("rt"));
    QCOMPARE(response.value().expiresIn, 300);
    QCOMPARE(response.value().scope, QStringLiteral("openid"));

    const Result<TokenResponse> minimal =
        parseTokenResponse(R"({"access_token":"at","token_type":"Bearer","expires_in":"60"})");
    QVERIFY(minimal.ok());
    QVERIFY(minimal.value().idToken.isEmpty());
    QCOMPARE(minimal.value().expiresIn, 60);

    QVERIFY(!parseTokenResponse("not json").ok());
    QVERIFY(!parseTokenResponse(R"({"token_type":"Bearer"})").ok());
    const Result<TokenResponse> mac = parseTokenResponse(R"({"access_token":"at","token_type":"mac"})");
    QVERIFY(!mac.ok());
    QCOMPARE(mac.error().code, ErrorCode::IdentityProvider);
}

void TestOidcProtocol::oauthErrorBodies()
{
    OAuthError error =
        OAuthError::fromResponse(400, R"({"error":"invalid_grant","error_description":"grant request is invalid"})");
    QCOMPARE(error.error, QStringLiteral("invalid_grant"));
    QCOMPARE(error.toError().code, ErrorCode::IdentityProvider);
    QCOMPARE(error.toError().detail, QStringLiteral("invalid_grant: grant request is invalid (HTTP 400)"));

    error = OAuthError::fromResponse(502, "<html><body>Bad   gateway</body></html>");
    QVERIFY(error.error.isEmpty());
    QCOMPARE(error.toError().detail,
             QStringLiteral("unexpected answer: <html><body>Bad gateway</body></html> (HTTP 502)"));
    QCOMPARE(OAuthError::fromResponse(0, {}).toError().detail, QStringLiteral("empty answer"));
}

void TestOidcProtocol::roleClaimPaths()
{
    const QJsonObject claims = QJsonDocument::fromJson(R"({
        "roles": ["survey-operator", 7, "x"],
        "groups": "staff",
        "realm_access": {"roles": ["survey-supervisor"]},
        "resource_access": {"survey-desktop": {"roles": ["admin"]}, "my.app": {"roles": ["dotted"]}},
        "nested": {"number": 3}
    })")
                                   .object();
    QCOMPARE(claimValues(claims, QStringLiteral("roles")),
             (QStringList{QStringLiteral("survey-operator"), QStringLiteral("x")}));
    QCOMPARE(claimValues(claims, QStringLiteral("groups")), QStringList{QStringLiteral("staff")});
    QCOMPARE(claimValues(claims, QStringLiteral("realm_access.roles")),
             QStringList{QStringLiteral("survey-supervisor")});
    QCOMPARE(
        claimValues(claims, QStringLiteral("resource_access.${client_id}.roles"), QStringLiteral("survey-desktop")),
        QStringList{QStringLiteral("admin")});
    QCOMPARE(claimValues(claims, QStringLiteral("resource_access.${client_id}.roles"), QStringLiteral("my.app")),
             QStringList{QStringLiteral("dotted")});
    QVERIFY(
        claimValues(claims, QStringLiteral("resource_access.${client_id}.roles"), QStringLiteral("other")).isEmpty());
    QVERIFY(claimValues(claims, QStringLiteral("nested.number")).isEmpty());
    QVERIFY(claimValues(claims, QStringLiteral("roles.deeper")).isEmpty());
    QVERIFY(claimValues(claims, QStringLiteral("missing")).isEmpty());
}

void TestOidcProtocol::roleMapping()
{
    const QJsonObject claims = QJsonDocument::fromJson(R"({
        "roles": ["survey-operator", "unrelated"],
        "realm_access": {"roles": ["survey-supervisor", "survey-operator"]},
        "resource_access": {"survey-desktop": {"roles": ["admin"]}}
    })")
                                   .object();
    const QHash<QString, QString> map{{QStringLiteral("survey-operator"), QStringLiteral("operator")},
                                      {QStringLiteral("survey-supervisor"), QStringLiteral("supervisor")},
                                      {QStringLiteral("admin"), QStringLiteral("admin")},
                                      {QStringLiteral("staff"), QStringLiteral("operator")}};
    const QStringList paths{QStringLiteral("roles"), QStringLiteral("groups"), QStringLiteral("realm_access.roles"),
                            QStringLiteral("resource_access.${client_id}.roles")};
    QCOMPARE(mapRoles(claims, paths, QStringLiteral("survey-desktop"), map),
             (QStringList{QStringLiteral("admin"), QStringLiteral("operator"), QStringLiteral("supervisor")}));
    QCOMPARE(mapRoles(claims, {QStringLiteral("roles")}, QStringLiteral("survey-desktop"), map),
             QStringList{QStringLiteral("operator")});
    // Nothing mapped: no role (the caller denies sign-in).
    QVERIFY(mapRoles(claims, {QStringLiteral("roles")}, QStringLiteral("survey-desktop"), {}).isEmpty());
    // Case-sensitive: "Admin" is not "admin".
    const QJsonObject upper{{QStringLiteral("roles"), QJsonArray{QStringLiteral("Admin")}}};
    QVERIFY(mapRoles(upper, {QStringLiteral("roles")}, {}, map).isEmpty());
}

void TestOidcProtocol::listenerBindsLoopbackEphemeral()
{
    LoopbackListener listener;
    const Result<QUrl> url = listener.listen();
    QVERIFY(url.ok());
    QCOMPARE(listener.address(), QHostAddress(QHostAddress::LocalHost));
    QVERIFY(listener.port() != 0);
    QCOMPARE(url.value().scheme(), QStringLiteral("http"));
    QCOMPARE(url.value().host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(url.value().port(), static_cast<int>(listener.port()));
    QCOMPARE(url.value().path(), QStringLiteral("/callback"));
    QVERIFY(!listener.listen(QStringLiteral("callback")).ok());
    listener.close();
    QVERIFY(!listener.isListening());
    listener.close(); // twice is harmless
}

void TestOidcProtocol::listener404ThenCallbackThenRefused()
{
    LoopbackListener listener;
    const Result<QUrl> url = listener.listen();
    QVERIFY(url.ok());
    QSignalSpy received(&listener, &LoopbackListener::received);

    QUrl other = url.value();
    other.setPath(QStringLiteral("/callbackx"));
    std::unique_ptr<QNetworkReply> notFound(m_network.get(QNetworkRequest(other)));
    QSignalSpy notFoundDone(notFound.get(), &QNetworkReply::finished);
    QVERIFY(notFoundDone.wait(5000));
    QCOMPARE(notFound->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    QCOMPARE(received.count(), 0);
    QVERIFY(listener.isListening());

    QUrl target = url.value();
    target.setQuery(QStringLiteral("code=c0de&state=st&iss=http%3A%2F%2F127.0.0.1%3A4000&error_description=a+b%2Bc"),
                    QUrl::StrictMode);
    std::unique_ptr<QNetworkReply> reply(m_network.get(QNetworkRequest(target)));
    QSignalSpy done(reply.get(), &QNetworkReply::finished);
    QVERIFY(done.wait(5000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().contains("You can close this window and return to VoiceSurvey Console"));
    QCOMPARE(received.count(), 1);
    const auto query = received.first().first().value<QUrlQuery>();
    QCOMPARE(item(query, "code"), QStringLiteral("c0de"));
    QCOMPARE(item(query, "state"), QStringLiteral("st"));
    QCOMPARE(item(query, "iss"), QStringLiteral("http://127.0.0.1:4000"));
    QCOMPARE(item(query, "error_description"), QStringLiteral("a b+c")); // '+' is a space in form encoding
    QVERIFY(!listener.isListening());

    QTcpSocket socket;
    QSignalSpy errors(&socket, &QTcpSocket::errorOccurred);
    socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(url.value().port()));
    QVERIFY(errors.wait(5000));
    QCOMPARE(socket.error(), QAbstractSocket::ConnectionRefusedError);
    QCOMPARE(received.count(), 1);
}

void TestOidcProtocol::listenerExpectedStateAndLimits()
{
    LoopbackListener listener;
    const Result<QUrl> url = listener.listen(QStringLiteral("/oidc/done"));
    QVERIFY(url.ok());
    listener.setExpectedState("good");
    QSignalSpy received(&listener, &LoopbackListener::received);

    auto get = [this](QUrl target, const QString &query) {
        target.setQuery(query, QUrl::StrictMode);
        std::unique_ptr<QNetworkReply> reply(m_network.get(QNetworkRequest(target)));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        done.wait(5000);
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    };
    QCOMPARE(get(url.value(), QStringLiteral("code=x&state=bad")), 400);
    QCOMPARE(received.count(), 0);

    // A POST is refused, and a request that never ends its headers is cut off.
    QTcpSocket post;
    post.connectToHost(QHostAddress::LocalHost, listener.port());
    QVERIFY(post.waitForConnected(5000));
    post.write("POST /oidc/done?state=good HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QSignalSpy postAnswered(&post, &QTcpSocket::readyRead);
    QVERIFY(postAnswered.wait(5000));
    QVERIFY(post.readAll().startsWith("HTTP/1.1 405"));

    QTcpSocket huge;
    huge.connectToHost(QHostAddress::LocalHost, listener.port());
    QVERIFY(huge.waitForConnected(5000));
    huge.write("GET /oidc/done?state=" + QByteArray(LoopbackListener::kMaxRequestBytes + 10, 'a'));
    QSignalSpy hugeAnswered(&huge, &QTcpSocket::readyRead);
    QVERIFY(hugeAnswered.wait(5000));
    QVERIFY(huge.readAll().startsWith("HTTP/1.1 431"));
    QCOMPARE(received.count(), 0);

    QCOMPARE(get(url.value(), QStringLiteral("code=x&state=good")), 200);
    QCOMPARE(received.count(), 1);
}

QTEST_GUILESS_MAIN(TestOidcProtocol)
#include "tst_oidcprotocol.moc"
