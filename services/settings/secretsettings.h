// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "models/text.h"
#include "services/clock.h"
#include "services/storage/database.h"

#include <QList>
#include <QMap>
#include <QString>

namespace vsc::services::auth {
class SecretStore;
}

namespace vsc::services::settings {

// One setting that cannot be used, with what to do about it (shown next to its field).
struct SettingProblem
{
    QString field;   // the form's field: "accountSid", "host", "password", ...
    QString message; // English, for the CLI and logs
    Text text;       // `message` for ui/ to translate

    [[nodiscard]] static SettingProblem of(const QString &field, const Text &text)
    {
        return {field, text.toString(), text};
    }
};

// What the Twilio and the e-mail settings have in common: plain values in app_settings under a few prefixes, secrets
// in the keychain, saving that needs settings.manage, refuses settings with problems and audits secrets only as
// "changed". Synchronous, calling thread; the keychain blocks briefly.
class SecretSettingsStore final
{
public:
    SecretSettingsStore(storage::Database &database, Clock &clock, auth::SecretStore &secrets)
        : m_database(database), m_clock(clock), m_secrets(secrets)
    {
    }

    // The values under each prefix ("twilio.", "phone."), merged.
    Result<QMap<QString, QString>> load(const QStringList &prefixes);
    // Whether the keychain holds a non-empty secret under `key`.
    [[nodiscard]] bool hasSecret(const QString &key);

    struct Secret
    {
        QString key;       // the keychain entry
        QString auditName; // how the audit names it ("mail.password")
        QString value;     // empty: keep what the keychain has
    };
    // Saves `values` and the typed secrets, in that order of safety: the secrets first (settings that name an account
    // whose secret is missing would leave the feature broken), then one audit entry naming the changed secrets, then
    // the values (audited by SettingsService). `action` words the permission check ("change the e-mail settings").
    // InvalidArgument listing `problems` ("field: message" a line) when there are any, before anything is written.
    Result<void> save(const Actor &actor, const QString &action, const QList<SettingProblem> &problems,
                      const QList<Secret> &secrets, const QMap<QString, QString> &values);

    // InvalidArgument listing the problems, "field: message" a line (the CLI prints it; ui/ shows them by field).
    [[nodiscard]] static Error problemsError(const QList<SettingProblem> &problems);

private:
    storage::Database &m_database;
    Clock &m_clock;
    auth::SecretStore &m_secrets;
};

} // namespace vsc::services::settings
