// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace vsc::app {

class AppContext;

struct ServeOptions
{
    QString databaseUrl;
    QString listen = QStringLiteral("127.0.0.1:8089"); // HOST:PORT; port 0 picks a free one
    QString publicUrl;                                 // what Twilio reaches, e.g. https://surveys.example.com
    QString workers; // threads handling webhooks; empty = QThread::idealThreadCount() clamped to [2, 8]
    bool json = false;
};

// `voicesurvey-console serve`: the webhook server without a GUI. The Twilio auth token comes from
// TWILIO_AUTH_TOKEN, or from the keychain entry twilio/<TWILIO_ACCOUNT_SID>/auth-token. Prints one line once it
// listens (JSON with --json) and runs until SIGINT or SIGTERM. The server and its call flow come from `context`.
int runServe(AppContext &context, const ServeOptions &options);

} // namespace vsc::app
