// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/campaign.h"
#include "models/result.h"
#include "services/storage/database.h"

#include <optional>

namespace vsc::services::campaigns {

// The campaign lifecycle: draft -> ready -> running <-> paused -> completed / stopped.
// A campaign becomes ready only with a runnable script version and at least one dialable contact; starting a draft
// makes it ready first. Every change is audited (in the same transaction). The rules live here; the rows in
// storage::CampaignRepository. Synchronous, calling thread.
class CampaignLifecycle final
{
public:
    explicit CampaignLifecycle(storage::Database &database) : m_database(database) {}

    static bool isAllowed(CampaignStatus from, CampaignStatus to);
    // Why the campaign cannot be ready, or an empty Text when it can.
    Result<Text> readinessProblem(qint64 campaignId);
    Result<void> transition(qint64 campaignId, CampaignStatus to, const Actor &actor);

private:
    storage::Database &m_database;
};

} // namespace vsc::services::campaigns
