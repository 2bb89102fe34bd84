// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "ui/consoleservices.h"

#include <QDialog>
#include <QUrl>

#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace vsc::services::auth::oidc {
class OidcSignIn;
}

namespace vsc::ui {

// Signing in to the console: through the organisation's identity provider (when one is configured; the system
// browser does the rest) or with a local account. When an admin has reset a local password, the dialog asks for a
// new one before it lets the user in. Errors stay in the dialog, under the fields.
class SignInDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(const ConsoleServices &services, QWidget *parent = nullptr);
    ~SignInDialog() override;

    [[nodiscard]] const Actor &actor() const { return m_actor; }
    void setUsername(const QString &username);
    // A line above the fields (the demo's public accounts).
    void setNote(const QString &note);
    // Where the authorization URL goes; by default the system browser (QDesktopServices, which honours $BROWSER).
    void setBrowser(std::function<void(const QUrl &)> open) { m_openBrowser = std::move(open); }
    // After an organisation sign-in: the flow that keeps the session (refresh, sign-out); null after a local one.
    std::unique_ptr<services::auth::oidc::OidcSignIn> takeOrganisationSession();

public Q_SLOTS:
    void signIn();
    void changeAndSignIn();
    void signInWithOrganisation();
    void reject() override;

private:
    void showError(const QString &text);
    void setWaiting(bool waiting);

    ConsoleServices m_services;
    std::function<void(const QUrl &)> m_openBrowser;
    std::unique_ptr<services::auth::oidc::OidcSignIn> m_oidc;
    Actor m_actor;
    QStackedWidget *m_pages;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_newPassword;
    QLineEdit *m_repeatPassword;
    QPushButton *m_signInButton;
    QPushButton *m_changeButton;
    QPushButton *m_organisationButton;
    QLabel *m_waiting;
    QLabel *m_error;
    QLabel *m_note;
};

} // namespace vsc::ui
