/**
 * Email through a real SMTP server on loopback (smtp-server), parsed with mailparser: replies to
 * a visitor who left (one per burst, in their language, with a working link back), none to a
 * visitor who is here or came back, the transcript on request, agents told of a conversation
 * left waiting when nobody is online, retries after a failure, and the password never shown.
 */
import { newClientId } from '@parla/client';
import type { ServerToVisitor, VisitorToServer } from '@parla/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { identityHash } from '../src/modules/security/index.ts';
import { SHOP_ORIGIN, SITE, TestClient, onlineAgent, useServer, type TestServer, withCsrf } from './harness.ts';
import { smtpSink, type SmtpSink } from './smtp-sink.ts';

const lines: string[] = [];
const ctx = useServer({ fakeClock: true, env: { MAIL_SWEEP_MS: '600000', LOG_LEVEL: 'debug', RATE_TRANSCRIPTS_IP: '5/24h' }, build: { logStream: { write: (l) => void lines.push(l) } } });
const PASSWORD = 'correct horse battery';
const SMTP_PASSWORD = 'smtp-pass-Zq81-never-shown';
let sink: SmtpSink | null = null;
afterEach(async () => {
  await sink?.close();
  sink = null;
  lines.length = 0;
});

/** A visitor whose widget speaks `lang`; keeps the token like the widget does. */
function shopper(s: TestServer, lang: 'en' | 'it', token?: string) {
  let tok = token;
  const c = new TestClient<VisitorToServer, ServerToVisitor>(
    `${s.wsUrl}/ws/visitor?site=${SITE}`,
    () => ({ type: 'hello', protocol: 4, lang, ...(tok ? { visitorToken: tok } : {}), page: { url: `${SHOP_ORIGIN}/cart`, title: 'Cart' } }),
    { origin: SHOP_ORIGIN },
  );
  c.session.on('frame', (f) => {
    if (f.type === 'welcome' && 'visitorToken' in f && f.visitorToken) tok = f.visitorToken;
  });
  return Object.assign(ctx.track(c), { token: () => tok! });
}

async function setup(opts: { auth?: boolean } = {}) {
  const s = ctx.s;
  sink = await smtpSink(opts.auth ? { user: 'parla', password: SMTP_PASSWORD } : {});
  await s.app.parla.agents.create({ email: 'boss@shop.test', name: 'Boss', password: PASSWORD, role: 'admin' });
  const admin = await s.login('boss@shop.test');
  const put = await fetch(`${s.url}/api/sites/${SITE}/smtp`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...withCsrf(admin), origin: s.url },
    body: JSON.stringify({ host: '127.0.0.1', port: sink.port, secure: false, user: opts.auth ? 'parla' : null, password: opts.auth ? SMTP_PASSWORD : null, from: 'chat@shop.test' }),
  });
  expect(put.status).toBe(200);
  return { s, admin, sink };
}

