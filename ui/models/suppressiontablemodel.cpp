// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/suppressiontablemodel.h"

#include <QLocale>

namespace vsc::ui {

QString SuppressionTableModel::sourceText(const QString &source)
{
    if (source == QLatin1String("manual")) {
        return tr("Added by hand");
    }
    if (source == QLatin1String("import")) {
        return tr("Imported");
    }
    if (source == QLatin1String("in_call_opt_out")) {
        return tr("Opted out during a call");
    }
    return source;
}

QStringList SuppressionTableModel::headers() const
{
    return {tr("Number"), tr("Scope"), tr("Reason"), tr("Source"), tr("Added"), tr("Added by")};
}

QVariant SuppressionTableModel::cell(const services::storage::Suppression &row, int column, int role) const
{
    if (role == Qt::ToolTipRole && column == ReasonColumn) {
        return row.reason;
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (column) {
    case NumberColumn:
        return row.phoneE164;
    case ScopeColumn:
        return row.campaignId ? (row.campaignName.isEmpty() ? tr("Campaign %1").arg(*row.campaignId) : row.campaignName)
                              : tr("All campaigns");
    case ReasonColumn:
        return row.reason;
    case SourceColumn:
        return sourceText(row.source);
    case AddedAtColumn:
        return QLocale().toString(row.createdAt.toLocalTime(), QLocale::ShortFormat);
    case AddedByColumn:
        return row.createdByName.isEmpty() ? tr("the caller") : row.createdByName;
    default:
        return {};
    }
}

} // namespace vsc::ui
