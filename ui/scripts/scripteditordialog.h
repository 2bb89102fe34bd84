// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/dialogue/script.h"
#include "ui/consoleservices.h"

#include <QDialog>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;
class QTabWidget;
class QUndoStack;

namespace vsc::ui {

class Dialogs;
class TryItPanel;

// Writes and edits a survey script: questions (add, remove, duplicate, reorder by drag or buttons) with each type's
// own fields, branching rules (values, numeric ranges such as "0-6", "*"), the script's own fields, per-language
// variants, a live list of problems (the validator of `script validate`; double-click one to go there), import and
// export of the JSON format, undo/redo of every edit, and the Try it tab (the same engine as calls). Save stores a
// new version through ScriptService (campaign.edit, audited); versions are immutable, so running calls keep theirs.
class ScriptEditorDialog final : public QDialog
{
    Q_OBJECT
public:
    // Opens stored version `scriptVersionId` (its edits save as the next version of the same script), or a new,
    // empty script. `dialogs` (null: the real ones) asks about files and unsaved changes.
    ScriptEditorDialog(ConsoleServices &services, std::optional<qint64> scriptVersionId, QWidget *parent = nullptr,
                       Dialogs *dialogs = nullptr);
    ~ScriptEditorDialog() override;

    [[nodiscard]] const services::dialogue::Script &script() const { return m_script; }
    // Replaces the whole document (one undoable step), as an import does.
    void setScript(const services::dialogue::Script &script);
    // The script the document belongs to; none until a new script is first saved.
    [[nodiscard]] std::optional<qint64> scriptId() const { return m_scriptId; }
    // The version the latest Save stored (or the one opened), none for a new unsaved script.
    [[nodiscard]] std::optional<qint64> versionId() const { return m_versionId; }
    [[nodiscard]] bool isModified() const;
    [[nodiscard]] const QList<services::dialogue::ScriptProblem> &problems() const { return m_problems; }
    [[nodiscard]] QUndoStack *undoStack() const { return m_undo; }
    [[nodiscard]] TryItPanel *tryIt() const { return m_tryIt; }
    // Where the loading went wrong (the dialog then shows an empty script); empty when it loaded.
    [[nodiscard]] QString loadError() const { return m_loadError; }

public Q_SLOTS:
    // Stores a new version; false (and says why) when validation or the service refuses.
    bool save();
    void importJson();
    void exportJson();
    void showTryIt();
    // Asks first when there are unsaved changes.
    void reject() override;

Q_SIGNALS:
    void saved(qint64 scriptId, qint64 versionId, int version);

private:
    friend class ScriptSnapshotCommand;

    void buildQuestionsTab(QWidget *page);
    void buildScriptTab(QWidget *page);
    void buildLanguagesTab(QWidget *page);
    void connectFields();
    // Every edit: the document after it, as one undoable step; `mergeKey` merges typing into one field.
    void change(const services::dialogue::Script &after, const QString &text, const QString &mergeKey = {});
    // Sets the document (from the undo stack) and shows it.
    void apply(const services::dialogue::Script &script, int selectQuestion);
    void refresh();
    void refreshQuestionList();
    void refreshQuestionForm();
    void refreshBranches();
    void refreshVariants();
    void refreshVariantForm();
    void refreshProblems();
    void selectQuestion(int index);
    void goToProblem(const QString &location);
    [[nodiscard]] services::dialogue::ScriptQuestion *currentQuestion(services::dialogue::Script &script) const;
    [[nodiscard]] int currentVariant() const;
    void editQuestion(const QString &field, const std::function<void(services::dialogue::ScriptQuestion &)> &edit);
    void editVariant(const QString &field, const std::function<void(services::dialogue::ScriptVariant &)> &edit);
    void choicesEdited();
    void branchesEdited();
    void variantQuestionsEdited();
    void moveQuestion(int from, int to);

    ConsoleServices &m_services;
    std::unique_ptr<Dialogs> m_ownDialogs;
    Dialogs &m_dialogs;
    services::dialogue::Script m_script;
    QList<services::dialogue::ScriptProblem> m_problems;
    std::optional<qint64> m_scriptId;
    std::optional<qint64> m_versionId;
    QString m_loadError;
    int m_current = -1;
    bool m_updating = false;
    bool m_tryItStale = true;
    QUndoStack *m_undo;
    QTabWidget *m_tabs;
    QWidget *m_questionsPage;
    QWidget *m_scriptPage;
    QWidget *m_languagesPage;
    // Questions
    QListWidget *m_questionList;
    QPushButton *m_addQuestion;
    QPushButton *m_removeQuestion;
    QPushButton *m_duplicateQuestion;
    QPushButton *m_moveUp;
    QPushButton *m_moveDown;
    QWidget *m_questionForm;
    QLineEdit *m_questionId;
    QComboBox *m_questionType;
    QPlainTextEdit *m_prompt;
    QCheckBox *m_required;
    QLineEdit *m_reprompt;
    QSpinBox *m_maxReprompts;
    QStackedWidget *m_typePages;
    QTableWidget *m_choices;
    QPushButton *m_addChoice;
    QPushButton *m_removeChoice;
    QSpinBox *m_min;
    QSpinBox *m_max;
    QSpinBox *m_maxLength;
    QTableWidget *m_branches;
    QPushButton *m_addBranch;
    QPushButton *m_removeBranch;
    // Script
    QLineEdit *m_name;
    QComboBox *m_language;
    QComboBox *m_voice;
    QPlainTextEdit *m_intro;
    QPlainTextEdit *m_outro;
    QPlainTextEdit *m_disclosure;
    QDoubleSpinBox *m_threshold;
    QComboBox *m_noInput;
    QComboBox *m_optOutKey;
    QLineEdit *m_optOutPhrases;
    QLineEdit *m_optOutMessage;
    // Languages
    QListWidget *m_variants;
    QLineEdit *m_newVariant;
    QPushButton *m_addVariant;
    QPushButton *m_removeVariant;
    QWidget *m_variantForm;
    QComboBox *m_variantVoice;
    QLineEdit *m_variantIntro;
    QLineEdit *m_variantOutro;
    QLineEdit *m_variantDisclosure;
    QLineEdit *m_variantOptOut;
    QTableWidget *m_variantQuestions;
    // Try it, problems, buttons
    TryItPanel *m_tryIt;
    QListWidget *m_problemList;
    QLabel *m_problemSummary;
    QLabel *m_status;
    QPushButton *m_import;
    QPushButton *m_export;
    QPushButton *m_undoButton;
    QPushButton *m_redoButton;
    QPushButton *m_save;
    QPushButton *m_close;
};

// "0-6, 9, yes" as a branch's condition (ranges are "a-b"), and back.
services::dialogue::Branch parseBranchCondition(const QString &text);
QString branchConditionText(const services::dialogue::Branch &branch);

} // namespace vsc::ui
