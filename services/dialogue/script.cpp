// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/dialogue/script.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace vsc::services::dialogue {
namespace {

const QString kEnd = QStringLiteral("end");

QString questionPath(int index)
{
    return QStringLiteral("questions[%1]").arg(index);
}

std::optional<QuestionType> typeFromKey(const QString &key)
{
    for (QuestionType t : {QuestionType::YesNo, QuestionType::SingleChoice, QuestionType::Numeric,
                           QuestionType::FreeSpeech, QuestionType::Recording}) {
        if (questionTypeKey(t) == key) {
            return t;
        }
    }
    return std::nullopt;
}

bool isDtmfKey(const QString &key)
{
    return key.size() == 1 && (key.at(0).isDigit() || key == QLatin1String("*") || key == QLatin1String("#"));
}

// Reads typed fields from a JSON object and records a problem for each one of the wrong type or unknown.
class Reader
{
public:
    Reader(const QJsonObject &object, QString path, QList<ScriptProblem> &problems, const QStringList &known)
        : m_object(object), m_path(std::move(path)), m_problems(problems)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!known.contains(it.key())) {
                problem(it.key(), Text{QT_TRANSLATE_NOOP("vsc", "unknown field '%1'"), {it.key()}});
            }
        }
    }

    QString string(const QString &key, const QString &fallback = {}, bool required = false)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined()) {
            if (required) {
                problem(key, Text{QT_TRANSLATE_NOOP("vsc", "is required"), {}});
            }
            return fallback;
        }
        if (!v.isString()) {
            problem(key, Text{QT_TRANSLATE_NOOP("vsc", "must be a string"), {}});
            return fallback;
        }
        return v.toString();
    }

    bool boolean(const QString &key, bool fallback)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined()) {
            return fallback;
        }
        if (!v.isBool()) {
            problem(key, Text{QT_TRANSLATE_NOOP("vsc", "must be true or false"), {}});
            return fallback;
        }
        return v.toBool();
    }

    double number(const QString &key, double fallback)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined()) {
            return fallback;
        }
        if (!v.isDouble()) {
            problem(key, Text{QT_TRANSLATE_NOOP("vsc", "must be a number"), {}});
            return fallback;
        }
        return v.toDouble();
    }

    int integer(const QString &key, int fallback)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined()) {
            return fallback;
        }
        const double d = v.toDouble(0.5);
        if (!v.isDouble() || d != double(qint64(d)) || qAbs(d) > 1e9) {
            problem(key, Text{QT_TRANSLATE_NOOP("vsc", "must be a whole number"), {}});
            return fallback;
        }
        return int(d);
    }

    QStringList strings(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined()) {
            return {};
        }
        if (v.isString()) {
            return {v.toString()};
        }
        QStringList out;
        if (!v.isArray()) {
            problem(key, Text{QT_TRANSLATE_NOOP("vsc", "must be a string or a list of strings"), {}});
            return out;
        }
        const QJsonArray array = v.toArray();
        for (int i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString()) {
                problem(QStringLiteral("%1[%2]").arg(key).arg(i),
                        Text{QT_TRANSLATE_NOOP("vsc", "must be a string"), {}});
                continue;
            }
            out << array.at(i).toString();
        }
        return out;
    }

    QJsonArray array(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (!v.isUndefined() && !v.isArray()) {
            problem(key, Text{QT_TRANSLATE_NOOP("vsc", "must be a list"), {}});
        }
        return v.toArray();
    }

    [[nodiscard]] bool has(const QString &key) const { return m_object.contains(key); }
    [[nodiscard]] QString path(const QString &key) const { return m_path.isEmpty() ? key : m_path + u'.' + key; }
    void problem(const QString &key, const Text &text) { m_problems.append(ScriptProblem::of(path(key), text)); }

private:
    QJsonObject m_object;
    QString m_path;
    QList<ScriptProblem> &m_problems;
};

// One condition of a branch's "when": a string, a whole number or a range object; false when it is none of these.
bool readCondition(const QJsonValue &v, const QString &path, Branch &branch, QList<ScriptProblem> &problems)
{
    if (v.isString()) {
        branch.when << v.toString();
        return true;
    }
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d != double(qint64(d)) || qAbs(d) > 1e9) {
            problems.append(ScriptProblem::of(
                path, Text{QT_TRANSLATE_NOOP("vsc", "%1 is not a whole number"), {QString::number(d)}}));
        } else {
            branch.when << QString::number(qint64(d));
        }
        return true;
    }
    if (v.isObject()) {
        Reader r(v.toObject(), path, problems, {QStringLiteral("min"), QStringLiteral("max")});
        if (!r.has(QStringLiteral("min")) || !r.has(QStringLiteral("max"))) {
            r.problem(
                r.has(QStringLiteral("min")) ? QStringLiteral("max") : QStringLiteral("min"),
                Text{QT_TRANSLATE_NOOP("vsc", "is required: a range names both ends, {\"min\": 0, \"max\": 6}"), {}});
            return true;
        }
        branch.ranges.append({r.integer(QStringLiteral("min"), 0), r.integer(QStringLiteral("max"), 0)});
        return true;
    }
    return false;
}

void readWhen(const QJsonValue &when, const QString &path, Branch &branch, QList<ScriptProblem> &problems)
{
    if (when.isUndefined() || when.isNull()) {
        problems.append(ScriptProblem::of(
            path, Text{QT_TRANSLATE_NOOP("vsc", "is required: an answer value (\"yes\", \"speed\", 7), a range "
                                                "{\"min\": 0, \"max\": 6}, \"*\" for any answer, or a list of these"),
                       {}}));
        return;
    }
    if (when.isArray()) {
        const QJsonArray list = when.toArray();
        if (list.isEmpty()) {
            problems.append(ScriptProblem::of(
                path,
                Text{QT_TRANSLATE_NOOP("vsc", "is an empty list; give an answer value (\"yes\", \"speed\", 7), a range "
                                              "{\"min\": 0, \"max\": 6}, \"*\" for any answer, or a list of these"),
                     {}}));
        }
        for (int i = 0; i < list.size(); ++i) {
            const QString itemPath = QStringLiteral("%1[%2]").arg(path).arg(i);
            if (!readCondition(list.at(i), itemPath, branch, problems)) {
                problems.append(ScriptProblem::of(
                    itemPath,
                    Text{QT_TRANSLATE_NOOP("vsc", "must be an answer value (\"yes\", \"speed\", 7), a range {\"min\": "
                                                  "0, \"max\": 6}, \"*\" for any answer, or a list of these"),
                         {}}));
            }
        }
        return;
    }
    if (!readCondition(when, path, branch, problems)) {
        problems.append(ScriptProblem::of(
            path, Text{QT_TRANSLATE_NOOP("vsc", "must be an answer value (\"yes\", \"speed\", 7), a range {\"min\": 0, "
                                                "\"max\": 6}, \"*\" for any answer, or a list of these"),
                       {}}));
    }
}