const connected = (s: TestServer, visitorId: string) => s.app.parla.hub.count(`visitor:${visitorId}`) > 0;
async function until(cond: () => boolean, what: string) {
  const deadline = Date.now() + 5000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
const outbox = (s: TestServer) => s.app.parla.db.sqlite.prepare(`SELECT kind, state, to_address AS toAddress, attempts FROM email_outbox ORDER BY created_at, rowid`).all() as { kind: string; state: string; toAddress: string | null; attempts: number }[];

describe('email to a visitor who left', () => {
  it('one email per burst of agent replies, in Italian, to the address from the pre-chat form, with a link that opens the transcript', async () => {
    const { s, sink } = await setup({ auth: true });
    await s.addAgent('ada@shop.test', 'Ada');
    const a = await onlineAgent(ctx, 'ada@shop.test');
    const v = shopper(s, 'it');
    const w = await v.frame('welcome');
    expect(w.site?.email).toBe(true); // the widget may offer the transcript
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'Dov’è il mio ordine 1042?', name: 'Luca', email: 'luca@example.com' });
    const ack = await v.frame('ack');
    v.close();
    await until(() => !connected(s, w.visitorId), 'the visitor left');

    a.session.sendReliable({ type: 'message.send', clientId: newClientId(), conversationId: ack.conversationId, body: 'Ciao Luca, è partito ieri <b>con GLS</b>.' });
    await a.frame('ack');
    s.clock.advance(60_000);
    a.session.sendReliable({ type: 'message.send', clientId: newClientId(), conversationId: ack.conversationId, body: 'Il tracking è GLS-778.' });
    await a.waitFor(() => a.frames.filter((f) => f.type === 'ack').length >= 2, 'second ack');

    // Debounced: nothing until two minutes after the last reply.
    s.clock.advance(119_000);
    expect(await s.app.parlaMail.sweep()).toBe(0);
    expect(sink.received).toHaveLength(0);
    s.clock.advance(2_000);
    expect(await s.app.parlaMail.sweep()).toBe(1);
    expect(await s.app.parlaMail.sweep()).toBe(0);

    const [got] = await sink.waitFor(1);
    expect(got!.rcpt).toEqual(['luca@example.com']);
    expect(got!.user).toBe('parla'); // logged in with the stored password
    expect(got!.mail.from?.value[0]?.address).toBe('chat@shop.test');
    expect(got!.mail.subject).toMatch(/^Nuova risposta da /);
    expect(got!.mail.text).toContain('Ciao Luca, è partito ieri <b>con GLS</b>.');
    expect(got!.mail.text).toContain('Il tracking è GLS-778.');
    expect(got!.mail.text).not.toContain('Dov’è il mio ordine'); // only the replies they missed
    expect(String(got!.mail.html)).toContain('&lt;b&gt;con GLS&lt;/b&gt;'); // escaped in HTML
    const link = /(http\S+\/c\/([A-Za-z0-9_-]{43}))/.exec(got!.mail.text ?? '');
    expect(link, got!.mail.text).not.toBeNull();
    const token = link![2]!;

    // The link opens the transcript (both sides), in Italian, with strict headers.
    const page = await fetch(`${s.url}/c/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('lang="it"');
    expect(html).toContain('Dov’è il mio ordine 1042?');
    expect(html).toContain('Il tracking è GLS-778.');
    expect(html).toContain('Continua su shop.test');
    expect(html).not.toContain('<b>con GLS</b>');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    // Not a visitor token, stored only hashed; a wrong or changed token opens nothing.
    const stored = s.app.parla.db.sqlite.prepare(`SELECT token_hash AS h FROM conversation_links`).all() as { h: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.h).not.toBe(token);
    expect(token).not.toBe(v.token());
    expect((await fetch(`${s.url}/c/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).status).toBe(404);
    expect((await fetch(`${s.url}/c/${v.token().slice(0, 43)}`)).status).toBe(404);

    // The SMTP password: never returned, never logged.
    const admin = await s.login('boss@shop.test');
    const view = (await (await fetch(`${s.url}/api/sites/${SITE}/smtp`, { headers: { cookie: admin } })).json()) as { smtp: Record<string, unknown> };
    expect(view.smtp).toMatchObject({ host: '127.0.0.1', user: 'parla', passwordSet: true, from: 'chat@shop.test' });
    expect(JSON.stringify(view)).not.toContain(SMTP_PASSWORD);
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.filter((l) => l.includes(SMTP_PASSWORD))).toEqual([]);
    expect(lines.filter((l) => l.includes(token))).toEqual([]);
    console.log(`email: 1 email for 2 replies (debounced), ${lines.length} debug log lines without the SMTP password or the link token`);
  });

  it('no email to a visitor who is still connected, nor to one who came back before it was sent', async () => {
    const { s, sink } = await setup();
    await s.addAgent('ada@shop.test', 'Ada');
    const a = await onlineAgent(ctx, 'ada@shop.test');
    const v = shopper(s, 'en');
    const w = await v.frame('welcome');
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'Hi, do you have it in red?', email: 'mia@example.com' });
    const ack = await v.frame('ack');

    // Here: the reply reaches the widget, no email is even queued.
    a.session.sendReliable({ type: 'message.send', clientId: newClientId(), conversationId: ack.conversationId, body: 'Yes, in red and blue.' });
    await v.waitFor(() => v.messages().includes('Yes, in red and blue.'), 'the reply in the widget');
    s.clock.advance(600_000);
    expect(await s.app.parlaMail.sweep()).toBe(0);
    expect(outbox(s)).toEqual([]);

    // Gone, a reply, then back before the delay: the email is cancelled.
    const token = v.token();
    v.close();
    await until(() => !connected(s, w.visitorId), 'the visitor left');
    a.session.sendReliable({ type: 'message.send', clientId: newClientId(), conversationId: ack.conversationId, body: 'Anything else?' });
    await until(() => outbox(s).length === 1, 'an email queued');
    const back = shopper(s, 'en', token);
    await back.frame('welcome');
    s.clock.advance(600_000);
    expect(await s.app.parlaMail.sweep()).toBe(0);
    expect(outbox(s)).toEqual([{ kind: 'reply', state: 'cancelled', toAddress: null, attempts: 0 }]);
    expect(sink.received).toHaveLength(0);
  });

  it('a failed send is retried with backoff and goes out once the server answers', async () => {
    const { s, admin } = await setup();
    await s.addAgent('ada@shop.test', 'Ada');
    const a = await onlineAgent(ctx, 'ada@shop.test');
    const v = shopper(s, 'en');
    const w = await v.frame('welcome');
    v.session.sendReliable({ type: 'offline.message', clientId: newClientId(), body: 'Please write back', email: 'zoe@example.com' });
    const ack = await v.frame('ack');
    v.close();
    await until(() => !connected(s, w.visitorId), 'the visitor left');
    a.session.sendReliable({ type: 'message.send', clientId: newClientId(), conversationId: ack.conversationId, body: 'Here is our answer.' });
    await until(() => outbox(s).length === 1, 'an email queued');

    // The mail server goes away: the try fails, the row stays pending with a later due time.
    await sink!.close();
    s.clock.advance(121_000);
    expect(await s.app.parlaMail.sweep()).toBe(0);
    expect(outbox(s)).toEqual([{ kind: 'reply', state: 'pending', toAddress: null, attempts: 1 }]);
    s.clock.advance(10_000);
    expect(await s.app.parlaMail.sweep()).toBe(0); // not due yet (backoff)

    sink = await smtpSink();
    const put = await fetch(`${s.url}/api/sites/${SITE}/smtp`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...withCsrf(admin), origin: s.url },
      body: JSON.stringify({ host: '127.0.0.1', port: sink.port, from: 'chat@shop.test' }),
    });
    expect(put.status).toBe(200);
    s.clock.advance(30_000);
    expect(await s.app.parlaMail.sweep()).toBe(1);
    const [got] = await sink.waitFor(1);
    expect(got!.rcpt).toEqual(['zoe@example.com']);
    expect(got!.mail.subject).toMatch(/^New reply from /);
    expect(outbox(s)[0]).toMatchObject({ state: 'sent', attempts: 2 });
  });
});

