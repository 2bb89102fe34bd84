// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/dialogue/script.h"

#include <QString>

#include <optional>

namespace vsc::services::dialogue {

// What the caller did at one prompt, as Twilio reports it on the <Gather>/<Record> action request.
struct CallerInput
{
    enum class Kind { NoInput, Digits, Speech, Recording };
    Kind kind = Kind::NoInput;
    QString digits;
    QString speech;
    std::optional<double> confidence; // Twilio's Confidence, absent for DTMF and sometimes for speech
    QString recordingUrl;
    int recordingSeconds = 0;

    static CallerInput noInput() { return {}; }
    static CallerInput keys(const QString &digits) { return {Kind::Digits, digits, {}, {}, {}, 0}; }
    static CallerInput said(const QString &speech, std::optional<double> confidence = std::nullopt)
    {
        return {Kind::Speech, {}, speech, confidence, {}, 0};
    }
    static CallerInput recorded(const QString &url, int seconds) { return {Kind::Recording, {}, {}, {}, url, seconds}; }
};

struct Interpretation
{
    enum class Kind { Match, NoMatch, NoInput, OptOut };
    Kind kind = Kind::NoInput;
    QString value; // the normalised answer: "yes", "7", "speed", the transcript, the recording URL
};

// Lower case, diacritics removed (ß -> ss), punctuation as spaces, single spaces: "Nö, NICHT mehr!" -> "no nicht mehr".
QString normalise(const QString &text);
// The first number in normalised speech, from digits or English/German number words up to 999999:
// "seven" -> 7, "sieben" -> 7, "twenty one" -> 21, "einundzwanzig" -> 21, "a hundred" -> 100, "10" -> 10.
std::optional<int> parseNumber(const QString &normalised);
// Whether normalised speech asks not to be called again ("stop calling", "nicht mehr anrufen", ...).
bool isOptOutPhrase(const QString &normalised, const QStringList &extraPhrases);
// Whether the opt-out key is also a valid answer to this question (then it answers rather than opts out).
bool optOutKeyAnswers(const Script &script, const ScriptQuestion &question);

// Maps one input to an answer of the question. Pure; never looks at confidence (the engine decides to confirm).
Interpretation interpret(const Script &script, const ScriptQuestion &question, const CallerInput &input);
// yes/no for confirmations and yes_no questions.
std::optional<bool> interpretYesNo(const CallerInput &input);

} // namespace vsc::services::dialogue
