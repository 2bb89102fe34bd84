// SPDX-License-Identifier: GPL-3.0-or-later
#include "livemonitorpane.h"

#include "livecallsmodel.h"
#include "storage/callrepository.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace vsc::ui {

LiveMonitorPane::LiveMonitorPane(services::storage::Database &database, QWidget *parent)
    : Pane(tr("Live Monitor"), parent), m_database(database), m_model(new LiveCallsModel(this)),
      m_table(new QTableView(this)), m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("liveMonitorPane"));
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    m_summary->setObjectName(QStringLiteral("liveSummaryLabel"));
    m_table->setObjectName(QStringLiteral("liveCallsTableView"));
    m_table->setModel(proxy);
    // Keep the repository order (newest first) until the user clicks a header.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(LiveCallsModel::CampaignColumn, QHeaderView::Stretch);
    contentLayout()->addWidget(m_summary);
    contentLayout()->addWidget(m_table, 1);
}

void LiveMonitorPane::refresh()
{
    services::storage::CallRepository repository(m_database);
    auto calls = repository.liveCalls();
    if (!report(calls)) {
        return;
    }
    m_model->setNow(QDateTime::currentDateTimeUtc());
    m_model->setRows(calls.value());
    m_summary->setText(calls.value().isEmpty()
                           ? tr("No calls in progress.")
                           : tr("%n call(s) in progress. Numbers are masked.", nullptr, int(calls.value().size())));
}

bool LiveMonitorPane::applyCallStatus(qint64 attemptId, CallStatus status)
{
    return m_model->applyStatus(attemptId, status, QDateTime::currentDateTimeUtc());
}

} // namespace vsc::ui
