// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/storage/database.h"

namespace vsc::tests {

struct CallFixture
{
    qint64 campaignId = 0;
    qint64 contactId = 0;
    qint64 attemptId = 0;
    qint64 scriptVersionId = 0;
    QString phone;
};

// A running campaign on the sample script (resources/scripts/customer-satisfaction.json) with one contact and one
// claimed call attempt, ready for webhook requests. The database must be migrated.
Result<CallFixture> makeCallFixture(services::storage::Database &database,
                                    const QString &phone = QStringLiteral("+14155550142"));
// Brings a fresh test database to the newest schema, then makes the fixture above.
Result<CallFixture> migrateAndMakeCallFixture(services::storage::Database &database,
                                              const QString &phone = QStringLiteral("+14155550142"));
// A script file's JSON stored as a new script with one version; the version's id.
Result<qint64> storeScript(services::storage::Database &database, const QByteArray &json);
// Another attempt on a new contact of the same campaign.
Result<qint64> addAttempt(services::storage::Database &database, const CallFixture &fixture, const QString &phone);

} // namespace vsc::tests
