// SPDX-License-Identifier: GPL-3.0-or-later
// Published vectors (twilio-node spec/validation.spec.js, twilio-python tests), recomputed in the research note.
#include "services/telephony/twiliosignature.h"

#include <QTest>

using namespace vsc::services::telephony;
using namespace vsc::services::telephony::signature;

namespace {
const QByteArray kToken("12345");
const QString kUrl = QStringLiteral("https://mycompany.com/myapp.php?foo=1&bar=2");
const FormParams kParams{{QStringLiteral("CallSid"), QStringLiteral("CA1234567890ABCDE")},
                         {QStringLiteral("Caller"), QStringLiteral("+14158675309")},
                         {QStringLiteral("Digits"), QStringLiteral("1234")},
                         {QStringLiteral("From"), QStringLiteral("+14158675309")},
                         {QStringLiteral("To"), QStringLiteral("+18005551212")}};
} // namespace

class TestTwilioSignature : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void publishedVectors_data();
    void publishedVectors();
    void orderOfArrivalDoesNotMatter();
    void portVariantsValidate();
    void tamperingFails();
    void jsonBody();
    void ourOwnVectorWithFormDecoding();
    void urlHelpers();
};

void TestTwilioSignature::publishedVectors_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("base") << kUrl << QByteArray("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    QTest::newRow("https :443") << QStringLiteral("https://mycompany.com:443/myapp.php?foo=1&bar=2")
                                << QByteArray("kvajT1Ptam85bY51eRf/AJRuM3w=");
    QTest::newRow("http :80") << QStringLiteral("http://mycompany.com:80/myapp.php?foo=1&bar=2")
                              << QByteArray("0ZXoZLH/DfblKGATFgpif+LLRf4=");
    QTest::newRow("http :1234") << QStringLiteral("http://mycompany.com:1234/myapp.php?foo=1&bar=2")
                                << QByteArray("Zmvh+3yNM1Phv2jhDCwEM3q5ebU=");
}

void TestTwilioSignature::publishedVectors()
{
    QFETCH(QString, url);
    QFETCH(QByteArray, expected);
    QCOMPARE(compute(kToken, url, kParams), expected);
}

