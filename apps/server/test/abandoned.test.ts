/**
 * Abandoned conversations close: the inactivity and abandoned rules of the sweep, snooze, and a
 * capacity that counts active conversations only. The clock is the test's; the sweep is run by
 * hand (the timer's interval is long in tests).
 */
import { describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import type { Metrics } from '@parla/protocol';
import { SWEEP_BATCH } from '../src/modules/conversations/service.ts';
import { onlineAgent, SITE, useServer, visitor, withCsrf } from './harness.ts';

const ctx = useServer({ fakeClock: true });
const row = (id: string) => ctx.s.app.parla.store.conversation(id)!;
const sweep = () => ctx.s.app.parla.conversations.sweepInactive();
const MIN = 60_000;

async function ask(body: string) {
  const v = ctx.track(visitor(ctx.s));
  await v.frame('welcome');
  v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body });
  const ack = await v.frame('ack');
  return { v, id: ack.conversationId };
}

/** An admin's session cookie (a new account made admin). */
async function admin(): Promise<string> {
  const id = await ctx.s.addAgent('boss@shop.test', 'Boss');
  ctx.s.app.parla.db.sqlite.prepare("UPDATE agents SET role = 'admin' WHERE id = ?").run(id);
  return ctx.s.login('boss@shop.test');
}

