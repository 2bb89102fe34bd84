<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message>
        <source>VoiceSurvey Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be opened.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo accounts: admin / %1, sam.supervisor / %2, olga.operator / %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo accounts (public passwords, never for real data):
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::AboutDialog</name>
    <message>
        <source>About VoiceSurvey Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;VoiceSurvey Console %1&lt;/h2&gt;&lt;p&gt;Automated outbound voice surveys over Twilio.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3).&lt;/p&gt;&lt;p&gt;Database: %4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::AdminPane</name>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite organisation user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action, or a prefix like user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (built-in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite an organisation user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They sign in through your identity provider; their first sign-in with this e-mail address (verified by the provider) or subject claims the invitation. Roles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail address or subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What %1 may do follows from these roles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the password of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the role and choose what it may do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role name (lower case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this role may do:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 entries link up and match their hashes.

Head: %2

Note the head somewhere else: a later check against it also shows entries cut off at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log tampered with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 is broken: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::CampaignTableModel</name>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::CampaignsPane</name>
    <message>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaigns yet. Start the console with --demo to explore a sample campaign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start dialing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialing is not available in this console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a campaign to start or pause it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialing through the %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls go through the %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls %1–%2 in each contact&apos;s local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pace %1 calls/s, at most %2 at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>at most %n attempt(s) per contact</source>
        <translation>
            <numerusform>at most %n attempt per contact</numerusform>
            <numerusform>at most %n attempts per contact</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 after %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quotas %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 calls per number in 30 days across campaigns; suppressed numbers are never called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialing paused: the database is unavailable. It resumes by itself; calls in progress continue and their answers are kept until it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being dialed by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting and pausing campaigns needs the campaign.run permission.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::ChangePasswordDialog</name>
    <message>
        <source>Change your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::DashboardPane</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surveys completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-outs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>in %n campaign(s)</source>
        <translation>
            <numerusform>in %n campaign</numerusform>
            <numerusform>in %n campaigns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) running</source>
        <translation>
            <numerusform>%n campaign running</numerusform>
            <numerusform>%n campaigns running</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speech and keypad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes per connected call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added to the do-not-call list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ringing or in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer / busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Call outcomes, last %n day(s) (UTC)</source>
        <translation>
            <numerusform>Call outcomes, last %n day (UTC)</numerusform>
            <numerusform>Call outcomes, last %n days (UTC)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vsc::ui::IdentityProviderDialog</name>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per line: provider value = console role, e.g.
survey-admins = admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: refuse people whose values map to no role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register the console at your identity provider as a public (native) client with PKCE and the redirect URI http://127.0.0.1/callback (any port). The console keeps no client secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scopes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roles in claims:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role &amp;mapping:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Default role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the issuer URL first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each mapping line is &quot;provider value = console role&quot;: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::LiveCallsModel</name>
    <message>
        <source>Claimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::LiveMonitorPane</name>
    <message>
        <source>Live Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls in progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) in progress. Numbers are masked.</source>
        <translation>
            <numerusform>%n call in progress. Numbers are masked.</numerusform>
            <numerusform>%n calls in progress. Numbers are masked.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaign is being dialed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialing: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the selected call now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console does not place calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the call to end first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End this call now? The respondent hears the line go dead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) in progress.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vsc::ui::MainWindow</name>
    <message>
        <source>VoiceSurvey Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About VoiceSurvey Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identity provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation ended your session; sign in again.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password was changed. Use the new one next time you sign in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::Pane</name>
    <message>
        <source>The database cannot be reached. Data shown may be out of date. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not have permission for this: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database was created by a newer version of the console: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot do that: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in, or your account has no role in this console. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator to enable it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed sign-ins: this account is locked. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another password: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password was reset by an administrator: choose a new one to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity provider&apos;s answer failed a security check and was refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity provider reported a problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible: this would leave the console without an enabled administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change and sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to VoiceSurvey Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your console account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your organisation (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue in your browser. This window carries on by itself once you have signed in there; Cancel stops waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your organisation&apos;s account, or with a console account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or with a console account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator reset your password. Choose a new one: at least 12 characters, not a common password and not your username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::UserDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no administrator yet. Create the first account: it can add users, assign roles and change settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A local account. The user must change this password at the first sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Temporary password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords have at least 12 characters and must not be common or contain the username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::UserTableModel</name>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenID Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Active (%n failed sign-in(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
