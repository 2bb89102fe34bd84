// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "services/storage/database.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <atomic>

namespace vsc::services::contacts {

// How large a contact file may be. A file that breaks one is refused whole, with the line for a record or field, so
// a stray binary file or a runaway quoted field cannot take the memory of the process.
struct CsvLimits
{
    qsizetype maxFileBytes = qsizetype(256) * 1024 * 1024; // a few million ordinary rows
    qsizetype maxRecordBytes = qsizetype(64) * 1024;       // one record (row), quoted newlines included
    qsizetype maxFieldBytes = qsizetype(8) * 1024;         // one field
};

struct ImportOptions
{
    qint64 campaignId = 0;
    QString defaultRegion = QStringLiteral("US"); // ISO 3166 region for numbers written without +country code
    // Contact field -> CSV column header: "phone", "name", "time_zone", "language". Unmapped fields are found by
    // common header names (Phone, Telephone, Mobile, Name, Time zone, ...); every other column becomes a custom field.
    QHash<QString, QString> columns;
    bool dryRun = false; // validate and count, write nothing
    CsvLimits limits;
};

struct RejectedRow
{
    int line = 0; // where the record starts in the file (1-based; a quoted field may span lines)
    QString reason;
    QString phone; // as written in the file
};

struct ImportReport
{
    int rows = 0;     // data records read (the header excluded)
    int imported = 0; // written (0 in a dry run)
    int valid = 0;    // would be written
    QList<RejectedRow> rejected;

    [[nodiscard]] int rejectedCount(const QString &reasonPrefix) const;
};

// Imports contacts from CSV (RFC 4180: quoted fields with commas, quotes and newlines, UTF-8 BOM, CRLF) into a
// campaign: phone numbers normalised to E.164 with libphonenumber, duplicates within the file and against the
// campaign, numbers on the suppression list and malformed rows rejected and reported with their line numbers.
// All accepted rows are written in one transaction, so a failed or cancelled import leaves nothing behind. A campaign
// that does not exist is NotFound, also in a dry run.
// Synchronous; runs on the calling thread; `cancel` may be set from another thread.
class ContactImporter final
{
public:
    explicit ContactImporter(storage::Database &database) : m_database(database) {}

    Result<ImportReport> importCsv(const QByteArray &csv, const ImportOptions &options,
                                   const std::atomic_bool *cancel = nullptr);
    // For an actor: needs contacts.import; an import that writes is audited (counts, never the numbers). Without
    // pii.view the rejected rows' numbers are masked.
    Result<ImportReport> importCsv(const Actor &actor, const QByteArray &csv, const ImportOptions &options,
                                   const std::atomic_bool *cancel = nullptr);

private:
    storage::Database &m_database;
};

// One CSV record with the line it starts on.
struct CsvRecord
{
    int line = 0;
    QStringList fields;
};

// RFC 4180 parsing through libcsv in strict mode; a malformed file, or one over `limits`, is an InvalidArgument error
// naming the line.
Result<QList<CsvRecord>> parseCsv(const QByteArray &csv, const CsvLimits &limits = {});
// InvalidArgument naming the size and the limit when a file of `bytes` is over it.
Result<void> checkFileSize(qint64 bytes, const CsvLimits &limits);

} // namespace vsc::services::contacts
