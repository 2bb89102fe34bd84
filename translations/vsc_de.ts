<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <source>VoiceSurvey Console</source>
        <translation>VoiceSurvey Console</translation>
    </message>
    <message>
        <source>The database could not be opened.

%1</source>
        <translation>Die Datenbank konnte nicht geöffnet werden.

%1</translation>
    </message>
    <message>
        <source>Demo accounts: admin / %1, sam.supervisor / %2, olga.operator / %3</source>
        <translation>Demokonten: admin / %1, sam.supervisor / %2, olga.operator / %3</translation>
    </message>
    <message>
        <source>Demo accounts (public passwords, never for real data):
</source>
        <translation>Demokonten (öffentliche Passwörter, niemals für echte Daten):
</translation>
    </message>
</context>
<context>
    <name>vsc::ui::AboutDialog</name>
    <message>
        <source>About VoiceSurvey Console</source>
        <translation>Über VoiceSurvey Console</translation>
    </message>
    <message>
        <source>&lt;h2&gt;VoiceSurvey Console %1&lt;/h2&gt;&lt;p&gt;Automated outbound voice surveys over Twilio.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3).&lt;/p&gt;&lt;p&gt;Database: %4&lt;/p&gt;</source>
        <translation>&lt;h2&gt;VoiceSurvey Console %1&lt;/h2&gt;&lt;p&gt;Automatisierte ausgehende Sprachumfragen über Twilio.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2 (läuft unter Qt %3).&lt;/p&gt;&lt;p&gt;Datenbank: %4&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>vsc::ui::AdminPane</name>
    <message>
        <source>Admin</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>Benutzer hinzufügen…</translation>
    </message>
    <message>
        <source>Invite organisation user…</source>
        <translation>Organisationsbenutzer einladen…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Roles…</source>
        <translation>Rollen…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Passwort zurücksetzen…</translation>
    </message>
    <message>
        <source>New role…</source>
        <translation>Neue Rolle…</translation>
    </message>
    <message>
        <source>Permissions…</source>
        <translation>Berechtigungen…</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Kette prüfen</translation>
    </message>
    <message>
        <source>Action, or a prefix like user.</source>
        <translation>Aktion oder ein Präfix wie user.</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source> (built-in)</source>
        <translation> (integriert)</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Invite an organisation user</source>
        <translation>Organisationsbenutzer einladen</translation>
    </message>
    <message>
        <source>They sign in through your identity provider; their first sign-in with this e-mail address (verified by the provider) or subject claims the invitation. Roles:</source>
        <translation>Die Person meldet sich über Ihren Identitätsanbieter an; die erste Anmeldung mit dieser E-Mail-Adresse (vom Anbieter bestätigt) oder diesem Subject löst die Einladung ein. Rollen:</translation>
    </message>
    <message>
        <source>E-mail address or subject</source>
        <translation>E-Mail-Adresse oder Subject</translation>
    </message>
    <message>
        <source>Roles of %1</source>
        <translation>Rollen von %1</translation>
    </message>
    <message>
        <source>What %1 may do follows from these roles:</source>
        <translation>Was %1 tun darf, ergibt sich aus diesen Rollen:</translation>
    </message>
    <message>
        <source>Reset the password of %1</source>
        <translation>Passwort von %1 zurücksetzen</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>Neue Rolle</translation>
    </message>
    <message>
        <source>Name the role and choose what it may do.</source>
        <translation>Benennen Sie die Rolle und legen Sie fest, was sie tun darf.</translation>
    </message>
    <message>
        <source>Role name (lower case)</source>
        <translation>Rollenname (Kleinbuchstaben)</translation>
    </message>
    <message>
        <source>Permissions of %1</source>
        <translation>Berechtigungen von %1</translation>
    </message>
    <message>
        <source>What this role may do:</source>
        <translation>Was diese Rolle tun darf:</translation>
    </message>
    <message>
        <source>Audit log intact</source>
        <translation>Prüfprotokoll intakt</translation>
    </message>
    <message>
        <source>All %1 entries link up and match their hashes.

Head: %2

