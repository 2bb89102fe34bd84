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

Result<QList<storage::QuestionColumn>> ResultsService::questions(const Actor &actor, qint64 campaignId)
{
    if (auto allowed = auth::Authorizer(m_database)
                           .require(actor, Permission::ResultsView, QStringLiteral("see results"),
                                    QStringLiteral("campaign"), campaignId);
        !allowed) {
        return allowed.error();
    }
    return storage::ResultsRepository(m_database).questionColumns(campaignId);
}

Result<QList<storage::ContactResult>> ResultsService::page(const Actor &actor, qint64 campaignId,
                                                           const storage::ResultsFilter &filter, qint64 afterContactId,
                                                           int limit)
{
    if (auto allowed = auth::Authorizer(m_database)
                           .require(actor, Permission::ResultsView, QStringLiteral("see results"),
                                    QStringLiteral("campaign"), campaignId);
        !allowed) {
        return allowed.error();
    }
    const bool clear = actor.has(Permission::PiiView);
    storage::ResultsFilter narrowed = filter;
    if (!clear) {
        narrowed.phoneFragment.clear();
    }
    auto rows = storage::ResultsRepository(m_database).page(campaignId, narrowed, afterContactId, limit);
    if (!rows || clear) {
        return rows;
    }
    for (storage::ContactResult &row : rows.value()) {
        row.phoneE164 = maskPhoneNumber(row.phoneE164);
        row.name = maskPersonName(row.name);
    }
    return rows;
}

} // namespace vsc::services::results
