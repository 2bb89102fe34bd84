// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/numberformat.h"

#include <unicode/locid.h>
#include <unicode/numfmt.h>
#include <unicode/unistr.h>

#include <memory>

namespace vsc::ui {

QString percentText(double ratio, int decimals, const QLocale &locale)
{
    // One formatter per thread, made again only when the locale or the decimals change: a table formats a column
    // of cells in a row, and making a formatter costs far more than using one.
    struct Cached
    {
        QString locale;
        int decimals = -1;
        std::unique_ptr<icu::NumberFormat> format;
    };
    thread_local Cached cached;
    const QString name = locale.name();
    if (!cached.format || cached.locale != name || cached.decimals != decimals) {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::NumberFormat> format(
            icu::NumberFormat::createPercentInstance(icu::Locale(name.toLatin1().constData()), status));
        if (U_FAILURE(status) || !format) {
            return locale.toString(ratio * 100.0, 'f', decimals) + locale.percent();
        }
        format->setMinimumFractionDigits(decimals);
        format->setMaximumFractionDigits(decimals);
        cached = {name, decimals, std::move(format)};
    }
    icu::UnicodeString text;
    cached.format->format(ratio, text);
    return QString(reinterpret_cast<const QChar *>(text.getBuffer()), text.length());
}

} // namespace vsc::ui
