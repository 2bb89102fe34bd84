// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/dialogue/interpreter.h"

#include <QTest>

using namespace vsc;
using namespace vsc::services::dialogue;
using Kind = Interpretation::Kind;

namespace {

Script sampleScript()
{
    Script s;
    s.name = QStringLiteral("t");
    ScriptQuestion yesNo{
        QStringLiteral("yn"), QuestionType::YesNo, QStringLiteral("p"), true, {}, 2, {}, 0, 10, 60, {}};
    ScriptQuestion choice{
        QStringLiteral("c"),
        QuestionType::SingleChoice,
        QStringLiteral("p"),
        true,
        {},
        2,
        {{QStringLiteral("speed"), QStringLiteral("1"), {QStringLiteral("fast"), QStringLiteral("schnell")}},
         {QStringLiteral("price"), QStringLiteral("2"), {QStringLiteral("cheap"), QStringLiteral("günstig")}},
         {QStringLiteral("friendliness"), QStringLiteral("3"), {QStringLiteral("friendly staff")}}},
        0,
        10,
        60,
        {}};
    ScriptQuestion nps{QStringLiteral("n"), QuestionType::Numeric, QStringLiteral("p"), true, {}, 2, {}, 0, 10, 60, {}};
    ScriptQuestion small{
        QStringLiteral("s"), QuestionType::Numeric, QStringLiteral("p"), true, {}, 2, {}, 1, 9, 60, {}};
    ScriptQuestion free{
        QStringLiteral("f"), QuestionType::FreeSpeech, QStringLiteral("p"), false, {}, 2, {}, 0, 10, 60, {}};
    ScriptQuestion rec{
        QStringLiteral("r"), QuestionType::Recording, QStringLiteral("p"), false, {}, 2, {}, 0, 10, 60, {}};
    s.questions = {yesNo, choice, nps, small, free, rec};
    return s;
}

} // namespace

class TestInterpreter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalises_data();
    void normalises();
    void parsesNumbers_data();
    void parsesNumbers();
    void yesNo_data();
    void yesNo();
    void singleChoice_data();
    void singleChoice();
    void numericRange();
    void freeSpeechAndRecording();
    void optOut_data();
    void optOut();
    void optOutKeyThatAnswersIsAnAnswer();
};

void TestInterpreter::normalises_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("case and punctuation") << "Yes, I AGREE!"
                                          << "yes i agree";
    QTest::newRow("diacritics") << "Nö, nicht MEHR anrufen."
                                << "no nicht mehr anrufen";
    QTest::newRow("sharp s") << "Dreißig"
                             << "dreissig";
    QTest::newRow("apostrophe") << "don't call"
                                << "dont call";
    QTest::newRow("spaces") << "  seven \t eight  "
                            << "seven eight";
    QTest::newRow("empty") << ""
                           << "";
}

void TestInterpreter::normalises()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(normalise(input), expected);
}

void TestInterpreter::parsesNumbers_data()
{
    QTest::addColumn<QString>("speech");
    QTest::addColumn<int>("expected"); // -1 = no number
    QTest::newRow("digit") << "10" << 10;
    QTest::newRow("seven") << "seven" << 7;
    QTest::newRow("sieben") << "sieben" << 7;
    QTest::newRow("zero") << "zero" << 0;
    QTest::newRow("null") << "null" << 0;
    QTest::newRow("twenty one") << "twenty one" << 21;
    QTest::newRow("einundzwanzig") << "einundzwanzig" << 21;
    QTest::newRow("funf") << "fünf" << 5;
    QTest::newRow("zwolf") << "zwölf" << 12;
    QTest::newRow("a hundred") << "a hundred" << 100;
    QTest::newRow("hundred and five") << "one hundred and five" << 105;
    QTest::newRow("hundertfunf") << "hundertfünf" << 105;
    QTest::newRow("zweihundert") << "zweihundertdreiundvierzig" << 243;
    QTest::newRow("thousand") << "two thousand and twenty six" << 2026;
    QTest::newRow("in a sentence") << "I'd say eight I guess" << 8;
    QTest::newRow("german article") << "ich gebe eine Acht" << 8;
    QTest::newRow("first of two") << "seven eight" << 7;
    QTest::newRow("none") << "I don't know" << -1;
    QTest::newRow("empty") << "" << -1;
}

