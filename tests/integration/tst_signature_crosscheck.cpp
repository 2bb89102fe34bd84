// SPDX-License-Identifier: GPL-3.0-or-later
// Our X-Twilio-Signature code against the official twilio npm helper, on generated requests: random paths and
// queries, ports, unicode, repeated keys, '+' and spaces, plus tampered and port-shifted variants.
#include "services/telephony/callflow.h"
#include "services/telephony/twiliosignature.h"
#include "testconfig.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

using namespace vsc::services::telephony;

namespace {

struct Case
{
    QByteArray token;
    QString url;
    FormParams params;
    QByteArray header;
    bool expectValid = true;
    QString kind;
};

QString randomText(QRandomGenerator &rng, int maxLength)
{
    static const QStringList pieces{
        QStringLiteral("a"), QStringLiteral("Z"),  QStringLiteral("0"),  QStringLiteral("9"), QStringLiteral(" "),
        QStringLiteral("+"), QStringLiteral("-"),  QStringLiteral("_"),  QStringLiteral("."), QStringLiteral("ü"),
        QStringLiteral("ß"), QStringLiteral("€"),  QStringLiteral("日"), QStringLiteral("👋"), QStringLiteral("%20"),
        QStringLiteral("'"), QStringLiteral("\""), QStringLiteral(","),  QStringLiteral(":"), QStringLiteral("~")};
    QString text;
    const int length = rng.bounded(maxLength + 1);
    for (int i = 0; i < length; ++i) {
        text += pieces.at(rng.bounded(int(pieces.size())));
    }
    return text;
}

QString urlSafe(QRandomGenerator &rng, int maxLength)
{
    // Twilio requests percent-encoded URLs, but proxies hand over raw UTF-8 too: mix both.
    const QString text = randomText(rng, maxLength);
    return rng.bounded(2) ? QString::fromLatin1(QUrl::toPercentEncoding(text)) : QString(text).replace(u' ', u'+');
}

Case randomCase(QRandomGenerator &rng, int index)
{
    static const QStringList names{QStringLiteral("CallSid"),    QStringLiteral("Called"),
                                   QStringLiteral("Caller"),     QStringLiteral("CallStatus"),
                                   QStringLiteral("Digits"),     QStringLiteral("SpeechResult"),
                                   QStringLiteral("Confidence"), QStringLiteral("From"),
                                   QStringLiteral("To"),         QStringLiteral("StatusCallbackEvent"),
                                   QStringLiteral("a"),          QStringLiteral("B"),
                                   QStringLiteral("ü-name"),     QStringLiteral("Sid"),
                                   QStringLiteral("SidAccount")};
    Case c;
    c.token = QByteArray::number(rng.generate64(), 16) + "tok" + QByteArray::number(index);
    const bool https = rng.bounded(2);
    QString url = https ? QStringLiteral("https://") : QStringLiteral("http://");
    url +=
        rng.bounded(4) == 0 ? QStringLiteral("127.0.0.1") : QStringLiteral("survey%1.example.com").arg(rng.bounded(9));
    switch (rng.bounded(4)) {
    case 0:
        url += https ? QStringLiteral(":443") : QStringLiteral(":80");
        break;
    case 1:
        url += QStringLiteral(":%1").arg(1024 + rng.bounded(60000));
        break;
    default:
        break;
    }
    const int segments = 1 + rng.bounded(3);
    for (int s = 0; s < segments; ++s) {
        url += u'/' + urlSafe(rng, 6);
    }
    if (rng.bounded(3) > 0) {
        url += u'?';
        const int pairs = 1 + rng.bounded(3);
        for (int p = 0; p < pairs; ++p) {
            url += (p ? QStringLiteral("&") : QString()) + urlSafe(rng, 4) + u'=' + urlSafe(rng, 6);
        }
    }
    if (rng.bounded(4) == 0) { // Twilio's connection overrides, as on our status callback URL
        url += QStringLiteral("#rc=%1&rp=ct,rt,5xx").arg(rng.bounded(6));
    }
    c.url = url;
    const int count = rng.bounded(8);
    for (int p = 0; p < count; ++p) {
        const QString name = names.at(rng.bounded(int(names.size())));
        c.params.append({name, randomText(rng, 10)});
        if (rng.bounded(5) == 0) { // repeated key, sometimes with a duplicate value
            c.params.append({name, rng.bounded(2) ? c.params.constLast().second : randomText(rng, 5)});
        }
    }
    c.header = signature::compute(c.token, c.url, c.params);
    c.kind = QStringLiteral("signed");
    return c;
}

} // namespace

class TestSignatureCrosscheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void agreesWithTheOfficialHelper();
};

