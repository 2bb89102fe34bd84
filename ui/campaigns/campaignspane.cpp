// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/campaigns/campaignspane.h"

#include "services/campaigns/campaignservice.h"
#include "services/clock.h"
#include "services/dialer/campaigncontrol.h"
#include "services/dialer/campaignlease.h"
#include "services/storage/campaignrepository.h"
#include "ui/campaigns/campaigneditordialog.h"
#include "ui/dialogs.h"
#include "ui/models/campaigntablemodel.h"
#include "ui/scripts/scripteditordialog.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/icons.h"

#include <QCheckBox>

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

CampaignsPane::CampaignsPane(const ConsoleServices &services, Dialogs &dialogs, QWidget *parent)
    : Pane(tr("Campaigns"), parent), m_services(services), m_dialogs(dialogs), m_control(services.control),
      m_editActions(new QHBoxLayout), m_newButton(new QPushButton(tr("New…"), this)),
      m_editButton(new QPushButton(tr("Edit…"), this)), m_duplicateButton(new QPushButton(tr("Duplicate"), this)),
      m_archiveButton(new QPushButton(tr("Archive"), this)), m_showArchived(new QCheckBox(tr("Show archived"), this)),
      m_startButton(new QPushButton(tr("Start dialing"), this)), m_pauseButton(new QPushButton(tr("Pause"), this)),
      m_stopButton(new QPushButton(tr("Stop…"), this)), m_importButton(new QPushButton(tr("Import contacts…"), this)),
      m_runLabel(new QLabel(this)), m_model(new CampaignTableModel(this)), m_table(new QTableView(this)),
      m_empty(new EmptyState(Icon::Campaigns,
                             tr("No campaigns yet. Create one with New campaign…, then import its contacts and "
                                "start dialing."),
                             this)),
      m_rulesLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("campaignsPane"));
    m_newButton->setObjectName(QStringLiteral("newCampaignButton"));
    m_editButton->setObjectName(QStringLiteral("editCampaignButton"));
    m_duplicateButton->setObjectName(QStringLiteral("duplicateCampaignButton"));
    m_archiveButton->setObjectName(QStringLiteral("archiveCampaignButton"));
    m_showArchived->setObjectName(QStringLiteral("showArchivedCheck"));
    m_newButton->setIcon(themedIcon(Icon::New));
    m_editButton->setIcon(themedIcon(Icon::Edit));
    m_duplicateButton->setIcon(themedIcon(Icon::Duplicate));
    m_archiveButton->setIcon(themedIcon(Icon::Archive));
    m_editActions->addWidget(m_newButton);
    m_editActions->addWidget(m_editButton);
    m_editActions->addWidget(m_duplicateButton);
    m_editActions->addWidget(m_archiveButton);
    m_editActions->addStretch(1);
    m_editActions->addWidget(m_showArchived);
    contentLayout()->addLayout(m_editActions);
    connect(m_newButton, &QPushButton::clicked, this, &CampaignsPane::newCampaign);
    connect(m_editButton, &QPushButton::clicked, this, &CampaignsPane::editSelected);
    connect(m_duplicateButton, &QPushButton::clicked, this, &CampaignsPane::duplicateSelected);
    connect(m_archiveButton, &QPushButton::clicked, this, &CampaignsPane::archiveSelected);
    connect(m_showArchived, &QCheckBox::toggled, this, [this] { refresh(); });

    m_startButton->setObjectName(QStringLiteral("startCampaignButton"));
    m_pauseButton->setObjectName(QStringLiteral("pauseCampaignButton"));
    m_stopButton->setObjectName(QStringLiteral("stopCampaignButton"));
    m_runLabel->setObjectName(QStringLiteral("runStateLabel"));
    m_runLabel->setTextFormat(Qt::PlainText); // names the dialer holding the campaign: user data, never markup
    m_runLabel->setWordWrap(true);
    m_startButton->setIcon(themedIcon(Icon::Start));
    m_pauseButton->setIcon(themedIcon(Icon::Pause));
    m_stopButton->setIcon(themedIcon(Icon::Stop));
    m_importButton->setIcon(themedIcon(Icon::Import));
    m_importButton->setObjectName(QStringLiteral("importContactsButton"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_startButton);
    actions->addWidget(m_pauseButton);
    actions->addWidget(m_stopButton);
    actions->addWidget(m_runLabel, 1);
    m_editActions->insertWidget(m_editActions->indexOf(m_archiveButton) + 1, m_importButton);
    connect(m_importButton, &QPushButton::clicked, this,
            [this] { Q_EMIT importContactsRequested(selectedCampaignId()); });
    contentLayout()->addLayout(actions);
    m_startButton->setVisible(m_control != nullptr);
    m_pauseButton->setVisible(m_control != nullptr);
    connect(m_startButton, &QPushButton::clicked, this, &CampaignsPane::startSelected);
    connect(m_pauseButton, &QPushButton::clicked, this, &CampaignsPane::pauseSelected);
    connect(m_stopButton, &QPushButton::clicked, this, &CampaignsPane::stopSelected);
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
    m_table->setAccessibleName(tr("Campaigns"));
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
    m_empty->messageLabel()->setObjectName(QStringLiteral("campaignsEmptyLabel"));
    connect(m_empty->addButton(tr("New campaign…"), Icon::New, QStringLiteral("emptyNewCampaignButton")),
            &QPushButton::clicked, this, &CampaignsPane::newCampaign);
    m_empty->hide();
    contentLayout()->addWidget(m_empty, 1);
    contentLayout()->addWidget(m_table, 1);
    m_rulesLabel->setObjectName(QStringLiteral("dialRulesLabel"));
    m_rulesLabel->setWordWrap(true);
    m_rulesLabel->setTextFormat(Qt::PlainText);
    contentLayout()->addWidget(m_rulesLabel);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CampaignsPane::updateButtons);
    connect(m_table, &QTableView::doubleClicked, this, [this] { editSelected(); });
    // Tab follows the rows as they are laid out (Import was created after the run buttons, shown among the edits).
    const QList<QWidget *> tabOrder{m_newButton,    m_editButton,  m_duplicateButton, m_archiveButton, m_importButton,
                                    m_showArchived, m_startButton, m_pauseButton,     m_stopButton,    m_table};
    for (qsizetype i = 1; i < tabOrder.size(); ++i) {
        QWidget::setTabOrder(tabOrder.at(i - 1), tabOrder.at(i));
    }
    updateButtons();
}

