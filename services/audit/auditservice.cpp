// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/audit/auditservice.h"

#include "services/auth/authorizer.h"

namespace vsc::services::audit {

Result<QList<storage::AuditEntry>> AuditService::entries(const Actor &actor, const storage::AuditFilter &filter)
{
    if (auto allowed =
            auth::Authorizer(m_database).require(actor, Permission::AuditView, QStringLiteral("read the audit log"));
        !allowed) {
        return allowed.error();
    }
    return storage::AuditRepository(m_database).entries(filter);
}

Result<storage::AuditVerification> AuditService::verify(const Actor &actor)
{
    if (auto allowed =
            auth::Authorizer(m_database).require(actor, Permission::AuditView, QStringLiteral("verify the audit log"));
        !allowed) {
        return allowed.error();
    }
    return storage::AuditRepository(m_database).verify();
}

} // namespace vsc::services::audit
