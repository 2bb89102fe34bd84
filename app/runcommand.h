// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace vsc::app {

class AppContext;

struct RunOptions
{
    QString databaseUrl;
    qint64 campaignId = 0;
    bool simulated = false;
    double timeScale = 1.0;
    bool json = false;
    bool standby = false;    // wait while another dialer holds the campaign, and take over when it stops
    QString carrierLog;      // --simulated: the carrier's call log (shared by dialers on one campaign)
    int carrierCreateMs = 0; // --simulated: how long each create waits in the process (tests)
    QString listen;          // Twilio: where the webhook server listens
    QString publicUrl;       // Twilio: the URL Twilio reaches the webhook server at
    QString twilioApiUrl;    // Twilio: the REST API base (regional edge); empty = https://api.twilio.com
};

// `voicesurvey-console run --campaign ID --simulated [--time-scale N]`: dials a campaign without a GUI until it is
// complete, on the telephony stack `context` builds. SIGINT/SIGTERM stop placing calls, let the calls in flight
// finish, and exit.
int runCampaign(AppContext &context, const RunOptions &options);

} // namespace vsc::app