Note the head somewhere else: a later check against it also shows entries cut off at the end.</source>
        <translation>Alle %1 Einträge sind lückenlos verkettet und stimmen mit ihren Hashes überein.

Kopf: %2

Notieren Sie den Kopf an anderer Stelle: Eine spätere Prüfung dagegen zeigt auch am Ende abgeschnittene Einträge.</translation>
    </message>
    <message>
        <source>Audit log tampered with</source>
        <translation>Prüfprotokoll manipuliert</translation>
    </message>
    <message>
        <source>Entry %1 is broken: %2</source>
        <translation>Eintrag %1 ist beschädigt: %2</translation>
    </message>
</context>
<context>
    <name>vsc::ui::CampaignTableModel</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Live calls</source>
        <translation>Laufende Anrufe</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2 %)</translation>
    </message>
</context>
<context>
    <name>vsc::ui::CampaignsPane</name>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>No campaigns yet. Start the console with --demo to explore a sample campaign.</source>
        <translation>Noch keine Kampagnen. Starten Sie die Konsole mit --demo, um eine Beispielkampagne zu erkunden.</translation>
    </message>
    <message>
        <source>Start dialing</source>
        <translation>Wählen starten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Dialing is not available in this console.</source>
        <translation>Wählen ist in dieser Konsole nicht verfügbar.</translation>
    </message>
    <message>
        <source>Select a campaign to start or pause it.</source>
        <translation>Wählen Sie eine Kampagne aus, um sie zu starten oder zu pausieren.</translation>
    </message>
    <message>
        <source>Dialing through the %1.</source>
        <translation>Wählen über %1.</translation>
    </message>
    <message>
        <source>Calls go through the %1.</source>
        <translation>Anrufe laufen über %1.</translation>
    </message>
    <message>
        <source>Calls %1–%2 in each contact&apos;s local time</source>
        <translation>Anrufe %1–%2 in der Ortszeit des jeweiligen Kontakts</translation>
    </message>
    <message>
        <source>never on %1</source>
        <translation>nie am %1</translation>
    </message>
    <message>
        <source>pace %1 calls/s, at most %2 at once</source>
        <translation>Tempo %1 Anrufe/s, höchstens %2 gleichzeitig</translation>
    </message>
    <message numerus="yes">
        <source>at most %n attempt(s) per contact</source>
        <translation>
            <numerusform>höchstens %n Versuch pro Kontakt</numerusform>
            <numerusform>höchstens %n Versuche pro Kontakt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 after %2 min</source>
        <translation>%1 nach %2 Min.</translation>
    </message>
    <message>
        <source>retry %1</source>
        <translation>Wiederholung %1</translation>
    </message>
    <message>
        <source>quotas %1</source>
        <translation>Kontingente %1</translation>
    </message>
    <message>
        <source>3 calls per number in 30 days across campaigns; suppressed numbers are never called</source>
        <translation>3 Anrufe pro Nummer in 30 Tagen über alle Kampagnen; gesperrte Nummern werden nie angerufen</translation>
    </message>
    <message>
        <source>Dialing paused: the database is unavailable. It resumes by itself; calls in progress continue and their answers are kept until it is back.</source>
        <translation>Wählen pausiert: Die Datenbank ist nicht verfügbar. Es wird automatisch fortgesetzt; laufende Anrufe gehen weiter und ihre Antworten werden aufbewahrt, bis die Datenbank wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>Being dialed by %1.</source>
        <translation>Wird von %1 gewählt.</translation>
    </message>
    <message>
        <source>Starting and pausing campaigns needs the campaign.run permission.</source>
        <translation>Zum Starten und Pausieren von Kampagnen ist die Berechtigung campaign.run erforderlich.</translation>
    </message>
