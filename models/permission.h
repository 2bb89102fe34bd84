// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <bitset>
#include <optional>

namespace vsc {

// What an actor may do. The one place permissions are enumerated: services check them, roles grant them, the
// permission matrix test walks them all. Stored in roles.permissions by key ("campaign.edit").
enum class Permission : quint8 {
    CampaignEdit,      // create and edit campaigns, scripts and questions
    CampaignRun,       // start, pause, resume and stop campaigns
    ContactsImport,    // import contact lists
    ContactsView,      // see contacts and their call history (masked without pii.view)
    PiiView,           // see phone numbers and names unmasked
    CallsMonitor,      // watch live calls
    CallsHangup,       // end a live call
    ResultsView,       // see results and the dashboard
    ResultsExport,     // export results to files
    SuppressionManage, // edit the do-not-call list
    UsersManage,       // create, enable, disable users and assign their roles
    RolesManage,       // define roles and their permissions
    SettingsManage,    // change the console's settings (Twilio, identity provider, mail)
    AuditView,         // read the audit log
};
inline constexpr int kPermissionCount = 14;

QString permissionKey(Permission permission);
std::optional<Permission> permissionFromKey(QStringView key);
const QList<Permission> &allPermissions();

class PermissionSet
{
public:
    PermissionSet() = default;
    PermissionSet(std::initializer_list<Permission> permissions);

    [[nodiscard]] bool has(Permission permission) const { return m_bits.test(std::size_t(permission)); }
    void insert(Permission permission) { m_bits.set(std::size_t(permission)); }
    void remove(Permission permission) { m_bits.reset(std::size_t(permission)); }
    [[nodiscard]] bool isEmpty() const { return m_bits.none(); }
    [[nodiscard]] int size() const { return int(m_bits.count()); }
    [[nodiscard]] QList<Permission> toList() const;
    [[nodiscard]] QStringList keys() const; // in the order of allPermissions()

    // Unknown keys are left out and listed in *unknown when given (a role edited by a newer version).
    static PermissionSet fromKeys(const QStringList &keys, QStringList *unknown = nullptr);
    static PermissionSet all();

    PermissionSet operator|(const PermissionSet &other) const;
    PermissionSet &operator|=(const PermissionSet &other);
    bool operator==(const PermissionSet &other) const { return m_bits == other.m_bits; }

private:
    std::bitset<kPermissionCount> m_bits;
};

} // namespace vsc
