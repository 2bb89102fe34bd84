// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/users/userservice.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace vsc::ui {

// A new local account: the first admin of an empty database, or a user an admin adds (with roles and a temporary
// password the user changes at first sign-in). `submit` stores it; its error stays in the dialog.
class UserDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Purpose { FirstAdmin, NewUser };
    using Submit = std::function<Result<qint64>(const services::users::NewLocalUser &)>;

    UserDialog(Purpose purpose, const QStringList &roles, Submit submit, QWidget *parent = nullptr);

    [[nodiscard]] qint64 createdId() const { return m_createdId; }

public Q_SLOTS:
    void submit();

private:
    Purpose m_purpose;
    Submit m_submit;
    qint64 m_createdId = 0;
    QLineEdit *m_username;
    QLineEdit *m_displayName;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QList<QCheckBox *> m_roles;
    QLabel *m_error;
};

// Ticks for each of `all`, the ones in `checked` ticked; returns the ticked names when accepted.
class ChecklistDialog final : public QDialog
{
    Q_OBJECT
public:
    ChecklistDialog(const QString &title, const QString &intro, const QStringList &all, const QStringList &checked,
                    QWidget *parent = nullptr);
    [[nodiscard]] QStringList checked() const;

private:
    QList<QCheckBox *> m_boxes;
};

// The signed-in user's own password: the current one, then the new one twice.
class ChangePasswordDialog final : public QDialog
{
    Q_OBJECT
public:
    using Change = std::function<Result<void>(const QString &current, const QString &newPassword)>;
    explicit ChangePasswordDialog(Change change, QWidget *parent = nullptr);

public Q_SLOTS:
    void submit();

private:
    Change m_change;
    QLineEdit *m_current;
    QLineEdit *m_new;
    QLineEdit *m_repeat;
    QLabel *m_error;
};

} // namespace vsc::ui
