// SPDX-License-Identifier: GPL-3.0-or-later
//
// A real OpenID Provider for the OIDC integration tests: oidc-provider 9.13.3 (tests/peers/node_modules), with
// auto-login from login_hint (or the browser session's user) instead of HTML forms, plus test-only routes to rotate keys, forge the next ID token and
// count requests. Never expose it beyond 127.0.0.1: it signs in anyone who names a test user.
//
// Env:  PORT       listen port on 127.0.0.1 (required); the issuer is http://127.0.0.1:PORT
//       OIDC_ALGS  ID token signing algorithms, comma-separated, first = survey-desktop's: "RS256" (default),
//                  "ES256" (an ES256-only provider) or "RS256,ES256"
//       OIDC_DIR   directory for op.log and the generated keys (jwks.json public, keys-private.json); default: none
//       OIDC_ACCESS_TOKEN_TTL  access token lifetime in seconds (default 300; ID tokens live 3600)
//
// Clients (public, PKCE required, loopback redirect on any port per RFC 8252 §7.3 — oidc-provider ignores the port of
// a loopback redirect_uri for native clients):
//   survey-desktop        redirect_uris http://127.0.0.1/callback, post_logout http://127.0.0.1/logged-out
//   survey-desktop-es256  the same, ID tokens ES256 (only when ES256 is in OIDC_ALGS)
// Users (login_hint): alice roles=[survey-operator]; sam realm_access.roles=[survey-supervisor];
//   ada resource_access.survey-desktop.roles=[admin]; dora groups=[staff]. Scope "roles" puts these claims in the
//   ID token and userinfo; an unknown login_hint ends in error=access_denied.
//
// Test routes (same server):
//   POST /__test/rotate-keys  new signing key (new kid) placed FIRST in the JWKS and used from now on → {"kid":…}
//   POST /__test/tamper       {"mode":"expired|wrong-aud|wrong-iss|wrong-nonce|bad-sig|alg-none|hs256-confusion"}:
//                             the NEXT successful /token reply carries a forged id_token of that kind
//   GET  /__test/counters     {"token":n,"jwks":n}: requests seen at /token and /jwks
//   POST /__test/reset        counters to 0, pending tamper cleared

import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import * as jose from 'jose';
import Provider from 'oidc-provider';
// Not a public entry point (the package has no "exports" map; pinned to 9.13.3 in package.json): one in-memory store
// shared by every Provider instance, so sessions, grants and refresh tokens survive /__test/rotate-keys.
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';

const PORT = Number.parseInt(process.env.PORT ?? '', 10);
if (!Number.isInteger(PORT) || PORT <= 0) {
  console.error('oidc-op: set PORT');
  process.exit(2);
}
const ISSUER = `http://127.0.0.1:${PORT}`;
const ALGS = (process.env.OIDC_ALGS || 'RS256').split(',').map((a) => a.trim()).filter(Boolean);
for (const alg of ALGS) {
  if (!['RS256', 'ES256'].includes(alg)) {
    console.error(`oidc-op: unsupported alg ${alg} in OIDC_ALGS (RS256, ES256)`);
    process.exit(2);
  }
}
const DIR = process.env.OIDC_DIR || '';
const ACCESS_TOKEN_TTL = Number.parseInt(process.env.OIDC_ACCESS_TOKEN_TTL || '300', 10);
const LOG = DIR ? path.join(DIR, 'op.log') : '';

function log(message) {
  const line = `${new Date().toISOString()} ${message}\n`;
  if (LOG) fs.appendFileSync(LOG, line);
  else process.stdout.write(line);
}

const USERS = {
  alice: { name: 'Alice Operator', extra: { roles: ['survey-operator'] } },
  sam: { name: 'Sam Supervisor', extra: { realm_access: { roles: ['survey-supervisor'] } } },
  ada: { name: 'Ada Admin', extra: { resource_access: { 'survey-desktop': { roles: ['admin'] } } } },
  dora: { name: 'Dora Staff', extra: { groups: ['staff'] } },
};

function claimsFor(id) {
  const user = USERS[id];
  return {
    sub: id,
    name: user.name,
    preferred_username: id,
    email: `${id}@example.test`,
    email_verified: true,
    ...user.extra,
  };
}

