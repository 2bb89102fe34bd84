// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/contacts/contactimporter.h"

#include "services/auth/authorizer.h"
#include "services/storage/auditrepository.h"

#include "models/contact.h"
#include "services/logging/logging.h"
#include "services/storage/campaignrepository.h"
#include "services/storage/contactrepository.h"
#include "services/storage/suppressionrepository.h"

#include <QSet>
#include <QTimeZone>

#include <csv.h>
#include <phonenumbers/phonenumberutil.h>

#include <variant>

namespace vsc::services::contacts {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

struct ParseState
{
    QList<CsvRecord> records;
    QStringList current;
    int currentStartLine = 1;
    qsizetype maxFieldBytes = 0;
    bool fieldTooLong = false;
};

void onField(void *data, std::size_t length, void *state)
{
    auto *s = static_cast<ParseState *>(state);
    if (qsizetype(length) > s->maxFieldBytes) {
        s->fieldTooLong = true; // reported by the loop feeding the parser, which knows the line
        return;
    }
    s->current.append(QString::fromUtf8(static_cast<const char *>(data), qsizetype(length)));
}

QString byteSize(qint64 bytes)
{
    constexpr qint64 kKiB = 1024;
    constexpr qint64 kMiB = kKiB * kKiB;
    return bytes >= kMiB   ? QStringLiteral("%1 MiB").arg(double(bytes) / double(kMiB), 0, 'f', 1)
           : bytes >= kKiB ? QStringLiteral("%1 KiB").arg(double(bytes) / double(kKiB), 0, 'f', 1)
                           : QStringLiteral("%1 bytes").arg(bytes);
}

void onRecordEnd(int /*terminator*/, void *state)
{
    auto *s = static_cast<ParseState *>(state);
    s->records.append({s->currentStartLine, s->current});
    s->current.clear();
}

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
    return Error{ErrorCode::Conflict, QStringLiteral("import cancelled; nothing was written")};
}

// Where each contact field is in the file.
struct ColumnMap
{
    QHash<QString, int> fieldColumn; // contact field -> column
    QSet<int> mapped;                // the columns above; every other one is a custom field
};

// Maps the header row to contact fields: the columns `options` names, else the first with a known header name.
Result<ColumnMap> mapHeader(const QStringList &header, const ImportOptions &options)
{
    ColumnMap map;
    for (auto it = knownHeaders().cbegin(); it != knownHeaders().cend(); ++it) {
        const QString wanted = options.columns.value(it.key());
        for (int c = 0; c < header.size(); ++c) {
            const QString key = headerKey(header.at(c));
            if (wanted.isEmpty() ? it.value().contains(key) : key == headerKey(wanted)) {
                map.fieldColumn.insert(it.key(), c);
                break;
            }
        }
        if (!wanted.isEmpty() && !map.fieldColumn.contains(it.key())) {
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("column '%1' (mapped to %2) is not in the header").arg(wanted, it.key())};
        }
    }
    if (!map.fieldColumn.contains(QStringLiteral("phone"))) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("no phone column in the header (%1); map one with "
                                                                "phone=COLUMN")
                                                     .arg(header.join(QStringLiteral(", ")))};
    }
    map.mapped = QSet<int>(map.fieldColumn.cbegin(), map.fieldColumn.cend());
    return map;
}

// The numbers a new row must not repeat.
struct KnownNumbers
{
    QSet<QString> inCampaign;
    QHash<QString, QString> suppressed; // phone -> why
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
    KnownNumbers known{existing.value(), {}};
    for (const storage::Suppression &entry : std::as_const(blocked.value())) {
        known.suppressed.insert(
            entry.phoneE164, QStringLiteral("%1, %2").arg(entry.source, entry.createdAt.date().toString(Qt::ISODate)));
    }
    return known;
}

struct Rejection
{
    QString reason;
};

// Checks data rows in file order, each against the header, the rows before it, the campaign and the suppression
// list.
class RowChecker
{
public:
    RowChecker(const QStringList &header, const ColumnMap &columns, const KnownNumbers &known,
               const ImportOptions &options)
        : m_header(header), m_columns(columns), m_known(known), m_campaignId(options.campaignId),
          m_util(*PhoneNumberUtil::GetInstance()), m_region(options.defaultRegion.toUpper().toStdString())
    {
    }

    // A mapped field as written, trimmed; empty when the field is not mapped.
    [[nodiscard]] QString field(const CsvRecord &record, const QString &name) const
    {
        return record.fields.value(m_columns.fieldColumn.value(name, -1)).trimmed();
    }

    // The contact the row describes, or why it is rejected; `rawPhone` is its phone field.
    std::variant<Contact, Rejection> check(const CsvRecord &record, const QString &rawPhone);

private:
    std::variant<QString, Rejection> newNumber(int line, const QString &rawPhone);

