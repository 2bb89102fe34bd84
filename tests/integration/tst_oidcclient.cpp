// SPDX-License-Identifier: GPL-3.0-or-later
// OidcClient and the protocol core against a real OpenID Provider: oidc-provider 9.13.3 (tests/peers/oidc-op.mjs),
// started outside the test (tests/peers/start-oidc.sh) and named by VSC_TEST_OIDC_ISSUER; without it, skipped.
// The "browser" is an in-process QNetworkAccessManager following the OP's redirects with a cookie jar, or
// tests/peers/oidc-browser.sh; either ends at the LoopbackListener, as the system browser would.
#include "services/auth/oidc/authorizationrequest.h"
#include "services/auth/oidc/loopbacklistener.h"
#include "services/auth/oidc/oidcclient.h"
#include "services/auth/oidc/roleclaims.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace vsc;
using namespace vsc::services::auth::oidc;

namespace {

const QString kClientId = QStringLiteral("survey-desktop");
const QStringList kScopes{QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email"),
                          QStringLiteral("roles"), QStringLiteral("offline_access")};

} // namespace

class TestOidcClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void discovery();
    void discoveryIssuerMustMatchExactly();
    void signInAndRolesForEachUser_data();
    void signInAndRolesForEachUser();
    void signInThroughBrowserScript();
    void unknownUserIsAccessDenied();
    void refreshRotatesAndReplayFails();
    void forgedIdTokensRejected_data();
    void forgedIdTokensRejected();
    void keyRotationCostsExactlyOneJwksFetch();
    void revokeAndEndSession();

private:
    struct SignIn
    {
        AuthorizationRequest request;
        Result<QString> code = Error{};
    };
    // Drives one authorization request through the OP with `user` and returns what the callback checks gave.
    SignIn authorize(const QString &user);
    Result<TokenSet> signIn(OidcClient &client, const QString &user);
    // tests/peers/oidc-browser.sh as the browser, with a cookie jar that persists between calls.
    bool runBrowserScript(const QUrl &url, const QString &user, const QString &cookieJar);
    Result<TokenSet> signInWithScript(const QString &user, const QString &cookieJar);
    QJsonObject testRoute(const QByteArray &method, const QString &path, const QByteArray &body = {});

    QUrl m_issuer;
    QNetworkAccessManager m_network;
    std::unique_ptr<QNetworkAccessManager> m_browser;
    std::unique_ptr<OidcClient> m_client;
};

void TestOidcClient::initTestCase()
{
    // VSC_TEST_OIDC_USE_ES256 runs the same tests against the provider that signs with ES256 only.
    const QByteArray issuer = qgetenv(
        qEnvironmentVariableIsSet("VSC_TEST_OIDC_USE_ES256") ? "VSC_TEST_OIDC_ES256_ISSUER" : "VSC_TEST_OIDC_ISSUER");
    if (issuer.isEmpty()) {
        QSKIP("VSC_TEST_OIDC_ISSUER is not set (tests/peers/start-oidc.sh starts the test OP)");
    }
    m_issuer = QUrl(QString::fromUtf8(issuer));
    m_browser = std::make_unique<QNetworkAccessManager>();
    m_browser->setCookieJar(new QNetworkCookieJar(m_browser.get()));
    m_client = std::make_unique<OidcClient>(OidcClientOptions{m_issuer, kClientId}, &m_network);
    std::optional<Result<ProviderMetadata>> metadata;
    m_client->discover([&](Result<ProviderMetadata> result) { metadata = std::move(result); });
    QTRY_VERIFY_WITH_TIMEOUT(metadata.has_value(), 15000);
    QVERIFY2(metadata->ok(), metadata->ok() ? "" : qPrintable(metadata->error().toString()));
    testRoute("POST", QStringLiteral("/__test/reset"));
}

