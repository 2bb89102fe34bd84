// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/campaigns/campaignspane.h"

#include "services/dialer/campaigncontrol.h"
#include "services/dialer/campaignlease.h"
#include "services/storage/campaignrepository.h"
#include "ui/models/campaigntablemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace vsc::ui {

CampaignsPane::CampaignsPane(services::storage::Database &database, services::dialer::CampaignControl *control,
                             QWidget *parent)
    : Pane(tr("Campaigns"), parent), m_database(database), m_control(control),
      m_startButton(new QPushButton(tr("Start dialing"), this)), m_pauseButton(new QPushButton(tr("Pause"), this)),
      m_importButton(new QPushButton(tr("Import contacts…"), this)), m_runLabel(new QLabel(this)),
      m_model(new CampaignTableModel(this)), m_table(new QTableView(this)), m_emptyLabel(new QLabel(this)),
      m_rulesLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("campaignsPane"));
    m_startButton->setObjectName(QStringLiteral("startCampaignButton"));
    m_pauseButton->setObjectName(QStringLiteral("pauseCampaignButton"));
    m_runLabel->setObjectName(QStringLiteral("runStateLabel"));
    m_runLabel->setTextFormat(Qt::PlainText); // names the dialer holding the campaign: user data, never markup
    m_startButton->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_pauseButton->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    m_importButton->setObjectName(QStringLiteral("importContactsButton"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_startButton);
    actions->addWidget(m_pauseButton);
    actions->addWidget(m_runLabel, 1);
    actions->addWidget(m_importButton);
    connect(m_importButton, &QPushButton::clicked, this,
            [this] { Q_EMIT importContactsRequested(selectedCampaignId()); });
    contentLayout()->addLayout(actions);
    m_startButton->setVisible(m_control != nullptr);
    m_pauseButton->setVisible(m_control != nullptr);
    connect(m_startButton, &QPushButton::clicked, this, &CampaignsPane::startSelected);
    connect(m_pauseButton, &QPushButton::clicked, this, &CampaignsPane::pauseSelected);
    if (m_control) {
        connect(m_control, &services::dialer::CampaignControl::runningChanged, this, &CampaignsPane::updateButtons);
        connect(m_control, &services::dialer::CampaignControl::runFinished, this, [this] { refresh(); });
        connect(m_control, &services::dialer::CampaignControl::databaseAvailabilityChanged, this,
                [this](qint64 campaignId, bool available) {
                    if (available) {
                        m_databaseLost.remove(campaignId);
                    } else {
                        m_databaseLost.insert(campaignId);
                    }
                    updateButtons();
                });
    }
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("campaignsTableView"));
    m_table->setModel(proxy);
    // Keep the repository order (newest first) until the user clicks a header.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(CampaignTableModel::NameColumn, QHeaderView::Stretch);
    m_emptyLabel->setText(tr("No campaigns yet. Start the console with --demo to explore a sample campaign."));
    m_emptyLabel->setObjectName(QStringLiteral("campaignsEmptyLabel"));
    m_emptyLabel->setTextFormat(Qt::PlainText);
    m_emptyLabel->hide();
    contentLayout()->addWidget(m_emptyLabel);
    contentLayout()->addWidget(m_table, 1);
    m_rulesLabel->setObjectName(QStringLiteral("dialRulesLabel"));
    m_rulesLabel->setWordWrap(true);
    m_rulesLabel->setTextFormat(Qt::PlainText);
    contentLayout()->addWidget(m_rulesLabel);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CampaignsPane::updateButtons);
    updateButtons();
}