// Signing keys, newest first. `keys` holds {alg, kid, priv (JWK with private parts)}.
const keys = [];
async function newKey(alg) {
  const { privateKey } = await jose.generateKeyPair(alg, { extractable: true });
  const priv = await jose.exportJWK(privateKey);
  const kid = `${alg.toLowerCase()}-${crypto.randomBytes(6).toString('hex')}`;
  Object.assign(priv, { kid, alg, use: 'sig' });
  return { alg, kid, priv };
}
function publicJwk(priv) {
  const { d, p, q, dp, dq, qi, ...pub } = priv; // eslint-disable-line no-unused-vars
  return pub;
}
function writeKeys() {
  if (!DIR) return;
  fs.writeFileSync(path.join(DIR, 'jwks.json'), JSON.stringify({ keys: keys.map((k) => publicJwk(k.priv)) }, null, 2));
  fs.writeFileSync(path.join(DIR, 'keys-private.json'), JSON.stringify({ keys: keys.map((k) => k.priv) }, null, 2));
}

const counters = { token: 0, jwks: 0 };
let pendingTamper = null;
const TAMPER_MODES = ['expired', 'wrong-aud', 'wrong-iss', 'wrong-nonce', 'bad-sig', 'alg-none', 'hs256-confusion'];
// Key rotation replaces the Provider instance (oidc-provider reads its keys once); the store and the cookie keys
// carry over, so signed-in sessions and issued tokens stay valid.
const sharedAdapter = createMemoryAdapter();
const COOKIE_KEYS = [crypto.randomBytes(32).toString('hex')];

const b64u = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

async function forge(idToken, mode) {
  const [headerB64, payloadB64, signatureB64] = idToken.split('.');
  const header = JSON.parse(Buffer.from(headerB64, 'base64url').toString());
  const payload = JSON.parse(Buffer.from(payloadB64, 'base64url').toString());
  const signer = keys.find((k) => k.kid === header.kid) ?? keys[0];
  const now = Math.floor(Date.now() / 1000);
  const resign = async (changes) => {
    const key = await jose.importJWK(signer.priv, signer.alg);
    return new jose.SignJWT({ ...payload, ...changes })
      .setProtectedHeader({ alg: signer.alg, kid: signer.kid, typ: 'JWT' })
      .sign(key);
  };
  switch (mode) {
    case 'expired': return resign({ iat: now - 7200, exp: now - 3600 });
    case 'wrong-aud': return resign({ aud: 'someone-else' });
    case 'wrong-iss': return resign({ iss: 'http://evil.127.0.0.1.example' });
    case 'wrong-nonce': return resign({ nonce: 'not-the-nonce-you-sent' });
    case 'bad-sig': {
      const sig = Buffer.from(signatureB64, 'base64url');
      sig[Math.floor(sig.length / 2)] ^= 0x01;
      return `${headerB64}.${payloadB64}.${sig.toString('base64url')}`;
    }
    case 'alg-none':
      return `${b64u({ alg: 'none', typ: 'JWT', kid: header.kid })}.${payloadB64}.`;
    case 'hs256-confusion': {
      // HMAC keyed with the public key's PEM, which anyone can build from jwks_uri.
      const rsa = keys.find((k) => k.alg === 'RS256') ?? signer;
      const pem = crypto.createPublicKey({ key: publicJwk(rsa.priv), format: 'jwk' }).export({ type: 'spki', format: 'pem' });
      const input = `${b64u({ alg: 'HS256', typ: 'JWT', kid: rsa.kid })}.${payloadB64}`;
      return `${input}.${crypto.createHmac('sha256', pem).update(input).digest('base64url')}`;
    }
    default: throw new Error(`unknown tamper mode ${mode}`);
  }
}

