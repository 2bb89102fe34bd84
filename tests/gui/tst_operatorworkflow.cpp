// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 11's proof, end to end: on an empty database an operator does the whole job through the window, with mouse
// and keys on widgets found by objectName. Creates a campaign, writes a five-question script with a range branch
// and a German variant and tries it, picks it for the campaign, imports a CSV of the kind real users have, puts one
// imported number on the do-not-call list, dials on the simulated carrier until the campaign is completed, and
// exports the results to XLSX and CSV, reading both back and comparing them with the database.
#include "services/auth/local/localsignin.h"
#include "services/auth/local/passwordhasher.h"
#include "services/auth/secretstore.h"
#include "services/auth/session.h"
#include "services/campaigns/campaignservice.h"
#include "services/clock.h"
#include "services/contacts/csvreader.h"
#include "services/dialer/campaigncontrol.h"
#include "services/scripts/scriptservice.h"
#include "services/storage/migrator.h"
#include "services/telephony/simulatedcarrier.h"
#include "tests/support/scripteddialogs.h"
#include "tests/support/testdatabase.h"
#include "ui/campaigns/campaigneditordialog.h"
#include "ui/campaigns/campaignspane.h"
#include "ui/contacts/importwizard.h"
#include "ui/mainwindow.h"
#include "ui/models/campaigntablemodel.h"
#include "ui/models/suppressiontablemodel.h"
#include "ui/results/resultspane.h"
#include "ui/scripts/scripteditordialog.h"
#include "ui/scripts/scriptspane.h"
#include "ui/suppression/suppressionpane.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimeEdit>
#include <QTreeWidget>

using namespace vsc;
using vsc::ui::MainWindow;

namespace {

// Physical lines on the right; the record on lines 6-7 has a quoted newline.
const QByteArray kCsv = "\xEF\xBB\xBF"
                        "Phone,Name,Language,Customer ID\r\n"                  // 1
                        "(312) 555-0100,Ada Lovelace,en,C-1\r\n"               // 2  valid
                        "+1 312-555-0100,Ada Again,en,C-2\r\n"                 // 3  the number of line 2
                        "(415) 555-01,Too Short,en,C-3\r\n"                    // 4  too short
                        "call me,Letters,en,C-4\r\n"                           // 5  not a number
                        "\"(646) 555-0177\",\"Zoë\r\nSecond line\",de,C-5\r\n" // 6-7 valid
                        "(212) 555-0199,Extra,en,C-6,oops\r\n"                 // 8  five fields
                        "(718) 555-0123,Grace Hopper,en,C-7\r\n"               // 9  valid
                        "(303) 555-0100,Linus Later,en,C-8\r\n";               // 10 valid; put on do-not-call later

const QString kSuppressed = QStringLiteral("+13035550100");

template<typename T>
T *find(QObject &parent, const QString &name)
{
    T *widget = parent.findChild<T *>(name);
    if (!widget) {
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    }
    return widget;
}

void click(QWidget &parent, const QString &button)
{
    auto *b = find<QPushButton>(parent, button);
    QVERIFY(b);
    QVERIFY2(b->isEnabled(), qPrintable(button));
    QTest::mouseClick(b, Qt::LeftButton);
}

void type(QWidget &parent, const QString &field, const QString &text)
{
    auto *w = find<QWidget>(parent, field);
    QVERIFY(w);
    w->setFocus();
    QTest::keyClick(w, Qt::Key_A, Qt::ControlModifier); // replace what is there
    QTest::keyClick(w, Qt::Key_Delete);
    QTest::keyClicks(w, text);
}

void addQuestion(QWidget &editor, const QString &id, int typeIndex, const QString &prompt)
{
    click(editor, QStringLiteral("addQuestionButton"));
    type(editor, QStringLiteral("questionIdEdit"), id);
    auto *types = find<QComboBox>(editor, QStringLiteral("questionTypeCombo"));
    QVERIFY(types);
    types->setFocus();
    QTest::keyClick(types, Qt::Key_Home);
    for (int i = 0; i < typeIndex; ++i) {
        QTest::keyClick(types, Qt::Key_Down);
    }
    type(editor, QStringLiteral("questionPromptEdit"), prompt);
}

QStringList problemTexts(QWidget &editor)
{
    QStringList out;
    auto *list = find<QListWidget>(editor, QStringLiteral("problemsList"));
    for (int i = 0; list && i < list->count(); ++i) {
        out << list->item(i)->text();
    }
    return out;
}

// Rows of a query, each as its columns' text joined with '|'.
QStringList rowsOf(services::storage::Database &database, const QString &sql)
{
    QStringList out;
    QSqlQuery query(database.connection());
    if (!query.exec(sql)) {
        qWarning("%s", qPrintable(query.lastError().text()));
        return out;
    }
    while (query.next()) {
        QStringList fields;
        for (int c = 0; c < query.record().count(); ++c) {
            fields << query.value(c).toString();
        }
        out << fields.join(u'|');
    }
    return out;
}

} // namespace

