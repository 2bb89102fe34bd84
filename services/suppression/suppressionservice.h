// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "models/text.h"
#include "services/storage/database.h"
#include "services/storage/suppressionrepository.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace vsc::services::suppression {

// A number to add, as a person wrote it.
struct NewSuppression
{
    QString phone; // any format libphonenumber reads with `defaultRegion`
    QString defaultRegion = QStringLiteral("US");
    std::optional<qint64> campaignId; // empty: every campaign
    QString reason;
    QString source = QStringLiteral("manual"); // "manual", "import", "in_call_opt_out"
};

struct SuppressionImportOptions
{
    QString defaultRegion = QStringLiteral("US");
    std::optional<qint64> campaignId; // for rows without a campaign column value; empty: every campaign
    QString reason;                   // for rows without a reason
};

struct SuppressionRejectedRow
{
    int line = 0; // where the record starts in the file
    QString reason;
    QString phone;   // as written (masked without pii.view)
    Text reasonText; // `reason` for ui/ to translate
};

struct SuppressionImportReport
{
    int rows = 0;                           // data records read
    int added = 0;                          // written
    QList<SuppressionRejectedRow> rejected; // every row not added, with its line: nothing is dropped silently
};

// The do-not-call list for people. Reading needs contacts.view or suppression.manage (numbers masked without
// pii.view); adding, removing and importing need suppression.manage and are audited (the number masked in the log).
// Synchronous; runs on the calling thread with that thread's database connection.
class SuppressionService final
{
public:
    explicit SuppressionService(storage::Database &database) : m_database(database) {}

    // The number normalised to E.164; InvalidArgument for a bad number, Conflict when it is already listed for that
    // scope, NotFound for a campaign that does not exist. Returns the new entry's id.
    Result<qint64> add(const Actor &actor, const NewSuppression &entry);
    // An entry already in E.164 (the older entry point).
    Result<void> add(const Actor &actor, const storage::Suppression &entry);
    // Removes one entry; audited with the entry as it was.
    Result<void> remove(const Actor &actor, qint64 id);
    // CSV with a phone column (Phone, Number, Telephone, ...) and optional `campaign` (id; empty: the options'
    // scope) and `reason` columns. Rows that cannot be added (bad number, unknown campaign, already listed, twice in
    // the file, wrong field count) are reported with their line; the others are written in one transaction.
    Result<SuppressionImportReport> importCsv(const Actor &actor, const QByteArray &csv,
                                              const SuppressionImportOptions &options);
    Result<QList<storage::Suppression>> list(const Actor &actor, const storage::SuppressionFilter &filter = {});
    // The entries `filter` selects as CSV (UTF-8 with BOM, RFC 4180): number, scope, campaign_id, campaign, reason,
    // source, added_at, added_by. Audited.
    Result<QByteArray> exportCsv(const Actor &actor, const storage::SuppressionFilter &filter = {});

private:
    Result<void> mayRead(const Actor &actor, const QString &action);
    storage::Database &m_database;
};

} // namespace vsc::services::suppression
