// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/storage/resultsrepository.h"
#include "ui/consoleservices.h"
#include "ui/pane.h"

#include <QPointer>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QPushButton;
class QTableView;
class QThread;

namespace vsc::ui {

class Dialogs;
class EmptyState;
class ResultsTableModel;

// A campaign's results: one row per contact with its disposition, attempts, last attempt, script version and one
// column per question; filters by disposition, answer text and number. The table loads a page at a time as it
// scrolls (ResultsTableModel). Export… writes the filtered contacts as CSV, XLSX or SPSS .sav (one row per call
// attempt) on a thread of its own, with a progress dialog that can cancel. Needs results.view; export
// results.export. "Why not dialed?" explains the selected contact. Numbers and names are masked without pii.view.
class ResultsPane final : public Pane
{
    Q_OBJECT
public:
    ResultsPane(ConsoleServices &services, Dialogs &dialogs, QWidget *parent = nullptr);
    ~ResultsPane() override;

    // The campaign list; the table is loaded once per campaign and filter (a scrolled table is not reset by the
    // window's refresh timer), and again with reload().
    void refresh() override;
    void setActor(const Actor &actor) override;
    [[nodiscard]] ResultsTableModel *model() const { return m_model; }
    [[nodiscard]] qint64 campaignId() const;
    void selectCampaign(qint64 campaignId);
    [[nodiscard]] bool isExporting() const { return m_exportThread != nullptr; }

public Q_SLOTS:
    void reload();
    // Asks for a file (its suffix picks the format) and exports in the background.
    void exportResults();
    // Says whether the selected contact is dialed now and, if not, every rule that holds it back (the dialer's own
    // rules, as `explain --contact` prints them), in the user's language. Needs contacts.view.
    void explainSelected();

Q_SIGNALS:
    // An export ended: written, failed or cancelled (`message` says which).
    void exportFinished(bool written, const QString &message);

private:
    [[nodiscard]] services::storage::ResultsFilter filter() const;
    void finishExport(const Result<qint64> &rows, const QString &path);
    void showEmptyState(const QString &message);

    ConsoleServices &m_services;
    Dialogs &m_dialogs;
    QComboBox *m_campaign;
    QComboBox *m_disposition;
    QLineEdit *m_answerSearch;
    QLineEdit *m_phoneSearch;
    QPushButton *m_reload;
    QPushButton *m_export;
    QPushButton *m_explain;
    QTableView *m_table;
    ResultsTableModel *m_model;
    QLabel *m_countLabel;
    qint64 m_loadedCampaign = 0;
    QThread *m_exportThread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QPointer<QProgressDialog> m_progress;
    EmptyState *m_empty = nullptr; // instead of the empty table: what to do next
};

// The results pane's dialogs for docs/screenshots: the do-not-call Add dialog and an export in progress.
void renderResultsScreenshots(ConsoleServices &services, const QString &directory);

} // namespace vsc::ui
