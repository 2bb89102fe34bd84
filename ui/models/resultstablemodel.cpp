// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/resultstablemodel.h"

#include <QLocale>
#include <QScopedValueRollback>

namespace vsc::ui {

ResultsTableModel::ResultsTableModel(QObject *parent) : QAbstractTableModel(parent)
{
}

QString ResultsTableModel::dispositionText(const QString &key)
{
    static const QHash<QString, const char *> texts{
        {QStringLiteral("completed"), QT_TR_NOOP("Completed")},
        {QStringLiteral("opted_out"), QT_TR_NOOP("Opted out")},
        {QStringLiteral("partial"), QT_TR_NOOP("Refused / partial")},
        {QStringLiteral("machine"), QT_TR_NOOP("Answering machine")},
        {QStringLiteral("busy"), QT_TR_NOOP("Busy")},
        {QStringLiteral("no_answer"), QT_TR_NOOP("No answer")},
        {QStringLiteral("failed"), QT_TR_NOOP("Failed")},
        {QStringLiteral("invalid_number"), QT_TR_NOOP("Invalid number")},
        {QStringLiteral("suppressed"), QT_TR_NOOP("Do not call")},
        {QStringLiteral("in_progress"), QT_TR_NOOP("In progress")},
        {QStringLiteral("not_dialed"), QT_TR_NOOP("Not yet dialed")},
    };
    const char *text = texts.value(key);
    return text ? tr(text) : key;
}

void ResultsTableModel::reset(const QList<services::storage::QuestionColumn> &questions, PageLoader loader)
{
    beginResetModel();
    m_questions = questions;
    m_rows.clear();
    m_loader = std::move(loader);
    m_complete = true; // a view asking from inside endResetModel would insert before everyone saw the reset
    endResetModel();
    m_complete = !m_loader;
    fetchMore({}); // the first page at once; the view asks for the rest as it scrolls
}

void ResultsTableModel::clear()
{
    reset({}, {});
}

int ResultsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ResultsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstQuestionColumn + int(m_questions.size());
}

QVariant ResultsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const services::storage::ContactResult &row = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole && (index.column() == ContactColumn || index.column() == AttemptsColumn ||
                                          index.column() == ScriptVersionColumn)) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
    case ContactColumn:
        return row.contactId;
    case PhoneColumn:
        return row.phoneE164;
    case NameColumn:
        return row.name;
    case DispositionColumn:
        return dispositionText(row.disposition);
    case AttemptsColumn:
        return row.attempts;
    case LastAttemptColumn:
        return row.lastAttemptAt.isValid() ? QLocale().toString(row.lastAttemptAt.toLocalTime(), QLocale::ShortFormat)
                                           : QString();
    case ScriptVersionColumn:
        return row.scriptVersion ? QVariant(*row.scriptVersion) : QVariant();
    default:
        return row.answers.value(m_questions.at(index.column() - FirstQuestionColumn).key);
    }
}

QVariant ResultsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (section >= FirstQuestionColumn) {
        const services::storage::QuestionColumn &question = m_questions.at(section - FirstQuestionColumn);
        if (role == Qt::DisplayRole) {
            return question.key;
        }
        if (role == Qt::ToolTipRole) {
            return question.prompt;
        }
        return {};
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    static const char *const headers[] = {
        QT_TR_NOOP("Contact"),  QT_TR_NOOP("Number"),       QT_TR_NOOP("Name"),          QT_TR_NOOP("Disposition"),
        QT_TR_NOOP("Attempts"), QT_TR_NOOP("Last attempt"), QT_TR_NOOP("Script version")};
    return tr(headers[section]);
}

bool ResultsTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_complete;
}

void ResultsTableModel::fetchMore(const QModelIndex &parent)
{
    // A view may ask again from inside endInsertRows (its scroll bar still at the end): that nested request is
    // dropped, the view asks once more when it next looks.
    if (parent.isValid() || m_complete || m_fetching) {
        return;
    }
    const QScopedValueRollback<bool> fetching(m_fetching, true);
    const qint64 after = m_rows.isEmpty() ? 0 : m_rows.constLast().contactId;
    auto page = m_loader(after, kPageSize);
    if (!page) {
        m_complete = true; // no retry loop from the view; a reload starts over
        Q_EMIT loadFailed(page.error());
        return;
    }
    m_complete = page.value().size() < kPageSize;
    if (page.value().isEmpty()) {
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.value().size()) - 1);
    m_rows.append(page.value());
    endInsertRows();
}

} // namespace vsc::ui
