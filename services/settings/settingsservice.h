// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "services/clock.h"
#include "services/storage/database.h"

#include <QMap>

namespace vsc::services::settings {

// The console's shared settings for those who may change them (settings.manage): every change is audited with the
// values before and after. Reading needs no permission (the settings hold no secrets). Synchronous.
class SettingsService final
{
public:
    SettingsService(storage::Database &database, Clock &clock) : m_database(database), m_clock(clock) {}

    Result<QMap<QString, QString>> values(const QString &prefix);
    // Sets all of `values` in one transaction (an empty value removes its key) and audits the keys that changed.
    Result<void> set(const Actor &actor, const QMap<QString, QString> &values);

private:
    storage::Database &m_database;
    Clock &m_clock;
};

} // namespace vsc::services::settings
