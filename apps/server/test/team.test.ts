/**
 * Running an install without the demo: the first admin by setup code, the team (invitations,
 * edits, the last-admin rule, deactivation that ends sessions and requeues conversations,
 * reactivation), password links and changes (single-use, hashed, expiring, never logged), with a
 * real server, real SQLite, real sockets and a real SMTP server for the emailed invitation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVITE_TTL_MS, RESET_TTL_MS, SETUP_CODE_TTL_MS } from '../src/modules/agents/team.ts';
import { agent, SITE, useServer, visitor, type TestServer, withCsrf } from './harness.ts';
import { smtpSink } from './smtp-sink.ts';

const lines: string[] = [];
const ctx = useServer({ fakeClock: true, env: { LOG_LEVEL: 'debug' }, build: { logStream: { write: (l) => void lines.push(l) } } });
const PASSWORD = 'correct horse battery';

async function api(s: TestServer, method: string, path: string, o: { cookie?: string; body?: unknown; origin?: string | null } = {}) {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: {
      ...(o.origin === null ? {} : { origin: o.origin ?? s.url }),
      ...(o.cookie ? withCsrf(o.cookie) : {}),
      ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  const text = await res.text();
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? null;
  return { status: res.status, json: (text ? JSON.parse(text) : null) as Record<string, unknown> & { message?: string; error?: string }, cookie };
}

const tokenOf = (url: unknown) => /#(?:invite|reset)=([A-Za-z0-9_-]+)$/.exec(String(url))?.[1] ?? '';
const rows = (s: TestServer, sql: string, ...args: unknown[]) => s.app.parla.db.sqlite.prepare(sql).all(...args) as Record<string, unknown>[];

async function admin(s: TestServer) {
  await s.app.parla.team.createAdmin({ email: 'boss@shop.test', name: 'Boss', password: PASSWORD });
  return s.login('boss@shop.test');
}

/** An admin invites `email`; the agent accepts with `password`; returns the agent's id and cookie. */
async function teammate(s: TestServer, adminCookie: string, email: string, extra: Record<string, unknown> = {}, password = PASSWORD) {
  const r = await api(s, 'POST', '/api/agents', { cookie: adminCookie, body: { name: email.split('@')[0], email, ...extra } });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  const link = r.json.link as { url: string };
  const acc = await api(s, 'POST', '/api/password-links/accept', { body: { token: tokenOf(link.url), password } });
  expect(acc.status, JSON.stringify(acc.json)).toBe(200);
  return { id: (r.json.agent as { id: string }).id, cookie: acc.cookie! };
}

