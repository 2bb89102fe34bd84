// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/contacts/phonenumber.h"

#include <phonenumbers/phonenumberutil.h>

namespace vsc::services::contacts {

Result<QString> normalizePhoneNumber(const QString &raw, const QString &defaultRegion)
{
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    const QString trimmed = raw.trimmed();
    if (trimmed.isEmpty()) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("no phone number")};
    }
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util.Parse(trimmed.toStdString(), defaultRegion.toUpper().toStdString(), &number) !=
        PhoneNumberUtil::NO_PARSING_ERROR) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("invalid phone number: '%1' cannot be read as a number").arg(trimmed)};
    }
    if (!util.IsValidNumber(number)) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("invalid phone number: '%1' is not a valid number for its region").arg(trimmed)};
    }
    std::string formatted;
    util.Format(number, PhoneNumberUtil::E164, &formatted);
    return QString::fromStdString(formatted);
}

} // namespace vsc::services::contacts
