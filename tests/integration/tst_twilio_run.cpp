// SPDX-License-Identifier: GPL-3.0-or-later
// `run` through Twilio, as deployed: the headless dialer creates the call with the REST API (Prism serving Twilio's
// official OpenAPI spec validates the request), serves the webhooks itself, and a signed status callback ends the
// call, which settles the contact and completes the campaign.
#include "services/storage/sql.h"
#include "services/telephony/callflow.h"
#include "services/telephony/twiliosignature.h"
#include "testconfig.h"
#include "tests/support/dialerprocess.h"
#include "tests/support/testdatabase.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

using namespace vsc;
using namespace vsc::services;

namespace {
const QString kAccount = QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const QString kCallSid = QStringLiteral("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"); // Prism's example call
const QByteArray kToken = QByteArrayLiteral("run-test-auth-token");
const QString kPublicUrl = QStringLiteral("https://surveys.example.com");
} // namespace

class TestTwilioRun : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dialsThroughTwilioAndSettlesFromWebhooks();

private:
    QString m_mockUrl;
    QTemporaryDir m_dir;
};

void TestTwilioRun::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(VSC_APP_BINARY)));
    m_mockUrl = qEnvironmentVariable("VSC_TEST_TWILIO_MOCK_URL");
    QVERIFY2(!m_mockUrl.isEmpty(), "VSC_TEST_TWILIO_MOCK_URL is not set: run scripts/test.sh");
    qputenv("TWILIO_ACCOUNT_SID", kAccount.toUtf8());
    qputenv("TWILIO_AUTH_TOKEN", kToken);
}

void TestTwilioRun::dialsThroughTwilioAndSettlesFromWebhooks()
{
    tests::TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.errorString()));
    // One contact: Prism answers every create with the same example SID.
    auto campaign = tests::makeDialingCampaign(db.database(), 1, 1, 5);
    QVERIFY(campaign.ok());
    tests::DialerProcess run(QStringLiteral(VSC_APP_BINARY),
                             {QStringLiteral("run"), QStringLiteral("--campaign"), QString::number(campaign.value()),
                              QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--public-url"),
                              kPublicUrl, QStringLiteral("--twilio-api-url"), m_mockUrl, QStringLiteral("--database"),
                              db.url(), QStringLiteral("--json")},
                             m_dir.filePath(QStringLiteral("state")));
    QTRY_VERIFY2_WITH_TIMEOUT(run.hasEvent(QStringLiteral("listening")), qPrintable(run.stderrText()), 30000);
    const int port = run.events(QStringLiteral("listening")).constFirst().value(QStringLiteral("port")).toInt();
    QVERIFY(port > 0);
    auto callSid = [&db] {
        auto sid =
            storage::scalar(db.database().connection(), QStringLiteral("SELECT MAX(call_sid) FROM call_attempts"));
        return sid.ok() ? sid.value().toString() : QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(callSid(), kCallSid, 30000);
    const qint64 attemptId = storage::scalar(db.database().connection(), QStringLiteral("SELECT id FROM call_attempts"))
                                 .value()
                                 .toLongLong();

    // Twilio reports the end of the call, signed for the status URL the run gave it, connection overrides included
    // (the fragment is not sent).
    const telephony::FormParams params{{QStringLiteral("AccountSid"), kAccount},
                                       {QStringLiteral("CallSid"), kCallSid},
                                       {QStringLiteral("CallStatus"), QStringLiteral("busy")},
                                       {QStringLiteral("SequenceNumber"), QStringLiteral("3")}};
    const QString path = QStringLiteral("/twilio/status?attempt=%1").arg(attemptId);
    QByteArray body;
    for (const auto &[name, value] : params) {
        body += (body.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader(
        QByteArrayLiteral("X-Twilio-Signature"),
        telephony::signature::compute(
            kToken, kPublicUrl + path + u'#' + QString::fromLatin1(telephony::CallFlow::kStatusCallbackOverrides),
            params));
    QNetworkReply *reply = network.post(request, body);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30000);
    QVERIFY2(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200,
             qPrintable(reply->errorString()));
    reply->deleteLater();

    // The dialer settles the contact (one attempt allowed: failed), the campaign is done and the run ends.
    QVERIFY(run.process().waitForFinished(60000));
    QCOMPARE(run.process().exitCode(), 0);
    QVERIFY(run.hasEvent(QStringLiteral("done")));
    QCOMPARE(storage::scalar(db.database().connection(), QStringLiteral("SELECT status FROM call_attempts"))
                 .value()
                 .toString(),
             QStringLiteral("busy"));
    QCOMPARE(
        storage::scalar(db.database().connection(), QStringLiteral("SELECT status FROM contacts")).value().toString(),
        QStringLiteral("failed"));
    QCOMPARE(storage::scalar(db.database().connection(), QStringLiteral("SELECT status FROM campaigns WHERE id = ?"),
                             {campaign.value()})
                 .value()
                 .toString(),
             QStringLiteral("completed"));
}

QTEST_GUILESS_MAIN(TestTwilioRun)
#include "tst_twilio_run.moc"
