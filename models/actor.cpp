// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/actor.h"

namespace vsc {

Actor Actor::fileOwner(const QString &osUser)
{
    Actor actor;
    actor.kind = ActorKind::FileOwner;
    actor.name = QStringLiteral("os:") + osUser;
    actor.displayName = osUser;
    actor.roles = {QStringLiteral("admin")};
    actor.permissions = PermissionSet::all();
    return actor;
}

Actor Actor::system(const QString &component)
{
    Actor actor;
    actor.kind = ActorKind::System;
    actor.name = QStringLiteral("system:") + component;
    actor.displayName = component;
    actor.permissions = PermissionSet::all();
    return actor;
}

QString maskPersonName(const QString &name)
{
    const QChar bullet(u'\u2022');
    QString masked = name;
    bool wordStart = true;
    for (qsizetype i = 0; i < masked.size(); ++i) {
        if (!masked.at(i).isLetterOrNumber()) {
            wordStart = true;
            continue;
        }
        if (!wordStart) {
            masked[i] = bullet;
        }
        wordStart = false;
    }
    return masked;
}

} // namespace vsc
