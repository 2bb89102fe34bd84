// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace vsc::services::auth {
class LocalSignIn;
}

namespace vsc::ui {

// Signing in to the console with a local account. When an admin has reset the password, the dialog asks for a new
// one before it lets the user in. Errors stay in the dialog, under the fields.
class SignInDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(services::auth::LocalSignIn &localSignIn, QWidget *parent = nullptr);

    [[nodiscard]] const Actor &actor() const { return m_actor; }
    void setUsername(const QString &username);
    // A line above the fields (the demo's public accounts).
    void setNote(const QString &note);

public Q_SLOTS:
    void signIn();
    void changeAndSignIn();

private:
    void showError(const QString &text);

    services::auth::LocalSignIn &m_localSignIn;
    Actor m_actor;
    QStackedWidget *m_pages;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_newPassword;
    QLineEdit *m_repeatPassword;
    QPushButton *m_signInButton;
    QPushButton *m_changeButton;
    QLabel *m_error;
    QLabel *m_note;
};

} // namespace vsc::ui
