// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/storage/database.h"

#include <QMap>

namespace vsc::services::storage {

// The console's shared, non-secret settings (app_settings: key → text). Secrets live in the OS keychain, never here.
// Synchronous, calling thread.
class SettingsRepository final
{
public:
    explicit SettingsRepository(Database &database) : m_database(database) {}

    // The keys starting with `prefix` ("oidc.") and their values.
    Result<QMap<QString, QString>> values(const QString &prefix);
    // An empty value removes the key.
    Result<void> set(const QString &key, const QString &value);

private:
    Database &m_database;
};

} // namespace vsc::services::storage
