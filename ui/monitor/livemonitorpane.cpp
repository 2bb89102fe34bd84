// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/livemonitorpane.h"

#include "services/calls/callsupervision.h"
#include "services/clock.h"
#include "services/dialer/campaigncontrol.h"
#include "services/dialer/campaignlease.h"
#include "ui/dialogs.h"
#include "ui/mainwindow.h"
#include "ui/models/livecallsmodel.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/numberformat.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vsc::ui {
namespace {

constexpr int kReconcileMs = 60000; // a full read now and then, for events another console could not send

enum StatusFilter { AllCalls, OnTheLine, Ringing, InProgress, Ended };

QTreeWidget *detailTree(const QStringList &headers, const QString &objectName, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(objectName);
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tree->header()->setStretchLastSection(true);
    return tree;
}

QString eventLabel(const QString &status)
{
    if (status == QLatin1String("hangup")) {
        return LiveMonitorPane::tr("Hung up from the monitor");
    }
    const auto known = callStatusFromKey(status);
    return known ? callStatusLabel(*known) : status;
}

} // namespace

LiveMonitorPane::LiveMonitorPane(const ConsoleServices &services, Dialogs &dialogs, QWidget *parent)
    : Pane(tr("Live Monitor"), parent), m_services(services), m_dialogs(dialogs), m_database(services.database),
      m_hangUp(new QPushButton(tr("Hang up…"), this)), m_model(new LiveCallsModel(this)),
      m_proxy(new LiveCallsFilterModel(this)), m_table(new QTableView(this)), m_summary(new QLabel(this)),
      m_counters(new QLabel(this)), m_campaignFilter(new QComboBox(this)), m_statusFilter(new QComboBox(this)),
      m_search(new QLineEdit(this)), m_detailTitle(new QLabel(this)),
      m_timeline(detailTree({tr("Time"), tr("Event"), tr("Detail")}, QStringLiteral("callTimelineTree"), this)),
      m_answers(detailTree({tr("Question"), tr("Answer"), tr("Confidence"), tr("Time")},
                           QStringLiteral("callAnswersTree"), this)),
      m_tick(new QTimer(this)), m_countersTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("liveMonitorPane"));
    m_hangUp->setObjectName(QStringLiteral("hangUpButton"));
    m_hangUp->setIcon(themedIcon(Icon::HangUp));
    m_hangUp->setToolTip(tr("End the selected call now"));
    connect(m_hangUp, &QPushButton::clicked, this, &LiveMonitorPane::hangUpSelected);
    m_proxy->setSourceModel(m_model);
    m_summary->setObjectName(QStringLiteral("liveSummaryLabel"));
    m_summary->setTextFormat(Qt::PlainText); // campaign names and dialer labels are user data, never markup
    m_summary->setWordWrap(true);
    m_counters->setObjectName(QStringLiteral("liveCountersLabel"));
    m_counters->setTextFormat(Qt::PlainText);
    m_counters->setWordWrap(true); // long in German: it wraps rather than squeezing the search field

    m_campaignFilter->setObjectName(QStringLiteral("liveCampaignFilter"));
    m_campaignFilter->setAccessibleName(tr("Campaign"));
    m_campaignFilter->addItem(tr("All campaigns"), qint64(0));
    m_campaignFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_statusFilter->setObjectName(QStringLiteral("liveStatusFilter"));
    m_statusFilter->setAccessibleName(tr("Status"));
    m_statusFilter->addItem(tr("All calls"), int(AllCalls));
    m_statusFilter->addItem(tr("On the line"), int(OnTheLine));
    m_statusFilter->addItem(tr("Ringing"), int(Ringing));
    m_statusFilter->addItem(tr("In progress"), int(InProgress));
    m_statusFilter->addItem(tr("Ended"), int(Ended));
    m_search->setObjectName(QStringLiteral("liveSearchEdit"));
    m_search->setPlaceholderText(tr("Search campaign, contact, number, question, answer…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    m_search->setAccessibleName(tr("Search calls"));
    connect(m_campaignFilter, &QComboBox::currentIndexChanged, this, &LiveMonitorPane::applyFilters);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &LiveMonitorPane::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &LiveMonitorPane::applyFilters);

    m_table->setObjectName(QStringLiteral("liveCallsTableView"));
    m_table->setAccessibleName(tr("Live calls"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(LiveCallsModel::CallColumn, Qt::DescendingOrder); // newest first
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed widths (resizing to contents would measure every row on each event) that fit 1280 px with the detail
    // panel below; the question takes what is left, and long texts end in "…" with the whole text in the tooltip.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(LiveCallsModel::QuestionColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(40);
    m_table->setTextElideMode(Qt::ElideRight);
    header->setTextElideMode(Qt::ElideRight); // a header longer than its column ends in "…" (the tooltip has it)
    const QList<QPair<int, int>> widths{{LiveCallsModel::CallColumn, 50},        {LiveCallsModel::StatusColumn, 100},
                                        {LiveCallsModel::CampaignColumn, 90},    {LiveCallsModel::DurationColumn, 60},
                                        {LiveCallsModel::LastAnswerColumn, 130}, {LiveCallsModel::ContactColumn, 96},
                                        {LiveCallsModel::PhoneColumn, 104},      {LiveCallsModel::AnsweredByColumn, 86},
                                        {LiveCallsModel::ProviderColumn, 76},    {LiveCallsModel::EndedByColumn, 72}};
    for (const auto &[column, width] : widths) {
        m_table->setColumnWidth(column, width);
    }
    // The status column fits the longest status in the user's language ("Abgeschlossen"), after its colour dot.
    int statusText = 0;
    for (int status = int(CallStatus::Claimed); status <= int(CallStatus::Canceled); ++status) {
        statusText = qMax(statusText, m_table->fontMetrics().horizontalAdvance(callStatusLabel(CallStatus(status))));
    }
    const int dot = m_table->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_table);
    m_table->setColumnWidth(LiveCallsModel::StatusColumn, qMax(100, statusText + dot + 24));
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LiveMonitorPane::onSelectionChanged);

    m_detailTitle->setObjectName(QStringLiteral("callDetailTitle"));
    m_detailTitle->setTextFormat(Qt::PlainText);
    m_detailTitle->setWordWrap(true);
    auto *detail = new QWidget(this);
    detail->setObjectName(QStringLiteral("callDetailPanel"));
    // Below the table, so the table has the window's width: the events and the answers side by side.
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detailTitle);
    m_timeline->setAccessibleName(tr("Events"));
    m_answers->setAccessibleName(tr("Answers so far"));
    auto *trees = new QHBoxLayout;
    for (const auto &[label, tree] :
         {std::pair{tr("Events"), m_timeline}, std::pair{tr("Answers so far"), m_answers}}) {
        auto *column = new QVBoxLayout;
        column->addWidget(new QLabel(label, detail));
        column->addWidget(tree, 1);
        trees->addLayout(column, 1);
    }
    detailLayout->addLayout(trees, 1);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_hangUp);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_counters, 1);
    filters->addWidget(m_campaignFilter);
    filters->addWidget(m_statusFilter);
    filters->addWidget(m_search, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("liveMonitorSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({420, 200});
    contentLayout()->addLayout(top);
    contentLayout()->addLayout(filters);
    contentLayout()->addWidget(splitter, 1);
    m_hangUp->hide();
    showDetail();

    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, [this] {
        const QDateTime now = m_services.clock.nowUtc();
        m_model->removeEndedBefore(now.addSecs(-qint64(60) * kRecentMinutes));
        m_model->tick(now);
    });
    m_countersTimer->setSingleShot(true);
    m_countersTimer->setInterval(100);
    connect(m_countersTimer, &QTimer::timeout, this, &LiveMonitorPane::updateCounters);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &LiveMonitorPane::rebuildCampaignFilter);
}

