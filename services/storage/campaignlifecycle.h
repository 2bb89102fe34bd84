// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaign.h"
#include "database.h"
#include "result.h"

#include <optional>

namespace vsc::services::storage {

// The campaign lifecycle: draft -> ready -> running <-> paused -> completed / stopped.
// A campaign becomes ready only with a runnable script version and at least one dialable contact; starting a draft
// makes it ready first. Every change is audited (in the same transaction). Synchronous, calling thread.
class CampaignLifecycle final
{
public:
    explicit CampaignLifecycle(Database &database) : m_database(database) {}

    static bool isAllowed(CampaignStatus from, CampaignStatus to);
    // Why the campaign cannot be ready, or an empty string when it can.
    Result<QString> readinessProblem(qint64 campaignId);
    Result<void> transition(qint64 campaignId, CampaignStatus to, std::optional<qint64> actorUserId = std::nullopt);

private:
    Database &m_database;
};

} // namespace vsc::services::storage
