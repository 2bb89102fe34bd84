// SPDX-License-Identifier: GPL-3.0-or-later
// Calling windows, quotas and the other dial rules as the dialer applies them, with a fake clock, and `explain`
// giving the same answer for the same contact (both backends).
#include "services/dialer/campaigndialer.h"
#include "services/dialer/dialrules.h"
#include "services/storage/campaignrepository.h"
#include "services/storage/contactqueue.h"
#include "services/storage/contactrepository.h"
#include "services/storage/sql.h"
#include "services/storage/transaction.h"
#include "services/telephony/simulatedcarrier.h"
#include "tests/support/callfixture.h"
#include "tests/support/fakeclock.h"
#include "tests/support/testdatabase.h"

#include <QSignalSpy>
#include <QTest>

using namespace vsc;
using namespace vsc::services;

class TestDialRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void windowDefersContactsUntilTheirLocalMorning();
    void fullQuotaCellIsNotDialed();
    void explainNamesEveryRule();
    void campaignsRacingOnOneNumberStayUnderItsCap();
    void numberBeingClaimedElsewhereIsSkippedNotAwaited();

private:
    static qint64 addContact(storage::Database &db, qint64 campaignId, const QString &phone, const QString &zone = {},
                             const QVariantMap &fields = {});
    static bool run(storage::Database &db, const QString &sql, const QVariantList &params = {});
    // The fixture's running campaign without its contact and attempt; 0 on failure.
    static qint64 emptyCampaign(storage::Database &db);
};

