// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/reporting/dashboardservice.h"
#include "services/results/resultsexporter.h"
#include "services/storage/migrator.h"
#include "services/storage/settingsrepository.h"
#include "tests/support/dashboardfixture.h"
#include "tests/support/testdatabase.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vsc;
using namespace vsc::services::reporting;

// The dashboard's figures for one selection, against tests/support/dashboardfixture.h, on both backends.
class TestDashboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void kpisForOneCampaignAndThirtyDays();
    void dispositionsAndRatesMatchTheFixture();
    void funnelHoursAndOutcomes();
    void answerDistributions();
    void periodsAndCampaignNarrowTheSelection();
    void needsResultsView();
    void exportCarriesTheDisposition();

private:
    DashboardSelection thirtyDays() const
    {
        DashboardSelection s;
        s.campaignId = m_fixture.campaignId;
        s.period = DashboardSelection::Period::Last30Days;
        return s;
    }

    std::unique_ptr<tests::TestDatabase> m_db;
    tests::DashboardFixture m_fixture;
    // Mid-January: no daylight saving anywhere the fixture's contacts live. Attempts at 15:00 UTC, 5 days earlier.
    const QDateTime m_now{QDate(2026, 1, 20), QTime(12, 0), Qt::UTC};
    const QDateTime m_at{QDate(2026, 1, 15), QTime(15, 0), Qt::UTC};
    const Actor m_viewer = Actor::fileOwner(QStringLiteral("tester"));
};

void TestDashboard::initTestCase()
{
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    QVERIFY(services::storage::Migrator(m_db->database()).migrate().ok());
    m_fixture = tests::buildDashboardFixture(m_db->database(), m_at);
    QVERIFY2(m_fixture.error.isEmpty(), qPrintable(m_fixture.error));
    QVERIFY(services::storage::SettingsRepository(m_db->database())
                .set(QString::fromLatin1(DashboardService::kRatePerMinuteKey), QStringLiteral("0.05"))
                .ok());
}

void TestDashboard::cleanupTestCase()
{
    m_db.reset();
}

void TestDashboard::kpisForOneCampaignAndThirtyDays()
{
    auto report = DashboardService(m_db->database()).report(m_viewer, thirtyDays(), m_now);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
    const DashboardReport &r = report.value();
    QCOMPARE(r.dialed, qint64(17));
    QCOMPARE(r.answered, qint64(11)); // I 4 + P 2 + R 3 + NC 2
    QCOMPARE(r.completed, qint64(4));
    QCOMPARE(r.optOuts, qint64(2));
    QCOMPARE(r.active, qint64(0));
    QCOMPARE(r.answerRate(), 11.0 / 17.0);
    QCOMPARE(r.completionRate(), 4.0 / 11.0);
    // (4 * 90 + 2 * 45 + 3 * 20 + 2 * 30) / 11 = 570 / 11 s.
    QCOMPARE(r.averageDurationSeconds, 570.0 / 11.0);
    // Whole minutes: 4 * 2 + 2 * 1 + 3 * 1 + 2 * 1 = 15; at 0.05 a minute, 0.75.
    QCOMPARE(r.billableMinutes, qint64(15));
    QVERIFY(r.estimatedCost().has_value());
    QVERIFY(qAbs(*r.estimatedCost() - 0.75) < 1e-9);
}

