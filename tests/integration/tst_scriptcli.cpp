// SPDX-License-Identifier: GPL-3.0-or-later
// `script import|export|list`, run as a user would: the real binary in a child process, on both backends.
#include "services/dialogue/script.h"
#include "testconfig.h"
#include "tests/support/testdatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace vsc::services::dialogue;

namespace {

// Numbers and a range in branches, a German variant: what the format grew for the editor.
const QByteArray kScript = R"({
  "format": 1, "name": "NPS follow-up", "language": "en-US", "voice": "Polly.Joanna",
  "intro": "Hello from Northwind.",
  "questions": [
    { "id": "nps", "type": "numeric", "min": 0, "max": 10, "prompt": "From zero to ten?",
      "branches": [ { "when": [0, 1, 2, {"min": 3, "max": 6}], "goto": "why" }, { "when": "*", "goto": "end" } ] },
    { "id": "why", "type": "free_speech", "prompt": "What should we improve?" }
  ],
  "variants": { "de-DE": { "voice": "Polly.Vicki", "intro": "Hallo von Northwind.",
    "questions": { "nps": { "prompt": "Von null bis zehn?" }, "why": { "prompt": "Was sollen wir verbessern?" } } } }
})";

} // namespace

class TestScriptCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void importExportRoundTrip();
    void invalidScriptsAreRefusedWithEveryProblem();
    void unknownVersionIsBadInput();
    void simulateSpeaksTheCallersLanguage();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    };
    Run run(QStringList args, const QByteArray &input = {});
    QString write(const QString &name, const QByteArray &content);

    QTemporaryDir m_home;
    std::unique_ptr<vsc::tests::TestDatabase> m_db;
};

void TestScriptCli::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(VSC_APP_BINARY)));
}

void TestScriptCli::init()
{
    m_db = std::make_unique<vsc::tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
}

TestScriptCli::Run TestScriptCli::run(QStringList args, const QByteArray &input)
{
    args << QStringLiteral("--database") << m_db->url();
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_home.filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("VSC_NO_KEYCHAIN"), QStringLiteral("1"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(VSC_APP_BINARY), args);
    if (process.waitForStarted(30000)) {
        process.write(input);
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

QString TestScriptCli::write(const QString &name, const QByteArray &content)
{
    QFile file(m_home.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        return {};
    }
    return file.fileName();
}

void TestScriptCli::importExportRoundTrip()
{
    const QString input = write(QStringLiteral("nps.json"), kScript);
    const Run imported = run({QStringLiteral("script"), QStringLiteral("import"), input, QStringLiteral("--json")});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    const qint64 scriptId = imported.json().value(QStringLiteral("scriptId")).toInteger();
    const qint64 versionId = imported.json().value(QStringLiteral("versionId")).toInteger();
    QVERIFY(scriptId > 0 && versionId > 0);
    QCOMPARE(imported.json().value(QStringLiteral("version")).toInt(), 1);

    // A second import with another name is another script.
    const Run renamed = run({QStringLiteral("script"), QStringLiteral("import"), input, QStringLiteral("--name"),
                             QStringLiteral("NPS (copy)")});
    QVERIFY2(renamed.exitCode == 0, renamed.err.constData());
    QVERIFY2(renamed.out.contains("imported as script"), renamed.out.constData());

    const QString output = m_home.filePath(QStringLiteral("exported.json"));
    const Run exported = run({QStringLiteral("script"), QStringLiteral("export"), QStringLiteral("--script-version"),
                              QString::number(versionId), output});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    const LoadedScript original = loadScript(kScript);
    const LoadedScript back = loadScript(written);
    QVERIFY(original.ok());
    QVERIFY2(back.ok(), written.constData());
    QCOMPARE(back.script, original.script); // the same script, numbers, range and variant included
    QVERIFY2(written.contains("\"min\": 3"), written.constData());

    const Run toStdout = run({QStringLiteral("script"), QStringLiteral("export"), QStringLiteral("--script-version"),
                              QString::number(versionId), QStringLiteral("-")});
    QCOMPARE(toStdout.exitCode, 0);
    QCOMPARE(toStdout.out, written);

    const Run list = run({QStringLiteral("script"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    const QJsonArray scripts = list.json().value(QStringLiteral("scripts")).toArray();
    QCOMPARE(scripts.size(), 2);
    QStringList names;
    for (const QJsonValue &s : scripts) {
        names << s.toObject().value(QStringLiteral("name")).toString();
        QCOMPARE(s.toObject().value(QStringLiteral("versions")).toArray().size(), 1);
    }
    QCOMPARE(names, QStringList({QStringLiteral("NPS (copy)"), QStringLiteral("NPS follow-up")}));
    const QJsonObject version = scripts.at(1).toObject().value(QStringLiteral("versions")).toArray().at(0).toObject();
    QCOMPARE(version.value(QStringLiteral("id")).toInteger(), versionId);
    QCOMPARE(version.value(QStringLiteral("questions")).toInt(), 2);

    // Saving is audited.
    const Run audit = run({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"),
                           QStringLiteral("script.version"), QStringLiteral("--json")});
    QCOMPARE(audit.exitCode, 0);
    QCOMPARE(audit.json().value(QStringLiteral("entries")).toArray().size(), 2);
}

void TestScriptCli::invalidScriptsAreRefusedWithEveryProblem()
{
    QByteArray broken = kScript;
    broken.replace("\"max\": 6", "\"max\": 12").replace("\"prompt\": \"Was sollen wir verbessern?\"", "\"x\": 1");
    const Run refused = run({QStringLiteral("script"), QStringLiteral("import"),
                             write(QStringLiteral("broken.json"), broken), QStringLiteral("--json")});
    QCOMPARE(refused.exitCode, 2);
    const QJsonObject error = refused.json().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("invalid argument"));
    const QString message = error.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("range 3-12 goes beyond")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("variants.de-DE.questions.why.x")), qPrintable(message));
    const Run list = run({QStringLiteral("script"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(list.json().value(QStringLiteral("scripts")).toArray().size(), 0);
}

void TestScriptCli::unknownVersionIsBadInput()
{
    const Run missing = run({QStringLiteral("script"), QStringLiteral("export"), QStringLiteral("--script-version"),
                             QStringLiteral("999"), QStringLiteral("-"), QStringLiteral("--json")});
    QCOMPARE(missing.exitCode, 2);
    const Run noVersion = run({QStringLiteral("script"), QStringLiteral("export"), QStringLiteral("-")});
    QCOMPARE(noVersion.exitCode, 2);
    QVERIFY2(noVersion.err.contains("--script-version"), noVersion.err.constData());
}

void TestScriptCli::simulateSpeaksTheCallersLanguage()
{
    const QString file = write(QStringLiteral("nps.json"), kScript);
    const Run german =
        run({QStringLiteral("simulate"), file, QStringLiteral("--language"), QStringLiteral("de-AT")}, "4\nzu teuer\n");
    QCOMPARE(german.exitCode, 0);
    QVERIFY2(german.out.contains("Hallo von Northwind.") && german.out.contains("Von null bis zehn?"),
             german.out.constData());
    QVERIFY(german.out.contains("Was sollen wir verbessern?")); // 4 is in 3-6: the range branch
    QVERIFY(german.out.contains("why = zu teuer"));
    const Run english = run({QStringLiteral("simulate"), file}, "9\n");
    QCOMPARE(english.exitCode, 0);
    QVERIFY2(english.out.contains("From zero to ten?") && !english.out.contains("What should we improve?"),
             english.out.constData());
}

QTEST_GUILESS_MAIN(TestScriptCli)
#include "tst_scriptcli.moc"
