// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/results/resultsexporter.h"

#include "models/contact.h"
#include "services/auth/authorizer.h"
#include "services/results/csvwriter.h"
#include "services/storage/auditrepository.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QVariant>

#include <readstat.h>
#include <xlsxwriter.h>

#include <memory>

namespace vsc::services::results {
namespace {

// Excel's limit on one cell's text.
constexpr qsizetype kExcelCellChars = 32767;

// A cell: text, or a number for numeric columns (XLSX and SAV keep it a number); null is empty / missing.
using Cell = QVariant;

struct Column
{
    QString name;  // header, SAV variable name source
    QString label; // SAV variable label (the question's prompt)
    enum class Kind { Text, Number, Coded } kind = Kind::Text;
    QStringList codes; // Coded: value i+1 is codes[i]
};

// One export format: a header, rows, then finish(); abort() leaves nothing behind.
class TableWriter
{
public:
    virtual ~TableWriter() = default;
    virtual Result<void> begin(const QList<Column> &columns, qint64 rowCount) = 0;
    virtual Result<void> row(const QList<Cell> &cells) = 0;
    virtual Result<void> finish() = 0;
};

QString cellText(const Cell &cell)
{
    return cell.isNull() ? QString() : cell.toString();
}

class CsvWriter final : public TableWriter
{
public:
    CsvWriter(const QString &path, QIODevice *device) : m_file(path), m_device(device) {}

    Result<void> begin(const QList<Column> &columns, qint64 /*rowCount*/) override
    {
        if (!m_device) {
            if (!m_file.open(QIODevice::WriteOnly)) {
                return Error{ErrorCode::Io,
                             QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString())};
            }
            m_device = &m_file;
        }
        QStringList header;
        for (const Column &column : columns) {
            header << column.name;
        }
        return write(QByteArray(kUtf8Bom) + csvRecord(header));
    }
    Result<void> row(const QList<Cell> &cells) override
    {
        QStringList fields;
        for (const Cell &cell : cells) {
            fields << cellText(cell);
        }
        return write(csvRecord(fields));
    }
    Result<void> finish() override
    {
        if (m_device == &m_file && !m_file.commit()) {
            return Error{ErrorCode::Io,
                         QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString())};
        }
        return {};
    }

private:
    Result<void> write(const QByteArray &bytes)
    {
        if (m_device->write(bytes) != bytes.size()) {
            return Error{ErrorCode::Io, QStringLiteral("cannot write the export: %1").arg(m_device->errorString())};
        }
        return {};
    }

    QSaveFile m_file;
    QIODevice *m_device;
};

class XlsxWriter final : public TableWriter
{
public:
    explicit XlsxWriter(const QString &path) : m_path(path), m_temp(path + QStringLiteral(".part")) {}
    ~XlsxWriter() override
    {
        if (m_workbook) { // not finished: an error or a cancel
            workbook_close(m_workbook);
            QFile::remove(m_temp);
        }
    }
    Q_DISABLE_COPY_MOVE(XlsxWriter)

