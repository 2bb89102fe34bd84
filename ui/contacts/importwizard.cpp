// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contacts/importwizard.h"

#include "services/settings/twiliosettings.h"

#include "models/permission.h"
#include "services/auth/session.h"
#include "services/storage/database.h"
#include "ui/dialogs.h"
#include "ui/pane.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QVBoxLayout>

namespace vsc::ui {

using services::contacts::ImportProgress;
using services::contacts::ImportReport;
using services::contacts::RejectKind;

namespace {

constexpr int kPreviewRows = 10;
constexpr int kShownRejects = 1000; // the table; the saved report has every one

// What a column becomes; the combo's item data.
const QString kCustom = QStringLiteral("custom");
const QString kIgnore = QStringLiteral("ignore");

} // namespace

// A page whose completeness the wizard decides (a file is chosen, a run has finished, ...).
class ImportWizardPage final : public QWizardPage
{
public:
    ImportWizardPage(ImportWizard *wizard, int id) : m_wizard(wizard), m_id(id) {}
    [[nodiscard]] bool isComplete() const override { return m_wizard->isComplete(m_id); }
    void changed() { Q_EMIT completeChanged(); }

private:
    ImportWizard *m_wizard;
    int m_id;
};

ImportWizard::ImportWizard(const ConsoleServices &services, qint64 campaignId, Dialogs &dialogs, QWidget *parent)
    : QWizard(parent), m_services(services), m_campaignId(campaignId), m_dialogs(dialogs), m_fileEdit(new QLineEdit),
      m_preview(new QTableWidget), m_previewNote(new QLabel), m_mapping(new QTableWidget), m_region(new QComboBox),
      m_dryRunSummary(new QLabel), m_rejects(new QTableWidget),
      m_saveRejects(new QPushButton(tr("Save reject report…"))), m_progress(new QProgressBar),
      m_progressLabel(new QLabel), m_cancelImport(new QPushButton(tr("Cancel import"))), m_summary(new QLabel)
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import contacts into campaign %1").arg(campaignId));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setButtonText(QWizard::CommitButton, tr("Import"));
    button(QWizard::NextButton)->setObjectName(QStringLiteral("wizardNextButton"));
    button(QWizard::BackButton)->setObjectName(QStringLiteral("wizardBackButton"));
    button(QWizard::FinishButton)->setObjectName(QStringLiteral("wizardFinishButton"));
    button(QWizard::CancelButton)->setObjectName(QStringLiteral("wizardCancelButton"));
    button(QWizard::CommitButton)->setObjectName(QStringLiteral("wizardImportButton"));
    resize(860, 600);

    // 1. The file.
    auto *filePage = new ImportWizardPage(this, FilePage);
    filePage->setTitle(tr("Choose a CSV file"));
    filePage->setSubTitle(tr("The first row names the columns. UTF-8, comma separated."));
    m_fileEdit->setObjectName(QStringLiteral("importFileEdit"));
    m_fileEdit->setPlaceholderText(tr("Path to a .csv file"));
    auto *browse = new QPushButton(tr("Browse…"));
    browse->setObjectName(QStringLiteral("browseFileButton"));
    m_preview->setObjectName(QStringLiteral("previewTable"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setWordWrap(false);
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_previewNote->setObjectName(QStringLiteral("previewNoteLabel"));
    m_previewNote->setTextFormat(Qt::PlainText);
    m_previewNote->setWordWrap(true);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(browse);
    auto *fileLayout = new QVBoxLayout(filePage);
    fileLayout->addLayout(fileRow);
    fileLayout->addWidget(m_previewNote);
    fileLayout->addWidget(m_preview, 1);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = m_dialogs.openFileName(this, tr("Choose a contact file"), QDir::homePath(),
                                                    tr("CSV files (*.csv *.txt);;All files (*)"));
        if (!path.isEmpty()) {
            m_fileEdit->setText(path);
        }
    });
    connect(m_fileEdit, &QLineEdit::textChanged, this, [this, filePage] {
        loadPreview();
        filePage->changed();
    });
    setPage(FilePage, filePage);