class TestOperatorWorkflow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void operatorRunsACampaignFromAnEmptyDatabase();

private:
    // A click on the pane's entry in the navigation list, as the operator moves between panes.
    void navigate(int pane);
    void createCampaign();
    void writeAndTryScript();
    void pickScriptForCampaign();
    void importContacts();
    void suppressOneNumber();
    void dialUntilCompleted();
    void exportAndReadBack();

    // The export's rows as the database has them: contact, phone, disposition, attempt number (empty: not dialed).
    QStringList expectedExportRows();
    QStringList exportedRows(const QList<QStringList> &table);

    std::unique_ptr<tests::TestDatabase> m_db;
    services::SystemClock m_clock;
    services::auth::PasswordHasher m_hasher{services::auth::PasswordHasher::Cost::Minimum};
    std::unique_ptr<services::auth::Session> m_session;
    std::unique_ptr<services::auth::LocalSignIn> m_signIn;
    services::auth::MemorySecretStore m_secrets;
    std::unique_ptr<ui::ConsoleServices> m_services;
    std::unique_ptr<services::telephony::CallFlow> m_flow;
    std::unique_ptr<services::telephony::SimulatedCarrier> m_carrier;
    std::unique_ptr<services::dialer::CampaignControl> m_control;
    std::unique_ptr<tests::ScriptedDialogs> m_dialogs;
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
    qint64 m_campaignId = 0;
    qint64 m_scriptVersionId = 0;
};

void TestOperatorWorkflow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VoiceSurveyTests"));
    QVERIFY(m_dir.isValid());
}

