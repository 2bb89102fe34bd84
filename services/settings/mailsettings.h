// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "services/clock.h"
#include "services/email/smtpsender.h"
#include "services/settings/secretsettings.h"
#include "services/storage/database.h"

#include <QList>
#include <QMap>
#include <QString>

namespace vsc::services::auth {
class SecretStore;
}

namespace vsc::services::settings {

// How the console sends e-mailed reports, kept in app_settings ("mail.*"). The password is a secret: it lives in the
// keychain under passwordKey(), never here.
struct MailSettings
{
    QString host;
    int port = 587;
    email::MailSecurity security = email::MailSecurity::StartTls;
    QString username; // empty: the server takes mail without AUTH
    QString fromAddress;
    QString caFile; // PEM file to trust instead of the system's CA store; empty: the system's

    static MailSettings fromValues(const QMap<QString, QString> &values);
    [[nodiscard]] QMap<QString, QString> toValues() const;
    // Everything wrong with these settings for sending, field by field ("host", "port", "security", "username",
    // "fromAddress", "caFile"); empty = usable.
    [[nodiscard]] QList<SettingProblem> problems() const;
    [[nodiscard]] bool isConfigured() const { return !host.isEmpty(); }
    // The keychain entry of this server's and user's password.
    [[nodiscard]] QString passwordKey() const;

    static QString securityName(email::MailSecurity security); // "none", "starttls", "tls"
    static email::MailSecurity securityFromName(const QString &name);
};

// Reads and saves the mail settings and the password. Saving needs settings.manage and is audited (the settings with
// before and after, the password only as "changed", never its value). Synchronous; the keychain blocks briefly.
class MailSettingsService final
{
public:
    MailSettingsService(storage::Database &database, Clock &clock, auth::SecretStore &secrets)
        : m_database(database), m_clock(clock), m_secrets(secrets)
    {
    }

    Result<MailSettings> load();
    // Refuses settings with problems (InvalidArgument listing them). An empty `password` keeps the keychain's.
    Result<void> save(const Actor &actor, const MailSettings &settings, const QString &password);
    // What save() would refuse: settings.problems() plus a password neither typed nor in the keychain.
    [[nodiscard]] QList<SettingProblem> saveProblems(const MailSettings &settings, const QString &password);
    [[nodiscard]] bool hasPassword(const MailSettings &settings);
    // What SmtpSender needs: the settings plus the password from the keychain (a Secret error says which entry is
    // missing when a user name is set); $VSC_MAIL_PASSWORD instead, when set, for servers without a keychain.
    Result<email::SmtpOptions> smtpOptions(const MailSettings &settings);

    // A test mail: needs settings.manage (it sends to any address), settings without problems and the password
    // (`password` when typed, else the keychain's). The caller sends it (SmtpSender::send or sendAsync); audited as
    // "mail.test" with the recipient.
    struct TestMail
    {
        email::SmtpOptions options;
        email::MailMessage message;
    };
    Result<TestMail> prepareTestMail(const Actor &actor, const MailSettings &settings, const QString &to,
                                     const QString &password);

private:
    storage::Database &m_database;
    Clock &m_clock;
    auth::SecretStore &m_secrets;
};

} // namespace vsc::services::settings
