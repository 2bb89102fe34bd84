// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/auth/secretstore.h"

#include <QTest>

using namespace vsc;
using namespace vsc::services::auth;

class TestSecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void memoryStoreRoundTrip();
    void keychainAnswersWithoutHanging();
};

void TestSecretStore::memoryStoreRoundTrip()
{
    MemorySecretStore store;
    auto missing = store.read(QStringLiteral("twilio/auth-token"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY(store.write(QStringLiteral("twilio/auth-token"), QStringLiteral("s3cr3t")).ok());
    QCOMPARE(store.read(QStringLiteral("twilio/auth-token")).value(), QStringLiteral("s3cr3t"));
    QVERIFY(store.remove(QStringLiteral("twilio/auth-token")).ok());
    QVERIFY(!store.read(QStringLiteral("twilio/auth-token")).ok());
}

// CI has no Secret Service unless scripts/test.sh starts one: either way the store must answer (not hang) with a
// NotFound or a keychain error, and when writing works, reading gives the secret back.
void TestSecretStore::keychainAnswersWithoutHanging()
{
    KeychainSecretStore store(QStringLiteral("VoiceSurvey Console tests"));
    const QString key = QStringLiteral("test/%1").arg(QCoreApplication::applicationPid());
    auto missing = store.read(key);
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().code == ErrorCode::NotFound || missing.error().code == ErrorCode::Secret);
    auto written = store.write(key, QStringLiteral("pa55"));
    if (qEnvironmentVariableIsSet("VSC_TEST_REQUIRE_KEYRING")) { // run inside a gnome-keyring session by ctest
        QVERIFY2(written.ok(), qPrintable(written.error().toString()));
    }
    if (written.ok()) {
        QCOMPARE(store.read(key).value(), QStringLiteral("pa55"));
        QVERIFY(store.remove(key).ok());
        QCOMPARE(store.read(key).error().code, ErrorCode::NotFound);
    } else {
        QCOMPARE(written.error().code, ErrorCode::Secret);
    }
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
