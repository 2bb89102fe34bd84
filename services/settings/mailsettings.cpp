// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/settings/mailsettings.h"

#include "services/auth/authorizer.h"
#include "services/auth/secretstore.h"
#include "services/settings/settingsservice.h"
#include "services/storage/auditrepository.h"

#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>

namespace vsc::services::settings {

namespace {

const QString kHost = QStringLiteral("mail.host");
const QString kPort = QStringLiteral("mail.port");
const QString kSecurity = QStringLiteral("mail.security");
const QString kUsername = QStringLiteral("mail.username");
const QString kFrom = QStringLiteral("mail.from");
const QString kCaFile = QStringLiteral("mail.ca_file");

bool isLoopbackHost(const QString &host)
{
    const QHostAddress address(host);
    return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
           (!address.isNull() && address.isLoopback());
}

} // namespace

QString MailSettings::securityName(email::MailSecurity security)
{
    switch (security) {
    case email::MailSecurity::None:
        return QStringLiteral("none");
    case email::MailSecurity::Tls:
        return QStringLiteral("tls");
    case email::MailSecurity::StartTls:
        break;
    }
    return QStringLiteral("starttls");
}

email::MailSecurity MailSettings::securityFromName(const QString &name)
{
    if (name == QLatin1String("none")) {
        return email::MailSecurity::None;
    }
    if (name == QLatin1String("tls")) {
        return email::MailSecurity::Tls;
    }
    return email::MailSecurity::StartTls;
}

MailSettings MailSettings::fromValues(const QMap<QString, QString> &values)
{
    MailSettings settings;
    settings.host = values.value(kHost);
    settings.port = values.value(kPort, QString::number(settings.port)).toInt();
    settings.security = securityFromName(values.value(kSecurity));
    settings.username = values.value(kUsername);
    settings.fromAddress = values.value(kFrom);
    settings.caFile = values.value(kCaFile);
    return settings;
}

QMap<QString, QString> MailSettings::toValues() const
{
    return {{kHost, host},         {kPort, QString::number(port)}, {kSecurity, securityName(security)},
            {kUsername, username}, {kFrom, fromAddress},           {kCaFile, caFile}};
}

QString MailSettings::passwordKey() const
{
    return QStringLiteral("mail/%1@%2/password").arg(username, host);
}

QList<SettingProblem> MailSettings::problems() const
{
    static const QRegularExpression hostPattern(QStringLiteral(R"(^[A-Za-z0-9.:\-\[\]]+$)"));
    static const QRegularExpression addressPattern(QStringLiteral(R"(^[^\s<>@,;"]+@[^\s<>@,;"]+\.[^\s<>@,;"]+$)"));
    QList<SettingProblem> found;
    if (host.isEmpty()) {
        found.append({QStringLiteral("host"), QStringLiteral("enter the mail server's host name, such as "
                                                             "smtp.example.com")});
    } else if (!hostPattern.match(host).hasMatch()) {
        found.append({QStringLiteral("host"), QStringLiteral("a host name has only letters, digits, dots and "
                                                             "hyphens")});
    }
    if (port <= 0 || port > 65535) {
        found.append({QStringLiteral("port"), QStringLiteral("choose a port between 1 and 65535 (587 for STARTTLS, "
                                                             "465 for TLS)")});
    }
    if (security == email::MailSecurity::None && !host.isEmpty() && !isLoopbackHost(host)) {
        found.append({QStringLiteral("security"),
                      QStringLiteral("without STARTTLS or TLS the password and the reports cross the network "
                                     "readable; plain SMTP is only allowed to this computer")});
    }
    if (!addressPattern.match(fromAddress).hasMatch()) {
        found.append({QStringLiteral("fromAddress"),
                      fromAddress.isEmpty()
                          ? QStringLiteral("enter the address reports come from, such as surveys@example.com")
                          : QStringLiteral("\"%1\" is not an e-mail address").arg(fromAddress)});
    }
    if (!caFile.isEmpty() && !QFileInfo(caFile).isReadable()) {
        found.append({QStringLiteral("caFile"),
                      QStringLiteral("cannot read %1; choose a PEM file or leave it empty to trust the system's "
                                     "certificate authorities")
                          .arg(caFile)});
    }
    return found;
}

Result<MailSettings> MailSettingsService::load()
{
    auto values = SettingsService(m_database, m_clock).values(QStringLiteral("mail."));
    if (!values) {
        return values.error();
    }
    return MailSettings::fromValues(values.value());
}

bool MailSettingsService::hasPassword(const MailSettings &settings)
{
    auto password = m_secrets.read(settings.passwordKey());
    return password.ok() && !password.value().isEmpty();
}

Result<void> MailSettingsService::save(const Actor &actor, const MailSettings &settings, const QString &password)
{
    if (auto allowed = auth::Authorizer(m_database)
                           .require(actor, Permission::SettingsManage, QStringLiteral("change the e-mail settings"));
        !allowed) {
        return allowed;
    }
    QStringList problems;
    for (const SettingProblem &problem : settings.problems()) {
        problems << problem.field + QStringLiteral(": ") + problem.message;
    }
    if (!settings.username.isEmpty() && password.isEmpty() && !hasPassword(settings)) {
        problems << QStringLiteral("password: enter the password for %1").arg(settings.username);
    }
    if (!problems.isEmpty()) {
        return Error{ErrorCode::InvalidArgument, problems.join(u'\n')};
    }
    if (!password.isEmpty()) {
        if (auto written = m_secrets.write(settings.passwordKey(), password); !written) {
            return written;
        }
        storage::AuditEntry entry =
            storage::auditEntry(actor, QStringLiteral("settings.secret"), QStringLiteral("settings"));
        entry.at = m_clock.nowUtc();
        entry.after = QVariantMap{{QStringLiteral("mail.password"), QStringLiteral("changed")}}; // never the value
        if (auto logged = storage::AuditRepository(m_database).record(entry); !logged) {
            return logged.error();
        }
    }
    return SettingsService(m_database, m_clock).set(actor, settings.toValues());
}

Result<email::SmtpOptions> MailSettingsService::smtpOptions(const MailSettings &settings)
{
    email::SmtpOptions options;
    options.host = settings.host;
    options.port = settings.port;
    options.security = settings.security;
    options.username = settings.username;
    options.caFile = settings.caFile;
    if (!settings.username.isEmpty()) {
        if (const QString fromEnvironment = qEnvironmentVariable("VSC_MAIL_PASSWORD"); !fromEnvironment.isEmpty()) {
            options.password = fromEnvironment; // headless servers without a keychain, as TWILIO_AUTH_TOKEN
            return options;
        }
        auto password = m_secrets.read(settings.passwordKey());
        if (!password) {
            return Error{password.error().code == ErrorCode::NotFound ? ErrorCode::Secret : password.error().code,
                         QStringLiteral("no mail password in the keychain for %1 (entry %2): %3; set it in Settings "
                                        "→ E-mail")
                             .arg(settings.username, settings.passwordKey(), password.error().detail)};
        }
        options.password = password.value();
    }
    return options;
}

Result<MailSettingsService::TestMail> MailSettingsService::prepareTestMail(const Actor &actor,
                                                                           const MailSettings &settings,
                                                                           const QString &to, const QString &password)
{
    if (auto allowed =
            auth::Authorizer(m_database).require(actor, Permission::SettingsManage, QStringLiteral("send a test mail"));
        !allowed) {
        return allowed.error();
    }
    QStringList problems;
    for (const SettingProblem &problem : settings.problems()) {
        problems << problem.field + QStringLiteral(": ") + problem.message;
    }
    if (!problems.isEmpty()) {
        return Error{ErrorCode::InvalidArgument, problems.join(u'\n')};
    }
    TestMail mail;
    if (password.isEmpty()) {
        auto options = smtpOptions(settings);
        if (!options) {
            return options.error();
        }
        mail.options = std::move(options).value();
    } else {
        auto options = smtpOptions(MailSettings{settings.host, settings.port, settings.security, QString(),
                                                settings.fromAddress, settings.caFile});
        mail.options = std::move(options).value();
        mail.options.username = settings.username;
        mail.options.password = password;
    }
    mail.message.from = settings.fromAddress;
    mail.message.to = {to.trimmed()};
    mail.message.subject = QStringLiteral("VoiceSurvey Console: test mail");
    const QString when = m_clock.nowUtc().toString(Qt::ISODate);
    mail.message.textBody =
        QStringLiteral("This test mail from VoiceSurvey Console (%1, sent by %2) reached you: campaign reports "
                       "can be e-mailed with these settings.\n")
            .arg(when, actor.name);
    mail.message.htmlBody = QStringLiteral("<html><body><p>This test mail from <b>VoiceSurvey Console</b> (%1, sent "
                                           "by %2) reached you: campaign reports can be e-mailed with these "
                                           "settings.</p></body></html>")
                                .arg(when, actor.name.toHtmlEscaped());
    storage::AuditEntry entry = storage::auditEntry(actor, QStringLiteral("mail.test"), QStringLiteral("settings"));
    entry.at = m_clock.nowUtc();
    entry.after = QVariantMap{{QStringLiteral("to"), to.trimmed()}, {QStringLiteral("host"), settings.host}};
    if (auto logged = storage::AuditRepository(m_database).record(entry); !logged) {
        return logged.error();
    }
    return mail;
}

} // namespace vsc::services::settings
