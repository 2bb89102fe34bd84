// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/scripts/scripteditordialog.h"

#include "services/auth/session.h"
#include "services/scripts/scriptservice.h"
#include "ui/dialogs.h"
#include "ui/pane.h"
#include "ui/scripts/tryitpanel.h"
#include "ui/widgets/tones.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTabWidget>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

namespace vsc::ui {

using namespace services::dialogue;

// One edit of the document, as the whole document before and after (scripts are small). Typing into one field
// merges into the step before it, so undo takes back a word's worth of typing at once rather than a character.
class ScriptSnapshotCommand final : public QUndoCommand
{
public:
    ScriptSnapshotCommand(ScriptEditorDialog &dialog, Script before, Script after, const QString &text,
                          QString mergeKey, int questionBefore, int questionAfter)
        : QUndoCommand(text), m_dialog(dialog), m_before(std::move(before)), m_after(std::move(after)),
          m_mergeKey(std::move(mergeKey)), m_questionBefore(questionBefore), m_questionAfter(questionAfter)
    {
    }

    void undo() override { m_dialog.apply(m_before, m_questionBefore); }
    void redo() override { m_dialog.apply(m_after, m_questionAfter); }
    [[nodiscard]] int id() const override { return m_mergeKey.isEmpty() ? -1 : 1; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const ScriptSnapshotCommand *>(other);
        if (next->m_mergeKey != m_mergeKey) {
            return false;
        }
        m_after = next->m_after;
        m_questionAfter = next->m_questionAfter;
        return true;
    }

private:
    ScriptEditorDialog &m_dialog;
    Script m_before;
    Script m_after;
    QString m_mergeKey;
    int m_questionBefore;
    int m_questionAfter;
};

namespace {

template<typename W>
W *named(W *widget, const QString &objectName)
{
    widget->setObjectName(objectName);
    return widget;
}

QPlainTextEdit *textBox(const QString &objectName, const QString &placeholder, int lines, QWidget *parent)
{
    auto *edit = named(new QPlainTextEdit(parent), objectName);
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 14);
    return edit;
}

// Sets a widget's text only when it differs, so the cursor of the field being typed into stays where it is.
void setText(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text) {
        edit->setText(text);
    }
}
void setText(QPlainTextEdit *edit, const QString &text)
{
    if (edit->toPlainText() != text) {
        edit->setPlainText(text);
    }
}
void setText(QComboBox *combo, const QString &text)
{
    if (combo->currentText() != text) {
        combo->setCurrentText(text);
    }
}

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(u',')) {
        if (!part.trimmed().isEmpty()) {
            out << part.trimmed();
        }
    }
    return out;
}

const QList<QuestionType> kTypes{QuestionType::YesNo, QuestionType::SingleChoice, QuestionType::Numeric,
                                 QuestionType::FreeSpeech, QuestionType::Recording};

QString typeLabel(QuestionType type)
{
    switch (type) {
    case QuestionType::YesNo:
        return ScriptEditorDialog::tr("Yes / no");
    case QuestionType::SingleChoice:
        return ScriptEditorDialog::tr("Single choice");
    case QuestionType::Numeric:
        return ScriptEditorDialog::tr("Number");
    case QuestionType::FreeSpeech:
        return ScriptEditorDialog::tr("Free speech");
    case QuestionType::Recording:
        return ScriptEditorDialog::tr("Recording");
    }
    return {};
}

QString uniqueId(const Script &script, const QString &stem)
{
    for (int n = int(script.questions.size()) + 1;; ++n) {
        QString id = stem + QString::number(n);
        if (script.indexOf(id) < 0) {
            return id;
        }
    }
}

// "speed: schnell, tempo; price: preis" <-> option value -> words.
QString wordsText(const QuestionVariant &qv, const ScriptQuestion &q)
{
    QStringList parts;
    for (const Choice &c : q.choices) {
        if (qv.synonyms.contains(c.value)) {
            parts << c.value + QStringLiteral(": ") + qv.synonyms.value(c.value).join(QStringLiteral(", "));
        }
    }
    for (auto it = qv.synonyms.cbegin(); it != qv.synonyms.cend(); ++it) {
        if (!std::any_of(q.choices.cbegin(), q.choices.cend(), [&](const Choice &c) { return c.value == it.key(); })) {
            parts << it.key() + QStringLiteral(": ") + it->join(QStringLiteral(", "));
        }
    }
    return parts.join(QStringLiteral("; "));
}

QHash<QString, QStringList> parseWords(const QString &text)
{
    QHash<QString, QStringList> out;
    for (const QString &part : text.split(u';')) {
        const qsizetype colon = part.indexOf(u':');
        if (colon <= 0) {
            continue;
        }
        out.insert(part.left(colon).trimmed(), splitList(part.mid(colon + 1)));
    }
    return out;
}

const QStringList kVoices{QStringLiteral("Polly.Joanna"),
                          QStringLiteral("Polly.Matthew"),
                          QStringLiteral("Polly.Amy"),
                          QStringLiteral("Polly.Brian"),
                          QStringLiteral("Polly.Vicki"),
                          QStringLiteral("Polly.Hans"),
                          QStringLiteral("Polly.Celine"),
                          QStringLiteral("Polly.Mathieu"),
                          QStringLiteral("Polly.Lucia"),
                          QStringLiteral("Polly.Enrique"),
                          QStringLiteral("Google.en-US-Standard-C"),
                          QStringLiteral("Google.de-DE-Standard-A")};
const QStringList kLanguages{QStringLiteral("en-US"), QStringLiteral("en-GB"), QStringLiteral("de-DE"),
                             QStringLiteral("de-AT"), QStringLiteral("fr-FR"), QStringLiteral("es-ES"),
                             QStringLiteral("it-IT"), QStringLiteral("nl-NL")};

} // namespace

Branch parseBranchCondition(const QString &text)
{
    static const QRegularExpression range(QStringLiteral("^(\\d+)\\s*-\\s*(\\d+)$"));
    Branch branch;
    for (const QString &item : splitList(text)) {
        const QRegularExpressionMatch m = range.match(item);
        if (m.hasMatch()) {
            branch.ranges.append({m.captured(1).toInt(), m.captured(2).toInt()});
        } else {
            branch.when << item;
        }
    }
    return branch;
}

QString branchConditionText(const Branch &branch)
{
    QStringList items = branch.when;
    for (const NumberRange &r : branch.ranges) {
        items << QStringLiteral("%1-%2").arg(r.min).arg(r.max);
    }
    return items.join(QStringLiteral(", "));
}

