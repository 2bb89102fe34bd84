// SPDX-License-Identifier: GPL-3.0-or-later
// The contact import wizard driven as a user drives it (QTest clicks, widgets found by objectName), on a CSV of the
// kind real users have: a byte order mark, CRLF, a quoted field with a newline, one number written three ways, bad
// rows of every sort, a number on the do-not-call list and one already in the campaign.
#include "services/auth/local/localsignin.h"
#include "services/auth/secretstore.h"
#include "services/auth/session.h"
#include "services/clock.h"
#include "services/storage/contactrepository.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "tests/support/callfixture.h"
#include "tests/support/consolefixture.h"
#include "tests/support/scripteddialogs.h"
#include "tests/support/testdatabase.h"
#include "ui/campaigns/campaignspane.h"
#include "ui/contacts/importwizard.h"

#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace vsc;

namespace {

// Physical lines on the right; the record on lines 7-8 has a quoted newline.
const QByteArray kCsv = "\xEF\xBB\xBF"
                        "Phone,Name,Language,Customer ID\r\n"                  // 1
                        "(312) 555-0100,Ada Lovelace,en,C-1\r\n"               // 2  valid
                        "+1 312-555-0100,Ada Again,en,C-2\r\n"                 // 3  the number of line 2
                        "(415) 555-01,Too Short,en,C-3\r\n"                    // 4  too short
                        "call me,Letters,en,C-4\r\n"                           // 5  not a number
                        ",No Number,en,C-5\r\n"                                // 6  empty phone
                        "\"(646) 555-0177\",\"Zoë\r\nSecond line\",de,C-6\r\n" // 7-8 valid
                        "(212) 555-0199,Extra,en,C-7,oops\r\n"                 // 9  five fields
                        "(303) 555-0100,Suppressed Person,en,C-8\r\n"          // 10 on the do-not-call list
                        "312.555.0150,Already There,en,C-9\r\n"                // 11 already in the campaign
                        "(718) 555-0123,Grace Hopper,en,C-10\r\n";             // 12 valid

} // namespace

class TestImportWizard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void dryRunListsEveryRejectThenImports();
    void campaignsPaneOffersImportOnlyWithThePermission();

private:
    template<typename T>
    T *child(QWidget &parent, const char *name)
    {
        T *found = parent.findChild<T *>(QString::fromLatin1(name));
        if (!found) {
            qWarning("no widget named %s", name);
        }
        return found;
    }
    int contactsInCampaign() { return storage().count(m_campaignId).valueOr(-1); }
    services::storage::ContactRepository storage()
    {
        return services::storage::ContactRepository(m_console->database());
    }

    services::SystemClock m_clock;
    std::unique_ptr<tests::ConsoleFixture> m_console;
    qint64 m_campaignId = 0;
    QTemporaryDir m_dir;
};

void TestImportWizard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VoiceSurveyTests"));
}

void TestImportWizard::init()
{
    QSettings().clear();
    m_console = std::make_unique<tests::ConsoleFixture>(m_clock);
    QVERIFY2(m_console->isValid(), qPrintable(m_console->errorString()));
    auto fixture = tests::makeCallFixture(m_console->database(), QStringLiteral("+13125550150"));
    QVERIFY(fixture.ok());
    m_campaignId = fixture.value().campaignId;
    QVERIFY(services::storage::exec(m_console->database().connection(),
                                    QStringLiteral("INSERT INTO suppression_list (phone_e164, campaign_id, reason, "
                                                   "source) VALUES (?, NULL, 'asked', 'manual')"),
                                    {QStringLiteral("+13035550100")})
                .ok());
}

void TestImportWizard::cleanup()
{
    m_console.reset();
}

