// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/logging/logging.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vsc::services::logging;

class TestLogging : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void masksPhoneNumbers_data();
    void masksPhoneNumbers();
    void writesMaskedFileAndBridgesQt();
    void reportsUnwritableDirectory();
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
    qWarning("qt says %s", "+14155550199");
    QCOMPARE(logger("vsc.test").get(), logger("vsc.test").get());
    shutdown();
    QFile file(path.value());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.contains("[vsc.test] info placing call to +14*******23"), text.constData());
    QVERIFY2(text.contains("[qt] warning qt says +14*******99"), text.constData());
    QVERIFY(!text.contains("5550123"));
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

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
