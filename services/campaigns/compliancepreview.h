// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/dialer/dialrules.h"
#include "services/storage/database.h"

#include <QDateTime>

#include <array>

namespace vsc::services::campaigns {

// Where each contact of a campaign stands at a moment, if the campaign were running: the first rule that holds it
// back by explain's order (dialer::Hold), grouped for people.
enum class PreviewCategory {
    DialableNow,
    OutsideWindow, // outside the calling window in its local time
    BlockedDay,    // a blocked weekday or date in its local calendar
    Suppressed,    // do-not-call list, suppressed at import or opted out during a call
    AtCap,         // attempts used up (or given up after them)
    RetryWait,     // waiting for its retry delay
    QuotaFull,     // its quota cell is full
    Completed,     // interview completed
    NumberCap,     // called too often across campaigns lately
    InProgress,    // a call is in flight
    InvalidNumber, // the carrier said the number is invalid
    NoTimeZone,    // no zone known, never called rather than guessed
};
constexpr int kPreviewCategoryCount = 12;

PreviewCategory previewCategoryOf(const dialer::ContactExplanation &explanation);
QString previewCategoryKey(PreviewCategory category); // "dialable_now", "outside_window", ... (the --json keys)

struct CompliancePreview
{
    qint64 campaignId = 0;
    QDateTime atUtc;
    int total = 0;
    std::array<int, kPreviewCategoryCount> counts{};
    // The earliest moment a contact outside its window / on a blocked day may be called, with the zone it is local
    // to (invalid: none, or not within 8 days).
    QDateTime windowOpensAt;
    QString windowOpensZone;
    QDateTime blockedDayEndsAt;
    QString blockedDayEndsZone;
    qint64 elapsedMs = 0; // reading and judging, for the record

    [[nodiscard]] int count(PreviewCategory category) const { return counts.at(static_cast<int>(category)); }
    // "HH:mm" in the zone it is local to, or empty.
    [[nodiscard]] static QString localTime(const QDateTime &utc, const QString &zone);
    // "1,204 dialable now; 312 outside their window until 08:00 local; 14 suppressed; 3 at the cap" (English, for the
    // CLI and logs; the window words its own text with tr()). Categories with nobody in them are left out.
    [[nodiscard]] QString summary() const;
};

// Computes the preview in one pass: four statements read every contact's facts (storage::DialHistory::
// campaignFacts), then dialer::explainFacts, the rules explain and the dialer use, judges each contact with the
// calling-window verdict worked out once per zone set. Synchronous, calling thread.
Result<CompliancePreview> compliancePreview(storage::Database &database, qint64 campaignId, const QDateTime &atUtc,
                                            dialer::NumberCap cap = {});

} // namespace vsc::services::campaigns
