// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/dialogue/engine.h"

#include <QRandomGenerator>

#include <optional>

namespace vsc::services::telephony {

// How synthetic callers behave; probabilities per prompt.
struct RespondentProfile
{
    double speech = 0.55;        // answer by voice rather than keypad
    double silence = 0.05;       // say nothing
    double lowConfidence = 0.10; // speech recognised below the script's threshold (gets confirmed)
    double optOut = 0.01;        // ask not to be called again
    double hangUp = 0.02;        // hang up mid-survey
    double yes = 0.78;           // share of "yes" to yes/no questions
};

// A simulated person answering a survey: weighted answers, silence, unsure speech, opt-outs and hang-ups.
// Deterministic for a seed. Used by the simulated carrier and the demo data.
class SyntheticRespondent final
{
public:
    explicit SyntheticRespondent(quint32 seed, RespondentProfile profile = {});

    // The caller's reaction to the current prompt, or nullopt when they hang up.
    std::optional<dialogue::CallerInput> respond(const dialogue::Script &script, const dialogue::DialogueState &state);

private:
    dialogue::CallerInput answer(const dialogue::Script &script, const dialogue::ScriptQuestion &q);
    bool chance(double p);

    QRandomGenerator m_rng;
    RespondentProfile m_profile;
};

} // namespace vsc::services::telephony
