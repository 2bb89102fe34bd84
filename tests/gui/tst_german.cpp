// SPDX-License-Identifier: GPL-3.0-or-later
// The console in German: every pane, walked widget by widget, shows no English text (labels, buttons, group boxes,
// tabs, placeholders, tooltips, table headers, menus); numbers follow the German locale; the language preference
// is stored by Settings → Language…. What services say reaches the window in German too: a do-not-call import's
// rejected lines, the Twilio and e-mail settings' problems and a failed Twilio connection test.
#include "services/auth/authorizer.h"
#include "services/auth/local/localsignin.h"
#include "services/auth/secretstore.h"
#include "services/auth/session.h"
#include "services/campaigns/campaignvalidation.h"
#include "services/clock.h"
#include "services/demo/demoseeder.h"
#include "services/dialer/campaignlease.h"
#include "services/storage/migrator.h"
#include "services/users/userservice.h"
#include "tests/support/consolefixture.h"
#include "tests/support/scripteddialogs.h"
#include "tests/support/testdatabase.h"
#include "ui/mainwindow.h"
#include "ui/pane.h"
#include "ui/settings/languagedialog.h"
#include "ui/settings/mailsettingsdialog.h"
#include "ui/settings/twiliosettingsdialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QXmlStreamReader>

using namespace vsc;
using vsc::ui::MainWindow;

namespace {

QString plain(QString text)
{
    if (Qt::mightBeRichText(text)) {
        QTextDocument document;
        document.setHtml(text);
        text = document.toPlainText();
    }
    text.remove(QRegularExpression(QStringLiteral("&(?=\\S)"))); // accelerators
    return text.simplified();
}

// The English source of every message whose German differs from it ("Name" stays "Name"), from vsc_de.ts.
QSet<QString> englishSources()
{
    QSet<QString> sources;
    QFile file(QStringLiteral(VSC_TS_DE));
    if (!file.open(QIODevice::ReadOnly)) {
        return sources;
    }
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) {
            continue;
        }
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation") &&
                   xml.attributes().value(QLatin1String("numerus")).isEmpty()) {
            const QString translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            // Templates with arguments are caught by the word list below; whole fixed texts here.
            if (plain(translation) != plain(source) && !source.contains(u'%')) {
                sources.insert(plain(source));
            }
        }
    }
    return sources;
}

// Words that are English and not German; proper nouns and technical names (Twilio, CSV, AAPOR, OIDC, TwiML, JSON)
// are not in it.
const QSet<QString> &englishWords()
{
    static const QSet<QString> words = [] {
        const QStringList list =
            QStringLiteral(
                "the and of to with for from is are not no yes your you this that these there here by at on or "
                "call calls campaign campaigns contact contacts result results save cancel close add remove edit new "
                "import export refresh reload search number numbers answer answers question questions script scripts "
                "settings user users sign password show hide start stop pause running completed draft ready failed "
                "busy "
                "dialing dialed dial list file files view help quit switch refresh duplicate archive "
                "restore language languages voice caller outcome outcomes rate rates average minutes seconds hours "
                "days "
                "today week month entries entry added reason source scope last attempt attempts disposition loaded "
                "more role roles permissions audit log who when action before after enabled disabled active locked "
                "never always any every all none select choose enter please only keys say send silence record try "
                "simulated carrier time through")
                .split(u' ', Qt::SkipEmptyParts);
        return QSet<QString>(list.cbegin(), list.cend());
    }();
    return words;
}

} // namespace

class TestGerman : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void languagePreferenceIsStored();
    void numbersFollowTheGermanLocale();
    void serviceTextsAreTranslated();
    void serviceRefusalsAreGerman();
    void noPaneShowsEnglish();
    void importRejectsAreGerman();
    void twilioSettingsProblemsAreGerman();
    void mailSettingsProblemsAreGerman();

private:
    void collect(QWidget *root, const QString &where, QStringList &found) const;
    void judge(const QString &raw, const QString &what, QStringList &found) const;

    services::SystemClock m_clock;
    std::unique_ptr<tests::ConsoleFixture> m_console;
    QSet<QString> m_sources;
};

