// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/reporting/dashboardservice.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "tests/support/dashboardfixture.h"
#include "tests/support/testdatabase.h"

#include <QTest>

using namespace vsc;
using namespace vsc::services::reporting;
using services::storage::DashboardSource;
using services::storage::toDb;

// The dashboard's summary tables (migration 0014) against the same figures counted from the attempts, on both
// backends: filled from the attempts that existed before the migration, then kept by the triggers through retries,
// outcome changes, answers, contacts' status and time zone changes and deletions.
class TestDashboardSummary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void backfillMatchesTheAttempts();
    void summaryFollowsEveryWrite();
    void aCaseCountsInThePeriodOfItsFirstAttempt();

private:
    void compareAllSelections(const char *step);
    void run(const QString &sql, const QVariantList &params = {});
    qint64 contactWithStatus(const QString &status);

    std::unique_ptr<tests::TestDatabase> m_db;
    tests::DashboardFixture m_fixture;
    const QDateTime m_now{QDate(2026, 1, 20), QTime(12, 0), Qt::UTC};
    const QDateTime m_at{QDate(2026, 1, 15), QTime(15, 0), Qt::UTC};
    const Actor m_viewer = Actor::fileOwner(QStringLiteral("tester"));
};

void TestDashboardSummary::initTestCase()
{
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    // The fixture's attempts exist before the summary does, as on a database upgraded to 0014.
    QList<services::storage::Migration> before = services::storage::Migrator::bundledMigrations();
    before.removeIf([](const services::storage::Migration &m) { return m.version >= 14; });
    QVERIFY(services::storage::Migrator(m_db->database(), before).migrate().ok());
    m_fixture = tests::buildDashboardFixture(m_db->database(), m_at);
    QVERIFY2(m_fixture.error.isEmpty(), qPrintable(m_fixture.error));
    auto migrated = services::storage::Migrator(m_db->database()).migrate();
    QVERIFY2(migrated.ok(), migrated.ok() ? "" : qPrintable(migrated.error().toString()));
}

void TestDashboardSummary::cleanupTestCase()
{
    m_db.reset();
}

void TestDashboardSummary::run(const QString &sql, const QVariantList &params)
{
    auto done = services::storage::exec(m_db->database().connection(), sql, params);
    QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(done.error().toString()));
}

qint64 TestDashboardSummary::contactWithStatus(const QString &status)
{
    return tests::count(m_db->database(),
                        QStringLiteral("SELECT MIN(id) FROM contacts WHERE status = '%1' AND campaign_id = %2")
                            .arg(status)
                            .arg(m_fixture.campaignId));
}

void TestDashboardSummary::compareAllSelections(const char *step)
{
    QList<DashboardSelection> selections;
    for (const std::optional<qint64> &campaign : {std::optional<qint64>(m_fixture.campaignId), std::optional<qint64>(),
                                                  std::optional<qint64>(m_fixture.otherCampaignId)}) {
        for (auto period : {DashboardSelection::Period::Today, DashboardSelection::Period::Last7Days,
                            DashboardSelection::Period::Last30Days}) {
            DashboardSelection s;
            s.campaignId = campaign;
            s.period = period;
            selections << s;
        }
        // Custom days that cut through contacts called on several days.
        for (const auto &[from, to] : {std::pair{-45, 0}, std::pair{0, 0}, std::pair{1, 1}, std::pair{-1, 0},
                                       std::pair{0, 2}, std::pair{-41, -39}}) {
            DashboardSelection s;
            s.campaignId = campaign;
            s.period = DashboardSelection::Period::Custom;
            s.customFrom = m_at.date().addDays(from);
            s.customTo = m_at.date().addDays(to);
            selections << s;
        }
    }
    DashboardService summary(m_db->database(), DashboardSource::Summary);
    DashboardService attempts(m_db->database(), DashboardSource::Attempts);
    for (const DashboardSelection &s : selections) {
        const QString where = QStringLiteral("%1, campaign %2, period %3, %4 to %5")
                                  .arg(QLatin1String(step))
                                  .arg(s.campaignId.value_or(0))
                                  .arg(int(s.period))
                                  .arg(s.customFrom.toString(Qt::ISODate), s.customTo.toString(Qt::ISODate));
        auto fast = summary.report(m_viewer, s, m_now);
        auto slow = attempts.report(m_viewer, s, m_now);
        QVERIFY2(fast.ok() && slow.ok(), qPrintable(where));
        const DashboardReport &f = fast.value();
        const DashboardReport &r = slow.value();
        QVERIFY2(f.dialed == r.dialed && f.answered == r.answered && f.active == r.active, qPrintable(where));
        QVERIFY2(f.billableMinutes == r.billableMinutes &&
                     qFuzzyCompare(1 + f.averageDurationSeconds, 1 + r.averageDurationSeconds),
                 qPrintable(where));
        QVERIFY2(f.attemptsByLocalHour == r.attemptsByLocalHour, qPrintable(where));
        QVERIFY2(f.outcomes == r.outcomes, qPrintable(where));
        QVERIFY2(f.dispositions.counts == r.dispositions.counts, qPrintable(where));
        QVERIFY2(f.funnel.dialed == r.funnel.dialed && f.funnel.answered == r.funnel.answered &&
                     f.funnel.firstQuestion == r.funnel.firstQuestion && f.funnel.completed == r.funnel.completed,
                 qPrintable(where));
        QVERIFY2(f.completed == r.completed && f.optOuts == r.optOuts, qPrintable(where));
    }
}

