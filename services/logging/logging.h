// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"

#include <QString>

#include <spdlog/logger.h>

#include <memory>

namespace vsc::services::logging {

struct LogOptions
{
    QString directory; // rotating file "voicesurvey.log" goes here; empty = no file
    bool toStderr = true;
    spdlog::level::level_enum level = spdlog::level::info;
    std::size_t maxFileBytes = std::size_t{5} * 1024 * 1024;
    std::size_t maxFiles = 5;
};

// Sets up the shared sinks (rotating file + stderr) behind a sink that masks phone numbers, and makes
// every module logger created afterwards use them. Call once from app/ before creating services.
// Returns the log file path (empty when there is no file).
Result<QString> initialize(const LogOptions &options);

// The logger for one module, e.g. "vsc.storage", "vsc.telephony.twilio". Thread-safe. Before initialize()
// (unit tests) loggers write to stderr only.
std::shared_ptr<spdlog::logger> logger(const char *module);

// Routes qDebug/qWarning/... (Qt's own warnings included) into the "qt" logger.
void installQtMessageBridge();

// Replaces the middle digits of anything that looks like a phone number with '*', keeping the first and last two
// digits: 7+ digits after '+' or its URL encoding "%2B" (also glued into a query or form body, "To=%2B1415..."), or
// 10+ digits without one (a national number with its area code), with spaces, dashes, dots or parentheses between
// them. Shorter bare runs are counts, not numbers ("imported 1000000 contact(s)" stays), and so are runs inside
// words (call SIDs), dates and IPv4 addresses.
std::string maskPhoneNumbers(std::string_view text);

// Replaces the user info of every URL ("https://user:secret@host/...") with "***": a --public-url may carry the
// basic-auth credentials Twilio sends to the webhooks. The log sinks apply both this and maskPhoneNumbers().
std::string redactUrlCredentials(std::string_view text);

void shutdown();

} // namespace vsc::services::logging
