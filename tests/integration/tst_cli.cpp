// SPDX-License-Identifier: GPL-3.0-or-later
// The headless commands, run as a user would: the real binary in a child process.
#include "services/storage/sql.h"
#include "testconfig.h"
#include "tests/support/dialerprocess.h"
#include "tests/support/testdatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <numeric>

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void versionAndHelp();
    void migrateTwiceAppliesNothingTheSecondTime();
    void newerSchemaIsRefused();
    void seedDemoReportsCounts();
    void badInputGivesClearErrors();
    void scriptValidateReportsProblems();
    void simulateWalksTheScriptFromStdin();
    void contactsImportReportsRejectedRows();
    void sigtermStopsARunCleanly();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    };
    Run run(const QStringList &args, const QByteArray &input = {});
    QTemporaryDir m_home;
};

void TestCli::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(VSC_APP_BINARY)));
    vsc::tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

TestCli::Run TestCli::run(const QStringList &args, const QByteArray &input)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_home.filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("VSC_NO_KEYCHAIN"), QStringLiteral("1"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // headless commands must not need a platform plugin at all
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(VSC_APP_BINARY), args);
    if (process.waitForStarted(30000)) {
        process.write(input);
        process.closeWriteChannel();
    }
    if (!process.waitForFinished(120000)) {
        process.kill();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

void TestCli::versionAndHelp()
{
    const Run version = run({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(version.out.startsWith("voicesurvey-console 0."), version.out.constData());
    const Run help = run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("migrate"));
    QVERIFY(help.out.contains("seed-demo"));
    QVERIFY(help.out.contains("--database"));
}

void TestCli::migrateTwiceAppliesNothingTheSecondTime()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    const Run first =
        run({QStringLiteral("migrate"), QStringLiteral("--database"), db.url(), QStringLiteral("--json")});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QCOMPARE(first.json().value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(first.json().value(QStringLiteral("fromVersion")).toInt(), 0);
    QVERIFY(!first.json().value(QStringLiteral("applied")).toArray().isEmpty());
    const Run second =
        run({QStringLiteral("migrate"), QStringLiteral("--database"), db.url(), QStringLiteral("--json")});
    QCOMPARE(second.exitCode, 0);
    QVERIFY(second.json().value(QStringLiteral("applied")).toArray().isEmpty());
    QCOMPARE(second.json().value(QStringLiteral("toVersion")), first.json().value(QStringLiteral("toVersion")));
    const Run human = run({QStringLiteral("migrate"), QStringLiteral("--database"), db.url()});
    QCOMPARE(human.exitCode, 0);
    QVERIFY(human.out.contains("up to date"));
}

void TestCli::newerSchemaIsRefused()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    QCOMPARE(run({QStringLiteral("migrate"), QStringLiteral("--database"), db.url()}).exitCode, 0);
    QSqlQuery insert(db.database().connection());
    QVERIFY(
        insert.prepare(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")));
    insert.addBindValue(9999);
    insert.addBindValue(QStringLiteral("future"));
    insert.addBindValue(QDateTime::currentDateTimeUtc());
    QVERIFY(insert.exec());
    const Run refused =
        run({QStringLiteral("migrate"), QStringLiteral("--database"), db.url(), QStringLiteral("--json")});
    QCOMPARE(refused.exitCode, 4);
    QCOMPARE(refused.json().value(QStringLiteral("ok")).toBool(), false);
    QCOMPARE(refused.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("schema too new"));
    QVERIFY(refused.err.contains("9999"));
}

void TestCli::seedDemoReportsCounts()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    const Run seeded =
        run({QStringLiteral("seed-demo"), QStringLiteral("--database"), db.url(), QStringLiteral("--json")});
    QVERIFY2(seeded.exitCode == 0, seeded.err.constData());
    QCOMPARE(seeded.json().value(QStringLiteral("contacts")).toInt(), 200);
    QVERIFY(seeded.json().value(QStringLiteral("attempts")).toInt() > 0);
    const Run again =
        run({QStringLiteral("seed-demo"), QStringLiteral("--database"), db.url(), QStringLiteral("--json")});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.json().value(QStringLiteral("alreadySeeded")).toBool(), true);

    // explain: the seeded campaign is paused, and a completed contact says so first.
    auto completed = vsc::services::storage::scalar(
        db.database().connection(), QStringLiteral("SELECT MIN(id) FROM contacts WHERE status = 'completed'"));
    QVERIFY(completed.ok() && completed.value().toLongLong() > 0);
    const Run explained = run({QStringLiteral("explain"), QStringLiteral("--contact"), completed.value().toString(),
                               QStringLiteral("--at"), QStringLiteral("2026-11-23T15:00:00Z"),
                               QStringLiteral("--database"), db.url(), QStringLiteral("--json")});
    QVERIFY2(explained.exitCode == 0, explained.err.constData());
    QCOMPARE(explained.json().value(QStringLiteral("verdict")).toString(),
             QStringLiteral("not dialed now: interview completed"));
    QCOMPARE(explained.json().value(QStringLiteral("dialableNow")).toBool(), false);
    QVERIFY(explained.json().value(QStringLiteral("reasons")).toArray().contains(QStringLiteral("campaign is paused")));
    QCOMPARE(explained.json().value(QStringLiteral("at")).toString(), QStringLiteral("2026-11-23T15:00:00Z"));
    const Run human = run({QStringLiteral("explain"), QStringLiteral("--contact"), completed.value().toString(),
                           QStringLiteral("--database"), db.url()});
    QCOMPARE(human.exitCode, 0);
    QVERIFY(human.out.contains("interview completed"));
    QCOMPARE(run({QStringLiteral("explain"), QStringLiteral("--contact"), QStringLiteral("1"), QStringLiteral("--at"),
                  QStringLiteral("tomorrow"), QStringLiteral("--database"), db.url()})
                 .exitCode,
             2);
    QCOMPARE(run({QStringLiteral("explain"), QStringLiteral("--contact"), QStringLiteral("999999"),
                  QStringLiteral("--database"), db.url()})
                 .exitCode,
             1);
    QCOMPARE(run({QStringLiteral("explain"), QStringLiteral("--database"), db.url()}).exitCode, 2);
}

void TestCli::badInputGivesClearErrors()
{
    const Run unknown = run({QStringLiteral("frobnicate")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains("unknown command"));
    const Run password = run({QStringLiteral("migrate"), QStringLiteral("--database"),
                              QStringLiteral("postgresql://u:hunter2@127.0.0.1:1/db"), QStringLiteral("--json")});
    QCOMPARE(password.exitCode, 2);
    QVERIFY(!password.out.contains("hunter2"));
    QVERIFY(!password.err.contains("hunter2"));
    const Run unreachable = run({QStringLiteral("migrate"), QStringLiteral("--database"),
                                 QStringLiteral("postgresql://nobody@127.0.0.1:1/none"), QStringLiteral("--json")});
    QCOMPARE(unreachable.exitCode, 3);
    QCOMPARE(unreachable.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("connection lost"));
}

void TestCli::scriptValidateReportsProblems()
{
    const QString sample = QStringLiteral(VSC_SAMPLE_SCRIPT);
    const Run good = run({QStringLiteral("script"), QStringLiteral("validate"), sample});
    QCOMPARE(good.exitCode, 0);
    QVERIFY(good.out.contains("valid (5 questions"));

    QTemporaryDir dir;
    const QString badPath = dir.filePath(QStringLiteral("bad.json"));
    QFile bad(badPath);
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"name": "x", "questions": [
        {"id": "a", "type": "yes_no", "prompt": "p", "branches": [{"when": "yes", "goto": "nowhere"}]},
        {"id": "a", "type": "single_choice", "prompt": "p", "options": [{"value": "x", "key": "1"}, {"value": "y", "key": "1"}]}]})");
    bad.close();
    const Run result = run({QStringLiteral("script"), QStringLiteral("validate"), badPath, QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 1);
    const QJsonArray problems = result.json().value(QStringLiteral("problems")).toArray();
    QStringList locations;
    for (const QJsonValue &p : problems) {
        locations << p.toObject().value(QStringLiteral("location")).toString();
    }
    QVERIFY(locations.contains(QStringLiteral("questions[0].branches[0].goto")));
    QVERIFY(locations.contains(QStringLiteral("questions[1].id")));
    QVERIFY(locations.contains(QStringLiteral("questions[1].options[1].key")));

    const Run missing =
        run({QStringLiteral("script"), QStringLiteral("validate"), dir.filePath(QStringLiteral("none.json"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains("cannot read"));
    QCOMPARE(run({QStringLiteral("script"), QStringLiteral("check")}).exitCode, 2);
}

void TestCli::simulateWalksTheScriptFromStdin()
{
    const QString sample = QStringLiteral(VSC_SAMPLE_SCRIPT);
    const Run human = run({QStringLiteral("simulate"), sample}, "1\nnine @0.4\n1\n\ncheap\nno\n");
    QCOMPARE(human.exitCode, 0);
    QVERIFY(human.out.contains("SAY: Did our technician resolve your issue"));
    QVERIFY(human.out.contains("LISTEN: keypad (up to 3 keys, end with #) or speech"));
    QVERIFY(human.out.contains("SAY: I heard 9."));
    QVERIFY(human.out.contains("SAY: Sorry, I didn't catch that."));
    QVERIFY(human.out.contains("nps = 9  [heard \"nine\" @0.4]"));
    QVERIFY(human.out.contains("Outcome: completed"));

    const Run json = run({QStringLiteral("simulate"), sample, QStringLiteral("--json")}, "2\nIt was late @0.2\n");
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(json.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("completed"));
    const QJsonArray answers = json.json().value(QStringLiteral("answers")).toArray();
    QCOMPARE(answers.size(), 2);
    QCOMPARE(answers.at(1).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("It was late"));
    QVERIFY(json.err.contains("SAY: Please tell us briefly what went wrong."));

    const Run optOut = run({QStringLiteral("simulate"), sample}, "Please stop calling me\n");
    QVERIFY(optOut.out.contains("We will not call you again"));
    QVERIFY(optOut.out.contains("Outcome: opted-out"));
    const Run hangUp = run({QStringLiteral("simulate"), sample}, "1\n");
    QVERIFY(hangUp.out.contains("Outcome: hung-up"));
}

void TestCli::contactsImportReportsRejectedRows()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    QCOMPARE(run({QStringLiteral("seed-demo"), QStringLiteral("--database"), db.url()}).exitCode, 0);
    const QString file = QStringLiteral(VSC_TEST_DATA_DIR "/contacts/mixed.csv");
    const Run dry =
        run({QStringLiteral("contacts"), QStringLiteral("import"), QStringLiteral("--campaign"), QStringLiteral("2"),
             QStringLiteral("--database"), db.url(), QStringLiteral("--dry-run"), file});
    QVERIFY2(dry.exitCode == 0, dry.err.constData());
    QVERIFY(dry.out.contains("would be imported (dry run)"));
    QVERIFY(dry.out.contains("  line 4: invalid phone number"));
    const Run real = run({QStringLiteral("contacts"), QStringLiteral("import"), QStringLiteral("--campaign"),
                          QStringLiteral("2"), QStringLiteral("--database"), db.url(), QStringLiteral("--json"), file});
    QCOMPARE(real.exitCode, 0);
    QCOMPARE(real.json().value(QStringLiteral("imported")).toInt(), 6);
    const QJsonArray rejected = real.json().value(QStringLiteral("rejected")).toArray();
    QCOMPARE(rejected.size(), 5);
    QCOMPARE(rejected.at(0).toObject().value(QStringLiteral("line")).toInt(), 4);
    const Run bad =
        run({QStringLiteral("contacts"), QStringLiteral("import"), QStringLiteral("--campaign"), QStringLiteral("2"),
             QStringLiteral("--database"), db.url(), QStringLiteral("--map"), QStringLiteral("phone"), file});
    QCOMPARE(bad.exitCode, 2);
    QCOMPARE(run({QStringLiteral("contacts"), QStringLiteral("export")}).exitCode, 2);
}

// SIGTERM to a simulated run in the middle of its campaign: it says it is stopping, places nothing more, lets the
// calls in flight end, leaves no attempt unfinished and no contact in progress, and exits 0.
void TestCli::sigtermStopsARunCleanly()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    constexpr int kContacts = 400;
    auto campaign = vsc::tests::makeDialingCampaign(db.database(), kContacts, 0.1, 10); // 20 calls/s at x200
    QVERIFY(campaign.ok());
    const QString callLog = m_home.filePath(QStringLiteral("sigterm-calls.log"));
    vsc::tests::DialerProcess run(
        QStringLiteral(VSC_APP_BINARY),
        {QStringLiteral("run"), QStringLiteral("--campaign"), QString::number(campaign.value()),
         QStringLiteral("--simulated"), QStringLiteral("--time-scale"), QStringLiteral("200"),
         QStringLiteral("--carrier-log"), callLog, QStringLiteral("--database"), db.url(), QStringLiteral("--json")},
        m_home.filePath(QStringLiteral("sigterm-state")));
    QTRY_VERIFY2_WITH_TIMEOUT(
        vsc::tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE "
                                                        "status = 'in-progress'")) >= 3,
        qPrintable(run.stderrText()), 60000);
    QCOMPARE(::kill(pid_t(run.pid()), SIGTERM), 0);
    QVERIFY(run.process().waitForFinished(120000));
    QCOMPARE(run.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(run.process().exitCode(), 0);

    QVERIFY2(run.hasEvent(QStringLiteral("stopping")), qPrintable(run.stderrText()));
    const QJsonObject stopping = run.events(QStringLiteral("stopping")).constFirst();
    const int placedAtSignal = stopping.value(QStringLiteral("placed")).toInt(-1);
    QVERIFY(stopping.value(QStringLiteral("inFlight")).toInt() > 0);
    QVERIFY(placedAtSignal > 0 && placedAtSignal < kContacts); // mid-campaign
    QVERIFY(run.hasEvent(QStringLiteral("done")));
    QVERIFY(!run.hasEvent(QStringLiteral("drainTimedOut")));
    // Nothing placed after the signal: the carrier saw exactly the calls placed before it, each number once.
    const QHash<QString, int> perNumber = vsc::tests::callsInCarrierLog(callLog);
    QCOMPARE(std::accumulate(perNumber.cbegin(), perNumber.cend(), 0), placedAtSignal);
    QCOMPARE(int(perNumber.size()), placedAtSignal);
    QCOMPARE(vsc::tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts")), placedAtSignal);
    // Every call that was in flight ended and its contact was settled.
    QCOMPARE(vsc::tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE status IN "
                                                             "('claimed', 'queued', 'initiated', 'ringing', "
                                                             "'in-progress')")),
             0);
    QCOMPARE(vsc::tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM contacts WHERE status = "
                                                             "'in_progress'")),
             0);
    QCOMPARE(vsc::tests::count(db.database(),
                               QStringLiteral("SELECT COUNT(*) FROM campaigns WHERE id = ? AND status = 'paused'"),
                               {campaign.value()}),
             1);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
