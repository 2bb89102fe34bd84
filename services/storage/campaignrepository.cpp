// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/campaignrepository.h"

#include "services/storage/auditrepository.h"
#include "services/storage/sql.h"

namespace vsc::services::storage {
namespace {

const QString kColumns = QStringLiteral(
    "c.id, c.name, c.description, c.status, c.script_version_id, c.caller_id, c.language, c.voice, "
    "c.calls_per_second, c.max_concurrent_calls, c.window_start, c.window_end, c.blocked_weekdays, c.max_attempts, "
    "c.created_at, c.updated_at, c.retry_policy, c.blocked_dates, c.quotas, c.archived_at, c.machine_action, "
    "c.machine_message, c.report_recipients, c.daily_summary");
constexpr int kColumnCount = 24;

Campaign campaignFrom(const QSqlQuery &q)
{
    Campaign c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.description = q.value(2).toString();
    c.status = campaignStatusFromKey(q.value(3).toString()).value_or(CampaignStatus::Draft);
    if (!q.value(4).isNull()) {
        c.scriptVersionId = q.value(4).toLongLong();
    }
    c.callerId = q.value(5).toString();
    c.language = q.value(6).toString();
    c.voice = q.value(7).toString();
    c.callsPerSecond = q.value(8).toDouble();
    c.maxConcurrentCalls = q.value(9).toInt();
    c.windowStart = QTime::fromString(q.value(10).toString(), QStringLiteral("HH:mm"));
    c.windowEnd = QTime::fromString(q.value(11).toString(), QStringLiteral("HH:mm"));
    c.blockedWeekdays = q.value(12).toString();
    c.maxAttempts = q.value(13).toInt();
    c.createdAt = dateTimeFromDb(q.value(14));
    c.updatedAt = dateTimeFromDb(q.value(15));
    c.retryPolicy = jsonFromDb(q.value(16));
    c.blockedDates = q.value(17).toString();
    c.quotas = jsonFromDb(q.value(18));
    c.archivedAt = dateTimeFromDb(q.value(19));
    c.machineAction = machineActionFromKey(q.value(20).toString()).value_or(MachineAction::HangUp);
    c.machineMessage = q.value(21).toString();
    c.reportRecipients = q.value(22).toString();
    c.dailySummary = q.value(23).toBool();
    return c;
}

} // namespace

Result<qint64> CampaignRepository::create(const Campaign &c, const Actor &actor)
{
    if (c.name.trimmed().isEmpty()) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a campaign needs a name")};
    }
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto id =
        scalar(db,
               QStringLiteral(
                   "INSERT INTO campaigns (name, description, status, script_version_id, caller_id, "
                   "language, voice, calls_per_second, max_concurrent_calls, window_start, window_end, "
                   "blocked_weekdays, max_attempts, created_by, created_at, updated_at, retry_policy, blocked_dates, "
                   "quotas, machine_action, machine_message, report_recipients, daily_summary) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
               {c.name,
                text(c.description),
                campaignStatusKey(c.status),
                toDb(c.scriptVersionId),
                text(c.callerId),
                text(c.language),
                text(c.voice),
                c.callsPerSecond,
                c.maxConcurrentCalls,
                c.windowStart.toString(QStringLiteral("HH:mm")),
                c.windowEnd.toString(QStringLiteral("HH:mm")),
                text(c.blockedWeekdays),
                c.maxAttempts,
                toDb(actor.userId),
                toDb(c.createdAt.isValid() ? c.createdAt : now),
                toDb(c.updatedAt.isValid() ? c.updatedAt : now),
                jsonToDb(c.retryPolicy),
                text(c.blockedDates),
                jsonToDb(c.quotas),
                machineActionKey(c.machineAction),
                text(c.machineMessage),
                text(c.reportRecipients),
                c.dailySummary});
    if (!id) {
        return id.error();
    }
    const qint64 campaignId = id.value().toLongLong();
    AuditRepository audit(m_database);
    AuditEntry created = auditEntry(actor, QStringLiteral("campaign.create"), QStringLiteral("campaign"), campaignId);
    created.at = now;
    created.details = {{QStringLiteral("name"), c.name}};
    created.after = {{QStringLiteral("name"), c.name}, {QStringLiteral("status"), campaignStatusKey(c.status)}};
    if (auto logged = audit.record(created); !logged) {
        return logged.error();
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return campaignId;
}

Result<Campaign> CampaignRepository::byId(qint64 id)
{
    auto query =
        exec(m_database.connection(), QStringLiteral("SELECT %1 FROM campaigns c WHERE c.id = ?").arg(kColumns), {id});
    if (!query) {
        return query.error();
    }
    if (!query.value().next()) {
        return Error{ErrorCode::NotFound, QStringLiteral("no campaign with id %1").arg(id)};
    }
    return campaignFrom(query.value());
}

Result<std::optional<Campaign>> CampaignRepository::byName(const QString &name)
{
    auto query =
        exec(m_database.connection(),
             QStringLiteral("SELECT %1 FROM campaigns c WHERE c.name = ? ORDER BY c.id LIMIT 1").arg(kColumns), {name});
    if (!query) {
        return query.error();
    }
    if (!query.value().next()) {
        return std::optional<Campaign>();
    }
    return std::optional<Campaign>(campaignFrom(query.value()));
}

Result<QList<CampaignSummary>> CampaignRepository::summaries(Archived archived)
{
    // Correlated counts stay index-only (contacts_dialable_idx, call_attempts_*_idx) on both backends.
    auto query = exec(
        m_database.connection(),
        QStringLiteral("SELECT %1, "
                       "(SELECT COUNT(*) FROM contacts k WHERE k.campaign_id = c.id), "
                       "(SELECT COUNT(*) FROM contacts k WHERE k.campaign_id = c.id AND k.status = 'completed'), "
                       "(SELECT COUNT(*) FROM call_attempts a WHERE a.campaign_id = c.id), "
                       "(SELECT COUNT(*) FROM call_attempts a WHERE a.campaign_id = c.id "
                       "   AND a.status IN ('claimed', 'queued', 'initiated', 'ringing', 'in-progress')) "
                       "FROM campaigns c %2ORDER BY c.updated_at DESC, c.id DESC")
            .arg(kColumns, archived == Archived::Hidden ? QStringLiteral("WHERE c.archived_at IS NULL ") : QString()));
    if (!query) {
        return query.error();
    }
    QList<CampaignSummary> rows;
    QSqlQuery &q = query.value();
    while (q.next()) {
        CampaignSummary s;
        s.campaign = campaignFrom(q);
        s.contacts = q.value(kColumnCount).toInt();
        s.completedContacts = q.value(kColumnCount + 1).toInt();
        s.attempts = q.value(kColumnCount + 2).toInt();
        s.activeCalls = q.value(kColumnCount + 3).toInt();
        rows.append(s);
    }
    return rows;
}

Result<void> CampaignRepository::setStatus(qint64 id, CampaignStatus status, const Actor &actor)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    auto previous = byId(id);
    if (!previous) {
        return previous.error();
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (auto updated = exec(db, QStringLiteral("UPDATE campaigns SET status = ?, updated_at = ? WHERE id = ?"),
                            {campaignStatusKey(status), toDb(now), id});
        !updated) {
        return updated.error();
    }
    AuditRepository audit(m_database);
    AuditEntry changed = auditEntry(actor, QStringLiteral("campaign.status"), QStringLiteral("campaign"), id);
    changed.at = now;
    changed.details = {{QStringLiteral("from"), campaignStatusKey(previous.value().status)},
                       {QStringLiteral("to"), campaignStatusKey(status)}};
    changed.before = {{QStringLiteral("status"), campaignStatusKey(previous.value().status)}};
    changed.after = {{QStringLiteral("status"), campaignStatusKey(status)}};
    if (auto logged = audit.record(changed); !logged) {
        return logged.error();
    }
    return transaction.commit();
}

Result<bool> CampaignRepository::nameTaken(const QString &name, qint64 exceptId)
{
    auto taken = scalar(m_database.connection(),
                        QStringLiteral("SELECT COUNT(*) FROM campaigns WHERE name = ? AND id <> ?"), {name, exceptId});
    if (!taken) {
        return taken.error();
    }
    return taken.value().toLongLong() > 0;
}

Result<void> CampaignRepository::update(const Campaign &c, const QVariantMap &before, const QVariantMap &after,
                                        const Actor &actor)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto updated = exec(
        db,
        QStringLiteral("UPDATE campaigns SET name = ?, description = ?, script_version_id = ?, caller_id = ?, "
                       "language = ?, voice = ?, calls_per_second = ?, max_concurrent_calls = ?, window_start = ?, "
                       "window_end = ?, blocked_weekdays = ?, blocked_dates = ?, max_attempts = ?, retry_policy = ?, "
                       "quotas = ?, machine_action = ?, machine_message = ?, report_recipients = ?, daily_summary = ?, "
                       "updated_at = ? WHERE id = ?"),
        {c.name,
         text(c.description),
         toDb(c.scriptVersionId),
         text(c.callerId),
         text(c.language),
         text(c.voice),
         c.callsPerSecond,
         c.maxConcurrentCalls,
         c.windowStart.toString(QStringLiteral("HH:mm")),
         c.windowEnd.toString(QStringLiteral("HH:mm")),
         text(c.blockedWeekdays),
         text(c.blockedDates),
         c.maxAttempts,
         jsonToDb(c.retryPolicy),
         jsonToDb(c.quotas),
         machineActionKey(c.machineAction),
         text(c.machineMessage),
         text(c.reportRecipients),
         c.dailySummary,
         toDb(now),
         c.id});
    if (!updated) {
        return updated.error();
    }
    if (updated.value().numRowsAffected() == 0) {
        return Error{ErrorCode::NotFound, QStringLiteral("no campaign with id %1").arg(c.id)};
    }
    AuditEntry changed = auditEntry(actor, QStringLiteral("campaign.update"), QStringLiteral("campaign"), c.id);
    changed.at = now;
    changed.details = {{QStringLiteral("name"), c.name}, {QStringLiteral("fields"), QStringList(after.keys())}};
    changed.before = before;
    changed.after = after;
    if (auto logged = AuditRepository(m_database).record(changed); !logged) {
        return logged.error();
    }
    return transaction.commit();
}

Result<void> CampaignRepository::setArchived(qint64 id, bool archived, const Actor &actor)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    auto previous = byId(id);
    if (!previous) {
        return previous.error();
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (auto updated = exec(db, QStringLiteral("UPDATE campaigns SET archived_at = ?, updated_at = ? WHERE id = ?"),
                            {toDb(archived ? now : QDateTime()), toDb(now), id});
        !updated) {
        return updated.error();
    }
    AuditEntry changed =
        auditEntry(actor, archived ? QStringLiteral("campaign.archive") : QStringLiteral("campaign.restore"),
                   QStringLiteral("campaign"), id);
    changed.at = now;
    changed.details = {{QStringLiteral("name"), previous.value().name}};
    changed.before = {{QStringLiteral("archived"), previous.value().archivedAt.isValid()}};
    changed.after = {{QStringLiteral("archived"), archived}};
    if (auto logged = AuditRepository(m_database).record(changed); !logged) {
        return logged.error();
    }
    return transaction.commit();
}

Result<QList<ScriptVersionChoice>> CampaignRepository::scriptVersions()
{
    auto query = exec(m_database.connection(),
                      QStringLiteral("SELECT v.id, s.id, s.name, v.version, v.language FROM script_versions v "
                                     "JOIN survey_scripts s ON s.id = v.script_id ORDER BY s.id DESC, v.version DESC"));
    if (!query) {
        return query.error();
    }
    QList<ScriptVersionChoice> choices;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        choices.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toInt(),
                        q.value(4).toString()});
    }
    return choices;
}

} // namespace vsc::services::storage
