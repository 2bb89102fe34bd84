// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/dialer/dialrules.h"

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

Result<ContactExplanation> explainContact(storage::Database &database, qint64 contactId, const QDateTime &atUtc,
                                          NumberCap cap)
{
    storage::DialHistory history(database);
    auto queued = history.contact(contactId);
    if (!queued) {
        return queued.error();
    }
    if (!queued.value()) {
        return Error{ErrorCode::NotFound, QStringLiteral("no contact with id %1").arg(contactId)};
    }
    const storage::QueuedContact &k = *queued.value();
    ContactExplanation e;
    e.contactId = contactId;
    e.campaignId = k.campaignId;
    e.phone = k.phone;
    const QString &status = k.status;
    const int attempts = k.attempts;
    auto campaign = storage::CampaignRepository(database).byId(e.campaignId);
    if (!campaign) {
        return campaign.error();
    }
    const Campaign &c = campaign.value();

    // The last attempt says what happened before: its outcome names the retry, its error the invalid number.
    QString lastStatus;
    QString lastError;
    auto last = history.lastAttempt(contactId);
    if (!last) {
        return last.error();
    }
    if (last.value()) {
        lastStatus = last.value()->status;
        if (!last.value()->errorMessage.isEmpty()) {
            lastError = last.value()->errorMessage;
        } else if (last.value()->errorCode) {
            lastError = QStringLiteral("error %1").arg(*last.value()->errorCode);
        }
    }

    if (status == QLatin1String("completed")) {
        e.reasons << QStringLiteral("interview completed");
    } else if (status == QLatin1String("opted_out")) {
        e.reasons << QStringLiteral("opted out during a call");
    } else if (status == QLatin1String("invalid")) {
        e.reasons << (lastError.isEmpty() ? QStringLiteral("number is invalid")
                                          : QStringLiteral("number is invalid (%1)").arg(lastError));
    } else if (status == QLatin1String("failed")) {
        e.reasons << QStringLiteral("gave up after %1 attempt(s)").arg(attempts);
    } else if (status == QLatin1String("in_progress")) {
        e.reasons << QStringLiteral("a call to this contact is in progress");
    } else if (status == QLatin1String("suppressed")) {
        e.reasons << QStringLiteral("suppressed at import");
    }

    auto suppressed = history.suppression(e.phone, e.campaignId);
    if (!suppressed) {
        return suppressed.error();
    }
    if (const auto &entry = suppressed.value()) {
        QString detail = suppressionSourceText(entry->source);
        if (!entry->reason.isEmpty() && entry->source != QLatin1String("in_call_opt_out")) {
            detail += QStringLiteral(": ") + entry->reason;
        }
        e.reasons << QStringLiteral("suppressed %1 (%2)%3")
                         .arg(entry->createdAt.date().toString(Qt::ISODate), detail,
                              entry->campaignOnly ? QStringLiteral(" for this campaign") : QString());
    }

    if (attempts >= c.maxAttempts) {
        e.reasons << QStringLiteral("%1 of %2 attempts used").arg(attempts).arg(c.maxAttempts);
    }

    // Per number, across campaigns: the cap frees up when the cap-th most recent call leaves the period.
    auto recent = history.callsToNumberSince(e.phone, atUtc.addDays(-cap.days));
    if (!recent) {
        return recent.error();
    }
    const QList<QDateTime> &recentCalls = recent.value();
    QDateTime capFreesAt;
    if (recentCalls.size() >= cap.calls && cap.calls > 0) {
        capFreesAt = recentCalls.at(cap.calls - 1).addDays(cap.days);
        e.reasons << QStringLiteral("%1 calls to this number in %2 days (allowed again %3)")
                         .arg(recentCalls.size())
                         .arg(cap.days)
                         .arg(localText(capFreesAt, QStringLiteral("UTC")));
    }

    e.zones = DialPolicy::zonesFor(k.timeZone, e.phone);
    const QString displayZone = e.zones.isEmpty() ? QStringLiteral("UTC") : e.zones.first();
    const CallingWindow window = callingWindowOf(c);
    const WindowDecision decision = e.zones.isEmpty() ? WindowDecision{} : DialPolicy::check(window, e.zones, atUtc);
    const QDateTime &nextAttemptAt = k.nextAttemptAt;
    if (status == QLatin1String("pending") && nextAttemptAt.isValid() && nextAttemptAt > atUtc) {
        // The dialer also parks contacts until their window opens; then the window itself is the reason.
        const bool retry = !lastStatus.isEmpty() && lastStatus != QLatin1String("claimed");
        if (retry) {
            e.reasons << QStringLiteral("retry after %1 due %2").arg(lastStatus, localText(nextAttemptAt, displayZone));
        } else if (decision.open) {
            e.reasons << QStringLiteral("waiting until %1").arg(localText(nextAttemptAt, displayZone));
        }
        e.nextChance = nextAttemptAt;
    }

    QuotaCells quotas(c.quotas);
    if (!quotas.isEmpty()) {
        storage::SqlContactQueue queue(database);
        if (auto refreshed = quotas.refresh(queue, e.campaignId); !refreshed) {
            return refreshed.error();
        }
        if (const QString full = quotas.fullCellFor(k.customFields);
            !full.isEmpty() && status != QLatin1String("completed")) {
            e.reasons << QStringLiteral("quota full: %1").arg(full);
        }
    }

    QString windowNote;
    if (e.zones.isEmpty()) {
        e.reasons << QStringLiteral("no time zone known for %1; it is not called rather than guessed").arg(e.phone);
    } else {
        if (!decision.open) {
            const QString zone = decision.limitingZone.isEmpty() ? displayZone : decision.limitingZone;
            const QDateTime local = atUtc.toTimeZone(QTimeZone(zone.toUtf8()));
            QString why = QStringLiteral("outside calling window %1").arg(windowText(window));
            if (window.blockedDates.contains(local.date())) {
                why = QStringLiteral("%1 is a blocked date").arg(local.date().toString(Qt::ISODate));
            } else if (window.blockedWeekdays.contains(local.date().dayOfWeek())) {
                why = QStringLiteral("%1 is a blocked weekday").arg(QLocale::c().dayName(local.date().dayOfWeek()));
            }
            e.reasons << (decision.opensAt.isValid()
                              ? QStringLiteral("%1 until %2").arg(why, localText(decision.opensAt, zone))
                              : QStringLiteral("%1 for at least 8 days in %2").arg(why, zone));
            if (decision.opensAt.isValid() && (!e.nextChance.isValid() || decision.opensAt > e.nextChance)) {
                e.nextChance = decision.opensAt;
            }
        } else {
            windowNote = QStringLiteral("window %1 open in %2").arg(windowText(window), e.zones.join(u','));
        }
    }
    if (capFreesAt.isValid() && (!e.nextChance.isValid() || capFreesAt > e.nextChance)) {
        e.nextChance = capFreesAt;
    }

    if (c.status != CampaignStatus::Running) {
        e.reasons << QStringLiteral("campaign is %1").arg(campaignStatusKey(c.status));
    }
    e.dialableNow = e.reasons.isEmpty();
    e.verdict =
        e.dialableNow
            ? QStringLiteral("dialable now: %1, attempt %2 of %3").arg(windowNote).arg(attempts + 1).arg(c.maxAttempts)
            : QStringLiteral("not dialed now: %1").arg(e.reasons.first());
    return e;
}

} // namespace vsc::services::dialer
