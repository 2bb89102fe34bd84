// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/storage/database.h"
#include "services/storage/sql.h"

#include <QDateTime>
#include <QStringList>

// Header-only: shared by tst_dashboard (integration) and tst_dashboardpane (GUI).
namespace vsc::tests {

// One campaign of 16 contacts whose AAPOR dispositions are known, each attempt at `at` (UTC); plus one attempt 40
// days earlier and one in another campaign that no 30-day view of this campaign may count.
//   I  = 4  completed, 2 answers each (recommend yes, yes, no, yes; score 9, 10, 3, 7), 90 s calls
//   P  = 2  answered one question then hung up (recommend no, yes), 45 s
//   R  = 3  two opted out and one hung up before the first answer, 20 s
//   NC = 2  answering machine, 30 s
//   O  = 0
//   UH = 3  no answer; busy; no answer then busy (4 attempts)
//   UO = 1  call failed
//   NE = 1  invalid number (its attempt failed)
// 17 attempts, 11 answered (I, P, R, NC).
struct DashboardFixture
{
    qint64 campaignId = 0;
    qint64 otherCampaignId = 0;
    QString error;
};

inline DashboardFixture buildDashboardFixture(services::storage::Database &database, const QDateTime &at,
                                              const QString &campaignName = QStringLiteral("AAPOR fixture"))
{
    using services::storage::exec;
    using services::storage::scalar;
    DashboardFixture f;
    const QSqlDatabase db = database.connection();
    auto id = [&](const QString &sql, const QVariantList &params) -> qint64 {
        if (!f.error.isEmpty()) {
            return 0;
        }
        auto row = scalar(db, sql + QStringLiteral(" RETURNING id"), params);
        if (!row) {
            f.error = row.error().toString();
            return 0;
        }
        return row.value().toLongLong();
    };
    const qint64 script = id(QStringLiteral("INSERT INTO survey_scripts (name) VALUES (?)"), {campaignName});
    const qint64 version = id(QStringLiteral("INSERT INTO script_versions (script_id, version, definition) "
                                             "VALUES (?, 1, '{}')"),
                              {script});
    const qint64 recommend =
        id(QStringLiteral("INSERT INTO questions (script_version_id, position, question_key, type, prompt, options) "
                          "VALUES (?, 1, 'recommend', 'single_choice', 'Would you recommend us?', ?)"),
           {version, QStringLiteral(R"({"choices":[{"value":"yes","key":"1"},{"value":"no","key":"2"}]})")});
    const qint64 score =
        id(QStringLiteral("INSERT INTO questions (script_version_id, position, question_key, type, prompt, options) "
                          "VALUES (?, 2, 'score', 'numeric', 'From 0 to 10?', ?)"),
           {version, QStringLiteral(R"({"min":0,"max":10})")});
    f.campaignId = id(QStringLiteral("INSERT INTO campaigns (name, status, script_version_id) VALUES (?, 'paused', ?)"),
                      {campaignName, version});
    f.otherCampaignId = id(QStringLiteral("INSERT INTO campaigns (name, status, script_version_id) "
                                          "VALUES (?, 'paused', ?)"),
                           {QString(campaignName + QStringLiteral(" (other)")), version});
    int phone = 0;
    const QStringList zones{QStringLiteral("America/New_York"), QStringLiteral("Europe/Berlin"), QStringLiteral("")};
    struct Attempt
    {
        QString status;
        QString answeredBy; // "" = nobody picked up
        int seconds;
    };
    auto addCase = [&](qint64 campaign, const QString &contactStatus, const QList<Attempt> &attempts,
                       const QList<std::pair<qint64, QString>> &answers, const QDateTime &when) {
        const QString number = QStringLiteral("+1202555%1").arg(++phone, 4, 10, QLatin1Char('0'));
        const qint64 contact =
            id(QStringLiteral("INSERT INTO contacts (campaign_id, phone_e164, time_zone, status, "
                              "attempts_count) VALUES (?, ?, ?, ?, ?)"),
               {campaign, number, zones.at(phone % zones.size()), contactStatus, int(attempts.size())});
        qint64 attemptId = 0;
        for (int n = 0; n < attempts.size(); ++n) {
            const Attempt &a = attempts.at(n);
            const bool picked = !a.answeredBy.isEmpty();
            attemptId = id(QStringLiteral("INSERT INTO call_attempts (contact_id, campaign_id, phone_e164, "
                                          "attempt_number, provider, status, answered_by, claimed_at, started_at, "
                                          "answered_at, ended_at, duration_seconds) "
                                          "VALUES (?, ?, ?, ?, 'simulated', ?, ?, ?, ?, ?, ?, ?)"),
                           {contact, campaign, number, n + 1, a.status,
                            picked ? QVariant(a.answeredBy) : QVariant(QMetaType(QMetaType::QString)),
                            services::storage::toDb(when), services::storage::toDb(when),
                            services::storage::toDb(picked ? when.addSecs(5) : QDateTime()),
                            services::storage::toDb(when.addSecs(5 + a.seconds)),
                            a.seconds > 0 ? QVariant(a.seconds) : QVariant(QMetaType(QMetaType::Int))});
        }
        for (const auto &[question, value] : answers) {
            id(QStringLiteral("INSERT INTO answers (call_attempt_id, contact_id, question_id, script_version_id, "
                              "normalized_value, answered_at) VALUES (?, ?, ?, ?, ?, ?)"),
               {attemptId, contact, question, version, value, services::storage::toDb(when.addSecs(10))});
        }
    };
    const Attempt human90{QStringLiteral("completed"), QStringLiteral("human"), 90};
    const QStringList yesNo{QStringLiteral("yes"), QStringLiteral("yes"), QStringLiteral("no"), QStringLiteral("yes")};
    const QStringList scores{QStringLiteral("9"), QStringLiteral("10"), QStringLiteral("3"), QStringLiteral("7")};
    for (int i = 0; i < 4; ++i) { // I
        addCase(f.campaignId, QStringLiteral("completed"), {human90}, {{recommend, yesNo.at(i)}, {score, scores.at(i)}},
                at);
    }
    const Attempt human45{QStringLiteral("completed"), QStringLiteral("human"), 45};
    addCase(f.campaignId, QStringLiteral("failed"), {human45}, {{recommend, QStringLiteral("no")}}, at); // P
    addCase(f.campaignId, QStringLiteral("failed"), {human45}, {{recommend, QStringLiteral("yes")}}, at);
    const Attempt human20{QStringLiteral("completed"), QStringLiteral("human"), 20};
    addCase(f.campaignId, QStringLiteral("opted_out"), {human20}, {}, at); // R
    addCase(f.campaignId, QStringLiteral("opted_out"), {human20}, {}, at);
    addCase(f.campaignId, QStringLiteral("failed"), {human20}, {}, at);
    const Attempt machine{QStringLiteral("completed"), QStringLiteral("machine_end_beep"), 30};
    addCase(f.campaignId, QStringLiteral("failed"), {machine}, {}, at); // NC
    addCase(f.campaignId, QStringLiteral("failed"), {machine}, {}, at);
    const Attempt noAnswer{QStringLiteral("no-answer"), QString(), 0};
    const Attempt busy{QStringLiteral("busy"), QString(), 0};
    addCase(f.campaignId, QStringLiteral("pending"), {noAnswer}, {}, at); // UH
    addCase(f.campaignId, QStringLiteral("pending"), {busy}, {}, at);
    addCase(f.campaignId, QStringLiteral("failed"), {noAnswer, busy}, {}, at);
    const Attempt failed{QStringLiteral("failed"), QString(), 0};
    addCase(f.campaignId, QStringLiteral("pending"), {failed}, {}, at); // UO
    addCase(f.campaignId, QStringLiteral("invalid"), {failed}, {}, at); // NE
    // Outside every 30-day view of the campaign: too old, or another campaign.
    addCase(f.campaignId, QStringLiteral("completed"), {human90}, {}, at.addDays(-40));
    addCase(f.otherCampaignId, QStringLiteral("completed"), {human90}, {}, at);
    return f;
}

} // namespace vsc::tests
