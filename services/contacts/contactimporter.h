// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/storage/database.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <atomic>

namespace vsc::services::contacts {

struct ImportOptions
{
    qint64 campaignId = 0;
    QString defaultRegion = QStringLiteral("US"); // ISO 3166 region for numbers written without +country code
    // Contact field -> CSV column header: "phone", "name", "time_zone", "language". Unmapped fields are found by
    // common header names (Phone, Telephone, Mobile, Name, Time zone, ...); every other column becomes a custom field.
    QHash<QString, QString> columns;
    bool dryRun = false; // validate and count, write nothing
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
// All accepted rows are written in one transaction, so a failed or cancelled import leaves nothing behind.
// Synchronous; runs on the calling thread; `cancel` may be set from another thread.
class ContactImporter final
{
public:
    explicit ContactImporter(storage::Database &database) : m_database(database) {}

    Result<ImportReport> importCsv(const QByteArray &csv, const ImportOptions &options,
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

// RFC 4180 parsing through libcsv in strict mode; a malformed file is an error naming the line.
Result<QList<CsvRecord>> parseCsv(const QByteArray &csv);

} // namespace vsc::services::contacts
