// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/email/smtpsender.h"

#include <curl/curl.h>
#include <openssl/crypto.h>

#include <QDateTime>
#include <QFutureWatcher>
#include <QHostAddress>
#include <QPromise>
#include <QRegularExpression>
#include <QThreadPool>
#include <QUuid>

#include <memory>
#include <mutex>

namespace vsc::services::email {

namespace {

// curl_global_init is not thread-safe with every TLS backend: once, before the first handle.
void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlDeleter
{
    void operator()(CURL *curl) const { curl_easy_cleanup(curl); }
    void operator()(curl_mime *mime) const { curl_mime_free(mime); }
    void operator()(curl_slist *list) const { curl_slist_free_all(list); }
};
using CurlHandle = std::unique_ptr<CURL, CurlDeleter>;
using MimeHandle = std::unique_ptr<curl_mime, CurlDeleter>;
using ListHandle = std::unique_ptr<curl_slist, CurlDeleter>;

void append(ListHandle &list, const QString &line)
{
    curl_slist *grown = curl_slist_append(list.get(), line.toUtf8().constData());
    if (grown != nullptr) {
        (void)list.release(); // curl_slist_append returns the same list head, now owned again below
        list.reset(grown);
    }
}

bool isBareAddress(const QString &address)
{
    // Deliberately loose (the server decides): one @, something either side, nothing that could break a header or
    // an SMTP command.
    static const QRegularExpression pattern(QStringLiteral(R"(^[^\s<>@,;"]+@[^\s<>@,;"]+$)"));
    return pattern.match(address).hasMatch();
}

QString oneLine(QString text)
{
    text.replace(QRegularExpression(QStringLiteral("[\\r\\n]+")), QStringLiteral(" "));
    return text;
}

QString serverUrl(const SmtpOptions &options)
{
    QString host = options.host;
    if (QHostAddress(host).protocol() == QAbstractSocket::IPv6Protocol) {
        host = u'[' + host + u']';
    }
    const QString scheme = options.security == MailSecurity::Tls ? QStringLiteral("smtps") : QStringLiteral("smtp");
    return QStringLiteral("%1://%2:%3").arg(scheme, host).arg(options.port);
}

QString securityHint(MailSecurity security)
{
    return security == MailSecurity::Tls
               ? QStringLiteral("does this port speak TLS from the first byte (usually 465), or should the security "
                                "be STARTTLS (usually 587)?")
               : QStringLiteral("is this the right port for STARTTLS (usually 587)?");
}

Error failure(CURLcode code, const SmtpOptions &options, const char *detail)
{
    const QString where = QStringLiteral("%1:%2").arg(options.host).arg(options.port);
    const QString said = QString::fromUtf8(detail).trimmed();
    const QString curlSays = said.isEmpty() ? QString::fromUtf8(curl_easy_strerror(code)) : said;
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
        return {ErrorCode::Network, QStringLiteral("cannot find the mail server %1: check the host name").arg(where)};
    case CURLE_COULDNT_CONNECT:
        return {ErrorCode::Network,
                QStringLiteral("cannot connect to the mail server %1: check host and port, and that the server "
                               "runs (%2)")
                    .arg(where, curlSays)};
    case CURLE_OPERATION_TIMEDOUT:
        return {ErrorCode::Network, QStringLiteral("the mail server %1 did not answer within %2 seconds")
                                        .arg(where)
                                        .arg(options.timeoutSeconds)};
    case CURLE_USE_SSL_FAILED:
        return {ErrorCode::Network,
                QStringLiteral("TLS: the mail server %1 does not offer STARTTLS; choose TLS (usually port 465) if "
                               "it speaks TLS from the start")
                    .arg(where)};
    case CURLE_PEER_FAILED_VERIFICATION:
        return {ErrorCode::Network,
                QStringLiteral("TLS: the certificate of the mail server %1 is not trusted (%2); for a server with "
                               "its own certificate, set its CA file")
                    .arg(where, curlSays)};
    case CURLE_SSL_CACERT_BADFILE:
        return {ErrorCode::InvalidArgument,
                QStringLiteral("TLS: cannot read the CA file %1 (a PEM file is expected)").arg(options.caFile)};
    case CURLE_SSL_CONNECT_ERROR:
        return {ErrorCode::Network, QStringLiteral("TLS: the handshake with the mail server %1 failed (%2); %3")
                                        .arg(where, curlSays, securityHint(options.security))};
    case CURLE_LOGIN_DENIED:
        return {ErrorCode::Network,
                QStringLiteral("authentication: the mail server %1 refused the user name or password (%2)")
                    .arg(where, curlSays)};
    case CURLE_GOT_NOTHING:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_RECV_ERROR:
        return {ErrorCode::Network,
                QStringLiteral("the mail server %1 closed the connection or answered oddly (%2); %3")
                    .arg(where, curlSays, securityHint(options.security))};
    default:
        return {ErrorCode::Network,
                QStringLiteral("the mail server %1 did not accept the message: %2").arg(where, curlSays)};
    }
}

curl_mimepart *addTextPart(curl_mime *mime, const QString &text, const char *type)
{
    curl_mimepart *part = curl_mime_addpart(mime);
    const QByteArray utf8 = text.toUtf8();
    curl_mime_data(part, utf8.constData(), size_t(utf8.size()));
    curl_mime_type(part, type);
    curl_mime_encoder(part, "quoted-printable");
    return part;
}

} // namespace

