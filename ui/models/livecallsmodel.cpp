// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/livecallsmodel.h"

#include "ui/widgets/numberformat.h"

#include <QColor>

namespace vsc::ui {
namespace {

QString clockText(qint64 seconds)
{
    if (seconds >= 3600) {
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    }
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

// The call's own clock at wall-clock `at`: a simulated call's clock began with the wall clock when it was placed
// and runs timeScale times faster.
QDateTime callTime(const LiveCall &call, const QDateTime &at)
{
    if (!call.startedAt.isValid() || call.timeScale == 1.0) {
        return at;
    }
    return call.startedAt.addMSecs(qint64(double(call.startedAt.msecsTo(at)) * call.timeScale));
}

} // namespace

void LiveCallsModel::tick(const QDateTime &now)
{
    m_now = now;
    if (rowCount() > 0) {
        Q_EMIT dataChanged(index(0, DurationColumn), index(rowCount() - 1, DurationColumn), {Qt::DisplayRole});
    }
}

qint64 LiveCallsModel::durationSeconds(const LiveCall &call) const
{
    if (!call.startedAt.isValid() || (!call.endedAt.isValid() && !m_now.isValid())) {
        return -1;
    }
    const QDateTime end = call.endedAt.isValid() ? call.endedAt : callTime(call, m_now);
    return qMax<qint64>(0, call.startedAt.secsTo(end));
}

bool LiveCallsModel::applyStatus(qint64 attemptId, CallStatus status, const QDateTime &at)
{
    return updateRow(attemptId, [&](LiveCall &row) {
        if (!row.startedAt.isValid() && status == CallStatus::InProgress) {
            row.startedAt = at;
        }
        if (isTerminal(status) && !row.endedAt.isValid()) {
            row.endedAt = row.startedAt.isValid() ? qMax(row.startedAt, callTime(row, at)) : at;
            row.currentQuestion.clear();
            row.currentPrompt.clear();
        }
        row.status = status;
    });
}

bool LiveCallsModel::applyTurn(const LiveTurn &turn)
{
    return updateRow(turn.attemptId, [&](LiveCall &row) {
        row.currentQuestion = turn.currentQuestion;
        row.currentPrompt = turn.currentPrompt;
        if (!turn.answerQuestion.isEmpty()) {
            if (row.lastQuestion != turn.answerQuestion || row.lastAnswer != turn.answerValue) {
                ++row.answeredQuestions;
            }
            row.lastQuestion = turn.answerQuestion;
            row.lastAnswer = turn.answerValue;
            row.lastConfidence = turn.answerConfidence;
        }
    });
}

void LiveCallsModel::removeEndedBefore(const QDateTime &cutoff)
{
    QList<qint64> old;
    for (const LiveCall &call : rows()) {
        if (isTerminal(call.status) && call.endedAt.isValid() && call.endedAt < cutoff) {
            old.append(call.attemptId);
        }
    }
    for (const qint64 id : std::as_const(old)) {
        removeRowByKey(id);
    }
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

QColor callStatusColor(CallStatus status)
{
    // Mid-tone hues: they read as dots on light and dark backgrounds alike.
    switch (status) {
    case CallStatus::Claimed:
    case CallStatus::Queued:
        return QColor(0x90, 0x90, 0x90);
    case CallStatus::Initiated:
    case CallStatus::Ringing:
        return QColor(0xf0, 0xa0, 0x20);
    case CallStatus::InProgress:
        return QColor(0x2e, 0xb8, 0x4c);
    case CallStatus::Completed:
        return QColor(0x3a, 0x7b, 0xd5);
    case CallStatus::Busy:
    case CallStatus::NoAnswer:
    case CallStatus::Canceled:
        return QColor(0xa0, 0x70, 0xc0);
    case CallStatus::Failed:
        return QColor(0xd9, 0x3b, 0x3b);
    }
    return {};
}

QString answeredByLabel(const QString &answeredBy)
{
    if (answeredBy.isEmpty()) {
        return {};
    }
    if (answeredBy == QLatin1String("human")) {
        return LiveCallsModel::tr("Person");
    }
    if (answeredBy.startsWith(QLatin1String("machine"))) {
        return LiveCallsModel::tr("Machine");
    }
    if (answeredBy == QLatin1String("fax")) {
        return LiveCallsModel::tr("Fax");
    }
    return LiveCallsModel::tr("Unknown");
}

QStringList LiveCallsModel::headers() const
{
    return {tr("Call"),    tr("Status"), tr("Campaign"),    tr("Duration"), tr("Question"), tr("Last answer"),
            tr("Contact"), tr("Number"), tr("Answered by"), tr("Carrier"),  tr("Ended by")};
}

QVariant LiveCallsModel::cell(const LiveCall &row, int column, int role) const
{
    if (role == Qt::DisplayRole) {
        switch (column) {
        case CallColumn:
            return row.attemptId;
        case StatusColumn:
            return callStatusLabel(row.status);
        case CampaignColumn:
            return row.campaignName;
        case ContactColumn:
            return row.contactName; // masked by the service unless the viewer may see it
        case PhoneColumn:
            return row.phoneE164;
        case DurationColumn: {
            const qint64 seconds = durationSeconds(row);
            return seconds < 0 ? QString() : clockText(seconds);
        }
        case QuestionColumn:
            return row.currentQuestion.isEmpty()
                       ? QString()
                       : QStringLiteral("%1 · %2").arg(row.currentQuestion, row.currentPrompt);
        case LastAnswerColumn:
            if (row.lastQuestion.isEmpty()) {
                return QString();
            }
            return row.lastConfidence
                       ? tr("%1: %2 (%3)").arg(row.lastQuestion, row.lastAnswer, percentText(*row.lastConfidence))
                       : tr("%1: %2").arg(row.lastQuestion, row.lastAnswer);
        case AnsweredByColumn:
            return answeredByLabel(row.answeredBy);
        case ProviderColumn:
            return row.provider == CallProvider::Twilio ? tr("Twilio") : tr("Simulated");
        case EndedByColumn:
            return row.hungUpBy;
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && column == StatusColumn) {
        return callStatusColor(row.status);
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case CampaignColumn: // the whole text where the narrow column ends it in "…"
            return row.campaignName;
        case ContactColumn:
            return row.contactName;
        case QuestionColumn:
            return row.currentPrompt;
        case LastAnswerColumn:
            return row.lastConfidence ? tr("Recognised with %1 confidence").arg(percentText(*row.lastConfidence))
                                      : QString();
        case AnsweredByColumn:
            return row.answeredBy;
        case DurationColumn:
            return row.timeScale != 1.0 ? tr("In the simulated call's time (%1× the wall clock)").arg(row.timeScale)
                                        : QString();
        default:
            return {};
        }
    }
    if (role == SortRole) {
        switch (column) {
        case CallColumn:
            return row.attemptId;
        case StatusColumn:
            return int(row.status);
        case DurationColumn:
            return durationSeconds(row);
        case LastAnswerColumn:
            return row.lastConfidence.value_or(-1.0);
        default:
            return cell(row, column, Qt::DisplayRole);
        }
    }
    if (role == Qt::UserRole) {
        return row.attemptId;
    }
    return {};
}

LiveCallsFilterModel::LiveCallsFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(LiveCallsModel::SortRole);
    setDynamicSortFilter(true);
}

void LiveCallsFilterModel::setCampaign(qint64 campaignId)
{
    m_campaignId = campaignId;
    invalidateRowsFilter();
}

void LiveCallsFilterModel::setStatuses(const QList<CallStatus> &statuses)
{
    m_statuses.clear();
    for (const CallStatus status : statuses) {
        m_statuses.insert(int(status));
    }
    invalidateRowsFilter();
}

void LiveCallsFilterModel::setSearch(const QString &text)
{
    m_search = text.trimmed();
    invalidateRowsFilter();
}

bool LiveCallsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *model = static_cast<const LiveCallsModel *>(sourceModel());
    const LiveCall &call = model->rowAt(sourceRow);
    if (m_campaignId != 0 && call.campaignId != m_campaignId) {
        return false;
    }
    if (!m_statuses.isEmpty() && !m_statuses.contains(int(call.status))) {
        return false;
    }
    if (m_search.isEmpty()) {
        return true;
    }
    for (const QString *field : {&call.campaignName, &call.contactName, &call.phoneE164, &call.currentQuestion,
                                 &call.currentPrompt, &call.lastAnswer, &call.hungUpBy}) {
        if (field->contains(m_search, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return QString::number(call.attemptId) == m_search;
}

} // namespace vsc::ui