</context>
<context>
    <name>vsc::ui::ChangePasswordDialog</name>
    <message>
        <source>Change your password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Aktuelles Passwort:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Die beiden neuen Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>vsc::ui::DashboardPane</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Calls placed</source>
        <translation>Getätigte Anrufe</translation>
    </message>
    <message>
        <source>Answer rate</source>
        <translation>Annahmequote</translation>
    </message>
    <message>
        <source>Surveys completed</source>
        <translation>Abgeschlossene Umfragen</translation>
    </message>
    <message>
        <source>Answers recorded</source>
        <translation>Erfasste Antworten</translation>
    </message>
    <message>
        <source>Average call</source>
        <translation>Durchschnittlicher Anruf</translation>
    </message>
    <message>
        <source>Opt-outs</source>
        <translation>Abmeldungen</translation>
    </message>
    <message>
        <source>Live calls</source>
        <translation>Laufende Anrufe</translation>
    </message>
    <message numerus="yes">
        <source>in %n campaign(s)</source>
        <translation>
            <numerusform>in %n Kampagne</numerusform>
            <numerusform>in %n Kampagnen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) running</source>
        <translation>
            <numerusform>%n Kampagne läuft</numerusform>
            <numerusform>%n Kampagnen laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 answered</source>
        <translation>%1 angenommen</translation>
    </message>
    <message>
        <source>%1 of contacts</source>
        <translation>%1 der Kontakte</translation>
    </message>
    <message>
        <source>speech and keypad</source>
        <translation>Sprache und Tastatur</translation>
    </message>
    <message>
        <source>minutes per connected call</source>
        <translation>Minuten pro verbundenem Anruf</translation>
    </message>
    <message>
        <source>added to the do-not-call list</source>
        <translation>zur Sperrliste hinzugefügt</translation>
    </message>
    <message>
        <source>ringing or in progress</source>
        <translation>klingelt oder läuft</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>No answer / busy</source>
        <translation>Keine Antwort / besetzt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Call outcomes, last %n day(s) (UTC)</source>
        <translation>
            <numerusform>Anrufergebnisse, letzter %n Tag (UTC)</numerusform>
            <numerusform>Anrufergebnisse, letzte %n Tage (UTC)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vsc::ui::IdentityProviderDialog</name>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Identity provider</source>
        <translation>Identitätsanbieter</translation>
    </message>
    <message>
        <source>One per line: provider value = console role, e.g.
survey-admins = admin</source>
        <translation>Eine pro Zeile: Anbieterwert = Konsolenrolle, z. B.
survey-admins = admin</translation>
    </message>
    <message>
        <source>empty: refuse people whose values map to no role</source>
        <translation>leer: Personen abweisen, deren Werte keiner Rolle zugeordnet sind</translation>
    </message>
    <message>
        <source>Register the console at your identity provider as a public (native) client with PKCE and the redirect URI http://127.0.0.1/callback (any port). The console keeps no client secret.</source>
        <translation>Registrieren Sie die Konsole bei Ihrem Identitätsanbieter als öffentlichen (nativen) Client mit PKCE und der Redirect-URI http://127.0.0.1/callback (beliebiger Port). Die Konsole speichert kein Client-Secret.</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>&amp;Aussteller:</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>&amp;Scopes:</source>
        <translation>&amp;Scopes:</translation>
    </message>
    <message>
        <source>&amp;Roles in claims:</source>
        <translation>&amp;Rollen in Claims:</translation>
    </message>
    <message>
        <source>Role &amp;mapping:</source>
        <translation>Rollen&amp;zuordnung:</translation>
    </message>
    <message>
        <source>&amp;Default role:</source>
        <translation>Stan&amp;dardrolle:</translation>
    </message>
    <message>
        <source>Enter the issuer URL first.</source>
        <translation>Geben Sie zuerst die Aussteller-URL ein.</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>%1 wird abgefragt…</translation>
    </message>
    <message>
        <source>Found:
%1</source>
        <translation>Gefunden:
%1</translation>
    </message>
    <message>
        <source>Each mapping line is &quot;provider value = console role&quot;: %1</source>
        <translation>Jede Zuordnungszeile lautet „Anbieterwert = Konsolenrolle“: %1</translation>
    </message>
</context>
<context>
    <name>vsc::ui::LiveCallsModel</name>
    <message>
        <source>Claimed</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Dialing</source>
        <translation>Wählt</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Klingelt</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Besetzt</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Twilio</source>
        <translation>Twilio</translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation>Simuliert</translation>
    </message>
