// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogscreenshots.h"

#include "services/auth/session.h"
#include "ui/aboutdialog.h"
#include "ui/admin/userdialog.h"
#include "ui/consoleservices.h"
#include "ui/settings/identityproviderdialog.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDir>
#include <QLineEdit>

namespace vsc::ui {
namespace {

bool shoot(QDialog &dialog, const QString &path)
{
    dialog.show();
    QCoreApplication::processEvents();
    const bool saved = dialog.grab().save(path);
    dialog.hide();
    return saved;
}

} // namespace

bool renderDialogScreenshots(ConsoleServices &services, QWidget *window, const QString &directory)
{
    const QDir dir(directory);
    bool ok = true;
    {
        AboutDialog about(services.database.config().displayName(), window);
        ok = shoot(about, dir.filePath(QStringLiteral("about.png"))) && ok;
    }
    {
        // The demo's roles; nothing is submitted.
        UserDialog user(
            UserDialog::Purpose::NewUser,
            {QStringLiteral("admin"), QStringLiteral("supervisor"), QStringLiteral("operator")},
            [](const services::users::NewLocalUser &) -> Result<qint64> { return qint64(0); }, window);
        if (auto *name = user.findChild<QLineEdit *>(QStringLiteral("usernameLineEdit"))) {
            name->setText(QStringLiteral("maria.meier"));
        }
        ok = shoot(user, dir.filePath(QStringLiteral("user-add.png"))) && ok;
    }
    {
        ChangePasswordDialog change([](const QString &, const QString &) -> Result<void> { return {}; }, window);
        ok = shoot(change, dir.filePath(QStringLiteral("change-password.png"))) && ok;
    }
    {
        IdentityProviderDialog identity(services, services.session.actor(), window);
        ok = shoot(identity, dir.filePath(QStringLiteral("settings-identity-provider.png"))) && ok;
    }
    return ok;
}

} // namespace vsc::ui
