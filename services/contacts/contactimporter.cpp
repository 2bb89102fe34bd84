// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/contacts/contactimporter.h"

#include "models/contact.h"
#include "services/auth/authorizer.h"
#include "services/logging/logging.h"
#include "services/storage/auditrepository.h"
#include "services/storage/campaignrepository.h"
#include "services/storage/contactbulkwriter.h"
#include "services/storage/contactrepository.h"
#include "services/storage/suppressionrepository.h"

#include <QBuffer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QThread>
#include <QThreadPool>
#include <QTimeZone>

#include <phonenumbers/phonenumberutil.h>

#include <deque>
#include <future>
#include <set>
#include <vector>

namespace vsc::services::contacts {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr int kChunkRecords = 4096; // records validated by one pool task

const QHash<QString, QStringList> &knownHeaders()
{
    static const QHash<QString, QStringList> headers{
        {QStringLiteral("phone"),
         {QStringLiteral("phone"), QStringLiteral("telephone"), QStringLiteral("phone number"),
          QStringLiteral("mobile"), QStringLiteral("cell"), QStringLiteral("number"), QStringLiteral("telefon"),
          QStringLiteral("telefonnummer")}},
        {QStringLiteral("name"), {QStringLiteral("name"), QStringLiteral("full name"), QStringLiteral("contact")}},
        {QStringLiteral("time_zone"), {QStringLiteral("time zone"), QStringLiteral("timezone"), QStringLiteral("tz")}},
        {QStringLiteral("language"), {QStringLiteral("language"), QStringLiteral("lang"), QStringLiteral("sprache")}},
    };
    return headers;
}

QString headerKey(const QString &header)
{
    QString key = header.trimmed().toLower();
    key.replace(u'_', u' ');
    key.replace(u'-', u' ');
    return key;
}

Error cancelledError()
{
    return Error::because(ErrorCode::Conflict, Text{QT_TRANSLATE_NOOP("vsc", "import cancelled; nothing was written")});
}

// Where each contact field is in the file.
struct ColumnMap
{
    QHash<QString, int> fieldColumn; // contact field -> column
    QList<int> customColumns;        // kept as custom fields
};

// Maps the header row to contact fields: the columns `options` names (an empty name: the field is not in the file),
// else the first column with a known header name that is not ignored.
Result<ColumnMap> mapHeader(const QStringList &header, const ImportOptions &options)
{
    QSet<QString> ignored;
    for (const QString &column : options.ignoredColumns) {
        ignored.insert(headerKey(column));
    }
    ColumnMap map;
    for (auto it = knownHeaders().cbegin(); it != knownHeaders().cend(); ++it) {
        const bool named = options.columns.contains(it.key());
        const QString wanted = options.columns.value(it.key());
        if (named && wanted.isEmpty()) {
            continue;
        }
        for (int c = 0; c < header.size(); ++c) {
            const QString key = headerKey(header.at(c));
            if (named ? key == headerKey(wanted) : (!ignored.contains(key) && it.value().contains(key))) {
                map.fieldColumn.insert(it.key(), c);
                break;
            }
        }
        if (named && !map.fieldColumn.contains(it.key())) {
            return Error::because(
                ErrorCode::InvalidArgument,
                Text{QT_TRANSLATE_NOOP("vsc", "column '%1' (mapped to %2) is not in the header"), {wanted, it.key()}});
        }
    }
    if (!map.fieldColumn.contains(QStringLiteral("phone"))) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("no phone column in the header (%1); map one with "
                                                                "phone=COLUMN")
                                                     .arg(header.join(QStringLiteral(", ")))};
    }
    const QList<int> mapped = map.fieldColumn.values();
    for (int c = 0; c < header.size(); ++c) {
        if (!mapped.contains(c) && !header.at(c).trimmed().isEmpty() && !ignored.contains(headerKey(header.at(c)))) {
            map.customColumns.append(c);
        }
    }
    return map;
}

// E.164 digits as a number: 8 bytes per number seen, where a QString costs ten times that at a million rows.
quint64 phoneKey(const QString &e164)
{
    return QStringView(e164).mid(1).toULongLong();
}

