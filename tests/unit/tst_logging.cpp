// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/logging/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace vsc::services::logging;

namespace {
int modeOf(const QString &path)
{
    struct stat status = {};
    return ::stat(QFile::encodeName(path).constData(), &status) == 0 ? int(status.st_mode & 0777) : -1;
}
} // namespace

class TestLogging : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void masksPhoneNumbers_data();
    void masksPhoneNumbers();
    void redactsUrlCredentials_data();
    void redactsUrlCredentials();
    void writesMaskedFileAndBridgesQt();
    void reportsUnwritableDirectory();
    void logFilesArePrivateWhateverTheUmask();
};

void TestLogging::masksPhoneNumbers_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("e164") << "dialing +14155550123 now"
                          << "dialing +14*******23 now";
    QTest::newRow("formatted") << "call (415) 555-0123"
                               << "call (41*) ***-**23";
    QTest::newRow("german") << "+49 30 231250"
                            << "+49 ** ****50";
    QTest::newRow("short numbers stay") << "attempt 3 of 12, port 8089"
                                        << "attempt 3 of 12, port 8089";
    QTest::newRow("sid untouched") << "CallSid CA1234567890abcdef1234567890abcdef"
                                   << "CallSid CA1234567890abcdef1234567890abcdef";
    QTest::newRow("timestamp untouched") << "2026-11-23T10:00:00"
                                         << "2026-11-23T10:00:00";
    QTest::newRow("two numbers") << "+14155550123,+493023125000"
                                 << "+14*******23,+49********00";
    QTest::newRow("empty") << ""
                           << "";
    // Numbers in URLs and form bodies: '+' arrives URL-encoded and glued to its neighbours.
    QTest::newRow("url-encoded") << "To=%2B14155550123"
                                 << "To=%2B14*******23";
    QTest::newRow("url-encoded lower case") << "to %2b14155550123 ok"
                                            << "to %2b14*******23 ok";
    QTest::newRow("glued form body") << "To=%2B14155550123&From=%2B14155550199&CallStatus=ringing"
                                     << "To=%2B14*******23&From=%2B14*******99&CallStatus=ringing";
    QTest::newRow("glued to a word") << "number:+14155550123;next"
                                     << "number:+14*******23;next";
    QTest::newRow("query string") << "GET /twilio/voice?To=%2B493023125000&x=1"
                                  << "GET /twilio/voice?To=%2B49********00&x=1";
    QTest::newRow("national with area code") << "raw 4155550123 rejected"
                                             << "raw 41******23 rejected";
    QTest::newRow("dotted") << "call 415.555.0123"
                            << "call 41*.***.**23";
    // Counts, sizes, ports and times are not phone numbers.
    QTest::newRow("a million rows") << "imported 1000000 contact(s)"
                                    << "imported 1000000 contact(s)";
    QTest::newRow("nine digits") << "read 123456789 bytes"
                                 << "read 123456789 bytes";
    QTest::newRow("date and time") << "at 2026-11-23 10:00:00"
                                   << "at 2026-11-23 10:00:00";
    QTest::newRow("ipv4 address") << "from 192.168.100.200 port 8089"
                                  << "from 192.168.100.200 port 8089";
    QTest::newRow("before a colon") << "call 4155550123: busy"
                                    << "call 41******23: busy";
    QTest::newRow("short international") << "+49 30 12"
                                         << "+49 30 12";
    QTest::newRow("encoded space is not a plus") << "a%20b"
                                                 << "a%20b";
}

