/**
 * Agents' side of security: every registered route checked for its role (enumerated from the
 * server itself, so a new route is checked without editing this file), login throttling per IP
 * and per email, sessions that end close their sockets (logout at once, expiry within the
 * sweep), and the security headers (console and API strict; the widget's files loadable anywhere).
 */
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CONSOLE_DIST, WIDGET_DIST } from '../src/app.ts';
import { SESSION_SWEEP_MS } from '../src/modules/security/index.ts';
import { rawHandshake, SHOP_ORIGIN, SITE, startServer, useServer, visitor, type TestServer } from './harness.ts';

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
  'POST /api/sites/:siteId/departments',
  'PATCH /api/departments/:id',
  'DELETE /api/departments/:id',
  'PUT /api/sites/:siteId/faqs',
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

async function call(s: TestServer, method: string, path: string, cookie?: string) {
  const withBody = !['GET', 'DELETE'].includes(method);
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: { origin: s.url, ...(cookie ? { cookie } : {}), ...(withBody ? { 'content-type': 'application/json' } : {}) },
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
    const res = await fetch(`${s.url}/api/auth/logout`, { method: 'POST', headers: { cookie: mine, origin: s.url } });
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
