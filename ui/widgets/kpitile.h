// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;

namespace vsc::ui {

// One dashboard figure: a caption, a large value and a small hint line.
class KpiTile final : public QFrame
{
    Q_OBJECT
public:
    KpiTile(const QString &caption, QWidget *parent = nullptr);

    void setValue(const QString &value, const QString &hint = {});
    [[nodiscard]] QString value() const;

private:
    QLabel *m_value;
    QLabel *m_hint;
};

} // namespace vsc::ui
