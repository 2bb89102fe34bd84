// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/clock.h"
#include "services/telephony/callflow.h"
#include "services/telephony/syntheticrespondent.h"
#include "services/telephony/telephonyprovider.h"

#include <QFile>
#include <QHash>
#include <QRandomGenerator>

namespace vsc::services::telephony {

struct SimulatedCarrierOptions
{
    double timeScale = 1.0; // 60 = a minute of simulated time passes in a second
    double busy = 0.10;
    double noAnswer = 0.18;
    double failed = 0.03;
    double machine = 0.07; // answered by voicemail: hung up after the greeting
    int minRingSeconds = 3;
    int maxRingSeconds = 20;
    int secondsPerPrompt = 6; // how long the caller listens and answers, per turn
    RespondentProfile respondent;
    quint32 seed = 1;
    // The carrier's own record of every call it placed (one line each, written before the SID is returned), read
    // back at start: what findCalls() answers after a restart, and the request log multi-process tests check.
    QString callLogPath;
    // Real milliseconds each create waits in this process before the call is placed (a request queued for a
    // connection); 0: at once. Multi-process tests stop a dialer while its creates wait.
    int createDelayMs = 0;
};

// A carrier that needs no account: queued -> ringing -> in-progress / busy / no-answer / failed, with realistic
// delays divided by timeScale, and a synthetic respondent who answers the survey. Calls go through the same
// CallFlow (dialogue engine, persistence, events) as Twilio's webhooks; SIDs start with "SIM" so data shows them
// as simulated. Runs on the thread that owns it, driven by its event loop and its Clock (a test's fake clock plays a
// call through in no time).
class SimulatedCarrier final : public TelephonyProvider
{
    Q_OBJECT
public:
    SimulatedCarrier(CallFlow &flow, storage::Database &database, Clock &clock, SimulatedCarrierOptions options = {},
                     QObject *parent = nullptr);
    ~SimulatedCarrier() override;

    [[nodiscard]] CallProvider kind() const override { return CallProvider::Simulated; }
    void placeCall(const OutboundCall &outbound, std::function<void(Result<QString>)> done) override;
    [[nodiscard]] int createBudgetMs() const override;
    [[nodiscard]] int maxCreateMs() const override;
    void hangUp(const QString &callSid, std::function<void(Result<void>)> done) override;
    void findCalls(const QString &to, const QDateTime &since,
                   std::function<void(Result<QList<ProviderCall>>)> done) override;
    void lookUpCall(const QString &callSid, std::function<void(Result<ProviderCall>)> done) override;

    [[nodiscard]] int activeCalls() const { return int(m_calls.size()); }
    // Next to the call log: every answer the synthetic respondents gave, as the survey must store it
    // (tests compare it with the answers table).
    static QString answerLogPath(const QString &callLogPath);

Q_SIGNALS:
    void callEnded(qint64 attemptId, vsc::CallStatus status);

private:
    struct SimCall
    {
        OutboundCall call;
        QString sid;
        int sequence = 0;
        QDateTime answeredAt; // simulated clock
        QDateTime clock;      // simulated "now" of this call
        std::unique_ptr<SyntheticRespondent> respondent;
        bool hangUpRequested = false;
    };

    void create(const OutboundCall &outbound, std::function<void(Result<QString>)> done);
    void readCallLog();
    [[nodiscard]] QString statusOf(const ProviderCall &call) const;
    void after(double simulatedSeconds, const QString &sid, std::function<void(SimCall &)> step);
    void sendStatus(SimCall &call, CallStatus status, const FormParams &extra = {});
    void logAnswer(const SimCall &call, const dialogue::Script &script, const dialogue::DialogueState &state,
                   const dialogue::CallerInput &input);
    void answer(SimCall &call, bool machine);
    void converse(SimCall &call, const WebhookReply &reply);
    void end(SimCall &call, CallStatus status, const FormParams &extra = {});

    CallFlow &m_flow;
    storage::Database &m_database;
    Clock &m_clock;
    SimulatedCarrierOptions m_options;
    QRandomGenerator m_rng;
    QHash<QString, std::shared_ptr<SimCall>> m_calls;
    QHash<QString, ProviderCall> m_record; // every call placed, this run and (with a call log) earlier ones
    std::unique_ptr<QFile> m_callLog;
    std::unique_ptr<QFile> m_answerLog;
};

} // namespace vsc::services::telephony
