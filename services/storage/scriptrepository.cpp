// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/scriptrepository.h"

#include "services/storage/sql.h"

namespace vsc::services::storage {

Result<qint64> ScriptRepository::createScript(const QString &name)
{
    auto id = scalar(m_database.connection(),
                     QStringLiteral("INSERT INTO survey_scripts (name, created_at) VALUES (?, ?) RETURNING id"),
                     {name, toDb(QDateTime::currentDateTimeUtc())});
    if (!id) {
        return id.error();
    }
    return id.value().toLongLong();
}

Result<ScriptVersion> ScriptRepository::addVersion(ScriptVersion version)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    auto next =
        scalar(db, QStringLiteral("SELECT COALESCE(MAX(version), 0) + 1 FROM script_versions WHERE script_id = ?"),
               {version.scriptId});
    if (!next) {
        return next.error();
    }
    version.version = next.value().toInt();
    auto id = scalar(db,
                     QStringLiteral("INSERT INTO script_versions (script_id, version, language, voice, definition, "
                                    "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
                     {version.scriptId, version.version, text(version.language), text(version.voice),
                      version.definitionJson.isEmpty() ? QStringLiteral("{}") : version.definitionJson,
                      toDb(QDateTime::currentDateTimeUtc())});
    if (!id) {
        return id.error();
    }
    version.id = id.value().toLongLong();
    for (int i = 0; i < version.questions.size(); ++i) {
        Question &q = version.questions[i];
        auto questionId = scalar(
            db,
            QStringLiteral("INSERT INTO questions (script_version_id, position, question_key, type, "
                           "prompt, required, options) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            {version.id, i + 1, q.key, questionTypeKey(q.type), text(q.prompt), q.required, jsonToDb(q.options)});
        if (!questionId) {
            return questionId.error();
        }
        q.id = questionId.value().toLongLong();
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return version;
}

Result<ScriptVersion> ScriptRepository::version(qint64 versionId)
{
    QSqlDatabase db = m_database.connection();
    auto head = exec(db,
                     QStringLiteral("SELECT script_id, version, language, voice, definition FROM script_versions "
                                    "WHERE id = ?"),
                     {versionId});
    if (!head) {
        return head.error();
    }
    if (!head.value().next()) {
        return Error{ErrorCode::NotFound, QStringLiteral("no script version %1").arg(versionId)};
    }
    ScriptVersion v;
    v.id = versionId;
    v.scriptId = head.value().value(0).toLongLong();
    v.version = head.value().value(1).toInt();
    v.language = head.value().value(2).toString();
    v.voice = head.value().value(3).toString();
    v.definitionJson = head.value().value(4).toString();
    auto rows = exec(db,
                     QStringLiteral("SELECT id, question_key, type, prompt, required, options FROM questions "
                                    "WHERE script_version_id = ? ORDER BY position"),
                     {versionId});
    if (!rows) {
        return rows.error();
    }
    static const QHash<QString, QuestionType> types{{QStringLiteral("yes_no"), QuestionType::YesNo},
                                                    {QStringLiteral("single_choice"), QuestionType::SingleChoice},
                                                    {QStringLiteral("numeric"), QuestionType::Numeric},
                                                    {QStringLiteral("free_speech"), QuestionType::FreeSpeech},
                                                    {QStringLiteral("recording"), QuestionType::Recording}};
    while (rows.value().next()) {
        const QSqlQuery &q = rows.value();
        v.questions.append({q.value(0).toLongLong(), q.value(1).toString(),
                            types.value(q.value(2).toString(), QuestionType::FreeSpeech), q.value(3).toString(),
                            q.value(4).toBool(), jsonFromDb(q.value(5))});
    }
    return v;
}

Result<int> ScriptRepository::questionCount(qint64 versionId)
{
    return scalarInt(m_database.connection(),
                     QStringLiteral("SELECT COUNT(*) FROM questions WHERE script_version_id = ?"), {versionId});
}

Result<QList<ScriptRow>> ScriptRepository::scripts()
{
    QSqlDatabase db = m_database.connection();
    auto heads = exec(db, QStringLiteral("SELECT id, name, created_at FROM survey_scripts ORDER BY name, id"));
    if (!heads) {
        return heads.error();
    }
    QList<ScriptRow> out;
    QHash<qint64, qsizetype> indexOf;
    while (heads.value().next()) {
        const QSqlQuery &q = heads.value();
        indexOf.insert(q.value(0).toLongLong(), out.size());
        out.append({q.value(0).toLongLong(), q.value(1).toString(), dateTimeFromDb(q.value(2)), {}});
    }
    auto versions =
        exec(db, QStringLiteral("SELECT v.script_id, v.id, v.version, v.language, v.created_at, "
                                "(SELECT COUNT(*) FROM questions q WHERE q.script_version_id = v.id), "
                                "COALESCE(u.username, '') FROM script_versions v "
                                "LEFT JOIN users u ON u.id = v.created_by ORDER BY v.script_id, v.version"));
    if (!versions) {
        return versions.error();
    }
    while (versions.value().next()) {
        const QSqlQuery &q = versions.value();
        const auto at = indexOf.constFind(q.value(0).toLongLong());
        if (at == indexOf.cend()) {
            continue;
        }
        out[*at].versions.append({q.value(1).toLongLong(), q.value(2).toInt(), q.value(3).toString(),
                                  dateTimeFromDb(q.value(4)), q.value(5).toInt(), q.value(6).toString()});
    }
    return out;
}

Result<void> ScriptRepository::rename(qint64 scriptId, const QString &name)
{
    auto query = exec(m_database.connection(), QStringLiteral("UPDATE survey_scripts SET name = ? WHERE id = ?"),
                      {name, scriptId});
    if (!query) {
        return query.error();
    }
    if (query.value().numRowsAffected() != 1) {
        return Error{ErrorCode::NotFound, QStringLiteral("no script %1").arg(scriptId)};
    }
    return {};
}

Result<void> ScriptRepository::setCreatedBy(qint64 versionId, std::optional<qint64> userId)
{
    return execOnly(m_database.connection(), QStringLiteral("UPDATE script_versions SET created_by = ? WHERE id = ?"),
                    {toDb(userId), versionId});
}

} // namespace vsc::services::storage
