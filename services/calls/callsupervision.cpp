// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/calls/callsupervision.h"

#include "models/contact.h"
#include "services/auth/authorizer.h"
#include "services/storage/auditrepository.h"
#include "services/storage/callrepository.h"
#include "services/telephony/telephonyprovider.h"

#include <QPointer>

namespace vsc::services::calls {

Result<QList<LiveCall>> CallSupervision::liveCalls(const Actor &actor)
{
    if (auto allowed =
            auth::Authorizer(m_database).require(actor, Permission::CallsMonitor, QStringLiteral("watch live calls"));
        !allowed) {
        return allowed.error();
    }
    auto calls = storage::CallRepository(m_database).liveCalls();
    if (!calls || actor.has(Permission::PiiView)) {
        return calls;
    }
    for (LiveCall &call : calls.value()) {
        call.phoneE164 = maskPhoneNumber(call.phoneE164);
        call.contactName = maskPersonName(call.contactName);
    }
    return calls;
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
    QPointer<telephony::TelephonyProvider> provider = m_provider;
    const QString sid = attempt.value().callSid;
    QMetaObject::invokeMethod(
        m_provider,
        [provider, sid, answer] {
            if (provider) {
                provider->hangUp(sid, answer);
            }
        },
        Qt::QueuedConnection);
}

} // namespace vsc::services::calls
