// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/dialogue/engine.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace vsc::services::dialogue {
namespace {

using namespace telephony;

bool isGerman(const Script &script)
{
    return script.language.startsWith(QLatin1String("de"));
}

// Built-in phrases in the script's language; scripts override the ones that matter to them.
struct Phrases
{
    QString sorry;
    QString heard; // %1 = the value
    QString confirm;
    QString optOut;
    QString ending; // when a required question gets no answer and the policy is to end
    QString goodbye;
};

Phrases phrasesFor(const Script &script)
{
    if (isGerman(script)) {
        return {QStringLiteral("Entschuldigung, das habe ich nicht verstanden."),
                QStringLiteral("Ich habe %1 verstanden."),
                QStringLiteral("Drücken Sie die 1 oder sagen Sie ja, wenn das stimmt, sonst die 2 oder nein."),
                QStringLiteral("Wir rufen Sie nicht mehr an. Auf Wiederhören."),
                QStringLiteral("Wir beenden die Umfrage hier. Vielen Dank und auf Wiederhören."),
                QStringLiteral("Vielen Dank. Auf Wiederhören.")};
    }
    return {QStringLiteral("Sorry, I didn't catch that."),
            QStringLiteral("I heard %1."),
            QStringLiteral("Press 1 or say yes if that's right, press 2 or say no to answer again."),
            QStringLiteral("We will not call you again. Goodbye."),
            QStringLiteral("We'll end the survey here. Thank you, goodbye."),
            QStringLiteral("Thank you. Goodbye.")};
}

Say say(const Script &script, const QString &text)
{
    return Say{text, script.voice, script.language, 1};
}

QStringList hintsFor(const Script &script, const ScriptQuestion &q)
{
    switch (q.type) {
    case QuestionType::YesNo:
        return isGerman(script) ? QStringList{QStringLiteral("ja"), QStringLiteral("nein")}
                                : QStringList{QStringLiteral("yes"), QStringLiteral("no")};
    case QuestionType::SingleChoice: {
        QStringList hints;
        for (const Choice &c : q.choices) {
            hints << c.value << c.synonyms;
        }
        return hints;
    }
    case QuestionType::Numeric:
        return {QStringLiteral("$OOV_CLASS_DIGIT_SEQUENCE")}; // Twilio's class token for spoken numbers
    case QuestionType::FreeSpeech:
    case QuestionType::Recording:
        return {};
    }
    return {};
}

// The verbs that ask question `index`, optionally preceded by lead-in text (intro, "sorry", ...).
void ask(TwimlResponse &out, const Script &script, int index, const QStringList &leadIn, const QUrl &actionUrl)
{
    const ScriptQuestion &q = script.questions.at(index);
    if (q.type == QuestionType::Recording) {
        for (const QString &text : leadIn) {
            out << say(script, text);
        }
        out << say(script, q.prompt);
        Record record;
        record.action = actionUrl;
        record.maxLengthSeconds = q.maxLengthSeconds;
        out << record;
        return;
    }
    Gather gather;
    gather.action = actionUrl;
    gather.language = script.language;
    gather.hints = hintsFor(script, q);
    switch (q.type) {
    case QuestionType::YesNo:
    case QuestionType::SingleChoice:
        gather.numDigits = 1;
        break;
    case QuestionType::Numeric:
        if (q.max < 10) {
            gather.numDigits = 1;
        } else {
            gather.finishOnKey = QStringLiteral("#");
            gather.numDigits = int(QString::number(q.max).size()) + 1; // room for a '#' typed by habit
        }
        break;
    case QuestionType::FreeSpeech:
        gather.input = QStringLiteral("speech");
        gather.speechTimeout = QStringLiteral("auto");
        gather.timeoutSeconds = 6;
        break;
    case QuestionType::Recording:
        break;
    }
    for (const QString &text : leadIn) {
        gather.prompts.append(say(script, text));
    }
    gather.prompts.append(say(script, q.prompt));
    out << gather;
}

// What the first question is preceded by.
QStringList introLeadIn(const Script &script)
{
    QStringList leadIn;
    if (!script.intro.isEmpty()) {
        leadIn << script.intro;
    }
    if (script.records() && !script.recordingDisclosure.isEmpty()) {
        leadIn << script.recordingDisclosure;
    }
    return leadIn;
}

// "I heard <value>. Press 1 or say yes if that's right..."
Gather confirmation(const Script &script, const QString &value, const QUrl &actionUrl)
{
    Gather gather;
    gather.action = actionUrl;
    gather.language = script.language;
    gather.numDigits = 1;
    gather.hints = hintsFor(script, ScriptQuestion{});
    const Phrases phrases = phrasesFor(script);
    gather.prompts.append(say(script, phrases.heard.arg(value) + u' ' + phrases.confirm));
    return gather;
}

Turn finish(const Script &script, DialogueState state, const QStringList &lastWords, bool completed)
{
    Turn turn;
    state.phase = DialogueState::Phase::Finished;
    state.completed = completed;
    for (const QString &text : lastWords) {
        if (!text.isEmpty()) {
            turn.twiml << say(script, text);
        }
    }
    turn.twiml << Hangup{};
    turn.state = state;
    turn.finished = true;
    return turn;
}

// The question after `index` given its answer (empty when skipped): the first matching branch, else the next one.
std::optional<int> nextQuestion(const Script &script, int index, const QString &value, bool skipped)
{
    const ScriptQuestion &q = script.questions.at(index);
    if (!skipped) {
        for (const Branch &b : q.branches) {
            if (b.matches(value)) {
                if (b.target == QLatin1String("end")) {
                    return std::nullopt;
                }
                const int target = script.indexOf(b.target);
                return target >= 0 ? std::optional<int>(target) : std::nullopt;
            }
        }
    }
    return index + 1 < script.questions.size() ? std::optional<int>(index + 1) : std::nullopt;
}

Turn advance(const Script &script, DialogueState state, const AnswerRecord &answer, const QUrl &actionUrl,
             const QStringList &leadIn = {})
{
    const auto next = nextQuestion(script, state.question, answer.value, answer.skipped);
    Turn turn;
    if (!next) {
        turn = finish(script, state,
                      leadIn + QStringList{script.outro.isEmpty() ? phrasesFor(script).goodbye : script.outro}, true);
    } else {
        state.phase = DialogueState::Phase::Asking;
        state.question = *next;
        state.attempts = 0;
        state.pendingValue.clear();
        state.pendingSpeech.clear();
        state.pendingConfidence.reset();
        ask(turn.twiml, script, *next, leadIn, actionUrl);
        turn.state = state;
    }
    turn.answer = answer;
    return turn;
}

AnswerRecord recordOf(const ScriptQuestion &q, const CallerInput &input, const QString &value)
{
    AnswerRecord a;
    a.questionId = q.id;
    a.value = value;
    if (input.kind == CallerInput::Kind::Speech) {
        a.rawSpeech = input.speech;
        a.confidence = input.confidence;
    } else if (input.kind == CallerInput::Kind::Digits) {
        a.rawDigits = input.digits;
    }
    return a;
}

Turn optOut(const Script &script, DialogueState state)
{
    state.optedOut = true;
    Turn turn = finish(script, state,
                       {script.optOut.message.isEmpty() ? phrasesFor(script).optOut : script.optOut.message}, false);
    turn.optedOut = true;
    return turn;
}

Turn retryOrGiveUp(const Script &script, DialogueState state, const QUrl &actionUrl)
{
    const ScriptQuestion &q = script.questions.at(state.question);
    const Phrases phrases = phrasesFor(script);
    if (state.attempts < q.maxReprompts) {
        ++state.attempts;
        state.phase = DialogueState::Phase::Asking;
        Turn turn;
        ask(turn.twiml, script, state.question, {q.reprompt.isEmpty() ? phrases.sorry : q.reprompt}, actionUrl);
        turn.state = state;
        return turn;
    }
    AnswerRecord skipped;
    skipped.questionId = q.id;
    skipped.skipped = true;
    if (q.required && script.noInputPolicy == NoInputPolicy::End) {
        Turn turn = finish(script, state, {phrases.ending}, false);
        turn.answer = skipped;
        return turn;
    }
    return advance(script, state, skipped, actionUrl);
}

} // namespace