void TestImportWizard::dryRunListsEveryRejectThenImports()
{
    const QString csvPath = m_dir.filePath(QStringLiteral("contacts.csv"));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write(kCsv);
    csv.close();
    tests::ScriptedDialogs dialogs;
    ui::ImportWizard wizard(m_console->services(), m_campaignId, dialogs);
    QSignalSpy finished(&wizard, &ui::ImportWizard::runFinished);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));

    // 1. The file, through Browse…; the preview shows the rows with their physical lines.
    dialogs.setNextFileName(csvPath);
    QTest::mouseClick(child<QPushButton>(wizard, "browseFileButton"), Qt::LeftButton);
    QCOMPARE(child<QLineEdit>(wizard, "importFileEdit")->text(), csvPath);
    auto *preview = child<QTableWidget>(wizard, "previewTable");
    QCOMPARE(preview->columnCount(), 4);
    QCOMPARE(preview->horizontalHeaderItem(0)->text(), QStringLiteral("Phone")); // no byte order mark
    QCOMPARE(preview->rowCount(), 10);
    QCOMPARE(preview->item(0, 0)->text(), QStringLiteral("(312) 555-0100"));
    QCOMPARE(preview->item(5, 1)->text(), QStringLiteral("Zoë\r\nSecond line"));
    QCOMPARE(preview->verticalHeaderItem(6)->text(), QStringLiteral("line 9"));
    auto *next = child<QPushButton>(wizard, "wizardNextButton");
    QVERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);

    // 2. Columns guessed from the header; the region from the settings' default (none: US).
    QCOMPARE(wizard.currentId(), int(ui::ImportWizard::ColumnsPage));
    QCOMPARE(child<QComboBox>(wizard, "mappingCombo_0")->currentData().toString(), QStringLiteral("phone"));
    QCOMPARE(child<QComboBox>(wizard, "mappingCombo_1")->currentData().toString(), QStringLiteral("name"));
    QCOMPARE(child<QComboBox>(wizard, "mappingCombo_2")->currentData().toString(), QStringLiteral("language"));
    QCOMPARE(child<QComboBox>(wizard, "mappingCombo_3")->currentData().toString(), QStringLiteral("custom"));
    QCOMPARE(child<QComboBox>(wizard, "regionCombo")->currentData().toString(), QStringLiteral("US"));
    // Without a phone column the wizard does not go on.
    auto *phone = child<QComboBox>(wizard, "mappingCombo_0");
    phone->setFocus();
    QTest::keyClick(phone, Qt::Key_Down);
    QVERIFY(!next->isEnabled());
    QTest::keyClick(phone, Qt::Key_Up);
    QVERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);

    // 3. The dry run, off the UI thread: every reject with its physical line, the counts, nothing written.
    QCOMPARE(wizard.currentId(), int(ui::ImportWizard::DryRunPage));
    QVERIFY(finished.wait(60000));
    auto *rejects = child<QTableWidget>(wizard, "rejectsTable");
    QStringList shown;
    for (int r = 0; r < rejects->rowCount(); ++r) {
        shown << rejects->item(r, 0)->text() + QStringLiteral(": ") + rejects->item(r, 1)->text();
    }
    const QStringList expected{
        QStringLiteral("3: duplicate in file: +13125550100 is also on line 2"),
        QStringLiteral("4: invalid phone number: '(415) 555-01' is not a valid number for its region"),
        QStringLiteral("5: invalid phone number: 'call me' cannot be read as a number"),
        QStringLiteral("6: no phone number"),
        QStringLiteral("9: has 5 fields, the header has 4"),
        QStringLiteral("10: suppressed: +13035550100 is on the do-not-call list (manual, "),
        QStringLiteral("11: duplicate in campaign: +13125550150 is already a contact"),
    };
    QCOMPARE(shown.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        QVERIFY2(shown.at(i).startsWith(expected.at(i)), qPrintable(shown.join(u'\n')));
    }
    QCOMPARE(rejects->item(0, 2)->text(), QStringLiteral("+1 312-555-0100")); // the value as written
    const QString summary = child<QLabel>(wizard, "dryRunSummaryLabel")->text();
    QVERIFY2(summary.startsWith(QStringLiteral("10 rows read: 3 can be imported, 7 rejected.")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("Duplicates in the file: 1. Already in the campaign: 1. Suppressed (do "
                                             "not call): 1. Invalid or missing numbers: 3. Other problems: 1.")),
             qPrintable(summary));
    QCOMPARE(contactsInCampaign(), 1);

    // The reject report: each row with its line, reason and fields.
    const QString reportPath = m_dir.filePath(QStringLiteral("rejects.csv"));
    dialogs.setNextFileName(reportPath);
    QTest::mouseClick(child<QPushButton>(wizard, "saveRejectsButton"), Qt::LeftButton);
    QFile report(reportPath);
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QList<QByteArray> reportLines = report.readAll().split('\n');
    QCOMPARE(reportLines.at(0), QByteArray("line,reason,Phone,Name,Language,Customer ID\r"));
    QVERIFY2(reportLines.at(5).startsWith("9,\"has 5 fields, the header has 4\",(212) 555-0199,Extra,en,C-7,oops"),
             reportLines.at(5).constData());

    // 4. Import, off the UI thread, with progress.
    auto *import = child<QPushButton>(wizard, "wizardImportButton");
    QVERIFY(import->isVisible() && import->isEnabled());
    QTest::mouseClick(import, Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ui::ImportWizard::ImportPage));
    QVERIFY(finished.wait(60000));
    QTRY_VERIFY(next->isEnabled());
    auto *progress = child<QProgressBar>(wizard, "importProgressBar");
    QCOMPARE(progress->value(), progress->maximum());
    QVERIFY(!child<QPushButton>(wizard, "cancelImportButton")->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);

    // 5. The summary, and the contacts as the file had them.
    QCOMPARE(wizard.currentId(), int(ui::ImportWizard::SummaryPage));
    const QString done = child<QLabel>(wizard, "summaryLabel")->text();
    QVERIFY2(done.startsWith(QStringLiteral("3 contacts imported")), qPrintable(done));
    QCOMPARE(contactsInCampaign(), 1 + 3);
    auto page = storage().page(m_campaignId, 0, 10);
    QVERIFY(page.ok());
    QHash<QString, Contact> byPhone;
    for (const Contact &c : page.value()) {
        byPhone.insert(c.phoneE164, c);
    }
    QCOMPARE(byPhone.value(QStringLiteral("+13125550100")).name, QStringLiteral("Ada Lovelace"));
    QCOMPARE(byPhone.value(QStringLiteral("+16465550177")).name, QStringLiteral("Zoë\r\nSecond line"));
    QCOMPARE(byPhone.value(QStringLiteral("+16465550177")).language, QStringLiteral("de"));
    QCOMPARE(byPhone.value(QStringLiteral("+17185550123")).customFields.value(QStringLiteral("Customer ID")).toString(),
             QStringLiteral("C-10"));
    QTest::mouseClick(child<QPushButton>(wizard, "wizardFinishButton"), Qt::LeftButton);
    QVERIFY(!wizard.isVisible());
}

// The Campaigns pane's "Import contacts…": offered for a selected campaign to someone with contacts.import, and it
// asks the window for the wizard of that campaign.
void TestImportWizard::campaignsPaneOffersImportOnlyWithThePermission()
{
    tests::ScriptedDialogs dialogs;
    ui::CampaignsPane pane(m_console->services(), dialogs);
    pane.setActor(m_console->session().actor());
    pane.show();
    pane.refresh();
    QSignalSpy requested(&pane, &ui::CampaignsPane::importContactsRequested);
    auto *button = child<QPushButton>(pane, "importContactsButton");
    pane.selectCampaign(m_campaignId);
    QTRY_VERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toLongLong(), m_campaignId);
    pane.setActor(Actor::nobody());
    QVERIFY(!button->isEnabled());
}

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
