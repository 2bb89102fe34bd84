// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/oidc/oidcsignin.h"
#include "services/auth/secretstore.h"
#include "services/storage/auditrepository.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "services/storage/userrepository.h"
#include "services/users/userservice.h"
#include "tests/support/testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace vsc;
using namespace vsc::services;
using namespace vsc::services::auth::oidc;

// The console's sign-in through a real identity provider (npm oidc-provider, started by scripts/test.sh), end to end
// through OidcSignIn: the authorization URL goes to tests/peers/oidc-browser.sh as the system browser would get it,
// the provider redirects to the console's loopback listener, and the user is admitted with mapped roles.
class TestOidcSignIn : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void usersAreProvisionedWithMappedRoles_data();
    void usersAreProvisionedWithMappedRoles();
    void anInvitationIsClaimedByVerifiedEmail();
    void disabledUsersAreRefused();
    void unmappedUsersWithoutDefaultRoleAreRefused();
    void refreshRotatesTheStoredTokenOnceAtATime();
    void aReplayedRefreshTokenEndsTheSession();
    void signOutForgetsAndRevokes();
    void forgedTokensAreRefusedAndAudited_data();
    void forgedTokensAreRefusedAndAudited();
    void cancelClosesTheListener();

private:
    OidcSettings settingsFor(const QString &issuer) const;
    // Starts a sign-in and plays the browser for `user`; the signal that ended it.
    Result<Actor> signIn(OidcSignIn &flow, const QString &user);
    QJsonObject testRoute(const QString &issuer, const QByteArray &method, const QString &path,
                          const QByteArray &body = {});
    int auditCount(const QString &action);

    QString m_issuer;
    QString m_es256Issuer;
    QTemporaryDir m_browserHome;
    int m_jar = 0;
    QNetworkAccessManager m_network;
    std::unique_ptr<tests::TestDatabase> m_db;
    SystemClock m_clock;
    auth::MemorySecretStore m_secrets;
};

void TestOidcSignIn::initTestCase()
{
    m_issuer = qEnvironmentVariable("VSC_TEST_OIDC_ISSUER");
    m_es256Issuer = qEnvironmentVariable("VSC_TEST_OIDC_ES256_ISSUER");
    if (m_issuer.isEmpty() || m_es256Issuer.isEmpty()) {
        QSKIP("VSC_TEST_OIDC_ISSUER / VSC_TEST_OIDC_ES256_ISSUER are not set (scripts/test.sh starts the providers)");
    }
    testRoute(m_issuer, "POST", QStringLiteral("/__test/reset"));
}

void TestOidcSignIn::init()
{
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    QVERIFY(storage::Migrator(m_db->database()).migrate().ok());
}

void TestOidcSignIn::cleanup()
{
    m_db.reset();
}

OidcSettings TestOidcSignIn::settingsFor(const QString &issuer) const
{
    OidcSettings settings;
    settings.issuer = QUrl(issuer);
    settings.clientId = QStringLiteral("survey-desktop");
    settings.scopes = {QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email"),
                       QStringLiteral("roles"), QStringLiteral("offline_access")};
    settings.roleMap = {{QStringLiteral("survey-operator"), QStringLiteral("operator")},
                        {QStringLiteral("survey-supervisor"), QStringLiteral("supervisor")},
                        {QStringLiteral("admin"), QStringLiteral("admin")}};
    settings.defaultRole = QStringLiteral("viewer");
    return settings;
}

