// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/adminpane.h"

#include "services/audit/auditservice.h"
#include "services/users/userservice.h"
#include "ui/admin/userdialog.h"
#include "ui/dialogs.h"
#include "ui/models/usertablemodel.h"
#include "ui/pane.h"
#include "ui/widgets/icons.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTextDocument>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vsc::ui {

namespace {

// A few permissions a line, so every one of them shows without a tool tip.
QString permissionLines(const QStringList &permissions)
{
    QStringList lines;
    for (qsizetype i = 0; i < permissions.size(); i += 4) {
        lines << permissions.mid(i, 4).join(QStringLiteral(", "));
    }
    return lines.join(u'\n');
}

QString compact(const QVariantMap &map)
{
    return map.isEmpty()
               ? QString()
               : QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(map)).toJson(QJsonDocument::Compact));
}

} // namespace

AdminPane::AdminPane(ConsoleServices &services, Dialogs &dialogs, QWidget *parent)
    : Pane(tr("Admin"), parent), m_services(services), m_dialogs(dialogs), m_tabs(new QTabWidget(this)),
      m_usersPage(new QWidget(this)), m_rolesPage(new QWidget(this)), m_auditPage(new QWidget(this)),
      m_model(new UserTableModel(this)), m_users(new QTableView(this)),
      m_addUser(namedButton(tr("Add user…"), QStringLiteral("addUserButton"), this)),
      m_invite(namedButton(tr("Invite organisation user…"), QStringLiteral("inviteUserButton"), this)),
      m_toggleDisabled(namedButton(tr("Disable"), QStringLiteral("toggleUserDisabledButton"), this)),
      m_editRoles(namedButton(tr("Roles…"), QStringLiteral("editUserRolesButton"), this)),
      m_resetPassword(namedButton(tr("Reset password…"), QStringLiteral("resetPasswordButton"), this)),
      m_roles(new QTreeWidget(this)), m_addRole(namedButton(tr("New role…"), QStringLiteral("addRoleButton"), this)),
      m_editRole(namedButton(tr("Permissions…"), QStringLiteral("editRoleButton"), this)),
      m_auditAction(new QLineEdit(this)), m_auditActor(new QLineEdit(this)), m_audit(new QTableWidget(this)),
      m_verify(namedButton(tr("Verify chain"), QStringLiteral("verifyAuditButton"), this))
{
    setObjectName(QStringLiteral("adminPane"));
    m_tabs->setObjectName(QStringLiteral("adminTabs"));

    m_users->setObjectName(QStringLiteral("usersTableView"));
    m_users->setAccessibleName(tr("Users"));
    m_users->setModel(m_model);
    m_users->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_users->setSelectionMode(QAbstractItemView::SingleSelection);
    m_users->setAlternatingRowColors(true);
    m_users->verticalHeader()->hide();
    m_users->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_users->horizontalHeader()->setStretchLastSection(true);
    auto *userButtons = new QHBoxLayout;
    m_addUser->setIcon(themedIcon(Icon::New));
    m_invite->setIcon(themedIcon(Icon::Users));
    m_addRole->setIcon(themedIcon(Icon::New));
    m_editRole->setIcon(themedIcon(Icon::Edit));
    for (QPushButton *b : {m_addUser, m_invite, m_toggleDisabled, m_editRoles, m_resetPassword}) {
        userButtons->addWidget(b);
    }
    userButtons->addStretch();
    auto *usersLayout = new QVBoxLayout(m_usersPage);
    usersLayout->addLayout(userButtons);
    usersLayout->addWidget(m_users, 1);

    m_roles->setObjectName(QStringLiteral("rolesTreeWidget"));
    m_roles->setAccessibleName(tr("Roles and their permissions"));
    m_roles->setHeaderLabels({tr("Role"), tr("Description"), tr("Permissions")});
    m_roles->setRootIsDecorated(false);
    m_roles->setWordWrap(true);
    m_roles->setTextElideMode(Qt::ElideNone); // every permission readable, wrapped
    m_roles->setUniformRowHeights(false);
    m_roles->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_roles->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *roleButtons = new QHBoxLayout;
    roleButtons->addWidget(m_addRole);
    roleButtons->addWidget(m_editRole);
    roleButtons->addStretch();
    auto *rolesLayout = new QVBoxLayout(m_rolesPage);
    rolesLayout->addLayout(roleButtons);
    rolesLayout->addWidget(m_roles, 1);

    m_auditAction->setObjectName(QStringLiteral("auditActionFilter"));
    m_auditAction->setPlaceholderText(tr("Action, or a prefix like user."));
    m_auditActor->setObjectName(QStringLiteral("auditActorFilter"));
    m_auditActor->setPlaceholderText(tr("Who"));
    m_audit->setObjectName(QStringLiteral("auditTableWidget"));
    m_audit->setAccessibleName(tr("Audit log"));
    m_auditAction->setAccessibleName(tr("Filter by action"));
    m_auditActor->setAccessibleName(tr("Filter by who"));
    m_audit->setColumnCount(6);
    m_audit->setHorizontalHeaderLabels({tr("When"), tr("Who"), tr("Action"), tr("Entity"), tr("Before"), tr("After")});
    m_audit->verticalHeader()->hide();
    m_audit->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_audit->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_audit->setAlternatingRowColors(true);
    m_audit->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_audit->horizontalHeader()->setStretchLastSection(true);
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Filter:"), this));
    filters->addWidget(m_auditAction);
    filters->addWidget(m_auditActor);
    filters->addStretch();
    filters->addWidget(m_verify);
    auto *auditLayout = new QVBoxLayout(m_auditPage);
    auditLayout->addLayout(filters);
    auditLayout->addWidget(m_audit, 1);

    m_tabs->addTab(m_usersPage, tr("Users"));
    m_tabs->addTab(m_rolesPage, tr("Roles"));
    m_tabs->addTab(m_auditPage, tr("Audit log"));
    contentLayout()->addWidget(m_tabs, 1);

    connect(m_addUser, &QPushButton::clicked, this, &AdminPane::addUser);
    connect(m_invite, &QPushButton::clicked, this, &AdminPane::inviteUser);
    connect(m_toggleDisabled, &QPushButton::clicked, this, &AdminPane::toggleSelectedUserDisabled);
    connect(m_editRoles, &QPushButton::clicked, this, &AdminPane::editSelectedUserRoles);
    connect(m_resetPassword, &QPushButton::clicked, this, &AdminPane::resetSelectedUserPassword);
    connect(m_addRole, &QPushButton::clicked, this, &AdminPane::addRole);
    connect(m_editRole, &QPushButton::clicked, this, &AdminPane::editSelectedRole);
    connect(m_verify, &QPushButton::clicked, this, &AdminPane::verifyAuditChain);
    connect(m_auditAction, &QLineEdit::editingFinished, this, &AdminPane::refreshAudit);
    connect(m_auditActor, &QLineEdit::editingFinished, this, &AdminPane::refreshAudit);
    connect(m_users->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AdminPane::updateUserButtons);
    updateUserButtons();
}

