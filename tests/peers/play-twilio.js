// SPDX-License-Identifier: GPL-3.0-or-later
// Plays Twilio against a running `voicesurvey-console serve`: signed voice -> gather x N -> status callbacks
// (one out of order, one duplicate) -> one badly signed request. Signatures come from the official twilio helper.
// Usage: node play-twilio.js '{"listen": "http://127.0.0.1:PORT", "publicUrl": "https://...", "token": "...",
//                             "attempt": 1, "callSid": "CA...", "to": "+1...", "inputs": [{"Digits": "1"}, ...],
//                             "repeatGathers": false}'
// With repeatGathers every gather is sent twice, as Twilio retries a request whose reply it did not get: the
// second reply must ask the same prompt again (report.repeatsAskedAgain counts those).
// Prints a JSON report on stdout; exits 1 when a reply is not what Twilio would accept.
'use strict';
const twilio = require('twilio');

const config = JSON.parse(process.argv[2]);
const report = {
  voice: null, gathers: [], repeatsAskedAgain: 0, hungUp: false, callbacks: [], badSignature: null, errors: [],
};

function localUrl(publicUrl) {
  // Twilio reaches the public URL; the reverse proxy forwards path and query to the listen address.
  const base = new URL(config.publicUrl);
  const url = new URL(publicUrl);
  const prefix = base.pathname.replace(/\/$/, '');
  return config.listen + url.pathname.slice(prefix.length) + url.search;
}

async function post(publicUrl, params, { tamper = false } = {}) {
  let signature = twilio.getExpectedTwilioSignature(config.token, publicUrl, params);
  if (tamper) {
    signature = signature.slice(0, -2) + (signature.endsWith('A=') ? 'B=' : 'A=');
  }
  const response = await fetch(localUrl(publicUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: await response.text() };
}

function actionOf(twiml) {
  const match = /<(?:Gather|Record)[^>]*\saction="([^"]+)"/.exec(twiml);
  return match ? match[1].replace(/&amp;/g, '&') : null;
}

async function main() {
  const common = {
    CallSid: config.callSid,
    AccountSid: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    From: '+15005550006',
    To: config.to,
    Direction: 'outbound-api',
    ApiVersion: '2010-04-01',
  };
  const base = config.publicUrl.replace(/\/$/, '');
  const voice = await post(`${base}/twilio/voice?attempt=${config.attempt}`, { ...common, CallStatus: 'in-progress' });
  report.voice = voice.status;
  let action = actionOf(voice.body);
  if (voice.status !== 200 || !action) {
    report.errors.push(`voice: ${voice.status} ${voice.body}`);
  }
  for (const input of config.inputs) {
    if (!action) break;
    const reply = await post(action, { ...common, CallStatus: 'in-progress', ...input });
    report.gathers.push(reply.status);
    if (reply.status !== 200) report.errors.push(`gather: ${reply.status} ${reply.body}`);
    if (config.repeatGathers) {
      const repeated = await post(action, { ...common, CallStatus: 'in-progress', ...input });
      if (repeated.status !== 200) report.errors.push(`repeated gather: ${repeated.status} ${repeated.body}`);
      if (repeated.body === reply.body) report.repeatsAskedAgain += 1;
    }
    if (reply.body.includes('<Hangup/>')) {
      report.hungUp = true;
      break;
    }
    action = actionOf(reply.body);
  }
  // As the dialer gives it to Twilio (CallFlow::statusUrl): Twilio signs the connection overrides in the fragment,
  // which never reaches the server.
  const status = `${base}/twilio/status?attempt=${config.attempt}#rc=5&rp=ct,rt,5xx`;
  const stamp = (s) => new Date(Date.UTC(2026, 10, 23, 10, 0, s)).toUTCString().replace('GMT', '+0000');
  const callbacks = [
    { CallStatus: 'initiated', SequenceNumber: '0', Timestamp: stamp(0) },
    { CallStatus: 'ringing', SequenceNumber: '1', Timestamp: stamp(1) },
    { CallStatus: 'completed', SequenceNumber: '3', Timestamp: stamp(50), CallDuration: '42', Duration: '1' },
    { CallStatus: 'in-progress', SequenceNumber: '2', Timestamp: stamp(8) }, // arrives late
    { CallStatus: 'completed', SequenceNumber: '3', Timestamp: stamp(50), CallDuration: '42', Duration: '1' }, // again
  ];
  for (const callback of callbacks) {
    const reply = await post(status, { ...common, CallbackSource: 'call-progress-events', ...callback });
    report.callbacks.push(reply.status);
    if (reply.status !== 200) report.errors.push(`status: ${reply.status} ${reply.body}`);
  }
  const forged = await post(status, { ...common, CallStatus: 'busy', SequenceNumber: '9' }, { tamper: true });
  report.badSignature = forged.status;
  if (forged.status !== 403) report.errors.push(`forged request got ${forged.status}`);
  process.stdout.write(JSON.stringify(report));
  process.exit(report.errors.length ? 1 : 0);
}

main().catch((e) => {
  report.errors.push(String(e));
  process.stdout.write(JSON.stringify(report));
  process.exit(1);
});
