// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/campaigns/campaignvalidation.h"

#include "services/campaigns/campaignjson.h"

#include <QDate>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <phonenumbers/phonenumberutil.h>

namespace vsc::services::campaigns {

QStringList retryOutcomes()
{
    return {QStringLiteral("busy"), QStringLiteral("no-answer"), QStringLiteral("failed"), QStringLiteral("machine")};
}

Text callerIdProblemText(const QString &e164)
{
    const QString number = e164.trimmed();
    if (number.isEmpty()) {
        return Text{QT_TRANSLATE_NOOP("vsc", "enter the number calls come from, in E.164 form such as +14155550100"),
                    {}};
    }
    if (!number.startsWith(u'+')) {
        return Text{QT_TRANSLATE_NOOP("vsc", "start with + and the country code, e.g. +14155550100"), {}};
    }
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    PhoneNumber parsed;
    if (util.Parse(number.toStdString(), "ZZ", &parsed) != PhoneNumberUtil::NO_PARSING_ERROR) {
        return Text{QT_TRANSLATE_NOOP("vsc", "not a phone number; use E.164 form such as +14155550100"), {}};
    }
    if (!util.IsValidNumber(parsed)) {
        return Text{QT_TRANSLATE_NOOP("vsc", "no such number in its country's numbering plan; check the digits"), {}};
    }
    std::string formatted;
    util.Format(parsed, PhoneNumberUtil::E164, &formatted);
    if (QString::fromStdString(formatted) != number) {
        return Text{QT_TRANSLATE_NOOP("vsc", "write it as %1 (E.164: + and digits only)"),
                    {QString::fromStdString(formatted)}};
    }
    return {};
}

Text languageProblemText(const QString &tag)
{
    // RFC 5646 language [-script] [-region] [-variant]*; private use and extensions are not voices' business.
    static const QRegularExpression bcp47(QStringLiteral(
        "^([A-Za-z]{2,3})(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|[0-9]{3}))?(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$"));
    if (tag.trimmed().isEmpty()) {
        return Text{QT_TRANSLATE_NOOP("vsc", "enter a BCP 47 language tag such as en-US"), {}};
    }
    const QRegularExpressionMatch match = bcp47.match(tag);
    if (!match.hasMatch()) {
        return Text{QT_TRANSLATE_NOOP("vsc", "not a BCP 47 language tag; use the form en-US or de-DE"), {}};
    }
    if (QLocale::codeToLanguage(match.captured(1)) == QLocale::AnyLanguage) {
        return Text{QT_TRANSLATE_NOOP("vsc", "unknown language code \"%1\"; use an ISO 639 code such as en or de"),
                    {match.captured(1)}};
    }
    return {};
}

QList<FieldProblem> validateCampaign(const Campaign &c)
{
    QList<FieldProblem> problems;
    auto add = [&problems](const QString &f, const Text &text) { problems.append(FieldProblem::of(f, text)); };
    if (c.name.trimmed().isEmpty()) {
        add(field::name, Text{QT_TRANSLATE_NOOP("vsc", "enter a name"), {}});
    } else if (c.name.size() > 200) {
        add(field::name, Text{QT_TRANSLATE_NOOP("vsc", "shorten the name to 200 characters or fewer"), {}});
    }
    if (const Text p = callerIdProblemText(c.callerId); !p.isEmpty()) {
        add(field::callerId, p);
    }
    if (const Text p = languageProblemText(c.language); !p.isEmpty()) {
        add(field::language, p);
    }
    if (c.voice.trimmed().isEmpty()) {
        add(field::voice, Text{QT_TRANSLATE_NOOP("vsc", "choose a voice, e.g. Polly.Joanna"), {}});
    }
    if (!c.windowStart.isValid()) {
        add(field::windowStart, Text{QT_TRANSLATE_NOOP("vsc", "enter the start as HH:mm, e.g. 08:00"), {}});
    }
    if (!c.windowEnd.isValid()) {
        add(field::windowEnd,
            Text{QT_TRANSLATE_NOOP("vsc", "enter the end as HH:mm, e.g. 21:00 (00:00 = end of the day)"), {}});
    }
    if (c.windowStart.isValid() && c.windowEnd.isValid() && c.windowEnd != QTime(0, 0) &&
        c.windowEnd <= c.windowStart) {
        add(field::windowEnd,
            Text{QT_TRANSLATE_NOOP("vsc", "make the end later than the start (%1); 00:00 means the end of the day"),
                 {c.windowStart.toString(QStringLiteral("HH:mm"))}});
    }
    QSet<int> days;
    for (const QString &day : c.blockedWeekdays.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int d = day.trimmed().toInt(&ok);
        if (!ok || d < 1 || d > 7) {
            add(field::blockedWeekdays,
                Text{QT_TRANSLATE_NOOP("vsc", "\"%1\" is not a weekday number; use 1 (Monday) to 7 (Sunday)"),
                     {day.trimmed()}});
        } else if (days.contains(d)) {
            add(field::blockedWeekdays,
                Text{QT_TRANSLATE_NOOP("vsc", "weekday %1 is listed twice"), {QString::number(d)}});
        }
        days.insert(d);
    }
    if (days.size() == 7) {
        add(field::blockedWeekdays,
            Text{QT_TRANSLATE_NOOP("vsc", "every weekday is blocked; leave at least one day to call on"), {}});
    }
    for (const QString &date : c.blockedDates.split(u',', Qt::SkipEmptyParts)) {
        if (!QDate::fromString(date.trimmed(), Qt::ISODate).isValid() || date.trimmed().size() != 10) {
            add(field::blockedDates,
                Text{QT_TRANSLATE_NOOP("vsc", "\"%1\" is not a date; use YYYY-MM-DD"), {date.trimmed()}});
        }
    }
    if (!(c.callsPerSecond > 0) || c.callsPerSecond > kMaxCallsPerSecond) {
        add(field::callsPerSecond, Text{QT_TRANSLATE_NOOP("vsc", "use more than 0 and at most %1 calls per second"),
                                        {QString::number(kMaxCallsPerSecond)}});
    }
    if (c.maxConcurrentCalls < 1 || c.maxConcurrentCalls > kMaxConcurrentCalls) {
        add(field::maxConcurrentCalls,
            Text{QT_TRANSLATE_NOOP("vsc", "use 1 to %1 concurrent calls"), {QString::number(kMaxConcurrentCalls)}});
    }
    if (c.maxAttempts < 1 || c.maxAttempts > kMaxAttempts) {
        add(field::maxAttempts,
            Text{QT_TRANSLATE_NOOP("vsc", "use 1 to %1 attempts per contact"), {QString::number(kMaxAttempts)}});
    }
    const QStringList outcomes = retryOutcomes() + QStringList{QStringLiteral("incomplete")};
    for (auto it = c.retryPolicy.cbegin(); it != c.retryPolicy.cend(); ++it) {
        const QString f = field::retryDelays + u'.' + it.key();
        if (!outcomes.contains(it.key())) {
            add(f, Text{QT_TRANSLATE_NOOP("vsc", "unknown outcome; use one of %1"),
                        {outcomes.join(QStringLiteral(", "))}});
            continue;
        }
        bool ok = false;
        const qlonglong seconds = it.value().toLongLong(&ok);
        if (!ok || it.value().typeId() == QMetaType::Bool || seconds < 0 || seconds > kMaxRetryDelaySeconds) {
            add(f, Text{QT_TRANSLATE_NOOP("vsc", "use a whole number of seconds from 0 to %1 (30 days)"),
                        {QString::number(kMaxRetryDelaySeconds)}});
        }
    }
    for (auto it = c.quotas.cbegin(); it != c.quotas.cend(); ++it) {
        const QString f = field::quotas + u'.' + it.key();
        if (it.key().trimmed().isEmpty()) {
            add(field::quotas, Text{QT_TRANSLATE_NOOP("vsc", "a quota needs the contact field it counts by"), {}});
            continue;
        }
        if (it.value().typeId() != QMetaType::QVariantMap || it.value().toMap().isEmpty()) {
            add(f, Text{QT_TRANSLATE_NOOP("vsc", "give each value of %1 its target, e.g. {\"West\": 50}"), {it.key()}});
            continue;
        }
        const QVariantMap cells = it.value().toMap();
        for (auto cell = cells.cbegin(); cell != cells.cend(); ++cell) {
            bool ok = false;
            const qlonglong target = cell.value().toLongLong(&ok);
            if (cell.key().isEmpty()) {
                add(f, Text{QT_TRANSLATE_NOOP("vsc", "a quota cell needs the value it counts"), {}});
            } else if (!ok || cell.value().typeId() == QMetaType::Bool || target < 0 ||
                       cell.value().toDouble() != static_cast<double>(target)) {
                add(f + u'.' + cell.key(),
                    Text{QT_TRANSLATE_NOOP("vsc", "use a whole number of completed interviews, 0 or more"), {}});
            }
        }
    }
    if (c.machineAction == MachineAction::LeaveMessage && c.machineMessage.trimmed().isEmpty()) {
        add(field::machineMessage,
            Text{QT_TRANSLATE_NOOP("vsc", "write the message to leave, or choose \"hang up\""), {}});
    }
    static const QRegularExpression address(QStringLiteral(R"(^[^\s<>@,;"]+@[^\s<>@,;"]+\.[^\s<>@,;"]+$)"));
    for (const QString &recipient : c.reportRecipients.split(u',', Qt::SkipEmptyParts)) {
        if (!address.match(recipient.trimmed()).hasMatch()) {
            add(field::reportRecipients,
                Text{QT_TRANSLATE_NOOP("vsc", "\"%1\" is not an e-mail address; separate addresses with commas"),
                     {recipient.trimmed()}});
            break;
        }
    }
    if (c.dailySummary && c.reportRecipients.trimmed().isEmpty()) {
        add(field::dailySummary,
            Text{QT_TRANSLATE_NOOP("vsc", "a daily summary needs at least one report recipient"), {}});
    }
    return problems;
}

QString callerIdProblem(const QString &e164)
{
    return callerIdProblemText(e164).toString();
}

QString languageProblem(const QString &tag)
{
    return languageProblemText(tag).toString();
}

bool isEditable(CampaignStatus status, const QString &fieldName)
{
    switch (status) {
    case CampaignStatus::Draft:
    case CampaignStatus::Ready:
    case CampaignStatus::Completed:
        return true;
    case CampaignStatus::Running:
    case CampaignStatus::Paused:
        return fieldName != field::callerId && fieldName != field::language && fieldName != field::voice &&
               fieldName != field::scriptVersion;
    case CampaignStatus::Stopped:
        // Who reads its reports is not how it dials.
        return fieldName == field::name || fieldName == field::description || fieldName == field::reportRecipients ||
               fieldName == field::dailySummary;
    }
    return false;
}

QList<FieldProblem> lockedFieldProblems(const Campaign &before, const Campaign &after)
{
    QList<FieldProblem> problems;
    const QVariantMap changed = changedFields(before, after).second;
    for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
        if (!isEditable(before.status, it.key())) {
            problems.append(FieldProblem::of(
                it.key(), before.status == CampaignStatus::Stopped
                              ? Text{QT_TRANSLATE_NOOP("vsc", "a stopped campaign keeps its settings; duplicate it to "
                                                              "run it again with changes"),
                                     {}}
                              : Text{QT_TRANSLATE_NOOP("vsc", "cannot change while the campaign is %1; calls in "
                                                              "flight use it (stop it, or duplicate the campaign)"),
                                     {campaignStatusKey(before.status)}}));
        }
    }
    return problems;
}

} // namespace vsc::services::campaigns