ScriptEditorDialog::ScriptEditorDialog(ConsoleServices &services, std::optional<qint64> scriptVersionId,
                                       QWidget *parent, Dialogs *dialogs)
    : QDialog(parent), m_services(services), m_ownDialogs(dialogs ? nullptr : std::make_unique<SystemDialogs>()),
      m_dialogs(dialogs ? *dialogs : *m_ownDialogs), m_undo(new QUndoStack(this)),
      m_tabs(named(new QTabWidget(this), QStringLiteral("scriptEditorTabs"))), m_questionsPage(new QWidget(this)),
      m_scriptPage(new QWidget(this)), m_languagesPage(new QWidget(this)), m_tryIt(new TryItPanel(this)),
      m_problemList(named(new QListWidget(this), QStringLiteral("problemsList"))),
      m_problemSummary(named(new QLabel(this), QStringLiteral("problemSummaryLabel"))),
      m_status(named(new QLabel(this), QStringLiteral("editorStatusLabel"))),
      m_import(namedButton(tr("Import JSON…"), QStringLiteral("importJsonButton"), this)),
      m_export(namedButton(tr("Export JSON…"), QStringLiteral("exportJsonButton"), this)),
      m_undoButton(namedButton(tr("Undo"), QStringLiteral("undoButton"), this)),
      m_redoButton(namedButton(tr("Redo"), QStringLiteral("redoButton"), this)),
      m_save(namedButton(tr("Save"), QStringLiteral("saveButton"), this)),
      m_close(namedButton(tr("Close"), QStringLiteral("closeButton"), this))
{
    setObjectName(QStringLiteral("scriptEditorDialog"));
    setWindowTitle(tr("Script editor"));
    setSizeGripEnabled(true);
    resize(1180, 800);

    buildQuestionsTab(m_questionsPage);
    buildScriptTab(m_scriptPage);
    buildLanguagesTab(m_languagesPage);
    m_tabs->addTab(m_questionsPage, tr("Questions"));
    m_tabs->addTab(m_scriptPage, tr("Script"));
    m_tabs->addTab(m_languagesPage, tr("Languages"));
    m_tabs->addTab(m_tryIt, tr("Try it"));

    auto *problemsBox = new QWidget(this);
    auto *problemsLayout = new QVBoxLayout(problemsBox);
    problemsLayout->setContentsMargins(0, 4, 0, 0);
    problemsLayout->addWidget(m_problemSummary);
    problemsLayout->addWidget(m_problemList);
    m_problemList->setToolTip(tr("Double-click a problem to go to its place"));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tabs);
    split->addWidget(problemsBox);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 1);
    split->setSizes({660, 90});

    m_undoButton->setShortcut(QKeySequence::Undo);
    m_redoButton->setShortcut(QKeySequence::Redo);
    m_save->setDefault(false);
    m_save->setAutoDefault(false);
    m_close->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_import);
    buttons->addWidget(m_export);
    buttons->addSpacing(12);
    buttons->addWidget(m_undoButton);
    buttons->addWidget(m_redoButton);
    buttons->addSpacing(12);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_save);
    buttons->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);

    connectFields();
    connect(m_undoButton, &QPushButton::clicked, m_undo, &QUndoStack::undo);
    connect(m_redoButton, &QPushButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, m_undoButton, &QPushButton::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, m_redoButton, &QPushButton::setEnabled);
    connect(m_undo, &QUndoStack::undoTextChanged, this,
            [this](const QString &text) { m_undoButton->setToolTip(tr("Undo %1").arg(text)); });
    connect(m_undo, &QUndoStack::redoTextChanged, this,
            [this](const QString &text) { m_redoButton->setToolTip(tr("Redo %1").arg(text)); });
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) {
        setWindowTitle(tr("Script editor — %1%2").arg(m_script.name, clean ? QString() : QStringLiteral(" *")));
    });
    m_undoButton->setEnabled(false);
    m_redoButton->setEnabled(false);
    connect(m_import, &QPushButton::clicked, this, &ScriptEditorDialog::importJson);
    connect(m_export, &QPushButton::clicked, this, &ScriptEditorDialog::exportJson);
    connect(m_save, &QPushButton::clicked, this, &ScriptEditorDialog::save);
    connect(m_close, &QPushButton::clicked, this, &ScriptEditorDialog::reject);
    connect(m_problemList, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { goToProblem(item->data(Qt::UserRole).toString()); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_tryIt && m_tryItStale) {
            m_tryIt->setScript(m_script);
            m_tryItStale = false;
        }
    });

    const Actor actor = m_services.session.actor();
    m_save->setEnabled(actor.has(Permission::CampaignEdit));
    if (!actor.has(Permission::CampaignEdit)) {
        m_save->setToolTip(tr("Saving needs the campaign.edit permission"));
    }
    Script script;
    script.name = tr("New survey");
    if (scriptVersionId) {
        services::scripts::ScriptService service(m_services.database, m_services.clock);
        auto loaded = service.load(actor, *scriptVersionId);
        auto owner = loaded ? service.scriptOf(actor, *scriptVersionId) : Result<qint64>(loaded.error());
        if (loaded && owner) {
            script = loaded.value();
            m_scriptId = owner.value();
            m_versionId = scriptVersionId;
        } else {
            m_loadError = userMessage(loaded ? owner.error() : loaded.error());
            m_status->setText(tr("Could not open version %1: %2").arg(*scriptVersionId).arg(m_loadError));
        }
    }
    apply(script, script.questions.isEmpty() ? -1 : 0);
    setWindowTitle(tr("Script editor — %1").arg(m_script.name));
}

ScriptEditorDialog::~ScriptEditorDialog()
{
    m_undo->disconnect(this); // the stack's commands refer back to this dialog while it is being destroyed
}

