// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/campaigns/campaignjson.h"

#include "services/campaigns/campaignvalidation.h"

#include <QJsonArray>
#include <QSet>

namespace vsc::services::campaigns {
namespace {

QString hhmm(const QTime &t)
{
    return t.isValid() ? t.toString(QStringLiteral("HH:mm")) : QString();
}

QJsonArray weekdaysArray(const QString &csv)
{
    QJsonArray days;
    for (const QString &day : csv.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int d = day.trimmed().toInt(&ok);
        days.append(ok ? QJsonValue(d) : QJsonValue(day.trimmed()));
    }
    return days;
}

QJsonArray datesArray(const QString &csv)
{
    QJsonArray dates;
    for (const QString &date : csv.split(u',', Qt::SkipEmptyParts)) {
        dates.append(date.trimmed());
    }
    return dates;
}

const char *typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return "true/false";
    case QJsonValue::Double:
        return "a number";
    case QJsonValue::String:
        return "text";
    case QJsonValue::Array:
        return "a list";
    case QJsonValue::Object:
        return "an object";
    case QJsonValue::Undefined:
        break;
    }
    return "nothing";
}

// Reads the keys of one JSON object, reporting wrong types and unknown keys under `prefix`.
class Reader
{
public:
    Reader(const QJsonObject &object, QString prefix, QList<FieldProblem> &problems)
        : m_object(object), m_prefix(std::move(prefix)), m_problems(problems)
    {
    }

    bool has(const QString &key)
    {
        m_known.insert(key);
        return m_object.contains(key);
    }
    QString name(const QString &key) const { return m_prefix.isEmpty() ? key : m_prefix + u'.' + key; }
    void wrongType(const QString &key, const QString &expected)
    {
        m_problems.append(
            {name(key),
             QStringLiteral("expected %1, found %2").arg(expected, QLatin1String(typeName(m_object.value(key))))});
    }
    void text(const QString &key, QString &out)
    {
        if (!has(key)) {
            return;
        }
        if (!m_object.value(key).isString()) {
            return wrongType(key, QStringLiteral("text"));
        }
        out = m_object.value(key).toString();
    }
    void number(const QString &key, double &out)
    {
        if (!has(key)) {
            return;
        }
        if (!m_object.value(key).isDouble()) {
            return wrongType(key, QStringLiteral("a number"));
        }
        out = m_object.value(key).toDouble();
    }
    void integer(const QString &key, int &out)
    {
        if (!has(key)) {
            return;
        }
        const QJsonValue v = m_object.value(key);
        if (!v.isDouble() || v.toDouble() != static_cast<double>(v.toInteger()) || v.toInteger() < INT_MIN ||
            v.toInteger() > INT_MAX) {
            return wrongType(key, QStringLiteral("a whole number"));
        }
        out = static_cast<int>(v.toInteger());
    }
    void time(const QString &key, QTime &out)
    {
        QString text;
        const bool present = m_object.contains(key);
        this->text(key, text);
        if (!present || !m_object.value(key).isString()) {
            return;
        }
        out = QTime::fromString(text, QStringLiteral("HH:mm"));
        if (!out.isValid()) {
            m_problems.append({name(key), QStringLiteral("\"%1\" is not a time; use HH:mm, e.g. 08:00").arg(text)});
        }
    }
    // A list of values joined into the stored comma-separated form.
    void list(const QString &key, QString &out)
    {
        if (!has(key)) {
            return;
        }
        if (!m_object.value(key).isArray()) {
            return wrongType(key, QStringLiteral("a list"));
        }
        QStringList items;
        const QJsonArray array = m_object.value(key).toArray();
        for (const QJsonValue v : array) {
            items << (v.isDouble() ? QString::number(v.toDouble()) : v.toString());
        }
        out = items.join(u',');
    }
    void boolean(const QString &key, bool &out)
    {
        if (!has(key)) {
            return;
        }
        if (!m_object.value(key).isBool()) {
            return wrongType(key, QStringLiteral("true or false"));
        }
        out = m_object.value(key).toBool();
    }
    void object(const QString &key, QVariantMap &out)
    {
        if (!has(key)) {
            return;
        }
        if (!m_object.value(key).isObject()) {
            return wrongType(key, QStringLiteral("an object"));
        }
        out = m_object.value(key).toObject().toVariantMap();
    }
    QJsonObject section(const QString &key)
    {
        if (!has(key)) {
            return {};
        }
        if (!m_object.value(key).isObject()) {
            wrongType(key, QStringLiteral("an object"));
            return {};
        }
        return m_object.value(key).toObject();
    }
    void reportUnknown()
    {
        for (const QString &key : m_object.keys()) {
            if (!m_known.contains(key)) {
                m_problems.append({name(key), QStringLiteral("unknown key; see docs/CAMPAIGN_FORMAT.md")});
            }
        }
    }

private:
    QJsonObject m_object;
    QString m_prefix;
    QList<FieldProblem> &m_problems;
    QSet<QString> m_known;
};

} // namespace

