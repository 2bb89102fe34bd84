// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets stay in the secret store. A whole session uses every kind of secret the console handles: a local
// password (set through the CLI, then signed in with, right and wrong), the identity provider's tokens (sign-in,
// refresh, sign-out), the Twilio auth token (a `serve` process checking the signatures of a call played by the
// official twilio helper) and the database password. Then every file the console wrote (logs, journals, settings,
// state), everything the processes printed, and a dump of the database are searched for each secret, as written and
// in its base64 and percent-encoded forms. Nothing may be found.
#include "services/auth/local/localsignin.h"
#include "services/auth/local/passwordhasher.h"
#include "services/auth/oidc/oidcsignin.h"
#include "services/auth/secretstore.h"
#include "services/logging/logging.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "testconfig.h"
#include "tests/support/callfixture.h"
#include "tests/support/testdatabase.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace vsc;
using namespace vsc::services;

namespace {
const QByteArray kTwilioToken = "f3c9a1e2d4b5c6a7e8f9012345678abc";
const QString kPublicUrl = QStringLiteral("https://surveys.example.com/vsc");
const QString kLocalPassword = QStringLiteral("correct horse battery staple 42");
const QString kWrongPassword = QStringLiteral("incorrect mule battery staple 17");
} // namespace

class TestNoSecrets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void noSecretIsWrittenOrPrinted();

private:
    QProcessEnvironment childEnvironment() const;
    QByteArray runCli(const QStringList &args, const QByteArray &input = {});
    QString signInThroughProvider(auth::oidc::OidcSignIn &flow);

    QTemporaryDir m_home;
    QByteArray m_printed; // everything the child processes wrote to stdout and stderr
    QString m_issuer;
};

void TestNoSecrets::initTestCase()
{
    m_issuer = qEnvironmentVariable("VSC_TEST_OIDC_ISSUER");
    QVERIFY2(!m_issuer.isEmpty(), "VSC_TEST_OIDC_ISSUER is not set (scripts/test.sh starts the identity provider)");
    QVERIFY2(tests::TestDatabase::postgresRequested(), "runs on PostgreSQL (a database password to look for)");
    QVERIFY2(QDir(QStringLiteral(VSC_PEERS_DIR "/node_modules/twilio")).exists(),
             "tests/peers/node_modules is missing: run scripts/install-deps.sh --with-peers");
    for (const char *dir : {"config", "data", "state", "cache"}) {
        QVERIFY(QDir().mkpath(m_home.filePath(QString::fromLatin1(dir))));
    }
    // This process logs where the console would, at the most talkative level.
    logging::LogOptions options;
    options.directory = m_home.filePath(QStringLiteral("state/voicesurvey-console/logs"));
    options.toStderr = false;
    options.level = spdlog::level::trace;
    QVERIFY(logging::initialize(options).ok());
}

QProcessEnvironment TestNoSecrets::childEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_home.filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("VSC_NO_KEYCHAIN"), QStringLiteral("1"));
    env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), QString::fromLatin1(kTwilioToken));
    return env;
}

QByteArray TestNoSecrets::runCli(const QStringList &args, const QByteArray &input)
{
    QProcess process;
    process.setProcessEnvironment(childEnvironment());
    process.start(QStringLiteral(VSC_APP_BINARY),
                  args + QStringList{QStringLiteral("--log-level"), QStringLiteral("trace")});
    process.waitForStarted();
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(120000);
    const QByteArray out = process.readAllStandardOutput() + process.readAllStandardError();
    m_printed += out;
    return out;
}

QString TestNoSecrets::signInThroughProvider(auth::oidc::OidcSignIn &flow)
{
    QSignalSpy signedIn(&flow, &auth::oidc::OidcSignIn::signedIn);
    QSignalSpy failed(&flow, &auth::oidc::OidcSignIn::failed);
    QProcess browser;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VSC_TEST_OIDC_USER"), QStringLiteral("ada"));
    env.insert(QStringLiteral("VSC_TEST_OIDC_COOKIE_JAR"), m_home.filePath(QStringLiteral("browser-cookies")));
    browser.setProcessEnvironment(env);
    connect(&flow, &auth::oidc::OidcSignIn::openBrowser, &browser, [&browser](const QUrl &url) {
        browser.start(QStringLiteral(VSC_PEERS_DIR "/oidc-browser.sh"), {url.toString(QUrl::FullyEncoded)});
    });
    flow.start();
    if (!QTest::qWaitFor([&] { return !signedIn.isEmpty() || !failed.isEmpty(); }, 30000) || signedIn.isEmpty()) {
        return failed.isEmpty() ? QStringLiteral("timeout") : failed.first().first().value<Error>().toString();
    }
    if (browser.state() != QProcess::NotRunning) {
        QSignalSpy exited(&browser, &QProcess::finished);
        exited.wait(10000);
    }
    return {};
}

