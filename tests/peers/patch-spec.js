#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
// Usage: node patch-spec.js INPUT OUTPUT
//
// Makes Twilio's official OpenAPI spec (twilio_api_v2010.json from @twilio-alpha/mcp) usable by Prism as a strict
// mock of the Calls API, without changing what it accepts:
//  1. Every array property of every application/x-www-form-urlencoded request body gets
//     `encoding: {PROP: {style: form, explode: true}}`. Without it Prism keeps only the last of repeated keys
//     (StatusCallbackEvent=initiated&StatusCallbackEvent=ringing) and answers 422 "must be array".
//  2. Calls create, list, fetch and update get Twilio-shaped 401/404/429 JSON error responses
//     ({code, message, more_info, status}; codes 20003/20404/20429), so `Prefer: code=429` selects them.
//     No 400 is added: with a 400 in the spec Prism answers every invalid request with that static example instead
//     of its 422 diagnostics (set ADD_400=1 to add one anyway).
'use strict';
const fs = require('fs');

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node patch-spec.js INPUT OUTPUT');
  process.exit(2);
}
const spec = JSON.parse(fs.readFileSync(input, 'utf8'));

function resolve(node) {
  let seen = 0;
  while (node && node.$ref) {
    const path = node.$ref.replace(/^#\//, '').split('/');
    node = path.reduce((n, key) => (n ? n[key] : undefined), spec);
    if (++seen > 20) throw new Error('$ref loop');
  }
  return node;
}

// 1. Repeated keys for form arrays.
let arrays = 0;
for (const pathItem of Object.values(spec.paths)) {
  for (const method of ['post', 'put', 'patch']) {
    const media = pathItem[method]?.requestBody?.content?.['application/x-www-form-urlencoded'];
    const schema = resolve(media?.schema);
    if (!schema?.properties) continue;
    for (const [name, property] of Object.entries(schema.properties)) {
      if (resolve(property)?.type !== 'array') continue;
      media.encoding = media.encoding || {};
      media.encoding[name] = { ...(media.encoding[name] || {}), style: 'form', explode: true };
      arrays++;
    }
  }
}

// 2. Twilio-shaped error responses.
const errors = {
  401: { code: 20003, message: 'Authenticate' },
  404: { code: 20404, message: 'The requested resource was not found' },
  429: { code: 20429, message: 'Too Many Requests' },
};
if (process.env.ADD_400 === '1') {
  errors[400] = { code: 21211, message: "The 'To' number is not a valid phone number." };
}
const errorSchema = {
  type: 'object',
  required: ['code', 'message', 'more_info', 'status'],
  properties: {
    code: { type: 'integer' },
    message: { type: 'string' },
    more_info: { type: 'string', format: 'uri' },
    status: { type: 'integer' },
  },
};
const calls = '/2010-04-01/Accounts/{AccountSid}/Calls.json';
const call = '/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json';
const operations = [
  [calls, 'post'],
  [calls, 'get'],
  [call, 'get'],
  [call, 'post'],
];
let responses = 0;
for (const [path, method] of operations) {
  const operation = spec.paths[path]?.[method];
  if (!operation) throw new Error(`spec has no ${method.toUpperCase()} ${path}`);
  for (const [status, { code, message }] of Object.entries(errors)) {
    operation.responses[status] = {
      description: `Twilio error ${code}`,
      content: {
        'application/json': {
          schema: errorSchema,
          example: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status: Number(status) },
        },
      },
    };
    responses++;
  }
}

fs.writeFileSync(output, JSON.stringify(spec));
console.log(`patch-spec: ${arrays} form array properties set to explode, ${responses} error responses added -> ${output}`);
