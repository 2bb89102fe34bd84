// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/calls/callsupervision.h"

#include "models/contact.h"
#include "services/auth/authorizer.h"
#include "services/storage/auditrepository.h"
#include "services/storage/callrepository.h"
#include "services/telephony/telephonyprovider.h"

#include <QPointer>

namespace vsc::services::calls {

namespace {

void mask(LiveCall &call)
{
    call.phoneE164 = maskPhoneNumber(call.phoneE164);
    call.contactName = maskPersonName(call.contactName);
}

} // namespace

Result<void> CallSupervision::mayWatch(const Actor &actor)
{
    return auth::Authorizer(m_database).require(actor, Permission::CallsMonitor, QStringLiteral("watch live calls"));
}

Result<QList<LiveCall>> CallSupervision::liveCalls(const Actor &actor, const QDateTime &endedSince, int maxEnded)
{
    if (auto allowed = mayWatch(actor); !allowed) {
        return allowed.error();
    }
    auto calls = storage::CallRepository(m_database).liveCalls(endedSince, maxEnded);
    if (!calls || actor.has(Permission::PiiView)) {
        return calls;
    }
    for (LiveCall &call : calls.value()) {
        mask(call);
    }
    return calls;
}

Result<std::optional<LiveCall>> CallSupervision::liveCall(const Actor &actor, qint64 attemptId)
{
    if (auto allowed = mayWatch(actor); !allowed) {
        return allowed.error();
    }
    auto call = storage::CallRepository(m_database).liveCall(attemptId);
    if (call && call.value() && !actor.has(Permission::PiiView)) {
        mask(*call.value());
    }
    return call;
}

Result<CallDetail> CallSupervision::callDetail(const Actor &actor, qint64 attemptId)
{
    if (auto allowed = mayWatch(actor); !allowed) {
        return allowed.error();
    }
    return storage::CallRepository(m_database).callDetail(attemptId);
}

void CallSupervision::hangUp(const Actor &actor, qint64 attemptId, QObject *context,
                             const std::function<void(Result<void>)> &done)
{
    const auto answer = [context, done](const Result<void> &result) {
        QMetaObject::invokeMethod(
            context, [done, result] { done(result); }, Qt::QueuedConnection);
    };
    if (auto allowed =
            auth::Authorizer(m_database)
                .require(actor, Permission::CallsHangup, QStringLiteral("hang up"), QStringLiteral("call"), attemptId);
        !allowed) {
        answer(allowed);
        return;
    }
    auto attempt = storage::CallRepository(m_database).attempt(attemptId);
    if (!attempt) {
        answer(attempt.error());
        return;
    }
    if (isTerminal(attempt.value().status)) {
        answer(Error{ErrorCode::Conflict, QStringLiteral("the call has already ended")});
        return;
    }
    if (attempt.value().callSid.isEmpty()) {
        answer(Error{ErrorCode::Conflict, QStringLiteral("the call is not connected to the carrier yet")});
        return;
    }
    if (m_provider == nullptr) {
        answer(Error{ErrorCode::InvalidArgument, QStringLiteral("this console does not place calls")});
        return;
    }
    storage::AuditEntry entry =
        storage::auditEntry(actor, QStringLiteral("call.hangup"), QStringLiteral("call"), attemptId);
    entry.before = {{QStringLiteral("status"), callStatusKey(attempt.value().status)}};
    entry.details = {{QStringLiteral("campaign"), attempt.value().campaignId}};
    if (auto logged = storage::AuditRepository(m_database).record(entry); !logged) {
        answer(logged.error());
        return;
    }
    // Named before the carrier is asked, so the call's final status finds who ended it.
    auto named =
        storage::CallRepository(m_database).recordHangUp(attemptId, actor.name, QDateTime::currentDateTimeUtc());
    if (!named) {
        answer(named.error());
        return;
    }
    if (!named.value()) {
        answer(Error{ErrorCode::Conflict, QStringLiteral("the call has already ended or is being ended")});
        return;
    }
    QPointer<telephony::TelephonyProvider> provider = m_provider;
    const QString sid = attempt.value().callSid;
    storage::Database *database = &m_database;
    // A refusal by the carrier leaves the call going: it is then not named as ended by anyone.
    const auto finished = [context, done, database, attemptId](const Result<void> &result) {
        QMetaObject::invokeMethod(
            context,
            [done, result, database, attemptId] {
                if (!result) {
                    (void)storage::CallRepository(*database).clearHangUp(attemptId);
                }
                done(result);
            },
            Qt::QueuedConnection);
    };
    QMetaObject::invokeMethod(
        m_provider,
        [provider, sid, finished] {
            if (provider) {
                provider->hangUp(sid, finished);
            } else {
                finished(Error{ErrorCode::Conflict, QStringLiteral("the carrier is gone")});
            }
        },
        Qt::QueuedConnection);
}

} // namespace vsc::services::calls
