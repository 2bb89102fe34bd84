// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace vsc::app {

class AppContext;

struct ContactsImportOptions
{
    QString databaseUrl;
    qint64 campaignId = 0;
    QString region = QStringLiteral("US");
    QString mapping; // "phone=Telephone,name=Full Name"
    QString file;
    bool dryRun = false;
    bool json = false;
    QString rejectsFile; // the reject report, when set
};

// `voicesurvey-console contacts import --campaign ID --region US FILE.csv [--map phone=Telephone,...] [--dry-run]
// [--rejects FILE.csv]`: prints the counts and every rejected row with its line; exit 0 when the file was read (even
// with rejected rows). The import runs on a thread of its own with its own database connection while the main thread
// reports progress on stderr (one line rewritten in place on a terminal, a line a second otherwise) and waits for
// SIGINT/SIGTERM, which cancel it: nothing is written, the exit code is 130.
int runContactsImport(AppContext &context, const ContactsImportOptions &options);

struct ExplainOptions
{
    QString databaseUrl;
    qint64 contactId = 0;
    QString at; // ISO 8601; empty = now
    bool json = false;
};

// Why a contact is or is not being dialed at that moment, by the dialer's own rules.
int runExplain(AppContext &context, const ExplainOptions &options);

} // namespace vsc::app
