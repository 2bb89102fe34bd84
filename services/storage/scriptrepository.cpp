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

} // namespace vsc::services::storage
