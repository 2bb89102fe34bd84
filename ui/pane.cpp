// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pane.h"

#include "ui/widgets/tones.h"

#include <QCoreApplication>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace vsc::ui {

QPushButton *namedButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    return button;
}

QString translated(const Text &text, const QString &fallback)
{
    if (text.isEmpty()) {
        return fallback;
    }
    return Text::fill(QCoreApplication::translate("vsc", text.source), text.args);
}

namespace {

// A service's detail ends a sentence of ours: it gets the full stop services leave off ("name is required").
QString asSentenceEnd(const QString &detail)
{
    QString trimmed = detail.trimmed();
    if (trimmed.isEmpty() || QStringLiteral(".!?)…").contains(trimmed.back())) {
        return trimmed;
    }
    return trimmed + u'.';
}

} // namespace

QString dialerLabelText(const QString &label)
{
    static const QRegularExpression form(QStringLiteral("^(console|headless run) on (.+) \\(pid (\\d+)\\)$"));
    const QRegularExpressionMatch match = form.match(label);
    if (!match.hasMatch()) {
        return label;
    }
    return (match.captured(1) == QLatin1String("console") ? Pane::tr("the console on %1 (process %2)")
                                                          : Pane::tr("a headless dialer on %1 (process %2)"))
        .arg(match.captured(2), match.captured(3));
}

QString userMessage(const Error &error)
{
    const QString detail = asSentenceEnd(translated(error.text, error.detail));
    switch (error.code) {
    case ErrorCode::ConnectionLost:
        return Pane::tr("The database cannot be reached. Data shown may be out of date. (%1)").arg(detail);
    case ErrorCode::PermissionDenied:
        return Pane::tr("You do not have permission for this: %1").arg(detail);
    case ErrorCode::InvalidArgument:
    case ErrorCode::Conflict:
        return Pane::tr("Cannot do that: %1").arg(detail);
    case ErrorCode::SchemaTooNew:
        return Pane::tr("This database was created by a newer version of the console: %1").arg(detail);
    case ErrorCode::Unauthenticated:
        return Pane::tr("You are not signed in, or your account has no role in this console. (%1)").arg(detail);
    case ErrorCode::AccountDisabled:
        return Pane::tr("This account is disabled. Ask an administrator to enable it.");
    case ErrorCode::AccountLocked:
        return Pane::tr("Too many failed sign-ins: this account is locked. %1").arg(detail);
    case ErrorCode::PasswordPolicy:
        return Pane::tr("Choose another password: %1").arg(detail);
    case ErrorCode::PasswordChangeRequired:
        return Pane::tr("Your password was reset by an administrator: choose a new one to continue.");
    case ErrorCode::TokenRejected:
        return Pane::tr("The identity provider's answer failed a security check and was refused: %1").arg(detail);
    case ErrorCode::IdentityProvider:
        return Pane::tr("The identity provider reported a problem: %1").arg(detail);
    case ErrorCode::LastAdmin:
        return Pane::tr("Not possible: this would leave the console without an enabled administrator.");
    default:
        return Pane::tr("Something went wrong: %1").arg(asSentenceEnd(error.toString()));
    }
}

Pane::Pane(const QString &title, QWidget *parent)
    : QWidget(parent), m_banner(new QLabel(this)), m_content(new QVBoxLayout)
{
    auto *titleLabel = new QLabel(title, this);
    QFont font = titleLabel->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    titleLabel->setFont(font);
    titleLabel->setObjectName(QStringLiteral("paneTitleLabel"));
    titleLabel->setTextFormat(Qt::PlainText);
    m_banner->setObjectName(QStringLiteral("errorBannerLabel"));
    m_banner->setTextFormat(Qt::PlainText); // errors quote names, numbers and server messages
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(toneBannerStyle(Tone::Bad, m_banner->palette()));
    m_banner->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 14, 18, 14);
    layout->setSpacing(10);
    layout->addWidget(titleLabel);
    layout->addWidget(m_banner);
    layout->addLayout(m_content, 1);
}

bool Pane::report(const Error *error)
{
    if (!error) {
        m_banner->hide();
        return true;
    }
    m_banner->setText(userMessage(*error));
    m_banner->show();
    Q_EMIT loadFailed(*error);
    return false;
}

} // namespace vsc::ui