void ScriptEditorDialog::buildQuestionsTab(QWidget *page)
{
    m_questionList = named(new QListWidget(page), QStringLiteral("questionList"));
    m_questionList->setDragDropMode(QAbstractItemView::InternalMove);
    m_questionList->setDefaultDropAction(Qt::MoveAction);
    m_questionList->setAlternatingRowColors(true);
    m_questionList->setToolTip(tr("Drag to reorder"));
    m_addQuestion = namedButton(tr("Add"), QStringLiteral("addQuestionButton"), page);
    m_removeQuestion = namedButton(tr("Remove"), QStringLiteral("removeQuestionButton"), page);
    m_duplicateQuestion = namedButton(tr("Duplicate"), QStringLiteral("duplicateQuestionButton"), page);
    m_moveUp = namedButton(tr("Up"), QStringLiteral("moveQuestionUpButton"), page);
    m_moveDown = namedButton(tr("Down"), QStringLiteral("moveQuestionDownButton"), page);
    auto *listButtons = new QGridLayout;
    listButtons->addWidget(m_addQuestion, 0, 0);
    listButtons->addWidget(m_duplicateQuestion, 0, 1);
    listButtons->addWidget(m_removeQuestion, 0, 2);
    listButtons->addWidget(m_moveUp, 1, 0);
    listButtons->addWidget(m_moveDown, 1, 1);
    auto *left = new QWidget(page);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Questions, in the order they are asked:"), left));
    leftLayout->addWidget(m_questionList, 1);
    leftLayout->addLayout(listButtons);

    m_questionForm = new QWidget(page);
    m_questionId = named(new QLineEdit(m_questionForm), QStringLiteral("questionIdEdit"));
    m_questionId->setPlaceholderText(tr("e.g. nps (letters, digits, _ and -)"));
    m_questionType = named(new QComboBox(m_questionForm), QStringLiteral("questionTypeCombo"));
    m_questionType->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (QuestionType type : kTypes) {
        m_questionType->addItem(typeLabel(type), int(type));
    }
    m_prompt = textBox(QStringLiteral("questionPromptEdit"), tr("What the caller hears, e.g. \"From zero to ten…\""), 3,
                       m_questionForm);
    m_required = named(new QCheckBox(tr("Required (see the no-input policy)"), m_questionForm),
                       QStringLiteral("questionRequiredCheck"));
    m_reprompt = named(new QLineEdit(m_questionForm), QStringLiteral("questionRepromptEdit"));
    m_reprompt->setPlaceholderText(tr("Default: \"Sorry, I didn't catch that.\""));
    m_maxReprompts = named(new QSpinBox(m_questionForm), QStringLiteral("maxRepromptsSpin"));
    m_maxReprompts->setRange(0, 5);
    m_maxReprompts->setMaximumWidth(80);

    m_typePages = new QStackedWidget(m_questionForm);
    auto *yesNo =
        new QLabel(tr("Key 1 or \"yes\" answers yes; key 2 or \"no\" answers no. Stored as yes / no."), m_typePages);
    yesNo->setWordWrap(true);
    m_typePages->addWidget(yesNo);
    auto *choicePage = new QWidget(m_typePages);
    m_choices = named(new QTableWidget(0, 3, choicePage), QStringLiteral("choicesTable"));
    m_choices->setHorizontalHeaderLabels({tr("Stored value"), tr("Key"), tr("Spoken synonyms (comma-separated)")});
    m_choices->verticalHeader()->hide();
    m_choices->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_choices->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_choices->horizontalHeader()->setStretchLastSection(true);
    m_choices->setColumnWidth(0, 140);
    m_addChoice = namedButton(tr("Add option"), QStringLiteral("addChoiceButton"), choicePage);
    m_removeChoice = namedButton(tr("Remove option"), QStringLiteral("removeChoiceButton"), choicePage);
    auto *choiceButtons = new QHBoxLayout;
    choiceButtons->addWidget(m_addChoice);
    choiceButtons->addWidget(m_removeChoice);
    choiceButtons->addStretch();
    auto *choiceLayout = new QVBoxLayout(choicePage);
    choiceLayout->setContentsMargins(0, 0, 0, 0);
    choiceLayout->addWidget(m_choices);
    choiceLayout->addLayout(choiceButtons);
    m_typePages->addWidget(choicePage);
    auto *numericPage = new QWidget(m_typePages);
    m_min = named(new QSpinBox(numericPage), QStringLiteral("numericMinSpin"));
    m_max = named(new QSpinBox(numericPage), QStringLiteral("numericMaxSpin"));
    for (QSpinBox *spin : {m_min, m_max}) {
        spin->setRange(0, 999999);
        spin->setMaximumWidth(140);
    }
    auto *numericLayout = new QFormLayout(numericPage);
    numericLayout->addRow(tr("Smallest answer:"), m_min);
    numericLayout->addRow(tr("Largest answer:"), m_max);
    numericLayout->addRow(new QLabel(tr("Above 9 the caller ends the number with #."), numericPage));
    m_typePages->addWidget(numericPage);
    auto *lengthPage = new QWidget(m_typePages);
    m_maxLength = named(new QSpinBox(lengthPage), QStringLiteral("maxLengthSpin"));
    m_maxLength->setRange(1, 3600);
    m_maxLength->setSuffix(tr(" s"));
    m_maxLength->setMaximumWidth(140);
    auto *lengthLayout = new QFormLayout(lengthPage);
    lengthLayout->addRow(tr("Longest answer:"), m_maxLength);
    m_typePages->addWidget(lengthPage);

    m_branches = named(new QTableWidget(0, 2, m_questionForm), QStringLiteral("branchesTable"));
    m_branches->setHorizontalHeaderLabels({tr("When the answer is"), tr("Go to")});
    m_branches->verticalHeader()->hide();
    m_branches->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_branches->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_branches->setMinimumHeight(110);
    m_addBranch = namedButton(tr("Add rule"), QStringLiteral("addBranchButton"), m_questionForm);
    m_removeBranch = namedButton(tr("Remove rule"), QStringLiteral("removeBranchButton"), m_questionForm);
    auto *branchHint =
        new QLabel(tr("Values, comma-separated: yes · speed · 7 · a range 0-6 · * for any answer. The first rule that "
                      "matches wins; otherwise the next question follows."),
                   m_questionForm);
    branchHint->setWordWrap(true);
    auto *branchButtons = new QHBoxLayout;
    branchButtons->addWidget(m_addBranch);
    branchButtons->addWidget(m_removeBranch);
    branchButtons->addStretch();
    auto *branchBox = new QGroupBox(tr("Branching"), m_questionForm);
    auto *branchLayout = new QVBoxLayout(branchBox);
    branchLayout->addWidget(m_branches, 1);
    branchLayout->addLayout(branchButtons);
    branchLayout->addWidget(branchHint);

    auto *form = new QFormLayout;
    form->addRow(tr("Id:"), m_questionId);
    form->addRow(tr("Type:"), m_questionType);
    form->addRow(tr("Prompt:"), m_prompt);
    form->addRow(QString(), m_required);
    form->addRow(tr("Reprompt:"), m_reprompt);
    form->addRow(tr("Reprompts:"), m_maxReprompts);
    auto *answersBox = new QGroupBox(tr("Answers"), m_questionForm);
    auto *answersLayout = new QVBoxLayout(answersBox);
    answersLayout->addWidget(m_typePages);
    auto *formLayout = new QVBoxLayout(m_questionForm);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addLayout(form);
    formLayout->addWidget(answersBox, 1);
    formLayout->addWidget(branchBox, 1);

    auto *split = new QSplitter(Qt::Horizontal, page);
    split->addWidget(left);
    split->addWidget(m_questionForm);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    split->setSizes({330, 800});
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(split);
}

void ScriptEditorDialog::buildScriptTab(QWidget *page)
{
    m_name = named(new QLineEdit(page), QStringLiteral("scriptNameEdit"));
    m_name->setPlaceholderText(tr("Shown in the console, e.g. Customer satisfaction"));
    m_language = named(new QComboBox(page), QStringLiteral("scriptLanguageCombo"));
    m_language->setEditable(true);
    m_language->addItems(kLanguages);
    m_voice = named(new QComboBox(page), QStringLiteral("scriptVoiceCombo"));
    m_voice->setEditable(true);
    m_voice->addItems(kVoices);
    m_intro = textBox(QStringLiteral("scriptIntroEdit"), tr("Said before the first question"), 3, page);
    m_outro = textBox(QStringLiteral("scriptOutroEdit"), tr("Default: \"Thank you. Goodbye.\""), 2, page);
    m_disclosure = textBox(QStringLiteral("recordingDisclosureEdit"),
                           tr("Required when a question records, e.g. \"This call is recorded…\""), 2, page);
    m_threshold = named(new QDoubleSpinBox(page), QStringLiteral("confidenceThresholdSpin"));
    m_threshold->setRange(0, 1);
    m_threshold->setSingleStep(0.05);
    m_threshold->setDecimals(2);
    m_threshold->setMaximumWidth(100);
    m_threshold->setToolTip(tr("Speech answers below this confidence are confirmed with the caller"));
    m_noInput = named(new QComboBox(page), QStringLiteral("noInputPolicyCombo"));
    m_noInput->addItem(tr("Skip the question"), int(NoInputPolicy::Skip));
    m_noInput->addItem(tr("End the call politely"), int(NoInputPolicy::End));
    m_optOutKey = named(new QComboBox(page), QStringLiteral("optOutKeyCombo"));
    m_optOutKey->addItems({QStringLiteral("9"), QStringLiteral("*"), QStringLiteral("#"), QStringLiteral("0"),
                           QStringLiteral("8"), QStringLiteral("7")});
    m_optOutKey->setEditable(true);
    m_optOutKey->setMaximumWidth(80);
    m_optOutPhrases = named(new QLineEdit(page), QStringLiteral("optOutPhrasesEdit"));
    m_optOutPhrases->setPlaceholderText(tr("Besides the built-in ones (stop calling, nicht mehr anrufen, …)"));
    m_optOutMessage = named(new QLineEdit(page), QStringLiteral("optOutMessageEdit"));
    m_optOutMessage->setPlaceholderText(tr("Default: \"We will not call you again. Goodbye.\""));

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Language:"), m_language);
    form->addRow(tr("Voice:"), m_voice);
    form->addRow(tr("Intro:"), m_intro);
    form->addRow(tr("Outro:"), m_outro);
    form->addRow(tr("Recording disclosure:"), m_disclosure);
    form->addRow(tr("Confirm speech below:"), m_threshold);
    form->addRow(tr("No answer after reprompts:"), m_noInput);
    auto *optOut = new QGroupBox(tr("Opting out"), page);
    auto *optOutForm = new QFormLayout(optOut);
    optOutForm->addRow(tr("Key:"), m_optOutKey);
    optOutForm->addRow(tr("Extra phrases (comma-separated):"), m_optOutPhrases);
    optOutForm->addRow(tr("Message:"), m_optOutMessage);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(optOut);
    layout->addStretch();
}