// "variants": {"de-DE": {...}, ...}
QList<ScriptVariant> readVariants(const QJsonValue &value, QList<ScriptProblem> &problems)
{
    QList<ScriptVariant> variants;
    if (value.isUndefined()) {
        return variants;
    }
    if (!value.isObject()) {
        problems.append(ScriptProblem::of(
            QStringLiteral("variants"),
            Text{QT_TRANSLATE_NOOP("vsc", "must be an object of languages, {\"de-DE\": {...}}"), {}}));
        return variants;
    }
    const QJsonObject all = value.toObject();
    for (auto it = all.begin(); it != all.end(); ++it) {
        const QString path = QStringLiteral("variants.%1").arg(it.key());
        ScriptVariant v;
        v.language = it.key();
        if (!it.value().isObject()) {
            problems.append(ScriptProblem::of(path, Text{QT_TRANSLATE_NOOP("vsc", "must be an object"), {}}));
            variants.append(v);
            continue;
        }
        const QJsonObject object = it.value().toObject();
        Reader r(object, path, problems,
                 {QStringLiteral("voice"), QStringLiteral("intro"), QStringLiteral("outro"),
                  QStringLiteral("recordingDisclosure"), QStringLiteral("optOut"), QStringLiteral("questions")});
        v.voice = r.string(QStringLiteral("voice"));
        v.intro = r.string(QStringLiteral("intro"));
        v.outro = r.string(QStringLiteral("outro"));
        v.recordingDisclosure = r.string(QStringLiteral("recordingDisclosure"));
        const QJsonValue optOut = object.value(QStringLiteral("optOut"));
        if (optOut.isObject()) {
            Reader o(optOut.toObject(), r.path(QStringLiteral("optOut")), problems,
                     {QStringLiteral("message"), QStringLiteral("phrases")});
            v.optOutMessage = o.string(QStringLiteral("message"));
            v.optOutPhrases = o.strings(QStringLiteral("phrases"));
        } else if (!optOut.isUndefined()) {
            r.problem(QStringLiteral("optOut"), Text{QT_TRANSLATE_NOOP("vsc", "must be an object"), {}});
        }
        const QJsonValue questions = object.value(QStringLiteral("questions"));
        if (!questions.isUndefined() && !questions.isObject()) {
            r.problem(QStringLiteral("questions"),
                      Text{QT_TRANSLATE_NOOP("vsc", "must be an object by question id"), {}});
        }
        const QJsonObject byId = questions.toObject();
        for (auto q = byId.begin(); q != byId.end(); ++q) {
            const QString questionPath = r.path(QStringLiteral("questions.%1").arg(q.key()));
            if (!q.value().isObject()) {
                problems.append(
                    ScriptProblem::of(questionPath, Text{QT_TRANSLATE_NOOP("vsc", "must be an object"), {}}));
                continue;
            }
            const QJsonObject qo = q.value().toObject();
            Reader qr(qo, questionPath, problems,
                      {QStringLiteral("prompt"), QStringLiteral("reprompt"), QStringLiteral("options")});
            QuestionVariant qv;
            qv.prompt = qr.string(QStringLiteral("prompt"));
            qv.reprompt = qr.string(QStringLiteral("reprompt"));
            const QJsonValue options = qo.value(QStringLiteral("options"));
            if (!options.isUndefined() && !options.isObject()) {
                qr.problem(QStringLiteral("options"),
                           Text{QT_TRANSLATE_NOOP(
                                    "vsc", "must be an object: option value -> words, {\"speed\": [\"schnell\"]}"),
                                {}});
            }
            const QJsonObject words = options.toObject();
            Reader wr(words, qr.path(QStringLiteral("options")), problems, words.keys());
            for (const QString &option : words.keys()) {
                qv.synonyms.insert(option, wr.strings(option));
            }
            v.questions.insert(q.key(), qv);
        }
        variants.append(v);
    }
    return variants;
}

ScriptQuestion readQuestion(const QJsonValue &value, int index, QList<ScriptProblem> &problems)
{
    ScriptQuestion q;
    const QString path = questionPath(index);
    if (!value.isObject()) {
        problems.append(ScriptProblem::of(path, Text{QT_TRANSLATE_NOOP("vsc", "must be an object"), {}}));
        return q;
    }
    Reader r(value.toObject(), path, problems,
             {QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("prompt"), QStringLiteral("required"),
              QStringLiteral("reprompt"), QStringLiteral("maxReprompts"), QStringLiteral("options"),
              QStringLiteral("min"), QStringLiteral("max"), QStringLiteral("maxLength"), QStringLiteral("branches")});
    q.id = r.string(QStringLiteral("id"), {}, true);
    const QString type = r.string(QStringLiteral("type"), {}, true);
    if (r.has(QStringLiteral("type")) && !type.isEmpty()) {
        if (auto t = typeFromKey(type)) {
            q.type = *t;
        } else {
            r.problem(QStringLiteral("type"),
                      Text{QT_TRANSLATE_NOOP("vsc", "unknown type '%1' (expected yes_no, single_choice, numeric, "
                                                    "free_speech or recording)"),
                           {type}});
        }
    }
    q.prompt = r.string(QStringLiteral("prompt")); // an empty or missing prompt is reported by validateScript()
    q.required = r.boolean(QStringLiteral("required"), true);
    q.reprompt = r.string(QStringLiteral("reprompt"));
    q.maxReprompts = r.integer(QStringLiteral("maxReprompts"), 2);
    q.min = r.integer(QStringLiteral("min"), 0);
    q.max = r.integer(QStringLiteral("max"), 10);
    q.maxLengthSeconds = r.integer(QStringLiteral("maxLength"), 60);
    const QJsonArray options = r.array(QStringLiteral("options"));
    for (int i = 0; i < options.size(); ++i) {
        const QString optionPath = r.path(QStringLiteral("options[%1]").arg(i));
        if (!options.at(i).isObject()) {
            problems.append(ScriptProblem::of(optionPath, Text{QT_TRANSLATE_NOOP("vsc", "must be an object"), {}}));
            continue;
        }
        Reader o(options.at(i).toObject(), optionPath, problems,
                 {QStringLiteral("value"), QStringLiteral("key"), QStringLiteral("synonyms")});
        q.choices.append({o.string(QStringLiteral("value"), {}, true), o.string(QStringLiteral("key"), {}, true),
                          o.strings(QStringLiteral("synonyms"))});
    }
    const QJsonArray branches = r.array(QStringLiteral("branches"));
    for (int i = 0; i < branches.size(); ++i) {
        const QString branchPath = r.path(QStringLiteral("branches[%1]").arg(i));
        if (!branches.at(i).isObject()) {
            problems.append(ScriptProblem::of(branchPath, Text{QT_TRANSLATE_NOOP("vsc", "must be an object"), {}}));
            continue;
        }
        Reader b(branches.at(i).toObject(), branchPath, problems, {QStringLiteral("when"), QStringLiteral("goto")});
        Branch branch;
        branch.target = b.string(QStringLiteral("goto"), {}, true);
        readWhen(branches.at(i).toObject().value(QStringLiteral("when")), b.path(QStringLiteral("when")), branch,
                 problems);
        q.branches.append(branch);
    }
    return q;
}

