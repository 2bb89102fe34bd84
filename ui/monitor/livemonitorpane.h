// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/call.h"
#include "services/storage/database.h"
#include "ui/pane.h"

class QTableView;
class QLabel;

namespace vsc::ui {

class LiveCallsModel;

// Calls that are queued, ringing or in progress right now.
class LiveMonitorPane final : public Pane
{
    Q_OBJECT
public:
    explicit LiveMonitorPane(services::storage::Database &database, QWidget *parent = nullptr);

    void refresh() override;
    // Applies one call's status change to its row at once; false when the call is not shown yet.
    bool applyCallStatus(qint64 attemptId, vsc::CallStatus status);
    [[nodiscard]] LiveCallsModel *model() const { return m_model; }

private:
    services::storage::Database &m_database;
    LiveCallsModel *m_model;
    QTableView *m_table;
    QLabel *m_summary;
};

} // namespace vsc::ui
