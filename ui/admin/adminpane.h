// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/storage/database.h"
#include "ui/pane.h"

class QTableView;
class QTreeWidget;

namespace vsc::ui {

class UserTableModel;

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