void AdminPane::setActor(const Actor &actor)
{
    Pane::setActor(actor);
    m_tabs->setTabVisible(m_tabs->indexOf(m_usersPage), actor.has(Permission::UsersManage));
    m_tabs->setTabVisible(m_tabs->indexOf(m_rolesPage),
                          actor.has(Permission::UsersManage) || actor.has(Permission::RolesManage));
    m_tabs->setTabVisible(m_tabs->indexOf(m_auditPage), actor.has(Permission::AuditView));
    m_addRole->setVisible(actor.has(Permission::RolesManage));
    m_editRole->setVisible(actor.has(Permission::RolesManage));
}

void AdminPane::refresh()
{
    services::users::RoleService roles(m_services.database, m_services.clock);
    auto roleList = roles.roles(actor());
    if (!report(roleList)) {
        return;
    }
    m_roleList = roleList.value();
    m_roles->clear();
    for (const Role &role : std::as_const(m_roleList)) {
        auto *item = new QTreeWidgetItem(m_roles, {role.builtin ? role.name + tr(" (built-in)") : role.name,
                                                   role.description, permissionLines(role.permissions)});
        item->setData(0, Qt::UserRole, role.id);
        item->setToolTip(2, Qt::convertFromPlainText(role.permissions.join(u'\n'))); // escaped: shown as written
    }
    if (actor().has(Permission::UsersManage)) {
        services::users::UserService service(m_services.database, m_services.clock, m_services.hasher);
        auto users = service.users(actor());
        if (!report(users)) {
            return;
        }
        m_model->setRows(users.value());
    }
    if (actor().has(Permission::AuditView)) {
        refreshAudit();
    }
    updateUserButtons();
}

