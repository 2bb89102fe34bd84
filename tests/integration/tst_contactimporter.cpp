// SPDX-License-Identifier: GPL-3.0-or-later
// CSV contact import into a campaign (both backends).
#include "services/contacts/contactimporter.h"
#include "services/storage/contactrepository.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "testconfig.h"
#include "tests/support/callfixture.h"
#include "tests/support/testdatabase.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryFile>
#include <QTest>

using namespace vsc;
using namespace vsc::services;
using namespace vsc::services::contacts;

namespace {
QByteArray readData(const char *name)
{
    QFile file(QStringLiteral(VSC_TEST_DATA_DIR "/contacts/") + QString::fromLatin1(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const RejectedRow *rejectedOn(const ImportReport &report, int line)
{
    for (const RejectedRow &r : report.rejected) {
        if (r.line == line) {
            return &r;
        }
    }
    return nullptr;
}
} // namespace

class TestContactImporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void parsesRfc4180();
    void reportsEveryRejectedRowWithItsLine();
    void dryRunWritesNothing();
    void explicitColumnMapping();
    void badFilesAreRefusedWhole();
    void cancelledImportWritesNothing();
    void unknownCampaignIsNamed();
    void oversizedInputIsRefusedWithItsLine_data();
    void oversizedInputIsRefusedWithItsLine();
    void largeFileKeepsFileOrderAcrossChunks();
    void progressIsReportedAndCancelMidwayWritesNothing();
    void injectedFailureMidwayWritesNothing();
    void duplicatesInOtherFormattingAreCounted();
    void rejectReportRoundTrips();
    void streamsFromADevice();
    void withoutPiiViewRejectsAreMasked();

private:
    qint64 contactsInCampaign();
    std::unique_ptr<tests::TestDatabase> m_db;
    tests::CallFixture m_fixture;
};

void TestContactImporter::initTestCase()
{
    tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

void TestContactImporter::init()
{
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY(m_db->isValid());
    QVERIFY(storage::Migrator(m_db->database()).migrate().ok());
    auto fixture = tests::makeCallFixture(m_db->database(), QStringLiteral("+13125550150")); // "Already There"
    QVERIFY(fixture.ok());
    m_fixture = fixture.value();
    QVERIFY(storage::exec(m_db->database().connection(),
                          QStringLiteral("INSERT INTO suppression_list (phone_e164, campaign_id, reason, source) "
                                         "VALUES (?, NULL, 'asked', 'in_call_opt_out')"),
                          {QStringLiteral("+13035550100")})
                .ok());
}

void TestContactImporter::cleanup()
{
    m_db.reset();
}

qint64 TestContactImporter::contactsInCampaign()
{
    return storage::ContactRepository(m_db->database()).count(m_fixture.campaignId).valueOr(-1);
}

void TestContactImporter::parsesRfc4180()
{
    auto records = parseCsv("a,\"b,c\",\"d \"\"e\"\"\"\r\n\"multi\nline\",x,\r\nlast,row,here");
    QVERIFY(records.ok());
    QCOMPARE(records.value().size(), 3);
    QCOMPARE(records.value().at(0).fields,
             QStringList({QStringLiteral("a"), QStringLiteral("b,c"), QStringLiteral("d \"e\"")}));
    QCOMPARE(records.value().at(1).fields.at(0), QStringLiteral("multi\nline"));
    QCOMPARE(records.value().at(1).fields.at(2), QString());
    QCOMPARE(records.value().at(2).line, 4); // the quoted newline moved it down a line
    auto unclosed = parseCsv("a,b\n\"open,c\n");
    QVERIFY(!unclosed.ok());
    QVERIFY2(unclosed.error().detail.startsWith(QStringLiteral("line 2")), qPrintable(unclosed.error().detail));
    auto stray = parseCsv("a,b\nx\"y,z\n");
    QVERIFY(!stray.ok()); // strict: a quote inside an unquoted field
}

void TestContactImporter::reportsEveryRejectedRowWithItsLine()
{
    ContactImporter importer(m_db->database());
    ImportOptions options;
    options.campaignId = m_fixture.campaignId;
    auto result = importer.importCsv(readData("mixed.csv"), options);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    const ImportReport &r = result.value();
    QCOMPARE(r.rows, 11); // the blank line 12 is not a record
    QStringList why;
    for (const RejectedRow &row : r.rejected) {
        why << QStringLiteral("%1: %2").arg(row.line).arg(row.reason);
    }
    QVERIFY2(rejectedOn(r, 4) && rejectedOn(r, 4)->reason.startsWith(QStringLiteral("invalid phone number")),
             qPrintable(why.join(u'\n')));
    QVERIFY(rejectedOn(r, 5) && rejectedOn(r, 5)->reason.contains(QStringLiteral("also on line 2")));
    QVERIFY(rejectedOn(r, 8) && rejectedOn(r, 8)->reason.startsWith(QStringLiteral("suppressed")));
    QVERIFY(rejectedOn(r, 8)->reason.contains(QStringLiteral("in_call_opt_out")));
    QVERIFY(rejectedOn(r, 9) && rejectedOn(r, 9)->reason.startsWith(QStringLiteral("duplicate in campaign")));
    QVERIFY(rejectedOn(r, 10) && rejectedOn(r, 10)->reason.contains(QStringLiteral("Mars/Olympus_Mons")));
    QVERIFY(rejectedOn(r, 11) && rejectedOn(r, 11)->reason.contains(QStringLiteral("2 fields")));
    QVERIFY(rejectedOn(r, 13) && rejectedOn(r, 13)->reason == QStringLiteral("no phone number"));
    QCOMPARE(r.rejected.size(), 7);
    QCOMPARE(r.valid, 4);
    QCOMPARE(r.imported, 4);
    QCOMPARE(r.rejectedCount(QStringLiteral("duplicate")), 2);
    QCOMPARE(contactsInCampaign(), 5); // 1 existing + 4 new: nothing lost, nothing extra

    auto page = storage::ContactRepository(m_db->database()).page(m_fixture.campaignId, 0, 100);
    QVERIFY(page.ok());
    QHash<QString, Contact> byPhone;
    for (const Contact &c : page.value()) {
        byPhone.insert(c.phoneE164, c);
    }
    QVERIFY(byPhone.contains(QStringLiteral("+14155550132"))); // "(415) 555-0132" with region US
    QCOMPARE(byPhone.value(QStringLiteral("+14155550132")).timeZone, QStringLiteral("America/Los_Angeles"));
    QCOMPARE(byPhone.value(QStringLiteral("+14155550132")).customFields.value(QStringLiteral("Customer ID")).toString(),
             QStringLiteral("C-1"));
    QCOMPARE(byPhone.value(QStringLiteral("+493023125000")).name, QStringLiteral("Müller, Jörg"));
    QCOMPARE(byPhone.value(QStringLiteral("+12125550199")).name, QStringLiteral("Multi\r\nLine \"Quoted\" Name"));
    QCOMPARE(byPhone.value(QStringLiteral("+16465550177")).name, QStringLiteral("Zoë 🎉"));

    // Importing the same file again adds nothing: every number is now a duplicate in the campaign.
    auto again = importer.importCsv(readData("mixed.csv"), options);
    QVERIFY(again.ok());
    QCOMPARE(again.value().imported, 0);
    QCOMPARE(contactsInCampaign(), 5);
}

void TestContactImporter::dryRunWritesNothing()
{
    ImportOptions options;
    options.campaignId = m_fixture.campaignId;
    options.dryRun = true;
    auto result = ContactImporter(m_db->database()).importCsv(readData("mixed.csv"), options);
    QVERIFY(result.ok());
    QCOMPARE(result.value().valid, 4);
    QCOMPARE(result.value().imported, 0);
    QCOMPARE(contactsInCampaign(), 1);
}

void TestContactImporter::explicitColumnMapping()
{
    const QByteArray data = "Kunde,Rufnummer,Region\nAnna Schmidt,030 23125001,Berlin\nBen,0221 12345678,Köln\n";
    ImportOptions options;
    options.campaignId = m_fixture.campaignId;
    options.defaultRegion = QStringLiteral("de");
    options.columns = {{QStringLiteral("phone"), QStringLiteral("Rufnummer")},
                       {QStringLiteral("name"), QStringLiteral("Kunde")}};
    auto result = ContactImporter(m_db->database()).importCsv(data, options);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(result.value().imported, 2);
    auto contacts = storage::ContactRepository(m_db->database()).page(m_fixture.campaignId, m_fixture.contactId, 10);
    QCOMPARE(contacts.value().at(0).phoneE164, QStringLiteral("+493023125001"));
    QCOMPARE(contacts.value().at(0).name, QStringLiteral("Anna Schmidt"));
    QCOMPARE(contacts.value().at(1).customFields.value(QStringLiteral("Region")).toString(), QStringLiteral("Köln"));

    options.columns = {{QStringLiteral("phone"), QStringLiteral("Handy")}};
    auto missing = ContactImporter(m_db->database()).importCsv(data, options);
    QCOMPARE(missing.error().code, ErrorCode::InvalidArgument);
    QVERIFY(missing.error().detail.contains(QStringLiteral("'Handy'")));
}

void TestContactImporter::badFilesAreRefusedWhole()
{
    ImportOptions options;
    options.campaignId = m_fixture.campaignId;
    ContactImporter importer(m_db->database());
    QCOMPARE(importer.importCsv({}, options).error().code, ErrorCode::InvalidArgument);
    auto noPhone = importer.importCsv("Name,Email\nA,a@example.com\n", options);
    QVERIFY(noPhone.error().detail.contains(QStringLiteral("no phone column")));
    auto broken = importer.importCsv("Phone,Name\n+14155550100,\"unterminated\n+14155550101,B\n", options);
    QVERIFY(!broken.ok());
    QVERIFY(broken.error().detail.startsWith(QStringLiteral("line 2")));
    QCOMPARE(contactsInCampaign(), 1);
}

void TestContactImporter::cancelledImportWritesNothing()
{
    ImportOptions options;
    options.campaignId = m_fixture.campaignId;
    std::atomic_bool cancel{true};
    auto result = ContactImporter(m_db->database()).importCsv(readData("mixed.csv"), options, &cancel);
    QVERIFY(!result.ok());
    QVERIFY(result.error().detail.contains(QStringLiteral("nothing was written")));
    QCOMPARE(contactsInCampaign(), 1);
}

// Also in a dry run: "campaign 999 does not exist", never a foreign key failure or rows that "would be imported".
void TestContactImporter::unknownCampaignIsNamed()
{
    for (const bool dryRun : {false, true}) {
        ImportOptions options;
        options.campaignId = 999;
        options.dryRun = dryRun;
        auto result = ContactImporter(m_db->database()).importCsv(readData("mixed.csv"), options);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::NotFound);
        QVERIFY2(result.error().detail.contains(QStringLiteral("campaign 999 does not exist")),
                 qPrintable(result.error().detail));
    }
    QCOMPARE(contactsInCampaign(), 1);
}

// Limits on the file, a record and a field: refused whole, naming the line, with nothing written.
void TestContactImporter::oversizedInputIsRefusedWithItsLine_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("error");
    const QByteArray header = "Phone,Name,Notes\n";
    const QByteArray good = "+14155550100,A,ok\n";
    QTest::newRow("file") << header + good.repeated(200)
                          << QStringLiteral("the file is 3.5 KiB, more than the 2.0 KiB");
    QTest::newRow("field") << header + good + "+14155550101,B," + QByteArray(300, 'x') + "\n" + good
                           << QStringLiteral("line 3: a field is longer than 256 bytes");
    QTest::newRow("quoted field in the last record")
        << header + good + "+14155550101,B,\"" + QByteArray(300, 'x') + "\""
        << QStringLiteral("line 3: a field is longer than 256 bytes");
    QTest::newRow("record") << header + good + "+14155550101," + QByteArray(200, 'y') + ',' + QByteArray(200, 'z') +
                                   "\n"
                            << QStringLiteral("line 3: the record is longer than 384 bytes");
    QTest::newRow("unclosed quote runs on") << header + good + "+14155550101,\"B\n" + good.repeated(40)
                                            << QStringLiteral("line 3: the record is longer than 384 bytes");
}

void TestContactImporter::oversizedInputIsRefusedWithItsLine()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, error);
    ImportOptions options;
    options.campaignId = m_fixture.campaignId;
    options.limits.maxFileBytes = 2048;
    options.limits.maxRecordBytes = 384;
    options.limits.maxFieldBytes = 256;
    auto result = ContactImporter(m_db->database()).importCsv(csv, options);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(result.error().detail.startsWith(error), qPrintable(result.error().detail));
    QCOMPARE(contactsInCampaign(), 1);
    // Within the limits the same importer takes the rows.
    options.dryRun = true;
    auto fine = ContactImporter(m_db->database()).importCsv("Phone,Name,Notes\n+14155550100,A,ok\n", options);
    QVERIFY(fine.ok());
    QCOMPARE(fine.value().valid, 1);
}