    Result<void> begin(const QList<Column> &columns, qint64 /*rowCount*/) override
    {
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE; // rows go to a temporary file as written
        const QByteArray path = QFile::encodeName(m_temp);
        m_workbook = workbook_new_opt(path.constData(), &options);
        if (!m_workbook) {
            return Error{ErrorCode::Io, QStringLiteral("cannot create %1").arg(m_temp)};
        }
        m_columns = columns;
        return newSheet();
    }
    Result<void> row(const QList<Cell> &cells) override
    {
        if (m_row >= LXW_ROW_MAX) { // Excel's limit: the rest continues on another sheet, header repeated
            if (auto added = newSheet(); !added) {
                return added;
            }
        }
        for (qsizetype c = 0; c < cells.size(); ++c) {
            if (auto written = write(lxw_col_t(c), cells.at(c)); !written) {
                return written;
            }
        }
        ++m_row;
        return {};
    }
    Result<void> finish() override
    {
        const lxw_error closed = workbook_close(m_workbook);
        m_workbook = nullptr;
        if (closed != LXW_NO_ERROR) {
            QFile::remove(m_temp);
            return Error{ErrorCode::Io,
                         QStringLiteral("cannot write %1: %2").arg(m_temp, QString::fromUtf8(lxw_strerror(closed)))};
        }
        QFile::remove(m_path);
        if (!QFile::rename(m_temp, m_path)) {
            return Error{ErrorCode::Io, QStringLiteral("cannot move %1 to %2").arg(m_temp, m_path)};
        }
        return {};
    }

private:
    Result<void> newSheet()
    {
        ++m_sheets;
        const QByteArray name =
            (m_sheets == 1 ? QStringLiteral("Results") : QStringLiteral("Results %1").arg(m_sheets)).toUtf8();
        m_sheet = workbook_add_worksheet(m_workbook, name.constData());
        if (!m_sheet) {
            return Error{ErrorCode::Io, QStringLiteral("cannot add a worksheet to %1").arg(m_temp)};
        }
        m_row = 0;
        for (qsizetype c = 0; c < m_columns.size(); ++c) {
            if (auto written = write(lxw_col_t(c), m_columns.at(c).name); !written) {
                return written;
            }
        }
        ++m_row;
        return {};
    }
    Result<void> write(lxw_col_t column, const Cell &cell)
    {
        if (cell.isNull()) {
            return {};
        }
        lxw_error error = LXW_NO_ERROR;
        if (cell.typeId() == QMetaType::Double || cell.typeId() == QMetaType::LongLong ||
            cell.typeId() == QMetaType::Int) {
            error = worksheet_write_number(m_sheet, m_row, column, cell.toDouble(), nullptr);
        } else {
            // Always a string cell: Excel never evaluates it, "=1+1" included (no neutralising needed or done).
            // A line break in a cell is LF; a CR would be stored as the escape _x000D_, which readers other than
            // Excel (openpyxl, pandas) show as written.
            QString value = cell.toString().left(kExcelCellChars);
            value.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(u'\r', u'\n');
            const QByteArray text = value.toUtf8();
            error = worksheet_write_string(m_sheet, m_row, column, text.constData(), nullptr);
        }
        if (error != LXW_NO_ERROR) {
            return Error{ErrorCode::Io,
                         QStringLiteral("cannot write to %1: %2").arg(m_temp, QString::fromUtf8(lxw_strerror(error)))};
        }
        return {};
    }

    QString m_path;
    QString m_temp;
    lxw_workbook *m_workbook = nullptr;
    lxw_worksheet *m_sheet = nullptr;
    QList<Column> m_columns;
    lxw_row_t m_row = 0;
    int m_sheets = 0;
};

// SPSS variable names: a letter first, then letters, digits, _ . @ # $; at most 64 bytes; unique.
QString savName(const QString &wanted, QSet<QString> &taken)
{
    QString name;
    for (const QChar ch : wanted) {
        name += (ch.isLetterOrNumber() && ch.unicode() < 128) || ch == u'_' || ch == u'.' ? ch : u'_';
    }
    if (name.isEmpty() || !name.front().isLetter()) {
        name.prepend(QStringLiteral("q_"));
    }
    name = name.left(60);
    QString unique = name;
    for (int n = 2; taken.contains(unique.toLower()); ++n) {
        unique = name + QStringLiteral("_%1").arg(n);
    }
    taken.insert(unique.toLower());
    return unique;
}

ssize_t writeToFile(const void *data, size_t length, void *context)
{
    auto *file = static_cast<QFile *>(context);
    return ssize_t(file->write(static_cast<const char *>(data), qint64(length)));
}

class SavWriter final : public TableWriter
{
public:
    // Text longer than this many UTF-8 bytes is cut (at a character boundary): SPSS needs each string
    // variable's width before the first row.
    static constexpr int kTextBytes = 1024;

    explicit SavWriter(const QString &path) : m_path(path), m_file(path + QStringLiteral(".part")) {}
    ~SavWriter() override
    {
        if (m_writer) {
            readstat_writer_free(m_writer);
        }
        if (!m_finished) {
            m_file.close();
            m_file.remove();
        }
    }
    Q_DISABLE_COPY_MOVE(SavWriter)

