// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/storage/contactbulkwriter.h"

#include "services/storage/sql.h"

#include <QSqlDriver>

#include <libpq-fe.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace vsc::services::storage {
namespace {

constexpr int kSqliteColumns = 7;
constexpr int kSqliteRowsPerStatement = 500; // 3500 parameters: well under SQLite's 32766 limit
constexpr qsizetype kCopyFlushBytes = qsizetype(256) << 10;

QString sqliteInsert(qsizetype rows)
{
    QString sql = QStringLiteral("INSERT INTO contacts (campaign_id, phone_e164, name, time_zone, language, "
                                 "custom_fields, created_at) VALUES ");
    for (qsizetype i = 0; i < rows; ++i) {
        sql += (i == 0 ? QStringLiteral("(?, ?, ?, ?, ?, ?, ?)") : QStringLiteral(", (?, ?, ?, ?, ?, ?, ?)"));
    }
    return sql;
}

class SqliteWriter final : public ContactBulkWriter
{
public:
    SqliteWriter(const QSqlDatabase &db, qint64 campaignId)
        : m_db(db), m_transaction(db), m_campaignId(campaignId), m_createdAt(toDb(QDateTime::currentDateTimeUtc())),
          m_full(db)
    {
    }

    Result<void> start()
    {
        if (auto begun = m_transaction.begin(); !begun) {
            return begun.error();
        }
        if (!m_full.prepare(sqliteInsert(kSqliteRowsPerStatement))) {
            return sqlError(m_full.lastError(), QStringLiteral("prepare"));
        }
        return {};
    }

    Result<void> write(const QList<ContactRow> &rows) override
    {
        for (const ContactRow &row : rows) {
            m_pending.append(row);
            if (m_pending.size() == kSqliteRowsPerStatement) {
                if (auto flushed = flush(m_full); !flushed) {
                    return flushed;
                }
            }
        }
        return {};
    }

    Result<qint64> commit() override
    {
        if (!m_pending.isEmpty()) {
            QSqlQuery rest(m_db);
            if (!rest.prepare(sqliteInsert(m_pending.size()))) {
                return sqlError(rest.lastError(), QStringLiteral("prepare"));
            }
            if (auto flushed = flush(rest); !flushed) {
                return flushed.error();
            }
        }
        if (auto committed = m_transaction.commit(); !committed) {
            return committed.error();
        }
        return m_written;
    }

private:
    Result<void> flush(QSqlQuery &query)
    {
        int i = 0;
        for (const ContactRow &row : std::as_const(m_pending)) {
            query.bindValue(i++, m_campaignId);
            query.bindValue(i++, row.phoneE164);
            query.bindValue(i++, text(row.name));
            query.bindValue(i++, text(row.timeZone));
            query.bindValue(i++, text(row.language));
            query.bindValue(i++, row.customFieldsJson.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                                : QVariant(QString::fromUtf8(row.customFieldsJson)));
            query.bindValue(i++, m_createdAt);
        }
        static_assert(kSqliteColumns == 7);
        if (!query.exec()) {
            return sqlError(query.lastError(), QStringLiteral("insert contacts"));
        }
        m_written += m_pending.size();
        m_pending.clear();
        return {};
    }

    QSqlDatabase m_db;
    Transaction m_transaction;
    qint64 m_campaignId;
    QVariant m_createdAt;
    QSqlQuery m_full;
    QList<ContactRow> m_pending;
    qint64 m_written = 0;
};

// COPY's text format: backslash, tab, newline and carriage return escaped.
void appendCopyText(QByteArray &out, const QByteArray &value)
{
    for (const char c : value) {
        switch (c) {
        case '\\':
            out.append("\\\\");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        default:
            out.append(c);
        }
    }
}

// Rows go to the server in COPY statements of about 20,000 (kCopyBuffersPerStatement buffers) on a sender thread of
// the writer's own. Why: every row's foreign key on campaigns is checked when its statement ends, serially in the
// server (half its CPU time for the import), so one COPY of a whole file left the client idle for seconds at the end;
// shorter statements spread those checks over the import, and the sender thread waits for them while the caller goes
// on validating. All statements run in the one transaction, so the whole import still commits or rolls back as one.
class PostgresWriter final : public ContactBulkWriter
{
public:
    PostgresWriter(const QSqlDatabase &db, PGconn *conn, qint64 campaignId)
        : m_transaction(db), m_conn(conn), m_campaignPrefix(QByteArray::number(campaignId) + '\t')
    {
    }

