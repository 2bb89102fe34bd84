// SPDX-License-Identifier: GPL-3.0-or-later
// Oracle for tst_signature_crosscheck: reads [{token, url, params: [[name, value], ...], header}] as JSON on stdin,
// answers [{expected, valid}] using the official twilio helper (lib/webhooks/webhooks.js).
'use strict';
const twilio = require('twilio');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const cases = JSON.parse(input);
  const answers = cases.map((c) => {
    // Repeated names become arrays, as Express/body-parser hands them to the helper.
    const params = {};
    for (const [name, value] of c.params) {
      if (Object.prototype.hasOwnProperty.call(params, name)) {
        params[name] = [].concat(params[name], value);
      } else {
        params[name] = value;
      }
    }
    return {
      expected: twilio.getExpectedTwilioSignature(c.token, c.url, params),
      valid: twilio.validateRequest(c.token, c.header, c.url, params),
    };
  });
  process.stdout.write(JSON.stringify(answers));
});
