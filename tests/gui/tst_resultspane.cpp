// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/contact.h"
#include "services/auth/local/localsignin.h"
#include "services/auth/local/passwordhasher.h"
#include "services/auth/secretstore.h"
#include "services/auth/session.h"
#include "services/clock.h"
#include "services/contacts/contactimporter.h"
#include "services/demo/demoseeder.h"
#include "services/storage/contactrepository.h"
#include "services/storage/migrator.h"
#include "services/storage/suppressionrepository.h"
#include "tests/support/consolefixture.h"
#include "tests/support/scripteddialogs.h"
#include "tests/support/testdatabase.h"
#include "ui/mainwindow.h"
#include "ui/models/resultstablemodel.h"
#include "ui/models/suppressiontablemodel.h"
#include "ui/results/resultspane.h"
#include "ui/suppression/suppressionpane.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace vsc;
using vsc::ui::MainWindow;

// The Do not call and Results panes driven as a user would, with mouse and keys on widgets found by objectName.
class TestResultsPane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void addANumberThenRemovalIsRefusedWithoutSuppressionManage();
    void optOutsAppearAtOnce();
    void resultsFetchMoreWhenScrolled();
    void exportCsvFromThePane();
    void explainAContactFromTheResults();

private:
    Actor actorWith(PermissionSet permissions) const;

    services::SystemClock m_clock;
    std::unique_ptr<tests::ConsoleFixture> m_console;
    qint64 m_campaignId = 0;
};

void TestResultsPane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VoiceSurveyTests"));
}

void TestResultsPane::init()
{
    m_console = std::make_unique<tests::ConsoleFixture>(m_clock);
    QVERIFY2(m_console->isValid(), qPrintable(m_console->errorString()));
    auto seeded = services::demo::DemoSeeder(m_console->database(), m_clock).seed();
    QVERIFY(seeded.ok());
    m_campaignId = seeded.value().campaignId;
}

void TestResultsPane::cleanup()
{
    m_console.reset();
}

Actor TestResultsPane::actorWith(PermissionSet permissions) const
{
    Actor actor;
    actor.kind = ActorKind::User;
    actor.name = QStringLiteral("vera");
    actor.displayName = QStringLiteral("Vera Viewer");
    actor.permissions = permissions;
    return actor;
}

void TestResultsPane::addANumberThenRemovalIsRefusedWithoutSuppressionManage()
{
    tests::ScriptedDialogs dialogs;
    MainWindow window(m_console->services(), &dialogs);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPane(MainWindow::SuppressionPaneIndex);
    auto *pane = qobject_cast<ui::SuppressionPane *>(window.pane(MainWindow::SuppressionPaneIndex));
    QVERIFY(pane);
    QAbstractItemModelTester tester(pane->model());
    const int before = pane->model()->rowCount();

    // The Add dialog: an invalid number keeps Add disabled; a valid one in local format is stored in E.164.
    dialogs.setOnExec([](QDialog &dialog) {
        auto *number = dialog.findChild<QLineEdit *>(QStringLiteral("suppressionNumberEdit"));
        auto *ok = dialog.findChild<QPushButton *>(QStringLiteral("addSuppressionOkButton"));
        QTest::keyClicks(number, QStringLiteral("555"));
        QVERIFY(!ok->isEnabled());
        number->clear();
        QTest::keyClicks(number, QStringLiteral("(415) 555-0142"));
        QVERIFY(ok->isEnabled());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("suppressionNormalizedLabel"))
                    ->text()
                    .contains(QStringLiteral("+14155550142")));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("suppressionReasonEdit")),
                         QStringLiteral("asked by letter"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    });
    dialogs.setNextResult(QDialog::Accepted);
    QTest::mouseClick(pane->findChild<QPushButton *>(QStringLiteral("addSuppressionButton")), Qt::LeftButton);
    QCOMPARE(dialogs.asked.constLast(), QStringLiteral("addSuppressionDialog"));
    QCOMPARE(pane->model()->rowCount(), before + 1);
    const auto added = std::find_if(pane->model()->rows().cbegin(), pane->model()->rows().cend(),
                                    [](const auto &r) { return r.phoneE164 == QStringLiteral("+14155550142"); });
    QVERIFY(added != pane->model()->rows().cend());
    QCOMPARE(added->reason, QStringLiteral("asked by letter"));
    const qint64 addedId = added->id;

    // Someone who may read the list but not manage it: Add is disabled, Remove is refused by the service.
    m_console->session().begin(actorWith({Permission::ContactsView, Permission::PiiView}),
                               services::auth::SignInMethod::Local);
    window.showPane(MainWindow::SuppressionPaneIndex);
    QVERIFY(!pane->findChild<QPushButton *>(QStringLiteral("addSuppressionButton"))->isEnabled());
    auto *table = pane->findChild<QTableView *>(QStringLiteral("suppressionTableView"));
    const int shown = pane->model()->indexOfKey(addedId);
    QVERIFY(shown >= 0);
    table->selectRow(shown);
    dialogs.setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(pane->findChild<QPushButton *>(QStringLiteral("removeSuppressionButton")), Qt::LeftButton);
    QVERIFY2(dialogs.asked.constLast().contains(QStringLiteral("permission")) ||
                 dialogs.asked.constLast().contains(QStringLiteral("not allowed")),
             qPrintable(dialogs.asked.constLast()));
    QCOMPARE(pane->model()->rowCount(), before + 1);
    QVERIFY(services::storage::SuppressionRepository(m_console->database()).byId(addedId).ok());
}