void ScriptEditorDialog::buildLanguagesTab(QWidget *page)
{
    m_variants = named(new QListWidget(page), QStringLiteral("variantList"));
    m_newVariant = named(new QLineEdit(page), QStringLiteral("newVariantEdit"));
    m_newVariant->setPlaceholderText(tr("e.g. de-DE"));
    m_addVariant = namedButton(tr("Add language"), QStringLiteral("addVariantButton"), page);
    m_removeVariant = namedButton(tr("Remove"), QStringLiteral("removeVariantButton"), page);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_newVariant, 1);
    addRow->addWidget(m_addVariant);
    auto *left = new QWidget(page);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *explain = new QLabel(tr("A contact whose language matches (exactly, or by its first part: de-AT → de-DE) "
                                  "hears the variant; everyone else the script's own texts."),
                               left);
    explain->setWordWrap(true);
    leftLayout->addWidget(explain);
    leftLayout->addWidget(m_variants, 1);
    leftLayout->addLayout(addRow);
    leftLayout->addWidget(m_removeVariant);

    m_variantForm = new QWidget(page);
    m_variantVoice = named(new QComboBox(m_variantForm), QStringLiteral("variantVoiceCombo"));
    m_variantVoice->setEditable(true);
    m_variantVoice->addItems(kVoices);
    m_variantIntro = named(new QLineEdit(m_variantForm), QStringLiteral("variantIntroEdit"));
    m_variantOutro = named(new QLineEdit(m_variantForm), QStringLiteral("variantOutroEdit"));
    m_variantDisclosure = named(new QLineEdit(m_variantForm), QStringLiteral("variantDisclosureEdit"));
    m_variantOptOut = named(new QLineEdit(m_variantForm), QStringLiteral("variantOptOutMessageEdit"));
    for (QLineEdit *edit : {m_variantIntro, m_variantOutro, m_variantDisclosure, m_variantOptOut}) {
        edit->setPlaceholderText(tr("Empty: the script's own text"));
    }
    m_variantQuestions = named(new QTableWidget(0, 4, m_variantForm), QStringLiteral("variantQuestionsTable"));
    m_variantQuestions->setHorizontalHeaderLabels(
        {tr("Question"), tr("Prompt in this language"), tr("Reprompt"), tr("Option words (speed: schnell; …)")});
    m_variantQuestions->verticalHeader()->hide();
    m_variantQuestions->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_variantQuestions->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_variantQuestions->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Interactive);
    m_variantQuestions->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Interactive);
    m_variantQuestions->setColumnWidth(2, 160);
    m_variantQuestions->setColumnWidth(3, 200);
    m_variantQuestions->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Voice:"), m_variantVoice);
    form->addRow(tr("Intro:"), m_variantIntro);
    form->addRow(tr("Outro:"), m_variantOutro);
    form->addRow(tr("Recording disclosure:"), m_variantDisclosure);
    form->addRow(tr("Opt-out message:"), m_variantOptOut);
    auto *formLayout = new QVBoxLayout(m_variantForm);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addLayout(form);
    formLayout->addWidget(m_variantQuestions, 1);

    auto *split = new QSplitter(Qt::Horizontal, page);
    split->addWidget(left);
    split->addWidget(m_variantForm);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    split->setSizes({250, 880});
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(split);
}

