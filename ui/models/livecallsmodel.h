// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/call.h"
#include "models/contact.h"
#include "ui/models/rowtablemodel.h"

#include <QDateTime>

namespace vsc::ui {

class LiveCallsModel final : public RowTableModel<LiveCall>
{
    Q_OBJECT
public:
    enum Column {
        CampaignColumn,
        ContactColumn,
        PhoneColumn,
        StatusColumn,
        DurationColumn,
        AnswersColumn,
        ProviderColumn
    };
    using RowTableModel::RowTableModel;

    // The moment durations are measured against; the pane sets it on each refresh.
    void setNow(const QDateTime &now) { m_now = now; }

    // One call's new status from an event: the row changes at once, an ended call leaves the table.
    // False when the call is not in the table (a new call: the caller reloads).
    bool applyStatus(qint64 attemptId, CallStatus status, const QDateTime &at);

protected:
    [[nodiscard]] QStringList headers() const override;
    [[nodiscard]] qint64 keyOf(const LiveCall &row) const override { return row.attemptId; }
    [[nodiscard]] QVariant cell(const LiveCall &row, int column, int role) const override;

private:
    QDateTime m_now;
};

QString callStatusLabel(CallStatus status);

} // namespace vsc::ui