void TestGerman::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VoiceSurveyTests"));
    QSettings().clear();
    m_sources = englishSources();
    QVERIFY2(m_sources.size() > 300, "cannot read " VSC_TS_DE);
    const QLocale used = ui::installTranslations(*qApp, QStringLiteral("de"), QStringLiteral(VSC_QM_DIR));
    QCOMPARE(used.language(), QLocale::German);
    QCOMPARE(MainWindow::tr("&Settings"), QStringLiteral("&Einstellungen")); // the German .qm is loaded
    // Qt's own German (qt6-translations-l10n) for standard buttons: Save, Cancel, Yes, No.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));

    m_console = std::make_unique<tests::ConsoleFixture>(m_clock);
    QVERIFY2(m_console->isValid(), qPrintable(m_console->errorString()));
    QVERIFY(services::demo::DemoSeeder(m_console->database(), m_clock).seed().ok());
}

void TestGerman::cleanupTestCase()
{
    m_console.reset();
}

void TestGerman::languagePreferenceIsStored()
{
    QCOMPARE(ui::languagePreference(), QStringLiteral("system"));
    ui::LanguageDialog dialog;
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("languageCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 3);
    combo->setCurrentIndex(combo->findData(QStringLiteral("de")));
    dialog.save();
    QVERIFY(dialog.changed());
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
    QCOMPARE(ui::languagePreference(), QStringLiteral("de"));
    ui::setLanguagePreference(QStringLiteral("nonsense"));
    QCOMPARE(ui::languagePreference(), QStringLiteral("system")); // an unknown value falls back to the system
}

void TestGerman::numbersFollowTheGermanLocale()
{
    QCOMPARE(QLocale().toString(1234567), QStringLiteral("1.234.567"));
    QCOMPARE(QLocale().toString(0.75, 'f', 2), QStringLiteral("0,75"));
    // Plural forms come from the .qm: German for one and for many.
    QCOMPARE(QCoreApplication::translate("vsc::ui::ScriptEditorDialog", "%n warning(s)", nullptr, 1),
             QStringLiteral("1 Warnung"));
    QCOMPARE(QCoreApplication::translate("vsc::ui::ScriptEditorDialog", "%n warning(s)", nullptr, 2),
             QStringLiteral("2 Warnungen"));
}

void TestGerman::serviceTextsAreTranslated()
{
    // What services say (validation problems, reject reasons) reaches the window in German, arguments kept.
    Campaign campaign;
    campaign.maxAttempts = 0;
    const QList<FieldProblem> problems = services::campaigns::validateCampaign(campaign);
    const auto attempts = std::find_if(problems.cbegin(), problems.cend(), [](const FieldProblem &p) {
        return p.field == services::campaigns::field::maxAttempts;
    });
    QVERIFY(attempts != problems.cend());
    QCOMPARE(attempts->message, QStringLiteral("use 1 to 20 attempts per contact")); // English for the CLI
    QCOMPARE(ui::translated(attempts->text, attempts->message),
             QStringLiteral("verwenden Sie 1 bis 20 Versuche pro Kontakt"));
    QCOMPARE(ui::translated(Text{}, QStringLiteral("as is")), QStringLiteral("as is"));
    // An argument holding a placeholder stays as written.
    QCOMPARE(Text::fill(QStringLiteral("%1 and %2"), {QStringLiteral("%2"), QStringLiteral("b")}),
             QStringLiteral("%2 and b"));
    // Who dials a campaign, as the dialer stored it for every console to read, in the reader's language.
    QCOMPARE(ui::dialerLabelText(services::dialer::CampaignLease::processLabel(QStringLiteral("console"))),
             QStringLiteral("Konsole auf %1 (Prozess %2)")
                 .arg(QSysInfo::machineHostName())
                 .arg(QCoreApplication::applicationPid()));
    QCOMPARE(ui::dialerLabelText(QStringLiteral("headless run on db-2 (pid 7)")),
             QStringLiteral("Dialer ohne Oberfläche auf db-2 (Prozess 7)"));
    QCOMPARE(ui::dialerLabelText(QStringLiteral("night shift")), QStringLiteral("night shift"));
}

void TestGerman::serviceRefusalsAreGerman()
{
    // A service's refusal reaches the banner in German; its English stays in the detail for logs and the CLI.
    services::users::UserService users(m_console->database(), m_clock, m_console->services().hasher);
    services::users::NewLocalUser second;
    second.username = QStringLiteral("second-admin");
    second.password = QStringLiteral("a long enough passphrase 42");
    auto refused = users.createFirstAdmin(second); // the demo has its admin already
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    QCOMPARE(refused.error().detail, QStringLiteral("an admin exists already; sign in as them to add users"));
    const QString shown = ui::userMessage(refused.error());
    QVERIFY2(shown.startsWith(QStringLiteral("Das ist nicht möglich: ")), qPrintable(shown));
    QStringList found;
    judge(shown, QStringLiteral("the refusal"), found);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    QVERIFY(!shown.contains(QStringLiteral("admin exists")));

    // A permission the viewer lacks: the English action stays in the detail, the window names the permission.
    Actor viewer;
    viewer.kind = ActorKind::User;
    viewer.name = QStringLiteral("vera");
    auto denied = services::auth::Authorizer(m_console->database())
                      .require(viewer, Permission::ContactsView, QStringLiteral("explain a contact"));
    QVERIFY(!denied.ok());
    QCOMPARE(denied.error().detail, QStringLiteral("explain a contact needs the permission contacts.view"));
    QCOMPARE(ui::userMessage(denied.error()),
             QStringLiteral("Sie haben dafür keine Berechtigung: die Berechtigung contacts.view ist erforderlich."));
}

void TestGerman::judge(const QString &raw, const QString &what, QStringList &found) const
{
    const QString text = plain(raw);
    if (text.isEmpty()) {
        return;
    }
    if (m_sources.contains(text)) {
        found << QStringLiteral("%1 \"%2\" is an untranslated message").arg(what, text);
        return;
    }
    static const QRegularExpression word(QStringLiteral("[A-Za-z]+"));
    int english = 0;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        english += englishWords().contains(it.next().captured().toLower()) ? 1 : 0;
    }
    if (english >= 2 || (english == 1 && !text.contains(u' '))) {
        found << QStringLiteral("%1 \"%2\" looks English").arg(what, text);
    }
}

