// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/campaign.h"
#include "models/result.h"
#include "services/storage/database.h"

#include <QList>

#include <optional>

namespace vsc::services::storage {

// Campaign rows and the Campaigns pane's summaries. Synchronous, calling thread.
class CampaignRepository final
{
public:
    explicit CampaignRepository(Database &database) : m_database(database) {}

    Result<qint64> create(const Campaign &campaign, const Actor &actor);
    Result<Campaign> byId(qint64 id);
    Result<std::optional<Campaign>> byName(const QString &name);
    Result<QList<CampaignSummary>> summaries();
    // Changes the status and writes the audit entry in the same transaction.
    Result<void> setStatus(qint64 id, CampaignStatus status, const Actor &actor);

private:
    Database &m_database;
};

} // namespace vsc::services::storage
