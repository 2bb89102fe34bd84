// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/dialogue/engine.h"
#include "testconfig.h"

#include <QFile>
#include <QTest>

using namespace vsc;
using namespace vsc::services::dialogue;
using Phase = DialogueState::Phase;

namespace {

const QUrl kAction(QStringLiteral("https://surveys.example/twilio/gather?attempt=42"));

Script load(const char *path)
{
    QFile file(QString::fromUtf8(path));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return loadScript(file.readAll()).script;
}

QString xml(const Turn &turn)
{
    return QString::fromUtf8(vsc::services::telephony::toXml(turn.twiml));
}

// Runs a whole call: start, then each input in turn. Collects the answers.
struct Run
{
    QList<Turn> turns;
    QList<AnswerRecord> answers;
    const Turn &last() const { return turns.constLast(); }
};

Run play(const Script &script, const QList<CallerInput> &inputs)
{
    Run run;
    run.turns.append(DialogueEngine::start(script, kAction));
    for (const CallerInput &input : inputs) {
        run.turns.append(DialogueEngine::step(script, run.last().state, input, kAction));
        if (run.last().answer) {
            run.answers.append(*run.last().answer);
        }
    }
    return run;
}

QStringList values(const Run &run)
{
    QStringList out;
    for (const AnswerRecord &a : run.answers) {
        out << (a.skipped ? QStringLiteral("%1=<skipped>").arg(a.questionId) : a.questionId + u'=' + a.value);
    }
    return out;
}

} // namespace

class TestDialogueEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void startPlaysIntroInsideTheFirstGather();
    void happyPathWithDtmf();
    void branchSkipsToComment();
    void speechAnswersKeepTheirTranscript();
    void lowConfidenceIsConfirmed();
    void rejectedConfirmationAsksAgain();
    void repromptsThenSkips();
    void repromptsThenEndsByPolicy();
    void optOutByKeyAndPhraseEndsPolitely();
    void optOutDuringConfirmation();
    void numericQuestionGathersSeveralDigits();
    void recordingQuestionUsesRecord();
    void stateSurvivesJson();
    void finishedStateOnlyHangsUp();
    void isDeterministic();
    void germanScriptSpeaksGerman();
    void everyPromptCarriesItsTurn();
    void numericRangeBranches();
    void variantSpeaksTheContactsLanguage();

private:
    Script m_script;
};

void TestDialogueEngine::initTestCase()
{
    m_script = load(VSC_SAMPLE_SCRIPT);
    QCOMPARE(m_script.questions.size(), 5);
}

void TestDialogueEngine::startPlaysIntroInsideTheFirstGather()
{
    const Turn turn = DialogueEngine::start(m_script, kAction);
    QCOMPARE(turn.state.phase, Phase::Asking);
    QCOMPARE(turn.state.question, 0);
    QVERIFY(!turn.finished);
    QVERIFY(!turn.answer);
    const QString out = xml(turn);
    QVERIFY2(
        out.contains(QStringLiteral(
            "<Gather input=\"dtmf speech\" action=\"https://surveys.example/twilio/gather?attempt=42&amp;turn=1\"")),
        qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("numDigits=\"1\"")));
    QVERIFY(out.contains(QStringLiteral("hints=\"yes, no\"")));
    QVERIFY(out.indexOf(QStringLiteral("Northwind")) < out.indexOf(QStringLiteral("Did our technician")));
    QVERIFY(out.indexOf(QStringLiteral("Did our technician")) < out.indexOf(QStringLiteral("</Gather>")));
}

void TestDialogueEngine::happyPathWithDtmf()
{
    const Run run = play(m_script, {CallerInput::keys(QStringLiteral("1")), CallerInput::keys(QStringLiteral("9#")),
                                    CallerInput::keys(QStringLiteral("3")), CallerInput::keys(QStringLiteral("1"))});
    QCOMPARE(values(run), QStringList({QStringLiteral("resolved=yes"), QStringLiteral("nps=9"),
                                       QStringLiteral("priority=friendliness"), QStringLiteral("again=yes")}));
    QVERIFY(run.last().finished);
    QVERIFY(run.last().state.completed);
    QVERIFY(!run.last().optedOut);
    QCOMPARE(run.answers.at(1).rawDigits, QStringLiteral("9#"));
    QVERIFY(xml(run.last()).contains(QStringLiteral("Thank you for your time. Goodbye.</Say><Hangup/>")));
}

