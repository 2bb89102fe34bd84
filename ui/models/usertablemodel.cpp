// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/usertablemodel.h"

#include <QLocale>

namespace vsc::ui {

QStringList UserTableModel::headers() const
{
    return {tr("Username"), tr("Name"), tr("Email"), tr("Roles"), tr("Sign-in"), tr("State"), tr("Last sign-in")};
}

QVariant UserTableModel::cell(const User &row, int column, int role) const
{
    if (role == Qt::DisplayRole) {
        switch (column) {
        case UsernameColumn:
            return row.username;
        case NameColumn:
            return row.displayName;
        case EmailColumn:
            return row.email;
        case RolesColumn:
            return row.roles.join(QStringLiteral(", "));
        case SourceColumn:
            return row.authSource == AuthSource::Oidc ? tr("OpenID Connect") : tr("Local account");
        case StateColumn:
            if (row.disabled) {
                return tr("Disabled");
            }
            if (row.lockedUntil.isValid() && row.lockedUntil > QDateTime::currentDateTimeUtc()) {
                return tr("Locked until %1")
                    .arg(QLocale().toString(row.lockedUntil.toLocalTime().time(), QLocale::ShortFormat));
            }
            if (row.authSource == AuthSource::Oidc && row.oidcIssuer.isEmpty()) {
                return tr("Invited");
            }
            if (row.mustChangePassword) {
                return tr("Must change password");
            }
            return row.failedAttempts > 0 ? tr("Active (%n failed sign-in(s))", nullptr, row.failedAttempts)
                                          : tr("Active");
        case LastLoginColumn:
            return row.lastLoginAt.isValid() ? QLocale().toString(row.lastLoginAt.toLocalTime(), QLocale::ShortFormat)
                                             : tr("never");
        default:
            return {};
        }
    }
    if (role == Qt::UserRole) {
        return row.id;
    }
    return {};
}

} // namespace vsc::ui
