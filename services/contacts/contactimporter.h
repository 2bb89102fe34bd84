// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "models/text.h"
#include "services/contacts/csvreader.h"
#include "services/storage/database.h"

#include <QByteArray>
#include <QHash>
#include <QIODevice>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace vsc::services::contacts {

// How far an import has got. Counts are data records (the header and blank lines excluded).
struct ImportProgress
{
    qint64 bytesRead = 0;
    qint64 totalBytes = 0; // 0 when unknown (a pipe)
    qint64 rows = 0;       // read and checked
    qint64 valid = 0;      // accepted (written, or to be written at the end of a dry run)
    qint64 rejected = 0;
};

struct ImportOptions
{
    qint64 campaignId = 0;
    QString defaultRegion = QStringLiteral("US"); // ISO 3166 region for numbers written without +country code
    // Contact field -> CSV column header: "phone", "name", "time_zone", "language". Unmapped fields are found by
    // common header names (Phone, Telephone, Mobile, Name, Time zone, ...); every other column becomes a custom field
    // unless it is in `ignoredColumns`.
    QHash<QString, QString> columns;
    QStringList ignoredColumns; // headers of columns neither mapped nor kept as custom fields
    bool dryRun = false;        // validate and count, write nothing
    CsvLimits limits;
    // Called on the importing thread after each batch of rows (a few thousand) and once at the end; keep it short
    // (post it to another thread). Not called for a file refused whole.
    std::function<void(const ImportProgress &)> progress;
    int threads = 0; // validation threads; 0 = one per core
};

enum class RejectKind {
    Malformed,           // a field count that differs from the header's
    NoPhone,             // an empty phone field
    InvalidPhone,        // not a number, or not a valid one for its region
    InvalidField,        // another field (an unknown time zone)
    DuplicateInFile,     // the same number (after normalising) on an earlier line
    DuplicateInCampaign, // already a contact of the campaign
    Suppressed,          // on the do-not-call list (global or the campaign's)
};

struct RejectedRow
{
    int line = 0; // the PHYSICAL line where the record starts in the file (1-based; a quoted field may span lines)
    QString reason;
    QString phone; // as written in the file
    RejectKind kind = RejectKind::Malformed;
    QString phoneE164;   // the normalised number when it could be read (duplicates, suppressed)
    int duplicateOf = 0; // DuplicateInFile: the line the number was first seen on
    QStringList fields;  // the record as written, for the reject report
    Text reasonText;     // `reason` for ui/ to translate
};

struct ImportReport
{
    int rows = 0;     // data records read (the header excluded)
    int imported = 0; // written (0 in a dry run)
    int valid = 0;    // would be written
    QStringList header;
    int phoneColumn = -1; // in `header`
    int nameColumn = -1;
    QList<RejectedRow> rejected; // in file order

    [[nodiscard]] int rejectedCount(const QString &reasonPrefix) const;
    [[nodiscard]] int count(RejectKind kind) const;
};

// Imports contacts from CSV (RFC 4180: quoted fields with commas, quotes and newlines, UTF-8 BOM, CRLF) into a
// campaign: phone numbers normalised to E.164 with libphonenumber, duplicates within the file and against the
// campaign, numbers on the suppression list and malformed rows rejected and reported with their line numbers.
//
//   device ─► CsvReader (this thread, a block at a time) ─► chunks of records ─► QThreadPool (parse, validate,
//   format on every core) ─► results in file order (this thread: duplicates, campaign, suppression) ─► writer
//   (PostgreSQL COPY / SQLite batched INSERTs, while the pool validates the next chunks)
//
// Memory stays bounded by the chunks in flight plus the numbers seen (8 bytes each) and the rejected rows. All
// accepted rows are written in one transaction, so a failed or cancelled import leaves nothing behind. A campaign
// that does not exist is NotFound, also in a dry run; a cancelled import is Conflict ("import cancelled; nothing was
// written").
// Synchronous; runs on the calling thread (with its database connection) and a pool of its own; `cancel` may be set
// from any thread.
class ContactImporter final
{
public:
    explicit ContactImporter(storage::Database &database) : m_database(database) {}

    // Reads `device` (open for reading) to its end.
    Result<ImportReport> importCsv(QIODevice &device, const ImportOptions &options,
                                   const std::atomic_bool *cancel = nullptr);
    Result<ImportReport> importCsv(const QByteArray &csv, const ImportOptions &options,
                                   const std::atomic_bool *cancel = nullptr);
    // For an actor: needs contacts.import; an import that writes is audited (counts, never the numbers). Without
    // pii.view the rejected rows' numbers and fields are masked.
    Result<ImportReport> importCsv(const Actor &actor, QIODevice &device, const ImportOptions &options,
                                   const std::atomic_bool *cancel = nullptr);
    Result<ImportReport> importCsv(const Actor &actor, const QByteArray &csv, const ImportOptions &options,
                                   const std::atomic_bool *cancel = nullptr);
    // importCsv(actor, ...) on a file; refuses one over options.limits before reading it.
    Result<ImportReport> importFile(const Actor &actor, const QString &path, const ImportOptions &options,
                                    const std::atomic_bool *cancel = nullptr);

private:
    storage::Database &m_database;
};

// The contact field ("phone", "name", "time_zone", "language") a header names by its common spelling, else empty.
QString guessField(const QString &header);
// The ISO 3166 regions libphonenumber knows, sorted ("AD" ... "ZW").
QStringList supportedRegions();

// Validation alone, as the import does it on every core (read, parse, validate, format, duplicates within the file),
// without a database: the ceiling an import is measured against (bench/bench_import). Same rules as a dry run
// without the campaign and suppression checks.
Result<ImportReport> validateCsv(QIODevice &device, const ImportOptions &options,
                                 const std::atomic_bool *cancel = nullptr);

// The reject report: a CSV with `line`, `reason`, then the file's own columns as the row had them.
Result<void> writeRejectReport(const ImportReport &report, QIODevice &out);
Result<void> writeRejectReport(const ImportReport &report, const QString &path);

} // namespace vsc::services::contacts
