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
    auto add = [&found](const char *field, const Text &text) {
        found.append(SettingProblem::of(QString::fromLatin1(field), text));
    };
    if (host.isEmpty()) {
        add("host", Text{QT_TRANSLATE_NOOP("vsc", "enter the mail server's host name, such as smtp.example.com"), {}});
    } else if (!hostPattern.match(host).hasMatch()) {
        add("host", Text{QT_TRANSLATE_NOOP("vsc", "a host name has only letters, digits, dots and hyphens"), {}});
    }
    if (port <= 0 || port > 65535) {
        add("port",
            Text{QT_TRANSLATE_NOOP("vsc", "choose a port between 1 and 65535 (587 for STARTTLS, 465 for TLS)"), {}});
    }
    if (security == email::MailSecurity::None && !host.isEmpty() && !isLoopbackHost(host)) {
        add("security", Text{QT_TRANSLATE_NOOP("vsc", "without STARTTLS or TLS the password and the reports cross the "
                                                      "network readable; plain SMTP is only allowed to this "
                                                      "computer"),
                             {}});
    }
    if (!addressPattern.match(fromAddress).hasMatch()) {
        add("fromAddress",
            fromAddress.isEmpty()
                ? Text{QT_TRANSLATE_NOOP("vsc", "enter the address reports come from, such as surveys@example.com"), {}}
                : Text{QT_TRANSLATE_NOOP("vsc", "\"%1\" is not an e-mail address"), {fromAddress}});
    }
    if (!caFile.isEmpty() && !QFileInfo(caFile).isReadable()) {
        add("caFile", Text{QT_TRANSLATE_NOOP("vsc", "cannot read %1; choose a PEM file or leave it empty to trust the "
                                                    "system's certificate authorities"),
                           {caFile}});
    }
    return found;
}

Result<MailSettings> MailSettingsService::load()
{
    auto values = SecretSettingsStore(m_database, m_clock, m_secrets).load({QStringLiteral("mail.")});
    if (!values) {
        return values.error();
    }
    return MailSettings::fromValues(values.value());
}

bool MailSettingsService::hasPassword(const MailSettings &settings)
{
    return SecretSettingsStore(m_database, m_clock, m_secrets).hasSecret(settings.passwordKey());
}

QList<SettingProblem> MailSettingsService::saveProblems(const MailSettings &settings, const QString &password)
{
    QList<SettingProblem> problems = settings.problems();
    if (!settings.username.isEmpty() && password.isEmpty() && !hasPassword(settings)) {
        problems << SettingProblem::of(
            QStringLiteral("password"),
            Text{QT_TRANSLATE_NOOP("vsc", "enter the password for %1"), {settings.username}});
    }
    return problems;
}

Result<void> MailSettingsService::save(const Actor &actor, const MailSettings &settings, const QString &password)
{
    return SecretSettingsStore(m_database, m_clock, m_secrets)
        .save(actor, QStringLiteral("change the e-mail settings"), saveProblems(settings, password),
              {{settings.passwordKey(), QStringLiteral("mail.password"), password}}, settings.toValues());
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
    if (const QList<SettingProblem> problems = settings.problems(); !problems.isEmpty()) {
        return SecretSettingsStore::problemsError(problems);
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
