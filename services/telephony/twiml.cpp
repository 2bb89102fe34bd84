// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/telephony/twiml.h"

#include <QXmlStreamWriter>

namespace vsc::services::telephony {
namespace {

QString boolText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

void writeOptional(QXmlStreamWriter &xml, const QString &name, const QString &value)
{
    if (!value.isEmpty()) {
        xml.writeAttribute(name, value);
    }
}

void write(QXmlStreamWriter &xml, const Say &say)
{
    xml.writeStartElement(QStringLiteral("Say"));
    writeOptional(xml, QStringLiteral("voice"), say.voice);
    writeOptional(xml, QStringLiteral("language"), say.language);
    if (say.loop != 1) {
        xml.writeAttribute(QStringLiteral("loop"), QString::number(say.loop));
    }
    xml.writeCharacters(say.text);
    xml.writeEndElement();
}

void write(QXmlStreamWriter &xml, const Pause &pause)
{
    xml.writeEmptyElement(QStringLiteral("Pause"));
    xml.writeAttribute(QStringLiteral("length"), QString::number(pause.lengthSeconds));
}

void write(QXmlStreamWriter &xml, const Gather &gather)
{
    xml.writeStartElement(QStringLiteral("Gather"));
    xml.writeAttribute(QStringLiteral("input"), gather.input);
    xml.writeAttribute(QStringLiteral("action"), gather.action.toString(QUrl::FullyEncoded));
    xml.writeAttribute(QStringLiteral("method"), gather.method);
    xml.writeAttribute(QStringLiteral("timeout"), QString::number(gather.timeoutSeconds));
    if (gather.input.contains(QLatin1String("speech"))) {
        xml.writeAttribute(QStringLiteral("speechTimeout"), gather.speechTimeout);
    }
    if (gather.numDigits) {
        xml.writeAttribute(QStringLiteral("numDigits"), QString::number(*gather.numDigits));
    }
    if (gather.finishOnKey) {
        xml.writeAttribute(QStringLiteral("finishOnKey"), *gather.finishOnKey);
    }
    writeOptional(xml, QStringLiteral("language"), gather.language);
    if (!gather.hints.isEmpty()) {
        xml.writeAttribute(QStringLiteral("hints"), gather.hints.join(QStringLiteral(", ")));
    }
    xml.writeAttribute(QStringLiteral("actionOnEmptyResult"), boolText(gather.actionOnEmptyResult));
    for (const auto &prompt : gather.prompts) {
        std::visit([&xml](const auto &verb) { write(xml, verb); }, prompt);
    }
    xml.writeEndElement();
}

void write(QXmlStreamWriter &xml, const Record &record)
{
    xml.writeEmptyElement(QStringLiteral("Record"));
    xml.writeAttribute(QStringLiteral("action"), record.action.toString(QUrl::FullyEncoded));
    xml.writeAttribute(QStringLiteral("method"), record.method);
    xml.writeAttribute(QStringLiteral("timeout"), QString::number(record.timeoutSeconds));
    xml.writeAttribute(QStringLiteral("maxLength"), QString::number(record.maxLengthSeconds));
    xml.writeAttribute(QStringLiteral("playBeep"), boolText(record.playBeep));
    xml.writeAttribute(QStringLiteral("finishOnKey"), record.finishOnKey);
    xml.writeAttribute(QStringLiteral("trim"),
                       record.trim ? QStringLiteral("trim-silence") : QStringLiteral("do-not-trim"));
}

void write(QXmlStreamWriter &xml, const Redirect &redirect)
{
    xml.writeStartElement(QStringLiteral("Redirect"));
    xml.writeAttribute(QStringLiteral("method"), redirect.method);
    xml.writeCharacters(redirect.url.toString(QUrl::FullyEncoded));
    xml.writeEndElement();
}

void write(QXmlStreamWriter &xml, const Hangup & /*hangup*/)
{
    xml.writeEmptyElement(QStringLiteral("Hangup"));
}

} // namespace

QByteArray toXml(const TwimlResponse &response)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("Response"));
    for (const Verb &verb : response.verbs) {
        std::visit([&xml](const auto &v) { write(xml, v); }, verb);
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    // QXmlStreamWriter ends the document with a newline; Twilio does not care, golden files stay single-line.
    return out.trimmed();
}

TwimlResponse apologyAndHangup(const QString &language)
{
    const bool german = language.startsWith(QLatin1String("de"));
    TwimlResponse response;
    response << Say{german
                        ? QStringLiteral("Entschuldigung, es ist ein technischer Fehler aufgetreten. Wir melden uns "
                                         "später noch einmal. Auf Wiederhören.")
                        : QStringLiteral("Sorry, we have a technical problem and will call you another time. Goodbye."),
                    {},
                    language,
                    1}
             << Hangup{};
    return response;
}

} // namespace vsc::services::telephony