// The numbers a new row must not repeat.
struct KnownNumbers
{
    QSet<quint64> inCampaign;
    QHash<quint64, QString> suppressed; // phone -> why
};

// What the campaign and the suppression list already hold.
Result<KnownNumbers> loadKnownNumbers(storage::Database &database, qint64 campaignId)
{
    auto existing = storage::ContactRepository(database).phonesInCampaign(campaignId);
    if (!existing) {
        return existing.error();
    }
    auto blocked = storage::SuppressionRepository(database).coveringCampaign(campaignId);
    if (!blocked) {
        return blocked.error();
    }
    KnownNumbers known;
    known.inCampaign.reserve(existing.value().size());
    for (const QString &phone : std::as_const(existing.value())) {
        known.inCampaign.insert(phoneKey(phone));
    }
    for (const storage::Suppression &entry : std::as_const(blocked.value())) {
        known.suppressed.insert(
            phoneKey(entry.phoneE164),
            QStringLiteral("%1, %2").arg(entry.source, entry.createdAt.date().toString(Qt::ISODate)));
    }
    return known;
}

// What the pool found for one record; the checks that depend on earlier rows come after, in file order.
struct CheckedRow
{
    int line = 0;
    bool rejected = false; // before the number's checks against other rows: `kind` and `reason` say why
    RejectKind kind = RejectKind::Malformed;
    Text reason;
    Text lateReason; // a rejection for another field, after the number counted as seen
    quint64 key = 0;
    QString rawPhone;
    QStringList fields;
    storage::ContactRow contact;
};

// The same for every chunk of one import; read-only while the pool runs.
struct RowRules
{
    QStringList header;
    ColumnMap columns;
    std::string region; // for numbers written without +country code
};

QString field(const QStringList &fields, int column)
{
    return column < 0 ? QString() : fields.value(column).trimmed();
}