void TestDialogueEngine::branchSkipsToComment()
{
    const Run run = play(m_script, {CallerInput::keys(QStringLiteral("2")),
                                    CallerInput::said(QStringLiteral("He never showed up."), 0.4)});
    QCOMPARE(values(run), QStringList({QStringLiteral("resolved=no"), QStringLiteral("comment=He never showed up.")}));
    QCOMPARE(run.turns.at(1).state.question, m_script.indexOf(QStringLiteral("comment")));
    QVERIFY(xml(run.turns.at(1)).contains(QStringLiteral("<Gather input=\"speech\"")));
    QVERIFY(run.last().finished); // free speech is never confirmed, even at low confidence
}

void TestDialogueEngine::speechAnswersKeepTheirTranscript()
{
    const Run run = play(m_script, {CallerInput::said(QStringLiteral("Yes, absolutely."), 0.93),
                                    CallerInput::said(QStringLiteral("I'd give it an eight"), 0.88)});
    QCOMPARE(run.answers.at(0).value, QStringLiteral("yes"));
    QCOMPARE(run.answers.at(0).rawSpeech, QStringLiteral("Yes, absolutely."));
    QCOMPARE(run.answers.at(0).confidence, std::optional<double>(0.93));
    QCOMPARE(run.answers.at(1).value, QStringLiteral("8"));
    QVERIFY(run.answers.at(1).rawDigits.isEmpty());
}

void TestDialogueEngine::lowConfidenceIsConfirmed()
{
    const Run run =
        play(m_script, {CallerInput::said(QStringLiteral("yes"), 0.31), CallerInput::keys(QStringLiteral("1"))});
    QCOMPARE(run.turns.at(1).state.phase, Phase::Confirming);
    QVERIFY(!run.turns.at(1).answer);
    QVERIFY(xml(run.turns.at(1)).contains(QStringLiteral("I heard yes. Press 1 or say yes if that")));
    QCOMPARE(values(run), QStringList{QStringLiteral("resolved=yes")});
    QCOMPARE(run.answers.at(0).rawSpeech, QStringLiteral("yes"));
    QCOMPARE(run.answers.at(0).confidence, std::optional<double>(0.31));
    QCOMPARE(run.last().state.question, 1);
}

void TestDialogueEngine::rejectedConfirmationAsksAgain()
{
    const Run run =
        play(m_script, {CallerInput::said(QStringLiteral("yes"), 0.2), CallerInput::said(QStringLiteral("no"), 0.9),
                        CallerInput::keys(QStringLiteral("2"))});
    QCOMPARE(run.turns.at(2).state.phase, Phase::Asking);
    QCOMPARE(run.turns.at(2).state.question, 0);
    QCOMPARE(run.turns.at(2).state.attempts, 1);
    QVERIFY(xml(run.turns.at(2)).contains(QStringLiteral("Sorry, I didn't catch that.")));
    QCOMPARE(values(run), QStringList{QStringLiteral("resolved=no")});
}

void TestDialogueEngine::repromptsThenSkips()
{
    // Two reprompts are allowed (default), the third failure skips to the next question.
    const Run run = play(m_script, {CallerInput::noInput(), CallerInput::said(QStringLiteral("banana"), 0.9),
                                    CallerInput::keys(QStringLiteral("7"))});
    QCOMPARE(run.turns.at(1).state.attempts, 1);
    QCOMPARE(run.turns.at(2).state.attempts, 2);
    QCOMPARE(values(run), QStringList{QStringLiteral("resolved=<skipped>")});
    QCOMPARE(run.last().state.question, 1); // skipped answers follow the default flow, not branches
    QCOMPARE(run.last().state.attempts, 0);
}

