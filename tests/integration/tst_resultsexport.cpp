// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/contact.h"
#include "services/contacts/contactimporter.h"
#include "services/demo/demoseeder.h"
#include "services/results/csvwriter.h"
#include "services/results/resultsexporter.h"
#include "services/results/resultsservice.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "tests/support/fakeclock.h"
#include "tests/support/testdatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <readstat.h>

using namespace vsc;
using namespace vsc::services;

namespace {

// (contact id, attempt number, question key) -> value, as the database holds it.
using AnswerKey = std::tuple<qint64, int, QString>;
using Answers = std::map<AnswerKey, QString>;

const QString kFormula = QStringLiteral("=HYPERLINK(\"http://evil.example\",\"click\")");
const QString kUnicode = QStringLiteral("Grüße „Ω“, “quoted”\nzweite Zeile");
const QString kUnicodeName = QStringLiteral("Zoë Ångström-Øre");

// What SPSS read back: variable names, then rows of values (text, or the label of a coded value).
struct SavContents
{
    QStringList names;
    QList<QStringList> rows;
    QHash<QString, QHash<int, QString>> labels; // label set -> code -> label
    QHash<int, QString> labelSetOf;             // variable index -> label set
    int rowCount = 0;
};

int savVariable(int index, readstat_variable_t *variable, const char *labelSet, void *context)
{
    auto *contents = static_cast<SavContents *>(context);
    contents->names << QString::fromUtf8(readstat_variable_get_name(variable));
    if (labelSet) {
        contents->labelSetOf.insert(index, QString::fromUtf8(labelSet));
    }
    return READSTAT_HANDLER_OK;
}

int savMetadata(readstat_metadata_t *metadata, void *context)
{
    static_cast<SavContents *>(context)->rowCount = readstat_get_row_count(metadata);
    return READSTAT_HANDLER_OK;
}

int savValueLabel(const char *labelSet, readstat_value_t value, const char *label, void *context)
{
    auto *contents = static_cast<SavContents *>(context);
    contents->labels[QString::fromUtf8(labelSet)].insert(int(readstat_double_value(value)), QString::fromUtf8(label));
    return READSTAT_HANDLER_OK;
}

int savValue(int row, readstat_variable_t *variable, readstat_value_t value, void *context)
{
    auto *contents = static_cast<SavContents *>(context);
    while (contents->rows.size() <= row) {
        contents->rows.append(QStringList(contents->names.size()));
    }
    const int index = readstat_variable_get_index(variable);
    QString text;
    if (readstat_value_is_missing(value, variable)) {
        text.clear();
    } else if (readstat_value_type(value) == READSTAT_TYPE_STRING) {
        text = QString::fromUtf8(readstat_string_value(value));
    } else {
        const double number = readstat_double_value(value);
        if (contents->labelSetOf.contains(index)) {
            text = contents->labels.value(contents->labelSetOf.value(index)).value(int(number));
        } else {
            text = QString::number(number, 'g', 15);
        }
    }
    contents->rows[row][index] = text;
    return READSTAT_HANDLER_OK;
}

} // namespace

// Exports read back by independent readers (our CSV parser, openpyxl, ReadStat's own reader) and compared with what
// the database holds, a formula-like answer and non-ASCII text included; on both backends.
class TestResultsExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pagesCoverEveryContactOnce();
    void filtersNarrowPages();
    void csvRoundTrip();
    void csvNeutralisesFormulas();
    void xlsxRoundTrip();
    void savRoundTrip();
    void cancelLeavesNoFile();
    void needsResultsExportAndMasksWithoutPii();

private:
    Answers databaseAnswers();
    QHash<qint64, int> databaseRowsPerContact();
    QString exportTo(results::ExportFormat format, const Actor &actor = Actor::fileOwner(QStringLiteral("tester")));
    // Rows of an export read back (header first) -> the answers and the rows per contact they hold.
    void compare(const QList<QStringList> &rows, bool csvNeutralised);

    std::unique_ptr<tests::TestDatabase> m_db;
    tests::FakeClock m_clock;
    QTemporaryDir m_dir;
    qint64 m_campaignId = 0;
    QStringList m_questionKeys;
};