void TestOperatorWorkflow::init()
{
    QSettings().clear();
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    QVERIFY(services::storage::Migrator(m_db->database()).migrate().ok());
    m_session = std::make_unique<services::auth::Session>();
    m_signIn = std::make_unique<services::auth::LocalSignIn>(m_db->database(), m_clock, m_hasher);
    // The simulated carrier at an hour per second: rings, surveys and retry delays pass in moments.
    m_flow = std::make_unique<services::telephony::CallFlow>(m_db->database(),
                                                             QUrl(QStringLiteral("http://127.0.0.1:8089")));
    services::telephony::SimulatedCarrierOptions carrierOptions;
    carrierOptions.timeScale = 3600;
    m_carrier =
        std::make_unique<services::telephony::SimulatedCarrier>(*m_flow, m_db->database(), m_clock, carrierOptions);
    services::dialer::DialerOptions dialerOptions;
    dialerOptions.timeScale = 3600;
    m_control = std::make_unique<services::dialer::CampaignControl>(m_db->database(), m_clock, *m_carrier, *m_flow,
                                                                    dialerOptions);
    m_services = std::make_unique<ui::ConsoleServices>(ui::ConsoleServices{
        m_db->database(), m_clock, *m_session, m_hasher, *m_signIn, m_secrets, nullptr, m_control.get()});
    m_session->begin(Actor::fileOwner(QStringLiteral("operator")), services::auth::SignInMethod::Local);
    m_dialogs = std::make_unique<tests::ScriptedDialogs>();
    m_window = std::make_unique<MainWindow>(*m_services, m_dialogs.get());
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestOperatorWorkflow::cleanup()
{
    m_window.reset();
    m_dialogs.reset();
    m_services.reset();
    m_control.reset();
    m_carrier.reset();
    m_flow.reset();
    m_signIn.reset();
    m_session.reset();
    m_db.reset();
}

void TestOperatorWorkflow::operatorRunsACampaignFromAnEmptyDatabase()
{
    QCOMPARE(tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM campaigns")), 0);
    createCampaign();
    if (QTest::currentTestFailed()) {
        return;
    }
    writeAndTryScript();
    if (QTest::currentTestFailed()) {
        return;
    }
    pickScriptForCampaign();
    if (QTest::currentTestFailed()) {
        return;
    }
    importContacts();
    if (QTest::currentTestFailed()) {
        return;
    }
    suppressOneNumber();
    if (QTest::currentTestFailed()) {
        return;
    }
    dialUntilCompleted();
    if (QTest::currentTestFailed()) {
        return;
    }
    exportAndReadBack();
}

void TestOperatorWorkflow::navigate(int pane)
{
    auto *navigation = find<QListWidget>(*m_window, QStringLiteral("navigationList"));
    QVERIFY(navigation);
    const QRect at = navigation->visualItemRect(navigation->item(pane));
    QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, at.center());
    QTRY_COMPARE(m_window->currentPane(), pane);
    QVERIFY(m_window->pane(pane)->isVisible());
}

// 1. Campaigns pane → New…: name, caller ID, a window of the whole day, Save.
void TestOperatorWorkflow::createCampaign()
{
    navigate(MainWindow::CampaignsPaneIndex);
    auto *pane = qobject_cast<ui::CampaignsPane *>(m_window->pane(MainWindow::CampaignsPaneIndex));
    QVERIFY(pane);
    QVERIFY(find<QLabel>(*pane, QStringLiteral("campaignsEmptyLabel"))->isVisible());
    bool driven = false;
    m_dialogs->setOnExec([&](QDialog &dialog) {
        auto *editor = qobject_cast<ui::CampaignEditorDialog *>(&dialog);
        QVERIFY(editor);
        editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(editor));
        auto *save = find<QPushButton>(*editor, QStringLiteral("saveCampaignButton"));
        QVERIFY(save && !save->isEnabled());
        type(*editor, QStringLiteral("campaignNameEdit"), QStringLiteral("Customer care survey"));
        type(*editor, QStringLiteral("callerIdEdit"), QStringLiteral("+14155550100"));
        // 00:00 to 00:00: the whole day, so the run does not depend on the hour the test runs at.
        auto *tabs = find<QTabWidget>(*editor, QStringLiteral("campaignEditorTabs"));
        auto *start = find<QTimeEdit>(*editor, QStringLiteral("windowStartEdit"));
        auto *end = find<QTimeEdit>(*editor, QStringLiteral("windowEndEdit"));
        QVERIFY(tabs && start && end);
        tabs->setCurrentIndex(1); // Calling window
        for (QTimeEdit *edit : {start, end}) {
            edit->setFocus();
            for (const auto section : {QDateTimeEdit::HourSection, QDateTimeEdit::MinuteSection}) {
                edit->setSelectedSection(section); // as a click on the section does
                QTest::keyClicks(edit, QStringLiteral("00"));
            }
            QCOMPARE(edit->time(), QTime(0, 0));
        }
        tabs->setCurrentIndex(0);
        QVERIFY2(save->isEnabled(), qPrintable(find<QLabel>(*editor, QStringLiteral("editorStatusLabel"))->text()));
        QSignalSpy saved(editor, &ui::CampaignEditorDialog::saved);
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(saved.count(), 1);
        QVERIFY(!editor->isModified());
        click(*editor, QStringLiteral("closeEditorButton"));
        QVERIFY(!editor->isVisible());
        driven = true;
    });
    click(*pane, QStringLiteral("newCampaignButton"));
    QVERIFY(driven);
    m_dialogs->setOnExec({});
    QCOMPARE(m_dialogs->asked, QStringList{QStringLiteral("campaignEditorDialog")});
    // What the operator sees: one campaign, selected; and what the database holds.
    QCOMPARE(pane->model()->rowCount(), 1);
    const Campaign &shown = pane->model()->rowAt(0).campaign;
    QCOMPARE(shown.name, QStringLiteral("Customer care survey"));
    QCOMPARE(pane->selectedCampaignId(), shown.id);
    QVERIFY(!find<QLabel>(*pane, QStringLiteral("campaignsEmptyLabel"))->isVisible());
    m_campaignId = shown.id;
    auto stored = services::campaigns::CampaignService(m_db->database()).campaign(m_session->actor(), m_campaignId);
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().callerId, QStringLiteral("+14155550100"));
    QCOMPARE(stored.value().windowStart, QTime(0, 0));
    QCOMPARE(stored.value().windowEnd, QTime(0, 0));
    QVERIFY(!stored.value().scriptVersionId);
}

