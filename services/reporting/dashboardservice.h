// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "services/reporting/aapor.h"
#include "services/storage/dashboardrepository.h"

#include <QDate>
#include <QDateTime>
#include <QList>

#include <array>
#include <optional>

namespace vsc::services::reporting {

// What the dashboard shows: one campaign or all, over a period.
struct DashboardSelection
{
    enum class Period { Today, Last7Days, Last30Days, Custom };
    std::optional<qint64> campaignId; // nullopt: every campaign
    Period period = Period::Last7Days;
    QDate customFrom; // Custom: both days included, in the console's local time
    QDate customTo;
};

// [from, to) in UTC for the selection at `now`: days start at local midnight; "7 days" is today and the 6 before.
[[nodiscard]] storage::DashboardFilter filterFor(const DashboardSelection &selection, const QDateTime &now);

struct FunnelCounts
{
    qint64 dialed = 0;        // contacts with an attempt in the period
    qint64 answered = 0;      // ... that a person picked up
    qint64 firstQuestion = 0; // ... that answered at least one question
    qint64 completed = 0;     // ... that finished the survey
};

struct DashboardReport
{
    storage::DashboardFilter filter;
    qint64 dialed = 0; // attempts
    qint64 answered = 0;
    qint64 active = 0;
    qint64 completed = 0; // completed interviews (contacts, disposition I)
    qint64 optOuts = 0;   // contacts that opted out
    double averageDurationSeconds = 0;
    qint64 billableMinutes = 0;
    std::optional<double> ratePerMinute; // billing.rate_per_minute; nullopt when not set
    std::array<qint64, 24> attemptsByLocalHour{};
    QList<std::pair<QString, qint64>> outcomes;
    FunnelCounts funnel;
    DispositionCounts dispositions;

    [[nodiscard]] double answerRate() const { return dialed > 0 ? double(answered) / double(dialed) : 0.0; }
    // Completed interviews per answered call.
    [[nodiscard]] double completionRate() const { return answered > 0 ? double(completed) / double(answered) : 0.0; }
    [[nodiscard]] std::optional<double> estimatedCost() const
    {
        return ratePerMinute ? std::optional<double>(*ratePerMinute * double(billableMinutes)) : std::nullopt;
    }
};

// One bar of a question's distribution: a choice, or a range of numbers [low, high].
struct AnswerBar
{
    QString label;
    qint64 count = 0;
};

// The dashboard's figures for those who may see results (results.view). Synchronous, calling thread.
class DashboardService final
{
public:
    static constexpr auto kRatePerMinuteKey = "billing.rate_per_minute";

    explicit DashboardService(storage::Database &database,
                              storage::DashboardSource source = storage::DashboardSource::Summary)
        : m_database(database), m_source(source)
    {
    }

    Result<DashboardReport> report(const Actor &actor, const DashboardSelection &selection, const QDateTime &now);
    Result<QList<storage::DashboardQuestion>> questions(const Actor &actor, qint64 campaignId);
    // Choices as bars in the script's order (answers outside it after them); numbers in up to 10 equal bins.
    Result<QList<AnswerBar>> answerDistribution(const Actor &actor, const DashboardSelection &selection,
                                                const storage::DashboardQuestion &question, const QDateTime &now);

private:
    Result<void> allowed(const Actor &actor);

    storage::Database &m_database;
    storage::DashboardSource m_source;
};

// Local hour of day (0-23) per zone of UTC hour buckets; an unknown or empty zone counts in UTC.
[[nodiscard]] std::array<qint64, 24> byLocalHour(const QList<storage::ZoneHourCount> &rows);
// Numbers into up to `maxBins` bins of equal whole-number width over [min, max] (the observed range when the
// question gives none); values that are not numbers are left out.
[[nodiscard]] QList<AnswerBar> histogram(const QList<std::pair<QString, qint64>> &values, int min, int max,
                                         int maxBins = 10);

} // namespace vsc::services::reporting