describe('first run', () => {
  it('an empty install asks for setup; only the printed code creates the one first admin, once', async () => {
    const s = ctx.s;
    expect((await api(s, 'GET', '/api/setup')).json).toEqual({ needed: true });
    const issued = (await s.app.parla.team.issueSetupCode())!;
    expect(issued.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const body = { code: issued.code, name: 'Owner', email: 'Owner@Shop.test', password: 'owner password 1' };

    // Wrong code, bad input, another origin: refused with the reason, nothing created.
    expect((await api(s, 'POST', '/api/setup', { body: { ...body, code: 'AAAA-BBBB-CCCC-DDDD' } })).status).toBe(403);
    const short = await api(s, 'POST', '/api/setup', { body: { ...body, password: 'short' } });
    expect(short.status).toBe(400);
    expect(short.json.message).toContain('at least 10 characters');
    expect((await api(s, 'POST', '/api/setup', { body: { ...body, email: 'not-an-email' } })).status).toBe(400);
    expect((await api(s, 'POST', '/api/setup', { body, origin: 'https://evil.test' })).status).toBe(403);
    expect(rows(s, 'SELECT id FROM agents')).toEqual([]);

    // Two racing requests with the right code (typed in lower case with spaces): exactly one admin.
    const typed = issued.code.toLowerCase().replace(/-/g, ' ');
    const [a, b] = await Promise.all([api(s, 'POST', '/api/setup', { body: { ...body, code: typed } }), api(s, 'POST', '/api/setup', { body: { ...body, code: typed, email: 'other@shop.test' } })]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const won = a.status === 201 ? a : b;
    expect(won.json.agent).toMatchObject({ role: 'admin' });
    expect((await api(s, 'GET', '/api/auth/me', { cookie: won.cookie! })).status).toBe(200);
    expect(rows(s, 'SELECT role FROM agents')).toEqual([{ role: 'admin' }]);

    // Closed for good: the same code, a new one, and the status.
    expect((await api(s, 'POST', '/api/setup', { body: { ...body, email: 'third@shop.test' } })).json.error).toBe('setup_done');
    expect(await s.app.parla.team.issueSetupCode()).toBeNull();
    expect((await api(s, 'GET', '/api/setup')).json).toEqual({ needed: false });
    // Stored only hashed, and never in a log line.
    expect(JSON.stringify(rows(s, 'SELECT * FROM account_tokens'))).not.toContain(issued.code.replace(/-/g, ''));
    expect(lines.filter((l) => l.includes(issued.code) || l.includes(typed)).length).toBe(0);
  });

  it('a setup code expires, and a new start replaces it', async () => {
    const s = ctx.s;
    const first = (await s.app.parla.team.issueSetupCode())!;
    const second = (await s.app.parla.team.issueSetupCode())!;
    const body = { name: 'Owner', email: 'owner@shop.test', password: 'owner password 1' };
    expect((await api(s, 'POST', '/api/setup', { body: { ...body, code: first.code } })).json.error).toBe('invalid_setup_code');
    s.clock.advance(SETUP_CODE_TTL_MS + 1);
    expect((await api(s, 'POST', '/api/setup', { body: { ...body, code: second.code } })).json.error).toBe('invalid_setup_code');
    const third = (await s.app.parla.team.issueSetupCode())!;
    expect((await api(s, 'POST', '/api/setup', { body: { ...body, code: third.code } })).status).toBe(201);
  });
});

describe('the team', () => {
  it('an invited agent sets their password through a single-use link, then signs in', async () => {
    const s = ctx.s;
    const boss = await admin(s);
    const dept = await s.app.parla.sites.createDepartment(SITE, { name: 'Orders' });
    const r = await api(s, 'POST', '/api/agents', { cookie: boss, body: { name: 'Marco', email: 'Marco@Shop.test', role: 'agent', maxChats: 3, departmentIds: [dept.id] } });
    expect(r.status).toBe(201);
    const link = r.json.link as { url: string; emailed: boolean; kind: string; expiresAt: number };
    expect(link).toMatchObject({ kind: 'invite', emailed: false });
    expect(link.url).toMatch(new RegExp(`^${s.app.parla.config.PUBLIC_URL}/console/#invite=[A-Za-z0-9_-]{43}$`));
    expect(link.expiresAt).toBe(s.clock.now + INVITE_TTL_MS);
    expect(r.json.agent).toMatchObject({ email: 'marco@shop.test', status: 'invited', maxChats: 3, departmentIds: [dept.id] });
    const token = tokenOf(link.url);

    // Not usable before it is accepted; the link says who it is for.
    expect((await api(s, 'POST', '/api/auth/login', { body: { email: 'marco@shop.test', password: PASSWORD } })).status).toBe(401);
    expect((await api(s, 'POST', '/api/password-links/inspect', { body: { token } })).json).toMatchObject({ kind: 'invite', name: 'Marco', email: 'marco@shop.test' });
    expect((await api(s, 'POST', '/api/password-links/accept', { body: { token, password: 'too short' } })).status).toBe(400);
    expect((await api(s, 'POST', '/api/password-links/accept', { body: { token: 'x'.repeat(43), password: PASSWORD } })).status).toBe(404);

    const acc = await api(s, 'POST', '/api/password-links/accept', { body: { token, password: PASSWORD } });
    expect(acc.status).toBe(200);
    expect((await api(s, 'GET', '/api/auth/me', { cookie: acc.cookie! })).json.agent).toMatchObject({ name: 'Marco' });
    expect((await api(s, 'POST', '/api/auth/login', { body: { email: 'marco@shop.test', password: PASSWORD } })).status).toBe(200);
    // Used: good no more.
    expect((await api(s, 'POST', '/api/password-links/accept', { body: { token, password: 'another password 2' } })).status).toBe(404);
    expect((await api(s, 'POST', '/api/password-links/inspect', { body: { token } })).status).toBe(404);
    const list = (await api(s, 'GET', '/api/agents', { cookie: boss })).json as unknown as { email: string; status: string }[];
    expect(list.find((a) => a.email === 'marco@shop.test')?.status).toBe('active');

    // The token is stored only as its hash and never logged.
    expect(JSON.stringify(rows(s, 'SELECT * FROM account_tokens'))).not.toContain(token);
    expect(lines.some((l) => l.includes(token))).toBe(false);
    expect(readFileSync(join(s.dir, 'parla.db')).includes(token)).toBe(false);
  });

  it('invitations expire; a new link replaces the old one; a taken email, a missing agent and bad input are refused', async () => {
    const s = ctx.s;
    const first = await admin(s);
    const r = await api(s, 'POST', '/api/agents', { cookie: first, body: { name: 'Late', email: 'late@shop.test' } });
    const id = (r.json.agent as { id: string }).id;
    s.clock.advance(INVITE_TTL_MS);
    const boss = await s.login('boss@shop.test'); // the week also ended the session
    expect((await api(s, 'POST', '/api/password-links/accept', { body: { token: tokenOf((r.json.link as { url: string }).url), password: PASSWORD } })).status).toBe(404);
    const again = await api(s, 'POST', `/api/agents/${id}/password-link`, { cookie: boss });
    const newer = await api(s, 'POST', `/api/agents/${id}/password-link`, { cookie: boss });
    expect(again.json.kind, JSON.stringify(again.json)).toBe('invite');
    expect((await api(s, 'POST', '/api/password-links/inspect', { body: { token: tokenOf(again.json.url) } })).status).toBe(404);
    expect((await api(s, 'POST', '/api/password-links/accept', { body: { token: tokenOf(newer.json.url), password: PASSWORD } })).status).toBe(200);

    expect((await api(s, 'POST', '/api/agents', { cookie: boss, body: { name: 'Dup', email: 'LATE@shop.test' } })).json.error).toBe('email_taken');
    expect((await api(s, 'PATCH', `/api/agents/${id}`, { cookie: boss, body: { email: 'boss@shop.test' } })).json.error).toBe('email_taken');
    expect((await api(s, 'POST', '/api/agents', { cookie: boss, body: { name: '', email: 'x@shop.test' } })).status).toBe(400);
    expect((await api(s, 'POST', '/api/agents', { cookie: boss, body: { name: 'X', email: 'x@shop.test', role: 'owner' } })).status).toBe(400);
    expect((await api(s, 'POST', '/api/agents', { cookie: boss, body: { name: 'X', email: 'x@shop.test', departmentIds: ['nope'] } })).status).toBe(404);
    expect(rows(s, `SELECT id FROM agents WHERE email = 'x@shop.test'`)).toEqual([]);
    expect((await api(s, 'PATCH', `/api/agents/${id}`, { cookie: boss, body: { nickname: 'x' } })).status).toBe(400);
    for (const path of ['/api/agents/nobody/deactivate', '/api/agents/nobody/reactivate', '/api/agents/nobody/password-link']) {
      expect((await api(s, 'POST', path, { cookie: boss })).status, path).toBe(404);
    }
    expect((await api(s, 'PATCH', '/api/agents/nobody', { cookie: boss, body: { name: 'x' } })).status).toBe(404);
    expect((await api(s, 'POST', '/api/agents', { cookie: boss, body: { name: 'X', email: 'x@shop.test' }, origin: 'https://evil.test' })).status).toBe(403);
  });

  it('the last admin cannot be demoted or deactivated; with a second admin it can', async () => {
    const s = ctx.s;
    const boss = await admin(s);
    const bossId = rows(s, `SELECT id FROM agents WHERE email = 'boss@shop.test'`)[0]!.id as string;
    // An invited admin who has not set a password yet does not count.
    const pending = await api(s, 'POST', '/api/agents', { cookie: boss, body: { name: 'Pending', email: 'pending@shop.test', role: 'admin' } });
    expect(pending.status).toBe(201);
    expect((await api(s, 'PATCH', `/api/agents/${bossId}`, { cookie: boss, body: { role: 'agent' } })).json.error).toBe('last_admin');
    expect((await api(s, 'POST', `/api/agents/${bossId}/deactivate`, { cookie: boss })).json.error).toBe('last_admin');
    expect(rows(s, `SELECT role, deactivated_at AS d FROM agents WHERE id = ?`, bossId)).toEqual([{ role: 'admin', d: null }]);

    const second = await teammate(s, boss, 'second@shop.test', { role: 'admin' });
    expect((await api(s, 'PATCH', `/api/agents/${bossId}`, { cookie: boss, body: { role: 'agent' } })).json).toMatchObject({ role: 'agent' });
    // Now `second` is the last admin.
    expect((await api(s, 'POST', `/api/agents/${second.id}/deactivate`, { cookie: second.cookie })).json.error).toBe('last_admin');
    // An agent may change only their own capacity.
    expect((await api(s, 'PATCH', `/api/agents/${bossId}`, { cookie: boss, body: { role: 'admin' } })).status).toBe(403);
    expect((await api(s, 'PATCH', `/api/agents/${bossId}`, { cookie: boss, body: { name: 'Me' } })).status).toBe(403);
    expect((await api(s, 'PATCH', `/api/agents/${bossId}`, { cookie: boss, body: { maxChats: 2 } })).json).toMatchObject({ maxChats: 2 });
    expect((await api(s, 'PATCH', `/api/agents/${second.id}`, { cookie: boss, body: { maxChats: 2 } })).status).toBe(403);
  });

  it('deactivation ends the sessions and sockets at once, sends the conversations back to the queue, keeps the history; reactivation restores the login', async () => {
    const s = ctx.s;
    const boss = await admin(s);
    const marco = await teammate(s, boss, 'marco@shop.test');
    const sock = ctx.track(agent(s, marco.cookie));
    await sock.frame('welcome');

    const v = ctx.track(visitor(s));
    await v.frame('welcome');
    v.session.send({ type: 'message.send', clientId: 'deact-msg-0001', body: 'Where is my order?' });
    const assigned = await sock.frame('inbox.upsert', (f) => f.conversation.state === 'assigned' && f.conversation.agentId === marco.id);
    const convId = assigned.conversation.id;
    sock.session.send({ type: 'message.send', clientId: 'deact-reply-01', conversationId: convId, body: 'Let me check.' });
    await v.waitFor(() => v.messages().includes('Let me check.'), 'the reply');

    const r = await api(s, 'POST', `/api/agents/${marco.id}/deactivate`, { cookie: boss });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: 'deactivated', presence: 'offline', load: 0 });
    // At once: the conversation is queued again, the session is gone, the socket is closed by the server.
    expect(rows(s, 'SELECT state, agent_id AS agentId FROM conversations WHERE id = ?', convId)).toEqual([{ state: 'queued', agentId: null }]);
    expect((await api(s, 'GET', '/api/auth/me', { cookie: marco.cookie })).status).toBe(401);
    expect(rows(s, 'SELECT token_hash FROM agent_sessions WHERE agent_id = ?', marco.id)).toEqual([]);
    await sock.waitFor(() => sock.session.state !== 'open', 'the agent socket to close');
    // The right password of a deactivated account: told so; a wrong one: the usual 401.
    expect((await api(s, 'POST', '/api/auth/login', { body: { email: 'marco@shop.test', password: PASSWORD } })).json.error).toBe('account_deactivated');
    expect((await api(s, 'POST', '/api/auth/login', { body: { email: 'marco@shop.test', password: 'wrong password' } })).status).toBe(401);
    // History kept: their reply is still there under their name.
    expect(rows(s, `SELECT author_name AS n FROM messages WHERE conversation_id = ? AND author_type = 'agent'`, convId)).toEqual([{ n: 'marco' }]);
    // No links for a deactivated agent.
    expect((await api(s, 'POST', `/api/agents/${marco.id}/password-link`, { cookie: boss })).json.error).toBe('deactivated');

    // Another online agent takes the queued conversation.
    const giulia = await teammate(s, boss, 'giulia@shop.test');
    const g = ctx.track(agent(s, giulia.cookie));
    await g.waitFor(
      () =>
        g.frames.some(
          (f) =>
            (f.type === 'welcome' && f.inbox.some((c) => c.id === convId && c.state === 'assigned' && c.agentId === giulia.id)) ||
            (f.type === 'inbox.upsert' && f.conversation.id === convId && f.conversation.state === 'assigned' && f.conversation.agentId === giulia.id),
        ),
      'the conversation assigned to giulia',
    );

    expect((await api(s, 'POST', `/api/agents/${marco.id}/reactivate`, { cookie: boss })).json).toMatchObject({ status: 'active' });
    expect((await api(s, 'POST', '/api/auth/login', { body: { email: 'marco@shop.test', password: PASSWORD } })).status).toBe(200);
  });

  it('a reset link ends every session of the agent; a password change needs the old one and ends the other sessions', async () => {
    const s = ctx.s;
    const boss = await admin(s);
    const marco = await teammate(s, boss, 'marco@shop.test');
    const other = await s.login('marco@shop.test');
    const sock = ctx.track(agent(s, other));
    await sock.frame('welcome');

    // Change: wrong current password refused (and counted); right one: 204, this session stays, the other ends.
    const wrong = await api(s, 'POST', '/api/auth/password', { cookie: marco.cookie, body: { currentPassword: 'not it at all', newPassword: 'brand new password' } });
    expect(wrong.json.error).toBe('wrong_password');
    expect((await api(s, 'POST', '/api/auth/password', { cookie: marco.cookie, body: { currentPassword: PASSWORD, newPassword: 'short' } })).status).toBe(400);
    expect((await api(s, 'POST', '/api/auth/password', { cookie: marco.cookie, body: { currentPassword: PASSWORD, newPassword: 'brand new password' } })).status).toBe(204);
    expect((await api(s, 'GET', '/api/auth/me', { cookie: marco.cookie })).status).toBe(200);
    expect((await api(s, 'GET', '/api/auth/me', { cookie: other })).status).toBe(401);
    await sock.waitFor(() => sock.session.state !== 'open', 'the other session’s socket to close');
    expect((await api(s, 'POST', '/api/auth/login', { body: { email: 'marco@shop.test', password: PASSWORD } })).status).toBe(401);
    expect((await api(s, 'POST', '/api/auth/login', { body: { email: 'marco@shop.test', password: 'brand new password' } })).status).toBe(200);

    // Reset by an admin: a reset link, good for RESET_TTL_MS; accepting it ends every session.
    const link = await api(s, 'POST', `/api/agents/${marco.id}/password-link`, { cookie: boss });
    expect(link.json).toMatchObject({ kind: 'reset', emailed: false, expiresAt: s.clock.now + RESET_TTL_MS });
    expect((await api(s, 'GET', '/api/auth/me', { cookie: marco.cookie })).status).toBe(200); // not yet
    const acc = await api(s, 'POST', '/api/password-links/accept', { body: { token: tokenOf(link.json.url), password: 'reset password 33' } });
    expect(acc.status).toBe(200);
    expect((await api(s, 'GET', '/api/auth/me', { cookie: marco.cookie })).status).toBe(401);
    expect((await api(s, 'GET', '/api/auth/me', { cookie: acc.cookie! })).status).toBe(200);
    // An expired reset link.
    const late = await api(s, 'POST', `/api/agents/${marco.id}/password-link`, { cookie: boss });
    s.clock.advance(RESET_TTL_MS);
    expect((await api(s, 'POST', '/api/password-links/accept', { body: { token: tokenOf(late.json.url), password: 'too late password' } })).status).toBe(404);
  });

  it('with SMTP on a site, the invitation is emailed (not shown) and its link works', async () => {
    const s = ctx.s;
    const boss = await admin(s);
    const sink = await smtpSink();
    try {
      const put = await api(s, 'PUT', `/api/sites/${SITE}/smtp`, { cookie: boss, body: { host: '127.0.0.1', port: sink.port, secure: false, user: null, password: null, from: 'chat@shop.test' } });
      expect(put.status).toBe(200);
      const r = await api(s, 'POST', '/api/agents', { cookie: boss, body: { name: 'Anna', email: 'anna@shop.test' } });
      expect(r.json.link).toMatchObject({ kind: 'invite', emailed: true, url: null });
      const [mail] = await sink.waitFor(1);
      expect(mail!.rcpt).toEqual(['anna@shop.test']);
      expect(mail!.mail.subject).toContain('Il tuo account Parla');
      const token = /#invite=([A-Za-z0-9_-]{43})/.exec(mail!.mail.text ?? '')?.[1];
      expect(token).toBeTruthy();
      expect(lines.some((l) => l.includes(token!))).toBe(false);
      expect((await api(s, 'POST', '/api/password-links/accept', { body: { token, password: PASSWORD } })).status).toBe(200);

      // "A visitor is waiting" goes to the agents who can sign in: not the deactivated, not the invited.
      const gone = await api(s, 'POST', '/api/agents', { cookie: boss, body: { name: 'Gone', email: 'gone@shop.test' } });
      const goneMail = (await sink.waitFor(2))[1]!;
      const goneToken = /#invite=([A-Za-z0-9_-]{43})/.exec(goneMail.mail.text ?? '')![1];
      expect((await api(s, 'POST', '/api/password-links/accept', { body: { token: goneToken, password: PASSWORD } })).status).toBe(200);
      await api(s, 'POST', `/api/agents/${(gone.json.agent as { id: string }).id}/deactivate`, { cookie: boss });
      await api(s, 'POST', '/api/agents', { cookie: boss, body: { name: 'New', email: 'new@shop.test' } });
      await sink.waitFor(3); // the three invitations
      const v = ctx.track(visitor(s));
      await v.frame('welcome');
      v.session.send({ type: 'message.send', clientId: 'waiting-msg-01', body: 'anyone there?' });
      await v.frame('ack');
      await s.app.parlaMail.sweep();
      const [waiting] = (await sink.waitFor(4)).slice(3);
      expect(waiting!.mail.subject).toContain('A visitor is waiting');
      expect(waiting!.rcpt.sort()).toEqual(['anna@shop.test', 'boss@shop.test']);
    } finally {
      await sink.close();
    }
  });
});
