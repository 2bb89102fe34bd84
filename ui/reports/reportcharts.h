// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/email/reportmailer.h"

namespace vsc::ui {

// The charts of an e-mailed report as PNG images for its HTML (services::email::ChartRenderer): the call outcomes
// as bars, drawn with Qt Charts off screen. Needs a QApplication; runs on the GUI thread.
QList<services::email::MailInlineImage> renderReportCharts(const services::email::CampaignReport &report);

} // namespace vsc::ui
