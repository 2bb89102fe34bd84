// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/telephony/twiliosignature.h"

#include <QDateTime>
#include <QList>
#include <QLockFile>
#include <QString>

#include <memory>

namespace vsc::services::telephony {

// One webhook as it arrived: which route, for which attempt, with which parameters.
struct JournalEntry
{
    QString route; // voice, gather, status, amd
    qint64 attemptId = 0;
    FormParams params;
    QDateTime receivedAt; // UTC
};

// Webhooks that arrived while the database was unreachable, kept on local disk (one JSON line each, flushed and
// synced before the reply goes out) until CallFlow can apply them in order. One process writes a journal at a
// time (a lock file next to it); a journal left behind by a process that died is replayed by the next one.
class WebhookJournal final
{
public:
    // Opens (and locks) `path`, reading what an earlier process left in it. Check error() afterwards.
    explicit WebhookJournal(QString path);
    ~WebhookJournal();
    Q_DISABLE_COPY_MOVE(WebhookJournal)

    [[nodiscard]] const QString &path() const { return m_path; }
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] bool isEmpty() const { return m_entries.isEmpty(); }
    [[nodiscard]] const QList<JournalEntry> &entries() const { return m_entries; }

    Result<void> append(const JournalEntry &entry);
    // Forgets the first `count` entries (they were applied), rewriting the file atomically.
    Result<void> dropFirst(qsizetype count);

    // "<stateDir>/journal/<role>-<8 hex of the database's name>.jsonl": stable across restarts, so a crashed
    // process's journal is found by the next one with the same role and database.
    static QString defaultPath(const QString &stateDirectory, const QString &role, const QString &databaseName);

private:
    Result<void> writeAll();

    QString m_path;
    QString m_error;
    std::unique_ptr<QLockFile> m_lock;
    QList<JournalEntry> m_entries;
};

} // namespace vsc::services::telephony
