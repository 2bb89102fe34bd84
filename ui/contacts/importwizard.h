// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/contacts/contactimporter.h"
#include "ui/consoleservices.h"

#include <QWizard>

#include <atomic>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QThread;

namespace vsc::ui {

class Dialogs;

// The contact import wizard for one campaign (chosen before it opens):
//   file (path or Browse…, preview of the first rows) → columns (phone, name, language, time zone, custom, ignore;
//   guessed from the header) and default region → dry run (counts, every rejected row with its physical line,
//   duplicates, suppressed; "Save reject report…") → import (progress bar, Cancel) → summary.
// The dry run and the import run on a thread of their own with its own database connection (Database hands out one
// per thread), so the window stays responsive; progress comes back queued. Cancel, or closing the wizard, stops the
// import with nothing written. Needs contacts.import (the service checks it; the wizard says so up front).
class ImportWizard final : public QWizard
{
    Q_OBJECT
public:
    enum PageId { FilePage, ColumnsPage, DryRunPage, ImportPage, SummaryPage };

    ImportWizard(const ConsoleServices &services, qint64 campaignId, Dialogs &dialogs, QWidget *parent = nullptr);
    ~ImportWizard() override;
    Q_DISABLE_COPY_MOVE(ImportWizard)

    // The options the pages describe (file, columns, region).
    [[nodiscard]] services::contacts::ImportOptions options() const;
    [[nodiscard]] QString filePath() const;
    // The last finished run (dry run or import), if any.
    [[nodiscard]] const std::optional<Result<services::contacts::ImportReport>> &lastResult() const { return m_result; }
    [[nodiscard]] bool isRunning() const { return m_worker != nullptr; }

Q_SIGNALS:
    // The import wrote contacts (the campaign's counts changed).
    void contactsImported(qint64 campaignId, int count);
    void runFinished();

protected:
    void initializePage(int id) override;
    void cleanupPage(int id) override;
    bool validateCurrentPage() override;
    void reject() override;

private:
    void loadPreview();
    void start(bool dryRun);
    void onProgress(const services::contacts::ImportProgress &progress, int run);
    void onFinished(const Result<services::contacts::ImportReport> &result, bool dryRun, int run);
    void showDryRun(const services::contacts::ImportReport &report);
    void saveRejectReport();
    void cancelRun();
    void stopWorker();
    [[nodiscard]] bool isComplete(int page) const;

    const ConsoleServices &m_services;
    qint64 m_campaignId;
    Dialogs &m_dialogs;
    QLineEdit *m_fileEdit;
    QTableWidget *m_preview;
    QLabel *m_previewNote;
    QTableWidget *m_mapping;
    QComboBox *m_region;
    QLabel *m_dryRunSummary;
    QTableWidget *m_rejects;
    QPushButton *m_saveRejects;
    QProgressBar *m_progress;
    QLabel *m_progressLabel;
    QPushButton *m_cancelImport;
    QLabel *m_summary;
    QStringList m_header;
    QThread *m_worker = nullptr;
    int m_run = 0; // which start() the queued reports belong to; a stopped run's late ones are dropped
    std::atomic_bool m_cancel{false};
    std::optional<Result<services::contacts::ImportReport>> m_result;
    std::optional<services::contacts::ImportReport> m_dryRun;
    bool m_imported = false;

    friend class ImportWizardPage;
};

// Writes the wizard's pages as PNGs into `dir` (app/main.cpp --screenshots): a generated file with bad rows.
void renderImportWizardScreenshots(const ConsoleServices &services, qint64 campaignId, const QString &dir);

} // namespace vsc::ui
