// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/local/localsignin.h"
#include "services/auth/local/passwordhasher.h"
#include "services/auth/secretstore.h"
#include "services/auth/session.h"
#include "services/clock.h"
#include "services/storage/migrator.h"
#include "tests/support/consolefixture.h"
#include "tests/support/dashboardfixture.h"
#include "tests/support/testdatabase.h"
#include "ui/dashboard/dashboardpane.h"
#include "ui/mainwindow.h"
#include "ui/widgets/kpitile.h"

#include <QComboBox>
#include <QLabel>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace vsc;
using vsc::ui::MainWindow;

// The Dashboard driven with keys: one campaign, 30 days, and the AAPOR rates read off the table.
class TestDashboardPane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void oneCampaignThirtyDaysShowsTheFixturesRates();
    void emptySelectionSaysWhatToDo();

private:
    static void chooseWithKeys(QComboBox *combo, const QString &text);

    services::SystemClock m_clock;
    std::unique_ptr<tests::ConsoleFixture> m_console;
    tests::DashboardFixture m_fixture;
};

void TestDashboardPane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VoiceSurveyTests"));
}

void TestDashboardPane::init()
{
    m_console = std::make_unique<tests::ConsoleFixture>(m_clock);
    QVERIFY2(m_console->isValid(), qPrintable(m_console->errorString()));
    // Two days ago: inside "Last 30 days" and "Last 7 days", outside "Today".
    m_fixture = tests::buildDashboardFixture(m_console->database(), m_clock.nowUtc().addDays(-2));
    QVERIFY2(m_fixture.error.isEmpty(), qPrintable(m_fixture.error));
}

void TestDashboardPane::cleanup()
{
    m_console.reset();
}

void TestDashboardPane::chooseWithKeys(QComboBox *combo, const QString &text)
{
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < combo->count() && combo->currentText() != text; ++i) {
        QTest::keyClick(combo, Qt::Key_Down);
    }
    QCOMPARE(combo->currentText(), text);
}

void TestDashboardPane::oneCampaignThirtyDaysShowsTheFixturesRates()
{
    MainWindow window(m_console->services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPane(MainWindow::DashboardPaneIndex);
    auto *pane = qobject_cast<ui::DashboardPane *>(window.pane(MainWindow::DashboardPaneIndex));
    QVERIFY(pane);
    pane->refresh();
    auto *campaign = pane->findChild<QComboBox *>(QStringLiteral("dashboardCampaignCombo"));
    auto *period = pane->findChild<QComboBox *>(QStringLiteral("dashboardPeriodCombo"));
    QVERIFY(campaign && period);
    chooseWithKeys(campaign, QStringLiteral("AAPOR fixture"));
    chooseWithKeys(period, QStringLiteral("Last 30 days"));
    QCOMPARE(pane->selection().campaignId.value_or(0), m_fixture.campaignId);

    // tests/support/dashboardfixture.h: I=4 P=2 R=3 NC=2 O=0 UH=3 UO=1 NE=1, so e = 11/12 and
    // (I+P)+(R+NC+O)+e(UH+UO) = 11 + 11/3 = 44/3. By hand:
    //   RR1 = 4/15 = 0.267   RR2 = 6/15 = 0.400   RR3 = 4/(44/3) = 0.273   RR4 = 6/(44/3) = 0.409
    //   RR5 = 4/11 = 0.364   RR6 = 6/11 = 0.545   COOP1 = COOP3 = 4/9 = 0.444   COOP2 = COOP4 = 6/9 = 0.667
    //   REF1 = 3/15 = 0.200  REF2 = 3/(44/3) = 0.205   REF3 = 3/11 = 0.273
    //   CON1 = 9/15 = 0.600  CON2 = 9/(44/3) = 0.614   CON3 = 9/11 = 0.818
    const QList<std::pair<QString, double>> expected{
        {QStringLiteral("RR1"), 0.267},   {QStringLiteral("RR2"), 0.400},   {QStringLiteral("RR3"), 0.273},
        {QStringLiteral("RR4"), 0.409},   {QStringLiteral("RR5"), 0.364},   {QStringLiteral("RR6"), 0.545},
        {QStringLiteral("COOP1"), 0.444}, {QStringLiteral("COOP2"), 0.667}, {QStringLiteral("COOP3"), 0.444},
        {QStringLiteral("COOP4"), 0.667}, {QStringLiteral("REF1"), 0.200},  {QStringLiteral("REF2"), 0.205},
        {QStringLiteral("REF3"), 0.273},  {QStringLiteral("CON1"), 0.600},  {QStringLiteral("CON2"), 0.614},
        {QStringLiteral("CON3"), 0.818},
    };
    auto *rates = pane->findChild<QTableWidget *>(QStringLiteral("aaporRatesTable"));
    QVERIFY(rates);
    QCOMPARE(rates->rowCount(), expected.size());
    const QLocale locale;
    for (int row = 0; row < expected.size(); ++row) {
        QCOMPARE(rates->item(row, 0)->text(), expected.at(row).first);
        QCOMPARE(rates->item(row, 1)->text(), locale.toString(expected.at(row).second, 'f', 3));
        QVERIFY2(rates->item(row, 1)->toolTip().contains(QStringLiteral(" / ")), qPrintable(expected.at(row).first));
    }
    QVERIFY(rates->item(2, 1)->toolTip().contains(QStringLiteral("I / ((I+P) + (R+NC+O) + e(UH+UO))")));
    auto *dispositions = pane->findChild<QTableWidget *>(QStringLiteral("aaporDispositionsTable"));
    QList<QString> counts;
    for (int row = 0; row < dispositions->rowCount(); ++row) {
        counts << dispositions->item(row, 2)->text();
    }
    QCOMPARE(counts,
             (QList<QString>{QStringLiteral("4"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("2"),
                             QStringLiteral("0"), QStringLiteral("3"), QStringLiteral("1"), QStringLiteral("1")}));
    QCOMPARE(pane->findChild<ui::KpiTile *>(QStringLiteral("attemptsTile"))->value(), locale.toString(17));
    QCOMPARE(pane->findChild<ui::KpiTile *>(QStringLiteral("completedTile"))->value(), locale.toString(4));
    QVERIFY(pane->findChild<QLabel *>(QStringLiteral("dashboardEmptyLabel"))->isHidden());
}

void TestDashboardPane::emptySelectionSaysWhatToDo()
{
    MainWindow window(m_console->services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPane(MainWindow::DashboardPaneIndex);
    auto *pane = qobject_cast<ui::DashboardPane *>(window.pane(MainWindow::DashboardPaneIndex));
    pane->refresh();
    chooseWithKeys(pane->findChild<QComboBox *>(QStringLiteral("dashboardPeriodCombo")), QStringLiteral("Today"));
    auto *empty = pane->findChild<QLabel *>(QStringLiteral("dashboardEmptyLabel"));
    QVERIFY(!empty->isHidden());
    QVERIFY(empty->text().contains(QStringLiteral("Campaigns")));
    QCOMPARE(pane->findChild<QTableWidget *>(QStringLiteral("aaporRatesTable"))->item(0, 1)->text(),
             QStringLiteral("–"));
}

QTEST_MAIN(TestDashboardPane)
#include "tst_dashboardpane.moc"
