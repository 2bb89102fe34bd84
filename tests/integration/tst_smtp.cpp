// SPDX-License-Identifier: GPL-3.0-or-later
// SmtpSender against a real SMTP server: aiosmtpd (Debian's python3-aiosmtpd, tests/peers/smtp-peer.py) started by
// scripts/test.sh on 127.0.0.1 with a STARTTLS and an implicit-TLS listener, a self-signed certificate and AUTH
// required. Each test reads the message the server delivered into its Maildir and checks its parts as Python's email
// package parses them (tests/peers/mail-parts.py). Without the server this test fails, it never skips.
#include "services/email/smtpsender.h"
#include "testconfig.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTcpServer>
#include <QTest>
#include <QThread>

using namespace vsc;
using services::email::MailMessage;
using services::email::MailSecurity;
using services::email::SmtpOptions;
using services::email::SmtpSender;

namespace {

QString env(const char *name)
{
    return qEnvironmentVariable(name);
}

QSet<QString> deliveredFiles()
{
    const QStringList files = QDir(env("VSC_TEST_SMTP_MAILDIR") + QStringLiteral("/new")).entryList(QDir::Files);
    return {files.cbegin(), files.cend()};
}

// The one message delivered since `before`, parsed; an empty object when there is not exactly one.
QJsonObject deliveredSince(const QSet<QString> &before)
{
    const QSet<QString> added = deliveredFiles() - before;
    if (added.size() != 1) {
        return {};
    }
    QProcess parser;
    parser.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(VSC_PEERS_DIR "/mail-parts.py"),
                  env("VSC_TEST_SMTP_MAILDIR") + QStringLiteral("/new/") + *added.cbegin()});
    if (!parser.waitForFinished(30000) || parser.exitCode() != 0) {
        qWarning() << parser.readAllStandardError();
        return {};
    }
    return QJsonDocument::fromJson(parser.readAllStandardOutput()).object();
}

QJsonObject partOfType(const QJsonObject &message, const QString &type)
{
    for (const QJsonValue &part : message.value(QStringLiteral("parts")).toArray()) {
        if (part.toObject().value(QStringLiteral("content_type")).toString() == type) {
            return part.toObject();
        }
    }
    return {};
}

MailMessage reportLikeMessage()
{
    MailMessage message;
    message.from = QStringLiteral("surveys@example.com");
    message.to = {QStringLiteral("ada@example.com"), QStringLiteral("grace@example.org")};
    message.subject = QStringLiteral("Kundenzufriedenheit – Bericht für März"); // non-ASCII: RFC 2047
    message.textBody = QStringLiteral("Completed interviews: 42\n");
    message.htmlBody = QStringLiteral("<html><body><h1>Report</h1><p>Completed interviews: <b>42</b></p>"
                                      "<img src=\"cid:chart-outcomes@vsc\"></body></html>");
    message.inlineImages.append({QStringLiteral("chart-outcomes@vsc"), QStringLiteral("image/png"),
                                 QByteArray::fromHex("89504e470d0a1a0a0000000d49484452")});
    message.attachments.append({QStringLiteral("results.csv"), QStringLiteral("text/csv; charset=utf-8"),
                                QByteArray("contact,answer\n+15550100,\"sehr gut, danke\"\n+15550101,Ärger\n")});
    return message;
}

} // namespace

class TestSmtp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sendsAllPartsOverStartTls();
    void sendsOverImplicitTls();
    void sendAsyncReportsOnTheCallersThread();
    void wrongPasswordIsRefusedClearly();
    void untrustedCertificateIsATlsError();
    void implicitTlsOnTheStartTlsPortIsATlsError();
    void closedPortCannotConnect();
    void addressesThatBreakHeadersAreRefused();

private:
    SmtpOptions options(MailSecurity security) const;
};

