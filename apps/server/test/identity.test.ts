/**
 * Identity verification (host page identify with an HMAC of the user id), the site secret
 * (admins see and rotate it; it is never logged), and the visitor token (>= 128 bits, stored
 * only hashed, never in a log line even at debug level, never in the database file).
 */
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import type { Identity, ServerToVisitor, VisitorToServer } from '@parla/protocol';
import { identityHash } from '../src/modules/security/index.ts';
import { onlineAgent, SHOP_ORIGIN, SITE, TestClient, useServer, type TestServer, withCsrf } from './harness.ts';

const logs: string[] = [];
const ctx = useServer({ env: { LOG_LEVEL: 'debug' }, build: { logStream: { write: (l: string) => void logs.push(l) } } });

/** A visitor client that keeps its token and sends `identity()` in every hello. */
function device(s: TestServer, identity: () => Identity | undefined = () => undefined, opts: { token?: string } = {}) {
  let token = opts.token;
  const c = new TestClient<VisitorToServer, ServerToVisitor>(
    `${s.wsUrl}/ws/visitor?site=${SITE}`,
    () => {
      const id = identity();
      return { type: 'hello', protocol: 4, ...(token ? { visitorToken: token } : {}), ...(id ? { identity: id } : {}), page: { url: `${SHOP_ORIGIN}/`, title: 'Home' } };
    },
    { origin: SHOP_ORIGIN },
  );
  c.session.on('frame', (f) => {
    if (f.type === 'welcome' && 'visitorToken' in f && f.visitorToken) token = f.visitorToken;
  });
  return Object.assign(ctx.track(c), { token: () => token });
}

const welcomes = (c: TestClient<VisitorToServer, ServerToVisitor>) => c.frames.filter((f) => f.type === 'welcome');

async function admin(s: TestServer): Promise<string> {
  await s.app.parla.agents.create({ email: 'boss@shop.test', name: 'Boss', password: 'correct horse battery', role: 'admin' });
  return s.login('boss@shop.test');
}

