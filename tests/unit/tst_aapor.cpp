// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/reporting/aapor.h"

#include <QTest>

using namespace vsc::services::reporting;

Q_DECLARE_METATYPE(CaseFacts)
Q_DECLARE_METATYPE(Disposition)
Q_DECLARE_METATYPE(Rate)

// AAPOR outcome rates against a fixture computed by hand, and the mapping from call facts to dispositions.
class TestAapor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ratesMatchTheHandComputedFixture_data();
    void ratesMatchTheHandComputedFixture();
    void eIsTheShareEligibleAmongResolvedCases();
    void emptyDenominatorsHaveNoRate();
    void explicitEOverridesTheEstimate();
    void callFactsMapToDispositions_data();
    void callFactsMapToDispositions();
};

namespace {

// I=40 P=10 R=20 NC=15 O=5 UH=30 UO=10 NE=20 (150 cases).
DispositionCounts fixture()
{
    DispositionCounts c;
    c[Disposition::Complete] = 40;
    c[Disposition::Partial] = 10;
    c[Disposition::Refusal] = 20;
    c[Disposition::NonContact] = 15;
    c[Disposition::Other] = 5;
    c[Disposition::UnknownHousehold] = 30;
    c[Disposition::UnknownOther] = 10;
    c[Disposition::NotEligible] = 20;
    return c;
}

} // namespace

void TestAapor::ratesMatchTheHandComputedFixture_data()
{
    // By hand: I+P = 50; R+NC+O = 40; UH+UO = 40; eligible resolved = 90; e = 90 / (90 + 20) = 9/11;
    // e(UH+UO) = 360/11, so (I+P)+(R+NC+O)+e(UH+UO) = 90 + 360/11 = 1350/11.
    QTest::addColumn<Rate>("rate");
    QTest::addColumn<double>("expected");
    QTest::newRow("RR1 = 40/130") << Rate::RR1 << 40.0 / 130.0;
    QTest::newRow("RR2 = 50/130") << Rate::RR2 << 50.0 / 130.0;
    QTest::newRow("RR3 = 40*11/1350") << Rate::RR3 << 440.0 / 1350.0; // 0.32593
    QTest::newRow("RR4 = 50*11/1350") << Rate::RR4 << 550.0 / 1350.0; // 0.40741
    QTest::newRow("RR5 = 40/90") << Rate::RR5 << 40.0 / 90.0;
    QTest::newRow("RR6 = 50/90") << Rate::RR6 << 50.0 / 90.0;
    QTest::newRow("COOP1 = 40/(50+20+5)") << Rate::COOP1 << 40.0 / 75.0;
    QTest::newRow("COOP2 = 50/75") << Rate::COOP2 << 50.0 / 75.0;
    QTest::newRow("COOP3 = 40/(50+20)") << Rate::COOP3 << 40.0 / 70.0;
    QTest::newRow("COOP4 = 50/70") << Rate::COOP4 << 50.0 / 70.0;
    QTest::newRow("REF1 = 20/130") << Rate::REF1 << 20.0 / 130.0;
    QTest::newRow("REF2 = 20*11/1350") << Rate::REF2 << 220.0 / 1350.0;
    QTest::newRow("REF3 = 20/90") << Rate::REF3 << 20.0 / 90.0;
    QTest::newRow("CON1 = 75/(75+15+40)") << Rate::CON1 << 75.0 / 130.0;
    QTest::newRow("CON2 = 75*11/1350") << Rate::CON2 << 825.0 / 1350.0;
    QTest::newRow("CON3 = 75/90") << Rate::CON3 << 75.0 / 90.0;
}

void TestAapor::ratesMatchTheHandComputedFixture()
{
    QFETCH(Rate, rate);
    QFETCH(double, expected);
    const auto value = vsc::services::reporting::rate(rate, fixture());
    QVERIFY(value.has_value());
    QVERIFY2(
        qAbs(*value - expected) < 1e-12,
        qPrintable(QStringLiteral("%1: %2 != %3").arg(rateName(rate)).arg(*value, 0, 'f', 6).arg(expected, 0, 'f', 6)));
    QVERIFY(!rateFormula(rate).isEmpty());
}

void TestAapor::eIsTheShareEligibleAmongResolvedCases()
{
    QCOMPARE(estimatedEligibility(fixture()).value(), 90.0 / 110.0);
    QVERIFY(!estimatedEligibility(DispositionCounts{}).has_value());
    QCOMPARE(fixture().total(), qint64(150));
}

void TestAapor::emptyDenominatorsHaveNoRate()
{
    for (Rate r : allRates()) {
        QVERIFY2(!rate(r, DispositionCounts{}).has_value(), qPrintable(rateName(r)));
    }
    DispositionCounts onlyUnknown;
    onlyUnknown[Disposition::UnknownHousehold] = 7;
    QCOMPARE(rate(Rate::RR1, onlyUnknown).value(), 0.0);
    QVERIFY(!rate(Rate::RR3, onlyUnknown).has_value()); // e = 0 without resolved cases: 0 / 0
}

void TestAapor::explicitEOverridesTheEstimate()
{
    // e = 0.5: 40 / (90 + 20) = 40/110.
    QCOMPARE(rate(Rate::RR3, fixture(), 0.5).value(), 40.0 / 110.0);
}

void TestAapor::callFactsMapToDispositions_data()
{
    QTest::addColumn<CaseFacts>("facts");
    QTest::addColumn<Disposition>("expected");
    CaseFacts f;
    QTest::newRow("not dialed: UH") << f << Disposition::UnknownHousehold;
    f.attempts = 3;
    QTest::newRow("no answer / busy: UH") << f << Disposition::UnknownHousehold;
    f.technicalFailure = true;
    QTest::newRow("failed: UO") << f << Disposition::UnknownOther;
    f.machineAnswered = true;
    QTest::newRow("answering machine: NC") << f << Disposition::NonContact;
    f.invalidNumber = true;
    QTest::newRow("invalid number: NE") << f << Disposition::NotEligible;
    CaseFacts fax;
    fax.fax = true;
    QTest::newRow("fax: NE") << fax << Disposition::NotEligible;
    f.humanAnswered = true;
    QTest::newRow("hung up before the first answer: R") << f << Disposition::Refusal;
    CaseFacts optOut;
    optOut.optedOut = true;
    QTest::newRow("opted out: R") << optOut << Disposition::Refusal;
    f.answers = 2;
    f.optedOut = true;
    QTest::newRow("answered some, then stopped: P") << f << Disposition::Partial;
    f.completed = true;
    QTest::newRow("completed: I") << f << Disposition::Complete;
}

void TestAapor::callFactsMapToDispositions()
{
    QFETCH(CaseFacts, facts);
    QFETCH(Disposition, expected);
    QCOMPARE(dispositionFor(facts), expected);
}

QTEST_GUILESS_MAIN(TestAapor)
#include "tst_aapor.moc"
