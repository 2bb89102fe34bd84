// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/mailsettingsdialog.h"

#include "services/email/smtpsender.h"
#include "ui/pane.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace vsc::ui {

namespace {

using services::email::MailSecurity;

} // namespace

MailSettingsDialog::MailSettingsDialog(const ConsoleServices &services, const Actor &actor, QWidget *parent)
    : QDialog(parent), m_services(services), m_actor(actor), m_host(new QLineEdit(this)), m_port(new QSpinBox(this)),
      m_security(new QComboBox(this)), m_username(new QLineEdit(this)), m_password(new QLineEdit(this)),
      m_from(new QLineEdit(this)), m_caFile(new QLineEdit(this)), m_testTo(new QLineEdit(this)),
      m_test(new QPushButton(tr("Send &test mail"), this)), m_save(nullptr), m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("mailSettingsDialog"));
    setWindowTitle(tr("E-mail"));
    m_host->setObjectName(QStringLiteral("mailHostLineEdit"));
    m_port->setObjectName(QStringLiteral("mailPortSpinBox"));
    m_security->setObjectName(QStringLiteral("mailSecurityComboBox"));
    m_username->setObjectName(QStringLiteral("mailUsernameLineEdit"));
    m_password->setObjectName(QStringLiteral("mailPasswordLineEdit"));
    m_from->setObjectName(QStringLiteral("mailFromLineEdit"));
    m_caFile->setObjectName(QStringLiteral("mailCaFileLineEdit"));
    m_testTo->setObjectName(QStringLiteral("mailTestToLineEdit"));
    m_test->setObjectName(QStringLiteral("sendTestMailButton"));
    SettingsForm::makeResultLabel(m_result, QStringLiteral("mailResultLabel"));
    m_port->setRange(0, 65535);
    m_security->addItem(tr("STARTTLS (usually port 587)"), int(MailSecurity::StartTls));
    m_security->addItem(tr("TLS (usually port 465)"), int(MailSecurity::Tls));
    m_security->addItem(tr("None (only to this computer)"), int(MailSecurity::None));
    m_host->setPlaceholderText(QStringLiteral("smtp.example.com"));
    m_username->setPlaceholderText(tr("empty: the server needs no sign-in"));
    m_from->setPlaceholderText(QStringLiteral("surveys@example.com"));
    m_caFile->setPlaceholderText(tr("empty: the system's certificate authorities"));
    m_testTo->setPlaceholderText(tr("your address"));

    services::settings::MailSettingsService settingsService(m_services.database, m_services.clock, m_services.secrets);
    auto loaded = settingsService.load();
    const services::settings::MailSettings settings = loaded ? loaded.value() : services::settings::MailSettings();
    m_host->setText(settings.host);
    m_port->setValue(settings.port);
    m_security->setCurrentIndex(m_security->findData(int(settings.security)));
    m_username->setText(settings.username);
    m_from->setText(settings.fromAddress);
    m_caFile->setText(settings.caFile);
    const bool stored = !settings.username.isEmpty() && settingsService.hasPassword(settings);
    SettingsForm::makeSecret(m_password, stored, tr("kept in the keychain"));

    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("mailCaFileBrowseButton"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("CA file"), QString(),
                                                          tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty()) {
            m_caFile->setText(file);
        }
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);

    auto *intro = new QLabel(tr("Campaign reports and the daily summary go out through this mail server, to the "
                                "recipients set on each campaign."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    m_form = std::make_unique<SettingsForm>(this, form);
    const auto addRow = [this](const QString &label, QWidget *field, const QString &key) {
        m_form->addRow(label, field, key);
    };
    addRow(tr("Mail &server:"), m_host, QStringLiteral("host"));
    addRow(tr("&Port:"), m_port, QStringLiteral("port"));
    addRow(tr("&Security:"), m_security, QStringLiteral("security"));
    addRow(tr("&User name:"), m_username, QStringLiteral("username"));
    addRow(tr("Pass&word:"), m_password, QStringLiteral("password"));
    addRow(tr("&From address:"), m_from, QStringLiteral("fromAddress"));
    auto *caLabel = new QLabel(tr("&CA file:"), this);
    caLabel->setBuddy(m_caFile); // a row that is a layout gets no buddy of its own
    form->addRow(caLabel, caRow);
    m_form->addProblemRow(QStringLiteral("caFile"));
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testTo, 1);
    testRow->addWidget(m_test);
    auto *testLabel = new QLabel(tr("Test &mail to:"), this);
    testLabel->setBuddy(m_testTo);
    form->addRow(testLabel, testRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveMailSettingsButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &MailSettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &MailSettingsDialog::sendTestMail);
    for (QLineEdit *edit : {m_host, m_username, m_password, m_from, m_caFile, m_testTo}) {
        connect(edit, &QLineEdit::textChanged, this, &MailSettingsDialog::validate);
    }
    connect(m_port, &QSpinBox::valueChanged, this, &MailSettingsDialog::validate);
    connect(m_security, &QComboBox::currentIndexChanged, this, [this] {
        // Follow the usual port for the chosen security while the port is still a usual one.
        const int port = m_port->value();
        if (port == 587 || port == 465 || port == 25) {
            const auto security = MailSecurity(m_security->currentData().toInt());
            m_port->setValue(security == MailSecurity::Tls ? 465 : security == MailSecurity::StartTls ? 587 : 25);
        }
        validate();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    setMinimumWidth(600);
    validate();
}

services::settings::MailSettings MailSettingsDialog::typed() const
{
    services::settings::MailSettings settings;
    settings.host = m_host->text().trimmed();
    settings.port = m_port->value();
    settings.security = MailSecurity(m_security->currentData().toInt());
    settings.username = m_username->text().trimmed();
    settings.fromAddress = m_from->text().trimmed();
    settings.caFile = m_caFile->text().trimmed();
    return settings;
}

void MailSettingsDialog::validate()
{
    const QList<QString> found = m_form->show(typed().problems());
    m_save->setEnabled(found.isEmpty());
    m_test->setEnabled(found.isEmpty() && m_testTo->text().contains(u'@'));
}

void MailSettingsDialog::sendTestMail()
{
    auto mail = services::settings::MailSettingsService(m_services.database, m_services.clock, m_services.secrets)
                    .prepareTestMail(m_actor, typed(), m_testTo->text(), m_password->text());
    if (!mail) {
        m_result->setText(mail.error().code == ErrorCode::Secret
                              ? tr("Enter the password for this user; it is kept in the keychain.")
                              : userMessage(mail.error()));
        return;
    }
    m_test->setEnabled(false);
    m_result->setText(tr("Sending a test mail to %1…").arg(m_testTo->text().trimmed()));
    services::email::SmtpSender::sendAsync(
        mail.value().options, mail.value().message, this,
        [this, to = m_testTo->text().trimmed()](const Result<void> &sent) {
            validate();
            m_result->setText(sent ? tr("The server accepted the test mail to %1.").arg(to)
                                   : tr("The test mail was not sent: %1").arg(sent.error().detail));
        });
}

void MailSettingsDialog::save()
{
    services::settings::MailSettingsService service(m_services.database, m_services.clock, m_services.secrets);
    auto saved = service.save(m_actor, typed(), m_password->text());
    if (!saved) {
        if (saved.error().code == ErrorCode::InvalidArgument) {
            // Field by field, as the service found them (a missing password only shows up here).
            m_form->show(service.saveProblems(typed(), m_password->text()));
            m_result->setText(tr("Fix the fields marked above, then save again."));
        } else {
            m_result->setText(userMessage(saved.error()));
        }
        return;
    }
    m_password->clear();
    accept();
}

void renderMailSettingsScreenshot(const ConsoleServices &services, const Actor &actor, const QString &directory)
{
    MailSettingsDialog dialog(services, actor);
    dialog.show();
    QCoreApplication::processEvents();
    dialog.grab().save(QDir(directory).filePath(QStringLiteral("settings-mail.png")));
}

} // namespace vsc::ui
