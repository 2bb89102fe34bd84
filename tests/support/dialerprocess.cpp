// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/dialerprocess.h"

#include "services/storage/contactrepository.h"
#include "services/storage/sql.h"
#include "services/telephony/simulatedcarrier.h"
#include "tests/support/callfixture.h"

#include <QFile>
#include <QJsonDocument>

#include <csignal>
#include <sys/types.h>

namespace vsc::tests {

DialerProcess::DialerProcess(const QString &binary, const QStringList &args, const QString &stateDir,
                             const QStringList &wrapper)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_STATE_HOME"), stateDir);
    env.insert(QStringLiteral("XDG_DATA_HOME"), stateDir + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), stateDir + QStringLiteral("/config"));
    env.insert(QStringLiteral("VSC_NO_KEYCHAIN"), QStringLiteral("1"));
    env.remove(QStringLiteral("DISPLAY"));
    m_process.setProcessEnvironment(env);
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] {
        m_pending += m_process.readAllStandardOutput();
        qsizetype newline = 0;
        while ((newline = m_pending.indexOf('\n')) >= 0) {
            const QJsonObject event = QJsonDocument::fromJson(m_pending.left(newline)).object();
            if (!event.isEmpty()) {
                m_events.append(event);
            }
            m_pending.remove(0, newline + 1);
        }
    });
    QObject::connect(&m_process, &QProcess::readyReadStandardError,
                     [this] { m_stderr += m_process.readAllStandardError(); });
    if (wrapper.isEmpty()) {
        m_process.start(binary, args);
        return;
    }
    m_wrapped = true;
    env.insert(QStringLiteral("FAKETIME_DONT_FAKE_MONOTONIC"), QStringLiteral("1"));
    // Under the sanitizer build the wrapper's LD_PRELOAD library comes before ASan's runtime, which ASan refuses
    // unless told that the order is intended.
    const QString asan = env.value(QStringLiteral("ASAN_OPTIONS"));
    env.insert(QStringLiteral("ASAN_OPTIONS"), asan.isEmpty() ? QStringLiteral("verify_asan_link_order=0")
                                                              : asan + QStringLiteral(":verify_asan_link_order=0"));
    m_process.setProcessEnvironment(env);
    m_process.start(wrapper.constFirst(), wrapper.mid(1) + QStringList{binary} + args);
}

DialerProcess::~DialerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        if (m_wrapped && pid() > 0) {
            ::kill(pid_t(pid()), SIGKILL); // the wrapper's child would outlive it
        }
        m_process.kill();
        m_process.waitForFinished(10000);
    }
}

QList<QJsonObject> DialerProcess::events(const QString &name) const
{
    QList<QJsonObject> found;
    for (const QJsonObject &event : m_events) {
        if (event.value(QStringLiteral("event")).toString() == name) {
            found.append(event);
        }
    }
    return found;
}

qint64 DialerProcess::pid() const
{
    const qint64 own = m_process.processId();
    if (!m_wrapped) {
        return own;
    }
    QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(own));
    if (!children.open(QIODevice::ReadOnly)) {
        return 0;
    }
    return children.readAll().trimmed().split(' ').constFirst().toLongLong();
}

void DialerProcess::pause()
{
    ::kill(pid_t(pid()), SIGSTOP);
}

void DialerProcess::resume()
{
    ::kill(pid_t(pid()), SIGCONT);
}

void DialerProcess::killHard()
{
    if (m_wrapped && pid() > 0) {
        ::kill(pid_t(pid()), SIGKILL);
    }
    m_process.kill();
    m_process.waitForFinished(10000);
}

Result<qint64> makeDialingCampaign(services::storage::Database &database, int contacts, double callsPerSecond,
                                   int concurrent)
{
    auto fixture = migrateAndMakeCallFixture(database);
    if (!fixture) {
        return fixture.error();
    }
    QSqlDatabase db = database.connection();
    for (const QString &sql : {QStringLiteral("DELETE FROM call_attempts"), QStringLiteral("DELETE FROM contacts")}) {
        if (auto done = services::storage::exec(db, sql); !done) {
            return done.error();
        }
    }
    if (auto updated = services::storage::exec(
            db,
            QStringLiteral("UPDATE campaigns SET max_attempts = 1, calls_per_second = ?, max_concurrent_calls = ?, "
                           "status = 'running' WHERE id = ?"),
            {callsPerSecond, concurrent, fixture.value().campaignId});
        !updated) {
        return updated.error();
    }
    QList<Contact> list;
    for (int i = 0; i < contacts; ++i) {
        Contact c;
        c.campaignId = fixture.value().campaignId;
        c.phoneE164 = QStringLiteral("+1415555%1").arg(i, 4, 10, QLatin1Char('0'));
        c.timeZone = QStringLiteral("America/Los_Angeles");
        list.append(c);
    }
    if (auto added = services::storage::ContactRepository(database).addMany(list); !added) {
        return added.error();
    }
    return fixture.value().campaignId;
}

QHash<QString, int> callsInCarrierLog(const QString &path)
{
    QHash<QString, int> calls;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return calls;
    }
    while (!file.atEnd()) {
        const QList<QByteArray> fields = file.readLine().trimmed().split('\t');
        if (fields.size() >= 3) {
            ++calls[QString::fromLatin1(fields.at(2))];
        }
    }
    return calls;
}

QStringList answersInCarrierLog(const QString &callLogPath)
{
    QStringList answers;
    QFile file(services::telephony::SimulatedCarrier::answerLogPath(callLogPath));
    if (!file.open(QIODevice::ReadOnly)) {
        return answers;
    }
    while (!file.atEnd()) {
        const QList<QByteArray> fields = file.readLine().chopped(1).split('\t');
        if (fields.size() >= 3) {
            answers.append(QString::fromUtf8(fields.at(0) + '\t' + fields.at(1) + '\t' + fields.at(2)));
        }
    }
    answers.sort();
    return answers;
}

QStringList answersInDatabase(services::storage::Database &database)
{
    QStringList answers;
    auto rows = services::storage::exec(database.connection(),
                                        QStringLiteral("SELECT a.call_attempt_id, q.question_key, a.normalized_value "
                                                       "FROM answers a JOIN questions q ON q.id = a.question_id"));
    if (!rows) {
        return {QStringLiteral("query failed: %1").arg(rows.error().toString())};
    }
    while (rows.value().next()) {
        answers.append(QStringLiteral("%1\t%2\t%3")
                           .arg(rows.value().value(0).toLongLong())
                           .arg(rows.value().value(1).toString(), rows.value().value(2).toString().simplified()));
    }
    answers.sort();
    return answers;
}

} // namespace vsc::tests