    ~PostgresWriter() override
    {
        stopSender(/*abandon=*/true);
        if (m_copying) { // abandoned: the server aborts the COPY, and the transaction then rolls back
            PQputCopyEnd(m_conn, "import cancelled");
            while (PGresult *result = PQgetResult(m_conn)) {
                PQclear(result);
            }
        }
    }
    Q_DISABLE_COPY_MOVE(PostgresWriter)

    Result<void> start()
    {
        if (auto begun = m_transaction.begin(); !begun) {
            return begun.error();
        }
        if (auto copying = startCopy(); !copying) {
            return copying;
        }
        // From here until commit() or destruction only the sender thread touches the connection.
        m_sender = std::thread([this] { sendLoop(); });
        return {};
    }

    Result<void> write(const QList<ContactRow> &rows) override
    {
        for (const ContactRow &row : rows) {
            m_buffer.append(m_campaignPrefix);
            appendCopyText(m_buffer, row.phoneE164.toUtf8());
            m_buffer.append('\t');
            appendCopyText(m_buffer, row.name.toUtf8());
            m_buffer.append('\t');
            appendCopyText(m_buffer, row.timeZone.toUtf8());
            m_buffer.append('\t');
            appendCopyText(m_buffer, row.language.toUtf8());
            m_buffer.append('\t');
            if (row.customFieldsJson.isEmpty()) {
                m_buffer.append("\\N");
            } else {
                appendCopyText(m_buffer, row.customFieldsJson);
            }
            m_buffer.append('\n');
        }
        m_rows += rows.size();
        return m_buffer.size() >= kCopyFlushBytes ? hand(std::exchange(m_buffer, {})) : Result<void>{};
    }

    Result<qint64> commit() override
    {
        if (!m_buffer.isEmpty()) {
            if (auto handed = hand(std::exchange(m_buffer, {})); !handed) {
                return handed.error();
            }
        }
        stopSender(/*abandon=*/false);
        if (m_senderError) {
            return *m_senderError;
        }
        if (auto ended = endCopy(); !ended) {
            return ended.error();
        }
        if (auto committed = m_transaction.commit(); !committed) {
            return committed.error();
        }
        return m_rows;
    }

private:
    static constexpr int kCopyBuffersPerStatement = 4;   // 1 MiB, about 20,000 rows
    static constexpr std::size_t kMaxQueuedBuffers = 16; // 4 MiB ahead of the server at most

    // Queues a full buffer for the sender; waits while the queue is full. The sender's error, once it has one.
    Result<void> hand(QByteArray buffer)
    {
        std::unique_lock lock(m_mutex);
        m_canHand.wait(lock, [this] { return m_queue.size() < kMaxQueuedBuffers || m_senderError; });
        if (m_senderError) {
            return *m_senderError;
        }
        m_queue.push_back(std::move(buffer));
        m_canSend.notify_one();
        return {};
    }

    void sendLoop()
    {
        int buffersInStatement = 0;
        for (;;) {
            QByteArray buffer;
            {
                std::unique_lock lock(m_mutex);
                m_canSend.wait(lock, [this] { return !m_queue.empty() || m_closing; });
                if (m_queue.empty() || m_abandoned) {
                    return;
                }
                buffer = std::move(m_queue.front());
                m_queue.pop_front();
                m_canHand.notify_one();
            }
            Result<void> sent = send(buffer);
            if (sent && ++buffersInStatement == kCopyBuffersPerStatement) {
                buffersInStatement = 0;
                sent = endCopy();
                if (sent) {
                    sent = startCopy();
                }
            }
            if (!sent) {
                std::lock_guard lock(m_mutex);
                m_senderError = sent.error();
                m_queue.clear();
                m_canHand.notify_all();
                return;
            }
        }
    }

    // Lets the sender drain the queue (or, abandoning, drop it) and joins it.
    void stopSender(bool abandon)
    {
        if (!m_sender.joinable()) {
            return;
        }
        {
            std::lock_guard lock(m_mutex);
            m_closing = true;
            m_abandoned = abandon;
            m_canSend.notify_one();
        }
        m_sender.join();
    }

