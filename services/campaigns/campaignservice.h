// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/campaign.h"
#include "models/result.h"
#include "services/campaigns/compliancepreview.h"
#include "services/storage/database.h"

namespace vsc::services::campaigns {

// Campaigns for people: creating and editing needs campaign.edit, changing a campaign's status campaign.run.
// Both are recorded as the actor's in the audit log. Every call is synchronous on the calling thread.
class CampaignService final
{
public:
    enum class Archived { Hidden, Shown };

    explicit CampaignService(storage::Database &database) : m_database(database) {}

    // Archived campaigns are left out unless asked for.
    Result<QList<CampaignSummary>> summaries(const Actor &actor, Archived archived = Archived::Hidden);
    Result<Campaign> campaign(const Actor &actor, qint64 campaignId);
    // Every problem with the campaign's values, field by field (campaignvalidation.h): its own values, a name no
    // other campaign has (not `campaign.id`'s own), a script version that exists. Empty when it may be saved.
    Result<QList<FieldProblem>> validate(const Campaign &campaign);
    // Creates a draft after validating; InvalidArgument with one "field: message" line per problem otherwise.
    Result<qint64> create(const Actor &actor, const Campaign &campaign);
    // Stores the editable fields of `campaign` (by its id) after validating, and the fields a running, paused or
    // stopped campaign keeps (isEditable) unchanged; audited with the changed fields before and after. The status
    // is not changed here (transition).
    Result<void> update(const Actor &actor, const Campaign &campaign);
    // A new draft with the campaign's settings and "<name> (copy)" (or "(copy 2)", ...); no contacts.
    Result<qint64> duplicate(const Actor &actor, qint64 campaignId);
    // Archiving hides a campaign from the list; a running campaign must be paused or stopped first.
    Result<void> setArchived(const Actor &actor, qint64 campaignId, bool archived);
    Result<void> transition(const Actor &actor, qint64 campaignId, CampaignStatus to);
    // What starting the campaign at `atUtc` would dial (compliancepreview.h); needs a signed-in actor.
    Result<CompliancePreview> preview(const Actor &actor, qint64 campaignId, const QDateTime &atUtc);
    // The stored script versions a campaign can use.
    Result<QList<ScriptVersionChoice>> scriptVersions(const Actor &actor);

    // "field: message" lines, for the CLI and Error::detail.
    static QString problemsText(const QList<FieldProblem> &problems);

private:
    storage::Database &m_database;
};

} // namespace vsc::services::campaigns
