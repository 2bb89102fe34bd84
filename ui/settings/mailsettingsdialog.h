// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "services/settings/mailsettings.h"
#include "ui/consoleservices.h"
#include "ui/settings/settingsform.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace vsc::ui {

// Settings → E-mail: the SMTP server campaign reports go out through (host, port, STARTTLS or TLS, user, the
// password going to the keychain only, the sender address, a CA file for a server with its own certificate).
// "Send test mail" sends with what is typed, off the GUI thread. Each field says what is wrong with it as it is
// typed; saving needs settings.manage (the service checks and audits it).
class MailSettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    MailSettingsDialog(const ConsoleServices &services, const Actor &actor, QWidget *parent = nullptr);

public Q_SLOTS:
    void sendTestMail();
    void save();

private:
    [[nodiscard]] services::settings::MailSettings typed() const;
    void validate();

    ConsoleServices m_services;
    Actor m_actor;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_security;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_from;
    QLineEdit *m_caFile;
    QLineEdit *m_testTo;
    QPushButton *m_test;
    QPushButton *m_save;
    QLabel *m_result;
    std::unique_ptr<SettingsForm> m_form; // the fields' inline problems
};

// For --screenshots: the dialog as an admin first sees it.
void renderMailSettingsScreenshot(const ConsoleServices &services, const Actor &actor, const QString &directory);

} // namespace vsc::ui
