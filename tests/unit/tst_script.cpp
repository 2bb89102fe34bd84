// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/dialogue/script.h"
#include "testconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vsc;
using namespace vsc::services::dialogue;

namespace {

QByteArray readData(const char *path)
{
    QFile file(QString::fromUtf8(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList errorsOf(const LoadedScript &loaded)
{
    QStringList out;
    for (const ScriptProblem &p : loaded.problems) {
        out << p.toString();
    }
    return out;
}

bool mentions(const LoadedScript &loaded, const QString &location, const QString &fragment)
{
    for (const ScriptProblem &p : loaded.problems) {
        if (p.location == location && p.message.contains(fragment)) {
            return true;
        }
    }
    return false;
}

QByteArray withQuestions(const QByteArray &questions, const QByteArray &extra = {})
{
    return "{\"name\": \"t\", " + extra + "\"questions\": " + questions + "}";
}

} // namespace

class TestScript : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadsTheSampleScript();
    void roundTripsThroughJson();
    void syntaxErrorHasLineAndColumn();
    void reportsEveryProblemWithItsLocation();
    void detectsDuplicateIdsAndKeys();
    void detectsBadRanges();
    void detectsMissingOptionsAndAmbiguousSpeech();
    void detectsBranchProblems();
    void detectsUnreachableQuestions();
    void detectsCycles();
    void recordingNeedsDisclosure();
    void optOutKeyConflictsAreWarnings();
    void rejectsNonObjects();
    void validatesAHundredThousandQuestions();
    void refusesOversizedScriptFiles();
    void branchesTakeNumbersAndRanges();
    void wrongWhenTypesSayWhatFits();
    void detectsRangeProblemsAndOverlaps();
    void readsAndWritesVariants();
    void validatesVariants();
    void picksTheVariantForAContactLanguage();
};

void TestScript::loadsTheSampleScript()
{
    const LoadedScript loaded = loadScript(readData(VSC_SAMPLE_SCRIPT));
    QVERIFY2(loaded.ok(), qPrintable(errorsOf(loaded).join(u'\n')));
    QVERIFY(loaded.problems.isEmpty());
    const Script &s = loaded.script;
    QCOMPARE(s.questions.size(), 5);
    QCOMPARE(s.optOut.key, QStringLiteral("*"));
    QCOMPARE(s.questions.at(1).type, QuestionType::Numeric);
    QCOMPARE(s.questions.at(1).max, 10);
    QCOMPARE(s.questions.at(2).choices.at(2).synonyms,
             QStringList({QStringLiteral("friendly"), QStringLiteral("staff")}));
    QCOMPARE(s.questions.at(0).branches.at(0).target, QStringLiteral("comment"));
    QCOMPARE(s.questions.at(4).required, false);
    QCOMPARE(s.questions.at(4).maxLengthSeconds, 30);
    QCOMPARE(s.indexOf(QStringLiteral("again")), 3);
    QCOMPARE(s.indexOf(QStringLiteral("nope")), -1);
    QVERIFY(!s.records());
}

void TestScript::roundTripsThroughJson()
{
    const LoadedScript first = loadScript(readData(VSC_SAMPLE_SCRIPT));
    const LoadedScript second = loadScript(toJson(first.script));
    QVERIFY2(second.ok(), qPrintable(errorsOf(second).join(u'\n')));
    QCOMPARE(toJson(second.script), toJson(first.script));
    QCOMPARE(second.script.questions.at(0).branches.at(0).when, QStringList{QStringLiteral("no")});
}

void TestScript::syntaxErrorHasLineAndColumn()
{
    const LoadedScript loaded = loadScript("{\n  \"name\": \"x\",\n  \"questions\": [,]\n}");
    QCOMPARE(loaded.problems.size(), 1);
    QVERIFY2(loaded.problems.at(0).location.startsWith(QStringLiteral("line 3, column")),
             qPrintable(loaded.problems.at(0).location));
    QVERIFY(!loaded.ok());
}

void TestScript::reportsEveryProblemWithItsLocation()
{
    const LoadedScript loaded = loadScript(withQuestions(
        R"([{"id": "a", "type": "multiple", "prompt": "x"}, {"id": "b", "type": "yes_no"}, {"type": "numeric", "prompt": "p", "colour": 1}])",
        R"("language": "english", "confidenceThreshold": 3, "noInputPolicy": "retry", )"));
    QVERIFY(!loaded.ok());
    QVERIFY(mentions(loaded, QStringLiteral("questions[0].type"), QStringLiteral("unknown type 'multiple'")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[1].prompt"), QStringLiteral("is required")));
    QCOMPARE(std::count_if(loaded.problems.cbegin(), loaded.problems.cend(),
                           [](const ScriptProblem &p) { return p.location == QStringLiteral("questions[1].prompt"); }),
             1);
    QVERIFY(mentions(loaded, QStringLiteral("questions[2].id"), QStringLiteral("is required")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[2].colour"), QStringLiteral("unknown field")));
    QVERIFY(mentions(loaded, QStringLiteral("language"), QStringLiteral("not a language tag")));
    QVERIFY(mentions(loaded, QStringLiteral("confidenceThreshold"), QStringLiteral("between 0 and 1")));
    QVERIFY(mentions(loaded, QStringLiteral("noInputPolicy"), QStringLiteral("skip")));
    QVERIFY(loaded.problems.size() >= 7);
}

void TestScript::detectsDuplicateIdsAndKeys()
{
    const LoadedScript loaded = loadScript(withQuestions(R"([
        {"id": "q", "type": "yes_no", "prompt": "a"},
        {"id": "q", "type": "single_choice", "prompt": "b", "options": [
            {"value": "x", "key": "1"}, {"value": "y", "key": "1"}, {"value": "z", "key": "12"}]}])"));
    QVERIFY(mentions(loaded, QStringLiteral("questions[1].id"), QStringLiteral("duplicate id 'q'")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[1].options[1].key"), QStringLiteral("duplicate key '1'")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[1].options[2].key"), QStringLiteral("not a keypad key")));
}

void TestScript::detectsBadRanges()
{
    const LoadedScript loaded = loadScript(withQuestions(R"([
        {"id": "a", "type": "numeric", "prompt": "p", "min": 10, "max": 0},
        {"id": "b", "type": "numeric", "prompt": "p", "min": -5, "max": 5},
        {"id": "c", "type": "numeric", "prompt": "p", "min": 1.5, "max": 5},
        {"id": "d", "type": "free_speech", "prompt": "p", "maxLength": 0},
        {"id": "e", "type": "yes_no", "prompt": "p", "maxReprompts": 9}])"));
    QVERIFY(mentions(loaded, QStringLiteral("questions[0].min"), QStringLiteral("greater than max")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[1].min"), QStringLiteral("negative")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[2].min"), QStringLiteral("whole number")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[3].maxLength"), QStringLiteral("between 1 and 3600")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[4].maxReprompts"), QStringLiteral("between 0 and 5")));
}

void TestScript::detectsMissingOptionsAndAmbiguousSpeech()
{
    const LoadedScript loaded = loadScript(withQuestions(R"([
        {"id": "a", "type": "single_choice", "prompt": "p"},
        {"id": "b", "type": "single_choice", "prompt": "p", "options": [
            {"value": "red", "key": "1", "synonyms": ["Crimson"]}, {"value": "crimson", "key": "2"}, {"key": "3"}]}])"));
    QVERIFY(mentions(loaded, QStringLiteral("questions[0].options"), QStringLiteral("at least two options")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[1].options[1]"), QStringLiteral("'crimson' is also said")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[1].options[2].value"), QStringLiteral("is required")));
}

void TestScript::detectsBranchProblems()
{
    const LoadedScript loaded = loadScript(withQuestions(R"([
        {"id": "a", "type": "yes_no", "prompt": "p", "branches": [{"when": "maybe", "goto": "b"}, {"when": "no", "goto": "zzz"}, {"goto": "end"}]},
        {"id": "b", "type": "numeric", "prompt": "p", "min": 0, "max": 5, "branches": [{"when": ["3", "7"], "goto": "end"}]}])"));
    QVERIFY(mentions(loaded, QStringLiteral("questions[0].branches[0].when"), QStringLiteral("'maybe' can never be")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[0].branches[1].goto"),
                     QStringLiteral("no question has the id 'zzz'")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[0].branches[2].when"), QStringLiteral("is required")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[1].branches[0].when"), QStringLiteral("'7' can never be")));
    QVERIFY(!mentions(loaded, QStringLiteral("questions[1].branches[0].when"), QStringLiteral("'3' can never be")));
}

void TestScript::detectsUnreachableQuestions()
{
    const LoadedScript loaded = loadScript(withQuestions(R"([
        {"id": "a", "type": "yes_no", "prompt": "p", "branches": [{"when": "*", "goto": "c"}]},
        {"id": "b", "type": "yes_no", "prompt": "p"},
        {"id": "c", "type": "yes_no", "prompt": "p"}])"));
    QVERIFY(mentions(loaded, QStringLiteral("questions[1]"), QStringLiteral("'b' can never be reached")));
    QCOMPARE(loaded.problems.size(), 1);
}

void TestScript::detectsCycles()
{
    const LoadedScript loaded = loadScript(withQuestions(R"([
        {"id": "a", "type": "yes_no", "prompt": "p"},
        {"id": "b", "type": "yes_no", "prompt": "p", "branches": [{"when": "no", "goto": "a"}]},
        {"id": "c", "type": "yes_no", "prompt": "p"}])"));
    QVERIFY(mentions(loaded, QStringLiteral("questions[1].branches"), QStringLiteral("the flow loops: a -> b -> a")));
}

void TestScript::recordingNeedsDisclosure()
{
    const QByteArray questions = R"([{"id": "voice", "type": "recording", "prompt": "Leave a message."}])";
    const LoadedScript without = loadScript(withQuestions(questions));
    QVERIFY(mentions(without, QStringLiteral("recordingDisclosure"), QStringLiteral("consent")));
    const LoadedScript with =
        loadScript(withQuestions(questions, R"("recordingDisclosure": "This answer is recorded.", )"));
    QVERIFY2(with.ok(), qPrintable(errorsOf(with).join(u'\n')));
    QVERIFY(with.script.records());
}

void TestScript::optOutKeyConflictsAreWarnings()
{
    const LoadedScript loaded = loadScript(withQuestions(R"([
        {"id": "nps", "type": "numeric", "prompt": "p", "min": 0, "max": 9},
        {"id": "c", "type": "single_choice", "prompt": "p", "options": [{"value": "x", "key": "9"}, {"value": "y", "key": "8"}]}])"));
    QVERIFY2(loaded.ok(), qPrintable(errorsOf(loaded).join(u'\n'))); // warnings only
    QCOMPARE(loaded.problems.size(), 2);
    QCOMPARE(loaded.problems.at(0).severity, ScriptProblem::Severity::Warning);
    QVERIFY(loaded.problems.at(0).toString().contains(QStringLiteral("warning: the opt-out key 9")));
    const LoadedScript bad =
        loadScript(withQuestions(R"([{"id": "a", "type": "yes_no", "prompt": "p"}])", R"("optOut": {"key": "1"}, )"));
    QVERIFY(mentions(bad, QStringLiteral("optOut.key"), QStringLiteral("keys 1 and 2")));
    const LoadedScript worse = loadScript(
        withQuestions(R"([{"id": "a", "type": "yes_no", "prompt": "p"}])", R"("optOut": {"key": "x"}, "format": 2, )"));
    QVERIFY(mentions(worse, QStringLiteral("optOut.key"), QStringLiteral("not a keypad key")));
    QVERIFY(mentions(worse, QStringLiteral("format"), QStringLiteral("unsupported format version 2")));
}

void TestScript::rejectsNonObjects()
{
    QVERIFY(!loadScript("[1, 2]").ok());
    QVERIFY(!loadScript(R"({"name": "x", "questions": []})").ok());
    const LoadedScript loaded = loadScript(R"({"name": 5, "questions": [7], "optOut": true})");
    QVERIFY(mentions(loaded, QStringLiteral("name"), QStringLiteral("must be a string")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[0]"), QStringLiteral("must be an object")));
    QVERIFY(mentions(loaded, QStringLiteral("optOut"), QStringLiteral("must be an object")));
}

void TestScript::validatesAHundredThousandQuestions()
{
    // One long chain: validation once went one call deeper per question and overflowed the stack.
    constexpr int kQuestions = 100000;
    QByteArray questions = "[";
    for (int i = 0; i < kQuestions; ++i) {
        if (i > 0) {
            questions += ',';
        }
        questions += "{\"id\": \"q" + QByteArray::number(i) + "\", \"type\": \"yes_no\", \"prompt\": \"Q" +
                     QByteArray::number(i) + "?\"";
        if (i == kQuestions - 2) {
            questions += ", \"branches\": [{\"when\": [\"no\"], \"goto\": \"q0\"}]"; // one loop, at the far end
        }
        questions += '}';
    }
    questions += ']';
    const LoadedScript loaded = loadScript(withQuestions(questions));
    QCOMPARE(loaded.script.questions.size(), kQuestions);
    QCOMPARE(errorsOf(loaded).size(), 1);
    QVERIFY2(errorsOf(loaded).constFirst().contains(QStringLiteral("the flow loops: q0 -> q1 -> q2")),
             qPrintable(errorsOf(loaded).constFirst().left(200)));
    QVERIFY(mentions(loaded, QStringLiteral("questions[99998].branches"), QStringLiteral("-> q99998 -> q0")));
}

void TestScript::refusesOversizedScriptFiles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(kMaxScriptFileBytes + 1)); // sparse: nothing is written
    file.close();
    const auto refused = readScriptFile(path);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY(refused.error().detail.contains(QStringLiteral("at most")));
    QVERIFY(file.resize(kMaxScriptFileBytes));
    QVERIFY(readScriptFile(path).ok()); // the limit itself is allowed
    QCOMPARE(readScriptFile(dir.filePath(QStringLiteral("missing.json"))).error().code, ErrorCode::Io);
}

void TestScript::branchesTakeNumbersAndRanges()
{
    const LoadedScript loaded = loadScript(withQuestions(R"([
        {"id": "nps", "type": "numeric", "prompt": "p", "min": 0, "max": 10,
         "branches": [{"when": [0, 1, 2], "goto": "why"}, {"when": {"min": 3, "max": 6}, "goto": "why"},
                      {"when": [7, {"min": 8, "max": 8}], "goto": "end"}]},
        {"id": "why", "type": "free_speech", "prompt": "Why?"}])"));
    QVERIFY2(loaded.ok(), qPrintable(errorsOf(loaded).join(u'\n')));
    const QList<Branch> &b = loaded.script.questions.at(0).branches;
    QCOMPARE(b.at(0).when, QStringList({QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")}));
    QCOMPARE(b.at(1).ranges, QList<NumberRange>({NumberRange{3, 6}}));
    QVERIFY(b.at(1).matches(QStringLiteral("3")) && b.at(1).matches(QStringLiteral("6")));
    QVERIFY(!b.at(1).matches(QStringLiteral("7")) && !b.at(1).matches(QStringLiteral("x")));
    QVERIFY(b.at(2).matches(QStringLiteral("7")) && b.at(2).matches(QStringLiteral("8")));
    // Written back with numbers as numbers, read back the same.
    const QByteArray json = toJson(loaded.script);
    QVERIFY2(json.contains("\"min\": 3"), json.constData());
    const LoadedScript again = loadScript(json);
    QVERIFY(again.ok());
    QCOMPARE(again.script, loaded.script);
}

void TestScript::wrongWhenTypesSayWhatFits()
{
    const LoadedScript loaded = loadScript(withQuestions(R"([
        {"id": "a", "type": "numeric", "prompt": "p", "min": 0, "max": 10,
         "branches": [{"when": true, "goto": "end"}, {"when": [1.5, null], "goto": "end"}, {"when": [], "goto": "end"},
                      {"when": {"min": 1}, "goto": "end"}]}])"));
    QVERIFY(
        mentions(loaded, QStringLiteral("questions[0].branches[0].when"), QStringLiteral("must be an answer value")));
    QVERIFY(!mentions(loaded, QStringLiteral("questions[0].branches[0].when"), QStringLiteral("is required")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[0].branches[1].when[0]"), QStringLiteral("not a whole number")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[0].branches[1].when[1]"), QStringLiteral("a range {")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[0].branches[2].when"), QStringLiteral("empty list")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[0].branches[3].when.max"), QStringLiteral("both ends")));
}

void TestScript::detectsRangeProblemsAndOverlaps()
{
    const LoadedScript loaded = loadScript(withQuestions(R"([
        {"id": "a", "type": "numeric", "prompt": "p", "min": 0, "max": 10,
         "branches": [{"when": {"min": 0, "max": 6}, "goto": "b"}, {"when": [5, {"min": 6, "max": 8}], "goto": "b"},
                      {"when": {"min": 9, "max": 12}, "goto": "b"}, {"when": {"min": 9, "max": 8}, "goto": "b"}]},
        {"id": "b", "type": "yes_no", "prompt": "p",
         "branches": [{"when": {"min": 1, "max": 2}, "goto": "c"}, {"when": "yes", "goto": "c"}, {"when": "*", "goto": "c"},
                      {"when": "yes", "goto": "end"}]},
        {"id": "c", "type": "yes_no", "prompt": "p", "branches": [{"when": "no", "goto": "end"}, {"when": "no", "goto": "end"}]}])"));
    QVERIFY(mentions(loaded, QStringLiteral("questions[0].branches[1].when"),
                     QStringLiteral("5, 6 also taken by branches[0]")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[0].branches[2].when"),
                     QStringLiteral("range 9-12 goes beyond the question's answers 0-10")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[0].branches[3].when"), QStringLiteral("runs backwards")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[1].branches[0].when"),
                     QStringLiteral("only fits a numeric question")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[1].branches[3]"), QStringLiteral("never taken")));
    QVERIFY(mentions(loaded, QStringLiteral("questions[2].branches[1].when"),
                     QStringLiteral("no also taken by branches[0]")));
}

namespace {

const QByteArray kVariantScript = R"({"name": "v", "language": "en-US", "intro": "Hello", "outro": "Bye",
    "questions": [
      {"id": "fast", "type": "single_choice", "prompt": "Speed or price?",
       "options": [{"value": "speed", "key": "1", "synonyms": ["fast"]}, {"value": "price", "key": "2"}]},
      {"id": "nps", "type": "numeric", "prompt": "Zero to ten?", "min": 0, "max": 10}],
    "variants": {"de-DE": {"voice": "Polly.Vicki", "intro": "Hallo", "outro": "Tschüss",
                           "optOut": {"message": "Wir rufen nicht mehr an.", "phrases": ["lassen sie mich"]},
                           "questions": {"fast": {"prompt": "Tempo oder Preis?", "reprompt": "Bitte noch einmal.",
                                                  "options": {"speed": ["schnell", "tempo"]}},
                                         "nps": {"prompt": "Null bis zehn?"}}},
                 "fr": {"voice": "Polly.Celine", "intro": "Bonjour", "outro": "Au revoir",
                        "questions": {"fast": {"prompt": "Vitesse ou prix ?"}, "nps": {"prompt": "De zéro à dix ?"}}}}})";

} // namespace

void TestScript::readsAndWritesVariants()
{
    const LoadedScript loaded = loadScript(kVariantScript);
    QVERIFY2(loaded.ok(), qPrintable(errorsOf(loaded).join(u'\n')));
    QCOMPARE(loaded.script.variants.size(), 2);
    const ScriptVariant *de = loaded.script.variantFor(QStringLiteral("de-DE"));
    QVERIFY(de);
    QCOMPARE(de->voice, QStringLiteral("Polly.Vicki"));
    QCOMPARE(de->questions.value(QStringLiteral("fast")).synonyms.value(QStringLiteral("speed")),
             QStringList({QStringLiteral("schnell"), QStringLiteral("tempo")}));
    const LoadedScript again = loadScript(toJson(loaded.script));
    QVERIFY2(again.ok(), qPrintable(errorsOf(again).join(u'\n')));
    QCOMPARE(again.script, loaded.script);
}

void TestScript::validatesVariants()
{
    QByteArray json = kVariantScript;
    json.replace("\"nps\": {\"prompt\": \"Null bis zehn?\"}",
                 "\"nope\": {\"prompt\": \"x\", \"options\": {\"a\": []}}");
    json.replace("\"fr\":", "\"french\":");
    json.replace("\"intro\": \"Hallo\", ", "");
    json.replace("\"options\": {\"speed\"", "\"options\": {\"sped\"");
    const LoadedScript loaded = loadScript(json);
    QVERIFY(
        mentions(loaded, QStringLiteral("variants.de-DE.questions.nope"), QStringLiteral("no question has the id")));
    QVERIFY(mentions(loaded, QStringLiteral("variants.de-DE.questions.nps.prompt"),
                     QStringLiteral("needs its prompt in de-DE")));
    QVERIFY(mentions(loaded, QStringLiteral("variants.de-DE.questions.fast.options.sped"),
                     QStringLiteral("has no option 'sped'")));
    QVERIFY(mentions(loaded, QStringLiteral("variants.french"), QStringLiteral("not a language tag")));
    QVERIFY(mentions(loaded, QStringLiteral("variants.de-DE.intro"), QStringLiteral("missing")));
    bool introIsWarning = false;
    for (const ScriptProblem &p : loaded.problems) {
        introIsWarning |=
            p.location == QStringLiteral("variants.de-DE.intro") && p.severity == ScriptProblem::Severity::Warning;
    }
    QVERIFY(introIsWarning);
    const LoadedScript own = loadScript(QByteArray(kVariantScript).replace("\"fr\":", "\"en-US\":"));
    QVERIFY(mentions(own, QStringLiteral("variants.en-US"), QStringLiteral("the script's own language")));
}

void TestScript::picksTheVariantForAContactLanguage()
{
    const Script s = loadScript(kVariantScript).script;
    QCOMPARE(s.variantFor(QStringLiteral("de-DE"))->language, QStringLiteral("de-DE"));
    QCOMPARE(s.variantFor(QStringLiteral("de-at"))->language, QStringLiteral("de-DE")); // primary language
    QCOMPARE(s.variantFor(QStringLiteral("de"))->language, QStringLiteral("de-DE"));
    QCOMPARE(s.variantFor(QStringLiteral("fr-CA"))->language, QStringLiteral("fr"));
    QVERIFY(!s.variantFor(QStringLiteral("en-GB"))); // the script's own language fits
    QVERIFY(!s.variantFor(QStringLiteral("es-ES"))); // nothing fits: the default
    QVERIFY(!s.variantFor(QString()));
    const Script de = s.forLanguage(QStringLiteral("de-AT"));
    QCOMPARE(de.language, QStringLiteral("de-DE"));
    QCOMPARE(de.voice, QStringLiteral("Polly.Vicki"));
    QCOMPARE(de.intro, QStringLiteral("Hallo"));
    QCOMPARE(de.optOut.message, QStringLiteral("Wir rufen nicht mehr an."));
    QVERIFY(de.optOut.phrases.contains(QStringLiteral("lassen sie mich")));
    QCOMPARE(de.questions.at(0).prompt, QStringLiteral("Tempo oder Preis?"));
    QCOMPARE(de.questions.at(0).reprompt, QStringLiteral("Bitte noch einmal."));
    QCOMPARE(de.questions.at(0).choices.at(0).synonyms,
             QStringList({QStringLiteral("schnell"), QStringLiteral("tempo")}));
    QCOMPARE(de.questions.at(0).choices.at(1).synonyms, QStringList()); // no words given: the script's own
    QVERIFY(de.variants.isEmpty());
    QCOMPARE(s.forLanguage(QStringLiteral("es")).questions.at(0).prompt, QStringLiteral("Speed or price?"));
}

QTEST_GUILESS_MAIN(TestScript)
#include "tst_script.moc"
