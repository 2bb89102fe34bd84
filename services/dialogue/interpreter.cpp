// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/dialogue/interpreter.h"

#include <QHash>

namespace vsc::services::dialogue {
namespace {

const QHash<QString, int> &numberWords()
{
    static const QHash<QString, int> words{
        {QStringLiteral("zero"), 0},
        {QStringLiteral("one"), 1},
        {QStringLiteral("two"), 2},
        {QStringLiteral("three"), 3},
        {QStringLiteral("four"), 4},
        {QStringLiteral("five"), 5},
        {QStringLiteral("six"), 6},
        {QStringLiteral("seven"), 7},
        {QStringLiteral("eight"), 8},
        {QStringLiteral("nine"), 9},
        {QStringLiteral("ten"), 10},
        {QStringLiteral("eleven"), 11},
        {QStringLiteral("twelve"), 12},
        {QStringLiteral("thirteen"), 13},
        {QStringLiteral("fourteen"), 14},
        {QStringLiteral("fifteen"), 15},
        {QStringLiteral("sixteen"), 16},
        {QStringLiteral("seventeen"), 17},
        {QStringLiteral("eighteen"), 18},
        {QStringLiteral("nineteen"), 19},
        {QStringLiteral("twenty"), 20},
        {QStringLiteral("thirty"), 30},
        {QStringLiteral("forty"), 40},
        {QStringLiteral("fifty"), 50},
        {QStringLiteral("sixty"), 60},
        {QStringLiteral("seventy"), 70},
        {QStringLiteral("eighty"), 80},
        {QStringLiteral("ninety"), 90},
        // German, after normalise(): fünf -> funf, zwölf -> zwolf, dreißig -> dreissig.
        {QStringLiteral("null"), 0},
        {QStringLiteral("eins"), 1},
        {QStringLiteral("ein"), 1},
        {QStringLiteral("eine"), 1},
        {QStringLiteral("zwei"), 2},
        {QStringLiteral("zwo"), 2},
        {QStringLiteral("drei"), 3},
        {QStringLiteral("vier"), 4},
        {QStringLiteral("funf"), 5},
        {QStringLiteral("sechs"), 6},
        {QStringLiteral("sieben"), 7},
        {QStringLiteral("acht"), 8},
        {QStringLiteral("neun"), 9},
        {QStringLiteral("zehn"), 10},
        {QStringLiteral("elf"), 11},
        {QStringLiteral("zwolf"), 12},
        {QStringLiteral("dreizehn"), 13},
        {QStringLiteral("vierzehn"), 14},
        {QStringLiteral("funfzehn"), 15},
        {QStringLiteral("sechzehn"), 16},
        {QStringLiteral("siebzehn"), 17},
        {QStringLiteral("achtzehn"), 18},
        {QStringLiteral("neunzehn"), 19},
        {QStringLiteral("zwanzig"), 20},
        {QStringLiteral("dreissig"), 30},
        {QStringLiteral("vierzig"), 40},
        {QStringLiteral("funfzig"), 50},
        {QStringLiteral("sechzig"), 60},
        {QStringLiteral("siebzig"), 70},
        {QStringLiteral("achtzig"), 80},
        {QStringLiteral("neunzig"), 90},
    };
    return words;
}

// One word's value, including German compounds such as "einundzwanzig", "hundertfunf", "zweihundert".
std::optional<int> wordValue(const QString &word)
{
    const auto &words = numberWords();
    if (auto it = words.constFind(word); it != words.cend()) {
        return *it;
    }
    bool isNumber = false;
    const int digits = word.toInt(&isNumber);
    if (isNumber && digits >= 0) {
        return digits;
    }
    for (const auto &[marker, factor] :
         {std::pair{QStringLiteral("tausend"), 1000}, std::pair{QStringLiteral("hundert"), 100}}) {
        const qsizetype at = word.indexOf(marker);
        if (at < 0) {
            continue;
        }
        const QString head = word.left(at);
        const QString tail = word.mid(at + marker.size());
        const std::optional<int> multiplier = head.isEmpty() ? std::optional<int>(1) : wordValue(head);
        const std::optional<int> rest = tail.isEmpty() ? std::optional<int>(0) : wordValue(tail);
        if (multiplier && rest) {
            return *multiplier * factor + *rest;
        }
        return std::nullopt;
    }
    const qsizetype und = word.indexOf(QLatin1String("und"));
    if (und > 0) {
        const auto unit = wordValue(word.left(und));
        const auto tens = wordValue(word.mid(und + 3));
        if (unit && tens && *unit < 10 && *tens >= 20 && *tens % 10 == 0) {
            return *tens + *unit;
        }
    }
    return std::nullopt;
}

bool containsPhrase(const QString &normalisedText, const QString &phrase)
{
    const QString p = normalise(phrase);
    if (p.isEmpty()) {
        return false;
    }
    return QString(u' ' + normalisedText + u' ').contains(QString(u' ' + p + u' '));
}

bool containsAny(const QString &normalisedText, const QStringList &phrases)
{
    return std::any_of(phrases.cbegin(), phrases.cend(),
                       [&](const QString &p) { return containsPhrase(normalisedText, p); });
}

using Kind = Interpretation::Kind;

bool isNoInput(const CallerInput &input)
{
    return input.kind == CallerInput::Kind::NoInput ||
           (input.kind == CallerInput::Kind::Speech && normalise(input.speech).isEmpty()) ||
           (input.kind == CallerInput::Kind::Digits && input.digits.isEmpty());
}

// The opt-out key (unless it answers this question) or an opt-out phrase; `text` is the normalised speech.
bool asksToOptOut(const Script &script, const ScriptQuestion &question, const CallerInput &input, const QString &text)
{
    if (input.kind == CallerInput::Kind::Digits && input.digits == script.optOut.key &&
        !optOutKeyAnswers(script, question)) {
        return true;
    }
    return input.kind == CallerInput::Kind::Speech && isOptOutPhrase(text, script.optOut.phrases);
}

Interpretation yesNoAnswer(const CallerInput &input)
{
    const auto answer = interpretYesNo(input);
    return answer ? Interpretation{Kind::Match, *answer ? QStringLiteral("yes") : QStringLiteral("no")}
                  : Interpretation{Kind::NoMatch, {}};
}

// The options whose value or synonyms were said, or else whose key was said as a number.
QList<int> choicesSaid(const ScriptQuestion &question, const QString &text)
{
    QList<int> matches;
    for (int i = 0; i < question.choices.size(); ++i) {
        const Choice &c = question.choices.at(i);
        QStringList spoken = c.synonyms;
        spoken.prepend(c.value);
        if (containsAny(text, spoken)) {
            matches.append(i);
        }
    }
    if (matches.isEmpty()) {
        // "one", "number two", "drei": callers often say the key they were told to press.
        if (const auto n = parseNumber(text)) {
            for (int i = 0; i < question.choices.size(); ++i) {
                if (question.choices.at(i).key == QString::number(*n)) {
                    matches.append(i);
                }
            }
        }
    }
    return matches;
}

Interpretation choiceAnswer(const ScriptQuestion &question, const CallerInput &input, const QString &text)
{
    if (input.kind == CallerInput::Kind::Digits) {
        for (const Choice &c : question.choices) {
            if (c.key == input.digits) {
                return {Kind::Match, c.value};
            }
        }
        return {Kind::NoMatch, {}};
    }
    if (input.kind != CallerInput::Kind::Speech) {
        return {Kind::NoMatch, {}};
    }
    const QList<int> matches = choicesSaid(question, text);
    return matches.size() == 1 ? Interpretation{Kind::Match, question.choices.at(matches.first()).value}
                               : Interpretation{Kind::NoMatch, {}};
}

Interpretation numericAnswer(const ScriptQuestion &question, const CallerInput &input, const QString &text)
{
    std::optional<int> n;
    if (input.kind == CallerInput::Kind::Digits) {
        QString digits = input.digits;
        digits.remove(u'#');
        bool ok = false;
        const int value = digits.toInt(&ok);
        if (ok) {
            n = value;
        }
    } else if (input.kind == CallerInput::Kind::Speech) {
        n = parseNumber(text);
    }
    if (n && *n >= question.min && *n <= question.max) {
        return {Kind::Match, QString::number(*n)};
    }
    return {Kind::NoMatch, {}};
}

Interpretation freeSpeechAnswer(const CallerInput &input)
{
    if (input.kind == CallerInput::Kind::Speech) {
        return {Kind::Match, input.speech.trimmed()};
    }
    return {Kind::NoMatch, {}};
}

Interpretation recordingAnswer(const CallerInput &input)
{
    if (input.kind == CallerInput::Kind::Recording && !input.recordingUrl.isEmpty() && input.recordingSeconds > 0) {
        return {Kind::Match, input.recordingUrl};
    }
    return {input.kind == CallerInput::Kind::Recording ? Kind::NoInput : Kind::NoMatch, {}};
}

} // namespace

QString normalise(const QString &text)
{
    QString decomposed = text.toLower();
    decomposed.replace(QChar(u'ß'), QLatin1String("ss"));
    decomposed = decomposed.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool space = true;
    for (const QChar c : std::as_const(decomposed)) {
        if (c.category() == QChar::Mark_NonSpacing) {
            continue;
        }
        if (c.isLetterOrNumber() || c == u'\'') {
            if (c != u'\'') {
                out += c;
                space = false;
            }
        } else if (!space) {
            out += u' ';
            space = true;
        }
    }
    return out.trimmed();
}

std::optional<int> parseNumber(const QString &normalised)
{
    static const QStringList articles{QStringLiteral("a"), QStringLiteral("an"), QStringLiteral("ein"),
                                      QStringLiteral("eine"), QStringLiteral("einen")};
    const QStringList words = normalised.split(u' ', Qt::SkipEmptyParts);
    auto isNumberWord = [](const QString &w) {
        return wordValue(w).has_value() || w == QLatin1String("hundred") || w == QLatin1String("thousand");
    };
    int total = 0;
    int current = 0;
    bool inNumber = false;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &word = words.at(i);
        const bool nextIsNumber = i + 1 < words.size() && isNumberWord(words.at(i + 1));
        if (!inNumber && articles.contains(word) && nextIsNumber) {
            continue; // "a hundred", "eine Acht"
        }
        if (inNumber && (word == QLatin1String("and") || word == QLatin1String("und")) && nextIsNumber) {
            continue; // "a hundred and five"
        }
        if (word == QLatin1String("hundred")) {
            current = (current > 0 ? current : 1) * 100;
            inNumber = true;
            continue;
        }
        if (word == QLatin1String("thousand")) {
            total += (current > 0 ? current : 1) * 1000;
            current = 0;
            inNumber = true;
            continue;
        }
        const auto value = wordValue(word);
        if (!value) {
            if (inNumber) {
                break; // the first number ends here
            }
            continue;
        }
        if (inNumber) {
            // Only "twenty" + "one" or "hundred" + "five" continue a number; "seven eight" is two numbers.
            const bool afterTens = current % 10 == 0 && current > 0 && *value < 10;
            const bool afterHundreds = current % 100 == 0 && current > 0 && *value < 100;
            const bool afterThousands = current == 0 && total > 0 && *value < 1000;
            if (!afterTens && !afterHundreds && !afterThousands) {
                break;
            }
        }
        current += *value;
        inNumber = true;
    }
    if (!inNumber) {
        return std::nullopt;
    }
    const int result = total + current;
    return result <= 999999 ? std::optional<int>(result) : std::nullopt;
}

