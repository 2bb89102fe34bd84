// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace vsc::app {

class AppContext;

struct CampaignCommandOptions
{
    QString databaseUrl;
    qint64 campaignId = 0;
    QString idText; // the ID argument as given, for the usage error
    QString fromFile;
    QString at; // preview: ISO 8601, default now
    bool json = false;
};

// `campaign create --from FILE.json`: validates (every problem as "field: message" on stderr, exit 2) and creates a
// draft; prints the new id. Needs campaign.edit.
int runCampaignCreate(AppContext &context, const CampaignCommandOptions &options);
// `campaign update ID --from FILE.json`: the keys present in the file replace the campaign's; audited. Needs
// campaign.edit.
int runCampaignUpdate(AppContext &context, const CampaignCommandOptions &options);
// `campaign show ID [--json]`: with --json exactly the form `--from` reads (docs/CAMPAIGN_FORMAT.md).
int runCampaignShow(AppContext &context, const CampaignCommandOptions &options);
// `campaign list [--json] [--archived]`.
int runCampaignList(AppContext &context, const CampaignCommandOptions &options, bool archived);
// `campaign start|pause|stop ID`: the status change (a `run` or a console dials a running campaign). Needs
// campaign.run.
int runCampaignStart(AppContext &context, const CampaignCommandOptions &options);
int runCampaignPause(AppContext &context, const CampaignCommandOptions &options);
int runCampaignStop(AppContext &context, const CampaignCommandOptions &options);
// `campaign preview ID [--at TIME] [--json]`: what starting it would dial, by explain's rules.
int runCampaignPreview(AppContext &context, const CampaignCommandOptions &options);

} // namespace vsc::app
