// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "models/survey.h"
#include "services/storage/database.h"

#include <QDateTime>

namespace vsc::services::storage {

// One stored version as lists show it (without its document).
struct ScriptVersionRow
{
    qint64 id = 0;
    int version = 0;
    QString language;
    QDateTime createdAt;
    int questionCount = 0;
    QString createdBy; // username, empty when not known
};

struct ScriptRow
{
    qint64 id = 0;
    QString name;
    QDateTime createdAt;
    QList<ScriptVersionRow> versions; // oldest first
};

// Survey scripts and their immutable versions. Synchronous, calling thread.
class ScriptRepository final
{
public:
    explicit ScriptRepository(Database &database) : m_database(database) {}

    Result<qint64> createScript(const QString &name);
    // Stores the next version of a script with its questions; returns it with ids filled in.
    Result<ScriptVersion> addVersion(ScriptVersion version);
    Result<ScriptVersion> version(qint64 versionId);
    Result<int> questionCount(qint64 versionId);
    // Every script with its versions, by name.
    Result<QList<ScriptRow>> scripts();
    Result<void> rename(qint64 scriptId, const QString &name);
    // Sets who created a version (the user behind the actor); versions are otherwise immutable.
    Result<void> setCreatedBy(qint64 versionId, std::optional<qint64> userId);

private:
    Database &m_database;
};

} // namespace vsc::services::storage