bool isOptOutPhrase(const QString &normalised, const QStringList &extraPhrases)
{
    static const QStringList builtIn{QStringLiteral("stop calling"),       QStringLiteral("stop calling me"),
                                     QStringLiteral("do not call"),        QStringLiteral("dont call"),
                                     QStringLiteral("don't call"),         QStringLiteral("never call"),
                                     QStringLiteral("remove me"),          QStringLiteral("take me off"),
                                     QStringLiteral("unsubscribe"),        QStringLiteral("opt out"),
                                     QStringLiteral("nicht mehr anrufen"), QStringLiteral("nicht anrufen"),
                                     QStringLiteral("keine anrufe"),       QStringLiteral("rufen sie mich nicht"),
                                     QStringLiteral("abmelden"),           QStringLiteral("loschen sie meine nummer")};
    return containsAny(normalised, builtIn) || containsAny(normalised, extraPhrases);
}

bool optOutKeyAnswers(const Script &script, const ScriptQuestion &question)
{
    const QString &key = script.optOut.key;
    switch (question.type) {
    case QuestionType::YesNo:
        return key == QLatin1String("1") || key == QLatin1String("2");
    case QuestionType::SingleChoice:
        return std::any_of(question.choices.cbegin(), question.choices.cend(),
                           [&](const Choice &c) { return c.key == key; });
    case QuestionType::Numeric: {
        bool digit = false;
        const int n = key.toInt(&digit);
        return digit && n >= question.min && n <= question.max; // "9#" is the answer 9, not an opt-out
    }
    case QuestionType::FreeSpeech:
    case QuestionType::Recording:
        return false;
    }
    return false;
}

