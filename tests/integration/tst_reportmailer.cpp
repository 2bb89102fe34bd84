// SPDX-License-Identifier: GPL-3.0-or-later
// The e-mailed reports end to end, on both backends: the demo campaign with report recipients completes and its
// report reaches the real SMTP server scripts/test.sh starts (tests/peers/smtp-peer.py), with the figures in the
// HTML, the chart inline and the results CSV attached; it goes out once, also after a "restart" (a new mailer on
// the same database); the daily summary covers the day before; a report the server refused is tried again later.
#include "services/auth/secretstore.h"
#include "services/demo/demoseeder.h"
#include "services/email/reportmailer.h"
#include "services/settings/mailsettings.h"
#include "services/storage/mailreportrepository.h"
#include "services/storage/migrator.h"
#include "services/storage/sql.h"
#include "testconfig.h"
#include "tests/support/fakeclock.h"
#include "tests/support/testdatabase.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace vsc;
using services::email::ReportKind;
using services::email::ReportMailer;

namespace {

const QString kRecipients = QStringLiteral("ada@example.com, grace@example.org");
const QByteArray kChartPng = QByteArray::fromHex("89504e470d0a1a0a00000000");

QSet<QString> delivered()
{
    const QStringList files =
        QDir(qEnvironmentVariable("VSC_TEST_SMTP_MAILDIR") + QStringLiteral("/new")).entryList(QDir::Files);
    return {files.cbegin(), files.cend()};
}

QJsonObject parse(const QString &file)
{
    QProcess parser;
    parser.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(VSC_PEERS_DIR "/mail-parts.py"),
                  qEnvironmentVariable("VSC_TEST_SMTP_MAILDIR") + QStringLiteral("/new/") + file});
    if (!parser.waitForFinished(30000) || parser.exitCode() != 0) {
        return {};
    }
    return QJsonDocument::fromJson(parser.readAllStandardOutput()).object();
}

QJsonObject part(const QJsonObject &message, const QString &type)
{
    for (const QJsonValue &p : message.value(QStringLiteral("parts")).toArray()) {
        if (p.toObject().value(QStringLiteral("content_type")).toString() == type) {
            return p.toObject();
        }
    }
    return {};
}

QString kpiCell(const QString &label, qint64 value)
{
    return QStringLiteral("<th align=\"left\">%1</th><td align=\"right\">%2</td>").arg(label).arg(value);
}

} // namespace

class TestReportMailer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void finishedCampaignIsReportedOnce();
    void dailySummaryCoversTheDayBefore();
    void dailySummaryCoversTheLocalDay();
    void refusedReportIsTriedAgainLater();
    void nothingIsSentWithoutMailSettings();

private:
    void configureMail(const QString &password);
    QList<QJsonObject> sendAndCollect(ReportMailer &mailer, int expected);

    std::unique_ptr<tests::TestDatabase> m_db;
    std::unique_ptr<tests::FakeClock> m_clock;
    services::auth::MemorySecretStore m_secrets;
    qint64 m_campaignId = 0;
};

void TestReportMailer::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("VSC_TEST_SMTP_HOST"),
             "VSC_TEST_SMTP_HOST is not set: run scripts/test.sh, or tests/peers/start-smtp.sh");
}

void TestReportMailer::init()
{
    m_clock = std::make_unique<tests::FakeClock>();
    m_db = std::make_unique<tests::TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    QVERIFY(services::storage::Migrator(m_db->database()).migrate().ok());
    auto seeded = services::demo::DemoSeeder(m_db->database(), *m_clock).seed();
    QVERIFY2(seeded.ok(), qPrintable(seeded.ok() ? QString() : seeded.error().toString()));
    m_campaignId = seeded.value().campaignId;
    QVERIFY(services::storage::execOnly(m_db->database().connection(),
                                        QStringLiteral("UPDATE campaigns SET report_recipients = ? WHERE id = ?"),
                                        {kRecipients, m_campaignId})
                .ok());
}

void TestReportMailer::cleanup()
{
    m_db.reset();
    m_clock.reset();
}

void TestReportMailer::configureMail(const QString &password)
{
    services::settings::MailSettings settings;
    settings.host = qEnvironmentVariable("VSC_TEST_SMTP_HOST");
    settings.port = qEnvironmentVariable("VSC_TEST_SMTP_TLS_PORT").toInt();
    settings.security = services::email::MailSecurity::Tls;
    settings.username = qEnvironmentVariable("VSC_TEST_SMTP_USER");
    settings.fromAddress = QStringLiteral("reports@example.com");
    settings.caFile = qEnvironmentVariable("VSC_TEST_SMTP_CA_FILE");
    const auto saved = services::settings::MailSettingsService(m_db->database(), *m_clock, m_secrets)
                           .save(Actor::fileOwner(QStringLiteral("tester")), settings, password);
    QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));
}

