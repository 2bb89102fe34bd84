// SPDX-License-Identifier: GPL-3.0-or-later
// Percentages as each locale writes them (the Live Monitor's confidences).
#include "ui/widgets/numberformat.h"

#include <QTest>

using vsc::ui::percentText;

class TestNumberFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void percentFollowsTheLocale();
};

void TestNumberFormat::percentFollowsTheLocale()
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const QLocale german(QLocale::German, QLocale::Germany);
    QCOMPARE(percentText(0.85, 0, english), QStringLiteral("85%"));
    QCOMPARE(percentText(0.85, 0, german), QStringLiteral("85\u00a0%")); // a no-break space keeps "85 %" together
    QCOMPARE(percentText(0.853, 1, german), QStringLiteral("85,3\u00a0%"));
    QCOMPARE(percentText(0.853, 1, english), QStringLiteral("85.3%"));
    QCOMPARE(percentText(0.91, 0, QLocale(QLocale::Turkish, QLocale::Turkey)), QStringLiteral("%91"));
    QCOMPARE(percentText(1.0, 0, english), QStringLiteral("100%"));
}

QTEST_GUILESS_MAIN(TestNumberFormat)
#include "tst_numberformat.moc"