async function patchSettings(cookie: string, body: object) {
  const res = await fetch(`${ctx.s.url}/api/sites/${SITE}/settings`, { method: 'PATCH', headers: { 'content-type': 'application/json', ...withCsrf(cookie) }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function metrics(cookie: string): Promise<Metrics> {
  const to = ctx.s.clock.now + 3600_000;
  const res = await fetch(`${ctx.s.url}/api/metrics?from=${to - 2 * 86_400_000}&to=${to}&siteId=${SITE}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as Metrics;
}

const resolvedEvent = (items: { item: { kind: string; event?: string } }[]) => items.find((i) => i.item.kind === 'event' && i.item.event === 'resolved');

describe('abandoned: a shopper who left without an answer', () => {
  it('is resolved after abandonedResolveMin, with the reason; the agent at capacity gets the next shopper; no survey; the KPI counts it', async () => {
    const s = ctx.s;
    const hook = await fetch(`${s.url}/api/sites/${SITE}/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...withCsrf(await admin()) },
      body: JSON.stringify({ url: 'https://hooks.example.com/parla', events: ['conversation.resolved'] }),
    });
    expect(hook.status).toBe(201);
    await s.addAgent('ada@shop.test', 'Ada', undefined, 1);
    const a = await onlineAgent(ctx, 'ada@shop.test');
    const first = await ask('Where is my order?');
    await first.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    const second = await ask('Can I pay by bank transfer?');
    expect(row(second.id).state).toBe('queued'); // Ada is at her limit of 1

    first.v.close(); // the first shopper leaves without an answer
    await first.v.waitFor(() => s.app.parla.hub.count(`visitor:${row(first.id).visitorId}`) === 0, 'socket closed');
    await new Promise((r) => setTimeout(r, 50)); // the close's last-seen write
    s.clock.advance(9 * MIN);
    expect(await sweep()).toMatchObject({ abandoned: 0 }); // 9 minutes: not yet (default 10)
    expect(row(first.id).state).toBe('assigned');

    s.clock.advance(2 * MIN);
    expect(await sweep()).toMatchObject({ abandoned: 1, inactivity: 0 });
    expect(row(first.id)).toMatchObject({ state: 'resolved', autoResolved: 'abandoned' });
    // The integrations hear why: conversation.resolved carries data.reason.
    const hooks = s.app.parla.db.sqlite.prepare(`SELECT payload FROM webhook_deliveries WHERE event = 'conversation.resolved' AND conversation_id = ?`).all(first.id) as { payload: string }[];
    expect(hooks.map((h) => (JSON.parse(h.payload) as { data: { reason?: string } }).data.reason)).toEqual(['abandoned']);
    // The second shopper (still connected, so not abandoned) reaches Ada right away.
    await second.v.frame('conversation', (f) => f.conversation.state === 'assigned' && f.conversation.agentName === 'Ada');
    const up = await a.frame('inbox.upsert', (f) => f.conversation.id === first.id && f.conversation.state === 'resolved');
    expect(up.conversation.autoResolved).toBe('abandoned');
    a.session.track(first.id);
    const ev = await a.waitFor(() => resolvedEvent(a.items), 'resolved event');
    expect(ev.item).toMatchObject({ event: 'resolved', reason: 'abandoned', agentName: null });
    // No survey: the visitor's view says why it was resolved (the widget asks no rating then).
    expect(s.app.parla.conversations.visitorView(row(first.id)).resolvedReason).toBe('abandoned');

    const m = await metrics(await s.login('ada@shop.test'));
    expect(m.totals.resolvedByInactivity).toEqual({ count: 1, share: 1 });
    expect(m.totals.csat.surveyed).toBe(0);
    expect(m.totals.missed.count).toBe(1);
  });

  it('works in bounded ticks: at most SWEEP_BATCH resolutions each, the rest at the next', async () => {
    const s = ctx.s;
    const p = s.app.parla;
    for (let i = 0; i < SWEEP_BATCH + 50; i++) {
      const { visitor: v } = await p.visitors.hello(SITE, undefined, undefined);
      await p.conversations.visitorMessage({ id: v.id, siteId: SITE, name: null }, newClientId(), `question ${i}`, { noBot: true });
    }
    s.clock.advance(11 * MIN);
    expect(await sweep()).toMatchObject({ abandoned: SWEEP_BATCH });
    expect(await sweep()).toMatchObject({ abandoned: 50 });
    expect(await sweep()).toMatchObject({ abandoned: 0 });
    expect(p.store.queuedConversations()).toHaveLength(0);
  });

  it('leaves a connected shopper, one who left an email, and a call-back alone', async () => {
    const s = ctx.s;
    await s.addAgent('ada@shop.test', 'Ada', undefined, 5);
    const waiting = await ask('Hello?'); // queued, nobody online, still connected
    const offline = ctx.track(visitor(s));
    await offline.frame('welcome');
    offline.session.sendReliable({ type: 'offline.message', clientId: newClientId(), body: 'Please write back', email: 'luca@example.com' });
    const off = (await offline.frame('ack')).conversationId;
    offline.close();
    const caller = ctx.track(visitor(s));
    await caller.frame('welcome');
    caller.session.sendReliable({ type: 'callback.request', clientId: newClientId(), phone: '+39 02 1234 5678', preferredTime: 'after 6pm' });
    const cb = (await caller.frame('ack')).conversationId;
    caller.close();
    await new Promise((r) => setTimeout(r, 100)); // the closes' last-seen writes
    s.clock.advance(60 * MIN);
    expect(await sweep()).toMatchObject({ abandoned: 0 });
    expect(row(waiting.id).state).toBe('queued');
    expect(row(off).state).toBe('queued');
    expect(row(cb)).toMatchObject({ state: 'queued', channel: 'callback' });
  });

  it('abandonedResolveMin 0 turns the rule off', async () => {
    const s = ctx.s;
    const cookie = await admin();
    expect((await patchSettings(cookie, { abandonedResolveMin: 0 })).status).toBe(200);
    const c = await ask('anyone?');
    c.v.close();
    await new Promise((r) => setTimeout(r, 100));
    s.clock.advance(120 * MIN);
    expect(await sweep()).toMatchObject({ abandoned: 0 });
    expect(row(c.id).state).toBe('queued');
  });
});

