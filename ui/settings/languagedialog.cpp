// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/languagedialog.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>
#include <QVBoxLayout>

namespace vsc::ui {

namespace {

const QString kLanguageKey = QStringLiteral("ui/language");
const QString kSystem = QStringLiteral("system");
const QString kTranslatorName = QStringLiteral("vscTranslator");

} // namespace

QString languagePreference()
{
    const QString value = QSettings().value(kLanguageKey, kSystem).toString();
    return value == QLatin1String("en") || value == QLatin1String("de") ? value : kSystem;
}

void setLanguagePreference(const QString &language)
{
    QSettings().setValue(kLanguageKey, language);
}

QLocale installTranslations(QCoreApplication &app, const QString &language, const QString &directory)
{
    const QLocale system = QLocale::system();
    QLocale locale = system;
    if (language == QLatin1String("en")) {
        locale = QLocale(QLocale::English, system.territory());
    } else if (language == QLatin1String("de")) {
        locale = QLocale(QLocale::German, system.territory());
    }
    QLocale::setDefault(locale);
    for (QTranslator *old : app.findChildren<QTranslator *>(kTranslatorName, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    auto *qtTranslator = new QTranslator(&app);
    qtTranslator->setObjectName(kTranslatorName);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
    }
    auto *translator = new QTranslator(&app);
    translator->setObjectName(kTranslatorName);
    // English is the fallback (it carries the plural forms), also for the C locale of headless runs.
    if (translator->load(locale, QStringLiteral("vsc"), QStringLiteral("_"), directory) ||
        translator->load(QStringLiteral("vsc_en"), directory)) {
        QCoreApplication::installTranslator(translator);
    }
    return locale;
}

LanguageDialog::LanguageDialog(QWidget *parent) : QDialog(parent), m_language(new QComboBox(this))
{
    setWindowTitle(tr("Language"));
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System (%1)").arg(QLocale::system().nativeLanguageName()), kSystem);
    // Each language in its own name, so someone who cannot read the current one still finds theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(languagePreference())));

    auto *note = new QLabel(tr("The console shows the new language after it restarts. Numbers and dates follow the "
                               "language you choose; with System, the desktop's settings."),
                            this);
    note->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("languageButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LanguageDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

void LanguageDialog::save()
{
    const QString chosen = m_language->currentData().toString();
    m_changed = chosen != languagePreference();
    setLanguagePreference(chosen);
    accept();
}

} // namespace vsc::ui
