// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/campaigns/campaignlifecycle.h"

#include "services/storage/campaignrepository.h"
#include "services/storage/contactrepository.h"
#include "services/storage/scriptrepository.h"

namespace vsc::services::campaigns {

using storage::CampaignRepository;

bool CampaignLifecycle::isAllowed(CampaignStatus from, CampaignStatus to)
{
    using S = CampaignStatus;
    switch (from) {
    case S::Draft:
        return to == S::Ready || to == S::Stopped;
    case S::Ready:
        return to == S::Running || to == S::Draft || to == S::Stopped;
    case S::Running:
        return to == S::Paused || to == S::Completed || to == S::Stopped;
    case S::Paused:
        return to == S::Running || to == S::Completed || to == S::Stopped;
    case S::Completed:
        return to == S::Running; // new contacts or retries came due: dial again
    case S::Stopped:
        return false; // final
    }
    return false;
}

Result<Text> CampaignLifecycle::readinessProblem(qint64 campaignId)
{
    auto campaign = CampaignRepository(m_database).byId(campaignId);
    if (!campaign) {
        return campaign.error();
    }
    if (!campaign.value().scriptVersionId) {
        return Text{QT_TRANSLATE_NOOP("vsc", "the campaign has no survey script")};
    }
    auto questions = storage::ScriptRepository(m_database).questionCount(*campaign.value().scriptVersionId);
    if (!questions) {
        return questions.error();
    }
    if (questions.value() == 0) {
        return Text{QT_TRANSLATE_NOOP("vsc", "the campaign's script has no questions")};
    }
    if (campaign.value().callerId.trimmed().isEmpty()) {
        return Text{QT_TRANSLATE_NOOP("vsc", "the campaign has no caller ID to call from")};
    }
    auto callable = storage::ContactRepository(m_database).countCallable(campaignId, campaign.value().maxAttempts);
    if (!callable) {
        return callable.error();
    }
    if (callable.value() == 0) {
        return Text{QT_TRANSLATE_NOOP("vsc", "the campaign has no dialable contact")};
    }
    return Text{};
}

Result<void> CampaignLifecycle::transition(qint64 campaignId, CampaignStatus to, const Actor &actor)
{
    CampaignRepository campaigns(m_database);
    auto campaign = campaigns.byId(campaignId);
    if (!campaign) {
        return campaign.error();
    }
    CampaignStatus from = campaign.value().status;
    if (from == to) {
        return {};
    }
    if (from == CampaignStatus::Draft && to == CampaignStatus::Running) {
        if (auto ready = transition(campaignId, CampaignStatus::Ready, actor); !ready) {
            return ready;
        }
        from = CampaignStatus::Ready;
    }
    if (!isAllowed(from, to)) {
        return Error::because(ErrorCode::Conflict, Text{QT_TRANSLATE_NOOP("vsc", "a %1 campaign cannot become %2"),
                                                        {campaignStatusKey(from), campaignStatusKey(to)}});
    }
    if (to == CampaignStatus::Ready) {
        auto problem = readinessProblem(campaignId);
        if (!problem) {
            return problem.error();
        }
        if (!problem.value().isEmpty()) {
            return Error::because(ErrorCode::InvalidArgument, problem.value());
        }
    }
    return campaigns.setStatus(campaignId, to, actor);
}

} // namespace vsc::services::campaigns
