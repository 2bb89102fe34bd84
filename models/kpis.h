// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QMetaType>

namespace vsc {

struct DailyOutcomes
{
    QDate day;
    int completed = 0; // answered and finished
    int noAnswer = 0;  // no-answer, busy
    int failed = 0;    // failed, canceled
};

struct DashboardKpis
{
    int campaigns = 0;
    int runningCampaigns = 0;
    int contacts = 0;
    int attempts = 0;
    int answeredAttempts = 0;
    int completedContacts = 0;
    int answers = 0;
    int optOuts = 0;
    int activeCalls = 0;
    double averageDurationSeconds = 0;
    QList<DailyOutcomes> lastDays;

    [[nodiscard]] double answerRate() const { return attempts > 0 ? double(answeredAttempts) / attempts : 0.0; }
    [[nodiscard]] double completionRate() const { return contacts > 0 ? double(completedContacts) / contacts : 0.0; }
};

} // namespace vsc

Q_DECLARE_METATYPE(vsc::DashboardKpis)
