// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/storage/suppressionrepository.h"
#include "ui/models/rowtablemodel.h"

namespace vsc::ui {

// The do-not-call list, one entry a row, keyed by entry id.
class SuppressionTableModel final : public RowTableModel<services::storage::Suppression>
{
    Q_OBJECT
public:
    enum Column { NumberColumn, ScopeColumn, ReasonColumn, SourceColumn, AddedAtColumn, AddedByColumn };
    using RowTableModel::RowTableModel;

    static QString sourceText(const QString &source);

protected:
    [[nodiscard]] QStringList headers() const override;
    [[nodiscard]] qint64 keyOf(const services::storage::Suppression &row) const override { return row.id; }
    [[nodiscard]] QVariant cell(const services::storage::Suppression &row, int column, int role) const override;
};

} // namespace vsc::ui