void AdminPane::refreshAudit()
{
    services::storage::AuditFilter filter;
    filter.action = m_auditAction->text().trimmed();
    filter.actorName = m_auditActor->text().trimmed();
    filter.limit = 500;
    auto rows = services::audit::AuditService(m_services.database).entries(actor(), filter);
    if (!report(rows)) {
        return;
    }
    m_audit->setRowCount(int(rows.value().size()));
    int r = 0;
    for (const services::storage::AuditEntry &row : rows.value()) {
        const QString entity =
            row.entityId ? QStringLiteral("%1 %2").arg(row.entityType).arg(*row.entityId) : row.entityType;
        const QStringList cells{QLocale().toString(row.at.toLocalTime(), QLocale::ShortFormat),
                                row.actorName.isEmpty() ? QStringLiteral("—") : row.actorName,
                                row.action,
                                entity,
                                compact(row.before),
                                compact(row.after.isEmpty() ? row.details : row.after)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(Qt::convertFromPlainText(cells.at(c)));
            m_audit->setItem(r, c, item);
        }
        ++r;
    }
}

std::optional<User> AdminPane::selectedUser() const
{
    const QModelIndexList rows = m_users->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return std::nullopt;
    }
    const qint64 id = m_model->data(rows.constFirst(), Qt::UserRole).toLongLong();
    for (const User &user : m_model->rows()) {
        if (user.id == id) {
            return user;
        }
    }
    return std::nullopt;
}

QStringList AdminPane::roleNames() const
{
    QStringList names;
    for (const Role &role : m_roleList) {
        names.append(role.name);
    }
    return names;
}

void AdminPane::updateUserButtons()
{
    const std::optional<User> user = selectedUser();
    m_toggleDisabled->setEnabled(user.has_value());
    m_editRoles->setEnabled(user.has_value());
    m_resetPassword->setEnabled(user && user->authSource == AuthSource::Local);
    m_toggleDisabled->setText(user && user->disabled ? tr("Enable") : tr("Disable"));
}

void AdminPane::addUser()
{
    services::users::UserService service(m_services.database, m_services.clock, m_services.hasher);
    const Actor admin = actor();
    UserDialog dialog(
        UserDialog::Purpose::NewUser, roleNames(),
        [&service, &admin](const services::users::NewLocalUser &user) { return service.createLocal(admin, user); },
        this);
    if (m_dialogs.exec(dialog) == QDialog::Accepted) {
        refresh();
    }
}

void AdminPane::inviteUser()
{
    ChecklistDialog roles(tr("Invite an organisation user"),
                          tr("They sign in through your identity provider; their first sign-in with this e-mail "
                             "address (verified by the provider) or subject claims the invitation. Roles:"),
                          roleNames(), {}, this);
    auto *who = new QLineEdit(&roles);
    who->setObjectName(QStringLiteral("inviteLineEdit"));
    who->setPlaceholderText(tr("E-mail address or subject"));
    qobject_cast<QVBoxLayout *>(roles.layout())->insertWidget(1, who);
    if (m_dialogs.exec(roles) != QDialog::Accepted) {
        return;
    }
    auto invited = services::users::UserService(m_services.database, m_services.clock, m_services.hasher)
                       .inviteOidc(actor(), who->text(), {}, roles.checked());
    if (report(invited)) {
        refresh();
    }
}

void AdminPane::toggleSelectedUserDisabled()
{
    const std::optional<User> user = selectedUser();
    if (!user) {
        return;
    }
    auto changed = services::users::UserService(m_services.database, m_services.clock, m_services.hasher)
                       .setDisabled(actor(), user->id, !user->disabled);
    if (report(changed)) {
        refresh();
    }
}

