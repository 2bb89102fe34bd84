// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/reporting/dashboardservice.h"
#include "ui/consoleservices.h"
#include "ui/pane.h"

#include <QHash>

class QChart;
class QChartView;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QStackedWidget;
class QTableWidget;
class QTabWidget;

namespace vsc::ui {

class KpiTile;

// KPIs, charts and AAPOR outcome rates for one campaign (or all) over a period (today, 7 days, 30 days, custom).
// Refreshed by the window (its timer and call events, coalesced); each chart is rebuilt only when its figures
// changed, and the question list only when the campaign changes.
class DashboardPane final : public Pane
{
    Q_OBJECT
public:
    explicit DashboardPane(ConsoleServices &services, QWidget *parent = nullptr);

    void refresh() override;
    void setActor(const Actor &actor) override;
    [[nodiscard]] const services::reporting::DashboardReport &report() const { return m_report; }
    [[nodiscard]] services::reporting::DashboardSelection selection() const;

private:
    using Pane::report; // the error banner; report() above is the figures shown
    void buildSelectors();
    void buildTiles();
    QWidget *buildAaporPanel();
    void reloadCampaigns();
    void reloadQuestions();
    void showReport(const services::reporting::DashboardReport &report, bool force);
    void showTiles(const services::reporting::DashboardReport &report);
    void showAapor(const services::reporting::DashboardReport &report);
    void showDistribution();
    void saveRate();
    // Shows `chart` in `view` in the palette's colours, deleting the chart shown before.
    void setChart(QChartView *view, QChart *chart);

protected:
    void changeEvent(QEvent *event) override;

private:
    ConsoleServices &m_services;
    QComboBox *m_campaign;
    QComboBox *m_period;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QDoubleSpinBox *m_rate; // billing.rate_per_minute, editable with settings.manage
    QHash<QString, KpiTile *> m_tiles;
    QLabel *m_empty;
    QTabWidget *m_charts;
    QChartView *m_hoursView;
    QChartView *m_outcomesView;
    QChartView *m_funnelView;
    QComboBox *m_question;
    QStackedWidget *m_questionStack;
    QLabel *m_questionHint;
    QChartView *m_questionView;
    QTableWidget *m_rates;
    QTableWidget *m_dispositions;
    QLabel *m_eLabel;
    services::reporting::DashboardReport m_report;
    bool m_hasReport = false;
    bool m_ready = false;
    qint64 m_questionsFor = -1; // the campaign whose questions the picker holds
    QList<services::storage::DashboardQuestion> m_questions;
};

// For --screenshots: the first campaign over 30 days, once per chart tab and with the dispositions table
// ("dashboard-<tab>.png" in `directory`), grabbing `window`. False when a picture cannot be written.
bool renderDashboardScreenshots(QWidget &window, DashboardPane &pane, const QString &directory);

} // namespace vsc::ui
