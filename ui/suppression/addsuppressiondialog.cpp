// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/suppression/addsuppressiondialog.h"

#include "services/contacts/phonenumber.h"
#include "ui/pane.h"
#include "ui/widgets/tones.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vsc::ui {

AddSuppressionDialog::AddSuppressionDialog(const QList<CampaignSummary> &campaigns, const QString &defaultRegion,
                                           Submit submit, QWidget *parent)
    : QDialog(parent), m_submit(std::move(submit)), m_region(defaultRegion), m_number(new QLineEdit(this)),
      m_normalized(new QLabel(this)), m_scope(new QComboBox(this)), m_reason(new QLineEdit(this)),
      m_error(new QLabel(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("addSuppressionDialog"));
    setWindowTitle(tr("Add to the do-not-call list"));
    setMinimumWidth(460);
    m_number->setObjectName(QStringLiteral("suppressionNumberEdit"));
    m_number->setPlaceholderText(tr("e.g. (415) 555-0100 or +49 30 1234567"));
    m_normalized->setObjectName(QStringLiteral("suppressionNormalizedLabel"));
    m_scope->setObjectName(QStringLiteral("suppressionScopeCombo"));
    m_scope->addItem(tr("All campaigns"), QVariant());
    for (const CampaignSummary &summary : campaigns) {
        m_scope->addItem(summary.campaign.name, summary.campaign.id);
    }
    m_reason->setObjectName(QStringLiteral("suppressionReasonEdit"));
    m_reason->setPlaceholderText(tr("e.g. asked by letter"));
    m_error->setObjectName(QStringLiteral("suppressionErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(toneTextStyle(Tone::Bad, palette()));
    m_error->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("addSuppressionOkButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Number:"), m_number);
    form->addRow(QString(), m_normalized);
    form->addRow(tr("&Applies to:"), m_scope);
    form->addRow(tr("&Reason:"), m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_number, &QLineEdit::textChanged, this, &AddSuppressionDialog::check);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddSuppressionDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    check();
}

void AddSuppressionDialog::check()
{
    const QString text = m_number->text().trimmed();
    auto normalized = services::contacts::normalizePhoneNumber(text, m_region);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(normalized.ok());
    if (text.isEmpty()) {
        m_normalized->setText(tr("Numbers without +country code are read as %1 numbers.").arg(m_region));
    } else if (normalized) {
        m_normalized->setText(tr("Will be stored as %1").arg(normalized.value()));
    } else {
        m_normalized->setText(tr("Not a valid phone number for %1 (or add +country code).").arg(m_region));
    }
}

void AddSuppressionDialog::submit()
{
    services::suppression::NewSuppression entry;
    entry.phone = m_number->text();
    entry.defaultRegion = m_region;
    if (m_scope->currentData().isValid()) {
        entry.campaignId = m_scope->currentData().toLongLong();
    }
    entry.reason = m_reason->text();
    auto created = m_submit(entry);
    if (!created) {
        m_error->setText(created.error().code == ErrorCode::Conflict
                             ? tr("This number is already on the list for that scope.")
                             : userMessage(created.error()));
        m_error->show();
        return;
    }
    m_createdId = created.value();
    accept();
}

} // namespace vsc::ui
