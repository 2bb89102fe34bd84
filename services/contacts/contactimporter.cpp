// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/contacts/contactimporter.h"

#include "models/contact.h"
#include "services/logging/logging.h"
#include "services/storage/contactrepository.h"
#include "services/storage/suppressionrepository.h"

#include <QSet>
#include <QTimeZone>

#include <csv.h>
#include <phonenumbers/phonenumberutil.h>

namespace vsc::services::contacts {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

struct ParseState
{
    QList<CsvRecord> records;
    QStringList current;
    int currentStartLine = 1;
};

void onField(void *data, std::size_t length, void *state)
{
    auto *s = static_cast<ParseState *>(state);
    s->current.append(QString::fromUtf8(static_cast<const char *>(data), qsizetype(length)));
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

} // namespace

int ImportReport::rejectedCount(const QString &reasonPrefix) const
{
    return int(std::count_if(rejected.cbegin(), rejected.cend(),
                             [&](const RejectedRow &r) { return r.reason.startsWith(reasonPrefix); }));
}

Result<QList<CsvRecord>> parseCsv(const QByteArray &csv)
{
    csv_parser parser{};
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        return Error{ErrorCode::Internal, QStringLiteral("cannot initialise the CSV parser")};
    }
    ParseState state;
    const char *data = csv.constData();
    qsizetype offset = csv.startsWith("\xEF\xBB\xBF") ? 3 : 0; // UTF-8 byte order mark
    int line = 1;
    bool awaitingRecord = true;
    std::size_t consumedRecords = 0;
    // Fed byte by byte so each record's first line is known exactly, even when quoted fields span lines.
    for (; offset < csv.size(); ++offset) {
        const char c = data[offset];
        if (awaitingRecord && c != '\n' && c != '\r') {
            state.currentStartLine = line;
            awaitingRecord = false;
        }
        if (csv_parse(&parser, data + offset, 1, onField, onRecordEnd, &state) != 1) {
            const QString reason = QString::fromLatin1(csv_strerror(csv_error(&parser)));
            csv_free(&parser);
            return Error{ErrorCode::InvalidArgument, QStringLiteral("line %1: %2").arg(line).arg(reason)};
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
    auto parsed = parseCsv(csv);
    if (!parsed) {
        return parsed.error();
    }
    const QList<CsvRecord> &records = parsed.value();
    if (records.isEmpty()) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the file is empty; a header row is required")};
    }
    // Map the header row to contact fields.
    const QStringList header = records.constFirst().fields;
    QHash<QString, int> fieldColumn;
    for (auto it = knownHeaders().cbegin(); it != knownHeaders().cend(); ++it) {
        const QString wanted = options.columns.value(it.key());
        for (int c = 0; c < header.size(); ++c) {
            const QString key = headerKey(header.at(c));
            if (wanted.isEmpty() ? it.value().contains(key) : key == headerKey(wanted)) {
                fieldColumn.insert(it.key(), c);
                break;
            }
        }
        if (!wanted.isEmpty() && !fieldColumn.contains(it.key())) {
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("column '%1' (mapped to %2) is not in the header").arg(wanted, it.key())};
        }
    }
    if (!fieldColumn.contains(QStringLiteral("phone"))) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("no phone column in the header (%1); map one with "
                                                                "phone=COLUMN")
                                                     .arg(header.join(QStringLiteral(", ")))};
    }
    const QSet<int> mapped(fieldColumn.cbegin(), fieldColumn.cend());

    // What the campaign and the suppression list already hold.
    auto existing = storage::ContactRepository(m_database).phonesInCampaign(options.campaignId);
    if (!existing) {
        return existing.error();
    }
    const QSet<QString> &inCampaign = existing.value();
    auto blocked = storage::SuppressionRepository(m_database).coveringCampaign(options.campaignId);
    if (!blocked) {
        return blocked.error();
    }
    QHash<QString, QString> suppressed; // phone -> why
    for (const storage::Suppression &entry : std::as_const(blocked.value())) {
        suppressed.insert(entry.phoneE164,
                          QStringLiteral("%1, %2").arg(entry.source, entry.createdAt.date().toString(Qt::ISODate)));
    }

    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    const std::string region = options.defaultRegion.toUpper().toStdString();
    ImportReport report;
    QList<Contact> accepted;
    QHash<QString, int> seenAt; // phone -> line
    for (qsizetype r = 1; r < records.size(); ++r) {
        if (cancel && cancel->load()) {
            return Error{ErrorCode::Conflict, QStringLiteral("import cancelled; nothing was written")};
        }
        const CsvRecord &record = records.at(r);
        if (record.fields.size() == 1 && record.fields.constFirst().trimmed().isEmpty()) {
            continue; // a blank line
        }
        ++report.rows;
        const QString rawPhone = record.fields.value(fieldColumn.value(QStringLiteral("phone"))).trimmed();
        auto reject = [&](const QString &reason) { report.rejected.append({record.line, reason, rawPhone}); };
        if (record.fields.size() != header.size()) {
            reject(QStringLiteral("has %1 fields, the header has %2").arg(record.fields.size()).arg(header.size()));
            continue;
        }
        if (rawPhone.isEmpty()) {
            reject(QStringLiteral("no phone number"));
            continue;
        }
        PhoneNumber number;
        if (util.Parse(rawPhone.toStdString(), region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
            reject(QStringLiteral("invalid phone number: '%1' cannot be read as a number").arg(rawPhone));
            continue;
        }
        if (!util.IsValidNumber(number)) {
            reject(QStringLiteral("invalid phone number: '%1' is not a valid number for its region").arg(rawPhone));
            continue;
        }
        std::string formatted;
        util.Format(number, PhoneNumberUtil::E164, &formatted);
        const QString e164 = QString::fromStdString(formatted);
        if (const auto seen = seenAt.constFind(e164); seen != seenAt.cend()) {
            reject(QStringLiteral("duplicate in file: %1 is also on line %2").arg(e164).arg(*seen));
            continue;
        }
        seenAt.insert(e164, record.line);
        if (inCampaign.contains(e164)) {
            reject(QStringLiteral("duplicate in campaign: %1 is already a contact").arg(e164));
            continue;
        }
        if (const auto why = suppressed.constFind(e164); why != suppressed.cend()) {
            reject(QStringLiteral("suppressed: %1 is on the do-not-call list (%2)").arg(e164, *why));
            continue;
        }
        Contact contact;
        contact.campaignId = options.campaignId;
        contact.phoneE164 = e164;
        contact.name = record.fields.value(fieldColumn.value(QStringLiteral("name"), -1)).trimmed();
        const QString zone = record.fields.value(fieldColumn.value(QStringLiteral("time_zone"), -1)).trimmed();
        if (!zone.isEmpty() && !QTimeZone::isTimeZoneIdAvailable(zone.toUtf8())) {
            reject(QStringLiteral("unknown time zone '%1' (use an IANA name such as America/Chicago)").arg(zone));
            continue;
        }
        contact.timeZone = zone;
        contact.language = record.fields.value(fieldColumn.value(QStringLiteral("language"), -1)).trimmed();
        for (int c = 0; c < header.size(); ++c) {
            if (!mapped.contains(c) && !header.at(c).trimmed().isEmpty()) {
                contact.customFields.insert(header.at(c).trimmed(), record.fields.at(c));
            }
        }
        accepted.append(contact);
    }
    report.valid = int(accepted.size());
    if (options.dryRun || accepted.isEmpty()) {
        return report;
    }
    if (cancel && cancel->load()) {
        return Error{ErrorCode::Conflict, QStringLiteral("import cancelled; nothing was written")};
    }
    auto written = storage::ContactRepository(m_database).addMany(accepted);
    if (!written) {
        return written.error();
    }
    report.imported = int(written.value().size());
    logging::logger("vsc.contacts")
        ->info("campaign {}: imported {} contact(s), rejected {}", options.campaignId, report.imported,
               report.rejected.size());
    return report;
}

} // namespace vsc::services::contacts
