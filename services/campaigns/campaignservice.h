// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/campaign.h"
#include "models/result.h"
#include "services/storage/database.h"

namespace vsc::services::campaigns {

// Campaigns for people: creating and editing needs campaign.edit, changing a campaign's status campaign.run.
// Both are recorded as the actor's in the audit log.
class CampaignService final
{
public:
    explicit CampaignService(storage::Database &database) : m_database(database) {}

    Result<QList<CampaignSummary>> summaries(const Actor &actor);
    Result<qint64> create(const Actor &actor, const Campaign &campaign);
    Result<void> transition(const Actor &actor, qint64 campaignId, CampaignStatus to);

private:
    storage::Database &m_database;
};

} // namespace vsc::services::campaigns
