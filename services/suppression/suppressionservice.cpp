// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/suppression/suppressionservice.h"

#include "models/contact.h"
#include "services/auth/authorizer.h"
#include "services/contacts/contactimporter.h"
#include "services/contacts/phonenumber.h"
#include "services/results/csvwriter.h"
#include "services/storage/auditrepository.h"
#include "services/storage/campaignrepository.h"

#include <QHash>
#include <QSet>

namespace vsc::services::suppression {
namespace {

const QStringList kPhoneHeaders{QStringLiteral("phone"),     QStringLiteral("number"),
                                QStringLiteral("telephone"), QStringLiteral("phone number"),
                                QStringLiteral("mobile"),    QStringLiteral("phone_e164"),
                                QStringLiteral("telefon"),   QStringLiteral("telefonnummer")};
const QStringList kCampaignHeaders{QStringLiteral("campaign"), QStringLiteral("campaign_id"),
                                   QStringLiteral("campaign id")};
const QStringList kReasonHeaders{QStringLiteral("reason"), QStringLiteral("grund")};

int columnOf(const QStringList &header, const QStringList &names)
{
    for (int c = 0; c < header.size(); ++c) {
        if (names.contains(header.at(c).trimmed().toLower())) {
            return c;
        }
    }
    return -1;
}

QString shown(const Actor &actor, const QString &phone)
{
    return actor.has(Permission::PiiView) ? phone : maskPhoneNumber(phone);
}

storage::Suppression entryFor(const Actor &actor, const QString &e164, std::optional<qint64> campaignId,
                              const QString &reason, const QString &source)
{
    storage::Suppression entry;
    entry.phoneE164 = e164;
    entry.campaignId = campaignId;
    entry.reason = reason;
    entry.source = source;
    entry.createdAt = QDateTime::currentDateTimeUtc();
    entry.createdBy = actor.userId;
    entry.createdByName = actor.name;
    return entry;
}

} // namespace

Result<void> SuppressionService::mayRead(const Actor &actor, const QString &action)
{
    // The people who keep the list may read it even without contacts.view.
    if (actor.has(Permission::SuppressionManage)) {
        return {};
    }
    return auth::Authorizer(m_database).require(actor, Permission::ContactsView, action);
}

Result<qint64> SuppressionService::add(const Actor &actor, const NewSuppression &entry)
{
    if (auto allowed =
            auth::Authorizer(m_database)
                .require(actor, Permission::SuppressionManage, QStringLiteral("add to the do-not-call list"));
        !allowed) {
        return allowed.error();
    }
    auto e164 = contacts::normalizePhoneNumber(entry.phone, entry.defaultRegion);
    if (!e164) {
        return e164.error();
    }
    if (entry.campaignId) {
        if (auto campaign = storage::CampaignRepository(m_database).byId(*entry.campaignId); !campaign) {
            return campaign.error();
        }
    }
    const storage::Suppression stored =
        entryFor(actor, e164.value(), entry.campaignId, entry.reason.trimmed(), entry.source);
    auto id = storage::SuppressionRepository(m_database).insert(stored);
    if (!id) {
        return id.error();
    }
    storage::AuditEntry audit =
        storage::auditEntry(actor, QStringLiteral("suppression.add"), QStringLiteral("suppression"), id.value());
    audit.after = {{QStringLiteral("number"), maskPhoneNumber(stored.phoneE164)},
                   {QStringLiteral("campaignId"), stored.campaignId ? QVariant(*stored.campaignId) : QVariant()},
                   {QStringLiteral("reason"), stored.reason},
                   {QStringLiteral("source"), stored.source}};
    if (auto logged = storage::AuditRepository(m_database).record(audit); !logged) {
        return logged.error();
    }
    return id;
}

Result<void> SuppressionService::add(const Actor &actor, const storage::Suppression &entry)
{
    if (auto allowed =
            auth::Authorizer(m_database)
                .require(actor, Permission::SuppressionManage, QStringLiteral("add to the do-not-call list"));
        !allowed) {
        return allowed;
    }
    storage::Suppression stored = entry;
    stored.createdBy = actor.userId;
    stored.createdByName = actor.name;
    auto id = storage::SuppressionRepository(m_database).insert(stored);
    if (!id) {
        return id.error();
    }
    storage::AuditEntry audit =
        storage::auditEntry(actor, QStringLiteral("suppression.add"), QStringLiteral("suppression"), id.value());
    audit.after = {{QStringLiteral("number"), maskPhoneNumber(entry.phoneE164)},
                   {QStringLiteral("reason"), entry.reason}};
    if (auto logged = storage::AuditRepository(m_database).record(audit); !logged) {
        return logged.error();
    }
    return {};
}

Result<void> SuppressionService::remove(const Actor &actor, qint64 id)
{
    if (auto allowed =
            auth::Authorizer(m_database)
                .require(actor, Permission::SuppressionManage, QStringLiteral("remove from the do-not-call list"),
                         QStringLiteral("suppression"), id);
        !allowed) {
        return allowed;
    }
    auto removed = storage::SuppressionRepository(m_database).remove(id);
    if (!removed) {
        return removed.error();
    }
    const storage::Suppression &before = removed.value();
    storage::AuditEntry audit =
        storage::auditEntry(actor, QStringLiteral("suppression.remove"), QStringLiteral("suppression"), id);
    audit.before = {{QStringLiteral("number"), maskPhoneNumber(before.phoneE164)},
                    {QStringLiteral("campaignId"), before.campaignId ? QVariant(*before.campaignId) : QVariant()},
                    {QStringLiteral("reason"), before.reason},
                    {QStringLiteral("source"), before.source},
                    {QStringLiteral("addedAt"), before.createdAt.toString(Qt::ISODateWithMs)},
                    {QStringLiteral("addedBy"), before.createdByName}};
    if (auto logged = storage::AuditRepository(m_database).record(audit); !logged) {
        return logged.error();
    }
    return {};
}

Result<SuppressionImportReport> SuppressionService::importCsv(const Actor &actor, const QByteArray &csv,
                                                              const SuppressionImportOptions &options)
{
    if (auto allowed =
            auth::Authorizer(m_database)
                .require(actor, Permission::SuppressionManage, QStringLiteral("import into the do-not-call list"));
        !allowed) {
        return allowed.error();
    }
    auto parsed = contacts::parseCsv(csv);
    if (!parsed) {
        return parsed.error();
    }
    const QList<contacts::CsvRecord> &records = parsed.value();
    if (records.isEmpty()) {
        return Error::because(ErrorCode::InvalidArgument,
                              Text{QT_TRANSLATE_NOOP("vsc", "the file is empty; a header row is required")});
    }
    const QStringList header = records.constFirst().fields;
    const int phoneColumn = columnOf(header, kPhoneHeaders);
    if (phoneColumn < 0) {
        return Error::because(
            ErrorCode::InvalidArgument,
            Text{QT_TRANSLATE_NOOP("vsc", "no phone column in the header (%1)"), {header.join(QStringLiteral(", "))}});
    }
    const int campaignColumn = columnOf(header, kCampaignHeaders);
    const int reasonColumn = columnOf(header, kReasonHeaders);
    if (options.campaignId) {
        if (auto campaign = storage::CampaignRepository(m_database).byId(*options.campaignId); !campaign) {
            return campaign.error();
        }
    }

    SuppressionImportReport report;
    QList<storage::Suppression> entries;
    QList<int> entryLines;
    QHash<QString, int> seenAt; // number and scope -> line
    QHash<qint64, bool> campaignExists;
    auto reject = [&](const contacts::CsvRecord &record, const Text &why) {
        report.rejected.append(
            {record.line, why.toString(), shown(actor, record.fields.value(phoneColumn).trimmed()), why});
    };
    for (qsizetype r = 1; r < records.size(); ++r) {
        const contacts::CsvRecord &record = records.at(r);
        if (record.fields.size() == 1 && record.fields.constFirst().trimmed().isEmpty()) {
            continue; // a blank line
        }
        ++report.rows;
        if (record.fields.size() != header.size()) {
            reject(record, Text{QT_TRANSLATE_NOOP("vsc", "has %1 fields, the header has %2"),
                                {QString::number(record.fields.size()), QString::number(header.size())}});
            continue;
        }
        Text notANumber;
        auto e164 = contacts::normalizePhoneNumber(record.fields.at(phoneColumn), options.defaultRegion, &notANumber);
        if (!e164) {
            reject(record, notANumber);
            continue;
        }
        std::optional<qint64> campaignId = options.campaignId;
        const QString campaignText = campaignColumn >= 0 ? record.fields.at(campaignColumn).trimmed() : QString();
        if (!campaignText.isEmpty()) {
            bool isNumber = false;
            const qint64 id = campaignText.toLongLong(&isNumber);
            if (!isNumber || id <= 0) {
                reject(record, Text{QT_TRANSLATE_NOOP("vsc", "campaign '%1' is not a campaign id"), {campaignText}});
                continue;
            }
            if (!campaignExists.contains(id)) {
                auto campaign = storage::CampaignRepository(m_database).byId(id);
                if (!campaign && campaign.error().code != ErrorCode::NotFound) {
                    return campaign.error();
                }
                campaignExists.insert(id, campaign.ok());
            }
            if (!campaignExists.value(id)) {
                reject(record, Text{QT_TRANSLATE_NOOP("vsc", "campaign %1 does not exist"), {QString::number(id)}});
                continue;
            }
            campaignId = id;
        }
        const QString scopeKey = e164.value() + u'|' + (campaignId ? QString::number(*campaignId) : QString());
        if (const auto seen = seenAt.constFind(scopeKey); seen != seenAt.cend()) {
            reject(record,
                   Text{QT_TRANSLATE_NOOP("vsc", "duplicate in file: also on line %1"), {QString::number(*seen)}});
            continue;
        }
        seenAt.insert(scopeKey, record.line);
        const QString reason = reasonColumn >= 0 && !record.fields.at(reasonColumn).trimmed().isEmpty()
                                   ? record.fields.at(reasonColumn).trimmed()
                                   : options.reason;
        entries.append(entryFor(actor, e164.value(), campaignId, reason, QStringLiteral("import")));
        entryLines.append(record.line);
    }
    auto added = storage::SuppressionRepository(m_database).insertMany(entries);
    if (!added) {
        return added.error();
    }
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (added.value().at(i)) {
            ++report.added;
        } else {
            const Text why{QT_TRANSLATE_NOOP("vsc", "already on the do-not-call list"), {}};
            report.rejected.append({entryLines.at(i), why.toString(), shown(actor, entries.at(i).phoneE164), why});
        }
    }
    std::sort(report.rejected.begin(), report.rejected.end(),
              [](const SuppressionRejectedRow &a, const SuppressionRejectedRow &b) { return a.line < b.line; });
    storage::AuditEntry audit =
        storage::auditEntry(actor, QStringLiteral("suppression.import"), QStringLiteral("suppression"));
    audit.details = {{QStringLiteral("rows"), report.rows},
                     {QStringLiteral("added"), report.added},
                     {QStringLiteral("rejected"), int(report.rejected.size())}};
    if (auto logged = storage::AuditRepository(m_database).record(audit); !logged) {
        return logged.error();
    }
    return report;
}