LiveMonitorPane::~LiveMonitorPane()
{
    if (m_reconcile != nullptr) {
        m_reconcile->wait(); // it reads through the services, which outlive the window
        delete m_reconcile;
    }
}

void LiveMonitorPane::noteTouched(qint64 attemptId)
{
    if (m_reconcile != nullptr) {
        m_touched.insert(attemptId);
    }
}

void LiveMonitorPane::setActor(const Actor &actor)
{
    Pane::setActor(actor);
    // Absent, not just disabled, for those who may not end calls; disabled where this console places no calls.
    m_hangUp->setVisible(actor.has(Permission::CallsHangup));
    m_sinceLoad.invalidate(); // another viewer may see other fields (pii.view): read everything again
    updateHangUpButton();
}

void LiveMonitorPane::updateHangUpButton()
{
    const bool places = m_services.control != nullptr;
    bool onTheLine = false;
    const int row = m_model->indexOfKey(m_selected);
    if (row >= 0) {
        onTheLine = !isTerminal(m_model->rowAt(row).status);
    }
    m_hangUp->setEnabled(places && onTheLine);
    m_hangUp->setToolTip(!places     ? tr("This console does not place calls")
                         : onTheLine ? tr("End the selected call now")
                                     : tr("Select a call that is still on the line"));
}

