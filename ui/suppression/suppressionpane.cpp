// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/suppression/suppressionpane.h"

#include "services/settings/twiliosettings.h"
#include "services/storage/campaignrepository.h"
#include "services/suppression/suppressionservice.h"
#include "ui/dialogs.h"
#include "ui/models/suppressiontablemodel.h"
#include "ui/pane.h"
#include "ui/suppression/addsuppressiondialog.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/icons.h"

#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>

namespace vsc::ui {
namespace {

} // namespace

SuppressionPane::SuppressionPane(ConsoleServices &services, Dialogs &dialogs, QWidget *parent)
    : Pane(tr("Do not call"), parent), m_services(services), m_dialogs(dialogs), m_search(new QLineEdit(this)),
      m_add(namedButton(tr("Add…"), QStringLiteral("addSuppressionButton"), this)),
      m_remove(namedButton(tr("Remove"), QStringLiteral("removeSuppressionButton"), this)),
      m_import(namedButton(tr("Import CSV…"), QStringLiteral("importSuppressionButton"), this)),
      m_export(namedButton(tr("Export CSV…"), QStringLiteral("exportSuppressionButton"), this)),
      m_model(new SuppressionTableModel(this)), m_table(new QTableView(this)), m_countLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("suppressionPane"));
    m_search->setObjectName(QStringLiteral("suppressionSearchEdit"));
    m_search->setPlaceholderText(tr("Search by number"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(themedIcon(Icon::Search), QLineEdit::LeadingPosition);
    m_add->setIcon(themedIcon(Icon::New));
    m_import->setIcon(themedIcon(Icon::Import));
    m_export->setIcon(themedIcon(Icon::Export));
    m_table->setObjectName(QStringLiteral("suppressionTableView"));
    m_table->setAccessibleName(tr("Numbers not to call"));
    m_search->setAccessibleName(tr("Search by number"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_countLabel->setObjectName(QStringLiteral("suppressionCountLabel"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    for (QPushButton *b : {m_add, m_remove, m_import, m_export}) {
        top->addWidget(b);
    }
    contentLayout()->addLayout(top);
    contentLayout()->addWidget(m_table, 1);
    m_empty = new EmptyState(Icon::DoNotCall,
                             tr("The do-not-call list is empty. A number lands here when its owner opts out during a "
                                "call; add one by hand with Add number…, or import a list with Import CSV…."),
                             this);
    m_empty->messageLabel()->setObjectName(QStringLiteral("suppressionEmptyLabel"));
    connect(m_empty->addButton(tr("Add number…"), Icon::New, QStringLiteral("emptyAddSuppressionButton")),
            &QPushButton::clicked, this, &SuppressionPane::addEntry);
    m_empty->hide();
    contentLayout()->addWidget(m_empty, 1);
    contentLayout()->addWidget(m_countLabel);

    connect(m_search, &QLineEdit::textChanged, this, &SuppressionPane::refresh);
    connect(m_add, &QPushButton::clicked, this, &SuppressionPane::addEntry);
    connect(m_remove, &QPushButton::clicked, this, &SuppressionPane::removeSelected);
    connect(m_import, &QPushButton::clicked, this, &SuppressionPane::importCsv);
    connect(m_export, &QPushButton::clicked, this, &SuppressionPane::exportCsv);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SuppressionPane::updateButtons);
    updateButtons();
}

void SuppressionPane::setActor(const Actor &actor)
{
    Pane::setActor(actor);
    // Remove stays visible to those who may read the list: the service refuses and says why.
    m_add->setEnabled(actor.has(Permission::SuppressionManage));
    m_import->setEnabled(actor.has(Permission::SuppressionManage));
    m_search->setEnabled(actor.has(Permission::PiiView));
    m_search->setToolTip(
        actor.has(Permission::PiiView) ? QString() : tr("Numbers are masked for you, so they cannot be searched."));
    updateButtons();
}

void SuppressionPane::updateButtons()
{
    m_remove->setEnabled(m_table->selectionModel()->hasSelection());
}

void SuppressionPane::refresh()
{
    m_region = services::settings::defaultPhoneRegion(m_services.database);
    services::storage::SuppressionFilter filter;
    filter.numberFragment = m_search->text().trimmed();
    filter.limit = kShownEntries;
    auto entries = services::suppression::SuppressionService(m_services.database).list(actor(), filter);
    if (!report(entries)) {
        Q_EMIT loadFailed(entries.error());
        return;
    }
    m_model->setRows(entries.value());
    const bool empty = entries.value().isEmpty() && filter.numberFragment.isEmpty();
    m_empty->setVisible(empty);
    m_table->setVisible(!empty);
    m_countLabel->setText(entries.value().size() >= kShownEntries
                              ? tr("The newest %L1 entries; search to find others.").arg(kShownEntries)
                              : tr("%n entries", nullptr, int(entries.value().size())));
    updateButtons();
}

void SuppressionPane::addEntry()
{
    auto campaigns = services::storage::CampaignRepository(m_services.database).summaries();
    services::suppression::SuppressionService service(m_services.database);
    const Actor who = actor();
    AddSuppressionDialog dialog(
        campaigns.valueOr({}), m_region,
        [&service, &who](const services::suppression::NewSuppression &entry) { return service.add(who, entry); }, this);
    if (m_dialogs.exec(dialog) == QDialog::Accepted) {
        refresh();
    }
}

void SuppressionPane::removeSelected()
{
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    if (selected.isEmpty()) {
        return;
    }
    const services::storage::Suppression entry = m_model->rowAt(selected.constFirst().row());
    if (m_dialogs.ask(this, tr("Remove from the do-not-call list"),
                      tr("Remove %1 from the do-not-call list? It may be called again.").arg(entry.phoneE164),
                      QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes) {
        return;
    }
    auto removed = services::suppression::SuppressionService(m_services.database).remove(actor(), entry.id);
    if (!removed) {
        m_dialogs.inform(this, QMessageBox::Warning, tr("Remove from the do-not-call list"),
                         userMessage(removed.error()));
        return;
    }
    refresh();
}

void SuppressionPane::importCsv()
{
    const QString path = m_dialogs.openFileName(this, tr("Import do-not-call numbers"), QString(),
                                                tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_dialogs.inform(this, QMessageBox::Warning, tr("Import do-not-call numbers"),
                         tr("%1 cannot be read: %2").arg(path, file.errorString()));
        return;
    }
    services::suppression::SuppressionImportOptions options;
    options.defaultRegion = m_region;
    auto report =
        services::suppression::SuppressionService(m_services.database).importCsv(actor(), file.readAll(), options);
    if (!report) {
        m_dialogs.inform(this, QMessageBox::Warning, tr("Import do-not-call numbers"), userMessage(report.error()));
        return;
    }
    QStringList lines{tr("%L1 rows read, %L2 added, %L3 not added.")
                          .arg(report.value().rows)
                          .arg(report.value().added)
                          .arg(report.value().rejected.size())};
    constexpr int kShownRejects = 20;
    for (const auto &row : report.value().rejected.mid(0, kShownRejects)) {
        lines << tr("Line %1: %2").arg(row.line).arg(translated(row.reasonText, row.reason));
    }
    if (report.value().rejected.size() > kShownRejects) {
        lines << tr("… and %1 more.").arg(report.value().rejected.size() - kShownRejects);
    }
    m_dialogs.inform(this, report.value().rejected.isEmpty() ? QMessageBox::Information : QMessageBox::Warning,
                     tr("Import do-not-call numbers"), lines.join(u'\n'));
    refresh();
}

void SuppressionPane::exportCsv()
{
    const QString path = m_dialogs.saveFileName(this, tr("Export the do-not-call list"),
                                                QStringLiteral("do-not-call.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    services::storage::SuppressionFilter filter;
    filter.numberFragment = m_search->text().trimmed();
    auto csv = services::suppression::SuppressionService(m_services.database).exportCsv(actor(), filter);
    if (!csv) {
        m_dialogs.inform(this, QMessageBox::Warning, tr("Export the do-not-call list"), userMessage(csv.error()));
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv.value()) != csv.value().size() || !file.commit()) {
        m_dialogs.inform(this, QMessageBox::Warning, tr("Export the do-not-call list"),
                         tr("%1 cannot be written: %2").arg(path, file.errorString()));
    }
}

} // namespace vsc::ui