QString lineAndColumn(const QByteArray &json, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < json.size(); ++i) {
        if (json.at(i) == '\n') {
            ++line;
            column = 1;
        } else if ((json.at(i) & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

// Answer values a branch on this question can match.
bool branchValueFits(const ScriptQuestion &q, const QString &value)
{
    if (value == QLatin1String("*")) {
        return true;
    }
    switch (q.type) {
    case QuestionType::YesNo:
        return value == QLatin1String("yes") || value == QLatin1String("no");
    case QuestionType::SingleChoice:
        return std::any_of(q.choices.cbegin(), q.choices.cend(), [&](const Choice &c) { return c.value == value; });
    case QuestionType::Numeric: {
        bool ok = false;
        const int n = value.toInt(&ok);
        return ok && n >= q.min && n <= q.max;
    }
    case QuestionType::FreeSpeech:
    case QuestionType::Recording:
        return false; // only "*" (any answer) makes sense
    }
    return false;
}

// validateScript()'s findings, in the order they are found.
struct Findings
{
    QList<ScriptProblem> problems;

    void error(const QString &path, const Text &text) { problems.append(ScriptProblem::of(path, text)); }
    void warning(const QString &path, const Text &text)
    {
        problems.append(ScriptProblem::of(path, text, ScriptProblem::Severity::Warning));
    }
};

void checkScriptFields(const Script &s, Findings &found)
{
    static const QRegularExpression languagePattern(QStringLiteral("^[a-z]{2,3}(-[A-Z]{2})?$"));
    if (!languagePattern.match(s.language).hasMatch()) {
        found.error(QStringLiteral("language"),
                    Text{QT_TRANSLATE_NOOP("vsc", "'%1' is not a language tag such as en-US or de-DE"), {s.language}});
    }
    if (s.confidenceThreshold < 0.0 || s.confidenceThreshold > 1.0) {
        found.error(QStringLiteral("confidenceThreshold"),
                    Text{QT_TRANSLATE_NOOP("vsc", "must be between 0 and 1"), {}});
    }
    if (!isDtmfKey(s.optOut.key)) {
        found.error(QStringLiteral("optOut.key"),
                    Text{QT_TRANSLATE_NOOP("vsc", "'%1' is not a keypad key (0-9, * or #)"), {s.optOut.key}});
    }
}

// `firstIndex` maps each id seen so far to the question that uses it.
void checkQuestionId(const ScriptQuestion &q, int index, QHash<QString, int> &firstIndex, Findings &found)
{
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z][A-Za-z0-9_-]{0,63}$"));
    const QString path = questionPath(index) + QStringLiteral(".id");
    if (!q.id.isEmpty() && !idPattern.match(q.id).hasMatch()) {
        found.error(path, Text{QT_TRANSLATE_NOOP(
                                   "vsc", "'%1' must start with a letter and use only letters, digits, '_' and '-'"),
                               {q.id}});
    } else if (q.id == kEnd) {
        found.error(path, Text{QT_TRANSLATE_NOOP("vsc", "'end' is reserved for branches"), {}});
    } else if (firstIndex.contains(q.id)) {
        found.error(path, Text{QT_TRANSLATE_NOOP("vsc", "duplicate id '%1' (first used by questions[%2])"),
                               {q.id, QString::number(firstIndex.value(q.id))}});
    } else if (!q.id.isEmpty()) {
        firstIndex.insert(q.id, index);
    }
}

// `keys` maps each keypad key seen so far to the option that uses it.
void checkChoiceKey(const Script &s, const Choice &choice, int c, const QString &optionPath, QHash<QString, int> &keys,
                    Findings &found)
{
    if (!choice.key.isEmpty() && !isDtmfKey(choice.key)) {
        found.error(optionPath + QStringLiteral(".key"),
                    Text{QT_TRANSLATE_NOOP("vsc", "'%1' is not a keypad key (0-9, * or #)"), {choice.key}});
    } else if (keys.contains(choice.key)) {
        found.error(optionPath + QStringLiteral(".key"),
                    Text{QT_TRANSLATE_NOOP("vsc", "duplicate key '%1' (also options[%2])"),
                         {choice.key, QString::number(keys.value(choice.key))}});
    } else if (!choice.key.isEmpty()) {
        keys.insert(choice.key, c);
    }
    if (choice.key == s.optOut.key) {
        found.warning(
            optionPath + QStringLiteral(".key"),
            Text{QT_TRANSLATE_NOOP("vsc", "the opt-out key %1 selects this option here, so it cannot opt out during "
                                          "this question"),
                 {choice.key}});
    }
}

// `words` maps each normalised word said so far to the option it selects.
void checkChoiceWords(const Choice &choice, int c, const QString &optionPath, QHash<QString, int> &words,
                      Findings &found)
{
    QStringList spoken = choice.synonyms;
    spoken.prepend(choice.value);
    for (const QString &word : std::as_const(spoken)) {
        const QString normalised = word.trimmed().toLower();
        if (normalised.isEmpty()) {
            continue;
        }
        if (words.contains(normalised) && words.value(normalised) != c) {
            found.error(optionPath,
                        Text{QT_TRANSLATE_NOOP("vsc", "'%1' is also said for options[%2]; speech could not tell "
                                                      "them apart"),
                             {word, QString::number(words.value(normalised))}});
        }
        words.insert(normalised, c);
    }
}

void checkChoices(const Script &s, const ScriptQuestion &q, const QString &path, Findings &found)
{
    if (q.choices.size() < 2) {
        found.error(path + QStringLiteral(".options"),
                    Text{QT_TRANSLATE_NOOP("vsc", "a single_choice question needs at least two options"), {}});
    }
    QHash<QString, int> keys;
    QHash<QString, int> words;
    for (int c = 0; c < q.choices.size(); ++c) {
        const Choice &choice = q.choices.at(c);
        const QString optionPath = path + QStringLiteral(".options[%1]").arg(c);
        checkChoiceKey(s, choice, c, optionPath, keys, found);
        checkChoiceWords(choice, c, optionPath, words, found);
    }
}

void checkNumericRange(const Script &s, const ScriptQuestion &q, const QString &path, Findings &found)
{
    if (q.min > q.max) {
        found.error(path + QStringLiteral(".min"), Text{QT_TRANSLATE_NOOP("vsc", "min %1 is greater than max %2"),
                                                        {QString::number(q.min), QString::number(q.max)}});
    } else if (q.min < 0) {
        found.error(path + QStringLiteral(".min"),
                    Text{QT_TRANSLATE_NOOP("vsc", "must not be negative (keypads cannot enter a sign)"), {}});
    } else if (q.max > 999999) {
        found.error(path + QStringLiteral(".max"), Text{QT_TRANSLATE_NOOP("vsc", "must be at most 999999"), {}});
    }
    if (isDtmfKey(s.optOut.key) && s.optOut.key.at(0).isDigit() && s.optOut.key.toInt() >= q.min &&
        s.optOut.key.toInt() <= q.max) {
        found.warning(path, Text{QT_TRANSLATE_NOOP(
                                     "vsc", "the opt-out key %1 is also a valid answer (%2-%3), so it cannot opt out "
                                            "during this question"),
                                 {s.optOut.key, QString::number(q.min), QString::number(q.max)}});
    }
}

// What only some types of question need.
void checkTypeSpecifics(const Script &s, const ScriptQuestion &q, const QString &path, Findings &found)
{
    switch (q.type) {
    case QuestionType::SingleChoice:
        checkChoices(s, q, path, found);
        break;
    case QuestionType::Numeric:
        checkNumericRange(s, q, path, found);
        break;
    case QuestionType::YesNo:
        if (s.optOut.key == QLatin1String("1") || s.optOut.key == QLatin1String("2")) {
            found.error(QStringLiteral("optOut.key"),
                        Text{QT_TRANSLATE_NOOP("vsc", "keys 1 and 2 answer yes/no questions"), {}});
        }
        break;
    case QuestionType::FreeSpeech:
    case QuestionType::Recording:
        if (q.maxLengthSeconds < 1 || q.maxLengthSeconds > 3600) {
            found.error(path + QStringLiteral(".maxLength"),
                        Text{QT_TRANSLATE_NOOP("vsc", "must be between 1 and 3600 seconds"), {}});
        }
        break;
    }
}

void checkQuestions(const Script &s, Findings &found)
{
    QHash<QString, int> firstIndex;
    for (int i = 0; i < s.questions.size(); ++i) {
        const ScriptQuestion &q = s.questions.at(i);
        const QString path = questionPath(i);
        checkQuestionId(q, i, firstIndex, found);
        if (q.prompt.trimmed().isEmpty()) {
            found.error(path + QStringLiteral(".prompt"),
                        Text{QT_TRANSLATE_NOOP("vsc", "is required: what the caller hears"), {}});
        }
        if (q.maxReprompts < 0 || q.maxReprompts > 5) {
            found.error(path + QStringLiteral(".maxReprompts"),
                        Text{QT_TRANSLATE_NOOP("vsc", "must be between 0 and 5"), {}});
        }
        checkTypeSpecifics(s, q, path, found);
    }
}

QString rangeText(const NumberRange &r)
{
    return r.min == r.max ? QString::number(r.min) : QStringLiteral("%1-%2").arg(r.min).arg(r.max);
}

// The numbers (as ranges) a branch takes on a numeric question; a value that is not a number takes none.
QList<NumberRange> numbersOf(const Branch &branch)
{
    QList<NumberRange> out;
    for (const QString &value : branch.when) {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (ok) {
            out.append({n, n});
        }
    }
    return out + branch.ranges;
}

// Branch `b`'s ranges: on a numeric question, inside its min-max, ends in order, no answer also taken by an earlier
// branch (the first match wins, so the overlap would be dead); values repeated from earlier branches likewise.
void checkRanges(const ScriptQuestion &q, int b, const QString &path, Findings &found)
{
    const Branch &branch = q.branches.at(b);
    for (int r = 0; r < branch.ranges.size(); ++r) {
        const NumberRange &range = branch.ranges.at(r);
        const QString rangePath = path + QStringLiteral(".when");
        if (q.type != QuestionType::Numeric) {
            found.error(rangePath,
                        Text{QT_TRANSLATE_NOOP("vsc", "a range (%1) only fits a numeric question; '%2' is %3"),
                             {rangeText(range), q.id, questionTypeKey(q.type)}});
        } else if (range.min > range.max) {
            found.error(rangePath,
                        Text{QT_TRANSLATE_NOOP("vsc", "range %1-%2 runs backwards (min is greater than max)"),
                             {QString::number(range.min), QString::number(range.max)}});
        } else if (range.min < q.min || range.max > q.max) {
            found.error(rangePath, Text{QT_TRANSLATE_NOOP("vsc", "range %1 goes beyond the question's answers %2-%3"),
                                        {rangeText(range), QString::number(q.min), QString::number(q.max)}});
        }
    }
    for (int earlier = 0; earlier < b; ++earlier) {
        const Branch &other = q.branches.at(earlier);
        QStringList shared;
        for (const QString &value : branch.when) {
            if (value != QLatin1String("*") && other.when.contains(value)) {
                shared << value;
            }
        }
        if (q.type == QuestionType::Numeric) {
            shared.clear(); // numbers are compared as ranges below, so 7 and {"min": 5, "max": 9} meet too
            for (const NumberRange &mine : numbersOf(branch)) {
                for (const NumberRange &theirs : numbersOf(other)) {
                    const NumberRange overlap{qMax(mine.min, theirs.min), qMin(mine.max, theirs.max)};
                    if (overlap.min <= overlap.max) {
                        shared << rangeText(overlap);
                    }
                }
            }
        }
        if (!shared.isEmpty()) {
            found.error(path + QStringLiteral(".when"),
                        Text{QT_TRANSLATE_NOOP("vsc", "%1 also taken by branches[%2], which comes first and wins"),
                             {shared.join(QStringLiteral(", ")), QString::number(earlier)}});
        }
    }
}

// Checks question `i`'s branches and returns where the flow may go from it: its branch targets, plus the next
// question unless a catch-all branch always leaves.
QList<int> checkBranches(const Script &s, const QHash<QString, int> &indexOf, int i, Findings &found)
{
    const ScriptQuestion &q = s.questions.at(i);
    QList<int> edges;
    bool catchAll = false;
    for (int b = 0; b < q.branches.size(); ++b) {
        const Branch &branch = q.branches.at(b);
        const QString path = questionPath(i) + QStringLiteral(".branches[%1]").arg(b);
        if (catchAll) {
            found.error(
                path, Text{QT_TRANSLATE_NOOP("vsc", "is never taken: an earlier branch takes any answer (\"*\")"), {}});
        }
        if (branch.when.isEmpty() && branch.ranges.isEmpty()) {
            found.error(
                path + QStringLiteral(".when"),
                Text{QT_TRANSLATE_NOOP("vsc", "is required: an answer value (\"yes\", \"speed\", 7), a range {\"min\": "
                                              "0, \"max\": 6}, \"*\" for any answer, or a list of these"),
                     {}});
        }
        for (const QString &value : branch.when) {
            catchAll = catchAll || value == QLatin1String("*");
            if (!branchValueFits(q, value)) {
                found.error(path + QStringLiteral(".when"),
                            Text{QT_TRANSLATE_NOOP("vsc", "'%1' can never be the answer to %2 question '%3'"),
                                 {value, questionTypeKey(q.type), q.id}});
            }
        }
        checkRanges(q, b, path, found);
        if (branch.target == kEnd) {
            continue;
        }
        const int target = indexOf.value(branch.target, -1);
        if (target < 0) {
            if (!branch.target.isEmpty()) {
                found.error(path + QStringLiteral(".goto"),
                            Text{QT_TRANSLATE_NOOP("vsc", "no question has the id '%1'"), {branch.target}});
            }
            continue;
        }
        edges.append(target);
    }
    if (!catchAll && i + 1 < s.questions.size()) {
        edges.append(i + 1);
    }
    return edges;
}

// Walks the flow graph from the first question, reporting each loop once; returns which questions it reached.
// Depth-first with an explicit stack: a script of 100,000 questions in a row must not overflow the call stack.
QList<bool> checkLoops(const Script &s, const QList<QList<int>> &edges, Findings &found)
{
    QList<int> state(s.questions.size(), 0); // 0 unvisited, 1 on the path, 2 done
    QSet<int> reported;
    struct Frame
    {
        int node;
        qsizetype nextEdge;
    };
    QList<Frame> path; // the current path from question 0; path[k].node is on it
    state[0] = 1;
    path.append({0, 0});
    while (!path.isEmpty()) {
        Frame &top = path.last();
        const QList<int> &out = edges.at(top.node);
        if (top.nextEdge == out.size()) {
            state[top.node] = 2;
            path.removeLast();
            continue;
        }
        const int node = top.node;
        const int next = out.at(top.nextEdge++);
        if (state[next] == 1 && !reported.contains(next)) {
            reported.insert(next);
            QStringList loop;
            qsizetype k = path.size() - 1;
            while (path.at(k).node != next) {
                --k;
            }
            for (; k < path.size(); ++k) {
                loop << s.questions.at(path.at(k).node).id;
            }
            loop << s.questions.at(next).id;
            found.error(questionPath(node) + QStringLiteral(".branches"),
                        Text{QT_TRANSLATE_NOOP("vsc", "the flow loops: %1"), {loop.join(QStringLiteral(" -> "))}});
        } else if (state[next] == 0) {
            state[next] = 1;
            path.append({next, 0}); // `top` is not used after this: the append may move the frames
        }
    }
    QList<bool> reached;
    reached.reserve(state.size());
    for (int visited : std::as_const(state)) {
        reached.append(visited != 0);
    }
    return reached;
}

void checkFlow(const Script &s, Findings &found)
{
    QHash<QString, int> indexOf; // the first question with each id, as Script::indexOf finds it
    for (int i = int(s.questions.size()) - 1; i >= 0; --i) {
        indexOf.insert(s.questions.at(i).id, i);
    }
    QList<QList<int>> edges;
    edges.reserve(s.questions.size());
    for (int i = 0; i < s.questions.size(); ++i) {
        edges.append(checkBranches(s, indexOf, i, found));
    }
    const QList<bool> reached = checkLoops(s, edges, found);
    for (int i = 0; i < s.questions.size(); ++i) {
        if (!reached.at(i)) {
            found.error(questionPath(i),
                        Text{QT_TRANSLATE_NOOP("vsc", "question '%1' can never be reached"), {s.questions.at(i).id}});
        }
    }
}

bool isLanguageTag(const QString &tag)
{
    static const QRegularExpression languagePattern(QStringLiteral("^[a-z]{2,3}(-[A-Z]{2})?$"));
    return languagePattern.match(tag).hasMatch();
}

// A missing text in a variant falls back to the script's own, in the script's language: worth a warning.
void checkVariantText(const QString &variantText, const QString &ownText, const QString &path, Findings &found)
{
    if (variantText.trimmed().isEmpty() && !ownText.trimmed().isEmpty()) {
        found.warning(
            path, Text{QT_TRANSLATE_NOOP("vsc", "missing: callers of this language hear the script's own text"), {}});
    }
}

void checkVariant(const Script &s, const ScriptVariant &v, QSet<QString> &seen, Findings &found)
{
    const QString path = QStringLiteral("variants.%1").arg(v.language);
    if (!isLanguageTag(v.language)) {
        found.error(path,
                    Text{QT_TRANSLATE_NOOP("vsc", "'%1' is not a language tag such as de-DE or fr"), {v.language}});
    } else if (v.language.compare(s.language, Qt::CaseInsensitive) == 0) {
        found.error(
            path, Text{QT_TRANSLATE_NOOP("vsc", "is the script's own language; edit the script's texts instead"), {}});
    } else if (seen.contains(v.language.toLower())) {
        found.error(path, Text{QT_TRANSLATE_NOOP("vsc", "is listed twice"), {}});
    }
    seen.insert(v.language.toLower());
    if (v.voice.trimmed().isEmpty()) {
        found.warning(
            path + QStringLiteral(".voice"),
            Text{QT_TRANSLATE_NOOP("vsc", "missing: the script's voice %1 may not speak %2"), {s.voice, v.language}});
    }
    checkVariantText(v.intro, s.intro, path + QStringLiteral(".intro"), found);
    checkVariantText(v.outro, s.outro, path + QStringLiteral(".outro"), found);
    checkVariantText(v.recordingDisclosure, s.recordingDisclosure, path + QStringLiteral(".recordingDisclosure"),
                     found);
    checkVariantText(v.optOutMessage, s.optOut.message, path + QStringLiteral(".optOut.message"), found);
    for (auto it = v.questions.cbegin(); it != v.questions.cend(); ++it) {
        const int index = s.indexOf(it.key());
        const QString questionPath = path + QStringLiteral(".questions.%1").arg(it.key());
        if (index < 0) {
            found.error(questionPath, Text{QT_TRANSLATE_NOOP("vsc", "no question has the id '%1'"), {it.key()}});
            continue;
        }
        const ScriptQuestion &q = s.questions.at(index);
        for (auto option = it->synonyms.cbegin(); option != it->synonyms.cend(); ++option) {
            const bool known = std::any_of(q.choices.cbegin(), q.choices.cend(),
                                           [&](const Choice &c) { return c.value == option.key(); });
            if (q.type != QuestionType::SingleChoice || !known) {
                found.error(questionPath + QStringLiteral(".options.%1").arg(option.key()),
                            Text{QT_TRANSLATE_NOOP("vsc", "question '%1' has no option '%2'"), {q.id, option.key()}});
            }
        }
    }
    for (int i = 0; i < s.questions.size(); ++i) {
        const ScriptQuestion &q = s.questions.at(i);
        if (q.id.isEmpty()) {
            continue;
        }
        if (v.questions.value(q.id).prompt.trimmed().isEmpty()) {
            found.error(path + QStringLiteral(".questions.%1.prompt").arg(q.id),
                        Text{QT_TRANSLATE_NOOP("vsc", "is required: question '%1' needs its prompt in %2"),
                             {q.id, v.language}});
        }
    }
}

void checkVariants(const Script &s, Findings &found)
{
    QSet<QString> seen;
    for (const ScriptVariant &v : s.variants) {
        checkVariant(s, v, seen, found);
    }
}

} // namespace

bool Branch::matches(const QString &value) const
{
    if (when.contains(value) || isCatchAll()) {
        return true;
    }
    if (ranges.isEmpty()) {
        return false;
    }
    bool ok = false;
    const int n = value.toInt(&ok);
    return ok &&
           std::any_of(ranges.cbegin(), ranges.cend(), [n](const NumberRange &r) { return n >= r.min && n <= r.max; });
}

const ScriptVariant *Script::variantFor(const QString &languageTag) const
{
    const QString tag = languageTag.trimmed();
    if (tag.isEmpty() || tag.compare(language, Qt::CaseInsensitive) == 0) {
        return nullptr;
    }
    for (const ScriptVariant &v : variants) {
        if (v.language.compare(tag, Qt::CaseInsensitive) == 0) {
            return &v;
        }
    }
    const auto primary = [](const QString &t) { return t.section(u'-', 0, 0).toLower(); };
    if (primary(tag) == primary(language)) {
        return nullptr; // en-GB hears an en-US script rather than another language's variant
    }
    for (const ScriptVariant &v : variants) {
        if (primary(v.language) == primary(tag)) {
            return &v;
        }
    }
    return nullptr;
}

Script Script::forLanguage(const QString &languageTag) const
{
    Script out = *this;
    out.variants.clear();
    const ScriptVariant *v = variantFor(languageTag);
    if (!v) {
        return out;
    }
    const auto pick = [](const QString &variantText, const QString &own) {
        return variantText.trimmed().isEmpty() ? own : variantText;
    };
    out.language = v->language;
    out.voice = pick(v->voice, voice);
    out.intro = pick(v->intro, intro);
    out.outro = pick(v->outro, outro);
    out.recordingDisclosure = pick(v->recordingDisclosure, recordingDisclosure);
    out.optOut.message = pick(v->optOutMessage, optOut.message);
    out.optOut.phrases += v->optOutPhrases;
    for (ScriptQuestion &q : out.questions) {
        const auto it = v->questions.constFind(q.id);
        if (it == v->questions.cend()) {
            continue;
        }
        q.prompt = pick(it->prompt, q.prompt);
        q.reprompt = pick(it->reprompt, q.reprompt);
        for (Choice &c : q.choices) {
            if (const auto words = it->synonyms.constFind(c.value); words != it->synonyms.cend()) {
                c.synonyms = *words;
            }
        }
    }
    return out;
}

int Script::indexOf(const QString &questionId) const
{
    for (int i = 0; i < questions.size(); ++i) {
        if (questions.at(i).id == questionId) {
            return i;
        }
    }
    return -1;
}

bool Script::records() const
{
    return std::any_of(questions.cbegin(), questions.cend(),
                       [](const ScriptQuestion &q) { return q.type == QuestionType::Recording; });
}

bool hasErrors(const QList<ScriptProblem> &problems)
{
    return std::any_of(problems.cbegin(), problems.cend(),
                       [](const ScriptProblem &p) { return p.severity == ScriptProblem::Severity::Error; });
}

LoadedScript loadScript(const QByteArray &json)
{
    LoadedScript loaded;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        loaded.problems.append({lineAndColumn(json, error.offset), error.errorString()});
        return loaded;
    }
    if (!doc.isObject()) {
        loaded.problems.append(ScriptProblem::of(QStringLiteral("line 1, column 1"),
                                                 Text{QT_TRANSLATE_NOOP("vsc", "a script must be a JSON object"), {}}));
        return loaded;
    }
    QList<ScriptProblem> &problems = loaded.problems;
    Script &s = loaded.script;
    Reader r(doc.object(), {}, problems,
             {QStringLiteral("format"), QStringLiteral("name"), QStringLiteral("language"), QStringLiteral("voice"),
              QStringLiteral("intro"), QStringLiteral("outro"), QStringLiteral("recordingDisclosure"),
              QStringLiteral("confidenceThreshold"), QStringLiteral("noInputPolicy"), QStringLiteral("optOut"),
              QStringLiteral("questions"), QStringLiteral("variants")});
    s.format = r.integer(QStringLiteral("format"), 1);
    if (s.format != 1) {
        r.problem(QStringLiteral("format"),
                  Text{QT_TRANSLATE_NOOP("vsc", "unsupported format version %1 (this build reads 1)"),
                       {QString::number(s.format)}});
    }
    s.name = r.string(QStringLiteral("name"), {}, true);
    s.language = r.string(QStringLiteral("language"), s.language);
    s.voice = r.string(QStringLiteral("voice"), s.voice);
    s.intro = r.string(QStringLiteral("intro"));
    s.outro = r.string(QStringLiteral("outro"));
    s.recordingDisclosure = r.string(QStringLiteral("recordingDisclosure"));
    s.confidenceThreshold = r.number(QStringLiteral("confidenceThreshold"), s.confidenceThreshold);
    const QString policy = r.string(QStringLiteral("noInputPolicy"), QStringLiteral("skip"));
    if (policy == QLatin1String("end")) {
        s.noInputPolicy = NoInputPolicy::End;
    } else if (policy != QLatin1String("skip")) {
        r.problem(QStringLiteral("noInputPolicy"), Text{QT_TRANSLATE_NOOP("vsc", "must be \"skip\" or \"end\""), {}});
    }
    const QJsonValue optOut = doc.object().value(QStringLiteral("optOut"));
    if (optOut.isObject()) {
        Reader o(optOut.toObject(), QStringLiteral("optOut"), problems,
                 {QStringLiteral("key"), QStringLiteral("phrases"), QStringLiteral("message")});
        s.optOut.key = o.string(QStringLiteral("key"), s.optOut.key);
        s.optOut.phrases = o.strings(QStringLiteral("phrases"));
        s.optOut.message = o.string(QStringLiteral("message"));
    } else if (!optOut.isUndefined()) {
        r.problem(QStringLiteral("optOut"), Text{QT_TRANSLATE_NOOP("vsc", "must be an object"), {}});
    }
    const QJsonArray questions = r.array(QStringLiteral("questions"));
    for (int i = 0; i < questions.size(); ++i) {
        s.questions.append(readQuestion(questions.at(i), i, problems));
    }
    s.variants = readVariants(doc.object().value(QStringLiteral("variants")), problems);
    // A condition the reader already found wrong is not reported again as missing.
    const QList<ScriptProblem> read = problems;
    for (const ScriptProblem &p : validateScript(s)) {
        const bool known = p.location.endsWith(QLatin1String(".when")) &&
                           std::any_of(read.cbegin(), read.cend(),
                                       [&](const ScriptProblem &r) { return r.location.startsWith(p.location); });
        if (!known) {
            problems.append(p);
        }
    }
    return loaded;
}

