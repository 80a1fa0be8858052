/**
 * A sale day: hundreds of shoppers wait at once. The agents' console must receive every waiting
 * conversation (the welcome used to stop at 500 rows, newest activity first, so the
 * longest-waiting shopper, told "queue position 1", was the one missing), in the order the routing
 * serves them, and its count must agree with GET /api/metrics/live whatever the size. And when
 * the queue moves, every shopper waiting is told their new place, while one joining the end
 * changes nobody's. The real server, real agent sockets (the Session), real visitor sockets for
 * the first and the latest shopper; the 520 in between go through the service (a socket each
 * would only make it slower).
 */
import { describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import type { ConversationSummary, LiveMetrics, ServerToAgent } from '@parla/protocol';
import { agent, SITE, useServer, visitor, type TestClient, type TestServer } from './harness.ts';

// NORMAL: a commit is not fsynced (hundreds of conversations are made one commit at a time).
const ctx = useServer({ fakeClock: true, env: { DB_SYNCHRONOUS: 'NORMAL' } });
const track = ctx.track;

type AgentClient = TestClient<import('@parla/protocol').AgentToServer, ServerToAgent>;

/** Manual routing: agents take from the queue, so connecting does not change it. */
async function manualRouting(s: TestServer, siteId = SITE) {
  const sites = s.app.parla.sites;
  await sites.saveSettings(siteId, { ...sites.settings(siteId)!, routingMode: 'manual' });
}

/** A waiting conversation made through the service (as a visitor socket's message would). */
async function shopper(s: TestServer, body: string, departmentId?: string, siteId = SITE): Promise<string> {
  const { visitor: v } = await s.app.parla.visitors.hello(siteId, undefined, undefined);
  const r = await s.app.parla.conversations.visitorMessage({ id: v.id, siteId, name: null }, newClientId(), body, departmentId ? { departmentId } : {});
  return r.conversationId;
}

/** The DB's queue, in the routing's serving order (what drain() walks). */
const dbQueue = (s: TestServer) => s.app.parla.store.queuedConversations().map((c) => c.id);

async function live(s: TestServer, cookie: string): Promise<LiveMetrics> {
  const res = await fetch(`${s.url}/api/metrics/live`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as LiveMetrics;
}

/** What a console knows: the last welcome's rows, then every inbox.upsert and erasure after it. */
function consoleModel(a: AgentClient): Map<string, ConversationSummary> {
  let from = -1;
  a.frames.forEach((f, i) => {
    if (f.type === 'welcome') from = i;
  });
  const rows = new Map<string, ConversationSummary>();
  for (const f of a.frames.slice(from)) {
    if (f.type === 'welcome') for (const c of f.inbox) rows.set(c.id, c);
    else if (f.type === 'inbox.upsert') rows.set(f.conversation.id, f.conversation);
    else if (f.type === 'conversation.erased') rows.delete(f.conversationId);
  }
  return rows;
}
const queuedIn = (rows: Map<string, ConversationSummary>) => [...rows.values()].filter((c) => c.state === 'queued');

/** The console's serving order: priority (high first), then queuedAt, then the server's serial. */
const servingOrder = (a: ConversationSummary, b: ConversationSummary) =>
  b.priority - a.priority || (a.queuedAt ?? a.createdAt) - (b.queuedAt ?? b.createdAt) || (a.serial ?? 0) - (b.serial ?? 0);

describe('the inbox on a sale day', () => {
  it('lists all 521 waiting shoppers, the longest-waiting first, and keeps the count equal to /api/metrics/live', async () => {
    const s = ctx.s;
    await manualRouting(s);
    await s.addAgent('ada@shop.test', 'Ada');
    await s.addAgent('bo@shop.test', 'Bo');
    // Someone is online (routing is manual, so nobody takes anything): shoppers are told their place.
    await s.app.parla.agents.setPresence(await s.addAgent('cy@shop.test', 'Cy'), 'online');

    // The first shopper, on a real socket, waits longest.
    const first = track(visitor(s));
    await first.frame('welcome');
    first.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'I was here first' });
    const firstId = (await first.frame('ack')).conversationId;
    await first.frame('conversation', (f) => f.conversation.state === 'queued' && f.conversation.queuePosition === 1);

    // 520 newer ones, 20 a second: each 20 arrive in the same millisecond (the tie the serial settles).
    const started = Date.now();
    for (let i = 0; i < 520; i += 20) {
      s.clock.advance(1000);
      await Promise.all(Array.from({ length: 20 }, (_, k) => shopper(s, `newer shopper ${i + k}`)));
    }
    const createMs = Date.now() - started;
    expect(dbQueue(s).length).toBe(521);
    expect(dbQueue(s)[0]).toBe(firstId);
    // The visitor is still told they are next.
    expect(s.app.parla.conversations.visitorView(s.app.parla.store.conversation(firstId)!).queuePosition).toBe(1);

    const adaCookie = await s.login('ada@shop.test');
    const ada = track(agent(s, adaCookie));
    const welcome = await ada.frame('welcome');
    const queued = welcome.inbox.filter((c) => c.state === 'queued');
    // Every queued conversation, in the routing's order, the first shopper first.
    expect(queued.map((c) => c.id)).toEqual(dbQueue(s));
    expect(queued[0]!.id).toBe(firstId);
    expect([...queued].sort(servingOrder).map((c) => c.id)).toEqual(dbQueue(s));
    expect(queued.length).toBe((await live(s, adaCookie)).queueLength);
    const bytes = Buffer.byteLength(JSON.stringify(welcome));
    console.log(`[inbox] 521 queued: created in ${createMs} ms, welcome ${welcome.inbox.length} rows, ${Math.round(bytes / 1024)} KB (${Math.round(bytes / welcome.inbox.length)} B a row)`);

    // A new shopper arrives: every console is told, and the count follows the API.
    const latest = track(visitor(s));
    await latest.frame('welcome');
    s.clock.advance(1000);
    latest.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'and me' });
    const latestId = (await latest.frame('ack')).conversationId;
    await ada.frame('inbox.upsert', (f) => f.conversation.id === latestId && f.conversation.state === 'queued');
    expect(queuedIn(consoleModel(ada)).length).toBe(522);
    expect((await live(s, adaCookie)).queueLength).toBe(522);

    // Another agent takes the longest-waiting shopper: gone from Ada's queue, the next one is first.
    const bo = track(agent(s, await s.login('bo@shop.test')));
    await bo.frame('welcome');
    bo.session.send({ type: 'conversation.take', conversationId: firstId });
    await ada.frame('inbox.upsert', (f) => f.conversation.id === firstId && f.conversation.state === 'assigned');
    await first.frame('conversation', (f) => f.conversation.state === 'assigned');
    const model = consoleModel(ada);
    expect(model.get(firstId)).toMatchObject({ state: 'assigned', agentName: 'Bo' });
    const now = queuedIn(model).sort(servingOrder).map((c) => c.id);
    expect(now).toEqual(dbQueue(s));
    expect(now.length).toBe((await live(s, adaCookie)).queueLength);
    expect(now.at(-1)).toBe(latestId);

    // A reconnecting console gets the same picture in one welcome.
    const again = track(agent(s, adaCookie));
    const w2 = await again.frame('welcome');
    expect(w2.inbox.filter((c) => c.state === 'queued').map((c) => c.id)).toEqual(dbQueue(s));
    expect(w2.inbox.find((c) => c.id === firstId)).toMatchObject({ state: 'assigned', agentName: 'Bo' });
  }, 60_000);

  it('orders by priority, then by wait, ties by arrival, as the routing drains the queue', async () => {
    const s = ctx.s;
    await manualRouting(s);
    await s.app.parla.commit.run(() => s.app.parla.store.insertDepartment({ id: 'urgent', siteId: SITE, name: 'Urgent', urgency: 2, createdAt: 1 }));
    const adaId = await s.addAgent('ada@shop.test', 'Ada', undefined, 50);
    await s.app.parla.commit.run(() => s.app.parla.store.setAgentDepartments(adaId, ['urgent']));
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      if (i % 3 === 0) s.clock.advance(1000);
      ids.push(await shopper(s, `shopper ${i}`, i % 4 === 1 ? 'urgent' : undefined));
    }
    const cookie = await s.login('ada@shop.test');
    const ada = track(agent(s, cookie));
    const queued = (await ada.frame('welcome')).inbox.filter((c) => c.state === 'queued');
    const expected = dbQueue(s);
    expect(queued.map((c) => c.id)).toEqual(expected);
    expect([...queued].reverse().sort(servingOrder).map((c) => c.id)).toEqual(expected);
    // The urgent ones first, each group oldest first.
    expect(expected.slice(0, 15)).toEqual(ids.filter((_, i) => i % 4 === 1));
    expect(expected.slice(15)).toEqual(ids.filter((_, i) => i % 4 !== 1));

    // The routing serves exactly that order: with automatic routing Ada (capacity 50) gets the first 50.
    const sites = s.app.parla.sites;
    await sites.saveSettings(SITE, { ...sites.settings(SITE)!, routingMode: 'auto' });
    await s.app.parla.conversations.drain();
    expect(s.app.parla.store.assignedTo(adaId).map((c) => c.id).sort()).toEqual(expected.slice(0, 50).sort());
    await ada.waitFor(() => queuedIn(consoleModel(ada)).length === 10, 'ten left in the queue');
    expect(queuedIn(consoleModel(ada)).sort(servingOrder).map((c) => c.id)).toEqual(expected.slice(50));
    expect((await live(s, cookie)).queueLength).toBe(10);
  });

  it('sends every open conversation and only the most recently resolved ones', async () => {
    const s = ctx.s;
    await manualRouting(s);
    const adaId = await s.addAgent('ada@shop.test', 'Ada', undefined, 50);
    const ada = s.app.parla.store.agentById(adaId)!;
    const ids: string[] = [];
    for (let i = 0; i < 80; i++) {
      s.clock.advance(1000);
      ids.push(await shopper(s, `shopper ${i}`));
    }
    // 70 resolved, oldest first; 10 still waiting.
    for (const id of ids.slice(0, 70)) {
      s.clock.advance(1000);
      await s.app.parla.conversations.resolve(ada, id);
    }
    const a = track(agent(s, await s.login('ada@shop.test')));
    const inbox = (await a.frame('welcome')).inbox;
    expect(inbox.filter((c) => c.state === 'queued').map((c) => c.id)).toEqual(ids.slice(70));
    const resolved = inbox.filter((c) => c.state === 'resolved').map((c) => c.id);
    expect(resolved).toEqual(ids.slice(20, 70).reverse()); // the 50 latest, most recent first
  });
});

