// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/callfixture.h"

#include "services/dialogue/script.h"
#include "services/storage/callrepository.h"
#include "services/storage/campaignrepository.h"
#include "services/storage/contactrepository.h"
#include "services/storage/migrator.h"
#include "services/storage/scriptrepository.h"

#include <QFile>

namespace vsc::tests {

using namespace vsc::services;

Result<qint64> storeScript(storage::Database &database, const QByteArray &json)
{
    const dialogue::LoadedScript loaded = dialogue::loadScript(json);
    if (!loaded.ok()) {
        return Error{ErrorCode::InvalidArgument, loaded.problems.constFirst().message};
    }
    storage::ScriptRepository scripts(database);
    auto scriptId = scripts.createScript(loaded.script.name);
    if (!scriptId) {
        return scriptId.error();
    }
    ScriptVersion version = dialogue::toScriptVersion(loaded.script);
    version.scriptId = scriptId.value();
    auto stored = scripts.addVersion(version);
    if (!stored) {
        return stored.error();
    }
    return stored.value().id;
}

Result<qint64> addAttempt(storage::Database &database, const CallFixture &fixture, const QString &phone)
{
    Contact contact;
    contact.campaignId = fixture.campaignId;
    contact.phoneE164 = phone;
    contact.name = QStringLiteral("Pat Example");
    auto contactId = storage::ContactRepository(database).add(contact);
    if (!contactId) {
        return contactId.error();
    }
    CallAttempt attempt;
    attempt.contactId = contactId.value();
    attempt.campaignId = fixture.campaignId;
    attempt.provider = CallProvider::Twilio;
    attempt.status = CallStatus::Claimed;
    return storage::CallRepository(database).createAttempt(attempt);
}

Result<CallFixture> migrateAndMakeCallFixture(storage::Database &database, const QString &phone)
{
    auto migrated = storage::Migrator(database).migrate();
    if (!migrated) {
        return migrated.error();
    }
    return makeCallFixture(database, phone);
}

Result<CallFixture> makeCallFixture(storage::Database &database, const QString &phone)
{
    QFile file(QStringLiteral(":/scripts/customer-satisfaction.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{ErrorCode::Io, QStringLiteral("sample script resource missing")};
    }
    auto stored = storeScript(database, file.readAll());
    if (!stored) {
        return stored.error();
    }
    CallFixture fixture;
    fixture.scriptVersionId = stored.value();
    Campaign campaign;
    campaign.name = QStringLiteral("Webhook test");
    campaign.status = CampaignStatus::Running;
    campaign.scriptVersionId = fixture.scriptVersionId;
    campaign.callerId = QStringLiteral("+15005550006");
    // Open around the clock so tests do not depend on the hour they run at; window tests set their own.
    campaign.windowStart = QTime(0, 0);
    campaign.windowEnd = QTime(0, 0);
    auto campaignId = storage::CampaignRepository(database).create(campaign, Actor::system(QStringLiteral("test")));
    if (!campaignId) {
        return campaignId.error();
    }
    fixture.campaignId = campaignId.value();
    fixture.phone = phone;
    auto attempt = addAttempt(database, fixture, phone);
    if (!attempt) {
        return attempt.error();
    }
    fixture.attemptId = attempt.value();
    auto contact = storage::CallRepository(database).attempt(fixture.attemptId);
    if (!contact) {
        return contact.error();
    }
    fixture.contactId = contact.value().contactId;
    return fixture;
}

} // namespace vsc::tests