void TestDialogueEngine::repromptsThenEndsByPolicy()
{
    Script s = m_script;
    s.noInputPolicy = NoInputPolicy::End;
    s.questions[0].maxReprompts = 0;
    const Run run = play(s, {CallerInput::noInput()});
    QVERIFY(run.last().finished);
    QVERIFY(!run.last().state.completed);
    QVERIFY(xml(run.last()).contains(QStringLiteral("We'll end the survey here.")));
    QCOMPARE(values(run), QStringList{QStringLiteral("resolved=<skipped>")});
    // An optional question is skipped even under the "end" policy.
    s.questions[0].required = false;
    QVERIFY(!play(s, {CallerInput::noInput()}).last().finished);
}

void TestDialogueEngine::optOutByKeyAndPhraseEndsPolitely()
{
    for (const CallerInput &input :
         {CallerInput::keys(QStringLiteral("*")), CallerInput::said(QStringLiteral("Please stop calling me"), 0.4),
          CallerInput::said(QStringLiteral("Bitte nicht mehr anrufen"), 0.9)}) {
        const Run run = play(m_script, {CallerInput::keys(QStringLiteral("1")), input});
        QVERIFY(run.last().optedOut);
        QVERIFY(run.last().finished);
        QVERIFY(run.last().state.optedOut);
        QVERIFY(!run.last().state.completed);
        QVERIFY(xml(run.last()).contains(QStringLiteral("We will not call you again. Goodbye.</Say><Hangup/>")));
        QCOMPARE(run.answers.size(), 1); // the answer given before the opt-out is kept
    }
    Script custom = m_script;
    custom.optOut.message = QStringLiteral("Understood.");
    QVERIFY(xml(play(custom, {CallerInput::keys(QStringLiteral("*"))}).last()).contains(QStringLiteral("Understood.")));
}

void TestDialogueEngine::optOutDuringConfirmation()
{
    const Run run =
        play(m_script, {CallerInput::said(QStringLiteral("yes"), 0.2), CallerInput::keys(QStringLiteral("*"))});
    QVERIFY(run.last().optedOut);
    QVERIFY(run.answers.isEmpty());
}

void TestDialogueEngine::numericQuestionGathersSeveralDigits()
{
    const Run run = play(m_script, {CallerInput::keys(QStringLiteral("1"))});
    const QString out = xml(run.last());
    QVERIFY2(out.contains(QStringLiteral("numDigits=\"3\" finishOnKey=\"#\"")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("$OOV_CLASS_DIGIT_SEQUENCE")));
}

void TestDialogueEngine::recordingQuestionUsesRecord()
{
    Script s;
    s.name = QStringLiteral("rec");
    s.recordingDisclosure = QStringLiteral("This call is recorded.");
    s.questions = {{QStringLiteral("msg"),
                    QuestionType::Recording,
                    QStringLiteral("Leave a message."),
                    false,
                    {},
                    1,
                    {},
                    0,
                    0,
                    45,
                    {}}};
    const Turn first = DialogueEngine::start(s, kAction);
    const QString out = xml(first);
    QVERIFY(out.contains(QStringLiteral(
        "This call is recorded.</Say><Say voice=\"Polly.Joanna\" language=\"en-US\">Leave a message.</Say><Record")));
    QVERIFY(out.contains(QStringLiteral("maxLength=\"45\"")));
    const Turn done = DialogueEngine::step(
        s, first.state, CallerInput::recorded(QStringLiteral("https://api.twilio.com/rec/RE1"), 9), kAction);
    QVERIFY(done.finished);
    QCOMPARE(done.answer->value, QStringLiteral("https://api.twilio.com/rec/RE1"));
}

void TestDialogueEngine::stateSurvivesJson()
{
    const Run run = play(m_script, {CallerInput::said(QStringLiteral("yes"), 0.2)});
    const DialogueState state = run.last().state;
    const auto restored = DialogueState::fromJson(state.toJson());
    QVERIFY(restored.has_value());
    QVERIFY(*restored == state);
    QCOMPARE(restored->pendingConfidence, std::optional<double>(0.2));
    QVERIFY(!DialogueState::fromJson("not json"));
    QVERIFY(!DialogueState::fromJson(R"({"phase": 9})"));
    // Continuing from the restored state gives the same turn as from the original.
    const CallerInput yes = CallerInput::keys(QStringLiteral("1"));
    QCOMPARE(xml(DialogueEngine::step(m_script, *restored, yes, kAction)),
             xml(DialogueEngine::step(m_script, state, yes, kAction)));
}