void TestResultsExport::initTestCase()
{
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    QVERIFY(storage::Migrator(m_db->database()).migrate().ok());
    auto seeded = demo::DemoSeeder(m_db->database(), m_clock).seed();
    QVERIFY(seeded.ok());
    m_campaignId = seeded.value().campaignId;
    const QSqlDatabase db = m_db->database().connection();
    // A free-text answer that a spreadsheet would run, and one with quotes, a comma, a newline and non-ASCII.
    auto free = storage::exec(db, QStringLiteral("SELECT a.id FROM answers a JOIN questions q ON q.id = a.question_id "
                                                 "WHERE q.type = 'free_speech' ORDER BY a.id LIMIT 2"));
    QVERIFY(free.ok());
    QList<qint64> freeIds;
    while (free.value().next()) {
        freeIds << free.value().value(0).toLongLong();
    }
    QCOMPARE(freeIds.size(), 2);
    QVERIFY(storage::exec(db, QStringLiteral("UPDATE answers SET normalized_value = ? WHERE id = ?"),
                          {kFormula, freeIds.at(0)})
                .ok());
    QVERIFY(storage::exec(db, QStringLiteral("UPDATE answers SET normalized_value = ? WHERE id = ?"),
                          {kUnicode, freeIds.at(1)})
                .ok());
    QVERIFY(storage::exec(db, QStringLiteral("UPDATE contacts SET name = ? WHERE id = (SELECT MIN(id) FROM contacts)"),
                          {kUnicodeName})
                .ok());
    auto columns = storage::ResultsRepository(m_db->database()).questionColumns(m_campaignId);
    QVERIFY(columns.ok());
    for (const auto &column : columns.value()) {
        m_questionKeys << column.key;
    }
    QVERIFY(m_questionKeys.size() >= 3);
}

void TestResultsExport::cleanupTestCase()
{
    m_db.reset();
}

Answers TestResultsExport::databaseAnswers()
{
    auto rows = storage::exec(m_db->database().connection(),
                              QStringLiteral("SELECT a.contact_id, ca.attempt_number, q.question_key, "
                                             "COALESCE(a.normalized_value, a.raw_digits, a.raw_speech, '') FROM "
                                             "answers a JOIN call_attempts ca ON ca.id = a.call_attempt_id JOIN "
                                             "questions q ON q.id = a.question_id JOIN contacts c ON c.id = "
                                             "a.contact_id WHERE c.campaign_id = ?"),
                              {m_campaignId});
    Answers answers;
    while (rows.value().next()) {
        const QSqlQuery &q = rows.value();
        answers[{q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toString()}] = q.value(3).toString();
    }
    return answers;
}

QHash<qint64, int> TestResultsExport::databaseRowsPerContact()
{
    auto rows = storage::exec(m_db->database().connection(),
                              QStringLiteral("SELECT c.id, (SELECT COUNT(*) FROM call_attempts a WHERE a.contact_id = "
                                             "c.id) FROM contacts c WHERE c.campaign_id = ?"),
                              {m_campaignId});
    QHash<qint64, int> perContact;
    while (rows.value().next()) {
        perContact.insert(rows.value().value(0).toLongLong(), qMax(1, rows.value().value(1).toInt()));
    }
    return perContact;
}

QString TestResultsExport::exportTo(results::ExportFormat format, const Actor &actor)
{
    QString path = m_dir.filePath(QStringLiteral("export.") + results::exportFormatKey(format));
    results::ExportRequest request;
    request.campaignId = m_campaignId;
    request.format = format;
    request.path = path;
    request.pageSize = 7; // many pages
    qint64 lastDone = -1;
    auto exported =
        results::exportResults(m_db->database(), actor, request, nullptr, [&lastDone](qint64 done, qint64 total) {
            QVERIFY(done <= total);
            lastDone = done;
        });
    if (!exported) {
        qWarning("%s", qPrintable(exported.error().toString()));
        return {};
    }
    if (lastDone != exported.value().contacts) {
        qWarning("progress ended at %lld of %lld", lastDone, exported.value().contacts);
        return {};
    }
    return path;
}

