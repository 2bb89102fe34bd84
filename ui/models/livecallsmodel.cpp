// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/livecallsmodel.h"

namespace vsc::ui {

bool LiveCallsModel::applyStatus(qint64 attemptId, CallStatus status, const QDateTime &at)
{
    if (isTerminal(status)) {
        return removeRowByKey(attemptId);
    }
    return updateRow(attemptId, [&](LiveCall &row) {
        if (!row.startedAt.isValid() && status == CallStatus::InProgress) {
            row.startedAt = at;
        }
        row.status = status;
    });
}

QString callStatusLabel(CallStatus status)
{
    switch (status) {
    case CallStatus::Claimed:
        return LiveCallsModel::tr("Claimed");
    case CallStatus::Queued:
        return LiveCallsModel::tr("Queued");
    case CallStatus::Initiated:
        return LiveCallsModel::tr("Dialing");
    case CallStatus::Ringing:
        return LiveCallsModel::tr("Ringing");
    case CallStatus::InProgress:
        return LiveCallsModel::tr("In progress");
    case CallStatus::Completed:
        return LiveCallsModel::tr("Completed");
    case CallStatus::Busy:
        return LiveCallsModel::tr("Busy");
    case CallStatus::NoAnswer:
        return LiveCallsModel::tr("No answer");
    case CallStatus::Failed:
        return LiveCallsModel::tr("Failed");
    case CallStatus::Canceled:
        return LiveCallsModel::tr("Canceled");
    }
    return {};
}

QStringList LiveCallsModel::headers() const
{
    return {tr("Campaign"), tr("Contact"), tr("Number"), tr("Status"), tr("Duration"), tr("Answers"), tr("Carrier")};
}

QVariant LiveCallsModel::cell(const LiveCall &row, int column, int role) const
{
    if (role == Qt::DisplayRole) {
        switch (column) {
        case CampaignColumn:
            return row.campaignName;
        case ContactColumn:
            return row.contactName;
        case PhoneColumn:
            return row.phoneE164; // masked by the service unless the viewer may see it
        case StatusColumn:
            return callStatusLabel(row.status);
        case DurationColumn: {
            if (!row.startedAt.isValid() || !m_now.isValid()) {
                return QString();
            }
            const qint64 seconds = qMax<qint64>(0, row.startedAt.secsTo(m_now));
            return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
        }
        case AnswersColumn:
            return row.answeredQuestions;
        case ProviderColumn:
            return row.provider == CallProvider::Twilio ? tr("Twilio") : tr("Simulated");
        default:
            return {};
        }
    }
    if (role == Qt::UserRole) {
        return row.attemptId;
    }
    return {};
}

} // namespace vsc::ui
