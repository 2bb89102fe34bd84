// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "models/text.h"

#include <QString>

namespace vsc::services::contacts {

// `raw` as written by a person ("(312) 555-0100", "+49 30 1234567") in E.164, read by libphonenumber with
// `defaultRegion` (ISO 3166, "US") for numbers without +country code. InvalidArgument saying why when it cannot be
// read or is not a valid number for its region, and then `why` (when given) says it for ui/ to translate. The same
// rules as ContactImporter. Any thread.
Result<QString> normalizePhoneNumber(const QString &raw, const QString &defaultRegion, Text *why = nullptr);

} // namespace vsc::services::contacts