void TestInterpreter::parsesNumbers()
{
    QFETCH(QString, speech);
    QFETCH(int, expected);
    const auto n = parseNumber(normalise(speech));
    if (expected < 0) {
        QVERIFY2(!n.has_value(), qPrintable(QString::number(n.value_or(-1))));
    } else {
        QCOMPARE(n, std::optional<int>(expected));
    }
}

void TestInterpreter::yesNo_data()
{
    QTest::addColumn<QString>("speech");
    QTest::addColumn<QString>("digits");
    QTest::addColumn<int>("expected"); // 1 yes, 0 no, -1 no match
    QTest::newRow("1") << ""
                       << "1" << 1;
    QTest::newRow("2") << ""
                       << "2" << 0;
    QTest::newRow("3") << ""
                       << "3" << -1;
    QTest::newRow("yes") << "Yes."
                         << "" << 1;
    QTest::newRow("yeah sure") << "yeah sure"
                               << "" << 1;
    QTest::newRow("ja genau") << "Ja, genau."
                              << "" << 1;
    QTest::newRow("no") << "No."
                        << "" << 0;
    QTest::newRow("not really") << "not really"
                                << "" << 0;
    QTest::newRow("nein") << "Nein!"
                          << "" << 0;
    QTest::newRow("no") << "nö"
                        << "" << 0;
    QTest::newRow("both") << "yes no"
                          << "" << -1;
    QTest::newRow("neither") << "purple"
                             << "" << -1;
}

void TestInterpreter::yesNo()
{
    QFETCH(QString, speech);
    QFETCH(QString, digits);
    QFETCH(int, expected);
    const Script s = sampleScript();
    const CallerInput input = digits.isEmpty() ? CallerInput::said(speech, 0.9) : CallerInput::keys(digits);
    const Interpretation result = interpret(s, s.questions.at(0), input);
    if (expected < 0) {
        QCOMPARE(result.kind, Kind::NoMatch);
    } else {
        QCOMPARE(result.kind, Kind::Match);
        QCOMPARE(result.value, expected ? QStringLiteral("yes") : QStringLiteral("no"));
    }
}

void TestInterpreter::singleChoice_data()
{
    QTest::addColumn<QString>("speech");
    QTest::addColumn<QString>("digits");
    QTest::addColumn<QString>("expected"); // empty = no match
    QTest::newRow("key") << ""
                         << "2"
                         << "price";
    QTest::newRow("unknown key") << ""
                                 << "7"
                                 << "";
    QTest::newRow("value") << "Speed."
                           << ""
                           << "speed";
    QTest::newRow("synonym") << "it was really fast"
                             << ""
                             << "speed";
    QTest::newRow("german synonym with umlaut") << "Günstig"
                                                << ""
                                                << "price";
    QTest::newRow("multi-word synonym") << "the friendly staff"
                                        << ""
                                        << "friendliness";
    QTest::newRow("spoken key") << "number three"
                                << ""
                                << "friendliness";
    QTest::newRow("spoken key de") << "eins"
                                   << ""
                                   << "speed";
    QTest::newRow("two options") << "fast and cheap"
                                 << ""
                                 << "";
    QTest::newRow("nothing") << "the weather"
                             << ""
                             << "";
}

void TestInterpreter::singleChoice()
{
    QFETCH(QString, speech);
    QFETCH(QString, digits);
    QFETCH(QString, expected);
    const Script s = sampleScript();
    const CallerInput input = digits.isEmpty() ? CallerInput::said(speech, 0.9) : CallerInput::keys(digits);
    const Interpretation result = interpret(s, s.questions.at(1), input);
    QCOMPARE(result.kind, expected.isEmpty() ? Kind::NoMatch : Kind::Match);
    QCOMPARE(result.value, expected);
}