void TestSmtp::initTestCase()
{
    for (const char *name :
         {"VSC_TEST_SMTP_HOST", "VSC_TEST_SMTP_STARTTLS_PORT", "VSC_TEST_SMTP_TLS_PORT", "VSC_TEST_SMTP_USER",
          "VSC_TEST_SMTP_PASSWORD", "VSC_TEST_SMTP_CA_FILE", "VSC_TEST_SMTP_MAILDIR"}) {
        QVERIFY2(!env(name).isEmpty(), qPrintable(QStringLiteral("%1 is not set: run scripts/test.sh, or start "
                                                                 "tests/peers/start-smtp.sh and export what it prints")
                                                      .arg(QLatin1String(name))));
    }
}

SmtpOptions TestSmtp::options(MailSecurity security) const
{
    SmtpOptions options;
    options.host = env("VSC_TEST_SMTP_HOST");
    options.port =
        (security == MailSecurity::Tls ? env("VSC_TEST_SMTP_TLS_PORT") : env("VSC_TEST_SMTP_STARTTLS_PORT")).toInt();
    options.security = security;
    options.username = env("VSC_TEST_SMTP_USER");
    options.password = env("VSC_TEST_SMTP_PASSWORD");
    options.caFile = env("VSC_TEST_SMTP_CA_FILE");
    options.timeoutSeconds = 20;
    return options;
}

void TestSmtp::sendsAllPartsOverStartTls()
{
    const QSet<QString> before = deliveredFiles();
    const auto sent = SmtpSender::send(options(MailSecurity::StartTls), reportLikeMessage());
    QVERIFY2(sent.ok(), qPrintable(sent.error().toString()));

    const QJsonObject message = deliveredSince(before);
    QVERIFY2(!message.isEmpty(), "exactly one message should have been delivered");
    QCOMPARE(message.value(QStringLiteral("from")).toString(), QStringLiteral("surveys@example.com"));
    QCOMPARE(message.value(QStringLiteral("to")).toString(), QStringLiteral("ada@example.com, grace@example.org"));
    QCOMPARE(message.value(QStringLiteral("subject")).toString(),
             QStringLiteral("Kundenzufriedenheit – Bericht für März"));
    QCOMPARE(message.value(QStringLiteral("content_type")).toString(), QStringLiteral("multipart/mixed"));
    QVERIFY(!partOfType(message, QStringLiteral("multipart/alternative")).isEmpty());
    QVERIFY(!partOfType(message, QStringLiteral("multipart/related")).isEmpty());

    const QJsonObject text = partOfType(message, QStringLiteral("text/plain"));
    QCOMPARE(text.value(QStringLiteral("text")).toString().trimmed(), QStringLiteral("Completed interviews: 42"));
    const QJsonObject html = partOfType(message, QStringLiteral("text/html"));
    QVERIFY2(html.value(QStringLiteral("text")).toString().contains(QStringLiteral("<b>42</b>")),
             qPrintable(html.value(QStringLiteral("text")).toString()));

    const QJsonObject image = partOfType(message, QStringLiteral("image/png"));
    QCOMPARE(image.value(QStringLiteral("content_id")).toString(), QStringLiteral("<chart-outcomes@vsc>"));
    QCOMPARE(QByteArray::fromBase64(image.value(QStringLiteral("base64")).toString().toLatin1()),
             QByteArray::fromHex("89504e470d0a1a0a0000000d49484452"));

    const QJsonObject csv = partOfType(message, QStringLiteral("text/csv"));
    QCOMPARE(csv.value(QStringLiteral("disposition")).toString(), QStringLiteral("attachment"));
    QCOMPARE(csv.value(QStringLiteral("filename")).toString(), QStringLiteral("results.csv"));
    QCOMPARE(csv.value(QStringLiteral("text")).toString(),
             QStringLiteral("contact,answer\n+15550100,\"sehr gut, danke\"\n+15550101,Ärger\n"));
}

void TestSmtp::sendsOverImplicitTls()
{
    const QSet<QString> before = deliveredFiles();
    MailMessage message;
    message.from = QStringLiteral("surveys@example.com");
    message.to = {QStringLiteral("ada@example.com")};
    message.subject = QStringLiteral("Test mail");
    message.textBody = QStringLiteral("It works.");
    const auto sent = SmtpSender::send(options(MailSecurity::Tls), message);
    QVERIFY2(sent.ok(), qPrintable(sent.error().toString()));
    const QJsonObject delivered = deliveredSince(before);
    QCOMPARE(delivered.value(QStringLiteral("subject")).toString(), QStringLiteral("Test mail"));
    QCOMPARE(partOfType(delivered, QStringLiteral("text/plain")).value(QStringLiteral("text")).toString().trimmed(),
             QStringLiteral("It works."));
    QVERIFY(partOfType(delivered, QStringLiteral("text/html")).isEmpty());
}

