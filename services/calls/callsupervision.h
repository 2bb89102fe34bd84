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

    // Calls on the line, then up to `maxEnded` that ended since `endedSince`.
    Result<QList<LiveCall>> liveCalls(const Actor &actor, const QDateTime &endedSince = {}, int maxEnded = 0);
    // One call, whatever its status (for an event about a call not shown yet); nullopt when there is none.
    Result<std::optional<LiveCall>> liveCall(const Actor &actor, qint64 attemptId);
    // The detail panel: the call's events and answers so far (answer values are survey data, not contact PII).
    Result<CallDetail> callDetail(const Actor &actor, qint64 attemptId);
    // Asks the provider (on its own thread) to end the call, audited and with the actor stored as who ended it;
    // `done` runs on `context`'s thread.
    void hangUp(const Actor &actor, qint64 attemptId, QObject *context, const std::function<void(Result<void>)> &done);

private:
    Result<void> mayWatch(const Actor &actor);
    storage::Database &m_database;
    telephony::TelephonyProvider *m_provider;
};

} // namespace vsc::services::calls
