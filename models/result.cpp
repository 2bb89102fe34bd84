// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/result.h"

namespace vsc {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return QStringLiteral("invalid argument");
    case ErrorCode::NotFound:
        return QStringLiteral("not found");
    case ErrorCode::Database:
        return QStringLiteral("database error");
    case ErrorCode::ConnectionLost:
        return QStringLiteral("connection lost");
    case ErrorCode::Migration:
        return QStringLiteral("migration failed");
    case ErrorCode::SchemaTooNew:
        return QStringLiteral("schema too new");
    case ErrorCode::Io:
        return QStringLiteral("I/O error");
    case ErrorCode::Network:
        return QStringLiteral("network error");
    case ErrorCode::PermissionDenied:
        return QStringLiteral("permission denied");
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    case ErrorCode::Secret:
        return QStringLiteral("secret store error");
    case ErrorCode::Unauthenticated:
        return QStringLiteral("not signed in");
    case ErrorCode::AccountDisabled:
        return QStringLiteral("account disabled");
    case ErrorCode::AccountLocked:
        return QStringLiteral("account locked");
    case ErrorCode::PasswordPolicy:
        return QStringLiteral("password rejected by policy");
    case ErrorCode::PasswordChangeRequired:
        return QStringLiteral("password change required");
    case ErrorCode::TokenRejected:
        return QStringLiteral("token rejected");
    case ErrorCode::IdentityProvider:
        return QStringLiteral("identity provider error");
    case ErrorCode::LastAdmin:
        return QStringLiteral("last admin");
    case ErrorCode::Internal:
        break;
    }
    return QStringLiteral("internal error");
}

} // namespace vsc
