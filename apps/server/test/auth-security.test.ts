/**
 * Agents' side of security: every registered route checked for its role (enumerated from the
 * server itself, so a new route is checked without editing this file), every state-changing
 * route checked against cross-origin use (a foreign Origin, Sec-Fetch-Site, the session's CSRF
 * token), login throttling per IP and per email, sessions that end close their sockets (logout at
 * once, expiry within the sweep), and the security headers (console and API strict; the widget's
 * files loadable anywhere).
 */
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CONSOLE_DIST, WIDGET_DIST } from '../src/app.ts';
import { csrfToken, routeAuth, STATE_CHANGING } from '../src/modules/security/csrf.ts';
import { SESSION_SWEEP_MS } from '../src/modules/security/index.ts';
import { rawHandshake, SHOP_ORIGIN, SITE, startServer, useServer, visitor, withCsrf, type TestServer } from './harness.ts';

const ctx = useServer();
const PASSWORD = 'correct horse battery';

/** Routes anyone may call (the widget, the console's files, login, health, the two sockets' own checks). */
const PUBLIC = new Set([
  'GET /',
  'GET /healthz',
  'GET /readyz',
  'GET /widget.js',
  'GET /widget/*',
  'GET /console',
  'GET /console/',
  'GET /console/*',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  // First run and password links: the setup code or the link's token in the body is the credential
  // (login throttles; tested in team.test.ts).
  'GET /api/setup',
  'POST /api/setup',
  'POST /api/password-links/inspect',
  'POST /api/password-links/accept',
  'GET /ws/visitor',
  'GET /ws/agent',
  // The widget's proactive rules: what the widget shows anyway (tested in engagement.test.ts).
  'GET /widget/proactive',
  // The widget's config: those rules and the site's branding, what the widget shows anyway (tested in widget-config.test.ts).
  'GET /widget/config',
  // E-mail links: the token in the path is the credential (mail module; those requests are not logged).
  'GET /c/:token',
  'GET /c/:token/files/:id',
  // An address confirmation link: its token is the credential (tested in email.test.ts).
  'GET /c/confirm/:token',
  'POST /c/confirm/:token',
  // The HTTP API's reference (no data in it).
  'GET /api/docs',
  // Prometheus scrape: its own check (this machine, or METRICS_TOKEN as a bearer token), tested with it.
  'GET /metrics',
  // A link in an email: its random token is the credential (tested in email.test.ts).
  'GET /c/:token',
  'GET /c/:token/files/:id',
]);
/** Routes only an admin may call (PATCH /api/agents/:id: admins, or an agent for their own capacity). */
const ADMIN = new Set([
  'PUT /api/sites/:siteId/settings',
  'PUT /api/sites/:siteId/branding',
  'POST /api/sites/:siteId/departments',
  'PATCH /api/departments/:id',
  'DELETE /api/departments/:id',
  'PUT /api/sites/:siteId/faqs',
  'POST /api/sites/:siteId/faqs/:faqId/alternatives',
  'POST /api/sites/:siteId/bot/misses/dismiss',
  'PATCH /api/agents/:id',
  'GET /api/sites/:siteId/secret',
  'POST /api/sites/:siteId/secret/rotate',
  'GET /api/visitors/:id/export',
  'DELETE /api/visitors/:id',
  'POST /api/sites/:siteId/canned',
  'PATCH /api/canned/:id',
  'DELETE /api/canned/:id',
  'GET /api/sites/:siteId/smtp',
  'PUT /api/sites/:siteId/smtp',
  'DELETE /api/sites/:siteId/smtp',
  'GET /api/sites/:siteId/bot/provider',
  'PUT /api/sites/:siteId/bot/provider',
  'POST /api/sites/:siteId/bot/provider/test',
  'GET /api/sites/:siteId/webhooks',
  'POST /api/sites/:siteId/webhooks',
  'PATCH /api/webhooks/:id',
  'DELETE /api/webhooks/:id',
  'GET /api/webhooks/:id/secret',
  'POST /api/webhooks/:id/secret/rotate',
  'GET /api/webhooks/:id/deliveries',
  'GET /api/webhook-deliveries/:id',
  'POST /api/webhook-deliveries/:id/redeliver',
  'GET /api/sites/:siteId/api-keys',
  'POST /api/sites/:siteId/api-keys',
  'DELETE /api/api-keys/:id',
  'POST /api/agents',
  'POST /api/agents/:id/deactivate',
  'POST /api/agents/:id/reactivate',
  'POST /api/agents/:id/password-link',
  'GET /api/sites/:siteId',
  'POST /api/sites',
  'PATCH /api/sites/:siteId',
  'DELETE /api/sites/:siteId',
  'POST /api/agents/:id/totp/reset',
]);

