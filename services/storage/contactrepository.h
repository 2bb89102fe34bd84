// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/contact.h"
#include "models/result.h"
#include "services/storage/database.h"

#include <QList>
#include <QSet>

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
    // Status and attempts together, e.g. for history written outside the dialer (the demo).
    Result<void> setProgress(qint64 id, ContactStatus status, int attemptsCount);
    // Pending contacts with attempts left that are not suppressed (whatever their calling window or retry time).
    Result<int> countCallable(qint64 campaignId, int maxAttempts);
    // The numbers the campaign already holds (duplicate checks on import).
    Result<QSet<QString>> phonesInCampaign(qint64 campaignId);

private:
    Database &m_database;
};

} // namespace vsc::services::storage
