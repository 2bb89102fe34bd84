// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/campaign.h"
#include "ui/consoleservices.h"
#include "ui/pane.h"

#include <QSet>

class QCheckBox;
class QHBoxLayout;
class QTableView;
class QLabel;
class QPushButton;

namespace vsc::ui {

class CampaignEditorDialog;
class CampaignTableModel;
class Dialogs;
class EmptyState;

// Every campaign with its status and progress counts; New / Edit / Duplicate / Archive (the editor dialog), and
// Start / Pause / Stop, each confirmed, the start with the compliance preview.
class CampaignsPane final : public Pane
{
    Q_OBJECT
public:
    // Without `services.control` (no dialing from this console) Start and Pause stay hidden.
    CampaignsPane(const ConsoleServices &services, Dialogs &dialogs, QWidget *parent = nullptr);

    void refresh() override;
    void setActor(const Actor &actor) override;
    [[nodiscard]] CampaignTableModel *model() const { return m_model; }
    [[nodiscard]] qint64 selectedCampaignId() const;
    void selectCampaign(qint64 campaignId);
    // The New… / Edit… row, where other features add their buttons (the contact import wizard).
    [[nodiscard]] QHBoxLayout *editActionsLayout() const { return m_editActions; }

    // Open the editor (through Dialogs::exec) on a new or the selected campaign.
    void newCampaign();
    void editSelected();
    void duplicateSelected();
    void archiveSelected();

Q_SIGNALS:
    // Each editor the pane opens, before it is shown: connect its editScriptRequested here.
    void editorOpened(vsc::ui::CampaignEditorDialog *editor);

Q_SIGNALS:
    // "Import contacts…" for the selected campaign; the window opens the wizard.
    void importContactsRequested(qint64 campaignId);

private:
    static QString rulesText(const Campaign &campaign);
    [[nodiscard]] const Campaign *selectedCampaign() const;
    void openEditor(std::optional<qint64> campaignId);
    void startSelected();
    void pauseSelected();
    void stopSelected();
    void updateButtons();

    ConsoleServices m_services;
    Dialogs &m_dialogs;
    services::dialer::CampaignControl *m_control;
    QSet<qint64> m_databaseLost; // running campaigns paused because the database went away
    QHBoxLayout *m_editActions;
    QPushButton *m_newButton;
    QPushButton *m_editButton;
    QPushButton *m_duplicateButton;
    QPushButton *m_archiveButton;
    QCheckBox *m_showArchived;
    QPushButton *m_startButton;
    QPushButton *m_pauseButton;
    QPushButton *m_stopButton;
    QPushButton *m_importButton;
    QLabel *m_runLabel;
    CampaignTableModel *m_model;
    QTableView *m_table;
    EmptyState *m_empty;
    QLabel *m_rulesLabel;
};

} // namespace vsc::ui
