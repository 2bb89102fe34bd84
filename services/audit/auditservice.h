// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "services/storage/auditrepository.h"

namespace vsc::services::audit {

// Reading the audit log and checking its chain, for those with audit.view. Synchronous, calling thread.
class AuditService final
{
public:
    explicit AuditService(storage::Database &database) : m_database(database) {}

    Result<QList<storage::AuditEntry>> entries(const Actor &actor, const storage::AuditFilter &filter);
    Result<storage::AuditVerification> verify(const Actor &actor);

private:
    storage::Database &m_database;
};

} // namespace vsc::services::audit