QString SmtpSender::encodeHeaderWord(const QString &text)
{
    static const QRegularExpression plain(QStringLiteral("^[\\x20-\\x7e]*$"));
    if (plain.match(text).hasMatch()) {
        return text;
    }
    // Encoded words are at most 75 characters: 40 bytes of UTF-8 per word, never splitting a character.
    QStringList words;
    QByteArray chunk;
    for (const QChar *it = text.constBegin(); it != text.constEnd();) {
        const qsizetype length = (it->isHighSurrogate() && it + 1 != text.constEnd()) ? 2 : 1;
        const QByteArray bytes = QString(it, length).toUtf8();
        if (chunk.size() + bytes.size() > 40) {
            words << QStringLiteral("=?UTF-8?B?%1?=").arg(QString::fromLatin1(chunk.toBase64()));
            chunk.clear();
        }
        chunk += bytes;
        it += length;
    }
    if (!chunk.isEmpty()) {
        words << QStringLiteral("=?UTF-8?B?%1?=").arg(QString::fromLatin1(chunk.toBase64()));
    }
    return words.join(u' ');
}

Result<void> SmtpSender::send(const SmtpOptions &options, const MailMessage &message)
{
    if (options.host.trimmed().isEmpty() || options.port <= 0 || options.port > 65535) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("set the mail server's host and port")};
    }
    if (!isBareAddress(message.from)) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("the sender address \"%1\" is not an e-mail address").arg(message.from)};
    }
    if (message.to.isEmpty()) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the message has no recipient")};
    }
    for (const QString &to : message.to) {
        if (!isBareAddress(to)) {
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("the recipient address \"%1\" is not an e-mail address").arg(to)};
        }
    }

    initCurlOnce();
    const CurlHandle curl(curl_easy_init());
    if (!curl) {
        return Error{ErrorCode::Internal, QStringLiteral("libcurl could not create a handle")};
    }
    CURL *handle = curl.get();
    const QByteArray url = serverUrl(options).toUtf8();
    const QByteArray from = QStringLiteral("<%1>").arg(message.from).toUtf8();
    const QByteArray username = options.username.toUtf8();
    const QByteArray password = options.password.toUtf8();
    const QByteArray caFile = options.caFile.toUtf8();
    char errorText[CURL_ERROR_SIZE] = {};

    curl_easy_setopt(handle, CURLOPT_URL, url.constData());
    curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, errorText);
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L); // runs on pool threads
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, long(options.timeoutSeconds));
    curl_easy_setopt(handle, CURLOPT_TIMEOUT, long(options.timeoutSeconds) * 4);
    curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
    if (options.security == MailSecurity::StartTls) {
        curl_easy_setopt(handle, CURLOPT_USE_SSL, long(CURLUSESSL_ALL)); // never fall back to plain text
    }
    if (!options.caFile.isEmpty()) {
        curl_easy_setopt(handle, CURLOPT_CAINFO, caFile.constData());
    }
    if (!options.username.isEmpty()) {
        curl_easy_setopt(handle, CURLOPT_USERNAME, username.constData());
        curl_easy_setopt(handle, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(handle, CURLOPT_MAIL_FROM, from.constData());
    ListHandle recipients;
    for (const QString &to : message.to) {
        append(recipients, QStringLiteral("<%1>").arg(to));
    }
    curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());

    ListHandle headers;
    append(headers, QStringLiteral("Date: ") + QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date));
    append(headers, QStringLiteral("From: ") + message.from);
    append(headers, QStringLiteral("To: ") + message.to.join(QStringLiteral(", ")));
    append(headers, QStringLiteral("Subject: ") + encodeHeaderWord(oneLine(message.subject)));
    const QString domain = message.from.mid(message.from.indexOf(u'@') + 1);
    append(headers,
           QStringLiteral("Message-ID: <%1@%2>").arg(QUuid::createUuid().toString(QUuid::WithoutBraces), domain));
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());

    // multipart/mixed { multipart/alternative { text/plain, [multipart/related { text/html, images }] }, files }
    const MimeHandle mixed(curl_mime_init(handle));
    curl_mime *alternative = curl_mime_init(handle); // owned by its part once attached
    addTextPart(alternative, message.textBody, "text/plain; charset=utf-8");
    if (!message.htmlBody.isEmpty()) {
        if (message.inlineImages.isEmpty()) {
            addTextPart(alternative, message.htmlBody, "text/html; charset=utf-8");
        } else {
            curl_mime *related = curl_mime_init(handle);
            addTextPart(related, message.htmlBody, "text/html; charset=utf-8");
            for (const MailInlineImage &image : message.inlineImages) {
                curl_mimepart *part = curl_mime_addpart(related);
                curl_mime_data(part, image.data.constData(), size_t(image.data.size()));
                curl_mime_type(part, image.contentType.toUtf8().constData());
                curl_mime_encoder(part, "base64");
                ListHandle partHeaders;
                append(partHeaders, QStringLiteral("Content-ID: <%1>").arg(oneLine(image.contentId)));
                append(partHeaders, QStringLiteral("Content-Disposition: inline"));
                curl_mime_headers(part, partHeaders.release(), 1);
            }
            curl_mimepart *relatedPart = curl_mime_addpart(alternative);
            curl_mime_subparts(relatedPart, related);
            curl_mime_type(relatedPart, "multipart/related");
        }
    }
    curl_mimepart *body = curl_mime_addpart(mixed.get());
    curl_mime_subparts(body, alternative);
    curl_mime_type(body, "multipart/alternative");
    for (const MailAttachment &attachment : message.attachments) {
        curl_mimepart *part = curl_mime_addpart(mixed.get());
        curl_mime_data(part, attachment.data.constData(), size_t(attachment.data.size()));
        curl_mime_filename(part, oneLine(attachment.fileName).toUtf8().constData());
        curl_mime_type(part, attachment.contentType.toUtf8().constData());
        curl_mime_encoder(part, "base64");
    }
    curl_easy_setopt(handle, CURLOPT_MIMEPOST, mixed.get());

    const CURLcode code = curl_easy_perform(handle);
    if (code != CURLE_OK) {
        return failure(code, options, errorText);
    }
    return {};
}

void SmtpSender::sendAsync(const SmtpOptions &options, const MailMessage &message, QObject *context,
                           std::function<void(Result<void>)> done)
{
    // The watcher belongs to `context`: it dies with it, and its signal arrives on context's thread.
    auto promise = std::make_shared<QPromise<Result<void>>>();
    auto *watcher = new QFutureWatcher<Result<void>>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, [watcher, done = std::move(done)] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, options, message] {
        promise->addResult(send(options, message));
        promise->finish();
        // Pool threads outlive the job: give back TLS's per-thread state now (see releaseThreadTlsState()).
        releaseThreadTlsState();
    });
}

void releaseThreadTlsState()
{
    OPENSSL_thread_stop();
}

} // namespace vsc::services::email
