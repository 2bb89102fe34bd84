// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/consoleservices.h"
#include "ui/pane.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace vsc::ui {

class Dialogs;
class EmptyState;
class SuppressionTableModel;

// The do-not-call list: every entry (global or per campaign) with its reason, source, when and by whom; search by
// number; Add… (suppression.manage), Remove (suppression.manage, confirmed), Import CSV…, Export CSV…. Numbers are
// masked without pii.view. Refreshes with the window and at once when a caller opts out (onSuppressionsChanged).
class SuppressionPane final : public Pane
{
    Q_OBJECT
public:
    static constexpr int kShownEntries = 1000; // the newest; the search narrows the rest

    SuppressionPane(ConsoleServices &services, Dialogs &dialogs, QWidget *parent = nullptr);

    void refresh() override;
    void setActor(const Actor &actor) override;
    [[nodiscard]] SuppressionTableModel *model() const { return m_model; }
    // Default region for numbers typed without +country code (the settings' default phone region).
    void setDefaultRegion(const QString &region) { m_region = region; }

public Q_SLOTS:
    void addEntry();
    void removeSelected();
    void importCsv();
    void exportCsv();

private:
    void updateButtons();

    ConsoleServices &m_services;
    Dialogs &m_dialogs;
    QString m_region = QStringLiteral("US");
    QLineEdit *m_search;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_import;
    QPushButton *m_export;
    SuppressionTableModel *m_model;
    QTableView *m_table;
    QLabel *m_countLabel;
    EmptyState *m_empty = nullptr; // instead of the empty table: what to do next
};

} // namespace vsc::ui
