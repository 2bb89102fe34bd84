// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QSet>
#include <QStringList>

namespace vsc::app {

class AppContext;

// What a command's handler is given.
struct Invocation
{
    AppContext &context;
    const QCommandLineParser &parser;
    QStringList arguments; // the positional arguments after the command's words, e.g. FILE
    QString databaseUrl;   // --database; empty: $VSC_DATABASE_URL, else the embedded default
    bool json = false;     // --json
};

// One headless command: how main() finds it, what --help says about it, and what runs it. Commands need no display.
// Every member has a default, so a table entry names only what it needs (designated initializers).
struct Command
{
    QStringList words{};                 // "contacts", "import"
    QStringList synopses{};              // what may follow the words, one line per form: "--campaign ID FILE.csv"
    QString summary{};                   // what it does, for --help
    QList<QCommandLineOption> options{}; // what it reads beyond the global options
    int arguments = 0;                   // positional arguments after the words
    // The error for a call whose first word matches but whose rest does not; empty: "unknown command".
    QString usage{};
    int (*run)(const Invocation &call) = nullptr;
};

// Every command, in the order --help lists them.
const QList<Command> &commands();

// Options every command (and the console) reads.
namespace options {
const QCommandLineOption &database();
const QCommandLineOption &demo();
const QCommandLineOption &json();
const QCommandLineOption &logLevel();
const QCommandLineOption &screenshots(); // hidden: renders every pane and exits
const QCommandLineOption &timeScale();
} // namespace options

// Help, version, the global options and every command's, each once; the description and the positional argument
// --help shows, with the commands listed from the table.
void describeCommandLine(QCommandLineParser &parser);
// "--database", "--listen", ...: the options that take a value (a value name), so a scan of argv before the
// application exists can skip their values.
QSet<QString> optionsTakingValues();
// Runs the command the positional arguments name; a wrong one is a usage error (exit 2).
int runCommand(AppContext &context, const QCommandLineParser &parser);

} // namespace vsc::app
