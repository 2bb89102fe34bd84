// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/call.h"
#include "models/contact.h"
#include "ui/models/rowtablemodel.h"

#include <QDateTime>
#include <QSet>
#include <QSortFilterProxyModel>

namespace vsc::ui {

// The Live Monitor's rows: calls on the line and those that ended a short while ago. Each event changes one row
// (applyStatus, applyTurn, upsertRow); tick() moves the durations on, each in its call's own time.
class LiveCallsModel final : public RowTableModel<LiveCall>
{
    Q_OBJECT
public:
    enum Column {
        CallColumn,
        StatusColumn,
        CampaignColumn,
        DurationColumn,
        QuestionColumn,
        LastAnswerColumn,
        ContactColumn,
        PhoneColumn,
        AnsweredByColumn,
        ProviderColumn,
        EndedByColumn,
        ColumnCount
    };
    // Sort keys: numbers for the call, duration and confidence, texts otherwise.
    static constexpr int SortRole = Qt::UserRole + 1;
    using RowTableModel::RowTableModel;

    // The wall-clock moment durations are measured against.
    void setNow(const QDateTime &now) { m_now = now; }
    // Moves `now` on and repaints the durations of calls still on the line (one dataChanged for the column).
    void tick(const QDateTime &now);

    // One call's new status from an event: the row changes at once; an ended call stays, as ended.
    // False when the call is not in the table (a new call: the caller fetches that one row).
    bool applyStatus(qint64 attemptId, CallStatus status, const QDateTime &at);
    // A stored dialogue turn: the question on the line now and the answer just given. False when not shown.
    bool applyTurn(const LiveTurn &turn);
    // Drops calls that ended before `cutoff` (in their own time).
    void removeEndedBefore(const QDateTime &cutoff);

    // How long the call has lasted, in its own time; -1 before it started.
    [[nodiscard]] qint64 durationSeconds(const LiveCall &call) const;

protected:
    [[nodiscard]] QStringList headers() const override;
    [[nodiscard]] qint64 keyOf(const LiveCall &row) const override { return row.attemptId; }
    [[nodiscard]] QVariant cell(const LiveCall &row, int column, int role) const override;

private:
    QDateTime m_now;
};

// The pane's filters (campaign, statuses, free-text search over campaign, contact, number, question and answer).
class LiveCallsFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LiveCallsFilterModel(QObject *parent = nullptr);

    void setCampaign(qint64 campaignId);                 // 0: every campaign
    void setStatuses(const QList<CallStatus> &statuses); // empty: every status
    void setSearch(const QString &text);

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    qint64 m_campaignId = 0;
    QSet<int> m_statuses;
    QString m_search;
};

QString callStatusLabel(CallStatus status);
// The status colour (green on the line, amber ringing, red failed...), readable on light and dark palettes.
QColor callStatusColor(CallStatus status);
// Twilio's AnsweredBy values in words ("human" → "Person", "machine_start" → "Machine"...).
QString answeredByLabel(const QString &answeredBy);

} // namespace vsc::ui
