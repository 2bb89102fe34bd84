// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/storage/database.h"

#include <QTemporaryDir>
#include <QVariantList>

#include <memory>

namespace vsc::tests {

// A fresh, empty database for one test on the backend chosen by VSC_TEST_BACKEND ("sqlite", the default, or
// "postgres"). PostgreSQL mode creates a uniquely named database on the server at VSC_TEST_PG_URL (started by
// scripts/test.sh) and drops it afterwards. A missing server is a failure, never a skip.
class TestDatabase final
{
public:
    TestDatabase();
    ~TestDatabase();
    Q_DISABLE_COPY_MOVE(TestDatabase)

    [[nodiscard]] bool isValid() const { return m_database != nullptr; }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] services::storage::Database &database() { return *m_database; }
    [[nodiscard]] QString url() const { return m_url; }
    [[nodiscard]] bool isPostgres() const { return m_postgres; }
    // A second, independent connection to the same database, as another console would have; null if it fails.
    [[nodiscard]] std::unique_ptr<services::storage::Database> openAnotherConnection() const;

    static bool postgresRequested();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<services::storage::Database> m_database;
    QString m_url;
    QString m_error;
    QString m_adminUrl;
    QString m_pgName;
    bool m_postgres = false;
};

// The first column of the first row as an int (SELECT COUNT(*) ...), or -1 when the query fails.
[[nodiscard]] int count(services::storage::Database &database, const QString &sql, const QVariantList &params = {});

} // namespace vsc::tests
