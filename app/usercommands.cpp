// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/usercommands.h"

#include "app/appcontext.h"
#include "app/cli.h"
#include "services/auth/authorizer.h"
#include "services/auth/local/passwordhasher.h"
#include "services/users/userservice.h"

#include <QJsonArray>
#include <QJsonObject>

#include <csignal>
#include <cstdio>
#include <iterator>
#include <optional>
#include <termios.h>
#include <unistd.h>

namespace vsc::app {

namespace {

using services::users::RoleService;
using services::users::UserService;

// Prints the error and returns the exit code for it.
int failed(bool json, const Error &error, int (*exitCode)(const Error &) = &exitCodeFor)
{
    printError(json, error);
    return exitCode(error);
}

// Opens (and migrates) the database and says who the command acts as.
Result<Actor> openAsHeadless(AppContext &context, const QString &databaseUrl)
{
    if (auto opened = context.openDatabase(databaseUrl); !opened) {
        return opened.error();
    }
    return context.headlessActor();
}

// --roles, required by the commands that assign roles.
Result<QStringList> requiredRoles(const UserCommandOptions &options, const QString &command)
{
    if (!options.roles || options.roles->isEmpty()) {
        return Error{
            ErrorCode::InvalidArgument,
            QStringLiteral("%1 needs --roles, e.g. --roles operator or --roles supervisor,viewer").arg(command)};
    }
    return *options.roles;
}

// ---- Reading a password ------------------------------------------------------------------------------------------

enum class PasswordSource {
    Stdin,    // --password-stdin: the first line of stdin
    Terminal, // stdin is a terminal: prompt twice without echo
};

// Decided before anything else, so a password that would come from nowhere is a usage error before the database is
// even opened.
Result<PasswordSource> passwordSource(const UserCommandOptions &options)
{
    if (options.passwordStdin) {
        return PasswordSource::Stdin;
    }
    if (::isatty(STDIN_FILENO) == 1) {
        return PasswordSource::Terminal;
    }
    return Error{ErrorCode::InvalidArgument,
                 QStringLiteral("stdin is not a terminal, so there is nobody to ask for the password: pipe it in with "
                                "--password-stdin (a password is never taken from the command line)")};
}

// One line from stdin without its line end; nullopt at the end of input with nothing read.
std::optional<QByteArray> readLine()
{
    QByteArray line;
    bool any = false;
    for (int c = std::fgetc(stdin); c != EOF; c = std::fgetc(stdin)) {
        any = true;
        if (c == '\n') {
            break;
        }
        line.append(char(c));
    }
    if (!any) {
        return std::nullopt;
    }
    if (line.endsWith('\r')) {
        line.chop(1);
    }
    return line;
}

// The terminal's settings while echo is off, put back by a signal that ends the process during the prompt, so
// Ctrl-C does not leave the shell without echo.
struct termios g_savedTerminal = {};

void restoreTerminalAndDie(int signal)
{
    ::tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

void writeToTerminal(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

// Asks twice on the terminal, echo off (the newline still shows, ECHONL).
Result<QString> promptForPassword(const QString &username)
{
    if (::tcgetattr(STDIN_FILENO, &g_savedTerminal) != 0) {
        return Error{ErrorCode::Io, QStringLiteral("cannot read the terminal's settings to turn echo off")};
    }
    struct termios quiet = g_savedTerminal;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    quiet.c_lflag |= tcflag_t(ECHONL);
    constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    struct sigaction restore = {};
    restore.sa_handler = &restoreTerminalAndDie;
    sigemptyset(&restore.sa_mask);
    struct sigaction previous[std::size(kSignals)] = {};
    for (std::size_t i = 0; i < std::size(kSignals); ++i) {
        ::sigaction(kSignals[i], &restore, &previous[i]);
    }
    if (::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) != 0) {
        for (std::size_t i = 0; i < std::size(kSignals); ++i) {
            ::sigaction(kSignals[i], &previous[i], nullptr);
        }
        return Error{ErrorCode::Io, QStringLiteral("cannot turn the terminal's echo off")};
    }
    writeToTerminal(QStringLiteral("Password for %1: ").arg(username));
    std::optional<QByteArray> first = readLine();
    std::optional<QByteArray> second;
    if (first) {
        writeToTerminal(QStringLiteral("The same again: "));
        second = readLine();
    }
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_savedTerminal);
    for (std::size_t i = 0; i < std::size(kSignals); ++i) {
        ::sigaction(kSignals[i], &previous[i], nullptr);
    }
    Result<QString> password = Error{ErrorCode::InvalidArgument, QStringLiteral("no password was entered")};
    if (first && second) {
        password = *first == *second
                       ? Result<QString>(QString::fromUtf8(*first))
                       : Result<QString>(Error{ErrorCode::InvalidArgument,
                                               QStringLiteral("the two passwords differ; nothing changed")});
    }
    // Best effort: the bytes typed do not linger in this buffer (the QString copy is the service's to use).
    for (std::optional<QByteArray> *typed : {&first, &second}) {
        if (*typed) {
            (*typed)->fill('\0');
        }
    }
    return password;
}

Result<QString> readPassword(PasswordSource source, const QString &username)
{
    if (source == PasswordSource::Terminal) {
        return promptForPassword(username);
    }
    std::optional<QByteArray> line = readLine();
    if (!line) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("--password-stdin: stdin ended before a password; give it as the first line")};
    }
    QString password = QString::fromUtf8(*line);
    line->fill('\0');
    return password;
}

