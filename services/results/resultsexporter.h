// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "services/reporting/aapor.h"
#include "services/storage/database.h"
#include "services/storage/resultsrepository.h"

#include <QString>

#include <atomic>
#include <functional>

class QIODevice;

namespace vsc::services::results {

enum class ExportFormat {
    Csv,  // UTF-8 with BOM (Excel then reads it as UTF-8), RFC 4180, formula-like cells neutralised
    Xlsx, // libxlsxwriter in constant-memory mode; text always as text cells, never formulas
    Sav,  // SPSS through ReadStat; choice and yes/no questions as coded numbers with value labels
};
std::optional<ExportFormat> exportFormatFromKey(const QString &key); // "csv", "xlsx", "sav"
QString exportFormatKey(ExportFormat format);

struct ExportRequest
{
    qint64 campaignId = 0;
    ExportFormat format = ExportFormat::Csv;
    QString path;                  // the file to write (replaced whole on success)
    QIODevice *device = nullptr;   // CSV only: write here instead of `path` (stdout)
    storage::ResultsFilter filter; // which contacts
    int pageSize = 2000;           // contacts read at a time
};

struct ExportSummary
{
    qint64 contacts = 0;
    qint64 rows = 0; // one per attempt of each contact; one for a contact never dialed
    bool numbersMasked = false;
};

// (contacts written, contacts in all); called after each page on the exporting thread.
using ExportProgress = std::function<void(qint64 done, qint64 total)>;

// The columns of every export, before one column per question (keyed by question key).
const QStringList &exportFixedColumns();

// The contact's AAPOR final disposition (docs/DISPOSITIONS.md) from a page read with Detail::Attempts.
reporting::Disposition aaporDisposition(const storage::ContactResult &contact);

// Writes a campaign's results, one row per call attempt of each contact (attempt number, the attempt's outcome,
// the contact's final disposition, the answers given in that attempt; a contact never dialed has one row without
// an attempt). Reads page by page, so memory stays flat at a million contacts. Needs results.export; audited
// (results.export, with format and counts; never the numbers). Without pii.view numbers and names are masked.
// Synchronous on the calling thread (with its own database connection); `cancel` may be set from any thread: the
// export then stops after the current page with Conflict and removes the partial file.
Result<ExportSummary> exportResults(storage::Database &database, const Actor &actor, const ExportRequest &request,
                                    const std::atomic_bool *cancel = nullptr, const ExportProgress &progress = {});

} // namespace vsc::services::results
