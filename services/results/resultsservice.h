// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/kpis.h"
#include "models/result.h"
#include "services/results/resultsexporter.h"
#include "services/storage/database.h"
#include "services/storage/resultsrepository.h"
#include "services/suppression/suppressionservice.h"

#include <QDateTime>

namespace vsc::services::results {

// One answer, as an export writes it.
struct AnswerRow
{
    qint64 contactId = 0;
    QString phone; // masked without pii.view
    QString questionKey;
    QString value;
    QDateTime answeredAt;
};

// Results for those who may see them (results.view) and take them away (results.export, audited).
class ResultsService final
{
public:
    explicit ResultsService(storage::Database &database) : m_database(database) {}

    Result<DashboardKpis> kpis(const Actor &actor, const QDateTime &now, int days = 7);
    Result<QList<AnswerRow>> exportAnswers(const Actor &actor, qint64 campaignId);

    // The results pane (results.view). Synchronous, calling thread.
    // The campaign's questions, one column each (storage::ResultsRepository::questionColumns).
    Result<QList<storage::QuestionColumn>> questions(const Actor &actor, qint64 campaignId);
    // Up to `limit` contacts after `afterContactId` (keyset), by id. Without pii.view numbers and names are masked
    // and the phone filter is ignored (a masked number must not be found digit by digit).
    Result<QList<storage::ContactResult>> page(const Actor &actor, qint64 campaignId,
                                               const storage::ResultsFilter &filter, qint64 afterContactId, int limit);
    // The export (results.export, audited): see results::exportResults. Synchronous on the calling thread.
    Result<ExportSummary> exportResults(const Actor &actor, const ExportRequest &request,
                                        const std::atomic_bool *cancel = nullptr, const ExportProgress &progress = {})
    {
        return results::exportResults(m_database, actor, request, cancel, progress);
    }

private:
    storage::Database &m_database;
};

// The do-not-call list moved to services/suppression; the old name stays for callers of add() and list().
using SuppressionService = suppression::SuppressionService;

} // namespace vsc::services::results