namespace {
// `rows` distinct valid US numbers written as people write them, "(312) 2NN-NNNN".
QByteArray generatedCsv(int rows)
{
    QByteArray csv = "Phone,Name,Segment\r\n";
    csv.reserve(qsizetype(rows) * 40);
    for (int i = 0; i < rows; ++i) {
        csv += QStringLiteral("(312) %1-%2,Person %3,S%4\r\n")
                   .arg(200 + i / 10000)
                   .arg(i % 10000, 4, 10, QLatin1Char('0'))
                   .arg(i)
                   .arg(i % 7)
                   .toUtf8();
    }
    return csv;
}
} // namespace

// More rows than one validation chunk, on several threads: rejections come back in file order with their physical
// lines, and a duplicate far from its first occurrence (another chunk) names that line.
void TestContactImporter::largeFileKeepsFileOrderAcrossChunks()
{
    QByteArray csv = generatedCsv(20000);
    csv += "(312) 200-0007,Again,S1\r\n"              // line 20002: the number of line 9 (the header is line 1)
           "not a number,Bad,S2\r\n"                  // line 20003
           "\"(312) 299-9999\",\"Two\nlines\",S3\r\n" // line 20004, ends on 20005
           "(312) 200-0009,Late,S4\r\n";              // line 20006: the number of line 11
    ImportOptions options;
    options.campaignId = m_fixture.campaignId;
    options.threads = 3;
    auto result = ContactImporter(m_db->database()).importCsv(csv, options);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    const ImportReport &r = result.value();
    QCOMPARE(r.rows, 20004);
    QCOMPARE(r.rejected.size(), 3);
    QCOMPARE(r.rejected.at(0).line, 20002);
    QCOMPARE(r.rejected.at(0).kind, RejectKind::DuplicateInFile);
    QCOMPARE(r.rejected.at(0).duplicateOf, 9);
    QCOMPARE(r.rejected.at(1).line, 20003);
    QCOMPARE(r.rejected.at(1).kind, RejectKind::InvalidPhone);
    QCOMPARE(r.rejected.at(2).line, 20006);
    QCOMPARE(r.rejected.at(2).duplicateOf, 11);
    QCOMPARE(r.imported, 20001);
    QCOMPARE(contactsInCampaign(), 20002);
}

