// SPDX-License-Identifier: GPL-3.0-or-later
// The local journal for webhooks that arrive while the database is away: durable, ordered, one writer.
#include "services/telephony/webhookjournal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace vsc;
using namespace vsc::services::telephony;

class TestWebhookJournal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void entriesSurviveTheProcessInOrder();
    void oneWriterAtATime();
    void tornLastLineIsIgnored();
    void defaultPathIsStablePerRoleAndDatabase();
    void failedAppendLeavesNoTornLine();
    void findsEveryJournalOfTheRoleAndDatabase();
    void turnSurvivesTheJournal();
};

void TestWebhookJournal::entriesSurviveTheProcessInOrder()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal/run-1.jsonl"));
    const QDateTime at(QDate(2026, 11, 23), QTime(14, 0, 0, 250), Qt::UTC);
    {
        WebhookJournal journal(path);
        QVERIFY(journal.error().isEmpty());
        QVERIFY(journal.isEmpty());
        QVERIFY(journal
                    .append({QStringLiteral("gather"),
                             7,
                             {{QStringLiteral("CallSid"), QStringLiteral("CA1")},
                              {QStringLiteral("SpeechResult"), QStringLiteral("ja, gerne \"sehr\" & gut")}},
                             at,
                             std::nullopt})
                    .ok());
        QVERIFY(journal
                    .append({QStringLiteral("status"),
                             7,
                             {{QStringLiteral("CallStatus"), QStringLiteral("completed")}},
                             at.addSecs(1),
                             std::nullopt})
                    .ok());
        QVERIFY(journal.append({QStringLiteral("status"), 8, {}, at.addSecs(2), std::nullopt}).ok());
    }
    WebhookJournal reopened(path);
    QCOMPARE(reopened.entries().size(), 3);
    const JournalEntry &first = reopened.entries().at(0);
    QCOMPARE(first.route, QStringLiteral("gather"));
    QCOMPARE(first.attemptId, 7);
    QCOMPARE(first.receivedAt, at);
    QCOMPARE(first.params.size(), 2);
    QCOMPARE(first.params.at(1).second, QStringLiteral("ja, gerne \"sehr\" & gut"));
    QCOMPARE(reopened.entries().at(2).attemptId, 8);

    QVERIFY(reopened.dropFirst(2).ok());
    QCOMPARE(reopened.entries().size(), 1);
    QCOMPARE(reopened.entries().constFirst().attemptId, 8);
    QVERIFY(QFile::exists(path));
    QVERIFY(reopened.dropFirst(1).ok());
    QVERIFY(reopened.isEmpty());
    QVERIFY(!QFile::exists(path)); // nothing waits: no file left behind
}

void TestWebhookJournal::oneWriterAtATime()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("serve.jsonl"));
    WebhookJournal owner(path);
    QVERIFY(owner.error().isEmpty());
    WebhookJournal intruder(path);
    QVERIFY(intruder.error().contains(QStringLiteral("in use")));
    QCOMPARE(
        intruder.append({QStringLiteral("status"), 1, {}, QDateTime::currentDateTimeUtc(), std::nullopt}).error().code,
        ErrorCode::Io);
}

void TestWebhookJournal::tornLastLineIsIgnored()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("torn.jsonl"));
    {
        WebhookJournal journal(path);
        QVERIFY(journal
                    .append({QStringLiteral("amd"),
                             3,
                             {{QStringLiteral("AnsweredBy"), QStringLiteral("human")}},
                             QDateTime::currentDateTimeUtc(),
                             std::nullopt})
                    .ok());
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write("{\"route\":\"status\",\"attem"); // the power went mid-write: no reply was sent for it
    file.close();
    WebhookJournal journal(path);
    QCOMPARE(journal.entries().size(), 1);
    QCOMPARE(journal.entries().constFirst().route, QStringLiteral("amd"));
}

void TestWebhookJournal::defaultPathIsStablePerRoleAndDatabase()
{
    const QString a = WebhookJournal::defaultPath(QStringLiteral("/state"), QStringLiteral("run-4"),
                                                  QStringLiteral("PostgreSQL vsc@db:5432/surveys"));
    QCOMPARE(a, WebhookJournal::defaultPath(QStringLiteral("/state"), QStringLiteral("run-4"),
                                            QStringLiteral("PostgreSQL vsc@db:5432/surveys")));
    QVERIFY(a.startsWith(QStringLiteral("/state/journal/run-4-")));
    QVERIFY(a.endsWith(QStringLiteral(".jsonl")));
    QVERIFY(a != WebhookJournal::defaultPath(QStringLiteral("/state"), QStringLiteral("run-4"),
                                             QStringLiteral("PostgreSQL vsc@db:5432/other")));
    QVERIFY(a != WebhookJournal::defaultPath(QStringLiteral("/state"), QStringLiteral("serve"),
                                             QStringLiteral("PostgreSQL vsc@db:5432/surveys")));
}

