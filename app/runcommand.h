// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace vsc::app {

struct RunOptions
{
    QString databaseUrl;
    qint64 campaignId = 0;
    bool simulated = false;
    double timeScale = 1.0;
    bool json = false;
};

// `voicesurvey-console run --campaign ID --simulated [--time-scale N]`: dials a campaign without a GUI until it is
// complete. SIGINT/SIGTERM stop placing calls, let the calls in flight finish, and exit.
int runCampaign(const RunOptions &options);

} // namespace vsc::app
