// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/settings/secretsettings.h"

#include <QHash>
#include <QList>
#include <QString>

class QFormLayout;
class QLabel;
class QLineEdit;
class QWidget;

namespace vsc::ui {

// The form skeleton the settings dialogs (Twilio, E-mail) share: each field with a line under it that says what is
// wrong with it, in the user's language; secret fields whose value goes to the keychain only; a result line for the
// dialog's test button.
class SettingsForm final
{
public:
    SettingsForm(QWidget *dialog, QFormLayout *form) : m_dialog(dialog), m_form(form) {}

    // A row with `editor`, and under it the line its problems show in (objectName "<field>Problem").
    void addRow(const QString &label, QWidget *editor, const QString &field);
    // Only the problem line, for a row added another way.
    void addProblemRow(const QString &field);
    // Shows each problem under its field and hides the other lines; returns the fields that have one.
    QList<QString> show(const QList<services::settings::SettingProblem> &problems);

    // A problem as a sentence in the user's language: "Enter the mail server's host name, such as …".
    [[nodiscard]] static QString sentence(const services::settings::SettingProblem &problem);
    // A field for a secret: typed hidden, and saying whether the keychain already has it.
    static void makeSecret(QLineEdit *edit, bool stored, const QString &notStoredHint);
    // The line that reports what the test button found.
    static void makeResultLabel(QLabel *label, const QString &objectName);

private:
    QWidget *m_dialog;
    QFormLayout *m_form;
    QHash<QString, QLabel *> m_problems; // field -> its inline line
};

} // namespace vsc::ui