std::optional<bool> interpretYesNo(const CallerInput &input)
{
    if (input.kind == CallerInput::Kind::Digits) {
        if (input.digits == QLatin1String("1")) {
            return true;
        }
        if (input.digits == QLatin1String("2")) {
            return false;
        }
        return std::nullopt;
    }
    if (input.kind != CallerInput::Kind::Speech) {
        return std::nullopt;
    }
    static const QStringList yes{
        QStringLiteral("yes"),        QStringLiteral("yeah"),      QStringLiteral("yep"),
        QStringLiteral("yup"),        QStringLiteral("sure"),      QStringLiteral("correct"),
        QStringLiteral("right"),      QStringLiteral("of course"), QStringLiteral("absolutely"),
        QStringLiteral("definitely"), QStringLiteral("ja"),        QStringLiteral("jawohl"),
        QStringLiteral("genau"),      QStringLiteral("richtig"),   QStringLiteral("klar"),
        QStringLiteral("natürlich"),  QStringLiteral("stimmt"),    QStringLiteral("one"),
        QStringLiteral("eins")};
    static const QStringList no{QStringLiteral("no"),
                                QStringLiteral("nope"),
                                QStringLiteral("nah"),
                                QStringLiteral("not really"),
                                QStringLiteral("not at all"),
                                QStringLiteral("never"),
                                QStringLiteral("nein"),
                                QStringLiteral("nö"),
                                QStringLiteral("noe"),
                                QStringLiteral("auf keinen fall"),
                                QStringLiteral("nicht wirklich"),
                                QStringLiteral("falsch"),
                                QStringLiteral("two"),
                                QStringLiteral("zwei")};
    const QString text = normalise(input.speech);
    const bool saidYes = containsAny(text, yes);
    const bool saidNo = containsAny(text, no);
    if (saidYes == saidNo) {
        return std::nullopt; // neither, or both ("yes... no"): ask again
    }
    return saidYes;
}

Interpretation interpret(const Script &script, const ScriptQuestion &question, const CallerInput &input)
{
    if (isNoInput(input)) {
        return {Kind::NoInput, {}};
    }
    const QString text = normalise(input.speech);
    if (asksToOptOut(script, question, input, text)) {
        return {Kind::OptOut, {}};
    }
    switch (question.type) {
    case QuestionType::YesNo:
        return yesNoAnswer(input);
    case QuestionType::SingleChoice:
        return choiceAnswer(question, input, text);
    case QuestionType::Numeric:
        return numericAnswer(question, input, text);
    case QuestionType::FreeSpeech:
        return freeSpeechAnswer(input);
    case QuestionType::Recording:
        return recordingAnswer(input);
    }
    return {Kind::NoMatch, {}};
}

} // namespace vsc::services::dialogue