void TestDialogueEngine::finishedStateOnlyHangsUp()
{
    const Run run = play(m_script, {CallerInput::keys(QStringLiteral("*"))});
    const Turn again =
        DialogueEngine::step(m_script, run.last().state, CallerInput::keys(QStringLiteral("1")), kAction);
    QVERIFY(again.finished);
    QVERIFY(!again.answer);
    QCOMPARE(xml(again), QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>"));
    DialogueState corrupt;
    corrupt.phase = Phase::Asking;
    corrupt.question = 99;
    QVERIFY(DialogueEngine::step(m_script, corrupt, CallerInput::noInput(), kAction).finished);
    // A step from NotStarted is the start.
    QCOMPARE(xml(DialogueEngine::step(m_script, DialogueState{}, CallerInput::noInput(), kAction)),
             xml(DialogueEngine::start(m_script, kAction)));
}

void TestDialogueEngine::isDeterministic()
{
    const QList<CallerInput> inputs{CallerInput::said(QStringLiteral("ja"), 0.45),
                                    CallerInput::keys(QStringLiteral("1")),
                                    CallerInput::keys(QStringLiteral("10#")),
                                    CallerInput::said(QStringLiteral("Cheap!"), 0.9),
                                    CallerInput::noInput(),
                                    CallerInput::keys(QStringLiteral("2"))};
    const Run a = play(m_script, inputs);
    const Run b = play(m_script, inputs);
    QCOMPARE(a.turns.size(), b.turns.size());
    for (int i = 0; i < a.turns.size(); ++i) {
        QCOMPARE(xml(a.turns.at(i)), xml(b.turns.at(i)));
        QVERIFY(a.turns.at(i).state == b.turns.at(i).state);
    }
    QCOMPARE(values(a), QStringList({QStringLiteral("resolved=yes"), QStringLiteral("nps=10"),
                                     QStringLiteral("priority=price"), QStringLiteral("again=no")}));
}

void TestDialogueEngine::germanScriptSpeaksGerman()
{
    Script s = m_script;
    s.language = QStringLiteral("de-DE");
    s.voice = QStringLiteral("Polly.Vicki");
    s.outro.clear();
    const Run run = play(s, {CallerInput::noInput(), CallerInput::said(QStringLiteral("ja"), 0.1)});
    QVERIFY(xml(run.turns.at(1)).contains(QStringLiteral("Entschuldigung, das habe ich nicht verstanden.")));
    QVERIFY(xml(run.turns.at(1)).contains(QStringLiteral("hints=\"ja, nein\"")));
    QVERIFY(xml(run.last()).contains(QStringLiteral("Ich habe yes verstanden.")));
    QVERIFY(xml(run.last()).contains(QStringLiteral("language=\"de-DE\"")));
    const Run bye = play(s, {CallerInput::keys(QStringLiteral("*"))});
    QVERIFY(xml(bye.last()).contains(QStringLiteral("Wir rufen Sie nicht mehr an.")));
}

void TestDialogueEngine::everyPromptCarriesItsTurn()
{
    const Run run = play(m_script, {CallerInput::keys(QStringLiteral("1")), CallerInput::noInput(),
                                    CallerInput::said(QStringLiteral("nine"), 0.2)});
    for (int i = 0; i < run.turns.size(); ++i) {
        QCOMPARE(run.turns.at(i).state.turn, i + 1); // a reprompt and a confirmation are prompts too
        QVERIFY2(xml(run.turns.at(i)).contains(QStringLiteral("attempt=42&amp;turn=%1\"").arg(i + 1)),
                 qPrintable(xml(run.turns.at(i))));
    }
    const DialogueState confirming = run.last().state;
    QCOMPARE(confirming.phase, Phase::Confirming);
    QCOMPARE(DialogueState::fromJson(confirming.toJson()), std::optional<DialogueState>(confirming));
    // repeat(): the same prompt, same turn, state unchanged; resume(): the question again as a new prompt.
    const Turn repeated = DialogueEngine::repeat(m_script, confirming, kAction);
    QCOMPARE(repeated.state, confirming);
    QCOMPARE(xml(repeated), xml(run.last()));
    const Turn resumed = DialogueEngine::resume(m_script, confirming, kAction);
    QCOMPARE(resumed.state.turn, confirming.turn + 1);
    QCOMPARE(resumed.state.phase, Phase::Asking);
    // An action URL that already names a turn gets the new one, not two.
    const Turn fromOld = DialogueEngine::start(m_script, DialogueEngine::actionFor(kAction, 7));
    QVERIFY(xml(fromOld).contains(QStringLiteral("attempt=42&amp;turn=1\"")));
    QVERIFY(!xml(fromOld).contains(QStringLiteral("turn=7")));
}

void TestDialogueEngine::numericRangeBranches()
{
    const LoadedScript loaded = loadScript(R"({"name": "n", "optOut": {"key": "#"}, "questions": [
        {"id": "nps", "type": "numeric", "prompt": "Zero to ten?", "min": 0, "max": 10,
         "branches": [{"when": {"min": 0, "max": 6}, "goto": "why"}, {"when": [9, 10], "goto": "end"}]},
        {"id": "ok", "type": "yes_no", "prompt": "Fine?", "branches": [{"when": "*", "goto": "end"}]},
        {"id": "why", "type": "free_speech", "prompt": "Why?"}]})");
    QVERIFY(loaded.ok());
    const Script &s = loaded.script;
    QCOMPARE(play(s, {CallerInput::keys(QStringLiteral("4"))}).last().state.question, s.indexOf(QStringLiteral("why")));
    QCOMPARE(play(s, {CallerInput::said(QStringLiteral("six"), 0.9)}).last().state.question,
             s.indexOf(QStringLiteral("why")));
    QCOMPARE(play(s, {CallerInput::keys(QStringLiteral("7#"))}).last().state.question, s.indexOf(QStringLiteral("ok")));
    QVERIFY(play(s, {CallerInput::keys(QStringLiteral("10#"))}).last().finished);
}

