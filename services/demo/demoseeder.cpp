// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/demo/demoseeder.h"

#include "services/auth/local/passwordhasher.h"
#include "services/storage/credentialrepository.h"

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

User demoUser(const QString &username, const QString &displayName, AuthSource source, const QStringList &roles,
              const QDateTime &createdAt, const QDateTime &lastLoginAt)
{
    User user;
    user.username = username;
    user.displayName = displayName;
    user.email = username == QLatin1String("j.mueller") ? QStringLiteral("joerg@example.de")
                                                        : username.section(u'.', 0, 0) + QStringLiteral("@example.com");
    user.authSource = source;
    user.roles = roles;
    user.createdAt = createdAt;
    user.lastLoginAt = lastLoginAt;
    return user;
}

QList<User> demoUsers(const QDateTime &now)
{
    return {
        demoUser(QStringLiteral("admin"), QStringLiteral("Ada Admin"), AuthSource::Local, {QStringLiteral("admin")},
                 now.addDays(-30), now.addSecs(-600)),
        demoUser(QStringLiteral("sam.supervisor"), QStringLiteral("Sam Supervisor"), AuthSource::Local,
                 {QStringLiteral("supervisor")}, now.addDays(-20), now.addDays(-1)),
        demoUser(QStringLiteral("olga.operator"), QStringLiteral("Olga Operator"), AuthSource::Local,
                 {QStringLiteral("operator")}, now.addDays(-20), now.addSecs(-3600)),
        demoUser(QStringLiteral("j.mueller"), QStringLiteral("J\u00f6rg M\u00fcller"), AuthSource::Oidc,
                 {QStringLiteral("operator"), QStringLiteral("supervisor")}, now.addDays(-10), {}),
        demoUser(QStringLiteral("vic.viewer"), QStringLiteral("Vic Viewer"), AuthSource::Local,
                 {QStringLiteral("viewer")}, now.addDays(-5), {}),
    };
}

Campaign demoCampaign(const QDateTime &now, qint64 scriptVersionId)
{
    Campaign campaign;
    campaign.name = QString::fromLatin1(DemoSeeder::kCampaignName);
    campaign.description = QStringLiteral("Follow-up survey after home-service visits, US and Germany.");
    // Paused: nothing dials until someone presses Start (the seeded live calls are the last ones finishing).
    campaign.status = CampaignStatus::Paused;
    campaign.scriptVersionId = scriptVersionId;
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
    campaign.createdAt = now.addDays(-4);
    campaign.updatedAt = now.addSecs(-900);
    return campaign;
}

Campaign draftCampaign(const QDateTime &now, qint64 scriptVersionId)
{
    Campaign draft;
    draft.name = QStringLiteral("Kundenzufriedenheit Dezember (Entwurf)");
    draft.description = QStringLiteral("German-language follow-up, not started yet.");
    draft.language = QStringLiteral("de-DE");
    draft.voice = QStringLiteral("Polly.Vicki");
    draft.scriptVersionId = scriptVersionId;
    draft.windowStart = QTime(9, 0);
    draft.windowEnd = QTime(20, 0);
    draft.blockedWeekdays = QStringLiteral("7");
    draft.blockedDates = QStringLiteral("2026-12-24,2026-12-25,2026-12-26,2026-12-31");
    draft.createdAt = now.addDays(-1);
    draft.updatedAt = now.addDays(-1);
    return draft;
}

// A region drawn by weight (one draw from the generator).
const Region &pickRegion(QRandomGenerator &rng)
{
    static constexpr int kTotalWeight = [] {
        int total = 0;
        for (const Region &r : kRegions) {
            total += r.weight;
        }
        return total;
    }();
    int roll = rng.bounded(kTotalWeight);
    for (const Region &r : kRegions) {
        if (roll < r.weight) {
            return r;
        }
        roll -= r.weight;
    }
    return kRegions[0];
}

// A call attempt as the carrier would report it, with the status callbacks it produced in order.
struct PlannedAttempt
{
    CallAttempt attempt;
    QStringList statuses;
};