// 2. Scripts pane → New…: five questions, a 0-6 range branch, a German variant; Save; Try it with keypad and speech.
void TestOperatorWorkflow::writeAndTryScript()
{
    navigate(MainWindow::ScriptsPaneIndex);
    auto *pane = qobject_cast<ui::ScriptsPane *>(m_window->pane(MainWindow::ScriptsPaneIndex));
    QVERIFY(pane);
    auto *tree = find<QTreeWidget>(*pane, QStringLiteral("scriptsTree"));
    QCOMPARE(tree->topLevelItemCount(), 0);
    bool driven = false;
    m_dialogs->setOnExec([&](QDialog &dialog) {
        auto *editor = qobject_cast<ui::ScriptEditorDialog *>(&dialog);
        QVERIFY(editor);
        editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(editor));
        auto *tabs = find<QTabWidget>(*editor, QStringLiteral("scriptEditorTabs"));
        QVERIFY(tabs);
        tabs->setCurrentIndex(1);
        type(*editor, QStringLiteral("scriptNameEdit"), QStringLiteral("Care check"));
        tabs->setCurrentIndex(0);
        addQuestion(*editor, QStringLiteral("ontime"), 0, QStringLiteral("Did we arrive on time?"));
        addQuestion(*editor, QStringLiteral("nps"), 2, QStringLiteral("From zero to ten, would you recommend us?"));
        addQuestion(*editor, QStringLiteral("priority"), 1, QStringLiteral("Press 1 for speed, 2 for price."));
        auto *choices = find<QTableWidget>(*editor, QStringLiteral("choicesTable"));
        QCOMPARE(choices->rowCount(), 2);
        choices->item(0, 0)->setText(QStringLiteral("speed"));
        choices->item(1, 0)->setText(QStringLiteral("price"));
        addQuestion(*editor, QStringLiteral("why"), 3, QStringLiteral("What went wrong?"));
        addQuestion(*editor, QStringLiteral("again"), 0, QStringLiteral("May we call you again?"));
        QCOMPARE(editor->script().questions.size(), 5);

        // nps: 0-6 goes to why; priority: any answer ends the survey.
        auto *list = find<QListWidget>(*editor, QStringLiteral("questionList"));
        list->setCurrentRow(1);
        click(*editor, QStringLiteral("addBranchButton"));
        auto *branches = find<QTableWidget>(*editor, QStringLiteral("branchesTable"));
        QCOMPARE(branches->rowCount(), 1);
        branches->item(0, 0)->setText(QStringLiteral("0-6"));
        auto *target = qobject_cast<QComboBox *>(branches->cellWidget(0, 1));
        QVERIFY(target);
        target->setCurrentText(QStringLiteral("why"));
        QCOMPARE(editor->script().questions.at(1).branches.at(0).ranges,
                 QList<services::dialogue::NumberRange>({{0, 6}}));
        list->setCurrentRow(2);
        click(*editor, QStringLiteral("addBranchButton"));
        branches->item(0, 0)->setText(QStringLiteral("*"));

        // The German variant, every prompt translated.
        tabs->setCurrentIndex(2);
        type(*editor, QStringLiteral("newVariantEdit"), QStringLiteral("de-DE"));
        click(*editor, QStringLiteral("addVariantButton"));
        auto *german = find<QTableWidget>(*editor, QStringLiteral("variantQuestionsTable"));
        QCOMPARE(german->rowCount(), 5);
        const QStringList prompts{QStringLiteral("Waren wir pünktlich?"), QStringLiteral("Von null bis zehn?"),
                                  QStringLiteral("Tempo oder Preis?"), QStringLiteral("Was lief schief?"),
                                  QStringLiteral("Dürfen wir wieder anrufen?")};
        for (int r = 0; r < prompts.size(); ++r) {
            german->item(r, 1)->setText(prompts.at(r));
        }
        QVERIFY2(!services::dialogue::hasErrors(editor->problems()), qPrintable(problemTexts(*editor).join(u'\n')));

        click(*editor, QStringLiteral("saveButton"));
        QCOMPARE(find<QLabel>(*editor, QStringLiteral("editorStatusLabel"))->text(),
                 QStringLiteral("Saved as version 1."));
        QVERIFY(editor->versionId());
        m_scriptVersionId = *editor->versionId();

        // Try it: keypad 1 (yes), 4 then # (a detractor: the branch to "why"), typed speech.
        tabs->setCurrentIndex(3);
        auto *transcript = find<QTextBrowser>(*editor, QStringLiteral("tryTranscript"));
        QVERIFY(transcript->toPlainText().contains(QStringLiteral("Did we arrive on time?")));
        click(*editor, QStringLiteral("tryKey1"));
        QVERIFY(transcript->toPlainText().contains(QStringLiteral("From zero to ten")));
        click(*editor, QStringLiteral("tryKey4"));
        click(*editor, QStringLiteral("tryKeyHash"));
        QVERIFY(transcript->toPlainText().contains(QStringLiteral("What went wrong?")));
        QVERIFY(!transcript->toPlainText().contains(QStringLiteral("Press 1 for speed"))); // skipped by the branch
        auto *speech = find<QLineEdit>(*editor, QStringLiteral("trySpeechEdit"));
        speech->setFocus();
        QTest::keyClicks(speech, QStringLiteral("The van was late"));
        QTest::keyClick(speech, Qt::Key_Return);
        QVERIFY(transcript->toPlainText().contains(QStringLiteral("May we call you again?")));
        auto *answers = find<QTableWidget>(*editor, QStringLiteral("tryAnswersTable"));
        QCOMPARE(answers->rowCount(), 3);
        QCOMPARE(answers->item(1, 0)->text(), QStringLiteral("nps"));
        QCOMPARE(answers->item(1, 1)->text(), QStringLiteral("4"));
        QCOMPARE(answers->item(1, 3)->text(), QStringLiteral("branch 1 → why"));
        QCOMPARE(answers->item(2, 1)->text(), QStringLiteral("The van was late"));
        // The German caller hears the variant.
        auto *language = find<QComboBox>(*editor, QStringLiteral("tryLanguageCombo"));
        language->setCurrentIndex(language->findData(QStringLiteral("de-DE")));
        QVERIFY(transcript->toPlainText().contains(QStringLiteral("Waren wir pünktlich?")));

        click(*editor, QStringLiteral("closeButton"));
        QVERIFY(!editor->isVisible());
        driven = true;
    });
    click(*pane, QStringLiteral("newScriptButton"));
    QVERIFY(driven);
    m_dialogs->setOnExec({});
    QCOMPARE(m_dialogs->asked.constLast(), QStringLiteral("scriptEditorDialog"));
    // The pane lists it; the database holds what was written.
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Care check"));
    auto stored =
        services::scripts::ScriptService(m_db->database(), m_clock).load(m_session->actor(), m_scriptVersionId);
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().questions.size(), 5);
    QCOMPARE(stored.value().questions.at(1).branches.at(0).target, QStringLiteral("why"));
    QCOMPARE(stored.value().variants.size(), 1);
    QCOMPARE(stored.value().variants.at(0).questions.value(QStringLiteral("ontime")).prompt,
             QStringLiteral("Waren wir pünktlich?"));
}

