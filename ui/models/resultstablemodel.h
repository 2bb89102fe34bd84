// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"
#include "services/storage/resultsrepository.h"

#include <QAbstractTableModel>

#include <functional>

namespace vsc::ui {

// A campaign's results, one contact a row, loaded a page at a time as the view scrolls (canFetchMore/fetchMore with
// the page loader's keyset query), so a million contacts open as fast as one page and only what was scrolled
// through is held. One column per question of the script after the fixed ones.
class ResultsTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ContactColumn,
        PhoneColumn,
        NameColumn,
        DispositionColumn,
        AttemptsColumn,
        LastAttemptColumn,
        ScriptVersionColumn,
        FirstQuestionColumn
    };
    // Up to `limit` contacts after the contact id `after`, by id.
    using PageLoader = std::function<Result<QList<services::storage::ContactResult>>(qint64 after, int limit)>;
    static constexpr int kPageSize = 200;

    explicit ResultsTableModel(QObject *parent = nullptr);

    // Starts over with these questions and this loader, and loads the first page.
    void reset(const QList<services::storage::QuestionColumn> &questions, PageLoader loader);
    void clear();

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    [[nodiscard]] bool isComplete() const { return m_complete; }
    [[nodiscard]] const services::storage::ContactResult &rowAt(int row) const { return m_rows.at(row); }
    static QString dispositionText(const QString &key);

Q_SIGNALS:
    void loadFailed(const vsc::Error &error);

private:
    QList<services::storage::QuestionColumn> m_questions;
    QList<services::storage::ContactResult> m_rows;
    PageLoader m_loader;
    bool m_complete = true;
    bool m_fetching = false;
};

} // namespace vsc::ui