void TestDashboardSummary::backfillMatchesTheAttempts()
{
    QVERIFY(tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM dashboard_contact_facts")) > 0);
    compareAllSelections("after the migration");
}

void TestDashboardSummary::summaryFollowsEveryWrite()
{
    const qint64 campaign = m_fixture.campaignId;
    // A retry the next morning for a contact nobody answered, through the statuses a call goes through.
    const qint64 unanswered = contactWithStatus(QStringLiteral("failed"));
    const QDateTime nextMorning = m_at.addDays(1).addSecs(-6LL * 3600);
    run(QStringLiteral("INSERT INTO call_attempts (contact_id, campaign_id, phone_e164, attempt_number, provider, "
                       "claimed_at) SELECT id, campaign_id, phone_e164, 9, 'simulated', ? FROM contacts WHERE id = ?"),
        {toDb(nextMorning), unanswered});
    compareAllSelections("retry claimed");
    const QString retry = QStringLiteral(" WHERE contact_id = %1 AND attempt_number = 9").arg(unanswered);
    run(QStringLiteral("UPDATE call_attempts SET status = 'ringing'") + retry);
    compareAllSelections("retry ringing");
    run(QStringLiteral("UPDATE call_attempts SET status = 'in-progress', answered_at = ?, answered_by = 'human'") +
            retry,
        {toDb(nextMorning.addSecs(8))});
    compareAllSelections("retry answered");
    run(QStringLiteral("UPDATE call_attempts SET status = 'completed', duration_seconds = 75") + retry);
    run(QStringLiteral("UPDATE contacts SET status = 'completed' WHERE id = ?"), {unanswered});
    compareAllSelections("retry completed");
    // Answers given on the retry, then one taken back.
    run(QStringLiteral("INSERT INTO answers (call_attempt_id, contact_id, question_id, script_version_id, "
                       "normalized_value) SELECT a.id, a.contact_id, q.id, q.script_version_id, 'yes' "
                       "FROM call_attempts a JOIN questions q ON q.question_key = 'recommend' "
                       "WHERE a.contact_id = ? AND a.attempt_number = 9"),
        {unanswered});
    compareAllSelections("answer given");
    run(QStringLiteral("DELETE FROM answers WHERE contact_id = ?"), {unanswered});
    compareAllSelections("answer deleted");
    // An outcome corrected after the fact: a machine that was a fax, a call that failed after all.
    run(QStringLiteral("UPDATE call_attempts SET answered_by = 'fax' WHERE answered_by LIKE 'machine%' "
                       "AND id = (SELECT MIN(id) FROM call_attempts WHERE answered_by LIKE 'machine%')"));
    compareAllSelections("machine to fax");
    run(QStringLiteral("UPDATE call_attempts SET status = 'failed', duration_seconds = NULL "
                       "WHERE id = (SELECT MIN(id) FROM call_attempts WHERE status = 'busy')"));
    compareAllSelections("busy to failed");
    // A contact opts out; another moves to another time zone; an attempt is moved to another day.
    run(QStringLiteral("UPDATE contacts SET status = 'opted_out' WHERE id = ?"),
        {contactWithStatus(QStringLiteral("completed"))});
    compareAllSelections("opted out");
    run(QStringLiteral("UPDATE contacts SET time_zone = 'Asia/Tokyo' WHERE id = ?"), {unanswered});
    compareAllSelections("time zone changed");
    run(QStringLiteral("UPDATE call_attempts SET claimed_at = ? WHERE id = (SELECT MIN(id) FROM call_attempts "
                       "WHERE campaign_id = ?)"),
        {toDb(m_at.addDays(-3)), campaign});
    compareAllSelections("claimed earlier");
    // Attempts and a contact deleted.
    run(QStringLiteral("DELETE FROM call_attempts WHERE id = (SELECT MAX(id) FROM call_attempts WHERE status = "
                       "'no-answer')"));
    compareAllSelections("attempt deleted");
    run(QStringLiteral("DELETE FROM contacts WHERE id = ?"), {unanswered});
    compareAllSelections("contact deleted");
    QCOMPARE(tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM dashboard_contact_facts WHERE "
                                                           "contact_id = %1")
                                                .arg(unanswered)),
             0);
}

