// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/settingsrepository.h"

#include "services/storage/sql.h"

namespace vsc::services::storage {

Result<QMap<QString, QString>> SettingsRepository::values(const QString &prefix)
{
    auto query = exec(m_database.connection(),
                      QStringLiteral("SELECT key, value FROM app_settings WHERE substr(key, 1, ?) = ? ORDER BY key"),
                      {prefix.size(), prefix});
    if (!query) {
        return query.error();
    }
    QMap<QString, QString> values;
    while (query.value().next()) {
        values.insert(query.value().value(0).toString(), query.value().value(1).toString());
    }
    return values;
}

Result<void> SettingsRepository::set(const QString &key, const QString &value)
{
    auto done = value.isEmpty()
                    ? exec(m_database.connection(), QStringLiteral("DELETE FROM app_settings WHERE key = ?"), {key})
                    : exec(m_database.connection(),
                           QStringLiteral("INSERT INTO app_settings (key, value) VALUES (?, ?) "
                                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                           {key, value});
    if (!done) {
        return done.error();
    }
    return {};
}

} // namespace vsc::services::storage
