// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QSet>
#include <QStringList>
#include <QTime>

namespace vsc::services::dialer {

// When a campaign may call, in the contact's local time (08:00-21:00 unless the campaign narrows it).
struct CallingWindow
{
    QTime start{8, 0};
    QTime end{21, 0};          // exclusive; 00:00 = the end of the day
    QSet<int> blockedWeekdays; // ISO: 1 = Monday ... 7 = Sunday
    QSet<QDate> blockedDates;  // in the contact's local calendar

    // "6,7" and "2026-12-24,2026-12-25" as stored on campaigns.
    static CallingWindow fromCampaign(const QTime &start, const QTime &end, const QString &weekdays,
                                      const QString &dates);
};

struct WindowDecision
{
    bool open = false;
    QDateTime opensAt;    // UTC; when closed, the earliest moment it is open in every zone (invalid: not within 8 days)
    QString limitingZone; // the zone that keeps it closed now (or that opens last)
};

// Pure calling-window rules; every function is deterministic for its inputs (tests pass the clock in).
class DialPolicy final
{
public:
    // The zones a call must respect: the contact's own IANA zone when it has one, else the zones libphonenumber maps
    // the number's longest known prefix to (area code: +1 312 -> America/Chicago), else every zone of the number's
    // country (Qt's tz database); with several, the strictest one decides.
    static QStringList zonesFor(const QString &contactZone, const QString &e164);
    // Whether `nowUtc` is inside the window in every zone, and if not, when it next is. DST-correct: each zone's
    // local time comes from the tz database.
    static WindowDecision check(const CallingWindow &window, const QStringList &zones, const QDateTime &nowUtc);
};

} // namespace vsc::services::dialer
