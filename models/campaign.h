// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/text.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QTime>
#include <QVariantMap>

#include <optional>
#include <utility>

namespace vsc {

enum class CampaignStatus { Draft, Ready, Running, Paused, Completed, Stopped };

// What a call does when an answering machine picks up (Twilio's AMD or the simulated carrier says so).
enum class MachineAction { HangUp, LeaveMessage };

QString campaignStatusKey(CampaignStatus status); // stored form: "draft", "running", ...
std::optional<CampaignStatus> campaignStatusFromKey(const QString &key);
QString machineActionKey(MachineAction action); // stored form: "hang_up", "leave_message"
std::optional<MachineAction> machineActionFromKey(const QString &key);

// One thing wrong with a value a person entered, by field ("callerId", "retryPolicy.busy", "quotas.region.West"),
// in words that say what to fix. Editors show it next to the field; the CLI prints one per line.
struct FieldProblem
{
    FieldProblem() = default;
    FieldProblem(QString field, QString message, Text text = {}) // NOLINT(google-explicit-constructor)
        : field(std::move(field)), message(std::move(message)), text(std::move(text))
    {
    }

    QString field;
    QString message; // English
    Text text;       // the same for ui/ to translate; empty where a service does not offer it yet

    [[nodiscard]] static FieldProblem of(const QString &field, const Text &text)
    {
        return {field, text.toString(), text};
    }
    friend bool operator==(const FieldProblem &, const FieldProblem &) = default;
};

struct Campaign
{
    qint64 id = 0;
    QString name;
    QString description;
    CampaignStatus status = CampaignStatus::Draft;
    std::optional<qint64> scriptVersionId;
    QString callerId; // E.164 number calls come from
    QString language = QStringLiteral("en-US");
    QString voice = QStringLiteral("Polly.Joanna");
    double callsPerSecond = 1.0; // Twilio's default account CPS
    int maxConcurrentCalls = 10;
    QTime windowStart{8, 0}; // in the contact's local time
    QTime windowEnd{21, 0};  // exclusive; 00:00 means the end of the day ("24:00")
    QString blockedWeekdays; // comma-separated ISO weekday numbers, e.g. "6,7"
    QString blockedDates;    // comma-separated ISO dates in the contact's calendar, e.g. "2026-12-24,2026-12-25"
    int maxAttempts = 3;
    QVariantMap retryPolicy; // seconds to wait per outcome: {"busy": 600, "no-answer": 1800, ...}
    // Completed interviews allowed per cell, by contact field and value: {"region": {"West": 50, "East": 50}}.
    // Contacts whose cell is full are not dialed.
    QVariantMap quotas;
    MachineAction machineAction = MachineAction::HangUp;
    QString machineMessage;    // spoken before hanging up when machineAction is LeaveMessage
    QString reportRecipients;  // comma-separated e-mail addresses the campaign's reports go to; empty: no reports
    bool dailySummary = false; // besides the report when it finishes, a summary of each day with calls
    QDateTime archivedAt;      // invalid: not archived; archived campaigns are hidden from the list by default
    QDateTime createdAt;
    QDateTime updatedAt;
};

// A stored script version a campaign can pin, for the editor's script choice.
struct ScriptVersionChoice
{
    qint64 versionId = 0;
    qint64 scriptId = 0;
    QString scriptName;
    int version = 1;
    QString language;
};

// One row of the Campaigns pane: a campaign with its progress counts.
struct CampaignSummary
{
    Campaign campaign;
    int contacts = 0;
    int completedContacts = 0;
    int attempts = 0;
    int activeCalls = 0;
};

} // namespace vsc

Q_DECLARE_METATYPE(vsc::Campaign)
Q_DECLARE_METATYPE(vsc::CampaignSummary)