/** A request as the console makes it: its origin, the cookie and (with one) the session's CSRF token. */
async function call(s: TestServer, method: string, path: string, cookie?: string, extra: Record<string, string> = {}) {
  const withBody = !['GET', 'DELETE'].includes(method);
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: { origin: s.url, ...(cookie ? withCsrf(cookie) : {}), ...(withBody ? { 'content-type': 'application/json' } : {}), ...extra },
    body: withBody ? JSON.stringify({ maxChats: 3, name: 'x' }) : undefined,
  });
  return { status: res.status, body: await res.text() };
}

function waitClose(ws: WebSocket): Promise<{ code: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket was not closed')), 5000);
    ws.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, ms: performance.now() - t0 });
    });
  });
}

describe('roles on every route', () => {
  it('every authed route refuses no cookie and a forged one; every admin route refuses an agent and admits an admin', async () => {
    const s = ctx.s;
    const adminId = (await s.app.parla.agents.create({ email: 'boss@shop.test', name: 'Boss', password: PASSWORD, role: 'admin' })).id;
    await s.addAgent('agent@shop.test', 'Agent');
    const admin = await s.login('boss@shop.test');
    const agent = await s.login('agent@shop.test');
    const v = ctx.track(visitor(s));
    const w = await v.frame('welcome');
    const dept = await s.app.parla.sites.createDepartment(SITE, { name: 'Orders' });

    const routes = s.app.parla.security.routes.filter((r) => r.method !== 'OPTIONS');
    const fill = (url: string) =>
      url.replace(':siteId', SITE).replace(':id', url.includes('/agents/') ? adminId : url.includes('/departments/') ? dept.id : w.visitorId).replace('*', 'x');
    let authed = 0;
    let admins = 0;
    const unknownAdmin = [...ADMIN].filter((k) => !routes.some((r) => `${r.method} ${r.url}` === k));
    expect(unknownAdmin, 'ADMIN lists routes that do not exist').toEqual([]);
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      if (PUBLIC.has(key)) continue;
      expect(r.url.startsWith('/api/'), `${key} is neither public nor under /api`).toBe(true);
      const path = fill(r.url);
      const none = await call(s, r.method, path);
      expect(none.status, `${key} without a cookie`).toBe(401);
      const forged = await call(s, r.method, path, 'parla_session=forged-session-token-that-is-long-enough');
      expect(forged.status, `${key} with a forged cookie`).toBe(401);
      authed++;
      if (!ADMIN.has(key)) continue;
      const asAgent = await call(s, r.method, path, agent);
      expect(asAgent.status, `${key} as an agent`).toBe(403);
      admins++;
    }
    // An admin passes each admin check (ids that do not exist: nothing is changed, and 404/400 is fine).
    for (const key of ADMIN) {
      const [method, url] = key.split(' ') as [string, string];
      const r = await call(s, method, url.replace(':siteId', SITE).replace(':id', url.includes('/agents/') ? adminId : 'no-such-id'), admin);
      expect([401, 403], `${key} as an admin: ${r.body}`).not.toContain(r.status);
    }
    // The agent socket: no cookie, a forged cookie, another origin.
    expect((await rawHandshake(`${s.wsUrl}/ws/agent`, { origin: s.url })).status).toBe(401);
    expect((await rawHandshake(`${s.wsUrl}/ws/agent`, { origin: s.url, cookie: 'parla_session=forged-session-token-that-is-long-enough' })).status).toBe(401);
    expect((await rawHandshake(`${s.wsUrl}/ws/agent`, { origin: SHOP_ORIGIN, cookie: agent })).status).toBe(403);
    console.log(`routes: ${routes.length} registered, ${authed} authed (each refused without and with a forged cookie), ${admins} admin-only (each refused to an agent)`);
    expect(authed).toBeGreaterThanOrEqual(15);
    expect(admins).toBe(ADMIN.size);
  });
});