void LiveMonitorPane::hangUpSelected()
{
    if (m_selected == 0) {
        m_dialogs.inform(this, QMessageBox::Information, tr("Hang up"), tr("Select the call to end first."));
        return;
    }
    const qint64 attemptId = m_selected;
    if (m_dialogs.ask(
            this, tr("Hang up"),
            tr("End call %1 now? The respondent hears the line go dead. Your name is recorded.").arg(attemptId),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes) {
        return;
    }
    services::calls::CallSupervision supervision(m_database,
                                                 m_services.control ? &m_services.control->provider() : nullptr);
    m_hangUp->setEnabled(false);
    supervision.hangUp(actor(), attemptId, this, [this, attemptId](const Result<void> &done) {
        report(done);
        fetchCall(attemptId); // names who ended it at once; the carrier's final status follows as an event
    });
}

void LiveMonitorPane::refresh()
{
    if (!m_tick->isActive()) {
        m_tick->start();
    }
    // Who is dialing what, across every console and headless dialer on this database.
    auto leases = services::dialer::CampaignLease::active(m_database);
    if (!report(leases)) {
        m_sinceLoad.invalidate(); // events may have been missed meanwhile: read everything once it answers again
        return;
    }
    QStringList dialing;
    for (const services::dialer::LeaseInfo &lease : leases.value()) {
        dialing << tr("%1 by %2").arg(lease.campaignName, dialerLabelText(lease.label));
    }
    m_dialingSummary = dialing.isEmpty() ? tr("No campaign is being dialed.")
                                         : tr("Dialing: %1.").arg(dialing.join(QStringLiteral("; ")));
    if (!m_sinceLoad.isValid()) {
        reload();
    } else if (m_sinceLoad.hasExpired(kReconcileMs)) {
        reconcileInBackground();
    }
    updateCounters();
}

void LiveMonitorPane::reconcileInBackground()
{
    if (m_reconcile != nullptr) {
        return; // one read at a time
    }
    // Read on a thread of its own (its own connection): at 2,000 calls under load the read takes 50-150 ms, which on
    // the window's thread would freeze the board once a minute. Rows that events change meanwhile keep the events'
    // newer values (m_touched).
    m_touched.clear();
    auto calls = std::make_shared<Result<QList<LiveCall>>>(QList<LiveCall>());
    services::storage::Database *database = &m_database;
    const Actor who = actor();
    const QDateTime since = m_services.clock.nowUtc().addSecs(-qint64(60) * kRecentMinutes);
    m_reconcile = QThread::create([database, who, since, calls] {
        *calls = services::calls::CallSupervision(*database, nullptr).liveCalls(who, since, kMaxRecent);
        database->closeThreadConnection();
    });
    m_reconcile->setObjectName(QStringLiteral("live-monitor-read"));
    connect(m_reconcile, &QThread::finished, this, [this, calls] {
        m_reconcile->deleteLater();
        m_reconcile = nullptr;
        if (!calls->ok()) {
            m_sinceLoad.invalidate(); // the next refresh reads in the foreground and says what went wrong
            return;
        }
        applyReconciled(calls->value());
    });
    m_reconcile->start();
}

void LiveMonitorPane::applyReconciled(QList<LiveCall> calls)
{
    QSet<qint64> inRead;
    for (LiveCall &call : calls) {
        inRead.insert(call.attemptId);
        if (const int row = m_model->indexOfKey(call.attemptId); row >= 0 && m_touched.contains(call.attemptId)) {
            call = m_model->rowAt(row); // an event changed it after the read began: the event is newer
        }
    }
    for (const qint64 attemptId : std::as_const(m_touched)) {
        if (const int row = m_model->indexOfKey(attemptId); row >= 0 && !inRead.contains(attemptId)) {
            calls.append(m_model->rowAt(row)); // a call that began after the read
        }
    }
    m_touched.clear();
    m_sinceLoad.start();
    m_model->setRows(calls); // only rows that differ change in the view
    rebuildCampaignFilter();
    scheduleCounters();
    updateHangUpButton();
}

void LiveMonitorPane::reload()
{
    const QDateTime now = m_services.clock.nowUtc();
    auto calls = services::calls::CallSupervision(m_database, nullptr)
                     .liveCalls(actor(), now.addSecs(-qint64(60) * kRecentMinutes), kMaxRecent);
    if (!report(calls)) {
        return;
    }
    m_sinceLoad.start();
    m_model->setNow(now);
    m_model->setRows(calls.value());
    rebuildCampaignFilter();
    updateCounters();
    showDetail();
}

void LiveMonitorPane::fetchCall(qint64 attemptId)
{
    // Not loaded yet (the next refresh reads everything), or not allowed to watch: a denial per event would flood the
    // audit log.
    if (!m_sinceLoad.isValid() || !actor().has(Permission::CallsMonitor)) {
        return;
    }
    auto call = services::calls::CallSupervision(m_database, nullptr).liveCall(actor(), attemptId);
    if (!call.ok() || !call.value()) {
        return; // the next full read shows it; an event is no reason for a banner
    }
    m_model->upsertRow(*call.value());
    noteTouched(attemptId);
    scheduleCounters();
    if (attemptId == m_selected) {
        showDetail();
        updateHangUpButton();
    }
}

bool LiveMonitorPane::applyCallStatus(qint64 attemptId, CallStatus status)
{
    const bool shown = m_model->applyStatus(attemptId, status, m_services.clock.nowUtc());
    noteTouched(attemptId);
    // A new call, or an ended one (its final duration, machine verdict and who ended it): read that one row.
    if (!shown || isTerminal(status) || status == CallStatus::InProgress) {
        fetchCall(attemptId);
    } else if (attemptId == m_selected) {
        showDetail();
    }
    if (attemptId == m_selected) {
        updateHangUpButton();
    }
    scheduleCounters();
    return shown;
}

bool LiveMonitorPane::applyCallTurn(const LiveTurn &turn)
{
    const bool shown = m_model->applyTurn(turn);
    noteTouched(turn.attemptId);
    if (!shown) {
        fetchCall(turn.attemptId);
    } else if (turn.attemptId == m_selected) {
        showDetail();
    }
    return shown;
}

bool LiveMonitorPane::selectCall(qint64 attemptId)
{
    const int row = m_model->indexOfKey(attemptId);
    if (row < 0) {
        return false;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        return false;
    }
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    m_table->scrollTo(index);
    return true;
}

void LiveMonitorPane::onSelectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_selected = rows.isEmpty() ? 0 : rows.constFirst().data(Qt::UserRole).toLongLong();
    showDetail();
    updateHangUpButton();
}

