// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace vsc::services::email {

// A file attached to a message (the results CSV).
struct MailAttachment
{
    QString fileName;    // ASCII, shown to the recipient
    QString contentType; // "text/csv; charset=utf-8"
    QByteArray data;
};

// An image the HTML body shows with <img src="cid:CONTENT_ID"> (the report's charts).
struct MailInlineImage
{
    QString contentId; // without angle brackets, e.g. "chart-outcomes@vsc"
    QString contentType = QStringLiteral("image/png");
    QByteArray data;
};

// One message: a plain-text and an HTML alternative, inline images for the HTML, attachments.
struct MailMessage
{
    QString from;    // bare address: reports@example.com
    QStringList to;  // bare addresses
    QString subject; // any Unicode; encoded per RFC 2047 when not ASCII
    QString textBody;
    QString htmlBody; // empty: text only
    QList<MailInlineImage> inlineImages;
    QList<MailAttachment> attachments;
};

} // namespace vsc::services::email
