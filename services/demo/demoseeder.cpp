// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/demo/demoseeder.h"

#include "services/dialogue/engine.h"
#include "services/logging/logging.h"
#include "services/storage/callrepository.h"
#include "services/storage/campaignrepository.h"
#include "services/storage/contactrepository.h"
#include "services/storage/scriptrepository.h"
#include "services/storage/suppressionrepository.h"
#include "services/storage/transaction.h"
#include "services/storage/userrepository.h"
#include "services/telephony/syntheticrespondent.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <array>

namespace vsc::services::demo {
namespace {

struct Region
{
    const char *timeZone;
    const char *prefix; // fictional ranges: NANP 555-01xx and Germany's drama range 030 23125
    const char *language;
    int weight;
};

constexpr std::array<Region, 6> kRegions{{
    {"America/New_York", "+1212555", "en-US", 30},
    {"America/Chicago", "+1312555", "en-US", 20},
    {"America/Denver", "+1303555", "en-US", 10},
    {"America/Los_Angeles", "+1415555", "en-US", 20},
    {"Europe/Berlin", "+493023125", "de-DE", 15},
    {"America/Phoenix", "+1602555", "en-US", 5},
}};

constexpr std::array<const char *, 24> kFirstUs{{"James",   "Mary",  "Robert", "Patricia",  "John",    "Jennifer",
                                                 "Michael", "Linda", "David",  "Elizabeth", "William", "Barbara",
                                                 "Richard", "Susan", "Joseph", "Jessica",   "Thomas",  "Sarah",
                                                 "Carlos",  "Karen", "Daniel", "Nancy",     "Matthew", "Lisa"}};
constexpr std::array<const char *, 20> kLastUs{
    {"Smith",     "Johnson", "Williams", "Brown",  "Jones",    "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
     "Hernandez", "Lopez",   "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson",   "Martin"}};
constexpr std::array<const char *, 12> kFirstDe{
    {"Lukas", "Anna", "Jonas", "Lea", "Felix", "Sophie", "Maximilian", "Marie", "Paul", "Hannah", "Jürgen", "Käthe"}};
constexpr std::array<const char *, 10> kLastDe{
    {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann"}};

const char *pick(QRandomGenerator &rng, const auto &list)
{
    return list[rng.bounded(int(list.size()))];
}

Result<dialogue::Script> demoScript()
{
    QFile file(QStringLiteral(":/scripts/customer-satisfaction.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{ErrorCode::Internal, QStringLiteral("the sample script resource is missing")};
    }
    const dialogue::LoadedScript loaded = dialogue::loadScript(file.readAll());
    if (!loaded.ok()) {
        return Error{ErrorCode::Internal,
                     QStringLiteral("the sample script is invalid: %1").arg(loaded.problems.constFirst().toString())};
    }
    return loaded.script;
}

} // namespace

DemoSeeder::DemoSeeder(storage::Database &database, const Clock &clock, quint32 seed)
    : m_database(database), m_now(clock.nowUtc()), m_seed(seed)
{
}

Result<DemoSeedReport> DemoSeeder::seed()
{
    using namespace storage;
    DemoSeedReport report;
    CampaignRepository campaigns(m_database);
    auto existing = campaigns.byName(QString::fromLatin1(kCampaignName));
    if (!existing) {
        return existing.error();
    }
    if (existing.value()) {
        report.alreadySeeded = true;
        report.campaignId = existing.value()->id;
        return report;
    }

    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    QRandomGenerator rng(m_seed);

    UserRepository users(m_database);
    const QList<User> demoUsers{
        {0,
         QStringLiteral("admin"),
         QStringLiteral("Ada Admin"),
         QStringLiteral("ada@example.com"),
         AuthSource::Local,
         false,
         {QStringLiteral("admin")},
         m_now.addDays(-30),
         m_now.addSecs(-600)},
        {0,
         QStringLiteral("sam.supervisor"),
         QStringLiteral("Sam Supervisor"),
         QStringLiteral("sam@example.com"),
         AuthSource::Oidc,
         false,
         {QStringLiteral("supervisor")},
         m_now.addDays(-20),
         m_now.addDays(-1)},
        {0,
         QStringLiteral("olga.operator"),
         QStringLiteral("Olga Operator"),
         QStringLiteral("olga@example.com"),
         AuthSource::Oidc,
         false,
         {QStringLiteral("operator")},
         m_now.addDays(-20),
         m_now.addSecs(-3600)},
        {0,
         QStringLiteral("j.mueller"),
         QStringLiteral("Jörg Müller"),
         QStringLiteral("joerg@example.de"),
         AuthSource::Oidc,
         false,
         {QStringLiteral("operator"), QStringLiteral("supervisor")},
         m_now.addDays(-10),
         {}},
        {0,
         QStringLiteral("vic.viewer"),
         QStringLiteral("Vic Viewer"),
         QStringLiteral("vic@example.com"),
         AuthSource::Local,
         true,
         {QStringLiteral("viewer")},
         m_now.addDays(-5),
         {}},
    };
    std::optional<qint64> adminId;
    for (const User &u : demoUsers) {
        auto existingUser = users.byUsername(u.username);
        if (!existingUser) {
            return existingUser.error();
        }
        if (existingUser.value()) {
            continue; // a real account of that name stays as it is
        }
        auto id = users.create(u);
        if (!id) {
            return id.error();
        }
        if (!adminId) {
            adminId = id.value();
        }
        ++report.users;
    }

    auto sample = demoScript();
    if (!sample) {
        return sample.error();
    }
    const dialogue::Script &dialogueScript = sample.value();
    ScriptRepository scripts(m_database);
    auto scriptId = scripts.createScript(dialogueScript.name);
    if (!scriptId) {
        return scriptId.error();
    }
    ScriptVersion script = dialogue::toScriptVersion(dialogueScript);
    script.scriptId = scriptId.value();
    auto stored = scripts.addVersion(script);
    if (!stored) {
        return stored.error();
    }
    script = stored.value();
    QHash<QString, qint64> questionIds;
    for (const Question &q : std::as_const(script.questions)) {
        questionIds.insert(q.key, q.id);
    }

    Campaign campaign;
    campaign.name = QString::fromLatin1(kCampaignName);
    campaign.description = QStringLiteral("Follow-up survey after home-service visits, US and Germany.");
    // Paused: nothing dials until someone presses Start (the seeded live calls are the last ones finishing).
    campaign.status = CampaignStatus::Paused;
    campaign.scriptVersionId = script.id;
    campaign.callerId = QStringLiteral("+15005550006");
    campaign.callsPerSecond = 1.0;
    campaign.maxConcurrentCalls = 8;
    // Demo numbers are fictional, so the demo campaign may call around the clock and the demo runs whenever it is
    // tried; the German draft below shows a real-world window with blocked days.
    campaign.windowStart = QTime(0, 0);
    campaign.windowEnd = QTime(0, 0);
    // Short waits, so a demo run at time scale 60 ends within a minute even when a late call fails.
    campaign.retryPolicy = {{QStringLiteral("busy"), 300},
                            {QStringLiteral("no-answer"), 600},
                            {QStringLiteral("failed"), 900},
                            {QStringLiteral("machine"), 900},
                            {QStringLiteral("incomplete"), 900}};
    campaign.createdAt = m_now.addDays(-4);
    campaign.updatedAt = m_now.addSecs(-900);
    auto campaignId = campaigns.create(campaign, adminId);
    if (!campaignId) {
        return campaignId.error();
    }
    report.campaignId = campaignId.value();

    Campaign draft;
    draft.name = QStringLiteral("Kundenzufriedenheit Dezember (Entwurf)");
    draft.description = QStringLiteral("German-language follow-up, not started yet.");
    draft.language = QStringLiteral("de-DE");
    draft.voice = QStringLiteral("Polly.Vicki");
    draft.scriptVersionId = script.id;
    draft.windowStart = QTime(9, 0);
    draft.windowEnd = QTime(20, 0);
    draft.blockedWeekdays = QStringLiteral("7");
    draft.blockedDates = QStringLiteral("2026-12-24,2026-12-25,2026-12-26,2026-12-31");
    draft.createdAt = m_now.addDays(-1);
    draft.updatedAt = m_now.addDays(-1);
    if (auto id = campaigns.create(draft, adminId); !id) {
        return id.error();
    }

    int totalWeight = 0;
    for (const Region &r : kRegions) {
        totalWeight += r.weight;
    }
    QList<Contact> contacts;
    QHash<QString, int> usedSuffix;
    for (int i = 0; i < 200; ++i) {
        int roll = rng.bounded(totalWeight);
        const Region *region = &kRegions[0];
        for (const Region &r : kRegions) {
            if (roll < r.weight) {
                region = &r;
                break;
            }
            roll -= r.weight;
        }
        const QString prefix = QString::fromLatin1(region->prefix);
        const bool german = prefix.startsWith(QLatin1String("+49"));
        int &next = usedSuffix[prefix];
        Contact c;
        c.campaignId = report.campaignId;
        c.phoneE164 = german ? prefix + QStringLiteral("%1").arg(next++, 3, 10, QLatin1Char('0'))
                             : prefix + QStringLiteral("01%1").arg(next++, 2, 10, QLatin1Char('0'));
        c.name = german ? QString::fromUtf8(pick(rng, kFirstDe)) + u' ' + QString::fromUtf8(pick(rng, kLastDe))
                        : QString::fromLatin1(pick(rng, kFirstUs)) + u' ' + QString::fromLatin1(pick(rng, kLastUs));
        c.timeZone = QString::fromLatin1(region->timeZone);
        c.language = QString::fromLatin1(region->language);
        c.customFields = {{QStringLiteral("customer_id"), QStringLiteral("NW-%1").arg(48000 + i)},
                          {QStringLiteral("visit_type"),
                           rng.bounded(3) == 0 ? QStringLiteral("installation") : QStringLiteral("repair")}};
        c.createdAt = campaign.createdAt;
        contacts.append(c);
    }
    ContactRepository contactRepo(m_database);
    auto contactIds = contactRepo.addMany(contacts);
    if (!contactIds) {
        return contactIds.error();
    }
    report.contacts = int(contacts.size());

    CallRepository calls(m_database);
    int sidCounter = 0;
    auto nextSid = [&] {
        return QStringLiteral("CA%1").arg(quint64(0xde30000000ULL + ++sidCounter), 32, 16, QLatin1Char('0'));
    };
    const QDateTime firstDay = m_now.addDays(-3);
    QList<qint64> liveContactIds;
    for (int i = 0; i < contacts.size(); ++i) {
        const qint64 contactId = contactIds.value().at(i);
        const int plan = rng.bounded(100);
        if (plan < 15) {
            continue; // not dialed yet
        }
        if (plan < 17) {
            liveContactIds.append(contactId);
            continue;
        }
        ContactStatus finalStatus = ContactStatus::Pending;
        QDateTime when = firstDay.addSecs(rng.bounded(62 * 3600));
        const int maxAttempts = 1 + rng.bounded(3);
        int attemptNumber = 0;
        for (; attemptNumber < maxAttempts && finalStatus == ContactStatus::Pending; ++attemptNumber) {
            const int outcome = rng.bounded(100);
            CallAttempt a;
            a.contactId = contactId;
            a.campaignId = report.campaignId;
            a.attemptNumber = attemptNumber + 1;
            a.provider = CallProvider::Simulated;
            a.callSid = nextSid();
            a.claimedAt = when;
            a.startedAt = when.addSecs(1);
            QStringList statuses{QStringLiteral("initiated"), QStringLiteral("ringing")};
            if (outcome < 55) {
                a.status = CallStatus::Completed;
                a.answeredBy = QStringLiteral("human");
                a.answeredAt = a.startedAt.addSecs(6 + rng.bounded(15));
                a.durationSeconds = 45 + rng.bounded(100);
                a.endedAt = a.answeredAt.addSecs(*a.durationSeconds);
                statuses << QStringLiteral("in-progress") << QStringLiteral("completed");
            } else if (outcome < 75) {
                a.status = CallStatus::NoAnswer;
                a.endedAt = a.startedAt.addSecs(30);
                statuses << QStringLiteral("no-answer");
            } else if (outcome < 87) {
                a.status = CallStatus::Busy;
                a.endedAt = a.startedAt.addSecs(4);
                statuses << QStringLiteral("busy");
            } else if (outcome < 95) {
                a.status = CallStatus::Completed;
                a.answeredBy = QStringLiteral("machine_end_beep");
                a.answeredAt = a.startedAt.addSecs(9);
                a.durationSeconds = 8;
                a.endedAt = a.answeredAt.addSecs(8);
                statuses << QStringLiteral("in-progress") << QStringLiteral("completed");
            } else {
                a.status = CallStatus::Failed;
                a.errorCode = 13224;
                a.errorMessage = QStringLiteral("Invalid phone number or no route to carrier");
                a.endedAt = a.startedAt.addSecs(2);
                statuses = {QStringLiteral("initiated"), QStringLiteral("failed")};
            }
            auto attemptId = calls.createAttempt(a);
            if (!attemptId) {
                return attemptId.error();
            }
            ++report.attempts;
            for (int s = 0; s < statuses.size(); ++s) {
                CallEvent e{attemptId.value(),
                            a.callSid,
                            s,
                            statuses.at(s),
                            a.startedAt.addSecs(qint64(s) * 5),
                            {{QStringLiteral("CallStatus"), statuses.at(s)},
                             {QStringLiteral("SequenceNumber"), s},
                             {QStringLiteral("CallbackSource"), QStringLiteral("call-progress-events")}}};
                if (auto ok = calls.recordEvent(e); !ok) {
                    return ok.error();
                }
                ++report.events;
            }
            if (a.status == CallStatus::Completed && a.answeredBy == QLatin1String("human")) {
                // The same engine as real calls, answered by a synthetic respondent.
                telephony::SyntheticRespondent respondent(rng.generate());
                const QUrl action(QStringLiteral("simulated://demo"));
                dialogue::Turn turn = dialogue::DialogueEngine::start(dialogueScript, action);
                QDateTime answeredAt = a.answeredAt.addSecs(8);
                bool optedOut = false;
                while (!turn.finished) {
                    const auto input = respondent.respond(dialogueScript, turn.state);
                    if (!input) {
                        break; // hung up
                    }
                    turn = dialogue::DialogueEngine::step(dialogueScript, turn.state, *input, action);
                    answeredAt = answeredAt.addSecs(7 + rng.bounded(6));
                    optedOut = optedOut || turn.optedOut;
                    if (!turn.answer || turn.answer->skipped) {
                        continue;
                    }
                    const dialogue::AnswerRecord &r = *turn.answer;
                    Answer answer{attemptId.value(), contactId,   questionIds.value(r.questionId),
                                  script.id,         r.rawSpeech, r.rawDigits,
                                  r.confidence,      r.value,     answeredAt};
                    if (auto ok = calls.recordAnswer(answer); !ok) {
                        return ok.error();
                    }
                    ++report.answers;
                }
                if (optedOut) {
                    auto suppressed = storage::SuppressionRepository(m_database)
                                          .add({contacts.at(i).phoneE164, std::nullopt,
                                                QStringLiteral("Asked not to be called again"),
                                                QStringLiteral("in_call_opt_out"), a.endedAt});
                    if (!suppressed) {
                        return suppressed.error();
                    }
                    ++report.optOuts;
                    finalStatus = ContactStatus::OptedOut;
                } else if (turn.finished && turn.state.completed) {
                    finalStatus = ContactStatus::Completed;
                } else {
                    finalStatus = ContactStatus::Failed; // hung up or ended early: not retried in the demo
                }
            } else if (a.status == CallStatus::Failed) {
                finalStatus = ContactStatus::Invalid;
            }
            when = when.addSecs(3 * 3600 + rng.bounded(5 * 3600));
            if (when > m_now.addSecs(-1800)) {
                ++attemptNumber;
                break;
            }
        }
        if (finalStatus == ContactStatus::Pending && attemptNumber >= 3) {
            finalStatus = ContactStatus::Failed;
        }
        auto updated = storage::ContactRepository(m_database).setProgress(contactId, finalStatus, attemptNumber);
        if (!updated) {
            return updated.error();
        }
    }

    // Calls happening right now, so the Live Monitor has something to show.
    const std::array<CallStatus, 4> liveStatuses{
        {CallStatus::InProgress, CallStatus::Ringing, CallStatus::InProgress, CallStatus::Queued}};
    for (int i = 0; i < liveContactIds.size(); ++i) {
        CallAttempt a;
        a.contactId = liveContactIds.at(i);
        a.campaignId = report.campaignId;
        a.provider = CallProvider::Simulated;
        a.callSid = nextSid();
        a.status = liveStatuses[std::size_t(i) % liveStatuses.size()];
        a.claimedAt = m_now.addSecs(-20 - rng.bounded(120));
        a.startedAt = a.claimedAt.addSecs(1);
        if (a.status == CallStatus::InProgress) {
            a.answeredAt = a.startedAt.addSecs(8);
        }
        auto attemptId = calls.createAttempt(a);
        if (!attemptId) {
            return attemptId.error();
        }
        if (a.status == CallStatus::InProgress) {
            Answer answer{attemptId.value(),
                          a.contactId,
                          script.questions.at(0).id,
                          script.id,
                          {},
                          QStringLiteral("1"),
                          {},
                          QStringLiteral("yes"),
                          a.answeredAt.addSecs(10)};
            if (auto ok = calls.recordAnswer(answer); !ok) {
                return ok.error();
            }
            ++report.answers;
        }
        auto updated = storage::ContactRepository(m_database).setProgress(a.contactId, ContactStatus::InProgress, 1);
        if (!updated) {
            return updated.error();
        }
        ++report.attempts;
        ++report.liveCalls;
    }

    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    logging::logger("vsc.demo")
        ->info("seeded demo data: {} contacts, {} attempts, {} answers", report.contacts, report.attempts,
               report.answers);
    return report;
}

} // namespace vsc::services::demo