void LiveMonitorPane::showDetail()
{
    m_timeline->clear();
    m_answers->clear();
    const int row = m_model->indexOfKey(m_selected);
    if (m_selected == 0 || row < 0) {
        m_detailTitle->setText(tr("Select a call to see its events and answers as they happen."));
        return;
    }
    const LiveCall &call = m_model->rowAt(row);
    QString title = tr("Call %1 · %2 · %3").arg(call.attemptId).arg(call.campaignName, callStatusLabel(call.status));
    if (!call.hungUpBy.isEmpty()) {
        title += u'\n' + tr("Ended from the monitor by %1.").arg(call.hungUpBy);
    }
    m_detailTitle->setText(title);
    if (!actor().has(Permission::CallsMonitor)) {
        return;
    }
    auto detail = services::calls::CallSupervision(m_database, nullptr).callDetail(actor(), m_selected);
    if (!detail.ok()) {
        return;
    }
    const QLocale locale;
    // The locale's short time with seconds: "4:05:09 PM", "16:05:09".
    QString withSeconds = locale.timeFormat(QLocale::ShortFormat);
    if (!withSeconds.contains(u's')) {
        withSeconds.replace(QStringLiteral("mm"), QStringLiteral("mm:ss"));
    }
    for (const CallDetail::Event &event : detail.value().events) {
        auto *item = new QTreeWidgetItem(m_timeline, {locale.toString(event.at.toLocalTime().time(), withSeconds),
                                                      eventLabel(event.status), event.detail});
        if (const auto status = callStatusFromKey(event.status)) {
            item->setData(1, Qt::DecorationRole, callStatusColor(*status));
        }
    }
    for (const CallDetail::AnswerLine &answer : detail.value().answers) {
        auto *item =
            new QTreeWidgetItem(m_answers, {answer.questionKey, answer.value,
                                            answer.confidence ? percentText(*answer.confidence, 0, locale) : QString(),
                                            locale.toString(answer.at.toLocalTime().time(), QLocale::ShortFormat)});
        item->setToolTip(0, answer.prompt);
    }
}