void TestResultsPane::optOutsAppearAtOnce()
{
    tests::ScriptedDialogs dialogs;
    MainWindow window(m_console->services(), &dialogs);
    window.show();
    window.showPane(MainWindow::SuppressionPaneIndex);
    auto *pane = qobject_cast<ui::SuppressionPane *>(window.pane(MainWindow::SuppressionPaneIndex));
    const int before = pane->model()->rowCount();
    // What a caller's opt-out writes (CallRepository::saveTurn), then the event the flow publishes.
    services::storage::Suppression optOut;
    optOut.phoneE164 = QStringLiteral("+14155550177");
    optOut.source = QStringLiteral("in_call_opt_out");
    QVERIFY(services::storage::SuppressionRepository(m_console->database()).add(optOut).ok());
    window.onSuppressionsChanged();
    QCOMPARE(pane->model()->rowCount(), before + 1);
}

void TestResultsPane::resultsFetchMoreWhenScrolled()
{
    // 1,500 more contacts than the demo's: many pages.
    QList<Contact> extra;
    for (int i = 0; i < 1500; ++i) {
        Contact contact;
        contact.campaignId = m_campaignId;
        contact.phoneE164 = QStringLiteral("+1312555%1").arg(2000 + i);
        contact.name = QStringLiteral("Extra %1").arg(i);
        extra.append(contact);
    }
    QVERIFY(services::storage::ContactRepository(m_console->database()).addMany(extra).ok());
    const int total = tests::count(
        m_console->database(), QStringLiteral("SELECT COUNT(*) FROM contacts WHERE campaign_id = ?"), {m_campaignId});

    tests::ScriptedDialogs dialogs;
    MainWindow window(m_console->services(), &dialogs);
    window.resize(1200, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPane(MainWindow::ResultsPaneIndex);
    auto *pane = qobject_cast<ui::ResultsPane *>(window.pane(MainWindow::ResultsPaneIndex));
    pane->selectCampaign(m_campaignId);
    QAbstractItemModelTester tester(pane->model());
    // Whole pages, and far from all of them: the view asks for more only while its last row is in sight.
    QCOMPARE(pane->model()->rowCount() % ui::ResultsTableModel::kPageSize, 0);
    QVERIFY(pane->model()->rowCount() < total / 2);
    QVERIFY(pane->model()->canFetchMore({}));
    // Question columns come from the script.
    QVERIFY(pane->model()->columnCount() > ui::ResultsTableModel::FirstQuestionColumn);
    QCOMPARE(pane->model()
                 ->headerData(ui::ResultsTableModel::FirstQuestionColumn, Qt::Horizontal, Qt::DisplayRole)
                 .toString(),
             QStringLiteral("resolved"));

    auto *table = pane->findChild<QTableView *>(QStringLiteral("resultsTableView"));
    for (int scrolls = 0; scrolls < 20 && pane->model()->rowCount() < total; ++scrolls) {
        const int loaded = pane->model()->rowCount();
        table->setFocus();
        QTest::keyClick(table, Qt::Key_End, Qt::ControlModifier);
        QTRY_VERIFY(pane->model()->rowCount() > loaded);
    }
    QCOMPARE(pane->model()->rowCount(), total);
    QVERIFY(!pane->model()->canFetchMore({}));
    QVERIFY(pane->findChild<QLabel *>(QStringLiteral("resultsCountLabel"))->text().contains(QString::number(total)));

    // A filter reloads from the first page.
    auto *disposition = pane->findChild<QComboBox *>(QStringLiteral("resultsDispositionCombo"));
    disposition->setCurrentIndex(disposition->findData(QStringLiteral("not_dialed")));
    QVERIFY(pane->model()->rowCount() >= ui::ResultsTableModel::kPageSize);
    for (int r = 0; r < pane->model()->rowCount(); ++r) {
        QCOMPARE(pane->model()->rowAt(r).disposition, QStringLiteral("not_dialed"));
    }
}

void TestResultsPane::exportCsvFromThePane()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("results.csv"));
    tests::ScriptedDialogs dialogs;
    dialogs.setNextFileName(path);
    MainWindow window(m_console->services(), &dialogs);
    window.show();
    window.showPane(MainWindow::ResultsPaneIndex);
    auto *pane = qobject_cast<ui::ResultsPane *>(window.pane(MainWindow::ResultsPaneIndex));
    pane->selectCampaign(m_campaignId);
    QSignalSpy finished(pane, &ui::ResultsPane::exportFinished);
    QTest::mouseClick(pane->findChild<QPushButton *>(QStringLiteral("exportResultsButton")), Qt::LeftButton);
    QVERIFY(pane->isExporting());
    QVERIFY(pane->findChild<QProgressDialog *>(QStringLiteral("exportProgressDialog")));
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.constFirst().at(0).toBool(), qPrintable(finished.constFirst().at(1).toString()));
    QVERIFY(!pane->isExporting());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto parsed = services::contacts::parseCsv(file.readAll());
    QVERIFY(parsed.ok());
    const int expectedRows = tests::count(
        m_console->database(),
        QStringLiteral(
            "SELECT SUM(CASE WHEN n = 0 THEN 1 ELSE n END) FROM (SELECT (SELECT COUNT(*) FROM call_attempts a "
            "WHERE a.contact_id = c.id) AS n FROM contacts c WHERE c.campaign_id = ?) x"),
        {m_campaignId});
    QCOMPARE(int(parsed.value().size()) - 1, expectedRows);
    QCOMPARE(parsed.value().constFirst().fields.constFirst(), QStringLiteral("contact_id"));
}

