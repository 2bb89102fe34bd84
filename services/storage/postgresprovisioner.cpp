// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/postgresprovisioner.h"

#include "services/logging/logging.h"
#include "services/storage/sql.h"
#include "services/storage/transaction.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlDriver>

namespace vsc::services::storage {

namespace {

constexpr qint64 kProvisionLockKey = 0x5653'5052; // "VSPR": one provisioner at a time

// The app roles a grant goes to (the owner gets none: it owns).
enum RoleBit : unsigned {
    Admin = 1U << 0U,
    Supervisor = 1U << 1U,
    Operator = 1U << 2U,
    Viewer = 1U << 3U,
    Dialer = 1U << 4U,
    Everyone = Admin | Supervisor | Operator | Viewer | Dialer,
};

struct RoleName
{
    RoleBit bit;
    const char *name;
};

constexpr RoleName kAppRoles[] = {
    {Admin, "admin"}, {Supervisor, "supervisor"}, {Operator, "operator"}, {Viewer, "viewer"}, {Dialer, "dialer"},
};

struct GrantRow
{
    const char *table;
    unsigned roles;
    // Static text from this file only: privilege keywords, with column lists where a role may touch some columns.
    const char *privileges;
    // Non-empty: `privileges` is one privilege (SELECT) granted on every column of the table except these
    // (comma-separated), read from the catalog when provisioning. How viewers read contacts without phone numbers.
    const char *exceptColumns;
};

// The one grant matrix: what each app role may do, table by table, no more than the app's permissions
// (models/permission.h, migration 0006) need. admin, supervisor and operator are also members of dialer, whose
// rows they inherit (the console dials in-process with the user's own login).
constexpr GrantRow kGrants[] = {
    // Identity: everyone resolves actors and roles; only admins write. Sign-in stamps last_login_at.
    {"roles", Everyone, "SELECT", ""},
    {"roles", Admin, "INSERT, UPDATE", ""},
    {"users", Everyone, "SELECT", ""},
    {"users", Admin, "INSERT, UPDATE", ""},
    {"users", Supervisor | Operator | Viewer, "UPDATE (last_login_at)", ""},
    {"user_roles", Everyone, "SELECT", ""},
    {"user_roles", Admin, "INSERT, DELETE", ""},
    // Row-level security limits non-admins to their own row (changing their own password, failed attempts).
    {"user_credentials", Admin, "SELECT, INSERT, UPDATE, DELETE", ""},
    {"user_credentials", Supervisor | Operator | Viewer, "SELECT, INSERT, UPDATE", ""},
    {"app_settings", Everyone, "SELECT", ""},
    {"app_settings", Admin, "INSERT, UPDATE, DELETE", ""},
    {"schema_migrations", Everyone, "SELECT", ""},
    // Everyone records (denials, sign-ins): the insert reads the head's row_hash and returns id and prev_hash, and
    // the hash is filled in once (the 0007 trigger refuses every other update, and all deletes and truncates).
    {"audit_log", Everyone, "SELECT (id, prev_hash, row_hash), INSERT, UPDATE (row_hash)", ""},
    {"audit_log", Admin, "SELECT", ""},
    // Scripts and campaigns: built by operators (and admins).
    {"survey_scripts", Everyone, "SELECT", ""},
    {"survey_scripts", Admin | Operator, "INSERT, UPDATE", ""},
    {"script_versions", Everyone, "SELECT", ""},
    {"script_versions", Admin | Operator, "INSERT, UPDATE", ""},
    {"questions", Everyone, "SELECT", ""},
    {"questions", Admin | Operator, "INSERT, UPDATE", ""},
    {"campaigns", Everyone, "SELECT", ""},
    {"campaigns", Admin | Operator, "INSERT, UPDATE", ""},
    {"campaigns", Supervisor | Dialer, "UPDATE (status, updated_at)", ""},
    {"campaign_leases", Everyone, "SELECT", ""},
    {"campaign_leases", Dialer, "INSERT, UPDATE", ""},
    // Personal data: viewers never see phone numbers or names.
    {"contacts", Admin | Supervisor | Operator | Dialer, "SELECT", ""},
    {"contacts", Viewer, "SELECT", "phone_e164,name,custom_fields"},
    {"contacts", Admin | Operator, "INSERT, UPDATE", ""},
    {"contacts", Dialer, "UPDATE (status, attempts_count, next_attempt_at)", ""},
    {"suppression_list", Admin | Supervisor | Operator | Dialer, "SELECT", ""},
    {"suppression_list", Admin | Supervisor | Operator, "INSERT, UPDATE, DELETE", ""},
    {"suppression_list", Dialer, "INSERT", ""}, // an in-call opt-out
    // Calls: the dialer claims (and withdraws an unplaced claim), the webhooks record; supervisors hang up.
    {"call_attempts", Admin | Supervisor | Operator | Dialer, "SELECT", ""},
    {"call_attempts", Viewer, "SELECT", "phone_e164"},
    {"call_attempts", Dialer, "INSERT, UPDATE, DELETE", ""},
    {"call_attempts", Supervisor, "UPDATE", ""},
    {"call_events", Admin | Supervisor | Operator | Dialer, "SELECT", ""},
    {"call_events", Viewer, "SELECT", "payload"}, // the carrier's payload names the numbers (To, From)
    {"call_events", Dialer, "INSERT", ""},
    {"answers", Everyone, "SELECT", ""},
    {"answers", Dialer, "INSERT", ""},
    // E-mailed reports: whichever console or `serve` notices a report is due claims and records it.
    {"mail_reports", Everyone, "SELECT", ""},
    {"mail_reports", Admin | Supervisor | Operator | Dialer, "INSERT, UPDATE", ""},
    // The dashboard's summary (0014): counts without numbers or names; only its triggers, as the owner, write it.
    {"dashboard_attempt_hours", Everyone, "SELECT", ""},
    {"dashboard_contact_facts", Everyone, "SELECT", ""},
    {"dashboard_case_counts", Everyone, "SELECT", ""},
};

const QRegularExpression &prefixPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_]{0,30}_$"));
    return pattern;
}

