// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"

#include <QHash>
#include <QString>

namespace vsc::services::auth {

// Where secrets live: the Twilio auth token, refresh tokens, database passwords. Never QSettings, never logs.
// read() of a missing key returns ErrorCode::NotFound.
class SecretStore
{
public:
    SecretStore() = default;
    virtual ~SecretStore() = default;
    Q_DISABLE_COPY_MOVE(SecretStore)

    virtual Result<QString> read(const QString &key) = 0;
    virtual Result<void> write(const QString &key, const QString &secret) = 0;
    virtual Result<void> remove(const QString &key) = 0;
};

// The OS keychain through QtKeychain (Secret Service, macOS Keychain, Windows Credential Store), with the
// insecure plain-text fallback disabled. Each call blocks the calling thread on a local event loop until the
// keychain answers; keep calls off hot paths (start-up and settings only).
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("VoiceSurvey Console"));

    Result<QString> read(const QString &key) override;
    Result<void> write(const QString &key, const QString &secret) override;
    Result<void> remove(const QString &key) override;

private:
    QString m_service;
};

// For tests and for headless runs where the environment supplies secrets.
class MemorySecretStore final : public SecretStore
{
public:
    MemorySecretStore() = default;

    Result<QString> read(const QString &key) override;
    Result<void> write(const QString &key, const QString &secret) override;
    Result<void> remove(const QString &key) override;

private:
    QHash<QString, QString> m_secrets;
};

} // namespace vsc::services::auth