void LiveMonitorPane::scheduleCounters()
{
    if (!m_countersTimer->isActive()) {
        m_countersTimer->start();
    }
}

void LiveMonitorPane::updateCounters()
{
    QMap<int, int> perStatus;
    int onTheLine = 0;
    for (const LiveCall &call : m_model->rows()) {
        ++perStatus[int(call.status)];
        onTheLine += isTerminal(call.status) ? 0 : 1;
    }
    QStringList parts;
    for (auto it = perStatus.cbegin(); it != perStatus.cend(); ++it) {
        parts << QStringLiteral("%1 %2").arg(callStatusLabel(CallStatus(it.key()))).arg(it.value());
    }
    m_counters->setText(parts.isEmpty() ? QString() : parts.join(QStringLiteral(" · ")));
    QString summary = onTheLine == 0 ? tr("No calls in progress.")
                      : actor().has(Permission::PiiView)
                          ? tr("%n call(s) in progress.", nullptr, onTheLine)
                          : tr("%n call(s) in progress. Numbers are masked.", nullptr, onTheLine);
    if (!m_dialingSummary.isEmpty()) {
        summary += u' ' + m_dialingSummary;
    }
    m_summary->setText(summary);
}

void LiveMonitorPane::rebuildCampaignFilter()
{
    QMap<QString, qint64> campaigns;
    for (const LiveCall &call : m_model->rows()) {
        campaigns.insert(call.campaignName, call.campaignId);
    }
    if (campaigns.size() == m_campaignFilter->count() - 1) {
        return; // the same campaigns (names are unique per call list in practice; the next full read corrects it)
    }
    const qint64 current = m_campaignFilter->currentData().toLongLong();
    const QSignalBlocker blocker(m_campaignFilter);
    while (m_campaignFilter->count() > 1) {
        m_campaignFilter->removeItem(1);
    }
    for (auto it = campaigns.cbegin(); it != campaigns.cend(); ++it) {
        m_campaignFilter->addItem(it.key(), it.value());
    }
    const int index = m_campaignFilter->findData(current);
    m_campaignFilter->setCurrentIndex(qMax(0, index));
}

void LiveMonitorPane::applyFilters()
{
    m_proxy->setCampaign(m_campaignFilter->currentData().toLongLong());
    switch (StatusFilter(m_statusFilter->currentData().toInt())) {
    case AllCalls:
        m_proxy->setStatuses({});
        break;
    case OnTheLine:
        m_proxy->setStatuses({CallStatus::Claimed, CallStatus::Queued, CallStatus::Initiated, CallStatus::Ringing,
                              CallStatus::InProgress});
        break;
    case Ringing:
        m_proxy->setStatuses({CallStatus::Initiated, CallStatus::Ringing});
        break;
    case InProgress:
        m_proxy->setStatuses({CallStatus::InProgress});
        break;
    case Ended:
        m_proxy->setStatuses(
            {CallStatus::Completed, CallStatus::Busy, CallStatus::NoAnswer, CallStatus::Failed, CallStatus::Canceled});
        break;
    }
    m_proxy->setSearch(m_search->text());
}

bool renderLiveMonitorDetailScreenshot(MainWindow &window, const QString &directory)
{
    window.showPane(MainWindow::LiveMonitorPaneIndex);
    auto *pane = static_cast<LiveMonitorPane *>(window.pane(MainWindow::LiveMonitorPaneIndex));
    pane->reload();
    qint64 chosen = 0;
    for (const LiveCall &call : pane->model()->rows()) {
        if (call.status == CallStatus::InProgress && (chosen == 0 || !call.lastQuestion.isEmpty())) {
            chosen = call.attemptId;
        }
    }
    if (chosen == 0 && pane->model()->rowCount() > 0) {
        chosen = pane->model()->rowAt(0).attemptId;
    }
    pane->selectCall(chosen);
    QCoreApplication::processEvents();
    return window.grab().save(QDir(directory).filePath(QStringLiteral("live-monitor-detail.png")));
}

} // namespace vsc::ui
