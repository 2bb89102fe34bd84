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
    enum class Archived { Hidden, Shown };
    Result<QList<CampaignSummary>> summaries(Archived archived = Archived::Hidden);
    // Whether another campaign (not `exceptId`) already has this name, archived ones included.
    Result<bool> nameTaken(const QString &name, qint64 exceptId = 0);
    // Stores every editable field of `campaign` (not its status, not archived_at) and writes the audit entry with
    // the changed fields before and after, in one transaction.
    Result<void> update(const Campaign &campaign, const QVariantMap &before, const QVariantMap &after,
                        const Actor &actor);
    // Archives (sets archived_at) or restores; audited.
    Result<void> setArchived(qint64 id, bool archived, const Actor &actor);
    // Every stored script version, newest script first, for the editor's script choice.
    Result<QList<ScriptVersionChoice>> scriptVersions();
    // Changes the status and writes the audit entry in the same transaction.
    Result<void> setStatus(qint64 id, CampaignStatus status, const Actor &actor);

private:
    Database &m_database;
};

} // namespace vsc::services::storage
