// SPDX-License-Identifier: GPL-3.0-or-later
// The headless commands, run as a user would: the real binary in a child process.
#include "services/storage/sql.h"
#include "testconfig.h"
#include "tests/support/dialerprocess.h"
#include "tests/support/latch.h"
#include "tests/support/testdatabase.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <numeric>
#include <sys/stat.h>

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void versionAndHelp();
    void migrateTwiceAppliesNothingTheSecondTime();
    void newerSchemaIsRefused();
    void seedDemoReportsCounts();
    void badInputGivesClearErrors();
    void scriptValidateReportsProblems();
    void simulateWalksTheScriptFromStdin();
    void contactsImportReportsRejectedRows();
    void contactsImportCtrlCWritesNothing();
    void sigtermStopsARunCleanly();
    void badInputEveryCommand_data();
    void badInputEveryCommand();
    void contactsImportRefusesAnUnknownCampaign();
    void regionDefaultsToTheConsolesSetting();
    void noServerChatterOnStderr();
    void auditVerifyNamesTheFirstBrokenRow();
    void filesArePrivateAndCredentialsRedacted();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    };
    // `environment`: variables to set; an empty value removes the variable.
    Run run(const QStringList &args, const QByteArray &input = {}, const QHash<QString, QString> &environment = {});
    QProcessEnvironment environmentFor(const QHash<QString, QString> &environment) const;
    QTemporaryDir m_home;
    std::unique_ptr<vsc::tests::TestDatabase> m_seeded; // badInputEveryCommand's, made by its first row
};

void TestCli::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(VSC_APP_BINARY)));
    vsc::tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

QProcessEnvironment TestCli::environmentFor(const QHash<QString, QString> &environment) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_home.filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("VSC_NO_KEYCHAIN"), QStringLiteral("1"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // headless commands must not need a platform plugin at all
    for (auto it = environment.cbegin(); it != environment.cend(); ++it) {
        if (it.value().isEmpty()) {
            env.remove(it.key());
        } else {
            env.insert(it.key(), it.value());
        }
    }
    return env;
}

void TestCli::cleanupTestCase()
{
    m_seeded.reset();
}

TestCli::Run TestCli::run(const QStringList &args, const QByteArray &input, const QHash<QString, QString> &environment)
{
    QProcess process;
    process.setProcessEnvironment(environmentFor(environment));
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
             2); // an unknown contact is bad input
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
    // --rejects: the same rows as CSV, each with its line, reason and fields.
    const QString report = m_home.filePath(QStringLiteral("rejects.csv"));
    const Run again = run({QStringLiteral("contacts"), QStringLiteral("import"), QStringLiteral("--campaign"),
                           QStringLiteral("2"), QStringLiteral("--database"), db.url(), QStringLiteral("--dry-run"),
                           QStringLiteral("--rejects"), report, file});
    QCOMPARE(again.exitCode, 0);
    QFile rejects(report);
    QVERIFY(rejects.open(QIODevice::ReadOnly));
    const QList<QByteArray> reportLines = rejects.readAll().split('\n');
    QVERIFY2(reportLines.at(0).startsWith("line,reason,"), reportLines.at(0).constData());
    QVERIFY(std::any_of(reportLines.cbegin(), reportLines.cend(),
                        [](const QByteArray &l) { return l.startsWith("4,invalid phone number"); }));
    // header, every row (now all in the campaign or bad), one name that spans two lines, the final CRLF
    QCOMPARE(reportLines.size(), 1 + 11 + 1 + 1);
    const Run bad =
        run({QStringLiteral("contacts"), QStringLiteral("import"), QStringLiteral("--campaign"), QStringLiteral("2"),
             QStringLiteral("--database"), db.url(), QStringLiteral("--map"), QStringLiteral("phone"), file});
    QCOMPARE(bad.exitCode, 2);
    QCOMPARE(run({QStringLiteral("contacts"), QStringLiteral("export")}).exitCode, 2);
}