// Runs sendDue and waits for `expected` reports to finish; the messages delivered meanwhile, parsed.
QList<QJsonObject> TestReportMailer::sendAndCollect(ReportMailer &mailer, int expected)
{
    const QSet<QString> before = delivered();
    QSignalSpy finished(&mailer, &ReportMailer::reportFinished);
    mailer.sendDue();
    if (expected > 0) {
        [&] { QTRY_COMPARE_WITH_TIMEOUT(finished.count(), expected, 60000); }();
    }
    [&] { QTRY_COMPARE_WITH_TIMEOUT(mailer.inFlight(), 0, 60000); }();
    QList<QJsonObject> messages;
    for (const QString &file : delivered() - before) {
        messages << parse(file);
    }
    return messages;
}

void TestReportMailer::finishedCampaignIsReportedOnce()
{
    configureMail(qEnvironmentVariable("VSC_TEST_SMTP_PASSWORD"));
    ReportMailer mailer(m_db->database(), *m_clock, m_secrets);
    mailer.setChartRenderer([](const services::email::CampaignReport &report) {
        return QList<services::email::MailInlineImage>{
            {QStringLiteral("outcomes-%1@vsc").arg(report.campaignId), QStringLiteral("image/png"), kChartPng}};
    });
    // Running: nothing is due yet.
    QVERIFY(sendAndCollect(mailer, 0).isEmpty());

    QVERIFY(services::storage::execOnly(m_db->database().connection(),
                                        QStringLiteral("UPDATE campaigns SET status = 'completed' WHERE id = ?"),
                                        {m_campaignId})
                .ok());
    const QList<QJsonObject> messages = sendAndCollect(mailer, 1);
    QCOMPARE(messages.size(), 1);
    const QJsonObject &message = messages.constFirst();
    QCOMPARE(message.value(QStringLiteral("from")).toString(), QStringLiteral("reports@example.com"));
    QCOMPARE(message.value(QStringLiteral("to")).toString(), QStringLiteral("ada@example.com, grace@example.org"));
    QVERIFY2(message.value(QStringLiteral("subject")).toString().contains(QStringLiteral("has finished")),
             qPrintable(message.value(QStringLiteral("subject")).toString()));

    // The figures, each checked against the database.
    services::storage::Database &db = m_db->database();
    const int dialed =
        tests::count(db, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE campaign_id = ?"), {m_campaignId});
    const int answered = tests::count(
        db, QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE campaign_id = ? AND answered_at IS NOT NULL"),
        {m_campaignId});
    const int completed =
        tests::count(db, QStringLiteral("SELECT COUNT(*) FROM contacts WHERE campaign_id = ? AND status = 'completed'"),
                     {m_campaignId});
    QVERIFY(dialed > 0 && completed > 0);
    const QString html = part(message, QStringLiteral("text/html")).value(QStringLiteral("text")).toString();
    QVERIFY2(html.contains(kpiCell(QStringLiteral("Calls dialed"), dialed)), qPrintable(html));
    QVERIFY2(html.contains(kpiCell(QStringLiteral("Calls answered"), answered)), qPrintable(html));
    QVERIFY2(html.contains(kpiCell(QStringLiteral("Completed interviews"), completed)), qPrintable(html));
    QVERIFY(html.contains(QStringLiteral("cid:outcomes-%1@vsc").arg(m_campaignId)));
    const QString text = part(message, QStringLiteral("text/plain")).value(QStringLiteral("text")).toString();
    QVERIFY2(text.contains(QStringLiteral("Calls dialed: %1").arg(dialed)), qPrintable(text));
    const QJsonObject chart = part(message, QStringLiteral("image/png"));
    QCOMPARE(QByteArray::fromBase64(chart.value(QStringLiteral("base64")).toString().toLatin1()), kChartPng);

    // The results CSV: one row per attempt (plus contacts never dialed), numbers masked.
    const QJsonObject csv = part(message, QStringLiteral("text/csv"));
    QCOMPARE(csv.value(QStringLiteral("disposition")).toString(), QStringLiteral("attachment"));
    QVERIFY(
        csv.value(QStringLiteral("filename")).toString().startsWith(QStringLiteral("results-%1-").arg(m_campaignId)));
    const QStringList lines = csv.value(QStringLiteral("text")).toString().split(u'\n', Qt::SkipEmptyParts);
    const int neverDialed = tests::count(
        db,
        QStringLiteral("SELECT COUNT(*) FROM contacts k WHERE k.campaign_id = ? AND NOT EXISTS (SELECT 1 FROM "
                       "call_attempts a WHERE a.contact_id = k.id)"),
        {m_campaignId});
    QCOMPARE(lines.size(), 1 + dialed + neverDialed);
    QVERIFY2(lines.value(0).contains(QStringLiteral("attempt")), qPrintable(lines.value(0)));
    QVERIFY2(!csv.value(QStringLiteral("text")).toString().contains(QRegularExpression(QStringLiteral("\\+\\d{8,}"))),
             "phone numbers must be masked in mailed results");

    // Once: neither this mailer nor a new one on the same database (a restart) sends it again.
    QVERIFY(sendAndCollect(mailer, 0).isEmpty());
    ReportMailer restarted(m_db->database(), *m_clock, m_secrets);
    QVERIFY(sendAndCollect(restarted, 0).isEmpty());
    auto status = services::storage::MailReportRepository(db).status(m_campaignId, QStringLiteral("finished"), {});
    QVERIFY(status.ok() && status.value().has_value());
    QCOMPARE(status.value()->first, QStringLiteral("sent"));
}

void TestReportMailer::dailySummaryCoversTheDayBefore()
{
    configureMail(qEnvironmentVariable("VSC_TEST_SMTP_PASSWORD"));
    services::storage::Database &db = m_db->database();
    QVERIFY(services::storage::execOnly(db.connection(),
                                        QStringLiteral("UPDATE campaigns SET daily_summary = ? WHERE id = ?"),
                                        {true, m_campaignId})
                .ok());
    // The demo's calls spread over the last three days: the first minutes after midnight report the day before.
    const QDate today = m_clock->nowUtc().date();
    m_clock->setWallClock(QDateTime(today, QTime(0, 5), Qt::UTC));
    const QDate day = today.addDays(-1);
    const QDateTime from(day, QTime(0, 0), Qt::UTC);
    const int dialed =
        tests::count(db,
                     QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE campaign_id = ? AND claimed_at >= ? AND "
                                    "claimed_at < ?"),
                     {m_campaignId, services::storage::toDb(from), services::storage::toDb(from.addDays(1))});
    QVERIFY2(dialed > 0, "the demo data should have calls the day before");

    ReportMailer mailer(m_db->database(), *m_clock, m_secrets);
    mailer.setTimeZone(QTimeZone::utc());
    const QList<QJsonObject> messages = sendAndCollect(mailer, 1); // the campaign runs: only the daily summary
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages.constFirst()
                 .value(QStringLiteral("subject"))
                 .toString()
                 .contains(QStringLiteral("Daily summary for %1").arg(day.toString(Qt::ISODate))),
             qPrintable(messages.constFirst().value(QStringLiteral("subject")).toString()));
    const QString html =
        part(messages.constFirst(), QStringLiteral("text/html")).value(QStringLiteral("text")).toString();
    QVERIFY2(html.contains(kpiCell(QStringLiteral("Calls dialed"), dialed)), qPrintable(html));

    // Later the same day: already sent. The next day: that day's summary (if it had calls), never this one again.
    m_clock->setWallClock(QDateTime(today, QTime(18, 0), Qt::UTC));
    QVERIFY(sendAndCollect(mailer, 0).isEmpty());
    ReportMailer restarted(m_db->database(), *m_clock, m_secrets);
    restarted.setTimeZone(QTimeZone::utc());
    QVERIFY(sendAndCollect(restarted, 0).isEmpty());
}

