// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/campaign.h"

#include <QJsonObject>

namespace vsc::services::campaigns {

// The JSON form of a campaign (docs/CAMPAIGN_FORMAT.md): what `campaign show --json` prints and `campaign
// create|update --from` reads, so show -> edit -> update round-trips. "id" and "status" are written for reading and
// ignored on input (status changes go through start/pause/stop).
QJsonObject campaignToJson(const Campaign &campaign);

// Applies the keys present in `json` onto `base` (a new Campaign for create, the stored one for update). Keys of the
// wrong type or unknown keys are reported in `problems` by their field name; the rest still applies.
Campaign campaignFromJson(const QJsonObject &json, const Campaign &base, QList<FieldProblem> &problems);

// Every editable field by its field name (campaignvalidation.h) with a comparable value: what an update's audit
// entry lists before and after, and what the editor diffs.
QVariantMap campaignFields(const Campaign &campaign);

// The fields whose values differ, as {before, after} maps.
std::pair<QVariantMap, QVariantMap> changedFields(const Campaign &before, const Campaign &after);

} // namespace vsc::services::campaigns
