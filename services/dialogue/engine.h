// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/dialogue/interpreter.h"
#include "services/dialogue/script.h"
#include "services/telephony/twiml.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

#include <optional>

namespace vsc::services::dialogue {

// Where one call stands in its script. A small value the webhook layer stores between Twilio's requests.
struct DialogueState
{
    enum class Phase { NotStarted, Asking, Confirming, Finished };
    Phase phase = Phase::NotStarted;
    int question = -1;    // index into Script::questions
    int attempts = 0;     // reprompts used on the current question
    int turn = 0;         // counts the prompts sent; each prompt's action URL carries it, so a stale gather is known
    QString pendingValue; // Confirming: the low-confidence answer awaiting a yes
    QString pendingSpeech;
    std::optional<double> pendingConfidence;
    bool optedOut = false;
    bool completed = false; // reached the end of the script (rather than hanging up early)

    [[nodiscard]] QByteArray toJson() const;
    static std::optional<DialogueState> fromJson(const QByteArray &json);
    bool operator==(const DialogueState &) const = default;
};

// One recorded answer, ready for the answers table.
struct AnswerRecord
{
    QString questionId;
    QString rawSpeech;
    QString rawDigits;
    std::optional<double> confidence;
    QString value;        // normalised
    bool skipped = false; // no usable answer after the reprompts; value is empty
};

struct Turn
{
    DialogueState state;
    telephony::TwimlResponse twiml;
    std::optional<AnswerRecord> answer;
    bool optedOut = false; // put the number on the suppression list now
    bool finished = false; // the TwiML ends with <Hangup/>
};

// The survey as a pure, deterministic state machine: (script, state, input) -> (state, TwiML, answer).
// It performs no I/O; `actionUrl` is the absolute URL Twilio posts the caller's input to. Every turn numbers its
// prompt (state.turn, one more than the state it started from) and adds `turn=<n>` to the action URL's query, so
// the webhook layer can tell an answer to this prompt from a duplicated or replayed answer to an earlier one.
//
//   NotStarted --start--> Asking(q0) --match--> Asking(next by branches) ... --> Finished (outro, hang up)
//                            |  low confidence --> Confirming --yes--> record, next
//                            |                              --no/none--> Asking(same q, attempt+1)
//                            |  no input / no match --> reprompt up to maxReprompts, then skip or end by policy
//                            |  opt-out key or phrase --> Finished (goodbye, hang up, suppress the number)
class DialogueEngine final
{
public:
    static Turn start(const Script &script, const QUrl &actionUrl);
    static Turn step(const Script &script, const DialogueState &state, const CallerInput &input, const QUrl &actionUrl);
    // Says the current question again without counting an attempt (Twilio re-requested the voice URL).
    static Turn resume(const Script &script, const DialogueState &state, const QUrl &actionUrl);
    // The prompt `state` stands at, exactly as it was sent (same turn, state unchanged): the reply to a stale gather.
    static Turn repeat(const Script &script, const DialogueState &state, const QUrl &actionUrl);
    // The action URL for prompt number `turn`.
    static QUrl actionFor(const QUrl &actionUrl, int turn);
};

} // namespace vsc::services::dialogue
