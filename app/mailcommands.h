// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/command.h"

#include <QCommandLineOption>

namespace vsc::app {

// The options only the `mail` commands read.
struct MailCommandOptions
{
    QCommandLineOption to{QStringLiteral("to"), QStringLiteral("mail test: the address the test mail goes to."),
                          QStringLiteral("address")};
};
const MailCommandOptions &mailOptions();

// `mail test --to ADDRESS`: sends a test mail with the saved e-mail settings (password from the keychain); exit 0
// when the server accepted it, 1 with the reason (connection, TLS, authentication) when not. Needs settings.manage.
int runMailTest(const Invocation &call);

} // namespace vsc::app
