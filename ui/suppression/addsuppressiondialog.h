// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/campaign.h"
#include "models/result.h"
#include "services/suppression/suppressionservice.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace vsc::ui {

// A number for the do-not-call list: the number (checked as typed with libphonenumber and the default region, its
// E.164 form shown), for every campaign or one, and why. `submit` stores it; its error stays in the dialog.
class AddSuppressionDialog final : public QDialog
{
    Q_OBJECT
public:
    using Submit = std::function<Result<qint64>(const services::suppression::NewSuppression &)>;

    AddSuppressionDialog(const QList<CampaignSummary> &campaigns, const QString &defaultRegion, Submit submit,
                         QWidget *parent = nullptr);

    [[nodiscard]] qint64 createdId() const { return m_createdId; }

public Q_SLOTS:
    void submit();

private:
    void check();

    Submit m_submit;
    QString m_region;
    qint64 m_createdId = 0;
    QLineEdit *m_number;
    QLabel *m_normalized;
    QComboBox *m_scope;
    QLineEdit *m_reason;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace vsc::ui
