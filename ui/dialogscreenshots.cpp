// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogscreenshots.h"

#include "services/auth/session.h"
#include "ui/aboutdialog.h"
#include "ui/admin/userdialog.h"
#include "ui/consoleservices.h"
#include "ui/mainwindow.h"
#include "ui/pane.h"
#include "ui/settings/identityproviderdialog.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDir>
#include <QLineEdit>
#include <QWidget>

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
    // An empty state: the Results pane on a campaign without contacts (the demo's draft).
    if (auto *main = qobject_cast<MainWindow *>(window)) {
        main->showPane(MainWindow::ResultsPaneIndex);
        Pane *results = main->pane(MainWindow::ResultsPaneIndex);
        auto *campaigns = results->findChild<QComboBox *>(QStringLiteral("resultsCampaignCombo"));
        auto *empty = results->findChild<QWidget *>(QStringLiteral("emptyState"));
        for (int i = 0; campaigns != nullptr && empty != nullptr && i < campaigns->count(); ++i) {
            campaigns->setCurrentIndex(i);
            QCoreApplication::processEvents();
            if (empty->isVisibleTo(main)) {
                ok = main->grab().save(dir.filePath(QStringLiteral("results-empty.png"))) && ok;
                break;
            }
        }
    }
    return ok;
}

} // namespace vsc::ui
