// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/scriptcommands.h"

#include "app/appcontext.h"
#include "app/cli.h"
#include "services/dialogue/engine.h"
#include "services/files/privatefiles.h"
#include "services/scripts/scriptservice.h"

#include <QFile>
#include <QSaveFile>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace vsc::app {
namespace {

using namespace vsc::services;
using namespace vsc::services::dialogue;

std::optional<QByteArray> readFile(const QString &path, bool json)
{
    auto data = readScriptFile(path);
    if (!data) {
        printError(json, data.error());
        return std::nullopt;
    }
    return std::move(data).value();
}

QString describeListen(const telephony::Gather &gather)
{
    QStringList ways;
    if (gather.input.contains(QLatin1String("dtmf"))) {
        ways << (gather.numDigits ? QStringLiteral("keypad (up to %1 key%2%3)")
                                        .arg(*gather.numDigits)
                                        .arg(*gather.numDigits == 1 ? QString() : QStringLiteral("s"))
                                        .arg(gather.finishOnKey && !gather.finishOnKey->isEmpty()
                                                 ? QStringLiteral(", end with ") + *gather.finishOnKey
                                                 : QString())
                                  : QStringLiteral("keypad"));
    }
    if (gather.input.contains(QLatin1String("speech"))) {
        ways << QStringLiteral("speech");
    }
    return ways.join(QStringLiteral(" or "));
}

void printTurn(const Turn &turn, QTextStream &out)
{
    for (const telephony::Verb &verb : turn.twiml.verbs) {
        if (const auto *say = std::get_if<telephony::Say>(&verb)) {
            out << "SAY: " << say->text << '\n';
        } else if (const auto *gather = std::get_if<telephony::Gather>(&verb)) {
            for (const auto &prompt : gather->prompts) {
                if (const auto *nested = std::get_if<telephony::Say>(&prompt)) {
                    out << "SAY: " << nested->text << '\n';
                }
            }
            out << "LISTEN: " << describeListen(*gather) << '\n';
        } else if (const auto *record = std::get_if<telephony::Record>(&verb)) {
            out << "RECORD: up to " << record->maxLengthSeconds << " s (type rec)\n";
        } else if (std::holds_alternative<telephony::Hangup>(verb)) {
            out << "HANGUP\n";
        }
    }
    out.flush();
}

CallerInput parseInput(const QString &line)
{
    static const QRegularExpression withConfidence(QStringLiteral("^(.*)@\\s*([01](?:\\.\\d+)?)\\s*$"));
    static const QRegularExpression keys(QStringLiteral("^[0-9*#]+$"));
    const QString text = line.trimmed();
    if (text.isEmpty()) {
        return CallerInput::noInput();
    }
    if (text == QLatin1String("rec")) {
        return CallerInput::recorded(QStringLiteral("simulated://recording"), 5);
    }
    if (keys.match(text).hasMatch()) {
        return CallerInput::keys(text);
    }
    const auto match = withConfidence.match(text);
    if (match.hasMatch()) {
        return CallerInput::said(match.captured(1).trimmed(), match.captured(2).toDouble());
    }
    return CallerInput::said(text, 0.9);
}

// The answers as the caller gave them, after the transcript; returned for --json.
QJsonArray printAnswers(const QList<AnswerRecord> &answers, QTextStream &out)
{
    QJsonArray recorded;
    out << "\nAnswers:\n";
    for (const AnswerRecord &a : answers) {
        QJsonObject o{{QStringLiteral("question"), a.questionId}, {QStringLiteral("skipped"), a.skipped}};
        out << "  " << a.questionId << " = ";
        if (a.skipped) {
            out << "(skipped)\n";
        } else {
            o.insert(QStringLiteral("value"), a.value);
            out << a.value;
            if (!a.rawDigits.isEmpty()) {
                o.insert(QStringLiteral("digits"), a.rawDigits);
                out << "  [keys " << a.rawDigits << ']';
            }
            if (!a.rawSpeech.isEmpty()) {
                o.insert(QStringLiteral("speech"), a.rawSpeech);
                out << "  [heard \"" << a.rawSpeech << '"';
                if (a.confidence) {
                    o.insert(QStringLiteral("confidence"), *a.confidence);
                    out << " @" << *a.confidence;
                }
                out << ']';
            }
            out << '\n';
        }
        recorded.append(o);
    }
    return recorded;
}

} // namespace

