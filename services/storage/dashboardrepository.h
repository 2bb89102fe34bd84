// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/kpis.h"
#include "models/result.h"
#include "services/storage/database.h"

#include <QDateTime>

namespace vsc::services::storage {

// The Dashboard's figures, computed in the database. Synchronous, calling thread.
class DashboardRepository final
{
public:
    explicit DashboardRepository(Database &database) : m_database(database) {}

    // Totals across all campaigns, plus outcomes per UTC day for the `days` days ending at `now`.
    Result<DashboardKpis> kpis(const QDateTime &now, int days = 7);

private:
    Database &m_database;
};

} // namespace vsc::services::storage
