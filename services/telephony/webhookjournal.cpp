// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/telephony/webhookjournal.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <unistd.h>

namespace vsc::services::telephony {
namespace {

QByteArray toLine(const JournalEntry &entry)
{
    QJsonArray params;
    for (const auto &[name, value] : entry.params) {
        params.append(QJsonArray{name, value});
    }
    QJsonObject object{{QStringLiteral("route"), entry.route},
                       {QStringLiteral("attempt"), entry.attemptId},
                       {QStringLiteral("receivedAt"), entry.receivedAt.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("params"), params}};
    if (entry.turn) {
        object.insert(QStringLiteral("turn"), *entry.turn);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<JournalEntry> fromLine(const QByteArray &line)
{
    const QJsonObject object = QJsonDocument::fromJson(line).object();
    if (object.isEmpty()) {
        return std::nullopt; // a torn last line (power cut mid-write): nothing was replied for it
    }
    JournalEntry entry;
    entry.route = object.value(QStringLiteral("route")).toString();
    entry.attemptId = object.value(QStringLiteral("attempt")).toInteger();
    entry.receivedAt = QDateTime::fromString(object.value(QStringLiteral("receivedAt")).toString(), Qt::ISODateWithMs);
    if (object.contains(QStringLiteral("turn"))) {
        entry.turn = object.value(QStringLiteral("turn")).toInt();
    }
    for (const auto &pair : object.value(QStringLiteral("params")).toArray()) {
        entry.params.append({pair.toArray().at(0).toString(), pair.toArray().at(1).toString()});
    }
    return entry;
}

} // namespace

WebhookJournal::WebhookJournal(QString path) : m_path(std::move(path))
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    m_lock = std::make_unique<QLockFile>(m_path + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0); // a lock whose process is gone is stale however recent
    if (!m_lock->tryLock(0)) {
        m_error = QStringLiteral("the journal %1 is in use by another process").arg(m_path);
        return;
    }
    QFile file(m_path);
    if (file.open(QIODevice::ReadOnly)) {
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (auto entry = fromLine(line); entry) {
                m_entries.append(*entry);
            }
        }
    }
}

WebhookJournal::~WebhookJournal() = default;

Result<void> WebhookJournal::append(const JournalEntry &entry)
{
    if (!m_error.isEmpty()) {
        return Error{ErrorCode::Io, m_error};
    }
    QFile file(m_path);
    // Unbuffered: after a failed write nothing stays in a buffer to be written behind the truncation on close.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        return Error{ErrorCode::Io, QStringLiteral("cannot write the journal %1: %2").arg(m_path, file.errorString())};
    }
    const QByteArray line = toLine(entry);
    const qint64 before = file.size();
    if (file.write(line) != line.size() || !file.flush() || ::fdatasync(file.handle()) != 0) {
        const QString reason = file.errorString();
        // A short write (disk full, file size limit) leaves a torn line; the next line would be glued to it and
        // both lost. Cut the file back to what it held before.
        file.unsetError();
        if (::ftruncate(file.handle(), before) != 0 || ::fdatasync(file.handle()) != 0) {
            m_error = QStringLiteral("the journal %1 holds a torn line that could not be removed").arg(m_path);
        }
        return Error{ErrorCode::Io, QStringLiteral("cannot write the journal %1: %2").arg(m_path, reason)};
    }
    m_entries.append(entry);
    return {};
}

Result<void> WebhookJournal::dropFirst(qsizetype count)
{
    m_entries.remove(0, qMin(count, m_entries.size()));
    return writeAll();
}

Result<void> WebhookJournal::writeAll()
{
    if (m_entries.isEmpty()) {
        QFile::remove(m_path);
        return {};
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{ErrorCode::Io,
                     QStringLiteral("cannot rewrite the journal %1: %2").arg(m_path, file.errorString())};
    }
    for (const JournalEntry &entry : std::as_const(m_entries)) {
        file.write(toLine(entry));
    }
    if (!file.commit()) {
        return Error{ErrorCode::Io,
                     QStringLiteral("cannot rewrite the journal %1: %2").arg(m_path, file.errorString())};
    }
    return {};
}

QString WebhookJournal::pathPrefix(const QString &stateDirectory, const QString &role, const QString &databaseName)
{
    const QByteArray hash = QCryptographicHash::hash(databaseName.toUtf8(), QCryptographicHash::Sha1).toHex().left(8);
    return QDir(stateDirectory).filePath(QStringLiteral("journal/%1-%2").arg(role, QString::fromLatin1(hash)));
}

QString WebhookJournal::defaultPath(const QString &stateDirectory, const QString &role, const QString &databaseName)
{
    return pathPrefix(stateDirectory, role, databaseName) + QStringLiteral(".jsonl");
}

QStringList WebhookJournal::journalsWithPrefix(const QString &prefix)
{
    const QFileInfo info(prefix);
    const QString base = info.fileName();
    QStringList paths;
    const QDir dir = info.absoluteDir();
    for (const QString &name : dir.entryList({base + QStringLiteral("*.jsonl")}, QDir::Files, QDir::Name)) {
        if (name == base + QStringLiteral(".jsonl") || name.startsWith(base + u'-')) {
            paths << dir.filePath(name);
        }
    }
    return paths;
}

} // namespace vsc::services::telephony
