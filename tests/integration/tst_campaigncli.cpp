// SPDX-License-Identifier: GPL-3.0-or-later
// The `campaign` commands as a headless user runs them: the real binary in a child process. create from a file,
// show --json round-trips through update --from, a bad file lists every problem with its field (exit 2), list,
// start / pause / stop, and preview.
#include "services/storage/sql.h"
#include "testconfig.h"
#include "tests/support/testdatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCampaignCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void createShowUpdateRoundTrip();
    void badFileListsEveryProblem();
    void statusChangesAndPreview();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    };
    Run campaign(vsc::tests::TestDatabase &db, const QStringList &args);
    QString writeFile(const QString &name, const QByteArray &content);
    QTemporaryDir m_home;
};

void TestCampaignCli::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(VSC_APP_BINARY)));
    vsc::tests::TestDatabase probe;
    QVERIFY2(probe.isValid(), qPrintable(probe.errorString()));
}

TestCampaignCli::Run TestCampaignCli::campaign(vsc::tests::TestDatabase &db, const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_home.filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("VSC_NO_KEYCHAIN"), QStringLiteral("1"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(VSC_APP_BINARY),
                  QStringList{QStringLiteral("campaign")} + args + QStringList{QStringLiteral("--database"), db.url()});
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

QString TestCampaignCli::writeFile(const QString &name, const QByteArray &content)
{
    QString path = m_home.filePath(name); // not const: returned by move
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
        return {};
    }
    return path;
}

void TestCampaignCli::createShowUpdateRoundTrip()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    const QString file = writeFile(QStringLiteral("spring.json"), R"({
        "name": "Spring survey",
        "caller_id": "+14155550100",
        "language": "en-US",
        "window": {"start": "09:00", "end": "20:00", "blocked_weekdays": [7], "blocked_dates": ["2026-12-25"]},
        "pacing": {"calls_per_second": 2, "max_concurrent_calls": 20},
        "attempts": {"max": 4, "retry_delay_seconds": {"busy": 600, "no-answer": 3600, "machine": 7200}},
        "quotas": {"region": {"West": 50, "East": 50}},
        "answering_machine": {"action": "leave_message", "message": "We will call again."}
    })");
    QVERIFY(!file.isEmpty());
    Run created = campaign(db, {QStringLiteral("create"), QStringLiteral("--from"), file, QStringLiteral("--json")});
    QCOMPARE(created.exitCode, 0);
    const qint64 id = created.json().value(QStringLiteral("id")).toInteger();
    QVERIFY(id > 0);
    Run shown = campaign(db, {QStringLiteral("show"), QString::number(id), QStringLiteral("--json")});
    QCOMPARE(shown.exitCode, 0);
    QJsonObject json = shown.json();
    QCOMPARE(json.value(QStringLiteral("name")).toString(), QStringLiteral("Spring survey"));
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
    QCOMPARE(json.value(QStringLiteral("window")).toObject().value(QStringLiteral("blocked_weekdays")).toArray(),
             QJsonArray({7}));
    QCOMPARE(json.value(QStringLiteral("answering_machine")).toObject().value(QStringLiteral("action")).toString(),
             QStringLiteral("leave_message"));
    // show -> edit -> update: the printed form is what --from reads.
    QJsonObject pacing = json.value(QStringLiteral("pacing")).toObject();
    pacing.insert(QStringLiteral("calls_per_second"), 3.5);
    json.insert(QStringLiteral("pacing"), pacing);
    const QString edited = writeFile(QStringLiteral("edited.json"), QJsonDocument(json).toJson());
    Run updated = campaign(db, {QStringLiteral("update"), QString::number(id), QStringLiteral("--from"), edited});
    QVERIFY2(updated.exitCode == 0, updated.err.constData());
    Run again = campaign(db, {QStringLiteral("show"), QString::number(id), QStringLiteral("--json")});
    QCOMPARE(again.json(), json);
    // Listed, and audited with before and after.
    Run listed = campaign(db, {QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listed.json().value(QStringLiteral("campaigns")).toArray().size(), 1);
    QCOMPARE(vsc::tests::count(db.database(),
                               QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'campaign.update' AND "
                                              "entity_id = ?"),
                               {id}),
             1);
}