// Progress arrives on the importing thread as rows are read; a cancel in the middle (after batches were written)
// leaves the campaign as it was.
void TestContactImporter::progressIsReportedAndCancelMidwayWritesNothing()
{
    const QByteArray csv = generatedCsv(30000);
    std::atomic_bool cancel{false};
    QList<ImportProgress> seen;
    ImportOptions options;
    options.campaignId = m_fixture.campaignId;
    options.progress = [&](const ImportProgress &p) {
        seen.append(p);
        if (p.valid >= 10000) {
            cancel = true;
        }
    };
    auto result = ContactImporter(m_db->database()).importCsv(csv, options, &cancel);
    QVERIFY(!result.ok());
    QVERIFY(result.error().detail.contains(QStringLiteral("nothing was written")));
    QVERIFY(seen.size() >= 3);
    QVERIFY(seen.constFirst().rows > 0 && seen.constFirst().bytesRead > 0);
    QCOMPARE(seen.constFirst().totalBytes, csv.size());
    QVERIFY(seen.constLast().valid >= 10000);
    QCOMPARE(contactsInCampaign(), 1);

    // Uncancelled, the last report counts every row.
    seen.clear();
    cancel = false;
    options.progress = [&](const ImportProgress &p) { seen.append(p); };
    auto whole = ContactImporter(m_db->database()).importCsv(csv, options, &cancel);
    QVERIFY(whole.ok());
    QCOMPARE(seen.constLast().rows, 30000);
    QCOMPARE(seen.constLast().valid, 30000);
    QCOMPARE(seen.constLast().bytesRead, csv.size());
    QCOMPARE(contactsInCampaign(), 30001);
}