// Identifiers cannot be bound as parameters: this is the one exception to "always parameterised". Every name quoted
// here comes from this file's fixed lists, the validated prefix, or the catalog; the driver quotes it ("...").
class Provisioner final
{
public:
    Provisioner(Database &database, QString prefix) : m_database(database), m_prefix(std::move(prefix)) {}

    Result<ProvisionReport> run();

private:
    [[nodiscard]] QString quoted(const QString &identifier) const
    {
        return m_database.connection().driver()->escapeIdentifier(identifier, QSqlDriver::TableName);
    }
    [[nodiscard]] QString role(const QString &name) const { return quoted(m_prefix + name); }
    [[nodiscard]] QString rolesOf(unsigned bits) const;
    Result<void> apply(const QString &statement);
    Result<void> checkLogin();
    Result<void> createRoles();
    Result<void> takeOwnership();
    Result<void> revokeEverything();
    Result<void> grantMatrix();
    Result<void> secureCredentials();

    Database &m_database;
    QString m_prefix;
    bool m_superuser = false;
    ProvisionReport m_report;
};

QString Provisioner::rolesOf(unsigned bits) const
{
    QStringList names;
    for (const RoleName &r : kAppRoles) {
        if ((bits & r.bit) != 0U) {
            names << role(QLatin1String(r.name));
        }
    }
    return names.join(QStringLiteral(", "));
}

Result<void> Provisioner::apply(const QString &statement)
{
    return execOnly(m_database.connection(), statement);
}

