// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "contact.h"
#include "database.h"
#include "result.h"

#include <QList>

namespace vsc::services::storage {

// Contact rows. Synchronous, calling thread.
class ContactRepository final
{
public:
    explicit ContactRepository(Database &database) : m_database(database) {}

    Result<qint64> add(const Contact &contact);
    // All rows or none, in one transaction, with multi-row INSERTs (per-row inserts are ~20x slower on PostgreSQL).
    Result<QList<qint64>> addMany(const QList<Contact> &contacts);
    Result<Contact> byId(qint64 id);
    // Keyset paging: rows with id > afterId, ordered by id.
    Result<QList<Contact>> page(qint64 campaignId, qint64 afterId, int limit);
    Result<int> count(qint64 campaignId);
    Result<void> setStatus(qint64 id, ContactStatus status);

private:
    Database &m_database;
};

} // namespace vsc::services::storage
