// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/userdialog.h"

#include "ui/pane.h"
#include "ui/widgets/tones.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vsc::ui {

namespace {

QLabel *errorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("dialogErrorLabel"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(toneTextStyle(Tone::Bad, label->palette()));
    label->hide();
    return label;
}

void showError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QLineEdit *secretField(const QString &objectName, QWidget *parent)
{
    auto *field = new QLineEdit(parent);
    field->setObjectName(objectName);
    field->setEchoMode(QLineEdit::Password);
    return field;
}

} // namespace

UserDialog::UserDialog(Purpose purpose, const QStringList &roles, Submit submit, QWidget *parent)
    : QDialog(parent), m_purpose(purpose), m_submit(std::move(submit)), m_username(new QLineEdit(this)),
      m_displayName(new QLineEdit(this)), m_email(new QLineEdit(this)),
      m_password(secretField(QStringLiteral("passwordLineEdit"), this)),
      m_repeat(secretField(QStringLiteral("repeatPasswordLineEdit"), this)), m_error(errorLabel(this))
{
    const bool first = purpose == Purpose::FirstAdmin;
    setObjectName(first ? QStringLiteral("firstAdminDialog") : QStringLiteral("userDialog"));
    setWindowTitle(first ? tr("Create the administrator") : tr("Add a user"));
    m_username->setObjectName(QStringLiteral("usernameLineEdit"));
    m_displayName->setObjectName(QStringLiteral("displayNameLineEdit"));
    m_email->setObjectName(QStringLiteral("emailLineEdit"));
    auto *intro = new QLabel(first ? tr("This database has no administrator yet. Create the first account: it can "
                                        "add users, assign roles and change settings.")
                                   : tr("A local account. The user must change this password at the first sign-in."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Full name:"), m_displayName);
    form->addRow(tr("&E-mail:"), m_email);
    form->addRow(first ? tr("&Password:") : tr("&Temporary password:"), m_password);
    form->addRow(tr("&Repeat it:"), m_repeat);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    if (!first) {
        auto *rolesBox = new QGroupBox(tr("Roles"), this);
        auto *rolesLayout = new QVBoxLayout(rolesBox);
        for (const QString &role : roles) {
            auto *box = new QCheckBox(role, rolesBox);
            box->setObjectName(QStringLiteral("role_") + role);
            rolesLayout->addWidget(box);
            m_roles.append(box);
        }
        layout->addWidget(rolesBox);
    }
    auto *hint = new QLabel(tr("Passwords have at least 12 characters and must not be common or contain the "
                               "username."),
                            this);
    hint->setWordWrap(true);
    hint->setStyleSheet(quietTextStyle(hint->palette()));
    layout->addWidget(hint);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(first ? tr("Create administrator") : tr("Add user"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("userDialogOkButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &UserDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

void UserDialog::submit()
{
    if (m_password->text() != m_repeat->text()) {
        showError(m_error, tr("The two passwords differ."));
        return;
    }
    services::users::NewLocalUser user;
    user.username = m_username->text().trimmed();
    user.displayName = m_displayName->text().trimmed();
    user.email = m_email->text().trimmed();
    user.password = m_password->text();
    user.mustChange = m_purpose == Purpose::NewUser;
    for (const QCheckBox *box : std::as_const(m_roles)) {
        if (box->isChecked()) {
            user.roles.append(box->text());
        }
    }
    auto created = m_submit(user);
    if (!created) {
        showError(m_error, userMessage(created.error()));
        return;
    }
    m_createdId = created.value();
    m_password->clear();
    m_repeat->clear();
    accept();
}

ChecklistDialog::ChecklistDialog(const QString &title, const QString &intro, const QStringList &all,
                                 const QStringList &checked, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("checklistDialog"));
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(intro, this);
    label->setWordWrap(true);
    layout->addWidget(label);
    for (const QString &name : all) {
        auto *box = new QCheckBox(name, this);
        box->setObjectName(QStringLiteral("check_") + name);
        box->setChecked(checked.contains(name));
        layout->addWidget(box);
        m_boxes.append(box);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QStringList ChecklistDialog::checked() const
{
    QStringList names;
    for (const QCheckBox *box : m_boxes) {
        if (box->isChecked()) {
            names.append(box->text());
        }
    }
    return names;
}

ChangePasswordDialog::ChangePasswordDialog(Change change, QWidget *parent)
    : QDialog(parent), m_change(std::move(change)),
      m_current(secretField(QStringLiteral("currentPasswordLineEdit"), this)),
      m_new(secretField(QStringLiteral("newPasswordLineEdit"), this)),
      m_repeat(secretField(QStringLiteral("repeatPasswordLineEdit"), this)), m_error(errorLabel(this))
{
    setObjectName(QStringLiteral("changePasswordDialog"));
    setWindowTitle(tr("Change your password"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Current password:"), m_current);
    form->addRow(tr("&New password:"), m_new);
    form->addRow(tr("&Repeat it:"), m_repeat);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("changePasswordOkButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void ChangePasswordDialog::submit()
{
    if (m_new->text() != m_repeat->text()) {
        showError(m_error, tr("The two new passwords differ."));
        return;
    }
    auto changed = m_change(m_current->text(), m_new->text());
    if (!changed) {
        showError(m_error, userMessage(changed.error()));
        return;
    }
    accept();
}

} // namespace vsc::ui
