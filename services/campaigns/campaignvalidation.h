// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/campaign.h"

#include <QStringList>

namespace vsc::services::campaigns {

// The field names problems are reported under: the keys of the JSON form (docs/CAMPAIGN_FORMAT.md), so the CLI
// names what to fix in the file and the editor finds the widget. Retry delays and quota cells append their key
// ("attempts.retry_delay_seconds.busy", "quotas.region.West").
namespace field {
inline const QString name = QStringLiteral("name");
inline const QString description = QStringLiteral("description");
inline const QString scriptVersion = QStringLiteral("script_version_id");
inline const QString callerId = QStringLiteral("caller_id");
inline const QString language = QStringLiteral("language");
inline const QString voice = QStringLiteral("voice");
inline const QString windowStart = QStringLiteral("window.start");
inline const QString windowEnd = QStringLiteral("window.end");
inline const QString blockedWeekdays = QStringLiteral("window.blocked_weekdays");
inline const QString blockedDates = QStringLiteral("window.blocked_dates");
inline const QString callsPerSecond = QStringLiteral("pacing.calls_per_second");
inline const QString maxConcurrentCalls = QStringLiteral("pacing.max_concurrent_calls");
inline const QString maxAttempts = QStringLiteral("attempts.max");
inline const QString retryDelays = QStringLiteral("attempts.retry_delay_seconds");
inline const QString quotas = QStringLiteral("quotas");
inline const QString machineAction = QStringLiteral("answering_machine.action");
inline const QString machineMessage = QStringLiteral("answering_machine.message");
inline const QString reportRecipients = QStringLiteral("reports.recipients");
inline const QString dailySummary = QStringLiteral("reports.daily_summary");
} // namespace field

// The outcomes a retry delay can be set for, in the order the editor shows them.
QStringList retryOutcomes();                 // busy, no-answer, failed, machine
constexpr double kMaxCallsPerSecond = 100.0; // beyond any Twilio account's CPS; a typo guard, not a limit we enforce
constexpr int kMaxConcurrentCalls = 1000;
constexpr int kMaxAttempts = 20;
constexpr int kMaxRetryDelaySeconds = 30 * 24 * 3600;

// Everything about a campaign's own values that can be wrong, field by field; empty when valid. Pure: uniqueness of
// the name and the script version's existence need the database (CampaignService::validate adds them).
QList<FieldProblem> validateCampaign(const Campaign &campaign);

// Whether `e164` is a valid E.164 number by libphonenumber ("+14155550100"); an empty message when it is.
QString callerIdProblem(const QString &e164);
Text callerIdProblemText(const QString &e164); // the same for ui/ to translate
// A BCP 47 language tag ("en-US", "de", "pt-BR", "zh-Hant-TW"); an empty message when it is one.
QString languageProblem(const QString &tag);
Text languageProblemText(const QString &tag);

// The fields that may change while a campaign runs or is paused; the others (caller ID, language, voice, script)
// stay as the calls in flight were placed. A stopped campaign keeps everything but its name and description.
bool isEditable(CampaignStatus status, const QString &fieldName);
// The problems of changing `before` into `after` given the campaign's status (fields that may not change now).
QList<FieldProblem> lockedFieldProblems(const Campaign &before, const Campaign &after);

} // namespace vsc::services::campaigns