void TestDashboardSummary::aCaseCountsInThePeriodOfItsFirstAttempt()
{
    // A contact first called on the day of the fixture and reached three days later: the later day gets the attempt,
    // not the case; the case stays where it was fielded, with its final disposition.
    const qint64 contact = contactWithStatus(QStringLiteral("failed"));
    DashboardSelection later;
    later.campaignId = m_fixture.campaignId;
    later.period = DashboardSelection::Period::Custom;
    later.customFrom = later.customTo = m_at.date().addDays(3);
    DashboardSelection whole = later;
    whole.customFrom = m_at.date().addDays(-45);
    DashboardService service(m_db->database(), DashboardSource::Summary);
    auto laterBefore = service.report(m_viewer, later, m_now);
    auto wholeBefore = service.report(m_viewer, whole, m_now);
    QVERIFY(laterBefore.ok() && wholeBefore.ok());
    const QDateTime reached = m_at.addDays(3).addSecs(-3LL * 3600);
    run(QStringLiteral("INSERT INTO call_attempts (contact_id, campaign_id, phone_e164, attempt_number, provider, "
                       "status, claimed_at, answered_at, duration_seconds) SELECT id, campaign_id, phone_e164, 10, "
                       "'simulated', 'completed', ?, ?, 30 FROM contacts WHERE id = ?"),
        {toDb(reached), toDb(reached.addSecs(5)), contact});
    auto laterAfter = service.report(m_viewer, later, m_now);
    auto wholeAfter = service.report(m_viewer, whole, m_now);
    QVERIFY(laterAfter.ok() && wholeAfter.ok());
    QCOMPARE(laterAfter.value().dialed, laterBefore.value().dialed + 1);
    QCOMPARE(laterAfter.value().dispositions.total(), laterBefore.value().dispositions.total());
    QCOMPARE(wholeAfter.value().dispositions.total(), wholeBefore.value().dispositions.total());
    // Its facts now say a person answered, and it is still fielded where its first attempt was.
    QCOMPARE(tests::count(
                 m_db->database(),
                 QStringLiteral("SELECT facts & 8 FROM dashboard_contact_facts WHERE contact_id = %1").arg(contact)),
             8);
    QVERIFY(
        tests::count(m_db->database(),
                     QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE contact_id = %1 AND claimed_at < '%2'")
                         .arg(contact)
                         .arg(m_at.addDays(1).date().toString(Qt::ISODate))) > 0);
    compareAllSelections("a case reached days after its first attempt"); // the attempts' count agrees
}

QTEST_GUILESS_MAIN(TestDashboardSummary)
#include "tst_dashboardsummary.moc"