// The database refuses a row near the end of a large file (a trigger stands in for a full disk or a lost server):
// everything written before it is rolled back, on PostgreSQL also the earlier COPY statements (about 20,000 rows each)
// that had already succeeded.
void TestContactImporter::injectedFailureMidwayWritesNothing()
{
    const bool postgres = m_db->database().backend() == storage::Backend::Postgres;
    const QStringList statements =
        postgres ? QStringList{QStringLiteral("CREATE FUNCTION inject_failure() RETURNS trigger LANGUAGE plpgsql AS $$ "
                                              "BEGIN IF NEW.phone_e164 = '+13122029990' THEN RAISE EXCEPTION "
                                              "'injected failure'; END IF; RETURN NEW; END $$"),
                               QStringLiteral("CREATE TRIGGER inject_failure BEFORE INSERT ON contacts FOR EACH ROW "
                                              "EXECUTE FUNCTION inject_failure()")}
                 : QStringList{QStringLiteral("CREATE TRIGGER inject_failure BEFORE INSERT ON contacts WHEN "
                                              "NEW.phone_e164 = '+13122029990' BEGIN SELECT RAISE(ABORT, "
                                              "'injected failure'); END")};
    for (const QString &sql : statements) {
        QVERIFY(storage::exec(m_db->database().connection(), sql).ok());
    }
    ImportOptions options;
    options.campaignId = m_fixture.campaignId;
    qint64 lastValid = 0;
    options.progress = [&](const ImportProgress &p) { lastValid = p.valid; };
    auto result = ContactImporter(m_db->database()).importCsv(generatedCsv(30000), options);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().detail.contains(QStringLiteral("injected failure")), qPrintable(result.error().detail));
    QVERIFY(lastValid >= 20000); // the failure came after many rows had been handed to the database
    QCOMPARE(contactsInCampaign(), 1);
}