Result<QByteArray> readScriptFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    }
    if (file.size() > kMaxScriptFileBytes) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1 is %2 bytes; a script file may have at most %3")
                                                     .arg(path)
                                                     .arg(file.size())
                                                     .arg(kMaxScriptFileBytes)};
    }
    // read() with the bound rather than readAll(): a file that grows, or a pipe with no size, stops there too.
    QByteArray data = file.read(kMaxScriptFileBytes + 1);
    if (data.size() > kMaxScriptFileBytes) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("%1 is larger than %2 bytes, the most a script file may have")
                         .arg(path)
                         .arg(kMaxScriptFileBytes)};
    }
    return data;
}

QList<ScriptProblem> validateScript(const Script &s)
{
    Findings found;
    checkScriptFields(s, found);
    if (s.questions.isEmpty()) {
        found.error(QStringLiteral("questions"),
                    Text{QT_TRANSLATE_NOOP("vsc", "a script needs at least one question"), {}});
        return found.problems;
    }
    if (s.records() && s.recordingDisclosure.trimmed().isEmpty()) {
        found.error(QStringLiteral("recordingDisclosure"),
                    Text{QT_TRANSLATE_NOOP(
                             "vsc", "is required because a question records the caller (consent must be asked first)"),
                         {}});
    }
    checkQuestions(s, found);
    checkFlow(s, found);
    checkVariants(s, found);
    return found.problems;
}

