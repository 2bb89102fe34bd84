// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include "services/auth/local/localsignin.h"
#include "services/auth/oidc/oidcsignin.h"
#include "services/auth/session.h"
#include "services/dialer/campaigncontrol.h"
#include "services/storage/auditrepository.h"
#include "ui/aboutdialog.h"
#include "ui/admin/adminpane.h"
#include "ui/admin/userdialog.h"
#include "ui/auth/signindialog.h"
#include "ui/campaigns/campaignspane.h"
#include "ui/contacts/importwizard.h"
#include "ui/dashboard/dashboardpane.h"
#include "ui/dialogs.h"
#include "ui/monitor/livemonitorpane.h"
#include "ui/results/resultspane.h"
#include "ui/scripts/scriptspane.h"
#include "ui/settings/identityproviderdialog.h"
#include "ui/settings/languagedialog.h"
#include "ui/settings/mailsettingsdialog.h"
#include "ui/settings/twiliosettingsdialog.h"
#include "ui/suppression/suppressionpane.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/tones.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTextDocument>
#include <QTimer>

#include <algorithm>

namespace vsc::ui {
namespace {
constexpr int kRefreshIntervalMs = 5000;
} // namespace

QString MainWindow::paneKey(int index)
{
    switch (index) {
    case DashboardPaneIndex:
        return QStringLiteral("dashboard");
    case CampaignsPaneIndex:
        return QStringLiteral("campaigns");
    case LiveMonitorPaneIndex:
        return QStringLiteral("live-monitor");
    case AdminPaneIndex:
        return QStringLiteral("admin");
    case ScriptsPaneIndex:
        return QStringLiteral("scripts");
    case ResultsPaneIndex:
        return QStringLiteral("results");
    case SuppressionPaneIndex:
        return QStringLiteral("do-not-call");
    default:
        return {};
    }
}

MainWindow::MainWindow(const ConsoleServices &services, Dialogs *dialogs, QWidget *parent)
    : QMainWindow(parent), m_services(services), m_database(services.database),
      m_ownDialogs(dialogs ? nullptr : std::make_unique<SystemDialogs>()),
      m_dialogs(dialogs ? *dialogs : *m_ownDialogs), m_navigation(new QListWidget(this)),
      m_stack(new QStackedWidget(this)), m_backendLabel(new QLabel(this)), m_connectionLabel(new QLabel(this)),
      m_userLabel(new QLabel(this)), m_dialingLabel(new QLabel(this)), m_refreshTimer(new QTimer(this)),
      m_liveRefresh(new QTimer(this)), m_reconnect(new QTimer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("VoiceSurvey Console"));
    createPanes();
    buildNavigation();
    buildStatusBar();
    buildMenus();
    restoreSettings();
    followDialing(services.control);
    connect(&services.session, &services::auth::Session::actorChanged, this, &MainWindow::applyActor);
    applyActor(services.session.actor());
    startTimers();
}

MainWindow::~MainWindow() = default;

void MainWindow::createPanes()
{
    // In PaneIndex order.
    m_panes = {new DashboardPane(m_services, this),          new CampaignsPane(m_services, m_dialogs, this),
               new ScriptsPane(m_services, m_dialogs, this), new LiveMonitorPane(m_services, m_dialogs, this),
               new ResultsPane(m_services, m_dialogs, this), new SuppressionPane(m_services, m_dialogs, this),
               new AdminPane(m_services, m_dialogs, this)};
    connect(static_cast<CampaignsPane *>(m_panes.at(CampaignsPaneIndex)), &CampaignsPane::importContactsRequested, this,
            &MainWindow::importContacts);
    for (Pane *pane : std::as_const(m_panes)) {
        m_stack->addWidget(pane);
        connect(pane, &Pane::loadFailed, this, [this](const Error &error) {
            const bool lost = error.code == ErrorCode::ConnectionLost;
            updateConnectionState(!lost, error.detail);
            if (lost && !m_reconnect->isActive()) {
                m_reconnect->start();
            }
        });
    }
}

void MainWindow::importContacts(qint64 campaignId)
{
    if (campaignId <= 0) {
        return;
    }
    ImportWizard wizard(m_services, campaignId, m_dialogs, this);
    m_dialogs.exec(wizard);
    refreshCurrentPane();
}