QJsonObject campaignToJson(const Campaign &c)
{
    QJsonObject json;
    if (c.id != 0) {
        json.insert(QStringLiteral("id"), c.id);
        json.insert(QStringLiteral("status"), campaignStatusKey(c.status));
    }
    json.insert(QStringLiteral("name"), c.name);
    json.insert(QStringLiteral("description"), c.description);
    json.insert(QStringLiteral("script_version_id"),
                c.scriptVersionId ? QJsonValue(*c.scriptVersionId) : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("caller_id"), c.callerId);
    json.insert(QStringLiteral("language"), c.language);
    json.insert(QStringLiteral("voice"), c.voice);
    json.insert(QStringLiteral("window"),
                QJsonObject{{QStringLiteral("start"), hhmm(c.windowStart)},
                            {QStringLiteral("end"), hhmm(c.windowEnd)},
                            {QStringLiteral("blocked_weekdays"), weekdaysArray(c.blockedWeekdays)},
                            {QStringLiteral("blocked_dates"), datesArray(c.blockedDates)}});
    json.insert(QStringLiteral("pacing"), QJsonObject{{QStringLiteral("calls_per_second"), c.callsPerSecond},
                                                      {QStringLiteral("max_concurrent_calls"), c.maxConcurrentCalls}});
    json.insert(QStringLiteral("attempts"),
                QJsonObject{{QStringLiteral("max"), c.maxAttempts},
                            {QStringLiteral("retry_delay_seconds"), QJsonObject::fromVariantMap(c.retryPolicy)}});
    json.insert(QStringLiteral("quotas"), QJsonObject::fromVariantMap(c.quotas));
    json.insert(QStringLiteral("answering_machine"),
                QJsonObject{{QStringLiteral("action"), machineActionKey(c.machineAction)},
                            {QStringLiteral("message"), c.machineMessage}});
    json.insert(QStringLiteral("reports"),
                QJsonObject{{QStringLiteral("recipients"),
                             QJsonArray::fromStringList(c.reportRecipients.split(u',', Qt::SkipEmptyParts))},
                            {QStringLiteral("daily_summary"), c.dailySummary}});
    if (c.archivedAt.isValid()) {
        json.insert(QStringLiteral("archived_at"), c.archivedAt.toString(Qt::ISODate));
    }
    return json;
}

