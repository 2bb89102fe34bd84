// SPDX-License-Identifier: GPL-3.0-or-later
// The console dialing through Twilio, as an operator sets it up: Settings → Twilio stores the account (its auth
// token in the keychain only, the change audited, refused without settings.manage); the console then builds its
// stack from those settings, places the call through the REST API (Prism validating the request against Twilio's
// official OpenAPI spec) and serves the webhooks itself, next to the call flow on the dialing thread: a signed
// status callback settles the contact, a forged one gets 403.
#include "app/appcontext.h"
#include "services/campaigns/campaignservice.h"
#include "services/dialer/campaigncontrol.h"
#include "services/settings/twiliosettings.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "services/telephony/callflow.h"
#include "services/telephony/twiliosignature.h"
#include "tests/support/dialerprocess.h"
#include "tests/support/testdatabase.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace vsc;
using namespace vsc::services;

namespace {
template<typename T>
QString why(const Result<T> &result)
{
    return result.ok() ? QString() : result.error().toString();
}

const QString kAccount = QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const QString kCallSid = QStringLiteral("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"); // Prism's example call
const QString kToken = QStringLiteral("console-test-auth-token");
const QString kPublicUrl = QStringLiteral("https://surveys.example.com");

int postStatus(QNetworkAccessManager &network, quint16 port, qint64 attemptId, const QByteArray &signature,
               const telephony::FormParams &params)
{
    QByteArray body;
    for (const auto &[name, value] : params) {
        body += (body.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1/twilio/status?attempt=%2").arg(port).arg(attemptId)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader(QByteArrayLiteral("X-Twilio-Signature"), signature);
    QNetworkReply *reply = network.post(request, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(30000)) {
        return -1;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}
} // namespace

class TestConsoleTwilio : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void settingsAreCheckedStoredAndAudited();
    void consoleDialsThroughTwilioAndServesItsWebhooks();

private:
    QString m_mockUrl;
};

void TestConsoleTwilio::initTestCase()
{
    m_mockUrl = qEnvironmentVariable("VSC_TEST_TWILIO_MOCK_URL");
    QVERIFY2(!m_mockUrl.isEmpty(), "VSC_TEST_TWILIO_MOCK_URL is not set: run scripts/test.sh");
    // The console's own settings decide, not a shell's environment.
    qunsetenv("TWILIO_ACCOUNT_SID");
    qunsetenv("TWILIO_AUTH_TOKEN");
    qunsetenv("TWILIO_API_KEY");
}

void TestConsoleTwilio::settingsAreCheckedStoredAndAudited()
{
    tests::TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.errorString()));
    QVERIFY(storage::Migrator(db.database()).migrate().ok());
    services::SystemClock clock;
    auth::MemorySecretStore secrets;
    settings::TwilioSettingsService service(db.database(), clock, secrets);

    settings::TwilioSettings typed;
    typed.enabled = true;
    typed.accountSid = QStringLiteral("AC123");                           // too short
    typed.publicUrl = QUrl(QStringLiteral("http://surveys.example.com")); // http to another host
    typed.listen = QStringLiteral("127.0.0.1");                           // no port
    typed.defaultRegion = QStringLiteral("XX");
    QStringList fields;
    for (const auto &problem : typed.problems()) {
        fields << problem.field;
    }
    QCOMPARE(fields, (QStringList{QStringLiteral("accountSid"), QStringLiteral("listen"), QStringLiteral("publicUrl"),
                                  QStringLiteral("defaultRegion")}));

    Actor admin = Actor::fileOwner(QStringLiteral("tester"));
    typed.accountSid = kAccount;
    typed.publicUrl = QUrl(kPublicUrl);
    typed.listen = QStringLiteral("127.0.0.1:0");
    typed.defaultRegion = QStringLiteral("DE");
    typed.apiBaseUrl = QUrl(m_mockUrl);
    QVERIFY(typed.problems().isEmpty());
    // Enabled without a token anywhere: refused, naming the field.
    auto withoutToken = service.save(admin, typed, {});
    QVERIFY(!withoutToken);
    QVERIFY2(withoutToken.error().detail.startsWith(QLatin1String("authToken:")), qPrintable(why(withoutToken)));

    // Without settings.manage nothing is stored, the token included.
    Actor viewer;
    viewer.kind = ActorKind::User;
    viewer.name = QStringLiteral("vic");
    viewer.permissions = PermissionSet{Permission::ResultsView};
    auto denied = service.save(viewer, typed, {kToken, {}});
    QVERIFY(!denied);
    QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
    QVERIFY(!service.hasAuthToken(kAccount));

