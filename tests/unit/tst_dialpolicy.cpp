// SPDX-License-Identifier: GPL-3.0-or-later
// Calling windows in the contact's local time, with a fake clock (the instant is passed in).
#include "services/dialer/dialpolicy.h"

#include <QTest>

using namespace vsc::services::dialer;

namespace {
QDateTime utc(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC);
}
} // namespace

class TestDialPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesCampaignSettings();
    void contactZoneWins();
    void zonesFromTheNumber();
    void openAndClosedInOneZone();
    void acrossDaylightSavingChanges();
    void severalZonesUseTheStrictest();
    void blockedWeekdaysAndDates();
    void unknownZoneNeverCalls();
};

void TestDialPolicy::parsesCampaignSettings()
{
    const CallingWindow w = CallingWindow::fromCampaign(QTime(9, 30), QTime(19, 0), QStringLiteral("6, 7,9,x"),
                                                        QStringLiteral("2026-12-24,bad,2026-12-25"));
    QCOMPARE(w.start, QTime(9, 30));
    QCOMPARE(w.end, QTime(19, 0));
    QCOMPARE(w.blockedWeekdays, QSet<int>({6, 7}));
    QCOMPARE(w.blockedDates, QSet<QDate>({QDate(2026, 12, 24), QDate(2026, 12, 25)}));
    const CallingWindow defaults = CallingWindow::fromCampaign({}, {}, {}, {});
    QCOMPARE(defaults.start, QTime(8, 0));
    QCOMPARE(defaults.end, QTime(21, 0));
}

void TestDialPolicy::contactZoneWins()
{
    QCOMPARE(DialPolicy::zonesFor(QStringLiteral("America/Chicago"), QStringLiteral("+12125550100")),
             QStringList{QStringLiteral("America/Chicago")});
    // An unknown zone falls back to the number.
    QVERIFY(DialPolicy::zonesFor(QStringLiteral("Mars/Base"), QStringLiteral("+493023125000"))
                .contains(QStringLiteral("Europe/Berlin")));
}

void TestDialPolicy::zonesFromTheNumber()
{
    const QStringList germany = DialPolicy::zonesFor({}, QStringLiteral("+493023125000"));
    QVERIFY(germany.contains(QStringLiteral("Europe/Berlin")));
    // libphonenumber's prefix map: the area code decides within a country.
    QCOMPARE(DialPolicy::zonesFor({}, QStringLiteral("+14155550100")),
             QStringList{QStringLiteral("America/Los_Angeles")});
    QCOMPARE(DialPolicy::zonesFor({}, QStringLiteral("+13125550101")), QStringList{QStringLiteral("America/Chicago")});
    QCOMPARE(DialPolicy::zonesFor({}, QStringLiteral("+19075550100")),
             QStringList({QStringLiteral("America/Adak"), QStringLiteral("America/Anchorage")}));
    // A toll-free number has no area: every zone of the North American plan.
    const QStringList tollFree = DialPolicy::zonesFor({}, QStringLiteral("+18005550100"));
    QVERIFY(tollFree.contains(QStringLiteral("America/New_York")));
    QVERIFY(tollFree.contains(QStringLiteral("America/Los_Angeles")));
    QVERIFY(tollFree.contains(QStringLiteral("Pacific/Honolulu")));
    QVERIFY(DialPolicy::zonesFor({}, QStringLiteral("not a number")).isEmpty());
}

void TestDialPolicy::openAndClosedInOneZone()
{
    const QStringList chicago{QStringLiteral("America/Chicago")};
    const CallingWindow w;
    // 2026-11-23 is a Monday; Chicago is UTC-6 in November.
    QVERIFY(DialPolicy::check(w, chicago, utc(2026, 11, 23, 14)).open);              // 08:00 local
    QVERIFY(!DialPolicy::check(w, chicago, utc(2026, 11, 23, 13, 59)).open);         // 07:59
    QVERIFY(DialPolicy::check(w, chicago, utc(2026, 11, 24, 2, 59)).open);           // 20:59
    const WindowDecision late = DialPolicy::check(w, chicago, utc(2026, 11, 24, 3)); // 21:00: closed
    QVERIFY(!late.open);
    QCOMPARE(late.limitingZone, QStringLiteral("America/Chicago"));
    QCOMPARE(late.opensAt, utc(2026, 11, 24, 14)); // 08:00 the next morning
}