// The same number in other spellings is a duplicate in the file; each kind of rejection is counted.
void TestContactImporter::duplicatesInOtherFormattingAreCounted()
{
    const QByteArray csv = "Phone,Name\n"
                           "(312) 555-0100,A\n"    // 2
                           "+1 312-555-0100,B\n"   // 3: duplicate of 2
                           "312.555.0100,C\n"      // 4: duplicate of 2
                           "+1 (312) 555 0150,D\n" // 5: already in the campaign
                           "303-555-0100,E\n"      // 6: suppressed
                           "555-01,F\n"            // 7: too short
                           ",G\n"                  // 8: no phone
                           "x,y,z\n";              // 9: wrong column count
    ImportOptions options;
    options.campaignId = m_fixture.campaignId;
    options.dryRun = true;
    auto result = ContactImporter(m_db->database()).importCsv(csv, options);
    QVERIFY(result.ok());
    const ImportReport &r = result.value();
    QCOMPARE(r.count(RejectKind::DuplicateInFile), 2);
    QCOMPARE(r.rejected.at(0).line, 3);
    QCOMPARE(r.rejected.at(0).duplicateOf, 2);
    QCOMPARE(r.rejected.at(0).phoneE164, QStringLiteral("+13125550100"));
    QCOMPARE(r.rejected.at(1).duplicateOf, 2);
    QCOMPARE(r.count(RejectKind::DuplicateInCampaign), 1);
    QCOMPARE(r.count(RejectKind::Suppressed), 1);
    QCOMPARE(r.count(RejectKind::InvalidPhone), 1);
    QCOMPARE(r.count(RejectKind::NoPhone), 1);
    QCOMPARE(r.count(RejectKind::Malformed), 1);
    QCOMPARE(rejectedOn(r, 9)->kind, RejectKind::Malformed);
    QCOMPARE(r.valid, 1);
    QCOMPARE(contactsInCampaign(), 1);
}