void TestGerman::collect(QWidget *root, const QString &where, QStringList &found) const
{
    const auto judge = [&](const QString &raw, const QString &what) {
        this->judge(raw, where + QStringLiteral(": ") + what, found);
    };
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisible()) {
            continue;
        }
        const QString name =
            w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : w->objectName();
        judge(w->toolTip(), name + QStringLiteral(" tooltip"));
        if (auto *label = qobject_cast<QLabel *>(w)) {
            judge(label->text(), name);
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            judge(button->text(), name);
        } else if (auto *box = qobject_cast<QGroupBox *>(w)) {
            judge(box->title(), name);
        } else if (auto *edit = qobject_cast<QLineEdit *>(w)) {
            judge(edit->placeholderText(), name + QStringLiteral(" placeholder"));
        } else if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                judge(tabs->tabText(i), name + QStringLiteral(" tab"));
            }
        } else if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()) {
            for (int c = 0; c < view->model()->columnCount(); ++c) {
                judge(view->model()->headerData(c, Qt::Horizontal).toString(), name + QStringLiteral(" header"));
            }
        }
    }
}

void TestGerman::noPaneShowsEnglish()
{
    MainWindow window(m_console->services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList found;
    for (int i = 0; i < MainWindow::PaneCount; ++i) {
        window.showPane(i);
        QCoreApplication::processEvents();
        collect(&window, MainWindow::paneKey(i), found);
    }
    for (QAction *menu : window.menuBar()->actions()) {
        QStringList texts{menu->text()};
        if (menu->menu()) {
            for (QAction *action : menu->menu()->actions()) {
                texts << action->text();
            }
        }
        for (const QString &text : std::as_const(texts)) {
            if (m_sources.contains(plain(text))) {
                found << QStringLiteral("menu: \"%1\" is an untranslated message").arg(plain(text));
            }
        }
    }
    found.removeDuplicates();
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
}

// A do-not-call import with lines libphonenumber refuses: the report names each line's reason in German.
void TestGerman::importRejectsAreGerman()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dnc.csv"));
    QFile csv(path);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("phone\nabc\n+1 202 555\n");
    csv.close();
    tests::ScriptedDialogs dialogs;
    MainWindow window(m_console->services(), &dialogs);
    window.show();
    window.showPane(MainWindow::SuppressionPaneIndex);
    dialogs.setNextFileName(path);
    auto *import = window.findChild<QPushButton *>(QStringLiteral("importSuppressionButton"));
    QVERIFY(import);
    QTest::mouseClick(import, Qt::LeftButton);
    QVERIFY(!dialogs.asked.isEmpty());
    const QString report = dialogs.asked.constLast();
    QVERIFY2(report.contains(QStringLiteral("ungültige Rufnummer: „abc“")), qPrintable(report));
    QStringList found;
    for (const QString &line : report.split(u'\n')) {
        judge(line, QStringLiteral("import report"), found);
    }
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
}

