// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/scripts/scriptservice.h"

#include "services/auth/authorizer.h"
#include "services/storage/auditrepository.h"
#include "services/storage/transaction.h"

namespace vsc::services::scripts {

using dialogue::LoadedScript;
using dialogue::Script;
using dialogue::ScriptProblem;

QString describeErrors(const QList<ScriptProblem> &problems)
{
    QStringList lines;
    for (const ScriptProblem &p : problems) {
        if (p.severity == ScriptProblem::Severity::Error) {
            lines << p.toString();
        }
    }
    return QStringLiteral("the script has %1 error(s):\n%2").arg(lines.size()).arg(lines.join(u'\n'));
}

Result<void> ScriptService::mayRead(const Actor &actor, const QString &action, std::optional<qint64> versionId)
{
    if (actor.has(Permission::ResultsView)) {
        return {};
    }
    return auth::Authorizer(m_database)
        .require(actor, Permission::CampaignEdit, action, versionId ? QStringLiteral("script_version") : QString(),
                 versionId);
}

Result<QList<storage::ScriptRow>> ScriptService::list(const Actor &actor)
{
    if (auto allowed = mayRead(actor, QStringLiteral("list scripts"), std::nullopt); !allowed) {
        return allowed.error();
    }
    return storage::ScriptRepository(m_database).scripts();
}

Result<Script> ScriptService::load(const Actor &actor, qint64 versionId)
{
    if (auto allowed = mayRead(actor, QStringLiteral("read a script"), versionId); !allowed) {
        return allowed.error();
    }
    auto stored = storage::ScriptRepository(m_database).version(versionId);
    if (!stored) {
        return stored.error();
    }
    LoadedScript loaded = dialogue::loadScript(stored.value().definitionJson.toUtf8());
    // A stored version may fail today's checks (stored before a check existed): the editor still opens it.
    if (loaded.problems.size() == 1 && loaded.problems.first().location.startsWith(QLatin1String("line "))) {
        return Error{ErrorCode::Internal, QStringLiteral("script version %1 is not readable: %2")
                                              .arg(versionId)
                                              .arg(loaded.problems.first().toString())};
    }
    return loaded.script;
}

Result<storage::ScriptVersionRow> ScriptService::versionInfo(const Actor &actor, qint64 versionId)
{
    auto all = list(actor);
    if (!all) {
        return all.error();
    }
    for (const storage::ScriptRow &script : all.value()) {
        for (const storage::ScriptVersionRow &v : script.versions) {
            if (v.id == versionId) {
                return v;
            }
        }
    }
    return Error{ErrorCode::NotFound, QStringLiteral("no script version %1").arg(versionId)};
}

Result<qint64> ScriptService::scriptOf(const Actor &actor, qint64 versionId)
{
    if (auto allowed = mayRead(actor, QStringLiteral("read a script"), versionId); !allowed) {
        return allowed.error();
    }
    auto stored = storage::ScriptRepository(m_database).version(versionId);
    if (!stored) {
        return stored.error();
    }
    return stored.value().scriptId;
}

Result<SavedScript> ScriptService::save(const Actor &actor, std::optional<qint64> scriptId, const Script &script)
{
    if (auto allowed = auth::Authorizer(m_database)
                           .require(actor, Permission::CampaignEdit, QStringLiteral("save a script"),
                                    scriptId ? QStringLiteral("script") : QString(), scriptId);
        !allowed) {
        return allowed.error();
    }
    // Checked as the stored document will be read back, so what is saved is exactly what calls will run.
    const QByteArray document = dialogue::toJson(script);
    const LoadedScript checked = dialogue::loadScript(document);
    if (!checked.ok()) {
        return Error{ErrorCode::InvalidArgument, describeErrors(checked.problems)};
    }
    storage::ScriptRepository repository(m_database);
    storage::Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    qint64 id = 0;
    if (scriptId) {
        id = *scriptId;
        if (auto renamed = repository.rename(id, checked.script.name); !renamed) {
            return renamed.error();
        }
    } else {
        auto created = repository.createScript(checked.script.name);
        if (!created) {
            return created.error();
        }
        id = created.value();
    }
    ScriptVersion version = dialogue::toScriptVersion(checked.script);
    version.scriptId = id;
    auto stored = repository.addVersion(version);
    if (!stored) {
        return stored.error();
    }
    if (auto by = repository.setCreatedBy(stored.value().id, actor.userId); !by) {
        return by.error();
    }
    storage::AuditEntry entry =
        storage::auditEntry(actor, QStringLiteral("script.version"), QStringLiteral("script"), id);
    entry.at = m_clock.nowUtc();
    entry.after = {{QStringLiteral("name"), checked.script.name},
                   {QStringLiteral("version"), stored.value().version},
                   {QStringLiteral("versionId"), stored.value().id},
                   {QStringLiteral("questions"), int(checked.script.questions.size())}};
    if (auto logged = storage::AuditRepository(m_database).record(entry); !logged) {
        return logged.error();
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    SavedScript saved{id, stored.value().id, stored.value().version, {}};
    for (const ScriptProblem &p : checked.problems) {
        saved.warnings.append(p); // no errors are left: all of these are warnings
    }
    return saved;
}

Result<SavedScript> ScriptService::importJson(const Actor &actor, const QByteArray &json, const QString &name)
{
    LoadedScript loaded = dialogue::loadScript(json);
    if (!loaded.ok()) {
        // Asked first, so someone without the permission learns nothing about the file.
        if (auto allowed = auth::Authorizer(m_database)
                               .require(actor, Permission::CampaignEdit, QStringLiteral("import a script"));
            !allowed) {
            return allowed.error();
        }
        return Error{ErrorCode::InvalidArgument, describeErrors(loaded.problems)};
    }
    if (!name.trimmed().isEmpty()) {
        loaded.script.name = name.trimmed();
    }
    return save(actor, std::nullopt, loaded.script);
}

Result<SavedScript> ScriptService::importFile(const Actor &actor, const QString &path, const QString &name)
{
    auto data = dialogue::readScriptFile(path);
    if (!data) {
        return data.error();
    }
    return importJson(actor, data.value(), name);
}

Result<QByteArray> ScriptService::exportJson(const Actor &actor, qint64 versionId)
{
    auto script = load(actor, versionId);
    if (!script) {
        return script.error();
    }
    return dialogue::toJson(script.value());
}

} // namespace vsc::services::scripts
