// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/call.h"
#include "models/result.h"
#include "services/storage/database.h"

#include <QObject>

#include <functional>

namespace vsc::services::telephony {
class TelephonyProvider;
}

namespace vsc::services::calls {

// Watching live calls (calls.monitor) and ending one (calls.hangup), for supervisors. Numbers and names are masked
// for those without pii.view. A hang-up is audited before it is asked of the provider.
class CallSupervision final
{
public:
    // `provider` may be null (a console that does not dial): hanging up is then refused.
    CallSupervision(storage::Database &database, telephony::TelephonyProvider *provider)
        : m_database(database), m_provider(provider)
    {
    }

    Result<QList<LiveCall>> liveCalls(const Actor &actor);
    // Asks the provider (on its own thread) to end the call; `done` runs on `context`'s thread.
    void hangUp(const Actor &actor, qint64 attemptId, QObject *context, const std::function<void(Result<void>)> &done);

private:
    storage::Database &m_database;
    telephony::TelephonyProvider *m_provider;
};

} // namespace vsc::services::calls
