// SPDX-License-Identifier: GPL-3.0-or-later
// String keys of the domain enums: the form stored in the database and sent over the wire.
#include "models/call.h"
#include "models/campaign.h"
#include "models/contact.h"
#include "models/survey.h"

#include <array>
#include <utility>

namespace vsc {
namespace {

template<typename E, std::size_t N>
QString keyOf(const std::array<std::pair<E, const char *>, N> &table, E value)
{
    for (const auto &[e, key] : table) {
        if (e == value) {
            return QString::fromLatin1(key);
        }
    }
    return {};
}

template<typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char *>, N> &table, const QString &key)
{
    for (const auto &[e, k] : table) {
        if (key == QLatin1String(k)) {
            return e;
        }
    }
    return std::nullopt;
}

constexpr std::array<std::pair<CampaignStatus, const char *>, 6> kCampaignStatuses{{
    {CampaignStatus::Draft, "draft"},
    {CampaignStatus::Ready, "ready"},
    {CampaignStatus::Running, "running"},
    {CampaignStatus::Paused, "paused"},
    {CampaignStatus::Completed, "completed"},
    {CampaignStatus::Stopped, "stopped"},
}};

constexpr std::array<std::pair<ContactStatus, const char *>, 7> kContactStatuses{{
    {ContactStatus::Pending, "pending"},
    {ContactStatus::InProgress, "in_progress"},
    {ContactStatus::Completed, "completed"},
    {ContactStatus::Failed, "failed"},
    {ContactStatus::Invalid, "invalid"},
    {ContactStatus::Suppressed, "suppressed"},
    {ContactStatus::OptedOut, "opted_out"},
}};

constexpr std::array<std::pair<CallStatus, const char *>, 10> kCallStatuses{{
    {CallStatus::Claimed, "claimed"},
    {CallStatus::Queued, "queued"},
    {CallStatus::Initiated, "initiated"},
    {CallStatus::Ringing, "ringing"},
    {CallStatus::InProgress, "in-progress"},
    {CallStatus::Completed, "completed"},
    {CallStatus::Busy, "busy"},
    {CallStatus::NoAnswer, "no-answer"},
    {CallStatus::Failed, "failed"},
    {CallStatus::Canceled, "canceled"},
}};

constexpr std::array<std::pair<QuestionType, const char *>, 5> kQuestionTypes{{
    {QuestionType::YesNo, "yes_no"},
    {QuestionType::SingleChoice, "single_choice"},
    {QuestionType::Numeric, "numeric"},
    {QuestionType::FreeSpeech, "free_speech"},
    {QuestionType::Recording, "recording"},
}};

} // namespace

QString campaignStatusKey(CampaignStatus status)
{
    return keyOf(kCampaignStatuses, status);
}
std::optional<CampaignStatus> campaignStatusFromKey(const QString &key)
{
    return valueOf(kCampaignStatuses, key);
}

QString machineActionKey(MachineAction action)
{
    return action == MachineAction::LeaveMessage ? QStringLiteral("leave_message") : QStringLiteral("hang_up");
}
std::optional<MachineAction> machineActionFromKey(const QString &key)
{
    if (key == QLatin1String("hang_up")) {
        return MachineAction::HangUp;
    }
    if (key == QLatin1String("leave_message")) {
        return MachineAction::LeaveMessage;
    }
    return std::nullopt;
}

QString contactStatusKey(ContactStatus status)
{
    return keyOf(kContactStatuses, status);
}
std::optional<ContactStatus> contactStatusFromKey(const QString &key)
{
    return valueOf(kContactStatuses, key);
}

QString callStatusKey(CallStatus status)
{
    return keyOf(kCallStatuses, status);
}
std::optional<CallStatus> callStatusFromKey(const QString &key)
{
    return valueOf(kCallStatuses, key);
}

bool isTerminal(CallStatus status)
{
    switch (status) {
    case CallStatus::Completed:
    case CallStatus::Busy:
    case CallStatus::NoAnswer:
    case CallStatus::Failed:
    case CallStatus::Canceled:
        return true;
    default:
        return false;
    }
}

QString callProviderKey(CallProvider provider)
{
    return provider == CallProvider::Twilio ? QStringLiteral("twilio") : QStringLiteral("simulated");
}

QString questionTypeKey(QuestionType type)
{
    return keyOf(kQuestionTypes, type);
}

QString maskPhoneNumber(const QString &e164)
{
    // Counted in digits, so a '+', its URL encoding "%2B" or a formatting character never shifts what stays readable.
    const QChar bullet(u'\u2022');
    const qsizetype start = e164.startsWith(QLatin1String("%2B"), Qt::CaseInsensitive) ? 3 : 0;
    qsizetype digits = 0;
    for (qsizetype i = start; i < e164.size(); ++i) {
        digits += e164.at(i).isDigit() ? 1 : 0;
    }
    constexpr qsizetype kKeepHead = 3; // "+141": country code and the start of the area code
    constexpr qsizetype kKeepTail = 2;
    QString masked = e164;
    qsizetype seen = 0;
    for (qsizetype i = start; i < masked.size(); ++i) {
        if (!masked.at(i).isDigit()) {
            continue;
        }
        const bool keep = digits >= 7 && (seen < kKeepHead || seen >= digits - kKeepTail);
        if (!keep) {
            masked[i] = bullet;
        }
        ++seen;
    }
    return masked;
}

} // namespace vsc