/** Every row of every table (what a refused request must leave as it was). */
function snapshot(s: TestServer): string {
  const db = s.app.parla.db.sqlite;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
}

/** A raw request with exactly these headers (no Origin unless given), JSON body unless DELETE. */
async function raw(s: TestServer, method: string, path: string, headers: Record<string, string>, body: string | undefined = method === 'DELETE' ? undefined : '{"maxChats":3,"name":"x"}') {
  const res = await fetch(`${s.url}${path}`, { method, headers: { ...(body !== undefined && !('content-type' in headers) ? { 'content-type': 'application/json' } : {}), ...headers }, body });
  const text = await res.text();
  return { status: res.status, error: (text.startsWith('{') ? (JSON.parse(text) as { error?: string }).error : undefined) ?? '', body: text };
}

describe('cross-origin requests (CSRF)', () => {
  it('every state-changing route refuses a foreign Origin and a cross-site or same-site Sec-Fetch-Site; with the cookie, a missing or wrong CSRF token; and admits the console', async () => {
    const s = ctx.s;
    const adminId = (await s.app.parla.agents.create({ email: 'boss@shop.test', name: 'Boss', password: PASSWORD, role: 'admin' })).id;
    const admin = await s.login('boss@shop.test');
    const other = await s.login('boss@shop.test'); // another session of the same admin: its token is not this one's
    const v = ctx.track(visitor(s));
    const w = await v.frame('welcome');
    const dept = await s.app.parla.sites.createDepartment(SITE, { name: 'Orders' });
    // Real ids: each refused request is an attack on something that exists.
    const fill = (url: string) => url.replace(':siteId', SITE).replace(':id', url.includes('/agents/') ? adminId : url.includes('/departments/') ? dept.id : w.visitorId);
    const routes = s.app.parla.security.routes.filter((r) => STATE_CHANGING.has(r.method));
    const counts = { session: 0, credential: 0, 'session-or-visitor': 0, 'api-key': 0 };
    const before = snapshot(s);
    const token = csrfToken(decodeURIComponent(admin.split('=')[1]!));
    const wrong = csrfToken(decodeURIComponent(other.split('=')[1]!));
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      const path = fill(r.url);
      const auth = routeAuth(r.url);
      counts[auth]++;
      const cookie = { cookie: admin, 'x-parla-csrf': token };
      if (auth === 'api-key') {
        // The REST API reads no cookie: another origin with the admin's cookie is simply not a key.
        const res = await raw(s, r.method, path, { ...cookie, origin: 'http://evil.example' });
        expect(res.status, `${key}: ${res.body}`).toBe(401);
        continue;
      }
      for (const [why, headers] of [
        ['a foreign Origin', { origin: 'http://evil.example' }],
        ['another port of the same host', { origin: `http://127.0.0.1:${Number(new URL(s.url).port) + 1}` }],
        ['Origin: null', { origin: 'null' }],
        ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
        ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
        ['the right Origin but Sec-Fetch-Site: same-site', { origin: s.url, 'sec-fetch-site': 'same-site' }],
      ] as const) {
        const res = await raw(s, r.method, path, { ...cookie, ...headers });
        expect([res.status, res.error], `${key} with ${why}: ${res.body}`).toEqual([403, 'origin_not_allowed']);
        expect(JSON.parse(res.body).message, key).toMatch(/may not change anything here/);
      }
      if (auth === 'credential') {
        // No session to take a token from: the body's credential, sent as JSON only (a form post is refused).
        const form = await raw(s, r.method, path, { 'content-type': 'text/plain' }, '{"email":"boss@shop.test","password":"x","token":"y","code":"z"}');
        expect([form.status, form.error], `${key} as a text/plain form: ${form.body}`).toEqual([415, 'unsupported_type']);
        const urlencoded = await raw(s, r.method, path, { origin: s.url, 'content-type': 'application/x-www-form-urlencoded' }, 'email=boss%40shop.test');
        expect(urlencoded.status, `${key} urlencoded`).toBe(415);
        continue;
      }
      // Cookie-authorized: the token of this session, nothing else.
      for (const [why, headers] of [
        ['no CSRF token', { cookie: admin, origin: s.url }],
        ['no CSRF token and no Origin (an old browser, a script)', { cookie: admin }],
        ['another session’s token', { cookie: admin, origin: s.url, 'x-parla-csrf': wrong }],
        ['an empty token', { cookie: admin, origin: s.url, 'x-parla-csrf': '' }],
        ['a multipart form without a token', { cookie: admin, origin: s.url, 'content-type': 'multipart/form-data; boundary=x' }],
      ] as const) {
        const res = await raw(s, r.method, path, headers);
        expect([res.status, res.error], `${key} with ${why}: ${res.body}`).toEqual([403, 'csrf_token_invalid']);
      }
    }
    expect(snapshot(s), 'a refused request changed the database').toBe(before);

    // The console (its origin, Sec-Fetch-Site same-origin, the token) passes every check; ids that
    // do not exist, so nothing is changed (404/400/409 are fine). Logout last: it ends the session.
    const byConsole = routes.filter((r) => routeAuth(r.url) !== 'api-key').sort((a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'));
    for (const r of byConsole) {
      const path = r.url.replace(':siteId', 'no-such-site').replace(':id', 'no-such-id');
      for (const extra of [{ 'sec-fetch-site': 'same-origin' }, {}] as Record<string, string>[]) {
        const res = await raw(s, r.method, path, { origin: s.url, ...withCsrf(admin), ...extra });
        expect(['origin_not_allowed', 'csrf_token_invalid', 'unauthorized'], `${r.method} ${r.url} from the console: ${res.body}`).not.toContain(res.error);
      }
    }
    console.log(
      `csrf: ${routes.length} state-changing routes (${counts.session} by session cookie, ${counts['session-or-visitor']} cookie-or-visitor upload, ${counts.credential} by a credential in the body, ${counts['api-key']} REST API exempt); each refused with 6 kinds of foreign origin, each cookie one with 5 kinds of missing or wrong token; 0 database changes; all admitted from the console`,
    );
    expect(counts.session).toBeGreaterThanOrEqual(30);
    expect(counts.credential).toBe(4);
    expect(counts['session-or-visitor']).toBe(1);
    expect(counts['api-key']).toBeGreaterThanOrEqual(4);
  });

  it('the token comes with login and /api/auth/me, is the session’s own, changes with a new login, and is not asked of a stale cookie', async () => {
    const s = ctx.s;
    await s.app.parla.agents.create({ email: 'boss@shop.test', name: 'Boss', password: PASSWORD, role: 'admin' });
    const login = await fetch(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: s.url }, body: JSON.stringify({ email: 'boss@shop.test', password: PASSWORD }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const first = ((await login.json()) as { csrfToken: string }).csrfToken;
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await fetch(`${s.url}/api/auth/me`, { headers: { cookie } });
    expect(me.headers.get('cache-control')).toBe('no-store');
    expect(((await me.json()) as { csrfToken: string }).csrfToken).toBe(first);
    expect(withCsrf(cookie)['x-parla-csrf']).toBe(first);
    const again = await s.login('boss@shop.test');
    const second = ((await (await fetch(`${s.url}/api/auth/me`, { headers: { cookie: again } })).json()) as { csrfToken: string }).csrfToken;
    expect(second).not.toBe(first);
    // Logged out, the old cookie is stale: a login with it still in the browser needs no token.
    expect((await raw(s, 'POST', '/api/auth/logout', { ...withCsrf(cookie), origin: s.url })).status).toBe(204);
    const relogin = await raw(s, 'POST', '/api/auth/login', { cookie, origin: s.url }, JSON.stringify({ email: 'boss@shop.test', password: PASSWORD }));
    expect(relogin.status).toBe(200);
    // ...and a route that needs a session answers 401, not a CSRF refusal.
    expect((await raw(s, 'POST', `/api/sites/${SITE}/secret/rotate`, { cookie, origin: s.url })).status).toBe(401);
  });

  it('exempt by design: the widget’s upload (its own Authorization, from the site’s origins; the cookie is then ignored) and the REST API (API keys)', async () => {
    const s = ctx.s;
    await s.app.parla.agents.create({ email: 'boss@shop.test', name: 'Boss', password: PASSWORD, role: 'admin' });
    const admin = await s.login('boss@shop.test');
    const v = ctx.track(visitor(s));
    const w = await v.frame('welcome');
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const up = async (headers: Record<string, string>) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'a.png');
      const res = await fetch(`${s.url}/api/attachments?site=${SITE}`, { method: 'POST', headers, body: form });
      return { status: res.status, json: (await res.json()) as { id?: string; error?: string } };
    };
    // From the shop (not the console's origin, not same-site), with the visitor's token: accepted.
    const ok = await up({ authorization: `Visitor ${w.visitorToken}`, origin: SHOP_ORIGIN, 'sec-fetch-site': 'cross-site' });
    expect(ok.status).toBe(201);
    // The same with the admin's cookie riding along: still the visitor's upload (the cookie is not looked at).
    const both = await up({ authorization: `Visitor ${w.visitorToken}`, origin: SHOP_ORIGIN, cookie: admin });
    expect(both.status).toBe(201);
    const row = s.app.parla.db.sqlite.prepare('SELECT uploader_type AS t, uploader_id AS id FROM attachments WHERE id = ?').get(both.json.id) as { t: string; id: string };
    expect(row).toEqual({ t: 'visitor', id: w.visitorId });
    // An origin the site does not allow is refused by the route itself.
    expect(await up({ authorization: `Visitor ${w.visitorToken}`, origin: 'http://evil.example' })).toMatchObject({ status: 403, json: { error: 'origin_not_allowed' } });
    // A Visitor header that names nobody does not fall back to the cookie.
    expect((await up({ authorization: 'Visitor not-a-real-token-0123456789', origin: s.url, cookie: admin })).status).toBe(401);
  });
});

