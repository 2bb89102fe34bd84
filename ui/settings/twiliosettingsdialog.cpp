// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/twiliosettingsdialog.h"

#include "ui/pane.h"
#include "ui/widgets/tones.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDebug>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace vsc::ui {

// Why "Test connection" failed, from the error's code: the client's detail is Twilio's English (or Qt's), so it
// goes to the log and the sentence says what to check.
QString TwilioSettingsDialog::connectionProblem(const Error &error)
{
    const QString code = error.providerCode != 0 ? tr(" (Twilio error %1)").arg(error.providerCode) : QString();
    switch (error.code) {
    case ErrorCode::PermissionDenied:
        return tr("Twilio refused the account SID or the secret%1: check them in the Twilio console.").arg(code);
    case ErrorCode::Network:
        return tr("Twilio could not be reached: check the network connection and the REST API URL.");
    case ErrorCode::NotFound:
        return tr("Twilio does not know this account%1: check the account SID and the REST API URL.").arg(code);
    case ErrorCode::Secret:
        return tr("Enter the auth token (or the API key's secret) first.");
    default:
        return tr("Twilio answered with an error%1; the log has its details.").arg(code);
    }
}

TwilioSettingsDialog::TwilioSettingsDialog(const ConsoleServices &services, const Actor &actor, QWidget *parent)
    : QDialog(parent), m_services(services), m_actor(actor), m_enabled(new QCheckBox(tr("&Dial through Twilio"), this)),
      m_accountSid(new QLineEdit(this)), m_authToken(new QLineEdit(this)), m_apiKeySid(new QLineEdit(this)),
      m_apiKeySecret(new QLineEdit(this)), m_apiBaseUrl(new QLineEdit(this)), m_listen(new QLineEdit(this)),
      m_publicUrl(new QLineEdit(this)), m_region(new QComboBox(this)),
      m_test(new QPushButton(tr("&Test connection"), this)), m_save(nullptr), m_result(new QLabel(this)),
      m_numbers(new QListWidget(this))
{
    setObjectName(QStringLiteral("twilioSettingsDialog"));
    setWindowTitle(tr("Twilio"));
    m_enabled->setObjectName(QStringLiteral("twilioEnabledCheckBox"));
    m_accountSid->setObjectName(QStringLiteral("accountSidLineEdit"));
    m_authToken->setObjectName(QStringLiteral("authTokenLineEdit"));
    m_apiKeySid->setObjectName(QStringLiteral("apiKeySidLineEdit"));
    m_apiKeySecret->setObjectName(QStringLiteral("apiKeySecretLineEdit"));
    m_apiBaseUrl->setObjectName(QStringLiteral("apiBaseUrlLineEdit"));
    m_listen->setObjectName(QStringLiteral("listenLineEdit"));
    m_publicUrl->setObjectName(QStringLiteral("publicUrlLineEdit"));
    m_region->setObjectName(QStringLiteral("defaultRegionComboBox"));
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_numbers->setObjectName(QStringLiteral("callerNumbersList"));
    SettingsForm::makeResultLabel(m_result, QStringLiteral("connectionResultLabel"));
    m_numbers->setMaximumHeight(110);
    m_numbers->hide();
    m_accountSid->setPlaceholderText(QStringLiteral("AC…"));
    m_apiKeySid->setPlaceholderText(tr("optional: SK…"));
    m_apiBaseUrl->setPlaceholderText(QStringLiteral("https://api.twilio.com"));
    m_listen->setPlaceholderText(QStringLiteral("127.0.0.1:8089"));
    m_publicUrl->setPlaceholderText(QStringLiteral("https://surveys.example.com"));
    m_region->addItems(services::settings::supportedRegions());

    services::settings::TwilioSettingsService settingsService(m_services.database, m_services.clock,
                                                              m_services.secrets);
    auto loaded = settingsService.load();
    m_loaded = loaded ? loaded.value() : services::settings::TwilioSettings();
    m_enabled->setChecked(m_loaded.enabled);
    m_accountSid->setText(m_loaded.accountSid);
    m_apiKeySid->setText(m_loaded.apiKeySid);
    m_apiBaseUrl->setText(m_loaded.apiBaseUrl.toString());
    m_listen->setText(m_loaded.listen);
    m_publicUrl->setText(m_loaded.publicUrl.toString());
    m_region->setCurrentText(m_loaded.defaultRegion);
    const bool tokenStored = !m_loaded.accountSid.isEmpty() && settingsService.hasAuthToken(m_loaded.accountSid);
    SettingsForm::makeSecret(m_authToken, tokenStored, tr("from the Twilio console; kept in the keychain"));
    SettingsForm::makeSecret(m_apiKeySecret, false, tr("kept in the keychain"));

    auto *intro = new QLabel(tr("Without Twilio the console dials through its simulated carrier: nothing leaves "
                                "this computer. With Twilio, calls go out from the account below and Twilio "
                                "calls this console back at the public URL, which your reverse proxy forwards to "
                                "the listen address."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    m_form = std::make_unique<SettingsForm>(this, form);
    const auto addRow = [this](const QString &label, QWidget *field, const QString &key) {
        m_form->addRow(label, field, key);
    };
    form->addRow(QString(), m_enabled);
    addRow(tr("&Account SID:"), m_accountSid, QStringLiteral("accountSid"));
    addRow(tr("Auth &token:"), m_authToken, QStringLiteral("authToken"));
    addRow(tr("API &key SID:"), m_apiKeySid, QStringLiteral("apiKeySid"));
    addRow(tr("API key &secret:"), m_apiKeySecret, QStringLiteral("apiKeySecret"));
    addRow(tr("REST API &URL:"), m_apiBaseUrl, QStringLiteral("apiBaseUrl"));
    addRow(tr("Webhooks &listen on:"), m_listen, QStringLiteral("listen"));
    addRow(tr("&Public URL:"), m_publicUrl, QStringLiteral("publicUrl"));
    addRow(tr("Default phone &region:"), m_region, QStringLiteral("defaultRegion"));
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_result, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveTwilioSettingsButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &TwilioSettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &TwilioSettingsDialog::testConnection);
    for (QLineEdit *edit :
         {m_accountSid, m_authToken, m_apiKeySid, m_apiKeySecret, m_apiBaseUrl, m_listen, m_publicUrl}) {
        connect(edit, &QLineEdit::textChanged, this, &TwilioSettingsDialog::validate);
    }
    connect(m_enabled, &QCheckBox::toggled, this, &TwilioSettingsDialog::validate);
    connect(m_accountSid, &QLineEdit::textChanged, this, [this] { m_testedNumbers.reset(); });
    connect(m_region, &QComboBox::currentTextChanged, this, &TwilioSettingsDialog::validate);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addLayout(testRow);
    layout->addWidget(m_numbers);
    layout->addWidget(buttons);
    setMinimumWidth(620);
    validate();
}

services::settings::TwilioSettings TwilioSettingsDialog::typed() const
{
    services::settings::TwilioSettings settings;
    settings.enabled = m_enabled->isChecked();
    settings.accountSid = m_accountSid->text().trimmed();
    settings.apiKeySid = m_apiKeySid->text().trimmed();
    settings.apiBaseUrl = QUrl(m_apiBaseUrl->text().trimmed());
    settings.listen = m_listen->text().trimmed();
    settings.publicUrl = QUrl(m_publicUrl->text().trimmed());
    settings.defaultRegion = m_region->currentText().trimmed().toUpper();
    // What the last test found, else what an earlier one stored, unless the account changed.
    if (m_testedNumbers) {
        settings.callerNumbers = *m_testedNumbers;
    } else if (settings.accountSid == m_loaded.accountSid) {
        settings.callerNumbers = m_loaded.callerNumbers;
    }
    return settings;
}

services::settings::TwilioSecrets TwilioSettingsDialog::typedSecrets() const
{
    return {m_authToken->text(), m_apiKeySecret->text()};
}

void TwilioSettingsDialog::validate()
{
    const auto settings = typed();
    QList<services::settings::SettingProblem> shown;
    // Until Twilio is chosen, only what is typed is checked: an empty account is fine for the simulated carrier.
    const bool anything = settings.enabled || !settings.accountSid.isEmpty();
    for (const auto &problem : settings.problems()) {
        const bool emptyAndUnused =
            !anything && (problem.field == QLatin1String("accountSid") || problem.field == QLatin1String("publicUrl"));
        if (!emptyAndUnused) {
            shown << problem;
        }
    }
    const QList<QString> found = m_form->show(shown);
    m_save->setEnabled(found.isEmpty());
    m_test->setEnabled(!found.contains(QStringLiteral("accountSid")) && !settings.accountSid.isEmpty() &&
                       !found.contains(QStringLiteral("apiBaseUrl")) && !found.contains(QStringLiteral("apiKeySid")));
}

void TwilioSettingsDialog::testConnection()
{
    const auto settings = typed();
    const auto secrets = typedSecrets();
    services::settings::TwilioSettingsService settingsService(m_services.database, m_services.clock,
                                                              m_services.secrets);
    services::telephony::TwilioCredentials credentials{settings.accountSid, settings.accountSid, secrets.authToken};
    if (!settings.apiKeySid.isEmpty()) {
        credentials.username = settings.apiKeySid;
        credentials.secret = secrets.apiKeySecret;
    }
    if (credentials.secret.isEmpty()) { // nothing typed: what the keychain has
        auto stored = settingsService.credentials(settings);
        if (!stored) {
            m_result->setText(tr("Enter the auth token (or the API key's secret) first."));
            return;
        }
        credentials = stored.value();
    }
    if (m_services.network == nullptr) {
        m_result->setText(tr("This console has no network access."));
        return;
    }
    m_test->setEnabled(false);
    m_numbers->clear();
    m_numbers->hide();
    m_testedNumbers.reset();
    m_result->setText(tr("Asking Twilio…"));
    services::settings::TwilioSettingsService::testConnection(
        credentials, settings.apiBaseUrl, m_services.network, m_services.clock, this,
        [this](Result<services::settings::TwilioConnectionReport> report) {
            m_test->setEnabled(true);
            if (!report) {
                qWarning().noquote() << "Twilio connection test failed:" << report.error().toString();
                m_result->setText(connectionProblem(report.error()));
                return;
            }
            const auto &r = report.value();
            QStringList voice;
            for (const auto &number : r.numbers) {
                if (number.voice) {
                    voice << number.phoneNumber;
                }
            }
            m_testedNumbers = voice;
            m_result->setText(
                tr("Connected to \"%1\" (%2, %3). Calls may come from %n number(s):", nullptr, int(r.numbers.size()))
                    .arg(r.account.friendlyName, r.account.type, r.account.status));
            for (const auto &number : r.numbers) {
                m_numbers->addItem(number.verifiedCallerId
                                       ? tr("%1  %2 (verified caller ID)").arg(number.phoneNumber, number.friendlyName)
                                       : QStringLiteral("%1  %2").arg(number.phoneNumber, number.friendlyName));
            }
            m_numbers->setVisible(!r.numbers.isEmpty());
        });
}

void TwilioSettingsDialog::save()
{
    const auto settings = typed();
    services::settings::TwilioSettingsService service(m_services.database, m_services.clock, m_services.secrets);
    auto saved = service.save(m_actor, settings, typedSecrets());
    if (!saved) {
        if (saved.error().code == ErrorCode::InvalidArgument) {
            // Field by field, as the service found them (the auth token's absence only shows up here).
            m_form->show(service.saveProblems(settings, typedSecrets()));
            m_result->setText(tr("Fix the fields marked above, then save again."));
        } else {
            m_result->setText(userMessage(saved.error()));
        }
        return;
    }
    // The known caller numbers only inform campaign checks; everything else changes how the console dials.
    auto dialing = settings;
    auto loadedDialing = m_loaded;
    dialing.callerNumbers.clear();
    loadedDialing.callerNumbers.clear();
    m_needsRestart = dialing.toValues() != loadedDialing.toValues() || !typedSecrets().authToken.isEmpty() ||
                     !typedSecrets().apiKeySecret.isEmpty();
    m_authToken->clear();
    m_apiKeySecret->clear();
    accept();
}

} // namespace vsc::ui
