// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/settings/twiliosettings.h"

#include "services/auth/authorizer.h"
#include "services/auth/secretstore.h"
#include "services/settings/settingsservice.h"
#include "services/storage/auditrepository.h"
#include "services/storage/settingsrepository.h"

#include <phonenumbers/phonenumberutil.h>

#include <QPointer>
#include <QRegularExpression>
#include <QTimer>

#include <memory>
#include <set>

namespace vsc::services::settings {

namespace {

const QString kEnabled = QStringLiteral("twilio.enabled");
const QString kAccountSid = QStringLiteral("twilio.account_sid");
const QString kApiKeySid = QStringLiteral("twilio.api_key_sid");
const QString kApiBaseUrl = QStringLiteral("twilio.api_base_url");
const QString kListen = QStringLiteral("twilio.listen");
const QString kPublicUrl = QStringLiteral("twilio.public_url");
const QString kDefaultRegion = QStringLiteral("phone.default_region");
const QString kCallerNumbers = QStringLiteral("twilio.caller_numbers");

bool isLoopback(const QUrl &url)
{
    const QHostAddress address(url.host());
    return url.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
           (!address.isNull() && address.isLoopback());
}

bool isSupportedRegion(const QString &region)
{
    std::set<std::string> regions;
    i18n::phonenumbers::PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    return regions.count(region.toStdString()) > 0;
}

} // namespace

TwilioSettings TwilioSettings::fromValues(const QMap<QString, QString> &values)
{
    TwilioSettings settings;
    settings.enabled = values.value(kEnabled) == QLatin1String("true");
    settings.accountSid = values.value(kAccountSid);
    settings.apiKeySid = values.value(kApiKeySid);
    settings.apiBaseUrl = QUrl(values.value(kApiBaseUrl));
    settings.listen = values.value(kListen, settings.listen);
    settings.publicUrl = QUrl(values.value(kPublicUrl));
    settings.defaultRegion = values.value(kDefaultRegion, settings.defaultRegion);
    settings.callerNumbers = values.value(kCallerNumbers).split(u' ', Qt::SkipEmptyParts);
    return settings;
}

QMap<QString, QString> TwilioSettings::toValues() const
{
    return {{kEnabled, enabled ? QStringLiteral("true") : QStringLiteral("false")},
            {kAccountSid, accountSid},
            {kApiKeySid, apiKeySid},
            {kApiBaseUrl, apiBaseUrl.toString()},
            {kListen, listen},
            {kPublicUrl, publicUrl.toString()},
            {kDefaultRegion, defaultRegion},
            {kCallerNumbers, callerNumbers.join(u' ')}};
}

QString TwilioSettings::callerIdProblem(const QString &callerId) const
{
    if (!enabled || callerNumbers.isEmpty() || callerNumbers.contains(callerId)) {
        return {};
    }
    return QStringLiteral("%1 is not one of the Twilio account's voice numbers or verified caller IDs (%2); Settings "
                          "→ Twilio → Test connection refreshes the list")
        .arg(callerId, callerNumbers.join(QStringLiteral(", ")));
}

std::optional<std::pair<QHostAddress, quint16>> TwilioSettings::listenAddress() const
{
    const qsizetype colon = listen.lastIndexOf(u':');
    bool ok = false;
    const int port = colon > 0 ? listen.mid(colon + 1).toInt(&ok) : -1;
    QString host = colon > 0 ? listen.left(colon) : QString();
    if (host.startsWith(u'[') && host.endsWith(u']')) {
        host = host.mid(1, host.size() - 2);
    }
    const QHostAddress address(host);
    if (!ok || port < 0 || port > 65535 || address.isNull()) { // 0: any free port (tests)
        return std::nullopt;
    }
    return std::pair{address, quint16(port)};
}

QList<SettingProblem> TwilioSettings::problems() const
{
    static const QRegularExpression accountPattern(QStringLiteral("^AC[0-9a-f]{32}$"));
    static const QRegularExpression keyPattern(QStringLiteral("^SK[0-9a-f]{32}$"));
    QList<SettingProblem> found;
    auto add = [&found](const char *field, const Text &text) {
        found.append(SettingProblem::of(QString::fromLatin1(field), text));
    };
    if (!accountPattern.match(accountSid).hasMatch()) {
        add("accountSid",
            accountSid.isEmpty()
                ? Text{QT_TRANSLATE_NOOP("vsc", "enter the account SID from the Twilio console (AC followed by 32 "
                                                "hex digits)"),
                       {}}
                : Text{QT_TRANSLATE_NOOP("vsc", "an account SID is AC followed by 32 hex digits in lower case"), {}});
    }
    if (!apiKeySid.isEmpty() && !keyPattern.match(apiKeySid).hasMatch()) {
        add("apiKeySid", Text{QT_TRANSLATE_NOOP("vsc", "an API key SID is SK followed by 32 hex digits in lower case; "
                                                       "leave it empty to use the auth token"),
                              {}});
    }
    if (!apiBaseUrl.isEmpty()) {
        const bool https = apiBaseUrl.scheme() == QLatin1String("https");
        const bool localHttp = apiBaseUrl.scheme() == QLatin1String("http") && isLoopback(apiBaseUrl);
        if (!apiBaseUrl.isValid() || apiBaseUrl.host().isEmpty() || !(https || localHttp)) {
            add("apiBaseUrl", Text{QT_TRANSLATE_NOOP("vsc", "use an https URL such as "
                                                            "https://api.dublin.ie1.twilio.com, or leave it empty for "
                                                            "https://api.twilio.com (plain http only to this "
                                                            "computer)"),
                                   {}});
        }
    }
    if (!listenAddress()) {
        add("listen", Text{QT_TRANSLATE_NOOP("vsc", "write the address and port to listen on as HOST:PORT, such as "
                                                    "127.0.0.1:8089"),
                           {}});
    }
    if (publicUrl.isEmpty()) {
        add("publicUrl",
            Text{QT_TRANSLATE_NOOP("vsc", "enter the https URL Twilio reaches this console at (your reverse proxy)"),
                 {}});
    } else if (!publicUrl.isValid() || publicUrl.host().isEmpty() ||
               (publicUrl.scheme() != QLatin1String("https") &&
                !(publicUrl.scheme() == QLatin1String("http") && isLoopback(publicUrl)))) {
        add("publicUrl", Text{QT_TRANSLATE_NOOP("vsc", "Twilio needs an https URL such as "
                                                       "https://surveys.example.com (plain http only to this "
                                                       "computer)"),
                              {}});
    } else if (!publicUrl.userInfo().isEmpty()) {
        add("publicUrl", Text{QT_TRANSLATE_NOOP("vsc", "leave user name and password out of the public URL"), {}});
    }
    if (!isSupportedRegion(defaultRegion)) {
        add("defaultRegion", Text{QT_TRANSLATE_NOOP("vsc", "choose a two-letter region such as US, GB or DE"), {}});
    }
    return found;
}

Result<TwilioSettings> TwilioSettingsService::load()
{
    auto values =
        SecretSettingsStore(m_database, m_clock, m_secrets).load({QStringLiteral("twilio."), QStringLiteral("phone.")});
    if (!values) {
        return values.error();
    }
    return TwilioSettings::fromValues(values.value());
}

bool TwilioSettingsService::hasAuthToken(const QString &accountSid)
{
    return SecretSettingsStore(m_database, m_clock, m_secrets)
        .hasSecret(telephony::TwilioCredentials::authTokenKey(accountSid));
}

QList<SettingProblem> TwilioSettingsService::saveProblems(const TwilioSettings &settings, const TwilioSecrets &secrets)
{
    QList<SettingProblem> problems = settings.problems();
    SecretSettingsStore store(m_database, m_clock, m_secrets);
    if (settings.enabled && secrets.authToken.isEmpty() && !hasAuthToken(settings.accountSid)) {
        problems << SettingProblem::of(
            QStringLiteral("authToken"),
            Text{QT_TRANSLATE_NOOP("vsc", "enter the account's auth token (Twilio signs its webhooks with it)"), {}});
    }
    if (!settings.apiKeySid.isEmpty() && secrets.apiKeySecret.isEmpty() &&
        !store.hasSecret(telephony::TwilioCredentials::apiKeySecretKey(settings.accountSid, settings.apiKeySid))) {
        problems << SettingProblem::of(QStringLiteral("apiKeySecret"),
                                       Text{QT_TRANSLATE_NOOP("vsc", "enter the API key's secret"), {}});
    }
    return problems;
}

Result<void> TwilioSettingsService::save(const Actor &actor, const TwilioSettings &settings,
                                         const TwilioSecrets &secrets)
{
    SecretSettingsStore store(m_database, m_clock, m_secrets);
    const QList<SecretSettingsStore::Secret> typed{
        {telephony::TwilioCredentials::authTokenKey(settings.accountSid), QStringLiteral("twilio.auth_token"),
         secrets.authToken},
        {telephony::TwilioCredentials::apiKeySecretKey(settings.accountSid, settings.apiKeySid),
         QStringLiteral("twilio.api_key_secret"), secrets.apiKeySecret}};
    return store.save(actor, QStringLiteral("change the Twilio settings"), saveProblems(settings, secrets), typed,
                      settings.toValues());
}

Result<telephony::TwilioCredentials> TwilioSettingsService::credentials(const TwilioSettings &settings)
{
    return telephony::TwilioCredentials::fromSecretStore(m_secrets, settings.accountSid, settings.apiKeySid);
}

Result<QByteArray> TwilioSettingsService::authToken(const TwilioSettings &settings)
{
    auto token = m_secrets.read(telephony::TwilioCredentials::authTokenKey(settings.accountSid));
    if (!token) {
        return Error{ErrorCode::Secret, QStringLiteral("no Twilio auth token in the keychain for %1: %2")
                                            .arg(settings.accountSid, token.error().detail)};
    }
    return token.value().toUtf8();
}

void TwilioSettingsService::testConnection(const telephony::TwilioCredentials &credentials, const QUrl &apiBaseUrl,
                                           QNetworkAccessManager *network, Clock &clock, QObject *context,
                                           std::function<void(Result<TwilioConnectionReport>)> done)
{
    telephony::TwilioClientOptions options;
    if (!apiBaseUrl.isEmpty()) {
        options.baseUrl = apiBaseUrl;
    }
    options.maxAttempts = 2; // a person is waiting: say what is wrong rather than retry for long
    // The client lives until the test ends, and is released later, never from inside its own callback.
    auto client = std::make_shared<telephony::TwilioClient>(credentials, options, network, clock);
    QPointer<QObject> guard(context);
    auto finish = [client, guard, done = std::move(done)](Result<TwilioConnectionReport> report) mutable {
        QTimer::singleShot(0, [held = std::move(client)] {}); // breaks the client -> callback -> client cycle
        if (guard) {
            done(std::move(report));
        }
    };
    auto finishShared = std::make_shared<decltype(finish)>(std::move(finish));
    telephony::TwilioClient *raw = client.get();
    raw->fetchAccount([raw, finishShared](Result<telephony::AccountResource> account, const telephony::TwilioError &) {
        if (!account) {
            (*finishShared)(account.error());
            return;
        }
        auto report = std::make_shared<TwilioConnectionReport>();
        report->account = std::move(account).value();
        raw->listCallerNumbers(
            [report, finishShared](Result<QList<telephony::CallerNumber>> numbers, const telephony::TwilioError &) {
                if (!numbers) {
                    (*finishShared)(numbers.error());
                    return;
                }
                report->numbers = std::move(numbers).value();
                (*finishShared)(*report);
            });
    });
}

QString defaultPhoneRegion(storage::Database &database)
{
    auto values = storage::SettingsRepository(database).values(QStringLiteral("phone."));
    return TwilioSettings::fromValues(values ? values.value() : QMap<QString, QString>()).defaultRegion.toUpper();
}

QStringList supportedRegions()
{
    std::set<std::string> regions;
    i18n::phonenumbers::PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    QStringList list;
    for (const std::string &region : regions) {
        list << QString::fromStdString(region);
    }
    return list; // std::set: already sorted
}

bool isCallerNumber(const QList<telephony::CallerNumber> &numbers, const QString &number)
{
    return std::any_of(numbers.cbegin(), numbers.cend(), [&number](const telephony::CallerNumber &candidate) {
        return candidate.phoneNumber == number && candidate.voice;
    });
}

} // namespace vsc::services::settings
