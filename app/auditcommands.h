// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace vsc::app {

class AppContext;

struct AuditListOptions
{
    QString databaseUrl;
    QString action; // exact, or a prefix ending in '.'
    QString actor;
    int limit = 50;
    bool json = false;
};

// `audit verify`: walks the hash chain of the audit log. Exit 0 when intact, 1 naming the first broken row; prints
// the row count and the head hash, to be noted elsewhere (a cut-off tail is only visible against a noted head).
int runAuditVerify(AppContext &context, const QString &databaseUrl, bool json);
// `audit list`: the newest rows, filtered.
int runAuditList(AppContext &context, const AuditListOptions &options);

} // namespace vsc::app