// Pool task: parse, validate and format a chunk's numbers; check field counts and time zones. libphonenumber's
// PhoneNumberUtil is thread-safe.
std::vector<CheckedRow> checkChunk(std::vector<CsvRecord> records, const RowRules &rules)
{
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    const int phoneColumn = rules.columns.fieldColumn.value(QStringLiteral("phone"), -1);
    const int nameColumn = rules.columns.fieldColumn.value(QStringLiteral("name"), -1);
    const int zoneColumn = rules.columns.fieldColumn.value(QStringLiteral("time_zone"), -1);
    const int languageColumn = rules.columns.fieldColumn.value(QStringLiteral("language"), -1);
    QHash<QString, bool> zones; // whether an id is known; a file repeats a few zones
    std::vector<CheckedRow> rows;
    rows.reserve(records.size());
    for (CsvRecord &record : records) {
        CheckedRow &row = rows.emplace_back();
        row.line = record.line;
        row.rawPhone = field(record.fields, phoneColumn);
        row.fields = std::move(record.fields);
        if (row.fields.size() != rules.header.size()) {
            row.rejected = true;
            row.kind = RejectKind::Malformed;
            row.reason = Text{QT_TRANSLATE_NOOP("vsc", "has %1 fields, the header has %2"),
                              {QString::number(row.fields.size()), QString::number(rules.header.size())}};
            continue;
        }
        if (row.rawPhone.isEmpty()) {
            row.rejected = true;
            row.kind = RejectKind::NoPhone;
            row.reason = Text{QT_TRANSLATE_NOOP("vsc", "no phone number"), {}};
            continue;
        }
        PhoneNumber number;
        if (util.Parse(row.rawPhone.toStdString(), rules.region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
            row.rejected = true;
            row.kind = RejectKind::InvalidPhone;
            row.reason =
                Text{QT_TRANSLATE_NOOP("vsc", "invalid phone number: '%1' cannot be read as a number"), {row.rawPhone}};
            continue;
        }
        if (!util.IsValidNumber(number)) {
            row.rejected = true;
            row.kind = RejectKind::InvalidPhone;
            row.reason =
                Text{QT_TRANSLATE_NOOP("vsc", "invalid phone number: '%1' is not a valid number for its region"),
                     {row.rawPhone}};
            continue;
        }
        std::string formatted;
        util.Format(number, PhoneNumberUtil::E164, &formatted);
        row.contact.phoneE164 = QString::fromStdString(formatted);
        row.key = phoneKey(row.contact.phoneE164);
        const QString zone = field(row.fields, zoneColumn);
        if (!zone.isEmpty()) {
            auto known = zones.constFind(zone);
            if (known == zones.cend()) {
                known = zones.insert(zone, QTimeZone::isTimeZoneIdAvailable(zone.toUtf8()));
            }
            if (!*known) {
                row.lateReason =
                    Text{QT_TRANSLATE_NOOP("vsc", "unknown time zone '%1' (use an IANA name such as America/Chicago)"),
                         {zone}};
                continue;
            }
        }
        row.contact.timeZone = zone;
        row.contact.name = field(row.fields, nameColumn);
        row.contact.language = field(row.fields, languageColumn);
        if (!rules.columns.customColumns.isEmpty()) {
            QJsonObject custom;
            for (const int c : rules.columns.customColumns) {
                custom.insert(rules.header.at(c).trimmed(), row.fields.at(c));
            }
            row.contact.customFieldsJson = QJsonDocument(custom).toJson(QJsonDocument::Compact);
        }
    }
    return rows;
}

// The rows of one file through the pool, in file order, into `report` and (unless null) `writer`.
class Pipeline
{
public:
    Pipeline(const RowRules &rules, const KnownNumbers &known, const ImportOptions &options,
             const std::atomic_bool *cancel)
        : m_rules(rules), m_known(known), m_options(options), m_cancel(cancel)
    {
        m_pool.setMaxThreadCount(options.threads > 0 ? options.threads : QThread::idealThreadCount());
    }
    ~Pipeline() { m_pool.waitForDone(); }
    Q_DISABLE_COPY_MOVE(Pipeline)

    Result<void> run(CsvReader &reader, qint64 totalBytes, storage::ContactBulkWriter *writer, ImportReport &report);

private:
    void submit(std::vector<CsvRecord> records, qint64 bytesRead);
    Result<void> consume(std::vector<CheckedRow> rows, storage::ContactBulkWriter *writer, ImportReport &report);
    [[nodiscard]] bool cancelled() const { return m_cancel && m_cancel->load(); }

    const RowRules &m_rules;
    const KnownNumbers &m_known;
    const ImportOptions &m_options;
    const std::atomic_bool *m_cancel;
    QThreadPool m_pool;
    struct InFlight
    {
        std::future<std::vector<CheckedRow>> rows;
        qint64 bytesRead = 0; // the reader's position after the chunk's last record, for progress
    };
    std::deque<InFlight> m_inFlight; // in file order
    QHash<quint64, int> m_seenAt;    // number -> line
    QList<storage::ContactRow> m_batch;
};

void Pipeline::submit(std::vector<CsvRecord> records, qint64 bytesRead)
{
    auto promise = std::make_shared<std::promise<std::vector<CheckedRow>>>();
    m_inFlight.push_back({promise->get_future(), bytesRead});
    m_pool.start([promise, records = std::make_shared<std::vector<CsvRecord>>(std::move(records)), this] {
        promise->set_value(checkChunk(std::move(*records), m_rules));
    });
}

Result<void> Pipeline::run(CsvReader &reader, qint64 totalBytes, storage::ContactBulkWriter *writer,
                           ImportReport &report)
{
    // Enough chunks ahead to keep every thread busy while this thread stores one; no more, so memory stays flat.
    const std::size_t maxInFlight = std::size_t(m_pool.maxThreadCount()) * 2 + 1;
    bool atEnd = false;
    CsvRecord record;
    ImportProgress progress;
    progress.totalBytes = totalBytes;
    while (!atEnd || !m_inFlight.empty()) {
        if (cancelled()) {
            return cancelledError();
        }
        while (!atEnd && m_inFlight.size() < maxInFlight) {
            std::vector<CsvRecord> chunk;
            chunk.reserve(kChunkRecords);
            while (chunk.size() < std::size_t(kChunkRecords)) {
                auto more = reader.next(record);
                if (!more) {
                    return more.error();
                }
                if (!more.value()) {
                    atEnd = true;
                    break;
                }
                if (record.fields.size() == 1 && record.fields.constFirst().trimmed().isEmpty()) {
                    continue; // a line of blanks
                }
                chunk.push_back(std::move(record));
            }
            if (!chunk.empty()) {
                submit(std::move(chunk), reader.bytesRead());
            }
        }
        if (m_inFlight.empty()) {
            break;
        }
        std::vector<CheckedRow> rows = m_inFlight.front().rows.get();
        progress.bytesRead = m_inFlight.front().bytesRead;
        m_inFlight.pop_front();
        if (auto consumed = consume(std::move(rows), writer, report); !consumed) {
            return consumed;
        }
        if (m_options.progress) {
            progress.rows = report.rows;
            progress.valid = report.valid;
            progress.rejected = report.rejected.size();
            m_options.progress(progress);
        }
    }
    return {};
}

Result<void> Pipeline::consume(std::vector<CheckedRow> rows, storage::ContactBulkWriter *writer, ImportReport &report)
{
    m_batch.clear();
    for (CheckedRow &row : rows) {
        ++report.rows;
        auto reject = [&](RejectKind kind, const Text &reason) {
            report.rejected.append(
                {row.line, reason.toString(), row.rawPhone, kind, row.contact.phoneE164, 0, row.fields, reason});
        };
        if (row.rejected) {
            reject(row.kind, row.reason);
            continue;
        }
        // A valid number counts as seen on its line even when the row is rejected for the campaign, the list or
        // another field.
        const QString &e164 = row.contact.phoneE164;
        if (const auto seen = m_seenAt.constFind(row.key); seen != m_seenAt.cend()) {
            reject(RejectKind::DuplicateInFile,
                   Text{QT_TRANSLATE_NOOP("vsc", "duplicate in file: %1 is also on line %2"),
                        {e164, QString::number(*seen)}});
            report.rejected.last().duplicateOf = *seen;
            continue;
        }
        m_seenAt.insert(row.key, row.line);
        if (m_known.inCampaign.contains(row.key)) {
            reject(RejectKind::DuplicateInCampaign,
                   Text{QT_TRANSLATE_NOOP("vsc", "duplicate in campaign: %1 is already a contact"), {e164}});
            continue;
        }
        if (const auto why = m_known.suppressed.constFind(row.key); why != m_known.suppressed.cend()) {
            reject(RejectKind::Suppressed,
                   Text{QT_TRANSLATE_NOOP("vsc", "suppressed: %1 is on the do-not-call list (%2)"), {e164, *why}});
            continue;
        }
        if (!row.lateReason.isEmpty()) {
            reject(RejectKind::InvalidField, row.lateReason);
            continue;
        }
        ++report.valid;
        if (writer) {
            m_batch.append(std::move(row.contact));
        }
    }
    if (writer && !m_batch.isEmpty()) {
        return writer->write(m_batch);
    }
    return {};
}

// The header row, checked and mapped; the rules the pool applies.
Result<RowRules> readHeader(CsvReader &reader, const ImportOptions &options, ImportReport &report)
{
    CsvRecord header;
    auto got = reader.next(header);
    if (!got) {
        return got.error();
    }
    if (!got.value()) {
        return Error::because(ErrorCode::InvalidArgument,
                              Text{QT_TRANSLATE_NOOP("vsc", "the file is empty; a header row is required")});
    }
    auto columns = mapHeader(header.fields, options);
    if (!columns) {
        return columns.error();
    }
    report.header = header.fields;
    report.phoneColumn = columns.value().fieldColumn.value(QStringLiteral("phone"), -1);
    report.nameColumn = columns.value().fieldColumn.value(QStringLiteral("name"), -1);
    return RowRules{header.fields, columns.value(), options.defaultRegion.toUpper().toStdString()};
}

qint64 sizeOf(const QIODevice &device)
{
    return device.isSequential() ? 0 : device.size();
}

QByteArray csvField(const QString &value)
{
    QByteArray utf8 = value.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r')) {
        utf8.replace("\"", "\"\"");
        return '"' + utf8 + '"';
    }
    return utf8;
}

} // namespace

