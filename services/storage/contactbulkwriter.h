// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/storage/database.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace vsc::services::storage {

// One new contact as the bulk writer takes it: text ready to store (custom fields already JSON, empty for none).
struct ContactRow
{
    QString phoneE164;
    QString name;
    QString timeZone;
    QString language;
    QByteArray customFieldsJson;
};

// Writes many contacts into one campaign as one all-or-nothing unit: begin() opens a transaction on the calling
// thread's connection, write() adds batches, commit() makes them visible; destroyed without commit() (a cancel, a
// failed batch) it rolls everything back. PostgreSQL streams the rows with COPY ... FROM STDIN through libpq (the
// QPSQL connection's own PGconn, inside its transaction), in statements of about 20,000 rows sent by a thread of its
// own; SQLite runs one prepared multi-row INSERT per 500 rows.
// The caller checks duplicates and suppression beforehand; the unique (campaign, phone) key still refuses a row
// another writer added meanwhile, failing the whole unit. Called from one thread; PostgreSQL's sending overlaps with
// the caller's work.
class ContactBulkWriter
{
public:
    virtual ~ContactBulkWriter() = default;
    Q_DISABLE_COPY_MOVE(ContactBulkWriter)

    static Result<std::unique_ptr<ContactBulkWriter>> begin(Database &database, qint64 campaignId);

    virtual Result<void> write(const QList<ContactRow> &rows) = 0;
    // Ends the stream and commits; the number of rows written.
    virtual Result<qint64> commit() = 0;

protected:
    ContactBulkWriter() = default;
};

} // namespace vsc::services::storage
