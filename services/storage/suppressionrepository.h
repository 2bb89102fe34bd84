// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace vsc::services::storage {

class Database;

// A number that must not be called: globally (no campaign) or for one campaign.
struct Suppression
{
    QString phoneE164;
    std::optional<qint64> campaignId; // empty: every campaign
    QString reason;
    QString source; // "in_call_opt_out", "import", "manual"
    QDateTime createdAt;
    qint64 id = 0;                     // read back; ignored by add()
    std::optional<qint64> createdBy{}; // the users row of who added it, when a user did
    QString createdByName{};           // who added it as the audit log names them ("ada", "os:alice"); empty: the call
    QString campaignName{};            // read back: the campaign's name for a per-campaign entry
};

// What list() returns; every field narrows, empty fields do not.
struct SuppressionFilter
{
    QString numberFragment;           // part of the E.164 number ("555", "+1415")
    std::optional<qint64> campaignId; // entries that cover it: its own and the global ones
    bool globalOnly = false;          // only entries for every campaign
    QString source;
    std::optional<qint64> beforeId; // keyset paging, newest first
    int limit = 1000;
};

// The do-not-call list (suppression_list). Synchronous, calling thread.
class SuppressionRepository final
{
public:
    explicit SuppressionRepository(Database &database) : m_database(database) {}

    Result<void> add(const Suppression &entry);
    // Adds and returns the new id; a number already on the list for the same scope is Conflict.
    Result<qint64> insert(const Suppression &entry);
    // Adds every entry in one transaction (all or none); for each, whether it was new (false: already listed).
    Result<QList<bool>> insertMany(const QList<Suppression> &entries);
    // Removes the entry and returns it as it was; NotFound when there is none.
    Result<Suppression> remove(qint64 id);
    Result<Suppression> byId(qint64 id);
    // Every entry that covers `campaignId` (its own and the global ones), by number.
    Result<QHash<QString, Suppression>> coveringCampaign(qint64 campaignId);
    // Every entry, newest first.
    Result<QList<Suppression>> all();
    // The entries `filter` selects, newest first.
    Result<QList<Suppression>> list(const SuppressionFilter &filter);

private:
    Database &m_database;
};

} // namespace vsc::services::storage
