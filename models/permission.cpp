// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/permission.h"

#include <array>

namespace vsc {

namespace {

struct PermissionName
{
    Permission permission;
    const char16_t *key;
};

constexpr std::array<PermissionName, kPermissionCount> kNames{{
    {Permission::CampaignEdit, u"campaign.edit"},
    {Permission::CampaignRun, u"campaign.run"},
    {Permission::ContactsImport, u"contacts.import"},
    {Permission::ContactsView, u"contacts.view"},
    {Permission::PiiView, u"pii.view"},
    {Permission::CallsMonitor, u"calls.monitor"},
    {Permission::CallsHangup, u"calls.hangup"},
    {Permission::ResultsView, u"results.view"},
    {Permission::ResultsExport, u"results.export"},
    {Permission::SuppressionManage, u"suppression.manage"},
    {Permission::UsersManage, u"users.manage"},
    {Permission::RolesManage, u"roles.manage"},
    {Permission::SettingsManage, u"settings.manage"},
    {Permission::AuditView, u"audit.view"},
}};

} // namespace

QString permissionKey(Permission permission)
{
    return QString::fromUtf16(kNames.at(std::size_t(permission)).key);
}

std::optional<Permission> permissionFromKey(QStringView key)
{
    for (const PermissionName &name : kNames) {
        if (key.trimmed() == QStringView(name.key)) {
            return name.permission;
        }
    }
    return std::nullopt;
}

const QList<Permission> &allPermissions()
{
    static const QList<Permission> all = [] {
        QList<Permission> list;
        for (const PermissionName &name : kNames) {
            list.append(name.permission);
        }
        return list;
    }();
    return all;
}

PermissionSet::PermissionSet(std::initializer_list<Permission> permissions)
{
    for (const Permission permission : permissions) {
        insert(permission);
    }
}

QList<Permission> PermissionSet::toList() const
{
    QList<Permission> list;
    for (const Permission permission : allPermissions()) {
        if (has(permission)) {
            list.append(permission);
        }
    }
    return list;
}

QStringList PermissionSet::keys() const
{
    QStringList keys;
    for (const Permission permission : toList()) {
        keys.append(permissionKey(permission));
    }
    return keys;
}

PermissionSet PermissionSet::fromKeys(const QStringList &keys, QStringList *unknown)
{
    PermissionSet set;
    for (const QString &key : keys) {
        if (key.trimmed().isEmpty()) {
            continue;
        }
        if (const auto permission = permissionFromKey(key)) {
            set.insert(*permission);
        } else if (unknown != nullptr) {
            unknown->append(key.trimmed());
        }
    }
    return set;
}

PermissionSet PermissionSet::all()
{
    PermissionSet set;
    set.m_bits.set();
    return set;
}

PermissionSet PermissionSet::operator|(const PermissionSet &other) const
{
    PermissionSet set = *this;
    set |= other;
    return set;
}

PermissionSet &PermissionSet::operator|=(const PermissionSet &other)
{
    m_bits |= other.m_bits;
    return *this;
}

} // namespace vsc
