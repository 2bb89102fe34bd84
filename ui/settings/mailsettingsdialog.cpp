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

QString problemText(const QString &field, const QString &message)
{
    // The service's messages are English sentences for logs and the CLI; the dialog says the same in the user's
    // language, field by field.
    if (field == QLatin1String("host")) {
        return MailSettingsDialog::tr("Enter the mail server's host name, such as smtp.example.com.");
    }
    if (field == QLatin1String("port")) {
        return MailSettingsDialog::tr("Choose a port between 1 and 65535: usually 587 for STARTTLS, 465 for TLS.");
    }
    if (field == QLatin1String("security")) {
        return MailSettingsDialog::tr("Without STARTTLS or TLS the password and the reports cross the network "
                                      "readable: plain SMTP only to this computer.");
    }
    if (field == QLatin1String("fromAddress")) {
        return MailSettingsDialog::tr("Enter the address reports come from, such as surveys@example.com.");
    }
    if (field == QLatin1String("caFile")) {
        return MailSettingsDialog::tr("This file cannot be read. Choose a PEM file, or leave it empty to trust the "
                                      "system's certificate authorities.");
    }
    if (field == QLatin1String("password")) {
        return MailSettingsDialog::tr("Enter the password for this user; it is kept in the keychain.");
    }
    return message;
}

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
    m_result->setObjectName(QStringLiteral("mailResultLabel"));
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);
    m_port->setRange(0, 65535);
    m_security->addItem(tr("STARTTLS (usually port 587)"), int(MailSecurity::StartTls));
    m_security->addItem(tr("TLS (usually port 465)"), int(MailSecurity::Tls));
    m_security->addItem(tr("None (only to this computer)"), int(MailSecurity::None));
    m_password->setEchoMode(QLineEdit::Password);
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
    m_password->setPlaceholderText(stored ? tr("stored in the keychain; type to replace") : tr("kept in the keychain"));

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
    const auto addRow = [this, form](const QString &label, QWidget *field, const QString &key) {
        form->addRow(label, field);
        form->addRow(QString(), problemLabel(key));
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
    form->addRow(QString(), problemLabel(QStringLiteral("caFile")));
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

QLabel *MailSettingsDialog::problemLabel(const QString &field)
{
    auto *label = new QLabel(this);
    label->setObjectName(field + QStringLiteral("Problem"));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b3261e;"));
    label->hide();
    m_problems.insert(field, label);
    return label;
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
    QHash<QString, QString> found;
    for (const auto &problem : typed().problems()) {
        found.insert(problem.field, problemText(problem.field, problem.message));
    }
    for (auto it = m_problems.cbegin(); it != m_problems.cend(); ++it) {
        it.value()->setText(found.value(it.key()));
        it.value()->setVisible(found.contains(it.key()));
    }
    m_save->setEnabled(found.isEmpty());
    m_test->setEnabled(found.isEmpty() && m_testTo->text().contains(u'@'));
}

void MailSettingsDialog::sendTestMail()
{
    auto mail = services::settings::MailSettingsService(m_services.database, m_services.clock, m_services.secrets)
                    .prepareTestMail(m_actor, typed(), m_testTo->text(), m_password->text());
    if (!mail) {
        m_result->setText(mail.error().code == ErrorCode::Secret ? problemText(QStringLiteral("password"), QString())
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
    auto saved = services::settings::MailSettingsService(m_services.database, m_services.clock, m_services.secrets)
                     .save(m_actor, typed(), m_password->text());
    if (!saved) {
        if (saved.error().code == ErrorCode::InvalidArgument) {
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
