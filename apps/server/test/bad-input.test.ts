import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES, MAX_MESSAGE_CHARS } from '@parla/protocol';
import { rawVisitor, startServer, type TestServer, withCsrf } from './harness.ts';

let s: TestServer;
beforeEach(async () => {
  s = await startServer();
});
afterEach(async () => {
  await s.close();
});

const rows = (table: string) => (s.app.parla.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('invalid frames get a typed error and the socket stays usable', () => {
  it('before hello, frames are refused with not_ready', async () => {
    const c = await rawVisitor(s);
    c.ws.send(JSON.stringify({ type: 'message.send', clientId: 'abcdefgh1', body: 'hi' }));
    const e = await c.next('error');
    expect(e).toMatchObject({ type: 'error', code: 'not_ready' });
    c.ws.close();
  });

  it('answers each kind of bad input, then still chats', async () => {
    const c = await rawVisitor(s);
    c.ws.send(JSON.stringify({ type: 'hello', protocol: 1 }));
    await c.next('welcome');

    c.ws.send('{not json');
    expect(await c.next('error')).toMatchObject({ code: 'bad_frame', message: 'frame is not valid JSON' });

    c.ws.send(JSON.stringify({ type: 'explode' }));
    expect(await c.next('error')).toMatchObject({ code: 'bad_frame' });

    c.ws.send(JSON.stringify({ type: 'message.send', clientId: 'short', body: 'x' }));
    expect(await c.next('error')).toMatchObject({ code: 'bad_frame', message: expect.stringContaining('clientId') });

    c.ws.send(JSON.stringify({ type: 'message.send', clientId: 'abcdefgh2', body: '   ' }));
    expect(await c.next('error')).toMatchObject({ code: 'bad_frame', clientId: 'abcdefgh2', message: expect.stringContaining('empty') });

    c.ws.send(JSON.stringify({ type: 'message.send', clientId: 'abcdefgh3', body: 'x'.repeat(MAX_MESSAGE_CHARS + 1) }));
    expect(await c.next('error')).toMatchObject({ code: 'bad_frame', clientId: 'abcdefgh3' });

    c.ws.send(JSON.stringify({ type: 'message.send', clientId: 'abcdefgh4', body: 'y'.repeat(MAX_FRAME_BYTES) }));
    expect(await c.next('error')).toMatchObject({ code: 'frame_too_large' });

    c.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await c.next('error')).toMatchObject({ code: 'bad_frame' });

    c.ws.send(JSON.stringify({ type: 'hello', protocol: 1 }));
    expect(await c.next('error')).toMatchObject({ code: 'bad_frame', message: expect.stringContaining('hello') });

    c.ws.send(JSON.stringify({ type: 'sync', conversationId: 'does-not-exist', afterSeq: 0 }));
    expect(await c.next('error')).toMatchObject({ code: 'not_found' });

    // Nothing half-written: no conversation, no message.
    expect(rows('messages')).toBe(0);
    expect(rows('conversations')).toBe(0);

    // And the same socket still works.
    c.ws.send(JSON.stringify({ type: 'message.send', clientId: 'abcdefgh5', body: 'finally a real question' }));
    expect(await c.next('ack')).toMatchObject({ clientId: 'abcdefgh5', seq: 2 });
    expect(rows('messages')).toBe(1);
    c.ws.close();
  });

  it('closes a connection that sends a frame far over the limit', async () => {
    const c = await rawVisitor(s);
    const closed = new Promise<number>((r) => c.ws.on('close', (code) => r(code)));
    c.ws.send('z'.repeat(8 * MAX_FRAME_BYTES));
    expect(await closed).toBe(1009);
  });

  it('refuses an unsupported protocol version', async () => {
    const c = await rawVisitor(s);
    const closed = new Promise<number>((r) => c.ws.on('close', (code) => r(code)));
    c.ws.send(JSON.stringify({ type: 'hello', protocol: 99 }));
    expect(await c.next('error')).toMatchObject({ code: 'unsupported_protocol' });
    expect(await closed).toBe(4000);
  });
});

describe('HTTP input', () => {
  it('login: 400 with a reason for a bad body, 401 for wrong credentials, 403 cross-site', async () => {
    await s.addAgent('ada@shop.test', 'Ada');
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const bad = await post({ email: 'not-an-email', password: 'x' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'bad_request', message: expect.stringContaining('email') });
    expect((await post({ email: 'ada@shop.test', password: 'wrong' })).status).toBe(401);
    expect((await post({ email: 'nobody@shop.test', password: 'wrong' })).status).toBe(401);
    expect((await post({ email: 'ada@shop.test', password: 'correct horse battery' }, { origin: 'http://evil.test' })).status).toBe(403);
    const ok = await post({ email: 'ADA@shop.test', password: 'correct horse battery' });
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const broken = await fetch(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(broken.status).toBe(400);
  });

  it('agent routes need a session; logout ends it', async () => {
    await s.addAgent('ada@shop.test', 'Ada');
    expect((await fetch(`${s.url}/api/auth/me`)).status).toBe(401);
    expect((await fetch(`${s.url}/api/metrics/summary`)).status).toBe(401);
    const cookie = await s.login('ada@shop.test');
    const me = await fetch(`${s.url}/api/auth/me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({ agent: { name: 'Ada', email: 'ada@shop.test' } });
    expect((await fetch(`${s.url}/api/metrics/summary?from=yesterday`, { headers: { cookie } })).status).toBe(400);
    expect((await fetch(`${s.url}/api/conversations/nope`, { headers: { cookie } })).status).toBe(404);
    await fetch(`${s.url}/api/auth/logout`, { method: 'POST', headers: withCsrf(cookie) });
    expect((await fetch(`${s.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('stores only a scrypt hash of the password and a hash of the session token', async () => {
    await s.addAgent('ada@shop.test', 'Ada');
    const cookie = await s.login('ada@shop.test');
    const token = cookie.split('=')[1]!;
    const db = s.app.parla.db.sqlite;
    const hash = (db.prepare('SELECT password_hash AS h FROM agents').get() as { h: string }).h;
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('correct horse');
    const sessions = db.prepare('SELECT token_hash AS t FROM agent_sessions').all() as { t: string }[];
    expect(sessions.map((r) => r.t)).not.toContain(token);
  });
});