describe('transcript on request', () => {
  it('goes to the address asked for, in the visitor’s language, with the whole conversation; nobody else may ask for it', async () => {
    const { s, sink } = await setup();
    await s.addAgent('ada@shop.test', 'Ada');
    const a = await onlineAgent(ctx, 'ada@shop.test');
    const v = shopper(s, 'en');
    await v.frame('welcome');
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'What is your returns policy?' });
    const ack = await v.frame('ack');
    a.session.sendReliable({ type: 'message.send', clientId: newClientId(), conversationId: ack.conversationId, body: 'Thirty days, free.' });
    await v.waitFor(() => v.messages().includes('Thirty days, free.'), 'reply');
    a.session.send({ type: 'conversation.resolve', conversationId: ack.conversationId });
    await v.frame('conversation', (f) => f.conversation.state === 'resolved');

    // Another visitor cannot have it sent anywhere.
    const other = shopper(s, 'en');
    await other.frame('welcome');
    other.session.send({ type: 'transcript.request', conversationId: ack.conversationId, email: 'thief@example.com' });
    expect(await other.frame('error')).toMatchObject({ code: 'not_found' });
    // The visitor gave no address yet: one is needed.
    v.session.send({ type: 'transcript.request', conversationId: ack.conversationId });
    expect(await v.frame('error')).toMatchObject({ code: 'conflict', message: expect.stringContaining('email') });

    v.session.send({ type: 'transcript.request', conversationId: ack.conversationId, email: 'Ann@Example.com' });
    // An address not shown to be the visitor's: a confirmation link first, with nothing the visitor wrote.
    expect(await v.frame('transcript.queued')).toMatchObject({ conversationId: ack.conversationId, email: 'ann@example.com', confirm: true });
    expect(await s.app.parlaMail.sweep()).toBe(1);
    const [confirm] = await sink.waitFor(1);
    expect(confirm!.rcpt).toEqual(['ann@example.com']);
    expect(confirm!.mail.subject).toMatch(/^Confirm your email address for /);
    expect(confirm!.mail.text).not.toContain('returns policy');
    expect(confirm!.mail.html).not.toContain('returns policy');
    const confirmUrl = /(http:\/\/\S+\/c\/confirm\/[A-Za-z0-9_-]{43})/.exec(confirm!.mail.text ?? '')![1]!;
    const path = new URL(confirmUrl).pathname;
    // Opening the link (what a mail scanner does too) only shows a button; nothing is sent.
    for (let i = 0; i < 2; i++) {
      const page = await fetch(`${s.url}${path}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<form method="post">');
    }
    expect(await s.app.parlaMail.sweep()).toBe(0);
    expect(lines.some((l) => l.includes(path.slice(11)))).toBe(false); // the token is never logged
    expect((await fetch(`${s.url}${path}`, { method: 'POST', headers: { origin: s.url } })).status).toBe(200);
    expect((await fetch(`${s.url}${path}`, { method: 'POST', headers: { origin: s.url } })).status).toBe(404); // once
    const [, got] = await sink.waitFor(2);
    expect(got!.rcpt).toEqual(['ann@example.com']);
    expect(got!.mail.subject).toMatch(/^Your conversation with /);
    expect(got!.mail.text).toContain('What is your returns policy?');
    expect(got!.mail.text).toContain('Thirty days, free.');
    expect(sink.received.some((r) => r.rcpt.includes('thief@example.com'))).toBe(false);
    const token = /\/c\/([A-Za-z0-9_-]{43})/.exec(got!.mail.text ?? '')![1]!;
    const html = await (await fetch(`${s.url}/c/${token}`)).text();
    expect(html).toContain('lang="en"');
    expect(html).toContain('Thirty days, free.');

    // The address is confirmed now: the next transcript goes straight there.
    s.clock.advance(60_000);
    v.session.send({ type: 'transcript.request', conversationId: ack.conversationId });
    expect(await v.frame('transcript.queued', (f) => f.confirm === undefined)).toMatchObject({ email: 'ann@example.com' });
    expect(await s.app.parlaMail.sweep()).toBe(1);
    expect((await sink.waitFor(3))[2]!.mail.subject).toMatch(/^Your conversation with /);
  });

  it('is not a mail relay: refused before the resolution, a confirmation link first for any new address, a few a day per visitor and per address', async () => {
    const { s, sink } = await setup();
    await s.addAgent('ada@shop.test', 'Ada');
    const a = await onlineAgent(ctx, 'ada@shop.test');
    const started = async () => {
      const v = shopper(s, 'en');
      await v.frame('welcome');
      v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'Your parcel is held: pay the fee at http://phish.example/pay' });
      return { v, conversationId: (await v.frame('ack')).conversationId };
    };
    // The probe: a queued conversation, 31 requests with a new address each: none is sent.
    const q = await started();
    for (let i = 0; i < 31; i++) q.v.session.send({ type: 'transcript.request', conversationId: q.conversationId, email: `victim${i}@example.com` });
    await q.v.waitFor(() => q.v.frames.filter((f) => f.type === 'error').length >= 31, '31 refusals');
    expect(q.v.frames.filter((f) => f.type === 'error').every((f) => f.type === 'error' && f.code === 'conflict' && /resolved/.test(f.message))).toBe(true);
    expect(q.v.frames.some((f) => f.type === 'transcript.queued')).toBe(false);

    // Resolved: each new address only gets a confirmation link (no visitor text), three a day per visitor.
    const resolve = async (c: { v: ReturnType<typeof shopper>; conversationId: string }) => {
      a.session.send({ type: 'conversation.take', conversationId: c.conversationId });
      await c.v.frame('conversation', (f) => f.conversation.state === 'assigned');
      a.session.send({ type: 'conversation.resolve', conversationId: c.conversationId });
      await c.v.frame('conversation', (f) => f.conversation.state === 'resolved');
    };
    await resolve(q);
    for (let i = 0; i < 3; i++) {
      q.v.session.send({ type: 'transcript.request', conversationId: q.conversationId, email: `target${i}@example.com` });
      await q.v.frame('transcript.queued', (f) => f.email === `target${i}@example.com` && f.confirm === true);
      expect(await s.app.parlaMail.sweep()).toBe(1);
    }
    q.v.session.send({ type: 'transcript.request', conversationId: q.conversationId, email: 'target3@example.com' });
    expect(await q.v.frame('error', (f) => f.code === 'rate_limited')).toMatchObject({ message: expect.stringContaining('a day') });
    // Another visitor behind the same address: the address's own limit (5 a day here) stops the sixth.
    const r = await started();
    await resolve(r);
    for (let i = 0; i < 2; i++) {
      r.v.session.send({ type: 'transcript.request', conversationId: r.conversationId, email: `more${i}@example.com` });
      await r.v.frame('transcript.queued', (f) => f.email === `more${i}@example.com`);
      expect(await s.app.parlaMail.sweep()).toBe(1);
    }
    r.v.session.send({ type: 'transcript.request', conversationId: r.conversationId, email: 'more2@example.com' });
    expect(await r.v.frame('error', (f) => f.code === 'rate_limited')).toMatchObject({ message: expect.stringContaining('this address') });
    // Five emails in all, each a confirmation link, none carrying the visitor's text.
    const got = await sink.waitFor(5);
    expect(got).toHaveLength(5);
    for (const m of got) {
      expect(m.mail.subject).toMatch(/^Confirm your email address/);
      expect(`${m.mail.text} ${m.mail.html}`).not.toContain('phish.example');
    }
  });

  it('goes straight to an address a verified identify gave (the shop vouches for it)', async () => {
    const { s, sink } = await setup();
    await s.addAgent('ada@shop.test', 'Ada');
    const a = await onlineAgent(ctx, 'ada@shop.test');
    const secret = s.app.parla.store.getSite(SITE)!.secret;
    const v = shopper(s, 'en');
    await v.frame('welcome');
    v.session.send({ type: 'identify', identity: { userId: 'u-7', email: 'Lia@Example.com', hash: identityHash('u-7', secret) } });
    await v.frame('welcome', (f) => f.type === 'welcome' && v.frames.filter((x) => x.type === 'welcome').length >= 2);
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'Order status?' });
    const ack = await v.frame('ack');
    a.session.send({ type: 'conversation.resolve', conversationId: ack.conversationId });
    await v.frame('conversation', (f) => f.conversation.state === 'resolved');
    v.session.send({ type: 'transcript.request', conversationId: ack.conversationId });
    const queued = await v.frame('transcript.queued');
    expect(queued).toMatchObject({ email: 'lia@example.com' });
    expect(queued.confirm).toBeUndefined();
    expect(await s.app.parlaMail.sweep()).toBe(1);
    expect((await sink.waitFor(1))[0]!.mail.text).toContain('Order status?');
  });

  it('is refused when the site has no SMTP settings', async () => {
    const s = ctx.s;
    const v = shopper(s, 'it');
    const w = await v.frame('welcome');
    expect(w.site?.email).toBeUndefined();
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'Ciao' });
    const ack = await v.frame('ack');
    v.session.send({ type: 'transcript.request', conversationId: ack.conversationId, email: 'ann@example.com' });
    expect(await v.frame('error')).toMatchObject({ code: 'conflict', message: expect.stringContaining('email') });
    expect(outbox(s)).toEqual([]);
  });
});

describe('agents told of a waiting conversation', () => {
  it('when no agent is online: one email per conversation to its agents, not one per message; none while someone is online', async () => {
    const { s, sink } = await setup();
    await s.addAgent('ada@shop.test', 'Ada');
    await s.addAgent('bo@shop.test', 'Bo');
    const v = shopper(s, 'it');
    await v.frame('welcome');
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'C’è qualcuno?', name: 'Gina' });
    const ack = await v.frame('ack');
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'Aspetto…' });
    await v.waitFor(() => v.frames.filter((f) => f.type === 'ack').length >= 2, 'second ack');
    expect(await s.app.parlaMail.sweep()).toBe(1);
    expect(await s.app.parlaMail.sweep()).toBe(0);
    const [got] = await sink.waitFor(1);
    expect(got!.rcpt.sort()).toEqual(['ada@shop.test', 'bo@shop.test', 'boss@shop.test']);
    expect(got!.mail.subject).toContain('A visitor is waiting / Un visitatore è in attesa');
    expect(got!.mail.text).toContain('Gina');
    expect(got!.mail.text).toContain('C’è qualcuno?');
    expect(got!.mail.text).toContain('/console/');
    expect(outbox(s).filter((r) => r.kind === 'waiting')).toHaveLength(1);

    // With an agent online, a new conversation is theirs: nobody is emailed.
    await onlineAgent(ctx, 'ada@shop.test');
    const v2 = shopper(s, 'en');
    await v2.frame('welcome');
    v2.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'Hello?' });
    await v2.frame('ack');
    expect(await s.app.parlaMail.sweep()).toBe(0);
    expect(outbox(s).filter((r) => r.kind === 'waiting')).toHaveLength(1);
    expect(ack.conversationId).toBeTruthy();
  });
});
