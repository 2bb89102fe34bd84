// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/consoleservices.h"
#include "ui/pane.h"

#include <optional>

class QPushButton;
class QTreeWidget;

namespace vsc::ui {

class Dialogs;
class EmptyState;

// Every survey script with its versions, for those who edit them (campaign.edit): New, Edit (the selected version,
// or a script's newest), Try it, Import and Export of the JSON format.
class ScriptsPane final : public Pane
{
    Q_OBJECT
public:
    ScriptsPane(ConsoleServices &services, Dialogs &dialogs, QWidget *parent = nullptr);

    void refresh() override;
    void setActor(const Actor &actor) override;
    // The selected version, or the selected script's newest.
    [[nodiscard]] std::optional<qint64> selectedVersionId() const;
    void selectVersion(qint64 versionId);

public Q_SLOTS:
    void newScript();
    void editSelected();
    void trySelected();
    void importScript();
    void exportSelected();

private:
    void openEditor(std::optional<qint64> versionId, bool tryIt);
    void updateButtons();

    ConsoleServices &m_services;
    Dialogs &m_dialogs;
    QTreeWidget *m_tree;
    QPushButton *m_new;
    QPushButton *m_edit;
    QPushButton *m_try;
    QPushButton *m_import;
    QPushButton *m_export;
    EmptyState *m_empty = nullptr; // instead of the empty table: what to do next
};

// The script editor, its Try it tab in action and its Languages tab, as PNGs in `directory` (for --screenshots).
bool renderScriptScreenshots(ConsoleServices &services, const QString &directory);

} // namespace vsc::ui
