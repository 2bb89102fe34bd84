// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace vsc::app {

class AppContext;

struct ProvisionOptions
{
    QString databaseUrl;
    QString rolePrefix = QStringLiteral("vsc_");
    QString mapLogin; // LOGIN=USERNAME, optional
    bool json = false;
};

// `db provision`: run once by a DBA (a superuser or a login with CREATEROLE) on a PostgreSQL database: migrates,
// then creates the app's roles, grants and row-level security (services/storage/postgresprovisioner.h). Refused on
// SQLite. Prints the roles created or already there and every grant applied.
int runDbProvision(AppContext &context, const ProvisionOptions &options);

} // namespace vsc::app
