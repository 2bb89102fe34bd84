// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/settingsform.h"

#include "ui/pane.h"
#include "ui/widgets/tones.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace vsc::ui {

void SettingsForm::addRow(const QString &label, QWidget *editor, const QString &field)
{
    m_form->addRow(label, editor);
    addProblemRow(field);
}

void SettingsForm::addProblemRow(const QString &field)
{
    auto *line = new QLabel(m_dialog);
    line->setObjectName(field + QStringLiteral("Problem"));
    line->setTextFormat(Qt::PlainText);
    line->setWordWrap(true);
    line->setStyleSheet(toneTextStyle(Tone::Bad, line->palette()));
    line->hide();
    m_problems.insert(field, line);
    m_form->addRow(QString(), line);
}

QList<QString> SettingsForm::show(const QList<services::settings::SettingProblem> &problems)
{
    QHash<QString, QString> found;
    for (const auto &problem : problems) {
        if (!found.contains(problem.field)) { // the first problem of a field is the one to fix first
            found.insert(problem.field, sentence(problem));
        }
    }
    for (auto it = m_problems.cbegin(); it != m_problems.cend(); ++it) {
        it.value()->setText(found.value(it.key()));
        it.value()->setVisible(found.contains(it.key()));
    }
    return found.keys();
}

QString SettingsForm::sentence(const services::settings::SettingProblem &problem)
{
    // Services write the reason as the end of a sentence ("enter the …"); on its own line it starts one.
    QString text = translated(problem.text, problem.message).trimmed();
    if (text.isEmpty()) {
        return text;
    }
    text[0] = text.at(0).toUpper();
    if (!QStringLiteral(".!?)…").contains(text.back())) {
        text += u'.';
    }
    return text;
}

void SettingsForm::makeSecret(QLineEdit *edit, bool stored, const QString &notStoredHint)
{
    edit->setEchoMode(QLineEdit::Password);
    edit->setPlaceholderText(
        stored ? QCoreApplication::translate("vsc::ui::SettingsForm", "stored in the keychain; type to replace")
               : notStoredHint);
}

void SettingsForm::makeResultLabel(QLabel *label, const QString &objectName)
{
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
}

} // namespace vsc::ui