    // 2. Columns and region.
    auto *columnsPage = new ImportWizardPage(this, ColumnsPage);
    columnsPage->setTitle(tr("Map the columns"));
    columnsPage->setSubTitle(tr("Say what each column holds. Exactly one must be the phone number; other columns "
                                "are kept as custom fields unless ignored."));
    m_mapping->setObjectName(QStringLiteral("mappingTable"));
    m_mapping->setColumnCount(3);
    m_mapping->setHorizontalHeaderLabels({tr("Column"), tr("Holds"), tr("First value")});
    m_mapping->horizontalHeader()->setStretchLastSection(true);
    m_mapping->verticalHeader()->hide();
    m_mapping->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_region->setObjectName(QStringLiteral("regionCombo"));
    const QString wantedRegion = services::settings::defaultPhoneRegion(m_services.database);
    for (const QString &code : services::contacts::supportedRegions()) {
        const auto territory = QLocale::codeToTerritory(code);
        const QString name = territory == QLocale::AnyTerritory ? code : QLocale::territoryToString(territory);
        m_region->addItem(QStringLiteral("%1 — %2").arg(code, name), code);
    }
    const int wanted = m_region->findData(wantedRegion);
    m_region->setCurrentIndex(wanted >= 0 ? wanted : m_region->findData(QStringLiteral("US")));
    auto *columnsLayout = new QVBoxLayout(columnsPage);
    columnsLayout->addWidget(m_mapping, 1);
    auto *regionForm = new QFormLayout;
    regionForm->addRow(tr("Region for numbers without a +country code:"), m_region);
    columnsLayout->addLayout(regionForm);
    setPage(ColumnsPage, columnsPage);

    // 3. Dry run.
    auto *dryRunPage = new ImportWizardPage(this, DryRunPage);
    dryRunPage->setTitle(tr("Check the file"));
    dryRunPage->setSubTitle(tr("Nothing is written yet. Rejected rows are listed with the line they start on."));
    dryRunPage->setCommitPage(true);
    m_dryRunSummary->setObjectName(QStringLiteral("dryRunSummaryLabel"));
    m_dryRunSummary->setTextFormat(Qt::PlainText);
    m_dryRunSummary->setWordWrap(true);
    m_rejects->setObjectName(QStringLiteral("rejectsTable"));
    m_rejects->setColumnCount(3);
    m_rejects->setHorizontalHeaderLabels({tr("Line"), tr("Reason"), tr("Value")});
    m_rejects->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_rejects->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_rejects->verticalHeader()->hide();
    m_rejects->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rejects->setWordWrap(false);
    m_saveRejects->setObjectName(QStringLiteral("saveRejectsButton"));
    m_saveRejects->setEnabled(false);
    auto *dryRunLayout = new QVBoxLayout(dryRunPage);
    dryRunLayout->addWidget(m_dryRunSummary);
    dryRunLayout->addWidget(m_rejects, 1);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_saveRejects);
    dryRunLayout->addLayout(saveRow);
    connect(m_saveRejects, &QPushButton::clicked, this, &ImportWizard::saveRejectReport);
    setPage(DryRunPage, dryRunPage);

    // 4. Import.
    auto *importPage = new ImportWizardPage(this, ImportPage);
    importPage->setTitle(tr("Importing"));
    importPage->setSubTitle(tr("All rows are written together at the end; cancelling writes nothing."));
    m_progress->setObjectName(QStringLiteral("importProgressBar"));
    m_progress->setRange(0, 1000);
    m_progressLabel->setObjectName(QStringLiteral("importProgressLabel"));
    m_progressLabel->setTextFormat(Qt::PlainText);
    m_cancelImport->setObjectName(QStringLiteral("cancelImportButton"));
    auto *importLayout = new QVBoxLayout(importPage);
    importLayout->addWidget(m_progress);
    importLayout->addWidget(m_progressLabel);
    auto *cancelRow = new QHBoxLayout;
    cancelRow->addStretch(1);
    cancelRow->addWidget(m_cancelImport);
    importLayout->addLayout(cancelRow);
    importLayout->addStretch(1);
    connect(m_cancelImport, &QPushButton::clicked, this, &ImportWizard::cancelRun);
    setPage(ImportPage, importPage);

    // 5. Summary.
    auto *summaryPage = new ImportWizardPage(this, SummaryPage);
    summaryPage->setTitle(tr("Done"));
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    auto *summaryLayout = new QVBoxLayout(summaryPage);
    summaryLayout->addWidget(m_summary);
    summaryLayout->addStretch(1);
    setPage(SummaryPage, summaryPage);

    if (!m_services.session.actor().has(Permission::ContactsImport)) {
        m_previewNote->setText(tr("Importing contacts needs the contacts.import permission."));
        m_fileEdit->setEnabled(false);
        browse->setEnabled(false);
    }
}

