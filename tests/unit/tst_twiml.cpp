// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/telephony/twiml.h"
#include "testconfig.h"

#include <QFile>
#include <QTest>
#include <QXmlStreamReader>

using namespace vsc::services::telephony;

class TestTwiml : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesTwilioNodeReference();
    void escapesTextAndAttributes();
    void recordAndDtmfOnlyGather();
    void apologyIsValidTwiml();
    void emptyResponse();

private:
    static QByteArray golden(const char *name);
};

QByteArray TestTwiml::golden(const char *name)
{
    QFile file(QStringLiteral(VSC_TEST_DATA_DIR "/twiml/") + QString::fromLatin1(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray("missing golden file");
}

// The golden file is what twilio-node's twiml.VoiceResponse prints for the same verbs (research note, §4).
void TestTwiml::matchesTwilioNodeReference()
{
    Gather gather;
    gather.input = QStringLiteral("speech dtmf");
    gather.action = QUrl(QStringLiteral("https://app.example/twilio/gather?q=1"));
    gather.numDigits = 1;
    gather.language = QStringLiteral("en-US");
    gather.hints = {QStringLiteral("yes"), QStringLiteral("no")};
    gather.prompts.append(
        Say{QStringLiteral("Press 1 or say yes & agree."), QStringLiteral("Polly.Joanna"), QStringLiteral("en-US"), 1});
    TwimlResponse response;
    response << gather << Pause{1} << Redirect{QUrl(QStringLiteral("https://app.example/twilio/noinput?q=1"))}
             << Hangup{};
    QCOMPARE(toXml(response), golden("twilio-node-reference.xml"));
}

void TestTwiml::escapesTextAndAttributes()
{
    Gather gather;
    gather.action = QUrl(QStringLiteral("https://app.example/g?a=1&b=\"x\"&c=<d>"));
    gather.hints = {QStringLiteral("Müller & Söhne"), QStringLiteral("\"quoted\"")};
    gather.prompts.append(Say{QStringLiteral("Grüße <b>& \"Anführungszeichen\" 'apostrophe' 日本 👋"),
                              QStringLiteral("Polly.Vicki"), QStringLiteral("de-DE"), 2});
    TwimlResponse response;
    response << gather;
    const QByteArray xml = toXml(response);
    QVERIFY(xml.contains("Grüße &lt;b&gt;&amp; &quot;Anführungszeichen&quot; 'apostrophe'"));
    QVERIFY(xml.contains("hints=\"Müller &amp; Söhne, &quot;quoted&quot;\""));
    QVERIFY(xml.contains("action=\"https://app.example/g?a=1&amp;b=%22x%22&amp;c=%3Cd%3E\""));
    QVERIFY(xml.contains("loop=\"2\""));
    QVERIFY(xml.contains("日本 👋"));
    // And it parses back to the same text.
    QXmlStreamReader reader(xml);
    QString said;
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == QLatin1String("Say")) {
            said = reader.readElementText();
        }
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QCOMPARE(said, QStringLiteral("Grüße <b>& \"Anführungszeichen\" 'apostrophe' 日本 👋"));
}

void TestTwiml::recordAndDtmfOnlyGather()
{
    Gather dtmf;
    dtmf.input = QStringLiteral("dtmf");
    dtmf.action = QUrl(QStringLiteral("https://x.example/g"));
    dtmf.finishOnKey = QString();
    dtmf.actionOnEmptyResult = false;
    Record record;
    record.action = QUrl(QStringLiteral("https://x.example/r"));
    record.maxLengthSeconds = 60;
    record.trim = false;
    TwimlResponse response;
    response << Say{QStringLiteral("Hi"), {}, {}, 1} << dtmf << record;
    const QByteArray xml = toXml(response);
    QCOMPARE(xml, QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Hi</Say>"
                             "<Gather input=\"dtmf\" action=\"https://x.example/g\" method=\"POST\" timeout=\"5\" "
                             "finishOnKey=\"\" actionOnEmptyResult=\"false\"/>"
                             "<Record action=\"https://x.example/r\" method=\"POST\" timeout=\"5\" maxLength=\"60\" "
                             "playBeep=\"true\" finishOnKey=\"#\" trim=\"do-not-trim\"/></Response>"));
}

void TestTwiml::apologyIsValidTwiml()
{
    const QByteArray en = toXml(apologyAndHangup());
    QVERIFY(en.contains("<Say language=\"en-US\">Sorry"));
    QVERIFY(en.endsWith("<Hangup/></Response>"));
    QVERIFY(toXml(apologyAndHangup(QStringLiteral("de-DE"))).contains("Entschuldigung"));
}

void TestTwiml::emptyResponse()
{
    QCOMPARE(toXml({}), QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"));
}

QTEST_GUILESS_MAIN(TestTwiml)
#include "tst_twiml.moc"
