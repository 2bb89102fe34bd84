// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/campaigns/compliancepreview.h"

#include "services/storage/campaignrepository.h"
#include "services/storage/contactqueue.h"
#include "services/storage/dialhistory.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QTimeZone>

namespace vsc::services::campaigns {

using dialer::Hold;

PreviewCategory previewCategoryOf(const dialer::ContactExplanation &explanation)
{
    for (const Hold hold : explanation.holds) {
        switch (hold) {
        case Hold::Completed:
            return PreviewCategory::Completed;
        case Hold::OptedOut:
        case Hold::SuppressedAtImport:
        case Hold::Suppressed:
            return PreviewCategory::Suppressed;
        case Hold::InvalidNumber:
            return PreviewCategory::InvalidNumber;
        case Hold::GaveUp:
        case Hold::AttemptCap:
            return PreviewCategory::AtCap;
        case Hold::InProgress:
            return PreviewCategory::InProgress;
        case Hold::NumberCap:
            return PreviewCategory::NumberCap;
        case Hold::RetryDelay:
        case Hold::Waiting:
            return PreviewCategory::RetryWait;
        case Hold::QuotaFull:
            return PreviewCategory::QuotaFull;
        case Hold::NoTimeZone:
            return PreviewCategory::NoTimeZone;
        case Hold::OutsideWindow:
            return PreviewCategory::OutsideWindow;
        case Hold::BlockedDay:
            return PreviewCategory::BlockedDay;
        case Hold::CampaignNotRunning:
            break; // the preview asks what starting it would dial
        }
    }
    return PreviewCategory::DialableNow;
}

QString previewCategoryKey(PreviewCategory category)
{
    static const std::array<const char *, kPreviewCategoryCount> keys{
        "dialable_now", "outside_window", "blocked_day", "suppressed",  "at_cap",         "retry_wait",
        "quota_full",   "completed",      "number_cap",  "in_progress", "invalid_number", "no_time_zone"};
    return QLatin1String(keys.at(static_cast<int>(category)));
}

QString CompliancePreview::localTime(const QDateTime &utc, const QString &zone)
{
    if (!utc.isValid()) {
        return {};
    }
    const QTimeZone tz(zone.toUtf8());
    return (tz.isValid() ? utc.toTimeZone(tz) : utc).toString(QStringLiteral("HH:mm"));
}

QString CompliancePreview::summary() const
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    auto n = [&](PreviewCategory c) { return english.toString(count(c)); };
    QStringList parts{QStringLiteral("%1 dialable now").arg(n(PreviewCategory::DialableNow))};
    auto add = [&](PreviewCategory c, const QString &text) {
        if (count(c) > 0) {
            parts << text.arg(n(c));
        }
    };
    add(PreviewCategory::OutsideWindow, windowOpensAt.isValid()
                                            ? QStringLiteral("%1 outside their window until %2 local")
                                                  .arg(QStringLiteral("%1"), localTime(windowOpensAt, windowOpensZone))
                                            : QStringLiteral("%1 outside their window"));
    add(PreviewCategory::BlockedDay,
        blockedDayEndsAt.isValid()
            ? QStringLiteral("%1 on a blocked day until %2 local")
                  .arg(QStringLiteral("%1"),
                       QLocale::c().toString(blockedDayEndsAt.toTimeZone(QTimeZone(blockedDayEndsZone.toUtf8())),
                                             QStringLiteral("ddd HH:mm")))
            : QStringLiteral("%1 on a blocked day"));
    add(PreviewCategory::Suppressed, QStringLiteral("%1 suppressed"));
    add(PreviewCategory::AtCap, QStringLiteral("%1 at the cap"));
    add(PreviewCategory::RetryWait, QStringLiteral("%1 waiting for their retry delay"));
    add(PreviewCategory::QuotaFull, QStringLiteral("%1 in a full quota cell"));
    add(PreviewCategory::Completed, QStringLiteral("%1 completed"));
    add(PreviewCategory::NumberCap, QStringLiteral("%1 called too often lately"));
    add(PreviewCategory::InProgress, QStringLiteral("%1 in a call"));
    add(PreviewCategory::InvalidNumber, QStringLiteral("%1 with an invalid number"));
    add(PreviewCategory::NoTimeZone, QStringLiteral("%1 without a known time zone"));
    return parts.join(QStringLiteral("; "));
}

Result<CompliancePreview> compliancePreview(storage::Database &database, qint64 campaignId, const QDateTime &atUtc,
                                            dialer::NumberCap cap)
{
    QElapsedTimer timer;
    timer.start();
    auto campaign = storage::CampaignRepository(database).byId(campaignId);
    if (!campaign) {
        return campaign.error();
    }
    dialer::QuotaCells quotas(campaign.value().quotas);
    if (!quotas.isEmpty()) {
        storage::SqlContactQueue queue(database);
        if (auto refreshed = quotas.refresh(queue, campaignId); !refreshed) {
            return refreshed.error();
        }
    }
    auto facts = storage::DialHistory(database).campaignFacts(campaignId, atUtc.addDays(-cap.days));
    if (!facts) {
        return facts.error();
    }
    CompliancePreview preview;
    preview.campaignId = campaignId;
    preview.atUtc = atUtc;
    dialer::WindowVerdictCache cache;
    for (const storage::ContactDialFacts &f : std::as_const(facts.value())) {
        const dialer::ContactExplanation e = dialer::explainFacts(f, campaign.value(), quotas, atUtc, cap, &cache);
        const PreviewCategory category = previewCategoryOf(e);
        ++preview.counts.at(static_cast<int>(category));
        ++preview.total;
        auto keepEarliest = [&e](QDateTime &at, QString &zone) {
            if (e.windowOpensAt.isValid() && (!at.isValid() || e.windowOpensAt < at)) {
                at = e.windowOpensAt;
                zone = e.windowZone;
            }
        };
        if (category == PreviewCategory::OutsideWindow) {
            keepEarliest(preview.windowOpensAt, preview.windowOpensZone);
        } else if (category == PreviewCategory::BlockedDay) {
            keepEarliest(preview.blockedDayEndsAt, preview.blockedDayEndsZone);
        }
    }
    preview.elapsedMs = timer.elapsed();
    return preview;
}

} // namespace vsc::services::campaigns