function makeProvider() {
  const clientBase = {
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: ['http://127.0.0.1/callback'],
    post_logout_redirect_uris: ['http://127.0.0.1/logged-out'],
  };
  const clients = [{ ...clientBase, client_id: 'survey-desktop', id_token_signed_response_alg: ALGS[0] }];
  if (ALGS.includes('ES256')) {
    clients.push({ ...clientBase, client_id: 'survey-desktop-es256', id_token_signed_response_alg: 'ES256' });
  }

  const provider = new Provider(ISSUER, {
    clients,
    jwks: { keys: keys.map((k) => k.priv) },
    adapter: sharedAdapter,
    cookies: { keys: COOKIE_KEYS },
    pkce: { required: () => true },
    scopes: ['openid', 'offline_access', 'profile', 'email', 'roles'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
      roles: ['roles', 'groups', 'realm_access', 'resource_access'],
    },
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL,
      IdToken: 3600,
      RefreshToken: 24 * 3600,
      Grant: 24 * 3600,
      Session: 24 * 3600,
      Interaction: 600,
      AuthorizationCode: 60,
    },
    conformIdTokenClaims: false, // scope claims (roles…) go into the ID token too, as Keycloak's mappers can do
    enabledJWA: { idTokenSigningAlgValues: ALGS },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    findAccount: async (ctx, id) => (USERS[id] ? { accountId: id, claims: async () => claimsFor(id) } : undefined),
  });
  provider.on('server_error', (ctx, error) => log(`server_error ${ctx.method} ${ctx.path}: ${error.stack}`));
  for (const event of ['grant.error', 'authorization.error', 'end_session.error', 'revocation.error']) {
    provider.on(event, (ctx, error) => log(`${event} ${error.name}: ${error.error_description ?? error.message}`));
  }

  // Auto-login and auto-consent: the interaction page finishes at once for the user named by login_hint (or the
  // user already signed in to this browser session).
  provider.use(async (ctx, next) => {
    const match = ctx.method === 'GET' && /^\/interaction\/[^/]+$/.test(ctx.path);
    if (!match) {
      await next();
      return;
    }
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const { params, session } = details;
    // login_hint wins over an existing session, so one cookie jar can sign in different test users in turn.
    const accountId = params.login_hint ?? session?.accountId;
    let result;
    if (!accountId || !USERS[accountId]) {
      log(`interaction: unknown login_hint '${params.login_hint ?? ''}'`);
      result = { error: 'access_denied', error_description: 'unknown test user (login_hint)' };
    } else {
      const grant = new provider.Grant({ accountId, clientId: params.client_id });
      grant.addOIDCScope(String(params.scope));
      const grantId = await grant.save();
      result = { login: { accountId }, consent: { grantId } };
      log(`interaction: signed in ${accountId} for ${params.client_id}`);
    }
    const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
    ctx.status = 303;
    ctx.redirect(returnTo);
  });

  // The next successful token reply gets a forged ID token.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/token' && ctx.status === 200 && pendingTamper && ctx.body?.id_token) {
      const mode = pendingTamper;
      pendingTamper = null;
      ctx.body = { ...ctx.body, id_token: await forge(ctx.body.id_token, mode) };
      log(`tamper: /token id_token forged (${mode})`);
    }
  });
  return provider;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString()));
    req.on('error', reject);
  });
}

function sendJson(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function testRoute(req, res, url) {
  if (req.method === 'GET' && url.pathname === '/__test/counters') {
    return sendJson(res, 200, counters);
  }
  if (req.method === 'POST' && url.pathname === '/__test/reset') {
    counters.token = 0;
    counters.jwks = 0;
    pendingTamper = null;
    return sendJson(res, 200, counters);
  }
  if (req.method === 'POST' && url.pathname === '/__test/rotate-keys') {
    const key = await newKey(ALGS[0]);
    keys.unshift(key);
    writeKeys();
    current = makeProvider();
    log(`rotate-keys: new ${key.alg} key ${key.kid} first of ${keys.length}`);
    return sendJson(res, 200, { kid: key.kid, kids: keys.map((k) => k.kid) });
  }
  if (req.method === 'POST' && url.pathname === '/__test/tamper') {
    let mode;
    try {
      ({ mode } = JSON.parse((await readBody(req)) || '{}'));
    } catch {
      return sendJson(res, 400, { error: 'body must be JSON {"mode": …}' });
    }
    if (!TAMPER_MODES.includes(mode)) {
      return sendJson(res, 400, { error: `mode must be one of ${TAMPER_MODES.join(', ')}` });
    }
    pendingTamper = mode;
    log(`tamper: next /token id_token will be forged (${mode})`);
    return sendJson(res, 200, { mode });
  }
  return sendJson(res, 404, { error: 'no such test route' });
}

for (const alg of ALGS) {
  keys.push(await newKey(alg));
}
writeKeys();
let current = makeProvider();

const server = http.createServer((req, res) => {
  const url = new URL(req.url, ISSUER);
  if (url.pathname.startsWith('/__test/')) {
    testRoute(req, res, url).catch((error) => {
      log(`test route ${url.pathname}: ${error.stack}`);
      sendJson(res, 500, { error: String(error) });
    });
    return;
  }
  if (url.pathname === '/token') counters.token += 1;
  if (url.pathname === '/jwks') counters.jwks += 1;
  res.on('finish', () => log(`${req.method} ${url.pathname} ${res.statusCode}`)); // paths only: no codes or tokens
  current.callback()(req, res);
});
server.listen(PORT, '127.0.0.1', () => log(`oidc-op: ${ISSUER} algs=${ALGS.join(',')} kids=${keys.map((k) => k.kid).join(',')}`));

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