QByteArray DialogueState::toJson() const
{
    QJsonObject o{{QStringLiteral("phase"), int(phase)},  {QStringLiteral("question"), question},
                  {QStringLiteral("attempts"), attempts}, {QStringLiteral("turn"), turn},
                  {QStringLiteral("optedOut"), optedOut}, {QStringLiteral("completed"), completed}};
    if (phase == Phase::Confirming) {
        o.insert(QStringLiteral("pendingValue"), pendingValue);
        o.insert(QStringLiteral("pendingSpeech"), pendingSpeech);
        if (pendingConfidence) {
            o.insert(QStringLiteral("pendingConfidence"), *pendingConfidence);
        }
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<DialogueState> DialogueState::fromJson(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject()) {
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    const int phase = o.value(QStringLiteral("phase")).toInt(-1);
    if (phase < int(Phase::NotStarted) || phase > int(Phase::Finished)) {
        return std::nullopt;
    }
    DialogueState s;
    s.phase = Phase(phase);
    s.question = o.value(QStringLiteral("question")).toInt(-1);
    s.attempts = o.value(QStringLiteral("attempts")).toInt();
    s.turn = o.value(QStringLiteral("turn")).toInt(); // 0 in states stored before turns were counted
    s.optedOut = o.value(QStringLiteral("optedOut")).toBool();
    s.completed = o.value(QStringLiteral("completed")).toBool();
    s.pendingValue = o.value(QStringLiteral("pendingValue")).toString();
    s.pendingSpeech = o.value(QStringLiteral("pendingSpeech")).toString();
    if (o.contains(QStringLiteral("pendingConfidence"))) {
        s.pendingConfidence = o.value(QStringLiteral("pendingConfidence")).toDouble();
    }
    return s;
}

namespace {

Turn startTurn(const Script &script, const QUrl &actionUrl)
{
    DialogueState state;
    if (script.questions.isEmpty()) {
        return finish(script, state, {script.intro, script.outro}, true);
    }
    state.phase = DialogueState::Phase::Asking;
    state.question = 0;
    Turn turn;
    // The intro plays inside the first Gather so an early key press or answer is not lost.
    ask(turn.twiml, script, 0, introLeadIn(script), actionUrl);
    turn.state = state;
    return turn;
}

Turn stepTurn(const Script &script, const DialogueState &state, const CallerInput &input, const QUrl &actionUrl)
{
    if (state.phase == DialogueState::Phase::NotStarted) {
        return startTurn(script, actionUrl);
    }
    if (state.phase == DialogueState::Phase::Finished || state.question < 0 ||
        state.question >= script.questions.size()) {
        return finish(script, state, {}, state.completed);
    }
    const ScriptQuestion &q = script.questions.at(state.question);
    if (state.phase == DialogueState::Phase::Confirming) {
        const QString text = normalise(input.speech);
        if ((input.kind == CallerInput::Kind::Digits && input.digits == script.optOut.key) ||
            (input.kind == CallerInput::Kind::Speech && isOptOutPhrase(text, script.optOut.phrases))) {
            return optOut(script, state);
        }
        const auto confirmed = interpretYesNo(input);
        if (confirmed && *confirmed) {
            AnswerRecord a;
            a.questionId = q.id;
            a.rawSpeech = state.pendingSpeech;
            a.confidence = state.pendingConfidence;
            a.value = state.pendingValue;
            return advance(script, state, a, actionUrl);
        }
        DialogueState s = state;
        s.pendingValue.clear();
        s.pendingSpeech.clear();
        s.pendingConfidence.reset();
        return retryOrGiveUp(script, s, actionUrl);
    }

    const Interpretation result = interpret(script, q, input);
    switch (result.kind) {
    case Interpretation::Kind::OptOut:
        return optOut(script, state);
    case Interpretation::Kind::NoInput:
    case Interpretation::Kind::NoMatch:
        return retryOrGiveUp(script, state, actionUrl);
    case Interpretation::Kind::Match:
        break;
    }
    const bool unsure = input.kind == CallerInput::Kind::Speech && q.type != QuestionType::FreeSpeech &&
                        input.confidence && *input.confidence < script.confidenceThreshold;
    if (unsure) {
        DialogueState s = state;
        s.phase = DialogueState::Phase::Confirming;
        s.pendingValue = result.value;
        s.pendingSpeech = input.speech;
        s.pendingConfidence = input.confidence;
        Turn turn;
        turn.twiml << confirmation(script, result.value, actionUrl);
        turn.state = s;
        return turn;
    }
    return advance(script, state, recordOf(q, input, result.value), actionUrl);
}

Turn resumeTurn(const Script &script, const DialogueState &state, const QUrl &actionUrl)
{
    if (state.phase == DialogueState::Phase::NotStarted) {
        return startTurn(script, actionUrl);
    }
    if (state.phase == DialogueState::Phase::Finished || state.question < 0 ||
        state.question >= script.questions.size()) {
        return finish(script, state, {}, state.completed);
    }
    DialogueState s = state;
    s.phase = DialogueState::Phase::Asking; // a pending confirmation is asked again as the question
    s.pendingValue.clear();
    s.pendingSpeech.clear();
    s.pendingConfidence.reset();
    Turn turn;
    ask(turn.twiml, script, s.question, {}, actionUrl);
    turn.state = s;
    return turn;
}

} // namespace

QUrl DialogueEngine::actionFor(const QUrl &actionUrl, int turn)
{
    QUrl url = actionUrl;
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("turn"));
    query.addQueryItem(QStringLiteral("turn"), QString::number(turn));
    url.setQuery(query);
    return url;
}

Turn DialogueEngine::start(const Script &script, const QUrl &actionUrl)
{
    Turn turn = startTurn(script, actionFor(actionUrl, 1));
    turn.state.turn = 1;
    return turn;
}

Turn DialogueEngine::step(const Script &script, const DialogueState &state, const CallerInput &input,
                          const QUrl &actionUrl)
{
    const int next = state.turn + 1;
    Turn turn = stepTurn(script, state, input, actionFor(actionUrl, next));
    turn.state.turn = next;
    return turn;
}

Turn DialogueEngine::resume(const Script &script, const DialogueState &state, const QUrl &actionUrl)
{
    const int next = state.turn + 1;
    Turn turn = resumeTurn(script, state, actionFor(actionUrl, next));
    turn.state.turn = next;
    return turn;
}

Turn DialogueEngine::repeat(const Script &script, const DialogueState &state, const QUrl &actionUrl)
{
    Turn turn;
    turn.state = state;
    const QUrl action = actionFor(actionUrl, state.turn);
    const bool asking = state.phase == DialogueState::Phase::Asking || state.phase == DialogueState::Phase::Confirming;
    if (!asking || state.question < 0 || state.question >= script.questions.size()) {
        turn.twiml << Hangup{};
        turn.finished = true;
        return turn;
    }
    if (state.phase == DialogueState::Phase::Confirming) {
        turn.twiml << confirmation(script, state.pendingValue, action);
        return turn;
    }
    // The lead-in the prompt had: the intro on the very first prompt, the reprompt on a question asked again.
    const ScriptQuestion &q = script.questions.at(state.question);
    QStringList leadIn;
    if (state.attempts > 0) {
        leadIn << (q.reprompt.isEmpty() ? phrasesFor(script).sorry : q.reprompt);
    } else if (state.turn == 1 && state.question == 0) {
        leadIn = introLeadIn(script);
    }
    ask(turn.twiml, script, state.question, leadIn, action);
    return turn;
}

} // namespace vsc::services::dialogue