void ScriptEditorDialog::connectFields()
{
    // Script fields.
    const auto scriptText = [this](const QString &key, const QString &label, auto setter) {
        return [this, key, label, setter](const QString &text) {
            if (m_updating) {
                return;
            }
            Script s = m_script;
            setter(s, text);
            change(s, label, key);
        };
    };
    connect(m_name, &QLineEdit::textEdited, this,
            scriptText(QStringLiteral("name"), tr("name"), [](Script &s, const QString &t) { s.name = t; }));
    connect(m_language, &QComboBox::currentTextChanged, this,
            scriptText(QStringLiteral("language"), tr("language"),
                       [](Script &s, const QString &t) { s.language = t.trimmed(); }));
    connect(
        m_voice, &QComboBox::currentTextChanged, this,
        scriptText(QStringLiteral("voice"), tr("voice"), [](Script &s, const QString &t) { s.voice = t.trimmed(); }));
    connect(m_optOutKey, &QComboBox::currentTextChanged, this,
            scriptText(QStringLiteral("optOut.key"), tr("opt-out key"),
                       [](Script &s, const QString &t) { s.optOut.key = t.trimmed(); }));
    connect(m_optOutPhrases, &QLineEdit::textEdited, this,
            scriptText(QStringLiteral("optOut.phrases"), tr("opt-out phrases"),
                       [](Script &s, const QString &t) { s.optOut.phrases = splitList(t); }));
    connect(m_optOutMessage, &QLineEdit::textEdited, this,
            scriptText(QStringLiteral("optOut.message"), tr("opt-out message"),
                       [](Script &s, const QString &t) { s.optOut.message = t; }));
    const auto plain = [this, scriptText](QPlainTextEdit *edit, const QString &key, const QString &label,
                                          void (*setter)(Script &, const QString &)) {
        connect(edit, &QPlainTextEdit::textChanged, this,
                [edit, f = scriptText(key, label, setter)] { f(edit->toPlainText()); });
    };
    plain(m_intro, QStringLiteral("intro"), tr("intro"), [](Script &s, const QString &t) { s.intro = t; });
    plain(m_outro, QStringLiteral("outro"), tr("outro"), [](Script &s, const QString &t) { s.outro = t; });
    plain(m_disclosure, QStringLiteral("recordingDisclosure"), tr("recording disclosure"),
          [](Script &s, const QString &t) { s.recordingDisclosure = t; });
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (!m_updating) {
            Script s = m_script;
            s.confidenceThreshold = value;
            change(s, tr("confidence threshold"), QStringLiteral("confidenceThreshold"));
        }
    });
    connect(m_noInput, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating) {
            Script s = m_script;
            s.noInputPolicy = NoInputPolicy(m_noInput->currentData().toInt());
            change(s, tr("no-input policy"));
        }
    });

    // Question list and its buttons.
    connect(m_questionList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_updating) {
            m_current = row;
            refreshQuestionForm();
        }
    });
    connect(m_questionList->model(), &QAbstractItemModel::rowsMoved, this,
            [this](const QModelIndex &, int start, int, const QModelIndex &, int row) {
                if (!m_updating) {
                    moveQuestion(start, row > start ? row - 1 : row);
                }
            });
    connect(m_addQuestion, &QPushButton::clicked, this, [this] {
        Script s = m_script;
        ScriptQuestion q;
        q.id = uniqueId(s, QStringLiteral("q"));
        const int at = m_current < 0 ? int(s.questions.size()) : m_current + 1;
        s.questions.insert(at, q);
        m_current = at;
        change(s, tr("add question %1").arg(q.id));
        m_questionId->setFocus();
        m_questionId->selectAll();
    });
    connect(m_duplicateQuestion, &QPushButton::clicked, this, [this] {
        Script s = m_script;
        if (m_current < 0 || m_current >= s.questions.size()) {
            return;
        }
        ScriptQuestion q = s.questions.at(m_current);
        q.id = uniqueId(s, q.id + QStringLiteral("_"));
        s.questions.insert(m_current + 1, q);
        m_current += 1;
        change(s, tr("duplicate question %1").arg(q.id));
    });
    connect(m_removeQuestion, &QPushButton::clicked, this, [this] {
        Script s = m_script;
        if (m_current < 0 || m_current >= s.questions.size()) {
            return;
        }
        const QString id = s.questions.takeAt(m_current).id;
        m_current = qMin(m_current, int(s.questions.size()) - 1);
        change(s, tr("remove question %1").arg(id));
    });
    connect(m_moveUp, &QPushButton::clicked, this, [this] { moveQuestion(m_current, m_current - 1); });
    connect(m_moveDown, &QPushButton::clicked, this, [this] { moveQuestion(m_current, m_current + 1); });

    // The selected question's fields.
    connect(m_questionId, &QLineEdit::textEdited, this, [this](const QString &text) {
        editQuestion(QStringLiteral("id"), [text](ScriptQuestion &q) { q.id = text.trimmed(); });
    });
    connect(m_questionType, &QComboBox::currentIndexChanged, this, [this] {
        const auto type = QuestionType(m_questionType->currentData().toInt());
        editQuestion(QString(), [type](ScriptQuestion &q) {
            q.type = type;
            // Options belong to single_choice only (the document keeps them nowhere else); undo brings them back.
            if (type != QuestionType::SingleChoice) {
                q.choices.clear();
            } else if (q.choices.isEmpty()) {
                q.choices = {{QStringLiteral("option1"), QStringLiteral("1"), {}},
                             {QStringLiteral("option2"), QStringLiteral("2"), {}}};
            }
        });
    });
    connect(m_prompt, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_prompt->toPlainText();
        editQuestion(QStringLiteral("prompt"), [text](ScriptQuestion &q) { q.prompt = text; });
    });
    connect(m_required, &QCheckBox::toggled, this,
            [this](bool on) { editQuestion(QString(), [on](ScriptQuestion &q) { q.required = on; }); });
    connect(m_reprompt, &QLineEdit::textEdited, this, [this](const QString &text) {
        editQuestion(QStringLiteral("reprompt"), [text](ScriptQuestion &q) { q.reprompt = text; });
    });
    connect(m_maxReprompts, &QSpinBox::valueChanged, this, [this](int n) {
        editQuestion(QStringLiteral("maxReprompts"), [n](ScriptQuestion &q) { q.maxReprompts = n; });
    });
    connect(m_min, &QSpinBox::valueChanged, this,
            [this](int n) { editQuestion(QStringLiteral("min"), [n](ScriptQuestion &q) { q.min = n; }); });
    connect(m_max, &QSpinBox::valueChanged, this,
            [this](int n) { editQuestion(QStringLiteral("max"), [n](ScriptQuestion &q) { q.max = n; }); });
    connect(m_maxLength, &QSpinBox::valueChanged, this, [this](int n) {
        editQuestion(QStringLiteral("maxLength"), [n](ScriptQuestion &q) { q.maxLengthSeconds = n; });
    });
    connect(m_choices, &QTableWidget::itemChanged, this, [this] { choicesEdited(); });
    connect(m_addChoice, &QPushButton::clicked, this, [this] {
        editQuestion(QString(), [](ScriptQuestion &q) {
            q.choices.append({QStringLiteral("option%1").arg(q.choices.size() + 1),
                              QString::number(qMin(9, int(q.choices.size()) + 1)),
                              {}});
        });
    });
    connect(m_removeChoice, &QPushButton::clicked, this, [this] {
        const int row = m_choices->currentRow();
        editQuestion(QString(), [row](ScriptQuestion &q) {
            if (row >= 0 && row < q.choices.size()) {
                q.choices.removeAt(row);
            }
        });
    });
    connect(m_branches, &QTableWidget::itemChanged, this, [this] { branchesEdited(); });
    connect(m_addBranch, &QPushButton::clicked, this, [this] {
        editQuestion(QString(), [](ScriptQuestion &q) { q.branches.append({{}, {}, QStringLiteral("end")}); });
        m_branches->setCurrentCell(m_branches->rowCount() - 1, 0);
        m_branches->editItem(m_branches->item(m_branches->rowCount() - 1, 0));
    });
    connect(m_removeBranch, &QPushButton::clicked, this, [this] {
        const int row = m_branches->currentRow();
        editQuestion(QString(), [row](ScriptQuestion &q) {
            if (row >= 0 && row < q.branches.size()) {
                q.branches.removeAt(row);
            }
        });
    });

    // Languages.
    connect(m_variants, &QListWidget::currentRowChanged, this, [this] {
        if (!m_updating) {
            refreshVariantForm();
        }
    });
    connect(m_newVariant, &QLineEdit::returnPressed, m_addVariant, &QPushButton::click);
    connect(m_addVariant, &QPushButton::clicked, this, [this] {
        const QString language = m_newVariant->text().trimmed();
        if (language.isEmpty()) {
            m_newVariant->setFocus();
            return;
        }
        Script s = m_script;
        ScriptVariant v;
        v.language = language;
        s.variants.append(v);
        m_newVariant->clear();
        change(s, tr("add language %1").arg(language));
        m_variants->setCurrentRow(int(m_script.variants.size()) - 1);
    });
    connect(m_removeVariant, &QPushButton::clicked, this, [this] {
        const int row = currentVariant();
        if (row < 0) {
            return;
        }
        Script s = m_script;
        const QString language = s.variants.takeAt(row).language;
        change(s, tr("remove language %1").arg(language));
    });
    connect(m_variantVoice, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        editVariant(QStringLiteral("voice"), [text](ScriptVariant &v) { v.voice = text.trimmed(); });
    });
    const auto variantLine = [this](QLineEdit *edit, const QString &key, QString ScriptVariant::*field) {
        connect(edit, &QLineEdit::textEdited, this, [this, key, field](const QString &text) {
            editVariant(key, [field, text](ScriptVariant &v) { v.*field = text; });
        });
    };
    variantLine(m_variantIntro, QStringLiteral("intro"), &ScriptVariant::intro);
    variantLine(m_variantOutro, QStringLiteral("outro"), &ScriptVariant::outro);
    variantLine(m_variantDisclosure, QStringLiteral("recordingDisclosure"), &ScriptVariant::recordingDisclosure);
    variantLine(m_variantOptOut, QStringLiteral("optOut"), &ScriptVariant::optOutMessage);
    connect(m_variantQuestions, &QTableWidget::itemChanged, this, [this] { variantQuestionsEdited(); });
}