</context>
<context>
    <name>vsc::ui::LiveMonitorPane</name>
    <message>
        <source>Live Monitor</source>
        <translation>Live-Monitor</translation>
    </message>
    <message>
        <source>No calls in progress.</source>
        <translation>Keine laufenden Anrufe.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) in progress. Numbers are masked.</source>
        <translation>
            <numerusform>%n laufender Anruf. Nummern sind maskiert.</numerusform>
            <numerusform>%n laufende Anrufe. Nummern sind maskiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 durch %2</translation>
    </message>
    <message>
        <source>No campaign is being dialed.</source>
        <translation>Es wird keine Kampagne gewählt.</translation>
    </message>
    <message>
        <source>Dialing: %1.</source>
        <translation>Wählt: %1.</translation>
    </message>
    <message>
        <source>Hang up…</source>
        <translation>Auflegen…</translation>
    </message>
    <message>
        <source>End the selected call now</source>
        <translation>Den ausgewählten Anruf jetzt beenden</translation>
    </message>
    <message>
        <source>This console does not place calls</source>
        <translation>Diese Konsole tätigt keine Anrufe</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Auflegen</translation>
    </message>
    <message>
        <source>Select the call to end first.</source>
        <translation>Wählen Sie zuerst den zu beendenden Anruf aus.</translation>
    </message>
    <message>
        <source>End this call now? The respondent hears the line go dead.</source>
        <translation>Diesen Anruf jetzt beenden? Die befragte Person hört, wie die Leitung abbricht.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) in progress.</source>
        <translation>
            <numerusform>%n laufender Anruf.</numerusform>
            <numerusform>%n laufende Anrufe.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vsc::ui::MainWindow</name>
    <message>
        <source>VoiceSurvey Console</source>
        <translation>VoiceSurvey Console</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>Live Monitor</source>
        <translation>Live-Monitor</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About VoiceSurvey Console</source>
        <translation>&amp;Über VoiceSurvey Console</translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation>● Verbunden</translation>
    </message>
    <message>
        <source>● Disconnected</source>
        <translation>● Getrennt</translation>
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation>&amp;Passwort ändern…</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>Benutzer &amp;wechseln…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Identity provider…</source>
        <translation>&amp;Identitätsanbieter…</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Your organisation ended your session; sign in again.

%1</source>
        <translation>Ihre Organisation hat Ihre Sitzung beendet; melden Sie sich erneut an.

%1</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Passwort geändert</translation>
    </message>
    <message>
        <source>Your password was changed. Use the new one next time you sign in.</source>
        <translation>Ihr Passwort wurde geändert. Verwenden Sie bei der nächsten Anmeldung das neue.</translation>
    </message>
</context>
<context>
    <name>vsc::ui::Pane</name>
    <message>
        <source>The database cannot be reached. Data shown may be out of date. (%1)</source>
        <translation>Die Datenbank ist nicht erreichbar. Die angezeigten Daten sind möglicherweise veraltet. (%1)</translation>
    </message>
    <message>
        <source>You do not have permission for this: %1</source>
        <translation>Sie haben dafür keine Berechtigung: %1</translation>
    </message>
    <message>
        <source>This database was created by a newer version of the console: %1</source>
        <translation>Diese Datenbank wurde von einer neueren Version der Konsole erstellt: %1</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Etwas ist schiefgelaufen: %1</translation>
    </message>
    <message>
        <source>Cannot do that: %1</source>
        <translation>Das ist nicht möglich: %1</translation>
    </message>
    <message>
        <source>You are not signed in, or your account has no role in this console. (%1)</source>
        <translation>Sie sind nicht angemeldet, oder Ihr Konto hat keine Rolle in dieser Konsole. (%1)</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator to enable it.</source>
        <translation>Dieses Konto ist deaktiviert. Bitten Sie einen Administrator, es zu aktivieren.</translation>
    </message>
    <message>
        <source>Too many failed sign-ins: this account is locked. %1</source>
        <translation>Zu viele fehlgeschlagene Anmeldungen: Dieses Konto ist gesperrt. %1</translation>
    </message>
    <message>
        <source>Choose another password: %1</source>
        <translation>Wählen Sie ein anderes Passwort: %1</translation>
    </message>
    <message>
        <source>Your password was reset by an administrator: choose a new one to continue.</source>
        <translation>Ihr Passwort wurde von einem Administrator zurückgesetzt: Wählen Sie ein neues, um fortzufahren.</translation>
    </message>
    <message>
        <source>The identity provider&apos;s answer failed a security check and was refused: %1</source>
        <translation>Die Antwort des Identitätsanbieters hat eine Sicherheitsprüfung nicht bestanden und wurde abgewiesen: %1</translation>
    </message>
    <message>
        <source>The identity provider reported a problem: %1</source>
        <translation>Der Identitätsanbieter hat ein Problem gemeldet: %1</translation>
    </message>
    <message>
        <source>Not possible: this would leave the console without an enabled administrator.</source>
        <translation>Nicht möglich: Die Konsole hätte dann keinen aktiven Administrator mehr.</translation>
    </message>