// ---- Lookups and output ------------------------------------------------------------------------------------------

// The user by name, through UserService::users(), which checks users.manage first: without it, whether a name
// exists is not told. An unknown name is NotFound (exit 2 with exitCodeForInput).
Result<User> userNamed(UserService &service, const Actor &actor, const QString &username)
{
    auto all = service.users(actor);
    if (!all) {
        return all.error();
    }
    for (const User &user : all.value()) {
        if (user.username == username) {
            return user;
        }
    }
    return Error{ErrorCode::NotFound, QStringLiteral("no user named '%1'").arg(username)};
}

QString sourceName(AuthSource source)
{
    return source == AuthSource::Oidc ? QStringLiteral("oidc") : QStringLiteral("local");
}

QJsonValue timeValue(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QString timeText(const QDateTime &time, const QString &none)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : none;
}

QString yesNo(bool value)
{
    return value ? QStringLiteral("yes") : QStringLiteral("no");
}

// Rows of cells as columns two spaces apart, each as wide as its widest cell; no trailing blanks.
QString alignedTable(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype column = 0; column < row.size(); ++column) {
            if (widths.size() <= column) {
                widths.append(0);
            }
            widths[column] = qMax(widths.at(column), row.at(column).size());
        }
    }
    QStringList lines;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype column = 0; column < row.size(); ++column) {
            line += column + 1 < row.size() ? row.at(column).leftJustified(widths.at(column) + 2) : row.at(column);
        }
        while (line.endsWith(u' ')) {
            line.chop(1);
        }
        lines << line;
    }
    return lines.join(u'\n');
}

// What `users` commands say about one user after a change.
QJsonObject changedUser(const QString &username)
{
    return {{QStringLiteral("ok"), true}, {QStringLiteral("username"), username}};
}

} // namespace

int runUsersList(AppContext &context, const UserCommandOptions &options)
{
    auto actor = openAsHeadless(context, options.databaseUrl);
    if (!actor) {
        return failed(options.json, actor.error());
    }
    const services::auth::PasswordHasher hasher(services::auth::PasswordHasher::Cost::Interactive);
    UserService service(context.database(), context.clock(), hasher);
    auto users = service.users(actor.value());
    if (!users) {
        return failed(options.json, users.error());
    }
    const QDateTime now = context.clock().nowUtc();
    QJsonArray array;
    QList<QStringList> rows{{QStringLiteral("USERNAME"), QStringLiteral("NAME"), QStringLiteral("SOURCE"),
                             QStringLiteral("ROLES"), QStringLiteral("DISABLED"), QStringLiteral("LAST SIGN-IN"),
                             QStringLiteral("FAILED"), QStringLiteral("LOCKED UNTIL"), QStringLiteral("MUST CHANGE")}};
    for (const User &user : users.value()) {
        // A lock in the past no longer holds: only a current one is shown.
        const QDateTime lockedUntil =
            user.lockedUntil.isValid() && user.lockedUntil > now ? user.lockedUntil : QDateTime();
        const bool local = user.authSource == AuthSource::Local;
        array.append(QJsonObject{{QStringLiteral("id"), user.id},
                                 {QStringLiteral("username"), user.username},
                                 {QStringLiteral("displayName"), user.displayName},
                                 {QStringLiteral("email"), user.email},
                                 {QStringLiteral("source"), sourceName(user.authSource)},
                                 {QStringLiteral("roles"), QJsonArray::fromStringList(user.roles)},
                                 {QStringLiteral("disabled"), user.disabled},
                                 {QStringLiteral("lastSignIn"), timeValue(user.lastLoginAt)},
                                 {QStringLiteral("failedAttempts"), user.failedAttempts},
                                 {QStringLiteral("lockedUntil"), timeValue(lockedUntil)},
                                 {QStringLiteral("mustChangePassword"), user.mustChangePassword}});
        rows.append({user.username, user.displayName, sourceName(user.authSource),
                     user.roles.isEmpty() ? QStringLiteral("-") : user.roles.join(u','), yesNo(user.disabled),
                     timeText(user.lastLoginAt, QStringLiteral("never")),
                     local ? QString::number(user.failedAttempts) : QStringLiteral("-"),
                     timeText(lockedUntil, QStringLiteral("-")),
                     local ? yesNo(user.mustChangePassword) : QStringLiteral("-")});
    }
    printResult(options.json, {{QStringLiteral("ok"), true}, {QStringLiteral("users"), array}},
                users.value().isEmpty() ? QStringLiteral("no users") : alignedTable(rows));
    return ExitOk;
}

