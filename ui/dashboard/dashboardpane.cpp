// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dashboard/dashboardpane.h"

#include "services/storage/dashboardrepository.h"
#include "ui/widgets/kpitile.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QLocale>
#include <QStackedBarSeries>
#include <QValueAxis>

namespace vsc::ui {

DashboardPane::DashboardPane(services::storage::Database &database, QWidget *parent)
    : Pane(tr("Dashboard"), parent), m_database(database), m_chartView(new QChartView(this))
{
    setObjectName(QStringLiteral("dashboardPane"));
    auto *grid = new QGridLayout;
    grid->setSpacing(12);
    const QList<std::pair<QString, QString>> tiles{
        {QStringLiteral("contacts"), tr("Contacts")},        {QStringLiteral("attempts"), tr("Calls placed")},
        {QStringLiteral("answerRate"), tr("Answer rate")},   {QStringLiteral("completion"), tr("Surveys completed")},
        {QStringLiteral("answers"), tr("Answers recorded")}, {QStringLiteral("duration"), tr("Average call")},
        {QStringLiteral("optOuts"), tr("Opt-outs")},         {QStringLiteral("active"), tr("Live calls")},
    };
    for (int i = 0; i < tiles.size(); ++i) {
        auto *tile = new KpiTile(tiles.at(i).second, this);
        tile->setObjectName(tiles.at(i).first + QStringLiteral("Tile"));
        m_tiles.insert(tiles.at(i).first, tile);
        grid->addWidget(tile, i / 4, i % 4);
    }
    contentLayout()->addLayout(grid);
    m_chartView->setObjectName(QStringLiteral("outcomesChartView"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(260);
    contentLayout()->addWidget(m_chartView, 1);
}

void DashboardPane::refresh()
{
    services::storage::DashboardRepository repository(m_database);
    auto kpis = repository.kpis(QDateTime::currentDateTimeUtc());
    if (!report(kpis)) {
        return;
    }
    showKpis(kpis.value());
}

void DashboardPane::showKpis(const DashboardKpis &k)
{
    m_kpis = k;
    const QLocale locale;
    auto percent = [&](double ratio) -> QString {
        return locale.toString(ratio * 100.0, 'f', 1) + QStringLiteral(" %");
    };
    m_tiles.value(QStringLiteral("contacts"))
        ->setValue(locale.toString(k.contacts), tr("in %n campaign(s)", nullptr, k.campaigns));
    m_tiles.value(QStringLiteral("attempts"))
        ->setValue(locale.toString(k.attempts), tr("%n campaign(s) running", nullptr, k.runningCampaigns));
    m_tiles.value(QStringLiteral("answerRate"))
        ->setValue(percent(k.answerRate()), tr("%1 answered").arg(locale.toString(k.answeredAttempts)));
    m_tiles.value(QStringLiteral("completion"))
        ->setValue(locale.toString(k.completedContacts), tr("%1 of contacts").arg(percent(k.completionRate())));
    m_tiles.value(QStringLiteral("answers"))->setValue(locale.toString(k.answers), tr("speech and keypad"));
    const int seconds = int(k.averageDurationSeconds + 0.5);
    m_tiles.value(QStringLiteral("duration"))
        ->setValue(QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0')),
                   tr("minutes per connected call"));
    m_tiles.value(QStringLiteral("optOuts"))->setValue(locale.toString(k.optOuts), tr("added to the do-not-call list"));
    m_tiles.value(QStringLiteral("active"))->setValue(locale.toString(k.activeCalls), tr("ringing or in progress"));

    auto *completed = new QBarSet(tr("Completed"));
    auto *noAnswer = new QBarSet(tr("No answer / busy"));
    auto *failed = new QBarSet(tr("Failed"));
    completed->setColor(QColor(0x2e, 0x7d, 0x32));
    noAnswer->setColor(QColor(0xf9, 0xa8, 0x25));
    failed->setColor(QColor(0xc6, 0x28, 0x28));
    QStringList days;
    int highest = 0;
    for (const DailyOutcomes &d : k.lastDays) {
        *completed << d.completed;
        *noAnswer << d.noAnswer;
        *failed << d.failed;
        days << locale.toString(d.day, QStringLiteral("ddd d MMM"));
        highest = qMax(highest, d.completed + d.noAnswer + d.failed);
    }
    auto *series = new QStackedBarSeries;
    series->append(completed);
    series->append(noAnswer);
    series->append(failed);
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->setTitle(tr("Call outcomes, last %n day(s) (UTC)", nullptr, int(k.lastDays.size())));
    auto *axisX = new QBarCategoryAxis;
    axisX->append(days);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setRange(0, qMax(5, highest + highest / 10 + 1));
    axisY->setLabelFormat(QStringLiteral("%d"));
    axisY->applyNiceNumbers();
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    QChart *old = m_chartView->chart();
    m_chartView->setChart(chart);
    delete old;
}

} // namespace vsc::ui
