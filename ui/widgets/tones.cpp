// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/tones.h"

namespace vsc::ui {
namespace {

QColor mix(const QColor &a, const QColor &b, double share)
{
    return QColor::fromRgbF(float(a.redF() * share + b.redF() * (1 - share)),
                            float(a.greenF() * share + b.greenF() * (1 - share)),
                            float(a.blueF() * share + b.blueF() * (1 - share)));
}

} // namespace

QPalette darkPalette()
{
    const QColor window(0x25, 0x27, 0x2b);
    const QColor text(0xe8, 0xe8, 0xe8);
    const QColor disabledText(0x7f, 0x82, 0x87);
    QPalette p(window);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x1b, 0x1d, 0x20));
    p.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2d, 0x31));
    p.setColor(QPalette::ToolTipBase, QColor(0x33, 0x36, 0x3b));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x31, 0x34, 0x39));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::Mid, QColor(0x2e, 0x31, 0x35));
    p.setColor(QPalette::Dark, QColor(0x15, 0x16, 0x18));
    p.setColor(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb7, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xff));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabledText);
    }
    return p;
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QColor toneColour(Tone tone, const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    switch (tone) {
    case Tone::Good:
        return dark ? QColor(0x7b, 0xd8, 0x8f) : QColor(0x17, 0x6b, 0x31);
    case Tone::Warning:
        return dark ? QColor(0xf2, 0xc1, 0x4e) : QColor(0x8a, 0x5a, 0x00);
    case Tone::Bad:
        break;
    }
    return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x20, 0x20);
}

QColor quietTextColour(const QPalette &palette)
{
    return mix(palette.color(QPalette::WindowText), palette.color(QPalette::Window), 0.65);
}

QString quietTextStyle(const QPalette &palette)
{
    return QStringLiteral("color: %1;").arg(quietTextColour(palette).name());
}

QString toneTextStyle(Tone tone, const QPalette &palette)
{
    return QStringLiteral("color: %1;").arg(toneColour(tone, palette).name());
}

QString toneBannerStyle(Tone tone, const QPalette &palette)
{
    const QColor accent = toneColour(tone, palette);
    const QColor window = palette.color(QPalette::Window);
    return QStringLiteral("background: %1; color: %2; border: 1px solid %3; border-radius: 4px; padding: 6px;")
        .arg(mix(accent, window, 0.14).name(), palette.color(QPalette::WindowText).name(),
             mix(accent, window, 0.6).name());
}

} // namespace vsc::ui
