// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/settings/settingsservice.h"

#include "services/auth/authorizer.h"
#include "services/storage/auditrepository.h"
#include "services/storage/settingsrepository.h"
#include "services/storage/transaction.h"

namespace vsc::services::settings {

Result<QMap<QString, QString>> SettingsService::values(const QString &prefix)
{
    return storage::SettingsRepository(m_database).values(prefix);
}

Result<void> SettingsService::set(const Actor &actor, const QMap<QString, QString> &values)
{
    if (auto allowed =
            auth::Authorizer(m_database).require(actor, Permission::SettingsManage, QStringLiteral("change settings"));
        !allowed) {
        return allowed;
    }
    storage::SettingsRepository repository(m_database);
    storage::Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun) {
        return begun;
    }
    auto current = repository.values(QString());
    if (!current) {
        return current.error();
    }
    QVariantMap before;
    QVariantMap after;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (current.value().value(it.key()) == it.value()) {
            continue;
        }
        before.insert(it.key(), current.value().value(it.key()));
        after.insert(it.key(), it.value());
        if (auto stored = repository.set(it.key(), it.value()); !stored) {
            return stored;
        }
    }
    if (after.isEmpty()) {
        return {};
    }
    storage::AuditEntry entry =
        storage::auditEntry(actor, QStringLiteral("settings.change"), QStringLiteral("settings"));
    entry.at = m_clock.nowUtc();
    entry.before = before;
    entry.after = after;
    if (auto logged = storage::AuditRepository(m_database).record(entry); !logged) {
        return logged.error();
    }
    return transaction.commit();
}

} // namespace vsc::services::settings