// One seeding run inside seed()'s transaction: the state its steps share. The steps run, and draw from the
// generator, in a fixed order, so a seed and a clock always give the same data.
class SeedRun
{
public:
    SeedRun(storage::Database &database, const QDateTime &now, quint32 seed, DemoSeedReport &report)
        : m_database(database), m_now(now), m_rng(seed), m_report(report), m_calls(database)
    {
    }

    Result<void> run();

private:
    Result<std::optional<qint64>> createUsers();
    Result<void> createScript();
    Result<void> createCampaigns(std::optional<qint64> adminId);
    Contact makeContact(int index, QHash<QString, int> &usedSuffix);
    Result<void> createContacts();
    Result<void> createHistory(int index);
    PlannedAttempt planAttempt(qint64 contactId, int attemptNumber, const QDateTime &when);
    Result<ContactStatus> createAttempt(int index, int attemptNumber, const QDateTime &when);
    Result<void> recordEvents(qint64 attemptId, const PlannedAttempt &planned);
    Result<ContactStatus> interview(qint64 attemptId, const CallAttempt &attempt, const Contact &contact);
    Result<void> createLiveCall(int index);
    QString nextSid();

    storage::Database &m_database;
    QDateTime m_now;
    QRandomGenerator m_rng;
    DemoSeedReport &m_report;
    storage::CallRepository m_calls;
    dialogue::Script m_dialogueScript;
    ScriptVersion m_script;
    QHash<QString, qint64> m_questionIds; // question key -> stored id
    QDateTime m_campaignCreatedAt;
    QList<Contact> m_contacts;
    QList<qint64> m_contactIds;
    QList<qint64> m_liveContactIds; // contacts on a call at `now`
    int m_sidCounter = 0;
};

Result<void> SeedRun::run()
{
    auto adminId = createUsers();
    if (!adminId) {
        return adminId.error();
    }
    if (auto created = createScript(); !created) {
        return created;
    }
    if (auto created = createCampaigns(adminId.value()); !created) {
        return created;
    }
    if (auto created = createContacts(); !created) {
        return created;
    }
    for (int i = 0; i < m_contacts.size(); ++i) {
        if (auto created = createHistory(i); !created) {
            return created;
        }
    }
    // Calls happening right now, so the Live Monitor has something to show.
    for (int i = 0; i < m_liveContactIds.size(); ++i) {
        if (auto created = createLiveCall(i); !created) {
            return created;
        }
    }
    return {};
}

QString SeedRun::nextSid()
{
    return QStringLiteral("CA%1").arg(quint64(0xde30000000ULL + ++m_sidCounter), 32, 16, QLatin1Char('0'));
}

// The first new account's id, the campaigns' creator.
Result<std::optional<qint64>> SeedRun::createUsers()
{
    storage::UserRepository users(m_database);
    std::optional<qint64> adminId;
    for (const User &u : demoUsers(m_now)) {
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
        if (u.authSource == AuthSource::Local) {
            // Public passwords (DemoSeeder::demoPassword), so the cheapest hash: the first sign-in rehashes it at
            // the real cost.
            static const auth::PasswordHasher cheap(auth::PasswordHasher::Cost::Minimum);
            auto hashed = cheap.hash(DemoSeeder::demoPassword(u.username).toUtf8());
            if (!hashed) {
                return hashed.error();
            }
            if (auto stored =
                    storage::CredentialRepository(m_database).setPassword(id.value(), hashed.value(), false, m_now);
                !stored) {
                return stored.error();
            }
        }
        if (!adminId) {
            adminId = id.value();
        }
        ++m_report.users;
    }
    return adminId;
}

Result<void> SeedRun::createScript()
{
    auto sample = demoScript();
    if (!sample) {
        return sample.error();
    }
    m_dialogueScript = sample.value();
    storage::ScriptRepository scripts(m_database);
    auto scriptId = scripts.createScript(m_dialogueScript.name);
    if (!scriptId) {
        return scriptId.error();
    }
    ScriptVersion script = dialogue::toScriptVersion(m_dialogueScript);
    script.scriptId = scriptId.value();
    auto stored = scripts.addVersion(script);
    if (!stored) {
        return stored.error();
    }
    m_script = stored.value();
    for (const Question &q : std::as_const(m_script.questions)) {
        m_questionIds.insert(q.key, q.id);
    }
    return {};
}

