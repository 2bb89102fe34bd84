// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/contacts/contactimporter.h"
#include "services/demo/demoseeder.h"
#include "services/storage/migrator.h"
#include "testconfig.h"
#include "tests/support/fakeclock.h"
#include "tests/support/testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace vsc;

// `suppression add|remove|import|list|export` and `results export` as a user runs them, on both backends.
class TestResultsCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void suppressionCommands();
    void resultsExportToStdoutAndFile();
    void badUsage();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(QStringList args);

    std::unique_ptr<tests::TestDatabase> m_db;
    tests::FakeClock m_clock;
    QTemporaryDir m_home;
    qint64 m_campaignId = 0;
};

void TestResultsCli::initTestCase()
{
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    QVERIFY(services::storage::Migrator(m_db->database()).migrate().ok());
    auto seeded = services::demo::DemoSeeder(m_db->database(), m_clock).seed();
    QVERIFY(seeded.ok());
    m_campaignId = seeded.value().campaignId;
}

void TestResultsCli::cleanupTestCase()
{
    m_db.reset();
}

TestResultsCli::Run TestResultsCli::run(QStringList args)
{
    args << QStringLiteral("--database") << m_db->url();
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_home.filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("VSC_NO_KEYCHAIN"), QStringLiteral("1"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(VSC_APP_BINARY), args);
    if (!process.waitForFinished(120000)) {
        process.kill();
        return {};
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

void TestResultsCli::suppressionCommands()
{
    Run added = run({QStringLiteral("suppression"), QStringLiteral("add"), QStringLiteral("(415) 555-0161"),
                     QStringLiteral("--reason"), QStringLiteral("letter"), QStringLiteral("--json")});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    const qint64 id = QJsonDocument::fromJson(added.out).object().value(QStringLiteral("id")).toInteger();
    QVERIFY(id > 0);
    Run again = run({QStringLiteral("suppression"), QStringLiteral("add"), QStringLiteral("+14155550161")});
    QCOMPARE(again.exitCode, 1); // already listed: a conflict, not bad usage
    Run bad = run({QStringLiteral("suppression"), QStringLiteral("add"), QStringLiteral("12")});
    QCOMPARE(bad.exitCode, 2);

    Run listed = run({QStringLiteral("suppression"), QStringLiteral("list"), QStringLiteral("--search"),
                      QStringLiteral("5550161"), QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray entries = QJsonDocument::fromJson(listed.out).object().value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).toObject().value(QStringLiteral("number")).toString(), QStringLiteral("+14155550161"));
    QCOMPARE(entries.at(0).toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("letter"));

    const QString csv = m_home.filePath(QStringLiteral("dnc.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Number,Reason\n4155550162,complaint\nnot a number,x\n");
    file.close();
    Run imported = run({QStringLiteral("suppression"), QStringLiteral("import"), csv, QStringLiteral("--json")});
    QCOMPARE(imported.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(imported.out).object();
    QCOMPARE(report.value(QStringLiteral("added")).toInt(), 1);
    QCOMPARE(report.value(QStringLiteral("rejected")).toArray().at(0).toObject().value(QStringLiteral("line")).toInt(),
             3);

    Run exported = run({QStringLiteral("suppression"), QStringLiteral("export"), QStringLiteral("-")});
    QCOMPARE(exported.exitCode, 0);
    auto parsed = services::contacts::parseCsv(exported.out);
    QVERIFY(parsed.ok());
    QStringList numbers;
    for (const auto &record : parsed.value()) {
        numbers << record.fields.constFirst();
    }
    QVERIFY(numbers.contains(QStringLiteral("+14155550161")));
    QVERIFY(numbers.contains(QStringLiteral("+14155550162")));

    Run removed = run({QStringLiteral("suppression"), QStringLiteral("remove"), QString::number(id)});
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    Run gone = run({QStringLiteral("suppression"), QStringLiteral("remove"), QString::number(id)});
    QCOMPARE(gone.exitCode, 2); // no such entry
}

void TestResultsCli::resultsExportToStdoutAndFile()
{
    Run csv =
        run({QStringLiteral("results"), QStringLiteral("export"), QStringLiteral("--campaign"),
             QString::number(m_campaignId), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-")});
    QVERIFY2(csv.exitCode == 0, csv.err.constData());
    auto parsed = services::contacts::parseCsv(csv.out);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().constFirst().fields.constFirst(), QStringLiteral("contact_id"));
    const int rows = tests::count(
        m_db->database(),
        QStringLiteral(
            "SELECT SUM(CASE WHEN n = 0 THEN 1 ELSE n END) FROM (SELECT (SELECT COUNT(*) FROM call_attempts a "
            "WHERE a.contact_id = c.id) AS n FROM contacts c WHERE c.campaign_id = ?) x"),
        {m_campaignId});
    QCOMPARE(int(parsed.value().size()) - 1, rows);

    const QString xlsx = m_home.filePath(QStringLiteral("results.xlsx"));
    Run file = run({QStringLiteral("results"), QStringLiteral("export"), QStringLiteral("--campaign"),
                    QString::number(m_campaignId), QStringLiteral("--format"), QStringLiteral("xlsx"), xlsx,
                    QStringLiteral("--json")});
    QVERIFY2(file.exitCode == 0, file.err.constData());
    QCOMPARE(QJsonDocument::fromJson(file.out).object().value(QStringLiteral("rows")).toInt(), rows);
    QFile written(xlsx);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.read(2) == "PK"); // a zip container
}

void TestResultsCli::badUsage()
{
    QCOMPARE(
        run({QStringLiteral("results"), QStringLiteral("export"), QStringLiteral("--campaign"),
             QString::number(m_campaignId), QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("x.pdf")})
            .exitCode,
        2);
    QCOMPARE(
        run({QStringLiteral("results"), QStringLiteral("export"), QStringLiteral("--campaign"),
             QString::number(m_campaignId), QStringLiteral("--format"), QStringLiteral("xlsx"), QStringLiteral("-")})
            .exitCode,
        2);
    QCOMPARE(run({QStringLiteral("results"), QStringLiteral("export"), QStringLiteral("--campaign"),
                  QStringLiteral("9999"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-")})
                 .exitCode,
             2);
}

QTEST_GUILESS_MAIN(TestResultsCli)
#include "tst_resultscli.moc"