// Without --region, numbers written without a country code are read in the console's default phone region
// (Settings → Twilio), by contacts import and suppression add alike.
void TestCli::regionDefaultsToTheConsolesSetting()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    QCOMPARE(run({QStringLiteral("seed-demo"), QStringLiteral("--database"), db.url()}).exitCode, 0);
    QVERIFY(vsc::services::storage::exec(db.database().connection(),
                                         QStringLiteral("INSERT INTO app_settings (key, value) VALUES (?, ?)"),
                                         {QStringLiteral("phone.default_region"), QStringLiteral("DE")})
                .ok());
    const QString file = m_home.filePath(QStringLiteral("berlin.csv"));
    QFile csv(file);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("Phone,Name\r\n030 23125099,Sophie\r\n");
    csv.close();
    const Run imported = run({QStringLiteral("contacts"), QStringLiteral("import"), QStringLiteral("--campaign"),
                              QStringLiteral("2"), QStringLiteral("--database"), db.url(), file});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    QCOMPARE(vsc::tests::count(db.database(),
                               QStringLiteral("SELECT COUNT(*) FROM contacts WHERE phone_e164 = '+493023125099'")),
             1);
    const Run added = run({QStringLiteral("suppression"), QStringLiteral("add"), QStringLiteral("030 23125098"),
                           QStringLiteral("--database"), db.url()});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    QCOMPARE(vsc::tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM suppression_list WHERE "
                                                             "phone_e164 = '+493023125098'")),
             1);
}

// Ctrl+C during a large import (the file comes through a pipe, and the rest of it only after the signal): progress
// lines on stderr, a clear message, exit 130 and not one contact written, although batches had gone to the database.
void TestCli::contactsImportCtrlCWritesNothing()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    QCOMPARE(run({QStringLiteral("seed-demo"), QStringLiteral("--database"), db.url()}).exitCode, 0);
    const QString countSql = QStringLiteral("SELECT COUNT(*) FROM contacts WHERE campaign_id = 2");
    const int before = vsc::tests::count(db.database(), countSql);
    QByteArray csv = "Phone,Name\r\n";
    for (int i = 0; i < 100000; ++i) {
        csv += QStringLiteral("(312) %1-%2,Person %3\r\n")
                   .arg(200 + i / 10000)
                   .arg(i % 10000, 4, 10, QLatin1Char('0'))
                   .arg(i)
                   .toUtf8();
    }
    QProcess process;
    process.setProcessEnvironment(environmentFor({}));
    process.start(QStringLiteral(VSC_APP_BINARY),
                  {QStringLiteral("contacts"), QStringLiteral("import"), QStringLiteral("--campaign"),
                   QStringLiteral("2"), QStringLiteral("--database"), db.url(), QStringLiteral("/dev/stdin")});
    QVERIFY(process.waitForStarted(30000));
    process.write(csv); // the importer reads what it can and then waits for more
    QByteArray err;
    const auto validSoFar = [&] {
        err += process.readAllStandardError();
        const qsizetype end = err.lastIndexOf(" valid");
        const qsizetype start = err.lastIndexOf(' ', end - 1);
        return end < 0 ? 0 : err.mid(start + 1, end - start - 1).toInt();
    };
    QTRY_VERIFY_WITH_TIMEOUT(validSoFar() >= 20000, 120000); // past several written batches
    QVERIFY2(err.contains("/dev/stdin: "), err.constData());
    ::kill(pid_t(process.processId()), SIGINT);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(120000));
    err += process.readAllStandardError();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit, err.constData()); // a sanitizer's report says why
    QCOMPARE(process.exitCode(), 130);
    QVERIFY2(err.contains("import interrupted (Ctrl+C); nothing was written"), err.constData());
    QCOMPARE(vsc::tests::count(db.database(), countSql), before);
}

