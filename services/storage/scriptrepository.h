// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "models/survey.h"
#include "services/storage/database.h"

namespace vsc::services::storage {

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

private:
    Database &m_database;
};

} // namespace vsc::services::storage
