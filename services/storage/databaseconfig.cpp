// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/databaseconfig.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace vsc::services::storage {

Result<DatabaseConfig> DatabaseConfig::fromUrl(const QString &url)
{
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty()) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("empty database URL")};
    }
    DatabaseConfig config;
    if (trimmed.startsWith(QLatin1String("sqlite:"))) {
        QString path = trimmed.mid(int(qstrlen("sqlite:")));
        if (path.startsWith(QLatin1String("//"))) {
            path = path.mid(2); // sqlite:///abs/path -> /abs/path
        }
        if (path.isEmpty()) {
            return Error{ErrorCode::InvalidArgument, QStringLiteral("sqlite URL without a file path")};
        }
        config.backend = Backend::Sqlite;
        config.sqlitePath = path;
        return config;
    }
    if (!trimmed.contains(QLatin1String("://"))) {
        config.backend = Backend::Sqlite;
        config.sqlitePath = trimmed;
        return config;
    }
    const QUrl parsed(trimmed, QUrl::StrictMode);
    if (!parsed.isValid()) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("malformed database URL: %1").arg(parsed.errorString())};
    }
    const QString scheme = parsed.scheme().toLower();
    if (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres")) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("unsupported database scheme '%1' (use postgresql:// or sqlite:)").arg(scheme)};
    }
    if (!parsed.password().isEmpty()) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("database URLs must not contain a password; store it in the keychain, "
                                    "PGPASSWORD or ~/.pgpass")};
    }
    config.backend = Backend::Postgres;
    config.host = parsed.host().isEmpty() ? QStringLiteral("localhost") : parsed.host();
    config.port = parsed.port(5432);
    config.user = parsed.userName();
    config.databaseName = parsed.path().mid(1);
    if (config.databaseName.isEmpty()) {
        config.databaseName = config.user.isEmpty() ? QStringLiteral("postgres") : config.user;
    }
    QStringList options;
    const auto items = QUrlQuery(parsed).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key == QLatin1String("password")) {
            return Error{ErrorCode::InvalidArgument, QStringLiteral("database URLs must not contain a password")};
        }
        options << key + u'=' + value;
    }
    config.connectOptions = options.join(u';');
    return config;
}

DatabaseConfig DatabaseConfig::embeddedDefault()
{
    DatabaseConfig config;
    config.backend = Backend::Sqlite;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    config.sqlitePath = QDir(dir).filePath(QStringLiteral("voicesurvey.sqlite"));
    return config;
}

QString DatabaseConfig::displayName() const
{
    if (backend == Backend::Sqlite) {
        return QStringLiteral("SQLite %1").arg(sqlitePath);
    }
    const QString who = user.isEmpty() ? QString() : user + u'@';
    return QStringLiteral("PostgreSQL %1%2:%3/%4").arg(who, host).arg(port).arg(databaseName);
}

QString DatabaseConfig::secretKey() const
{
    return QStringLiteral("database/%1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
}

} // namespace vsc::services::storage