</context>
<context>
    <name>vsc::ui::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Change and sign in</source>
        <translation>Ändern und anmelden</translation>
    </message>
    <message>
        <source>Sign in to VoiceSurvey Console</source>
        <translation>Bei VoiceSurvey Console anmelden</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Sign in with your console account.</source>
        <translation>Melden Sie sich mit Ihrem Konsolenkonto an.</translation>
    </message>
    <message>
        <source>Sign in with your organisation (%1)</source>
        <translation>Mit Ihrer Organisation anmelden (%1)</translation>
    </message>
    <message>
        <source>Continue in your browser. This window carries on by itself once you have signed in there; Cancel stops waiting.</source>
        <translation>Fahren Sie in Ihrem Browser fort. Dieses Fenster macht automatisch weiter, sobald Sie sich dort angemeldet haben; „Abbrechen“ beendet das Warten.</translation>
    </message>
    <message>
        <source>Sign in with your organisation&apos;s account, or with a console account.</source>
        <translation>Melden Sie sich mit dem Konto Ihrer Organisation oder mit einem Konsolenkonto an.</translation>
    </message>
    <message>
        <source>Or with a console account:</source>
        <translation>Oder mit einem Konsolenkonto:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>An administrator reset your password. Choose a new one: at least 12 characters, not a common password and not your username.</source>
        <translation>Ein Administrator hat Ihr Passwort zurückgesetzt. Wählen Sie ein neues: mindestens 12 Zeichen, kein gängiges Passwort und nicht Ihr Benutzername.</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Geben Sie Ihren Benutzernamen und Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Die beiden neuen Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>vsc::ui::UserDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>Administrator anlegen</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>This database has no administrator yet. Create the first account: it can add users, assign roles and change settings.</source>
        <translation>Diese Datenbank hat noch keinen Administrator. Legen Sie das erste Konto an: Es kann Benutzer hinzufügen, Rollen zuweisen und Einstellungen ändern.</translation>
    </message>
    <message>
        <source>A local account. The user must change this password at the first sign-in.</source>
        <translation>Ein lokales Konto. Der Benutzer muss dieses Passwort bei der ersten Anmeldung ändern.</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Vollständiger Name:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Temporary password:</source>
        <translation>&amp;Temporäres Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Passwords have at least 12 characters and must not be common or contain the username.</source>
        <translation>Passwörter haben mindestens 12 Zeichen und dürfen weder gängig sein noch den Benutzernamen enthalten.</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Administrator anlegen</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>vsc::ui::UserTableModel</name>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Letzte Anmeldung</translation>
    </message>
    <message>
        <source>OpenID Connect</source>
        <translation>OpenID Connect</translation>
    </message>
    <message>
        <source>Local account</source>
        <translation>Lokales Konto</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Gesperrt bis %1</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Eingeladen</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>Muss Passwort ändern</translation>
    </message>
    <message numerus="yes">
        <source>Active (%n failed sign-in(s))</source>
        <translation>
            <numerusform>Aktiv (%n fehlgeschlagene Anmeldung)</numerusform>
            <numerusform>Aktiv (%n fehlgeschlagene Anmeldungen)</numerusform>
        </translation>
    </message>
</context>
</TS>
