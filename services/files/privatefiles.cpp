// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/files/privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

namespace vsc::services::files {
namespace {

constexpr QFile::Permissions kPrivateDirectory = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
constexpr QFile::Permissions kPrivateFile = QFile::ReadOwner | QFile::WriteOwner;

Error ioError(const QString &what, const QString &path, const QString &why)
{
    return Error{ErrorCode::Io, QStringLiteral("cannot %1 %2: %3").arg(what, path, why)};
}

} // namespace

Result<void> makePrivateDirectory(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (QFileInfo(absolute).isDir()) {
        return {};
    }
    // Collect the missing components, then create them outermost first, each 0700.
    QStringList missing;
    for (QString current = absolute; !QFileInfo::exists(current);) {
        missing.prepend(current);
        const QString parent = QFileInfo(current).absolutePath();
        if (parent == current) {
            break;
        }
        current = parent;
    }
    for (const QString &directory : std::as_const(missing)) {
        // mkdir() fails when another process made it meanwhile; only a missing directory afterwards is an error.
        if (!QDir().mkdir(directory, kPrivateDirectory) && !QFileInfo(directory).isDir()) {
            return ioError(QStringLiteral("create directory"), directory, QStringLiteral("mkdir failed"));
        }
    }
    if (!QFileInfo(absolute).isDir()) {
        return ioError(QStringLiteral("create directory"), absolute, QStringLiteral("not a directory"));
    }
    return {};
}

Result<void> makeOwnDirectory(const QString &path)
{
    if (auto made = makePrivateDirectory(path); !made) {
        return made;
    }
    if (!QFile::setPermissions(path, kPrivateDirectory)) {
        return ioError(QStringLiteral("restrict"), path, QStringLiteral("chmod 0700 failed"));
    }
    return {};
}

Result<void> makePrivateFile(const QString &path)
{
    if (QFileInfo::exists(path)) {
        return restrictToOwner(path);
    }
    QFile file(path);
    // Created with 0600 from the start, never readable by others, not even for a moment.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append, kPrivateFile)) {
        return ioError(QStringLiteral("create"), path, file.errorString());
    }
    return restrictToOwner(path); // the file may have appeared between the check and the open
}

Result<void> restrictToOwner(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        return {};
    }
    if (!QFile::setPermissions(path, kPrivateFile)) {
        return ioError(QStringLiteral("restrict"), path, QStringLiteral("chmod 0600 failed"));
    }
    return {};
}

} // namespace vsc::services::files
