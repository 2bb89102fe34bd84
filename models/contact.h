// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace vsc {

enum class ContactStatus { Pending, InProgress, Completed, Failed, Invalid, Suppressed, OptedOut };

QString contactStatusKey(ContactStatus status);
std::optional<ContactStatus> contactStatusFromKey(const QString &key);
// "+141••••••23": operators see enough to recognise a number, not to copy it. Counts digits, so "%2B1415..." and
// formatted numbers keep the same three leading and two trailing digits; under 7 digits every digit is hidden.
QString maskPhoneNumber(const QString &e164);

struct Contact
{
    qint64 id = 0;
    qint64 campaignId = 0;
    QString phoneE164;
    QString name;
    QString timeZone;         // IANA id, e.g. "America/Chicago"; empty = derive from the number
    QString language;         // BCP 47, empty = the campaign's
    QVariantMap customFields; // stored as JSON
    ContactStatus status = ContactStatus::Pending;
    int attemptsCount = 0;
    QDateTime createdAt;
};

} // namespace vsc

Q_DECLARE_METATYPE(vsc::Contact)