Result<void> Provisioner::checkLogin()
{
    auto login =
        exec(m_database.connection(),
             QStringLiteral("SELECT current_user, rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user"));
    if (!login) {
        return login.error();
    }
    QSqlQuery &q = login.value();
    if (!q.next()) {
        return Error{ErrorCode::PermissionDenied, QStringLiteral("the connected login is not in pg_roles")};
    }
    m_superuser = q.value(1).toBool();
    if (!m_superuser && !q.value(2).toBool()) {
        return Error{ErrorCode::PermissionDenied,
                     QStringLiteral("the login '%1' is neither a superuser nor allowed to create roles (CREATEROLE); "
                                    "provisioning must be run by a DBA")
                         .arg(q.value(0).toString())};
    }
    return {};
}

Result<void> Provisioner::createRoles()
{
    for (const QString &name : provisionedRoleNames()) {
        const QString full = m_prefix + name;
        auto exists = scalarInt(m_database.connection(),
                                QStringLiteral("SELECT COUNT(*) FROM pg_roles WHERE rolname = ?"), {full});
        if (!exists) {
            return exists.error();
        }
        if (exists.value() > 0) {
            m_report.rolesExisting << full;
            continue;
        }
        if (auto created = apply(QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(quoted(full))); !created) {
            return created;
        }
        m_report.rolesCreated << full;
    }
    // The console dials in-process with its user's own login.
    if (auto granted = apply(QStringLiteral("GRANT %1 TO %2")
                                 .arg(role(QStringLiteral("dialer")), rolesOf(Admin | Supervisor | Operator)));
        !granted) {
        return granted;
    }
    if (!m_superuser) {
        // ALTER ... OWNER TO needs membership of the new owner (PostgreSQL 15); a superuser has it implicitly.
        if (auto granted = apply(QStringLiteral("GRANT %1 TO CURRENT_USER").arg(role(QStringLiteral("owner"))));
            !granted) {
            return granted;
        }
    }
    return {};
}

Result<void> Provisioner::takeOwnership()
{
    QSqlDatabase db = m_database.connection();
    const QString owner = role(QStringLiteral("owner"));
    // Relations and routines of schema public, except those of extensions; identity sequences follow their table.
    auto objects = exec(
        db,
        QStringLiteral(
            "SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' "
            "ELSE 'TABLE' END, quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') "
            "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid "
            "AND d.deptype IN ('a', 'i', 'e')) "
            "UNION ALL SELECT 'ROUTINE', p.oid::regprocedure::text FROM pg_proc p "
            "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.prokind <> 'a' "
            "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid "
            "AND d.deptype = 'e') ORDER BY 1, 2"));
    if (!objects) {
        return objects.error();
    }
    QStringList statements;
    while (objects.value().next()) {
        // The catalog quotes these names itself (quote_ident, regprocedure).
        statements << QStringLiteral("ALTER %1 public.%2 OWNER TO %3")
                          .arg(objects.value().value(0).toString(), objects.value().value(1).toString(), owner);
    }
    objects.value().finish();
    for (const QString &statement : std::as_const(statements)) {
        if (auto altered = apply(statement); !altered) {
            return altered;
        }
    }
    m_report.ownedObjects = int(statements.size());
    // Later migrations, run by the owner (or a member of it), create their tables there.
    return apply(QStringLiteral("GRANT USAGE, CREATE ON SCHEMA public TO %1").arg(owner));
}

Result<void> Provisioner::revokeEverything()
{
    // Every app role starts from nothing on each run, so a second run grants exactly what the matrix says.
    const QString from = QStringLiteral("PUBLIC, ") + rolesOf(Everyone);
    for (const QString &statement : {
             QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %1").arg(from),
             QStringLiteral("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %1").arg(from),
             QStringLiteral("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM %1").arg(from),
             QStringLiteral("REVOKE CREATE ON SCHEMA public FROM %1").arg(from),
             QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(rolesOf(Everyone)),
         }) {
        if (auto done = apply(statement); !done) {
            return done;
        }
    }
    return {};
}

