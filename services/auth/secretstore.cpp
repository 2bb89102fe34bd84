// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/secretstore.h"

#include <QEventLoop>

#include <qt6keychain/keychain.h>

namespace vsc::services::auth {
namespace {

Error keychainError(const QKeychain::Job &job, const QString &key)
{
    const ErrorCode code = job.error() == QKeychain::EntryNotFound ? ErrorCode::NotFound : ErrorCode::Secret;
    return Error{code, QStringLiteral("keychain entry '%1': %2").arg(key, job.errorString())};
}

// Starts a QtKeychain job and waits for it; the job deletes itself afterwards.
void runJob(QKeychain::Job &job)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    job.start();
    if (!finished) { // without a Secret Service the job can fail inside start()
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service) : m_service(std::move(service))
{
}

Result<QString> KeychainSecretStore::read(const QString &key)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(key);
    runJob(job);
    if (job.error() != QKeychain::NoError) {
        return keychainError(job, key);
    }
    return job.textData();
}

Result<void> KeychainSecretStore::write(const QString &key, const QString &secret)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(key);
    job.setTextData(secret);
    runJob(job);
    if (job.error() != QKeychain::NoError) {
        return keychainError(job, key);
    }
    return {};
}

Result<void> KeychainSecretStore::remove(const QString &key)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(key);
    runJob(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound) {
        return keychainError(job, key);
    }
    return {};
}

Result<QString> MemorySecretStore::read(const QString &key)
{
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.cend()) {
        return Error{ErrorCode::NotFound, QStringLiteral("no secret '%1'").arg(key)};
    }
    return *it;
}

Result<void> MemorySecretStore::write(const QString &key, const QString &secret)
{
    m_secrets.insert(key, secret);
    return {};
}

Result<void> MemorySecretStore::remove(const QString &key)
{
    m_secrets.remove(key);
    return {};
}

} // namespace vsc::services::auth