void TestNoSecrets::noSecretIsWrittenOrPrinted()
{
    tests::TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.errorString()));
    QVERIFY(storage::Migrator(db.database()).migrate().ok());
    auto fixture = tests::makeCallFixture(db.database());
    QVERIFY(fixture.ok());
    QList<QByteArray> secrets{kTwilioToken, kLocalPassword.toUtf8(), kWrongPassword.toUtf8(), qgetenv("PGPASSWORD")};
    QVERIFY(!secrets.constLast().isEmpty());

    // A local account, its password through the CLI's stdin; signed in with the right one and a wrong one.
    const QByteArray added =
        runCli({QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("olga"), QStringLiteral("--roles"),
                QStringLiteral("operator"), QStringLiteral("--password-stdin"), QStringLiteral("--no-must-change"),
                QStringLiteral("--database"), db.url()},
               kLocalPassword.toUtf8() + '\n');
    QVERIFY2(added.contains("olga"), added.constData());
    auth::PasswordHasher hasher(auth::PasswordHasher::Cost::Minimum);
    SystemClock clock;
    auth::LocalSignIn local(db.database(), clock, hasher);
    QVERIFY(local.signIn(QStringLiteral("olga"), kLocalPassword).ok());
    QVERIFY(!local.signIn(QStringLiteral("olga"), kWrongPassword).ok());

    // The identity provider: sign in, refresh (a rotated token), sign out.
    auth::MemorySecretStore store;
    QNetworkAccessManager network;
    auth::oidc::OidcSettings settings;
    settings.issuer = QUrl(m_issuer);
    settings.clientId = QStringLiteral("survey-desktop");
    settings.scopes = {QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email"),
                       QStringLiteral("roles"), QStringLiteral("offline_access")};
    settings.defaultRole = QStringLiteral("viewer");
    auth::oidc::OidcSignIn flow(db.database(), clock, store, &network, settings);
    const QString signInError = signInThroughProvider(flow);
    QVERIFY2(signInError.isEmpty(), qPrintable(signInError));
    secrets << store.read(flow.refreshTokenKey()).value().toUtf8();
    std::optional<Result<void>> refreshed;
    flow.refreshNow([&refreshed](Result<void> r) { refreshed = r; });
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.has_value(), 15000);
    QVERIFY(refreshed->ok());
    secrets << store.read(flow.refreshTokenKey()).value().toUtf8();
    flow.signOut();

    // A call through `serve`: the official twilio helper signs every webhook with the auth token.
    QProcess server;
    server.setProcessEnvironment(childEnvironment());
    server.start(QStringLiteral(VSC_APP_BINARY),
                 {QStringLiteral("serve"), QStringLiteral("--database"), db.url(), QStringLiteral("--listen"),
                  QStringLiteral("127.0.0.1:0"), QStringLiteral("--public-url"), kPublicUrl, QStringLiteral("--json"),
                  QStringLiteral("--log-level"), QStringLiteral("trace")});
    QVERIFY(server.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine() || server.state() != QProcess::Running, 60000);
    const QByteArray readyLine = server.readLine();
    m_printed += readyLine;
    const QJsonObject ready = QJsonDocument::fromJson(readyLine).object();
    QVERIFY2(ready.value(QStringLiteral("ok")).toBool(), server.readAllStandardError().constData());
    const QJsonObject play{
        {QStringLiteral("listen"),
         QStringLiteral("http://127.0.0.1:%1").arg(ready.value(QStringLiteral("port")).toInt())},
        {QStringLiteral("publicUrl"), kPublicUrl},
        {QStringLiteral("token"), QString::fromLatin1(kTwilioToken)},
        {QStringLiteral("attempt"), fixture.value().attemptId},
        {QStringLiteral("callSid"), QStringLiteral("CA00000000000000000000000000c0ffee")},
        {QStringLiteral("to"), fixture.value().phone},
        {QStringLiteral("inputs"), QJsonArray{QJsonObject{{QStringLiteral("Digits"), QStringLiteral("1")}}}}};
    QProcess player;
    player.setWorkingDirectory(QStringLiteral(VSC_PEERS_DIR));
    player.start(
        QStandardPaths::findExecutable(QStringLiteral("node")),
        {QStringLiteral("play-twilio.js"), QString::fromUtf8(QJsonDocument(play).toJson(QJsonDocument::Compact))});
    QVERIFY(player.waitForFinished(120000));
    const QByteArray played = player.readAllStandardOutput();
    QVERIFY2(QJsonDocument::fromJson(played).object().value(QStringLiteral("voice")).toInt() == 200,
             played.constData());
    server.terminate();
    QVERIFY(server.waitForFinished(30000));
    m_printed += server.readAllStandardOutput() + server.readAllStandardError();
    logging::shutdown();

    // Where the secrets could have leaked to: every file under the console's directories, what was printed, the
    // database.
    QByteArray haystack = m_printed;
    QStringList files;
    QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.fileName().contains(QLatin1String("browser-cookies"))) {
            continue; // the browser's own cookie jar, not the console's
        }
        QVERIFY(file.open(QIODevice::ReadOnly));
        haystack += file.readAll();
        files << file.fileName();
    }
    QVERIFY2(files.join(u' ').contains(QStringLiteral("voicesurvey.log")), qPrintable(files.join(u' ')));
    QUrl url(db.url());
    QProcess dump;
    dump.start(qEnvironmentVariable("VSC_TEST_PG_BIN") + QStringLiteral("/pg_dump"),
               {QStringLiteral("--data-only"), QStringLiteral("-h"), url.host(), QStringLiteral("-p"),
                QString::number(url.port()), QStringLiteral("-U"), url.userName(), url.path().mid(1)});
    QVERIFY(dump.waitForFinished(60000));
    const QByteArray dumped = dump.readAllStandardOutput();
    QVERIFY2(dumped.contains("auth.signin"), dump.readAllStandardError().constData());
    haystack += dumped;

    for (const QByteArray &secret : std::as_const(secrets)) {
        QVERIFY(secret.size() >= 12);
        const QList<QByteArray> forms{secret, secret.toBase64(), secret.toBase64(QByteArray::Base64UrlEncoding),
                                      secret.toPercentEncoding()};
        for (const QByteArray &form : forms) {
            QVERIFY2(!haystack.contains(form),
                     qPrintable(QStringLiteral("a secret (%1…) was found in what the console wrote")
                                    .arg(QString::fromUtf8(secret.left(4)))));
        }
    }
}

QTEST_GUILESS_MAIN(TestNoSecrets)
#include "tst_nosecrets.moc"
