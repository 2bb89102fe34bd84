// SPDX-License-Identifier: GPL-3.0-or-later
// The console's finish: its own icon set drawn in the palette's colours, keyboard navigation with a name for
// every control, readable colours on a dark palette, and empty states that say what to do next.
#include "services/auth/local/localsignin.h"
#include "services/auth/secretstore.h"
#include "services/auth/session.h"
#include "services/clock.h"
#include "services/demo/demoseeder.h"
#include "services/storage/migrator.h"
#include "tests/support/consolefixture.h"
#include "tests/support/scripteddialogs.h"
#include "tests/support/testdatabase.h"
#include "ui/mainwindow.h"
#include "ui/pane.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/tones.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace vsc;
using vsc::ui::Icon;
using vsc::ui::MainWindow;

namespace {

constexpr int kIconCount = int(Icon::Users) + 1;

QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x17, 0x18, 0x1a));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Button, QColor(0x2c, 0x2e, 0x31));
    dark.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    dark.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    return dark;
}

// WCAG 2 relative luminance and contrast ratio.
double luminance(const QColor &c)
{
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The opaque pixels' average colour of an icon rendered at 24 px logical, `scale` device pixels per point.
QColor inkOf(const QIcon &icon, qreal scale, QIcon::Mode mode = QIcon::Normal)
{
    const QImage image = icon.pixmap(QSize(24, 24), scale, mode).toImage().convertToFormat(QImage::Format_ARGB32);
    double r = 0;
    double g = 0;
    double b = 0;
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() == 255) {
                r += c.redF();
                g += c.greenF();
                b += c.blueF();
                ++n;
            }
        }
    }
    return n == 0 ? QColor() : QColor::fromRgbF(float(r / n), float(g / n), float(b / n));
}

} // namespace

class TestPolish : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void everyIconIsOurOwnSvg();
    void navigationUsesTheIconSet();
    void iconsAreCrispAtDoubleScaleAndFollowTheDarkPalette();
    void tonesAreReadableOnLightAndDarkPalettes();
    void keyboardReachesEveryPaneAndEveryControlHasAName();
    void emptyPanesSayWhatToDoNext();
    void tabFollowsTheCampaignsPaneLayout();
    void errorsReadAsSentences();

private:
    services::SystemClock m_clock;
    std::unique_ptr<tests::ConsoleFixture> m_console;
    QPalette m_originalPalette;
};

void TestPolish::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VoiceSurveyTests"));
    m_originalPalette = QApplication::palette();
}

void TestPolish::init()
{
    QSettings().clear();
    QApplication::setPalette(m_originalPalette);
    m_console = std::make_unique<tests::ConsoleFixture>(m_clock);
    QVERIFY2(m_console->isValid(), qPrintable(m_console->errorString()));
}

void TestPolish::cleanup()
{
    QApplication::setPalette(m_originalPalette);
    m_console.reset();
}

void TestPolish::everyIconIsOurOwnSvg()
{
    for (int i = 0; i < kIconCount; ++i) {
        const QString path = ui::iconPath(Icon(i));
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray svg = file.readAll();
        // One style: the 24×24 grid, 2 px round strokes, one colour the console replaces at paint time.
        QVERIFY2(svg.contains("viewBox=\"0 0 24 24\""), qPrintable(path));
        QVERIFY2(svg.contains("stroke-width=\"2\"") && svg.contains("stroke-linecap=\"round\""), qPrintable(path));
        QVERIFY2(svg.contains("stroke=\"currentColor\"") && !svg.contains("fill=\"#"), qPrintable(path));
        QVERIFY2(QSvgRenderer(svg).isValid(), qPrintable(path));
        QVERIFY2(!ui::themedIcon(Icon(i)).isNull(), qPrintable(path));
    }
}

void TestPolish::navigationUsesTheIconSet()
{
    MainWindow window(m_console->services());
    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigationList"));
    QVERIFY(navigation);
    QCOMPARE(navigation->count(), int(MainWindow::PaneCount));
    QStringList names;
    for (int i = 0; i < navigation->count(); ++i) {
        const QString name = navigation->item(i)->icon().name();
        QVERIFY2(name.startsWith(QStringLiteral(":/icons/")), qPrintable(navigation->item(i)->text()));
        names << name;
    }
    names.removeDuplicates();
    QCOMPARE(names.size(), navigation->count()); // a different picture for each pane
}