ImportWizard::~ImportWizard()
{
    stopWorker();
}

QString ImportWizard::filePath() const
{
    return m_fileEdit->text().trimmed();
}

bool ImportWizard::isComplete(int page) const
{
    switch (page) {
    case FilePage:
        return !m_header.isEmpty() && m_services.session.actor().has(Permission::ContactsImport);
    case ColumnsPage: {
        int phones = 0;
        for (int row = 0; row < m_mapping->rowCount(); ++row) {
            auto *combo = qobject_cast<QComboBox *>(m_mapping->cellWidget(row, 1));
            phones += combo && combo->currentData().toString() == QLatin1String("phone") ? 1 : 0;
        }
        return phones == 1;
    }
    case DryRunPage:
        return !m_worker && m_dryRun.has_value();
    case ImportPage:
        return !m_worker && m_result.has_value();
    default:
        return true;
    }
}

void ImportWizard::loadPreview()
{
    m_header.clear();
    m_preview->clear();
    m_preview->setRowCount(0);
    m_preview->setColumnCount(0);
    m_mapping->setRowCount(0);
    m_dryRun.reset();
    QFile file(filePath());
    if (filePath().isEmpty() || !file.open(QIODevice::ReadOnly)) {
        m_previewNote->setText(filePath().isEmpty() ? QString() : tr("Cannot read %1.").arg(filePath()));
        return;
    }
    services::contacts::CsvReader reader(file);
    services::contacts::CsvRecord record;
    QList<services::contacts::CsvRecord> rows;
    while (rows.size() <= kPreviewRows) {
        auto more = reader.next(record);
        if (!more) {
            // A break further on is for the dry run to report; the preview shows what it could read.
            if (rows.isEmpty()) {
                m_previewNote->setText(tr("This is not a readable CSV file: %1").arg(more.error().detail));
                return;
            }
            break;
        }
        if (!more.value()) {
            break;
        }
        rows.append(record);
    }
    if (rows.isEmpty()) {
        m_previewNote->setText(tr("The file is empty; it needs a header row."));
        return;
    }
    m_header = rows.constFirst().fields;
    m_previewNote->setText(
        tr("The first rows of %1 (%2):").arg(QFileInfo(file).fileName(), QLocale().formattedDataSize(file.size())));
    m_preview->setColumnCount(int(m_header.size()));
    m_preview->setHorizontalHeaderLabels(m_header);
    m_preview->setRowCount(int(rows.size()) - 1);
    QStringList lines;
    for (int r = 1; r < rows.size(); ++r) {
        lines << tr("line %1").arg(rows.at(r).line);
        for (int c = 0; c < rows.at(r).fields.size() && c < m_header.size(); ++c) {
            m_preview->setItem(r - 1, c, new QTableWidgetItem(rows.at(r).fields.at(c)));
        }
    }
    m_preview->setVerticalHeaderLabels(lines);
    m_preview->resizeColumnsToContents();

    // The mapping, guessed from the header: the first column with a known name gets each field.
    const QList<std::pair<QString, QString>> choices{{QStringLiteral("phone"), tr("Phone number")},
                                                     {QStringLiteral("name"), tr("Name")},
                                                     {QStringLiteral("language"), tr("Language")},
                                                     {QStringLiteral("time_zone"), tr("Time zone")},
                                                     {kCustom, tr("Custom field")},
                                                     {kIgnore, tr("Ignore")}};
    QSet<QString> taken;
    m_mapping->setRowCount(int(m_header.size()));
    for (int c = 0; c < m_header.size(); ++c) {
        m_mapping->setItem(c, 0, new QTableWidgetItem(m_header.at(c)));
        m_mapping->setItem(c, 2, new QTableWidgetItem(rows.size() > 1 ? rows.at(1).fields.value(c) : QString()));
        auto *combo = new QComboBox;
        combo->setObjectName(QStringLiteral("mappingCombo_%1").arg(c));
        for (const auto &[key, label] : choices) {
            combo->addItem(label, key);
        }
        const QString guess = services::contacts::guessField(m_header.at(c));
        const bool fresh = !guess.isEmpty() && !taken.contains(guess);
        combo->setCurrentIndex(
            combo->findData(fresh ? guess : (m_header.at(c).trimmed().isEmpty() ? kIgnore : kCustom)));
        if (fresh) {
            taken.insert(guess);
        }
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            m_dryRun.reset();
            static_cast<ImportWizardPage *>(page(ColumnsPage))->changed();
        });
        m_mapping->setCellWidget(c, 1, combo);
    }
    m_mapping->resizeColumnsToContents();
    static_cast<ImportWizardPage *>(page(ColumnsPage))->changed();
}