void TestSmtp::sendAsyncReportsOnTheCallersThread()
{
    const QSet<QString> before = deliveredFiles();
    MailMessage message = reportLikeMessage();
    message.subject = QStringLiteral("async");
    std::optional<Result<void>> outcome;
    QThread *reportedOn = nullptr;
    QObject context;
    SmtpSender::sendAsync(options(MailSecurity::StartTls), message, &context, [&](Result<void> result) {
        reportedOn = QThread::currentThread();
        outcome = std::move(result);
    });
    QVERIFY(!outcome.has_value()); // nothing blocked: the answer comes through the event loop
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 60000);
    QVERIFY2(outcome->ok(), qPrintable(outcome->error().toString()));
    QCOMPARE(reportedOn, QThread::currentThread());
    QCOMPARE(deliveredSince(before).value(QStringLiteral("subject")).toString(), QStringLiteral("async"));
}

void TestSmtp::wrongPasswordIsRefusedClearly()
{
    const QSet<QString> before = deliveredFiles();
    for (const MailSecurity security : {MailSecurity::StartTls, MailSecurity::Tls}) {
        SmtpOptions wrong = options(security);
        wrong.password = QStringLiteral("not-the-password");
        const auto sent = SmtpSender::send(wrong, reportLikeMessage());
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().code, ErrorCode::Network);
        QVERIFY2(sent.error().detail.contains(QStringLiteral("refused the user name or password")),
                 qPrintable(sent.error().detail));
        QVERIFY2(!sent.error().detail.contains(wrong.password), "the password must not appear in the error");
    }
    QCOMPARE(deliveredFiles(), before);
}

void TestSmtp::untrustedCertificateIsATlsError()
{
    SmtpOptions untrusted = options(MailSecurity::StartTls);
    untrusted.caFile.clear(); // the system's CAs do not know the peer's self-signed certificate
    const auto sent = SmtpSender::send(untrusted, reportLikeMessage());
    QVERIFY(!sent.ok());
    QVERIFY2(sent.error().detail.startsWith(QStringLiteral("TLS: the certificate")), qPrintable(sent.error().detail));
    QVERIFY2(sent.error().detail.contains(QStringLiteral("CA file")), qPrintable(sent.error().detail));
}

void TestSmtp::implicitTlsOnTheStartTlsPortIsATlsError()
{
    SmtpOptions mismatched = options(MailSecurity::StartTls);
    mismatched.security = MailSecurity::Tls; // port of the plain listener, TLS from the first byte
    mismatched.timeoutSeconds = 10;
    const auto sent = SmtpSender::send(mismatched, reportLikeMessage());
    QVERIFY(!sent.ok());
    QVERIFY2(sent.error().detail.contains(QStringLiteral("STARTTLS")), qPrintable(sent.error().detail));
}

void TestSmtp::closedPortCannotConnect()
{
    QTcpServer probe; // a port nobody listens on: bind, note, close
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    SmtpOptions closed = options(MailSecurity::StartTls);
    closed.port = probe.serverPort();
    probe.close();
    const auto sent = SmtpSender::send(closed, reportLikeMessage());
    QVERIFY(!sent.ok());
    QVERIFY2(sent.error().detail.startsWith(QStringLiteral("cannot connect to the mail server")),
             qPrintable(sent.error().detail));
}

void TestSmtp::addressesThatBreakHeadersAreRefused()
{
    MailMessage message = reportLikeMessage();
    message.to = {QStringLiteral("ada@example.com\r\nBcc: eve@example.com")};
    const auto sent = SmtpSender::send(options(MailSecurity::StartTls), message);
    QVERIFY(!sent.ok());
    QCOMPARE(sent.error().code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestSmtp)
#include "tst_smtp.moc"