void TestResultsExport::compare(const QList<QStringList> &rows, bool csvNeutralised)
{
    QVERIFY(!rows.isEmpty());
    const QStringList &header = rows.constFirst();
    QCOMPARE(header.mid(0, results::exportFixedColumns().size()), results::exportFixedColumns());
    QCOMPARE(header.mid(results::exportFixedColumns().size()), m_questionKeys);
    const int contactColumn = int(header.indexOf(QStringLiteral("contact_id")));
    const int attemptColumn = int(header.indexOf(QStringLiteral("attempt_number")));
    const int nameColumn = int(header.indexOf(QStringLiteral("name")));
    Answers exported;
    QHash<qint64, int> rowsPerContact;
    bool sawName = false;
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const QStringList &row = rows.at(r);
        QCOMPARE(row.size(), header.size());
        const qint64 contact = row.at(contactColumn).toLongLong();
        rowsPerContact[contact] += 1;
        sawName = sawName || row.at(nameColumn) == kUnicodeName;
        for (qsizetype c = results::exportFixedColumns().size(); c < header.size(); ++c) {
            if (!row.at(c).isEmpty()) {
                exported[{contact, row.at(attemptColumn).toInt(), header.at(c)}] = row.at(c);
            }
        }
    }
    QVERIFY(sawName);
    QCOMPARE(rowsPerContact, databaseRowsPerContact());
    Answers expected = databaseAnswers();
    for (auto &[key, value] : expected) {
        if (csvNeutralised) {
            value = results::neutralizeFormula(value);
        }
    }
    std::erase_if(expected, [](const auto &entry) { return entry.second.isEmpty(); });
    QCOMPARE(exported.size(), expected.size());
    QVERIFY(exported == expected);
    const auto values = [&] {
        QStringList all;
        for (const auto &[key, value] : exported) {
            all << value;
        }
        return all;
    }();
    QVERIFY(values.contains(csvNeutralised ? QStringLiteral("'") + kFormula : kFormula));
    QVERIFY(values.contains(kUnicode));
}

void TestResultsExport::pagesCoverEveryContactOnce()
{
    storage::ResultsRepository repository(m_db->database());
    QList<qint64> paged;
    qint64 after = 0;
    for (;;) {
        auto page = repository.page(m_campaignId, {}, after, 5);
        QVERIFY(page.ok());
        if (page.value().isEmpty()) {
            break;
        }
        QVERIFY(page.value().size() <= 5);
        for (const auto &row : page.value()) {
            QVERIFY(row.contactId > after);
            after = row.contactId;
            paged << row.contactId;
            QVERIFY(storage::ResultsRepository::dispositionKeys().contains(row.disposition));
        }
    }
    QCOMPARE(paged.size(), tests::count(m_db->database(),
                                        QStringLiteral("SELECT COUNT(*) FROM contacts WHERE "
                                                       "campaign_id = ?"),
                                        {m_campaignId}));
    QCOMPARE(repository.count(m_campaignId, {}).value(), qint64(paged.size()));
}

void TestResultsExport::filtersNarrowPages()
{
    storage::ResultsRepository repository(m_db->database());
    const int completed = tests::count(
        m_db->database(),
        QStringLiteral("SELECT COUNT(*) FROM contacts WHERE campaign_id = ? AND status = 'completed'"), {m_campaignId});
    QVERIFY(completed > 0);
    storage::ResultsFilter filter;
    filter.disposition = QStringLiteral("completed");
    auto page = repository.page(m_campaignId, filter, 0, 100000);
    QVERIFY(page.ok());
    QCOMPARE(page.value().size(), completed);
    for (const auto &row : page.value()) {
        QCOMPARE(row.disposition, QStringLiteral("completed"));
    }
    filter = {};
    filter.answerText = QStringLiteral("HYPERLINK");
    page = repository.page(m_campaignId, filter, 0, 100);
    QCOMPARE(page.value().size(), 1);
    const QString formulaKey = [&] {
        for (auto it = page.value().constFirst().answers.cbegin(); it != page.value().constFirst().answers.cend();
             ++it) {
            if (it.value() == kFormula) {
                return it.key();
            }
        }
        return QString();
    }();
    QVERIFY(!formulaKey.isEmpty());
    const QString phone = page.value().constFirst().phoneE164;
    filter = {};
    filter.phoneFragment = phone.right(7);
    page = repository.page(m_campaignId, filter, 0, 100);
    QVERIFY(!page.value().isEmpty());
    for (const auto &row : page.value()) {
        QVERIFY(row.phoneE164.contains(phone.right(7)));
    }
}

