// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QNetworkAccessManager;

namespace vsc::services {
class Clock;
namespace auth {
class LocalSignIn;
class PasswordHasher;
class SecretStore;
class Session;
} // namespace auth
namespace dialer {
class CampaignControl;
}
namespace storage {
class Database;
}
} // namespace vsc::services

namespace vsc::ui {

// What the window works with, built by app/: the database, the clock, who is signed in, and the services that
// act for them. Each service checks the signed-in actor's permissions itself; the window only mirrors them.
struct ConsoleServices
{
    services::storage::Database &database;
    services::Clock &clock;
    services::auth::Session &session;
    const services::auth::PasswordHasher &hasher;
    services::auth::LocalSignIn &localSignIn;
    services::auth::SecretStore &secrets;                 // the identity provider's refresh tokens
    QNetworkAccessManager *network = nullptr;             // for the identity provider
    services::dialer::CampaignControl *control = nullptr; // null: this window cannot dial
};

} // namespace vsc::ui
