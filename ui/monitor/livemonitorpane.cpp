// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/livemonitorpane.h"

#include "services/calls/callsupervision.h"
#include "services/dialer/campaigncontrol.h"
#include "services/dialer/campaignlease.h"
#include "ui/dialogs.h"
#include "ui/models/livecallsmodel.h"
#include "ui/widgets/icons.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace vsc::ui {

LiveMonitorPane::LiveMonitorPane(const ConsoleServices &services, Dialogs &dialogs, QWidget *parent)
    : Pane(tr("Live Monitor"), parent), m_services(services), m_dialogs(dialogs), m_database(services.database),
      m_hangUp(new QPushButton(tr("Hang up…"), this)), m_model(new LiveCallsModel(this)), m_table(new QTableView(this)),
      m_summary(new QLabel(this))
{
    m_hangUp->setObjectName(QStringLiteral("hangUpButton"));
    m_hangUp->setIcon(themedIcon(Icon::HangUp));
    m_hangUp->setToolTip(tr("End the selected call now"));
    connect(m_hangUp, &QPushButton::clicked, this, &LiveMonitorPane::hangUpSelected);
    setObjectName(QStringLiteral("liveMonitorPane"));
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    m_summary->setObjectName(QStringLiteral("liveSummaryLabel"));
    m_summary->setTextFormat(Qt::PlainText); // campaign names and dialer labels are user data, never markup
    m_table->setObjectName(QStringLiteral("liveCallsTableView"));
    m_table->setAccessibleName(tr("Live calls"));
    m_table->setModel(proxy);
    // Keep the repository order (newest first) until the user clicks a header.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(LiveCallsModel::CampaignColumn, QHeaderView::Stretch);
    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_hangUp);
    contentLayout()->addLayout(top);
    contentLayout()->addWidget(m_table, 1);
    m_hangUp->hide();
}

void LiveMonitorPane::setActor(const Actor &actor)
{
    Pane::setActor(actor);
    // Absent, not just disabled, for those who may not end calls; disabled where this console places no calls.
    m_hangUp->setVisible(actor.has(Permission::CallsHangup));
    m_hangUp->setEnabled(m_services.control != nullptr);
    m_hangUp->setToolTip(m_services.control != nullptr ? tr("End the selected call now")
                                                       : tr("This console does not place calls"));
}

void LiveMonitorPane::hangUpSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_dialogs.inform(this, QMessageBox::Information, tr("Hang up"), tr("Select the call to end first."));
        return;
    }
    const qint64 attemptId = rows.constFirst().data(Qt::UserRole).toLongLong();
    if (m_dialogs.ask(this, tr("Hang up"), tr("End this call now? The respondent hears the line go dead."),
                      QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes) {
        return;
    }
    services::calls::CallSupervision supervision(m_database,
                                                 m_services.control ? &m_services.control->provider() : nullptr);
    supervision.hangUp(actor(), attemptId, this, [this](Result<void> done) {
        report(done);
        refresh();
    });
}

void LiveMonitorPane::refresh()
{
    auto calls = services::calls::CallSupervision(m_database, nullptr).liveCalls(actor());
    if (!report(calls)) {
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_model->setNow(now);
    m_model->setRows(calls.value());
    QString summary = calls.value().isEmpty() ? tr("No calls in progress.")
                      : actor().has(Permission::PiiView)
                          ? tr("%n call(s) in progress.", nullptr, int(calls.value().size()))
                          : tr("%n call(s) in progress. Numbers are masked.", nullptr, int(calls.value().size()));
    // Who is dialing what, across every console and headless dialer on this database.
    auto leases = services::dialer::CampaignLease::active(m_database);
    if (leases.ok()) {
        QStringList dialing;
        for (const services::dialer::LeaseInfo &lease : leases.value()) {
            dialing << tr("%1 by %2").arg(lease.campaignName, lease.label);
        }
        summary += u' ' + (dialing.isEmpty() ? tr("No campaign is being dialed.")
                                             : tr("Dialing: %1.").arg(dialing.join(QStringLiteral("; "))));
    }
    m_summary->setText(summary);
}

bool LiveMonitorPane::applyCallStatus(qint64 attemptId, CallStatus status)
{
    return m_model->applyStatus(attemptId, status, QDateTime::currentDateTimeUtc());
}

} // namespace vsc::ui
