// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/auth/signindialog.h"

#include "services/auth/local/localsignin.h"
#include "services/auth/oidc/oidcsignin.h"
#include "services/settings/settingsservice.h"
#include "ui/pane.h"
#include "ui/widgets/tones.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace vsc::ui {

SignInDialog::SignInDialog(const ConsoleServices &services, QWidget *parent)
    : QDialog(parent), m_services(services), m_openBrowser([](const QUrl &url) { QDesktopServices::openUrl(url); }),
      m_pages(new QStackedWidget(this)), m_username(new QLineEdit(this)), m_password(new QLineEdit(this)),
      m_newPassword(new QLineEdit(this)), m_repeatPassword(new QLineEdit(this)),
      m_signInButton(new QPushButton(tr("Sign in"), this)),
      m_changeButton(new QPushButton(tr("Change and sign in"), this)), m_organisationButton(new QPushButton(this)),
      m_waiting(new QLabel(this)), m_error(new QLabel(this)), m_note(new QLabel(this))
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
    m_error->setStyleSheet(toneTextStyle(Tone::Bad, palette()));
    m_error->hide();

    auto *intro = new QLabel(tr("Sign in with your console account."), this);
    intro->setWordWrap(true);
    auto *signInPage = new QWidget(this);
    auto *signInForm = new QFormLayout(signInPage);
    // The organisation's identity provider first, when one is configured: most people sign in that way.
    const auto settings =
        services::settings::SettingsService(m_services.database, m_services.clock).values(QStringLiteral("oidc."));
    const services::auth::oidc::OidcSettings oidc =
        services::auth::oidc::OidcSettings::fromValues(settings.ok() ? settings.value() : QMap<QString, QString>());
    m_organisationButton->setObjectName(QStringLiteral("organisationSignInButton"));
    m_organisationButton->setText(tr("Sign in with your organisation (%1)").arg(oidc.issuer.host()));
    m_organisationButton->setVisible(oidc.isConfigured() && m_services.network != nullptr);
    m_waiting->setObjectName(QStringLiteral("signInWaitingLabel"));
    m_waiting->setWordWrap(true);
    m_waiting->setText(tr("Continue in your browser. This window carries on by itself once you have signed in "
                          "there; Cancel stops waiting."));
    m_waiting->hide();
    if (m_organisationButton->isVisible()) {
        intro->setText(tr("Sign in with your organisation's account, or with a console account."));
        signInForm->addRow(intro);
        signInForm->addRow(m_organisationButton);
        signInForm->addRow(m_waiting);
        auto *or_ = new QLabel(tr("Or with a console account:"), this);
        signInForm->addRow(or_);
    } else {
        signInForm->addRow(intro);
    }
    connect(m_organisationButton, &QPushButton::clicked, this, &SignInDialog::signInWithOrganisation);
    m_note->setObjectName(QStringLiteral("signInNoteLabel"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setStyleSheet(toneBannerStyle(Tone::Warning, palette()));
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
    // The organisation's button is shown first but was created last: Tab goes top to bottom.
    const QList<QWidget *> tabOrder{m_organisationButton, m_username,       m_password,    m_signInButton,
                                    m_newPassword,        m_repeatPassword, m_changeButton};
    for (qsizetype i = 1; i < tabOrder.size(); ++i) {
        QWidget::setTabOrder(tabOrder.at(i - 1), tabOrder.at(i));
    }

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

SignInDialog::~SignInDialog() = default;

std::unique_ptr<services::auth::oidc::OidcSignIn> SignInDialog::takeOrganisationSession()
{
    if (!m_oidc || !m_oidc->hasSession()) {
        return nullptr;
    }
    disconnect(m_oidc.get(), nullptr, this, nullptr);
    return std::move(m_oidc);
}

void SignInDialog::setWaiting(bool waiting)
{
    m_waiting->setVisible(waiting);
    m_organisationButton->setEnabled(!waiting);
    m_signInButton->setEnabled(!waiting);
}

void SignInDialog::signInWithOrganisation()
{
    const auto settings =
        services::settings::SettingsService(m_services.database, m_services.clock).values(QStringLiteral("oidc."));
    if (!settings) {
        showError(userMessage(settings.error()));
        return;
    }
    m_oidc = std::make_unique<services::auth::oidc::OidcSignIn>(
        m_services.database, m_services.clock, m_services.secrets, m_services.network,
        services::auth::oidc::OidcSettings::fromValues(settings.value()));
    connect(m_oidc.get(), &services::auth::oidc::OidcSignIn::openBrowser, this,
            [this](const QUrl &url) { m_openBrowser(url); });
    connect(m_oidc.get(), &services::auth::oidc::OidcSignIn::signedIn, this, [this](const Actor &actor) {
        setWaiting(false);
        m_actor = actor;
        accept();
    });
    connect(m_oidc.get(), &services::auth::oidc::OidcSignIn::failed, this, [this](const Error &error) {
        setWaiting(false);
        if (error.code != ErrorCode::Unauthenticated || error.detail != QLatin1String("sign-in cancelled")) {
            showError(userMessage(error));
        }
    });
    showError({});
    setWaiting(true);
    m_oidc->start(m_username->text().trimmed());
}

void SignInDialog::reject()
{
    // Cancel while the browser is open stops waiting for it; a second Cancel closes the dialog.
    if (m_oidc && m_oidc->isSigningIn()) {
        m_oidc->cancel();
        setWaiting(false);
        return;
    }
    QDialog::reject();
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
    auto actor = m_services.localSignIn.signIn(m_username->text(), m_password->text());
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
    auto changed = m_services.localSignIn.changePassword(m_username->text(), m_password->text(), m_newPassword->text());
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
