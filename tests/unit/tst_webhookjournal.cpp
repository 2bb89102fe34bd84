// SPDX-License-Identifier: GPL-3.0-or-later
// The local journal for webhooks that arrive while the database is away: durable, ordered, one writer.
#include "services/telephony/webhookjournal.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

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
                             at})
                    .ok());
        QVERIFY(journal
                    .append({QStringLiteral("status"),
                             7,
                             {{QStringLiteral("CallStatus"), QStringLiteral("completed")}},
                             at.addSecs(1)})
                    .ok());
        QVERIFY(journal.append({QStringLiteral("status"), 8, {}, at.addSecs(2)}).ok());
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
    QCOMPARE(intruder.append({QStringLiteral("status"), 1, {}, QDateTime::currentDateTimeUtc()}).error().code,
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
                             QDateTime::currentDateTimeUtc()})
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

QTEST_GUILESS_MAIN(TestWebhookJournal)
#include "tst_webhookjournal.moc"