QJsonObject TestOidcClient::testRoute(const QByteArray &method, const QString &path, const QByteArray &body)
{
    QUrl url = m_issuer;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, method, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(10000)) {
        return {};
    }
    return QJsonDocument::fromJson(reply->readAll()).object();
}

TestOidcClient::SignIn TestOidcClient::authorize(const QString &user)
{
    LoopbackListener listener;
    const Result<QUrl> redirect = listener.listen();
    SignIn result;
    if (!redirect) {
        result.code = redirect.error();
        return result;
    }
    result.request = AuthorizationRequest::create(m_client->metadata()->authorizationEndpoint, kClientId,
                                                  redirect.value(), kScopes, user);
    listener.setExpectedState(result.request.state);
    QSignalSpy received(&listener, &LoopbackListener::received);

    // A fresh browser profile per sign-in: with another user's session in the jar the OP would first ask to sign
    // that user out, in a form a real browser submits with JavaScript (oidc-browser.sh handles it; this does not).
    m_browser->setCookieJar(new QNetworkCookieJar(m_browser.get()));
    QNetworkRequest browse(result.request.url());
    browse.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    std::unique_ptr<QNetworkReply> reply(m_browser->get(browse));
    if (!received.wait(15000)) {
        result.code = Error{ErrorCode::Internal, QStringLiteral("the callback never arrived")};
        return result;
    }
    result.code = checkCallback(received.first().first().value<QUrlQuery>(), result.request.state,
                                m_client->metadata()->issuer.toString());
    return result;
}

Result<TokenSet> TestOidcClient::signIn(OidcClient &client, const QString &user)
{
    const SignIn signIn = authorize(user);
    if (!signIn.code) {
        return signIn.code.error();
    }
    std::optional<Result<TokenSet>> tokens;
    client.exchangeCode(signIn.code.value(), signIn.request,
                        [&](Result<TokenSet> result) { tokens = std::move(result); });
    if (!QTest::qWaitFor([&] { return tokens.has_value(); }, 15000)) {
        return Error{ErrorCode::Internal, QStringLiteral("no token answer")};
    }
    return *tokens;
}

void TestOidcClient::discovery()
{
    const ProviderMetadata &metadata = *m_client->metadata();
    QCOMPARE(metadata.issuer.toString(), m_issuer.toString());
    QVERIFY(metadata.codeChallengeMethods.contains(QStringLiteral("S256")));
    QVERIFY(!metadata.revocationEndpoint.isEmpty());
    QVERIFY(!metadata.endSessionEndpoint.isEmpty());
    std::optional<Result<int>> keys;
    m_client->fetchKeys([&](Result<int> result) { keys = std::move(result); });
    QTRY_VERIFY_WITH_TIMEOUT(keys.has_value(), 15000);
    QVERIFY(keys->ok());
    QVERIFY(keys->value() >= 1);
}

void TestOidcClient::discoveryIssuerMustMatchExactly()
{
    OidcClient client(OidcClientOptions{QUrl(m_issuer.toString() + QLatin1Char('/')), kClientId}, &m_network);
    std::optional<Result<ProviderMetadata>> metadata;
    client.discover([&](Result<ProviderMetadata> result) { metadata = std::move(result); });
    QTRY_VERIFY_WITH_TIMEOUT(metadata.has_value(), 15000);
    QVERIFY(!metadata->ok());
    QCOMPARE(metadata->error().code, ErrorCode::IdentityProvider);
    QVERIFY2(metadata->error().detail.contains(QStringLiteral("is not the configured issuer")),
             qPrintable(metadata->error().detail));
}

void TestOidcClient::signInAndRolesForEachUser_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("role");
    QTest::newRow("alice: roles") << QStringLiteral("alice") << QStringLiteral("operator");
    QTest::newRow("sam: realm_access.roles") << QStringLiteral("sam") << QStringLiteral("supervisor");
    QTest::newRow("ada: resource_access.<client>.roles") << QStringLiteral("ada") << QStringLiteral("admin");
    QTest::newRow("dora: groups") << QStringLiteral("dora") << QStringLiteral("operator");
}

