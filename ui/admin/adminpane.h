// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/user.h"
#include "ui/consoleservices.h"
#include "ui/pane.h"

#include <optional>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTreeWidget;

namespace vsc::ui {

class Dialogs;
class UserTableModel;

// Users, roles and the audit log, for admins. Each tab shows only to those who may use it (users.manage,
// roles.manage, audit.view); every action goes through a service that checks the permission again and audits.
class AdminPane final : public Pane
{
    Q_OBJECT
public:
    AdminPane(ConsoleServices &services, Dialogs &dialogs, QWidget *parent = nullptr);

    void refresh() override;
    void setActor(const Actor &actor) override;
    [[nodiscard]] UserTableModel *model() const { return m_model; }
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }

public Q_SLOTS:
    void addUser();
    void inviteUser();
    void toggleSelectedUserDisabled();
    void editSelectedUserRoles();
    void resetSelectedUserPassword();
    void addRole();
    void editSelectedRole();
    void verifyAuditChain();
    void refreshAudit();

private:
    [[nodiscard]] std::optional<User> selectedUser() const;
    [[nodiscard]] QStringList roleNames() const;
    void updateUserButtons();

    ConsoleServices &m_services;
    Dialogs &m_dialogs;
    QList<Role> m_roleList;
    QTabWidget *m_tabs;
    QWidget *m_usersPage;
    QWidget *m_rolesPage;
    QWidget *m_auditPage;
    UserTableModel *m_model;
    QTableView *m_users;
    QPushButton *m_addUser;
    QPushButton *m_invite;
    QPushButton *m_toggleDisabled;
    QPushButton *m_editRoles;
    QPushButton *m_resetPassword;
    QTreeWidget *m_roles;
    QPushButton *m_addRole;
    QPushButton *m_editRole;
    QLineEdit *m_auditAction;
    QLineEdit *m_auditActor;
    QTableWidget *m_audit;
    QPushButton *m_verify;
};

} // namespace vsc::ui
