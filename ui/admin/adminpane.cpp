// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/adminpane.h"

#include "services/storage/userrepository.h"
#include "ui/models/usertablemodel.h"

#include <QGroupBox>
#include <QHeaderView>
#include <QSplitter>
#include <QTableView>
#include <QTextDocument>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vsc::ui {

AdminPane::AdminPane(services::storage::Database &database, QWidget *parent)
    : Pane(tr("Admin"), parent), m_database(database), m_model(new UserTableModel(this)), m_users(new QTableView(this)),
      m_roles(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("adminPane"));
    m_users->setObjectName(QStringLiteral("usersTableView"));
    m_users->setModel(m_model);
    m_users->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_users->setAlternatingRowColors(true);
    m_users->verticalHeader()->hide();
    m_users->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_users->horizontalHeader()->setStretchLastSection(true);
    m_roles->setObjectName(QStringLiteral("rolesTreeWidget"));
    m_roles->setHeaderLabels({tr("Role"), tr("Description"), tr("Permissions")});
    m_roles->setRootIsDecorated(false);
    m_roles->setWordWrap(true);
    m_roles->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_roles->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto *usersBox = new QGroupBox(tr("Users"), this);
    auto *usersLayout = new QVBoxLayout(usersBox);
    usersLayout->addWidget(m_users);
    auto *rolesBox = new QGroupBox(tr("Roles"), this);
    auto *rolesLayout = new QVBoxLayout(rolesBox);
    rolesLayout->addWidget(m_roles);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(usersBox);
    splitter->addWidget(rolesBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    contentLayout()->addWidget(splitter, 1);
}

void AdminPane::refresh()
{
    services::storage::UserRepository repository(m_database);
    auto users = repository.users();
    if (!report(users)) {
        return;
    }
    m_model->setRows(users.value());
    auto roles = repository.roles();
    if (!report(roles)) {
        return;
    }
    m_roles->clear();
    for (const Role &role : roles.value()) {
        auto *item =
            new QTreeWidgetItem(m_roles, {role.name, role.description, role.permissions.join(QStringLiteral(", "))});
        item->setToolTip(2, Qt::convertFromPlainText(role.permissions.join(u'\n'))); // escaped: shown as written
    }
}

} // namespace vsc::ui