services::contacts::ImportOptions ImportWizard::options() const
{
    services::contacts::ImportOptions options;
    options.campaignId = m_campaignId;
    options.defaultRegion = m_region->currentData().toString();
    // Every field named, mapped or not, so a header the user chose to keep as custom is not guessed again.
    for (const QString &field :
         {QStringLiteral("phone"), QStringLiteral("name"), QStringLiteral("language"), QStringLiteral("time_zone")}) {
        options.columns.insert(field, QString());
    }
    for (int row = 0; row < m_mapping->rowCount(); ++row) {
        auto *combo = qobject_cast<QComboBox *>(m_mapping->cellWidget(row, 1));
        const QString holds = combo ? combo->currentData().toString() : kCustom;
        if (holds == kIgnore) {
            options.ignoredColumns.append(m_header.value(row));
        } else if (holds != kCustom) {
            options.columns.insert(holds, m_header.value(row));
        }
    }
    return options;
}

void ImportWizard::initializePage(int id)
{
    QWizard::initializePage(id);
    if (id == DryRunPage) {
        m_rejects->setRowCount(0);
        m_saveRejects->setEnabled(false);
        m_dryRunSummary->setText(tr("Checking every row…"));
        start(true);
    } else if (id == ImportPage) {
        m_progress->setValue(0);
        m_cancelImport->setEnabled(true);
        start(false);
    }
}

void ImportWizard::cleanupPage(int id)
{
    if (id == DryRunPage) {
        stopWorker(); // Back during the dry run: the columns may change, its result would not count
    }
    QWizard::cleanupPage(id);
}

bool ImportWizard::validateCurrentPage()
{
    return !m_worker && QWizard::validateCurrentPage();
}

void ImportWizard::reject()
{
    stopWorker();
    QWizard::reject();
}

void ImportWizard::start(bool dryRun)
{
    stopWorker();
    const int runId = ++m_run;
    m_cancel = false;
    m_result.reset();
    if (dryRun) {
        m_dryRun.reset();
    }
    services::contacts::ImportOptions run = options();
    run.dryRun = dryRun;
    run.progress = [this, runId](const ImportProgress &progress) {
        QMetaObject::invokeMethod(
            this, [this, progress, runId] { onProgress(progress, runId); }, Qt::QueuedConnection);
    };
    const Actor actor = m_services.session.actor();
    const QString path = filePath();
    services::storage::Database &database = m_services.database;
    // Its own thread and so its own database connection; the result comes back queued.
    m_worker = QThread::create([this, actor, path, run, dryRun, runId, &database] {
        auto result = services::contacts::ContactImporter(database).importFile(actor, path, run, &m_cancel);
        database.closeThreadConnection();
        QMetaObject::invokeMethod(
            this, [this, result, dryRun, runId] { onFinished(result, dryRun, runId); }, Qt::QueuedConnection);
    });
    m_worker->setObjectName(QStringLiteral("contact-import"));
    m_worker->start();
    static_cast<ImportWizardPage *>(page(dryRun ? DryRunPage : ImportPage))->changed();
}