int ImportReport::rejectedCount(const QString &reasonPrefix) const
{
    return int(std::count_if(rejected.cbegin(), rejected.cend(),
                             [&](const RejectedRow &r) { return r.reason.startsWith(reasonPrefix); }));
}

int ImportReport::count(RejectKind kind) const
{
    return int(std::count_if(rejected.cbegin(), rejected.cend(), [&](const RejectedRow &r) { return r.kind == kind; }));
}

QString guessField(const QString &header)
{
    const QString key = headerKey(header);
    for (auto it = knownHeaders().cbegin(); it != knownHeaders().cend(); ++it) {
        if (it.value().contains(key)) {
            return it.key();
        }
    }
    return {};
}

QStringList supportedRegions()
{
    std::set<std::string> regions;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    QStringList codes;
    for (const std::string &region : regions) {
        codes.append(QString::fromStdString(region));
    }
    return codes; // std::set keeps them sorted
}

Result<ImportReport> ContactImporter::importCsv(QIODevice &device, const ImportOptions &options,
                                                const std::atomic_bool *cancel)
{
    // Before the file: "campaign 2 does not exist" says more than any row's rejection, or a foreign key error.
    if (auto campaign = storage::CampaignRepository(m_database).byId(options.campaignId); !campaign) {
        if (campaign.error().code == ErrorCode::NotFound) {
            return Error{ErrorCode::NotFound,
                         QStringLiteral("campaign %1 does not exist; nothing was imported").arg(options.campaignId)};
        }
        return campaign.error();
    }
    if (auto sized = checkFileSize(sizeOf(device), options.limits); !sized) {
        return sized.error();
    }
    CsvReader reader(device, options.limits);
    ImportReport report;
    auto rules = readHeader(reader, options, report);
    if (!rules) {
        return rules.error();
    }
    auto known = loadKnownNumbers(m_database, options.campaignId);
    if (!known) {
        return known.error();
    }
    // The writer rolls back when it goes out of scope uncommitted: a cancel, a bad record or a failed batch.
    std::unique_ptr<storage::ContactBulkWriter> writer;
    if (!options.dryRun) {
        auto begun = storage::ContactBulkWriter::begin(m_database, options.campaignId);
        if (!begun) {
            return begun.error();
        }
        writer = std::move(begun.value());
    }
    {
        Pipeline pipeline(rules.value(), known.value(), options, cancel);
        if (auto ran = pipeline.run(reader, sizeOf(device), writer.get(), report); !ran) {
            return ran.error();
        }
    }
    if (cancel && cancel->load()) {
        return cancelledError();
    }
    if (writer) {
        auto written = writer->commit();
        if (!written) {
            return written.error();
        }
        report.imported = int(written.value());
        logging::logger("vsc.contacts")
            ->info("campaign {}: imported {} contact(s), rejected {}", options.campaignId, report.imported,
                   report.rejected.size());
    }
    return report;
}