Result<void> SeedRun::createCampaigns(std::optional<qint64> adminId)
{
    // The demo campaigns are the demo admin's, recorded as created by the seeder on the admin's behalf.
    const auto seederActor = [](std::optional<qint64> userId) {
        Actor actor = Actor::system(QStringLiteral("demo-seeder"));
        actor.userId = userId;
        return actor;
    };
    storage::CampaignRepository campaigns(m_database);
    const Campaign campaign = demoCampaign(m_now, m_script.id);
    auto campaignId = campaigns.create(campaign, seederActor(adminId));
    if (!campaignId) {
        return campaignId.error();
    }
    m_report.campaignId = campaignId.value();
    m_campaignCreatedAt = campaign.createdAt;
    if (auto id = campaigns.create(draftCampaign(m_now, m_script.id), seederActor(adminId)); !id) {
        return id.error();
    }
    return {};
}

// `usedSuffix` numbers each region's fictional range in order.
Contact SeedRun::makeContact(int index, QHash<QString, int> &usedSuffix)
{
    const Region &region = pickRegion(m_rng);
    const QString prefix = QString::fromLatin1(region.prefix);
    const bool german = prefix.startsWith(QLatin1String("+49"));
    int &next = usedSuffix[prefix];
    Contact c;
    c.campaignId = m_report.campaignId;
    c.phoneE164 = german ? prefix + QStringLiteral("%1").arg(next++, 3, 10, QLatin1Char('0'))
                         : prefix + QStringLiteral("01%1").arg(next++, 2, 10, QLatin1Char('0'));
    c.name = german ? QString::fromUtf8(pick(m_rng, kFirstDe)) + u' ' + QString::fromUtf8(pick(m_rng, kLastDe))
                    : QString::fromLatin1(pick(m_rng, kFirstUs)) + u' ' + QString::fromLatin1(pick(m_rng, kLastUs));
    c.timeZone = QString::fromLatin1(region.timeZone);
    c.language = QString::fromLatin1(region.language);
    c.customFields = {{QStringLiteral("customer_id"), QStringLiteral("NW-%1").arg(48000 + index)},
                      {QStringLiteral("visit_type"),
                       m_rng.bounded(3) == 0 ? QStringLiteral("installation") : QStringLiteral("repair")}};
    c.createdAt = m_campaignCreatedAt;
    return c;
}

Result<void> SeedRun::createContacts()
{
    QHash<QString, int> usedSuffix;
    for (int i = 0; i < 200; ++i) {
        m_contacts.append(makeContact(i, usedSuffix));
    }
    auto contactIds = storage::ContactRepository(m_database).addMany(m_contacts);
    if (!contactIds) {
        return contactIds.error();
    }
    m_contactIds = contactIds.value();
    m_report.contacts = int(m_contacts.size());
    return {};
}

// The contact's attempts over the last three days, up to three and until one settles it, or none (not dialed
// yet, or on a call at `now`, see createLiveCall()).
Result<void> SeedRun::createHistory(int index)
{
    const qint64 contactId = m_contactIds.at(index);
    const int plan = m_rng.bounded(100);
    if (plan < 15) {
        return {}; // not dialed yet
    }
    if (plan < 17) {
        m_liveContactIds.append(contactId);
        return {};
    }
    ContactStatus finalStatus = ContactStatus::Pending;
    QDateTime when = m_now.addDays(-3).addSecs(m_rng.bounded(62 * 3600));
    const int maxAttempts = 1 + m_rng.bounded(3);
    int attemptNumber = 0;
    for (; attemptNumber < maxAttempts && finalStatus == ContactStatus::Pending; ++attemptNumber) {
        auto status = createAttempt(index, attemptNumber + 1, when);
        if (!status) {
            return status.error();
        }
        finalStatus = status.value();
        when = when.addSecs(3 * 3600 + m_rng.bounded(5 * 3600));
        if (when > m_now.addSecs(-1800)) {
            ++attemptNumber;
            break;
        }
    }
    if (finalStatus == ContactStatus::Pending && attemptNumber >= 3) {
        finalStatus = ContactStatus::Failed;
    }
    return storage::ContactRepository(m_database).setProgress(contactId, finalStatus, attemptNumber);
}