    auto saved = service.save(admin, typed, {kToken, {}});
    QVERIFY2(saved.ok(), qPrintable(why(saved)));
    QVERIFY(service.hasAuthToken(kAccount));
    auto loaded = service.load();
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.value().toValues(), typed.toValues());
    // The token is in the secret store and nowhere in the database: not in the settings, not in the audit log.
    auto leaked = storage::scalar(
        db.database().connection(),
        QStringLiteral("SELECT (SELECT COUNT(*) FROM app_settings WHERE value LIKE ?) + "
                       "(SELECT COUNT(*) FROM audit_log WHERE CAST(after_data AS TEXT) LIKE ? "
                       "OR CAST(before_data AS TEXT) LIKE ?)"),
        {QStringLiteral("%console-test%"), QStringLiteral("%console-test%"), QStringLiteral("%console-test%")});
    QVERIFY2(leaked.ok(), qPrintable(why(leaked)));
    QCOMPARE(leaked.value().toInt(), 0);
    // A campaign's caller ID is checked against the numbers the account may call from, once they are known.
    Campaign campaign;
    campaign.name = QStringLiteral("Twilio caller ID check");
    campaign.callerId = QStringLiteral("+15005550006");
    campaigns::CampaignService campaigns(db.database());
    auto unknownNumbers = campaigns.validate(campaign);
    QVERIFY(unknownNumbers.ok());
    const auto callerIdProblems = [](const QList<FieldProblem> &problems) {
        QStringList found;
        for (const auto &problem : problems) {
            if (problem.field == QLatin1String("caller_id")) {
                found << problem.message;
            }
        }
        return found;
    };
    QVERIFY(callerIdProblems(unknownNumbers.value()).isEmpty()); // no list yet: nothing to check against
    typed.callerNumbers = {QStringLiteral("+18089255327")};
    QVERIFY(service.save(admin, typed, {}).ok());
    auto checked = campaigns.validate(campaign);
    QVERIFY(checked.ok());
    QCOMPARE(callerIdProblems(checked.value()).size(), 1);
    QVERIFY2(callerIdProblems(checked.value()).constFirst().contains(QStringLiteral("+18089255327")),
             qPrintable(callerIdProblems(checked.value()).join(u'\n')));
    campaign.callerId = QStringLiteral("+18089255327");
    QVERIFY(callerIdProblems(campaigns.validate(campaign).value()).isEmpty());

    auto audited = storage::scalar(
        db.database().connection(),
        QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action IN ('settings.secret', 'settings.change')"));
    QCOMPARE(audited.value().toInt(), 3); // the token, the settings, then the numbers
}

void TestConsoleTwilio::consoleDialsThroughTwilioAndServesItsWebhooks()
{
    tests::TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.errorString()));
    app::AppContext context(std::make_unique<auth::MemorySecretStore>());
    auto opened = context.openDatabase(db.url());
    QVERIFY2(opened.ok(), qPrintable(why(opened)));
    auto campaign = tests::makeDialingCampaign(context.database(), 1, 1, 5);
    QVERIFY2(campaign.ok(), qPrintable(why(campaign)));
    auto owner = context.headlessActor();
    QVERIFY(owner.ok());

    settings::TwilioSettings typed;
    typed.enabled = true;
    typed.accountSid = kAccount;
    typed.apiBaseUrl = QUrl(m_mockUrl);
    typed.listen = QStringLiteral("127.0.0.1:0");
    typed.publicUrl = QUrl(kPublicUrl);
    settings::TwilioSettingsService service(context.database(), context.clock(), context.secrets());
    auto saved = service.save(owner.value(), typed, {kToken, {}});
    QVERIFY2(saved.ok(), qPrintable(why(saved)));

    // What the console does at start.
    auto stored = service.load();
    QVERIFY(stored.ok());
    app::TelephonyOptions telephony;
    QVERIFY(app::applyTwilioSettings(stored.value(), telephony));
    QVERIFY(!telephony.simulated);
    context.configureTelephony(telephony);
    auto control = context.campaignControl();
    QVERIFY2(control.ok(), qPrintable(why(control)));
    QVERIFY(context.simulatedCarrier() == nullptr);
    const quint16 port = context.webhookPort();
    QVERIFY(port > 0);
    // Its webhooks are stored by flows on threads of their own, not on the dialing thread; the dialer still hears of
    // each status (the contact's outcome below is the dialer's).
    QVERIFY(telephony.webhookWorkers >= 2);
    const QList<telephony::CallFlow *> workers = context.webhookFlows();
    QCOMPARE(workers.size(), telephony.webhookWorkers);
    QVERIFY(!workers.contains(&context.callFlow()));
    QVERIFY(workers.constFirst()->thread() != context.callFlow().thread());

    QVERIFY(control.value()->start(owner.value(), campaign.value()).ok());
    auto callSid = [&db] {
        auto sid =
            storage::scalar(db.database().connection(), QStringLiteral("SELECT MAX(call_sid) FROM call_attempts"));
        return sid.ok() ? sid.value().toString() : QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(callSid(), kCallSid, 30000);
    const qint64 attemptId = storage::scalar(db.database().connection(), QStringLiteral("SELECT id FROM call_attempts"))
                                 .value()
                                 .toLongLong();

    const telephony::FormParams params{{QStringLiteral("AccountSid"), kAccount},
                                       {QStringLiteral("CallSid"), kCallSid},
                                       {QStringLiteral("CallStatus"), QStringLiteral("busy")},
                                       {QStringLiteral("SequenceNumber"), QStringLiteral("3")}};
    const QString signedUrl = kPublicUrl + QStringLiteral("/twilio/status?attempt=%1").arg(attemptId) + u'#' +
                              QString::fromLatin1(telephony::CallFlow::kStatusCallbackOverrides);
    QNetworkAccessManager network;
    // Signed with another token: refused, nothing changes.
    QCOMPARE(postStatus(network, port, attemptId,
                        telephony::signature::compute(QByteArrayLiteral("not-the-token"), signedUrl, params), params),
             403);
    QCOMPARE(
        storage::scalar(db.database().connection(), QStringLiteral("SELECT status FROM contacts")).value().toString() ==
            QLatin1String("failed"),
        false);
    QCOMPARE(
        postStatus(network, port, attemptId, telephony::signature::compute(kToken.toUtf8(), signedUrl, params), params),
        200);
    QTRY_COMPARE_WITH_TIMEOUT(
        storage::scalar(db.database().connection(), QStringLiteral("SELECT status FROM contacts")).value().toString(),
        QStringLiteral("failed"), 30000); // one attempt allowed, and the line was busy
    QCOMPARE(storage::scalar(db.database().connection(), QStringLiteral("SELECT status FROM call_attempts"))
                 .value()
                 .toString(),
             QStringLiteral("busy"));
}

QTEST_GUILESS_MAIN(TestConsoleTwilio)
#include "tst_console_twilio.moc"