void TestDialRules::initTestCase()
{
    tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

qint64 TestDialRules::addContact(storage::Database &db, qint64 campaignId, const QString &phone, const QString &zone,
                                 const QVariantMap &fields)
{
    Contact c;
    c.campaignId = campaignId;
    c.phoneE164 = phone;
    c.timeZone = zone;
    c.customFields = fields;
    auto id = storage::ContactRepository(db).add(c);
    return id.ok() ? id.value() : 0;
}

bool TestDialRules::run(storage::Database &db, const QString &sql, const QVariantList &params)
{
    return storage::exec(db.connection(), sql, params).ok();
}

qint64 TestDialRules::emptyCampaign(storage::Database &db)
{
    auto fixture = tests::migrateAndMakeCallFixture(db);
    if (!fixture || !run(db, QStringLiteral("DELETE FROM call_attempts")) ||
        !run(db, QStringLiteral("DELETE FROM contacts"))) {
        return 0;
    }
    return fixture.value().campaignId;
}

void TestDialRules::windowDefersContactsUntilTheirLocalMorning()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    storage::Database &d = db.database();
    const qint64 campaignId = emptyCampaign(d);
    QVERIFY(campaignId > 0);
    QVERIFY(run(d,
                QStringLiteral("UPDATE campaigns SET window_start = '08:00', window_end = '21:00', max_attempts = 1, "
                               "calls_per_second = 5 WHERE id = ?"),
                {campaignId}));
    // 12:00 UTC on a Monday: 06:00 in Chicago, 13:00 in Berlin.
    tests::FakeClock clock(QDateTime(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC));
    const qint64 chicago = addContact(d, campaignId, QStringLiteral("+13125550101"), QStringLiteral("America/Chicago"));
    const qint64 berlin = addContact(d, campaignId, QStringLiteral("+493012345678")); // zone from the number
    QVERIFY(chicago > 0 && berlin > 0);

    telephony::CallFlow flow(d, QUrl(QStringLiteral("https://surveys.example.com")));
    telephony::SimulatedCarrierOptions carrierOptions;
    carrierOptions.seed = 3;
    telephony::SimulatedCarrier carrier(flow, d, clock, carrierOptions);
    storage::SqlContactQueue queue(d);
    dialer::CampaignDialer dialer(d, queue, clock, carrier, flow, campaignId);
    QSignalSpy finished(&dialer, &dialer::CampaignDialer::runFinished);
    QVERIFY(dialer.start().ok());
    // Simulated minutes pass in no time: the Berlin call is placed and plays out to its end.
    QVERIFY(clock.advanceUntil(
        [&] {
            return tests::count(d,
                                QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE contact_id = ? AND "
                                               "ended_at IS NOT NULL"),
                                {berlin}) == 1 &&
                   dialer.progress().active == 0;
        },
        30 * 60 * 1000, 1000));
    QCOMPARE(tests::count(d, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE contact_id = ?"), {chicago}), 0);
    // Deferred to 08:00 Chicago (14:00 UTC), not forgotten: the run waits for it.
    auto next =
        storage::scalar(d.connection(), QStringLiteral("SELECT next_attempt_at FROM contacts WHERE id = ?"), {chicago});
    QVERIFY(next.ok());
    QCOMPARE(storage::dateTimeFromDb(next.value()), QDateTime(QDate(2026, 11, 23), QTime(14, 0), Qt::UTC));
    QCOMPARE(finished.count(), 0);
    QCOMPARE(dialer.progress().waiting, 1);

    auto explained = dialer::explainContact(d, chicago, clock.nowUtc());
    QVERIFY(explained.ok());
    QVERIFY(!explained.value().dialableNow);
    QCOMPARE(explained.value().verdict,
             QStringLiteral("not dialed now: outside calling window 08:00-21:00 until Mon 2026-11-23 08:00 "
                            "America/Chicago"));
    QCOMPARE(explained.value().nextChance, QDateTime(QDate(2026, 11, 23), QTime(14, 0), Qt::UTC));

    clock.setWallClock(QDateTime(QDate(2026, 11, 23), QTime(14, 0, 1), Qt::UTC));
    QVERIFY(dialer::explainContact(d, chicago, clock.nowUtc()).value().dialableNow);
    QVERIFY(clock.advanceUntil([&] { return !finished.isEmpty(); }, 30 * 60 * 1000, 1000));
    QCOMPARE(tests::count(d, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE contact_id = ?"), {chicago}), 1);
    auto claimedAt = storage::scalar(
        d.connection(), QStringLiteral("SELECT claimed_at FROM call_attempts WHERE contact_id = ?"), {chicago});
    // Claimed by the dialer's clock (at its next look, within a second), not the machine's.
    const QDateTime claimed = storage::dateTimeFromDb(claimedAt.value());
    QVERIFY2(claimed >= QDateTime(QDate(2026, 11, 23), QTime(14, 0, 1), Qt::UTC) &&
                 claimed < QDateTime(QDate(2026, 11, 23), QTime(14, 0, 2), Qt::UTC),
             qPrintable(claimed.toString(Qt::ISODateWithMs)));
}

void TestDialRules::fullQuotaCellIsNotDialed()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    storage::Database &d = db.database();
    const qint64 campaignId = emptyCampaign(d);
    QVERIFY(campaignId > 0);
    QVERIFY(run(
        d, QStringLiteral("UPDATE campaigns SET quotas = ?, max_attempts = 1 WHERE id = ?"),
        {storage::jsonToDb({{QStringLiteral("visit_type"), QVariantMap{{QStringLiteral("repair"), 1}}}}), campaignId}));
    const QVariantMap repair{{QStringLiteral("visit_type"), QStringLiteral("repair")}};
    const qint64 done =
        addContact(d, campaignId, QStringLiteral("+14155550201"), QStringLiteral("America/Denver"), repair);
    const qint64 blocked =
        addContact(d, campaignId, QStringLiteral("+14155550202"), QStringLiteral("America/Denver"), repair);
    const qint64 install = addContact(d, campaignId, QStringLiteral("+14155550203"), QStringLiteral("America/Denver"),
                                      {{QStringLiteral("visit_type"), QStringLiteral("installation")}});
    QVERIFY(run(d, QStringLiteral("UPDATE contacts SET status = 'completed' WHERE id = ?"), {done}));

    telephony::CallFlow flow(d, QUrl(QStringLiteral("https://surveys.example.com")));
    tests::FakeClock clock(QDateTime::currentDateTimeUtc());
    telephony::SimulatedCarrier carrier(flow, d, clock);
    storage::SqlContactQueue queue(d);
    dialer::CampaignDialer dialer(d, queue, clock, carrier, flow, campaignId);
    QSignalSpy finished(&dialer, &dialer::CampaignDialer::runFinished);
    QVERIFY(dialer.start().ok());
    QVERIFY(clock.advanceUntil([&] { return !finished.isEmpty(); }, 30 * 60 * 1000, 1000));
    QCOMPARE(tests::count(d, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE contact_id = ?"), {install}), 1);
    QCOMPARE(tests::count(d, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE contact_id = ?"), {blocked}), 0);
    QCOMPARE(finished.at(0).at(0).value<dialer::DialerProgress>().quotaFull, 1);
    auto explained = dialer::explainContact(d, blocked, clock.nowUtc());
    QVERIFY(explained.ok());
    QVERIFY(explained.value().reasons.contains(QStringLiteral("quota full: visit_type = repair (1 of 1)")));
}

void TestDialRules::explainNamesEveryRule()
{
    tests::TestDatabase db;
    QVERIFY(db.isValid());
    auto fixture = tests::migrateAndMakeCallFixture(db.database(), QStringLiteral("+14155550301"));
    QVERIFY(fixture.ok());
    storage::Database &d = db.database();
    const qint64 campaignId = fixture.value().campaignId;
    const QDateTime at(QDate(2026, 11, 23), QTime(18, 0), Qt::UTC); // 10:00 in Los Angeles
    const QString la = QStringLiteral("America/Los_Angeles");

    // A fresh contact in a running campaign inside its window is dialable.
    const qint64 fresh = addContact(d, campaignId, QStringLiteral("+14155550302"), la);
    auto e = dialer::explainContact(d, fresh, at);
    QVERIFY(e.ok());
    QVERIFY2(e.value().dialableNow, qPrintable(e.value().verdict));
    QCOMPARE(e.value().verdict,
             QStringLiteral("dialable now: window 00:00-24:00 open in America/Los_Angeles, attempt 1 of 3"));
    // The same for people in their language (the Results pane): the sentence and its values apart.
    QCOMPARE(e.value().verdictText.toString(),
             QStringLiteral("the window 00:00-24:00 is open in America/Los_Angeles; the next call is attempt 1 of 3"));
    QVERIFY(e.value().reasonTexts.isEmpty());

    // Suppressed after an in-call opt-out.
    const qint64 optedOut = addContact(d, campaignId, QStringLiteral("+14155550303"), la);
    QVERIFY(run(d,
                QStringLiteral("INSERT INTO suppression_list (phone_e164, campaign_id, reason, source, created_at) "
                               "VALUES (?, NULL, 'said stop', 'in_call_opt_out', ?)"),
                {QStringLiteral("+14155550303"), storage::toDb(QDateTime(QDate(2026, 11, 2), QTime(15, 0), Qt::UTC))}));
    QCOMPARE(dialer::explainContact(d, optedOut, at).value().verdict,
             QStringLiteral("not dialed now: suppressed 2026-11-02 (in-call opt-out)"));

    // Three calls to the number within 30 days, from any campaign.
    const qint64 capped = addContact(d, campaignId, QStringLiteral("+14155550304"), la);
    for (int n = 1; n <= 3; ++n) {
        QVERIFY(run(d,
                    QStringLiteral("INSERT INTO call_attempts (contact_id, campaign_id, phone_e164, attempt_number, "
                                   "provider, status, claimed_at, ended_at) VALUES (?, ?, ?, ?, 'simulated', "
                                   "'no-answer', ?, ?)"),
                    {capped, campaignId, QStringLiteral("+14155550304"), n, storage::toDb(at.addDays(-n)),
                     storage::toDb(at.addDays(-n))}));
    }
    QVERIFY(run(d, QStringLiteral("UPDATE contacts SET attempts_count = 3 WHERE id = ?"), {capped}));
    e = dialer::explainContact(d, capped, at);
    QCOMPARE(e.value().reasons.size(), 2);
    QCOMPARE(e.value().reasons.at(0), QStringLiteral("3 of 3 attempts used"));
    QCOMPARE(e.value().reasons.at(1),
             QStringLiteral("3 calls to this number in 30 days (allowed again Sun 2026-12-20 18:00 UTC)"));
    QCOMPARE(e.value().reasonTexts.size(), 2); // index for index, dates in numbers only
    QCOMPARE(e.value().reasonTexts.at(1).args,
             QStringList({QStringLiteral("3"), QStringLiteral("30"), QStringLiteral("2026-12-20 18:00 UTC")}));

    // Waiting for a retry after busy.
    const qint64 busy = addContact(d, campaignId, QStringLiteral("+14155550305"), la);
    QVERIFY(run(d,
                QStringLiteral("INSERT INTO call_attempts (contact_id, campaign_id, phone_e164, attempt_number, "
                               "provider, status, claimed_at) VALUES (?, ?, ?, 1, 'simulated', 'busy', ?)"),
                {busy, campaignId, QStringLiteral("+14155550305"), storage::toDb(at.addSecs(-60))}));
    QVERIFY(run(d, QStringLiteral("UPDATE contacts SET attempts_count = 1, next_attempt_at = ? WHERE id = ?"),
                {storage::toDb(at.addSecs(540)), busy}));
    e = dialer::explainContact(d, busy, at);
    QCOMPARE(e.value().verdict,
             QStringLiteral("not dialed now: retry after busy due Mon 2026-11-23 10:09 America/Los_Angeles"));
    QCOMPARE(e.value().reasonTexts.constFirst().toString(),
             QStringLiteral("the line was busy; the retry is due 2026-11-23 10:09 America/Los_Angeles"));
    QCOMPARE(e.value().nextChance, at.addSecs(540));

    // A blocked weekday, and a paused campaign.
    QVERIFY(run(d, QStringLiteral("UPDATE campaigns SET blocked_weekdays = '1', status = 'paused' WHERE id = ?"),
                {campaignId}));
    e = dialer::explainContact(d, fresh, at);
    QCOMPARE(e.value().reasons,
             QStringList({QStringLiteral("Monday is a blocked weekday until Tue 2026-11-24 00:00 America/Los_Angeles"),
                          QStringLiteral("campaign is paused")}));
    QCOMPARE(e.value().reasonTexts.at(0).toString(),
             QStringLiteral("its local date 2026-11-23 is on a blocked weekday; calls resume 2026-11-24 00:00 "
                            "America/Los_Angeles"));
    QCOMPARE(e.value().reasonTexts.at(1).toString(), QStringLiteral("the campaign is paused"));
    QCOMPARE(dialer::explainContact(d, 999999, at).error().code, ErrorCode::NotFound);
}

// Two campaigns hold the same number; one more call is allowed to it. Campaign B's claim runs to its commit, on its
// own connection, while campaign A's claim is between reading its candidates (the number under its cap) and claiming
// one: A must not claim the number as well.
void TestDialRules::campaignsRacingOnOneNumberStayUnderItsCap()
{
    tests::TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.errorString()));
    const qint64 campaignA = emptyCampaign(db.database());
    QVERIFY(campaignA > 0);
    Campaign other;
    other.name = QStringLiteral("Campaign B");
    auto created = storage::CampaignRepository(db.database()).create(other, Actor::system(QStringLiteral("test")));
    QVERIFY(created.ok());
    const qint64 campaignB = created.value();
    const QString phone = QStringLiteral("+14155550177");
    QVERIFY(addContact(db.database(), campaignA, phone) > 0);
    QVERIFY(addContact(db.database(), campaignB, phone) > 0);
    auto secondConnection = db.openAnotherConnection();
    QVERIFY(secondConnection);

    const QDateTime at = QDateTime::currentDateTimeUtc();
    const storage::QueueRules rulesA{campaignA, 3, 1, 30, std::nullopt}; // one call to the number in 30 days
    const storage::QueueRules rulesB{campaignB, 3, 1, 30, std::nullopt};
    storage::SqlContactQueue queueA(db.database());
    storage::SqlContactQueue queueB(*secondConnection);
    std::optional<Result<std::optional<storage::QueueClaim>>> claimB;
    auto claimA = queueA.claimNext(rulesA, at, QStringLiteral("dialer-a"), CallProvider::Simulated,
                                   [&](const storage::QueueCandidate &) -> std::optional<QDateTime> {
                                       if (!claimB) {
                                           claimB = queueB.claimNext(
                                               rulesB, at, QStringLiteral("dialer-b"), CallProvider::Simulated,
                                               [](const storage::QueueCandidate &) { return std::nullopt; });
                                       }
                                       return std::nullopt;
                                   });
    QVERIFY(claimB.has_value());
    QVERIFY2(claimB->ok(), qPrintable(claimB->ok() ? QString() : claimB->error().toString()));
    QVERIFY(claimB->value().has_value()); // B got there first
    // A claimed nothing: on PostgreSQL it rechecked the cap under the number's lock; on SQLite its stale
    // transaction could not write after B's commit.
    qInfo("campaign A's claim: %s", claimA.ok() ? "nothing claimed" : qPrintable(claimA.error().toString()));
    if (claimA.ok()) {
        QVERIFY2(!claimA.value().has_value(), "both campaigns claimed the number");
    } else {
        QVERIFY2(!db.isPostgres(), qPrintable(claimA.error().toString()));
    }
    QCOMPARE(
        tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE phone_e164 = ?"), {phone}),
        1);
    QCOMPARE(tests::count(db.database(),
                          QStringLiteral("SELECT COUNT(*) FROM contacts WHERE phone_e164 = ? AND status = 'pending'"),
                          {phone}),
             1);
}

// PostgreSQL: while another claim holds a number's lock (its transaction not yet committed), a claim skips that number
// and takes the next contact instead of waiting, so two claims can never wait for each other's numbers.
void TestDialRules::numberBeingClaimedElsewhereIsSkippedNotAwaited()
{
    tests::TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.errorString()));
    if (!db.isPostgres()) {
        return; // SQLite has one writer at a time: there is no number lock to skip
    }
    const qint64 campaignId = emptyCampaign(db.database());
    QVERIFY(campaignId > 0);
    const QString busy = QStringLiteral("+14155550178");
    const QString free = QStringLiteral("+14155550179");
    QVERIFY(addContact(db.database(), campaignId, busy) > 0);
    QVERIFY(addContact(db.database(), campaignId, free) > 0);
    auto other = db.openAnotherConnection();
    QVERIFY(other);
    storage::Transaction elsewhere(*other);
    QVERIFY(elsewhere.begin().ok());
    QVERIFY(storage::exec(other->connection(), QStringLiteral("SELECT pg_advisory_xact_lock(?, hashtext(?))"),
                          {0x56534331, busy})
                .ok());
    storage::SqlContactQueue queue(db.database());
    const storage::QueueRules rules{campaignId, 3, 3, 30, std::nullopt};
    const QDateTime at = QDateTime::currentDateTimeUtc();
    auto accept = [](const storage::QueueCandidate &) { return std::optional<QDateTime>(); };
    auto first = queue.claimNext(rules, at, QStringLiteral("d"), CallProvider::Simulated, accept);
    QVERIFY(first.ok() && first.value());
    QCOMPARE(first.value()->phone, free);
    auto second = queue.claimNext(rules, at, QStringLiteral("d"), CallProvider::Simulated, accept);
    QVERIFY(second.ok());
    QVERIFY(!second.value().has_value()); // the locked number waits for the next look
    QVERIFY(elsewhere.commit().ok());
    auto third = queue.claimNext(rules, at, QStringLiteral("d"), CallProvider::Simulated, accept);
    QVERIFY(third.ok() && third.value());
    QCOMPARE(third.value()->phone, busy);
}

QTEST_GUILESS_MAIN(TestDialRules)
#include "tst_dialrules.moc"
