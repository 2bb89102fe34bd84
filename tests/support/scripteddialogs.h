// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/dialogs.h"

#include <QDialog>
#include <QQueue>
#include <QStringList>

#include <functional>

namespace vsc::tests {

// Answers the window's dialogs from a script instead of showing them. Each kind of answer is a queue; an empty
// queue gives the cancel answer (Rejected, No, an empty file name), so a test that forgot to script one fails
// visibly instead of hanging on a modal dialog. What was asked is recorded.
class ScriptedDialogs final : public ui::Dialogs
{
public:
    void setNextResult(int result) { m_results.enqueue(result); }
    void setNextAnswer(QMessageBox::StandardButton answer) { m_answers.enqueue(answer); }
    void setNextFileName(const QString &fileName) { m_fileNames.enqueue(fileName); }
    // Called with each dialog passed to exec(), before it would be shown (to read or fill it in).
    void setOnExec(std::function<void(QDialog &)> inspect) { m_inspect = std::move(inspect); }

    int exec(QDialog &dialog) override
    {
        asked.append(dialog.objectName());
        if (m_inspect) {
            m_inspect(dialog);
        }
        return m_results.isEmpty() ? int(QDialog::Rejected) : m_results.dequeue();
    }
    QMessageBox::StandardButton ask(QWidget *, const QString &title, const QString &text, QMessageBox::StandardButtons,
                                    QMessageBox::StandardButton) override
    {
        asked.append(title + QStringLiteral(": ") + text);
        return m_answers.isEmpty() ? QMessageBox::No : m_answers.dequeue();
    }
    void inform(QWidget *, QMessageBox::Icon, const QString &title, const QString &text) override
    {
        asked.append(title + QStringLiteral(": ") + text);
    }
    QString openFileName(QWidget *, const QString &caption, const QString &, const QString &) override
    {
        asked.append(caption);
        return m_fileNames.isEmpty() ? QString() : m_fileNames.dequeue();
    }
    QString saveFileName(QWidget *parent, const QString &caption, const QString &directory,
                         const QString &filter) override
    {
        return openFileName(parent, caption, directory, filter);
    }

    QStringList asked; // every dialog's object name, question or caption, in order

private:
    QQueue<int> m_results;
    QQueue<QMessageBox::StandardButton> m_answers;
    QQueue<QString> m_fileNames;
    std::function<void(QDialog &)> m_inspect;
};

} // namespace vsc::tests