async function api(s: TestServer, method: string, path: string, cookie?: string, body?: unknown) {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: { ...(cookie ? withCsrf(cookie) : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), origin: s.url },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

describe('identity verification', () => {
  it('a valid hash links devices: the second device sees the first one’s conversation; an anonymous device that identifies joins it', async () => {
    const s = ctx.s;
    const cookie = await admin(s);
    const secret = (await api(s, 'GET', `/api/sites/${SITE}/secret`, cookie)).json!.secret as string;
    const who = { userId: 'user-42', name: 'Ada Lovelace', email: 'ada@example.com', hash: identityHash('user-42', secret) };

    const phone = device(s, () => who);
    const w1 = await phone.frame('welcome');
    expect(w1.identified).toBe(true);
    const cid = newClientId();
    phone.session.sendReliable({ type: 'message.send', clientId: cid, body: 'written on my phone' });
    const ack = await phone.frame('ack', (a) => a.clientId === cid);

    const laptop = device(s, () => who);
    const w2 = await laptop.frame('welcome');
    expect(w2.visitorId).toBe(w1.visitorId);
    expect(w2.identified).toBe(true);
    expect(w2.conversation?.id).toBe(ack.conversationId);
    laptop.session.send({ type: 'sync', conversationId: ack.conversationId, afterSeq: 0 });
    await laptop.waitFor(() => laptop.messages().includes('written on my phone'), 'the phone’s message on the laptop');

    // A third device chats anonymously first, then the host page identifies the shopper.
    const tablet = device(s);
    const w3 = await tablet.frame('welcome');
    expect(w3.identified).toBe(false);
    expect(w3.visitorId).not.toBe(w1.visitorId);
    const cid3 = newClientId();
    tablet.session.sendReliable({ type: 'message.send', clientId: cid3, body: 'before logging in' });
    await tablet.frame('ack', (a) => a.clientId === cid3);
    tablet.session.send({ type: 'identify', identity: who });
    await tablet.waitFor(() => welcomes(tablet).length === 2 && welcomes(tablet)[1], 'a second welcome');
    const w4 = welcomes(tablet)[1]!;
    expect(w4.type === 'welcome' && w4.visitorId).toBe(w1.visitorId);
    const detail = s.app.parla.visitors.detail(w1.visitorId)!;
    expect(detail.conversations.length).toBe(2); // the phone's and the tablet's
    expect(s.app.parla.store.visitorById(w3.visitorId)).toBeUndefined(); // merged away

    // The tablet's own token now opens the user's visitor.
    const again = device(s, () => undefined, { token: tablet.token() });
    expect((await again.frame('welcome')).visitorId).toBe(w1.visitorId);
    console.log(`identify: 3 devices, 1 visitor (${w1.visitorId}), ${detail.conversations.length} conversations merged`);
  });

  it('without a valid hash nothing is linked; a site that requires verification refuses the claim with identity_invalid', async () => {
    const s = ctx.s;
    const cookie = await admin(s);
    const secret = (await api(s, 'GET', `/api/sites/${SITE}/secret`, cookie)).json!.secret as string;
    const owner = device(s, () => ({ userId: 'victim', hash: identityHash('victim', secret) }));
    const ow = await owner.frame('welcome');
    const cid = newClientId();
    owner.session.sendReliable({ type: 'message.send', clientId: cid, body: 'private' });
    await owner.frame('ack');

    const forged = [
      { userId: 'victim', name: 'Mallory' }, // no hash
      { userId: 'victim', hash: 'f'.repeat(64) },
      { userId: 'victim', hash: identityHash('victim', 'another secret') },
      { userId: 'victim', hash: identityHash('victim', secret).toUpperCase().slice(0, 63) },
      { userId: 'victim ', hash: identityHash('victim', secret) },
    ];
    // Not enforced: the claim is kept only as an unverified name, linked to nothing.
    for (const identity of forged) {
      const m = device(s, () => identity);
      const w = await m.frame('welcome');
      expect(w.identified).toBe(false);
      expect(w.visitorId).not.toBe(ow.visitorId);
      expect(w.conversation).toBeNull();
      expect(s.app.parla.store.visitorById(w.visitorId)!.userId).toBeNull();
      m.close();
    }

    const settings = (await api(s, 'GET', `/api/sites/${SITE}/settings`, cookie)).json!;
    expect((await api(s, 'PUT', `/api/sites/${SITE}/settings`, cookie, { ...settings, requireVerifiedIdentity: true })).status).toBe(200);
    for (const identity of forged) {
      const m = device(s);
      await m.frame('welcome');
      m.session.send({ type: 'identify', identity });
      const err = await m.frame('error');
      expect(err.code).toBe('identity_invalid');
      expect(welcomes(m).length).toBe(1);
      // In the hello too: refused, and the visitor stays anonymous.
      const h = device(s, () => identity);
      await h.frame('error', (e) => e.code === 'identity_invalid');
      expect((await h.frame('welcome')).identified).toBe(false);
      m.close();
      h.close();
    }
    expect(s.app.parla.visitors.detail(ow.visitorId)!.conversations.length).toBe(1);
    console.log(`identify: ${forged.length} forged claims x 3 ways, 0 linked`);
  });

  it('admins see and rotate the site secret (agents may not); the old hash stops verifying', async () => {
    const s = ctx.s;
    const cookie = await admin(s);
    await s.addAgent('agent@shop.test', 'Agent');
    const agentCookie = await s.login('agent@shop.test');
    expect((await api(s, 'GET', `/api/sites/${SITE}/secret`, agentCookie)).status).toBe(403);
    expect((await api(s, 'POST', `/api/sites/${SITE}/secret/rotate`, agentCookie)).status).toBe(403);
    expect((await api(s, 'GET', `/api/sites/${SITE}/secret`)).status).toBe(401);
    const before = (await api(s, 'GET', `/api/sites/${SITE}/secret`, cookie)).json!.secret as string;
    expect(Buffer.from(before, 'base64url').length).toBeGreaterThanOrEqual(32);
    const sites = await api(s, 'GET', '/api/sites', agentCookie);
    expect(sites.text).not.toContain(before);

    const settings = (await api(s, 'GET', `/api/sites/${SITE}/settings`, cookie)).json!;
    await api(s, 'PUT', `/api/sites/${SITE}/settings`, cookie, { ...settings, requireVerifiedIdentity: true });
    const rotated = await api(s, 'POST', `/api/sites/${SITE}/secret/rotate`, cookie);
    expect(rotated.status).toBe(200);
    const after = rotated.json!.secret as string;
    expect(after).not.toBe(before);
    expect((await api(s, 'GET', `/api/sites/${SITE}/secret`, cookie)).json!.secret).toBe(after);

    const old = device(s);
    await old.frame('welcome');
    old.session.send({ type: 'identify', identity: { userId: 'u', hash: identityHash('u', before) } });
    expect((await old.frame('error')).code).toBe('identity_invalid');
    old.session.send({ type: 'identify', identity: { userId: 'u', hash: identityHash('u', after) } });
    await old.waitFor(() => welcomes(old)[1], 'welcome after a valid identify');
    expect(welcomes(old)[1]!.type === 'welcome' && welcomes(old)[1]!.identified).toBe(true);
  });
});

describe('secrets stay secret', () => {
  it('visitor tokens are >= 128 bits, stored hashed; no token, session cookie, CSRF token or site secret appears in debug logs or the database file', async () => {
    const s = ctx.s;
    logs.length = 0;
    const cookie = await admin(s);
    const secret = (await api(s, 'GET', `/api/sites/${SITE}/secret`, cookie)).json!.secret as string;
    const rotated = (await api(s, 'POST', `/api/sites/${SITE}/secret/rotate`, cookie)).json!.secret as string;
    const a = await onlineAgent(ctx, 'boss@shop.test');

    const tokens: string[] = [];
    for (let i = 0; i < 5; i++) {
      const d = device(s, () => (i % 2 ? { userId: `u${i}`, hash: identityHash(`u${i}`, rotated) } : undefined));
      const w = await d.frame('welcome');
      expect(w.visitorToken).toBeTruthy();
      tokens.push(w.visitorToken!);
      const cid = newClientId();
      d.session.sendReliable({ type: 'message.send', clientId: cid, body: `hello ${i}` });
      await d.frame('ack');
      // Reconnect: the token goes in the hello again.
      d.close();
      const back = device(s, () => undefined, { token: w.visitorToken });
      expect((await back.frame('welcome')).visitorId).toBe(w.visitorId);
      back.close();
    }
    await a.waitFor(() => a.frames.filter((f) => f.type === 'inbox.upsert').length >= 5, 'inbox updates');
    // A wrong token and a bad hello are logged at debug level too: neither may carry a token.
    device(s, () => undefined, { token: `${tokens[0]!.slice(0, -4)}AAAA` });
    await api(s, 'POST', '/api/auth/logout', cookie);
    await new Promise((r) => setTimeout(r, 200));

    const db = s.app.parla.db.sqlite;
    for (const t of tokens) {
      expect(Buffer.from(t, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
      const hash = createHash('sha256').update(t).digest('base64url');
      const row = db.prepare('SELECT count(*) AS n FROM visitors WHERE token_hash = ?').get(hash) as { n: number };
      const device2 = db.prepare('SELECT count(*) AS n FROM visitor_tokens WHERE token_hash = ?').get(hash) as { n: number };
      expect(row.n + device2.n).toBe(1);
    }
    const sessionToken = decodeURIComponent(cookie.split('=')[1]!);
    // The session's CSRF token too: it travels in a header on every state-changing request.
    const secrets = [...tokens, sessionToken, withCsrf(cookie)['x-parla-csrf'], secret, rotated];
    const text = logs.join('');
    expect(logs.length).toBeGreaterThan(20);
    for (const t of secrets) expect(text.includes(t), `a secret (${t.slice(0, 6)}…) is in the log`).toBe(false);

    s.app.parla.commit.flush();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const files = ['parla.db', 'parla.db-wal'].map((f) => join(s.dir, f)).filter(existsSync);
    const bytes = Buffer.concat(files.map((f) => readFileSync(f)));
    for (const t of tokens) expect(bytes.includes(Buffer.from(t)), 'a visitor token is in the database file').toBe(false);
    console.log(`secrets: ${logs.length} debug log lines (${text.length} bytes) and ${bytes.length} database bytes scanned for ${secrets.length} secrets: 0 found`);
  });
});