namespace {

// Numbers on numeric questions are written as JSON numbers, as people write them.
QJsonValue whenToJson(const ScriptQuestion &q, const Branch &b)
{
    QJsonArray items;
    for (const QString &value : b.when) {
        bool ok = false;
        const int n = value.toInt(&ok);
        items.append(q.type == QuestionType::Numeric && ok && QString::number(n) == value ? QJsonValue(n)
                                                                                          : QJsonValue(value));
    }
    for (const NumberRange &r : b.ranges) {
        items.append(QJsonObject{{QStringLiteral("min"), r.min}, {QStringLiteral("max"), r.max}});
    }
    return items.size() == 1 ? items.first() : QJsonValue(items);
}

QJsonObject variantToJson(const Script &s, const ScriptVariant &v)
{
    QJsonObject o;
    for (const auto &[key, value] :
         {std::pair{QStringLiteral("voice"), v.voice}, std::pair{QStringLiteral("intro"), v.intro},
          std::pair{QStringLiteral("outro"), v.outro},
          std::pair{QStringLiteral("recordingDisclosure"), v.recordingDisclosure}}) {
        if (!value.isEmpty()) {
            o.insert(key, value);
        }
    }
    QJsonObject optOut;
    if (!v.optOutMessage.isEmpty()) {
        optOut.insert(QStringLiteral("message"), v.optOutMessage);
    }
    if (!v.optOutPhrases.isEmpty()) {
        optOut.insert(QStringLiteral("phrases"), QJsonArray::fromStringList(v.optOutPhrases));
    }
    if (!optOut.isEmpty()) {
        o.insert(QStringLiteral("optOut"), optOut);
    }
    QJsonObject questions;
    // In the script's question order first, then any the script does not have (kept so validation can name them).
    QStringList ids;
    for (const ScriptQuestion &q : s.questions) {
        if (v.questions.contains(q.id)) {
            ids << q.id;
        }
    }
    for (auto it = v.questions.cbegin(); it != v.questions.cend(); ++it) {
        if (!ids.contains(it.key())) {
            ids << it.key();
        }
    }
    for (const QString &id : std::as_const(ids)) {
        const QuestionVariant &qv = v.questions.value(id);
        QJsonObject qo{{QStringLiteral("prompt"), qv.prompt}};
        if (!qv.reprompt.isEmpty()) {
            qo.insert(QStringLiteral("reprompt"), qv.reprompt);
        }
        if (!qv.synonyms.isEmpty()) {
            QJsonObject options;
            for (auto w = qv.synonyms.cbegin(); w != qv.synonyms.cend(); ++w) {
                options.insert(w.key(), QJsonArray::fromStringList(*w));
            }
            qo.insert(QStringLiteral("options"), options);
        }
        questions.insert(id, qo);
    }
    o.insert(QStringLiteral("questions"), questions);
    return o;
}

} // namespace