    const QStringList &m_header;
    const ColumnMap &m_columns;
    const KnownNumbers &m_known;
    qint64 m_campaignId;
    const PhoneNumberUtil &m_util;
    std::string m_region;         // for numbers written without +country code
    QHash<QString, int> m_seenAt; // phone -> line
};

std::variant<Contact, Rejection> RowChecker::check(const CsvRecord &record, const QString &rawPhone)
{
    if (record.fields.size() != m_header.size()) {
        return Rejection{
            QStringLiteral("has %1 fields, the header has %2").arg(record.fields.size()).arg(m_header.size())};
    }
    auto number = newNumber(record.line, rawPhone);
    if (auto *rejected = std::get_if<Rejection>(&number)) {
        return std::move(*rejected);
    }
    Contact contact;
    contact.campaignId = m_campaignId;
    contact.phoneE164 = std::get<QString>(number);
    contact.name = field(record, QStringLiteral("name"));
    const QString zone = field(record, QStringLiteral("time_zone"));
    if (!zone.isEmpty() && !QTimeZone::isTimeZoneIdAvailable(zone.toUtf8())) {
        return Rejection{QStringLiteral("unknown time zone '%1' (use an IANA name such as America/Chicago)").arg(zone)};
    }
    contact.timeZone = zone;
    contact.language = field(record, QStringLiteral("language"));
    for (int c = 0; c < m_header.size(); ++c) {
        if (!m_columns.mapped.contains(c) && !m_header.at(c).trimmed().isEmpty()) {
            contact.customFields.insert(m_header.at(c).trimmed(), record.fields.at(c));
        }
    }
    return contact;
}

// The number in E.164 when it is valid and new: not on an earlier line, in the campaign or suppressed. A valid
// number counts as seen on `line` even when the row is rejected for the campaign, the list or another field.
std::variant<QString, Rejection> RowChecker::newNumber(int line, const QString &rawPhone)
{
    if (rawPhone.isEmpty()) {
        return Rejection{QStringLiteral("no phone number")};
    }
    PhoneNumber number;
    if (m_util.Parse(rawPhone.toStdString(), m_region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
        return Rejection{QStringLiteral("invalid phone number: '%1' cannot be read as a number").arg(rawPhone)};
    }
    if (!m_util.IsValidNumber(number)) {
        return Rejection{
            QStringLiteral("invalid phone number: '%1' is not a valid number for its region").arg(rawPhone)};
    }
    std::string formatted;
    m_util.Format(number, PhoneNumberUtil::E164, &formatted);
    const QString e164 = QString::fromStdString(formatted);
    if (const auto seen = m_seenAt.constFind(e164); seen != m_seenAt.cend()) {
        return Rejection{QStringLiteral("duplicate in file: %1 is also on line %2").arg(e164).arg(*seen)};
    }
    m_seenAt.insert(e164, line);
    if (m_known.inCampaign.contains(e164)) {
        return Rejection{QStringLiteral("duplicate in campaign: %1 is already a contact").arg(e164)};
    }
    if (const auto why = m_known.suppressed.constFind(e164); why != m_known.suppressed.cend()) {
        return Rejection{QStringLiteral("suppressed: %1 is on the do-not-call list (%2)").arg(e164, *why)};
    }
    return e164;
}

// Checks the data rows (records after the header) into `report`; the contacts to write.
Result<QList<Contact>> checkRows(const QList<CsvRecord> &records, RowChecker &checker, const std::atomic_bool *cancel,
                                 ImportReport &report)
{
    QList<Contact> accepted;
    for (qsizetype r = 1; r < records.size(); ++r) {
        if (cancel && cancel->load()) {
            return cancelledError();
        }
        const CsvRecord &record = records.at(r);
        if (record.fields.size() == 1 && record.fields.constFirst().trimmed().isEmpty()) {
            continue; // a blank line
        }
        ++report.rows;
        const QString rawPhone = checker.field(record, QStringLiteral("phone"));
        auto checked = checker.check(record, rawPhone);
        if (const auto *rejected = std::get_if<Rejection>(&checked)) {
            report.rejected.append({record.line, rejected->reason, rawPhone});
        } else {
            accepted.append(std::get<Contact>(std::move(checked)));
        }
    }
    return accepted;
}

} // namespace

int ImportReport::rejectedCount(const QString &reasonPrefix) const
{
    return int(std::count_if(rejected.cbegin(), rejected.cend(),
                             [&](const RejectedRow &r) { return r.reason.startsWith(reasonPrefix); }));
}

Result<void> checkFileSize(qint64 bytes, const CsvLimits &limits)
{
    if (bytes > limits.maxFileBytes) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the file is %1, more than the %2 a contact file may "
                                                                "have; split it and import the parts")
                                                     .arg(byteSize(bytes), byteSize(limits.maxFileBytes))};
    }
    return {};
}

