// SPDX-License-Identifier: GPL-3.0-or-later
// The campaign editor and the Campaigns pane's buttons, driven with QTest mouse and key events on an empty SQLite
// database: a new campaign with an invalid caller ID shows the problem next to the field and keeps Save disabled,
// fixing it enables Save, Ctrl+Z brings the previous text back, saving lists the campaign; closing with unsaved
// changes asks; Start asks with the compliance preview in its text.
#include "services/auth/local/localsignin.h"
#include "services/auth/secretstore.h"
#include "services/auth/session.h"
#include "services/campaigns/campaignservice.h"
#include "services/dialer/campaigncontrol.h"
#include "services/storage/contactrepository.h"
#include "services/storage/migrator.h"
#include "services/telephony/simulatedcarrier.h"
#include "tests/support/consolefixture.h"
#include "tests/support/fakeclock.h"
#include "tests/support/scripteddialogs.h"
#include "tests/support/testdatabase.h"
#include "ui/campaigns/campaigneditordialog.h"
#include "ui/campaigns/campaignspane.h"
#include "ui/mainwindow.h"
#include "ui/models/campaigntablemodel.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QUndoStack>

using namespace vsc;
using vsc::ui::CampaignEditorDialog;
using vsc::ui::MainWindow;

class TestCampaignEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void newCampaignWithInlineValidationUndoAndSave();
    void closingWithUnsavedChangesAsks();
    void startAsksWithTheCompliancePreview();
    void withoutCampaignEditItIsReadOnly();

private:
    tests::FakeClock m_clock{QDateTime(QDate(2026, 11, 23), QTime(16, 0), Qt::UTC)}; // 10:00 in Chicago
    std::unique_ptr<tests::ConsoleFixture> m_console;
};

void TestCampaignEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VoiceSurveyTests"));
}

void TestCampaignEditor::init()
{
    m_console = std::make_unique<tests::ConsoleFixture>(m_clock);
    QVERIFY2(m_console->isValid(), qPrintable(m_console->errorString()));
}

void TestCampaignEditor::cleanup()
{
    m_console.reset();
}