Result<QList<storage::Suppression>> SuppressionService::list(const Actor &actor,
                                                             const storage::SuppressionFilter &filter)
{
    if (auto allowed = mayRead(actor, QStringLiteral("read the do-not-call list")); !allowed) {
        return allowed.error();
    }
    storage::SuppressionFilter narrowed = filter;
    if (!actor.has(Permission::PiiView)) {
        // A masked list must not be searchable digit by digit for the hidden part either.
        narrowed.numberFragment.clear();
    }
    auto entries = storage::SuppressionRepository(m_database).list(narrowed);
    if (!entries || actor.has(Permission::PiiView)) {
        return entries;
    }
    for (storage::Suppression &entry : entries.value()) {
        entry.phoneE164 = maskPhoneNumber(entry.phoneE164);
    }
    return entries;
}

Result<QByteArray> SuppressionService::exportCsv(const Actor &actor, const storage::SuppressionFilter &filter)
{
    storage::SuppressionFilter all = filter;
    all.limit = 0;
    auto entries = list(actor, all);
    if (!entries) {
        return entries.error();
    }
    QByteArray csv(results::kUtf8Bom);
    csv += results::csvRecord({QStringLiteral("number"), QStringLiteral("scope"), QStringLiteral("campaign_id"),
                               QStringLiteral("campaign"), QStringLiteral("reason"), QStringLiteral("source"),
                               QStringLiteral("added_at"), QStringLiteral("added_by")});
    for (const storage::Suppression &entry : std::as_const(entries.value())) {
        csv += results::csvRecord(
            {entry.phoneE164, entry.campaignId ? QStringLiteral("campaign") : QStringLiteral("all"),
             entry.campaignId ? QString::number(*entry.campaignId) : QString(), entry.campaignName, entry.reason,
             entry.source, entry.createdAt.toString(Qt::ISODate), entry.createdByName});
    }
    storage::AuditEntry audit =
        storage::auditEntry(actor, QStringLiteral("suppression.export"), QStringLiteral("suppression"));
    audit.details = {{QStringLiteral("entries"), int(entries.value().size())},
                     {QStringLiteral("numbersMasked"), !actor.has(Permission::PiiView)}};
    if (auto logged = storage::AuditRepository(m_database).record(audit); !logged) {
        return logged.error();
    }
    return csv;
}

} // namespace vsc::services::suppression