void TestCampaignCli::badFileListsEveryProblem()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    const QString file = writeFile(QStringLiteral("bad.json"), R"({
        "name": "",
        "caller_id": "555-0100",
        "window": {"start": "8am", "end": "21:00"},
        "pacing": {"calls_per_second": 0},
        "attempts": {"max": 50, "retry_delay_seconds": {"busy": -1}},
        "colour": "blue"
    })");
    Run bad = campaign(db, {QStringLiteral("create"), QStringLiteral("--from"), file});
    QCOMPARE(bad.exitCode, 2);
    QStringList lines; // stderr also carries the log (migrations)
    for (const QString &line : QString::fromUtf8(bad.err).split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(file) || line.startsWith(QStringLiteral("voicesurvey-console:"))) {
            lines << line;
        }
    }
    const QStringList expected{
        file + QStringLiteral(": window.start: \"8am\" is not a time; use HH:mm, e.g. 08:00"),
        file + QStringLiteral(": colour: unknown key; see docs/CAMPAIGN_FORMAT.md"),
        file + QStringLiteral(": name: enter a name"),
        file + QStringLiteral(": caller_id: start with + and the country code, e.g. +14155550100"),
        file + QStringLiteral(": pacing.calls_per_second: use more than 0 and at most 100 calls per second"),
        file + QStringLiteral(": attempts.max: use 1 to 20 attempts per contact"),
        file + QStringLiteral(": attempts.retry_delay_seconds.busy: use a whole number of seconds from 0 to 2592000 "
                              "(30 days)"),
        QStringLiteral("voicesurvey-console: 7 problem(s); nothing was saved")};
    QCOMPARE(lines, expected);
    QCOMPARE(vsc::tests::count(db.database(), QStringLiteral("SELECT COUNT(*) FROM campaigns")), 0);
    // Not JSON at all: said so, exit 2.
    const QString garbage = writeFile(QStringLiteral("garbage.json"), "{ name: ");
    Run notJson = campaign(db, {QStringLiteral("create"), QStringLiteral("--from"), garbage});
    QCOMPARE(notJson.exitCode, 2);
    QVERIFY(notJson.err.contains("not JSON"));
    // An unknown campaign to show is bad input too.
    QCOMPARE(campaign(db, {QStringLiteral("show"), QStringLiteral("999")}).exitCode, 2);
}

void TestCampaignCli::statusChangesAndPreview()
{
    vsc::tests::TestDatabase db;
    QVERIFY(db.isValid());
    const QString file = writeFile(QStringLiteral("small.json"),
                                   R"({"name": "Small", "caller_id": "+14155550100", "window": {"start": "08:00",
                                       "end": "21:00"}})");
    Run created = campaign(db, {QStringLiteral("create"), QStringLiteral("--from"), file, QStringLiteral("--json")});
    QCOMPARE(created.exitCode, 0);
    const qint64 id = created.json().value(QStringLiteral("id")).toInteger();
    QVERIFY(vsc::services::storage::exec(db.database().connection(),
                                         QStringLiteral("INSERT INTO contacts (campaign_id, phone_e164, time_zone) "
                                                        "VALUES (?, '+13125550101', 'America/Chicago'), "
                                                        "(?, '+13125550102', 'Pacific/Honolulu')"),
                                         {id, id})
                .ok());
    // Monday 16:00 UTC: 10:00 in Chicago, 06:00 in Honolulu.
    Run preview = campaign(db, {QStringLiteral("preview"), QString::number(id), QStringLiteral("--at"),
                                QStringLiteral("2026-11-23T16:00:00Z")});
    QCOMPARE(preview.exitCode, 0);
    QCOMPARE(QString::fromUtf8(preview.out).trimmed(),
             QStringLiteral("campaign %1 at 2026-11-23T16:00:00Z, 2 contacts: 1 dialable now; 1 outside their window "
                            "until 08:00 local")
                 .arg(id));
    Run json = campaign(db, {QStringLiteral("preview"), QString::number(id), QStringLiteral("--at"),
                             QStringLiteral("2026-11-23T16:00:00Z"), QStringLiteral("--json")});
    QCOMPARE(json.json().value(QStringLiteral("counts")).toObject().value(QStringLiteral("outside_window")).toInt(), 1);
    // A draft without a script cannot start; stop is final.
    Run start = campaign(db, {QStringLiteral("start"), QString::number(id)});
    QCOMPARE(start.exitCode, 2);
    QVERIFY2(start.err.contains("no survey script"), start.err.constData());
    QCOMPARE(campaign(db, {QStringLiteral("stop"), QString::number(id)}).exitCode, 0);
    Run restart = campaign(db, {QStringLiteral("pause"), QString::number(id)});
    QCOMPARE(restart.exitCode, 2);
    QVERIFY(restart.err.contains("a stopped campaign cannot become paused"));
}

QTEST_GUILESS_MAIN(TestCampaignCli)
#include "tst_campaigncli.moc"
