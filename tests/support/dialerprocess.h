// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/storage/database.h"

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

namespace vsc::tests {

// `voicesurvey-console run ... --json` in a child process, its event lines collected as they arrive.
class DialerProcess final
{
public:
    // stateDir: its XDG_STATE_HOME (journal, logs); processes that share one act as restarts of each other.
    // wrapper: a command the binary runs under, e.g. {"faketime", "-f", "-30s"} for a wall clock 30 s behind (the
    // monotonic clock stays true: FAKETIME_DONT_FAKE_MONOTONIC is set).
    DialerProcess(const QString &binary, const QStringList &args, const QString &stateDir,
                  const QStringList &wrapper = {});
    ~DialerProcess();
    Q_DISABLE_COPY_MOVE(DialerProcess)

    // The dialer's own pid (under a wrapper that forks, such as faketime, its child's).
    [[nodiscard]] qint64 pid() const;
    [[nodiscard]] QList<QJsonObject> events(const QString &name) const;
    [[nodiscard]] bool hasEvent(const QString &name) const { return !events(name).isEmpty(); }
    [[nodiscard]] QString stderrText() const { return QString::fromUtf8(m_stderr); }
    [[nodiscard]] QProcess &process() { return m_process; }
    void killHard(); // SIGKILL: no handler, no cleanup, as a crash
    void pause();    // SIGSTOP: frozen as a stalled host would be, its sockets and database session kept open
    void resume();   // SIGCONT

private:
    QProcess m_process;
    bool m_wrapped = false;
    QByteArray m_pending;
    QByteArray m_stderr;
    QList<QJsonObject> m_events;
};

// A running campaign on the sample script with `contacts` fictional US numbers (+1415555xxxx), one attempt each,
// open around the clock, at `callsPerSecond` (before any time scale) and at most `concurrent` calls at once.
Result<qint64> makeDialingCampaign(services::storage::Database &database, int contacts, double callsPerSecond,
                                   int concurrent);

// How often each number appears in a simulated carrier's call log (one line per call placed).
QHash<QString, int> callsInCarrierLog(const QString &path);
// The answers the synthetic respondents gave (SimulatedCarrier::answerLogPath next to the call log), one
// "attempt<TAB>question key<TAB>normalised value" each, sorted; and the same of the answers table.
QStringList answersInCarrierLog(const QString &callLogPath);
QStringList answersInDatabase(services::storage::Database &database);

} // namespace vsc::tests
