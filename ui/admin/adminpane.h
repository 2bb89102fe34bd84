// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pane.h"
#include "storage/database.h"

class QTableView;
class QTreeWidget;

namespace vsc {
class UserTableModel;
}

namespace vsc::ui {

// Users with their roles, and what each role may do.
class AdminPane final : public Pane
{
    Q_OBJECT
public:
    explicit AdminPane(services::storage::Database &database, QWidget *parent = nullptr);

    void refresh() override;
    [[nodiscard]] UserTableModel *model() const { return m_model; }

private:
    services::storage::Database &m_database;
    UserTableModel *m_model;
    QTableView *m_users;
    QTreeWidget *m_roles;
};

} // namespace vsc::ui