void TestTwilioSignature::orderOfArrivalDoesNotMatter()
{
    FormParams reversed(kParams.rbegin(), kParams.rend());
    QCOMPARE(compute(kToken, kUrl, reversed), QByteArray("RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    const FormParams repeated{{QStringLiteral("Sid"), QStringLiteral("CA123")},
                              {QStringLiteral("SidAccount"), QStringLiteral("AC123")},
                              {QStringLiteral("Digits"), QStringLiteral("5678")},
                              {QStringLiteral("Digits"), QStringLiteral("1234")},
                              {QStringLiteral("Digits"), QStringLiteral("1234")}};
    QCOMPARE(compute(kToken, kUrl, repeated), QByteArray("IK+Dwps556ElfBT0I3Rgjkr1wJU="));
}

void TestTwilioSignature::portVariantsValidate()
{
    // Signed without a port, received on a URL with the default port, and the other way round.
    QVERIFY(validate(kToken, "RSOYDt4T1cUTdK1PDd93/VVr8B8=", kUrl, kParams));
    QVERIFY(validate(kToken, "RSOYDt4T1cUTdK1PDd93/VVr8B8=",
                     QStringLiteral("https://mycompany.com:443/myapp.php?foo=1&bar=2"), kParams));
    QVERIFY(validate(kToken, "kvajT1Ptam85bY51eRf/AJRuM3w=", kUrl, kParams));
    QVERIFY(validate(kToken,
                     "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=", QStringLiteral("http://mycompany.com/myapp.php?foo=1&bar=2"),
                     kParams) == false); // a non-default port is part of what was signed
    QVERIFY(validate(
        kToken, "0ZXoZLH/DfblKGATFgpif+LLRf4=", QStringLiteral("http://mycompany.com/myapp.php?foo=1&bar=2"), kParams));
}

void TestTwilioSignature::tamperingFails()
{
    const QByteArray good("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    QVERIFY(!validate(kToken, QByteArray(), kUrl, kParams));
    QVERIFY(!validate(QByteArray(), good, kUrl, kParams));
    QVERIFY(!validate("54321", good, kUrl, kParams));
    QVERIFY(!validate(kToken, "RSOYDt4T1cUTdK1PDd93/VVr8B8", kUrl, kParams)); // truncated
    QVERIFY(!validate(kToken, good, kUrl + QStringLiteral("&x=1"), kParams));
    FormParams changed = kParams;
    changed[2].second = QStringLiteral("1235");
    QVERIFY(!validate(kToken, good, kUrl, changed));
    FormParams extra = kParams;
    extra.append({QStringLiteral("CallStatus"), QStringLiteral("completed")});
    QVERIFY(!validate(kToken, good, kUrl, extra));
}

void TestTwilioSignature::jsonBody()
{
    const QByteArray body("{\"property\": \"value\", \"boolean\": true}");
    const QString url =
        kUrl + QStringLiteral("&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620");
    QCOMPARE(compute(kToken, url, {}), QByteArray("a9nBmqA0ju/hNViExpshrM61xv4="));
    QVERIFY(validateWithBody(kToken, "a9nBmqA0ju/hNViExpshrM61xv4=", url, body));
    QVERIFY(!validateWithBody(kToken, "a9nBmqA0ju/hNViExpshrM61xv4=", url, body + ' '));
    QVERIFY(!validateWithBody(kToken, "a9nBmqA0ju/hNViExpshrM61xv4=", kUrl, body)); // no bodySHA256
    const QString emptyUrl =
        kUrl + QStringLiteral("&bodySHA256=44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    QVERIFY(validateWithBody(kToken, "rw/jVviOgicj2+kHZULvebnA4ag=", emptyUrl, "{}"));
    QVERIFY(validateWithBody(kToken, "Ldidvp12m26NI7eqEvxnEpkd9Hc=", emptyUrl, "{}"));
}

void TestTwilioSignature::ourOwnVectorWithFormDecoding()
{
    const QByteArray body = "AccountSid=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&CallSid=CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                            "&Confidence=0.92&Digits=1&SpeechResult=Yes%2C+I+agree.";
    const FormParams params = parseForm(body);
    QCOMPARE(params.size(), 5);
    QCOMPARE(params.at(4).second, QStringLiteral("Yes, I agree."));
    QCOMPARE(compute("test-auth-token", QStringLiteral("http://127.0.0.1:8080/twilio/gather?survey=42&q=3"), params),
             QByteArray("fnvF3IS8v6hHQLqaSQRPP+5Q3iQ="));
    const FormParams odd = parseForm("a=&b&=c&&d=%E2%82%AC+%2B");
    QCOMPARE(odd.size(), 4);
    QCOMPARE(odd.at(0), std::make_pair(QStringLiteral("a"), QString()));
    QCOMPARE(odd.at(1), std::make_pair(QStringLiteral("b"), QString()));
    QCOMPARE(odd.at(2), std::make_pair(QString(), QStringLiteral("c")));
    QCOMPARE(odd.at(3).second, QStringLiteral("€ +"));
}

void TestTwilioSignature::urlHelpers()
{
    QCOMPARE(withoutPort(QStringLiteral("https://u:p@host:8443/a?b=c:d")), QStringLiteral("https://u:p@host/a?b=c:d"));
    QCOMPARE(withDefaultPort(QStringLiteral("https://host/a")), QStringLiteral("https://host:443/a"));
    QCOMPARE(withDefaultPort(QStringLiteral("http://host")), QStringLiteral("http://host:80"));
    QCOMPARE(withDefaultPort(QStringLiteral("http://host:81/")), QStringLiteral("http://host:81/"));
    QCOMPARE(withoutPort(QStringLiteral("http://[::1]:8080/x")), QStringLiteral("http://[::1]/x"));
    QCOMPARE(withoutPort(QStringLiteral("not a url")), QStringLiteral("not a url"));
    QCOMPARE(withDefaultPort(QStringLiteral("not a url")), QStringLiteral("not a url"));
}

QTEST_GUILESS_MAIN(TestTwilioSignature)
#include "tst_twiliosignature.moc"