describe('a site deleted', () => {
  it('takes its waiting shoppers out of every console, and the count stays the API’s', async () => {
    const s = ctx.s;
    await manualRouting(s);
    await s.app.parla.sites.create({ id: 'outlet', name: 'Outlet', origins: ['http://outlet.test'] }, s.url);
    await manualRouting(s, 'outlet');
    await s.addAgent('ada@shop.test', 'Ada');
    const outlet: string[] = [];
    for (let i = 0; i < 30; i++) outlet.push(await shopper(s, `outlet ${i}`, undefined, 'outlet'));
    for (let i = 0; i < 10; i++) await shopper(s, `shop ${i}`);
    const cookie = await s.login('ada@shop.test');
    const ada = track(agent(s, cookie));
    expect((await ada.frame('welcome')).inbox.filter((c) => c.state === 'queued').length).toBe(40);
    expect((await live(s, cookie)).queueLength).toBe(40);

    await s.app.parla.sites.delete('outlet');
    await ada.waitFor(() => queuedIn(consoleModel(ada)).length === 10, 'the outlet’s shoppers dropped');
    expect(ada.frames.flatMap((f) => (f.type === 'conversation.erased' ? [f.conversationId] : [])).sort()).toEqual([...outlet].sort());
    expect((await live(s, cookie)).queueLength).toBe(10);
  });
});

