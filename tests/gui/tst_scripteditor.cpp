// SPDX-License-Identifier: GPL-3.0-or-later
// The script editor and Try it, driven with mouse and keys on an empty database (both backends).
#include "services/auth/local/localsignin.h"
#include "services/auth/local/passwordhasher.h"
#include "services/auth/secretstore.h"
#include "services/auth/session.h"
#include "services/clock.h"
#include "services/scripts/scriptservice.h"
#include "services/storage/migrator.h"
#include "tests/support/consolefixture.h"
#include "tests/support/scripteddialogs.h"
#include "tests/support/testdatabase.h"
#include "ui/mainwindow.h"
#include "ui/scripts/scripteditordialog.h"
#include "ui/scripts/scriptspane.h"
#include "ui/scripts/tryitpanel.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUndoStack>

using namespace vsc;
using vsc::ui::ScriptEditorDialog;

class TestScriptEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void writesTriesAndSavesAFiveQuestionScript();
    void unsavedChangesAreAskedAbout();
    void reordersDuplicatesAndRemovesWithUndo();
    void branchConditionsReadRanges();

private:
    template<typename T>
    T *find(QWidget &parent, const QString &name)
    {
        T *widget = parent.findChild<T *>(name);
        if (!widget) {
            qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
        }
        return widget;
    }
    void click(QWidget &parent, const QString &button);
    void type(QWidget &parent, const QString &field, const QString &text);
    void addQuestion(ScriptEditorDialog &editor, const QString &id, int type, const QString &prompt);
    [[nodiscard]] QStringList problemTexts(ScriptEditorDialog &editor);

    services::SystemClock m_clock;
    std::unique_ptr<tests::ConsoleFixture> m_console;
};

void TestScriptEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VoiceSurveyTests"));
}

void TestScriptEditor::init()
{
    m_console = std::make_unique<tests::ConsoleFixture>(m_clock);
    QVERIFY2(m_console->isValid(), qPrintable(m_console->errorString()));
}

void TestScriptEditor::cleanup()
{
    m_console.reset();
}

void TestScriptEditor::click(QWidget &parent, const QString &button)
{
    auto *b = find<QPushButton>(parent, button);
    QVERIFY(b);
    QVERIFY2(b->isEnabled(), qPrintable(button));
    QTest::mouseClick(b, Qt::LeftButton);
}

void TestScriptEditor::type(QWidget &parent, const QString &field, const QString &text)
{
    QWidget *w = parent.findChild<QWidget *>(field);
    QVERIFY2(w, qPrintable(field));
    w->setFocus();
    QTest::keyClick(w, Qt::Key_A, Qt::ControlModifier); // replace what is there
    QTest::keyClick(w, Qt::Key_Delete);
    QTest::keyClicks(w, text);
}

void TestScriptEditor::addQuestion(ScriptEditorDialog &editor, const QString &id, int type, const QString &prompt)
{
    click(editor, QStringLiteral("addQuestionButton"));
    this->type(editor, QStringLiteral("questionIdEdit"), id);
    auto *types = find<QComboBox>(editor, QStringLiteral("questionTypeCombo"));
    QVERIFY(types);
    types->setFocus();
    QTest::keyClick(types, Qt::Key_Home);
    for (int i = 0; i < type; ++i) {
        QTest::keyClick(types, Qt::Key_Down);
    }
    this->type(editor, QStringLiteral("questionPromptEdit"), prompt);
}

QStringList TestScriptEditor::problemTexts(ScriptEditorDialog &editor)
{
    QStringList out;
    auto *list = find<QListWidget>(editor, QStringLiteral("problemsList"));
    for (int i = 0; list && i < list->count(); ++i) {
        out << list->item(i)->text();
    }
    return out;
}

