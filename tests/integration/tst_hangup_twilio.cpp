// SPDX-License-Identifier: GPL-3.0-or-later
// A supervisor's hang-up of a Twilio call, end to end against the real peer: CallSupervision (permission, audit,
// who ended it) -> TwilioProvider -> TwilioClient -> Prism serving Twilio's official OpenAPI spec, which validates the
// request (path, SID patterns, form fields and their enums, Basic auth) and answers 422 when it does not conform.
// The network layer records what left, so the test reads the exact request; a request the spec rejects (the body
// altered on its way out) must come back to the supervisor as an error, with nobody named as having ended the call.
// scripts/test.sh starts Prism and sets VSC_TEST_TWILIO_MOCK_URL; without it this test fails, it never skips.
#include "services/calls/callsupervision.h"
#include "services/clock.h"
#include "services/storage/auditrepository.h"
#include "services/storage/callrepository.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "services/telephony/twilioclient.h"
#include "services/telephony/twilioprovider.h"
#include "tests/support/callfixture.h"
#include "tests/support/testdatabase.h"

#include <QBuffer>
#include <QNetworkAccessManager>
#include <QTest>

#include <functional>
#include <optional>

using namespace vsc;
using namespace vsc::services;

namespace {

const QString kAccount = QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const QString kCallSid = QStringLiteral("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"); // Prism's example call

// Sends what it is given, and records each request as it leaves; `alter` may change the body on its way out.
class RecordingNetwork final : public QNetworkAccessManager
{
public:
    struct Sent
    {
        QByteArray verb;
        QUrl url;
        QByteArray body;
    };
    QList<Sent> sent;
    std::function<QByteArray(const QByteArray &)> alter;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override
    {
        QByteArray body = outgoingData != nullptr ? outgoingData->readAll() : QByteArray();
        if (alter) {
            body = alter(body);
        }
        const QByteArray verb = op == PostOperation ? QByteArrayLiteral("POST")
                                : op == GetOperation
                                    ? QByteArrayLiteral("GET")
                                    : request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        sent.append({verb, request.url(), body});
        if (outgoingData == nullptr) {
            return QNetworkAccessManager::createRequest(op, request, nullptr);
        }
        QNetworkRequest copy(request);
        copy.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        auto *buffer = new QBuffer(this);
        buffer->setData(body);
        buffer->open(QIODevice::ReadOnly);
        QNetworkReply *reply = QNetworkAccessManager::createRequest(op, copy, buffer);
        buffer->setParent(reply);
        return reply;
    }
};

} // namespace

class TestHangUpTwilio : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void supervisorEndsATwilioCallWithTheSpecsRequest();
    void aRequestTheSpecRejectsReachesTheSupervisor();

private:
    // Hangs up the fixture's call as `supervisor` through Twilio (Prism); what CallSupervision reported.
    Result<void> hangUp(const Actor &supervisor);

    QUrl m_mock;
    SystemClock m_clock;
    RecordingNetwork m_network;
    std::unique_ptr<tests::TestDatabase> m_db;
    qint64 m_attemptId = 0;
};

void TestHangUpTwilio::initTestCase()
{
    const QString url = qEnvironmentVariable("VSC_TEST_TWILIO_MOCK_URL");
    QVERIFY2(!url.isEmpty(), "VSC_TEST_TWILIO_MOCK_URL is not set: run scripts/test.sh, or start the mock with "
                             "tests/peers/start-prism.sh and export the URL it prints");
    m_mock = QUrl(url);
}

void TestHangUpTwilio::init()
{
    m_network.sent.clear();
    m_network.alter = nullptr;
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    QVERIFY(storage::Migrator(m_db->database()).migrate().ok());
    auto fixture = tests::makeCallFixture(m_db->database());
    QVERIFY(fixture.ok());
    m_attemptId = fixture.value().attemptId;
    // On the line through Twilio, with the SID Twilio gave it.
    QVERIFY(storage::exec(m_db->database().connection(),
                          QStringLiteral("UPDATE call_attempts SET provider = 'twilio', call_sid = ?, status = "
                                         "'in-progress', started_at = ? WHERE id = ?"),
                          {kCallSid, storage::toDb(QDateTime::currentDateTimeUtc()), m_attemptId})
                .ok());
}