void TestInterpreter::numericRange()
{
    const Script s = sampleScript();
    const ScriptQuestion &nps = s.questions.at(2);
    QCOMPARE(interpret(s, nps, CallerInput::keys(QStringLiteral("10#"))).value, QStringLiteral("10"));
    QCOMPARE(interpret(s, nps, CallerInput::keys(QStringLiteral("0"))).value, QStringLiteral("0"));
    QCOMPARE(interpret(s, nps, CallerInput::keys(QStringLiteral("11"))).kind, Kind::NoMatch);
    QCOMPARE(interpret(s, nps, CallerInput::keys(QStringLiteral("*"))).kind, Kind::NoMatch);
    QCOMPARE(interpret(s, nps, CallerInput::said(QStringLiteral("probably a seven"))).value, QStringLiteral("7"));
    QCOMPARE(interpret(s, nps, CallerInput::said(QStringLiteral("zehn"))).value, QStringLiteral("10"));
    QCOMPARE(interpret(s, nps, CallerInput::said(QStringLiteral("eleven"))).kind, Kind::NoMatch);
    QCOMPARE(interpret(s, nps, CallerInput::said(QStringLiteral("no idea"))).kind, Kind::NoMatch);
    QCOMPARE(interpret(s, s.questions.at(3), CallerInput::keys(QStringLiteral("0"))).kind, Kind::NoMatch); // min 1
}

void TestInterpreter::freeSpeechAndRecording()
{
    const Script s = sampleScript();
    QCOMPARE(interpret(s, s.questions.at(4), CallerInput::said(QStringLiteral("  It was great.  "))).value,
             QStringLiteral("It was great."));
    QCOMPARE(interpret(s, s.questions.at(4), CallerInput::keys(QStringLiteral("5"))).kind, Kind::NoMatch);
    QCOMPARE(interpret(s, s.questions.at(4), CallerInput::said(QStringLiteral("  ..."))).kind, Kind::NoInput);
    QCOMPARE(interpret(s, s.questions.at(5), CallerInput::recorded(QStringLiteral("https://r/1"), 12)).value,
             QStringLiteral("https://r/1"));
    QCOMPARE(interpret(s, s.questions.at(5), CallerInput::recorded(QStringLiteral("https://r/1"), 0)).kind,
             Kind::NoInput);
    QCOMPARE(interpret(s, s.questions.at(0), CallerInput::noInput()).kind, Kind::NoInput);
    QCOMPARE(interpret(s, s.questions.at(0), CallerInput::keys(QString())).kind, Kind::NoInput);
}

void TestInterpreter::optOut_data()
{
    QTest::addColumn<QString>("speech");
    QTest::addColumn<QString>("digits");
    QTest::newRow("key 9") << ""
                           << "9";
    QTest::newRow("stop calling") << "Please STOP calling me!"
                                  << "";
    QTest::newRow("do not call") << "do not call this number"
                                 << "";
    QTest::newRow("don't call") << "Don't call again."
                                << "";
    QTest::newRow("nicht mehr anrufen") << "Bitte nicht mehr anrufen."
                                        << "";
    QTest::newRow("custom phrase") << "leave me alone"
                                   << "";
}

void TestInterpreter::optOut()
{
    QFETCH(QString, speech);
    QFETCH(QString, digits);
    Script s = sampleScript();
    s.optOut.phrases = {QStringLiteral("Leave me alone")};
    const CallerInput input = digits.isEmpty() ? CallerInput::said(speech, 0.3) : CallerInput::keys(digits);
    for (int q : {0, 1, 4}) {
        QCOMPARE(interpret(s, s.questions.at(q), input).kind, Kind::OptOut);
    }
}

void TestInterpreter::optOutKeyThatAnswersIsAnAnswer()
{
    const Script s = sampleScript();
    QVERIFY(optOutKeyAnswers(s, s.questions.at(3))); // 1..9 includes the default opt-out key 9
    QCOMPARE(interpret(s, s.questions.at(3), CallerInput::keys(QStringLiteral("9"))).value, QStringLiteral("9"));
    QVERIFY(optOutKeyAnswers(s, s.questions.at(2))); // "9#" answers 0..10 with nine
    QCOMPARE(interpret(s, s.questions.at(2), CallerInput::keys(QStringLiteral("9#"))).value, QStringLiteral("9"));
    Script one = s;
    one.optOut.key = QStringLiteral("1");
    QVERIFY(optOutKeyAnswers(one, one.questions.at(0)));
    QVERIFY(optOutKeyAnswers(one, one.questions.at(1)));
    QVERIFY(!optOutKeyAnswers(one, one.questions.at(4)));
    QVERIFY(!optOutKeyAnswers(one, one.questions.at(5)));
}

QTEST_GUILESS_MAIN(TestInterpreter)
#include "tst_interpreter.moc"