// The reject report: line, reason and the row's own fields, readable as CSV again (quotes and newlines intact).
void TestContactImporter::rejectReportRoundTrips()
{
    ImportOptions options;
    options.campaignId = m_fixture.campaignId;
    options.dryRun = true;
    auto result = ContactImporter(m_db->database()).importCsv(readData("mixed.csv"), options);
    QVERIFY(result.ok());
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(writeRejectReport(result.value(), buffer).ok());
    auto records = parseCsv(out);
    QVERIFY(records.ok());
    QCOMPARE(records.value().size(), 1 + result.value().rejected.size());
    QCOMPARE(records.value().at(0).fields.mid(0, 2), QStringList({QStringLiteral("line"), QStringLiteral("reason")}));
    QCOMPARE(records.value().at(0).fields.mid(2), result.value().header);
    for (qsizetype i = 0; i < result.value().rejected.size(); ++i) {
        const RejectedRow &row = result.value().rejected.at(i);
        const QStringList &fields = records.value().at(i + 1).fields;
        QCOMPARE(fields.at(0), QString::number(row.line));
        QCOMPARE(fields.at(1), row.reason);
        QCOMPARE(fields.mid(2), row.fields);
    }
}

// A device is read to its end as it comes, a pipe included (no size known up front).
void TestContactImporter::streamsFromADevice()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(generatedCsv(5000));
    file.seek(0);
    ImportOptions options;
    options.campaignId = m_fixture.campaignId;
    auto result = ContactImporter(m_db->database()).importCsv(file, options);
    QVERIFY(result.ok());
    QCOMPARE(result.value().imported, 5000);
    QCOMPARE(contactsInCampaign(), 5001);
}

// An importer who may not see personal data gets the rejected rows with numbers and names masked: in the number, the
// reason that quotes it and the fields that go into the reject report.
void TestContactImporter::withoutPiiViewRejectsAreMasked()
{
    Actor importer;
    importer.kind = ActorKind::User;
    importer.name = QStringLiteral("importer");
    importer.permissions = PermissionSet{Permission::ContactsImport};
    ImportOptions options;
    options.campaignId = m_fixture.campaignId;
    options.dryRun = true;
    auto result =
        ContactImporter(m_db->database())
            .importCsv(importer, QByteArray("Phone,Name\n(312) 555-0100,Ada Lovelace\n+1 312-555-0100,Ada\n"), options);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(result.value().rejected.size(), 1);
    const RejectedRow &row = result.value().rejected.constFirst();
    QCOMPARE(row.line, 3);
    QVERIFY2(!row.reason.contains(QStringLiteral("+13125550100")), qPrintable(row.reason));
    QVERIFY2(row.reason.startsWith(QStringLiteral("duplicate in file: ")), qPrintable(row.reason));
    QVERIFY(row.phoneE164 != QStringLiteral("+13125550100") && !row.phoneE164.isEmpty());
    QVERIFY(row.phone != QStringLiteral("+1 312-555-0100"));
    QVERIFY(row.fields.at(0) != QStringLiteral("+1 312-555-0100"));
    QVERIFY(row.fields.at(1) != QStringLiteral("Ada"));
}

QTEST_GUILESS_MAIN(TestContactImporter)
#include "tst_contactimporter.moc"