// SIGTERM to a simulated run in the middle of its campaign: it says it is stopping, places nothing more, lets the
// calls in flight end, leaves no attempt unfinished and no contact in progress, and exits 0.
void TestCli::sigtermStopsARunCleanly()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    constexpr int kContacts = 400;
    auto campaign =
        vsc::tests::makeDialingCampaign(db.database(), kContacts, 0.3, 20); // 60 calls/s at x200, ~15 in flight
    QVERIFY(campaign.ok());
    const QString callLog = m_home.filePath(QStringLiteral("sigterm-calls.log"));
    vsc::tests::DialerProcess run(
        QStringLiteral(VSC_APP_BINARY),
        {QStringLiteral("run"), QStringLiteral("--campaign"), QString::number(campaign.value()),
         QStringLiteral("--simulated"), QStringLiteral("--time-scale"), QStringLiteral("200"),
         QStringLiteral("--carrier-log"), callLog, QStringLiteral("--database"), db.url(), QStringLiteral("--json")},
        m_home.filePath(QStringLiteral("sigterm-state")));
    vsc::tests::Latch threeAnswered([&db] {
        return vsc::tests::count(db.database(),
                                 QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE status = 'in-progress'")) >=
               3;
    });
    QTRY_VERIFY2_WITH_TIMEOUT(threeAnswered(), qPrintable(run.stderrText()), 60000);
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

// Every command with each kind of bad input it can meet, against the exit codes and JSON error codes the README
// documents: 1 failure (an input file that cannot be read included), 2 bad usage or input (an unknown campaign or
// contact included), 3 unavailable (database, Twilio credentials, the listen port). Placeholders: {db} a seeded
// database, {busy} a port another socket holds, {missing} a file that does not exist, {longfield} a CSV with a field
// over the importer's limit.
void TestCli::badInputEveryCommand_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("environment"); // NAME=value; NAME= removes it
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("message");

    const QStringList noTwilio{QStringLiteral("TWILIO_ACCOUNT_SID="), QStringLiteral("TWILIO_AUTH_TOKEN="),
                               QStringLiteral("TWILIO_API_KEY="), QStringLiteral("TWILIO_API_SECRET=")};
    const QStringList twilio{QStringLiteral("TWILIO_ACCOUNT_SID=AC00000000000000000000000000000000"),
                             QStringLiteral("TWILIO_AUTH_TOKEN=test-token"), QStringLiteral("TWILIO_API_KEY="),
                             QStringLiteral("TWILIO_API_SECRET=")};
    const QString db = QStringLiteral("{db}");
    const QString usage = QStringLiteral("invalid argument");
    auto row = [](const char *name, const QString &line, const QStringList &environment, int code, const QString &error,
                  const QString &message) {
        QTest::newRow(name) << line.split(u' ') << environment << code << error << message;
    };
    // Every command
    row("unknown command", QStringLiteral("frobnicate"), {}, 2, usage, QStringLiteral("unknown command"));
    row("unknown subcommand", QStringLiteral("contacts export"), {}, 2, usage, QStringLiteral("usage: contacts"));
    // migrate, seed-demo
    row("migrate: unknown database scheme", QStringLiteral("migrate --database oracle://scott@tiger/db"), {}, 2, usage,
        QStringLiteral("oracle"));
    row("migrate: database unreachable", QStringLiteral("migrate --database postgresql://nobody@127.0.0.1:1/none"), {},
        3, QStringLiteral("connection lost"), QString());
    row("seed-demo: database unreachable", QStringLiteral("seed-demo --database postgresql://nobody@127.0.0.1:1/none"),
        {}, 3, QStringLiteral("connection lost"), QString());
    // script validate, simulate
    row("script validate: no file", QStringLiteral("script validate"), {}, 2, usage,
        QStringLiteral("usage: script validate FILE"));
    row("script validate: missing file", QStringLiteral("script validate {missing}"), {}, 1,
        QStringLiteral("I/O error"), QStringLiteral("cannot read"));
    row("simulate: missing file", QStringLiteral("simulate {missing}"), {}, 1, QStringLiteral("I/O error"),
        QStringLiteral("cannot read"));
    // serve
    row("serve: no public URL", QStringLiteral("serve --listen 127.0.0.1:0 --database ") + db, twilio, 2, usage,
        QStringLiteral("--public-url"));
    row("serve: bad listen address", QStringLiteral("serve --listen nowhere --public-url https://example.invalid"),
        twilio, 2, usage, QStringLiteral("--listen wants HOST:PORT"));
    row("serve: no Twilio credentials",
        QStringLiteral("serve --listen 127.0.0.1:0 --public-url https://example.invalid --database ") + db, noTwilio, 3,
        QStringLiteral("secret store error"), QStringLiteral("TWILIO_AUTH_TOKEN"));
    row("serve: port in use",
        QStringLiteral("serve --listen 127.0.0.1:{busy} --public-url https://example.invalid --database ") + db, twilio,
        3, QStringLiteral("network error"), QStringLiteral("cannot listen"));
    // run
    row("run: no campaign", QStringLiteral("run --simulated --database ") + db, {}, 2, usage,
        QStringLiteral("--campaign"));
    row("run: unknown campaign", QStringLiteral("run --campaign 999 --simulated --database ") + db, {}, 2,
        QStringLiteral("not found"), QStringLiteral("999"));
    row("run: time scale not a number", QStringLiteral("run --campaign 1 --simulated --time-scale fast"), {}, 2, usage,
        QStringLiteral("--time-scale"));
    row("run: time scale zero", QStringLiteral("run --campaign 1 --simulated --time-scale 0"), {}, 2, usage,
        QStringLiteral("--time-scale"));
    row("run: time scale too large", QStringLiteral("run --campaign 1 --simulated --time-scale 20000"), {}, 2, usage,
        QStringLiteral("--time-scale"));
    row("run: time scale without --simulated",
        QStringLiteral("run --campaign 1 --time-scale 60 --public-url https://example.invalid"), twilio, 2, usage,
        QStringLiteral("only with --simulated"));
    row("run: no public URL", QStringLiteral("run --campaign 1 --listen 127.0.0.1:0"), twilio, 2, usage,
        QStringLiteral("--public-url"));
    row("run: Twilio API over plain http",
        QStringLiteral("run --campaign 1 --listen 127.0.0.1:0 --public-url https://example.invalid "
                       "--twilio-api-url http://api.example.com"),
        twilio, 2, usage, QStringLiteral("plain http"));
    row("run: Twilio API URL not a URL",
        QStringLiteral("run --campaign 1 --listen 127.0.0.1:0 --public-url https://example.invalid "
                       "--twilio-api-url ftp://api.example.com"),
        twilio, 2, usage, QStringLiteral("--twilio-api-url"));
    row("run: no Twilio credentials",
        QStringLiteral("run --campaign 1 --listen 127.0.0.1:0 --public-url https://example.invalid "
                       "--twilio-api-url http://127.0.0.1:9 --database ") +
            db,
        noTwilio, 3, QStringLiteral("secret store error"), QStringLiteral("TWILIO_ACCOUNT_SID"));
    row("run: port in use",
        QStringLiteral("run --campaign 1 --listen 127.0.0.1:{busy} --public-url https://example.invalid "
                       "--twilio-api-url http://127.0.0.1:9 --database ") +
            db,
        twilio, 3, QStringLiteral("network error"), QStringLiteral("cannot listen"));
    // contacts import
    row("contacts import: no campaign",
        QStringLiteral("contacts import --database ") + db + u' ' +
            QStringLiteral(VSC_TEST_DATA_DIR "/contacts/mixed.csv"),
        {}, 2, usage, QStringLiteral("--campaign"));
    row("contacts import: unknown campaign",
        QStringLiteral("contacts import --campaign 999 --database ") + db + u' ' +
            QStringLiteral(VSC_TEST_DATA_DIR "/contacts/mixed.csv"),
        {}, 2, QStringLiteral("not found"), QStringLiteral("campaign 999 does not exist"));
    row("contacts import: unknown campaign, dry run",
        QStringLiteral("contacts import --dry-run --campaign 999 --database ") + db + u' ' +
            QStringLiteral(VSC_TEST_DATA_DIR "/contacts/mixed.csv"),
        {}, 2, QStringLiteral("not found"), QStringLiteral("campaign 999 does not exist"));
    row("contacts import: missing file",
        QStringLiteral("contacts import --campaign 1 --database ") + db + QStringLiteral(" {missing}"), {}, 1,
        QStringLiteral("I/O error"), QStringLiteral("cannot read"));
    row("contacts import: bad --map",
        QStringLiteral("contacts import --campaign 1 --map phone --database ") + db + u' ' +
            QStringLiteral(VSC_TEST_DATA_DIR "/contacts/mixed.csv"),
        {}, 2, usage, QStringLiteral("--map"));
    row("contacts import: field over the limit",
        QStringLiteral("contacts import --campaign 1 --database ") + db + QStringLiteral(" {longfield}"), {}, 2, usage,
        QStringLiteral("line 3: a field is longer than"));
    // explain
    row("explain: no contact", QStringLiteral("explain --database ") + db, {}, 2, usage, QStringLiteral("--contact"));
    row("explain: unknown contact", QStringLiteral("explain --contact 999999 --database ") + db, {}, 2,
        QStringLiteral("not found"), QStringLiteral("999999"));
    row("explain: bad time", QStringLiteral("explain --contact 1 --at tomorrow --database ") + db, {}, 2, usage,
        QStringLiteral("--at wants an ISO 8601 time"));
}

