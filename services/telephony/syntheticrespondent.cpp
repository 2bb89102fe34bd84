// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/telephony/syntheticrespondent.h"

#include <array>

namespace vsc::services::telephony {

using namespace vsc::services::dialogue;

SyntheticRespondent::SyntheticRespondent(quint32 seed, RespondentProfile profile) : m_rng(seed), m_profile(profile)
{
}

bool SyntheticRespondent::chance(double p)
{
    return m_rng.generateDouble() < p;
}

std::optional<CallerInput> SyntheticRespondent::respond(const Script &script, const DialogueState &state)
{
    if (state.phase == DialogueState::Phase::Finished || state.question < 0 ||
        state.question >= script.questions.size()) {
        return std::nullopt;
    }
    if (chance(m_profile.hangUp)) {
        return std::nullopt;
    }
    if (state.phase == DialogueState::Phase::Confirming) {
        return chance(0.85) ? CallerInput::keys(QStringLiteral("1")) : CallerInput::keys(QStringLiteral("2"));
    }
    if (chance(m_profile.optOut)) {
        return chance(0.5) ? CallerInput::keys(script.optOut.key)
                           : CallerInput::said(script.language.startsWith(QLatin1String("de"))
                                                   ? QStringLiteral("Bitte rufen Sie mich nicht mehr an")
                                                   : QStringLiteral("Please stop calling me"),
                                               0.9);
    }
    if (chance(m_profile.silence)) {
        return CallerInput::noInput();
    }
    return answer(script, script.questions.at(state.question));
}

CallerInput SyntheticRespondent::answer(const Script &script, const ScriptQuestion &q)
{
    const bool bySpeech = chance(m_profile.speech);
    const double confidence = chance(m_profile.lowConfidence) ? 0.2 + m_rng.bounded(0.25) : 0.7 + m_rng.bounded(0.29);
    const bool german = script.language.startsWith(QLatin1String("de"));
    switch (q.type) {
    case QuestionType::YesNo: {
        const bool yes = chance(m_profile.yes);
        if (!bySpeech) {
            return CallerInput::keys(yes ? QStringLiteral("1") : QStringLiteral("2"));
        }
        static const std::array<const char *, 3> yesWords{{"Yes.", "Yeah, sure.", "Yes, definitely."}};
        static const std::array<const char *, 3> noWords{{"No.", "Not really.", "No, it wasn't."}};
        const QString said = german ? (yes ? QStringLiteral("Ja.") : QStringLiteral("Nein."))
                                    : QString::fromLatin1((yes ? yesWords : noWords)[m_rng.bounded(3)]);
        return CallerInput::said(said, confidence);
    }
    case QuestionType::Numeric: {
        // Skewed towards the top of the scale, as satisfaction answers are.
        const int span = q.max - q.min;
        const double skewed = 1.0 - m_rng.generateDouble() * m_rng.generateDouble();
        const int value = q.min + qBound(0, int(skewed * (span + 1)), span);
        if (!bySpeech) {
            return CallerInput::keys(QString::number(value) + (q.max >= 10 ? QStringLiteral("#") : QString()));
        }
        static const std::array<const char *, 11> en{
            {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}};
        static const std::array<const char *, 11> de{
            {"null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn"}};
        const QString word = value <= 10 ? QString::fromUtf8((german ? de : en)[value]) : QString::number(value);
        return CallerInput::said(german ? QStringLiteral("Eine ") + word : QStringLiteral("I'd say ") + word,
                                 confidence);
    }
    case QuestionType::SingleChoice: {
        if (q.choices.isEmpty()) {
            return CallerInput::noInput();
        }
        const Choice &c = q.choices.at(m_rng.bounded(int(q.choices.size())));
        if (!bySpeech) {
            return CallerInput::keys(c.key);
        }
        const QString word =
            c.synonyms.isEmpty() || chance(0.5) ? c.value : c.synonyms.at(m_rng.bounded(int(c.synonyms.size())));
        return CallerInput::said(word, confidence);
    }
    case QuestionType::FreeSpeech: {
        static const std::array<const char *, 6> comments{
            {"The technician was very polite.", "It took two weeks to get an appointment.", "No, thank you.",
             "Please call before you arrive next time.", "Great job, keep it up.", "The invoice was confusing."}};
        return CallerInput::said(QString::fromLatin1(comments[m_rng.bounded(int(comments.size()))]), confidence);
    }
    case QuestionType::Recording:
        return CallerInput::recorded(QStringLiteral("simulated://recording/%1").arg(m_rng.generate()),
                                     3 + m_rng.bounded(20));
    }
    return CallerInput::noInput();
}

} // namespace vsc::services::telephony