// A console in Auckland (UTC+13 in summer): at 00:05 local the summary covers the local day before, local midnight
// to local midnight, and is filed under that local date; not the UTC day before, which ended 35 hours earlier.
void TestReportMailer::dailySummaryCoversTheLocalDay()
{
    configureMail(qEnvironmentVariable("VSC_TEST_SMTP_PASSWORD"));
    services::storage::Database &db = m_db->database();
    QVERIFY(services::storage::execOnly(db.connection(),
                                        QStringLiteral("UPDATE campaigns SET daily_summary = ? WHERE id = ?"),
                                        {true, m_campaignId})
                .ok());
    const QTimeZone auckland("Pacific/Auckland");
    QVERIFY(auckland.isValid());
    const QDate today = m_clock->nowUtc().toTimeZone(auckland).date();
    m_clock->setWallClock(QDateTime(today, QTime(0, 5), auckland).toUTC());
    const QDate day = today.addDays(-1);
    const QDateTime from = QDateTime(day, QTime(0, 0), auckland).toUTC();
    const QDateTime to = QDateTime(today, QTime(0, 0), auckland).toUTC();
    const int dialed =
        tests::count(db,
                     QStringLiteral("SELECT COUNT(*) FROM call_attempts WHERE campaign_id = ? AND claimed_at >= ? AND "
                                    "claimed_at < ?"),
                     {m_campaignId, services::storage::toDb(from), services::storage::toDb(to)});
    QVERIFY2(dialed > 0, "the demo data should have calls the local day before");

    ReportMailer mailer(m_db->database(), *m_clock, m_secrets);
    mailer.setTimeZone(auckland);
    const QList<QJsonObject> messages = sendAndCollect(mailer, 1);
    QCOMPARE(messages.size(), 1);
    const QString subject = messages.constFirst().value(QStringLiteral("subject")).toString();
    QVERIFY2(subject.contains(QStringLiteral("Daily summary for %1").arg(day.toString(Qt::ISODate))),
             qPrintable(subject));
    const QString html =
        part(messages.constFirst(), QStringLiteral("text/html")).value(QStringLiteral("text")).toString();
    QVERIFY2(html.contains(kpiCell(QStringLiteral("Calls dialed"), dialed)), qPrintable(html));
    const auto status = services::storage::MailReportRepository(db).status(m_campaignId, QStringLiteral("daily"),
                                                                           day.toString(Qt::ISODate));
    QVERIFY(status.ok() && status.value().has_value());
    QCOMPARE(status.value()->first, QStringLiteral("sent"));

    // Five minutes before the next local midnight nothing new is due; five minutes after, the next day's is.
    m_clock->setWallClock(QDateTime(today, QTime(23, 55), auckland).toUTC());
    QVERIFY(sendAndCollect(mailer, 0).isEmpty());
}