describe('inactivity: the agent answered, the shopper went quiet', () => {
  it('is resolved after inactivityResolveMin (set per site), with the reason, even with the widget open', async () => {
    const s = ctx.s;
    await s.addAgent('ada@shop.test', 'Ada');
    expect((await patchSettings(await s.login('ada@shop.test'), { inactivityResolveMin: 1 })).status).toBe(403); // admins only
    const cookie = await admin();
    const bad = await patchSettings(cookie, { inactivityResolveMin: -1 });
    expect(bad.status).toBe(400);
    const saved = await patchSettings(cookie, { inactivityResolveMin: 0.5 }); // 30 s
    expect(saved).toMatchObject({ status: 200, body: { inactivityResolveMin: 0.5, slaFirstResponseSec: 300 } });
    const a = await onlineAgent(ctx, 'ada@shop.test');
    const c = await ask('Do you ship to Malta?');
    await c.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    a.session.sendReliable({ type: 'message.send', clientId: newClientId(), conversationId: c.id, body: 'Yes, in 3 days. Anything else?' });
    await a.frame('ack');

    s.clock.advance(20_000);
    c.v.session.send({ type: 'typing', isTyping: true }); // the shopper is typing: activity
    await new Promise((r) => setTimeout(r, 50));
    s.clock.advance(20_000);
    expect(await sweep()).toMatchObject({ inactivity: 0 });
    s.clock.advance(31_000);
    expect(await sweep()).toMatchObject({ inactivity: 1 });
    expect(row(c.id)).toMatchObject({ state: 'resolved', autoResolved: 'inactivity' });
    const conv = await c.v.frame('conversation', (f) => f.conversation.state === 'resolved');
    expect(conv.conversation.resolvedReason).toBe('inactivity');
    const ev = await c.v.waitFor(() => resolvedEvent(c.v.items), 'resolved event');
    expect(ev.item).toMatchObject({ reason: 'inactivity' });

    // Writing again reopens it, and the reason goes.
    c.v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'One more thing' });
    await c.v.waitFor(() => row(c.id).state !== 'resolved', 'reopened');
    expect(row(c.id).autoResolved).toBeNull();
  });

  it('never resolves a conversation whose shopper wrote last (the agent owes the answer)', async () => {
    const s = ctx.s;
    await s.addAgent('ada@shop.test', 'Ada');
    const a = await onlineAgent(ctx, 'ada@shop.test');
    const c = await ask('Hi');
    await c.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    a.session.sendReliable({ type: 'message.send', clientId: newClientId(), conversationId: c.id, body: 'Hello, how can I help?' });
    await a.frame('ack');
    c.v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'My parcel is late' });
    await c.v.frame('ack', (f) => f.conversationId === c.id && f.seq > 4);
    s.clock.advance(5 * 60 * MIN);
    expect(await sweep()).toMatchObject({ inactivity: 0, abandoned: 0 });
    expect(row(c.id).state).toBe('assigned');
  });
});