QByteArray toJson(const Script &s)
{
    QJsonArray questions;
    for (const ScriptQuestion &q : s.questions) {
        QJsonObject o{{QStringLiteral("id"), q.id},
                      {QStringLiteral("type"), questionTypeKey(q.type)},
                      {QStringLiteral("prompt"), q.prompt}};
        if (!q.required) {
            o.insert(QStringLiteral("required"), false);
        }
        if (!q.reprompt.isEmpty()) {
            o.insert(QStringLiteral("reprompt"), q.reprompt);
        }
        if (q.maxReprompts != 2) {
            o.insert(QStringLiteral("maxReprompts"), q.maxReprompts);
        }
        if (q.type == QuestionType::SingleChoice) {
            QJsonArray options;
            for (const Choice &c : q.choices) {
                QJsonObject option{{QStringLiteral("value"), c.value}, {QStringLiteral("key"), c.key}};
                if (!c.synonyms.isEmpty()) {
                    option.insert(QStringLiteral("synonyms"), QJsonArray::fromStringList(c.synonyms));
                }
                options.append(option);
            }
            o.insert(QStringLiteral("options"), options);
        }
        if (q.type == QuestionType::Numeric) {
            o.insert(QStringLiteral("min"), q.min);
            o.insert(QStringLiteral("max"), q.max);
        }
        if ((q.type == QuestionType::Recording || q.type == QuestionType::FreeSpeech) && q.maxLengthSeconds != 60) {
            o.insert(QStringLiteral("maxLength"), q.maxLengthSeconds);
        }
        if (!q.branches.isEmpty()) {
            QJsonArray branches;
            for (const Branch &b : q.branches) {
                branches.append(
                    QJsonObject{{QStringLiteral("when"), whenToJson(q, b)}, {QStringLiteral("goto"), b.target}});
            }
            o.insert(QStringLiteral("branches"), branches);
        }
        questions.append(o);
    }
    QJsonObject root{{QStringLiteral("format"), s.format},
                     {QStringLiteral("name"), s.name},
                     {QStringLiteral("language"), s.language},
                     {QStringLiteral("voice"), s.voice},
                     {QStringLiteral("confidenceThreshold"), s.confidenceThreshold},
                     {QStringLiteral("noInputPolicy"),
                      s.noInputPolicy == NoInputPolicy::End ? QStringLiteral("end") : QStringLiteral("skip")},
                     {QStringLiteral("questions"), questions}};
    for (const auto &[key, value] :
         {std::pair{QStringLiteral("intro"), s.intro}, std::pair{QStringLiteral("outro"), s.outro},
          std::pair{QStringLiteral("recordingDisclosure"), s.recordingDisclosure}}) {
        if (!value.isEmpty()) {
            root.insert(key, value);
        }
    }
    QJsonObject optOut{{QStringLiteral("key"), s.optOut.key}};
    if (!s.optOut.phrases.isEmpty()) {
        optOut.insert(QStringLiteral("phrases"), QJsonArray::fromStringList(s.optOut.phrases));
    }
    if (!s.optOut.message.isEmpty()) {
        optOut.insert(QStringLiteral("message"), s.optOut.message);
    }
    root.insert(QStringLiteral("optOut"), optOut);
    if (!s.variants.isEmpty()) {
        QJsonObject variants;
        for (const ScriptVariant &v : s.variants) {
            variants.insert(v.language, variantToJson(s, v));
        }
        root.insert(QStringLiteral("variants"), variants);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

ScriptVersion toScriptVersion(const Script &script)
{
    ScriptVersion version;
    version.language = script.language;
    version.voice = script.voice;
    version.definitionJson = QString::fromUtf8(toJson(script));
    for (const ScriptQuestion &q : script.questions) {
        QVariantMap options;
        if (q.type == QuestionType::SingleChoice) {
            QVariantList choices;
            for (const Choice &c : q.choices) {
                choices.append(QVariantMap{{QStringLiteral("value"), c.value},
                                           {QStringLiteral("key"), c.key},
                                           {QStringLiteral("synonyms"), c.synonyms}});
            }
            options.insert(QStringLiteral("choices"), choices);
        } else if (q.type == QuestionType::Numeric) {
            options.insert(QStringLiteral("min"), q.min);
            options.insert(QStringLiteral("max"), q.max);
        }
        version.questions.append({0, q.id, q.type, q.prompt, q.required, options});
    }
    return version;
}

} // namespace vsc::services::dialogue
