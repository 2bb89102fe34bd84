// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/auth/signindialog.h"

#include "services/auth/local/localsignin.h"
#include "ui/pane.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace vsc::ui {

SignInDialog::SignInDialog(services::auth::LocalSignIn &localSignIn, QWidget *parent)
    : QDialog(parent), m_localSignIn(localSignIn), m_pages(new QStackedWidget(this)), m_username(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_newPassword(new QLineEdit(this)), m_repeatPassword(new QLineEdit(this)),
      m_signInButton(new QPushButton(tr("Sign in"), this)),
      m_changeButton(new QPushButton(tr("Change and sign in"), this)), m_error(new QLabel(this)),
      m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to VoiceSurvey Console"));
    m_username->setObjectName(QStringLiteral("usernameLineEdit"));
    m_password->setObjectName(QStringLiteral("passwordLineEdit"));
    m_newPassword->setObjectName(QStringLiteral("newPasswordLineEdit"));
    m_repeatPassword->setObjectName(QStringLiteral("repeatPasswordLineEdit"));
    m_signInButton->setObjectName(QStringLiteral("localSignInButton"));
    m_changeButton->setObjectName(QStringLiteral("changePasswordButton"));
    m_error->setObjectName(QStringLiteral("signInErrorLabel"));
    for (QLineEdit *secret : {m_password, m_newPassword, m_repeatPassword}) {
        secret->setEchoMode(QLineEdit::Password);
    }
    m_username->setPlaceholderText(tr("Username"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #8a1c1c;"));
    m_error->hide();

    auto *intro = new QLabel(tr("Sign in with your console account."), this);
    intro->setWordWrap(true);
    auto *signInPage = new QWidget(this);
    auto *signInForm = new QFormLayout(signInPage);
    signInForm->addRow(intro);
    m_note->setObjectName(QStringLiteral("signInNoteLabel"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setStyleSheet(QStringLiteral("background: #fff6d6; border: 1px solid #e8d58a; border-radius: 4px; "
                                         "padding: 6px;"));
    m_note->hide();
    signInForm->addRow(m_note);
    signInForm->addRow(tr("&Username:"), m_username);
    signInForm->addRow(tr("&Password:"), m_password);
    signInForm->addRow(QString(), m_signInButton);

    auto *changeIntro = new QLabel(tr("An administrator reset your password. Choose a new one: at least 12 "
                                      "characters, not a common password and not your username."),
                                   this);
    changeIntro->setWordWrap(true);
    auto *changePage = new QWidget(this);
    auto *changeForm = new QFormLayout(changePage);
    changeForm->addRow(changeIntro);
    changeForm->addRow(tr("&New password:"), m_newPassword);
    changeForm->addRow(tr("&Repeat it:"), m_repeatPassword);
    changeForm->addRow(QString(), m_changeButton);
    m_pages->addWidget(signInPage);
    m_pages->addWidget(changePage);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("signInCancelButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_signInButton, &QPushButton::clicked, this, &SignInDialog::signIn);
    connect(m_changeButton, &QPushButton::clicked, this, &SignInDialog::changeAndSignIn);
    connect(m_password, &QLineEdit::returnPressed, this, &SignInDialog::signIn);
    connect(m_repeatPassword, &QLineEdit::returnPressed, this, &SignInDialog::changeAndSignIn);
    m_signInButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

void SignInDialog::setUsername(const QString &username)
{
    m_username->setText(username);
    m_password->setFocus();
}

void SignInDialog::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void SignInDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void SignInDialog::signIn()
{
    if (m_username->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        showError(tr("Enter your username and password."));
        return;
    }
    auto actor = m_localSignIn.signIn(m_username->text(), m_password->text());
    if (!actor && actor.error().code == ErrorCode::PasswordChangeRequired) {
        showError({});
        m_pages->setCurrentIndex(1);
        m_newPassword->setFocus();
        return;
    }
    if (!actor) {
        showError(userMessage(actor.error()));
        m_password->clear();
        m_password->setFocus();
        return;
    }
    m_actor = actor.value();
    m_password->clear();
    accept();
}

void SignInDialog::changeAndSignIn()
{
    if (m_newPassword->text() != m_repeatPassword->text()) {
        showError(tr("The two new passwords differ."));
        return;
    }
    auto changed = m_localSignIn.changePassword(m_username->text(), m_password->text(), m_newPassword->text());
    if (!changed) {
        showError(userMessage(changed.error()));
        return;
    }
    m_password->setText(m_newPassword->text());
    m_newPassword->clear();
    m_repeatPassword->clear();
    m_pages->setCurrentIndex(0);
    signIn();
}

} // namespace vsc::ui
