// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/permission.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace vsc {

enum class ActorKind {
    Nobody,        // not signed in: every check fails
    User,          // a console user, signed in locally or through the identity provider
    FileOwner,     // headless, SQLite: the OS user who can read the file is trusted with everything
    DatabaseLogin, // headless, PostgreSQL: the login's app role decides
    System,        // the console's own machinery (the dialer, the webhook flow): no person
};

// Who is acting. Every services/ entry point that reads personal data or changes anything takes one and checks
// the permission itself; the UI only mirrors the result.
struct Actor
{
    ActorKind kind = ActorKind::Nobody;
    std::optional<qint64> userId; // the users row, when there is one
    QString name;                 // what the audit log says: "ada", "os:alice", "pg:alice", "system:dialer"
    QString displayName;          // for the status bar: "Ada Admin"
    QStringList roles;
    PermissionSet permissions;

    [[nodiscard]] bool has(Permission permission) const { return permissions.has(permission); }
    [[nodiscard]] bool isSignedIn() const { return kind != ActorKind::Nobody; }

    static Actor nobody() { return {}; }
    static Actor fileOwner(const QString &osUser);
    static Actor system(const QString &component);
};

// "Jane Doe" → "J••• D••": the first letter of each word, the rest bulleted (length kept, as maskPhoneNumber keeps
// the number's shape).
QString maskPersonName(const QString &name);

} // namespace vsc

Q_DECLARE_METATYPE(vsc::Actor)