Result<Actor> TestOidcSignIn::signIn(OidcSignIn &flow, const QString &user)
{
    QSignalSpy signedIn(&flow, &OidcSignIn::signedIn);
    QSignalSpy failed(&flow, &OidcSignIn::failed);
    // The system browser: $BROWSER is this script in the real console (QDesktopServices honours it).
    QProcess browser;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VSC_TEST_OIDC_USER"), user);
    // A fresh browser profile per sign-in, as a different person at another desk would have.
    env.insert(QStringLiteral("VSC_TEST_OIDC_COOKIE_JAR"),
               m_browserHome.filePath(QStringLiteral("jar%1").arg(++m_jar)));
    browser.setProcessEnvironment(env);
    connect(&flow, &OidcSignIn::openBrowser, &browser, [&browser](const QUrl &url) {
        browser.start(QStringLiteral(QT_TESTCASE_SOURCEDIR "/peers/oidc-browser.sh"),
                      {url.toString(QUrl::FullyEncoded)});
    });
    flow.start();
    if (!QTest::qWaitFor([&] { return !signedIn.isEmpty() || !failed.isEmpty(); }, 30000)) {
        return Error{ErrorCode::Internal, QStringLiteral("the sign-in never finished")};
    }
    if (browser.state() != QProcess::NotRunning) {
        QSignalSpy exited(&browser, &QProcess::finished);
        exited.wait(10000);
    }
    if (!failed.isEmpty()) {
        return failed.first().first().value<Error>();
    }
    return signedIn.first().first().value<Actor>();
}

