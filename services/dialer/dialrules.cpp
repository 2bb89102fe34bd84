// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/dialer/dialrules.h"

#include "models/contact.h"
#include "services/auth/authorizer.h"

#include "services/storage/campaignrepository.h"
#include "services/storage/dialhistory.h"

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

// Why the contact's own status keeps it out of the queue, if it does.
std::optional<std::pair<Hold, QString>> statusReason(const storage::ContactDialFacts &f)
{
    const QString &status = f.contact.status;
    if (status == QLatin1String("completed")) {
        return std::pair{Hold::Completed, QStringLiteral("interview completed")};
    }
    if (status == QLatin1String("opted_out")) {
        return std::pair{Hold::OptedOut, QStringLiteral("opted out during a call")};
    }
    if (status == QLatin1String("invalid")) {
        const QString error = lastErrorText(f.lastAttempt);
        return std::pair{Hold::InvalidNumber, error.isEmpty() ? QStringLiteral("number is invalid")
                                                              : QStringLiteral("number is invalid (%1)").arg(error)};
    }
    if (status == QLatin1String("failed")) {
        return std::pair{Hold::GaveUp, QStringLiteral("gave up after %1 attempt(s)").arg(f.contact.attempts)};
    }
    if (status == QLatin1String("in_progress")) {
        return std::pair{Hold::InProgress, QStringLiteral("a call to this contact is in progress")};
    }
    if (status == QLatin1String("suppressed")) {
        return std::pair{Hold::SuppressedAtImport, QStringLiteral("suppressed at import")};
    }
    return std::nullopt;
}

QString suppressionReason(const std::optional<storage::SuppressionEntry> &entry)
{
    if (!entry) {
        return {};
    }
    QString detail = suppressionSourceText(entry->source);
    if (!entry->reason.isEmpty() && entry->source != QLatin1String("in_call_opt_out")) {
        detail += QStringLiteral(": ") + entry->reason;
    }
    return QStringLiteral("suppressed %1 (%2)%3")
        .arg(entry->createdAt.date().toString(Qt::ISODate), detail,
             entry->campaignOnly ? QStringLiteral(" for this campaign") : QString());
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
        return entry;
    }
    const QString zone = decision.limitingZone.isEmpty() ? zones.first() : decision.limitingZone;
    const QDateTime local = atUtc.toTimeZone(QTimeZone(zone.toUtf8()));
    QString why = QStringLiteral("outside calling window %1").arg(windowText(window));
    if (window.blockedDates.contains(local.date())) {
        why = QStringLiteral("%1 is a blocked date").arg(local.date().toString(Qt::ISODate));
        entry.hold = Hold::BlockedDay;
    } else if (window.blockedWeekdays.contains(local.date().dayOfWeek())) {
        why = QStringLiteral("%1 is a blocked weekday").arg(QLocale::c().dayName(local.date().dayOfWeek()));
        entry.hold = Hold::BlockedDay;
    }
    entry.zone = zone;
    entry.reason = decision.opensAt.isValid()
                       ? QStringLiteral("%1 until %2").arg(why, localText(decision.opensAt, zone))
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
    auto hold = [&e](Hold h, const QString &reason) {
        e.holds << h;
        e.reasons << reason;
    };
    if (const auto status = statusReason(f)) {
        hold(status->first, status->second);
    }
    if (const QString suppressed = suppressionReason(f.suppression); !suppressed.isEmpty()) {
        hold(Hold::Suppressed, suppressed);
    }
    if (k.attempts >= c.maxAttempts) {
        hold(Hold::AttemptCap, QStringLiteral("%1 of %2 attempts used").arg(k.attempts).arg(c.maxAttempts));
    }
    // Per number, across campaigns: the cap frees up when the cap-th most recent call leaves the period.
    QDateTime capFreesAt;
    if (f.recentCalls.size() >= cap.calls && cap.calls > 0) {
        capFreesAt = f.recentCalls.at(cap.calls - 1).addDays(cap.days);
        hold(Hold::NumberCap, QStringLiteral("%1 calls to this number in %2 days (allowed again %3)")
                                  .arg(f.recentCalls.size())
                                  .arg(cap.days)
                                  .arg(localText(capFreesAt, QStringLiteral("UTC"))));
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
                 QStringLiteral("retry after %1 due %2").arg(lastStatus, localText(k.nextAttemptAt, displayZone)));
        } else if (decision.open) {
            hold(Hold::Waiting, QStringLiteral("waiting until %1").arg(localText(k.nextAttemptAt, displayZone)));
        }
        e.nextChance = k.nextAttemptAt;
    }
    if (const QString full = quotas.fullCellFor(k.customFields);
        !full.isEmpty() && k.status != QLatin1String("completed")) {
        hold(Hold::QuotaFull, QStringLiteral("quota full: %1").arg(full));
    }
    QString windowNote;
    if (e.zones.isEmpty()) {
        hold(Hold::NoTimeZone,
             QStringLiteral("no time zone known for %1; it is not called rather than guessed").arg(e.phone));
    } else if (decision.open) {
        windowNote = window.note;
    } else {
        hold(window.hold, window.reason);
        e.windowZone = window.zone;
        e.windowOpensAt = decision.opensAt;
        keepLatest(e.nextChance, decision.opensAt);
    }
    keepLatest(e.nextChance, capFreesAt);
    if (c.status != CampaignStatus::Running) {
        hold(Hold::CampaignNotRunning, QStringLiteral("campaign is %1").arg(campaignStatusKey(c.status)));
    }
    e.dialableNow = e.reasons.isEmpty();
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
    }
    return masked;
}

} // namespace vsc::services::dialer