void MainWindow::buildNavigation()
{
    const QList<std::pair<QString, Icon>> entries{
        {tr("Dashboard"), Icon::Dashboard}, {tr("Campaigns"), Icon::Campaigns},
        {tr("Scripts"), Icon::Scripts},     {tr("Live Monitor"), Icon::LiveMonitor},
        {tr("Results"), Icon::Results},     {tr("Do not call"), Icon::DoNotCall},
        {tr("Admin"), Icon::Admin},
    };
    for (int i = 0; i < m_panes.size(); ++i) {
        auto *item = new QListWidgetItem(themedIcon(entries.at(i).second), entries.at(i).first, m_navigation);
        item->setSizeHint(QSize(0, 40));
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(entries.at(i).first).arg(i + 1));
    }
    m_navigation->setObjectName(QStringLiteral("navigationList"));
    m_navigation->setAccessibleName(tr("Panes"));
    m_navigation->setFixedWidth(190);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setStyleSheet(
        QStringLiteral("QListWidget { border: none; background: palette(window); font-size: 11pt; }"
                       "QListWidget::item { padding-left: 8px; }"));
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        m_stack->setCurrentIndex(row);
        refreshCurrentPane();
    });

    auto *central = new QWidget(this);
    auto *row = new QHBoxLayout(central);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(m_navigation);
    row->addWidget(m_stack, 1);
    setCentralWidget(central);
}

void MainWindow::buildStatusBar()
{
    m_backendLabel->setObjectName(QStringLiteral("backendLabel"));
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    // The database's name and errors are shown as written, never as markup.
    m_backendLabel->setTextFormat(Qt::PlainText);
    m_connectionLabel->setTextFormat(Qt::PlainText);
    m_backendLabel->setText(m_database.config().displayName());
    m_userLabel->setObjectName(QStringLiteral("currentUserLabel"));
    m_userLabel->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_backendLabel, 1);
    m_dialingLabel->setObjectName(QStringLiteral("dialingViaLabel"));
    m_dialingLabel->setTextFormat(Qt::PlainText);
    m_dialingLabel->hide();
    statusBar()->addPermanentWidget(m_dialingLabel);
    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
    updateConnectionState(m_database.isOpen());
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    if (!settings.contains(QStringLiteral("mainWindow/geometry"))) {
        resize(1280, 800);
    }
    m_navigation->setCurrentRow(qBound(0, settings.value(QStringLiteral("mainWindow/pane"), 0).toInt(), PaneCount - 1));
}

void MainWindow::followDialing(services::dialer::CampaignControl *control)
{
    if (!control) {
        return;
    }
    connect(control, &services::dialer::CampaignControl::progressChanged, this, &MainWindow::scheduleRefresh);
    connect(control, &services::dialer::CampaignControl::databaseAvailabilityChanged, this,
            [this](qint64, bool available, const QString &detail) {
                updateConnectionState(available, available ? QString() : detail);
                if (available) {
                    refreshCurrentPane();
                }
            });
}

