// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>

#include <concepts>

namespace vsc::ui {

// A table of value-type rows identified by a key. setRows() diffs by key so views keep their
// selection and scroll position while live data is refreshed.
template<typename Row>
class RowTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(headers().size());
    }
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        // The tooltip repeats the title: a narrow column ends it in "…".
        if (orientation == Qt::Horizontal && (role == Qt::DisplayRole || role == Qt::ToolTipRole) && section >= 0 &&
            section < headers().size()) {
            return headers().at(section);
        }
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
            return {};
        }
        return cell(m_rows.at(index.row()), index.column(), role);
    }

    [[nodiscard]] const QList<Row> &rows() const { return m_rows; }
    [[nodiscard]] const Row &rowAt(int row) const { return m_rows.at(row); }
    // The row index of `key`, or -1.
    [[nodiscard]] int indexOfKey(qint64 key) const { return m_index.value(key, -1); }

    // Changes one row in place (one dataChanged for that row): how a single event updates a live table without
    // reloading it. False when no row has that key.
    template<typename Change>
    bool updateRow(qint64 key, Change change)
    {
        const int row = indexOfKey(key);
        if (row < 0) {
            return false;
        }
        change(m_rows[row]);
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
        return true;
    }

    // Replaces the row with `row`'s key in place, or appends it (one dataChanged or one inserted row).
    void upsertRow(const Row &row)
    {
        const qint64 key = keyOf(row);
        if (updateRow(key, [&row](Row &existing) { existing = row; })) {
            return;
        }
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at);
        m_rows.append(row);
        m_index.insert(key, at);
        endInsertRows();
    }

    bool removeRowByKey(qint64 key)
    {
        const int row = indexOfKey(key);
        if (row < 0) {
            return false;
        }
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        reindex();
        endRemoveRows();
        return true;
    }

    void setRows(const QList<Row> &rows)
    {
        QHash<qint64, int> incoming;
        for (int i = 0; i < rows.size(); ++i) {
            incoming.insert(keyOf(rows.at(i)), i);
        }
        for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
            if (!incoming.contains(keyOf(m_rows.at(i)))) {
                beginRemoveRows({}, i, i);
                m_rows.removeAt(i);
                endRemoveRows();
            }
        }
        QHash<qint64, int> present;
        int changedFrom = -1; // the run of changed rows being collected: one dataChanged per run
        for (int i = 0; i < m_rows.size(); ++i) {
            const qint64 key = keyOf(m_rows.at(i));
            present.insert(key, i);
            const Row &fresh = rows.at(incoming.value(key));
            bool changed = true;
            if constexpr (std::equality_comparable<Row>) {
                changed = !(m_rows.at(i) == fresh); // rows that compare: unchanged ones cost the views nothing
            }
            if (changed) {
                m_rows[i] = fresh;
                changedFrom = changedFrom < 0 ? i : changedFrom;
            } else if (changedFrom >= 0) {
                Q_EMIT dataChanged(index(changedFrom, 0), index(i - 1, columnCount() - 1));
                changedFrom = -1;
            }
        }
        if (changedFrom >= 0) {
            Q_EMIT dataChanged(index(changedFrom, 0), index(int(m_rows.size()) - 1, columnCount() - 1));
        }
        QList<Row> added;
        for (const Row &row : rows) {
            if (!present.contains(keyOf(row))) {
                added.append(row);
            }
        }
        if (!added.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size()) - 1);
            m_rows.append(added);
            endInsertRows();
        }
        reindex();
    }

protected:
    [[nodiscard]] virtual QStringList headers() const = 0;
    [[nodiscard]] virtual qint64 keyOf(const Row &row) const = 0;
    [[nodiscard]] virtual QVariant cell(const Row &row, int column, int role) const = 0;

private:
    void reindex()
    {
        m_index.clear();
        m_index.reserve(m_rows.size());
        for (int i = 0; i < m_rows.size(); ++i) {
            m_index.insert(keyOf(m_rows.at(i)), i);
        }
    }

    QList<Row> m_rows;
    QHash<qint64, int> m_index; // key -> row
};

} // namespace vsc::ui
