// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/call.h"
#include "services/storage/database.h"
#include "ui/consoleservices.h"

#include <QList>
#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTimer;

namespace vsc::services::dialer {
class CampaignControl;
}
namespace vsc::services::auth::oidc {
class OidcSignIn;
}

namespace vsc::ui {

class Dialogs;
class Pane;

// The console's main window: a navigation sidebar, the four panes and a status bar with the database state.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    enum PaneIndex {
        DashboardPaneIndex,
        CampaignsPaneIndex,
        ScriptsPaneIndex,
        LiveMonitorPaneIndex,
        ResultsPaneIndex,
        SuppressionPaneIndex,
        AdminPaneIndex,
        PaneCount
    };

    // `services.control` (may be null) lets the Campaigns pane start and pause dialing; its progress refreshes the
    // panes. The window follows services.session: its panes, actions and status bar show what the signed-in actor
    // may do. `dialogs` (may be null: the real ones) puts every modal dialog to the user; tests pass scripted
    // answers.
    explicit MainWindow(const ConsoleServices &services, Dialogs *dialogs = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPane(int index);
    [[nodiscard]] int currentPane() const;
    [[nodiscard]] Pane *pane(int index) const { return m_panes.value(index); }
    static QString
    paneKey(int index); // "dashboard", "campaigns", "scripts", "live-monitor", "results", "do-not-call", "admin"

Q_SIGNALS:
    // The database answered again after the connection was lost (the window reconnected by itself).
    void databaseReconnected();

public Q_SLOTS:
    void refreshCurrentPane();
    // Coalesces bursts of call events into one refresh a quarter second later.
    void scheduleRefresh();
    // A call event: its Live Monitor row changes at once; the panes' counts follow with the next refresh.
    void onCallStatus(qint64 attemptId, vsc::CallStatus status);
    // A stored dialogue turn (question asked, answer given): the Live Monitor's row changes at once.
    void onCallTurn(const vsc::LiveTurn &turn);
    // The do-not-call list changed (a caller opted out, another console edited it): its pane shows it at once.
    void onSuppressionsChanged();
    void showAboutDialog();
    // Ends the session and asks who signs in next; closes the window when nobody does.
    void signOut();
    void changeOwnPassword();
    // The contact import wizard for a campaign (the Campaigns pane's "Import contacts…").
    void importContacts(qint64 campaignId);
    // Shows only the panes and actions the actor may use.
    void applyActor(const vsc::Actor &actor);
    // The sign-in dialog; true when someone signed in.
    bool askToSignIn();
    // Shown in the sign-in dialog above the fields (the demo's public accounts).
    void setSignInNote(const QString &note) { m_signInNote = note; }
    // Settings → Twilio; offers to restart when the saved settings change how this console dials.
    void editTwilioSettings();
    void editLanguage();
    // How this window dials, for the status bar: the simulated carrier, Twilio, or why it cannot.
    void setDialingVia(const QString &text);
    // Set when the user asked for a restart (new dialing settings): app/ starts a new console after this one ends.
    [[nodiscard]] bool restartRequested() const { return m_restartRequested; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createPanes();
    void buildNavigation();
    void buildStatusBar();
    void buildMenus();
    void restoreSettings();
    void followDialing(services::dialer::CampaignControl *control);
    void startTimers();
    void updateConnectionState(bool connected, const QString &detail = {});

    ConsoleServices m_services; // a copy: it only refers to what app/ owns
    services::storage::Database &m_database;
    std::unique_ptr<Dialogs> m_ownDialogs; // when none were given
    Dialogs &m_dialogs;
    QListWidget *m_navigation;
    QStackedWidget *m_stack;
    QList<Pane *> m_panes;
    QLabel *m_backendLabel;
    QLabel *m_connectionLabel;
    QLabel *m_userLabel;
    QLabel *m_dialingLabel;
    QAction *m_changePassword = nullptr;
    bool m_restartRequested = false;
    QString m_signInNote;
    // The identity provider's session of whoever signed in through it (refresh, sign-out).
    std::unique_ptr<services::auth::oidc::OidcSignIn> m_organisationSession;
    QTimer *m_refreshTimer;
    QTimer *m_liveRefresh; // coalesces bursts of call events into one refresh
    QTimer *m_reconnect;   // while the connection is lost: try a fresh one every 2 s
};

} // namespace vsc::ui
