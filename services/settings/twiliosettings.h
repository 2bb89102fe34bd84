// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "services/clock.h"
#include "services/settings/secretsettings.h"
#include "services/storage/database.h"
#include "services/telephony/twilioclient.h"

#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace vsc::services::auth {
class SecretStore;
}

namespace vsc::services::settings {

// How the console reaches Twilio, kept in app_settings ("twilio.*", "phone.default_region"). The auth token and an
// API key's secret are secrets: they live in the keychain (TwilioCredentials::authTokenKey / apiKeySecretKey), never
// here.
struct TwilioSettings
{
    bool enabled = false; // dial through Twilio; otherwise the simulated carrier
    QString accountSid;   // AC…
    QString apiKeySid;    // SK…, optional: REST calls authenticate with it; webhooks are always signed with the token
    QUrl apiBaseUrl;      // empty: https://api.twilio.com (a regional edge such as https://api.dublin.ie1.twilio.com)
    QString listen = QStringLiteral("127.0.0.1:8089"); // where the console's webhook server listens
    QUrl publicUrl;                                    // what Twilio calls (the reverse proxy in front of `listen`)
    QString defaultRegion = QStringLiteral("US");      // ISO 3166 region for numbers written without +country code
    // The voice-capable numbers the last "test connection" found (owned and verified caller IDs), so a campaign's
    // caller ID can be checked without asking Twilio each time; empty = not known.
    QStringList callerNumbers;

    static TwilioSettings fromValues(const QMap<QString, QString> &values);
    [[nodiscard]] QMap<QString, QString> toValues() const;
    // Everything wrong with these settings for dialing (enabled or not), field by field; empty = usable.
    [[nodiscard]] QList<SettingProblem> problems() const;
    // Why `callerId` cannot be a campaign's caller ID with these settings: empty when it can, or when Twilio is not
    // used or its numbers are not known.
    [[nodiscard]] QString callerIdProblem(const QString &callerId) const;
    // The listen address split, when `listen` is HOST:PORT.
    [[nodiscard]] std::optional<std::pair<QHostAddress, quint16>> listenAddress() const;
};

// The secrets typed into the settings dialog; empty = keep what the keychain has.
struct TwilioSecrets
{
    QString authToken;
    QString apiKeySecret;
};

// What "test connection" found: the account and the numbers calls may come from.
struct TwilioConnectionReport
{
    telephony::AccountResource account;
    QList<telephony::CallerNumber> numbers;
};

// Reads and saves the Twilio settings and their secrets. Saving needs settings.manage and is audited (the settings
// with before and after, the secrets only as "changed", never their values). Synchronous except testConnection.
class TwilioSettingsService final
{
public:
    TwilioSettingsService(storage::Database &database, Clock &clock, auth::SecretStore &secrets)
        : m_database(database), m_clock(clock), m_secrets(secrets)
    {
    }

    Result<TwilioSettings> load();
    // Refuses settings with problems (InvalidArgument listing them); an enabled account needs its auth token, typed
    // now or already in the keychain.
    Result<void> save(const Actor &actor, const TwilioSettings &settings, const TwilioSecrets &secrets);
    // What save() would refuse: settings.problems() plus a secret neither typed nor in the keychain.
    [[nodiscard]] QList<SettingProblem> saveProblems(const TwilioSettings &settings, const TwilioSecrets &secrets);
    // The REST credentials from the keychain (the API key when one is set, else the auth token).
    Result<telephony::TwilioCredentials> credentials(const TwilioSettings &settings);
    // The token Twilio signs webhooks with.
    Result<QByteArray> authToken(const TwilioSettings &settings);
    [[nodiscard]] bool hasAuthToken(const QString &accountSid);

    // Fetches the account and its numbers with `credentials`; `done` runs later on the caller's thread (unless
    // `context` is gone).
    static void testConnection(const telephony::TwilioCredentials &credentials, const QUrl &apiBaseUrl,
                               QNetworkAccessManager *network, Clock &clock, QObject *context,
                               std::function<void(Result<TwilioConnectionReport>)> done);

private:
    storage::Database &m_database;
    Clock &m_clock;
    auth::SecretStore &m_secrets;
};

// The region numbers without a +country code are read in (imports, do-not-call entries): Settings → Twilio's
// "default phone region", shared by every console on the database; US when unset or unreadable.
QString defaultPhoneRegion(storage::Database &database);

// The ISO 3166 regions libphonenumber knows, sorted ("AC", "AD", ..., "US", ...).
QStringList supportedRegions();

// Whether `number` (E.164) is one calls may come from, per a connection test's report.
bool isCallerNumber(const QList<telephony::CallerNumber> &numbers, const QString &number);

} // namespace vsc::services::settings
