// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/session.h"

namespace vsc::services::auth {

void Session::begin(const Actor &actor, SignInMethod method)
{
    m_actor = actor;
    m_method = method;
    Q_EMIT actorChanged(m_actor);
}

void Session::end()
{
    if (!m_actor.isSignedIn()) {
        return;
    }
    m_actor = Actor::nobody();
    Q_EMIT actorChanged(m_actor);
    Q_EMIT signedOut();
}

} // namespace vsc::services::auth
