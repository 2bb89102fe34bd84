// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "ui/consoleservices.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace vsc::ui {

// The organisation's identity provider: issuer, client ID, scopes, where the roles are in the tokens and how they
// map to the console's roles, and the role for people none of whose values map. "Test" fetches the provider's
// discovery document. Saving needs settings.manage (the service checks it and audits the change).
class IdentityProviderDialog final : public QDialog
{
    Q_OBJECT
public:
    IdentityProviderDialog(const ConsoleServices &services, const Actor &actor, QWidget *parent = nullptr);

public Q_SLOTS:
    void testDiscovery();
    void save();

private:
    ConsoleServices m_services;
    Actor m_actor;
    QLineEdit *m_issuer;
    QLineEdit *m_clientId;
    QLineEdit *m_scopes;
    QLineEdit *m_roleClaims;
    QPlainTextEdit *m_roleMap;
    QLineEdit *m_defaultRole;
    QPushButton *m_test;
    QLabel *m_result;
};

} // namespace vsc::ui