void TestDashboard::dispositionsAndRatesMatchTheFixture()
{
    auto report = DashboardService(m_db->database()).report(m_viewer, thirtyDays(), m_now);
    QVERIFY(report.ok());
    const DispositionCounts &d = report.value().dispositions;
    QCOMPARE(d[Disposition::Complete], qint64(4));
    QCOMPARE(d[Disposition::Partial], qint64(2));
    QCOMPARE(d[Disposition::Refusal], qint64(3));
    QCOMPARE(d[Disposition::NonContact], qint64(2));
    QCOMPARE(d[Disposition::Other], qint64(0));
    QCOMPARE(d[Disposition::UnknownHousehold], qint64(3));
    QCOMPARE(d[Disposition::UnknownOther], qint64(1));
    QCOMPARE(d[Disposition::NotEligible], qint64(1));
    // e = (4+2+3+2+0) / (11+1) = 11/12; e(UH+UO) = 11/12 * 4 = 11/3; (I+P)+(R+NC+O)+e(UH+UO) = 11 + 11/3 = 44/3.
    QCOMPARE(estimatedEligibility(d).value(), 11.0 / 12.0);
    QCOMPARE(rate(Rate::RR1, d).value(), 4.0 / 15.0);               // 4 / (6 + 5 + 4)
    QVERIFY(qAbs(rate(Rate::RR3, d).value() - 3.0 / 11.0) < 1e-12); // 4 / (44/3) = 12/44
    QCOMPARE(rate(Rate::RR5, d).value(), 4.0 / 11.0);
    QCOMPARE(rate(Rate::COOP1, d).value(), 4.0 / 9.0); // 4 / (6 + 3 + 0)
    QCOMPARE(rate(Rate::REF1, d).value(), 3.0 / 15.0); // 3 / 15
    QCOMPARE(rate(Rate::CON1, d).value(), 9.0 / 15.0); // (6 + 3 + 0) / (9 + 2 + 4)
    QCOMPARE(rate(Rate::CON3, d).value(), 9.0 / 11.0);
}

void TestDashboard::funnelHoursAndOutcomes()
{
    auto report = DashboardService(m_db->database()).report(m_viewer, thirtyDays(), m_now);
    QVERIFY(report.ok());
    const DashboardReport &r = report.value();
    QCOMPARE(r.funnel.dialed, qint64(16));
    QCOMPARE(r.funnel.answered, qint64(9)); // a person: I, P, R
    QCOMPARE(r.funnel.firstQuestion, qint64(6));
    QCOMPARE(r.funnel.completed, qint64(4));
    // 15:00 UTC in January: New York 10:00 (5 attempts), Berlin 16:00 (6), no zone counts in UTC, 15:00 (6).
    std::array<qint64, 24> hours{};
    hours[10] = 5;
    hours[16] = 6;
    hours[15] = 6;
    QCOMPARE(r.attemptsByLocalHour, hours);
    const QList<std::pair<QString, qint64>> outcomes{{QStringLiteral("busy"), 2},
                                                     {QStringLiteral("completed"), 9},
                                                     {QStringLiteral("failed"), 2},
                                                     {QStringLiteral("machine"), 2},
                                                     {QStringLiteral("no-answer"), 2}};
    QCOMPARE(r.outcomes, outcomes);
}

void TestDashboard::answerDistributions()
{
    DashboardService service(m_db->database());
    auto questions = service.questions(m_viewer, m_fixture.campaignId);
    QVERIFY(questions.ok());
    QCOMPARE(questions.value().size(), 2);
    QCOMPARE(questions.value().at(0).choices, (QStringList{QStringLiteral("yes"), QStringLiteral("no")}));
    auto choices = service.answerDistribution(m_viewer, thirtyDays(), questions.value().at(0), m_now);
    QVERIFY(choices.ok());
    QCOMPARE(choices.value().size(), 2);
    QCOMPARE(choices.value().at(0).label, QStringLiteral("yes"));
    QCOMPARE(choices.value().at(0).count, qint64(4)); // I: yes, yes, yes; P: yes
    QCOMPARE(choices.value().at(1).count, qint64(2));
    // 0..10 is 11 values: bins of 2 -> 0–1, 2–3, 4–5, 6–7, 8–9, 10; answers 3, 7, 9, 10.
    auto numbers = service.answerDistribution(m_viewer, thirtyDays(), questions.value().at(1), m_now);
    QVERIFY(numbers.ok());
    QList<qint64> counts;
    for (const AnswerBar &bar : numbers.value()) {
        counts << bar.count;
    }
    QCOMPARE(counts, (QList<qint64>{0, 1, 0, 1, 1, 1}));
    QCOMPARE(numbers.value().last().label, QStringLiteral("10"));
}

