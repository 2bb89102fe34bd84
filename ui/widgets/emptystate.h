// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/icons.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace vsc::ui {

// What a pane shows instead of an empty table: an icon, a sentence saying what to do next and, optionally, the
// button that does it.
class EmptyState final : public QWidget
{
    Q_OBJECT
public:
    EmptyState(Icon icon, const QString &message, QWidget *parent = nullptr);

    void setMessage(const QString &message);
    [[nodiscard]] QString message() const;
    [[nodiscard]] QLabel *messageLabel() const;
    // Adds a button under the message; the caller connects its clicked().
    QPushButton *addButton(const QString &text, Icon icon, const QString &objectName);

private:
    QLabel *m_message;
    QVBoxLayout *m_buttons;
};

} // namespace vsc::ui
