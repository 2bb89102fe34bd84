// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/livemonitorpane.h"

#include "services/dialer/campaignlease.h"
#include "services/storage/callrepository.h"
#include "ui/models/livecallsmodel.h"

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
    m_summary->setTextFormat(Qt::PlainText); // campaign names and dialer labels are user data, never markup
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
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_model->setNow(now);
    m_model->setRows(calls.value());
    QString summary = calls.value().isEmpty()
                          ? tr("No calls in progress.")
                          : tr("%n call(s) in progress. Numbers are masked.", nullptr, int(calls.value().size()));
    // Who is dialing what, across every console and headless dialer on this database.
    auto leases = services::dialer::CampaignLease::active(m_database);
    if (leases.ok()) {
        QStringList dialing;
        for (const services::dialer::LeaseInfo &lease : leases.value()) {
            dialing << tr("%1 by %2").arg(lease.campaignName, lease.label);
        }
        summary += u' ' + (dialing.isEmpty() ? tr("No campaign is being dialed.")
                                             : tr("Dialing: %1.").arg(dialing.join(QStringLiteral("; "))));
    }
    m_summary->setText(summary);
}

bool LiveMonitorPane::applyCallStatus(qint64 attemptId, CallStatus status)
{
    return m_model->applyStatus(attemptId, status, QDateTime::currentDateTimeUtc());
}

} // namespace vsc::ui