void TestResultsExport::csvRoundTrip()
{
    const QString path = exportTo(results::ExportFormat::Csv);
    QVERIFY(!path.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    auto parsed = contacts::parseCsv(bytes);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QList<QStringList> rows;
    for (const auto &record : parsed.value()) {
        rows << record.fields;
    }
    compare(rows, true);
}

void TestResultsExport::csvNeutralisesFormulas()
{
    for (const QString &cell : {QStringLiteral("=1+1"), QStringLiteral("+cmd"), QStringLiteral("-2+3"),
                                QStringLiteral("@SUM(A1)"), QStringLiteral("\tx"), QStringLiteral("\rx")}) {
        QCOMPARE(results::neutralizeFormula(cell), QStringLiteral("'") + cell);
    }
    for (const QString &cell : {QStringLiteral("+14155550100"), QStringLiteral("-3"), QStringLiteral("4.5"),
                                QStringLiteral("a=b"), QString()}) {
        QCOMPARE(results::neutralizeFormula(cell), cell);
    }
    QCOMPARE(results::csvRecord({QStringLiteral("a,b"), QStringLiteral("say \"hi\""), QStringLiteral("x\ny")}),
             QByteArray("\"a,b\",\"say \"\"hi\"\"\",\"x\ny\"\r\n"));
}

void TestResultsExport::xlsxRoundTrip()
{
    const QString path = exportTo(results::ExportFormat::Xlsx);
    QVERIFY(!path.isEmpty());
    // openpyxl (Debian's python3-openpyxl, installed by scripts/install-deps.sh) reads the workbook; every cell as
    // text, and the type of the formula-like one, which must be a string, never a formula.
    const QString script =
        QStringLiteral("import json, sys, openpyxl\n"
                       "wb = openpyxl.load_workbook(sys.argv[1], read_only=True)\n"
                       "rows = []\n"
                       "types = []\n"
                       "for ws in wb.worksheets:\n"
                       "    for i, row in enumerate(ws.iter_rows()):\n"
                       "        if rows and i == 0: continue\n"
                       "        out = []\n"
                       "        for c in row:\n"
                       "            v = c.value\n"
                       "            if isinstance(v, str) and v.startswith('='): types.append(c.data_type)\n"
                       "            out.append('' if v is None else (str(int(v)) if isinstance(v, float) and "
                       "v.is_integer() else str(v)))\n"
                       "        rows.append(out)\n"
                       "json.dump({'rows': rows, 'formulaTypes': types}, sys.stdout)\n");
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script, path});
    QVERIFY(python.waitForFinished(120000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    const QJsonObject document = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    QList<QStringList> rows;
    for (const auto &row : document.value(QStringLiteral("rows")).toArray()) {
        QStringList cells;
        for (const auto &cell : row.toArray()) {
            cells << cell.toString();
        }
        // read_only mode ends a row at its last written cell: pad to the header's width.
        if (!rows.isEmpty()) {
            while (cells.size() < rows.constFirst().size()) {
                cells << QString();
            }
        }
        rows << cells;
    }
    compare(rows, false);
    const QJsonArray types = document.value(QStringLiteral("formulaTypes")).toArray();
    QVERIFY(!types.isEmpty());
    for (const auto &type : types) {
        QCOMPARE(type.toString(), QStringLiteral("s")); // a string cell, not "f" (formula)
    }
}

void TestResultsExport::savRoundTrip()
{
    const QString path = exportTo(results::ExportFormat::Sav);
    QVERIFY(!path.isEmpty());
    SavContents contents;
    readstat_parser_t *parser = readstat_parser_init();
    readstat_set_metadata_handler(parser, &savMetadata);
    readstat_set_variable_handler(parser, &savVariable);
    readstat_set_value_label_handler(parser, &savValueLabel);
    readstat_set_value_handler(parser, &savValue);
    const QByteArray file = QFile::encodeName(path);
    const readstat_error_t error = readstat_parse_sav(parser, file.constData(), &contents);
    readstat_parser_free(parser);
    QCOMPARE(error, READSTAT_OK);
    QCOMPARE(contents.rows.size(), contents.rowCount);
    // Coded questions carry value labels (yes/no and the choices).
    QVERIFY(!contents.labels.isEmpty());
    QList<QStringList> rows{QStringList(results::exportFixedColumns()) + m_questionKeys};
    QCOMPARE(contents.names.size(), rows.constFirst().size());
    for (int i = 0; i < contents.names.size(); ++i) {
        QCOMPARE(contents.names.at(i).toLower(), rows.constFirst().at(i).toLower());
    }
    rows += contents.rows;
    compare(rows, false);
}

void TestResultsExport::cancelLeavesNoFile()
{
    for (const auto format : {results::ExportFormat::Csv, results::ExportFormat::Xlsx, results::ExportFormat::Sav}) {
        const QString path = m_dir.filePath(QStringLiteral("cancelled.") + results::exportFormatKey(format));
        results::ExportRequest request;
        request.campaignId = m_campaignId;
        request.format = format;
        request.path = path;
        request.pageSize = 3;
        std::atomic_bool cancel{false};
        int pages = 0;
        auto exported = results::exportResults(m_db->database(), Actor::fileOwner(QStringLiteral("tester")), request,
                                               &cancel, [&](qint64, qint64) {
                                                   if (++pages == 3) {
                                                       cancel = true;
                                                   }
                                               });
        QVERIFY(!exported.ok());
        QCOMPARE(exported.error().code, ErrorCode::Conflict);
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
    }
}

void TestResultsExport::needsResultsExportAndMasksWithoutPii()
{
    Actor viewer;
    viewer.kind = ActorKind::User;
    viewer.name = QStringLiteral("vera");
    viewer.permissions = {Permission::ResultsView};
    results::ExportRequest request;
    request.campaignId = m_campaignId;
    request.path = m_dir.filePath(QStringLiteral("denied.csv"));
    auto denied = results::exportResults(m_db->database(), viewer, request);
    QVERIFY(!denied.ok());
    QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
    QVERIFY(!QFile::exists(request.path));

    viewer.permissions.insert(Permission::ResultsExport);
    const int audited = tests::count(m_db->database(),
                                     QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'results.export'"));
    const QString path = exportTo(results::ExportFormat::Csv, viewer);
    QVERIFY(!path.isEmpty());
    QCOMPARE(tests::count(m_db->database(),
                          QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'results.export'")),
             audited + 1);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto parsed = contacts::parseCsv(file.readAll());
    QVERIFY(parsed.ok());
    const auto phones = tests::count(m_db->database(), QStringLiteral("SELECT COUNT(*) FROM contacts"));
    QVERIFY(phones > 0);
    for (qsizetype r = 1; r < parsed.value().size(); ++r) {
        const QString phone = parsed.value().at(r).fields.at(1);
        QVERIFY(phone.contains(QChar(0x2022)));
        QVERIFY(parsed.value().at(r).fields.at(2) != kUnicodeName);
    }
    // The pane's pages mask the same way.
    auto page = results::ResultsService(m_db->database()).page(viewer, m_campaignId, {}, 0, 10);
    QVERIFY(page.ok());
    for (const auto &row : page.value()) {
        QVERIFY(row.phoneE164.contains(QChar(0x2022)));
    }
}

QTEST_GUILESS_MAIN(TestResultsExport)
#include "tst_resultsexport.moc"