int runUsersAdd(AppContext &context, const UserCommandOptions &options)
{
    auto roles = requiredRoles(options, QStringLiteral("users add"));
    if (!roles) {
        return failed(options.json, roles.error());
    }
    auto source = passwordSource(options);
    if (!source) {
        return failed(options.json, source.error());
    }
    auto actor = openAsHeadless(context, options.databaseUrl);
    if (!actor) {
        return failed(options.json, actor.error());
    }
    // Checked before the prompt, so nobody types a password for a change they may not make.
    if (auto allowed = services::auth::Authorizer(context.database())
                           .require(actor.value(), Permission::UsersManage, QStringLiteral("create a user"));
        !allowed) {
        return failed(options.json, allowed.error());
    }
    auto password = readPassword(source.value(), options.username);
    if (!password) {
        return failed(options.json, password.error());
    }
    services::users::NewLocalUser user;
    user.username = options.username;
    user.displayName = options.displayName;
    user.email = options.email;
    user.roles = roles.value();
    user.password = password.value();
    user.mustChange = options.mustChange;
    const services::auth::PasswordHasher hasher(services::auth::PasswordHasher::Cost::Interactive);
    auto id = UserService(context.database(), context.clock(), hasher).createLocal(actor.value(), user);
    if (!id) {
        return failed(options.json, id.error());
    }
    QJsonObject document = changedUser(options.username.trimmed());
    document.insert(QStringLiteral("id"), id.value());
    document.insert(QStringLiteral("mustChangePassword"), options.mustChange);
    printResult(
        options.json, document,
        QStringLiteral("created local user '%1' with id %2%3")
            .arg(options.username.trimmed())
            .arg(id.value())
            .arg(options.mustChange ? QStringLiteral("; they choose their own password at first sign-in") : QString()));
    return ExitOk;
}

int runUsersInvite(AppContext &context, const UserCommandOptions &options)
{
    auto roles = requiredRoles(options, QStringLiteral("users invite"));
    if (!roles) {
        return failed(options.json, roles.error());
    }
    auto actor = openAsHeadless(context, options.databaseUrl);
    if (!actor) {
        return failed(options.json, actor.error());
    }
    const services::auth::PasswordHasher hasher(services::auth::PasswordHasher::Cost::Interactive);
    auto id = UserService(context.database(), context.clock(), hasher)
                  .inviteOidc(actor.value(), options.username, options.displayName, roles.value());
    if (!id) {
        return failed(options.json, id.error());
    }
    QJsonObject document = changedUser(options.username.trimmed());
    document.insert(QStringLiteral("id"), id.value());
    printResult(options.json, document,
                QStringLiteral("invited '%1' (id %2): they sign in through the identity provider")
                    .arg(options.username.trimmed())
                    .arg(id.value()));
    return ExitOk;
}

namespace {

enum class Access { Enabled, Disabled };

int setAccess(AppContext &context, const UserCommandOptions &options, Access access)
{
    auto actor = openAsHeadless(context, options.databaseUrl);
    if (!actor) {
        return failed(options.json, actor.error());
    }
    const services::auth::PasswordHasher hasher(services::auth::PasswordHasher::Cost::Interactive);
    UserService service(context.database(), context.clock(), hasher);
    auto user = userNamed(service, actor.value(), options.username);
    if (!user) {
        return failed(options.json, user.error(), &exitCodeForInput);
    }
    const bool disabled = access == Access::Disabled;
    if (auto changed = service.setDisabled(actor.value(), user.value().id, disabled); !changed) {
        return failed(options.json, changed.error(), &exitCodeForInput);
    }
    QJsonObject document = changedUser(options.username);
    document.insert(QStringLiteral("disabled"), disabled);
    printResult(options.json, document,
                QStringLiteral("%1 '%2'").arg(disabled ? QStringLiteral("disabled") : QStringLiteral("enabled"),
                                              options.username));
    return ExitOk;
}

} // namespace