Campaign campaignFromJson(const QJsonObject &json, const Campaign &base, QList<FieldProblem> &problems)
{
    Campaign c = base;
    Reader top(json, {}, problems);
    top.has(QStringLiteral("id")); // read-only: written by show, ignored here
    top.has(QStringLiteral("status"));
    top.has(QStringLiteral("archived_at"));
    top.text(field::name, c.name);
    top.text(field::description, c.description);
    if (top.has(field::scriptVersion)) {
        const QJsonValue v = json.value(field::scriptVersion);
        if (v.isNull()) {
            c.scriptVersionId.reset();
        } else if (v.isDouble() && v.toDouble() == static_cast<double>(v.toInteger()) && v.toInteger() > 0) {
            c.scriptVersionId = v.toInteger();
        } else {
            top.wrongType(field::scriptVersion, QStringLiteral("a script version id or null"));
        }
    }
    top.text(field::callerId, c.callerId);
    top.text(field::language, c.language);
    top.text(field::voice, c.voice);

    const QJsonObject windowJson = top.section(QStringLiteral("window"));
    Reader window(windowJson, QStringLiteral("window"), problems);
    window.time(QStringLiteral("start"), c.windowStart);
    window.time(QStringLiteral("end"), c.windowEnd);
    window.list(QStringLiteral("blocked_weekdays"), c.blockedWeekdays);
    window.list(QStringLiteral("blocked_dates"), c.blockedDates);
    window.reportUnknown();

    const QJsonObject pacingJson = top.section(QStringLiteral("pacing"));
    Reader pacing(pacingJson, QStringLiteral("pacing"), problems);
    pacing.number(QStringLiteral("calls_per_second"), c.callsPerSecond);
    pacing.integer(QStringLiteral("max_concurrent_calls"), c.maxConcurrentCalls);
    pacing.reportUnknown();

    const QJsonObject attemptsJson = top.section(QStringLiteral("attempts"));
    Reader attempts(attemptsJson, QStringLiteral("attempts"), problems);
    attempts.integer(QStringLiteral("max"), c.maxAttempts);
    attempts.object(QStringLiteral("retry_delay_seconds"), c.retryPolicy);
    attempts.reportUnknown();

    top.object(field::quotas, c.quotas);

    const QJsonObject machineJson = top.section(QStringLiteral("answering_machine"));
    Reader machine(machineJson, QStringLiteral("answering_machine"), problems);
    QString action = machineActionKey(c.machineAction);
    const bool hadAction = machineJson.contains(QStringLiteral("action"));
    machine.text(QStringLiteral("action"), action);
    if (const auto parsed = machineActionFromKey(action)) {
        c.machineAction = *parsed;
    } else if (hadAction) {
        problems.append({field::machineAction, QStringLiteral("use \"hang_up\" or \"leave_message\"")});
    }
    machine.text(QStringLiteral("message"), c.machineMessage);
    machine.reportUnknown();

    const QJsonObject reportsJson = top.section(QStringLiteral("reports"));
    Reader reports(reportsJson, QStringLiteral("reports"), problems);
    reports.list(QStringLiteral("recipients"), c.reportRecipients);
    reports.boolean(QStringLiteral("daily_summary"), c.dailySummary);
    reports.reportUnknown();
    top.reportUnknown();
    return c;
}

QVariantMap campaignFields(const Campaign &c)
{
    return {{field::name, c.name},
            {field::description, c.description},
            {field::scriptVersion, c.scriptVersionId ? QVariant(*c.scriptVersionId) : QVariant()},
            {field::callerId, c.callerId},
            {field::language, c.language},
            {field::voice, c.voice},
            {field::windowStart, hhmm(c.windowStart)},
            {field::windowEnd, hhmm(c.windowEnd)},
            {field::blockedWeekdays, c.blockedWeekdays},
            {field::blockedDates, c.blockedDates},
            {field::callsPerSecond, c.callsPerSecond},
            {field::maxConcurrentCalls, c.maxConcurrentCalls},
            {field::maxAttempts, c.maxAttempts},
            {field::retryDelays, c.retryPolicy},
            {field::quotas, c.quotas},
            {field::machineAction, machineActionKey(c.machineAction)},
            {field::machineMessage, c.machineMessage},
            {field::reportRecipients, c.reportRecipients},
            {field::dailySummary, c.dailySummary}};
}

std::pair<QVariantMap, QVariantMap> changedFields(const Campaign &before, const Campaign &after)
{
    const QVariantMap old = campaignFields(before);
    const QVariantMap now = campaignFields(after);
    QVariantMap was;
    QVariantMap is;
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        // Compared as JSON: a retry policy read back from the database holds doubles where the editor has ints.
        if (QJsonValue::fromVariant(old.value(it.key())) != QJsonValue::fromVariant(it.value())) {
            was.insert(it.key(), old.value(it.key()));
            is.insert(it.key(), it.value());
        }
    }
    return {was, is};
}

} // namespace vsc::services::campaigns