describe('login throttling', () => {
  it('per IP: 429 with a reason once the address has used its attempts', async () => {
    const s = await startServer({ env: { RATE_LOGIN_IP: '5/1m', RATE_LOGIN_EMAIL: 'off' } });
    try {
      await s.addAgent('agent@shop.test', 'Agent');
      const statuses: number[] = [];
      let last = '';
      for (let i = 0; i < 8; i++) {
        const res = await fetch(`${s.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: `nobody${i}@shop.test`, password: 'wrong password' }),
        });
        statuses.push(res.status);
        last = await res.text();
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
      expect(JSON.parse(last)).toMatchObject({ error: 'rate_limited' });
      expect(JSON.parse(last).message).toMatch(/try again in \d+ s/);
      console.log(`login per IP: ${statuses.join(' ')}`);
    } finally {
      await s.close();
    }
  });

  it('per address and account: a guesser stops itself, never the account: the right password from another address signs in', async () => {
    const s = await startServer({ env: { RATE_LOGIN_IP: '100/1m', RATE_LOGIN_EMAIL: '3/15m', RATE_LOGIN_ACCOUNT: '4/15m', LOGIN_BACKOFF_MAX_MS: '200' } });
    try {
      await s.addAgent('agent@shop.test', 'Agent');
      await s.addAgent('other@shop.test', 'Other');
      /** A login from a given loopback address (all of 127/8 is this machine). */
      const login = (from: string, email: string, password: string) =>
        new Promise<{ status: number; retryAfter: string | undefined; body: string }>((resolve, reject) => {
          const body = JSON.stringify({ email, password });
          const req = request(`${s.url}/api/auth/login`, { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined, body: text }));
          });
          req.on('error', reject);
          req.end(body);
        });
      const attacker = '127.0.0.2';
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await login(attacker, 'agent@shop.test', 'guess')).status);
      const stopped = await login(attacker, 'Agent@Shop.test', PASSWORD);
      statuses.push(stopped.status);
      // The guessing address is stopped for this account, even with the right password...
      expect(statuses).toEqual([401, 401, 401, 429]);
      expect(stopped.retryAfter).toMatch(/^\d+$/);
      expect(stopped.body).toContain('from this address');
      // ...but the owner, from their own address, signs in; and the guesser may still use another account.
      expect((await login('127.0.0.3', 'agent@shop.test', PASSWORD)).status).toBe(200);
      expect((await login(attacker, 'other@shop.test', PASSWORD)).status).toBe(200);
      // Guesses from many addresses put the account under attack: attempts on it are held, never refused.
      for (const from of ['127.0.0.4', '127.0.0.5', '127.0.0.6']) expect((await login(from, 'agent@shop.test', 'guess')).status).toBe(401);
      expect(s.app.parla.security.login.holdMs('agent@shop.test', Date.now())).toBeGreaterThan(0);
      expect(s.app.parla.security.login.holdMs('other@shop.test', Date.now())).toBe(0);
      expect((await login('127.0.0.7', 'agent@shop.test', PASSWORD)).status).toBe(200);
      console.log(`login from the guessing address: ${statuses.join(' ')}; the owner from another address: 200, also under attack (held)`);
    } finally {
      await s.close();
    }
  });
});

describe('sessions', () => {
  it('logout closes that session’s sockets at once; another session stays connected', async () => {
    const s = ctx.s;
    await s.addAgent('agent@shop.test', 'Agent');
    const mine = await s.login('agent@shop.test');
    const other = await s.login('agent@shop.test');
    const a = await rawHandshake(`${s.wsUrl}/ws/agent`, { origin: s.url, cookie: mine });
    const b = await rawHandshake(`${s.wsUrl}/ws/agent`, { origin: s.url, cookie: mine });
    const c = await rawHandshake(`${s.wsUrl}/ws/agent`, { origin: s.url, cookie: other });
    expect([a.status, b.status, c.status]).toEqual([101, 101, 101]);
    const closed = Promise.all([waitClose(a.ws!), waitClose(b.ws!)]);
    const res = await fetch(`${s.url}/api/auth/logout`, { method: 'POST', headers: { ...withCsrf(mine), origin: s.url } });
    expect(res.status).toBe(204);
    const [ca, cb] = await closed;
    expect([ca.code, cb.code]).toEqual([4401, 4401]);
    expect(c.ws!.readyState).toBe(WebSocket.OPEN);
    expect((await rawHandshake(`${s.wsUrl}/ws/agent`, { origin: s.url, cookie: mine })).status).toBe(401);
    console.log(`logout: 2 sockets of the session closed ${Math.round(Math.max(ca.ms, cb.ms))} ms after the logout request was sent; the other session's socket is open`);
    c.ws!.close();
  });

  it('an expired session’s socket is closed by the sweep', async () => {
    const s = await startServer({ fakeClock: true, env: { SESSION_TTL_HOURS: '1' } });
    try {
      await s.addAgent('agent@shop.test', 'Agent');
      const cookie = await s.login('agent@shop.test');
      const a = await rawHandshake(`${s.wsUrl}/ws/agent`, { origin: s.url, cookie });
      expect(a.status).toBe(101);
      const closed = waitClose(a.ws!);
      s.clock.advance(3600_000 + 1);
      const r = await closed;
      expect(r.code).toBe(4401);
      console.log(`expiry: socket closed ${Math.round(r.ms)} ms after the session expired (sweep every ${SESSION_SWEEP_MS} ms)`);
    } finally {
      await s.close();
    }
  });
});

describe('security headers', () => {
  it('the console and the API get a strict CSP with frame-ancestors none; the widget’s files stay loadable cross-origin', async () => {
    const s = ctx.s;
    expect(existsSync(join(CONSOLE_DIST, 'index.html')), 'build the console first').toBe(true);
    expect(existsSync(join(WIDGET_DIST, 'widget.js')), 'build the widget first').toBe(true);
    for (const path of ['/console/', '/api/auth/me']) {
      const res = await fetch(`${s.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).not.toContain('unsafe-eval');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    const chunk = (await (await fetch(`${s.url}/widget.js`)).text()).length > 0;
    expect(chunk).toBe(true);
    for (const path of ['/widget.js', '/widget/chat.js']) {
      const res = await fetch(`${s.url}${path}`, { headers: { origin: SHOP_ORIGIN } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(res.headers.get('content-security-policy'), path).toBeNull();
      expect(res.headers.get('cross-origin-resource-policy'), path).toBeNull();
      expect(res.headers.get('x-frame-options'), path).toBeNull();
    }
    console.log(`console CSP: ${(await fetch(`${s.url}/console/`)).headers.get('content-security-policy')}`);
  });
});
