// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace vsc::services::storage {

class Database;

// One question of a campaign's script, as a results column.
struct QuestionColumn
{
    QString key;
    QString prompt;
    QString type;        // "yes_no", "single_choice", "numeric", "free_speech", "recording"
    QStringList choices; // single_choice: the stored values in script order; yes_no: "yes", "no"
};

// What a results page shows; empty fields do not narrow.
struct ResultsFilter
{
    QString disposition;   // a disposition key ("completed", "no_answer", ...; see ResultsRepository)
    QString answerText;    // part of any answer's value, case-insensitive (ASCII case on SQLite)
    QString phoneFragment; // part of the E.164 number
};

// One call attempt of a contact, with the answers given during it.
struct AttemptResult
{
    int number = 0;
    QString status;     // call_attempts.status
    QString answeredBy; // Twilio's AnsweredBy (human, machine_start, ...)
    QString outcome;    // what the attempt came to: answered, busy, no_answer, failed, machine, in_progress
    QDateTime at;       // ended, else started, else claimed
    std::optional<int> scriptVersion;
    QHash<QString, QString> answers; // question key -> value
};

// One contact of a campaign with its final outcome and its latest answer to each question.
struct ContactResult
{
    qint64 contactId = 0;
    QString phoneE164;
    QString name;
    QString disposition; // a disposition key
    int attempts = 0;
    QDateTime lastAttemptAt;
    std::optional<int> scriptVersion;    // of the latest answer
    QHash<QString, QString> answers;     // question key -> the latest answer's value
    QList<AttemptResult> attemptDetails; // with Detail::Attempts only, by attempt number
};

// A campaign's results, a page at a time (keyset: contacts after a contact id, by id), so the first page of a
// campaign with a million contacts costs what a page costs. Synchronous, calling thread. Disposition keys:
// completed, opted_out, partial (answered, survey not finished), machine, busy, no_answer, failed, invalid_number,
// suppressed, in_progress, not_dialed.
class ResultsRepository final
{
public:
    enum class Detail {
        Latest,   // per contact, the latest answer per question
        Attempts, // also every attempt with its own answers (exports)
    };

    explicit ResultsRepository(Database &database) : m_database(database) {}

    static const QStringList &dispositionKeys();

    // The questions of every version of the campaign's script, the pinned version's order first, then keys only
    // older versions had. NotFound for no such campaign; empty when it has no script.
    Result<QList<QuestionColumn>> questionColumns(qint64 campaignId);
    // Up to `limit` contacts with an id above `afterContactId`, by id.
    Result<QList<ContactResult>> page(qint64 campaignId, const ResultsFilter &filter, qint64 afterContactId, int limit,
                                      Detail detail = Detail::Latest);
    // How many contacts `filter` selects (for an export's progress).
    Result<qint64> count(qint64 campaignId, const ResultsFilter &filter);
    // How many rows an export of `filter` writes: one per attempt, one for a contact without any.
    Result<qint64> exportRowCount(qint64 campaignId, const ResultsFilter &filter);

private:
    Database &m_database;
};

} // namespace vsc::services::storage