void TestHangUpTwilio::cleanup()
{
    m_db.reset();
}

Result<void> TestHangUpTwilio::hangUp(const Actor &supervisor)
{
    telephony::TwilioClientOptions options;
    options.baseUrl = m_mock;
    options.requestTimeoutMs = 20000; // Prism validates a 2 MB spec; a cold first answer can take a while
    options.maxAttempts = 1;
    telephony::TwilioClient client(telephony::TwilioCredentials{kAccount, kAccount, QStringLiteral("dummy-token")},
                                   options, &m_network, m_clock);
    telephony::TwilioProvider provider(client);
    std::optional<Result<void>> outcome;
    calls::CallSupervision(m_db->database(), &provider)
        .hangUp(supervisor, m_attemptId, this, [&outcome](const Result<void> &done) { outcome = done; });
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 60000)) {
        return Error{ErrorCode::Network, QStringLiteral("no answer from the hang-up")};
    }
    return *outcome;
}

void TestHangUpTwilio::supervisorEndsATwilioCallWithTheSpecsRequest()
{
    const Actor supervisor = Actor::fileOwner(QStringLiteral("supervisor"));
    const Result<void> done = hangUp(supervisor);
    QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
    // One request, the one Twilio documents for ending an answered call, and Prism accepted it.
    QCOMPARE(m_network.sent.size(), 1);
    QCOMPARE(m_network.sent.constFirst().verb, QByteArrayLiteral("POST"));
    QCOMPARE(m_network.sent.constFirst().url.path(),
             QStringLiteral("/2010-04-01/Accounts/%1/Calls/%2.json").arg(kAccount, kCallSid));
    QCOMPARE(m_network.sent.constFirst().body, QByteArrayLiteral("Status=completed"));
    // The monitor names who ended it; the audit log has it under their name.
    auto call = storage::CallRepository(m_db->database()).liveCall(m_attemptId);
    QVERIFY(call.ok() && call.value());
    QCOMPARE(call.value()->hungUpBy, supervisor.name);
    storage::AuditFilter filter;
    filter.action = QStringLiteral("call.hangup");
    auto audited = storage::AuditRepository(m_db->database()).entries(filter);
    QVERIFY(audited.ok());
    QCOMPARE(audited.value().size(), 1);
    QCOMPARE(audited.value().constFirst().actorName, supervisor.name);
}

void TestHangUpTwilio::aRequestTheSpecRejectsReachesTheSupervisor()
{
    // A Status the spec does not know: Prism refuses it, as Twilio would.
    m_network.alter = [](const QByteArray &body) {
        QByteArray altered = body;
        return altered.replace("Status=", "Status=finished-");
    };
    const Result<void> done = hangUp(Actor::fileOwner(QStringLiteral("supervisor")));
    QVERIFY(!done.ok());
    QVERIFY2(done.error().detail.contains(QLatin1String("Status")), qPrintable(done.error().toString()));
    // Both ways were tried (completed, then canceled for a call not answered yet), and both were refused.
    QCOMPARE(m_network.sent.size(), 2);
    QCOMPARE(m_network.sent.at(0).body, QByteArrayLiteral("Status=finished-completed"));
    QCOMPARE(m_network.sent.at(1).body, QByteArrayLiteral("Status=finished-canceled"));
    // The call goes on: nobody is named as having ended it.
    auto call = storage::CallRepository(m_db->database()).liveCall(m_attemptId);
    QVERIFY(call.ok() && call.value());
    QVERIFY(call.value()->hungUpBy.isEmpty());
    QCOMPARE(call.value()->status, CallStatus::InProgress);
}

QTEST_GUILESS_MAIN(TestHangUpTwilio)
#include "tst_hangup_twilio.moc"
