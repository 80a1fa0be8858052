/**
 * Optional two-factor sign-in (TOTP, RFC 6238): set up in two steps, asked at login, a code good
 * once (no replay within its 30 s), recovery codes good once, wrong codes throttled like wrong
 * passwords, turned off by the agent (password and code) or by an admin; a reset link does not
 * sign in an agent who has it on. Codes are made by the test with the otpauth library from the
 * secret the server handed out, at the server's (controlled) clock.
 */
import { TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { useServer, withCsrf, type TestServer } from './harness.ts';

const lines: string[] = [];
const ctx = useServer({ fakeClock: true, env: { LOG_LEVEL: 'debug', RATE_LOGIN_EMAIL: '6/15m' }, build: { logStream: { write: (l) => void lines.push(l) } } });
const PASSWORD = 'correct horse battery';

async function api(s: TestServer, method: string, path: string, o: { cookie?: string; body?: unknown } = {}) {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: { origin: s.url, ...(o.cookie ? withCsrf(o.cookie) : {}), ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as Record<string, unknown> & { error?: string }, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? null };
}

/** The 6-digit code of `secret` at `at` (what the agent's phone shows). */
function totpAt(secret: string, at: number): string {
  return new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at });
}

const login = (s: TestServer, email: string, password: string, totp?: string) => api(s, 'POST', '/api/auth/login', { body: { email, password, ...(totp ? { totp } : {}) } });

async function enrolled(s: TestServer, email = 'ada@shop.test') {
  await s.addAgent(email, 'Ada');
  const cookie = await s.login(email);
  expect((await api(s, 'POST', '/api/auth/totp/setup', { cookie, body: { currentPassword: 'not mine at all' } })).json.error).toBe('wrong_password');
  const setup = await api(s, 'POST', '/api/auth/totp/setup', { cookie, body: { currentPassword: PASSWORD } });
  expect(setup.status).toBe(200);
  const secret = setup.json.secret as string;
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  expect(setup.json.uri).toBe(`otpauth://totp/Parla:${encodeURIComponent(email)}?issuer=Parla&secret=${secret}&algorithm=SHA1&digits=6&period=30`);
  expect(String(setup.json.qrSvg)).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  // Not on until a code proves the app has it.
  expect((await login(s, email, PASSWORD)).status).toBe(200);
  expect((await api(s, 'POST', '/api/auth/totp/enable', { cookie, body: { code: '000000' } })).json.error).toBe('invalid_totp');
  const on = await api(s, 'POST', '/api/auth/totp/enable', { cookie, body: { code: totpAt(secret, s.clock.now) } });
  expect(on.status).toBe(200);
  const recovery = on.json.recoveryCodes as string[];
  expect(recovery).toHaveLength(10);
  expect(new Set(recovery).size).toBe(10);
  expect((await api(s, 'GET', '/api/auth/totp', { cookie })).json).toEqual({ enabled: true, recoveryCodesLeft: 10 });
  return { cookie, secret, recovery };
}

