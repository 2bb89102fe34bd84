// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/campaign.h"
#include "services/campaigns/compliancepreview.h"

#include <QDialog>
#include <QHash>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QTimeEdit;
class QUndoStack;

namespace vsc::ui {

struct ConsoleServices;
class Dialogs;

// Creates or edits one campaign: Details, Calling window, Pacing, Retries, Quotas and Answering machine tabs, with
// the problems CampaignService::validate finds shown next to their fields as you type (Save stays disabled while
// there are any), undo/redo of field edits (Ctrl+Z, Ctrl+Shift+Z), a Save / Discard / Cancel prompt when closed
// with unsaved changes, and the compliance preview of a saved campaign. A running campaign's caller ID, language,
// voice and script are shown but locked (services::campaigns::isEditable). Everything is saved through
// CampaignService as the signed-in actor.
class CampaignEditorDialog final : public QDialog
{
    Q_OBJECT
public:
    // No campaign id: a new campaign.
    CampaignEditorDialog(ConsoleServices &services, std::optional<qint64> campaignId, QWidget *parent = nullptr);
    ~CampaignEditorDialog() override;

    // Where the unsaved-changes prompt and save errors go (tests answer them); null: the system's message boxes.
    void setDialogs(Dialogs *dialogs);
    // The campaign as the fields say now.
    [[nodiscard]] Campaign campaign() const;
    [[nodiscard]] std::optional<qint64> campaignId() const { return m_campaignId; }
    [[nodiscard]] bool isModified() const;
    [[nodiscard]] QList<FieldProblem> problems() const { return m_problems; }
    [[nodiscard]] QUndoStack *undoStack() const { return m_undo; }

    // The preview in the words of the start confirmation: "1,204 dialable now; 312 outside their window until
    // 08:00 local; 14 suppressed; 3 at the cap".
    static QString previewText(const services::campaigns::CompliancePreview &preview);
    // The start confirmation: "Start campaign "X"?" and the preview.
    static QString startQuestion(const QString &name, const services::campaigns::CompliancePreview &preview);

Q_SIGNALS:
    // "Edit script…": the script editor opens on this version (0: none chosen) and, once it has saved a version,
    // calls reloadScripts(newVersionId).
    void editScriptRequested(qint64 scriptVersionId);
    void saved(qint64 campaignId);

public Q_SLOTS:
    // Saves when valid; false (and says why) otherwise.
    bool save();
    // Re-reads the stored script versions and selects `selectVersionId` (0: keeps the current choice).
    void reloadScripts(qint64 selectVersionId = 0);
    void refreshPreview();
    void reject() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    class FieldEdit;

    QWidget *buildDetails();
    QWidget *buildWindow();
    QWidget *buildPacing();
    QWidget *buildRetries();
    QWidget *buildQuotas();
    QWidget *buildMachine();
    QLabel *errorLabel(const QString &field, const QString &objectName);
    void load(const Campaign &campaign);
    void apply(const Campaign &campaign); // fields from a snapshot, without recording an edit
    void edited(const QString &field);
    void closeMerge() { m_mergeOpen = false; }
    void validate();
    void lockFields();
    [[nodiscard]] QVariantMap quotasFromTable(QList<FieldProblem> *problems) const;

    ConsoleServices &m_services;
    Dialogs *m_dialogs;
    std::unique_ptr<Dialogs> m_ownDialogs;
    std::optional<qint64> m_campaignId;
    Campaign m_stored;  // as loaded or last saved
    Campaign m_current; // as the fields were after the last recorded edit
    QList<FieldProblem> m_problems;
    QUndoStack *m_undo;
    bool m_applying = false;
    bool m_mergeOpen = false;
    QString m_lastField;

    QLabel *m_lockedNote = nullptr;
    QTabWidget *m_tabs;
    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QLineEdit *m_callerId;
    QComboBox *m_language;
    QComboBox *m_voice;
    QComboBox *m_script;
    QPushButton *m_editScript;
    QLineEdit *m_reportRecipients; // e-mailed reports (issue 12)
    QCheckBox *m_dailySummary;
    QTimeEdit *m_windowStart;
    QTimeEdit *m_windowEnd;
    QList<QCheckBox *> m_weekdays; // Monday first
    QListWidget *m_blockedDates;
    QDateEdit *m_blockedDate;
    QPushButton *m_addDate;
    QPushButton *m_removeDate;
    QDoubleSpinBox *m_callsPerSecond;
    QSpinBox *m_concurrent;
    QSpinBox *m_maxAttempts;
    QHash<QString, std::pair<QSpinBox *, QComboBox *>> m_delays; // outcome -> amount, unit (seconds per unit)
    QTableWidget *m_quotas;
    QPushButton *m_addQuota;
    QPushButton *m_removeQuota;
    QRadioButton *m_hangUp;
    QRadioButton *m_leaveMessage;
    QPlainTextEdit *m_machineMessage;
    QHash<QString, QLabel *> m_errors;        // field name (or its prefix) -> its inline error
    QHash<QString, QWidget *> m_fieldWidgets; // field name -> the widget to lock while running
    QLabel *m_previewLabel;
    QPushButton *m_refreshPreview;
    QLabel *m_statusLabel;
    QPushButton *m_saveButton;
    QPushButton *m_closeButton;
};

// Renders the editor's tabs of a demo campaign (or a new one) and the start confirmation into `directory`
// (campaign-editor-<tab>.png, campaign-start-confirmation.png). For app/main.cpp's --screenshots.
void renderCampaignEditorScreenshots(ConsoleServices &services, const QString &directory);

} // namespace vsc::ui