    Result<void> begin(const QList<Column> &columns, qint64 rowCount) override
    {
        if (!m_file.open(QIODevice::WriteOnly)) {
            return Error{ErrorCode::Io,
                         QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString())};
        }
        m_writer = readstat_writer_init();
        readstat_set_data_writer(m_writer, &writeToFile);
        readstat_writer_set_file_label(m_writer, "VoiceSurvey Console results");
        readstat_writer_set_compression(m_writer, READSTAT_COMPRESS_ROWS); // the wide text columns are mostly blank
        m_columns = columns;
        QSet<QString> taken;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const Column &column = columns.at(c);
            const QByteArray name = savName(column.name, taken).toUtf8();
            readstat_variable_t *variable =
                column.kind == Column::Kind::Text
                    ? readstat_add_variable(m_writer, name.constData(), READSTAT_TYPE_STRING, kTextBytes)
                    : readstat_add_variable(m_writer, name.constData(), READSTAT_TYPE_DOUBLE, 0);
            const QByteArray label = (column.label.isEmpty() ? column.name : column.label).left(250).toUtf8();
            readstat_variable_set_label(variable, label.constData());
            if (column.kind == Column::Kind::Coded) {
                const QByteArray setName = QStringLiteral("labels%1").arg(c).toUtf8();
                readstat_label_set_t *labels =
                    readstat_add_label_set(m_writer, READSTAT_TYPE_DOUBLE, setName.constData());
                for (qsizetype i = 0; i < column.codes.size(); ++i) {
                    const QByteArray text = column.codes.at(i).toUtf8();
                    readstat_label_double_value(labels, double(i + 1), text.constData());
                }
                readstat_variable_set_label_set(variable, labels);
                readstat_variable_set_measure(variable, READSTAT_MEASURE_NOMINAL);
            }
            m_variables.append(variable);
        }
        return check(readstat_begin_writing_sav(m_writer, &m_file, long(rowCount)));
    }
    Result<void> row(const QList<Cell> &cells) override
    {
        if (auto begun = check(readstat_begin_row(m_writer)); !begun) {
            return begun;
        }
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const Column &column = m_columns.at(c);
            const Cell &cell = cells.at(c);
            readstat_variable_t *variable = m_variables.at(c);
            readstat_error_t error = READSTAT_OK;
            if (cell.isNull() || cellText(cell).isEmpty()) {
                error = readstat_insert_missing_value(m_writer, variable);
            } else if (column.kind == Column::Kind::Coded) {
                const qsizetype code = column.codes.indexOf(cellText(cell));
                error = code < 0 ? readstat_insert_missing_value(m_writer, variable)
                                 : readstat_insert_double_value(m_writer, variable, double(code + 1));
            } else if (column.kind == Column::Kind::Number) {
                bool isNumber = false;
                const double value = cell.toDouble(&isNumber);
                error = isNumber ? readstat_insert_double_value(m_writer, variable, value)
                                 : readstat_insert_missing_value(m_writer, variable);
            } else {
                error = readstat_insert_string_value(m_writer, variable, truncated(cellText(cell)).constData());
            }
            if (auto ok = check(error); !ok) {
                return ok;
            }
        }
        return check(readstat_end_row(m_writer));
    }
    Result<void> finish() override
    {
        if (auto ended = check(readstat_end_writing(m_writer)); !ended) {
            return ended;
        }
        if (!m_file.flush()) {
            return Error{ErrorCode::Io, QStringLiteral("cannot write %1").arg(m_file.fileName())};
        }
        m_file.close();
        QFile::remove(m_path);
        if (!m_file.rename(m_path)) {
            return Error{ErrorCode::Io, QStringLiteral("cannot move %1 to %2").arg(m_file.fileName(), m_path)};
        }
        m_finished = true;
        return {};
    }

private:
    static QByteArray truncated(const QString &text)
    {
        QByteArray bytes = text.toUtf8();
        if (bytes.size() <= kTextBytes) {
            return bytes;
        }
        qsizetype end = kTextBytes;
        while (end > 0 && (uchar(bytes.at(end)) & 0xC0) == 0x80) { // not inside a UTF-8 sequence
            --end;
        }
        return bytes.left(end);
    }
    Result<void> check(readstat_error_t error) const
    {
        if (error == READSTAT_OK) {
            return {};
        }
        return Error{
            ErrorCode::Io,
            QStringLiteral("cannot write %1: %2").arg(m_path, QString::fromUtf8(readstat_error_message(error)))};
    }

    QString m_path;
    QFile m_file;
    readstat_writer_t *m_writer = nullptr;
    QList<readstat_variable_t *> m_variables;
    QList<Column> m_columns;
    bool m_finished = false;
};