void TestWebhookJournal::failedAppendLeavesNoTornLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("full.jsonl"));
    const auto entry = [](qint64 attempt) {
        return JournalEntry{QStringLiteral("status"),
                            attempt,
                            {{QStringLiteral("CallStatus"), QStringLiteral("completed")}},
                            QDateTime::currentDateTimeUtc(),
                            std::nullopt};
    };
    WebhookJournal journal(path);
    QVERIFY(journal.append(entry(1)).ok());
    const qint64 size = QFileInfo(path).size();

    // The file may grow by 10 more bytes only: the next line is written in part, as on a full disk (the signal
    // the kernel sends for it is ignored, so the write just fails).
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN; // NOLINT: the POSIX constant is a cast of an integer
    struct sigaction previous = {};
    QCOMPARE(::sigaction(SIGXFSZ, &ignore, &previous), 0);
    rlimit saved = {};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    rlimit limited = saved;
    limited.rlim_cur = rlim_t(size + 10);
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
    const Result<void> failed = journal.append(entry(2));
    const qint64 sizeAfterFailure = QFileInfo(path).size();
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &saved), 0);
    QCOMPARE(::sigaction(SIGXFSZ, &previous, nullptr), 0);

    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::Io);
    QCOMPARE(sizeAfterFailure, size); // the torn part was cut off again
    QCOMPARE(journal.entries().size(), 1);
    QVERIFY(journal.append(entry(3)).ok());
    QCOMPARE(journal.entries().size(), 2);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 3); // two whole lines and nothing after the last newline
    QVERIFY(lines.at(0).contains("\"attempt\":1"));
    QVERIFY(lines.at(1).contains("\"attempt\":3"));
    QVERIFY(lines.at(2).isEmpty());
}

void TestWebhookJournal::findsEveryJournalOfTheRoleAndDatabase()
{
    QTemporaryDir dir;
    const QString prefix =
        WebhookJournal::pathPrefix(dir.path(), QStringLiteral("run-1"), QStringLiteral("PostgreSQL vsc@db/x"));
    QCOMPARE(prefix + QStringLiteral(".jsonl"),
             WebhookJournal::defaultPath(dir.path(), QStringLiteral("run-1"), QStringLiteral("PostgreSQL vsc@db/x")));
    const QString other =
        WebhookJournal::pathPrefix(dir.path(), QStringLiteral("run-12"), QStringLiteral("PostgreSQL vsc@db/x"));
    QDir().mkpath(dir.filePath(QStringLiteral("journal")));
    const QStringList mine{prefix + QStringLiteral(".jsonl"), prefix + QStringLiteral("-4711.jsonl"),
                           prefix + QStringLiteral("-worker-2.jsonl")};
    const QStringList notMine{prefix + QStringLiteral(".jsonl.lock"), prefix + QStringLiteral("x.jsonl"),
                              other + QStringLiteral(".jsonl"), prefix + QStringLiteral("-4711.jsonl.lock")};
    for (const QString &path : mine + notMine) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QStringList found = WebhookJournal::journalsWithPrefix(prefix);
    found.sort();
    QStringList expected = mine;
    expected.sort();
    QCOMPARE(found, expected);
}

void TestWebhookJournal::turnSurvivesTheJournal()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("turns.jsonl"));
    {
        WebhookJournal journal(path);
        QVERIFY(journal.append({QStringLiteral("gather"), 1, {}, QDateTime::currentDateTimeUtc(), 3}).ok());
        QVERIFY(journal.append({QStringLiteral("gather"), 1, {}, QDateTime::currentDateTimeUtc(), std::nullopt}).ok());
    }
    WebhookJournal reopened(path);
    QCOMPARE(reopened.entries().size(), 2);
    QCOMPARE(reopened.entries().at(0).turn, std::optional<int>(3));
    QCOMPARE(reopened.entries().at(1).turn, std::optional<int>());
}

QTEST_GUILESS_MAIN(TestWebhookJournal)
#include "tst_webhookjournal.moc"