describe('snooze', () => {
  it('leaves the active list and capacity until its time, and the queue drains to the agent', async () => {
    const s = ctx.s;
    const ada = await s.addAgent('ada@shop.test', 'Ada', undefined, 1);
    const a = await onlineAgent(ctx, 'ada@shop.test');
    const first = await ask('I will send the photos later');
    await first.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    const second = await ask('Question about sizes');
    expect(row(second.id).state).toBe('queued');

    // Past times and other agents' conversations are refused with a typed error.
    a.session.send({ type: 'conversation.snooze', conversationId: first.id, until: s.clock.now - 1 });
    expect(await a.frame('error')).toMatchObject({ code: 'bad_frame' });
    a.session.send({ type: 'conversation.snooze', conversationId: second.id, until: null });
    expect(await a.frame('error', (f) => f.code === 'conflict')).toMatchObject({ message: expect.stringContaining('your own') });

    const until = s.clock.now + 3600_000;
    a.session.send({ type: 'conversation.snooze', conversationId: first.id, until });
    const up = await a.frame('inbox.upsert', (f) => f.conversation.id === first.id && f.conversation.snoozed === true);
    expect(up.conversation.snoozedUntil).toBe(until);
    await second.v.frame('conversation', (f) => f.conversation.state === 'assigned'); // capacity ignores the snoozed one
    expect(s.app.parla.store.agentLoad(ada)).toBe(1);
    expect(row(first.id).state).toBe('assigned'); // still Ada's

    s.clock.advance(3600_000);
    expect(await sweep()).toMatchObject({ woken: 1 });
    const back = await a.frame('inbox.upsert', (f) => f.conversation.id === first.id && !f.conversation.snoozed && !!f.conversation.wokeAt);
    expect(back.conversation).toMatchObject({ state: 'assigned', agentId: ada });
    expect(s.app.parla.store.agentLoad(ada)).toBe(2); // back in her active list (above her limit: current ones stay)
  });

  it('until the shopper’s next message', async () => {
    const s = ctx.s;
    const ada = await s.addAgent('ada@shop.test', 'Ada', undefined, 2);
    const a = await onlineAgent(ctx, 'ada@shop.test');
    const c = await ask('I will check my order number and come back');
    await c.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    a.session.send({ type: 'conversation.snooze', conversationId: c.id, until: null });
    await a.frame('inbox.upsert', (f) => f.conversation.id === c.id && f.conversation.snoozed === true && f.conversation.snoozedUntil === null);
    expect(s.app.parla.store.agentLoad(ada)).toBe(0);
    s.clock.advance(48 * 3600_000);
    expect(await sweep()).toMatchObject({ woken: 0, inactivity: 0, abandoned: 0 }); // a snoozed conversation is not auto-resolved
    expect(row(c.id).snoozedAt).not.toBeNull();

    c.v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'It is 1042' });
    await a.frame('inbox.upsert', (f) => f.conversation.id === c.id && !f.conversation.snoozed && !!f.conversation.wokeAt);
    expect(s.app.parla.store.agentLoad(ada)).toBe(1);
    // The agent answers: the row is no longer marked as back from snooze (its preview stays the shopper's last message).
    a.session.sendReliable({ type: 'message.send', clientId: newClientId(), conversationId: c.id, body: 'Thanks, found it' });
    const answered = await a.frame('inbox.upsert', (f) => f.conversation.id === c.id && f.conversation.lastSeq === 6);
    expect(answered.conversation).toMatchObject({ lastMessage: 'It is 1042' });
    expect(answered.conversation.wokeAt ?? null).toBeNull();
  });
});

describe('snooze and an agent who leaves', () => {
  it('a snoozed conversation stays with its agent while away, and goes to the queue when it wakes if they are gone', async () => {
    const s = ctx.s;
    const ada = await s.addAgent('ada@shop.test', 'Ada');
    const a = await onlineAgent(ctx, 'ada@shop.test');
    const c = await ask('Back in an hour with the receipt');
    await c.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    a.session.send({ type: 'conversation.snooze', conversationId: c.id, until: s.clock.now + 3600_000 });
    await a.frame('inbox.upsert', (f) => f.conversation.id === c.id && f.conversation.snoozed === true);
    a.close();
    await c.v.waitFor(() => s.app.parla.store.agentById(ada)!.presence === 'offline', 'Ada offline');
    await new Promise((r) => setTimeout(r, 100)); // her conversations' requeue ran
    expect(row(c.id)).toMatchObject({ state: 'assigned', agentId: ada }); // snoozed: not requeued

    s.clock.advance(3600_000);
    expect(await sweep()).toMatchObject({ woken: 1 });
    expect(row(c.id)).toMatchObject({ state: 'queued', agentId: null, snoozedAt: null });
  });
});

describe('capacity counts active conversations only', () => {
  it('take at the limit is refused with the reason; after a snooze it is allowed', async () => {
    const s = ctx.s;
    expect((await patchSettings(await admin(), { routingMode: 'manual' })).status).toBe(200);
    await s.addAgent('ada@shop.test', 'Ada', undefined, 1);
    const a = await onlineAgent(ctx, 'ada@shop.test');
    const one = await ask('first');
    const two = await ask('second');
    a.session.send({ type: 'conversation.take', conversationId: one.id });
    await one.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    a.session.send({ type: 'conversation.take', conversationId: two.id });
    expect(await a.frame('error')).toMatchObject({ code: 'conflict', message: 'you are at your limit of 1 active conversations' });
    a.session.send({ type: 'conversation.snooze', conversationId: one.id, until: null });
    await a.frame('inbox.upsert', (f) => f.conversation.id === one.id && f.conversation.snoozed === true);
    a.session.send({ type: 'conversation.take', conversationId: two.id });
    await two.v.frame('conversation', (f) => f.conversation.state === 'assigned');
  });
});