void ImportWizard::onProgress(const ImportProgress &progress, int run)
{
    if (!m_worker || run != m_run) {
        return; // a late report of a run already finished or stopped
    }
    if (progress.totalBytes > 0) {
        m_progress->setValue(int(progress.bytesRead * 1000 / progress.totalBytes));
    }
    const QString text =
        tr("%L1 rows read, %L2 valid, %L3 rejected").arg(progress.rows).arg(progress.valid).arg(progress.rejected);
    if (currentId() == DryRunPage) {
        m_dryRunSummary->setText(tr("Checking every row… %1").arg(text));
    } else {
        m_progressLabel->setText(text);
    }
}

void ImportWizard::onFinished(const Result<ImportReport> &result, bool dryRun, int run)
{
    if (run != m_run) {
        return; // a run stopped by a newer one (Back, then Next again) or by closing
    }
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
        m_worker = nullptr;
    }
    m_result = result;
    if (dryRun) {
        if (result) {
            m_dryRun = result.value();
            showDryRun(result.value());
        } else {
            m_dryRunSummary->setText(tr("The file cannot be imported: %1").arg(userMessage(result.error())));
        }
        static_cast<ImportWizardPage *>(page(DryRunPage))->changed();
    } else {
        m_cancelImport->setEnabled(false);
        if (result) {
            m_progress->setValue(m_progress->maximum());
            m_imported = true;
            const ImportReport &r = result.value();
            m_progressLabel->setText(tr("%L1 contacts imported.").arg(r.imported));
            m_summary->setText(tr("%L1 contacts imported into campaign %2 from %3 rows; %L4 rows rejected "
                                  "(%L5 duplicates in the file, %L6 already in the campaign, %L7 suppressed).")
                                   .arg(r.imported)
                                   .arg(m_campaignId)
                                   .arg(r.rows)
                                   .arg(r.rejected.size())
                                   .arg(r.count(RejectKind::DuplicateInFile))
                                   .arg(r.count(RejectKind::DuplicateInCampaign))
                                   .arg(r.count(RejectKind::Suppressed)));
            Q_EMIT contactsImported(m_campaignId, r.imported);
        } else {
            const bool cancelled = m_cancel.load();
            const QString text =
                cancelled ? tr("The import was cancelled; nothing was written.")
                          : tr("The import failed and nothing was written: %1").arg(userMessage(result.error()));
            m_progressLabel->setText(text);
            m_summary->setText(text);
        }
        static_cast<ImportWizardPage *>(page(ImportPage))->changed();
    }
    Q_EMIT runFinished();
}

void ImportWizard::showDryRun(const ImportReport &report)
{
    auto kinds = [&](std::initializer_list<RejectKind> list) {
        int n = 0;
        for (const RejectKind kind : list) {
            n += report.count(kind);
        }
        return n;
    };
    m_dryRunSummary->setText(
        tr("%L1 rows read: %L2 can be imported, %L3 rejected.\n"
           "Duplicates in the file: %L4. Already in the campaign: %L5. Suppressed (do not call): %L6. "
           "Invalid or missing numbers: %L7. Other problems: %L8.")
            .arg(report.rows)
            .arg(report.valid)
            .arg(report.rejected.size())
            .arg(report.count(RejectKind::DuplicateInFile))
            .arg(report.count(RejectKind::DuplicateInCampaign))
            .arg(report.count(RejectKind::Suppressed))
            .arg(kinds({RejectKind::InvalidPhone, RejectKind::NoPhone}))
            .arg(kinds({RejectKind::Malformed, RejectKind::InvalidField})));
    const int shown = int(qMin<qsizetype>(report.rejected.size(), kShownRejects));
    m_rejects->setRowCount(shown);
    for (int i = 0; i < shown; ++i) {
        const auto &row = report.rejected.at(i);
        auto *line = new QTableWidgetItem;
        line->setData(Qt::DisplayRole, row.line);
        m_rejects->setItem(i, 0, line);
        m_rejects->setItem(i, 1, new QTableWidgetItem(translated(row.reasonText, row.reason)));
        m_rejects->setItem(i, 2, new QTableWidgetItem(row.phone));
    }
    m_rejects->resizeColumnToContents(0);
    m_rejects->resizeColumnToContents(2);
    if (report.rejected.size() > shown) {
        m_dryRunSummary->setText(
            m_dryRunSummary->text() + u'\n' +
            tr("The first %L1 rejected rows are shown; the saved report has all of them.").arg(shown));
    }
    m_saveRejects->setEnabled(!report.rejected.isEmpty());
}

