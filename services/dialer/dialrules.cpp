// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialrules.h"

#include "storage/campaignrepository.h"
#include "storage/sql.h"

#include <QLocale>
#include <QTimeZone>

namespace vsc::services::dialer {
namespace {

using storage::exec;
using storage::toDb;

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

Result<void> QuotaCells::refresh(storage::Database &database, qint64 campaignId)
{
    m_filled.clear();
    if (m_limits.isEmpty()) {
        return {};
    }
    auto rows =
        exec(database.connection(),
             QStringLiteral("SELECT custom_fields FROM contacts WHERE campaign_id = ? AND status = 'completed'"),
             {campaignId});
    if (!rows) {
        return rows.error();
    }
    while (rows.value().next()) {
        const QVariantMap fields = storage::jsonFromDb(rows.value().value(0));
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
    QSqlDatabase db = database.connection();
    auto row = exec(db,
                    QStringLiteral("SELECT campaign_id, phone_e164, status, attempts_count, next_attempt_at, "
                                   "time_zone, custom_fields FROM contacts WHERE id = ?"),
                    {contactId});
    if (!row) {
        return row.error();
    }
    if (!row.value().next()) {
        return Error{ErrorCode::NotFound, QStringLiteral("no contact with id %1").arg(contactId)};
    }
    const QSqlQuery &k = row.value();
    ContactExplanation e;
    e.contactId = contactId;
    e.campaignId = k.value(0).toLongLong();
    e.phone = k.value(1).toString();
    const QString status = k.value(2).toString();
    const int attempts = k.value(3).toInt();
    const QDateTime nextAttemptAt = storage::dateTimeFromDb(k.value(4));
    const QString contactZone = k.value(5).toString();
    const QVariantMap customFields = storage::jsonFromDb(k.value(6));
    auto campaign = storage::CampaignRepository(database).byId(e.campaignId);
    if (!campaign) {
        return campaign.error();
    }
    const Campaign &c = campaign.value();

    // The last attempt says what happened before: its outcome names the retry, its error the invalid number.
    QString lastStatus;
    QString lastError;
    auto last = exec(db,
                     QStringLiteral("SELECT status, error_code, error_message FROM call_attempts WHERE contact_id = ? "
                                    "ORDER BY attempt_number DESC LIMIT 1"),
                     {contactId});
    if (!last) {
        return last.error();
    }
    if (last.value().next()) {
        lastStatus = last.value().value(0).toString();
        if (!last.value().value(2).toString().isEmpty()) {
            lastError = last.value().value(2).toString();
        } else if (!last.value().value(1).isNull()) {
            lastError = QStringLiteral("error %1").arg(last.value().value(1).toInt());
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

    auto suppressed = exec(db,
                           QStringLiteral("SELECT created_at, source, reason, campaign_id FROM suppression_list "
                                          "WHERE phone_e164 = ? AND (campaign_id IS NULL OR campaign_id = ?) "
                                          "ORDER BY created_at LIMIT 1"),
                           {e.phone, e.campaignId});
    if (!suppressed) {
        return suppressed.error();
    }
    if (suppressed.value().next()) {
        const QSqlQuery &s = suppressed.value();
        QString detail = suppressionSourceText(s.value(1).toString());
        if (!s.value(2).toString().isEmpty() && s.value(1).toString() != QLatin1String("in_call_opt_out")) {
            detail += QStringLiteral(": ") + s.value(2).toString();
        }
        e.reasons << QStringLiteral("suppressed %1 (%2)%3")
                         .arg(storage::dateTimeFromDb(s.value(0)).date().toString(Qt::ISODate), detail,
                              s.value(3).isNull() ? QString() : QStringLiteral(" for this campaign"));
    }

    if (attempts >= c.maxAttempts) {
        e.reasons << QStringLiteral("%1 of %2 attempts used").arg(attempts).arg(c.maxAttempts);
    }

    // Per number, across campaigns: the cap frees up when the cap-th most recent call leaves the period.
    auto recent = exec(db,
                       QStringLiteral("SELECT claimed_at FROM call_attempts WHERE phone_e164 = ? AND claimed_at >= ? "
                                      "ORDER BY claimed_at DESC"),
                       {e.phone, toDb(atUtc.addDays(-cap.days))});
    if (!recent) {
        return recent.error();
    }
    QList<QDateTime> recentCalls;
    while (recent.value().next()) {
        recentCalls.append(storage::dateTimeFromDb(recent.value().value(0)));
    }
    QDateTime capFreesAt;
    if (recentCalls.size() >= cap.calls && cap.calls > 0) {
        capFreesAt = recentCalls.at(cap.calls - 1).addDays(cap.days);
        e.reasons << QStringLiteral("%1 calls to this number in %2 days (allowed again %3)")
                         .arg(recentCalls.size())
                         .arg(cap.days)
                         .arg(localText(capFreesAt, QStringLiteral("UTC")));
    }

    e.zones = DialPolicy::zonesFor(contactZone, e.phone);
    const QString displayZone = e.zones.isEmpty() ? QStringLiteral("UTC") : e.zones.first();
    const CallingWindow window = callingWindowOf(c);
    const WindowDecision decision = e.zones.isEmpty() ? WindowDecision{} : DialPolicy::check(window, e.zones, atUtc);
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
        if (auto refreshed = quotas.refresh(database, e.campaignId); !refreshed) {
            return refreshed.error();
        }
        if (const QString full = quotas.fullCellFor(customFields);
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
