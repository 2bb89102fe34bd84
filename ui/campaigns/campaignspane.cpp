// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignspane.h"

#include "campaigntablemodel.h"
#include "storage/campaignrepository.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace vsc::ui {

CampaignsPane::CampaignsPane(services::storage::Database &database, QWidget *parent)
    : Pane(tr("Campaigns"), parent), m_database(database), m_model(new CampaignTableModel(this)),
      m_table(new QTableView(this)), m_emptyLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("campaignsPane"));
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("campaignsTableView"));
    m_table->setModel(proxy);
    // Keep the repository order (newest first) until the user clicks a header.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(CampaignTableModel::NameColumn, QHeaderView::Stretch);
    m_emptyLabel->setText(tr("No campaigns yet. Start the console with --demo to explore a sample campaign."));
    m_emptyLabel->setObjectName(QStringLiteral("campaignsEmptyLabel"));
    m_emptyLabel->hide();
    contentLayout()->addWidget(m_emptyLabel);
    contentLayout()->addWidget(m_table, 1);
}

void CampaignsPane::refresh()
{
    services::storage::CampaignRepository repository(m_database);
    auto rows = repository.summaries();
    if (!report(rows)) {
        return;
    }
    m_model->setRows(rows.value());
    m_emptyLabel->setVisible(rows.value().isEmpty());
}

} // namespace vsc::ui
