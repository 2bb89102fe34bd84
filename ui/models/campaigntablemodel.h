// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/campaign.h"
#include "ui/models/rowtablemodel.h"

namespace vsc::ui {

class CampaignTableModel final : public RowTableModel<CampaignSummary>
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StatusColumn,
        ContactsColumn,
        ProgressColumn,
        AttemptsColumn,
        ActiveColumn,
        UpdatedColumn
    };
    using RowTableModel::RowTableModel;

protected:
    [[nodiscard]] QStringList headers() const override;
    [[nodiscard]] qint64 keyOf(const CampaignSummary &row) const override { return row.campaign.id; }
    [[nodiscard]] QVariant cell(const CampaignSummary &row, int column, int role) const override;
};

QString campaignStatusLabel(CampaignStatus status);

} // namespace vsc::ui
