// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

namespace vsc::ui {

// A ratio as a percentage the way the locale writes it: "85%" in English, "85 %" (no-break space) in German, "%85"
// in Turkish. QLocale has no percent format; ICU's, from CLDR, does it for every locale.
QString percentText(double ratio, int decimals = 0, const QLocale &locale = QLocale());

} // namespace vsc::ui