void ImportWizard::saveRejectReport()
{
    if (!m_dryRun) {
        return;
    }
    const QString suggested =
        QFileInfo(filePath()).dir().filePath(QFileInfo(filePath()).completeBaseName() + QStringLiteral("-rejects.csv"));
    const QString path = m_dialogs.saveFileName(this, tr("Save the reject report"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    if (auto written = services::contacts::writeRejectReport(*m_dryRun, path); !written) {
        m_dialogs.inform(this, QMessageBox::Warning, tr("Reject report"),
                         tr("The report could not be saved: %1").arg(written.error().detail));
    }
}

void ImportWizard::cancelRun()
{
    m_cancel = true;
    m_cancelImport->setEnabled(false);
    m_progressLabel->setText(tr("Cancelling…"));
}

void ImportWizard::stopWorker()
{
    ++m_run; // its queued reports no longer count
    if (m_worker) {
        m_cancel = true;
        m_worker->wait();
        delete m_worker;
        m_worker = nullptr;
    }
}

void renderImportWizardScreenshots(const ConsoleServices &services, qint64 campaignId, const QString &dir)
{
    QTemporaryDir work;
    const QString path = work.filePath(QStringLiteral("contacts.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return;
    }
    file.write("\xEF\xBB\xBFPhone,Name,Language,Customer ID\r\n"
               "(312) 555-0100,Ada Lovelace,en,C-1\r\n"
               "+1 312-555-0100,Ada again,en,C-2\r\n"
               "(415) 555-01,Too Short,en,C-3\r\n"
               "call me,Letters,en,C-4\r\n"
               ",No Number,en,C-5\r\n"
               "\"(646) 555-0177\",\"Zoë\nSecond line\",de,C-6\r\n"
               "(212) 555-0199,Extra,en,C-7,oops\r\n"
               "(303) 555-0111,Grace Hopper,en,C-8\r\n");
    file.close();
    class NoDialogs final : public Dialogs
    {
    public:
        int exec(QDialog &) override { return 0; }
        QMessageBox::StandardButton ask(QWidget *, const QString &, const QString &, QMessageBox::StandardButtons,
                                        QMessageBox::StandardButton) override
        {
            return QMessageBox::Cancel;
        }
        void inform(QWidget *, QMessageBox::Icon, const QString &, const QString &) override {}
        QString openFileName(QWidget *, const QString &, const QString &, const QString &) override { return {}; }
        QString saveFileName(QWidget *, const QString &, const QString &, const QString &) override { return {}; }
    } dialogs;
    ImportWizard wizard(services, campaignId, dialogs);
    wizard.show();
    wizard.findChild<QLineEdit *>(QStringLiteral("importFileEdit"))->setText(path);
    const auto shoot = [&](const QString &name) {
        QCoreApplication::processEvents();
        wizard.grab().save(QDir(dir).filePath(name));
    };
    shoot(QStringLiteral("import-wizard-file.png"));
    wizard.next();
    shoot(QStringLiteral("import-wizard-columns.png"));
    QEventLoop loop;
    QObject::connect(&wizard, &ImportWizard::runFinished, &loop, &QEventLoop::quit);
    wizard.next();
    if (wizard.isRunning()) {
        loop.exec();
    }
    shoot(QStringLiteral("import-wizard-dry-run.png"));
}

} // namespace vsc::ui
