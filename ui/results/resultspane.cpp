// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/results/resultspane.h"

#include "services/clock.h"
#include "services/dialer/dialrules.h"
#include "services/results/resultsexporter.h"
#include "services/results/resultsservice.h"
#include "services/storage/campaignrepository.h"
#include "ui/dialogs.h"
#include "ui/models/resultstablemodel.h"
#include "ui/pane.h"
#include "ui/suppression/addsuppressiondialog.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/icons.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QThread>

namespace vsc::ui {
namespace {

// A service's clause as a sentence of its own: a capital first letter and a full stop.
QString sentence(const QString &clause)
{
    if (clause.isEmpty()) {
        return clause;
    }
    return clause.front().toUpper() + clause.mid(1) + (clause.endsWith(u'.') ? QString() : QStringLiteral("."));
}

} // namespace

ResultsPane::ResultsPane(ConsoleServices &services, Dialogs &dialogs, QWidget *parent)
    : Pane(tr("Results"), parent), m_services(services), m_dialogs(dialogs), m_campaign(new QComboBox(this)),
      m_disposition(new QComboBox(this)), m_answerSearch(new QLineEdit(this)), m_phoneSearch(new QLineEdit(this)),
      m_reload(namedButton(tr("Reload"), QStringLiteral("reloadResultsButton"), this)),
      m_export(namedButton(tr("Export…"), QStringLiteral("exportResultsButton"), this)),
      m_explain(namedButton(tr("Why not dialed?"), QStringLiteral("explainContactButton"), this)),
      m_table(new QTableView(this)), m_model(new ResultsTableModel(this)), m_countLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("resultsPane"));
    m_campaign->setObjectName(QStringLiteral("resultsCampaignCombo"));
    m_campaign->setMinimumContentsLength(24);
    // Long campaign names elide in the combo, so the two search fields keep room for their hints.
    m_campaign->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_disposition->setObjectName(QStringLiteral("resultsDispositionCombo"));
    m_disposition->addItem(tr("Every disposition"), QString());
    for (const QString &key : services::storage::ResultsRepository::dispositionKeys()) {
        m_disposition->addItem(ResultsTableModel::dispositionText(key), key);
    }
    m_answerSearch->setObjectName(QStringLiteral("resultsAnswerSearchEdit"));
    m_answerSearch->setPlaceholderText(tr("Answer contains…"));
    m_answerSearch->setClearButtonEnabled(true);
    m_phoneSearch->setObjectName(QStringLiteral("resultsPhoneSearchEdit"));
    m_phoneSearch->setPlaceholderText(tr("Number contains…"));
    m_phoneSearch->setClearButtonEnabled(true);
    m_answerSearch->addAction(themedIcon(Icon::Search), QLineEdit::LeadingPosition);
    m_phoneSearch->addAction(themedIcon(Icon::Search), QLineEdit::LeadingPosition);
    m_reload->setIcon(themedIcon(Icon::Refresh));
    m_export->setIcon(themedIcon(Icon::Export));
    m_table->setObjectName(QStringLiteral("resultsTableView"));
    m_table->setAccessibleName(tr("Results, one row per contact"));
    m_campaign->setAccessibleName(tr("Campaign"));
    m_disposition->setAccessibleName(tr("Disposition"));
    m_answerSearch->setAccessibleName(tr("Answer contains"));
    m_phoneSearch->setAccessibleName(tr("Number contains"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // no per-row measuring of a long table
    m_table->horizontalHeader()->setDefaultSectionSize(120);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_countLabel->setObjectName(QStringLiteral("resultsCountLabel"));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Campaign:"), this));
    top->addWidget(m_campaign);
    top->addWidget(m_disposition);
    top->addWidget(m_answerSearch, 1);
    top->addWidget(m_phoneSearch, 1);
    top->addWidget(m_reload);
    top->addWidget(m_export);
    contentLayout()->addLayout(top);
    contentLayout()->addWidget(m_table, 1);
    m_empty = new EmptyState(Icon::Results, QString(), this);
    m_empty->messageLabel()->setObjectName(QStringLiteral("resultsEmptyLabel"));
    m_empty->hide();
    contentLayout()->addWidget(m_empty, 1);
    // Below the table, with the row it acts on: the filters above keep their room.
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_countLabel, 1);
    bottom->addWidget(m_explain);
    contentLayout()->addLayout(bottom);

    connect(m_campaign, &QComboBox::currentIndexChanged, this, &ResultsPane::reload);
    connect(m_disposition, &QComboBox::currentIndexChanged, this, &ResultsPane::reload);
    connect(m_answerSearch, &QLineEdit::editingFinished, this, &ResultsPane::reload);
    connect(m_phoneSearch, &QLineEdit::editingFinished, this, &ResultsPane::reload);
    connect(m_reload, &QPushButton::clicked, this, &ResultsPane::reload);
    connect(m_export, &QPushButton::clicked, this, &ResultsPane::exportResults);
    m_explain->setToolTip(tr("Whether the selected contact is called now, and what holds it back"));
    m_explain->setEnabled(false);
    connect(m_explain, &QPushButton::clicked, this, &ResultsPane::explainSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_explain->setEnabled(current.isValid()); });
    connect(m_table, &QTableView::doubleClicked, this, &ResultsPane::explainSelected);
    connect(m_model, &ResultsTableModel::loadFailed, this, [this](const Error &error) {
        report(&error);
        Q_EMIT loadFailed(error);
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        m_countLabel->setText(m_model->isComplete()
                                  ? tr("%n contacts", nullptr, m_model->rowCount())
                                  : tr("%n contacts loaded; more load as you scroll", nullptr, m_model->rowCount()));
    });
}

