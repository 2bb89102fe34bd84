// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "models/survey.h"
#include "models/text.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace vsc::services::dialogue {

// A survey script as the dialogue engine runs it. The JSON form is documented in docs/SCRIPT_FORMAT.md.

struct Choice
{
    QString value;        // stored as the normalised answer, e.g. "speed"
    QString key;          // DTMF key, e.g. "1"
    QStringList synonyms; // spoken alternatives besides the value itself
    bool operator==(const Choice &) const = default;
};

// An inclusive range of numeric answers, written {"min": 0, "max": 6} in a branch's "when".
struct NumberRange
{
    int min = 0;
    int max = 0;
    bool operator==(const NumberRange &) const = default;
};

struct Branch
{
    QStringList when;          // normalised answer values that take this branch ("yes", "3", "speed"); "*" = any answer
    QList<NumberRange> ranges; // numeric questions: answers in any of these ranges take it too
    QString target;            // a question id, or "end"

    [[nodiscard]] bool isCatchAll() const { return when.contains(QStringLiteral("*")); }
    // Whether the (normalised) answer `value` takes this branch.
    [[nodiscard]] bool matches(const QString &value) const;
    bool operator==(const Branch &) const = default;
};

struct ScriptQuestion
{
    QString id;
    QuestionType type = QuestionType::YesNo;
    QString prompt;
    bool required = true;
    QString reprompt; // said before the prompt again after no input or no match; empty = a default
    int maxReprompts = 2;
    QList<Choice> choices; // single_choice
    int min = 0;           // numeric, inclusive
    int max = 10;
    int maxLengthSeconds = 60; // recording, free_speech
    QList<Branch> branches;
    bool operator==(const ScriptQuestion &) const = default;
};

enum class NoInputPolicy { Skip, End }; // what happens once a required question ran out of reprompts

struct OptOut
{
    QString key = QStringLiteral("9");
    QStringList phrases; // empty = the built-in English and German phrases
    QString message;     // said before hanging up; empty = a default in the script's language
    bool operator==(const OptOut &) const = default;
};

// One question's texts in a variant's language.
struct QuestionVariant
{
    QString prompt; // required in every variant
    QString reprompt;
    QHash<QString, QStringList> synonyms; // by option value: the words that select it in this language
    bool operator==(const QuestionVariant &) const = default;
};

// The script in another language: a contact whose language matches hears these texts, in this voice; what a
// variant leaves empty comes from the script itself (docs/SCRIPT_FORMAT.md, "Languages").
struct ScriptVariant
{
    QString language; // BCP 47, e.g. "de-DE"
    QString voice;
    QString intro;
    QString outro;
    QString recordingDisclosure;
    QString optOutMessage;
    QStringList optOutPhrases;                 // added to the script's own
    QHash<QString, QuestionVariant> questions; // by question id
    bool operator==(const ScriptVariant &) const = default;
};

struct Script
{
    int format = 1;
    QString name;
    QString language = QStringLiteral("en-US");
    QString voice = QStringLiteral("Polly.Joanna");
    QString intro;
    QString outro;
    QString recordingDisclosure; // required when any question records
    double confidenceThreshold = 0.5;
    NoInputPolicy noInputPolicy = NoInputPolicy::Skip;
    OptOut optOut;
    QList<ScriptQuestion> questions;
    QList<ScriptVariant> variants; // in the order of the document

    [[nodiscard]] int indexOf(const QString &questionId) const;
    [[nodiscard]] bool records() const;
    // The variant a contact speaking `languageTag` hears: the exact tag (case-insensitive), else the first variant
    // with the same primary language (de-AT -> de-DE); nullptr when the script's own language fits as well or
    // better, or nothing fits (then the script's own texts apply).
    [[nodiscard]] const ScriptVariant *variantFor(const QString &languageTag) const;
    // The script as a contact speaking `languageTag` hears it: the chosen variant's language, voice and texts in
    // place of the script's own, no variants left. The script itself when no variant fits.
    [[nodiscard]] Script forLanguage(const QString &languageTag) const;
    bool operator==(const Script &) const = default;
};

struct ScriptProblem
{
    enum class Severity { Error, Warning };
    ScriptProblem() = default;
    ScriptProblem(QString location, QString message, Severity severity = Severity::Error, Text text = {})
        : location(std::move(location)), message(std::move(message)), severity(severity), text(std::move(text))
    {
    }

    QString location; // "line 4, column 7" for syntax errors, else a JSON path such as "questions[2].options[1].key"
    QString message;  // English
    Severity severity = Severity::Error;
    Text text; // `message` for ui/ to translate; empty where the service does not offer it

    [[nodiscard]] static ScriptProblem of(const QString &location, const Text &text,
                                          Severity severity = Severity::Error)
    {
        return {location, text.toString(), severity, text};
    }

    [[nodiscard]] QString toString() const
    {
        return location +
               (severity == Severity::Warning ? QStringLiteral(": warning: ") : QStringLiteral(": error: ")) + message;
    }
};

[[nodiscard]] bool hasErrors(const QList<ScriptProblem> &problems);

struct LoadedScript
{
    Script script;
    QList<ScriptProblem> problems; // no errors = valid and runnable; warnings may remain

    [[nodiscard]] bool ok() const { return !hasErrors(problems); }
};

// Script files larger than this are refused before they are read (a script of 100,000 short questions is about 5 MB).
inline constexpr qint64 kMaxScriptFileBytes = qint64(8) * 1024 * 1024;

// Parses and validates in one pass, collecting every problem rather than stopping at the first.
LoadedScript loadScript(const QByteArray &json);
// A script file's bytes: Io when it cannot be read, InvalidArgument when it is over kMaxScriptFileBytes.
Result<QByteArray> readScriptFile(const QString &path);
// Semantic checks of a script built in code or parsed: ids, keys, ranges, branches, reachability, cycles.
QList<ScriptProblem> validateScript(const Script &script);
QByteArray toJson(const Script &script);
// The form the database stores: the document plus one row per question (options as type-specific JSON).
ScriptVersion toScriptVersion(const Script &script);

} // namespace vsc::services::dialogue