// 2b. Edit campaign: the script's version in its combo, Save.
void TestOperatorWorkflow::pickScriptForCampaign()
{
    navigate(MainWindow::CampaignsPaneIndex);
    auto *pane = qobject_cast<ui::CampaignsPane *>(m_window->pane(MainWindow::CampaignsPaneIndex));
    pane->selectCampaign(m_campaignId);
    QString chosen;
    m_dialogs->setOnExec([&](QDialog &dialog) {
        auto *editor = qobject_cast<ui::CampaignEditorDialog *>(&dialog);
        QVERIFY(editor);
        editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(editor));
        auto *script = find<QComboBox>(*editor, QStringLiteral("scriptCombo"));
        QVERIFY(script);
        QCOMPARE(script->currentData().toLongLong(), qint64(0)); // none yet
        script->setFocus();
        QTest::keyClick(script, Qt::Key_Down);
        QCOMPARE(script->currentData().toLongLong(), m_scriptVersionId);
        chosen = script->currentText();
        QVERIFY(editor->isModified());
        QSignalSpy saved(editor, &ui::CampaignEditorDialog::saved);
        click(*editor, QStringLiteral("saveCampaignButton"));
        QCOMPARE(saved.count(), 1);
        click(*editor, QStringLiteral("closeEditorButton"));
        QVERIFY(!editor->isVisible());
    });
    click(*pane, QStringLiteral("editCampaignButton"));
    m_dialogs->setOnExec({});
    QVERIFY2(chosen.startsWith(QStringLiteral("Care check, version 1")), qPrintable(chosen));
    auto stored = services::campaigns::CampaignService(m_db->database()).campaign(m_session->actor(), m_campaignId);
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().scriptVersionId.value_or(0), m_scriptVersionId);
}

