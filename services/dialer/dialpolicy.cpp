// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/dialer/dialpolicy.h"

#include <QFile>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QTimeZone>

#include <phonenumbers/phonenumberutil.h>

#include <algorithm>

namespace vsc::services::dialer {
namespace {

bool insideIn(const CallingWindow &window, const QTimeZone &zone, const QDateTime &utc)
{
    const QDateTime local = utc.toTimeZone(zone);
    if (window.blockedWeekdays.contains(local.date().dayOfWeek()) || window.blockedDates.contains(local.date())) {
        return false;
    }
    const QTime t = local.time();
    return t >= window.start && (t < window.end || window.end == QTime(0, 0));
}

QLocale::Territory territoryOf(const QString &regionCode)
{
    return QLocale::codeToTerritory(regionCode);
}

// libphonenumber's map from number prefixes (country code + leading digits, up to 8) to IANA zones: "1312" ->
// America/Chicago, "1907" -> America/Adak and America/Anchorage. Built in at compile time (scripts/phone-timezones.py).
const QHash<QString, QStringList> &prefixZones()
{
    static const QHash<QString, QStringList> map = [] {
        QHash<QString, QStringList> zones;
        QFile file(QStringLiteral(":/data/phone-timezones.tsv"));
        if (file.open(QIODevice::ReadOnly)) {
            while (!file.atEnd()) {
                const QList<QByteArray> fields = file.readLine().trimmed().split('\t');
                if (fields.size() == 2) {
                    QStringList ids;
                    for (const QByteArray &id : fields.at(1).split(',')) {
                        if (QTimeZone::isTimeZoneIdAvailable(id)) {
                            ids << QString::fromLatin1(id);
                        }
                    }
                    if (!ids.isEmpty()) {
                        zones.insert(QString::fromLatin1(fields.at(0)), ids);
                    }
                }
            }
        }
        return zones;
    }();
    return map;
}

constexpr int kLongestPrefix = 8;

} // namespace

CallingWindow CallingWindow::fromCampaign(const QTime &start, const QTime &end, const QString &weekdays,
                                          const QString &dates)
{
    CallingWindow window;
    window.start = start.isValid() ? start : QTime(8, 0);
    window.end = end.isValid() ? end : QTime(21, 0);
    for (const QString &day : weekdays.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int d = day.trimmed().toInt(&ok);
        if (ok && d >= 1 && d <= 7) {
            window.blockedWeekdays.insert(d);
        }
    }
    for (const QString &date : dates.split(u',', Qt::SkipEmptyParts)) {
        const QDate d = QDate::fromString(date.trimmed(), Qt::ISODate);
        if (d.isValid()) {
            window.blockedDates.insert(d);
        }
    }
    return window;
}

QStringList DialPolicy::zonesFor(const QString &contactZone, const QString &e164)
{
    if (!contactZone.isEmpty() && QTimeZone::isTimeZoneIdAvailable(contactZone.toUtf8())) {
        return {contactZone};
    }
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util.Parse(e164.toStdString(), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
        return {};
    }
    // The longest known prefix of the number decides (area codes within a country).
    std::string digits;
    util.Format(number, PhoneNumberUtil::E164, &digits);
    const QString prefixable = QString::fromStdString(digits).mid(1);
    for (qsizetype length = qMin<qsizetype>(kLongestPrefix, prefixable.size()); length > 0; --length) {
        if (const auto it = prefixZones().constFind(prefixable.left(length)); it != prefixZones().cend()) {
            QStringList zones = *it;
            zones.sort();
            return zones;
        }
    }
    // Not in the map: every zone of the number's country.
    std::string region;
    util.GetRegionCodeForNumber(number, &region);
    if (region.empty() || region == "ZZ") {
        return {};
    }
    static QMutex mutex;
    static QHash<QString, QStringList> cache;
    const QString code = QString::fromStdString(region);
    QMutexLocker lock(&mutex);
    if (const auto it = cache.constFind(code); it != cache.cend()) {
        return *it;
    }
    QStringList zones;
    const QLocale::Territory territory = territoryOf(code);
    if (territory != QLocale::AnyTerritory) {
        for (const QByteArray &id : QTimeZone::availableTimeZoneIds(territory)) {
            zones << QString::fromUtf8(id);
        }
    }
    zones.sort();
    cache.insert(code, zones);
    return zones;
}

WindowDecision DialPolicy::check(const CallingWindow &window, const QStringList &zones, const QDateTime &nowUtc)
{
    QList<QTimeZone> tz;
    for (const QString &id : zones) {
        const QTimeZone zone(id.toUtf8());
        if (zone.isValid()) {
            tz.append(zone);
        }
    }
    WindowDecision decision;
    if (tz.isEmpty() || (window.start >= window.end && window.end != QTime(0, 0))) {
        return decision; // unknown zone or an empty window: never call rather than guess
    }
    auto closedIn = [&](const QDateTime &at) -> QString {
        for (const QTimeZone &zone : std::as_const(tz)) {
            if (!insideIn(window, zone, at)) {
                return QString::fromUtf8(zone.id());
            }
        }
        return {};
    };
    const QString limiting = closedIn(nowUtc);
    if (limiting.isEmpty()) {
        decision.open = true;
        return decision;
    }
    decision.limitingZone = limiting;
    // The window can only open at some zone's local start of window or local midnight (a blocked day ending).
    QList<QDateTime> candidates;
    for (const QTimeZone &zone : std::as_const(tz)) {
        const QDate today = nowUtc.toTimeZone(zone).date();
        for (int d = 0; d <= 8; ++d) {
            for (const QTime &t : {window.start, QTime(0, 0)}) {
                const QDateTime local(today.addDays(d), t, zone);
                if (local.isValid() && local.toUTC() > nowUtc) {
                    candidates.append(local.toUTC());
                }
            }
        }
    }
    std::sort(candidates.begin(), candidates.end());
    for (const QDateTime &candidate : std::as_const(candidates)) {
        if (closedIn(candidate).isEmpty()) {
            decision.opensAt = candidate;
            return decision;
        }
    }
    return decision;
}

} // namespace vsc::services::dialer
