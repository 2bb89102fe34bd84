// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace vsc::app {

class AppContext;

// What the `users` commands read. Each acts as AppContext::headlessActor() (SQLite: the file's owner, with every
// permission; PostgreSQL: the login's app roles) through UserService, which checks users.manage itself.
struct UserCommandOptions
{
    QString databaseUrl;
    QString username;                 // USERNAME, or for `users invite` the e-mail address or subject
    std::optional<QStringList> roles; // --roles r1,r2; nullopt when not given
    QString displayName;              // --display-name
    QString email;                    // --email
    bool passwordStdin = false;       // --password-stdin: one line from stdin; otherwise a prompt on a terminal
    bool mustChange = true;           // false with --no-must-change
    bool json = false;
};

// A password is never taken from the command line (it would show in `ps` and the shell history): with
// --password-stdin the first line of stdin (its newline stripped), else, when stdin is a terminal, a prompt without
// echo, asked twice; otherwise a usage error (exit 2).

// `users list`: every user with their source, roles and sign-in state, as an aligned table or JSON.
int runUsersList(AppContext &context, const UserCommandOptions &options);
// `users add USERNAME --roles r1,r2`: a local user, who must change the password at first sign-in unless
// --no-must-change. Prints the new id. A weak password is PasswordPolicy (exit 1), a taken name Conflict (exit 1).
int runUsersAdd(AppContext &context, const UserCommandOptions &options);
// `users invite EMAIL-OR-SUBJECT --roles r1,r2`: an identity-provider user before their first sign-in.
int runUsersInvite(AppContext &context, const UserCommandOptions &options);
// `users disable USERNAME`, `users enable USERNAME`. Disabling the last enabled admin is LastAdmin (exit 1).
int runUsersDisable(AppContext &context, const UserCommandOptions &options);
int runUsersEnable(AppContext &context, const UserCommandOptions &options);
// `users set-roles USERNAME --roles r1,r2`: replaces the user's roles; demoting the last admin is LastAdmin.
int runUsersSetRoles(AppContext &context, const UserCommandOptions &options);
// `users reset-password USERNAME`: a temporary password the user must change at the next sign-in; clears a lock.
int runUsersResetPassword(AppContext &context, const UserCommandOptions &options);
// `roles list`: every role, whether it is built in, its description and permissions.
int runRolesList(AppContext &context, const QString &databaseUrl, bool json);

} // namespace vsc::app
