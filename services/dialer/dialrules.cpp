// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/dialer/dialrules.h"

#include "models/contact.h"
#include "services/auth/authorizer.h"

#include "services/storage/campaignrepository.h"
#include "services/storage/dialhistory.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>

namespace vsc::services::dialer {
namespace {

QString cellKey(const QString &field, const QString &value)
{
    return field + QChar(0x1f) + value;
}

// "Mon 2026-11-23 08:00 America/Chicago": the moment as the contact sees it.
QString localText(const QDateTime &utc, const QString &zone)
{
    const QTimeZone tz(zone.toUtf8());
    const QDateTime local = tz.isValid() ? utc.toTimeZone(tz) : utc;
    return QLocale::c().toString(local, QStringLiteral("ddd yyyy-MM-dd HH:mm ")) +
           (tz.isValid() ? zone : QStringLiteral("UTC"));
}

// The same moment for people of any language: numbers only ("2026-11-23 08:00 America/Chicago").
QString localStamp(const QDateTime &utc, const QString &zone)
{
    const QTimeZone tz(zone.toUtf8());
    const QDateTime local = tz.isValid() ? utc.toTimeZone(tz) : utc;
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm ")) + (tz.isValid() ? zone : QStringLiteral("UTC"));
}

// Why the last call did not do and when the next one may: per outcome, so no status key reaches people.
Text retryText(const QString &lastStatus, const QString &due)
{
    if (lastStatus == QLatin1String("busy")) {
        return Text{QT_TRANSLATE_NOOP("vsc", "the line was busy; the retry is due %1"), {due}};
    }
    if (lastStatus == QLatin1String("no-answer")) {
        return Text{QT_TRANSLATE_NOOP("vsc", "nobody answered; the retry is due %1"), {due}};
    }
    if (lastStatus == QLatin1String("failed")) {
        return Text{QT_TRANSLATE_NOOP("vsc", "the last call failed; the retry is due %1"), {due}};
    }
    if (lastStatus == QLatin1String("canceled")) {
        return Text{QT_TRANSLATE_NOOP("vsc", "the last call was canceled; the retry is due %1"), {due}};
    }
    return Text{QT_TRANSLATE_NOOP("vsc", "the last call ended without an interview; the retry is due %1"), {due}};
}

Text notRunningText(CampaignStatus status)
{
    switch (status) {
    case CampaignStatus::Draft:
        return Text{QT_TRANSLATE_NOOP("vsc", "the campaign is a draft")};
    case CampaignStatus::Ready:
        return Text{QT_TRANSLATE_NOOP("vsc", "the campaign is ready but not started")};
    case CampaignStatus::Paused:
        return Text{QT_TRANSLATE_NOOP("vsc", "the campaign is paused")};
    case CampaignStatus::Completed:
        return Text{QT_TRANSLATE_NOOP("vsc", "the campaign is completed")};
    case CampaignStatus::Stopped:
        return Text{QT_TRANSLATE_NOOP("vsc", "the campaign is stopped")};
    case CampaignStatus::Running:
        break;
    }
    return Text{QT_TRANSLATE_NOOP("vsc", "the campaign is not running")};
}

QString suppressionSourceText(const QString &source)
{
    if (source == QLatin1String("in_call_opt_out")) {
        return QStringLiteral("in-call opt-out");
    }
    if (source == QLatin1String("import")) {
        return QStringLiteral("imported suppression list");
    }
    return source;
}

QString windowText(const CallingWindow &window)
{
    return QStringLiteral("%1-%2").arg(window.start.toString(QStringLiteral("HH:mm")),
                                       window.end == QTime(0, 0) ? QStringLiteral("24:00")
                                                                 : window.end.toString(QStringLiteral("HH:mm")));
}

} // namespace

Result<void> QuotaCells::refresh(storage::ContactQueue &queue, qint64 campaignId)
{
    m_filled.clear();
    if (m_limits.isEmpty()) {
        return {};
    }
    auto completed = queue.completedContacts(campaignId);
    if (!completed) {
        return completed.error();
    }
    for (const QVariantMap &fields : std::as_const(completed.value())) {
        for (auto it = m_limits.cbegin(); it != m_limits.cend(); ++it) {
            const QString value = fields.value(it.key()).toString();
            if (it.value().toMap().contains(value)) {
                ++m_filled[cellKey(it.key(), value)];
            }
        }
    }
    return {};
}

QString QuotaCells::fullCellFor(const QVariantMap &customFields) const
{
    for (auto it = m_limits.cbegin(); it != m_limits.cend(); ++it) {
        const QString value = customFields.value(it.key()).toString();
        bool ok = false;
        const int limit = it.value().toMap().value(value).toInt(&ok);
        const int filled = m_filled.value(cellKey(it.key(), value));
        if (ok && filled >= limit) {
            return QStringLiteral("%1 = %2 (%3 of %4)").arg(it.key(), value).arg(filled).arg(limit);
        }
    }
    return {};
}

CallingWindow callingWindowOf(const Campaign &campaign)
{
    return CallingWindow::fromCampaign(campaign.windowStart, campaign.windowEnd, campaign.blockedWeekdays,
                                       campaign.blockedDates);
}

namespace {

// Everything explain looks at, read once.
struct ExplainFacts
{
    storage::ContactDialFacts dial;
    Campaign campaign;
    QuotaCells quotas;
};

Result<ExplainFacts> readFacts(storage::Database &database, qint64 contactId, const QDateTime &atUtc, NumberCap cap)
{
    storage::DialHistory history(database);
    auto queued = history.contact(contactId);
    if (!queued) {
        return queued.error();
    }
    if (!queued.value()) {
        return Error{ErrorCode::NotFound, QStringLiteral("no contact with id %1").arg(contactId)};
    }
    ExplainFacts facts;
    facts.dial.contact = *queued.value();
    const storage::QueuedContact &contact = facts.dial.contact;
    auto campaign = storage::CampaignRepository(database).byId(contact.campaignId);
    auto last = history.lastAttempt(contactId);
    auto suppressed = history.suppression(contact.phone, contact.campaignId);
    auto recent = history.callsToNumberSince(contact.phone, atUtc.addDays(-cap.days));
    for (const Error *error : {campaign ? nullptr : &campaign.error(), last ? nullptr : &last.error(),
                               suppressed ? nullptr : &suppressed.error(), recent ? nullptr : &recent.error()}) {
        if (error) {
            return *error;
        }
    }
    facts.campaign = campaign.value();
    facts.dial.lastAttempt = last.value();
    facts.dial.suppression = suppressed.value();
    facts.dial.recentCalls = recent.value();
    facts.quotas = QuotaCells(facts.campaign.quotas);
    if (!facts.quotas.isEmpty()) {
        storage::SqlContactQueue queue(database);
        if (auto refreshed = facts.quotas.refresh(queue, facts.campaign.id); !refreshed) {
            return refreshed.error();
        }
    }
    return facts;
}

// The last attempt's error, for "number is invalid (...)".
QString lastErrorText(const std::optional<storage::LastAttempt> &last)
{
    if (!last) {
        return {};
    }
    if (!last->errorMessage.isEmpty()) {
        return last->errorMessage;
    }
    return last->errorCode ? QStringLiteral("error %1").arg(*last->errorCode) : QString();
}

// One rule holding a contact back: the English for the CLI and the same for people in their language.
struct Reason
{
    Hold hold = Hold::Completed;
    QString english;
    Text text = {};
};

// Why the contact's own status keeps it out of the queue, if it does.
std::optional<Reason> statusReason(const storage::ContactDialFacts &f)
{
    const QString &status = f.contact.status;
    if (status == QLatin1String("completed")) {
        return Reason{Hold::Completed, QStringLiteral("interview completed"),
                      Text{QT_TRANSLATE_NOOP("vsc", "interview completed")}};
    }
    if (status == QLatin1String("opted_out")) {
        return Reason{Hold::OptedOut, QStringLiteral("opted out during a call"),
                      Text{QT_TRANSLATE_NOOP("vsc", "opted out during a call")}};
    }
    if (status == QLatin1String("invalid")) {
        const QString error = lastErrorText(f.lastAttempt);
        return error.isEmpty() ? Reason{Hold::InvalidNumber, QStringLiteral("number is invalid"),
                                        Text{QT_TRANSLATE_NOOP("vsc", "the number is invalid")}}
                               : Reason{Hold::InvalidNumber, QStringLiteral("number is invalid (%1)").arg(error),
                                        Text{QT_TRANSLATE_NOOP("vsc", "the number is invalid (%1)"), {error}}};
    }
    if (status == QLatin1String("failed")) {
        return Reason{
            Hold::GaveUp, QStringLiteral("gave up after %1 attempt(s)").arg(f.contact.attempts),
            Text{QT_TRANSLATE_NOOP("vsc", "given up: every attempt used (%1)"), {QString::number(f.contact.attempts)}}};
    }
    if (status == QLatin1String("in_progress")) {
        return Reason{Hold::InProgress, QStringLiteral("a call to this contact is in progress"),
                      Text{QT_TRANSLATE_NOOP("vsc", "a call to this contact is in progress")}};
    }
    if (status == QLatin1String("suppressed")) {
        return Reason{Hold::SuppressedAtImport, QStringLiteral("suppressed at import"),
                      Text{QT_TRANSLATE_NOOP("vsc", "on the do-not-call list when it was imported")}};
    }
    return std::nullopt;
}

std::optional<Reason> suppressionReason(const std::optional<storage::SuppressionEntry> &entry)
{
    if (!entry) {
        return std::nullopt;
    }
    QString detail = suppressionSourceText(entry->source);
    if (!entry->reason.isEmpty() && entry->source != QLatin1String("in_call_opt_out")) {
        detail += QStringLiteral(": ") + entry->reason;
    }
    const QString since = entry->createdAt.date().toString(Qt::ISODate);
    Reason reason{Hold::Suppressed,
                  QStringLiteral("suppressed %1 (%2)%3")
                      .arg(since, detail, entry->campaignOnly ? QStringLiteral(" for this campaign") : QString()),
                  {}};
    if (entry->source == QLatin1String("in_call_opt_out")) {
        reason.text = Text{QT_TRANSLATE_NOOP("vsc", "asked during a call on %1 not to be called again"), {since}};
    } else if (entry->reason.isEmpty()) {
        reason.text = entry->campaignOnly
                          ? Text{QT_TRANSLATE_NOOP("vsc", "on this campaign's do-not-call list since %1"), {since}}
                          : Text{QT_TRANSLATE_NOOP("vsc", "on the do-not-call list since %1"), {since}};
    } else {
        // The reason is the words of whoever added the number.
        reason.text =
            entry->campaignOnly
                ? Text{QT_TRANSLATE_NOOP("vsc", "on this campaign's do-not-call list since %1 (%2)"),
                       {since, entry->reason}}
                : Text{QT_TRANSLATE_NOOP("vsc", "on the do-not-call list since %1 (%2)"), {since, entry->reason}};
    }
    return reason;
}

void keepLatest(QDateTime &chance, const QDateTime &candidate)
{
    if (candidate.isValid() && (!chance.isValid() || candidate > chance)) {
        chance = candidate;
    }
}

// The calling window in a set of zones at one moment: open, or the reason it is closed and when it opens.
WindowVerdictCache::Entry windowEntry(const CallingWindow &window, const QStringList &zones, const QDateTime &atUtc)
{
    WindowVerdictCache::Entry entry;
    entry.decision = DialPolicy::check(window, zones, atUtc);
    const WindowDecision &decision = entry.decision;
    if (decision.open) {
        entry.note = QStringLiteral("window %1 open in %2").arg(windowText(window), zones.join(u','));
        entry.noteText = Text{nullptr, {windowText(window), zones.join(u',')}}; // the verdict's sentence has them
        return entry;
    }
    const QString zone = decision.limitingZone.isEmpty() ? zones.first() : decision.limitingZone;
    const QDateTime local = atUtc.toTimeZone(QTimeZone(zone.toUtf8()));
    QString why = QStringLiteral("outside calling window %1").arg(windowText(window));
    const QString localDate = local.date().toString(Qt::ISODate);
    const bool opens = decision.opensAt.isValid();
    const QString when = opens ? localStamp(decision.opensAt, zone) : zone;
    entry.reasonText =
        opens ? Text{QT_TRANSLATE_NOOP("vsc", "outside the calling window %1 until %2"), {windowText(window), when}}
              : Text{QT_TRANSLATE_NOOP("vsc", "outside the calling window %1 for at least 8 days in %2"),
                     {windowText(window), when}};
    if (window.blockedDates.contains(local.date())) {
        why = QStringLiteral("%1 is a blocked date").arg(localDate);
        entry.hold = Hold::BlockedDay;
        entry.reasonText =
            opens ? Text{QT_TRANSLATE_NOOP("vsc", "its local date %1 is blocked; calls resume %2"), {localDate, when}}
                  : Text{QT_TRANSLATE_NOOP("vsc", "its local date %1 is blocked, and so are the next 8 days in %2"),
                         {localDate, when}};
    } else if (window.blockedWeekdays.contains(local.date().dayOfWeek())) {
        why = QStringLiteral("%1 is a blocked weekday").arg(QLocale::c().dayName(local.date().dayOfWeek()));
        entry.hold = Hold::BlockedDay;
        entry.reasonText =
            opens ? Text{QT_TRANSLATE_NOOP("vsc", "its local date %1 is on a blocked weekday; calls resume %2"),
                         {localDate, when}}
                  : Text{QT_TRANSLATE_NOOP(
                             "vsc", "its local date %1 is on a blocked weekday, and so are the next 8 days in %2"),
                         {localDate, when}};
    }
    entry.zone = zone;
    entry.reason = opens ? QStringLiteral("%1 until %2").arg(why, localText(decision.opensAt, zone))
                         : QStringLiteral("%1 for at least 8 days in %2").arg(why, zone);
    return entry;
}

} // namespace

ContactExplanation explainFacts(const storage::ContactDialFacts &f, const Campaign &c, const QuotaCells &quotas,
                                const QDateTime &atUtc, NumberCap cap, WindowVerdictCache *cache)
{
    const storage::QueuedContact &k = f.contact;
    ContactExplanation e;
    e.contactId = k.contactId;
    e.campaignId = k.campaignId;
    e.phone = k.phone;
    auto hold = [&e](Hold h, const QString &reason, const Text &text) {
        e.holds << h;
        e.reasons << reason;
        e.reasonTexts << text;
    };
    if (const auto status = statusReason(f)) {
        hold(status->hold, status->english, status->text);
    }
    if (const auto suppressed = suppressionReason(f.suppression)) {
        hold(suppressed->hold, suppressed->english, suppressed->text);
    }
    if (k.attempts >= c.maxAttempts) {
        hold(Hold::AttemptCap, QStringLiteral("%1 of %2 attempts used").arg(k.attempts).arg(c.maxAttempts),
             Text{QT_TRANSLATE_NOOP("vsc", "%1 of %2 attempts used"),
                  {QString::number(k.attempts), QString::number(c.maxAttempts)}});
    }
    // Per number, across campaigns: the cap frees up when the cap-th most recent call leaves the period.
    QDateTime capFreesAt;
    if (f.recentCalls.size() >= cap.calls && cap.calls > 0) {
        capFreesAt = f.recentCalls.at(cap.calls - 1).addDays(cap.days);
        hold(Hold::NumberCap,
             QStringLiteral("%1 calls to this number in %2 days (allowed again %3)")
                 .arg(f.recentCalls.size())
                 .arg(cap.days)
                 .arg(localText(capFreesAt, QStringLiteral("UTC"))),
             Text{QT_TRANSLATE_NOOP("vsc", "%1 calls to this number in %2 days; allowed again %3"),
                  {QString::number(f.recentCalls.size()), QString::number(cap.days),
                   localStamp(capFreesAt, QStringLiteral("UTC"))}});
    }

    if (cache && !k.timeZone.isEmpty()) {
        // Only a zone that is known stands for itself; an unknown one falls back to the number's zones.
        if (const auto known = cache->zonesByZone.constFind(k.timeZone); known != cache->zonesByZone.cend()) {
            e.zones = *known;
        } else {
            e.zones = DialPolicy::zonesFor(k.timeZone, e.phone);
            if (e.zones == QStringList{k.timeZone}) {
                cache->zonesByZone.insert(k.timeZone, e.zones);
            }
        }
    } else {
        e.zones = DialPolicy::zonesFor(k.timeZone, e.phone);
    }
    const QString displayZone = e.zones.isEmpty() ? QStringLiteral("UTC") : e.zones.first();
    WindowVerdictCache::Entry window;
    if (!e.zones.isEmpty()) {
        const QString key = e.zones.join(u',');
        if (cache) {
            auto it = cache->entries.constFind(key);
            if (it == cache->entries.cend()) {
                if (!cache->window) {
                    cache->window = callingWindowOf(c);
                }
                it = cache->entries.insert(key, windowEntry(*cache->window, e.zones, atUtc));
            }
            window = *it;
        } else {
            window = windowEntry(callingWindowOf(c), e.zones, atUtc);
        }
    }
    const WindowDecision &decision = window.decision;
    if (k.status == QLatin1String("pending") && k.nextAttemptAt.isValid() && k.nextAttemptAt > atUtc) {
        // The dialer also parks contacts until their window opens; then the window itself is the reason.
        const QString lastStatus = f.lastAttempt ? f.lastAttempt->status : QString();
        if (!lastStatus.isEmpty() && lastStatus != QLatin1String("claimed")) {
            hold(Hold::RetryDelay,
                 QStringLiteral("retry after %1 due %2").arg(lastStatus, localText(k.nextAttemptAt, displayZone)),
                 retryText(lastStatus, localStamp(k.nextAttemptAt, displayZone)));
        } else if (decision.open) {
            hold(Hold::Waiting, QStringLiteral("waiting until %1").arg(localText(k.nextAttemptAt, displayZone)),
                 Text{QT_TRANSLATE_NOOP("vsc", "waiting until %1"), {localStamp(k.nextAttemptAt, displayZone)}});
        }
        e.nextChance = k.nextAttemptAt;
    }
    if (const QString full = quotas.fullCellFor(k.customFields);
        !full.isEmpty() && k.status != QLatin1String("completed")) {
        hold(Hold::QuotaFull, QStringLiteral("quota full: %1").arg(full),
             Text{QT_TRANSLATE_NOOP("vsc", "its quota is full: %1"), {full}});
    }
    QString windowNote;
    if (e.zones.isEmpty()) {
        hold(Hold::NoTimeZone,
             QStringLiteral("no time zone known for %1; it is not called rather than guessed").arg(e.phone),
             Text{QT_TRANSLATE_NOOP("vsc", "no time zone is known for %1; it is not called rather than guessed"),
                  {e.phone}});
    } else if (decision.open) {
        windowNote = window.note;
    } else {
        hold(window.hold, window.reason, window.reasonText);
        e.windowZone = window.zone;
        e.windowOpensAt = decision.opensAt;
        keepLatest(e.nextChance, decision.opensAt);
    }
    keepLatest(e.nextChance, capFreesAt);
    if (c.status != CampaignStatus::Running) {
        hold(Hold::CampaignNotRunning, QStringLiteral("campaign is %1").arg(campaignStatusKey(c.status)),
             notRunningText(c.status));
    }
    e.dialableNow = e.reasons.isEmpty();
    if (e.dialableNow) {
        e.verdictText =
            Text{QT_TRANSLATE_NOOP("vsc", "the window %1 is open in %2; the next call is attempt %3 of %4"),
                 window.noteText.args + QStringList{QString::number(k.attempts + 1), QString::number(c.maxAttempts)}};
    }
    e.verdict = e.dialableNow ? QStringLiteral("dialable now: %1, attempt %2 of %3")
                                    .arg(windowNote)
                                    .arg(k.attempts + 1)
                                    .arg(c.maxAttempts)
                              : QStringLiteral("not dialed now: %1").arg(e.reasons.first());
    return e;
}

Result<ContactExplanation> explainContact(storage::Database &database, qint64 contactId, const QDateTime &atUtc,
                                          NumberCap cap)
{
    auto read = readFacts(database, contactId, atUtc, cap);
    if (!read) {
        return read.error();
    }
    const ExplainFacts &f = read.value();
    return explainFacts(f.dial, f.campaign, f.quotas, atUtc, cap);
}

Result<ContactExplanation> explainContact(storage::Database &database, const Actor &actor, qint64 contactId,
                                          const QDateTime &atUtc, NumberCap cap)
{
    if (auto allowed = auth::Authorizer(database).require(
            actor, Permission::ContactsView, QStringLiteral("explain a contact"), QStringLiteral("contact"), contactId);
        !allowed) {
        return allowed.error();
    }
    auto explained = explainContact(database, contactId, atUtc, cap);
    if (!explained || actor.has(Permission::PiiView)) {
        return explained;
    }
    ContactExplanation masked = explained.value();
    const QString number = masked.phone;
    masked.phone = maskPhoneNumber(number);
    if (!number.isEmpty()) {
        masked.verdict.replace(number, masked.phone);
        for (QString &reason : masked.reasons) {
            reason.replace(number, masked.phone);
        }
        for (Text &text : masked.reasonTexts) {
            for (QString &arg : text.args) {
                arg.replace(number, masked.phone);
            }
        }
    }
    return masked;
}

} // namespace vsc::services::dialer
