// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/email/mailmessage.h"

#include <QString>

#include <functional>

class QObject;

namespace vsc::services::email {

// How the connection to the mail server is protected.
enum class MailSecurity {
    None,     // plain SMTP (only sensible to a relay on this computer)
    StartTls, // smtp:// upgraded with STARTTLS, which must succeed (port 587)
    Tls,      // smtps://, TLS from the first byte (port 465)
};

struct SmtpOptions
{
    QString host;
    int port = 587;
    MailSecurity security = MailSecurity::StartTls;
    QString username; // empty: no AUTH
    QString password; // never logged
    QString caFile;   // PEM bundle to trust instead of the system's (a company CA, a test server's own certificate)
    int timeoutSeconds = 30;
};

// Sends e-mail over SMTP with libcurl (https://curl.se/libcurl/c/smtp-mime.html): the message is built with curl's
// MIME API as multipart/mixed { multipart/alternative { text, multipart/related { html, images } }, attachments }.
// Certificates are always verified (against caFile when set). Errors come back as ErrorCode::Network (could not
// connect, TLS, authentication refused, timeouts) or InvalidArgument (settings or addresses that cannot work), with a
// sentence saying what failed in `detail`.
class SmtpSender final
{
public:
    // Blocks the calling thread until the server has accepted the message or refused it: never call it on the GUI
    // thread (use sendAsync).
    static Result<void> send(const SmtpOptions &options, const MailMessage &message);

    // Runs send() on Qt's global thread pool; `done` runs afterwards on `context`'s thread, and not at all when
    // `context` was destroyed meanwhile.
    static void sendAsync(const SmtpOptions &options, const MailMessage &message, QObject *context,
                          std::function<void(Result<void>)> done);

    // `text` as a header value: unchanged when printable ASCII, else RFC 2047 encoded words (UTF-8, base64).
    static QString encodeHeaderWord(const QString &text);
};

// Frees OpenSSL's per-thread state (error queue, random generators) of the calling thread. A thread-pool thread that
// sent mail calls it when its job ends: the pool keeps the thread, and at exit OpenSSL's own cleanup can run before
// the thread's, which leaves that state behind (a leak LeakSanitizer reports). OpenSSL sets it up again if needed.
void releaseThreadTlsState();

} // namespace vsc::services::email