describe('queue positions told to the shoppers', () => {
  it('tells everyone behind a departure (a take, a transfer to an agent) their new place, and nobody ahead of a new arrival anything', async () => {
    const s = ctx.s;
    await manualRouting(s);
    // Bo is online from the start (a place is told only while someone could answer).
    await s.app.parla.agents.setPresence(await s.addAgent('bo@shop.test', 'Bo'), 'online');
    const shoppers: { v: ReturnType<typeof visitor>; id: string }[] = [];
    for (let i = 0; i < 6; i++) {
      s.clock.advance(1000);
      const v = track(visitor(s));
      await v.frame('welcome');
      v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: `shopper ${i}` });
      const id = (await v.frame('ack')).conversationId;
      await v.frame('conversation', (f) => f.conversation.queuePosition === i + 1);
      shoppers.push({ v, id });
    }
    const bo = track(agent(s, await s.login('bo@shop.test')));
    await bo.frame('welcome');
    bo.session.send({ type: 'conversation.take', conversationId: shoppers[0]!.id });
    await shoppers[0]!.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    for (const [i, { v }] of shoppers.slice(1).entries()) await v.frame('conversation', (f) => f.conversation.queuePosition === i + 1);
    // A waiting conversation handed straight to an agent moves the queue too.
    bo.session.send({ type: 'conversation.transfer', conversationId: shoppers[1]!.id, toAgentId: (await bo.frame('welcome')).agent.id, note: 'mine now' });
    await shoppers[1]!.v.frame('conversation', (f) => f.conversation.state === 'assigned');
    for (const [i, { v }] of shoppers.slice(2).entries()) await v.frame('conversation', (f) => f.conversation.queuePosition === i + 1);
    // What each one heard, in order: its place when it arrived, then one step up at each departure; nothing when others joined behind.
    const heard = shoppers.map(({ v }) => v.frames.flatMap((f) => (f.type === 'conversation' ? [f.conversation.queuePosition ?? f.conversation.state] : [])));
    expect(heard).toEqual([[1, 'assigned'], [2, 1, 'assigned'], [3, 2, 1], [4, 3, 2], [5, 4, 3], [6, 5, 4]]);
    for (const { v, id } of shoppers.slice(2)) expect(v.frames.filter((f) => f.type === 'conversation').at(-1)).toMatchObject({ conversation: { id, state: 'queued', agentName: null } });
  });
});
