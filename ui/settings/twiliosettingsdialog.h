// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "services/settings/twiliosettings.h"
#include "ui/consoleservices.h"
#include "ui/settings/settingsform.h"

#include <QDialog>
#include <QHash>
#include <QStringList>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace vsc::ui {

// Settings → Twilio: the account the console dials through (SID, auth token or API key, the secrets going to the
// keychain only), where its webhook server listens and the public URL Twilio calls, the REST API's edge, and the
// default phone region. "Test connection" fetches the account and the numbers it may call from. Each field says
// what is wrong with it as it is typed; saving needs settings.manage (the service checks and audits it).
class TwilioSettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    TwilioSettingsDialog(const ConsoleServices &services, const Actor &actor, QWidget *parent = nullptr);

    // True when the saved settings differ from what this console dials with (it picks them up at start).
    [[nodiscard]] bool needsRestart() const { return m_needsRestart; }
    // What a failed "Test connection" tells the user, in their language.
    [[nodiscard]] static QString connectionProblem(const Error &error);

public Q_SLOTS:
    void testConnection();
    void save();

private:
    [[nodiscard]] services::settings::TwilioSettings typed() const;
    [[nodiscard]] services::settings::TwilioSecrets typedSecrets() const;
    void validate();

    ConsoleServices m_services;
    Actor m_actor;
    services::settings::TwilioSettings m_loaded;
    QCheckBox *m_enabled;
    QLineEdit *m_accountSid;
    QLineEdit *m_authToken;
    QLineEdit *m_apiKeySid;
    QLineEdit *m_apiKeySecret;
    QLineEdit *m_apiBaseUrl;
    QLineEdit *m_listen;
    QLineEdit *m_publicUrl;
    QComboBox *m_region;
    QPushButton *m_test;
    QPushButton *m_save;
    QLabel *m_result;
    QListWidget *m_numbers;
    std::unique_ptr<SettingsForm> m_form; // the fields' inline problems
    bool m_needsRestart = false;
    std::optional<QStringList> m_testedNumbers; // voice numbers the last successful test found
};

} // namespace vsc::ui
