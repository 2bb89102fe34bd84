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
    <message>
        <source>Cannot dial: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialing: simulated carrier (Settings → Twilio to dial for real)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialing: Twilio %1…%2, callbacks at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported 412,000 of 1,000,000 contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call outcomes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc</name>
    <message>
        <source>another campaign is called &quot;%1&quot;; choose another name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no script version %1; choose a stored script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter the number calls come from, in E.164 form such as +14155550100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start with + and the country code, e.g. +14155550100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a phone number; use E.164 form such as +14155550100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such number in its country&apos;s numbering plan; check the digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write it as %1 (E.164: + and digits only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter a BCP 47 language tag such as en-US</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a BCP 47 language tag; use the form en-US or de-DE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown language code &quot;%1&quot;; use an ISO 639 code such as en or de</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shorten the name to 200 characters or fewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a voice, e.g. Polly.Joanna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter the start as HH:mm, e.g. 08:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter the end as HH:mm, e.g. 21:00 (00:00 = end of the day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>make the end later than the start (%1); 00:00 means the end of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a weekday number; use 1 (Monday) to 7 (Sunday)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weekday %1 is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every weekday is blocked; leave at least one day to call on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date; use YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use more than 0 and at most %1 calls per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use 1 to %1 concurrent calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use 1 to %1 attempts per contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown outcome; use one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use a whole number of seconds from 0 to %1 (30 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quota needs the contact field it counts by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give each value of %1 its target, e.g. {&quot;West&quot;: 50}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quota cell needs the value it counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use a whole number of completed interviews, 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write the message to leave, or choose &quot;hang up&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a stopped campaign keeps its settings; duplicate it to run it again with changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot change while the campaign is %1; calls in flight use it (stop it, or duplicate the campaign)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has %1 fields, the header has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid phone number: &apos;%1&apos; cannot be read as a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid phone number: &apos;%1&apos; is not a valid number for its region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown time zone &apos;%1&apos; (use an IANA name such as America/Chicago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate in file: %1 is also on line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate in campaign: %1 is already a contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suppressed: %1 is on the do-not-call list (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required: a range names both ends, {&quot;min&quot;: 0, &quot;max&quot;: 6}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object of languages, {&quot;de-DE&quot;: {...}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object by question id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object: option value -&gt; words, {&quot;speed&quot;: [&quot;schnell&quot;]}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown type &apos;%1&apos; (expected yes_no, single_choice, numeric, free_speech or recording)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a language tag such as en-US or de-DE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 0 and 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a keypad key (0-9, * or #)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must start with a letter and use only letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;end&apos; is reserved for branches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate id &apos;%1&apos; (first used by questions[%2])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate key &apos;%1&apos; (also options[%2])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the opt-out key %1 selects this option here, so it cannot opt out during this question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is also said for options[%2]; speech could not tell them apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a single_choice question needs at least two options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min %1 is greater than max %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be negative (keypads cannot enter a sign)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most 999999</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the opt-out key %1 is also a valid answer (%2-%3), so it cannot opt out during this question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keys 1 and 2 answer yes/no questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 1 and 3600 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required: what the caller hears</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 0 and 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a range (%1) only fits a numeric question; &apos;%2&apos; is %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>range %1-%2 runs backwards (min is greater than max)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>range %1 goes beyond the question&apos;s answers %2-%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 also taken by branches[%2], which comes first and wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is never taken: an earlier branch takes any answer (&quot;*&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; can never be the answer to %2 question &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no question has the id &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the flow loops: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &apos;%1&apos; can never be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: callers of this language hear the script&apos;s own text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a language tag such as de-DE or fr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is the script&apos;s own language; edit the script&apos;s texts instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: the script&apos;s voice %1 may not speak %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &apos;%1&apos; has no option &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required: question &apos;%1&apos; needs its prompt in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a script must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported format version %1 (this build reads 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &quot;skip&quot; or &quot;end&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a script needs at least one question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required because a question records the caller (consent must be asked first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>campaign &apos;%1&apos; is not a campaign id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>campaign %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate in file: also on line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already on the do-not-call list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string or a list of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required: an answer value (&quot;yes&quot;, &quot;speed&quot;, 7), a range {&quot;min&quot;: 0, &quot;max&quot;: 6}, &quot;*&quot; for any answer, or a list of these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is an empty list; give an answer value (&quot;yes&quot;, &quot;speed&quot;, 7), a range {&quot;min&quot;: 0, &quot;max&quot;: 6}, &quot;*&quot; for any answer, or a list of these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an answer value (&quot;yes&quot;, &quot;speed&quot;, 7), a range {&quot;min&quot;: 0, &quot;max&quot;: 6}, &quot;*&quot; for any answer, or a list of these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>simulated carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>simulated carrier (time x%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address; separate addresses with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a daily summary needs at least one report recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter the mail server&apos;s host name, such as smtp.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a host name has only letters, digits, dots and hyphens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a port between 1 and 65535 (587 for STARTTLS, 465 for TLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>without STARTTLS or TLS the password and the reports cross the network readable; plain SMTP is only allowed to this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter the address reports come from, such as surveys@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1; choose a PEM file or leave it empty to trust the system&apos;s certificate authorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter the password for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter the account SID from the Twilio console (AC followed by 32 hex digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an account SID is AC followed by 32 hex digits in lower case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an API key SID is SK followed by 32 hex digits in lower case; leave it empty to use the auth token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use an https URL such as https://api.dublin.ie1.twilio.com, or leave it empty for https://api.twilio.com (plain http only to this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write the address and port to listen on as HOST:PORT, such as 127.0.0.1:8089</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter the https URL Twilio reaches this console at (your reverse proxy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio needs an https URL such as https://surveys.example.com (plain http only to this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave user name and password out of the public URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a two-letter region such as US, GB or DE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter the account&apos;s auth token (Twilio signs its webhooks with it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter the API key&apos;s secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new password must differ from the current one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the campaign has no survey script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the campaign&apos;s script has no questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the campaign has no caller ID to call from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the campaign has no dialable contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 campaign cannot become %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pause or stop the campaign before archiving it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import cancelled; nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column &apos;%1&apos; (mapped to %2) is not in the header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty; a header row is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export cancelled; no file was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no phone column in the header (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the last enabled admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a username is 2 to 64 letters, digits or . _ @ + -, starting with a letter or digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the username &apos;%1&apos; is taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an invitation needs an e-mail address or a subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; signs in through the identity provider and has no password here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an admin exists already; sign in as them to add users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a role name is 2 to 32 lower-case letters, digits, _ or -, starting with a letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a role named &apos;%1&apos; exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the admin role keeps users.manage and roles.manage, so someone can always manage access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interview completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opted out during a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the number is invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the number is invalid (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given up: every attempt used (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a call to this contact is in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the do-not-call list when it was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asked during a call on %1 not to be called again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on this campaign&apos;s do-not-call list since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the do-not-call list since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on this campaign&apos;s do-not-call list since %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the do-not-call list since %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outside the calling window %1 until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outside the calling window %1 for at least 8 days in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its local date %1 is blocked; calls resume %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its local date %1 is blocked, and so are the next 8 days in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its local date %1 is on a blocked weekday; calls resume %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its local date %1 is on a blocked weekday, and so are the next 8 days in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 attempts used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 calls to this number in %2 days; allowed again %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its quota is full: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no time zone is known for %1; it is not called rather than guessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the window %1 is open in %2; the next call is attempt %3 of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the campaign is a draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the campaign is ready but not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the campaign is paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the campaign is completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the campaign is stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the campaign is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the permission %1 is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the line was busy; the retry is due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody answered; the retry is due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last call failed; the retry is due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last call was canceled; the retry is due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last call ended without an interview; the retry is due %1</source>
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
    <name>vsc::ui::AddSuppressionDialog</name>
    <message>
        <source>Add to the do-not-call list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. (415) 555-0100 or +49 30 1234567</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. asked by letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Applies to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers without +country code are read as %1 numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be stored as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid phone number for %1 (or add +country code).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number is already on the list for that scope.</source>
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
    <message>
        <source>Roles and their permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by who</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::CampaignEditorDialog</name>
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
        <source>Answering machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit campaign[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New campaign[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliance preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Customer satisfaction, spring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit script…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>00:00 means the end of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls from (contact&apos;s local time):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until (exclusive; 00:00 = midnight):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never call on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked dates (holidays, in the contact&apos;s calendar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> calls/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio accounts start at 1 call per second; ask Twilio to raise it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls per second:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concurrent calls at most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts per contact at most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait before calling again after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed interviews wanted per cell: contacts whose cell is full are not called. The field is one of the contacts&apos; imported columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When an answering machine picks up (Twilio&apos;s machine detection, or the simulated carrier):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave a message, then hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Hello, this is Acme Research calling about a short survey. We will try again another time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call again after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no script yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, version %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1: enter the contact field the cell counts by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1: enter the value of %2 this cell counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1: the target must be a whole number, 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1: %2 = %3 is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before saving.</source>
        <translation>
            <numerusform>%n problem to fix before saving.</numerusform>
            <numerusform>%n problems to fix before saving.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 campaign keeps this setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign is stopped: only its name and description can change. Duplicate it to run it again with other settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign is %1: its caller ID, language, voice and script stay as the calls in flight use them. Everything else can change and applies to the next calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can look at this campaign; changing it needs the campaign.edit permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix these first:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to &quot;%1&quot; before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dialable now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 outside their window until %2 local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 outside their window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on a blocked day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 suppressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at the cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waiting for their retry delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in a full quota cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 called too often lately</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with an invalid number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 without a known time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start campaign &quot;%1&quot;?

%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the campaign and import its contacts to see who would be called.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contacts yet: import them from the Campaigns pane.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If started now (%1): %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail addresses, comma-separated (Settings → E-mail sends them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also a daily summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports to:</source>
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
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive &quot;%1&quot;? It leaves the list (Show archived brings it back); its contacts and results are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause &quot;%1&quot;? No new calls are placed; calls in progress finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop &quot;%1&quot; for good? A stopped campaign cannot be started again (duplicate it to run it again); calls in progress finish and every result is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing contacts needs the contacts.import permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign is stopped; duplicate it to run it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy</source>
        <comment>retry outcome</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <comment>retry outcome</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <comment>retry outcome</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answering machine</source>
        <comment>retry outcome</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete</source>
        <comment>retry outcome</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pace %L1 calls/s, at most %L2 at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaigns yet. Create one with New campaign…, then import its contacts and start dialing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New campaign…</source>
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
        <source>Answer rate</source>
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
        <source>minutes per connected call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answering machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partial interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusal and break-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-contact (answering machine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown eligibility: no answer, busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown eligibility: call failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not eligible: invalid number, fax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hour of day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a minute of calling costs, for the estimated cost (needs settings.manage to change)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost per minute:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls dialed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed interviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered calls ÷ calls dialed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed interviews ÷ answered calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each call&apos;s length rounded up to whole minutes × the cost per minute set above (billing.rate_per_minute)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AAPOR rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2
AAPOR Standard Definitions; e = estimated share of eligible cases among those of unknown eligibility.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final disposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e = (I+P+R+NC+O) ÷ (I+P+R+NC+O+NE): the share eligible among the contacts whose eligibility is known, used for RR3, RR4, REF2 and CON2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispositions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls in this period. Start the campaign in Campaigns, or choose a longer period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls in this period. Create a campaign in Campaigns, import contacts and start it; or choose a longer period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls by hour of day, in each contact&apos;s local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First question answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered by a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion funnel (contacts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n still in progress</source>
        <translation>
            <numerusform>%n still in progress</numerusform>
            <numerusform>%n still in progress</numerusform>
        </translation>
    </message>
    <message>
        <source>answering machines included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asked not to be called again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered ÷ dialed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed ÷ answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n billed minute(s)</source>
        <translation>
            <numerusform>%n billed minute</numerusform>
            <numerusform>%n billed minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>set the cost per minute above</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>e = %1, estimated from the %n contact(s) whose eligibility is known.</source>
        <translation>
            <numerusform>e = %1, estimated from the %n contact whose eligibility is known.</numerusform>
            <numerusform>e = %1, estimated from the %n contacts whose eligibility is known.</numerusform>
        </translation>
    </message>
    <message>
        <source>e cannot be estimated yet: no contact&apos;s eligibility is known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a campaign above to see how its questions were answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign&apos;s script has no question with choices or numbers to chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody answered “%1” in this period yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“%1”: answers by range (%n answer(s))</source>
        <translation>
            <numerusform>“%1”: answers by range (%n answer)</numerusform>
            <numerusform>“%1”: answers by range (%n answers)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1”: answers by choice (%n answer(s))</source>
        <translation>
            <numerusform>“%1”: answers by choice (%n answer)</numerusform>
            <numerusform>“%1”: answers by choice (%n answers)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n contact(s) first called</source>
        <translation>
            <numerusform>of %n contact first called</numerusform>
            <numerusform>of %n contacts first called</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vsc::ui::DashboardPane::DashboardPane</name>
    <message>
        <source>In progress (%1)</source>
        <translation type="unfinished"></translation>
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
    <name>vsc::ui::ImportWizard</name>
    <message>
        <source>Save reject report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import contacts into campaign %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first row names the columns. UTF-8, comma separated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path to a .csv file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a contact file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what each column holds. Exactly one must be the phone number; other columns are kept as custom fields unless ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region for numbers without a +country code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is written yet. Rejected rows are listed with the line they start on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All rows are written together at the end; cancelling writes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing contacts needs the contacts.import permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a readable CSV file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty; it needs a header row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first rows of %1 (%2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 rows read, %L2 valid, %L3 rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every row… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 contacts imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 contacts imported into campaign %2 from %3 rows; %L4 rows rejected (%L5 duplicates in the file, %L6 already in the campaign, %L7 suppressed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import failed and nothing was written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 rows read: %L2 can be imported, %L3 rejected.
Duplicates in the file: %L4. Already in the campaign: %L5. Suppressed (do not call): %L6. Invalid or missing numbers: %L7. Other problems: %L8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first %L1 rejected rows are shown; the saved report has all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the reject report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console shows the new language after it restarts. Numbers and dates follow the language you choose; with System, the desktop&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
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
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the simulated call&apos;s time (%1× the wall clock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognised with %1 confidence</source>
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
    <message numerus="yes">
        <source>%n call(s) in progress.</source>
        <translation>
            <numerusform>%n call in progress.</numerusform>
            <numerusform>%n calls in progress.</numerusform>
        </translation>
    </message>
    <message>
        <source>Live calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hung up from the monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the line</source>
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
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search campaign, contact, number, question, answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a call that is still on the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End call %1 now? The respondent hears the line go dead. Your name is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a call to see its events and answers as they happen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call %1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended from the monitor by %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::MailSettingsDialog</name>
    <message>
        <source>Enter the password for this user; it is kept in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;test mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS (usually port 465)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (only to this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the server needs no sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the system&apos;s certificate authorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign reports and the daily summary go out through this mail server, to the recipients set on each campaign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail &amp;server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Security:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test &amp;mail to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending a test mail to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server accepted the test mail to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test mail was not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the fields marked above, then save again.</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Scripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Twilio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings are saved. The console dials with them after it restarts; calls in progress go on until then.

Restart now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console shows the new language after it restarts; calls in progress go on.

Restart now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail…</source>
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
    <message>
        <source>the console on %1 (process %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a headless dialer on %1 (process %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::ResultsPane</name>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every disposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n contacts</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contacts loaded; more load as you scroll</source>
        <translation>
            <numerusform>%n contact loaded; more load as you scroll</numerusform>
            <numerusform>%n contacts loaded; more load as you scroll</numerusform>
        </translation>
    </message>
    <message>
        <source>No campaign yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contacts match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv);;SPSS data (*.sav)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %L1 of %L2 contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 rows written to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results, one row per contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No results yet: there is no campaign. Create one in Campaigns, import its contacts and start dialing; every contact&apos;s answers then appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This campaign has no contacts yet. Import them in Campaigns with Import contacts…, then start dialing; each contact&apos;s answers appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why not dialed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the selected contact is called now, and what holds it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact %1 is dialable now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact %1 is not called now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next chance: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::ResultsTableModel</name>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused / partial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answering machine</source>
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
        <source>Invalid number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet dialed</source>
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
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script version</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::ScriptEditorDialog</name>
    <message>
        <source>Yes / no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a problem to go to its place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script editor — %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving needs the campaign.edit permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open version %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script editor — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to reorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions, in the order they are asked:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. nps (letters, digits, _ and -)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the caller hears, e.g. &quot;From zero to ten…&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required (see the no-input policy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: &quot;Sorry, I didn&apos;t catch that.&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key 1 or &quot;yes&quot; answers yes; key 2 or &quot;no&quot; answers no. Stored as yes / no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spoken synonyms (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Above 9 the caller ends the number with #.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the answer is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values, comma-separated: yes · speed · 7 · a range 0-6 · * for any answer. The first rule that matches wins; otherwise the next question follows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprompt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprompts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown in the console, e.g. Customer satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Said before the first question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: &quot;Thank you. Goodbye.&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required when a question records, e.g. &quot;This call is recorded…&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech answers below this confidence are confirmed with the caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the call politely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Besides the built-in ones (stop calling, nicht mehr anrufen, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: &quot;We will not call you again. Goodbye.&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intro:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outro:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording disclosure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm speech below:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer after reprompts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opting out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra phrases (comma-separated):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. de-DE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contact whose language matches (exactly, or by its first part: de-AT → de-DE) hears the variant; everyone else the script&apos;s own texts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the script&apos;s own text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt in this language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option words (speed: schnell; …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-out message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opt-out key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opt-out phrases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opt-out message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recording disclosure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confidence threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no-input policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add language %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove language %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replace the script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems: the script is ready to save and run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the script can be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to fix before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to fix before saving, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>texts in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>move question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the errors in the problems list first.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey scripts (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a script: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1; Save stores it as a new version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to &quot;%1&quot; as a new version?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::ScriptsPane</name>
    <message>
        <source>Scripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script / version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving an edited script adds a version; calls in progress keep the version they started with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey scripts (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scripts and their versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scripts yet. Write one with New script…, or import a script saved as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New script…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::SettingsForm</name>
    <message>
        <source>stored in the keychain; type to replace</source>
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
    <name>vsc::ui::SuppressionPane</name>
    <message>
        <source>Do not call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers are masked for you, so they cannot be searched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest %L1 entries; search to find others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove from the do-not-call list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the do-not-call list? It may be called again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import do-not-call numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 rows read, %L2 added, %L3 not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the do-not-call list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers not to call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The do-not-call list is empty. A number lands here when its owner opts out during a call; add one by hand with Add number…, or import a list with Import CSV….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add number…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::SuppressionTableModel</name>
    <message>
        <source>Added by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opted out during a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the caller</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::TryItPanel</name>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record 5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller&apos;s language: picks the script&apos;s variant as a contact&apos;s language does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the caller hears appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TwiML of the latest turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type what the caller says, then press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech recognition confidence; below the script&apos;s threshold the answer is confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller&apos;s language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TwiML of this turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the script&apos;s own)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a question to try the script.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>says &quot;%1&quot; (confidence %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>presses %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>says nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>records 5 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>branch %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next → %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keys %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; @%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(skipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller opted out: a real call would put the number on the do-not-call list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The survey is complete. Restart to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call ended early. Restart to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence below the threshold: the caller is asked to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking &apos;%1&apos; (%2)%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, reprompt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hangs up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vsc::ui::TwilioSettingsDialog</name>
    <message>
        <source>&amp;Dial through Twilio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: SK…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the Twilio console; kept in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without Twilio the console dials through its simulated carrier: nothing leaves this computer. With Twilio, calls go out from the account below and Twilio calls this console back at the public URL, which your reverse proxy forwards to the listen address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account SID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key SID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key &amp;secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST API &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhooks &amp;listen on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Public URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default phone &amp;region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the auth token (or the API key&apos;s secret) first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console has no network access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking Twilio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2 (verified caller ID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the fields marked above, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected to &quot;%1&quot; (%2, %3). Calls may come from %n number(s):</source>
        <translation>
            <numerusform>Connected to &quot;%1&quot; (%2, %3). Calls may come from %n number:</numerusform>
            <numerusform>Connected to &quot;%1&quot; (%2, %3). Calls may come from %n numbers:</numerusform>
        </translation>
    </message>
    <message>
        <source> (Twilio error %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio refused the account SID or the secret%1: check them in the Twilio console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio could not be reached: check the network connection and the REST API URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio does not know this account%1: check the account SID and the REST API URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio answered with an error%1; the log has its details.</source>
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
        <translation>
            <numerusform>Active (%n failed sign-in)</numerusform>
            <numerusform>Active (%n failed sign-ins)</numerusform>
        </translation>
    </message>
</context>
</TS>
