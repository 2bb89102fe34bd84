// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/result.h"
#include "services/clock.h"
#include "services/dialogue/script.h"
#include "services/storage/database.h"
#include "services/storage/scriptrepository.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace vsc::services::scripts {

// A version stored by save() or importJson().
struct SavedScript
{
    qint64 scriptId = 0;
    qint64 versionId = 0;
    int version = 0;
    QList<dialogue::ScriptProblem> warnings; // what validation found short of an error
};

// Survey scripts as the editor, the Scripts pane and `script import|export|list` see them. A script changes only by
// a new version (versions are immutable; a running call keeps its own, see CallRepository::session). Reading needs
// campaign.edit or results.view (results are read against the wording); saving and importing need campaign.edit
// and are audited ("script.version"). A document with validation errors is refused with InvalidArgument, its
// message listing every error with its place. Synchronous.
class ScriptService final
{
public:
    ScriptService(storage::Database &database, Clock &clock) : m_database(database), m_clock(clock) {}

    Result<QList<storage::ScriptRow>> list(const Actor &actor);
    // A stored version's document as parsed (variants included), even one that fails today's checks.
    Result<dialogue::Script> load(const Actor &actor, qint64 versionId);
    Result<storage::ScriptVersionRow> versionInfo(const Actor &actor, qint64 versionId);
    // Which script a version belongs to.
    Result<qint64> scriptOf(const Actor &actor, qint64 versionId);
    // Stores `script` as the next version of `scriptId`, or as version 1 of a new script when it has none; the
    // script's name follows the document's.
    Result<SavedScript> save(const Actor &actor, std::optional<qint64> scriptId, const dialogue::Script &script);
    // A JSON document (docs/SCRIPT_FORMAT.md) as a new script; `name` replaces the document's when not empty.
    Result<SavedScript> importJson(const Actor &actor, const QByteArray &json, const QString &name = {});
    Result<SavedScript> importFile(const Actor &actor, const QString &path, const QString &name = {});
    // The version's document, formatted as toJson() writes it.
    Result<QByteArray> exportJson(const Actor &actor, qint64 versionId);

private:
    Result<void> mayRead(const Actor &actor, const QString &action, std::optional<qint64> versionId);

    storage::Database &m_database;
    Clock &m_clock;
};

// "questions[1].prompt: error: is required...", one line per error (warnings left out), for an InvalidArgument.
QString describeErrors(const QList<dialogue::ScriptProblem> &problems);

} // namespace vsc::services::scripts