void ScriptEditorDialog::change(const Script &after, const QString &text, const QString &mergeKey)
{
    if (after == m_script) {
        return;
    }
    const QString key = mergeKey.isEmpty() ? QString() : QStringLiteral("%1/%2").arg(m_current).arg(mergeKey);
    m_undo->push(new ScriptSnapshotCommand(*this, m_script, after, text, key, m_current, m_current));
}

void ScriptEditorDialog::apply(const Script &script, int selectQuestion)
{
    m_script = script;
    m_current = m_script.questions.isEmpty() ? -1 : qBound(0, selectQuestion, int(m_script.questions.size()) - 1);
    m_tryItStale = true;
    refresh();
    if (m_tabs->currentWidget() == m_tryIt) {
        m_tryIt->setScript(m_script);
        m_tryItStale = false;
    }
}

void ScriptEditorDialog::setScript(const Script &script)
{
    change(script, tr("replace the script"));
}

bool ScriptEditorDialog::isModified() const
{
    return !m_undo->isClean();
}

void ScriptEditorDialog::refresh()
{
    const bool was = m_updating;
    m_updating = true;
    setText(m_name, m_script.name);
    setText(m_language, m_script.language);
    setText(m_voice, m_script.voice);
    setText(m_intro, m_script.intro);
    setText(m_outro, m_script.outro);
    setText(m_disclosure, m_script.recordingDisclosure);
    m_threshold->setValue(m_script.confidenceThreshold);
    m_noInput->setCurrentIndex(m_noInput->findData(int(m_script.noInputPolicy)));
    setText(m_optOutKey, m_script.optOut.key);
    if (splitList(m_optOutPhrases->text()) != m_script.optOut.phrases) {
        m_optOutPhrases->setText(m_script.optOut.phrases.join(QStringLiteral(", ")));
    }
    setText(m_optOutMessage, m_script.optOut.message);
    refreshQuestionList();
    refreshQuestionForm();
    refreshVariants();
    m_updating = was;
    refreshProblems();
}

void ScriptEditorDialog::refreshQuestionList()
{
    const bool was = m_updating;
    m_updating = true;
    while (m_questionList->count() > m_script.questions.size()) {
        delete m_questionList->takeItem(m_questionList->count() - 1);
    }
    for (int i = 0; i < m_script.questions.size(); ++i) {
        const ScriptQuestion &q = m_script.questions.at(i);
        const QString text = QStringLiteral("%1. %2 — %3").arg(i + 1).arg(q.id, typeLabel(q.type));
        QListWidgetItem *item = m_questionList->item(i);
        if (!item) {
            item = new QListWidgetItem(m_questionList);
        }
        item->setText(text);
        item->setToolTip(q.prompt);
    }
    m_questionList->setCurrentRow(m_current);
    const bool has = m_current >= 0;
    m_removeQuestion->setEnabled(has);
    m_duplicateQuestion->setEnabled(has);
    m_moveUp->setEnabled(has && m_current > 0);
    m_moveDown->setEnabled(has && m_current + 1 < m_script.questions.size());
    m_updating = was;
}

void ScriptEditorDialog::refreshQuestionForm()
{
    const bool was = m_updating;
    m_updating = true;
    const bool has = m_current >= 0 && m_current < m_script.questions.size();
    m_questionForm->setEnabled(has);
    const ScriptQuestion q = has ? m_script.questions.at(m_current) : ScriptQuestion{};
    setText(m_questionId, q.id);
    m_questionType->setCurrentIndex(m_questionType->findData(int(q.type)));
    setText(m_prompt, q.prompt);
    m_required->setChecked(q.required);
    setText(m_reprompt, q.reprompt);
    m_maxReprompts->setValue(q.maxReprompts);
    m_min->setValue(q.min);
    m_max->setValue(q.max);
    m_maxLength->setValue(q.maxLengthSeconds);
    switch (q.type) {
    case QuestionType::YesNo:
        m_typePages->setCurrentIndex(0);
        break;
    case QuestionType::SingleChoice:
        m_typePages->setCurrentIndex(1);
        break;
    case QuestionType::Numeric:
        m_typePages->setCurrentIndex(2);
        break;
    case QuestionType::FreeSpeech:
    case QuestionType::Recording:
        m_typePages->setCurrentIndex(3);
        break;
    }
    if (m_choices->rowCount() != q.choices.size()) {
        m_choices->setRowCount(int(q.choices.size()));
    }
    for (int r = 0; r < q.choices.size(); ++r) {
        const Choice &c = q.choices.at(r);
        const QStringList cells{c.value, c.key, c.synonyms.join(QStringLiteral(", "))};
        for (int col = 0; col < cells.size(); ++col) {
            QTableWidgetItem *item = m_choices->item(r, col);
            if (!item) {
                m_choices->setItem(r, col, new QTableWidgetItem(cells.at(col)));
            } else if (item->text() != cells.at(col)) {
                item->setText(cells.at(col));
            }
        }
    }
    m_updating = was;
    refreshBranches();
}

void ScriptEditorDialog::refreshBranches()
{
    const bool was = m_updating;
    m_updating = true;
    const bool has = m_current >= 0 && m_current < m_script.questions.size();
    const QList<Branch> branches = has ? m_script.questions.at(m_current).branches : QList<Branch>{};
    QStringList targets;
    for (const ScriptQuestion &q : std::as_const(m_script.questions)) {
        if (!has || q.id != m_script.questions.at(m_current).id) {
            targets << q.id;
        }
    }
    targets << QStringLiteral("end");
    m_branches->setRowCount(int(branches.size()));
    for (int r = 0; r < branches.size(); ++r) {
        const Branch &b = branches.at(r);
        const QString condition = branchConditionText(b);
        QTableWidgetItem *item = m_branches->item(r, 0);
        if (!item) {
            m_branches->setItem(r, 0, new QTableWidgetItem(condition));
        } else if (parseBranchCondition(item->text()).when != b.when ||
                   parseBranchCondition(item->text()).ranges != b.ranges) {
            item->setText(condition);
        }
        auto *combo = qobject_cast<QComboBox *>(m_branches->cellWidget(r, 1));
        if (!combo) {
            combo = new QComboBox(m_branches);
            combo->setObjectName(QStringLiteral("branchTargetCombo%1").arg(r));
            combo->setEditable(true);
            connect(combo, &QComboBox::currentTextChanged, this, [this] { branchesEdited(); });
            m_branches->setCellWidget(r, 1, combo);
        }
        QStringList items = targets;
        if (!items.contains(b.target)) {
            items.prepend(b.target);
        }
        if (combo->count() != items.size() || !std::equal(items.cbegin(), items.cend(),
                                                          QStringList([combo] {
                                                              QStringList current;
                                                              for (int i = 0; i < combo->count(); ++i) {
                                                                  current << combo->itemText(i);
                                                              }
                                                              return current;
                                                          }())
                                                              .cbegin())) {
            combo->clear();
            combo->addItems(items);
        }
        setText(combo, b.target);
    }
    m_updating = was;
}

