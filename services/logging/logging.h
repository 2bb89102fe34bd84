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

// Replaces the middle digits of anything that looks like a phone number (7+ digits, optionally with '+',
// spaces, dashes, dots or parentheses between them) with '*', keeping the country prefix and last two digits.
std::string maskPhoneNumbers(std::string_view text);

void shutdown();

} // namespace vsc::services::logging
