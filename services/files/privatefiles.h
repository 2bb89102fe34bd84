// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"

#include <QString>

namespace vsc::services::files {

// The database, the webhook journal and the logs hold phone numbers and answers, and anyone who can write the
// journal can forge webhooks: our directories are 0700 and our files 0600 whatever the umask (a umask only ever
// removes permission bits, so creating with these modes is enough). Synchronous, any thread.

// Creates `path` and every missing parent with mode 0700 (as the XDG base directory spec asks for). Directories that
// already exist are left as they are: a user's --database sqlite:/tmp/x.sqlite must not chmod /tmp.
Result<void> makePrivateDirectory(const QString &path);

// makePrivateDirectory(), then tightens `path` itself to 0700: for the directories that are ours alone (the state
// directory, its logs/ and journal/, the embedded database's), which an older version made under the umask.
Result<void> makeOwnDirectory(const QString &path);

// Creates `path` empty with mode 0600 if it does not exist, else tightens it to 0600. Its directory must exist.
Result<void> makePrivateFile(const QString &path);

// Tightens `path` to 0600 if it exists (a file someone else created, e.g. SQLite's WAL); a missing file is fine.
Result<void> restrictToOwner(const QString &path);

} // namespace vsc::services::files