ResultsPane::~ResultsPane()
{
    if (m_exportThread) {
        m_cancel->store(true);
        m_exportThread->wait();
    }
}

void ResultsPane::setActor(const Actor &actor)
{
    Pane::setActor(actor);
    m_export->setVisible(actor.has(Permission::ResultsExport));
    m_explain->setVisible(actor.has(Permission::ContactsView));
    m_phoneSearch->setEnabled(actor.has(Permission::PiiView));
    m_loadedCampaign = 0; // another person may see other things
}

qint64 ResultsPane::campaignId() const
{
    return m_campaign->currentData().toLongLong();
}

void ResultsPane::selectCampaign(qint64 campaignId)
{
    const int index = m_campaign->findData(campaignId);
    if (index >= 0) {
        m_campaign->setCurrentIndex(index);
    }
}

services::storage::ResultsFilter ResultsPane::filter() const
{
    services::storage::ResultsFilter filter;
    filter.disposition = m_disposition->currentData().toString();
    filter.answerText = m_answerSearch->text().trimmed();
    filter.phoneFragment = m_phoneSearch->text().trimmed();
    return filter;
}

void ResultsPane::refresh()
{
    auto campaigns = services::storage::CampaignRepository(m_services.database).summaries();
    if (!report(campaigns)) {
        Q_EMIT loadFailed(campaigns.error());
        return;
    }
    const qint64 current = campaignId();
    {
        const QSignalBlocker blocker(m_campaign);
        m_campaign->clear();
        for (const CampaignSummary &summary : campaigns.value()) {
            m_campaign->addItem(summary.campaign.name, summary.campaign.id);
        }
        const int index = m_campaign->findData(current);
        m_campaign->setCurrentIndex(index >= 0 ? index : 0);
    }
    if (campaignId() != m_loadedCampaign || campaignId() <= 0) { // none: the empty state says what to do
        reload();
    }
}

void ResultsPane::reload()
{
    const qint64 id = campaignId();
    m_loadedCampaign = id;
    m_empty->hide();
    m_table->show();
    if (id <= 0) {
        m_model->clear();
        m_countLabel->setText(tr("No campaign yet."));
        showEmptyState(tr("No results yet: there is no campaign. Create one in Campaigns, import its contacts and "
                          "start dialing; every contact's answers then appear here."));
        return;
    }
    services::results::ResultsService service(m_services.database);
    auto questions = service.questions(actor(), id);
    if (!report(questions)) {
        m_model->clear();
        return;
    }
    m_model->reset(questions.value(),
                   [database = &m_services.database, who = actor(), id, filter = filter()](qint64 after, int limit) {
                       return services::results::ResultsService(*database).page(who, id, filter, after, limit);
                   });
    if (m_model->rowCount() == 0) {
        m_countLabel->setText(tr("No contacts match."));
        if (m_answerSearch->text().isEmpty() && m_phoneSearch->text().isEmpty() && m_disposition->currentIndex() <= 0) {
            showEmptyState(tr("This campaign has no contacts yet. Import them in Campaigns with Import contacts…, "
                              "then start dialing; each contact's answers appear here."));
        }
    }
    m_table->resizeColumnsToContents(); // measured on the first page only
    m_table->scrollToTop();
}

void ResultsPane::showEmptyState(const QString &message)
{
    m_empty->setMessage(message);
    m_empty->show();
    m_table->hide();
}