Result<void> Provisioner::grantMatrix()
{
    QSqlDatabase db = m_database.connection();
    QSet<QString> inserting; // "table\nrole": who needs the table's sequences
    for (const GrantRow &row : kGrants) {
        const QString table = QLatin1String(row.table);
        QString privileges = QLatin1String(row.privileges);
        const QString except = QLatin1String(row.exceptColumns);
        auto present = scalarInt(db,
                                 QStringLiteral("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public' AND "
                                                "tablename = ?"),
                                 {table});
        if (!present) {
            return present.error();
        }
        if (present.value() == 0) {
            return Error{
                ErrorCode::Migration,
                QStringLiteral("the grant matrix names table '%1', which the schema does not have").arg(table)};
        }
        if (!except.isEmpty()) {
            const QStringList excluded = except.split(u',');
            auto columns = exec(db,
                                QStringLiteral("SELECT column_name FROM information_schema.columns WHERE "
                                               "table_schema = 'public' AND table_name = ? ORDER BY ordinal_position"),
                                {table});
            if (!columns) {
                return columns.error();
            }
            QStringList allowed;
            while (columns.value().next()) {
                const QString column = columns.value().value(0).toString();
                if (!excluded.contains(column)) {
                    allowed << quoted(column);
                }
            }
            privileges += QStringLiteral(" (%1)").arg(allowed.join(QStringLiteral(", ")));
        }
        if (auto granted = apply(
                QStringLiteral("GRANT %1 ON TABLE public.%2 TO %3").arg(privileges, quoted(table), rolesOf(row.roles)));
            !granted) {
            return granted;
        }
        for (const RoleName &r : kAppRoles) {
            if ((row.roles & r.bit) == 0U) {
                continue;
            }
            m_report.grants << QStringLiteral("%1: %2 TO %3").arg(table, privileges, m_prefix + QLatin1String(r.name));
            if (privileges.contains(QLatin1String("INSERT"))) {
                inserting.insert(table + u'\n' + QLatin1String(r.name));
            }
        }
    }
    // Identity columns need no sequence privilege to insert; granted anyway for anything that calls nextval().
    QStringList sorted = inserting.values();
    sorted.sort();
    for (const QString &entry : std::as_const(sorted)) {
        const QString table = entry.section(u'\n', 0, 0);
        const QString roleName = entry.section(u'\n', 1, 1);
        auto sequences =
            exec(db,
                 QStringLiteral("SELECT quote_ident(s.relname) FROM pg_depend d JOIN pg_class s ON s.oid = "
                                "d.objid AND s.relkind = 'S' WHERE d.classid = 'pg_class'::regclass AND "
                                "d.refobjid = CAST(? AS regclass) AND d.deptype IN ('a', 'i') ORDER BY 1"),
                 {QString(QStringLiteral("public.") + table)});
        if (!sequences) {
            return sequences.error();
        }
        QStringList names;
        while (sequences.value().next()) {
            names << sequences.value().value(0).toString();
        }
        for (const QString &sequence : std::as_const(names)) {
            if (auto granted = apply(
                    QStringLiteral("GRANT USAGE, SELECT ON SEQUENCE public.%1 TO %2").arg(sequence, role(roleName)));
                !granted) {
                return granted;
            }
            m_report.grants << QStringLiteral("%1: USAGE, SELECT TO %2").arg(sequence, m_prefix + roleName);
        }
    }
    return {};
}

