// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/call.h"
#include "services/storage/database.h"
#include "ui/consoleservices.h"
#include "ui/pane.h"

class QLabel;
class QPushButton;
class QTableView;

namespace vsc::ui {

class LiveCallsModel;

class Dialogs;

// Calls that are queued, ringing or in progress right now (calls.monitor; numbers and names masked without
// pii.view), and, for those with calls.hangup, a way to end one.
class LiveMonitorPane final : public Pane
{
    Q_OBJECT
public:
    LiveMonitorPane(const ConsoleServices &services, Dialogs &dialogs, QWidget *parent = nullptr);

    void refresh() override;
    void setActor(const Actor &actor) override;
    // Applies one call's status change to its row at once; false when the call is not shown yet.
    bool applyCallStatus(qint64 attemptId, vsc::CallStatus status);
    [[nodiscard]] LiveCallsModel *model() const { return m_model; }

public Q_SLOTS:
    // Asks, then ends the selected call through the provider (audited as the signed-in actor).
    void hangUpSelected();

private:
    ConsoleServices m_services;
    Dialogs &m_dialogs;
    services::storage::Database &m_database;
    QPushButton *m_hangUp;
    LiveCallsModel *m_model;
    QTableView *m_table;
    QLabel *m_summary;
};

} // namespace vsc::ui