void TestCli::badInputEveryCommand()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, environment);
    QFETCH(int, exitCode);
    QFETCH(QString, errorCode);
    QFETCH(QString, message);
    // One seeded database for every row (its campaign 1 exists, 999 does not).
    if (!m_seeded) {
        m_seeded = std::make_unique<vsc::tests::TestDatabase>();
        QVERIFY2(m_seeded->isValid(), qPrintable(m_seeded->errorString()));
        QCOMPARE(run({QStringLiteral("seed-demo"), QStringLiteral("--database"), m_seeded->url()}).exitCode, 0);
    }
    const vsc::tests::TestDatabase *seeded = m_seeded.get();
    QTcpServer busy; // a port someone else holds
    QVERIFY(busy.listen(QHostAddress::LocalHost));
    QTemporaryDir dir;
    const QString longField = dir.filePath(QStringLiteral("long.csv"));
    QFile csv(longField);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("Phone,Name\n+14155550100,A\n+14155550101," + QByteArray(20000, 'x') + "\n");
    csv.close();
    for (QString &arg : args) {
        arg.replace(QStringLiteral("{db}"), seeded->url());
        arg.replace(QStringLiteral("{busy}"), QString::number(busy.serverPort()));
        arg.replace(QStringLiteral("{missing}"), dir.filePath(QStringLiteral("missing.file")));
        arg.replace(QStringLiteral("{longfield}"), longField);
    }
    QHash<QString, QString> variables;
    for (const QString &variable : std::as_const(environment)) {
        variables.insert(variable.section(u'=', 0, 0), variable.section(u'=', 1));
    }
    const Run result = run(args + QStringList{QStringLiteral("--json")}, {}, variables);
    QVERIFY2(result.exitCode == exitCode, qPrintable(QStringLiteral("exit %1, wanted %2; stderr: %3")
                                                         .arg(result.exitCode)
                                                         .arg(exitCode)
                                                         .arg(QString::fromUtf8(result.err))));
    const QJsonObject json = result.json();
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(true), false);
    const QJsonObject error = json.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), errorCode);
    QVERIFY2(error.value(QStringLiteral("message")).toString().contains(message),
             qPrintable(error.value(QStringLiteral("message")).toString()));
    // The human line on stderr says the same.
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
}