Cell textOrNull(const QString &text)
{
    return text.isEmpty() ? Cell() : Cell(text);
}

} // namespace

std::optional<ExportFormat> exportFormatFromKey(const QString &key)
{
    const QString k = key.toLower();
    if (k == QLatin1String("csv")) {
        return ExportFormat::Csv;
    }
    if (k == QLatin1String("xlsx")) {
        return ExportFormat::Xlsx;
    }
    if (k == QLatin1String("sav")) {
        return ExportFormat::Sav;
    }
    return std::nullopt;
}

QString exportFormatKey(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::Xlsx:
        return QStringLiteral("xlsx");
    case ExportFormat::Sav:
        return QStringLiteral("sav");
    }
    return {};
}

const QStringList &exportFixedColumns()
{
    static const QStringList columns{
        QStringLiteral("contact_id"),  QStringLiteral("phone"),          QStringLiteral("name"),
        QStringLiteral("disposition"), QStringLiteral("aapor_code"),     QStringLiteral("aapor_disposition"),
        QStringLiteral("attempts"),    QStringLiteral("attempt_number"), QStringLiteral("attempt_outcome"),
        QStringLiteral("attempt_at"),  QStringLiteral("script_version")};
    return columns;
}

reporting::Disposition aaporDisposition(const storage::ContactResult &contact)
{
    // The same facts storage::DashboardRepository::caseFacts gathers in SQL, here from the page's attempts.
    reporting::CaseFacts facts;
    facts.completed = contact.disposition == QLatin1String("completed");
    facts.optedOut = contact.disposition == QLatin1String("opted_out");
    facts.invalidNumber = contact.disposition == QLatin1String("invalid_number");
    facts.answers = int(contact.answers.size());
    facts.attempts = int(contact.attemptDetails.size());
    for (const storage::AttemptResult &attempt : contact.attemptDetails) {
        const bool machine = attempt.answeredBy.startsWith(QLatin1String("machine"));
        const bool fax = attempt.answeredBy == QLatin1String("fax");
        facts.machineAnswered = facts.machineAnswered || machine;
        facts.fax = facts.fax || fax;
        facts.humanAnswered = facts.humanAnswered || (attempt.outcome == QLatin1String("answered") && !machine && !fax);
        facts.technicalFailure = facts.technicalFailure || attempt.outcome == QLatin1String("failed");
    }
    return reporting::dispositionFor(facts);
}

