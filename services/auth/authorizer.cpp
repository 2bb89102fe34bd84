// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/authorizer.h"

#include "services/logging/logging.h"
#include "services/storage/auditrepository.h"

namespace vsc::services::auth {

Result<void> Authorizer::require(const Actor &actor, Permission permission, const QString &action,
                                 const QString &entityType, std::optional<qint64> entityId)
{
    if (actor.has(permission)) {
        return {};
    }
    const QString who = actor.isSignedIn() ? actor.name : QStringLiteral("nobody");
    storage::AuditEntry denial =
        storage::auditEntry(actor, QStringLiteral("access.denied"),
                            entityType.isEmpty() ? QStringLiteral("permission") : entityType, entityId);
    denial.actorName = who;
    denial.details = {{QStringLiteral("permission"), permissionKey(permission)}, {QStringLiteral("action"), action}};
    if (auto logged = storage::AuditRepository(m_database).record(denial); !logged) {
        // The denial stands whether or not it could be recorded.
        logging::logger("vsc.auth")
            ->warn("cannot record a denial of {} to {}: {}", action.toStdString(), who.toStdString(),
                   logged.error().toString().toStdString());
    }
    logging::logger("vsc.auth")
        ->info("denied {} to {}: needs {}", action.toStdString(), who.toStdString(),
               permissionKey(permission).toStdString());
    Error denied{actor.isSignedIn() ? ErrorCode::PermissionDenied : ErrorCode::Unauthenticated,
                 QStringLiteral("%1 needs the permission %2").arg(action, permissionKey(permission))};
    // For people: the action is what they just tried, so the window names only what it takes.
    denied.text = Text{QT_TRANSLATE_NOOP("vsc", "the permission %1 is required"), {permissionKey(permission)}};
    return denied;
}

} // namespace vsc::services::auth