QJsonObject TestOidcSignIn::testRoute(const QString &issuer, const QByteArray &method, const QString &path,
                                      const QByteArray &body)
{
    QUrl url(issuer);
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

int TestOidcSignIn::auditCount(const QString &action)
{
    return tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ?"), {action});
}

void TestOidcSignIn::usersAreProvisionedWithMappedRoles_data()
{
    QTest::addColumn<bool>("es256");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("role");
    for (const bool es256 : {false, true}) {
        const char *alg = es256 ? "ES256" : "RS256";
        QTest::addRow("%s alice (roles)", alg) << es256 << QStringLiteral("alice") << QStringLiteral("operator");
        QTest::addRow("%s sam (realm_access)", alg) << es256 << QStringLiteral("sam") << QStringLiteral("supervisor");
        QTest::addRow("%s ada (resource_access)", alg) << es256 << QStringLiteral("ada") << QStringLiteral("admin");
        QTest::addRow("%s dora (unmapped: default)", alg)
            << es256 << QStringLiteral("dora") << QStringLiteral("viewer");
    }
}

void TestOidcSignIn::usersAreProvisionedWithMappedRoles()
{
    QFETCH(bool, es256);
    QFETCH(QString, user);
    QFETCH(QString, role);
    const QString issuer = es256 ? m_es256Issuer : m_issuer;
    OidcSignIn flow(m_db->database(), m_clock, m_secrets, &m_network, settingsFor(issuer));
    auto actor = signIn(flow, user);
    QVERIFY2(actor.ok(), qPrintable(actor.ok() ? QString() : actor.error().toString()));
    QCOMPARE(actor.value().roles, QStringList{role});
    QCOMPARE(actor.value().kind, ActorKind::User);
    QVERIFY(flow.hasSession());
    // Keyed by issuer and subject; the refresh token in the secret store only.
    QCOMPARE(
        tests::count(m_db->database(),
                     QStringLiteral("SELECT COUNT(*) FROM users WHERE oidc_issuer = ? AND oidc_subject IS NOT NULL "
                                    "AND auth_source = 'oidc' AND id = ?"),
                     {issuer, actor.value().userId.value()}),
        1);
    QVERIFY(m_secrets.read(flow.refreshTokenKey()).ok());
    QCOMPARE(auditCount(QStringLiteral("auth.signin")), 1);
    // A second sign-in finds the same user.
    OidcSignIn again(m_db->database(), m_clock, m_secrets, &m_network, settingsFor(issuer));
    QCOMPARE(signIn(again, user).value().userId, actor.value().userId);
}

void TestOidcSignIn::anInvitationIsClaimedByVerifiedEmail()
{
    services::users::UserService users(m_db->database(), m_clock,
                                       auth::PasswordHasher(auth::PasswordHasher::Cost::Minimum));
    auto invited = users.inviteOidc(Actor::fileOwner(QStringLiteral("tester")), QStringLiteral("dora@example.test"),
                                    QStringLiteral("Dora"), {QStringLiteral("supervisor")});
    QVERIFY(invited.ok());
    OidcSignIn flow(m_db->database(), m_clock, m_secrets, &m_network, settingsFor(m_issuer));
    auto actor = signIn(flow, QStringLiteral("dora"));
    QVERIFY2(actor.ok(), qPrintable(actor.ok() ? QString() : actor.error().toString()));
    QCOMPARE(actor.value().userId, std::optional<qint64>(invited.value()));
    // Her provider values map to nothing, so the roles the admin gave stay.
    QCOMPARE(actor.value().roles, QStringList{QStringLiteral("supervisor")});
}

void TestOidcSignIn::disabledUsersAreRefused()
{
    OidcSignIn flow(m_db->database(), m_clock, m_secrets, &m_network, settingsFor(m_issuer));
    auto first = signIn(flow, QStringLiteral("alice"));
    QVERIFY(first.ok());
    QVERIFY(storage::UserRepository(m_db->database()).setDisabled(first.value().userId.value(), true).ok());
    OidcSignIn again(m_db->database(), m_clock, m_secrets, &m_network, settingsFor(m_issuer));
    auto refused = signIn(again, QStringLiteral("alice"));
    QCOMPARE(refused.error().code, ErrorCode::AccountDisabled);
    QVERIFY(!again.hasSession());
    QCOMPARE(auditCount(QStringLiteral("auth.signin.failed")), 1);
}

void TestOidcSignIn::unmappedUsersWithoutDefaultRoleAreRefused()
{
    OidcSettings strict = settingsFor(m_issuer);
    strict.defaultRole.clear();
    OidcSignIn flow(m_db->database(), m_clock, m_secrets, &m_network, strict);
    auto refused = signIn(flow, QStringLiteral("dora"));
    QCOMPARE(refused.error().code, ErrorCode::Unauthenticated);
    QCOMPARE(tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM users")), 0);
    QCOMPARE(auditCount(QStringLiteral("auth.signin.failed")), 1);
}

void TestOidcSignIn::refreshRotatesTheStoredTokenOnceAtATime()
{
    OidcSignIn flow(m_db->database(), m_clock, m_secrets, &m_network, settingsFor(m_issuer));
    QVERIFY(signIn(flow, QStringLiteral("sam")).ok());
    const QString before = m_secrets.read(flow.refreshTokenKey()).value();
    const int tokenRequests =
        testRoute(m_issuer, "GET", QStringLiteral("/__test/counters")).value(QStringLiteral("token")).toInt();
    int answers = 0;
    bool allOk = true;
    for (int i = 0; i < 3; ++i) {
        flow.refreshNow([&answers, &allOk](Result<void> done) {
            ++answers;
            allOk = allOk && done.ok();
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answers, 3, 15000);
    QVERIFY(allOk);
    QCOMPARE(testRoute(m_issuer, "GET", QStringLiteral("/__test/counters")).value(QStringLiteral("token")).toInt(),
             tokenRequests + 1);
    const QString after = m_secrets.read(flow.refreshTokenKey()).value();
    QVERIFY(!after.isEmpty());
    QVERIFY(after != before); // rotated, and only the newest is kept
}

void TestOidcSignIn::aReplayedRefreshTokenEndsTheSession()
{
    OidcSignIn flow(m_db->database(), m_clock, m_secrets, &m_network, settingsFor(m_issuer));
    QVERIFY(signIn(flow, QStringLiteral("alice")).ok());
    const QString old = m_secrets.read(flow.refreshTokenKey()).value();
    std::optional<Result<void>> first;
    flow.refreshNow([&first](Result<void> r) { first = r; });
    QTRY_VERIFY_WITH_TIMEOUT(first.has_value(), 15000);
    QVERIFY(first->ok());
    // Someone replays the rotated-out token (a stolen copy): the provider refuses it and revokes the grant.
    QVERIFY(m_secrets.write(flow.refreshTokenKey(), old).ok());
    QSignalSpy ended(&flow, &OidcSignIn::sessionEnded);
    std::optional<Result<void>> replay;
    flow.refreshNow([&replay](Result<void> r) { replay = r; });
    QTRY_VERIFY_WITH_TIMEOUT(replay.has_value(), 15000);
    QVERIFY(!replay->ok());
    QVERIFY2(replay->error().detail.contains(QStringLiteral("invalid_grant:")), qPrintable(replay->error().detail));
    QCOMPARE(ended.size(), 1);
    QVERIFY(!flow.hasSession());
}

void TestOidcSignIn::signOutForgetsAndRevokes()
{
    OidcSignIn flow(m_db->database(), m_clock, m_secrets, &m_network, settingsFor(m_issuer));
    QVERIFY(signIn(flow, QStringLiteral("ada")).ok());
    const QString key = flow.refreshTokenKey();
    const QString token = m_secrets.read(key).value();
    QSignalSpy browser(&flow, &OidcSignIn::openBrowser);
    flow.signOut();
    QCOMPARE(m_secrets.read(key).error().code, ErrorCode::NotFound);
    QVERIFY(!flow.hasSession());
    QCOMPARE(browser.size(), 1); // RP-initiated logout at the provider
    const QUrl logout = browser.first().first().toUrl();
    QVERIFY2(logout.toString().contains(QStringLiteral("id_token_hint=")), qPrintable(logout.toString()));
    // The provider revoked the token: using it now fails.
    OidcSignIn other(m_db->database(), m_clock, m_secrets, &m_network, settingsFor(m_issuer));
    QVERIFY(signIn(other, QStringLiteral("ada")).ok());
    QVERIFY(m_secrets.write(other.refreshTokenKey(), token).ok());
    std::optional<Result<void>> refreshed;
    QTest::qWait(0);
    other.refreshNow([&refreshed](Result<void> r) { refreshed = r; });
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.has_value(), 15000);
    QVERIFY(!refreshed->ok());
}

void TestOidcSignIn::forgedTokensAreRefusedAndAudited_data()
{
    QTest::addColumn<bool>("es256");
    QTest::addColumn<QString>("mode");
    for (const bool es256 : {false, true}) {
        for (const char *mode :
             {"expired", "wrong-aud", "wrong-iss", "wrong-nonce", "bad-sig", "alg-none", "hs256-confusion"}) {
            QTest::addRow("%s %s", es256 ? "ES256" : "RS256", mode) << es256 << QString::fromLatin1(mode);
        }
    }
}

void TestOidcSignIn::forgedTokensAreRefusedAndAudited()
{
    QFETCH(bool, es256);
    QFETCH(QString, mode);
    const QString issuer = es256 ? m_es256Issuer : m_issuer;
    const QJsonObject armed = testRoute(issuer, "POST", QStringLiteral("/__test/tamper"),
                                        QJsonDocument(QJsonObject{{QStringLiteral("mode"), mode}}).toJson());
    QCOMPARE(armed.value(QStringLiteral("mode")).toString(), mode);
    OidcSignIn flow(m_db->database(), m_clock, m_secrets, &m_network, settingsFor(issuer));
    auto refused = signIn(flow, QStringLiteral("alice"));
    QVERIFY2(!refused.ok(), "a forged ID token was accepted");
    QCOMPARE(refused.error().code, ErrorCode::TokenRejected);
    QVERIFY(!flow.hasSession());
    QCOMPARE(tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM users")), 0);
    QCOMPARE(auditCount(QStringLiteral("auth.signin.failed")), 1);
}

void TestOidcSignIn::cancelClosesTheListener()
{
    OidcSignIn flow(m_db->database(), m_clock, m_secrets, &m_network, settingsFor(m_issuer));
    QSignalSpy opened(&flow, &OidcSignIn::openBrowser);
    QSignalSpy failed(&flow, &OidcSignIn::failed);
    flow.start();
    QVERIFY(opened.wait(15000));
    const QUrl url = opened.first().first().toUrl();
    const QUrl redirect(QUrlQuery(url).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(redirect.port() > 0);
    flow.cancel();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<Error>().code, ErrorCode::Unauthenticated);
    // Nobody answers on the loopback port any more.
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, quint16(redirect.port()));
    QVERIFY(!probe.waitForConnected(2000));
}

QTEST_GUILESS_MAIN(TestOidcSignIn)
#include "tst_oidcsignin.moc"
