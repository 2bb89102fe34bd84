// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/kpitile.h"
#include "ui/widgets/tones.h"

#include <QLabel>
#include <QVBoxLayout>

namespace vsc::ui {

KpiTile::KpiTile(const QString &caption, QWidget *parent)
    : QFrame(parent), m_value(new QLabel(QStringLiteral("–"), this)), m_hint(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setObjectName(QStringLiteral("kpiTile"));
    // By class, not by objectName: the dashboard names each tile ("attemptsTile") for tests.
    setStyleSheet(QStringLiteral("vsc--ui--KpiTile { background: palette(base); border: 1px solid palette(mid); "
                                 "border-radius: 6px; }"));
    auto *captionLabel = new QLabel(caption, this);
    for (QLabel *label : {captionLabel, m_value, m_hint}) {
        label->setTextFormat(Qt::PlainText); // hints may quote campaign names
    }
    captionLabel->setStyleSheet(quietTextStyle(palette()) + QStringLiteral(" font-weight: 600;"));
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 2.1);
    big.setBold(true);
    m_value->setFont(big);
    m_value->setObjectName(QStringLiteral("kpiValueLabel"));
    m_hint->setStyleSheet(quietTextStyle(palette()));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->addWidget(captionLabel);
    layout->addWidget(m_value);
    layout->addWidget(m_hint);
    setMinimumWidth(170);
}

void KpiTile::setValue(const QString &value, const QString &hint)
{
    m_value->setText(value);
    m_hint->setText(hint);
}

QString KpiTile::value() const
{
    return m_value->text();
}

} // namespace vsc::ui
