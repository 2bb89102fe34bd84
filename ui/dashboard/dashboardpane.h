// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/kpis.h"
#include "services/storage/database.h"
#include "ui/pane.h"

#include <QHash>

class QChartView;
namespace QtCharts {
}

namespace vsc::ui {

class KpiTile;

// KPI tiles across every campaign and the last seven days' call outcomes.
class DashboardPane final : public Pane
{
    Q_OBJECT
public:
    explicit DashboardPane(services::storage::Database &database, QWidget *parent = nullptr);

    void refresh() override;
    [[nodiscard]] const DashboardKpis &kpis() const { return m_kpis; }

private:
    void showKpis(const DashboardKpis &kpis);

    services::storage::Database &m_database;
    QHash<QString, KpiTile *> m_tiles;
    QChartView *m_chartView;
    DashboardKpis m_kpis;
};

} // namespace vsc::ui
