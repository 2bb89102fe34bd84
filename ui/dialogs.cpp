// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs.h"

#include <QDialog>
#include <QFileDialog>

namespace vsc::ui {

int SystemDialogs::exec(QDialog &dialog)
{
    return dialog.exec();
}

QMessageBox::StandardButton SystemDialogs::ask(QWidget *parent, const QString &title, const QString &text,
                                               QMessageBox::StandardButtons buttons,
                                               QMessageBox::StandardButton defaultButton)
{
    QMessageBox box(QMessageBox::Question, title, text, buttons, parent);
    box.setTextFormat(Qt::PlainText); // questions quote campaign and contact names: never markup
    box.setDefaultButton(defaultButton);
    return QMessageBox::StandardButton(box.exec());
}

void SystemDialogs::inform(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text)
{
    QMessageBox box(icon, title, text, QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText); // messages quote names and errors: never markup
    box.exec();
}

QString SystemDialogs::openFileName(QWidget *parent, const QString &caption, const QString &directory,
                                    const QString &filter)
{
    return QFileDialog::getOpenFileName(parent, caption, directory, filter);
}

QString SystemDialogs::saveFileName(QWidget *parent, const QString &caption, const QString &directory,
                                    const QString &filter)
{
    return QFileDialog::getSaveFileName(parent, caption, directory, filter);
}

} // namespace vsc::ui
