// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "services/auth/local/localsignin.h"
#include "services/auth/local/passwordhasher.h"
#include "services/auth/secretstore.h"
#include "services/auth/session.h"
#include "services/clock.h"
#include "services/storage/migrator.h"
#include "tests/support/testdatabase.h"
#include "ui/consoleservices.h"

#include <QNetworkAccessManager>

#include <optional>

namespace vsc::tests {

// What a GUI test hands the window: a fresh, migrated test database, a local sign-in (minimum hashing cost), an
// in-memory keychain and the ConsoleServices over them, signed in as the file's owner (every permission), as on the
// embedded default. Header-only, for the tests that link the ui layer; one per test function (made in init(),
// dropped in cleanup()), so each starts from an empty database.
class ConsoleFixture final
{
public:
    // `clock` outlives the fixture: a test's own FakeClock, or a SystemClock.
    explicit ConsoleFixture(services::Clock &clock, QNetworkAccessManager *network = nullptr) : m_clock(clock)
    {
        if (!m_db.isValid()) {
            m_error = m_db.errorString();
            return;
        }
        if (auto migrated = services::storage::Migrator(m_db.database()).migrate(); !migrated) {
            m_error = migrated.error().toString();
            return;
        }
        m_signIn.emplace(m_db.database(), clock, m_hasher);
        // Braces: clang (clang-tidy) has no C++20 parenthesised aggregate initialisation.
        m_services.emplace(
            ui::ConsoleServices{m_db.database(), clock, m_session, m_hasher, *m_signIn, m_secrets, network, nullptr});
        m_session.begin(Actor::fileOwner(QStringLiteral("tester")), services::auth::SignInMethod::Local);
    }
    Q_DISABLE_COPY_MOVE(ConsoleFixture)

    [[nodiscard]] bool isValid() const { return m_error.isEmpty(); }
    [[nodiscard]] QString errorString() const { return m_error; }

    [[nodiscard]] TestDatabase &testDatabase() { return m_db; }
    [[nodiscard]] services::storage::Database &database() { return m_db.database(); }
    [[nodiscard]] services::Clock &clock() { return m_clock; }
    // Only while isValid().
    [[nodiscard]] ui::ConsoleServices &services() { return *m_services; }
    [[nodiscard]] services::auth::Session &session() { return m_session; }
    [[nodiscard]] services::auth::LocalSignIn &localSignIn() { return *m_signIn; }
    [[nodiscard]] const services::auth::PasswordHasher &hasher() const { return m_hasher; }
    [[nodiscard]] services::auth::MemorySecretStore &secrets() { return m_secrets; }

private:
    services::Clock &m_clock;
    services::auth::PasswordHasher m_hasher{services::auth::PasswordHasher::Cost::Minimum};
    services::auth::MemorySecretStore m_secrets;
    TestDatabase m_db;
    services::auth::Session m_session;
    std::optional<services::auth::LocalSignIn> m_signIn;
    std::optional<ui::ConsoleServices> m_services;
    QString m_error;
};

} // namespace vsc::tests