void TestScriptEditor::writesTriesAndSavesAFiveQuestionScript()
{
    tests::ScriptedDialogs dialogs;
    ScriptEditorDialog editor(m_console->services(), std::nullopt, nullptr, &dialogs);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *tabs = find<QTabWidget>(editor, QStringLiteral("scriptEditorTabs"));
    QVERIFY(tabs);

    // An empty script says what it lacks.
    QVERIFY(problemTexts(editor).join(u'\n').contains(QStringLiteral("a script needs at least one question")));
    tabs->setCurrentIndex(1);
    type(editor, QStringLiteral("scriptNameEdit"), QStringLiteral("Service check"));
    tabs->setCurrentIndex(0);

    // A question without a prompt is listed as a problem; double-clicking it goes there; typing fixes it.
    click(editor, QStringLiteral("addQuestionButton"));
    type(editor, QStringLiteral("questionIdEdit"), QStringLiteral("ontime"));
    QTRY_VERIFY(problemTexts(editor).join(u'\n').contains(QStringLiteral("questions[0].prompt — is required")));
    auto *problems = find<QListWidget>(editor, QStringLiteral("problemsList"));
    tabs->setCurrentIndex(1);
    QListWidgetItem *promptProblem =
        problems->findItems(QStringLiteral("questions[0].prompt"), Qt::MatchStartsWith).value(0);
    QVERIFY(promptProblem);
    const QRect at = problems->visualItemRect(promptProblem);
    QTest::mouseClick(problems->viewport(), Qt::LeftButton, {}, at.center());
    QTest::mouseDClick(problems->viewport(), Qt::LeftButton, {}, at.center());
    QCOMPARE(tabs->currentIndex(), 0);
    QTRY_COMPARE(QApplication::focusWidget(), find<QWidget>(editor, QStringLiteral("questionPromptEdit")));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Did we arrive on time?"));
    QVERIFY(!problemTexts(editor).join(u'\n').contains(QStringLiteral("prompt")));

    // Four more: a 0-10 rating with a detractor range, a choice, free speech and a last yes/no.
    addQuestion(editor, QStringLiteral("nps"), 2, QStringLiteral("From zero to ten, would you recommend us?"));
    addQuestion(editor, QStringLiteral("priority"), 1, QStringLiteral("Press 1 for speed, 2 for price."));
    auto *choices = find<QTableWidget>(editor, QStringLiteral("choicesTable"));
    QCOMPARE(choices->rowCount(), 2);
    choices->item(0, 0)->setText(QStringLiteral("speed"));
    choices->item(0, 2)->setText(QStringLiteral("fast, quick"));
    choices->item(1, 0)->setText(QStringLiteral("price"));
    addQuestion(editor, QStringLiteral("why"), 3, QStringLiteral("What went wrong?"));
    addQuestion(editor, QStringLiteral("again"), 0, QStringLiteral("May we call you again?"));
    QCOMPARE(editor.script().questions.size(), 5);
    QCOMPARE(editor.script().questions.at(2).choices.at(0).synonyms,
             QStringList({QStringLiteral("fast"), QStringLiteral("quick")}));

    // nps: 0-6 goes to why; priority: any answer ends.
    auto *list = find<QListWidget>(editor, QStringLiteral("questionList"));
    list->setCurrentRow(1);
    QCOMPARE(find<QLineEdit>(editor, QStringLiteral("questionIdEdit"))->text(), QStringLiteral("nps"));
    click(editor, QStringLiteral("addBranchButton"));
    auto *branches = find<QTableWidget>(editor, QStringLiteral("branchesTable"));
    QCOMPARE(branches->rowCount(), 1);
    branches->item(0, 0)->setText(QStringLiteral("0-6"));
    auto *target = qobject_cast<QComboBox *>(branches->cellWidget(0, 1));
    QVERIFY(target);
    target->setCurrentText(QStringLiteral("why"));
    const services::dialogue::Branch &range = editor.script().questions.at(1).branches.at(0);
    QCOMPARE(range.ranges, QList<services::dialogue::NumberRange>({{0, 6}}));
    QCOMPARE(range.target, QStringLiteral("why"));
    list->setCurrentRow(2);
    click(editor, QStringLiteral("addBranchButton"));
    branches->item(0, 0)->setText(QStringLiteral("*"));
    QVERIFY2(!services::dialogue::hasErrors(editor.problems()), qPrintable(problemTexts(editor).join(u'\n')));

    // Undo takes the last rule back, redo restores it.
    auto *undo = find<QPushButton>(editor, QStringLiteral("undoButton"));
    QTest::mouseClick(undo, Qt::LeftButton);
    QCOMPARE(editor.script().questions.at(2).branches.at(0).when, QStringList());
    QTest::mouseClick(find<QPushButton>(editor, QStringLiteral("redoButton")), Qt::LeftButton);
    QCOMPARE(editor.script().questions.at(2).branches.at(0).when, QStringList{QStringLiteral("*")});

    // A German variant: listed problems until every prompt is there.
    tabs->setCurrentIndex(2);
    type(editor, QStringLiteral("newVariantEdit"), QStringLiteral("de-DE"));
    click(editor, QStringLiteral("addVariantButton"));
    QVERIFY(problemTexts(editor).join(u'\n').contains(QStringLiteral("variants.de-DE.questions.nps.prompt")));
    find<QComboBox>(editor, QStringLiteral("variantVoiceCombo"))->setCurrentText(QStringLiteral("Polly.Vicki"));
    auto *german = find<QTableWidget>(editor, QStringLiteral("variantQuestionsTable"));
    QCOMPARE(german->rowCount(), 5);
    const QStringList prompts{QStringLiteral("Waren wir pünktlich?"), QStringLiteral("Von null bis zehn?"),
                              QStringLiteral("Tempo oder Preis?"), QStringLiteral("Was lief schief?"),
                              QStringLiteral("Dürfen wir wieder anrufen?")};
    for (int r = 0; r < prompts.size(); ++r) {
        german->item(r, 1)->setText(prompts.at(r));
    }
    german->item(2, 3)->setText(QStringLiteral("speed: schnell; price: preis, billig"));
    QVERIFY2(!services::dialogue::hasErrors(editor.problems()), qPrintable(problemTexts(editor).join(u'\n')));
    QCOMPARE(editor.script()
                 .variants.at(0)
                 .questions.value(QStringLiteral("priority"))
                 .synonyms.value(QStringLiteral("price")),
             QStringList({QStringLiteral("preis"), QStringLiteral("billig")}));

    // Save: version 1, stored as written.
    QVERIFY(editor.isModified());
    click(editor, QStringLiteral("saveButton"));
    QCOMPARE(find<QLabel>(editor, QStringLiteral("editorStatusLabel"))->text(), QStringLiteral("Saved as version 1."));
    QVERIFY(!editor.isModified());
    services::scripts::ScriptService service(m_console->database(), m_clock);
    auto stored = service.load(m_console->session().actor(), *editor.versionId());
    QVERIFY(stored.ok());
    QCOMPARE(stored.value(), editor.script());
    QCOMPARE(stored.value().name, QStringLiteral("Service check"));

    // Try it: keypad and typed speech, through the engine.
    tabs->setCurrentIndex(3);
    ui::TryItPanel *tryIt = editor.tryIt();
    QVERIFY(tryIt->isVisible());
    auto *transcript = find<QTextBrowser>(editor, QStringLiteral("tryTranscript"));
    QVERIFY(transcript->toPlainText().contains(QStringLiteral("Did we arrive on time?")));
    click(editor, QStringLiteral("tryKey1"));
    QVERIFY(transcript->toPlainText().contains(QStringLiteral("From zero to ten")));
    click(editor, QStringLiteral("tryKey4"));
    click(editor, QStringLiteral("tryKeyHash"));
    QVERIFY(transcript->toPlainText().contains(QStringLiteral("What went wrong?")));
    QVERIFY(find<QPlainTextEdit>(editor, QStringLiteral("tryTwiml"))
                ->toPlainText()
                .contains(QStringLiteral("<Gather input=\"speech\"")));
    auto *speech = find<QLineEdit>(editor, QStringLiteral("trySpeechEdit"));
    speech->setFocus();
    QTest::keyClicks(speech, QStringLiteral("The van was late"));
    QTest::keyClick(speech, Qt::Key_Return);
    auto *answers = find<QTableWidget>(editor, QStringLiteral("tryAnswersTable"));
    QCOMPARE(answers->rowCount(), 3);
    QCOMPARE(answers->item(1, 0)->text(), QStringLiteral("nps"));
    QCOMPARE(answers->item(1, 1)->text(), QStringLiteral("4"));
    QCOMPARE(answers->item(1, 3)->text(), QStringLiteral("branch 1 → why"));
    QCOMPARE(answers->item(2, 1)->text(), QStringLiteral("The van was late"));
    QCOMPARE(answers->item(2, 3)->text(), QStringLiteral("next → again"));

    // The same script for a German-speaking caller.
    auto *language = find<QComboBox>(editor, QStringLiteral("tryLanguageCombo"));
    language->setCurrentIndex(language->findData(QStringLiteral("de-DE")));
    QVERIFY(transcript->toPlainText().contains(QStringLiteral("Waren wir pünktlich?")));
    QVERIFY(find<QPlainTextEdit>(editor, QStringLiteral("tryTwiml"))
                ->toPlainText()
                .contains(QStringLiteral("voice=\"Polly.Vicki\"")));
    click(editor, QStringLiteral("tryKey1"));
    click(editor, QStringLiteral("tryKey9"));
    click(editor, QStringLiteral("tryKeyHash"));
    speech->setFocus();
    QTest::keyClicks(speech, QStringLiteral("billig bitte"));
    QTest::keyClick(speech, Qt::Key_Return);
    QCOMPARE(answers->item(2, 0)->text(), QStringLiteral("priority"));
    QCOMPARE(answers->item(2, 1)->text(), QStringLiteral("price"));
    QCOMPARE(answers->item(2, 3)->text(), QStringLiteral("branch 1 → end"));

    // The Scripts pane lists it; Edit opens the stored version.
    ui::MainWindow window(m_console->services(), &dialogs);
    window.show();
    window.showPane(ui::MainWindow::ScriptsPaneIndex);
    auto *pane = qobject_cast<ui::ScriptsPane *>(window.pane(ui::MainWindow::ScriptsPaneIndex));
    QVERIFY(pane);
    auto *tree = pane->findChild<QTreeWidget *>(QStringLiteral("scriptsTree"));
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Service check"));
    tree->setCurrentItem(tree->topLevelItem(0)->child(0));
    qsizetype opened = 0;
    dialogs.setOnExec([&opened](QDialog &dialog) {
        if (auto *e = qobject_cast<ScriptEditorDialog *>(&dialog)) {
            opened = e->script().questions.size();
        }
    });
    click(*pane, QStringLiteral("editScriptButton"));
    QCOMPARE(opened, 5);
}