void TestDashboard::periodsAndCampaignNarrowTheSelection()
{
    DashboardService service(m_db->database());
    DashboardSelection today = thirtyDays();
    today.period = DashboardSelection::Period::Today;
    auto none = service.report(m_viewer, today, m_now);
    QVERIFY(none.ok());
    QCOMPARE(none.value().dialed, qint64(0));
    QCOMPARE(none.value().dispositions.total(), qint64(0));
    DashboardSelection custom = thirtyDays();
    custom.period = DashboardSelection::Period::Custom;
    custom.customFrom = m_at.addDays(-45).date();
    custom.customTo = m_at.date();
    auto longer = service.report(m_viewer, custom, m_now);
    QVERIFY(longer.ok());
    QCOMPARE(longer.value().dialed, qint64(18)); // and the attempt 40 days before
    DashboardSelection all = thirtyDays();
    all.campaignId.reset();
    auto everything = service.report(m_viewer, all, m_now);
    QVERIFY(everything.ok());
    QCOMPARE(everything.value().dialed, qint64(18)); // and the other campaign's
}

void TestDashboard::needsResultsView()
{
    Actor nobody;
    nobody.kind = ActorKind::User;
    nobody.name = QStringLiteral("nemo");
    auto denied = DashboardService(m_db->database()).report(nobody, thirtyDays(), m_now);
    QVERIFY(!denied.ok());
    QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
}

void TestDashboard::exportCarriesTheDisposition()
{
    QTemporaryDir dir;
    services::results::ExportRequest request;
    request.campaignId = m_fixture.campaignId;
    request.path = dir.filePath(QStringLiteral("fixture.csv"));
    auto exported = services::results::exportResults(m_db->database(), m_viewer, request);
    QVERIFY2(exported.ok(), qPrintable(exported.ok() ? QString() : exported.error().toString()));
    QFile file(request.path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QStringList lines =
        QString::fromUtf8(file.readAll()).remove(QChar(0xfeff)).remove(u'\r').split(u'\n', Qt::SkipEmptyParts);
    const QStringList header = lines.takeFirst().split(u',');
    const qsizetype contactColumn = header.indexOf(QStringLiteral("contact_id"));
    const qsizetype codeColumn = header.indexOf(QStringLiteral("aapor_code"));
    const qsizetype labelColumn = header.indexOf(QStringLiteral("aapor_disposition"));
    QVERIFY(codeColumn > 0 && labelColumn == codeColumn + 1);
    QHash<QString, QString> codeByContact;
    QHash<QString, QString> labelByCode;
    for (const QString &line : std::as_const(lines)) {
        const QStringList cells = line.split(u',');
        codeByContact.insert(cells.at(contactColumn), cells.at(codeColumn));
        labelByCode.insert(cells.at(codeColumn), cells.at(labelColumn));
    }
    QHash<QString, int> contactsByCode;
    for (const QString &code : std::as_const(codeByContact)) {
        contactsByCode[code] += 1;
    }
    // Every contact of the campaign, whenever dialed: the fixture's 16 and the one completed 40 days earlier.
    const QHash<QString, int> expected{{QStringLiteral("1.1"), 5},  {QStringLiteral("1.2"), 2},
                                       {QStringLiteral("2.10"), 3}, {QStringLiteral("2.20"), 2},
                                       {QStringLiteral("3.10"), 3}, {QStringLiteral("3.90"), 1},
                                       {QStringLiteral("4.0"), 1}};
    QCOMPARE(contactsByCode, expected);
    QCOMPARE(labelByCode.value(QStringLiteral("2.20")), QStringLiteral("Non-contact"));
}

QTEST_GUILESS_MAIN(TestDashboard)
#include "tst_dashboard.moc"