void TestOidcClient::signInAndRolesForEachUser()
{
    QFETCH(QString, user);
    QFETCH(QString, role);
    const Result<TokenSet> tokens = signIn(*m_client, user);
    QVERIFY2(tokens.ok(), tokens.ok() ? "" : qPrintable(tokens.error().toString()));
    const IdTokenClaims &claims = *tokens.value().idClaims;
    QCOMPARE(claims.sub, user);
    QVERIFY(claims.emailVerified);
    QVERIFY(!claims.email.isEmpty());
    QVERIFY(!claims.name.isEmpty());
    QVERIFY(!tokens.value().tokens.accessToken.isEmpty());
    QVERIFY(!tokens.value().tokens.refreshToken.isEmpty());
    const QHash<QString, QString> map{{QStringLiteral("survey-operator"), QStringLiteral("operator")},
                                      {QStringLiteral("survey-supervisor"), QStringLiteral("supervisor")},
                                      {QStringLiteral("admin"), QStringLiteral("admin")},
                                      {QStringLiteral("staff"), QStringLiteral("operator")}};
    const QStringList paths{QStringLiteral("roles"), QStringLiteral("groups"), QStringLiteral("realm_access.roles"),
                            QStringLiteral("resource_access.${client_id}.roles")};
    QCOMPARE(mapRoles(claims.payload, paths, kClientId, map), QStringList{role});
}

bool TestOidcClient::runBrowserScript(const QUrl &url, const QString &user, const QString &cookieJar)
{
    QProcess browser;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VSC_TEST_OIDC_USER"), user);
    env.insert(QStringLiteral("VSC_TEST_OIDC_COOKIE_JAR"), cookieJar);
    browser.setProcessEnvironment(env);
    QSignalSpy exited(&browser, &QProcess::finished);
    browser.start(QStringLiteral(QT_TESTCASE_SOURCEDIR "/peers/oidc-browser.sh"), {url.toString(QUrl::FullyEncoded)});
    // Not waitForFinished(): it would block the event loop that has to write the listener's page to curl.
    return exited.wait(20000) && browser.exitStatus() == QProcess::NormalExit && browser.exitCode() == 0;
}

Result<TokenSet> TestOidcClient::signInWithScript(const QString &user, const QString &cookieJar)
{
    LoopbackListener listener;
    const Result<QUrl> redirect = listener.listen();
    if (!redirect) {
        return redirect.error();
    }
    // No login_hint in the URL: the script adds it from VSC_TEST_OIDC_USER.
    const AuthorizationRequest request =
        AuthorizationRequest::create(m_client->metadata()->authorizationEndpoint, kClientId, redirect.value(), kScopes);
    QSignalSpy received(&listener, &LoopbackListener::received);
    if (!runBrowserScript(request.url(), user, cookieJar) || received.isEmpty()) {
        return Error{ErrorCode::Internal, QStringLiteral("oidc-browser.sh did not reach the callback")};
    }
    const Result<QString> code = checkCallback(received.first().first().value<QUrlQuery>(), request.state,
                                               m_client->metadata()->issuer.toString());
    if (!code) {
        return code.error();
    }
    std::optional<Result<TokenSet>> tokens;
    m_client->exchangeCode(code.value(), request, [&](Result<TokenSet> result) { tokens = std::move(result); });
    if (!QTest::qWaitFor([&] { return tokens.has_value(); }, 15000)) {
        return Error{ErrorCode::Internal, QStringLiteral("no token answer")};
    }
    return *tokens;
}

