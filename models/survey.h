// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QVariantMap>

namespace vsc {

enum class QuestionType { YesNo, SingleChoice, Numeric, FreeSpeech, Recording };

QString questionTypeKey(QuestionType type);

struct Question
{
    qint64 id = 0;
    QString key; // the script's own id, e.g. "q1"
    QuestionType type = QuestionType::YesNo;
    QString prompt;
    bool required = true;
    QVariantMap options; // type-specific: choices with DTMF keys, numeric range, ...
};

struct ScriptVersion
{
    qint64 id = 0;
    qint64 scriptId = 0;
    int version = 1;
    QString language = QStringLiteral("en-US");
    QString voice = QStringLiteral("Polly.Joanna");
    QString definitionJson; // the full script document; questions are also stored row by row
    QList<Question> questions;
};

} // namespace vsc