void AdminPane::editSelectedUserRoles()
{
    const std::optional<User> user = selectedUser();
    if (!user) {
        return;
    }
    ChecklistDialog dialog(tr("Roles of %1").arg(user->username),
                           tr("What %1 may do follows from these roles:").arg(user->username), roleNames(), user->roles,
                           this);
    if (m_dialogs.exec(dialog) != QDialog::Accepted) {
        return;
    }
    auto changed = services::users::UserService(m_services.database, m_services.clock, m_services.hasher)
                       .setRoles(actor(), user->id, dialog.checked());
    if (report(changed)) {
        refresh();
    }
}

void AdminPane::resetSelectedUserPassword()
{
    const std::optional<User> user = selectedUser();
    if (!user) {
        return;
    }
    services::users::UserService service(m_services.database, m_services.clock, m_services.hasher);
    const Actor admin = actor();
    ChangePasswordDialog dialog(
        [&service, &admin, &user](const QString &, const QString &temporary) {
            return service.resetPassword(admin, user->id, temporary);
        },
        this);
    dialog.setWindowTitle(tr("Reset the password of %1").arg(user->username));
    dialog.findChild<QLineEdit *>(QStringLiteral("currentPasswordLineEdit"))->setEnabled(false);
    if (m_dialogs.exec(dialog) == QDialog::Accepted) {
        refresh();
    }
}

void AdminPane::addRole()
{
    QStringList all;
    for (const Permission p : allPermissions()) {
        all.append(permissionKey(p));
    }
    ChecklistDialog dialog(tr("New role"), tr("Name the role and choose what it may do."), all, {}, this);
    auto *name = new QLineEdit(&dialog);
    name->setObjectName(QStringLiteral("roleNameLineEdit"));
    name->setPlaceholderText(tr("Role name (lower case)"));
    qobject_cast<QVBoxLayout *>(dialog.layout())->insertWidget(1, name);
    if (m_dialogs.exec(dialog) != QDialog::Accepted) {
        return;
    }
    auto created = services::users::RoleService(m_services.database, m_services.clock)
                       .create(actor(), name->text().trimmed(), {}, PermissionSet::fromKeys(dialog.checked()));
    if (report(created)) {
        refresh();
    }
}

void AdminPane::editSelectedRole()
{
    const QTreeWidgetItem *item = m_roles->currentItem();
    if (item == nullptr) {
        return;
    }
    const qint64 roleId = item->data(0, Qt::UserRole).toLongLong();
    QStringList current;
    for (const Role &role : std::as_const(m_roleList)) {
        if (role.id == roleId) {
            current = role.permissions;
        }
    }
    QStringList all;
    for (const Permission p : allPermissions()) {
        all.append(permissionKey(p));
    }
    ChecklistDialog dialog(tr("Permissions of %1").arg(item->text(0)), tr("What this role may do:"), all, current,
                           this);
    if (m_dialogs.exec(dialog) != QDialog::Accepted) {
        return;
    }
    auto changed = services::users::RoleService(m_services.database, m_services.clock)
                       .setPermissions(actor(), roleId, PermissionSet::fromKeys(dialog.checked()));
    if (report(changed)) {
        refresh();
    }
}

void AdminPane::verifyAuditChain()
{
    auto verified = services::audit::AuditService(m_services.database).verify(actor());
    if (!report(verified)) {
        return;
    }
    const services::storage::AuditVerification &v = verified.value();
    if (v.intact()) {
        m_dialogs.inform(this, QMessageBox::Information, tr("Audit log intact"),
                         tr("All %1 entries link up and match their hashes.\n\nHead: %2\n\nNote the head somewhere "
                            "else: a later check against it also shows entries cut off at the end.")
                             .arg(v.rows)
                             .arg(v.headHash));
    } else {
        m_dialogs.inform(this, QMessageBox::Critical, tr("Audit log tampered with"),
                         tr("Entry %1 is broken: %2").arg(*v.firstBrokenId).arg(v.reason));
    }
}

} // namespace vsc::ui