namespace {

// A retry policy's outcome key ("no-answer") in words.
QString retryOutcomeName(const QString &key)
{
    if (key == QLatin1String("busy")) {
        return CampaignsPane::tr("busy", "retry outcome");
    }
    if (key == QLatin1String("no-answer")) {
        return CampaignsPane::tr("no answer", "retry outcome");
    }
    if (key == QLatin1String("failed")) {
        return CampaignsPane::tr("failed", "retry outcome");
    }
    if (key == QLatin1String("machine")) {
        return CampaignsPane::tr("answering machine", "retry outcome");
    }
    if (key == QLatin1String("incomplete")) {
        return CampaignsPane::tr("incomplete", "retry outcome");
    }
    return key;
}

} // namespace

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
    parts << tr("pace %L1 calls/s, at most %L2 at once").arg(c.callsPerSecond).arg(c.maxConcurrentCalls);
    parts << tr("at most %n attempt(s) per contact", nullptr, c.maxAttempts);
    QStringList retries;
    for (auto it = c.retryPolicy.cbegin(); it != c.retryPolicy.cend(); ++it) {
        retries << tr("%1 after %2 min").arg(retryOutcomeName(it.key())).arg(it.value().toInt() / 60);
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

const Campaign *CampaignsPane::selectedCampaign() const
{
    const qint64 id = selectedCampaignId();
    for (const CampaignSummary &row : m_model->rows()) {
        if (row.campaign.id == id) {
            return &row.campaign;
        }
    }
    return nullptr;
}

void CampaignsPane::openEditor(std::optional<qint64> campaignId)
{
    CampaignEditorDialog editor(m_services, campaignId, this);
    editor.setDialogs(&m_dialogs);
    // "Edit script…": the script editor on the chosen version; what it saves becomes the campaign's choice.
    connect(&editor, &CampaignEditorDialog::editScriptRequested, &editor, [this, &editor](qint64 versionId) {
        ScriptEditorDialog scripts(m_services, versionId > 0 ? std::optional<qint64>(versionId) : std::nullopt, &editor,
                                   &m_dialogs);
        m_dialogs.exec(scripts);
        if (scripts.versionId()) {
            editor.reloadScripts(*scripts.versionId());
        }
    });
    Q_EMIT editorOpened(&editor);
    m_dialogs.exec(editor);
    refresh();
    if (editor.campaignId()) {
        selectCampaign(*editor.campaignId());
    }
}

void CampaignsPane::newCampaign()
{
    openEditor(std::nullopt);
}

void CampaignsPane::editSelected()
{
    if (const qint64 id = selectedCampaignId(); id != 0) {
        openEditor(id);
    }
}

void CampaignsPane::duplicateSelected()
{
    const qint64 id = selectedCampaignId();
    if (id == 0) {
        return;
    }
    auto copy = services::campaigns::CampaignService(m_services.database).duplicate(actor(), id);
    if (!copy) {
        m_dialogs.inform(this, QMessageBox::Warning, tr("Duplicate campaign"), userMessage(copy.error()));
        return;
    }
    refresh();
    selectCampaign(copy.value());
}

void CampaignsPane::archiveSelected()
{
    const Campaign *campaign = selectedCampaign();
    if (!campaign) {
        return;
    }
    const bool archive = !campaign->archivedAt.isValid();
    const qint64 id = campaign->id;
    if (archive &&
        m_dialogs.ask(this, tr("Archive campaign"),
                      tr("Archive \"%1\"? It leaves the list (Show archived brings it back); its contacts and "
                         "results are kept.")
                          .arg(campaign->name),
                      QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes) {
        return;
    }
    auto changed = services::campaigns::CampaignService(m_services.database).setArchived(actor(), id, archive);
    if (!changed) {
        m_dialogs.inform(this, QMessageBox::Warning, tr("Archive campaign"), userMessage(changed.error()));
    }
    refresh();
}

void CampaignsPane::startSelected()
{
    const Campaign *campaign = selectedCampaign();
    if (!m_control || !campaign) {
        return;
    }
    const qint64 id = campaign->id;
    auto preview =
        services::campaigns::CampaignService(m_services.database).preview(actor(), id, m_services.clock.nowUtc());
    if (!report(preview)) {
        return;
    }
    if (m_dialogs.ask(this, tr("Start campaign"), CampaignEditorDialog::startQuestion(campaign->name, preview.value()),
                      QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) != QMessageBox::Yes) {
        return;
    }
    auto started = m_control->start(actor(), id);
    if (!started) {
        m_dialogs.inform(this, QMessageBox::Warning, tr("Start campaign"), userMessage(started.error()));
    }
    refresh();
}

void CampaignsPane::pauseSelected()
{
    const Campaign *campaign = selectedCampaign();
    if (!m_control || !campaign) {
        return;
    }
    const qint64 id = campaign->id;
    if (m_dialogs.ask(this, tr("Pause campaign"),
                      tr("Pause \"%1\"? No new calls are placed; calls in progress finish.").arg(campaign->name),
                      QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) != QMessageBox::Yes) {
        return;
    }
    report(m_control->pause(actor(), id));
    refresh();
}

void CampaignsPane::stopSelected()
{
    const Campaign *campaign = selectedCampaign();
    if (!campaign) {
        return;
    }
    const qint64 id = campaign->id;
    if (m_dialogs.ask(this, tr("Stop campaign"),
                      tr("Stop \"%1\" for good? A stopped campaign cannot be started again (duplicate it to run "
                         "it again); calls in progress finish and every result is kept.")
                          .arg(campaign->name),
                      QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes) {
        return;
    }
    if (m_control && m_control->isRunning(id)) {
        if (auto paused = m_control->pause(actor(), id); !paused) {
            m_dialogs.inform(this, QMessageBox::Warning, tr("Stop campaign"), userMessage(paused.error()));
            return;
        }
    }
    auto stopped =
        services::campaigns::CampaignService(m_services.database).transition(actor(), id, CampaignStatus::Stopped);
    if (!stopped) {
        m_dialogs.inform(this, QMessageBox::Warning, tr("Stop campaign"), userMessage(stopped.error()));
    }
    refresh();
}

void CampaignsPane::setActor(const Actor &actor)
{
    Pane::setActor(actor);
    updateButtons();
}

void CampaignsPane::updateButtons()
{
    const Campaign *campaign = selectedCampaign();
    const qint64 id = campaign ? campaign->id : 0;
    m_rulesLabel->setText(campaign ? rulesText(*campaign) : QString());
    const bool running = m_control && id != 0 && m_control->isRunning(id);
    const bool mayRun = actor().has(Permission::CampaignRun);
    const bool mayEdit = actor().has(Permission::CampaignEdit);
    const bool stopped = campaign && campaign->status == CampaignStatus::Stopped;
    m_newButton->setEnabled(mayEdit);
    if (auto *emptyNew = m_empty->findChild<QPushButton *>(QStringLiteral("emptyNewCampaignButton"))) {
        emptyNew->setVisible(mayEdit);
    }
    m_editButton->setEnabled(id != 0);
    m_duplicateButton->setEnabled(mayEdit && id != 0);
    m_archiveButton->setEnabled(mayEdit && id != 0 && !running);
    m_archiveButton->setText(campaign && campaign->archivedAt.isValid() ? tr("Restore") : tr("Archive"));
    m_startButton->setEnabled(m_control && id != 0 && !running && mayRun && !stopped);
    m_pauseButton->setEnabled(running && mayRun);
    m_stopButton->setEnabled(id != 0 && mayRun && !stopped);
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
    } else if (stopped) {
        m_runLabel->setText(tr("This campaign is stopped; duplicate it to run it again."));
    } else if (running && m_databaseLost.contains(id)) {
        m_runLabel->setText(tr("Dialing paused: the database is unavailable. It resumes by itself; calls in "
                               "progress continue and their answers are kept until it is back."));
    } else if (running) {
        m_runLabel->setText(tr("Dialing through the %1.").arg(translated(m_control->providerText())));
    } else {
        // Another console or a headless dialer may hold the campaign: say who, and do not offer to start it.
        auto holder = services::dialer::CampaignLease::current(m_services.database, id);
        if (holder.ok() && holder.value() && holder.value()->live) {
            m_startButton->setEnabled(false);
            m_runLabel->setText(tr("Being dialed by %1.").arg(dialerLabelText(holder.value()->label)));
        } else {
            m_runLabel->setText(tr("Calls go through the %1.").arg(translated(m_control->providerText())));
        }
    }
}

void CampaignsPane::refresh()
{
    services::storage::CampaignRepository repository(m_services.database);
    auto rows =
        repository.summaries(m_showArchived->isChecked() ? services::storage::CampaignRepository::Archived::Shown
                                                         : services::storage::CampaignRepository::Archived::Hidden);
    if (!report(rows)) {
        return;
    }
    const qint64 selected = selectedCampaignId();
    m_model->setRows(rows.value());
    m_empty->setVisible(rows.value().isEmpty());
    m_table->setVisible(!rows.value().isEmpty());
    if (selected == 0 && !rows.value().isEmpty()) {
        m_table->selectRow(0);
    }
    updateButtons();
}

} // namespace vsc::ui