void TestOidcClient::signInThroughBrowserScript()
{
    QTemporaryDir dir;
    const QString jar = dir.filePath(QStringLiteral("cookies"));
    const Result<TokenSet> sam = signInWithScript(QStringLiteral("sam"), jar);
    QVERIFY2(sam.ok(), sam.ok() ? "" : qPrintable(sam.error().toString()));
    QCOMPARE(sam.value().idClaims->sub, QStringLiteral("sam"));
    // Same browser, another user: the script confirms the OP's "sign out the current user first" form.
    const Result<TokenSet> dora = signInWithScript(QStringLiteral("dora"), jar);
    QVERIFY2(dora.ok(), dora.ok() ? "" : qPrintable(dora.error().toString()));
    QCOMPARE(dora.value().idClaims->sub, QStringLiteral("dora"));
}

void TestOidcClient::unknownUserIsAccessDenied()
{
    const SignIn signIn = authorize(QStringLiteral("mallory"));
    QVERIFY(!signIn.code.ok());
    QCOMPARE(signIn.code.error().code, ErrorCode::IdentityProvider);
    QVERIFY2(signIn.code.error().detail.startsWith(QStringLiteral("access_denied: unknown test user")),
             qPrintable(signIn.code.error().detail));
}

void TestOidcClient::refreshRotatesAndReplayFails()
{
    const Result<TokenSet> first = signIn(*m_client, QStringLiteral("alice"));
    QVERIFY(first.ok());
    const QString original = first.value().tokens.refreshToken;

    std::optional<Result<TokenSet>> refreshed;
    m_client->refresh(original, first.value().idClaims,
                      [&](Result<TokenSet> result) { refreshed = std::move(result); });
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.has_value(), 15000);
    QVERIFY2(refreshed->ok(), refreshed->ok() ? "" : qPrintable(refreshed->error().toString()));
    QVERIFY(!refreshed->value().tokens.refreshToken.isEmpty());
    QVERIFY(refreshed->value().tokens.refreshToken != original); // rotation
    QCOMPARE(refreshed->value().idClaims->sub, QStringLiteral("alice"));

    std::optional<Result<TokenSet>> replayed;
    m_client->refresh(original, first.value().idClaims, [&](Result<TokenSet> result) { replayed = std::move(result); });
    QTRY_VERIFY_WITH_TIMEOUT(replayed.has_value(), 15000);
    QVERIFY(!replayed->ok());
    QCOMPARE(replayed->error().code, ErrorCode::IdentityProvider);
    QVERIFY2(replayed->error().detail.contains(QStringLiteral("invalid_grant")), qPrintable(replayed->error().detail));
    QVERIFY2(replayed->error().detail.contains(QStringLiteral("HTTP 400")), qPrintable(replayed->error().detail));
}

void TestOidcClient::forgedIdTokensRejected_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("expired") << QStringLiteral("expired") << QStringLiteral("expired at");
    QTest::newRow("wrong-aud") << QStringLiteral("wrong-aud") << QStringLiteral("audience does not include client");
    QTest::newRow("wrong-iss") << QStringLiteral("wrong-iss") << QStringLiteral("issuer");
    QTest::newRow("wrong-nonce") << QStringLiteral("wrong-nonce") << QStringLiteral("nonce does not match");
    QTest::newRow("bad-sig") << QStringLiteral("bad-sig") << QStringLiteral("signature is invalid");
    QTest::newRow("alg-none") << QStringLiteral("alg-none") << QStringLiteral("algorithm 'none' is not allowed");
    QTest::newRow("hs256-confusion") << QStringLiteral("hs256-confusion")
                                     << QStringLiteral("algorithm 'HS256' is not allowed");
}

void TestOidcClient::forgedIdTokensRejected()
{
    QFETCH(QString, mode);
    QFETCH(QString, fragment);
    const QJsonObject armed = testRoute("POST", QStringLiteral("/__test/tamper"),
                                        QJsonDocument(QJsonObject{{QStringLiteral("mode"), mode}}).toJson());
    QCOMPARE(armed.value(QStringLiteral("mode")).toString(), mode);
    const Result<TokenSet> tokens = signIn(*m_client, QStringLiteral("alice"));
    QVERIFY2(!tokens.ok(), "a forged id token was accepted");
    QCOMPARE(tokens.error().code, ErrorCode::TokenRejected);
    QVERIFY2(tokens.error().detail.contains(fragment), qPrintable(tokens.error().detail));
}

