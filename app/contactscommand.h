// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace vsc::app {

struct ContactsImportOptions
{
    QString databaseUrl;
    qint64 campaignId = 0;
    QString region = QStringLiteral("US");
    QString mapping; // "phone=Telephone,name=Full Name"
    QString file;
    bool dryRun = false;
    bool json = false;
};

// `voicesurvey-console contacts import --campaign ID --region US FILE.csv [--map phone=Telephone,...] [--dry-run]`:
// prints the counts and every rejected row with its line; exit 0 when the file was read (even with rejected rows).
int runContactsImport(const ContactsImportOptions &options);

} // namespace vsc::app