PlannedAttempt SeedRun::planAttempt(qint64 contactId, int attemptNumber, const QDateTime &when)
{
    const int outcome = m_rng.bounded(100);
    CallAttempt a;
    a.contactId = contactId;
    a.campaignId = m_report.campaignId;
    a.attemptNumber = attemptNumber;
    a.provider = CallProvider::Simulated;
    a.callSid = nextSid();
    a.claimedAt = when;
    a.startedAt = when.addSecs(1);
    QStringList statuses{QStringLiteral("initiated"), QStringLiteral("ringing")};
    if (outcome < 55) {
        a.status = CallStatus::Completed;
        a.answeredBy = QStringLiteral("human");
        a.answeredAt = a.startedAt.addSecs(6 + m_rng.bounded(15));
        a.durationSeconds = 45 + m_rng.bounded(100);
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
    return {a, statuses};
}

// The contact's status after this attempt (still Pending when it may be tried again).
Result<ContactStatus> SeedRun::createAttempt(int index, int attemptNumber, const QDateTime &when)
{
    const PlannedAttempt planned = planAttempt(m_contactIds.at(index), attemptNumber, when);
    const CallAttempt &a = planned.attempt;
    auto attemptId = m_calls.createAttempt(a);
    if (!attemptId) {
        return attemptId.error();
    }
    ++m_report.attempts;
    if (auto recorded = recordEvents(attemptId.value(), planned); !recorded) {
        return recorded.error();
    }
    if (a.status == CallStatus::Completed && a.answeredBy == QLatin1String("human")) {
        return interview(attemptId.value(), a, m_contacts.at(index));
    }
    return a.status == CallStatus::Failed ? ContactStatus::Invalid : ContactStatus::Pending;
}

Result<void> SeedRun::recordEvents(qint64 attemptId, const PlannedAttempt &planned)
{
    const CallAttempt &a = planned.attempt;
    const QStringList &statuses = planned.statuses;
    for (int s = 0; s < statuses.size(); ++s) {
        CallEvent e{attemptId,
                    a.callSid,
                    s,
                    statuses.at(s),
                    a.startedAt.addSecs(qint64(s) * 5),
                    {{QStringLiteral("CallStatus"), statuses.at(s)},
                     {QStringLiteral("SequenceNumber"), s},
                     {QStringLiteral("CallbackSource"), QStringLiteral("call-progress-events")}}};
        if (auto ok = m_calls.recordEvent(e); !ok) {
            return ok.error();
        }
        ++m_report.events;
    }
    return {};
}

// The survey on a call a person answered: the same engine as real calls, answered by a synthetic respondent.
// Returns the contact's status after it.
Result<ContactStatus> SeedRun::interview(qint64 attemptId, const CallAttempt &attempt, const Contact &contact)
{
    telephony::SyntheticRespondent respondent(m_rng.generate());
    const QUrl action(QStringLiteral("simulated://demo"));
    dialogue::Turn turn = dialogue::DialogueEngine::start(m_dialogueScript, action);
    QDateTime answeredAt = attempt.answeredAt.addSecs(8);
    bool optedOut = false;
    while (!turn.finished) {
        const auto input = respondent.respond(m_dialogueScript, turn.state);
        if (!input) {
            break; // hung up
        }
        turn = dialogue::DialogueEngine::step(m_dialogueScript, turn.state, *input, action);
        answeredAt = answeredAt.addSecs(7 + m_rng.bounded(6));
        optedOut = optedOut || turn.optedOut;
        if (!turn.answer || turn.answer->skipped) {
            continue;
        }
        const dialogue::AnswerRecord &r = *turn.answer;
        Answer answer{attemptId,    attempt.contactId, m_questionIds.value(r.questionId),
                      m_script.id,  r.rawSpeech,       r.rawDigits,
                      r.confidence, r.value,           answeredAt};
        if (auto ok = m_calls.recordAnswer(answer); !ok) {
            return ok.error();
        }
        ++m_report.answers;
    }
    if (optedOut) {
        auto suppressed = storage::SuppressionRepository(m_database)
                              .add({contact.phoneE164, std::nullopt, QStringLiteral("Asked not to be called again"),
                                    QStringLiteral("in_call_opt_out"), attempt.endedAt});
        if (!suppressed) {
            return suppressed.error();
        }
        ++m_report.optOuts;
        return ContactStatus::OptedOut;
    }
    if (turn.finished && turn.state.completed) {
        return ContactStatus::Completed;
    }
    return ContactStatus::Failed; // hung up or ended early: not retried in the demo
}

Result<void> SeedRun::createLiveCall(int index)
{
    static constexpr std::array<CallStatus, 4> kLiveStatuses{
        {CallStatus::InProgress, CallStatus::Ringing, CallStatus::InProgress, CallStatus::Queued}};
    CallAttempt a;
    a.contactId = m_liveContactIds.at(index);
    a.campaignId = m_report.campaignId;
    a.provider = CallProvider::Simulated;
    a.callSid = nextSid();
    a.status = kLiveStatuses[std::size_t(index) % kLiveStatuses.size()];
    a.claimedAt = m_now.addSecs(-20 - m_rng.bounded(120));
    a.startedAt = a.claimedAt.addSecs(1);
    if (a.status == CallStatus::InProgress) {
        a.answeredAt = a.startedAt.addSecs(8);
    }
    auto attemptId = m_calls.createAttempt(a);
    if (!attemptId) {
        return attemptId.error();
    }
    if (a.status == CallStatus::InProgress) {
        Answer answer{attemptId.value(),
                      a.contactId,
                      m_script.questions.at(0).id,
                      m_script.id,
                      {},
                      QStringLiteral("1"),
                      {},
                      QStringLiteral("yes"),
                      a.answeredAt.addSecs(10)};
        if (auto ok = m_calls.recordAnswer(answer); !ok) {
            return ok.error();
        }
        ++m_report.answers;
    }
    auto updated = storage::ContactRepository(m_database).setProgress(a.contactId, ContactStatus::InProgress, 1);
    if (!updated) {
        return updated.error();
    }
    ++m_report.attempts;
    ++m_report.liveCalls;
    return {};
}

} // namespace