Result<void> Provisioner::secureCredentials()
{
    const QString all = m_prefix + QStringLiteral("credentials_all");
    const QString own = m_prefix + QStringLiteral("credentials_own");
    // Non-admins see and change only the row of the user their login is mapped to (users.db_login).
    const QString mine = QStringLiteral("user_id = (SELECT u.id FROM public.users u WHERE u.db_login = session_user)");
    for (const QString &statement : {
             QStringLiteral("ALTER TABLE public.user_credentials ENABLE ROW LEVEL SECURITY"),
             // The owner too: a login that owns the table sees only what a policy gives it.
             QStringLiteral("ALTER TABLE public.user_credentials FORCE ROW LEVEL SECURITY"),
             QStringLiteral("DROP POLICY IF EXISTS %1 ON public.user_credentials").arg(quoted(all)),
             QStringLiteral("DROP POLICY IF EXISTS %1 ON public.user_credentials").arg(quoted(own)),
             QStringLiteral("CREATE POLICY %1 ON public.user_credentials FOR ALL TO %2, %3 USING (true) "
                            "WITH CHECK (true)")
                 .arg(quoted(all), role(QStringLiteral("owner")), rolesOf(Admin)),
             QStringLiteral("CREATE POLICY %1 ON public.user_credentials FOR ALL TO %2 USING (%3) WITH CHECK (%3)")
                 .arg(quoted(own), rolesOf(Supervisor | Operator | Viewer), mine),
         }) {
        if (auto done = apply(statement); !done) {
            return done;
        }
    }
    m_report.policies
        << QStringLiteral("%1: user_credentials, all rows, TO %2owner, %2admin").arg(all, m_prefix)
        << QStringLiteral("%1: user_credentials, %2, TO %3supervisor, %3operator, %3viewer").arg(own, mine, m_prefix);
    return {};
}

Result<ProvisionReport> Provisioner::run()
{
    m_report.rolePrefix = m_prefix;
    if (m_database.backend() != Backend::Postgres) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("provisioning creates PostgreSQL roles; SQLite has no logins (protect the file "
                                    "with the operating system's permissions instead)")};
    }
    if (!prefixPattern().match(m_prefix).hasMatch()) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("the role prefix '%1' must be a lower-case letter, then up to 30 lower-case "
                                    "letters, digits or '_', ending in '_' (e.g. vsc_)")
                         .arg(m_prefix)};
    }
    if (auto opened = m_database.open(); !opened) {
        return opened.error();
    }
    if (auto allowed = checkLogin(); !allowed) {
        return allowed.error();
    }
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    if (auto locked =
            exec(m_database.connection(), QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {kProvisionLockKey});
        !locked) {
        return locked.error();
    }
    if (auto created = createRoles(); !created) {
        return created.error();
    }
    auto migrated = Migrator(m_database).migrate(); // nested: a savepoint in this transaction
    if (!migrated) {
        return migrated.error();
    }
    m_report.migration = migrated.value();
    for (auto step : {&Provisioner::takeOwnership, &Provisioner::revokeEverything, &Provisioner::grantMatrix,
                      &Provisioner::secureCredentials}) {
        if (auto done = (this->*step)(); !done) {
            return done.error();
        }
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    logging::logger("vsc.storage")
        ->info("provisioned PostgreSQL roles {}*: {} created, {} grants", m_prefix.toStdString(),
               m_report.rolesCreated.size(), m_report.grants.size());
    return m_report;
}

} // namespace

QStringList provisionedRoleNames()
{
    return {QStringLiteral("owner"),    QStringLiteral("admin"),  QStringLiteral("supervisor"),
            QStringLiteral("operator"), QStringLiteral("viewer"), QStringLiteral("dialer")};
}

Result<ProvisionReport> provision(Database &db, const QString &rolePrefix)
{
    return Provisioner(db, rolePrefix).run();
}

Result<void> mapLogin(Database &db, const QString &login, const QString &username)
{
    if (login.isEmpty() || username.isEmpty()) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("--map-login wants LOGIN=USERNAME")};
    }
    auto mapped = exec(db.connection(), QStringLiteral("UPDATE users SET db_login = ? WHERE username = ? RETURNING id"),
                       {login, username});
    if (!mapped) {
        return mapped.error();
    }
    if (!mapped.value().next()) {
        return Error{ErrorCode::NotFound, QStringLiteral("no user named '%1'").arg(username)};
    }
    return {};
}

} // namespace vsc::services::storage
