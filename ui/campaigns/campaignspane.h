// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/campaign.h"
#include "services/storage/database.h"
#include "ui/pane.h"

#include <QSet>

class QTableView;
class QLabel;
class QPushButton;

namespace vsc::services::dialer {
class CampaignControl;
}

namespace vsc::ui {

class CampaignTableModel;

// Every campaign with its status and progress counts.
class CampaignsPane final : public Pane
{
    Q_OBJECT
public:
    // `control` may be null (no dialing from this console); then Start and Pause stay hidden.
    CampaignsPane(services::storage::Database &database, services::dialer::CampaignControl *control,
                  QWidget *parent = nullptr);

    void refresh() override;
    void setActor(const Actor &actor) override;
    [[nodiscard]] CampaignTableModel *model() const { return m_model; }
    [[nodiscard]] qint64 selectedCampaignId() const;
    void selectCampaign(qint64 campaignId);

Q_SIGNALS:
    // "Import contacts…" for the selected campaign; the window opens the wizard.
    void importContactsRequested(qint64 campaignId);

private:
    static QString rulesText(const Campaign &campaign);
    void startSelected();
    void pauseSelected();
    void updateButtons();

    services::storage::Database &m_database;
    services::dialer::CampaignControl *m_control;
    QSet<qint64> m_databaseLost; // running campaigns paused because the database went away
    QPushButton *m_startButton;
    QPushButton *m_pauseButton;
    QPushButton *m_importButton;
    QLabel *m_runLabel;
    CampaignTableModel *m_model;
    QTableView *m_table;
    QLabel *m_emptyLabel;
    QLabel *m_rulesLabel;
};

} // namespace vsc::ui
