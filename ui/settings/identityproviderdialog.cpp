// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/identityproviderdialog.h"

#include "services/auth/oidc/oidcsignin.h"
#include "services/settings/settingsservice.h"
#include "ui/pane.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vsc::ui {

namespace {

QString roleMapText(const QHash<QString, QString> &map)
{
    QStringList lines;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        lines << it.key() + QStringLiteral(" = ") + it.value();
    }
    lines.sort();
    return lines.join(u'\n');
}

} // namespace

IdentityProviderDialog::IdentityProviderDialog(const ConsoleServices &services, const Actor &actor, QWidget *parent)
    : QDialog(parent), m_services(services), m_actor(actor), m_issuer(new QLineEdit(this)),
      m_clientId(new QLineEdit(this)), m_scopes(new QLineEdit(this)), m_roleClaims(new QLineEdit(this)),
      m_roleMap(new QPlainTextEdit(this)), m_defaultRole(new QLineEdit(this)),
      m_test(new QPushButton(tr("Test"), this)), m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("identityProviderDialog"));
    setWindowTitle(tr("Identity provider"));
    m_issuer->setObjectName(QStringLiteral("issuerLineEdit"));
    m_clientId->setObjectName(QStringLiteral("clientIdLineEdit"));
    m_scopes->setObjectName(QStringLiteral("scopesLineEdit"));
    m_roleClaims->setObjectName(QStringLiteral("roleClaimsLineEdit"));
    m_roleMap->setObjectName(QStringLiteral("roleMapEdit"));
    m_defaultRole->setObjectName(QStringLiteral("defaultRoleLineEdit"));
    m_test->setObjectName(QStringLiteral("testDiscoveryButton"));
    m_result->setObjectName(QStringLiteral("discoveryResultLabel"));
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);
    m_issuer->setPlaceholderText(QStringLiteral("https://login.example.com/realms/surveys"));
    m_clientId->setPlaceholderText(QStringLiteral("voicesurvey-console"));
    m_roleMap->setPlaceholderText(tr("One per line: provider value = console role, e.g.\nsurvey-admins = admin"));
    m_roleMap->setTabChangesFocus(true);
    m_defaultRole->setPlaceholderText(tr("empty: refuse people whose values map to no role"));

    const auto values =
        services::settings::SettingsService(m_services.database, m_services.clock).values(QStringLiteral("oidc."));
    const auto current =
        services::auth::oidc::OidcSettings::fromValues(values.ok() ? values.value() : QMap<QString, QString>());
    m_issuer->setText(current.issuer.toString());
    m_clientId->setText(current.clientId);
    m_scopes->setText(current.scopes.join(u' '));
    m_roleClaims->setText(current.roleClaims.join(QStringLiteral(", ")));
    m_roleMap->setPlainText(roleMapText(current.roleMap));
    m_defaultRole->setText(current.defaultRole);

    auto *intro = new QLabel(tr("Register the console at your identity provider as a public (native) client with "
                                "PKCE and the redirect URI http://127.0.0.1/callback (any port). The console "
                                "keeps no client secret."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    auto *issuerRow = new QHBoxLayout;
    issuerRow->addWidget(m_issuer, 1);
    issuerRow->addWidget(m_test);
    auto *issuerLabel = new QLabel(tr("&Issuer:"), this); // a row of two widgets: the label needs its buddy by hand
    issuerLabel->setBuddy(m_issuer);
    form->addRow(issuerLabel, issuerRow);
    form->addRow(QString(), m_result);
    form->addRow(tr("&Client ID:"), m_clientId);
    form->addRow(tr("&Scopes:"), m_scopes);
    form->addRow(tr("&Roles in claims:"), m_roleClaims);
    form->addRow(tr("Role &mapping:"), m_roleMap);
    form->addRow(tr("&Default role:"), m_defaultRole);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveIdentityProviderButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &IdentityProviderDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &IdentityProviderDialog::testDiscovery);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

void IdentityProviderDialog::testDiscovery()
{
    services::auth::oidc::OidcSettings settings;
    settings.issuer = QUrl(m_issuer->text().trimmed());
    settings.clientId = m_clientId->text().trimmed();
    if (m_services.network == nullptr || !settings.issuer.isValid() || settings.issuer.isEmpty()) {
        m_result->setText(tr("Enter the issuer URL first."));
        return;
    }
    m_result->setText(tr("Asking %1…").arg(settings.issuer.toString()));
    m_test->setEnabled(false);
    services::auth::oidc::OidcSignIn::testDiscovery(settings, m_services.network, this, [this](Result<QString> found) {
        m_test->setEnabled(true);
        m_result->setText(found ? tr("Found:\n%1").arg(found.value()) : userMessage(found.error()));
    });
}

void IdentityProviderDialog::save()
{
    services::auth::oidc::OidcSettings settings;
    settings.issuer = QUrl(m_issuer->text().trimmed());
    settings.clientId = m_clientId->text().trimmed();
    settings.scopes = m_scopes->text().split(u' ', Qt::SkipEmptyParts);
    settings.roleClaims.clear();
    for (const QString &path : m_roleClaims->text().split(u',', Qt::SkipEmptyParts)) {
        settings.roleClaims.append(path.trimmed());
    }
    for (const QString &line : m_roleMap->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0) {
            m_result->setText(tr("Each mapping line is \"provider value = console role\": %1").arg(line));
            return;
        }
        settings.roleMap.insert(line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
    }
    settings.defaultRole = m_defaultRole->text().trimmed();
    auto saved =
        services::settings::SettingsService(m_services.database, m_services.clock).set(m_actor, settings.toValues());
    if (!saved) {
        m_result->setText(userMessage(saved.error()));
        return;
    }
    accept();
}

} // namespace vsc::ui
