// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/contacts/phonenumber.h"

#include <QtGlobal>

#include <phonenumbers/phonenumberutil.h>

namespace vsc::services::contacts {

Result<QString> normalizePhoneNumber(const QString &raw, const QString &defaultRegion, Text *why)
{
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    auto refuse = [why](const Text &text) -> Result<QString> {
        if (why != nullptr) {
            *why = text;
        }
        return Error{ErrorCode::InvalidArgument, text.toString()};
    };
    const QString trimmed = raw.trimmed();
    if (trimmed.isEmpty()) {
        return refuse(Text{QT_TRANSLATE_NOOP("vsc", "no phone number"), {}});
    }
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util.Parse(trimmed.toStdString(), defaultRegion.toUpper().toStdString(), &number) !=
        PhoneNumberUtil::NO_PARSING_ERROR) {
        return refuse(
            Text{QT_TRANSLATE_NOOP("vsc", "invalid phone number: '%1' cannot be read as a number"), {trimmed}});
    }
    if (!util.IsValidNumber(number)) {
        return refuse(Text{QT_TRANSLATE_NOOP("vsc", "invalid phone number: '%1' is not a valid number for its region"),
                           {trimmed}});
    }
    std::string formatted;
    util.Format(number, PhoneNumberUtil::E164, &formatted);
    return QString::fromStdString(formatted);
}

} // namespace vsc::services::contacts
