// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/campaigntablemodel.h"
#include "ui/widgets/tones.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QLocale>
#include <QTextDocument>

namespace vsc::ui {

QString campaignStatusLabel(CampaignStatus status)
{
    switch (status) {
    case CampaignStatus::Draft:
        return CampaignTableModel::tr("Draft");
    case CampaignStatus::Ready:
        return CampaignTableModel::tr("Ready");
    case CampaignStatus::Running:
        return CampaignTableModel::tr("Running");
    case CampaignStatus::Paused:
        return CampaignTableModel::tr("Paused");
    case CampaignStatus::Completed:
        return CampaignTableModel::tr("Completed");
    case CampaignStatus::Stopped:
        return CampaignTableModel::tr("Stopped");
    }
    return {};
}

QStringList CampaignTableModel::headers() const
{
    return {tr("Campaign"), tr("Status"),     tr("Contacts"), tr("Completed"),
            tr("Attempts"), tr("Live calls"), tr("Updated")};
}

QVariant CampaignTableModel::cell(const CampaignSummary &row, int column, int role) const
{
    const Campaign &c = row.campaign;
    if (role == Qt::DisplayRole) {
        switch (column) {
        case NameColumn:
            return c.name;
        case StatusColumn:
            return campaignStatusLabel(c.status);
        case ContactsColumn:
            return row.contacts;
        case ProgressColumn: {
            const int percent = row.contacts > 0 ? (100 * row.completedContacts) / row.contacts : 0;
            return tr("%1 (%2%)").arg(row.completedContacts).arg(percent);
        }
        case AttemptsColumn:
            return row.attempts;
        case ActiveColumn:
            return row.activeCalls;
        case UpdatedColumn:
            return QLocale().toString(c.updatedAt.toLocalTime(), QLocale::ShortFormat);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && column == NameColumn) {
        // Tool tips guess their format; a description is user data, shown as written.
        return c.description.isEmpty() ? QVariant() : QVariant(Qt::convertFromPlainText(c.description));
    }
    if (role == Qt::ForegroundRole && column == StatusColumn) {
        switch (c.status) {
        case CampaignStatus::Running:
            return QBrush(toneColour(Tone::Good, QGuiApplication::palette()));
        case CampaignStatus::Paused:
            return QBrush(toneColour(Tone::Warning, QGuiApplication::palette()));
        case CampaignStatus::Stopped:
            return QBrush(toneColour(Tone::Bad, QGuiApplication::palette()));
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && column >= ContactsColumn && column <= ActiveColumn) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::UserRole) {
        return c.id;
    }
    return {};
}

} // namespace vsc::ui