Result<ExportSummary> exportResults(storage::Database &database, const Actor &actor, const ExportRequest &request,
                                    const std::atomic_bool *cancel, const ExportProgress &progress)
{
    if (auto allowed =
            auth::Authorizer(database).require(actor, Permission::ResultsExport, QStringLiteral("export results"),
                                               QStringLiteral("campaign"), request.campaignId);
        !allowed) {
        return allowed.error();
    }
    if (request.device && request.format != ExportFormat::Csv) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("only CSV can be written to standard output")};
    }
    storage::ResultsRepository repository(database);
    auto questions = repository.questionColumns(request.campaignId);
    if (!questions) {
        return questions.error();
    }
    const bool clear = actor.has(Permission::PiiView);
    storage::ResultsFilter filter = request.filter;
    if (!clear) {
        filter.phoneFragment.clear();
    }
    auto total = repository.count(request.campaignId, filter);
    if (!total) {
        return total.error();
    }
    QList<Column> columns;
    for (const QString &name : exportFixedColumns()) {
        const bool number = name == QLatin1String("contact_id") || name == QLatin1String("attempts") ||
                            name == QLatin1String("attempt_number") || name == QLatin1String("script_version");
        columns.append({name, {}, number ? Column::Kind::Number : Column::Kind::Text, {}});
    }
    // AAPOR's final disposition (docs/DISPOSITIONS.md): value labels in SPSS, the label's text elsewhere.
    Column &aapor = columns[exportFixedColumns().indexOf(QStringLiteral("aapor_disposition"))];
    aapor.label = QStringLiteral("AAPOR final disposition");
    aapor.kind = Column::Kind::Coded;
    for (reporting::Disposition d : reporting::allDispositions()) {
        aapor.codes << reporting::dispositionLabel(d);
    }
    for (const storage::QuestionColumn &question : std::as_const(questions.value())) {
        Column column{question.key, question.prompt, Column::Kind::Text, {}};
        if (!question.choices.isEmpty()) {
            column.kind = Column::Kind::Coded;
            column.codes = question.choices;
        } else if (question.type == QLatin1String("numeric")) {
            column.kind = Column::Kind::Number;
        }
        columns.append(column);
    }
    // CSV and XLSX write choices as their text; only SPSS codes them.
    if (request.format != ExportFormat::Sav) {
        for (Column &column : columns) {
            if (column.kind == Column::Kind::Coded) {
                column.kind = Column::Kind::Text;
            }
        }
    }
    std::unique_ptr<TableWriter> writer;
    qint64 rowCount = 0;
    switch (request.format) {
    case ExportFormat::Csv:
        writer = std::make_unique<CsvWriter>(request.path, request.device);
        break;
    case ExportFormat::Xlsx:
        writer = std::make_unique<XlsxWriter>(request.path);
        break;
    case ExportFormat::Sav: {
        // SPSS wants the row count before the first row.
        auto rows = repository.exportRowCount(request.campaignId, filter);
        if (!rows) {
            return rows.error();
        }
        rowCount = rows.value();
        writer = std::make_unique<SavWriter>(request.path);
        break;
    }
    }
    if (auto begun = writer->begin(columns, rowCount); !begun) {
        return begun.error();
    }
    ExportSummary summary;
    summary.numbersMasked = !clear;
    qint64 after = 0;
    if (progress) {
        progress(0, total.value());
    }
    for (;;) {
        if (cancel && cancel->load()) {
            return Error::because(ErrorCode::Conflict,
                                  Text{QT_TRANSLATE_NOOP("vsc", "export cancelled; no file was written")});
        }
        auto page = repository.page(request.campaignId, filter, after, request.pageSize,
                                    storage::ResultsRepository::Detail::Attempts);
        if (!page) {
            return page.error();
        }
        if (page.value().isEmpty()) {
            break;
        }
        for (const storage::ContactResult &contact : std::as_const(page.value())) {
            const QString phone = clear ? contact.phoneE164 : maskPhoneNumber(contact.phoneE164);
            const QString name = clear ? contact.name : maskPersonName(contact.name);
            const reporting::Disposition aapor = aaporDisposition(contact);
            QList<storage::AttemptResult> attempts = contact.attemptDetails;
            if (attempts.isEmpty()) {
                attempts.append(storage::AttemptResult{}); // never dialed: one row without an attempt
            }
            for (const storage::AttemptResult &attempt : std::as_const(attempts)) {
                QList<Cell> cells{Cell(contact.contactId),
                                  Cell(phone),
                                  textOrNull(name),
                                  Cell(contact.disposition),
                                  Cell(reporting::dispositionCode(aapor)),
                                  Cell(reporting::dispositionLabel(aapor)),
                                  Cell(contact.attempts),
                                  attempt.number > 0 ? Cell(attempt.number) : Cell(),
                                  textOrNull(attempt.outcome),
                                  attempt.at.isValid() ? Cell(attempt.at.toString(Qt::ISODate)) : Cell(),
                                  attempt.scriptVersion ? Cell(*attempt.scriptVersion) : Cell()};
                for (const storage::QuestionColumn &question : std::as_const(questions.value())) {
                    cells.append(textOrNull(attempt.answers.value(question.key)));
                }
                if (auto written = writer->row(cells); !written) {
                    return written.error();
                }
                ++summary.rows;
            }
            ++summary.contacts;
        }
        after = page.value().constLast().contactId;
        if (progress) {
            progress(summary.contacts, total.value());
        }
    }
    if (auto finished = writer->finish(); !finished) {
        return finished.error();
    }
    storage::AuditEntry entry =
        storage::auditEntry(actor, QStringLiteral("results.export"), QStringLiteral("campaign"), request.campaignId);
    entry.details = {{QStringLiteral("format"), exportFormatKey(request.format)},
                     {QStringLiteral("contacts"), summary.contacts},
                     {QStringLiteral("rows"), summary.rows},
                     {QStringLiteral("numbersMasked"), summary.numbersMasked}};
    if (auto logged = storage::AuditRepository(database).record(entry); !logged) {
        return logged.error();
    }
    return summary;
}

} // namespace vsc::services::results