void TestLogging::redactsUrlCredentials_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("user and password") << "public URL https://twilio:s3cret@surveys.example.com/vsc"
                                       << "public URL https://***@surveys.example.com/vsc";
    QTest::newRow("user only") << "at http://user@127.0.0.1:8089"
                               << "at http://***@127.0.0.1:8089";
    QTest::newRow("at sign in the password") << "https://u:p@ss@host/x"
                                             << "https://***@host/x";
    QTest::newRow("at sign in the path stays") << "https://host/a@b"
                                               << "https://host/a@b";
    QTest::newRow("no user info") << "https://surveys.example.com/twilio/voice"
                                  << "https://surveys.example.com/twilio/voice";
    QTest::newRow("two URLs") << "https://a:b@one and https://c:d@two/"
                              << "https://***@one and https://***@two/";
    QTest::newRow("mail address untouched") << "ops@example.com"
                                            << "ops@example.com";
}

void TestLogging::redactsUrlCredentials()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(redactUrlCredentials(input.toStdString())), expected);
}

void TestLogging::masksPhoneNumbers()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(maskPhoneNumbers(input.toStdString())), expected);
}

void TestLogging::writesMaskedFileAndBridgesQt()
{
    QTemporaryDir dir;
    LogOptions options;
    options.directory = dir.path();
    options.toStderr = false;
    options.level = spdlog::level::debug;
    auto path = initialize(options);
    QVERIFY(path.ok());
    installQtMessageBridge();
    logger("vsc.test")->info("placing call to {}", "+14155550123");
    logger("vsc.test")->info("public URL {}", "https://twilio:s3cret@surveys.example.com");
    qWarning("qt says %s", "+14155550199");
    QCOMPARE(logger("vsc.test").get(), logger("vsc.test").get());
    shutdown();
    QFile file(path.value());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.contains("[vsc.test] info placing call to +14*******23"), text.constData());
    QVERIFY2(text.contains("[qt] warning qt says +14*******99"), text.constData());
    QVERIFY(!text.contains("5550123"));
    QVERIFY2(text.contains("public URL https://***@surveys.example.com"), text.constData());
    QVERIFY(!text.contains("s3cret"));
}

void TestLogging::reportsUnwritableDirectory()
{
    LogOptions options;
    options.directory = QStringLiteral("/proc/self/forbidden/logs");
    options.toStderr = false;
    auto result = initialize(options);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, vsc::ErrorCode::Io);
    shutdown();
}

// The logs hold phone numbers (masked) and answers: 0700 directories and 0600 files even under umask 022, also for
// the file spdlog opens after a rotation and for files an older version left readable.
void TestLogging::logFilesArePrivateWhateverTheUmask()
{
    const mode_t previous = ::umask(022);
    QTemporaryDir dir;
    const QString logs = dir.filePath(QStringLiteral("state/voicesurvey-console/logs"));
    QVERIFY(QDir().mkpath(logs));
    QVERIFY(QFile::setPermissions(logs, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther |
                                            QFile::ExeOther));
    QFile old(QDir(logs).filePath(QStringLiteral("voicesurvey.2.log")));
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.close();
    QCOMPARE(modeOf(old.fileName()), 0644);
    const QString fresh = dir.filePath(QStringLiteral("fresh/a/logs"));
    for (const QString &directory : {logs, fresh}) {
        LogOptions options;
        options.directory = directory;
        options.toStderr = false;
        options.maxFileBytes = 512;
        options.maxFiles = 3;
        auto path = initialize(options);
        QVERIFY2(path.ok(), path.ok() ? "" : qPrintable(path.error().toString()));
        for (int i = 0; i < 40; ++i) {
            logger("vsc.test")->info("line {} of a log that rotates after 512 bytes", i);
        }
        shutdown();
        const QDir logDir(directory);
        QVERIFY(logDir.exists(QStringLiteral("voicesurvey.1.log"))); // rotated at least once
        for (const QString &name : logDir.entryList(QDir::Files)) {
            QCOMPARE(modeOf(logDir.filePath(name)), 0600);
        }
        QCOMPARE(modeOf(directory), 0700);
    }
    // Directories created on the way are private too (XDG base directory spec).
    QCOMPARE(modeOf(dir.filePath(QStringLiteral("fresh/a"))), 0700);
    ::umask(previous);
}

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