void MainWindow::startTimers()
{
    m_liveRefresh->setSingleShot(true);
    m_liveRefresh->setInterval(250);
    connect(m_liveRefresh, &QTimer::timeout, this, &MainWindow::refreshCurrentPane);
    // A connection whose server went away stays broken: try a fresh one until the database answers again.
    m_reconnect->setInterval(2000);
    connect(m_reconnect, &QTimer::timeout, this, [this] {
        if (!m_database.reconnect().ok()) {
            return;
        }
        m_reconnect->stop();
        updateConnectionState(true);
        Q_EMIT databaseReconnected();
        refreshCurrentPane();
    });
    m_refreshTimer->setInterval(kRefreshIntervalMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::refreshCurrentPane);
    m_refreshTimer->start();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_changePassword = file->addAction(tr("&Change password…"), this, &MainWindow::changeOwnPassword);
    m_changePassword->setObjectName(QStringLiteral("changePasswordAction"));
    QAction *switchUser = file->addAction(tr("S&witch user…"), this, &MainWindow::signOut);
    switchUser->setObjectName(QStringLiteral("switchUserAction"));
    QAction *signOutAction = file->addAction(tr("Sign &out"), this, &MainWindow::signOut);
    signOutAction->setObjectName(QStringLiteral("signOutAction"));
    signOutAction->setIcon(themedIcon(Icon::SignOut));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("quitAction"));

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    QAction *identity = settings->addAction(tr("&Identity provider…"), this, [this] {
        IdentityProviderDialog dialog(m_services, m_services.session.actor(), this);
        m_dialogs.exec(dialog);
    });
    identity->setObjectName(QStringLiteral("identityProviderAction"));
    QAction *twilio = settings->addAction(tr("&Twilio…"), this, &MainWindow::editTwilioSettings);
    twilio->setObjectName(QStringLiteral("twilioSettingsAction"));
    QAction *language = settings->addAction(tr("&Language…"), this, &MainWindow::editLanguage);
    language->setObjectName(QStringLiteral("languageAction"));
    twilio->setIcon(themedIcon(Icon::Settings));
    identity->setIcon(themedIcon(Icon::Settings));
    QAction *mail = settings->addAction(tr("&E-mail…"), this, [this] {
        MailSettingsDialog dialog(m_services, m_services.session.actor(), this);
        m_dialogs.exec(dialog);
    });
    mail->setObjectName(QStringLiteral("mailSettingsAction"));
    mail->setIcon(themedIcon(Icon::Settings));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_panes.size(); ++i) {
        QAction *action = view->addAction(m_navigation->item(i)->text(), this, [this, i] { showPane(i); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setIcon(m_navigation->item(i)->icon());
        action->setObjectName(paneKey(i) + QStringLiteral("Action"));
    }
    view->addSeparator();
    QAction *refresh = view->addAction(tr("&Refresh"), this, &MainWindow::refreshCurrentPane);
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setObjectName(QStringLiteral("refreshAction"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About VoiceSurvey Console"), this, &MainWindow::showAboutDialog);
    about->setObjectName(QStringLiteral("aboutAction"));
}

void MainWindow::showPane(int index)
{
    if (index >= 0 && index < m_panes.size()) {
        m_navigation->setCurrentRow(index);
    }
}

int MainWindow::currentPane() const
{
    return m_stack->currentIndex();
}

void MainWindow::refreshCurrentPane()
{
    if (Pane *current = m_panes.value(m_stack->currentIndex())) {
        current->refresh();
    }
    auto ping = m_database.ping();
    updateConnectionState(ping.ok(), ping.ok() ? QString() : ping.error().detail);
}

void MainWindow::scheduleRefresh()
{
    if (!m_liveRefresh->isActive()) {
        m_liveRefresh->start();
    }
}

void MainWindow::onCallStatus(qint64 attemptId, CallStatus status)
{
    static_cast<LiveMonitorPane *>(m_panes.at(LiveMonitorPaneIndex))->applyCallStatus(attemptId, status);
    scheduleRefresh();
}

void MainWindow::onCallTurn(const LiveTurn &turn)
{
    static_cast<LiveMonitorPane *>(m_panes.at(LiveMonitorPaneIndex))->applyCallTurn(turn);
}

void MainWindow::updateConnectionState(bool connected, const QString &detail)
{
    m_connectionLabel->setText(connected ? tr("● Connected") : tr("● Disconnected"));
    m_connectionLabel->setStyleSheet(toneTextStyle(connected ? Tone::Good : Tone::Bad, m_connectionLabel->palette()));
    // Tool tips guess their format: an error that quotes user data is escaped so it shows as written.
    m_connectionLabel->setToolTip(detail.isEmpty() ? QString() : Qt::convertFromPlainText(detail));
}

void MainWindow::onSuppressionsChanged()
{
    if (m_stack->currentIndex() == SuppressionPaneIndex) {
        m_panes.at(SuppressionPaneIndex)->refresh();
    }
}

void MainWindow::showAboutDialog()
{
    AboutDialog dialog(m_database.config().displayName(), this);
    m_dialogs.exec(dialog);
}

void MainWindow::applyActor(const Actor &actor)
{
    for (Pane *pane : std::as_const(m_panes)) {
        pane->setActor(actor);
    }
    const bool admin =
        actor.has(Permission::UsersManage) || actor.has(Permission::RolesManage) || actor.has(Permission::AuditView);
    const QList<bool> visible{
        actor.has(Permission::ResultsView),
        actor.has(Permission::CampaignEdit) || actor.has(Permission::CampaignRun) ||
            actor.has(Permission::ResultsView) || actor.has(Permission::ContactsView),
        actor.has(Permission::CampaignEdit),
        actor.has(Permission::CallsMonitor),
        actor.has(Permission::ResultsView),
        actor.has(Permission::ContactsView) || actor.has(Permission::SuppressionManage),
        admin,
    };
    for (int i = 0; i < m_panes.size() && i < visible.size(); ++i) {
        m_navigation->item(i)->setHidden(!visible.at(i));
        if (QAction *action = findChild<QAction *>(paneKey(i) + QStringLiteral("Action"))) {
            action->setEnabled(visible.at(i));
        }
    }
    if (m_navigation->currentRow() < 0 || m_navigation->item(m_navigation->currentRow())->isHidden()) {
        const auto first = std::find(visible.cbegin(), visible.cend(), true);
        if (first != visible.cend()) {
            m_navigation->setCurrentRow(int(first - visible.cbegin()));
        }
    }
    m_userLabel->setText(actor.isSignedIn()
                             ? tr("%1 · %2").arg(actor.displayName, actor.roles.join(QStringLiteral(", ")))
                             : tr("Not signed in"));
    for (const char *name : {"identityProviderAction", "twilioSettingsAction", "mailSettingsAction"}) {
        if (auto *action = findChild<QAction *>(QString::fromLatin1(name))) {
            action->setEnabled(actor.has(Permission::SettingsManage));
        }
    }
    if (m_changePassword != nullptr) {
        m_changePassword->setEnabled(actor.kind == ActorKind::User &&
                                     m_services.session.method() == services::auth::SignInMethod::Local);
    }
    if (actor.isSignedIn()) {
        refreshCurrentPane();
    }
}

void MainWindow::setDialingVia(const QString &text)
{
    m_dialingLabel->setText(text);
    m_dialingLabel->setVisible(!text.isEmpty());
}

void MainWindow::editTwilioSettings()
{
    TwilioSettingsDialog dialog(m_services, m_services.session.actor(), this);
    if (m_dialogs.exec(dialog) != QDialog::Accepted || !dialog.needsRestart()) {
        return;
    }
    const auto answer = m_dialogs.ask(this, tr("Twilio"),
                                      tr("The settings are saved. The console dials with them after it restarts; "
                                         "calls in progress go on until then.\n\nRestart now?"),
                                      QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes) {
        m_restartRequested = true;
        close();
    }
}

void MainWindow::editLanguage()
{
    LanguageDialog dialog(this);
    if (m_dialogs.exec(dialog) != QDialog::Accepted || !dialog.changed()) {
        return;
    }
    const auto answer = m_dialogs.ask(this, tr("Language"),
                                      tr("The console shows the new language after it "
                                         "restarts; calls in progress go on.\n\nRestart now?"),
                                      QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes) {
        m_restartRequested = true;
        close();
    }
}

bool MainWindow::askToSignIn()
{
    SignInDialog dialog(m_services, this);
    dialog.setNote(m_signInNote);
    if (m_dialogs.exec(dialog) != QDialog::Accepted || !dialog.actor().isSignedIn()) {
        return false;
    }
    m_organisationSession = dialog.takeOrganisationSession();
    if (m_organisationSession) {
        m_organisationSession->setParent(nullptr);
        connect(m_organisationSession.get(), &services::auth::oidc::OidcSignIn::openBrowser, this,
                [](const QUrl &url) { QDesktopServices::openUrl(url); });
        // The provider ended the session (revoked, expired): whoever sits here signs in again.
        connect(
            m_organisationSession.get(), &services::auth::oidc::OidcSignIn::sessionEnded, this,
            [this](const Error &why) {
                m_dialogs.inform(
                    this, QMessageBox::Warning, tr("Signed out"),
                    tr("Your organisation ended your session; sign in again.\n\n%1").arg(userMessage(why)));
                signOut();
            },
            Qt::QueuedConnection);
    }
    m_services.session.begin(dialog.actor(), m_organisationSession ? services::auth::SignInMethod::Oidc
                                                                   : services::auth::SignInMethod::Local);
    return true;
}

void MainWindow::signOut()
{
    const Actor leaving = m_services.session.actor();
    m_services.session.end();
    if (m_organisationSession) {
        // Forgets the refresh token, revokes it and opens the provider's sign-out page.
        m_organisationSession->signOut();
        m_organisationSession.reset();
    }
    if (leaving.isSignedIn()) {
        services::storage::AuditEntry entry = services::storage::auditEntry(leaving, QStringLiteral("auth.signout"),
                                                                            QStringLiteral("user"), leaving.userId);
        entry.at = m_services.clock.nowUtc();
        (void)services::storage::AuditRepository(m_database).record(entry);
    }
    hide();
    if (askToSignIn()) {
        show();
        return;
    }
    close();
}

void MainWindow::changeOwnPassword()
{
    const Actor me = m_services.session.actor();
    ChangePasswordDialog dialog(
        [this, &me](const QString &current, const QString &newPassword) {
            return m_services.localSignIn.changePassword(me.name, current, newPassword);
        },
        this);
    if (m_dialogs.exec(dialog) == QDialog::Accepted) {
        m_dialogs.inform(this, QMessageBox::Information, tr("Password changed"),
                         tr("Your password was changed. Use the new one next time you sign in."));
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    settings.setValue(QStringLiteral("mainWindow/pane"), currentPane());
    QMainWindow::closeEvent(event);
}

} // namespace vsc::ui