Result<ImportReport> ContactImporter::importCsv(const QByteArray &csv, const ImportOptions &options,
                                                const std::atomic_bool *cancel)
{
    QByteArray copy = csv; // shared, not copied: QBuffer wants a non-const array
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return importCsv(buffer, options, cancel);
}

Result<ImportReport> ContactImporter::importCsv(const Actor &actor, QIODevice &device, const ImportOptions &options,
                                                const std::atomic_bool *cancel)
{
    if (auto allowed = auth::Authorizer(m_database)
                           .require(actor, Permission::ContactsImport, QStringLiteral("import contacts"),
                                    QStringLiteral("campaign"), options.campaignId);
        !allowed) {
        return allowed.error();
    }
    auto report = importCsv(device, options, cancel);
    if (!report) {
        return report;
    }
    if (!options.dryRun) {
        storage::AuditEntry entry = storage::auditEntry(actor, QStringLiteral("contacts.import"),
                                                        QStringLiteral("campaign"), options.campaignId);
        entry.details = {{QStringLiteral("rows"), report.value().rows},
                         {QStringLiteral("imported"), report.value().imported},
                         {QStringLiteral("rejected"), int(report.value().rejected.size())}};
        if (auto logged = storage::AuditRepository(m_database).record(entry); !logged) {
            return logged.error();
        }
    }
    if (!actor.has(Permission::PiiView)) {
        const int phoneColumn = report.value().phoneColumn;
        const int nameColumn = report.value().nameColumn;
        for (RejectedRow &row : report.value().rejected) {
            for (QString *number : {&row.phoneE164, &row.phone}) {
                if (!number->isEmpty()) { // the reasons quote the number
                    const QString masked = maskPhoneNumber(*number);
                    row.reason.replace(*number, masked);
                    for (QString &arg : row.reasonText.args) {
                        arg.replace(*number, masked);
                    }
                    *number = masked;
                }
            }
            if (phoneColumn >= 0 && phoneColumn < row.fields.size()) {
                row.fields[phoneColumn] = maskPhoneNumber(row.fields.at(phoneColumn));
            }
            if (nameColumn >= 0 && nameColumn < row.fields.size()) {
                row.fields[nameColumn] = maskPersonName(row.fields.at(nameColumn));
            }
        }
    }
    return report;
}