// Tried as a new user would: a campaign that does not exist is named as such, never as a foreign key failure, and a
// dry run does not pretend its rows "would be imported".
void TestCli::contactsImportRefusesAnUnknownCampaign()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    QCOMPARE(run({QStringLiteral("migrate"), QStringLiteral("--database"), db.url()}).exitCode, 0);
    const QString file = QStringLiteral(VSC_TEST_DATA_DIR "/contacts/mixed.csv");
    for (const QStringList &extra : {QStringList{}, QStringList{QStringLiteral("--dry-run")}}) {
        const Run human =
            run(QStringList{QStringLiteral("contacts"), QStringLiteral("import"), QStringLiteral("--campaign"),
                            QStringLiteral("2"), QStringLiteral("--database"), db.url(), file} +
                extra);
        QCOMPARE(human.exitCode, 2);
        QVERIFY2(human.err.contains("campaign 2 does not exist"), human.err.constData());
        QVERIFY2(!human.err.contains("FOREIGN KEY") && !human.err.contains("foreign key"), human.err.constData());
        QVERIFY2(!human.out.contains("would be imported") && !human.out.contains("imported"), human.out.constData());
    }
    auto contacts =
        vsc::services::storage::scalar(db.database().connection(), QStringLiteral("SELECT COUNT(*) FROM contacts"));
    QVERIFY(contacts.ok());
    QCOMPARE(contacts.value().toInt(), 0);
}

