// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/kpis.h"
#include "models/result.h"
#include "services/reporting/aapor.h"
#include "services/storage/database.h"

#include <QDateTime>
#include <QMap>
#include <QStringList>

#include <optional>

namespace vsc::services::storage {

// Which attempts a dashboard figure counts: those claimed in [from, to), of one campaign or all.
struct DashboardFilter
{
    std::optional<qint64> campaignId;
    QDateTime from;
    QDateTime to;
};

struct AttemptTotals
{
    qint64 dialed = 0;
    qint64 answered = 0;               // picked up by anyone, answering machines included
    qint64 active = 0;                 // not finished yet
    double averageDurationSeconds = 0; // of connected calls
    qint64 billableMinutes = 0;        // each call's seconds rounded up to whole minutes, as carriers bill
};

// Contacts that share the same facts, so the disposition rule (reporting::dispositionFor) runs once per group.
struct CaseFactsGroup
{
    reporting::CaseFacts facts;
    qint64 cases = 0;
};

// Attempts in one UTC hour to contacts of one time zone ("" when the contact has none).
struct ZoneHourCount
{
    QString timeZone;
    QDateTime utcHour;
    qint64 attempts = 0;
};

struct DashboardQuestion
{
    QString key;
    QString prompt;
    QString type;        // questions.type: yes_no, single_choice, numeric, free_speech, recording
    QStringList choices; // single_choice: the values answers are normalised to
    int min = 0;         // numeric: the accepted range
    int max = 0;
};

// Where the per-selection figures come from: the summary tables of migration 0014, kept by triggers (the default),
// or the attempts themselves (the reference the tests and bench_dashboard compare the summary with).
enum class DashboardSource { Summary, Attempts };

// The Dashboard's figures, computed in the database. Synchronous, calling thread.
class DashboardRepository final
{
public:
    explicit DashboardRepository(Database &database, DashboardSource source = DashboardSource::Summary)
        : m_database(database), m_source(source)
    {
    }

    // Totals across all campaigns, plus outcomes per UTC day for the `days` days ending at `now`.
    Result<DashboardKpis> kpis(const QDateTime &now, int days = 7);

    // Per selection (DashboardService). All parameterised; the campaign filter is left out for "all campaigns".
    Result<AttemptTotals> attemptTotals(const DashboardFilter &filter);
    // One row per distinct combination of facts among the contacts whose first attempt is in the selection (each
    // with the facts of all its attempts: its final disposition).
    Result<QList<CaseFactsGroup>> caseFacts(const DashboardFilter &filter);
    Result<QList<ZoneHourCount>> attemptsByZoneAndHour(const DashboardFilter &filter);
    // Attempts by outcome: the call status, or "machine" when an answering machine picked up.
    Result<QList<std::pair<QString, qint64>>> outcomes(const DashboardFilter &filter);
    // The campaign's questions in script order (its pinned script version).
    Result<QList<DashboardQuestion>> questions(qint64 campaignId);
    // Answers to the question with `questionKey` given in the selection's attempts, by normalised value.
    Result<QList<std::pair<QString, qint64>>> answerCounts(const DashboardFilter &filter, const QString &questionKey);

private:
    // The summary holds whole UTC hours: a period whose ends are not on one (a zone with a half-hour offset) is
    // counted from the attempts.
    [[nodiscard]] bool fromSummary(const DashboardFilter &filter) const;

    Database &m_database;
    DashboardSource m_source;
};

} // namespace vsc::services::storage
