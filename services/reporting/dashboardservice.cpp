// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/reporting/dashboardservice.h"

#include "services/auth/authorizer.h"
#include "services/storage/settingsrepository.h"

#include <QHash>
#include <QTimeZone>

#include <cmath>

namespace vsc::services::reporting {

storage::DashboardFilter filterFor(const DashboardSelection &selection, const QDateTime &now)
{
    const QDate today = now.toLocalTime().date();
    QDate first = today;
    QDate last = today;
    switch (selection.period) {
    case DashboardSelection::Period::Today:
        break;
    case DashboardSelection::Period::Last7Days:
        first = today.addDays(-6);
        break;
    case DashboardSelection::Period::Last30Days:
        first = today.addDays(-29);
        break;
    case DashboardSelection::Period::Custom:
        first = selection.customFrom.isValid() ? selection.customFrom : today;
        last = selection.customTo.isValid() ? selection.customTo : first;
        if (last < first) {
            std::swap(first, last);
        }
        break;
    }
    return {selection.campaignId, first.startOfDay().toUTC(), last.addDays(1).startOfDay().toUTC()};
}

std::array<qint64, 24> byLocalHour(const QList<storage::ZoneHourCount> &rows)
{
    std::array<qint64, 24> hours{};
    QHash<QString, QTimeZone> zones;
    for (const storage::ZoneHourCount &row : rows) {
        auto zone = zones.find(row.timeZone);
        if (zone == zones.end()) {
            QTimeZone tz(row.timeZone.toUtf8());
            zone = zones.insert(row.timeZone, tz.isValid() ? tz : QTimeZone::utc());
        }
        const int hour = row.utcHour.toTimeZone(*zone).time().hour();
        hours.at(std::size_t(hour)) += row.attempts;
    }
    return hours;
}

QList<AnswerBar> histogram(const QList<std::pair<QString, qint64>> &values, int min, int max, int maxBins)
{
    QList<std::pair<qint64, qint64>> numbers;
    for (const auto &[text, count] : values) {
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (ok) {
            numbers.append({qint64(std::floor(value)), count});
        }
    }
    if (numbers.isEmpty()) {
        return {};
    }
    qint64 low = min;
    qint64 high = max;
    if (high <= low) {
        low = high = numbers.first().first;
    }
    for (const auto &[value, count] : numbers) {
        low = std::min(low, value);
        high = std::max(high, value);
    }
    const qint64 span = high - low + 1;
    const qint64 width = (span + maxBins - 1) / maxBins;
    const qint64 bins = (span + width - 1) / width;
    QList<AnswerBar> bars;
    for (qint64 b = 0; b < bins; ++b) {
        const qint64 from = low + b * width;
        const qint64 to = std::min(high, from + width - 1);
        bars.append({from == to ? QString::number(from) : QStringLiteral("%1–%2").arg(from).arg(to), 0});
    }
    for (const auto &[value, count] : numbers) {
        bars[qsizetype((value - low) / width)].count += count;
    }
    return bars;
}

Result<void> DashboardService::allowed(const Actor &actor)
{
    return auth::Authorizer(m_database).require(actor, Permission::ResultsView, QStringLiteral("see the dashboard"));
}

Result<DashboardReport> DashboardService::report(const Actor &actor, const DashboardSelection &selection,
                                                 const QDateTime &now)
{
    if (auto ok = allowed(actor); !ok) {
        return ok.error();
    }
    storage::DashboardRepository repository(m_database, m_source);
    DashboardReport r;
    r.filter = filterFor(selection, now);
    auto totals = repository.attemptTotals(r.filter);
    if (!totals) {
        return totals.error();
    }
    r.dialed = totals.value().dialed;
    r.answered = totals.value().answered;
    r.active = totals.value().active;
    r.averageDurationSeconds = totals.value().averageDurationSeconds;
    r.billableMinutes = totals.value().billableMinutes;
    auto cases = repository.caseFacts(r.filter);
    if (!cases) {
        return cases.error();
    }
    for (const storage::CaseFactsGroup &group : cases.value()) {
        r.dispositions[dispositionFor(group.facts)] += group.cases;
        r.funnel.dialed += group.cases;
        if (group.facts.humanAnswered || group.facts.completed || group.facts.answers > 0) {
            r.funnel.answered += group.cases;
        }
        if (group.facts.answers > 0 || group.facts.completed) {
            r.funnel.firstQuestion += group.cases;
        }
        if (group.facts.optedOut) {
            r.optOuts += group.cases;
        }
    }
    r.completed = r.dispositions[Disposition::Complete];
    r.funnel.completed = r.completed;
    auto hours = repository.attemptsByZoneAndHour(r.filter);
    if (!hours) {
        return hours.error();
    }
    r.attemptsByLocalHour = byLocalHour(hours.value());
    auto outcomes = repository.outcomes(r.filter);
    if (!outcomes) {
        return outcomes.error();
    }
    r.outcomes = outcomes.value();
    auto billing = storage::SettingsRepository(m_database).values(QStringLiteral("billing."));
    if (!billing) {
        return billing.error();
    }
    bool ok = false;
    const double perMinute = billing.value().value(QString::fromLatin1(kRatePerMinuteKey)).toDouble(&ok);
    if (ok && perMinute >= 0) {
        r.ratePerMinute = perMinute;
    }
    return r;
}

Result<QList<storage::DashboardQuestion>> DashboardService::questions(const Actor &actor, qint64 campaignId)
{
    if (auto ok = allowed(actor); !ok) {
        return ok.error();
    }
    return storage::DashboardRepository(m_database).questions(campaignId);
}

Result<QList<AnswerBar>> DashboardService::answerDistribution(const Actor &actor, const DashboardSelection &selection,
                                                              const storage::DashboardQuestion &question,
                                                              const QDateTime &now)
{
    if (auto ok = allowed(actor); !ok) {
        return ok.error();
    }
    auto counts =
        storage::DashboardRepository(m_database, m_source).answerCounts(filterFor(selection, now), question.key);
    if (!counts) {
        return counts.error();
    }
    if (question.type == QLatin1String("numeric")) {
        return histogram(counts.value(), question.min, question.max);
    }
    QList<AnswerBar> bars;
    QHash<QString, qint64> byValue;
    for (const auto &[value, count] : counts.value()) {
        byValue.insert(value, count);
    }
    for (const QString &choice : question.choices) {
        bars.append({choice, byValue.take(choice)});
    }
    for (const auto &[value, count] : counts.value()) {
        if (byValue.contains(value)) {
            bars.append({value, count});
        }
    }
    return bars;
}

} // namespace vsc::services::reporting