// 3. Campaigns pane → Import contacts…: the file, the guessed columns, the dry run with its rejects, the import.
void TestOperatorWorkflow::importContacts()
{
    const QString csvPath = m_dir.filePath(QStringLiteral("contacts.csv"));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write(kCsv);
    csv.close();
    auto *pane = qobject_cast<ui::CampaignsPane *>(m_window->pane(MainWindow::CampaignsPaneIndex));
    pane->selectCampaign(m_campaignId);
    bool driven = false;
    m_dialogs->setOnExec([&](QDialog &dialog) {
        auto *wizard = qobject_cast<ui::ImportWizard *>(&dialog);
        QVERIFY(wizard);
        QSignalSpy finished(wizard, &ui::ImportWizard::runFinished);
        wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(wizard));
        m_dialogs->setNextFileName(csvPath);
        click(*wizard, QStringLiteral("browseFileButton"));
        auto *preview = find<QTableWidget>(*wizard, QStringLiteral("previewTable"));
        QCOMPARE(preview->horizontalHeaderItem(0)->text(), QStringLiteral("Phone")); // no byte order mark
        QCOMPARE(preview->rowCount(), 8);
        QCOMPARE(preview->item(4, 1)->text(), QStringLiteral("Zoë\r\nSecond line"));
        QCOMPARE(preview->verticalHeaderItem(5)->text(), QStringLiteral("line 8"));
        click(*wizard, QStringLiteral("wizardNextButton"));
        QCOMPARE(wizard->currentId(), int(ui::ImportWizard::ColumnsPage));
        QCOMPARE(find<QComboBox>(*wizard, QStringLiteral("mappingCombo_0"))->currentData().toString(),
                 QStringLiteral("phone"));
        click(*wizard, QStringLiteral("wizardNextButton"));

        // The dry run: every reject with its physical line; nothing written yet.
        QCOMPARE(wizard->currentId(), int(ui::ImportWizard::DryRunPage));
        QVERIFY(finished.wait(60000));
        auto *rejects = find<QTableWidget>(*wizard, QStringLiteral("rejectsTable"));
        QStringList shown;
        for (int r = 0; r < rejects->rowCount(); ++r) {
            shown << rejects->item(r, 0)->text() + QStringLiteral(": ") + rejects->item(r, 1)->text();
        }
        const QStringList expected{
            QStringLiteral("3: duplicate in file: +13125550100 is also on line 2"),
            QStringLiteral("4: invalid phone number: '(415) 555-01' is not a valid number for its region"),
            QStringLiteral("5: invalid phone number: 'call me' cannot be read as a number"),
            QStringLiteral("8: has 5 fields, the header has 4"),
        };
        QCOMPARE(shown.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i) {
            QVERIFY2(shown.at(i).startsWith(expected.at(i)), qPrintable(shown.join(u'\n')));
        }
        const QString summary = find<QLabel>(*wizard, QStringLiteral("dryRunSummaryLabel"))->text();
        QVERIFY2(summary.startsWith(QStringLiteral("8 rows read: 4 can be imported, 4 rejected.")),
                 qPrintable(summary));
        QCOMPARE(tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM contacts")), 0);

        click(*wizard, QStringLiteral("wizardImportButton"));
        QCOMPARE(wizard->currentId(), int(ui::ImportWizard::ImportPage));
        QVERIFY(finished.wait(60000));
        auto *next = find<QPushButton>(*wizard, QStringLiteral("wizardNextButton"));
        QTRY_VERIFY(next->isEnabled());
        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(wizard->currentId(), int(ui::ImportWizard::SummaryPage));
        const QString done = find<QLabel>(*wizard, QStringLiteral("summaryLabel"))->text();
        QVERIFY2(done.startsWith(QStringLiteral("4 contacts imported")), qPrintable(done));
        click(*wizard, QStringLiteral("wizardFinishButton"));
        QVERIFY(!wizard->isVisible());
        driven = true;
    });
    click(*pane, QStringLiteral("importContactsButton"));
    QVERIFY(driven);
    m_dialogs->setOnExec({});
    QCOMPARE(
        rowsOf(m_db->database(),
               QStringLiteral("SELECT phone_e164, name FROM contacts WHERE campaign_id = %1 ORDER BY phone_e164")
                   .arg(m_campaignId)),
        QStringList({QStringLiteral("+13035550100|Linus Later"), QStringLiteral("+13125550100|Ada Lovelace"),
                     QStringLiteral("+16465550177|Zoë\r\nSecond line"), QStringLiteral("+17185550123|Grace Hopper")}));
    QCOMPARE(pane->model()->rowAt(0).contacts, 4);
}

