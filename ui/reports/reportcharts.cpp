// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/reportcharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QValueAxis>

#include <algorithm>

namespace vsc::ui {

QList<services::email::MailInlineImage> renderReportCharts(const services::email::CampaignReport &report)
{
    if (report.figures.outcomes.isEmpty()) {
        return {};
    }
    auto *set = new QBarSet(QObject::tr("Calls"));
    QStringList categories;
    int highest = 0;
    for (const auto &[status, count] : report.figures.outcomes) {
        *set << count;
        categories << status;
        highest = std::max(highest, count);
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->setTitle(QObject::tr("Call outcomes"));
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(categories);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setRange(0, std::max(1, highest) * 1.15);
    axisY->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);

    QChartView view(chart); // takes the chart
    view.setRenderHint(QPainter::Antialiasing);
    view.resize(640, 320);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!view.grab().save(&buffer, "PNG")) {
        return {};
    }
    return {{QStringLiteral("outcomes-%1@voicesurvey").arg(report.campaignId), QStringLiteral("image/png"), png}};
}

} // namespace vsc::ui
