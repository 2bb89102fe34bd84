// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>
#include <variant>

namespace vsc::services::telephony {

// The TwiML verbs a survey needs, as values; toXml() serialises them with QXmlStreamWriter so every text and
// attribute is escaped. Attribute names and defaults follow Twilio's TwiML reference (voice/twiml/*).
struct Say
{
    QString text;
    QString voice;    // "Polly.Joanna", "woman", ... empty = Twilio's default
    QString language; // "en-US", ... empty = Twilio's default
    int loop = 1;
};

struct Pause
{
    int lengthSeconds = 1;
};

struct Gather
{
    QString input = QStringLiteral("dtmf speech");
    QUrl action; // must be absolute
    QString method = QStringLiteral("POST");
    int timeoutSeconds = 5;
    QString speechTimeout = QStringLiteral("auto");
    std::optional<int> numDigits;
    std::optional<QString> finishOnKey;
    QString language;
    QStringList hints;
    bool actionOnEmptyResult = true;
    QList<std::variant<Say, Pause>> prompts; // nested, spoken while listening
};

struct Record
{
    QUrl action;
    QString method = QStringLiteral("POST");
    int timeoutSeconds = 5;
    int maxLengthSeconds = 120;
    bool playBeep = true;
    QString finishOnKey = QStringLiteral("#");
    bool trim = true;
};

struct Redirect
{
    QUrl url;
    QString method = QStringLiteral("POST");
};

struct Hangup
{
};

using Verb = std::variant<Say, Pause, Gather, Record, Redirect, Hangup>;

struct TwimlResponse
{
    QList<Verb> verbs;

    TwimlResponse &operator<<(Verb verb)
    {
        verbs.append(std::move(verb));
        return *this;
    }
};

// `<?xml version="1.0" encoding="UTF-8"?><Response>...</Response>`, compact, UTF-8.
QByteArray toXml(const TwimlResponse &response);

// What a voice webhook answers when something went wrong on our side: never a bare HTTP 500 to a caller.
TwimlResponse apologyAndHangup(const QString &language = QStringLiteral("en-US"));

} // namespace vsc::services::telephony