int runScriptValidate(const QString &path, bool json)
{
    const auto data = readFile(path, json);
    if (!data) {
        return ExitFailure;
    }
    const LoadedScript loaded = loadScript(*data);
    const bool ok = loaded.ok();
    QJsonArray problems;
    QStringList lines;
    for (const ScriptProblem &p : loaded.problems) {
        const bool warning = p.severity == ScriptProblem::Severity::Warning;
        problems.append(
            QJsonObject{{QStringLiteral("location"), p.location},
                        {QStringLiteral("severity"), warning ? QStringLiteral("warning") : QStringLiteral("error")},
                        {QStringLiteral("message"), p.message}});
        lines << path + u':' + p.toString();
    }
    const int errors = int(std::count_if(loaded.problems.cbegin(), loaded.problems.cend(), [](const ScriptProblem &p) {
        return p.severity == ScriptProblem::Severity::Error;
    }));
    lines << (ok ? QStringLiteral("%1: valid (%2 questions, %3 warning(s))")
                       .arg(path)
                       .arg(loaded.script.questions.size())
                       .arg(loaded.problems.size())
                 : QStringLiteral("%1: %2 error(s), %3 warning(s)")
                       .arg(path)
                       .arg(errors)
                       .arg(loaded.problems.size() - errors));
    printResult(json,
                {{QStringLiteral("ok"), ok},
                 {QStringLiteral("file"), path},
                 {QStringLiteral("questions"), int(loaded.script.questions.size())},
                 {QStringLiteral("problems"), problems}},
                lines.join(u'\n'));
    return ok ? ExitOk : ExitFailure;
}

int runSimulate(const QString &path, bool json, QTextStream &in, QTextStream &out, const QString &language)
{
    const auto data = readFile(path, json);
    if (!data) {
        return ExitFailure;
    }
    const LoadedScript loaded = loadScript(*data);
    if (!loaded.ok()) {
        for (const ScriptProblem &p : loaded.problems) {
            out << path << ':' << p.toString() << '\n';
        }
        out.flush();
        printError(json, {ErrorCode::InvalidArgument,
                          QStringLiteral("%1 is not a valid script; run `script validate`").arg(path)});
        return ExitUsage;
    }
    const Script script = loaded.script.forLanguage(language); // as a contact speaking `language` hears it
    const QUrl action(QStringLiteral("simulated://gather"));
    out << "Simulating \"" << script.name << "\" (" << script.language << ", " << script.voice << ").\n"
        << "Type keys (1, 10#), words (\"yes\", \"seven @0.3\" sets the speech confidence), an empty line for "
           "silence, rec for a recording, quit to hang up.\n";
    Turn turn = DialogueEngine::start(script, action);
    printTurn(turn, out);
    QList<AnswerRecord> answers;
    bool hungUp = false;
    while (!turn.finished) {
        out << "> ";
        out.flush();
        const QString line = in.readLine();
        if (line.isNull() || line.trimmed() == QLatin1String("quit")) {
            out << "\nCaller hung up.\n";
            hungUp = true;
            break;
        }
        turn = DialogueEngine::step(script, turn.state, parseInput(line), action);
        if (turn.answer) {
            answers.append(*turn.answer);
        }
        printTurn(turn, out);
    }
    const QJsonArray recorded = printAnswers(answers, out);
    const QString outcome = turn.state.optedOut    ? QStringLiteral("opted-out")
                            : hungUp               ? QStringLiteral("hung-up")
                            : turn.state.completed ? QStringLiteral("completed")
                                                   : QStringLiteral("ended");
    out << "Outcome: " << outcome << '\n';
    out.flush();
    if (json) {
        printResult(
            true,
            {{QStringLiteral("ok"), true}, {QStringLiteral("outcome"), outcome}, {QStringLiteral("answers"), recorded}},
            {});
    }
    return ExitOk;
}

namespace {

Result<Actor> openAsHeadless(AppContext &context, const QString &databaseUrl)
{
    if (auto opened = context.openDatabase(databaseUrl); !opened) {
        return opened.error();
    }
    return context.headlessActor();
}

int failed(bool json, const Error &error)
{
    printError(json, error);
    return exitCodeForInput(error);
}

} // namespace

