// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace vsc::ui {

// What a coloured text or banner says: good (running, connected), a warning (paused) or bad (an error).
enum class Tone {
    Good,
    Warning,
    Bad,
};

// A dark palette for the Fusion style, for desktops whose dark theme Qt does not pick up (VSC_PALETTE=dark) and
// for the dark screenshots.
[[nodiscard]] QPalette darkPalette();

// True when the palette draws light text on a dark window (a dark desktop theme).
[[nodiscard]] bool isDarkPalette(const QPalette &palette);

// A text colour for the tone that stays readable on the palette's window and base colours.
[[nodiscard]] QColor toneColour(Tone tone, const QPalette &palette);

// Secondary text (captions, hints): between the palette's text and window colours, readable on both themes.
[[nodiscard]] QColor quietTextColour(const QPalette &palette);
[[nodiscard]] QString quietTextStyle(const QPalette &palette);

// "color: …;" for a label in the tone.
[[nodiscard]] QString toneTextStyle(Tone tone, const QPalette &palette);

// A boxed banner (error, note): a faint tint of the tone over the window colour, the palette's text colour.
[[nodiscard]] QString toneBannerStyle(Tone tone, const QPalette &palette);

} // namespace vsc::ui