void TestReportMailer::refusedReportIsTriedAgainLater()
{
    configureMail(QStringLiteral("not-the-password"));
    QVERIFY(services::storage::execOnly(m_db->database().connection(),
                                        QStringLiteral("UPDATE campaigns SET status = 'completed' WHERE id = ?"),
                                        {m_campaignId})
                .ok());
    ReportMailer mailer(m_db->database(), *m_clock, m_secrets);
    QSignalSpy finished(&mailer, &ReportMailer::reportFinished);
    QVERIFY(sendAndCollect(mailer, 1).isEmpty());
    QVERIFY2(finished.constFirst().at(3).toString().contains(QStringLiteral("refused the user name or password")),
             qPrintable(finished.constFirst().at(3).toString()));
    services::storage::MailReportRepository reports(m_db->database());
    QCOMPARE(reports.status(m_campaignId, QStringLiteral("finished"), {}).value()->first, QStringLiteral("failed"));

    // Not at once (the server would only refuse again), but after the retry delay with the right password.
    configureMail(qEnvironmentVariable("VSC_TEST_SMTP_PASSWORD"));
    QVERIFY(sendAndCollect(mailer, 0).isEmpty());
    m_clock->advance(qint64(ReportMailer::kRetryMinutes) * 60 * 1000 + 1000);
    QCOMPARE(sendAndCollect(mailer, 1).size(), 1);
    const auto status = reports.status(m_campaignId, QStringLiteral("finished"), {}).value();
    QCOMPARE(status->first, QStringLiteral("sent"));
    QCOMPARE(status->second, 2);
}

void TestReportMailer::nothingIsSentWithoutMailSettings()
{
    QVERIFY(services::storage::execOnly(m_db->database().connection(),
                                        QStringLiteral("UPDATE campaigns SET status = 'completed' WHERE id = ?"),
                                        {m_campaignId})
                .ok());
    ReportMailer mailer(m_db->database(), *m_clock, m_secrets);
    QVERIFY(sendAndCollect(mailer, 0).isEmpty());
    // Nothing was claimed either: once e-mail is set up, the report still goes out.
    auto status =
        services::storage::MailReportRepository(m_db->database()).status(m_campaignId, QStringLiteral("finished"), {});
    QVERIFY(status.ok());
    QVERIFY(!status.value().has_value());
}

QTEST_GUILESS_MAIN(TestReportMailer)
#include "tst_reportmailer.moc"