void TestSignatureCrosscheck::agreesWithTheOfficialHelper()
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    QVERIFY2(!node.isEmpty(), "node is not installed (scripts/install-deps.sh installs it)");
    QVERIFY2(QDir(QStringLiteral(VSC_PEERS_DIR "/node_modules/twilio")).exists(),
             "tests/peers/node_modules is missing: run scripts/install-deps.sh --with-peers");

    QRandomGenerator rng(0x7a11);
    QList<Case> cases;
    for (int i = 0; i < 240; ++i) {
        Case c = randomCase(rng, i);
        cases.append(c);
        switch (i % 4) {
        case 0: { // a flipped character in the header
            Case t = c;
            t.header[rng.bounded(int(t.header.size()))] ^= 0x01;
            t.expectValid = false;
            t.kind = QStringLiteral("tampered header");
            cases.append(t);
            break;
        }
        case 1: { // a changed or added parameter
            Case t = c;
            t.params.append({QStringLiteral("Injected"), QStringLiteral("1")});
            t.expectValid = false;
            t.kind = QStringLiteral("added parameter");
            cases.append(t);
            break;
        }
        case 2: { // signed with the default port, received without it (and vice versa)
            Case t = c;
            t.header = signature::compute(t.token, signature::withDefaultPort(signature::withoutPort(c.url)), t.params);
            t.url = signature::withoutPort(c.url);
            t.kind = QStringLiteral("default port variant");
            cases.append(t);
            break;
        }
        default: { // wrong token
            Case t = c;
            t.token += 'x';
            t.expectValid = false;
            t.kind = QStringLiteral("wrong token");
            cases.append(t);
            break;
        }
        }
    }

    // The status callback URL the dialer gives Twilio, and what reaches the server: the fragment does not travel.
    {
        Case c;
        c.token = "status-token";
        c.url = QStringLiteral("https://surveys.example.com/twilio/status?attempt=7#") +
                QString::fromLatin1(CallFlow::kStatusCallbackOverrides);
        c.params = {{QStringLiteral("CallSid"), QStringLiteral("CA1")},
                    {QStringLiteral("CallStatus"), QStringLiteral("completed")}};
        c.header = signature::compute(c.token, c.url, c.params);
        c.kind = QStringLiteral("status callback with connection overrides");
        cases.append(c);
    }
    // A public URL with HTTP basic credentials (`serve --public-url https://user:pass@host/...`): the server signs
    // it as given, credentials included, and the helper agrees; a signature over the URL without them does not pass.
    {
        Case c;
        c.token = "userinfo-token";
        c.url = QStringLiteral("https://twilio:s3cret@surveys.example.com/vsc/twilio/voice?attempt=7");
        c.params = {{QStringLiteral("CallSid"), QStringLiteral("CA1")}};
        c.header = signature::compute(c.token, c.url, c.params);
        c.kind = QStringLiteral("public URL with credentials");
        cases.append(c);
        Case stripped = c;
        stripped.header = signature::compute(
            c.token, QStringLiteral("https://surveys.example.com/vsc/twilio/voice?attempt=7"), c.params);
        stripped.expectValid = false;
        stripped.kind = QStringLiteral("credentials left out of the signed URL");
        cases.append(stripped);
    }
    for (qsizetype i = 0, n = cases.size(); i < n; ++i) {
        const Case &c = cases.at(i);
        if (c.expectValid && c.url.contains(u'#')) { // the helper signs the fragment: without it, no match
            Case t = c;
            t.url = c.url.left(c.url.indexOf(u'#'));
            t.expectValid = false;
            t.kind = QStringLiteral("fragment dropped");
            cases.append(t);
        }
    }

    QJsonArray request;
    for (const Case &c : std::as_const(cases)) {
        QJsonArray params;
        for (const auto &[name, value] : c.params) {
            params.append(QJsonArray{name, value});
        }
        request.append(QJsonObject{{QStringLiteral("token"), QString::fromLatin1(c.token)},
                                   {QStringLiteral("url"), c.url},
                                   {QStringLiteral("params"), params},
                                   {QStringLiteral("header"), QString::fromLatin1(c.header)}});
    }
    QProcess oracle;
    oracle.setWorkingDirectory(QStringLiteral(VSC_PEERS_DIR));
    oracle.start(node, {QStringLiteral("signature-oracle.js")});
    QVERIFY(oracle.waitForStarted());
    oracle.write(QJsonDocument(request).toJson(QJsonDocument::Compact));
    oracle.closeWriteChannel();
    QVERIFY(oracle.waitForFinished(60000));
    QVERIFY2(oracle.exitCode() == 0, oracle.readAllStandardError().constData());
    const QJsonArray answers = QJsonDocument::fromJson(oracle.readAllStandardOutput()).array();
    QCOMPARE(answers.size(), cases.size());

    int agreedValid = 0;
    int agreedInvalid = 0;
    for (int i = 0; i < cases.size(); ++i) {
        const Case &c = cases.at(i);
        const QJsonObject answer = answers.at(i).toObject();
        const bool ours = signature::validate(c.token, c.header, c.url, c.params);
        const bool theirs = answer.value(QStringLiteral("valid")).toBool();
        const QByteArray context = QStringLiteral("case %1 (%2): %3").arg(i).arg(c.kind, c.url).toUtf8();
        QCOMPARE(signature::compute(c.token, c.url, c.params),
                 answer.value(QStringLiteral("expected")).toString().toLatin1());
        QVERIFY2(ours == theirs, context.constData());
        QVERIFY2(ours == c.expectValid, context.constData());
        (ours ? agreedValid : agreedInvalid)++;
    }
    QVERIFY(cases.size() >= 200);
    qInfo("%lld cases agree with twilio's helper: %d valid, %d invalid", qlonglong(cases.size()), agreedValid,
          agreedInvalid);
}

QTEST_GUILESS_MAIN(TestSignatureCrosscheck)
#include "tst_signature_crosscheck.moc"
