// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"

#include <QSqlDatabase>

namespace vsc::services::storage {

class Database;

// Rolls back unless commit() succeeded. Nests: inside another Transaction on the same connection and thread it
// becomes a SAVEPOINT, so a repository call can join a caller's all-or-nothing unit of work.
class Transaction final
{
public:
    explicit Transaction(const QSqlDatabase &db);
    // On the calling thread's connection to `database`.
    explicit Transaction(Database &database);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    [[nodiscard]] Result<void> begin();
    [[nodiscard]] Result<void> commit();

private:
    Result<void> run(const QString &statement);

    QSqlDatabase m_db;
    int m_level = 0;
    bool m_active = false;
};

} // namespace vsc::services::storage
