// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/settings/secretsettings.h"

#include "services/auth/authorizer.h"
#include "services/auth/secretstore.h"
#include "services/settings/settingsservice.h"
#include "services/storage/auditrepository.h"

namespace vsc::services::settings {

Result<QMap<QString, QString>> SecretSettingsStore::load(const QStringList &prefixes)
{
    SettingsService settings(m_database, m_clock);
    QMap<QString, QString> merged;
    for (const QString &prefix : prefixes) {
        auto values = settings.values(prefix);
        if (!values) {
            return values.error();
        }
        merged.insert(values.value());
    }
    return merged;
}

bool SecretSettingsStore::hasSecret(const QString &key)
{
    auto secret = m_secrets.read(key);
    return secret.ok() && !secret.value().isEmpty();
}

Error SecretSettingsStore::problemsError(const QList<SettingProblem> &problems)
{
    QStringList lines;
    for (const SettingProblem &problem : problems) {
        lines << problem.field + QStringLiteral(": ") + problem.message;
    }
    return Error{ErrorCode::InvalidArgument, lines.join(u'\n')};
}

Result<void> SecretSettingsStore::save(const Actor &actor, const QString &action, const QList<SettingProblem> &problems,
                                       const QList<Secret> &secrets, const QMap<QString, QString> &values)
{
    if (auto allowed = auth::Authorizer(m_database).require(actor, Permission::SettingsManage, action); !allowed) {
        return allowed;
    }
    if (!problems.isEmpty()) {
        return problemsError(problems);
    }
    QVariantMap changed;
    for (const Secret &secret : secrets) {
        if (secret.value.isEmpty()) {
            continue;
        }
        if (auto written = m_secrets.write(secret.key, secret.value); !written) {
            return written;
        }
        changed.insert(secret.auditName, QStringLiteral("changed"));
    }
    if (!changed.isEmpty()) {
        storage::AuditEntry entry =
            storage::auditEntry(actor, QStringLiteral("settings.secret"), QStringLiteral("settings"));
        entry.at = m_clock.nowUtc();
        entry.after = changed; // that they changed, never their values
        if (auto logged = storage::AuditRepository(m_database).record(entry); !logged) {
            return logged.error();
        }
    }
    return SettingsService(m_database, m_clock).set(actor, values);
}

} // namespace vsc::services::settings
