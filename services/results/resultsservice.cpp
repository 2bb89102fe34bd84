// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/results/resultsservice.h"

#include "models/contact.h"
#include "services/auth/authorizer.h"
#include "services/storage/auditrepository.h"
#include "services/storage/callrepository.h"
#include "services/storage/dashboardrepository.h"

namespace vsc::services::results {

Result<DashboardKpis> ResultsService::kpis(const Actor &actor, const QDateTime &now, int days)
{
    if (auto allowed =
            auth::Authorizer(m_database).require(actor, Permission::ResultsView, QStringLiteral("see results"));
        !allowed) {
        return allowed.error();
    }
    return storage::DashboardRepository(m_database).kpis(now, days);
}

Result<QList<AnswerRow>> ResultsService::exportAnswers(const Actor &actor, qint64 campaignId)
{
    if (auto allowed = auth::Authorizer(m_database)
                           .require(actor, Permission::ResultsExport, QStringLiteral("export results"),
                                    QStringLiteral("campaign"), campaignId);
        !allowed) {
        return allowed.error();
    }
    auto answers = storage::CallRepository(m_database).campaignAnswers(campaignId);
    if (!answers) {
        return answers.error();
    }
    const bool clear = actor.has(Permission::PiiView);
    QList<AnswerRow> rows;
    rows.reserve(answers.value().size());
    for (const auto &a : answers.value()) {
        rows.append(
            {a.contactId, clear ? a.phoneE164 : maskPhoneNumber(a.phoneE164), a.questionKey, a.value, a.answeredAt});
    }
    storage::AuditEntry entry =
        storage::auditEntry(actor, QStringLiteral("results.export"), QStringLiteral("campaign"), campaignId);
    entry.details = {{QStringLiteral("answers"), int(rows.size())}, {QStringLiteral("numbersMasked"), !clear}};
    if (auto logged = storage::AuditRepository(m_database).record(entry); !logged) {
        return logged.error();
    }
    return rows;
}

Result<void> SuppressionService::add(const Actor &actor, const storage::Suppression &entry)
{
    if (auto allowed =
            auth::Authorizer(m_database)
                .require(actor, Permission::SuppressionManage, QStringLiteral("add to the do-not-call list"));
        !allowed) {
        return allowed;
    }
    if (auto added = storage::SuppressionRepository(m_database).add(entry); !added) {
        return added;
    }
    storage::AuditEntry audit =
        storage::auditEntry(actor, QStringLiteral("suppression.add"), QStringLiteral("suppression"), entry.campaignId);
    audit.after = {{QStringLiteral("number"), maskPhoneNumber(entry.phoneE164)},
                   {QStringLiteral("reason"), entry.reason}};
    if (auto logged = storage::AuditRepository(m_database).record(audit); !logged) {
        return logged.error();
    }
    return {};
}

Result<QList<storage::Suppression>> SuppressionService::list(const Actor &actor)
{
    if (auto allowed = auth::Authorizer(m_database)
                           .require(actor, Permission::ContactsView, QStringLiteral("read the do-not-call list"));
        !allowed) {
        return allowed.error();
    }
    auto entries = storage::SuppressionRepository(m_database).all();
    if (!entries || actor.has(Permission::PiiView)) {
        return entries;
    }
    for (storage::Suppression &entry : entries.value()) {
        entry.phoneE164 = maskPhoneNumber(entry.phoneE164);
    }
    return entries;
}

} // namespace vsc::services::results
