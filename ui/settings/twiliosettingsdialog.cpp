// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/twiliosettingsdialog.h"

#include "ui/pane.h"
#include "ui/widgets/tones.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace vsc::ui {

namespace {

QString problemText(const QString &field, const QString &message)
{
    // The service's messages are English sentences for logs and the CLI; the dialog says the same in the user's
    // language, field by field.
    Q_UNUSED(message)
    if (field == QLatin1String("accountSid")) {
        return TwilioSettingsDialog::tr("Enter the account SID from the Twilio console: AC followed by 32 hex digits.");
    }
    if (field == QLatin1String("apiKeySid")) {
        return TwilioSettingsDialog::tr("An API key SID is SK followed by 32 hex digits; leave it empty to use the "
                                        "auth token.");
    }
    if (field == QLatin1String("apiBaseUrl")) {
        return TwilioSettingsDialog::tr("Use an https URL such as https://api.dublin.ie1.twilio.com, or leave it "
                                        "empty for https://api.twilio.com.");
    }
    if (field == QLatin1String("listen")) {
        return TwilioSettingsDialog::tr("Write the address and port as HOST:PORT, such as 127.0.0.1:8089.");
    }
    if (field == QLatin1String("publicUrl")) {
        return TwilioSettingsDialog::tr("Twilio needs an https URL that reaches this console, such as "
                                        "https://surveys.example.com (plain http only to this computer).");
    }
    if (field == QLatin1String("defaultRegion")) {
        return TwilioSettingsDialog::tr("Choose a two-letter region such as US, GB or DE.");
    }
    if (field == QLatin1String("authToken")) {
        return TwilioSettingsDialog::tr("Enter the account's auth token: Twilio signs its webhooks with it.");
    }
    if (field == QLatin1String("apiKeySecret")) {
        return TwilioSettingsDialog::tr("Enter the API key's secret.");
    }
    return message;
}

} // namespace

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
    m_result->setObjectName(QStringLiteral("connectionResultLabel"));
    m_numbers->setObjectName(QStringLiteral("callerNumbersList"));
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);
    m_numbers->setMaximumHeight(110);
    m_numbers->hide();
    m_authToken->setEchoMode(QLineEdit::Password);
    m_apiKeySecret->setEchoMode(QLineEdit::Password);
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
    m_authToken->setPlaceholderText(tokenStored ? tr("stored in the keychain; type to replace")
                                                : tr("from the Twilio console; kept in the keychain"));
    m_apiKeySecret->setPlaceholderText(tr("kept in the keychain"));

    auto *intro = new QLabel(tr("Without Twilio the console dials through its simulated carrier: nothing leaves "
                                "this computer. With Twilio, calls go out from the account below and Twilio "
                                "calls this console back at the public URL, which your reverse proxy forwards to "
                                "the listen address."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    const auto addRow = [this, form](const QString &label, QWidget *field, const QString &key) {
        form->addRow(label, field);
        form->addRow(QString(), problemLabel(key));
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

QLabel *TwilioSettingsDialog::problemLabel(const QString &field)
{
    auto *label = new QLabel(this);
    label->setObjectName(field + QStringLiteral("Problem"));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setStyleSheet(toneTextStyle(Tone::Bad, label->palette()));
    label->hide();
    m_problems.insert(field, label);
    return label;
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
    QHash<QString, QString> found;
    // Until Twilio is chosen, only what is typed is checked: an empty account is fine for the simulated carrier.
    const bool anything = settings.enabled || !settings.accountSid.isEmpty();
    for (const auto &problem : settings.problems()) {
        const bool emptyAndUnused =
            !anything && (problem.field == QLatin1String("accountSid") || problem.field == QLatin1String("publicUrl"));
        if (!emptyAndUnused) {
            found.insert(problem.field, problemText(problem.field, problem.message));
        }
    }
    for (auto it = m_problems.cbegin(); it != m_problems.cend(); ++it) {
        it.value()->setText(found.value(it.key()));
        it.value()->setVisible(found.contains(it.key()));
    }
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
                m_result->setText(tr("The connection failed: %1").arg(userMessage(report.error())));
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
    auto saved = services::settings::TwilioSettingsService(m_services.database, m_services.clock, m_services.secrets)
                     .save(m_actor, settings, typedSecrets());
    if (!saved) {
        if (saved.error().code == ErrorCode::InvalidArgument) {
            // Field by field, as the service found them (the auth token's absence only shows up here).
            for (const QString &line : saved.error().detail.split(u'\n')) {
                const QString field = line.section(u':', 0, 0);
                if (QLabel *label = m_problems.value(field)) {
                    label->setText(problemText(field, line.section(u':', 1).trimmed()));
                    label->show();
                }
            }
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