void TestPolish::iconsAreCrispAtDoubleScaleAndFollowTheDarkPalette()
{
    const QIcon start = ui::themedIcon(Icon::Start);
    // At 2x the icon is drawn for 48×48 device pixels, not a 24×24 picture scaled up.
    const QPixmap sharp = start.pixmap(QSize(24, 24), 2.0);
    QCOMPARE(sharp.size(), QSize(48, 48));
    QCOMPARE(sharp.devicePixelRatio(), 2.0);

    QPalette light;
    light.setColor(QPalette::Window, QColor(0xf4, 0xf4, 0xf4));
    light.setColor(QPalette::WindowText, QColor(0x10, 0x10, 0x10));
    QApplication::setPalette(light);
    QVERIFY2(inkOf(start, 2.0).lightness() < 80, "dark ink on a light palette");

    QApplication::setPalette(darkPalette());
    const QColor ink = inkOf(start, 2.0);
    QVERIFY2(ink.lightness() > 180, qPrintable(ink.name()));
    QVERIFY(contrast(ink, darkPalette().color(QPalette::Window)) >= 4.5);
    // Selected rows draw highlighted text's colour; disabled icons the disabled text colour.
    QCOMPARE(inkOf(start, 2.0, QIcon::Disabled).name(), QColor(0x80, 0x80, 0x80).name());
}

void TestPolish::tonesAreReadableOnLightAndDarkPalettes()
{
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    light.setColor(QPalette::WindowText, Qt::black);
    light.setColor(QPalette::Base, Qt::white);
    for (const QPalette &palette : {light, darkPalette()}) {
        for (const ui::Tone tone : {ui::Tone::Good, ui::Tone::Warning, ui::Tone::Bad}) {
            const QColor text = ui::toneColour(tone, palette);
            for (const QPalette::ColorRole role : {QPalette::Window, QPalette::Base}) {
                QVERIFY2(contrast(text, palette.color(role)) >= 4.5,
                         qPrintable(QStringLiteral("%1 on %2").arg(text.name(), palette.color(role).name())));
            }
        }
        QVERIFY(contrast(ui::quietTextColour(palette), palette.color(QPalette::Window)) >= 3.0);
    }
    QVERIFY(ui::isDarkPalette(darkPalette()));
    QVERIFY(!ui::isDarkPalette(light));
}

void TestPolish::keyboardReachesEveryPaneAndEveryControlHasAName()
{
    QVERIFY(services::demo::DemoSeeder(m_console->database(), services::SystemClock()).seed().ok());
    tests::ScriptedDialogs dialogs;
    MainWindow window(m_console->services(), &dialogs);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigationList"));
    QVERIFY(navigation);
    QStringList unnamed;
    for (int i = 0; i < MainWindow::PaneCount; ++i) {
        QTest::keyClick(&window, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
        QCOMPARE(window.currentPane(), i);
        // The shortcut is written where the pointer user looks: the navigation entry's tool tip.
        QVERIFY2(navigation->item(i)->toolTip().contains(QStringLiteral("Ctrl+%1").arg(i + 1)),
                 qPrintable(navigation->item(i)->toolTip()));
        QList<QWidget *> controls{navigation};
        for (QWidget *w : window.pane(i)->findChildren<QWidget *>()) {
            // A table's header is announced as the table's column headers, not as a control of its own.
            if (qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) ||
                (qobject_cast<QAbstractItemView *>(w) && !qobject_cast<QHeaderView *>(w))) {
                controls << w;
            }
        }
        for (QWidget *w : std::as_const(controls)) {
            // Controls inside another control (a combo box's list, a line edit's clear button) are named by it.
            if (!w->isVisibleTo(&window) || qobject_cast<QComboBox *>(w->parentWidget()) ||
                qobject_cast<QLineEdit *>(w->parentWidget()) || w->objectName().startsWith(QStringLiteral("qt_"))) {
                continue;
            }
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(w);
            QVERIFY(accessible);
            if (accessible->text(QAccessible::Name).trimmed().isEmpty()) {
                unnamed << QStringLiteral("%1/%2 (%3)")
                               .arg(MainWindow::paneKey(i), w->objectName(),
                                    QString::fromLatin1(w->metaObject()->className()));
            }
        }
    }
    unnamed.removeDuplicates();
    QVERIFY2(unnamed.isEmpty(),
             qPrintable(QStringLiteral("no accessible name: ") + unnamed.join(QStringLiteral(", "))));
}