void TestDialogueEngine::variantSpeaksTheContactsLanguage()
{
    const LoadedScript loaded = loadScript(R"({"name": "v", "intro": "Hello", "questions": [
        {"id": "fast", "type": "single_choice", "prompt": "Speed or price?",
         "options": [{"value": "speed", "key": "1", "synonyms": ["fast"]}, {"value": "price", "key": "2"}]}],
        "variants": {"de-DE": {"voice": "Polly.Vicki", "intro": "Hallo",
            "questions": {"fast": {"prompt": "Tempo oder Preis?", "options": {"speed": ["schnell"]}}}}}})");
    QVERIFY(loaded.ok());
    const Script de = loaded.script.forLanguage(QStringLiteral("de-AT"));
    const Run run = play(de, {CallerInput::said(QStringLiteral("Schnell bitte"), 0.9)});
    const QString first = xml(run.turns.at(0));
    QVERIFY2(first.contains(QStringLiteral("Tempo oder Preis?")), qPrintable(first));
    QVERIFY(first.contains(QStringLiteral("Hallo")));
    QVERIFY(first.contains(QStringLiteral("voice=\"Polly.Vicki\"")));
    QVERIFY(first.contains(QStringLiteral("language=\"de-DE\"")));
    QVERIFY(first.contains(QStringLiteral("schnell")));
    QVERIFY(!first.contains(QStringLiteral("Speed or price?")));
    QCOMPARE(values(run), QStringList{QStringLiteral("fast=speed")});
    QVERIFY(xml(run.last()).contains(QStringLiteral("Vielen Dank"))); // built-in phrases follow the variant
    // Another language hears the script itself.
    QVERIFY(xml(play(loaded.script.forLanguage(QStringLiteral("es-ES")), {}).last())
                .contains(QStringLiteral("Speed or price?")));
}

QTEST_GUILESS_MAIN(TestDialogueEngine)
#include "tst_dialogueengine.moc"