void TestCli::auditVerifyNamesTheFirstBrokenRow()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    QCOMPARE(run({QStringLiteral("seed-demo"), QStringLiteral("--database"), db.url()}).exitCode, 0);
    const Run intact = run({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--database"), db.url(),
                            QStringLiteral("--json")});
    QVERIFY2(intact.exitCode == 0, intact.err.constData());
    QCOMPARE(intact.json().value(QStringLiteral("intact")).toBool(), true);
    QCOMPARE(intact.json().value(QStringLiteral("head")).toString().size(), 64);
    const int rows = intact.json().value(QStringLiteral("rows")).toInt();
    QVERIFY(rows >= 2);

    const Run list =
        run({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"), QStringLiteral("campaign."),
             QStringLiteral("--database"), db.url(), QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    const QJsonArray entries = list.json().value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), rows);
    QCOMPARE(entries.at(0).toObject().value(QStringLiteral("actor")).toString(), QStringLiteral("system:demo-seeder"));
    const Run human = run({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--database"), db.url()});
    QVERIFY2(human.out.contains("campaign.create"), human.out.constData());

    // What someone with the database owner's login could do: switch off the guard and rewrite history.
    const QString disable = db.isPostgres() ? QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER USER")
                                            : QStringLiteral("DROP TRIGGER audit_log_no_update");
    QVERIFY(vsc::services::storage::exec(db.database().connection(), disable).ok());
    auto first =
        vsc::services::storage::scalar(db.database().connection(), QStringLiteral("SELECT MIN(id) FROM audit_log"));
    QVERIFY(vsc::services::storage::exec(
                db.database().connection(),
                QStringLiteral("UPDATE audit_log SET actor_name = 'someone else' WHERE id = ?"), {first.value()})
                .ok());
    const Run broken = run({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--database"), db.url()});
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.out.contains(QStringLiteral("first broken row: id %1").arg(first.value().toLongLong()).toUtf8()),
             broken.out.constData());
}

// PostgreSQL sends notices ("relation schema_migrations already exists, skipping") that libpq prints on stderr; a user
// running a command must not see that chatter.
void TestCli::noServerChatterOnStderr()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    for (const QString &command : {QStringLiteral("migrate"), QStringLiteral("migrate"), QStringLiteral("seed-demo"),
                                   QStringLiteral("seed-demo")}) {
        const Run result = run({command, QStringLiteral("--database"), db.url()});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(!result.err.contains("NOTICE"), result.err.constData());
    }
}

namespace {
int modeOf(const QString &path)
{
    struct stat status = {};
    return ::stat(QFile::encodeName(path).constData(), &status) == 0 ? int(status.st_mode & 0777) : -1;
}
} // namespace

// Under the common umask 022, a fresh start (embedded SQLite database, its WAL and shared memory, the state
// directory, the logs, the journal directory) leaves nothing another user can read; and a --public-url with
// basic-auth credentials is accepted but never printed or logged whole.
void TestCli::filesArePrivateAndCredentialsRedacted()
{
    const mode_t previous = ::umask(022);
    QTemporaryDir home;
    QHash<QString, QString> environment{{QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data"))},
                                        {QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral("state"))},
                                        {QStringLiteral("VSC_DATABASE_URL"), QString()},
                                        {QStringLiteral("TWILIO_AUTH_TOKEN"), QStringLiteral("test-token")}};
    QCOMPARE(run({QStringLiteral("seed-demo")}, {}, environment).exitCode, 0);
    // `serve` keeps the database open (so its WAL and shared memory exist), the journal's directory and the log.
    QProcess serve;
    QProcessEnvironment env = environmentFor(environment);
    serve.setProcessEnvironment(env);
    serve.start(QStringLiteral(VSC_APP_BINARY),
                {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                 QStringLiteral("--public-url"), QStringLiteral("https://twilio:s3cret@surveys.example.invalid/vsc")});
    ::umask(previous);
    QVERIFY(serve.waitForStarted(30000));
    QByteArray out;
    while (!out.contains('\n') && serve.waitForReadyRead(60000)) {
        out += serve.readAllStandardOutput();
    }
    QVERIFY2(out.contains("Listening on"), out.constData());
    QVERIFY2(out.contains("https://***@surveys.example.invalid/vsc"), out.constData());
    QStringList checked;
    QDirIterator it(home.path(), QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        checked << info.fileName();
        QVERIFY2(modeOf(path) == (info.isDir() ? 0700 : 0600),
                 qPrintable(QStringLiteral("%1 has mode %2").arg(path).arg(modeOf(path), 0, 8)));
    }
    for (const QString &expected : {QStringLiteral("voicesurvey.sqlite"), QStringLiteral("voicesurvey.sqlite-wal"),
                                    QStringLiteral("voicesurvey.sqlite-shm"), QStringLiteral("voicesurvey.log"),
                                    QStringLiteral("journal"), QStringLiteral("logs")}) {
        QVERIFY2(checked.contains(expected), qPrintable(checked.join(QStringLiteral(", "))));
    }
    serve.terminate();
    QVERIFY(serve.waitForFinished(30000));
    const QByteArray err = serve.readAllStandardError();
    QVERIFY2(serve.exitStatus() == QProcess::NormalExit && serve.exitCode() == 0, err.constData());
    QVERIFY2(!err.contains("s3cret"), err.constData());
    QFile log(home.filePath(QStringLiteral("state/voicesurvey-console/logs/voicesurvey.log")));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray logged = log.readAll();
    QVERIFY2(logged.contains("***@surveys.example.invalid"), logged.constData());
    QVERIFY2(!logged.contains("s3cret"), logged.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