// "Why not dialed?" on a row: the dialer's own rules for that contact, as sentences; absent without contacts.view.
void TestResultsPane::explainAContactFromTheResults()
{
    tests::ScriptedDialogs dialogs;
    m_console->session().begin(actorWith({Permission::ResultsView, Permission::ContactsView, Permission::PiiView}),
                               services::auth::SignInMethod::Local);
    MainWindow window(m_console->services(), &dialogs);
    window.show();
    window.showPane(MainWindow::ResultsPaneIndex);
    auto *pane = qobject_cast<ui::ResultsPane *>(window.pane(MainWindow::ResultsPaneIndex));
    pane->selectCampaign(m_campaignId);
    auto *disposition = pane->findChild<QComboBox *>(QStringLiteral("resultsDispositionCombo"));
    disposition->setCurrentIndex(disposition->findData(QStringLiteral("completed")));
    QTRY_VERIFY(pane->model()->rowCount() > 0);
    auto *explain = pane->findChild<QPushButton *>(QStringLiteral("explainContactButton"));
    QVERIFY(explain->isVisible());
    QVERIFY(!explain->isEnabled()); // nothing selected yet
    auto *table = pane->findChild<QTableView *>(QStringLiteral("resultsTableView"));
    table->setCurrentIndex(pane->model()->index(0, 0));
    QVERIFY(explain->isEnabled());
    QTest::mouseClick(explain, Qt::LeftButton);
    QCOMPARE(dialogs.asked.size(), 1);
    const QString said = dialogs.asked.constFirst();
    QVERIFY2(said.startsWith(QStringLiteral("Why not dialed?: Contact +1")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("\n• Interview completed.")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("\n• The campaign is paused.")), qPrintable(said));

    m_console->session().begin(actorWith({Permission::ResultsView}), services::auth::SignInMethod::Local);
    window.showPane(MainWindow::ResultsPaneIndex);
    QVERIFY(!explain->isVisible());
}

QTEST_MAIN(TestResultsPane)
#include "tst_resultspane.moc"