void TestPolish::emptyPanesSayWhatToDoNext()
{
    tests::ScriptedDialogs dialogs;
    MainWindow window(m_console->services(), &dialogs);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QList<int> panes{MainWindow::CampaignsPaneIndex, MainWindow::ScriptsPaneIndex, MainWindow::ResultsPaneIndex,
                           MainWindow::SuppressionPaneIndex};
    for (const int i : panes) {
        window.showPane(i);
        window.pane(i)->refresh();
        auto *empty = window.pane(i)->findChild<ui::EmptyState *>();
        QVERIFY2(empty && empty->isVisible(), qPrintable(MainWindow::paneKey(i)));
        QVERIFY2(empty->message().endsWith(u'.') && empty->message().size() > 40, qPrintable(empty->message()));
        // Instead of an empty table, not above it.
        for (QAbstractItemView *view : window.pane(i)->findChildren<QAbstractItemView *>()) {
            if (!qobject_cast<QComboBox *>(view->parentWidget()) && view->parentWidget() == window.pane(i)) {
                QVERIFY2(!view->isVisible(), qPrintable(view->objectName()));
            }
        }
    }
    // The campaigns' empty state opens the editor for a new campaign.
    window.showPane(MainWindow::CampaignsPaneIndex);
    auto *create = window.findChild<QPushButton *>(QStringLiteral("emptyNewCampaignButton"));
    QVERIFY(create && create->isVisible());
    QTest::mouseClick(create, Qt::LeftButton);
    QVERIFY2(dialogs.asked.contains(QStringLiteral("campaignEditorDialog")), qPrintable(dialogs.asked.join(u'|')));
}

void TestPolish::tabFollowsTheCampaignsPaneLayout()
{
    QVERIFY(services::demo::DemoSeeder(m_console->database(), services::SystemClock()).seed().ok());
    tests::ScriptedDialogs dialogs;
    MainWindow window(m_console->services(), &dialogs);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    window.showPane(MainWindow::CampaignsPaneIndex);
    window.pane(MainWindow::CampaignsPaneIndex)->refresh();
    auto *first = window.findChild<QPushButton *>(QStringLiteral("newCampaignButton"));
    QVERIFY(first);
    first->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), first);
    QStringList visited{first->objectName()};
    for (int i = 0; i < 6; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        visited << QApplication::focusWidget()->objectName();
    }
    // Import sits among the edit buttons, "Show archived" at the row's end; dialing is not available here.
    const QStringList expected{QStringLiteral("newCampaignButton"),       QStringLiteral("editCampaignButton"),
                               QStringLiteral("duplicateCampaignButton"), QStringLiteral("archiveCampaignButton"),
                               QStringLiteral("importContactsButton"),    QStringLiteral("showArchivedCheck"),
                               QStringLiteral("stopCampaignButton")};
    QCOMPARE(visited, expected);
}

void TestPolish::errorsReadAsSentences()
{
    // Services leave the full stop off their details; the console's message ends the sentence, once.
    QCOMPARE(ui::userMessage(Error{ErrorCode::InvalidArgument, QStringLiteral("name is required")}),
             QStringLiteral("Cannot do that: name is required."));
    QCOMPARE(ui::userMessage(Error{ErrorCode::PermissionDenied, QStringLiteral("needs campaign.run.")}),
             QStringLiteral("You do not have permission for this: needs campaign.run."));
    QVERIFY(ui::userMessage(Error{ErrorCode::Database, QStringLiteral("disk I/O error")}).endsWith(u'.'));
}

QTEST_MAIN(TestPolish)
#include "tst_polish.moc"