// Settings → Twilio with wrong values, a save without the auth token and a connection test against a port nobody
// listens on: every line the dialog shows is German.
void TestGerman::twilioSettingsProblemsAreGerman()
{
    QNetworkAccessManager network;
    tests::ConsoleFixture console(m_clock, &network);
    QVERIFY2(console.isValid(), qPrintable(console.errorString()));
    ui::TwilioSettingsDialog dialog(console.services(), console.session().actor());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto type = [&dialog](const char *name, const QString &text) {
        auto *edit = dialog.findChild<QLineEdit *>(QString::fromLatin1(name));
        QVERIFY(edit);
        edit->setText(text);
    };
    QStringList found;
    dialog.findChild<QCheckBox *>(QStringLiteral("twilioEnabledCheckBox"))->setChecked(true);
    type("accountSidLineEdit", QStringLiteral("AC12"));
    type("publicUrlLineEdit", QStringLiteral("https://user:secret@surveys.example.com"));
    type("listenLineEdit", QStringLiteral("nowhere"));
    auto *publicUrlProblem = dialog.findChild<QLabel *>(QStringLiteral("publicUrlProblem"));
    QVERIFY(publicUrlProblem->isVisible());
    // The service's own reason for this URL (user name and password in it), not a guess from the field.
    QVERIFY2(publicUrlProblem->text().contains(QStringLiteral("Benutzername")), qPrintable(publicUrlProblem->text()));
    collect(&dialog, QStringLiteral("twilio settings, typed"), found);

    type("accountSidLineEdit", QStringLiteral("AC0123456789abcdef0123456789abcdef"));
    type("publicUrlLineEdit", QStringLiteral("https://surveys.example.com"));
    type("listenLineEdit", QStringLiteral("127.0.0.1:8089"));
    dialog.save(); // no auth token typed nor stored
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("authTokenProblem"))->isVisible());
    collect(&dialog, QStringLiteral("twilio settings, saved"), found);

    // Nobody listens on port 1: the test fails as it would without a network.
    type("apiBaseUrlLineEdit", QStringLiteral("http://127.0.0.1:1"));
    type("authTokenLineEdit", QStringLiteral("not-a-real-token"));
    auto *test = dialog.findChild<QPushButton *>(QStringLiteral("testConnectionButton"));
    QVERIFY(test->isEnabled());
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 60000);
    const QString result = dialog.findChild<QLabel *>(QStringLiteral("connectionResultLabel"))->text();
    QVERIFY2(result.contains(QStringLiteral("Twilio")), qPrintable(result));
    collect(&dialog, QStringLiteral("twilio settings, tested"), found);
    found.removeDuplicates();
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
}

// Settings → E-mail with an address that is not one and a CA file that does not exist: the reasons are German.
void TestGerman::mailSettingsProblemsAreGerman()
{
    ui::MailSettingsDialog dialog(m_console->services(), m_console->session().actor());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.findChild<QLineEdit *>(QStringLiteral("mailHostLineEdit"))->setText(QStringLiteral("smtp.example.com"));
    dialog.findChild<QLineEdit *>(QStringLiteral("mailFromLineEdit"))->setText(QStringLiteral("surveys"));
    dialog.findChild<QLineEdit *>(QStringLiteral("mailCaFileLineEdit"))->setText(QStringLiteral("/nonexistent.pem"));
    auto *fromProblem = dialog.findChild<QLabel *>(QStringLiteral("fromAddressProblem"));
    QVERIFY(fromProblem->isVisible());
    // The service's reason for this value ("surveys" is no address), with the value kept.
    QVERIFY2(fromProblem->text().contains(QStringLiteral("„surveys“")), qPrintable(fromProblem->text()));
    QStringList found;
    collect(&dialog, QStringLiteral("mail settings"), found);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
}

QTEST_MAIN(TestGerman)
#include "tst_german.moc"
