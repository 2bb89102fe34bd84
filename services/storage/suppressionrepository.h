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
};

// The do-not-call list (suppression_list). Synchronous, calling thread.
class SuppressionRepository final
{
public:
    explicit SuppressionRepository(Database &database) : m_database(database) {}

    Result<void> add(const Suppression &entry);
    // Every entry that covers `campaignId` (its own and the global ones), by number.
    Result<QHash<QString, Suppression>> coveringCampaign(qint64 campaignId);
    // Every entry, newest first.
    Result<QList<Suppression>> all();

private:
    Database &m_database;
};

} // namespace vsc::services::storage