void TestDialPolicy::acrossDaylightSavingChanges()
{
    const QStringList newYork{QStringLiteral("America/New_York")};
    const CallingWindow w;
    // US DST starts Sunday 2026-03-08: 08:00 EST is 13:00 UTC on Saturday, 08:00 EDT is 12:00 UTC on Sunday.
    QVERIFY(!DialPolicy::check(w, newYork, utc(2026, 3, 7, 12, 30)).open);
    QVERIFY(DialPolicy::check(w, newYork, utc(2026, 3, 8, 12, 30)).open);
    QCOMPARE(DialPolicy::check(w, newYork, utc(2026, 3, 8, 2)).opensAt, utc(2026, 3, 8, 12));
    // And it ends Sunday 2026-11-01: the window opens at 13:00 UTC again.
    QCOMPARE(DialPolicy::check(w, newYork, utc(2026, 11, 1, 2)).opensAt, utc(2026, 11, 1, 13));
    // Berlin moves on 2026-03-29: 08:00 CET = 07:00 UTC on the 28th, 08:00 CEST = 06:00 UTC on the 29th.
    const QStringList berlin{QStringLiteral("Europe/Berlin")};
    QCOMPARE(DialPolicy::check(w, berlin, utc(2026, 3, 28, 3)).opensAt, utc(2026, 3, 28, 7));
    QCOMPARE(DialPolicy::check(w, berlin, utc(2026, 3, 29, 3)).opensAt, utc(2026, 3, 29, 6));
}

void TestDialPolicy::severalZonesUseTheStrictest()
{
    const QStringList coasts{QStringLiteral("America/New_York"), QStringLiteral("America/Los_Angeles")};
    const CallingWindow w;
    // 14:00 UTC: 09:00 in New York but 06:00 in Los Angeles, so not yet.
    const WindowDecision early = DialPolicy::check(w, coasts, utc(2026, 11, 23, 14));
    QVERIFY(!early.open);
    QCOMPARE(early.limitingZone, QStringLiteral("America/Los_Angeles"));
    QCOMPARE(early.opensAt, utc(2026, 11, 23, 16));                       // 08:00 in Los Angeles
    QVERIFY(DialPolicy::check(w, coasts, utc(2026, 11, 24, 1, 59)).open); // 20:59 New York
    QVERIFY(!DialPolicy::check(w, coasts, utc(2026, 11, 24, 2)).open);    // 21:00 New York
    // A toll-free number without a zone must suit every zone of the plan, Hawaii included.
    const QStringList us = DialPolicy::zonesFor({}, QStringLiteral("+18005550100"));
    const WindowDecision all = DialPolicy::check(w, us, utc(2026, 11, 23, 12));
    QVERIFY(!all.open);
    QVERIFY(all.opensAt.isValid());
    QVERIFY(DialPolicy::check(w, us, all.opensAt).open);
    QVERIFY(!DialPolicy::check(w, us, all.opensAt.addSecs(-60)).open);
}

void TestDialPolicy::blockedWeekdaysAndDates()
{
    const QStringList chicago{QStringLiteral("America/Chicago")};
    CallingWindow w;
    w.blockedWeekdays = {6, 7};
    // Saturday 2026-11-28, 10:00 in Chicago: blocked until Monday 08:00.
    const WindowDecision weekend = DialPolicy::check(w, chicago, utc(2026, 11, 28, 16));
    QVERIFY(!weekend.open);
    QCOMPARE(weekend.opensAt, utc(2026, 11, 30, 14));
    w.blockedDates = {QDate(2026, 11, 30)};
    QCOMPARE(DialPolicy::check(w, chicago, utc(2026, 11, 28, 16)).opensAt, utc(2026, 12, 1, 14));
    // The blocked date is the contact's local date: 01:00 UTC on the 1st is still the 30th in Chicago.
    w.blockedDates = {QDate(2026, 11, 30)};
    w.blockedWeekdays.clear();
    QVERIFY(!DialPolicy::check(w, chicago, utc(2026, 12, 1, 1)).open);
    // Every day blocked: no opening within the search horizon.
    w.blockedWeekdays = {1, 2, 3, 4, 5, 6, 7};
    QVERIFY(!DialPolicy::check(w, chicago, utc(2026, 12, 1, 1)).opensAt.isValid());
}

void TestDialPolicy::unknownZoneNeverCalls()
{
    QVERIFY(!DialPolicy::check(CallingWindow(), {}, utc(2026, 11, 23, 15)).open);
    QVERIFY(!DialPolicy::check(CallingWindow(), {QStringLiteral("Nowhere/Land")}, utc(2026, 11, 23, 15)).open);
    CallingWindow empty;
    empty.start = QTime(10, 0);
    empty.end = QTime(9, 0);
    QVERIFY(!DialPolicy::check(empty, {QStringLiteral("Europe/Berlin")}, utc(2026, 11, 23, 10)).open);
}

QTEST_GUILESS_MAIN(TestDialPolicy)
#include "tst_dialpolicy.moc"
