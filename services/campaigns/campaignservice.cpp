// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/campaigns/campaignservice.h"

#include "services/auth/authorizer.h"
#include "services/campaigns/campaignlifecycle.h"
#include "services/storage/campaignrepository.h"

namespace vsc::services::campaigns {

Result<QList<CampaignSummary>> CampaignService::summaries(const Actor &actor)
{
    if (!actor.isSignedIn()) {
        return Error{ErrorCode::Unauthenticated, QStringLiteral("sign in to see campaigns")};
    }
    return storage::CampaignRepository(m_database).summaries();
}

Result<qint64> CampaignService::create(const Actor &actor, const Campaign &campaign)
{
    if (auto allowed =
            auth::Authorizer(m_database).require(actor, Permission::CampaignEdit, QStringLiteral("create a campaign"));
        !allowed) {
        return allowed.error();
    }
    return storage::CampaignRepository(m_database).create(campaign, actor);
}

Result<void> CampaignService::transition(const Actor &actor, qint64 campaignId, CampaignStatus to)
{
    if (auto allowed = auth::Authorizer(m_database)
                           .require(actor, Permission::CampaignRun, QStringLiteral("change a campaign's status"),
                                    QStringLiteral("campaign"), campaignId);
        !allowed) {
        return allowed;
    }
    return CampaignLifecycle(m_database).transition(campaignId, to, actor);
}

} // namespace vsc::services::campaigns
