// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/user.h"
#include "ui/models/rowtablemodel.h"

namespace vsc::ui {

class UserTableModel final : public RowTableModel<User>
{
    Q_OBJECT
public:
    enum Column { UsernameColumn, NameColumn, EmailColumn, RolesColumn, SourceColumn, StateColumn, LastLoginColumn };
    using RowTableModel::RowTableModel;

protected:
    [[nodiscard]] QStringList headers() const override;
    [[nodiscard]] qint64 keyOf(const User &row) const override { return row.id; }
    [[nodiscard]] QVariant cell(const User &row, int column, int role) const override;
};

} // namespace vsc::ui
