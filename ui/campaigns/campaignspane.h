// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pane.h"
#include "storage/database.h"

class QTableView;
class QLabel;

namespace vsc {
class CampaignTableModel;
}

namespace vsc::ui {

// Every campaign with its status and progress counts.
class CampaignsPane final : public Pane
{
    Q_OBJECT
public:
    explicit CampaignsPane(services::storage::Database &database, QWidget *parent = nullptr);

    void refresh() override;
    [[nodiscard]] CampaignTableModel *model() const { return m_model; }

private:
    services::storage::Database &m_database;
    CampaignTableModel *m_model;
    QTableView *m_table;
    QLabel *m_emptyLabel;
};

} // namespace vsc::ui