    Result<void> startCopy()
    {
        PGresult *result = PQexec(m_conn, "COPY contacts (campaign_id, phone_e164, name, time_zone, language, "
                                          "custom_fields) FROM STDIN");
        const bool ready = PQresultStatus(result) == PGRES_COPY_IN;
        Error error = ready ? Error{} : errorOf(result, QStringLiteral("start COPY"));
        PQclear(result);
        if (!ready) {
            return error;
        }
        m_copying = true;
        return {};
    }

    Result<void> endCopy()
    {
        m_copying = false;
        if (PQputCopyEnd(m_conn, nullptr) != 1) {
            return connectionError(QStringLiteral("end COPY"));
        }
        if (auto error = copyResult(); error) {
            return *error;
        }
        return {};
    }

    Result<void> send(const QByteArray &buffer)
    {
        if (PQputCopyData(m_conn, buffer.constData(), int(buffer.size())) != 1) {
            return endWithError();
        }
        return {};
    }

    // The server's error for the COPY, when it ended with one.
    std::optional<Error> copyResult()
    {
        std::optional<Error> error;
        while (PGresult *result = PQgetResult(m_conn)) {
            if (PQresultStatus(result) != PGRES_COMMAND_OK && !error) {
                error = errorOf(result, QStringLiteral("COPY contacts"));
            }
            PQclear(result);
        }
        return error;
    }

    // The server refused data (a row failed) or went away: its own message, rather than libpq's "no COPY in
    // progress".
    Error endWithError()
    {
        const Error sending = connectionError(QStringLiteral("COPY contacts"));
        m_copying = false;
        PQputCopyEnd(m_conn, "import failed");
        return copyResult().value_or(sending);
    }

    Error connectionError(const QString &context) const
    {
        return sqlError(QSqlError(QString(), QString::fromUtf8(PQerrorMessage(m_conn)), QSqlError::ConnectionError,
                                  PQstatus(m_conn) == CONNECTION_OK ? QString() : QStringLiteral("08006")),
                        context);
    }

    static Error errorOf(const PGresult *result, const QString &context)
    {
        const char *state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
        return sqlError(QSqlError(QString(), QString::fromUtf8(PQresultErrorMessage(result)), QSqlError::StatementError,
                                  state ? QString::fromLatin1(state) : QString()),
                        context);
    }

    Transaction m_transaction;
    PGconn *m_conn;
    QByteArray m_campaignPrefix;
    QByteArray m_buffer; // the caller's, being filled
    qint64 m_rows = 0;
    bool m_copying = false; // the sender's while it runs

    std::thread m_sender;
    std::mutex m_mutex; // guards the members below
    std::condition_variable m_canSend;
    std::condition_variable m_canHand;
    std::deque<QByteArray> m_queue;
    std::optional<Error> m_senderError;
    bool m_closing = false;
    bool m_abandoned = false;
};

} // namespace

Result<std::unique_ptr<ContactBulkWriter>> ContactBulkWriter::begin(Database &database, qint64 campaignId)
{
    QSqlDatabase db = database.connection();
    if (!db.isOpen()) {
        return Error{ErrorCode::ConnectionLost, QStringLiteral("database connection is not open")};
    }
    if (database.backend() == Backend::Postgres) {
        // QPSQL registers its handle under libpq's struct name (PGconn is a typedef of struct pg_conn).
        const QVariant handle = db.driver()->handle();
        const bool isPgConn = qstrcmp(handle.typeName(), "pg_conn*") == 0 || qstrcmp(handle.typeName(), "PGconn*") == 0;
        if (!isPgConn || !*static_cast<PGconn *const *>(handle.constData())) {
            return Error{ErrorCode::Internal, QStringLiteral("the PostgreSQL driver gives no libpq connection (%1)")
                                                  .arg(QString::fromLatin1(handle.typeName()))};
        }
        auto writer =
            std::make_unique<PostgresWriter>(db, *static_cast<PGconn *const *>(handle.constData()), campaignId);
        if (auto started = writer->start(); !started) {
            return started.error();
        }
        return std::unique_ptr<ContactBulkWriter>(std::move(writer));
    }
    auto writer = std::make_unique<SqliteWriter>(db, campaignId);
    if (auto started = writer->start(); !started) {
        return started.error();
    }
    return std::unique_ptr<ContactBulkWriter>(std::move(writer));
}

} // namespace vsc::services::storage
