// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/telephony/twiliosignature.h"

#include <QDateTime>
#include <QList>
#include <QLockFile>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace vsc::services::telephony {

// One webhook as it arrived: which route, for which attempt, with which parameters.
struct JournalEntry
{
    QString route; // voice, gather, status, amd
    qint64 attemptId = 0;
    FormParams params;
    QDateTime receivedAt;    // UTC
    std::optional<int> turn; // gather: the prompt it answers (from the action URL)
};

// Webhooks that arrived while the database was unreachable, kept on local disk (one JSON line each, flushed and
// synced before the reply goes out) until CallFlow can apply them in order. One process writes a journal at a
// time (a lock file next to it); a journal left behind by a process that died is replayed by the next one in the
// same role (at its start, and when a `run` takes a campaign over), whatever suffix its name has.
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
    // "<stateDir>/journal/<role>-<8 hex>": every journal of this role and database starts with it (the default
    // one, and "<prefix>-<suffix>.jsonl" for a second process's or a worker thread's).
    static QString pathPrefix(const QString &stateDirectory, const QString &role, const QString &databaseName);
    // The journal files on disk that start with `prefix`, locked or not.
    static QStringList journalsWithPrefix(const QString &prefix);

private:
    Result<void> writeAll();

    QString m_path;
    QString m_error;
    std::unique_ptr<QLockFile> m_lock;
    QList<JournalEntry> m_entries;
};

} // namespace vsc::services::telephony
