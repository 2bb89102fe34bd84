// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/results/csvwriter.h"

#include <QRegularExpression>

namespace vsc::services::results {

bool looksLikeFormula(const QString &cell)
{
    if (cell.isEmpty()) {
        return false;
    }
    // A plain number or an E.164 phone number ("-3", "+14155550100") cannot call anything: left as it is, so phone
    // numbers and negative answers stay readable.
    static const QRegularExpression plainNumber(QStringLiteral("^[+-]?[0-9]+([.][0-9]+)?$"));
    const QChar first = cell.front();
    if ((first == u'+' || first == u'-') && plainNumber.match(cell).hasMatch()) {
        return false;
    }
    return first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r';
}

QString neutralizeFormula(const QString &cell)
{
    return looksLikeFormula(cell) ? QStringLiteral("'") + cell : cell;
}

QByteArray csvRecord(const QStringList &fields)
{
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            line += ',';
        }
        const QByteArray field = neutralizeFormula(fields.at(i)).toUtf8();
        if (field.contains(',') || field.contains('"') || field.contains('\n') || field.contains('\r')) {
            QByteArray quoted = field;
            quoted.replace("\"", "\"\"");
            line += '"' + quoted + '"';
        } else {
            line += field;
        }
    }
    return line + "\r\n";
}

} // namespace vsc::services::results
