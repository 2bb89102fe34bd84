// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QCoreApplication;

namespace vsc::ui {

// The console's language: "system" (the default: follow the desktop's locale), "en" or "de". A per-user
// preference in QSettings (not a secret, not audited); it takes effect at the next start.
QString languagePreference();
void setLanguagePreference(const QString &language);

// Installs Qt's and the console's translators for `language` (a preference as above), loading vsc_<lang>.qm from
// `directory` (":/i18n" in the application), English as the fallback; an explicit choice also becomes the default
// QLocale, so numbers and dates follow it. Replaces translators an earlier call installed. Returns the locale used.
QLocale installTranslations(QCoreApplication &app, const QString &language, const QString &directory);

// Settings → Language…: System / English / Deutsch.
class LanguageDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit LanguageDialog(QWidget *parent = nullptr);

    // True when the choice was saved and differs from the one the console started with.
    [[nodiscard]] bool changed() const { return m_changed; }

public Q_SLOTS:
    void save();

private:
    QComboBox *m_language;
    bool m_changed = false;
};

} // namespace vsc::ui