int runScriptImport(AppContext &context, const QString &databaseUrl, const QString &path, const QString &name,
                    bool json)
{
    auto data = readScriptFile(path);
    if (!data) {
        printError(json, data.error());
        return data.error().code == ErrorCode::InvalidArgument ? ExitUsage : ExitFailure;
    }
    auto actor = openAsHeadless(context, databaseUrl);
    if (!actor) {
        return failed(json, actor.error());
    }
    scripts::ScriptService service(context.database(), context.clock());
    auto saved = service.importJson(actor.value(), data.value(), name);
    if (!saved) {
        return failed(json, saved.error());
    }
    QJsonArray warnings;
    QStringList lines;
    for (const ScriptProblem &p : saved.value().warnings) {
        warnings.append(p.toString());
        lines << p.toString();
    }
    lines.prepend(QStringLiteral("imported as script %1, version %2 (version id %3)")
                      .arg(saved.value().scriptId)
                      .arg(saved.value().version)
                      .arg(saved.value().versionId));
    printResult(json,
                {{QStringLiteral("ok"), true},
                 {QStringLiteral("scriptId"), saved.value().scriptId},
                 {QStringLiteral("versionId"), saved.value().versionId},
                 {QStringLiteral("version"), saved.value().version},
                 {QStringLiteral("warnings"), warnings}},
                lines.join(u'\n'));
    return ExitOk;
}

int runScriptExport(AppContext &context, const QString &databaseUrl, const QString &versionId, const QString &path,
                    bool json)
{
    bool isNumber = false;
    const qint64 id = versionId.toLongLong(&isNumber);
    if (!isNumber || id <= 0) {
        printError(json, Error{ErrorCode::InvalidArgument,
                               QStringLiteral("script export needs --script-version ID (see script list)")});
        return ExitUsage;
    }
    auto actor = openAsHeadless(context, databaseUrl);
    if (!actor) {
        return failed(json, actor.error());
    }
    scripts::ScriptService service(context.database(), context.clock());
    auto document = service.exportJson(actor.value(), id);
    if (!document) {
        return failed(json, document.error());
    }
    if (path == QLatin1String("-")) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(document.value()) != document.value().size()) {
            printError(json, Error{ErrorCode::Io, QStringLiteral("cannot write to stdout")});
            return ExitFailure;
        }
        return ExitOk; // stdout carries the document, so nothing else is printed there
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(document.value()) != document.value().size() || !file.commit()) {
        printError(json, Error{ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString())});
        return ExitFailure;
    }
    printResult(json, {{QStringLiteral("ok"), true}, {QStringLiteral("file"), path}},
                QStringLiteral("script version %1 written to %2").arg(id).arg(path));
    return ExitOk;
}

int runScriptList(AppContext &context, const QString &databaseUrl, bool json)
{
    auto actor = openAsHeadless(context, databaseUrl);
    if (!actor) {
        return failed(json, actor.error());
    }
    scripts::ScriptService service(context.database(), context.clock());
    auto all = service.list(actor.value());
    if (!all) {
        return failed(json, all.error());
    }
    QJsonArray array;
    QStringList lines{QStringLiteral("SCRIPT  VERSION  VERSION-ID  LANGUAGE  QUESTIONS  CREATED               NAME")};
    for (const storage::ScriptRow &script : all.value()) {
        QJsonArray versions;
        for (const storage::ScriptVersionRow &v : script.versions) {
            versions.append(QJsonObject{{QStringLiteral("id"), v.id},
                                        {QStringLiteral("version"), v.version},
                                        {QStringLiteral("language"), v.language},
                                        {QStringLiteral("questions"), v.questionCount},
                                        {QStringLiteral("createdAt"), v.createdAt.toString(Qt::ISODate)},
                                        {QStringLiteral("createdBy"), v.createdBy}});
            lines << QStringLiteral("%1 %2 %3 %4 %5 %6  %7")
                         .arg(script.id, 6)
                         .arg(v.version, 8)
                         .arg(v.id, 11)
                         .arg(v.language, -9)
                         .arg(v.questionCount, 10)
                         .arg(v.createdAt.toString(Qt::ISODate), -20)
                         .arg(script.name);
        }
        array.append(QJsonObject{{QStringLiteral("id"), script.id},
                                 {QStringLiteral("name"), script.name},
                                 {QStringLiteral("versions"), versions}});
    }
    printResult(json, {{QStringLiteral("ok"), true}, {QStringLiteral("scripts"), array}}, lines.join(u'\n'));
    return ExitOk;
}

} // namespace vsc::app
