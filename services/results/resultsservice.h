// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/kpis.h"
#include "models/result.h"
#include "services/storage/database.h"
#include "services/storage/suppressionrepository.h"

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

private:
    storage::Database &m_database;
};

// The do-not-call list: suppression.manage to change it, contacts.view to read it (masked without pii.view).
class SuppressionService final
{
public:
    explicit SuppressionService(storage::Database &database) : m_database(database) {}

    Result<void> add(const Actor &actor, const storage::Suppression &entry);
    Result<QList<storage::Suppression>> list(const Actor &actor);

private:
    storage::Database &m_database;
};

} // namespace vsc::services::results
