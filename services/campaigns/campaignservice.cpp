// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/campaigns/campaignservice.h"

#include "services/auth/authorizer.h"
#include "services/campaigns/campaignjson.h"
#include "services/campaigns/campaignlifecycle.h"
#include "services/campaigns/campaignvalidation.h"
#include "services/settings/twiliosettings.h"
#include "services/storage/campaignrepository.h"
#include "services/storage/scriptrepository.h"
#include "services/storage/settingsrepository.h"

namespace vsc::services::campaigns {
namespace {

Result<void> requireSignedIn(const Actor &actor)
{
    if (!actor.isSignedIn()) {
        return Error{ErrorCode::Unauthenticated, QStringLiteral("sign in to see campaigns")};
    }
    return {};
}

} // namespace

QString CampaignService::problemsText(const QList<FieldProblem> &problems)
{
    QStringList lines;
    for (const FieldProblem &p : problems) {
        lines << QStringLiteral("%1: %2").arg(p.field, p.message);
    }
    return lines.join(u'\n');
}

Result<QList<CampaignSummary>> CampaignService::summaries(const Actor &actor, Archived archived)
{
    if (auto signedIn = requireSignedIn(actor); !signedIn) {
        return signedIn.error();
    }
    return storage::CampaignRepository(m_database)
        .summaries(archived == Archived::Shown ? storage::CampaignRepository::Archived::Shown
                                               : storage::CampaignRepository::Archived::Hidden);
}

Result<Campaign> CampaignService::campaign(const Actor &actor, qint64 campaignId)
{
    if (auto signedIn = requireSignedIn(actor); !signedIn) {
        return signedIn.error();
    }
    return storage::CampaignRepository(m_database).byId(campaignId);
}

Result<QList<FieldProblem>> CampaignService::validate(const Campaign &campaign)
{
    QList<FieldProblem> problems = validateCampaign(campaign);
    if (!campaign.name.trimmed().isEmpty()) {
        auto taken = storage::CampaignRepository(m_database).nameTaken(campaign.name, campaign.id);
        if (!taken) {
            return taken.error();
        }
        if (taken.value()) {
            problems.prepend(FieldProblem::of(
                field::name, Text{QT_TRANSLATE_NOOP("vsc", "another campaign is called \"%1\"; choose another name"),
                                  {campaign.name}}));
        }
    }
    // Dialing through Twilio: the caller ID must be one the account may call from (as its last connection test found).
    if (!campaign.callerId.isEmpty()) {
        auto values = storage::SettingsRepository(m_database).values(QStringLiteral("twilio."));
        if (!values) {
            return values.error();
        }
        if (const QString problem =
                settings::TwilioSettings::fromValues(values.value()).callerIdProblem(campaign.callerId);
            !problem.isEmpty()) {
            problems.append({field::callerId, problem});
        }
    }
    if (campaign.scriptVersionId) {
        auto version = storage::ScriptRepository(m_database).version(*campaign.scriptVersionId);
        if (!version && version.error().code == ErrorCode::NotFound) {
            problems.append(FieldProblem::of(
                field::scriptVersion, Text{QT_TRANSLATE_NOOP("vsc", "no script version %1; choose a stored script"),
                                           {QString::number(*campaign.scriptVersionId)}}));
        } else if (!version) {
            return version.error();
        }
    }
    return problems;
}

Result<qint64> CampaignService::create(const Actor &actor, const Campaign &campaign)
{
    if (auto allowed =
            auth::Authorizer(m_database).require(actor, Permission::CampaignEdit, QStringLiteral("create a campaign"));
        !allowed) {
        return allowed.error();
    }
    Campaign draft = campaign;
    draft.id = 0;
    draft.status = CampaignStatus::Draft;
    draft.archivedAt = {};
    auto problems = validate(draft);
    if (!problems) {
        return problems.error();
    }
    if (!problems.value().isEmpty()) {
        return Error{ErrorCode::InvalidArgument, problemsText(problems.value())};
    }
    return storage::CampaignRepository(m_database).create(draft, actor);
}

Result<void> CampaignService::update(const Actor &actor, const Campaign &campaign)
{
    if (auto allowed = auth::Authorizer(m_database)
                           .require(actor, Permission::CampaignEdit, QStringLiteral("edit a campaign"),
                                    QStringLiteral("campaign"), campaign.id);
        !allowed) {
        return allowed;
    }
    storage::CampaignRepository campaigns(m_database);
    auto stored = campaigns.byId(campaign.id);
    if (!stored) {
        return stored.error();
    }
    auto problems = validate(campaign);
    if (!problems) {
        return problems.error();
    }
    QList<FieldProblem> all = lockedFieldProblems(stored.value(), campaign) + problems.value();
    if (!all.isEmpty()) {
        return Error{ErrorCode::InvalidArgument, problemsText(all)};
    }
    const auto [before, after] = changedFields(stored.value(), campaign);
    if (after.isEmpty()) {
        return {}; // nothing changed: nothing to store or audit
    }
    return campaigns.update(campaign, before, after, actor);
}

Result<qint64> CampaignService::duplicate(const Actor &actor, qint64 campaignId)
{
    if (auto allowed = auth::Authorizer(m_database)
                           .require(actor, Permission::CampaignEdit, QStringLiteral("duplicate a campaign"),
                                    QStringLiteral("campaign"), campaignId);
        !allowed) {
        return allowed.error();
    }
    storage::CampaignRepository campaigns(m_database);
    auto original = campaigns.byId(campaignId);
    if (!original) {
        return original.error();
    }
    Campaign copy = original.value();
    copy.id = 0;
    copy.status = CampaignStatus::Draft;
    copy.archivedAt = {};
    copy.createdAt = {};
    copy.updatedAt = {};
    for (int n = 1;; ++n) {
        copy.name = n == 1 ? QStringLiteral("%1 (copy)").arg(original.value().name)
                           : QStringLiteral("%1 (copy %2)").arg(original.value().name).arg(n);
        auto taken = campaigns.nameTaken(copy.name);
        if (!taken) {
            return taken.error();
        }
        if (!taken.value()) {
            break;
        }
    }
    // Stored as it is: the original was valid when saved, and a copy of an older, laxer campaign is fixed in the
    // editor before it can be saved again.
    return campaigns.create(copy, actor);
}

Result<void> CampaignService::setArchived(const Actor &actor, qint64 campaignId, bool archived)
{
    if (auto allowed =
            auth::Authorizer(m_database)
                .require(actor, Permission::CampaignEdit,
                         archived ? QStringLiteral("archive a campaign") : QStringLiteral("restore a campaign"),
                         QStringLiteral("campaign"), campaignId);
        !allowed) {
        return allowed;
    }
    storage::CampaignRepository campaigns(m_database);
    auto stored = campaigns.byId(campaignId);
    if (!stored) {
        return stored.error();
    }
    if (archived && stored.value().status == CampaignStatus::Running) {
        return Error::because(ErrorCode::Conflict,
                              Text{QT_TRANSLATE_NOOP("vsc", "pause or stop the campaign before archiving it")});
    }
    if (stored.value().archivedAt.isValid() == archived) {
        return {};
    }
    return campaigns.setArchived(campaignId, archived, actor);
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

Result<CompliancePreview> CampaignService::preview(const Actor &actor, qint64 campaignId, const QDateTime &atUtc)
{
    if (auto signedIn = requireSignedIn(actor); !signedIn) {
        return signedIn.error();
    }
    return compliancePreview(m_database, campaignId, atUtc);
}

Result<QList<ScriptVersionChoice>> CampaignService::scriptVersions(const Actor &actor)
{
    if (auto signedIn = requireSignedIn(actor); !signedIn) {
        return signedIn.error();
    }
    return storage::CampaignRepository(m_database).scriptVersions();
}

} // namespace vsc::services::campaigns
