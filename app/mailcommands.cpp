// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mailcommands.h"

#include "app/appcontext.h"
#include "app/cli.h"
#include "services/email/smtpsender.h"
#include "services/settings/mailsettings.h"

#include <QJsonObject>

namespace vsc::app {

const MailCommandOptions &mailOptions()
{
    static const MailCommandOptions options;
    return options;
}

int runMailTest(const Invocation &call)
{
    const QString to = call.parser.value(mailOptions().to);
    if (to.isEmpty()) {
        printError(call.json, {ErrorCode::InvalidArgument, QStringLiteral("usage: mail test --to ADDRESS")});
        return ExitUsage;
    }
    Actor actor;
    if (auto exit = openAsHeadless(call.context, call.databaseUrl, call.json, actor)) {
        return *exit;
    }
    services::settings::MailSettingsService service(call.context.database(), call.context.clock(),
                                                    call.context.secrets());
    auto settings = service.load();
    if (!settings) {
        printError(call.json, settings.error());
        return exitCodeFor(settings.error());
    }
    auto mail = service.prepareTestMail(actor, settings.value(), to, QString());
    if (!mail) {
        printError(call.json, mail.error());
        return exitCodeForInput(mail.error());
    }
    // A command may block: the console's GUI uses sendAsync.
    if (auto sent = services::email::SmtpSender::send(mail.value().options, mail.value().message); !sent) {
        printError(call.json, sent.error());
        return ExitFailure;
    }
    printResult(
        call.json, {{QStringLiteral("ok"), true}, {QStringLiteral("to"), to}},
        QStringLiteral("test mail sent to %1 through %2:%3").arg(to, settings.value().host).arg(settings.value().port));
    return ExitOk;
}

} // namespace vsc::app
