// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace vsc::services::telephony {

// Form parameters in arrival order; a name may repeat (StatusCallbackEvent=a&StatusCallbackEvent=b).
using FormParams = QList<std::pair<QString, QString>>;

// Twilio's webhook signature (X-Twilio-Signature), computed exactly as the official helpers do
// (twilio-node lib/webhooks/webhooks.js, twilio-python request_validator.py):
//
//   data = full URL Twilio requested (public URL, with query)
//        + for each parameter name in ordinal order: name + value   (repeated names: unique values, sorted)
//   signature = base64(HMAC-SHA1(key = auth token, data))
//
// JSON bodies are signed through the URL alone: its query carries bodySHA256 = hex(sha256(body)).
// https://www.twilio.com/docs/usage/webhooks/webhooks-security
namespace signature {

QByteArray compute(const QByteArray &authToken, const QString &url, const FormParams &params);

// True when the header matches the URL without its port or with the scheme's default port (Twilio signs either,
// depending on the path a request took), compared in constant time. An empty header never validates.
bool validate(const QByteArray &authToken, const QByteArray &header, const QString &url, const FormParams &params);

// For application/json webhooks: the signature over the URL and the body's SHA-256 against the URL's bodySHA256.
bool validateWithBody(const QByteArray &authToken, const QByteArray &header, const QString &url,
                      const QByteArray &body);

// application/x-www-form-urlencoded, with '+' decoded as a space before percent-decoding (QUrlQuery does not).
FormParams parseForm(const QByteArray &body);

QString withoutPort(const QString &url);
QString withDefaultPort(const QString &url);

} // namespace signature
} // namespace vsc::services::telephony