void TestScriptEditor::unsavedChangesAreAskedAbout()
{
    tests::ScriptedDialogs dialogs;
    ScriptEditorDialog editor(m_console->services(), std::nullopt, nullptr, &dialogs);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    click(editor, QStringLiteral("addQuestionButton"));
    QVERIFY(editor.isModified());
    dialogs.setNextAnswer(QMessageBox::Cancel);
    click(editor, QStringLiteral("closeButton"));
    QVERIFY(editor.isVisible());
    QCOMPARE(dialogs.asked.size(), 1);
    // Saving a script with errors is refused and says so; then Discard closes.
    dialogs.setNextAnswer(QMessageBox::Save);
    click(editor, QStringLiteral("closeButton"));
    QVERIFY(editor.isVisible());
    QVERIFY2(dialogs.asked.constLast().contains(QStringLiteral("is required")), qPrintable(dialogs.asked.constLast()));
    dialogs.setNextAnswer(QMessageBox::Discard);
    click(editor, QStringLiteral("closeButton"));
    QVERIFY(!editor.isVisible());
    auto list = services::scripts::ScriptService(m_console->database(), m_clock).list(m_console->session().actor());
    QVERIFY(list.ok());
    QVERIFY(list.value().isEmpty());
}

void TestScriptEditor::reordersDuplicatesAndRemovesWithUndo()
{
    tests::ScriptedDialogs dialogs;
    ScriptEditorDialog editor(m_console->services(), std::nullopt, nullptr, &dialogs);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    addQuestion(editor, QStringLiteral("a"), 0, QStringLiteral("A?"));
    addQuestion(editor, QStringLiteral("b"), 0, QStringLiteral("B?"));
    const auto ids = [&editor] {
        QStringList out;
        for (const auto &q : editor.script().questions) {
            out << q.id;
        }
        return out.join(u',');
    };
    QCOMPARE(ids(), QStringLiteral("a,b"));
    click(editor, QStringLiteral("moveQuestionUpButton"));
    QCOMPARE(ids(), QStringLiteral("b,a"));
    QCOMPARE(find<QListWidget>(editor, QStringLiteral("questionList"))->currentRow(), 0); // b moved, still selected
    click(editor, QStringLiteral("duplicateQuestionButton"));
    QCOMPARE(ids(), QStringLiteral("b,b_3,a"));
    QCOMPARE(editor.script().questions.at(1).prompt, QStringLiteral("B?"));
    click(editor, QStringLiteral("removeQuestionButton"));
    QCOMPARE(ids(), QStringLiteral("b,a"));
    // Dragging reorders too: the list's model moves the row as a drop does.
    auto *list = find<QListWidget>(editor, QStringLiteral("questionList"));
    QVERIFY(list->model()->moveRow({}, 1, {}, 0));
    QCOMPARE(ids(), QStringLiteral("a,b"));
    auto *undo = editor.undoStack();
    undo->undo();
    QCOMPARE(ids(), QStringLiteral("b,a"));
    undo->undo();
    undo->undo();
    undo->undo();
    QCOMPARE(ids(), QStringLiteral("a,b"));
    QCOMPARE(list->item(0)->text(), QStringLiteral("1. a — Yes / no"));
}

void TestScriptEditor::branchConditionsReadRanges()
{
    const services::dialogue::Branch b = ui::parseBranchCondition(QStringLiteral(" 0 - 6, 9 ,yes,, *"));
    QCOMPARE(b.ranges, QList<services::dialogue::NumberRange>({{0, 6}}));
    QCOMPARE(b.when, QStringList({QStringLiteral("9"), QStringLiteral("yes"), QStringLiteral("*")}));
    QCOMPARE(ui::branchConditionText(b), QStringLiteral("9, yes, *, 0-6"));
}

QTEST_MAIN(TestScriptEditor)
#include "tst_scripteditor.moc"