describe('two-factor sign-in', () => {
  it('is asked at login once on; a code is good once, the next step’s code works; recovery codes are good once', async () => {
    const s = ctx.s;
    const { secret, recovery, cookie } = await enrolled(s);
    const email = 'ada@shop.test';
    expect((await login(s, email, PASSWORD)).json.error).toBe('totp_required');
    expect((await login(s, email, 'wrong password', totpAt(secret, s.clock.now))).status).toBe(401);
    // The code that turned it on was used: refused (replay); the next 30 s step's code signs in, once.
    expect((await login(s, email, PASSWORD, totpAt(secret, s.clock.now))).status).toBe(401);
    s.clock.advance(30_000);
    const now = totpAt(secret, s.clock.now);
    expect((await login(s, email, PASSWORD, now)).status).toBe(200);
    expect((await login(s, email, PASSWORD, now)).status).toBe(401);
    // A phone a step behind (clock drift) still works, for a step not used yet.
    s.clock.advance(60_000);
    expect((await login(s, email, PASSWORD, totpAt(secret, s.clock.now - 30_000))).status).toBe(200);
    // Recovery codes: any case and spacing, each once.
    expect((await login(s, email, PASSWORD, ` ${recovery[3]!.toLowerCase()} `)).status).toBe(200);
    expect((await login(s, email, PASSWORD, recovery[3])).status).toBe(401);
    expect((await api(s, 'GET', '/api/auth/totp', { cookie })).json).toEqual({ enabled: true, recoveryCodesLeft: 9 });
    // Neither the secret nor a code ever reaches a log line; the codes are stored hashed.
    expect(lines.some((l) => l.includes(secret) || l.includes(now) || l.includes(recovery[0]!))).toBe(false);
    const stored = JSON.stringify(s.app.parla.db.sqlite.prepare('SELECT * FROM agent_recovery_codes').all());
    expect(recovery.some((c) => stored.includes(c) || stored.includes(c.replace('-', '')))).toBe(false);
  });

  it('wrong codes are failed logins: that address stops for the account after RATE_LOGIN_EMAIL', async () => {
    const s = ctx.s;
    await enrolled(s);
    const statuses: number[] = [];
    // One failure was the wrong password at setup; five wrong codes make six.
    for (let i = 0; i < 6; i++) statuses.push((await login(s, 'ada@shop.test', PASSWORD, String(100000 + i))).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('the agent turns it off with password and code; an admin turns it off for an agent who lost their phone', async () => {
    const s = ctx.s;
    const { cookie, secret } = await enrolled(s);
    s.clock.advance(30_000);
    expect((await api(s, 'POST', '/api/auth/totp/disable', { cookie, body: { currentPassword: PASSWORD, code: '123456' } })).json.error).toBe('invalid_totp');
    expect((await api(s, 'POST', '/api/auth/totp/disable', { cookie, body: { currentPassword: PASSWORD, code: totpAt(secret, s.clock.now) } })).status).toBe(204);
    expect((await login(s, 'ada@shop.test', PASSWORD)).status).toBe(200);

    const bo = await enrolled(s, 'bo@shop.test');
    await s.app.parla.team.createAdmin({ email: 'boss@shop.test', name: 'Boss', password: PASSWORD });
    const boss = await s.login('boss@shop.test');
    const boId = s.app.parla.store.agentByEmail('bo@shop.test')!.id;
    expect((await api(s, 'POST', `/api/agents/${boId}/totp/reset`, { cookie: bo.cookie })).status).toBe(403);
    const r = await api(s, 'POST', `/api/agents/${boId}/totp/reset`, { cookie: boss });
    expect(r.json).toMatchObject({ id: boId, totp: false });
    expect((await login(s, 'bo@shop.test', PASSWORD)).status).toBe(200);
    expect((await api(s, 'POST', '/api/agents/nobody/totp/reset', { cookie: boss })).status).toBe(404);
  });

  it('a password-reset link sets the password but does not sign in an agent who has two-factor on', async () => {
    const s = ctx.s;
    const { secret } = await enrolled(s);
    await s.app.parla.team.createAdmin({ email: 'boss@shop.test', name: 'Boss', password: PASSWORD });
    const boss = await s.login('boss@shop.test');
    const id = s.app.parla.store.agentByEmail('ada@shop.test')!.id;
    const link = await api(s, 'POST', `/api/agents/${id}/password-link`, { cookie: boss });
    const token = /#reset=(.+)$/.exec(String(link.json.url))![1];
    const acc = await api(s, 'POST', '/api/password-links/accept', { body: { token, password: 'a brand new password' } });
    expect(acc.status).toBe(200);
    expect(acc.json.totpRequired).toBe(true);
    expect(acc.cookie).toBeNull();
    expect((await login(s, 'ada@shop.test', 'a brand new password')).json.error).toBe('totp_required');
    s.clock.advance(30_000);
    expect((await login(s, 'ada@shop.test', 'a brand new password', totpAt(secret, s.clock.now))).status).toBe(200);
  });
});