void ResultsPane::exportResults()
{
    if (m_exportThread || campaignId() <= 0) {
        return;
    }
    QString path = m_dialogs.saveFileName(this, tr("Export results"),
                                          QDir::home().filePath(m_campaign->currentText() + QStringLiteral(".xlsx")),
                                          tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv);;SPSS data (*.sav)"));
    if (path.isEmpty()) {
        return;
    }
    auto format = services::results::exportFormatFromKey(QFileInfo(path).suffix());
    if (!format) {
        format = services::results::ExportFormat::Xlsx;
        path += QStringLiteral(".xlsx");
    }
    services::results::ExportRequest request;
    request.campaignId = campaignId();
    request.format = *format;
    request.path = path;
    request.filter = filter();

    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_progress = new QProgressDialog(tr("Exporting %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 100, this);
    m_progress->setObjectName(QStringLiteral("exportProgressDialog"));
    m_progress->setWindowTitle(tr("Export results"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(0);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, [cancel = m_cancel] { cancel->store(true); });
    m_progress->show();
    m_export->setEnabled(false);

    // The export reads and writes on its own thread (its own database connection), so the window stays
    // responsive; progress and the outcome come back queued.
    auto outcome = std::make_shared<Result<qint64>>(Error{ErrorCode::Internal, QString()});
    services::storage::Database *database = &m_services.database;
    const Actor who = actor();
    QPointer<ResultsPane> pane(this);
    m_exportThread = QThread::create([database, who, request, cancel = m_cancel, outcome, pane] {
        auto summary =
            services::results::exportResults(*database, who, request, cancel.get(), [pane](qint64 done, qint64 total) {
                QMetaObject::invokeMethod(
                    pane,
                    [pane, done, total] {
                        if (pane && pane->m_progress) {
                            pane->m_progress->setValue(total > 0 ? int(done * 100 / total) : 100);
                            pane->m_progress->setLabelText(tr("Exported %L1 of %L2 contacts…").arg(done).arg(total));
                        }
                    },
                    Qt::QueuedConnection);
            });
        *outcome = summary ? Result<qint64>(summary.value().rows) : Result<qint64>(summary.error());
        database->closeThreadConnection();
    });
    m_exportThread->setObjectName(QStringLiteral("results-export"));
    connect(m_exportThread, &QThread::finished, this, [this, outcome, path] { finishExport(*outcome, path); });
    m_exportThread->start();
}

void ResultsPane::explainSelected()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        return;
    }
    const services::storage::ContactResult &contact = m_model->rowAt(current.row());
    const QDateTime now = m_services.clock.nowUtc();
    auto explained = services::dialer::explainContact(m_services.database, actor(), contact.contactId, now);
    if (!report(explained)) {
        return;
    }
    const services::dialer::ContactExplanation &e = explained.value();
    QStringList lines;
    if (e.dialableNow) {
        lines << tr("Contact %1 is dialable now.").arg(e.phone) << sentence(translated(e.verdictText, e.verdict));
    } else {
        lines << tr("Contact %1 is not called now:").arg(e.phone);
        for (qsizetype i = 0; i < e.reasons.size(); ++i) {
            lines << QStringLiteral("• ") + sentence(translated(e.reasonTexts.value(i), e.reasons.at(i)));
        }
        if (e.nextChance.isValid()) {
            lines << tr("Next chance: %1.").arg(QLocale().toString(e.nextChance.toLocalTime(), QLocale::ShortFormat));
        }
    }
    m_dialogs.inform(this, QMessageBox::Information, tr("Why not dialed?"), lines.join(u'\n'));
}

void ResultsPane::finishExport(const Result<qint64> &rows, const QString &path)
{
    m_exportThread->deleteLater();
    m_exportThread = nullptr;
    m_export->setEnabled(true);
    if (m_progress) {
        m_progress->close();
        m_progress->deleteLater();
    }
    QString message;
    if (rows) {
        message = tr("%L1 rows written to %2.").arg(rows.value()).arg(QDir::toNativeSeparators(path));
    } else if (rows.error().code == ErrorCode::Conflict && m_cancel->load()) {
        message = tr("Export cancelled; no file was written.");
    } else {
        message = userMessage(rows.error());
        m_dialogs.inform(this, QMessageBox::Warning, tr("Export results"), message);
    }
    m_countLabel->setText(message);
    Q_EMIT exportFinished(rows.ok(), message);
}

void renderResultsScreenshots(ConsoleServices &services, const QString &directory)
{
    auto campaigns = services::storage::CampaignRepository(services.database).summaries();
    AddSuppressionDialog add(campaigns.valueOr({}), QStringLiteral("US"),
                             [](const services::suppression::NewSuppression &) { return Result<qint64>(qint64(0)); });
    add.findChild<QLineEdit *>(QStringLiteral("suppressionNumberEdit"))->setText(QStringLiteral("(415) 555-0142"));
    add.findChild<QLineEdit *>(QStringLiteral("suppressionReasonEdit"))
        ->setText(QStringLiteral("Asked by letter not to be called"));
    add.show();
    QCoreApplication::processEvents();
    add.grab().save(QDir(directory).filePath(QStringLiteral("do-not-call-add.png")));

    QProgressDialog progress(QObject::tr("Exported 412,000 of 1,000,000 contacts…"), QObject::tr("Cancel"), 0, 100);
    progress.setWindowTitle(QObject::tr("Export results"));
    progress.setValue(41);
    progress.show();
    QCoreApplication::processEvents();
    progress.grab().save(QDir(directory).filePath(QStringLiteral("results-export-progress.png")));
}

} // namespace vsc::ui