Result<QList<CsvRecord>> parseCsv(const QByteArray &csv, const CsvLimits &limits)
{
    if (auto sized = checkFileSize(csv.size(), limits); !sized) {
        return sized.error();
    }
    csv_parser parser{};
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        return Error{ErrorCode::Internal, QStringLiteral("cannot initialise the CSV parser")};
    }
    ParseState state;
    state.maxFieldBytes = limits.maxFieldBytes;
    const char *data = csv.constData();
    qsizetype offset = csv.startsWith("\xEF\xBB\xBF") ? 3 : 0; // UTF-8 byte order mark
    int line = 1;
    bool awaitingRecord = true;
    std::size_t consumedRecords = 0;
    qsizetype recordStart = offset;
    // Fed byte by byte so each record's first line is known exactly, even when quoted fields span lines.
    for (; offset < csv.size(); ++offset) {
        const char c = data[offset];
        if (awaitingRecord && c != '\n' && c != '\r') {
            state.currentStartLine = line;
            awaitingRecord = false;
            recordStart = offset;
        }
        if (!awaitingRecord && offset - recordStart >= limits.maxRecordBytes) {
            csv_free(&parser);
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("line %1: the record is longer than %2 (is a quoted field not closed?)")
                             .arg(state.currentStartLine)
                             .arg(byteSize(limits.maxRecordBytes))};
        }
        if (csv_parse(&parser, data + offset, 1, onField, onRecordEnd, &state) != 1) {
            const QString reason = QString::fromLatin1(csv_strerror(csv_error(&parser)));
            csv_free(&parser);
            return Error{ErrorCode::InvalidArgument, QStringLiteral("line %1: %2").arg(line).arg(reason)};
        }
        if (state.fieldTooLong) {
            csv_free(&parser);
            return Error{ErrorCode::InvalidArgument, QStringLiteral("line %1: a field is longer than %2")
                                                         .arg(state.currentStartLine)
                                                         .arg(byteSize(limits.maxFieldBytes))};
        }
        if (std::size_t(state.records.size()) != consumedRecords) {
            consumedRecords = std::size_t(state.records.size());
            awaitingRecord = true;
        }
        if (c == '\n') {
            ++line;
        }
    }
    const int finished = csv_fini(&parser, onField, onRecordEnd, &state);
    const QString reason = QString::fromLatin1(csv_strerror(csv_error(&parser)));
    csv_free(&parser);
    if (state.fieldTooLong) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("line %1: a field is longer than %2")
                                                     .arg(state.currentStartLine)
                                                     .arg(byteSize(limits.maxFieldBytes))};
    }
    if (finished != 0) {
        return Error{
            ErrorCode::InvalidArgument,
            QStringLiteral("line %1: %2 (a quoted field is not closed)").arg(state.currentStartLine).arg(reason)};
    }
    return state.records;
}

Result<ImportReport> ContactImporter::importCsv(const QByteArray &csv, const ImportOptions &options,
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
    auto parsed = parseCsv(csv, options.limits);
    if (!parsed) {
        return parsed.error();
    }
    const QList<CsvRecord> &records = parsed.value();
    if (records.isEmpty()) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the file is empty; a header row is required")};
    }
    const QStringList header = records.constFirst().fields;
    auto columns = mapHeader(header, options);
    if (!columns) {
        return columns.error();
    }
    auto known = loadKnownNumbers(m_database, options.campaignId);
    if (!known) {
        return known.error();
    }
    ImportReport report;
    RowChecker checker(header, columns.value(), known.value(), options);
    auto accepted = checkRows(records, checker, cancel, report);
    if (!accepted) {
        return accepted.error();
    }
    report.valid = int(accepted.value().size());
    if (options.dryRun || accepted.value().isEmpty()) {
        return report;
    }
    if (cancel && cancel->load()) {
        return cancelledError();
    }
    auto written = storage::ContactRepository(m_database).addMany(accepted.value());
    if (!written) {
        return written.error();
    }
    report.imported = int(written.value().size());
    logging::logger("vsc.contacts")
        ->info("campaign {}: imported {} contact(s), rejected {}", options.campaignId, report.imported,
               report.rejected.size());
    return report;
}

Result<ImportReport> ContactImporter::importCsv(const Actor &actor, const QByteArray &csv, const ImportOptions &options,
                                                const std::atomic_bool *cancel)
{
    if (auto allowed = auth::Authorizer(m_database)
                           .require(actor, Permission::ContactsImport, QStringLiteral("import contacts"),
                                    QStringLiteral("campaign"), options.campaignId);
        !allowed) {
        return allowed.error();
    }
    auto report = importCsv(csv, options, cancel);
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
        for (RejectedRow &row : report.value().rejected) {
            row.phone = maskPhoneNumber(row.phone);
        }
    }
    return report;
}

} // namespace vsc::services::contacts
