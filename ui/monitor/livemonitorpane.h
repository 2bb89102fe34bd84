// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/call.h"
#include "services/storage/database.h"
#include "ui/consoleservices.h"
#include "ui/pane.h"

#include <QElapsedTimer>
#include <QSet>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QThread;
class QTimer;
class QTreeWidget;

namespace vsc::ui {

class LiveCallsModel;
class LiveCallsFilterModel;

class Dialogs;

// Calls on the line and those that ended in the last minutes (calls.monitor; numbers and names masked without
// pii.view): status, campaign, contact, a duration ticking in the call's own time, the question being asked, the
// last answer, the answering-machine verdict, the carrier and who ended it. Filters, search and sort; counters per
// status; a detail panel with the selected call's events and answers. Events change single rows (applyCallStatus,
// applyCallTurn); the whole list is read only when the pane is first shown, after a reconnect and once a minute as a
// safety net. For those with calls.hangup, a way to end a call.
class LiveMonitorPane final : public Pane
{
    Q_OBJECT
public:
    LiveMonitorPane(const ConsoleServices &services, Dialogs &dialogs, QWidget *parent = nullptr);
    ~LiveMonitorPane() override;

    // The dialing summary; the calls themselves only when stale (see the class comment).
    void refresh() override;
    // Reads every call again now.
    void reload();
    // The once-a-minute safety net (refresh() starts it): every call read again on a thread of its own, then merged
    // into the table, where rows that events changed meanwhile keep the events' values.
    void reconcileInBackground();
    [[nodiscard]] bool isReconciling() const { return m_reconcile != nullptr; }
    void setActor(const Actor &actor) override;
    // Applies one call's status change to its row at once (reading that one call when it is new or ended).
    bool applyCallStatus(qint64 attemptId, vsc::CallStatus status);
    // A stored dialogue turn: the row's question and last answer change at once.
    bool applyCallTurn(const vsc::LiveTurn &turn);
    // Selects the call's row (tests and the screenshots); false when it is not shown.
    bool selectCall(qint64 attemptId);
    [[nodiscard]] LiveCallsModel *model() const { return m_model; }
    [[nodiscard]] qint64 selectedCall() const { return m_selected; }

    // How long ended calls stay on the monitor, in their own time.
    static constexpr int kRecentMinutes = 10;
    static constexpr int kMaxRecent = 500;

public Q_SLOTS:
    // Asks, then ends the selected call through the provider (audited as the signed-in actor).
    void hangUpSelected();

private:
    void fetchCall(qint64 attemptId);
    void applyReconciled(QList<LiveCall> calls);
    void noteTouched(qint64 attemptId);
    void onSelectionChanged();
    void showDetail();
    void updateCounters();
    void scheduleCounters();
    void updateHangUpButton();
    void rebuildCampaignFilter();
    void applyFilters();

    ConsoleServices m_services;
    Dialogs &m_dialogs;
    services::storage::Database &m_database;
    QPushButton *m_hangUp;
    LiveCallsModel *m_model;
    LiveCallsFilterModel *m_proxy;
    QTableView *m_table;
    QLabel *m_summary;
    QLabel *m_counters;
    QComboBox *m_campaignFilter;
    QComboBox *m_statusFilter;
    QLineEdit *m_search;
    QLabel *m_detailTitle;
    QTreeWidget *m_timeline;
    QTreeWidget *m_answers;
    QTimer *m_tick;          // moves the durations on, once a second
    QTimer *m_countersTimer; // coalesces counter updates from bursts of events
    QElapsedTimer m_sinceLoad;
    QThread *m_reconcile = nullptr; // the background read under way
    QSet<qint64> m_touched;         // calls events changed since that read began
    QString m_dialingSummary;
    qint64 m_selected = 0;
};

class MainWindow;
// For --screenshots: the Live Monitor with the first call on the line selected, its detail panel filled
// (live-monitor-detail.png in `directory`); false when it could not be written.
bool renderLiveMonitorDetailScreenshot(MainWindow &window, const QString &directory);

} // namespace vsc::ui
