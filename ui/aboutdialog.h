// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

namespace vsc::ui {

class AboutDialog final : public QDialog
{
    Q_OBJECT
public:
    AboutDialog(const QString &backendDescription, QWidget *parent = nullptr);
};

} // namespace vsc::ui
