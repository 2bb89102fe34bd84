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
    <message>
        <source>Cannot dial: %1</source>
        <translation>Wählen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Dialing: simulated carrier (Settings → Twilio to dial for real)</source>
        <translation>Wählen: simulierter Netzbetreiber (Einstellungen → Twilio, um echt zu wählen)</translation>
    </message>
    <message>
        <source>Dialing: Twilio %1…%2, callbacks at %3</source>
        <translation>Wählen: Twilio %1…%2, Rückmeldungen an %3</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Exported 412,000 of 1,000,000 contacts…</source>
        <translation>412.000 von 1.000.000 Kontakten exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>Call outcomes</source>
        <translation>Anrufergebnisse</translation>
    </message>
</context>
<context>
    <name>vsc</name>
    <message>
        <source>another campaign is called &quot;%1&quot;; choose another name</source>
        <translation>eine andere Kampagne heißt bereits „%1“; wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <source>no script version %1; choose a stored script</source>
        <translation>keine Skriptversion %1; wählen Sie ein gespeichertes Skript</translation>
    </message>
    <message>
        <source>enter the number calls come from, in E.164 form such as +14155550100</source>
        <translation>geben Sie die Rufnummer ein, von der Anrufe ausgehen, im E.164-Format wie +14155550100</translation>
    </message>
    <message>
        <source>start with + and the country code, e.g. +14155550100</source>
        <translation>beginnen Sie mit + und der Ländervorwahl, z. B. +14155550100</translation>
    </message>
    <message>
        <source>not a phone number; use E.164 form such as +14155550100</source>
        <translation>keine Rufnummer; verwenden Sie das E.164-Format wie +14155550100</translation>
    </message>
    <message>
        <source>no such number in its country&apos;s numbering plan; check the digits</source>
        <translation>diese Rufnummer gibt es im Nummernplan ihres Landes nicht; prüfen Sie die Ziffern</translation>
    </message>
    <message>
        <source>write it as %1 (E.164: + and digits only)</source>
        <translation>schreiben Sie sie als %1 (E.164: nur + und Ziffern)</translation>
    </message>
    <message>
        <source>enter a BCP 47 language tag such as en-US</source>
        <translation>geben Sie ein BCP-47-Sprachkürzel wie de-DE ein</translation>
    </message>
    <message>
        <source>not a BCP 47 language tag; use the form en-US or de-DE</source>
        <translation>kein BCP-47-Sprachkürzel; verwenden Sie die Form en-US oder de-DE</translation>
    </message>
    <message>
        <source>unknown language code &quot;%1&quot;; use an ISO 639 code such as en or de</source>
        <translation>unbekannter Sprachcode „%1“; verwenden Sie einen ISO-639-Code wie en oder de</translation>
    </message>
    <message>
        <source>enter a name</source>
        <translation>geben Sie einen Namen ein</translation>
    </message>
    <message>
        <source>shorten the name to 200 characters or fewer</source>
        <translation>kürzen Sie den Namen auf höchstens 200 Zeichen</translation>
    </message>
    <message>
        <source>choose a voice, e.g. Polly.Joanna</source>
        <translation>wählen Sie eine Stimme, z. B. Polly.Marlene</translation>
    </message>
    <message>
        <source>enter the start as HH:mm, e.g. 08:00</source>
        <translation>geben Sie den Beginn als HH:mm ein, z. B. 08:00</translation>
    </message>
    <message>
        <source>enter the end as HH:mm, e.g. 21:00 (00:00 = end of the day)</source>
        <translation>geben Sie das Ende als HH:mm ein, z. B. 21:00 (00:00 = Tagesende)</translation>
    </message>
    <message>
        <source>make the end later than the start (%1); 00:00 means the end of the day</source>
        <translation>legen Sie das Ende nach den Beginn (%1); 00:00 bedeutet Tagesende</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a weekday number; use 1 (Monday) to 7 (Sunday)</source>
        <translation>„%1“ ist keine Wochentagsnummer; verwenden Sie 1 (Montag) bis 7 (Sonntag)</translation>
    </message>
    <message>
        <source>weekday %1 is listed twice</source>
        <translation>Wochentag %1 ist doppelt aufgeführt</translation>
    </message>
    <message>
        <source>every weekday is blocked; leave at least one day to call on</source>
        <translation>alle Wochentage sind gesperrt; lassen Sie mindestens einen Tag für Anrufe frei</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date; use YYYY-MM-DD</source>
        <translation>„%1“ ist kein Datum; verwenden Sie JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>use more than 0 and at most %1 calls per second</source>
        <translation>verwenden Sie mehr als 0 und höchstens %1 Anrufe pro Sekunde</translation>
    </message>
    <message>
        <source>use 1 to %1 concurrent calls</source>
        <translation>verwenden Sie 1 bis %1 gleichzeitige Anrufe</translation>
    </message>
    <message>
        <source>use 1 to %1 attempts per contact</source>
        <translation>verwenden Sie 1 bis %1 Versuche pro Kontakt</translation>
    </message>
    <message>
        <source>unknown outcome; use one of %1</source>
        <translation>unbekanntes Ergebnis; verwenden Sie eines von %1</translation>
    </message>
    <message>
        <source>use a whole number of seconds from 0 to %1 (30 days)</source>
        <translation>verwenden Sie eine ganze Zahl von Sekunden zwischen 0 und %1 (30 Tage)</translation>
    </message>
    <message>
        <source>a quota needs the contact field it counts by</source>
        <translation>eine Quote benötigt das Kontaktfeld, nach dem sie zählt</translation>
    </message>
    <message>
        <source>give each value of %1 its target, e.g. {&quot;West&quot;: 50}</source>
        <translation>geben Sie für jeden Wert von %1 sein Ziel an, z. B. {&quot;West&quot;: 50}</translation>
    </message>
    <message>
        <source>a quota cell needs the value it counts</source>
        <translation>eine Quotenzelle benötigt den Wert, den sie zählt</translation>
    </message>
    <message>
        <source>use a whole number of completed interviews, 0 or more</source>
        <translation>verwenden Sie eine ganze Zahl abgeschlossener Interviews ab 0</translation>
    </message>
    <message>
        <source>write the message to leave, or choose &quot;hang up&quot;</source>
        <translation>schreiben Sie die zu hinterlassende Nachricht oder wählen Sie „Auflegen“</translation>
    </message>
    <message>
        <source>a stopped campaign keeps its settings; duplicate it to run it again with changes</source>
        <translation>eine gestoppte Kampagne behält ihre Einstellungen; duplizieren Sie sie, um sie mit Änderungen erneut laufen zu lassen</translation>
    </message>
    <message>
        <source>cannot change while the campaign is %1; calls in flight use it (stop it, or duplicate the campaign)</source>
        <translation>kann nicht geändert werden, solange die Kampagne im Zustand „%1“ ist; laufende Anrufe verwenden es (stoppen oder duplizieren Sie die Kampagne)</translation>
    </message>
    <message>
        <source>has %1 fields, the header has %2</source>
        <translation>hat %1 Felder, die Kopfzeile hat %2</translation>
    </message>
    <message>
        <source>no phone number</source>
        <translation>keine Rufnummer</translation>
    </message>
    <message>
        <source>invalid phone number: &apos;%1&apos; cannot be read as a number</source>
        <translation>ungültige Rufnummer: „%1“ lässt sich nicht als Rufnummer lesen</translation>
    </message>
    <message>
        <source>invalid phone number: &apos;%1&apos; is not a valid number for its region</source>
        <translation>ungültige Rufnummer: „%1“ ist für ihre Region keine gültige Rufnummer</translation>
    </message>
    <message>
        <source>unknown time zone &apos;%1&apos; (use an IANA name such as America/Chicago)</source>
        <translation>unbekannte Zeitzone „%1“ (verwenden Sie einen IANA-Namen wie Europe/Berlin)</translation>
    </message>
    <message>
        <source>duplicate in file: %1 is also on line %2</source>
        <translation>Duplikat in der Datei: %1 steht auch in Zeile %2</translation>
    </message>
    <message>
        <source>duplicate in campaign: %1 is already a contact</source>
        <translation>Duplikat in der Kampagne: %1 ist bereits ein Kontakt</translation>
    </message>
    <message>
        <source>suppressed: %1 is on the do-not-call list (%2)</source>
        <translation>gesperrt: %1 steht auf der Sperrliste (%2)</translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation>%1 ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>is required: a range names both ends, {&quot;min&quot;: 0, &quot;max&quot;: 6}</source>
        <translation>ist erforderlich: ein Bereich nennt beide Enden, {&quot;min&quot;: 0, &quot;max&quot;: 6}</translation>
    </message>
    <message>
        <source>must be an object of languages, {&quot;de-DE&quot;: {...}}</source>
        <translation>muss ein Objekt aus Sprachen sein, {&quot;de-DE&quot;: {...}}</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>must be an object by question id</source>
        <translation>muss ein Objekt nach Fragekennung sein</translation>
    </message>
    <message>
        <source>must be an object: option value -&gt; words, {&quot;speed&quot;: [&quot;schnell&quot;]}</source>
        <translation>muss ein Objekt sein: Optionswert -&gt; Wörter, {&quot;speed&quot;: [&quot;schnell&quot;]}</translation>
    </message>
    <message>
        <source>unknown type &apos;%1&apos; (expected yes_no, single_choice, numeric, free_speech or recording)</source>
        <translation>unbekannter Typ „%1“ (erwartet: yes_no, single_choice, numeric, free_speech oder recording)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a language tag such as en-US or de-DE</source>
        <translation>„%1“ ist kein Sprachkürzel wie en-US oder de-DE</translation>
    </message>
    <message>
        <source>must be between 0 and 1</source>
        <translation>muss zwischen 0 und 1 liegen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a keypad key (0-9, * or #)</source>
        <translation>„%1“ ist keine Telefontaste (0-9, * oder #)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must start with a letter and use only letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>„%1“ muss mit einem Buchstaben beginnen und darf nur Buchstaben, Ziffern, „_“ und „-“ enthalten</translation>
    </message>
    <message>
        <source>&apos;end&apos; is reserved for branches</source>
        <translation>„end“ ist für Verzweigungen reserviert</translation>
    </message>
    <message>
        <source>duplicate id &apos;%1&apos; (first used by questions[%2])</source>
        <translation>doppelte Kennung „%1“ (zuerst verwendet von questions[%2])</translation>
    </message>
    <message>
        <source>duplicate key &apos;%1&apos; (also options[%2])</source>
        <translation>doppelte Taste „%1“ (auch options[%2])</translation>
    </message>
    <message>
        <source>the opt-out key %1 selects this option here, so it cannot opt out during this question</source>
        <translation>die Abmeldetaste %1 wählt hier diese Option, daher kann man sich bei dieser Frage damit nicht abmelden</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is also said for options[%2]; speech could not tell them apart</source>
        <translation>„%1“ wird auch für options[%2] gesagt; die Spracherkennung könnte sie nicht unterscheiden</translation>
    </message>
    <message>
        <source>a single_choice question needs at least two options</source>
        <translation>eine single_choice-Frage benötigt mindestens zwei Optionen</translation>
    </message>
    <message>
        <source>min %1 is greater than max %2</source>
        <translation>min %1 ist größer als max %2</translation>
    </message>
    <message>
        <source>must not be negative (keypads cannot enter a sign)</source>
        <translation>darf nicht negativ sein (auf der Telefontastatur gibt es kein Vorzeichen)</translation>
    </message>
    <message>
        <source>must be at most 999999</source>
        <translation>darf höchstens 999999 sein</translation>
    </message>
    <message>
        <source>the opt-out key %1 is also a valid answer (%2-%3), so it cannot opt out during this question</source>
        <translation>die Abmeldetaste %1 ist auch eine gültige Antwort (%2-%3), daher kann man sich bei dieser Frage damit nicht abmelden</translation>
    </message>
    <message>
        <source>keys 1 and 2 answer yes/no questions</source>
        <translation>die Tasten 1 und 2 beantworten Ja/Nein-Fragen</translation>
    </message>
    <message>
        <source>must be between 1 and 3600 seconds</source>
        <translation>muss zwischen 1 und 3600 Sekunden liegen</translation>
    </message>
    <message>
        <source>is required: what the caller hears</source>
        <translation>ist erforderlich: was die angerufene Person hört</translation>
    </message>
    <message>
        <source>must be between 0 and 5</source>
        <translation>muss zwischen 0 und 5 liegen</translation>
    </message>
    <message>
        <source>a range (%1) only fits a numeric question; &apos;%2&apos; is %3</source>
        <translation>ein Bereich (%1) passt nur zu einer numeric-Frage; „%2“ ist %3</translation>
    </message>
    <message>
        <source>range %1-%2 runs backwards (min is greater than max)</source>
        <translation>der Bereich %1-%2 ist verkehrt herum (min ist größer als max)</translation>
    </message>
    <message>
        <source>range %1 goes beyond the question&apos;s answers %2-%3</source>
        <translation>der Bereich %1 geht über die Antworten der Frage (%2-%3) hinaus</translation>
    </message>
    <message>
        <source>%1 also taken by branches[%2], which comes first and wins</source>
        <translation>%1 auch von branches[%2] erfasst, die zuerst kommt und gilt</translation>
    </message>
    <message>
        <source>is never taken: an earlier branch takes any answer (&quot;*&quot;)</source>
        <translation>wird nie genommen: eine frühere Verzweigung erfasst jede Antwort („*“)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; can never be the answer to %2 question &apos;%3&apos;</source>
        <translation>„%1“ kann nie die Antwort auf die %2-Frage „%3“ sein</translation>
    </message>
    <message>
        <source>no question has the id &apos;%1&apos;</source>
        <translation>keine Frage hat die Kennung „%1“</translation>
    </message>
    <message>
        <source>the flow loops: %1</source>
        <translation>der Ablauf bildet eine Schleife: %1</translation>
    </message>
    <message>
        <source>question &apos;%1&apos; can never be reached</source>
        <translation>die Frage „%1“ wird nie erreicht</translation>
    </message>
    <message>
        <source>missing: callers of this language hear the script&apos;s own text</source>
        <translation>fehlt: Angerufene dieser Sprache hören den Text des Skripts selbst</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a language tag such as de-DE or fr</source>
        <translation>„%1“ ist kein Sprachkürzel wie de-DE oder fr</translation>
    </message>
    <message>
        <source>is the script&apos;s own language; edit the script&apos;s texts instead</source>
        <translation>ist die Sprache des Skripts selbst; bearbeiten Sie stattdessen die Texte des Skripts</translation>
    </message>
    <message>
        <source>is listed twice</source>
        <translation>ist doppelt aufgeführt</translation>
    </message>
    <message>
        <source>missing: the script&apos;s voice %1 may not speak %2</source>
        <translation>fehlt: die Stimme %1 des Skripts spricht %2 möglicherweise nicht</translation>
    </message>
    <message>
        <source>question &apos;%1&apos; has no option &apos;%2&apos;</source>
        <translation>die Frage „%1“ hat keine Option „%2“</translation>
    </message>
    <message>
        <source>is required: question &apos;%1&apos; needs its prompt in %2</source>
        <translation>ist erforderlich: die Frage „%1“ benötigt ihre Ansage auf %2</translation>
    </message>
    <message>
        <source>a script must be a JSON object</source>
        <translation>ein Skript muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>unsupported format version %1 (this build reads 1)</source>
        <translation>nicht unterstützte Formatversion %1 (diese Version liest 1)</translation>
    </message>
    <message>
        <source>must be &quot;skip&quot; or &quot;end&quot;</source>
        <translation>muss „skip“ oder „end“ sein</translation>
    </message>
    <message>
        <source>a script needs at least one question</source>
        <translation>ein Skript benötigt mindestens eine Frage</translation>
    </message>
    <message>
        <source>is required because a question records the caller (consent must be asked first)</source>
        <translation>ist erforderlich, weil eine Frage die angerufene Person aufzeichnet (die Einwilligung muss zuerst eingeholt werden)</translation>
    </message>
    <message>
        <source>campaign &apos;%1&apos; is not a campaign id</source>
        <translation>Kampagne „%1“ ist keine Kampagnenkennung</translation>
    </message>
    <message>
        <source>campaign %1 does not exist</source>
        <translation>Kampagne %1 existiert nicht</translation>
    </message>
    <message>
        <source>duplicate in file: also on line %1</source>
        <translation>Duplikat in der Datei: auch in Zeile %1</translation>
    </message>
    <message>
        <source>already on the do-not-call list</source>
        <translation>bereits auf der Sperrliste</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;</source>
        <translation>unbekanntes Feld „%1“</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>muss eine Zahl sein</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>must be a string or a list of strings</source>
        <translation>muss eine Zeichenkette oder eine Liste von Zeichenketten sein</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>muss eine Liste sein</translation>
    </message>
    <message>
        <source>is required: an answer value (&quot;yes&quot;, &quot;speed&quot;, 7), a range {&quot;min&quot;: 0, &quot;max&quot;: 6}, &quot;*&quot; for any answer, or a list of these</source>
        <translation>ist erforderlich: ein Antwortwert (&quot;yes&quot;, &quot;speed&quot;, 7), ein Bereich {&quot;min&quot;: 0, &quot;max&quot;: 6}, &quot;*&quot; für jede Antwort oder eine Liste davon</translation>
    </message>
    <message>
        <source>is an empty list; give an answer value (&quot;yes&quot;, &quot;speed&quot;, 7), a range {&quot;min&quot;: 0, &quot;max&quot;: 6}, &quot;*&quot; for any answer, or a list of these</source>
        <translation>ist eine leere Liste; geben Sie einen Antwortwert (&quot;yes&quot;, &quot;speed&quot;, 7), einen Bereich {&quot;min&quot;: 0, &quot;max&quot;: 6}, &quot;*&quot; für jede Antwort oder eine Liste davon an</translation>
    </message>
    <message>
        <source>must be an answer value (&quot;yes&quot;, &quot;speed&quot;, 7), a range {&quot;min&quot;: 0, &quot;max&quot;: 6}, &quot;*&quot; for any answer, or a list of these</source>
        <translation>muss ein Antwortwert (&quot;yes&quot;, &quot;speed&quot;, 7), ein Bereich {&quot;min&quot;: 0, &quot;max&quot;: 6}, &quot;*&quot; für jede Antwort oder eine Liste davon sein</translation>
    </message>
    <message>
        <source>simulated carrier</source>
        <translation>den simulierten Netzbetreiber</translation>
    </message>
    <message>
        <source>simulated carrier (time x%1)</source>
        <translation>den simulierten Netzbetreiber (Zeit x%1)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address; separate addresses with commas</source>
        <translation>„%1“ ist keine E-Mail-Adresse; trennen Sie Adressen durch Kommas</translation>
    </message>
    <message>
        <source>a daily summary needs at least one report recipient</source>
        <translation>eine tägliche Zusammenfassung braucht mindestens einen Berichtsempfänger</translation>
    </message>
    <message>
        <source>enter the mail server&apos;s host name, such as smtp.example.com</source>
        <translation>geben Sie den Hostnamen des Mailservers ein, etwa smtp.example.com</translation>
    </message>
    <message>
        <source>a host name has only letters, digits, dots and hyphens</source>
        <translation>ein Hostname besteht nur aus Buchstaben, Ziffern, Punkten und Bindestrichen</translation>
    </message>
    <message>
        <source>choose a port between 1 and 65535 (587 for STARTTLS, 465 for TLS)</source>
        <translation>wählen Sie einen Port zwischen 1 und 65535 (587 für STARTTLS, 465 für TLS)</translation>
    </message>
    <message>
        <source>without STARTTLS or TLS the password and the reports cross the network readable; plain SMTP is only allowed to this computer</source>
        <translation>ohne STARTTLS oder TLS gehen Passwort und Berichte lesbar durchs Netz; unverschlüsseltes SMTP ist nur zu diesem Computer erlaubt</translation>
    </message>
    <message>
        <source>enter the address reports come from, such as surveys@example.com</source>
        <translation>geben Sie die Absenderadresse der Berichte ein, etwa surveys@example.com</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address</source>
        <translation>„%1“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>cannot read %1; choose a PEM file or leave it empty to trust the system&apos;s certificate authorities</source>
        <translation>%1 kann nicht gelesen werden; wählen Sie eine PEM-Datei oder lassen Sie das Feld leer, um den Zertifizierungsstellen des Systems zu vertrauen</translation>
    </message>
    <message>
        <source>enter the password for %1</source>
        <translation>geben Sie das Passwort für %1 ein</translation>
    </message>
    <message>
        <source>enter the account SID from the Twilio console (AC followed by 32 hex digits)</source>
        <translation>geben Sie die Konto-SID aus der Twilio-Konsole ein (AC, gefolgt von 32 Hexadezimalziffern)</translation>
    </message>
    <message>
        <source>an account SID is AC followed by 32 hex digits in lower case</source>
        <translation>eine Konto-SID besteht aus AC, gefolgt von 32 Hexadezimalziffern in Kleinschreibung</translation>
    </message>
    <message>
        <source>an API key SID is SK followed by 32 hex digits in lower case; leave it empty to use the auth token</source>
        <translation>eine API-Schlüssel-SID besteht aus SK, gefolgt von 32 Hexadezimalziffern in Kleinschreibung; lassen Sie das Feld leer, um das Auth-Token zu verwenden</translation>
    </message>
    <message>
        <source>use an https URL such as https://api.dublin.ie1.twilio.com, or leave it empty for https://api.twilio.com (plain http only to this computer)</source>
        <translation>verwenden Sie eine https-URL wie https://api.dublin.ie1.twilio.com oder lassen Sie das Feld leer für https://api.twilio.com (unverschlüsseltes http nur zu diesem Computer)</translation>
    </message>
    <message>
        <source>write the address and port to listen on as HOST:PORT, such as 127.0.0.1:8089</source>
        <translation>schreiben Sie Adresse und Port, auf denen gelauscht wird, als HOST:PORT, etwa 127.0.0.1:8089</translation>
    </message>
    <message>
        <source>enter the https URL Twilio reaches this console at (your reverse proxy)</source>
        <translation>geben Sie die https-URL ein, unter der Twilio diese Konsole erreicht (Ihr Reverse-Proxy)</translation>
    </message>
    <message>
        <source>Twilio needs an https URL such as https://surveys.example.com (plain http only to this computer)</source>
        <translation>Twilio braucht eine https-URL wie https://surveys.example.com (unverschlüsseltes http nur zu diesem Computer)</translation>
    </message>
    <message>
        <source>leave user name and password out of the public URL</source>
        <translation>lassen Sie Benutzername und Passwort aus der öffentlichen URL weg</translation>
    </message>
    <message>
        <source>choose a two-letter region such as US, GB or DE</source>
        <translation>wählen Sie eine Region mit zwei Buchstaben, etwa US, GB oder DE</translation>
    </message>
    <message>
        <source>enter the account&apos;s auth token (Twilio signs its webhooks with it)</source>
        <translation>geben Sie das Auth-Token des Kontos ein (Twilio signiert damit seine Webhooks)</translation>
    </message>
    <message>
        <source>enter the API key&apos;s secret</source>
        <translation>geben Sie das Geheimnis des API-Schlüssels ein</translation>
    </message>
    <message>
        <source>the new password must differ from the current one</source>
        <translation>das neue Passwort muss sich vom aktuellen unterscheiden</translation>
    </message>
    <message>
        <source>the campaign has no survey script</source>
        <translation>die Kampagne hat kein Umfrageskript</translation>
    </message>
    <message>
        <source>the campaign&apos;s script has no questions</source>
        <translation>das Skript der Kampagne hat keine Fragen</translation>
    </message>
    <message>
        <source>the campaign has no caller ID to call from</source>
        <translation>die Kampagne hat keine Anrufer-ID, mit der sie anrufen kann</translation>
    </message>
    <message>
        <source>the campaign has no dialable contact</source>
        <translation>die Kampagne hat keinen wählbaren Kontakt</translation>
    </message>
    <message>
        <source>a %1 campaign cannot become %2</source>
        <translation>eine Kampagne im Status „%1“ kann nicht in den Status „%2“ wechseln</translation>
    </message>
    <message>
        <source>pause or stop the campaign before archiving it</source>
        <translation>pausieren oder beenden Sie die Kampagne, bevor Sie sie archivieren</translation>
    </message>
    <message>
        <source>import cancelled; nothing was written</source>
        <translation>Import abgebrochen; nichts wurde gespeichert</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; (mapped to %2) is not in the header</source>
        <translation>die Spalte „%1“ (zugeordnet zu %2) fehlt in der Kopfzeile</translation>
    </message>
    <message>
        <source>the file is empty; a header row is required</source>
        <translation>die Datei ist leer; eine Kopfzeile ist erforderlich</translation>
    </message>
    <message>
        <source>export cancelled; no file was written</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben</translation>
    </message>
    <message>
        <source>no phone column in the header (%1)</source>
        <translation>keine Spalte mit Telefonnummern in der Kopfzeile (%1)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the last enabled admin</source>
        <translation>„%1“ ist der letzte aktivierte Administrator</translation>
    </message>
    <message>
        <source>a username is 2 to 64 letters, digits or . _ @ + -, starting with a letter or digit</source>
        <translation>ein Benutzername besteht aus 2 bis 64 Buchstaben, Ziffern oder . _ @ + - und beginnt mit einem Buchstaben oder einer Ziffer</translation>
    </message>
    <message>
        <source>the username &apos;%1&apos; is taken</source>
        <translation>der Benutzername „%1“ ist bereits vergeben</translation>
    </message>
    <message>
        <source>an invitation needs an e-mail address or a subject</source>
        <translation>eine Einladung braucht eine E-Mail-Adresse oder die Kennung (Subject) beim Identitätsanbieter</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already a user</source>
        <translation>„%1“ ist bereits ein Benutzer</translation>
    </message>
    <message>
        <source>&apos;%1&apos; signs in through the identity provider and has no password here</source>
        <translation>„%1“ meldet sich über den Identitätsanbieter an und hat hier kein Passwort</translation>
    </message>
    <message>
        <source>an admin exists already; sign in as them to add users</source>
        <translation>es gibt bereits einen Administrator; melden Sie sich als dieser an, um Benutzer hinzuzufügen</translation>
    </message>
    <message>
        <source>a role name is 2 to 32 lower-case letters, digits, _ or -, starting with a letter</source>
        <translation>ein Rollenname besteht aus 2 bis 32 Kleinbuchstaben, Ziffern, _ oder - und beginnt mit einem Buchstaben</translation>
    </message>
    <message>
        <source>a role named &apos;%1&apos; exists</source>
        <translation>eine Rolle namens „%1“ gibt es bereits</translation>
    </message>
    <message>
        <source>the admin role keeps users.manage and roles.manage, so someone can always manage access</source>
        <translation>die Rolle „admin“ behält users.manage und roles.manage, damit immer jemand die Zugriffe verwalten kann</translation>
    </message>
    <message>
        <source>interview completed</source>
        <translation>Interview abgeschlossen</translation>
    </message>
    <message>
        <source>opted out during a call</source>
        <translation>hat sich während eines Anrufs abgemeldet</translation>
    </message>
    <message>
        <source>the number is invalid</source>
        <translation>die Nummer ist ungültig</translation>
    </message>
    <message>
        <source>the number is invalid (%1)</source>
        <translation>die Nummer ist ungültig (%1)</translation>
    </message>
    <message>
        <source>given up: every attempt used (%1)</source>
        <translation>aufgegeben: alle Versuche verbraucht (%1)</translation>
    </message>
    <message>
        <source>a call to this contact is in progress</source>
        <translation>ein Anruf bei diesem Kontakt läuft gerade</translation>
    </message>
    <message>
        <source>on the do-not-call list when it was imported</source>
        <translation>stand beim Import auf der Sperrliste</translation>
    </message>
    <message>
        <source>asked during a call on %1 not to be called again</source>
        <translation>hat am %1 während eines Anrufs gebeten, nicht mehr angerufen zu werden</translation>
    </message>
    <message>
        <source>on this campaign&apos;s do-not-call list since %1</source>
        <translation>seit %1 auf der Sperrliste dieser Kampagne</translation>
    </message>
    <message>
        <source>on the do-not-call list since %1</source>
        <translation>seit %1 auf der Sperrliste</translation>
    </message>
    <message>
        <source>on this campaign&apos;s do-not-call list since %1 (%2)</source>
        <translation>seit %1 auf der Sperrliste dieser Kampagne (%2)</translation>
    </message>
    <message>
        <source>on the do-not-call list since %1 (%2)</source>
        <translation>seit %1 auf der Sperrliste (%2)</translation>
    </message>
    <message>
        <source>outside the calling window %1 until %2</source>
        <translation>außerhalb der Anrufzeiten %1 bis %2</translation>
    </message>
    <message>
        <source>outside the calling window %1 for at least 8 days in %2</source>
        <translation>mindestens 8 Tage lang außerhalb der Anrufzeiten %1 in %2</translation>
    </message>
    <message>
        <source>its local date %1 is blocked; calls resume %2</source>
        <translation>sein Ortsdatum %1 ist gesperrt; Anrufe ab %2</translation>
    </message>
    <message>
        <source>its local date %1 is blocked, and so are the next 8 days in %2</source>
        <translation>sein Ortsdatum %1 ist gesperrt, ebenso die nächsten 8 Tage in %2</translation>
    </message>
    <message>
        <source>its local date %1 is on a blocked weekday; calls resume %2</source>
        <translation>sein Ortsdatum %1 fällt auf einen gesperrten Wochentag; Anrufe ab %2</translation>
    </message>
    <message>
        <source>its local date %1 is on a blocked weekday, and so are the next 8 days in %2</source>
        <translation>sein Ortsdatum %1 fällt auf einen gesperrten Wochentag, ebenso die nächsten 8 Tage in %2</translation>
    </message>
    <message>
        <source>%1 of %2 attempts used</source>
        <translation>%1 von %2 Versuchen verbraucht</translation>
    </message>
    <message>
        <source>%1 calls to this number in %2 days; allowed again %3</source>
        <translation>%1 Anrufe an diese Nummer in %2 Tagen; wieder erlaubt ab %3</translation>
    </message>
    <message>
        <source>waiting until %1</source>
        <translation>wartet bis %1</translation>
    </message>
    <message>
        <source>its quota is full: %1</source>
        <translation>seine Quote ist voll: %1</translation>
    </message>
    <message>
        <source>no time zone is known for %1; it is not called rather than guessed</source>
        <translation>für %1 ist keine Zeitzone bekannt; statt zu raten, wird nicht angerufen</translation>
    </message>
    <message>
        <source>the window %1 is open in %2; the next call is attempt %3 of %4</source>
        <translation>in %2 ist gerade Anrufzeit (%1); der nächste Anruf ist Versuch %3 von %4</translation>
    </message>
    <message>
        <source>the campaign is a draft</source>
        <translation>die Kampagne ist ein Entwurf</translation>
    </message>
    <message>
        <source>the campaign is ready but not started</source>
        <translation>die Kampagne ist bereit, aber nicht gestartet</translation>
    </message>
    <message>
        <source>the campaign is paused</source>
        <translation>die Kampagne ist pausiert</translation>
    </message>
    <message>
        <source>the campaign is completed</source>
        <translation>die Kampagne ist abgeschlossen</translation>
    </message>
    <message>
        <source>the campaign is stopped</source>
        <translation>die Kampagne ist gestoppt</translation>
    </message>
    <message>
        <source>the campaign is not running</source>
        <translation>die Kampagne läuft nicht</translation>
    </message>
    <message>
        <source>the permission %1 is required</source>
        <translation>die Berechtigung %1 ist erforderlich</translation>
    </message>
    <message>
        <source>the line was busy; the retry is due %1</source>
        <translation>die Leitung war besetzt; der nächste Versuch ist fällig ab %1</translation>
    </message>
    <message>
        <source>nobody answered; the retry is due %1</source>
        <translation>niemand hat abgenommen; der nächste Versuch ist fällig ab %1</translation>
    </message>
    <message>
        <source>the last call failed; the retry is due %1</source>
        <translation>der letzte Anruf ist fehlgeschlagen; der nächste Versuch ist fällig ab %1</translation>
    </message>
    <message>
        <source>the last call was canceled; the retry is due %1</source>
        <translation>der letzte Anruf wurde abgebrochen; der nächste Versuch ist fällig ab %1</translation>
    </message>
    <message>
        <source>the last call ended without an interview; the retry is due %1</source>
        <translation>der letzte Anruf endete ohne Interview; der nächste Versuch ist fällig ab %1</translation>
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
    <name>vsc::ui::AddSuppressionDialog</name>
    <message>
        <source>Add to the do-not-call list</source>
        <translation>Zur Sperrliste hinzufügen</translation>
    </message>
    <message>
        <source>e.g. (415) 555-0100 or +49 30 1234567</source>
        <translation>z. B. (415) 555-0100 oder +49 30 1234567</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Alle Kampagnen</translation>
    </message>
    <message>
        <source>e.g. asked by letter</source>
        <translation>z. B. per Brief gewünscht</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Rufnummer:</translation>
    </message>
    <message>
        <source>&amp;Applies to:</source>
        <translation>&amp;Gilt für:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Numbers without +country code are read as %1 numbers.</source>
        <translation>Rufnummern ohne +Ländervorwahl werden als Rufnummern aus %1 gelesen.</translation>
    </message>
    <message>
        <source>Will be stored as %1</source>
        <translation>Wird gespeichert als %1</translation>
    </message>
    <message>
        <source>Not a valid phone number for %1 (or add +country code).</source>
        <translation>Keine gültige Rufnummer für %1 (oder geben Sie die +Ländervorwahl an).</translation>
    </message>
    <message>
        <source>This number is already on the list for that scope.</source>
        <translation>Diese Rufnummer steht für diesen Geltungsbereich bereits auf der Liste.</translation>
    </message>
</context>
<context>
    <name>vsc::ui::AdminPane</name>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Roles and their permissions</source>
        <translation>Rollen und ihre Berechtigungen</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation>Nach Aktion filtern</translation>
    </message>
    <message>
        <source>Filter by who</source>
        <translation>Nach Person filtern</translation>
    </message>
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
    <name>vsc::ui::CampaignEditorDialog</name>
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
        <source>Answering machine</source>
        <translation>Anrufbeantworter</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Edit campaign[*]</source>
        <translation>Kampagne bearbeiten[*]</translation>
    </message>
    <message>
        <source>New campaign[*]</source>
        <translation>Neue Kampagne[*]</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Calling window</source>
        <translation>Anrufzeiten</translation>
    </message>
    <message>
        <source>Pacing</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Quotas</source>
        <translation>Quoten</translation>
    </message>
    <message>
        <source>Compliance preview</source>
        <translation>Vorschau der Regeln</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>Letzte Änderung rückgängig machen (Strg+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Wiederholen (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <source>e.g. Customer satisfaction, spring</source>
        <translation>z. B. Kundenzufriedenheit, Frühjahr</translation>
    </message>
    <message>
        <source>Edit script…</source>
        <translation>Skript bearbeiten…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Caller ID:</source>
        <translation>Absenderkennung:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Voice:</source>
        <translation>Stimme:</translation>
    </message>
    <message>
        <source>Script:</source>
        <translation>Skript:</translation>
    </message>
    <message>
        <source>00:00 means the end of the day</source>
        <translation>00:00 bedeutet Tagesende</translation>
    </message>
    <message>
        <source>Calls from (contact&apos;s local time):</source>
        <translation>Anrufe ab (Ortszeit des Kontakts):</translation>
    </message>
    <message>
        <source>Until (exclusive; 00:00 = midnight):</source>
        <translation>Bis (ausschließlich; 00:00 = Mitternacht):</translation>
    </message>
    <message>
        <source>Never call on</source>
        <translation>Nie anrufen am</translation>
    </message>
    <message>
        <source>Blocked dates (holidays, in the contact&apos;s calendar)</source>
        <translation>Gesperrte Tage (Feiertage, im Kalender des Kontakts)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source> calls/s</source>
        <translation> Anrufe/s</translation>
    </message>
    <message>
        <source>Twilio accounts start at 1 call per second; ask Twilio to raise it first.</source>
        <translation>Twilio-Konten beginnen mit 1 Anruf pro Sekunde; bitten Sie Twilio zuerst, das Limit anzuheben.</translation>
    </message>
    <message>
        <source>Calls per second:</source>
        <translation>Anrufe pro Sekunde:</translation>
    </message>
    <message>
        <source>Concurrent calls at most:</source>
        <translation>Höchstens gleichzeitige Anrufe:</translation>
    </message>
    <message>
        <source>Attempts per contact at most:</source>
        <translation>Höchstens Versuche pro Kontakt:</translation>
    </message>
    <message>
        <source>Wait before calling again after:</source>
        <translation>Wartezeit vor erneutem Anruf nach:</translation>
    </message>
    <message>
        <source>Completed interviews wanted per cell: contacts whose cell is full are not called. The field is one of the contacts&apos; imported columns.</source>
        <translation>Gewünschte abgeschlossene Interviews pro Zelle: Kontakte, deren Zelle voll ist, werden nicht angerufen. Das Feld ist eine der importierten Spalten der Kontakte.</translation>
    </message>
    <message>
        <source>Contact field</source>
        <translation>Kontaktfeld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Add cell</source>
        <translation>Zelle hinzufügen</translation>
    </message>
    <message>
        <source>Remove cell</source>
        <translation>Zelle entfernen</translation>
    </message>
    <message>
        <source>When an answering machine picks up (Twilio&apos;s machine detection, or the simulated carrier):</source>
        <translation>Wenn ein Anrufbeantworter abnimmt (Anrufbeantworter-Erkennung von Twilio oder simulierter Netzbetreiber):</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Auflegen</translation>
    </message>
    <message>
        <source>Leave a message, then hang up</source>
        <translation>Nachricht hinterlassen, dann auflegen</translation>
    </message>
    <message>
        <source>e.g. Hello, this is Acme Research calling about a short survey. We will try again another time.</source>
        <translation>z. B. Guten Tag, hier ist Acme Research mit einer kurzen Umfrage. Wir versuchen es ein anderes Mal wieder.</translation>
    </message>
    <message>
        <source>Call again after:</source>
        <translation>Erneut anrufen nach:</translation>
    </message>
    <message>
        <source>(no script yet)</source>
        <translation>(noch kein Skript)</translation>
    </message>
    <message>
        <source>%1, version %2 (%3)</source>
        <translation>%1, Version %2 (%3)</translation>
    </message>
    <message>
        <source>row %1: enter the contact field the cell counts by</source>
        <translation>Zeile %1: Geben Sie das Kontaktfeld an, nach dem die Zelle zählt</translation>
    </message>
    <message>
        <source>row %1: enter the value of %2 this cell counts</source>
        <translation>Zeile %1: Geben Sie den Wert von %2 an, den diese Zelle zählt</translation>
    </message>
    <message>
        <source>row %1: the target must be a whole number, 0 or more</source>
        <translation>Zeile %1: Das Ziel muss eine ganze Zahl ab 0 sein</translation>
    </message>
    <message>
        <source>row %1: %2 = %3 is listed twice</source>
        <translation>Zeile %1: %2 = %3 ist doppelt aufgeführt</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before saving.</source>
        <translation>
            <numerusform>%n Problem muss vor dem Speichern behoben werden.</numerusform>
            <numerusform>%n Probleme müssen vor dem Speichern behoben werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>A %1 campaign keeps this setting.</source>
        <translation>Eine Kampagne im Zustand „%1“ behält diese Einstellung.</translation>
    </message>
    <message>
        <source>This campaign is stopped: only its name and description can change. Duplicate it to run it again with other settings.</source>
        <translation>Diese Kampagne ist gestoppt: Nur Name und Beschreibung lassen sich ändern. Duplizieren Sie sie, um sie mit anderen Einstellungen erneut laufen zu lassen.</translation>
    </message>
    <message>
        <source>This campaign is %1: its caller ID, language, voice and script stay as the calls in flight use them. Everything else can change and applies to the next calls.</source>
        <translation>Diese Kampagne ist im Zustand „%1“: Absenderkennung, Sprache, Stimme und Skript bleiben, wie die laufenden Anrufe sie verwenden. Alles andere lässt sich ändern und gilt für die nächsten Anrufe.</translation>
    </message>
    <message>
        <source>You can look at this campaign; changing it needs the campaign.edit permission.</source>
        <translation>Sie können diese Kampagne ansehen; zum Ändern benötigen Sie die Berechtigung campaign.edit.</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Fix these first:
%1</source>
        <translation>Beheben Sie zuerst Folgendes:
%1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to &quot;%1&quot; before closing?</source>
        <translation>Änderungen an „%1“ vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>%1 dialable now</source>
        <translation>%1 jetzt anrufbar</translation>
    </message>
    <message>
        <source>%1 outside their window until %2 local</source>
        <translation>%1 außerhalb ihrer Anrufzeit bis %2 Ortszeit</translation>
    </message>
    <message>
        <source>%1 outside their window</source>
        <translation>%1 außerhalb ihrer Anrufzeit</translation>
    </message>
    <message>
        <source>%1 on a blocked day</source>
        <translation>%1 an einem gesperrten Tag</translation>
    </message>
    <message>
        <source>%1 suppressed</source>
        <translation>%1 auf der Sperrliste</translation>
    </message>
    <message>
        <source>%1 at the cap</source>
        <translation>%1 an der Versuchsgrenze</translation>
    </message>
    <message>
        <source>%1 waiting for their retry delay</source>
        <translation>%1 warten auf ihre Wiederholungsfrist</translation>
    </message>
    <message>
        <source>%1 in a full quota cell</source>
        <translation>%1 in einer vollen Quotenzelle</translation>
    </message>
    <message>
        <source>%1 completed</source>
        <translation>%1 abgeschlossen</translation>
    </message>
    <message>
        <source>%1 called too often lately</source>
        <translation>%1 zuletzt zu oft angerufen</translation>
    </message>
    <message>
        <source>%1 in a call</source>
        <translation>%1 im Gespräch</translation>
    </message>
    <message>
        <source>%1 with an invalid number</source>
        <translation>%1 mit ungültiger Rufnummer</translation>
    </message>
    <message>
        <source>%1 without a known time zone</source>
        <translation>%1 ohne bekannte Zeitzone</translation>
    </message>
    <message>
        <source>Start campaign &quot;%1&quot;?

%2.</source>
        <translation>Kampagne „%1“ starten?

%2.</translation>
    </message>
    <message>
        <source>Save the campaign and import its contacts to see who would be called.</source>
        <translation>Speichern Sie die Kampagne und importieren Sie ihre Kontakte, um zu sehen, wer angerufen würde.</translation>
    </message>
    <message>
        <source>No contacts yet: import them from the Campaigns pane.</source>
        <translation>Noch keine Kontakte: Importieren Sie sie im Bereich „Kampagnen“.</translation>
    </message>
    <message>
        <source>If started now (%1): %2.</source>
        <translation>Bei Start jetzt (%1): %2.</translation>
    </message>
    <message>
        <source>Start campaign</source>
        <translation>Kampagne starten</translation>
    </message>
    <message>
        <source>e-mail addresses, comma-separated (Settings → E-mail sends them)</source>
        <translation>E-Mail-Adressen, durch Kommas getrennt (Versand über Einstellungen → E-Mail)</translation>
    </message>
    <message>
        <source>Also a daily summary</source>
        <translation>Auch eine tägliche Zusammenfassung</translation>
    </message>
    <message>
        <source>Reports to:</source>
        <translation>Berichte an:</translation>
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
        <source>No campaigns yet. Create one with New campaign…, then import its contacts and start dialing.</source>
        <translation>Noch keine Kampagnen. Legen Sie mit „Neue Kampagne…“ eine an, importieren Sie dann ihre Kontakte und starten Sie die Wahl.</translation>
    </message>
    <message>
        <source>New campaign…</source>
        <translation>Neue Kampagne…</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
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
        <translation>Wird gewählt von: %1.</translation>
    </message>
    <message>
        <source>Starting and pausing campaigns needs the campaign.run permission.</source>
        <translation>Zum Starten und Pausieren von Kampagnen ist die Berechtigung campaign.run erforderlich.</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Archivierte anzeigen</translation>
    </message>
    <message>
        <source>Stop…</source>
        <translation>Stoppen…</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>Kontakte importieren…</translation>
    </message>
    <message>
        <source>Duplicate campaign</source>
        <translation>Kampagne duplizieren</translation>
    </message>
    <message>
        <source>Archive campaign</source>
        <translation>Kampagne archivieren</translation>
    </message>
    <message>
        <source>Archive &quot;%1&quot;? It leaves the list (Show archived brings it back); its contacts and results are kept.</source>
        <translation>„%1“ archivieren? Sie verschwindet aus der Liste („Archivierte anzeigen“ holt sie zurück); Kontakte und Ergebnisse bleiben erhalten.</translation>
    </message>
    <message>
        <source>Start campaign</source>
        <translation>Kampagne starten</translation>
    </message>
    <message>
        <source>Pause campaign</source>
        <translation>Kampagne pausieren</translation>
    </message>
    <message>
        <source>Pause &quot;%1&quot;? No new calls are placed; calls in progress finish.</source>
        <translation>„%1“ pausieren? Es werden keine neuen Anrufe getätigt; laufende Anrufe werden zu Ende geführt.</translation>
    </message>
    <message>
        <source>Stop campaign</source>
        <translation>Kampagne stoppen</translation>
    </message>
    <message>
        <source>Stop &quot;%1&quot; for good? A stopped campaign cannot be started again (duplicate it to run it again); calls in progress finish and every result is kept.</source>
        <translation>„%1“ endgültig stoppen? Eine gestoppte Kampagne kann nicht wieder gestartet werden (duplizieren Sie sie, um sie erneut laufen zu lassen); laufende Anrufe werden zu Ende geführt und alle Ergebnisse bleiben erhalten.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Importing contacts needs the contacts.import permission.</source>
        <translation>Zum Importieren von Kontakten benötigen Sie die Berechtigung contacts.import.</translation>
    </message>
    <message>
        <source>This campaign is stopped; duplicate it to run it again.</source>
        <translation>Diese Kampagne ist gestoppt; duplizieren Sie sie, um sie erneut laufen zu lassen.</translation>
    </message>
    <message>
        <source>busy</source>
        <comment>retry outcome</comment>
        <translation>besetzt</translation>
    </message>
    <message>
        <source>no answer</source>
        <comment>retry outcome</comment>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>failed</source>
        <comment>retry outcome</comment>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>answering machine</source>
        <comment>retry outcome</comment>
        <translation>Anrufbeantworter</translation>
    </message>
    <message>
        <source>incomplete</source>
        <comment>retry outcome</comment>
        <translation>unvollständig</translation>
    </message>
    <message>
        <source>pace %L1 calls/s, at most %L2 at once</source>
        <translation>Tempo %L1 Anrufe/s, höchstens %L2 gleichzeitig</translation>
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
        <source>Answer rate</source>
        <translation>Annahmequote</translation>
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
        <source>minutes per connected call</source>
        <translation>Minuten pro verbundenem Anruf</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Answering machine</source>
        <translation>Anrufbeantworter</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Besetzt</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Complete interview</source>
        <translation>Vollständiges Interview</translation>
    </message>
    <message>
        <source>Partial interview</source>
        <translation>Teilinterview</translation>
    </message>
    <message>
        <source>Refusal and break-off</source>
        <translation>Verweigerung und Abbruch</translation>
    </message>
    <message>
        <source>Non-contact (answering machine)</source>
        <translation>Kein Kontakt (Anrufbeantworter)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Unknown eligibility: no answer, busy</source>
        <translation>Eignung unbekannt: keine Antwort, besetzt</translation>
    </message>
    <message>
        <source>Unknown eligibility: call failed</source>
        <translation>Eignung unbekannt: Anruf fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not eligible: invalid number, fax</source>
        <translation>Nicht geeignet: ungültige Nummer, Fax</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Hour of day</source>
        <translation>Tageszeit</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>Trichter</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Alle Kampagnen</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>Kampagne:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Cost per minute</source>
        <translation>Kosten pro Minute</translation>
    </message>
    <message>
        <source>What a minute of calling costs, for the estimated cost (needs settings.manage to change)</source>
        <translation>Was eine Anrufminute kostet, für die geschätzten Kosten (Ändern erfordert settings.manage)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>Cost per minute:</source>
        <translation>Kosten pro Minute:</translation>
    </message>
    <message>
        <source>Calls dialed</source>
        <translation>Gewählte Anrufe</translation>
    </message>
    <message>
        <source>Completed interviews</source>
        <translation>Abgeschlossene Interviews</translation>
    </message>
    <message>
        <source>Completion rate</source>
        <translation>Abschlussquote</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>Geschätzte Kosten</translation>
    </message>
    <message>
        <source>Answered calls ÷ calls dialed</source>
        <translation>Angenommene Anrufe ÷ gewählte Anrufe</translation>
    </message>
    <message>
        <source>Completed interviews ÷ answered calls</source>
        <translation>Abgeschlossene Interviews ÷ angenommene Anrufe</translation>
    </message>
    <message>
        <source>Each call&apos;s length rounded up to whole minutes × the cost per minute set above (billing.rate_per_minute)</source>
        <translation>Die Dauer jedes Anrufs, auf volle Minuten aufgerundet, × die oben festgelegten Kosten pro Minute (billing.rate_per_minute)</translation>
    </message>
    <message>
        <source>AAPOR rate</source>
        <translation>AAPOR-Quote</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>%1 = %2
AAPOR Standard Definitions; e = estimated share of eligible cases among those of unknown eligibility.</source>
        <translation>%1 = %2
AAPOR Standard Definitions; e = geschätzter Anteil geeigneter Fälle unter denen mit unbekannter Eignung.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Final disposition</source>
        <translation>Endgültiger Status</translation>
    </message>
    <message>
        <source>e = (I+P+R+NC+O) ÷ (I+P+R+NC+O+NE): the share eligible among the contacts whose eligibility is known, used for RR3, RR4, REF2 and CON2.</source>
        <translation>e = (I+P+R+NC+O) ÷ (I+P+R+NC+O+NE): der Anteil geeigneter Kontakte unter denen mit bekannter Eignung, verwendet für RR3, RR4, REF2 und CON2.</translation>
    </message>
    <message>
        <source>Response rates</source>
        <translation>Response-Quoten</translation>
    </message>
    <message>
        <source>Dispositions</source>
        <translation>Endstatus</translation>
    </message>
    <message>
        <source>No calls in this period. Start the campaign in Campaigns, or choose a longer period.</source>
        <translation>Keine Anrufe in diesem Zeitraum. Starten Sie die Kampagne unter „Kampagnen“, oder wählen Sie einen längeren Zeitraum.</translation>
    </message>
    <message>
        <source>No calls in this period. Create a campaign in Campaigns, import contacts and start it; or choose a longer period.</source>
        <translation>Keine Anrufe in diesem Zeitraum. Legen Sie unter „Kampagnen“ eine Kampagne an, importieren Sie Kontakte und starten Sie sie; oder wählen Sie einen längeren Zeitraum.</translation>
    </message>
    <message>
        <source>Calls by hour of day, in each contact&apos;s local time</source>
        <translation>Anrufe nach Tageszeit, in der Ortszeit des jeweiligen Kontakts</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Call outcomes</source>
        <translation>Anrufergebnisse</translation>
    </message>
    <message>
        <source>First question answered</source>
        <translation>Erste Frage beantwortet</translation>
    </message>
    <message>
        <source>Answered by a person</source>
        <translation>Von einer Person angenommen</translation>
    </message>
    <message>
        <source>Dialed</source>
        <translation>Gewählt</translation>
    </message>
    <message>
        <source>Completion funnel (contacts)</source>
        <translation>Abschlusstrichter (Kontakte)</translation>
    </message>
    <message numerus="yes">
        <source>%n still in progress</source>
        <translation>
            <numerusform>%n noch in Bearbeitung</numerusform>
            <numerusform>%n noch in Bearbeitung</numerusform>
        </translation>
    </message>
    <message>
        <source>answering machines included</source>
        <translation>Anrufbeantworter eingeschlossen</translation>
    </message>
    <message>
        <source>asked not to be called again</source>
        <translation>baten, nicht mehr angerufen zu werden</translation>
    </message>
    <message>
        <source>answered ÷ dialed</source>
        <translation>angenommen ÷ gewählt</translation>
    </message>
    <message>
        <source>completed ÷ answered</source>
        <translation>abgeschlossen ÷ angenommen</translation>
    </message>
    <message numerus="yes">
        <source>%n billed minute(s)</source>
        <translation>
            <numerusform>%n abgerechnete Minute</numerusform>
            <numerusform>%n abgerechnete Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>set the cost per minute above</source>
        <translation>legen Sie oben die Kosten pro Minute fest</translation>
    </message>
    <message numerus="yes">
        <source>e = %1, estimated from the %n contact(s) whose eligibility is known.</source>
        <translation>
            <numerusform>e = %1, geschätzt aus dem %n Kontakt mit bekannter Eignung.</numerusform>
            <numerusform>e = %1, geschätzt aus den %n Kontakten mit bekannter Eignung.</numerusform>
        </translation>
    </message>
    <message>
        <source>e cannot be estimated yet: no contact&apos;s eligibility is known.</source>
        <translation>e kann noch nicht geschätzt werden: Von keinem Kontakt ist die Eignung bekannt.</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Choose a campaign above to see how its questions were answered.</source>
        <translation>Wählen Sie oben eine Kampagne, um zu sehen, wie ihre Fragen beantwortet wurden.</translation>
    </message>
    <message>
        <source>This campaign&apos;s script has no question with choices or numbers to chart.</source>
        <translation>Das Skript dieser Kampagne hat keine Frage mit Auswahlmöglichkeiten oder Zahlen für ein Diagramm.</translation>
    </message>
    <message>
        <source>Nobody answered “%1” in this period yet.</source>
        <translation>Auf „%1“ hat in diesem Zeitraum noch niemand geantwortet.</translation>
    </message>
    <message numerus="yes">
        <source>“%1”: answers by range (%n answer(s))</source>
        <translation>
            <numerusform>„%1“: Antworten nach Bereich (%n Antwort)</numerusform>
            <numerusform>„%1“: Antworten nach Bereich (%n Antworten)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1”: answers by choice (%n answer(s))</source>
        <translation>
            <numerusform>„%1“: Antworten nach Auswahl (%n Antwort)</numerusform>
            <numerusform>„%1“: Antworten nach Auswahl (%n Antworten)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n contact(s) first called</source>
        <translation>
            <numerusform>von %n erstmals angerufenen Kontakt</numerusform>
            <numerusform>von %n erstmals angerufenen Kontakten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vsc::ui::DashboardPane::DashboardPane</name>
    <message>
        <source>In progress (%1)</source>
        <translation>In Bearbeitung (%1)</translation>
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
    <name>vsc::ui::ImportWizard</name>
    <message>
        <source>Save reject report…</source>
        <translation>Ablehnungsbericht speichern…</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>Import contacts into campaign %1</source>
        <translation>Kontakte in Kampagne %1 importieren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>CSV-Datei auswählen</translation>
    </message>
    <message>
        <source>The first row names the columns. UTF-8, comma separated.</source>
        <translation>Die erste Zeile benennt die Spalten. UTF-8, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>Path to a .csv file</source>
        <translation>Pfad zu einer .csv-Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a contact file</source>
        <translation>Kontaktdatei auswählen</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Map the columns</source>
        <translation>Spalten zuordnen</translation>
    </message>
    <message>
        <source>Say what each column holds. Exactly one must be the phone number; other columns are kept as custom fields unless ignored.</source>
        <translation>Geben Sie an, was jede Spalte enthält. Genau eine muss die Rufnummer sein; andere Spalten werden als eigene Felder übernommen, sofern sie nicht ignoriert werden.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Enthält</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Erster Wert</translation>
    </message>
    <message>
        <source>Region for numbers without a +country code:</source>
        <translation>Region für Rufnummern ohne +Ländervorwahl:</translation>
    </message>
    <message>
        <source>Check the file</source>
        <translation>Datei prüfen</translation>
    </message>
    <message>
        <source>Nothing is written yet. Rejected rows are listed with the line they start on.</source>
        <translation>Noch wird nichts geschrieben. Abgelehnte Zeilen werden mit der Zeile aufgeführt, in der sie beginnen.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <source>All rows are written together at the end; cancelling writes nothing.</source>
        <translation>Alle Zeilen werden am Ende gemeinsam geschrieben; beim Abbrechen wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Importing contacts needs the contacts.import permission.</source>
        <translation>Zum Importieren von Kontakten benötigen Sie die Berechtigung contacts.import.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>This is not a readable CSV file: %1</source>
        <translation>Dies ist keine lesbare CSV-Datei: %1</translation>
    </message>
    <message>
        <source>The file is empty; it needs a header row.</source>
        <translation>Die Datei ist leer; sie benötigt eine Kopfzeile.</translation>
    </message>
    <message>
        <source>The first rows of %1 (%2):</source>
        <translation>Die ersten Zeilen von %1 (%2):</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Rufnummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Custom field</source>
        <translation>Eigenes Feld</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorieren</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Alle Zeilen werden geprüft…</translation>
    </message>
    <message>
        <source>%L1 rows read, %L2 valid, %L3 rejected</source>
        <translation>%L1 Zeilen gelesen, %L2 gültig, %L3 abgelehnt</translation>
    </message>
    <message>
        <source>Checking every row… %1</source>
        <translation>Alle Zeilen werden geprüft… %1</translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation>Die Datei kann nicht importiert werden: %1</translation>
    </message>
    <message>
        <source>%L1 contacts imported.</source>
        <translation>%L1 Kontakte importiert.</translation>
    </message>
    <message>
        <source>%L1 contacts imported into campaign %2 from %3 rows; %L4 rows rejected (%L5 duplicates in the file, %L6 already in the campaign, %L7 suppressed).</source>
        <translation>%L1 Kontakte aus %3 Zeilen in Kampagne %2 importiert; %L4 Zeilen abgelehnt (%L5 Duplikate in der Datei, %L6 bereits in der Kampagne, %L7 auf der Sperrliste).</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>Der Import wurde abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>The import failed and nothing was written: %1</source>
        <translation>Der Import ist fehlgeschlagen, es wurde nichts geschrieben: %1</translation>
    </message>
    <message>
        <source>%L1 rows read: %L2 can be imported, %L3 rejected.
Duplicates in the file: %L4. Already in the campaign: %L5. Suppressed (do not call): %L6. Invalid or missing numbers: %L7. Other problems: %L8.</source>
        <translation>%L1 Zeilen gelesen: %L2 können importiert werden, %L3 abgelehnt.
Duplikate in der Datei: %L4. Bereits in der Kampagne: %L5. Auf der Sperrliste: %L6. Ungültige oder fehlende Rufnummern: %L7. Andere Probleme: %L8.</translation>
    </message>
    <message>
        <source>The first %L1 rejected rows are shown; the saved report has all of them.</source>
        <translation>Die ersten %L1 abgelehnten Zeilen werden angezeigt; der gespeicherte Bericht enthält alle.</translation>
    </message>
    <message>
        <source>Save the reject report</source>
        <translation>Ablehnungsbericht speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Reject report</source>
        <translation>Ablehnungsbericht</translation>
    </message>
    <message>
        <source>The report could not be saved: %1</source>
        <translation>Der Bericht konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>vsc::ui::LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>System (%1)</translation>
    </message>
    <message>
        <source>The console shows the new language after it restarts. Numbers and dates follow the language you choose; with System, the desktop&apos;s settings.</source>
        <translation>Die Konsole zeigt die neue Sprache nach einem Neustart. Zahlen und Datumsangaben folgen der gewählten Sprache, bei „System“ den Einstellungen des Desktops.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
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
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Anrufbeantworter</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Letzte Antwort</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>Annahme</translation>
    </message>
    <message>
        <source>Ended by</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>In the simulated call&apos;s time (%1× the wall clock)</source>
        <translation>In der Zeit des simulierten Anrufs (%1-fache Echtzeit)</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>Recognised with %1 confidence</source>
        <translation>Mit %1 Sicherheit erkannt</translation>
    </message>
</context>
<context>
    <name>vsc::ui::LiveMonitorPane</name>
    <message>
        <source>Live calls</source>
        <translation>Laufende Anrufe</translation>
    </message>
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
        <translation>%1 – %2</translation>
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
    <message numerus="yes">
        <source>%n call(s) in progress.</source>
        <translation>
            <numerusform>%n laufender Anruf.</numerusform>
            <numerusform>%n laufende Anrufe.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hung up from the monitor</source>
        <translation>Im Monitor aufgelegt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Alle Kampagnen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All calls</source>
        <translation>Alle Anrufe</translation>
    </message>
    <message>
        <source>On the line</source>
        <translation>In der Leitung</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Klingelt</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Im Gespräch</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Search campaign, contact, number, question, answer…</source>
        <translation>Kampagne, Kontakt, Nummer, Frage, Antwort suchen…</translation>
    </message>
    <message>
        <source>Search calls</source>
        <translation>Anrufe durchsuchen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Answers so far</source>
        <translation>Bisherige Antworten</translation>
    </message>
    <message>
        <source>Select a call that is still on the line</source>
        <translation>Wählen Sie einen Anruf, der noch in der Leitung ist</translation>
    </message>
    <message>
        <source>End call %1 now? The respondent hears the line go dead. Your name is recorded.</source>
        <translation>Anruf %1 jetzt beenden? Die angerufene Person hört, wie die Leitung getrennt wird. Ihr Name wird protokolliert.</translation>
    </message>
    <message>
        <source>Select a call to see its events and answers as they happen.</source>
        <translation>Wählen Sie einen Anruf, um seine Ereignisse und Antworten live zu verfolgen.</translation>
    </message>
    <message>
        <source>Call %1 · %2 · %3</source>
        <translation>Anruf %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Ended from the monitor by %1.</source>
        <translation>Im Monitor beendet von %1.</translation>
    </message>
</context>
<context>
    <name>vsc::ui::MailSettingsDialog</name>
    <message>
        <source>Enter the password for this user; it is kept in the keychain.</source>
        <translation>Geben Sie das Passwort dieses Benutzers ein; es wird im Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <source>Send &amp;test mail</source>
        <translation>&amp;Testmail senden</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (meist Port 587)</translation>
    </message>
    <message>
        <source>TLS (usually port 465)</source>
        <translation>TLS (meist Port 465)</translation>
    </message>
    <message>
        <source>None (only to this computer)</source>
        <translation>Keine (nur zu diesem Computer)</translation>
    </message>
    <message>
        <source>empty: the server needs no sign-in</source>
        <translation>leer: Der Server verlangt keine Anmeldung</translation>
    </message>
    <message>
        <source>empty: the system&apos;s certificate authorities</source>
        <translation>leer: die Zertifizierungsstellen des Systems</translation>
    </message>
    <message>
        <source>your address</source>
        <translation>Ihre Adresse</translation>
    </message>
    <message>
        <source>kept in the keychain</source>
        <translation>wird im Schlüsselbund aufbewahrt</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Campaign reports and the daily summary go out through this mail server, to the recipients set on each campaign.</source>
        <translation>Kampagnenberichte und die tägliche Zusammenfassung werden über diesen Mailserver an die Empfänger gesendet, die bei jeder Kampagne eingetragen sind.</translation>
    </message>
    <message>
        <source>Mail &amp;server:</source>
        <translation>Ma&amp;ilserver:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Security:</source>
        <translation>&amp;Sicherheit:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;From address:</source>
        <translation>&amp;Absenderadresse:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>Test &amp;mail to:</source>
        <translation>Test&amp;mail an:</translation>
    </message>
    <message>
        <source>Sending a test mail to %1…</source>
        <translation>Testmail an %1 wird gesendet…</translation>
    </message>
    <message>
        <source>The server accepted the test mail to %1.</source>
        <translation>Der Server hat die Testmail an %1 angenommen.</translation>
    </message>
    <message>
        <source>The test mail was not sent: %1</source>
        <translation>Die Testmail wurde nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Fix the fields marked above, then save again.</source>
        <translation>Korrigieren Sie die oben markierten Felder und speichern Sie erneut.</translation>
    </message>
</context>
<context>
    <name>vsc::ui::MainWindow</name>
    <message>
        <source>Panes</source>
        <translation>Bereiche</translation>
    </message>
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
    <message>
        <source>Scripts</source>
        <translation>Skripte</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>Sperrliste</translation>
    </message>
    <message>
        <source>&amp;Twilio…</source>
        <translation>&amp;Twilio…</translation>
    </message>
    <message>
        <source>Twilio</source>
        <translation>Twilio</translation>
    </message>
    <message>
        <source>The settings are saved. The console dials with them after it restarts; calls in progress go on until then.

Restart now?</source>
        <translation>Die Einstellungen sind gespeichert. Die Konsole wählt nach einem Neustart damit; laufende Anrufe gehen bis dahin weiter.

Jetzt neu starten?</translation>
    </message>
    <message>
        <source>&amp;Language…</source>
        <translation>&amp;Sprache…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The console shows the new language after it restarts; calls in progress go on.

Restart now?</source>
        <translation>Die Konsole zeigt die neue Sprache nach einem Neustart; laufende Anrufe gehen weiter.

Jetzt neu starten?</translation>
    </message>
    <message>
        <source>&amp;E-mail…</source>
        <translation>&amp;E-Mail…</translation>
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
    <message>
        <source>the console on %1 (process %2)</source>
        <translation>Konsole auf %1 (Prozess %2)</translation>
    </message>
    <message>
        <source>a headless dialer on %1 (process %2)</source>
        <translation>Dialer ohne Oberfläche auf %1 (Prozess %2)</translation>
    </message>
</context>
<context>
    <name>vsc::ui::ResultsPane</name>
    <message>
        <source>No results yet: there is no campaign. Create one in Campaigns, import its contacts and start dialing; every contact&apos;s answers then appear here.</source>
        <translation>Noch keine Ergebnisse: Es gibt keine Kampagne. Legen Sie unter „Kampagnen“ eine an, importieren Sie ihre Kontakte und starten Sie die Wahl; die Antworten jedes Kontakts erscheinen dann hier.</translation>
    </message>
    <message>
        <source>This campaign has no contacts yet. Import them in Campaigns with Import contacts…, then start dialing; each contact&apos;s answers appear here.</source>
        <translation>Diese Kampagne hat noch keine Kontakte. Importieren Sie sie unter „Kampagnen“ mit „Kontakte importieren…“ und starten Sie dann die Wahl; die Antworten jedes Kontakts erscheinen hier.</translation>
    </message>
    <message>
        <source>Results, one row per contact</source>
        <translation>Ergebnisse, eine Zeile je Kontakt</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Endstatus</translation>
    </message>
    <message>
        <source>Answer contains</source>
        <translation>Antwort enthält</translation>
    </message>
    <message>
        <source>Number contains</source>
        <translation>Nummer enthält</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Every disposition</source>
        <translation>Alle Ausgänge</translation>
    </message>
    <message>
        <source>Answer contains…</source>
        <translation>Antwort enthält…</translation>
    </message>
    <message>
        <source>Number contains…</source>
        <translation>Rufnummer enthält…</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>Kampagne:</translation>
    </message>
    <message numerus="yes">
        <source>%n contacts</source>
        <translation>
            <numerusform>%n Kontakt</numerusform>
            <numerusform>%n Kontakte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contacts loaded; more load as you scroll</source>
        <translation>
            <numerusform>%n Kontakt geladen; weitere werden beim Blättern geladen</numerusform>
            <numerusform>%n Kontakte geladen; weitere werden beim Blättern geladen</numerusform>
        </translation>
    </message>
    <message>
        <source>No campaign yet.</source>
        <translation>Noch keine Kampagne.</translation>
    </message>
    <message>
        <source>No contacts match.</source>
        <translation>Keine passenden Kontakte.</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv);;SPSS data (*.sav)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx);;CSV, UTF-8 (*.csv);;SPSS-Daten (*.sav)</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Exported %L1 of %L2 contacts…</source>
        <translation>%L1 von %L2 Kontakten exportiert…</translation>
    </message>
    <message>
        <source>%L1 rows written to %2.</source>
        <translation>%L1 Zeilen in %2 geschrieben.</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Why not dialed?</source>
        <translation>Warum nicht angerufen?</translation>
    </message>
    <message>
        <source>Whether the selected contact is called now, and what holds it back</source>
        <translation>Ob der ausgewählte Kontakt jetzt angerufen wird und was ihn zurückhält</translation>
    </message>
    <message>
        <source>Contact %1 is dialable now.</source>
        <translation>Kontakt %1 kann jetzt angerufen werden.</translation>
    </message>
    <message>
        <source>Contact %1 is not called now:</source>
        <translation>Kontakt %1 wird jetzt nicht angerufen:</translation>
    </message>
    <message>
        <source>Next chance: %1.</source>
        <translation>Nächste Gelegenheit: %1.</translation>
    </message>
</context>
<context>
    <name>vsc::ui::ResultsTableModel</name>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Refused / partial</source>
        <translation>Verweigert / teilweise</translation>
    </message>
    <message>
        <source>Answering machine</source>
        <translation>Anrufbeantworter</translation>
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
        <source>Invalid number</source>
        <translation>Ungültige Rufnummer</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>Sperrliste</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Not yet dialed</source>
        <translation>Noch nicht gewählt</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Rufnummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Letzter Versuch</translation>
    </message>
    <message>
        <source>Script version</source>
        <translation>Skriptversion</translation>
    </message>
</context>
<context>
    <name>vsc::ui::ScriptEditorDialog</name>
    <message>
        <source>Yes / no</source>
        <translation>Ja / Nein</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>Einfachauswahl</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>Free speech</source>
        <translation>Freie Rede</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>Import JSON…</source>
        <translation>JSON importieren…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>JSON exportieren…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Script editor</source>
        <translation>Skripteditor</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Skript</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Ausprobieren</translation>
    </message>
    <message>
        <source>Double-click a problem to go to its place</source>
        <translation>Doppelklicken Sie auf ein Problem, um zur betroffenen Stelle zu springen</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>%1 rückgängig machen</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>%1 wiederholen</translation>
    </message>
    <message>
        <source>Script editor — %1%2</source>
        <translation>Skripteditor — %1%2</translation>
    </message>
    <message>
        <source>Saving needs the campaign.edit permission</source>
        <translation>Zum Speichern benötigen Sie die Berechtigung campaign.edit</translation>
    </message>
    <message>
        <source>New survey</source>
        <translation>Neue Umfrage</translation>
    </message>
    <message>
        <source>Could not open version %1: %2</source>
        <translation>Version %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Script editor — %1</source>
        <translation>Skripteditor — %1</translation>
    </message>
    <message>
        <source>Drag to reorder</source>
        <translation>Zum Umsortieren ziehen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Questions, in the order they are asked:</source>
        <translation>Fragen in der Reihenfolge, in der sie gestellt werden:</translation>
    </message>
    <message>
        <source>e.g. nps (letters, digits, _ and -)</source>
        <translation>z. B. nps (Buchstaben, Ziffern, _ und -)</translation>
    </message>
    <message>
        <source>What the caller hears, e.g. &quot;From zero to ten…&quot;</source>
        <translation>Was die angerufene Person hört, z. B. „Auf einer Skala von null bis zehn…“</translation>
    </message>
    <message>
        <source>Required (see the no-input policy)</source>
        <translation>Pflichtfrage (siehe Verhalten ohne Eingabe)</translation>
    </message>
    <message>
        <source>Default: &quot;Sorry, I didn&apos;t catch that.&quot;</source>
        <translation>Standard: „Entschuldigung, das habe ich nicht verstanden.“</translation>
    </message>
    <message>
        <source>Key 1 or &quot;yes&quot; answers yes; key 2 or &quot;no&quot; answers no. Stored as yes / no.</source>
        <translation>Taste 1 oder „ja“ bedeutet Ja; Taste 2 oder „nein“ bedeutet Nein. Gespeichert als yes / no.</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>Gespeicherter Wert</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <source>Spoken synonyms (comma-separated)</source>
        <translation>Gesprochene Synonyme (durch Kommas getrennt)</translation>
    </message>
    <message>
        <source>Add option</source>
        <translation>Option hinzufügen</translation>
    </message>
    <message>
        <source>Remove option</source>
        <translation>Option entfernen</translation>
    </message>
    <message>
        <source>Smallest answer:</source>
        <translation>Kleinste Antwort:</translation>
    </message>
    <message>
        <source>Largest answer:</source>
        <translation>Größte Antwort:</translation>
    </message>
    <message>
        <source>Above 9 the caller ends the number with #.</source>
        <translation>Ab 10 schließt die angerufene Person die Zahl mit # ab.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Longest answer:</source>
        <translation>Längste Antwort:</translation>
    </message>
    <message>
        <source>When the answer is</source>
        <translation>Wenn die Antwort lautet</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Weiter zu</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>Regel entfernen</translation>
    </message>
    <message>
        <source>Values, comma-separated: yes · speed · 7 · a range 0-6 · * for any answer. The first rule that matches wins; otherwise the next question follows.</source>
        <translation>Werte, durch Kommas getrennt: yes · speed · 7 · ein Bereich 0-6 · * für jede Antwort. Die erste passende Regel gilt; sonst folgt die nächste Frage.</translation>
    </message>
    <message>
        <source>Branching</source>
        <translation>Verzweigung</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>Kennung:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>Ansage:</translation>
    </message>
    <message>
        <source>Reprompt:</source>
        <translation>Nachfrage:</translation>
    </message>
    <message>
        <source>Reprompts:</source>
        <translation>Nachfragen:</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Shown in the console, e.g. Customer satisfaction</source>
        <translation>In der Konsole angezeigt, z. B. Kundenzufriedenheit</translation>
    </message>
    <message>
        <source>Said before the first question</source>
        <translation>Wird vor der ersten Frage gesprochen</translation>
    </message>
    <message>
        <source>Default: &quot;Thank you. Goodbye.&quot;</source>
        <translation>Standard: „Vielen Dank. Auf Wiederhören.“</translation>
    </message>
    <message>
        <source>Required when a question records, e.g. &quot;This call is recorded…&quot;</source>
        <translation>Erforderlich, wenn eine Frage aufzeichnet, z. B. „Dieser Anruf wird aufgezeichnet…“</translation>
    </message>
    <message>
        <source>Speech answers below this confidence are confirmed with the caller</source>
        <translation>Gesprochene Antworten unter dieser Erkennungssicherheit werden bei der angerufenen Person rückgefragt</translation>
    </message>
    <message>
        <source>Skip the question</source>
        <translation>Frage überspringen</translation>
    </message>
    <message>
        <source>End the call politely</source>
        <translation>Anruf höflich beenden</translation>
    </message>
    <message>
        <source>Besides the built-in ones (stop calling, nicht mehr anrufen, …)</source>
        <translation>Zusätzlich zu den eingebauten (stop calling, nicht mehr anrufen, …)</translation>
    </message>
    <message>
        <source>Default: &quot;We will not call you again. Goodbye.&quot;</source>
        <translation>Standard: „Wir rufen Sie nicht mehr an. Auf Wiederhören.“</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Voice:</source>
        <translation>Stimme:</translation>
    </message>
    <message>
        <source>Intro:</source>
        <translation>Begrüßung:</translation>
    </message>
    <message>
        <source>Outro:</source>
        <translation>Verabschiedung:</translation>
    </message>
    <message>
        <source>Recording disclosure:</source>
        <translation>Hinweis auf Aufzeichnung:</translation>
    </message>
    <message>
        <source>Confirm speech below:</source>
        <translation>Sprache rückfragen unter:</translation>
    </message>
    <message>
        <source>No answer after reprompts:</source>
        <translation>Keine Antwort nach Nachfragen:</translation>
    </message>
    <message>
        <source>Opting out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Taste:</translation>
    </message>
    <message>
        <source>Extra phrases (comma-separated):</source>
        <translation>Weitere Wendungen (durch Kommas getrennt):</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Nachricht:</translation>
    </message>
    <message>
        <source>e.g. de-DE</source>
        <translation>z. B. de-DE</translation>
    </message>
    <message>
        <source>Add language</source>
        <translation>Sprache hinzufügen</translation>
    </message>
    <message>
        <source>A contact whose language matches (exactly, or by its first part: de-AT → de-DE) hears the variant; everyone else the script&apos;s own texts.</source>
        <translation>Ein Kontakt, dessen Sprache passt (genau oder im ersten Teil: de-AT → de-DE), hört diese Variante; alle anderen die Texte des Skripts selbst.</translation>
    </message>
    <message>
        <source>Empty: the script&apos;s own text</source>
        <translation>Leer: der Text des Skripts selbst</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Prompt in this language</source>
        <translation>Ansage in dieser Sprache</translation>
    </message>
    <message>
        <source>Reprompt</source>
        <translation>Nachfrage</translation>
    </message>
    <message>
        <source>Option words (speed: schnell; …)</source>
        <translation>Wörter für Optionen (speed: schnell; …)</translation>
    </message>
    <message>
        <source>Opt-out message:</source>
        <translation>Abmeldenachricht:</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>voice</source>
        <translation>Stimme</translation>
    </message>
    <message>
        <source>opt-out key</source>
        <translation>Abmeldetaste</translation>
    </message>
    <message>
        <source>opt-out phrases</source>
        <translation>Abmeldewendungen</translation>
    </message>
    <message>
        <source>opt-out message</source>
        <translation>Abmeldenachricht</translation>
    </message>
    <message>
        <source>intro</source>
        <translation>Begrüßung</translation>
    </message>
    <message>
        <source>outro</source>
        <translation>Verabschiedung</translation>
    </message>
    <message>
        <source>recording disclosure</source>
        <translation>Hinweis auf Aufzeichnung</translation>
    </message>
    <message>
        <source>confidence threshold</source>
        <translation>Schwelle der Erkennungssicherheit</translation>
    </message>
    <message>
        <source>no-input policy</source>
        <translation>Verhalten ohne Eingabe</translation>
    </message>
    <message>
        <source>add question %1</source>
        <translation>Frage %1 hinzufügen</translation>
    </message>
    <message>
        <source>duplicate question %1</source>
        <translation>Frage %1 duplizieren</translation>
    </message>
    <message>
        <source>remove question %1</source>
        <translation>Frage %1 entfernen</translation>
    </message>
    <message>
        <source>add language %1</source>
        <translation>Sprache %1 hinzufügen</translation>
    </message>
    <message>
        <source>remove language %1</source>
        <translation>Sprache %1 entfernen</translation>
    </message>
    <message>
        <source>replace the script</source>
        <translation>Skript ersetzen</translation>
    </message>
    <message>
        <source>In %1: %2</source>
        <translation>In %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems: the script is ready to save and run.</source>
        <translation>Keine Probleme: Das Skript kann gespeichert und ausgeführt werden.</translation>
    </message>
    <message>
        <source>%1; the script can be saved.</source>
        <translation>%1; das Skript kann gespeichert werden.</translation>
    </message>
    <message>
        <source>%1 to fix before saving.</source>
        <translation>%1 vor dem Speichern zu beheben.</translation>
    </message>
    <message>
        <source>%1 to fix before saving, %2.</source>
        <translation>%1 vor dem Speichern zu beheben, %2.</translation>
    </message>
    <message>
        <source>edit question %1</source>
        <translation>Frage %1 bearbeiten</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>texts in %1</source>
        <translation>Texte auf %1</translation>
    </message>
    <message>
        <source>move question %1</source>
        <translation>Frage %1 verschieben</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Nicht gespeichert.</translation>
    </message>
    <message>
        <source>Save script</source>
        <translation>Skript speichern</translation>
    </message>
    <message>
        <source>Fix the errors in the problems list first.

%1</source>
        <translation>Beheben Sie zuerst die Fehler in der Problemliste.

%1</translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation>Als Version %1 gespeichert.</translation>
    </message>
    <message>
        <source>Import script</source>
        <translation>Skript importieren</translation>
    </message>
    <message>
        <source>Survey scripts (*.json)</source>
        <translation>Umfrageskripte (*.json)</translation>
    </message>
    <message>
        <source>%1 is not a script: %2</source>
        <translation>%1 ist kein Skript: %2</translation>
    </message>
    <message>
        <source>import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>Imported %1; Save stores it as a new version.</source>
        <translation>%1 importiert; „Speichern“ legt es als neue Version ab.</translation>
    </message>
    <message>
        <source>Export script</source>
        <translation>Skript exportieren</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to &quot;%1&quot; as a new version?</source>
        <translation>Änderungen an „%1“ als neue Version speichern?</translation>
    </message>
</context>
<context>
    <name>vsc::ui::ScriptsPane</name>
    <message>
        <source>No scripts yet. Write one with New script…, or import a script saved as JSON.</source>
        <translation>Noch keine Skripte. Schreiben Sie eines mit „Neues Skript…“ oder importieren Sie ein als JSON gespeichertes Skript.</translation>
    </message>
    <message>
        <source>New script…</source>
        <translation>Neues Skript…</translation>
    </message>
    <message>
        <source>Scripts and their versions</source>
        <translation>Skripte und ihre Versionen</translation>
    </message>
    <message>
        <source>Scripts</source>
        <translation>Skripte</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Try it…</source>
        <translation>Ausprobieren…</translation>
    </message>
    <message>
        <source>Import JSON…</source>
        <translation>JSON importieren…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>JSON exportieren…</translation>
    </message>
    <message>
        <source>Script / version</source>
        <translation>Skript / Version</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Saving an edited script adds a version; calls in progress keep the version they started with.</source>
        <translation>Das Speichern eines bearbeiteten Skripts legt eine neue Version an; laufende Anrufe behalten die Version, mit der sie begonnen haben.</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n Version</numerusform>
            <numerusform>%n Versionen</numerusform>
        </translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>Ansehen…</translation>
    </message>
    <message>
        <source>Import script</source>
        <translation>Skript importieren</translation>
    </message>
    <message>
        <source>Survey scripts (*.json)</source>
        <translation>Umfrageskripte (*.json)</translation>
    </message>
    <message>
        <source>Export script</source>
        <translation>Skript exportieren</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>vsc::ui::SettingsForm</name>
    <message>
        <source>stored in the keychain; type to replace</source>
        <translation>im Schlüsselbund gespeichert; zum Ersetzen neu eingeben</translation>
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
    <name>vsc::ui::SuppressionPane</name>
    <message>
        <source>The do-not-call list is empty. A number lands here when its owner opts out during a call; add one by hand with Add number…, or import a list with Import CSV….</source>
        <translation>Die Sperrliste ist leer. Eine Nummer kommt hierher, wenn ihr Inhaber während eines Anrufs widerspricht; fügen Sie eine mit „Nummer hinzufügen…“ von Hand hinzu oder importieren Sie eine Liste mit „CSV importieren…“.</translation>
    </message>
    <message>
        <source>Add number…</source>
        <translation>Nummer hinzufügen…</translation>
    </message>
    <message>
        <source>Numbers not to call</source>
        <translation>Nicht anzurufende Nummern</translation>
    </message>
    <message>
        <source>Search by number</source>
        <translation>Nach Nummer suchen</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>Sperrliste</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV importieren…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Numbers are masked for you, so they cannot be searched.</source>
        <translation>Rufnummern sind für Sie maskiert und können daher nicht durchsucht werden.</translation>
    </message>
    <message>
        <source>The newest %L1 entries; search to find others.</source>
        <translation>Die neuesten %L1 Einträge; suchen Sie, um weitere zu finden.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove from the do-not-call list</source>
        <translation>Von der Sperrliste entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from the do-not-call list? It may be called again.</source>
        <translation>%1 von der Sperrliste entfernen? Die Rufnummer darf dann wieder angerufen werden.</translation>
    </message>
    <message>
        <source>Import do-not-call numbers</source>
        <translation>Rufnummern in die Sperrliste importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%L1 rows read, %L2 added, %L3 not added.</source>
        <translation>%L1 Zeilen gelesen, %L2 hinzugefügt, %L3 nicht hinzugefügt.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>… und %1 weitere.</translation>
    </message>
    <message>
        <source>Export the do-not-call list</source>
        <translation>Sperrliste exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>vsc::ui::SuppressionTableModel</name>
    <message>
        <source>Added by hand</source>
        <translation>Von Hand hinzugefügt</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Opted out during a call</source>
        <translation>Während eines Anrufs abgemeldet</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Rufnummer</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Geltungsbereich</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Hinzugefügt von</translation>
    </message>
    <message>
        <source>Campaign %1</source>
        <translation>Kampagne %1</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Alle Kampagnen</translation>
    </message>
    <message>
        <source>the caller</source>
        <translation>die angerufene Person</translation>
    </message>
</context>
<context>
    <name>vsc::ui::TryItPanel</name>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Say</source>
        <translation>Sagen</translation>
    </message>
    <message>
        <source>Send keys</source>
        <translation>Tasten senden</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Stille</translation>
    </message>
    <message>
        <source>Record 5 s</source>
        <translation>5 s aufnehmen</translation>
    </message>
    <message>
        <source>The caller&apos;s language: picks the script&apos;s variant as a contact&apos;s language does</source>
        <translation>Die Sprache der angerufenen Person: wählt die Skriptvariante wie die Sprache eines Kontakts</translation>
    </message>
    <message>
        <source>What the caller hears appears here.</source>
        <translation>Hier erscheint, was die angerufene Person hört.</translation>
    </message>
    <message>
        <source>The TwiML of the latest turn.</source>
        <translation>Das TwiML des letzten Schritts.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>Gespeicherter Wert</translation>
    </message>
    <message>
        <source>Heard</source>
        <translation>Gehört</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Danach</translation>
    </message>
    <message>
        <source>Type what the caller says, then press Enter</source>
        <translation>Geben Sie ein, was die angerufene Person sagt, und drücken Sie die Eingabetaste</translation>
    </message>
    <message>
        <source>Speech recognition confidence; below the script&apos;s threshold the answer is confirmed</source>
        <translation>Sicherheit der Spracherkennung; unter der Schwelle des Skripts wird die Antwort rückgefragt</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Caller&apos;s language:</source>
        <translation>Sprache der angerufenen Person:</translation>
    </message>
    <message>
        <source>Confidence:</source>
        <translation>Erkennungssicherheit:</translation>
    </message>
    <message>
        <source>The caller</source>
        <translation>Die angerufene Person</translation>
    </message>
    <message>
        <source>TwiML of this turn</source>
        <translation>TwiML dieses Schritts</translation>
    </message>
    <message>
        <source>%1 (the script&apos;s own)</source>
        <translation>%1 (die des Skripts)</translation>
    </message>
    <message>
        <source>Add a question to try the script.</source>
        <translation>Fügen Sie eine Frage hinzu, um das Skript auszuprobieren.</translation>
    </message>
    <message>
        <source>says &quot;%1&quot; (confidence %2)</source>
        <translation>sagt „%1“ (Sicherheit %2)</translation>
    </message>
    <message>
        <source>presses %1</source>
        <translation>drückt %1</translation>
    </message>
    <message>
        <source>says nothing</source>
        <translation>sagt nichts</translation>
    </message>
    <message>
        <source>records 5 seconds</source>
        <translation>nimmt 5 Sekunden auf</translation>
    </message>
    <message>
        <source>end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>branch %1 → %2</source>
        <translation>Verzweigung %1 → %2</translation>
    </message>
    <message>
        <source>next → %1</source>
        <translation>weiter → %1</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Angerufene Person</translation>
    </message>
    <message>
        <source>keys %1</source>
        <translation>Tasten %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; @%2</source>
        <translation>„%1“ @%2</translation>
    </message>
    <message>
        <source>(skipped)</source>
        <translation>(übersprungen)</translation>
    </message>
    <message>
        <source>The caller opted out: a real call would put the number on the do-not-call list.</source>
        <translation>Die angerufene Person hat sich abgemeldet: Ein echter Anruf würde die Rufnummer auf die Sperrliste setzen.</translation>
    </message>
    <message>
        <source>The survey is complete. Restart to try again.</source>
        <translation>Die Umfrage ist abgeschlossen. Starten Sie neu, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <source>The call ended early. Restart to try again.</source>
        <translation>Der Anruf endete vorzeitig. Starten Sie neu, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <source>Confidence below the threshold: the caller is asked to confirm.</source>
        <translation>Sicherheit unter der Schwelle: Die angerufene Person wird um Bestätigung gebeten.</translation>
    </message>
    <message>
        <source>Asking &apos;%1&apos; (%2)%3</source>
        <translation>Frage „%1“ (%2)%3</translation>
    </message>
    <message>
        <source>, reprompt %1</source>
        <translation>, Nachfrage %1</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>hangs up</source>
        <translation>legt auf</translation>
    </message>
</context>
<context>
    <name>vsc::ui::TwilioSettingsDialog</name>
    <message>
        <source>&amp;Dial through Twilio</source>
        <translation>Über Twilio &amp;wählen</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Twilio</source>
        <translation>Twilio</translation>
    </message>
    <message>
        <source>optional: SK…</source>
        <translation>optional: SK…</translation>
    </message>
    <message>
        <source>from the Twilio console; kept in the keychain</source>
        <translation>aus der Twilio-Konsole; wird im Schlüsselbund aufbewahrt</translation>
    </message>
    <message>
        <source>kept in the keychain</source>
        <translation>wird im Schlüsselbund aufbewahrt</translation>
    </message>
    <message>
        <source>Without Twilio the console dials through its simulated carrier: nothing leaves this computer. With Twilio, calls go out from the account below and Twilio calls this console back at the public URL, which your reverse proxy forwards to the listen address.</source>
        <translation>Ohne Twilio wählt die Konsole über ihren simulierten Netzbetreiber: Nichts verlässt diesen Computer. Mit Twilio gehen Anrufe vom unten angegebenen Konto aus, und Twilio meldet sich bei dieser Konsole über die öffentliche URL zurück, die Ihr Reverse-Proxy an die Empfangsadresse weiterleitet.</translation>
    </message>
    <message>
        <source>&amp;Account SID:</source>
        <translation>&amp;Konto-SID:</translation>
    </message>
    <message>
        <source>Auth &amp;token:</source>
        <translation>Auth-&amp;Token:</translation>
    </message>
    <message>
        <source>API &amp;key SID:</source>
        <translation>API-&amp;Schlüssel-SID:</translation>
    </message>
    <message>
        <source>API key &amp;secret:</source>
        <translation>API-Schlüssel-&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>REST API &amp;URL:</source>
        <translation>REST-API-&amp;URL:</translation>
    </message>
    <message>
        <source>Webhooks &amp;listen on:</source>
        <translation>Webhooks &amp;empfangen auf:</translation>
    </message>
    <message>
        <source>&amp;Public URL:</source>
        <translation>Ö&amp;ffentliche URL:</translation>
    </message>
    <message>
        <source>Default phone &amp;region:</source>
        <translation>Standard-Telefon&amp;region:</translation>
    </message>
    <message>
        <source>Enter the auth token (or the API key&apos;s secret) first.</source>
        <translation>Geben Sie zuerst das Auth-Token (oder das Geheimnis des API-Schlüssels) ein.</translation>
    </message>
    <message>
        <source>This console has no network access.</source>
        <translation>Diese Konsole hat keinen Netzwerkzugang.</translation>
    </message>
    <message>
        <source>Asking Twilio…</source>
        <translation>Twilio wird abgefragt…</translation>
    </message>
    <message>
        <source>%1  %2 (verified caller ID)</source>
        <translation>%1  %2 (bestätigte Absenderkennung)</translation>
    </message>
    <message>
        <source>Fix the fields marked above, then save again.</source>
        <translation>Korrigieren Sie die oben markierten Felder und speichern Sie erneut.</translation>
    </message>
    <message numerus="yes">
        <source>Connected to &quot;%1&quot; (%2, %3). Calls may come from %n number(s):</source>
        <translation>
            <numerusform>Verbunden mit „%1“ (%2, %3). Anrufe können von %n Rufnummer ausgehen:</numerusform>
            <numerusform>Verbunden mit „%1“ (%2, %3). Anrufe können von %n Rufnummern ausgehen:</numerusform>
        </translation>
    </message>
    <message>
        <source> (Twilio error %1)</source>
        <translation> (Twilio-Fehler %1)</translation>
    </message>
    <message>
        <source>Twilio refused the account SID or the secret%1: check them in the Twilio console.</source>
        <translation>Twilio hat die Konto-SID oder das Geheimnis abgelehnt%1: Prüfen Sie beides in der Twilio-Konsole.</translation>
    </message>
    <message>
        <source>Twilio could not be reached: check the network connection and the REST API URL.</source>
        <translation>Twilio ist nicht erreichbar: Prüfen Sie die Netzwerkverbindung und die REST-API-URL.</translation>
    </message>
    <message>
        <source>Twilio does not know this account%1: check the account SID and the REST API URL.</source>
        <translation>Twilio kennt dieses Konto nicht%1: Prüfen Sie die Konto-SID und die REST-API-URL.</translation>
    </message>
    <message>
        <source>Twilio answered with an error%1; the log has its details.</source>
        <translation>Twilio hat mit einem Fehler geantwortet%1; Einzelheiten stehen im Protokoll.</translation>
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