// The dialing rules of a campaign in one paragraph, as the dialer applies them.
QString CampaignsPane::rulesText(const Campaign &c)
{
    auto hhmm = [](const QTime &t, bool end) {
        return end && t == QTime(0, 0) ? QStringLiteral("24:00") : t.toString(QStringLiteral("HH:mm"));
    };
    QStringList parts;
    parts << tr("Calls %1–%2 in each contact's local time").arg(hhmm(c.windowStart, false), hhmm(c.windowEnd, true));
    QStringList blocked;
    for (const QString &day : c.blockedWeekdays.split(u',', Qt::SkipEmptyParts)) {
        const int d = day.trimmed().toInt();
        if (d >= 1 && d <= 7) {
            blocked << QLocale().dayName(d);
        }
    }
    blocked << c.blockedDates.split(u',', Qt::SkipEmptyParts);
    if (!blocked.isEmpty()) {
        parts << tr("never on %1").arg(blocked.join(QStringLiteral(", ")));
    }
    parts << tr("pace %1 calls/s, at most %2 at once").arg(c.callsPerSecond).arg(c.maxConcurrentCalls);
    parts << tr("at most %n attempt(s) per contact", nullptr, c.maxAttempts);
    QStringList retries;
    for (auto it = c.retryPolicy.cbegin(); it != c.retryPolicy.cend(); ++it) {
        retries << tr("%1 after %2 min").arg(it.key()).arg(it.value().toInt() / 60);
    }
    if (!retries.isEmpty()) {
        parts << tr("retry %1").arg(retries.join(QStringLiteral(", ")));
    }
    QStringList cells;
    for (auto field = c.quotas.cbegin(); field != c.quotas.cend(); ++field) {
        const QVariantMap limits = field.value().toMap();
        for (auto cell = limits.cbegin(); cell != limits.cend(); ++cell) {
            cells << QStringLiteral("%1 = %2: %3").arg(field.key(), cell.key()).arg(cell.value().toInt());
        }
    }
    if (!cells.isEmpty()) {
        parts << tr("quotas %1").arg(cells.join(QStringLiteral(", ")));
    }
    parts << tr("3 calls per number in 30 days across campaigns; suppressed numbers are never called");
    return parts.join(QStringLiteral(" · ")) + u'.';
}

qint64 CampaignsPane::selectedCampaignId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.constFirst().data(Qt::UserRole).toLongLong();
}

void CampaignsPane::selectCampaign(qint64 campaignId)
{
    const QAbstractItemModel *proxy = m_table->model();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        if (proxy->index(row, 0).data(Qt::UserRole).toLongLong() == campaignId) {
            m_table->selectRow(row);
            return;
        }
    }
}

void CampaignsPane::startSelected()
{
    const qint64 id = selectedCampaignId();
    if (!m_control || id == 0) {
        return;
    }
    auto started = m_control->start(actor(), id);
    report(started);
    refresh();
}

void CampaignsPane::pauseSelected()
{
    const qint64 id = selectedCampaignId();
    if (m_control && id != 0) {
        report(m_control->pause(actor(), id));
        refresh();
    }
}

void CampaignsPane::setActor(const Actor &actor)
{
    Pane::setActor(actor);
    updateButtons();
}

void CampaignsPane::updateButtons()
{
    const qint64 id = selectedCampaignId();
    m_rulesLabel->clear();
    for (const CampaignSummary &row : m_model->rows()) {
        if (row.campaign.id == id) {
            m_rulesLabel->setText(rulesText(row.campaign));
        }
    }
    const bool running = m_control && id != 0 && m_control->isRunning(id);
    const bool mayRun = actor().has(Permission::CampaignRun);
    m_startButton->setEnabled(m_control && id != 0 && !running && mayRun);
    m_pauseButton->setEnabled(running && mayRun);
    m_importButton->setEnabled(id != 0 && actor().has(Permission::ContactsImport));
    m_importButton->setToolTip(actor().has(Permission::ContactsImport)
                                   ? QString()
                                   : tr("Importing contacts needs the contacts.import permission."));
    if (!m_control) {
        m_runLabel->setText(tr("Dialing is not available in this console."));
    } else if (!mayRun) {
        m_runLabel->setText(tr("Starting and pausing campaigns needs the campaign.run permission."));
    } else if (id == 0) {
        m_runLabel->setText(tr("Select a campaign to start or pause it."));
    } else if (running && m_databaseLost.contains(id)) {
        m_runLabel->setText(tr("Dialing paused: the database is unavailable. It resumes by itself; calls in "
                               "progress continue and their answers are kept until it is back."));
    } else if (running) {
        m_runLabel->setText(tr("Dialing through the %1.").arg(m_control->providerDescription()));
    } else {
        // Another console or a headless dialer may hold the campaign: say who, and do not offer to start it.
        auto holder = services::dialer::CampaignLease::current(m_database, id);
        if (holder.ok() && holder.value() && holder.value()->live) {
            m_startButton->setEnabled(false);
            m_runLabel->setText(tr("Being dialed by %1.").arg(holder.value()->label));
        } else {
            m_runLabel->setText(tr("Calls go through the %1.").arg(m_control->providerDescription()));
        }
    }
}

void CampaignsPane::refresh()
{
    services::storage::CampaignRepository repository(m_database);
    auto rows = repository.summaries();
    if (!report(rows)) {
        return;
    }
    const qint64 selected = selectedCampaignId();
    m_model->setRows(rows.value());
    m_emptyLabel->setVisible(rows.value().isEmpty());
    if (selected == 0 && !rows.value().isEmpty()) {
        m_table->selectRow(0);
    }
    updateButtons();
}

} // namespace vsc::ui