void ScriptEditorDialog::refreshVariants()
{
    const bool was = m_updating;
    m_updating = true;
    const int current = qMax(0, m_variants->currentRow());
    while (m_variants->count() > m_script.variants.size()) {
        delete m_variants->takeItem(m_variants->count() - 1);
    }
    for (int i = 0; i < m_script.variants.size(); ++i) {
        QListWidgetItem *item = m_variants->item(i);
        if (!item) {
            item = new QListWidgetItem(m_variants);
        }
        item->setText(m_script.variants.at(i).language);
    }
    m_variants->setCurrentRow(m_script.variants.isEmpty() ? -1 : qMin(current, int(m_script.variants.size()) - 1));
    m_removeVariant->setEnabled(!m_script.variants.isEmpty());
    m_updating = was;
    refreshVariantForm();
}

void ScriptEditorDialog::refreshVariantForm()
{
    const bool was = m_updating;
    m_updating = true;
    const int row = currentVariant();
    m_variantForm->setEnabled(row >= 0);
    const ScriptVariant v = row >= 0 ? m_script.variants.at(row) : ScriptVariant{};
    setText(m_variantVoice, v.voice);
    setText(m_variantIntro, v.intro);
    setText(m_variantOutro, v.outro);
    setText(m_variantDisclosure, v.recordingDisclosure);
    setText(m_variantOptOut, v.optOutMessage);
    m_variantQuestions->setRowCount(row >= 0 ? int(m_script.questions.size()) : 0);
    for (int r = 0; row >= 0 && r < m_script.questions.size(); ++r) {
        const ScriptQuestion &q = m_script.questions.at(r);
        const QuestionVariant qv = v.questions.value(q.id);
        const QStringList cells{q.id, qv.prompt, qv.reprompt,
                                q.type == QuestionType::SingleChoice ? wordsText(qv, q) : QString()};
        for (int col = 0; col < cells.size(); ++col) {
            QTableWidgetItem *item = m_variantQuestions->item(r, col);
            if (!item) {
                item = new QTableWidgetItem(cells.at(col));
                m_variantQuestions->setItem(r, col, item);
            } else if (item->text() != cells.at(col) &&
                       !(col == 3 && parseWords(item->text()) == parseWords(cells.at(col)))) {
                item->setText(cells.at(col));
            }
            Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
            if (col == 1 || col == 2 || (col == 3 && q.type == QuestionType::SingleChoice)) {
                flags |= Qt::ItemIsEditable;
            }
            item->setFlags(flags);
        }
        m_variantQuestions->item(r, 0)->setToolTip(q.prompt);
        m_variantQuestions->item(r, 1)->setToolTip(tr("In %1: %2").arg(m_script.language, q.prompt));
    }
    m_updating = was;
}

void ScriptEditorDialog::refreshProblems()
{
    m_problems = validateScript(m_script);
    m_problemList->clear();
    int errors = 0;
    for (const ScriptProblem &p : std::as_const(m_problems)) {
        const bool error = p.severity == ScriptProblem::Severity::Error;
        errors += error ? 1 : 0;
        auto *item = new QListWidgetItem(
            style()->standardIcon(error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning),
            QStringLiteral("%1 — %2").arg(p.location, translated(p.text, p.message)), m_problemList);
        item->setData(Qt::UserRole, p.location);
    }
    const int warnings = int(m_problems.size()) - errors;
    // The English plural forms come from translations/vsc_en.ts.
    const QString errorText = tr("%n error(s)", nullptr, errors);
    const QString warningText = tr("%n warning(s)", nullptr, warnings);
    m_problemSummary->setText(m_problems.isEmpty() ? tr("No problems: the script is ready to save and run.")
                              : errors == 0        ? tr("%1; the script can be saved.").arg(warningText)
                              : warnings == 0      ? tr("%1 to fix before saving.").arg(errorText)
                                                   : tr("%1 to fix before saving, %2.").arg(errorText, warningText));
    m_problemSummary->setStyleSheet(errors ? toneTextStyle(Tone::Bad, palette()) : QString());
}

void ScriptEditorDialog::selectQuestion(int index)
{
    if (index < 0 || index >= m_script.questions.size()) {
        return;
    }
    m_current = index;
    refreshQuestionList();
    refreshQuestionForm();
}

void ScriptEditorDialog::goToProblem(const QString &location)
{
    static const QRegularExpression questionPath(
        QStringLiteral("^questions\\[(\\d+)\\](?:\\.(\\w+)(?:\\[(\\d+)\\])?)?"));
    static const QRegularExpression variantPath(QStringLiteral("^variants\\.([^.]+)(?:\\.questions\\.([^.]+))?"));
    if (const QRegularExpressionMatch m = questionPath.match(location); m.hasMatch()) {
        m_tabs->setCurrentWidget(m_questionsPage);
        selectQuestion(m.captured(1).toInt());
        const QString field = m.captured(2);
        const int item = m.captured(3).isEmpty() ? -1 : m.captured(3).toInt();
        if (field == QLatin1String("branches")) {
            m_branches->setFocus();
            if (item >= 0) {
                m_branches->setCurrentCell(item, 0);
            }
        } else if (field == QLatin1String("options")) {
            m_choices->setFocus();
            if (item >= 0) {
                m_choices->setCurrentCell(item, location.endsWith(QLatin1String(".key")) ? 1 : 0);
            }
        } else if (field == QLatin1String("id")) {
            m_questionId->setFocus();
        } else if (field == QLatin1String("min")) {
            m_min->setFocus();
        } else if (field == QLatin1String("max")) {
            m_max->setFocus();
        } else if (field == QLatin1String("maxLength")) {
            m_maxLength->setFocus();
        } else if (field == QLatin1String("reprompt")) {
            m_reprompt->setFocus();
        } else if (field == QLatin1String("maxReprompts")) {
            m_maxReprompts->setFocus();
        } else {
            m_prompt->setFocus();
        }
        return;
    }
    if (const QRegularExpressionMatch m = variantPath.match(location); m.hasMatch()) {
        m_tabs->setCurrentWidget(m_languagesPage);
        for (int i = 0; i < m_script.variants.size(); ++i) {
            if (m_script.variants.at(i).language == m.captured(1)) {
                m_variants->setCurrentRow(i);
            }
        }
        const int question = m_script.indexOf(m.captured(2));
        if (question >= 0) {
            m_variantQuestions->setFocus();
            m_variantQuestions->setCurrentCell(question, 1);
        } else if (location.endsWith(QLatin1String(".voice"))) {
            m_variantVoice->setFocus();
        } else if (location.endsWith(QLatin1String(".intro"))) {
            m_variantIntro->setFocus();
        } else if (location.endsWith(QLatin1String(".outro"))) {
            m_variantOutro->setFocus();
        } else if (location.contains(QLatin1String("optOut"))) {
            m_variantOptOut->setFocus();
        }
        return;
    }
    if (location == QLatin1String("questions")) {
        m_tabs->setCurrentWidget(m_questionsPage);
        m_addQuestion->setFocus();
        return;
    }
    m_tabs->setCurrentWidget(m_scriptPage);
    const QList<std::pair<QString, QWidget *>> fields{{QStringLiteral("name"), m_name},
                                                      {QStringLiteral("language"), m_language},
                                                      {QStringLiteral("voice"), m_voice},
                                                      {QStringLiteral("intro"), m_intro},
                                                      {QStringLiteral("outro"), m_outro},
                                                      {QStringLiteral("recordingDisclosure"), m_disclosure},
                                                      {QStringLiteral("confidenceThreshold"), m_threshold},
                                                      {QStringLiteral("noInputPolicy"), m_noInput},
                                                      {QStringLiteral("optOut.key"), m_optOutKey},
                                                      {QStringLiteral("optOut.phrases"), m_optOutPhrases},
                                                      {QStringLiteral("optOut"), m_optOutMessage}};
    for (const auto &[prefix, widget] : fields) {
        if (location.startsWith(prefix)) {
            widget->setFocus();
            return;
        }
    }
}