Result<ImportReport> ContactImporter::importCsv(const Actor &actor, const QByteArray &csv, const ImportOptions &options,
                                                const std::atomic_bool *cancel)
{
    QByteArray copy = csv;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return importCsv(actor, buffer, options, cancel);
}

Result<ImportReport> ContactImporter::importFile(const Actor &actor, const QString &path, const ImportOptions &options,
                                                 const std::atomic_bool *cancel)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    }
    if (auto sized = checkFileSize(file.size(), options.limits); !sized) {
        return Error{sized.error().code, path + QStringLiteral(": ") + sized.error().detail};
    }
    return importCsv(actor, file, options, cancel);
}

Result<ImportReport> validateCsv(QIODevice &device, const ImportOptions &options, const std::atomic_bool *cancel)
{
    CsvReader reader(device, options.limits);
    ImportReport report;
    auto rules = readHeader(reader, options, report);
    if (!rules) {
        return rules.error();
    }
    const KnownNumbers none;
    Pipeline pipeline(rules.value(), none, options, cancel);
    if (auto ran = pipeline.run(reader, sizeOf(device), nullptr, report); !ran) {
        return ran.error();
    }
    return report;
}

Result<void> writeRejectReport(const ImportReport &report, QIODevice &out)
{
    QByteArray line = "line,reason";
    for (const QString &column : report.header) {
        line += ',' + csvField(column);
    }
    line += "\r\n";
    if (out.write(line) != line.size()) {
        return Error{ErrorCode::Io, QStringLiteral("cannot write the reject report: %1").arg(out.errorString())};
    }
    for (const RejectedRow &row : report.rejected) {
        // The fields go back as the file had them (not neutralised against spreadsheet formulas): the report is
        // for correcting the rows and importing them again.
        line = QByteArray::number(row.line) + ',' + csvField(row.reason);
        for (const QString &value : row.fields) {
            line += ',' + csvField(value);
        }
        line += "\r\n";
        if (out.write(line) != line.size()) {
            return Error{ErrorCode::Io, QStringLiteral("cannot write the reject report: %1").arg(out.errorString())};
        }
    }
    return {};
}

Result<void> writeRejectReport(const ImportReport &report, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    }
    if (auto written = writeRejectReport(report, file); !written) {
        return written;
    }
    if (!file.commit()) {
        return Error{ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    }
    return {};
}

} // namespace vsc::services::contacts