// 4. Do not call pane → Add…: one of the imported numbers, typed as people write it.
void TestOperatorWorkflow::suppressOneNumber()
{
    navigate(MainWindow::SuppressionPaneIndex);
    auto *pane = qobject_cast<ui::SuppressionPane *>(m_window->pane(MainWindow::SuppressionPaneIndex));
    QVERIFY(pane);
    QCOMPARE(pane->model()->rowCount(), 0);
    m_dialogs->setNextResult(QDialog::Accepted);
    m_dialogs->setOnExec([](QDialog &dialog) {
        auto *number = find<QLineEdit>(dialog, QStringLiteral("suppressionNumberEdit"));
        auto *ok = find<QPushButton>(dialog, QStringLiteral("addSuppressionOkButton"));
        QTest::keyClicks(number, QStringLiteral("303 555 0100"));
        QVERIFY(ok->isEnabled());
        QVERIFY(find<QLabel>(dialog, QStringLiteral("suppressionNormalizedLabel"))->text().contains(kSuppressed));
        QTest::keyClicks(find<QLineEdit>(dialog, QStringLiteral("suppressionReasonEdit")),
                         QStringLiteral("asked on the phone"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    });
    click(*pane, QStringLiteral("addSuppressionButton"));
    m_dialogs->setOnExec({});
    QCOMPARE(m_dialogs->asked.constLast(), QStringLiteral("addSuppressionDialog"));
    QCOMPARE(pane->model()->rowCount(), 1);
    QCOMPARE(pane->model()->rows().constFirst().phoneE164, kSuppressed);
    QCOMPARE(rowsOf(m_db->database(), QStringLiteral("SELECT phone_e164, reason FROM suppression_list")),
             QStringList{kSuppressed + QStringLiteral("|asked on the phone")});
}

// 5. Campaigns pane → Start dialing, confirmed; the run ends with the campaign completed.
void TestOperatorWorkflow::dialUntilCompleted()
{
    navigate(MainWindow::CampaignsPaneIndex);
    auto *pane = qobject_cast<ui::CampaignsPane *>(m_window->pane(MainWindow::CampaignsPaneIndex));
    pane->selectCampaign(m_campaignId);
    auto *start = find<QPushButton>(*pane, QStringLiteral("startCampaignButton"));
    QVERIFY(start->isEnabled());
    QVERIFY(find<QLabel>(*pane, QStringLiteral("runStateLabel"))->text().contains(QStringLiteral("simulated carrier")));
    QSignalSpy finished(m_control.get(), &services::dialer::CampaignControl::runFinished);
    m_dialogs->setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(start, Qt::LeftButton);
    // The confirmation carries the compliance preview: the suppressed contact is counted out before any call.
    QCOMPARE(m_dialogs->asked.constLast(),
             QStringLiteral("Start campaign: Start campaign \"Customer care survey\"?\n\n3 "
                            "dialable now; 1 suppressed."));
    QVERIFY(m_control->isRunning(m_campaignId));
    QVERIFY(!start->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 180000);
    QTRY_COMPARE_WITH_TIMEOUT(pane->model()->rowAt(0).campaign.status, CampaignStatus::Completed, 30000);
    const int attempts = tests::count(
        m_db->database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE campaign_id = ?"), {m_campaignId});
    QVERIFY(attempts >= 3); // each of the three dialable contacts at least once
    QCOMPARE(pane->model()->rowAt(0).attempts, attempts);
    // The suppressed number is never called; every other contact was.
    QCOMPARE(tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE phone_e164 = ?"),
                          {kSuppressed}),
             0);
    QCOMPARE(tests::count(m_db->database(),
                          QStringLiteral("SELECT COUNT(DISTINCT contact_id) FROM call_attempts WHERE campaign_id = ?"),
                          {m_campaignId}),
             3);
    QCOMPARE(tests::count(m_db->database(),
                          QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE campaign_id = ? AND status IN "
                                         "('claimed', 'queued', 'initiated', 'ringing', 'in-progress')"),
                          {m_campaignId}),
             0);
}

QStringList TestOperatorWorkflow::expectedExportRows()
{
    // One row per attempt; a contact never dialed has one row without an attempt.
    QStringList rows = rowsOf(m_db->database(),
                              QStringLiteral("SELECT c.id, c.phone_e164, c.name, a.attempt_number FROM contacts c JOIN "
                                             "call_attempts a ON a.contact_id = c.id WHERE c.campaign_id = %1")
                                  .arg(m_campaignId));
    rows << rowsOf(m_db->database(),
                   QStringLiteral("SELECT c.id, c.phone_e164, c.name, '' FROM contacts c WHERE c.campaign_id "
                                  "= %1 AND NOT EXISTS (SELECT 1 FROM call_attempts a WHERE "
                                  "a.contact_id = c.id)")
                       .arg(m_campaignId));
    rows.sort();
    return rows;
}

QStringList TestOperatorWorkflow::exportedRows(const QList<QStringList> &table)
{
    QStringList out;
    if (table.isEmpty()) {
        return out;
    }
    const QStringList &header = table.constFirst();
    const qsizetype id = header.indexOf(QStringLiteral("contact_id"));
    const qsizetype phone = header.indexOf(QStringLiteral("phone"));
    const qsizetype name = header.indexOf(QStringLiteral("name"));
    const qsizetype number = header.indexOf(QStringLiteral("attempt_number"));
    if (id < 0 || phone < 0 || name < 0 || number < 0) {
        qWarning("unexpected header %s", qPrintable(header.join(u',')));
        return out;
    }
    for (qsizetype r = 1; r < table.size(); ++r) {
        const QStringList &row = table.at(r);
        out << row.value(id) + u'|' + row.value(phone) + u'|' + row.value(name) + u'|' + row.value(number);
    }
    out.sort();
    return out;
}

// 6. Results pane → Export… to XLSX and to CSV; both read back and compared with the database.
void TestOperatorWorkflow::exportAndReadBack()
{
    navigate(MainWindow::ResultsPaneIndex);
    auto *pane = qobject_cast<ui::ResultsPane *>(m_window->pane(MainWindow::ResultsPaneIndex));
    QVERIFY(pane);
    pane->selectCampaign(m_campaignId);
    const QStringList expected = expectedExportRows();
    QCOMPARE(expected.size(), tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts")) + 1);
    // The suppressed contact: one row, never dialed.
    const QString suppressedId =
        rowsOf(m_db->database(), QStringLiteral("SELECT id FROM contacts WHERE phone_e164 = '%1'").arg(kSuppressed))
            .value(0);
    QVERIFY(expected.contains(suppressedId + u'|' + kSuppressed + QStringLiteral("|Linus Later|")));
    // What the operator sees before exporting: one row per contact.
    QTRY_COMPARE(find<QTableView>(*pane, QStringLiteral("resultsTableView"))->model()->rowCount(), 4);

    const auto exportTo = [&](const QString &path) {
        QSignalSpy done(pane, &ui::ResultsPane::exportFinished);
        m_dialogs->setNextFileName(path);
        click(*pane, QStringLiteral("exportResultsButton"));
        QVERIFY(done.wait(60000));
        QVERIFY2(done.constFirst().at(0).toBool(), qPrintable(done.constFirst().at(1).toString()));
        QCOMPARE(find<QLabel>(*pane, QStringLiteral("resultsCountLabel"))->text(),
                 QStringLiteral("%1 rows written to %2.").arg(expected.size()).arg(QDir::toNativeSeparators(path)));
    };

    const QString xlsxPath = m_dir.filePath(QStringLiteral("results.xlsx"));
    exportTo(xlsxPath);
    if (QTest::currentTestFailed()) {
        return;
    }
    // Read with openpyxl (Debian's python3-openpyxl), written out as CSV so the same parser reads both. A line break
    // in an XLSX cell is LF (a CR would come back from openpyxl as the escape _x000D_), so CRLF reads back as LF.
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import csv, sys, openpyxl\n"
                                 "ws = openpyxl.load_workbook(sys.argv[1])['Results']\n"
                                 "out = csv.writer(sys.stdout, lineterminator='\\n')\n"
                                 "def text(v):\n"
                                 "    if v is None: return ''\n"
                                 "    if isinstance(v, float) and v.is_integer(): return int(v)\n"
                                 "    return v\n"
                                 "for row in ws.iter_rows(values_only=True):\n"
                                 "    out.writerow([text(v) for v in row])\n"),
                  xlsxPath});
    QVERIFY(python.waitForFinished(60000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    auto xlsx = services::contacts::parseCsv(python.readAllStandardOutput());
    QVERIFY(xlsx.ok());
    QList<QStringList> xlsxTable;
    for (const auto &record : xlsx.value()) {
        xlsxTable << record.fields;
    }
    QStringList expectedInXlsx = expected;
    expectedInXlsx.replaceInStrings(QStringLiteral("\r\n"), QStringLiteral("\n"));
    QVERIFY2(expectedInXlsx != expected, "the fixture has a name with a line break");
    QCOMPARE(exportedRows(xlsxTable), expectedInXlsx);

    const QString csvPath = m_dir.filePath(QStringLiteral("results.csv"));
    exportTo(csvPath);
    if (QTest::currentTestFailed()) {
        return;
    }
    QFile file(csvPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto parsed = services::contacts::parseCsv(file.readAll());
    QVERIFY(parsed.ok());
    QList<QStringList> csvTable;
    for (const auto &record : parsed.value()) {
        csvTable << record.fields;
    }
    QCOMPARE(exportedRows(csvTable), expected);
    // Both files hold the same table (line breaks as each format writes them), the script's questions as columns.
    QList<QStringList> csvWithLf = csvTable;
    for (QStringList &row : csvWithLf) {
        row.replaceInStrings(QStringLiteral("\r\n"), QStringLiteral("\n"));
    }
    QCOMPARE(xlsxTable, csvWithLf);
    const QStringList header = csvTable.constFirst();
    for (const char *column : {"disposition", "ontime", "nps", "priority", "why", "again"}) {
        QVERIFY2(header.contains(QLatin1String(column)), column);
    }
    const auto cell = [&header](const QStringList &row, const char *column) {
        return row.value(header.indexOf(QLatin1String(column)));
    };
    int answered = 0;
    for (qsizetype r = 1; r < csvTable.size(); ++r) {
        const QStringList &row = csvTable.at(r);
        if (cell(row, "phone") == kSuppressed) {
            QCOMPARE(cell(row, "disposition"), QStringLiteral("not_dialed"));
            QCOMPARE(cell(row, "attempts"), QStringLiteral("0"));
            continue;
        }
        if (cell(row, "nps").isEmpty()) {
            continue; // not answered on this attempt
        }
        ++answered;
        // The range branch held on real calls too: 0-6 skips "priority" for "why".
        const int nps = cell(row, "nps").toInt();
        QVERIFY2((nps <= 6) == cell(row, "priority").isEmpty(), qPrintable(row.join(u',')));
        QVERIFY2((nps <= 6) == !cell(row, "why").isEmpty(), qPrintable(row.join(u',')));
    }
    QCOMPARE(answered, tests::count(m_db->database(),
                                    QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE campaign_id = ? AND "
                                                   "status = 'completed' AND answered_by = 'human'"),
                                    {m_campaignId}));
}

QTEST_MAIN(TestOperatorWorkflow)
#include "tst_operatorworkflow.moc"