void TestCampaignEditor::newCampaignWithInlineValidationUndoAndSave()
{
    tests::ScriptedDialogs dialogs;
    MainWindow window(m_console->services(), &dialogs);
    window.show();
    window.showPane(MainWindow::CampaignsPaneIndex);
    auto *pane = qobject_cast<ui::CampaignsPane *>(window.pane(MainWindow::CampaignsPaneIndex));
    QCOMPARE(pane->model()->rowCount(), 0);
    bool driven = false;
    dialogs.setOnExec([&](QDialog &dialog) {
        auto *editor = qobject_cast<CampaignEditorDialog *>(&dialog);
        QVERIFY(editor);
        editor->show();
        QVERIFY(QTest::qWaitForWindowActive(editor));
        auto *name = editor->findChild<QLineEdit *>(QStringLiteral("campaignNameEdit"));
        auto *callerId = editor->findChild<QLineEdit *>(QStringLiteral("callerIdEdit"));
        auto *callerIdError = editor->findChild<QLabel *>(QStringLiteral("callerIdError"));
        auto *save = editor->findChild<QPushButton *>(QStringLiteral("saveCampaignButton"));
        QVERIFY(name && callerId && callerIdError && save);
        // A new, empty campaign: what to fix is said, Save waits.
        QVERIFY(!save->isEnabled());
        name->setFocus();
        QTest::keyClicks(name, QStringLiteral("Spring survey"));
        callerId->setFocus();
        QTest::keyClicks(callerId, QStringLiteral("555-0100"));
        QVERIFY(callerIdError->isVisible());
        QCOMPARE(callerIdError->text(), QStringLiteral("⚠ start with + and the country code, e.g. +14155550100"));
        QCOMPARE(callerId->toolTip(), QStringLiteral("start with + and the country code, e.g. +14155550100"));
        QVERIFY(!save->isEnabled());
        // Fixed: the message goes, Save is offered.
        name->setFocus(); // ends the caller ID edit: the next one is a separate undo step
        callerId->setFocus();
        QTest::keyClick(callerId, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(callerId, QStringLiteral("+14155550100"));
        QVERIFY(!callerIdError->isVisible());
        QVERIFY(save->isEnabled());
        // Ctrl+Z: the previous text, and its problem, come back; Ctrl+Shift+Z redoes.
        QTest::keyClick(callerId, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(callerId->text(), QStringLiteral("555-0100"));
        QVERIFY(callerIdError->isVisible());
        QVERIFY(!save->isEnabled());
        QTest::keyClick(callerId, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(callerId->text(), QStringLiteral("+14155550100"));
        QVERIFY(save->isEnabled());
        QSignalSpy saved(editor, &CampaignEditorDialog::saved);
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(saved.count(), 1);
        QVERIFY(!editor->isModified());
        QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("closeEditorButton")), Qt::LeftButton);
        QVERIFY(!editor->isVisible()); // saved: closes without asking
        driven = true;
    });
    QTest::mouseClick(pane->findChild<QPushButton *>(QStringLiteral("newCampaignButton")), Qt::LeftButton);
    QVERIFY(driven);
    QCOMPARE(dialogs.asked, QStringList{QStringLiteral("campaignEditorDialog")}); // nothing else was asked
    QCOMPARE(pane->model()->rowCount(), 1);
    QCOMPARE(pane->model()->rowAt(0).campaign.name, QStringLiteral("Spring survey"));
    QCOMPARE(pane->model()->rowAt(0).campaign.callerId, QStringLiteral("+14155550100"));
    QCOMPARE(pane->selectedCampaignId(), pane->model()->rowAt(0).campaign.id);
}

void TestCampaignEditor::closingWithUnsavedChangesAsks()
{
    Campaign campaign;
    campaign.name = QStringLiteral("Autumn");
    campaign.callerId = QStringLiteral("+14155550100");
    auto id =
        services::campaigns::CampaignService(m_console->database()).create(m_console->session().actor(), campaign);
    QVERIFY(id.ok());
    tests::ScriptedDialogs dialogs;
    CampaignEditorDialog editor(m_console->services(), id.value());
    editor.setDialogs(&dialogs);
    editor.show();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    auto *name = editor.findChild<QLineEdit *>(QStringLiteral("campaignNameEdit"));
    QCOMPARE(name->text(), QStringLiteral("Autumn"));
    QVERIFY(!editor.isModified()); // opening is no edit (outcomes left to the dialer's defaults stay unset)
    name->setFocus();
    QTest::keyClicks(name, QStringLiteral(" wave"));
    auto *close = editor.findChild<QPushButton *>(QStringLiteral("closeEditorButton"));
    dialogs.setNextAnswer(QMessageBox::Cancel);
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(editor.isVisible());
    QCOMPARE(dialogs.asked.constLast(),
             QStringLiteral("Unsaved changes: Save the changes to \"Autumn wave\" before closing?"));
    dialogs.setNextAnswer(QMessageBox::Discard);
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(!editor.isVisible());
    QCOMPARE(services::campaigns::CampaignService(m_console->database())
                 .campaign(m_console->session().actor(), id.value())
                 .value()
                 .name,
             QStringLiteral("Autumn"));
}

void TestCampaignEditor::startAsksWithTheCompliancePreview()
{
    Campaign campaign;
    campaign.name = QStringLiteral("Winter");
    campaign.callerId = QStringLiteral("+14155550100");
    auto id =
        services::campaigns::CampaignService(m_console->database()).create(m_console->session().actor(), campaign);
    QVERIFY(id.ok());
    services::storage::ContactRepository contacts(m_console->database());
    for (const auto &[phone, zone] : {std::pair{QStringLiteral("+13125550101"), QStringLiteral("America/Chicago")},
                                      std::pair{QStringLiteral("+13125550102"), QStringLiteral("America/Chicago")},
                                      std::pair{QStringLiteral("+18085550101"), QStringLiteral("Pacific/Honolulu")}}) {
        Contact c;
        c.campaignId = id.value();
        c.phoneE164 = phone;
        c.timeZone = zone;
        QVERIFY(contacts.add(c).ok());
    }
    services::telephony::CallFlow flow(m_console->database(), QUrl(QStringLiteral("http://127.0.0.1:8089")));
    services::telephony::SimulatedCarrier carrier(flow, m_console->database(), m_clock, {});
    services::dialer::CampaignControl control(m_console->database(), m_clock, carrier, flow, {});
    ui::ConsoleServices dialing = m_console->services();
    dialing.control = &control;
    tests::ScriptedDialogs dialogs;
    MainWindow window(dialing, &dialogs);
    window.show();
    window.showPane(MainWindow::CampaignsPaneIndex);
    auto *pane = qobject_cast<ui::CampaignsPane *>(window.pane(MainWindow::CampaignsPaneIndex));
    pane->selectCampaign(id.value());
    auto *start = pane->findChild<QPushButton *>(QStringLiteral("startCampaignButton"));
    QVERIFY(start->isEnabled());
    dialogs.setNextAnswer(QMessageBox::No);
    QTest::mouseClick(start, Qt::LeftButton);
    QCOMPARE(dialogs.asked.constLast(),
             QStringLiteral("Start campaign: Start campaign \"Winter\"?\n\n2 dialable now; 1 outside their window "
                            "until 08:00 local."));
    QVERIFY(!control.isRunning(id.value())); // answered No
    // Stop asks too, and is final.
    dialogs.setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(pane->findChild<QPushButton *>(QStringLiteral("stopCampaignButton")), Qt::LeftButton);
    QVERIFY(dialogs.asked.constLast().startsWith(QStringLiteral("Stop campaign: Stop \"Winter\" for good?")));
    QCOMPARE(pane->model()->rowAt(0).campaign.status, CampaignStatus::Stopped);
    QVERIFY(!start->isEnabled());
}

void TestCampaignEditor::withoutCampaignEditItIsReadOnly()
{
    Campaign campaign;
    campaign.name = QStringLiteral("Look only");
    campaign.callerId = QStringLiteral("+14155550100");
    auto id =
        services::campaigns::CampaignService(m_console->database()).create(m_console->session().actor(), campaign);
    QVERIFY(id.ok());
    Actor viewer = Actor::fileOwner(QStringLiteral("viewer"));
    viewer.permissions = PermissionSet();
    m_console->session().begin(viewer, services::auth::SignInMethod::Local);
    CampaignEditorDialog editor(m_console->services(), id.value());
    QVERIFY(!editor.findChild<QLineEdit *>(QStringLiteral("campaignNameEdit"))->isEnabled());
    QVERIFY(!editor.findChild<QPushButton *>(QStringLiteral("saveCampaignButton"))->isEnabled());
    QVERIFY(!editor.findChild<QPushButton *>(QStringLiteral("editScriptButton"))->isEnabled());
    QVERIFY(editor.findChild<QLabel *>(QStringLiteral("lockedNoteLabel"))
                ->text()
                .contains(QStringLiteral("campaign.edit")));
}

QTEST_MAIN(TestCampaignEditor)
#include "tst_campaigneditor.moc"
