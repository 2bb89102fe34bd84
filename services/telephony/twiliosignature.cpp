// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/telephony/twiliosignature.h"

#include <QCryptographicHash>
#include <QMap>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

#include <openssl/crypto.h>

#include <algorithm>
#include <optional>

namespace vsc::services::telephony::signature {
namespace {

struct UrlParts
{
    QString scheme; // "https://"
    QString userInfo;
    QString host;
    QString port; // ":8443" or empty
    QString rest; // path, query and fragment, untouched
};

// Splits without normalising, so the path and query keep the exact characters Twilio signed.
std::optional<UrlParts> split(const QString &url)
{
    static const QRegularExpression prefix(QStringLiteral("^([a-zA-Z][a-zA-Z0-9+.-]*://)([^/?#]*)"));
    const auto match = prefix.match(url);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    const QString authority = match.captured(2);
    const qsizetype userEnd = authority.lastIndexOf(u'@');
    const QString hostAndPort = authority.mid(userEnd + 1);
    const qsizetype portStart = hostAndPort.indexOf(u':', hostAndPort.lastIndexOf(u']') + 1);
    UrlParts parts;
    parts.scheme = match.captured(1);
    parts.userInfo = authority.left(userEnd + 1);
    parts.host = portStart < 0 ? hostAndPort : hostAndPort.left(portStart);
    parts.port = portStart < 0 ? QString() : hostAndPort.mid(portStart);
    parts.rest = url.mid(match.capturedLength(0));
    return parts;
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), std::size_t(a.size())) == 0;
}

} // namespace

QString withoutPort(const QString &url)
{
    const auto parts = split(url);
    return parts ? parts->scheme + parts->userInfo + parts->host + parts->rest : url;
}

QString withDefaultPort(const QString &url)
{
    const auto parts = split(url);
    if (!parts || !parts->port.isEmpty()) {
        return url;
    }
    const QString port = parts->scheme.compare(QLatin1String("https://"), Qt::CaseInsensitive) == 0
                             ? QStringLiteral(":443")
                             : QStringLiteral(":80");
    return parts->scheme + parts->userInfo + parts->host + port + parts->rest;
}

QByteArray compute(const QByteArray &authToken, const QString &url, const FormParams &params)
{
    // QMap orders names by QString::operator<, i.e. UTF-16 code units, as JavaScript's default sort does.
    QMap<QString, QStringList> byName;
    for (const auto &[name, value] : params) {
        byName[name].append(value);
    }
    QString data = url;
    for (auto it = byName.begin(); it != byName.end(); ++it) {
        QStringList values = it.value();
        values.removeDuplicates();
        std::sort(values.begin(), values.end());
        for (const QString &value : std::as_const(values)) {
            data += it.key() + value;
        }
    }
    return QMessageAuthenticationCode::hash(data.toUtf8(), authToken, QCryptographicHash::Sha1).toBase64();
}

bool validate(const QByteArray &authToken, const QByteArray &header, const QString &url, const FormParams &params)
{
    if (header.isEmpty() || authToken.isEmpty()) {
        return false;
    }
    // Evaluate both candidates unconditionally so timing does not reveal which form matched.
    const bool a = constantTimeEquals(header, compute(authToken, withoutPort(url), params));
    const bool b = constantTimeEquals(header, compute(authToken, withDefaultPort(url), params));
    return a || b;
}

bool validateWithBody(const QByteArray &authToken, const QByteArray &header, const QString &url, const QByteArray &body)
{
    const QUrlQuery query(QUrl(url).query(QUrl::FullyEncoded));
    const QByteArray claimed = query.queryItemValue(QStringLiteral("bodySHA256"), QUrl::FullyDecoded).toLatin1();
    if (claimed.isEmpty()) {
        return false;
    }
    const QByteArray actual = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
    const bool bodyMatches = constantTimeEquals(claimed.toLower(), actual);
    return validate(authToken, header, url, {}) && bodyMatches;
}

FormParams parseForm(const QByteArray &body)
{
    FormParams params;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty()) {
            continue;
        }
        const qsizetype eq = pair.indexOf('=');
        QByteArray name = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        params.append({QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                       QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return params;
}

} // namespace vsc::services::telephony::signature
