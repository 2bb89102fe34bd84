// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"

#include <QObject>

namespace vsc::services::auth {

enum class SignInMethod { Local, Oidc };

// Who is signed in to this window. The UI follows actorChanged; services never read it (they take an Actor).
class Session final : public QObject
{
    Q_OBJECT
public:
    explicit Session(QObject *parent = nullptr) : QObject(parent) {}

    [[nodiscard]] const Actor &actor() const { return m_actor; }
    [[nodiscard]] SignInMethod method() const { return m_method; }
    void begin(const Actor &actor, SignInMethod method);
    void end();

Q_SIGNALS:
    void actorChanged(const vsc::Actor &actor);
    void signedOut();

private:
    Actor m_actor;
    SignInMethod m_method = SignInMethod::Local;
};

} // namespace vsc::services::auth
