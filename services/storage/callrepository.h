// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "call.h"
#include "database.h"
#include "result.h"

#include <QList>

namespace vsc::services::storage {

// Call attempts, their status events and the answers given. Synchronous, calling thread.
class CallRepository final
{
public:
    explicit CallRepository(Database &database) : m_database(database) {}

    Result<qint64> createAttempt(const CallAttempt &attempt);
    Result<void> updateAttempt(const CallAttempt &attempt); // status, sid, times, duration, errors
    Result<CallAttempt> attempt(qint64 id);
    // Returns false when the (call SID, sequence number) pair was already stored: redelivery is harmless.
    Result<bool> recordEvent(const CallEvent &event);
    Result<bool> recordAnswer(const Answer &answer);
    Result<QList<Answer>> answersForAttempt(qint64 attemptId);
    // Attempts not yet in a terminal status, newest first.
    Result<QList<LiveCall>> liveCalls();

private:
    Database &m_database;
};

} // namespace vsc::services::storage