DemoSeeder::DemoSeeder(storage::Database &database, const Clock &clock, quint32 seed)
    : m_database(database), m_now(clock.nowUtc()), m_seed(seed)
{
}

Result<DemoSeedReport> DemoSeeder::seed()
{
    DemoSeedReport report;
    auto existing = storage::CampaignRepository(m_database).byName(QString::fromLatin1(kCampaignName));
    if (!existing) {
        return existing.error();
    }
    if (existing.value()) {
        report.alreadySeeded = true;
        report.campaignId = existing.value()->id;
        return report;
    }

    storage::Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    if (auto seeded = SeedRun(m_database, m_now, m_seed, report).run(); !seeded) {
        return seeded.error();
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    logging::logger("vsc.demo")
        ->info("seeded demo data: {} contacts, {} attempts, {} answers", report.contacts, report.attempts,
               report.answers);
    return report;
}

QString DemoSeeder::demoPassword(const QString &username)
{
    return QStringLiteral("demo-%1-2026").arg(username.section(u'.', 0, 0));
}

QStringList DemoSeeder::demoAccounts()
{
    QStringList accounts;
    for (const User &u : demoUsers(QDateTime::currentDateTimeUtc())) {
        if (u.authSource == AuthSource::Local) {
            accounts << QStringLiteral("%1 (%2) / %3").arg(u.username, u.roles.join(u','), demoPassword(u.username));
        }
    }
    return accounts;
}

} // namespace vsc::services::demo
