// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/storage/database.h"
#include "services/storage/migrator.h"

#include <QString>
#include <QStringList>

namespace vsc::services::storage {

// What provision() did. Running it again gives the same grants and policies; only rolesCreated becomes empty.
struct ProvisionReport
{
    QString rolePrefix;
    QStringList rolesCreated;  // e.g. "vsc_operator"
    QStringList rolesExisting; // already there before this run
    QStringList grants;        // every GRANT applied, as "table: privileges TO role", in matrix order
    QStringList policies;      // row-level security policies (re)created
    int ownedObjects = 0;      // tables, views, sequences and functions now owned by <prefix>owner
    MigrationReport migration;
};

// The app roles provision() manages, without the prefix: owner, admin, supervisor, operator, viewer, dialer.
QStringList provisionedRoleNames();

// Defence in depth on PostgreSQL: one NOLOGIN role per app role (<prefix>admin, <prefix>supervisor,
// <prefix>operator, <prefix>viewer), <prefix>dialer for run/serve (granted to admin, supervisor and operator, whose
// consoles dial in-process), and <prefix>owner, which owns every table, view, sequence and function of schema public.
// PUBLIC loses every privilege there; each role gets exactly the grants of the static matrix in
// postgresprovisioner.cpp (viewers get no phone numbers or names; nobody may update or delete audit rows but the
// one-time row_hash); user_credentials gets row-level security (admins and the owner: all rows; everyone else: the
// row of the user whose users.db_login is their session_user).
//
// Run once by a DBA, as a superuser or a login with CREATEROLE that owns the schema (PermissionDenied otherwise),
// and again after every `migrate` (new tables and columns get their grants then). Migrates the schema first.
// Idempotent; all in one transaction, so a failure changes nothing. PostgreSQL only (InvalidArgument on SQLite).
// The prefix must match ^[a-z][a-z0-9_]{0,30}_$. Synchronous, on the calling thread.
Result<ProvisionReport> provision(Database &db, const QString &rolePrefix = QStringLiteral("vsc_"));

// Maps a PostgreSQL login to a console user (users.db_login): headless commands run by that login act as the user,
// and its user_credentials row is the one it may read. NotFound when there is no such user. Synchronous.
Result<void> mapLogin(Database &db, const QString &login, const QString &username);

} // namespace vsc::services::storage