int runUsersDisable(AppContext &context, const UserCommandOptions &options)
{
    return setAccess(context, options, Access::Disabled);
}

int runUsersEnable(AppContext &context, const UserCommandOptions &options)
{
    return setAccess(context, options, Access::Enabled);
}

int runUsersSetRoles(AppContext &context, const UserCommandOptions &options)
{
    auto roles = requiredRoles(options, QStringLiteral("users set-roles"));
    if (!roles) {
        return failed(options.json, roles.error());
    }
    auto actor = openAsHeadless(context, options.databaseUrl);
    if (!actor) {
        return failed(options.json, actor.error());
    }
    const services::auth::PasswordHasher hasher(services::auth::PasswordHasher::Cost::Interactive);
    UserService service(context.database(), context.clock(), hasher);
    auto user = userNamed(service, actor.value(), options.username);
    if (!user) {
        return failed(options.json, user.error(), &exitCodeForInput);
    }
    if (auto changed = service.setRoles(actor.value(), user.value().id, roles.value()); !changed) {
        return failed(options.json, changed.error(), &exitCodeForInput);
    }
    QJsonObject document = changedUser(options.username);
    document.insert(QStringLiteral("roles"), QJsonArray::fromStringList(roles.value()));
    printResult(options.json, document,
                QStringLiteral("'%1' now has the roles %2").arg(options.username, roles.value().join(u',')));
    return ExitOk;
}

int runUsersResetPassword(AppContext &context, const UserCommandOptions &options)
{
    auto source = passwordSource(options);
    if (!source) {
        return failed(options.json, source.error());
    }
    auto actor = openAsHeadless(context, options.databaseUrl);
    if (!actor) {
        return failed(options.json, actor.error());
    }
    const services::auth::PasswordHasher hasher(services::auth::PasswordHasher::Cost::Interactive);
    UserService service(context.database(), context.clock(), hasher);
    // The user is looked up (and users.manage checked) before the prompt.
    auto user = userNamed(service, actor.value(), options.username);
    if (!user) {
        return failed(options.json, user.error(), &exitCodeForInput);
    }
    if (user.value().authSource != AuthSource::Local) {
        return failed(options.json,
                      {ErrorCode::InvalidArgument,
                       QStringLiteral("'%1' signs in through the identity provider and has no password here")
                           .arg(options.username)});
    }
    auto password = readPassword(source.value(), options.username);
    if (!password) {
        return failed(options.json, password.error());
    }
    if (auto reset = service.resetPassword(actor.value(), user.value().id, password.value()); !reset) {
        return failed(options.json, reset.error(), &exitCodeForInput);
    }
    QJsonObject document = changedUser(options.username);
    document.insert(QStringLiteral("mustChangePassword"), true);
    printResult(options.json, document,
                QStringLiteral("set a temporary password for '%1'; they must change it at the next sign-in")
                    .arg(options.username));
    return ExitOk;
}

int runRolesList(AppContext &context, const QString &databaseUrl, bool json)
{
    auto actor = openAsHeadless(context, databaseUrl);
    if (!actor) {
        return failed(json, actor.error());
    }
    auto roles = RoleService(context.database(), context.clock()).roles(actor.value());
    if (!roles) {
        return failed(json, roles.error());
    }
    QJsonArray array;
    QList<QStringList> rows{{QStringLiteral("NAME"), QStringLiteral("BUILTIN"), QStringLiteral("DESCRIPTION"),
                             QStringLiteral("PERMISSIONS")}};
    for (const Role &role : roles.value()) {
        array.append(QJsonObject{{QStringLiteral("id"), role.id},
                                 {QStringLiteral("name"), role.name},
                                 {QStringLiteral("builtin"), role.builtin},
                                 {QStringLiteral("description"), role.description},
                                 {QStringLiteral("permissions"), QJsonArray::fromStringList(role.permissions)}});
        rows.append({role.name, yesNo(role.builtin),
                     role.description.isEmpty() ? QStringLiteral("-") : role.description,
                     role.permissions.isEmpty() ? QStringLiteral("-") : role.permissions.join(u',')});
    }
    printResult(json, {{QStringLiteral("ok"), true}, {QStringLiteral("roles"), array}},
                roles.value().isEmpty() ? QStringLiteral("no roles") : alignedTable(rows));
    return ExitOk;
}

} // namespace vsc::app
