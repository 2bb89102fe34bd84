// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace vsc::ui {

struct ConsoleServices;

// Renders the dialogs no other screenshot function covers into `directory` (about.png, user-add.png,
// change-password.png, settings-identity-provider.png). For app/main.cpp's --screenshots. False when a file
// could not be written.
bool renderDialogScreenshots(ConsoleServices &services, QWidget *window, const QString &directory);

} // namespace vsc::ui