void TestOidcClient::keyRotationCostsExactlyOneJwksFetch()
{
    // A fresh client that already holds the current keys.
    OidcClient client(OidcClientOptions{m_issuer, kClientId}, &m_network);
    std::optional<Result<int>> keys;
    client.fetchKeys([&](Result<int> result) { keys = std::move(result); });
    QTRY_VERIFY_WITH_TIMEOUT(keys.has_value(), 15000);
    QVERIFY(keys->ok());
    QVERIFY(signIn(client, QStringLiteral("alice")).ok());
    const int before = testRoute("GET", QStringLiteral("/__test/counters")).value(QStringLiteral("jwks")).toInt();

    const QString kid =
        testRoute("POST", QStringLiteral("/__test/rotate-keys")).value(QStringLiteral("kid")).toString();
    QVERIFY(!kid.isEmpty());
    QVERIFY(client.keys().find(kid) == nullptr);
    const Result<TokenSet> rotated = signIn(client, QStringLiteral("alice"));
    QVERIFY2(rotated.ok(), rotated.ok() ? "" : qPrintable(rotated.error().toString()));
    QVERIFY(client.keys().find(kid) != nullptr);
    QCOMPARE(testRoute("GET", QStringLiteral("/__test/counters")).value(QStringLiteral("jwks")).toInt(), before + 1);

    QVERIFY(signIn(client, QStringLiteral("alice")).ok());
    QCOMPARE(testRoute("GET", QStringLiteral("/__test/counters")).value(QStringLiteral("jwks")).toInt(), before + 1);
}

void TestOidcClient::revokeAndEndSession()
{
    QTemporaryDir dir;
    const QString jar = dir.filePath(QStringLiteral("cookies"));
    const Result<TokenSet> tokens = signInWithScript(QStringLiteral("ada"), jar);
    QVERIFY2(tokens.ok(), tokens.ok() ? "" : qPrintable(tokens.error().toString()));
    std::optional<Result<void>> revoked;
    m_client->revoke(tokens.value().tokens.refreshToken, [&](Result<void> result) { revoked = std::move(result); });
    QTRY_VERIFY_WITH_TIMEOUT(revoked.has_value(), 15000);
    QVERIFY2(revoked->ok(), revoked->ok() ? "" : qPrintable(revoked->error().toString()));
    std::optional<Result<TokenSet>> refreshed;
    m_client->refresh(tokens.value().tokens.refreshToken, std::nullopt,
                      [&](Result<TokenSet> result) { refreshed = std::move(result); });
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.has_value(), 15000);
    QVERIFY(!refreshed->ok());
    QVERIFY2(refreshed->error().detail.contains(QStringLiteral("invalid_grant")),
             qPrintable(refreshed->error().detail));

    // RP-initiated logout in the same browser: the script confirms the OP's form and lands on our listener.
    LoopbackListener listener;
    const Result<QUrl> loggedOut = listener.listen(QStringLiteral("/logged-out"));
    QVERIFY(loggedOut.ok());
    const QUrl url = m_client->endSessionUrl(tokens.value().tokens.idToken, loggedOut.value(), "bye");
    QVERIFY(url.isValid());
    QSignalSpy received(&listener, &LoopbackListener::received);
    QVERIFY(runBrowserScript(url, {}, jar));
    QCOMPARE(received.count(), 1);
    QCOMPARE(received.first().first().value<QUrlQuery>().queryItemValue(QStringLiteral("state")),
             QStringLiteral("bye"));
}

QTEST_GUILESS_MAIN(TestOidcClient)
#include "tst_oidcclient.moc"