ScriptQuestion *ScriptEditorDialog::currentQuestion(Script &script) const
{
    return m_current >= 0 && m_current < script.questions.size() ? &script.questions[m_current] : nullptr;
}

int ScriptEditorDialog::currentVariant() const
{
    const int row = m_variants->currentRow();
    return row >= 0 && row < m_script.variants.size() ? row : -1;
}

void ScriptEditorDialog::editQuestion(const QString &field, const std::function<void(ScriptQuestion &)> &edit)
{
    if (m_updating) {
        return;
    }
    Script s = m_script;
    ScriptQuestion *q = currentQuestion(s);
    if (!q) {
        return;
    }
    edit(*q);
    change(s, field.isEmpty() ? tr("edit question %1").arg(q->id) : tr("%1 of %2").arg(field, q->id),
           field.isEmpty() ? QString() : QStringLiteral("q.") + field);
}

void ScriptEditorDialog::editVariant(const QString &field, const std::function<void(ScriptVariant &)> &edit)
{
    const int row = currentVariant();
    if (m_updating || row < 0) {
        return;
    }
    Script s = m_script;
    edit(s.variants[row]);
    change(s, tr("%1 of %2").arg(field, s.variants.at(row).language), QStringLiteral("v%1.%2").arg(row).arg(field));
}

void ScriptEditorDialog::choicesEdited()
{
    if (m_updating) {
        return;
    }
    QList<Choice> choices;
    for (int r = 0; r < m_choices->rowCount(); ++r) {
        const auto cell = [this, r](int c) {
            return m_choices->item(r, c) ? m_choices->item(r, c)->text() : QString();
        };
        choices.append({cell(0).trimmed(), cell(1).trimmed(), splitList(cell(2))});
    }
    editQuestion(QStringLiteral("options"), [&choices](ScriptQuestion &q) { q.choices = choices; });
}

void ScriptEditorDialog::branchesEdited()
{
    if (m_updating) {
        return;
    }
    QList<Branch> branches;
    for (int r = 0; r < m_branches->rowCount(); ++r) {
        Branch b = parseBranchCondition(m_branches->item(r, 0) ? m_branches->item(r, 0)->text() : QString());
        const auto *combo = qobject_cast<QComboBox *>(m_branches->cellWidget(r, 1));
        b.target = combo ? combo->currentText().trimmed() : QStringLiteral("end");
        branches.append(b);
    }
    editQuestion(QStringLiteral("branches"), [&branches](ScriptQuestion &q) { q.branches = branches; });
}

void ScriptEditorDialog::variantQuestionsEdited()
{
    const int row = currentVariant();
    if (m_updating || row < 0) {
        return;
    }
    Script s = m_script;
    ScriptVariant &v = s.variants[row];
    for (int r = 0; r < m_variantQuestions->rowCount() && r < s.questions.size(); ++r) {
        const auto cell = [this, r](int c) {
            return m_variantQuestions->item(r, c) ? m_variantQuestions->item(r, c)->text() : QString();
        };
        const QString &id = s.questions.at(r).id;
        QuestionVariant qv = v.questions.value(id);
        qv.prompt = cell(1);
        qv.reprompt = cell(2);
        if (s.questions.at(r).type == QuestionType::SingleChoice) {
            qv.synonyms = parseWords(cell(3));
        }
        if (qv == QuestionVariant{}) {
            v.questions.remove(id);
        } else {
            v.questions.insert(id, qv);
        }
    }
    change(s, tr("texts in %1").arg(v.language), QStringLiteral("v%1.questions").arg(row));
}

void ScriptEditorDialog::moveQuestion(int from, int to)
{
    if (from < 0 || from >= m_script.questions.size() || to < 0 || to >= m_script.questions.size() || from == to) {
        refreshQuestionList(); // a drop that changes nothing still repaints the list as the document has it
        return;
    }
    Script s = m_script;
    s.questions.move(from, to);
    const QString id = s.questions.at(to).id;
    m_current = to;
    m_undo->push(new ScriptSnapshotCommand(*this, m_script, s, tr("move question %1").arg(id), {}, from, to));
}

bool ScriptEditorDialog::save()
{
    services::scripts::ScriptService service(m_services.database, m_services.clock);
    auto stored = service.save(m_services.session.actor(), m_scriptId, m_script);
    if (!stored) {
        const Error &error = stored.error();
        m_status->setText(tr("Not saved."));
        m_dialogs.inform(this, QMessageBox::Warning, tr("Save script"),
                         error.code == ErrorCode::InvalidArgument
                             ? tr("Fix the errors in the problems list first.\n\n%1").arg(error.detail)
                             : userMessage(error));
        return false;
    }
    m_scriptId = stored.value().scriptId;
    m_versionId = stored.value().versionId;
    m_undo->setClean();
    m_status->setText(tr("Saved as version %1.").arg(stored.value().version));
    setWindowTitle(tr("Script editor — %1").arg(m_script.name));
    Q_EMIT saved(stored.value().scriptId, stored.value().versionId, stored.value().version);
    return true;
}

void ScriptEditorDialog::importJson()
{
    const QString path = m_dialogs.openFileName(this, tr("Import script"), QString(), tr("Survey scripts (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    auto data = readScriptFile(path);
    if (!data) {
        m_dialogs.inform(this, QMessageBox::Warning, tr("Import script"), userMessage(data.error()));
        return;
    }
    const LoadedScript loaded = loadScript(data.value());
    if (loaded.problems.size() == 1 && loaded.problems.first().location.startsWith(QLatin1String("line "))) {
        m_dialogs.inform(this, QMessageBox::Warning, tr("Import script"),
                         tr("%1 is not a script: %2").arg(path, loaded.problems.first().toString()));
        return;
    }
    // Imported as it is: what does not fit shows in the problems list, to be fixed here.
    m_undo->push(
        new ScriptSnapshotCommand(*this, m_script, loaded.script, tr("import %1").arg(path), {}, m_current, 0));
    m_status->setText(tr("Imported %1; Save stores it as a new version.").arg(path));
}

void ScriptEditorDialog::exportJson()
{
    const QString path = m_dialogs.saveFileName(this, tr("Export script"), m_script.name + QStringLiteral(".json"),
                                                tr("Survey scripts (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    QSaveFile file(path);
    const QByteArray json = toJson(m_script);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        m_dialogs.inform(this, QMessageBox::Warning, tr("Export script"),
                         tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    m_status->setText(tr("Exported to %1.").arg(path));
}

void ScriptEditorDialog::showTryIt()
{
    m_tabs->setCurrentWidget(m_tryIt);
}

void ScriptEditorDialog::reject()
{
    if (isModified()) {
        const auto answer = m_dialogs.ask(
            this, tr("Unsaved changes"), tr("Save the changes to \"%1\" as a new version?").arg(m_script.name),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save())) {
            return;
        }
        if (answer != QMessageBox::Save && answer != QMessageBox::Discard) {
            return; // closed the question: stay
        }
    }
    QDialog::reject();
}

} // namespace vsc::ui
