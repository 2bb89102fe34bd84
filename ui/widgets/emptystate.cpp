// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/emptystate.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace vsc::ui {

EmptyState::EmptyState(Icon icon, const QString &message, QWidget *parent)
    : QWidget(parent), m_message(new QLabel(message, this)), m_buttons(new QVBoxLayout)
{
    setObjectName(QStringLiteral("emptyState"));
    auto *picture = new QLabel(this);
    picture->setObjectName(QStringLiteral("emptyStateIcon"));
    picture->setPixmap(themedIcon(icon).pixmap(QSize(48, 48), devicePixelRatioF(), QIcon::Disabled));
    picture->setAlignment(Qt::AlignHCenter);
    m_message->setObjectName(QStringLiteral("emptyStateLabel"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignHCenter);
    QFont larger = m_message->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.15);
    m_message->setFont(larger);
    m_buttons->setAlignment(Qt::AlignHCenter);
    auto *layout = new QVBoxLayout(this);
    // The message spans the width (a wrapped label given less is cut off); the margins keep its lines short.
    layout->setContentsMargins(96, 24, 96, 24);
    layout->addStretch(1);
    layout->addWidget(picture, 0, Qt::AlignHCenter);
    layout->addWidget(m_message);
    layout->addSpacing(6);
    layout->addLayout(m_buttons);
    layout->addStretch(2);
}

void EmptyState::setMessage(const QString &message)
{
    m_message->setText(message);
}

QString EmptyState::message() const
{
    return m_message->text();
}

QLabel *EmptyState::messageLabel() const
{
    return m_message;
}

QPushButton *EmptyState::addButton(const QString &text, Icon icon, const QString &objectName)
{
    auto *button = new QPushButton(themedIcon(icon), text, this);
    button->setObjectName(objectName);
    m_buttons->addWidget(button, 0, Qt::AlignHCenter);
    return button;
}

} // namespace vsc::ui
