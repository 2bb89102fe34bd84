// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMessageBox>
#include <QString>

class QDialog;
class QWidget;

namespace vsc::ui {

// Every modal dialog, question and file choice the window puts to its user goes through Dialogs, so a GUI test can
// answer them without a timer hunting for the dialog (KeePassXC's MessageBox::setNextAnswer and
// FileDialog::setNextFileName, injected rather than global). SystemDialogs shows the real thing;
// tests/support/scripteddialogs.h answers from a script.
class Dialogs
{
public:
    Dialogs() = default;
    virtual ~Dialogs() = default;
    Q_DISABLE_COPY_MOVE(Dialogs)

    // Runs a dialog the caller built; QDialog::Accepted or QDialog::Rejected.
    virtual int exec(QDialog &dialog) = 0;
    virtual QMessageBox::StandardButton ask(QWidget *parent, const QString &title, const QString &text,
                                            QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton) = 0;
    virtual void inform(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text) = 0;
    // An empty string when the user cancelled.
    virtual QString openFileName(QWidget *parent, const QString &caption, const QString &directory,
                                 const QString &filter) = 0;
    virtual QString saveFileName(QWidget *parent, const QString &caption, const QString &directory,
                                 const QString &filter) = 0;
};

class SystemDialogs final : public Dialogs
{
public:
    int exec(QDialog &dialog) override;
    QMessageBox::StandardButton ask(QWidget *parent, const QString &title, const QString &text,
                                    QMessageBox::StandardButtons buttons,
                                    QMessageBox::StandardButton defaultButton) override;
    void inform(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text) override;
    QString openFileName(QWidget *parent, const QString &caption, const QString &directory,
                         const QString &filter) override;
    QString saveFileName(QWidget *parent, const QString &caption, const QString &directory,
                         const QString &filter) override;
};

} // namespace vsc::ui
