import { beforeEach, describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import { agent, rawHandshake, SHOP_ORIGIN, SITE, startServer, useServer, visitor, type TestServer } from './harness.ts';

const ctx = useServer();
const track = ctx.track;
let s: TestServer;
beforeEach(() => {
  s = ctx.s;
});

function countMessages(): number {
  return (s.app.parla.db.sqlite.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
}

describe('chat between a visitor and an agent', () => {
  it('delivers both ways, assigns to the online agent and records the first reply', async () => {
    await s.addAgent('ada@shop.test', 'Ada');
    const a = track(agent(s, await s.login('ada@shop.test')));
    await a.frame('welcome');

    const v = track(visitor(s));
    const welcome = await v.frame('welcome');
    expect(welcome.type === 'welcome' && welcome.visitorToken).toBeTruthy();
    expect(welcome.type === 'welcome' && welcome.agentsOnline).toBe(1);

    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'Ciao, where is my order?' });
    const ack = await v.frame('ack');
    const upsert = await a.frame('inbox.upsert', (f) => f.conversation.id === ack.conversationId && f.conversation.state === 'assigned');
    expect(upsert.conversation.agentName).toBe('Ada');

    // The console follows the conversation, sees the history, replies.
    a.session.track(ack.conversationId);
    await a.waitFor(() => a.messages().includes('Ciao, where is my order?'), 'visitor message at agent');
    a.session.sendReliable({ type: 'message.send', clientId: newClientId(), conversationId: ack.conversationId, body: 'It ships today!' });
    await v.waitFor(() => v.messages().includes('It ships today!'), 'agent reply at visitor');

    // The visitor saw the assignment as an event, in order, with no gaps.
    const seqs = v.items.map((i) => i.item.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(v.items.some((i) => i.item.kind === 'event' && i.item.event === 'assigned' && i.item.agentName === 'Ada')).toBe(true);

    const row = s.app.parla.store.conversation(ack.conversationId)!;
    expect(row.state).toBe('assigned');
    expect(row.queuedAt).not.toBeNull();
    expect(row.assignedAt).not.toBeNull();
    expect(row.firstAgentReplyAt).not.toBeNull();
    expect(row.firstAgentReplyAt!).toBeGreaterThanOrEqual(row.queuedAt!);
  });

  it('shows typing both ways', async () => {
    await s.addAgent('ada@shop.test', 'Ada');
    const a = track(agent(s, await s.login('ada@shop.test')));
    await a.frame('welcome');
    const v = track(visitor(s));
    await v.frame('welcome');
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'hello' });
    const ack = await v.frame('ack');
    a.session.track(ack.conversationId);
    await a.frame('sync.result');
    v.session.send({ type: 'typing', isTyping: true });
    await a.frame('typing', (f) => f.from === 'visitor' && f.isTyping);
    a.session.send({ type: 'typing', conversationId: ack.conversationId, isTyping: true });
    const t = await v.frame('typing', (f) => f.from === 'agent');
    expect(t.name).toBe('Ada');
  });

  it('queues when no agent is online and assigns as soon as one connects', async () => {
    await s.addAgent('ada@shop.test', 'Ada');
    const v = track(visitor(s));
    const w = await v.frame('welcome');
    expect(w.type === 'welcome' && w.agentsOnline).toBe(0);
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'anyone there?' });
    const queued = await v.frame('conversation', (f) => f.conversation.state === 'queued');
    // Nobody could answer: no place in a queue nobody serves, and the widget is told so.
    expect(queued.conversation.available).toBe(false);
    expect(queued.conversation.queuePosition).toBeNull();
    expect(queued.conversation.estimatedWaitMs).toBeNull();

    const a = track(agent(s, await s.login('ada@shop.test')));
    await a.frame('welcome');
    const assigned = await v.frame('conversation', (f) => f.conversation.state === 'assigned');
    expect(assigned.conversation.agentName).toBe('Ada');
  });

  it('spreads new conversations to the least loaded agent', async () => {
    await s.addAgent('ada@shop.test', 'Ada');
    await s.addAgent('bo@shop.test', 'Bo');
    const a1 = track(agent(s, await s.login('ada@shop.test')));
    const a2 = track(agent(s, await s.login('bo@shop.test')));
    await a1.frame('welcome');
    await a2.frame('welcome');
    const owners: string[] = [];
    for (let i = 0; i < 4; i++) {
      const v = track(visitor(s));
      await v.frame('welcome');
      v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: `hi ${i}` });
      const c = await v.frame('conversation', (f) => f.conversation.state === 'assigned');
      owners.push(c.conversation.agentName!);
    }
    expect(owners.filter((o) => o === 'Ada')).toHaveLength(2);
    expect(owners.filter((o) => o === 'Bo')).toHaveLength(2);
  });

  it('lets the agent resolve; the visitor sees it and writing again reopens the conversation', async () => {
    await s.addAgent('ada@shop.test', 'Ada');
    const a = track(agent(s, await s.login('ada@shop.test')));
    await a.frame('welcome');
    const v = track(visitor(s));
    await v.frame('welcome');
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'thanks' });
    const ack = await v.frame('ack');
    a.session.send({ type: 'conversation.resolve', conversationId: ack.conversationId });
    await v.waitFor(() => v.items.find((i) => i.item.kind === 'event' && i.item.event === 'resolved'), 'resolved event');
    expect(s.app.parla.store.conversation(ack.conversationId)!.resolvedAt).not.toBeNull();

    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'one more thing' });
    const ack2 = await v.frame('ack', (f) => f.seq > ack.seq);
    expect(ack2.conversationId).toBe(ack.conversationId);
    await v.waitFor(() => v.items.find((i) => i.item.kind === 'event' && i.item.event === 'reopened'), 'reopened event');
    const row = s.app.parla.store.conversation(ack.conversationId)!;
    expect(row.resolvedAt).toBeNull();
    expect(row.state).toBe('assigned'); // back to Ada, the previous agent
  });
});

describe('idempotency and resume', () => {
  it('stores a resent clientId once and acknowledges it with the same message', async () => {
    const v = track(visitor(s));
    await v.frame('welcome');
    const clientId = newClientId();
    v.session.send({ type: 'message.send', clientId, body: 'only once' });
    v.session.send({ type: 'message.send', clientId, body: 'only once' });
    await v.waitFor(() => v.frames.filter((f) => f.type === 'ack').length === 2, 'two acks');
    const acks = v.frames.filter((f) => f.type === 'ack');
    expect(acks[0]).toEqual(acks[1]);
    expect(countMessages()).toBe(1);

    // And after a reconnect, the outbox resend does not duplicate either.
    v.session.reconnectNow();
    await v.waitFor(() => v.frames.filter((f) => f.type === 'welcome').length === 2, 'second welcome');
    v.session.send({ type: 'message.send', clientId, body: 'only once' });
    await v.waitFor(() => v.frames.filter((f) => f.type === 'ack').length === 3, 'third ack');
    expect(countMessages()).toBe(1);
  });

  it('resends unacknowledged messages after a reconnect without duplicates', async () => {
    const v = track(visitor(s));
    await v.frame('welcome');
    // Queue sends while disconnected: they stay in the outbox and go out after the next welcome.
    v.session.close();
    const ids = [newClientId(), newClientId(), newClientId()];
    for (const [i, clientId] of ids.entries()) v.session.sendReliable({ type: 'message.send', clientId, body: `offline ${i}` });
    expect(v.session.pending()).toHaveLength(3);
    v.session.connect();
    await v.waitFor(() => v.session.pending().length === 0, 'outbox drained');
    expect(countMessages()).toBe(3);
    await v.waitFor(() => v.messages().length === 3, 'three items');
    expect(v.messages()).toEqual(['offline 0', 'offline 1', 'offline 2']);
  });

  it('a reconnecting visitor receives exactly what it missed, in order', async () => {
    await s.addAgent('ada@shop.test', 'Ada');
    const a = track(agent(s, await s.login('ada@shop.test')));
    await a.frame('welcome');
    const v = track(visitor(s));
    const w = await v.frame('welcome');
    const token = w.type === 'welcome' ? w.visitorToken! : '';
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'start' });
    const ack = await v.frame('ack');
    await v.waitFor(() => v.items.find((i) => i.item.kind === 'event' && i.item.event === 'assigned'), 'assigned');
    const seenBefore = v.items.length;
    const lastSeq = v.session.lastSeqOf(ack.conversationId)!;
    v.close();

    for (let i = 0; i < 5; i++) {
      a.session.sendReliable({ type: 'message.send', clientId: newClientId(), conversationId: ack.conversationId, body: `while away ${i}` });
    }
    await a.waitFor(() => a.frames.filter((f) => f.type === 'ack').length === 5, 'agent acks');

    // A new page load: same token, the widget remembers the last seq it rendered.
    const v2 = track(visitor(s, { token }));
    const w2 = await v2.frame('welcome');
    expect(w2.type === 'welcome' && w2.conversation?.id).toBe(ack.conversationId);
    v2.session.track(ack.conversationId, lastSeq);
    await v2.waitFor(() => v2.messages().length === 5, 'missed messages');
    expect(v2.messages()).toEqual([0, 1, 2, 3, 4].map((i) => `while away ${i}`));
    expect(v2.items.map((i) => i.item.seq)).toEqual([1, 2, 3, 4, 5].map((k) => lastSeq + k));
    expect(seenBefore).toBe(lastSeq);
  });
});

describe('returning visitors', () => {
  it('recognises the token, restores the conversation and counts visits and pages', async () => {
    const clocked = await startServer({ fakeClock: true });
    try {
      const v = visitor(clocked, { page: { url: `${SHOP_ORIGIN}/`, title: 'Home' } });
      const w = await v.frame('welcome');
      const token = w.type === 'welcome' ? w.visitorToken! : '';
      expect(w.type === 'welcome' && w.returning).toBe(false);
      v.session.send({ type: 'page.view', page: { url: `${SHOP_ORIGIN}/checkout`, title: 'Checkout' } });
      v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'is shipping free?' });
      const ack = await v.frame('ack');
      v.close();

      clocked.clock.advance(2 * 60 * 60 * 1000); // two hours later: a new visit
      const v2 = visitor(clocked, { token, page: { url: `${SHOP_ORIGIN}/p/moka`, title: 'Moka' } });
      const w2 = await v2.frame('welcome');
      if (w2.type !== 'welcome') throw new Error('no welcome');
      expect(w2.visitorToken).toBeUndefined(); // the known token is kept
      expect(w2.returning).toBe(true);
      expect(w2.visitCount).toBe(2);
      expect(w2.conversation?.id).toBe(ack.conversationId);
      v2.session.track(w2.conversation!.id);
      await v2.waitFor(() => v2.messages().includes('is shipping free?'), 'history');
      v2.close();

      const detail = clocked.app.parla.visitors.detail(w2.visitorId)!;
      expect(detail.visitCount).toBe(2);
      expect(detail.pages.map((p) => p.title)).toEqual(['Moka']); // pages of this visit
      expect(detail.currentPage?.title).toBe('Moka');
      expect(detail.conversations.map((c) => c.id)).toEqual([ack.conversationId]);
    } finally {
      await clocked.close();
    }
  });

  it('treats an unknown token as a new visitor', async () => {
    const v = track(visitor(s, { token: 'x'.repeat(43) }));
    const w = await v.frame('welcome');
    expect(w.type === 'welcome' && w.returning).toBe(false);
    expect(w.type === 'welcome' && w.visitorToken).toBeTruthy();
  });
});

describe('isolation and refusal', () => {
  it('refuses an origin that is not allowed and an unknown site at the handshake', async () => {
    expect((await rawHandshake(`${s.wsUrl}/ws/visitor?site=${SITE}`, { origin: 'http://evil.test' })).status).toBe(403);
    expect((await rawHandshake(`${s.wsUrl}/ws/visitor?site=${SITE}`, { origin: `${SHOP_ORIGIN}.evil.test` })).status).toBe(403);
    expect((await rawHandshake(`${s.wsUrl}/ws/visitor?site=${SITE}`, {})).status).toBe(403);
    expect((await rawHandshake(`${s.wsUrl}/ws/visitor?site=nope`, { origin: SHOP_ORIGIN })).status).toBe(404);
    expect((await rawHandshake(`${s.wsUrl}/ws/visitor?site=BAD!`, { origin: SHOP_ORIGIN })).status).toBe(400);
    const ok = await rawHandshake(`${s.wsUrl}/ws/visitor?site=${SITE}`, { origin: SHOP_ORIGIN });
    expect(ok.status).toBe(101);
    ok.ws?.close();
  });

  it('never lets a visitor read another visitor’s conversation', async () => {
    const alice = track(visitor(s));
    await alice.frame('welcome');
    alice.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'my address is secret' });
    const ack = await alice.frame('ack');

    const mallory = track(visitor(s));
    await mallory.frame('welcome');
    mallory.session.send({ type: 'sync', conversationId: ack.conversationId, afterSeq: 0 });
    const err = await mallory.frame('error');
    expect(err.code).toBe('not_found');
    expect(mallory.frames.some((f) => f.type === 'sync.result')).toBe(false);
    expect(JSON.stringify(mallory.frames)).not.toContain('secret');

    // Mallory's own message starts her own conversation.
    mallory.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'hi' });
    const mAck = await mallory.frame('ack');
    expect(mAck.conversationId).not.toBe(ack.conversationId);
  });

  it('refuses the agent socket without a session or from another origin', async () => {
    await s.addAgent('ada@shop.test', 'Ada');
    const cookie = await s.login('ada@shop.test');
    expect((await rawHandshake(`${s.wsUrl}/ws/agent`, { origin: s.url })).status).toBe(401);
    expect((await rawHandshake(`${s.wsUrl}/ws/agent`, { origin: s.url, cookie: 'parla_session=forged' })).status).toBe(401);
    expect((await rawHandshake(`${s.wsUrl}/ws/agent`, { origin: 'http://evil.test', cookie })).status).toBe(403);
    const ok = await rawHandshake(`${s.wsUrl}/ws/agent`, { origin: s.url, cookie });
    expect(ok.status).toBe(101);
    ok.ws?.close();
  });
});

describe('inbox rows under a burst of messages', () => {
  it('a busy conversation updates every agent’s inbox about once a second, with its latest message; a state change is not held back', async () => {
    await s.addAgent('ada@shop.test', 'Ada');
    await s.addAgent('bob@shop.test', 'Bob');
    const a = track(agent(s, await s.login('ada@shop.test')));
    await a.frame('welcome');
    const v = track(visitor(s));
    await v.frame('welcome');
    v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'first' });
    const ack = await v.frame('ack');
    await a.frame('inbox.upsert', (f) => f.conversation.id === ack.conversationId && f.conversation.agentName === 'Ada');
    // Bob watches the inbox; the conversation is Ada's.
    const b = track(agent(s, await s.login('bob@shop.test')));
    await b.frame('welcome');
    const rows = () => b.frames.filter((f) => f.type === 'inbox.upsert' && f.conversation.id === ack.conversationId);

    const burst = Array.from({ length: 12 }, (_, i) => `burst ${i}`);
    for (const body of burst) v.session.sendReliable({ type: 'message.send', clientId: newClientId(), body });
    await v.waitFor(() => v.frames.filter((f) => f.type === 'ack').length === 13, 'the burst acknowledged');
    // Every message is in the conversation for its followers…
    a.session.track(ack.conversationId);
    await a.waitFor(() => a.messages().includes('burst 11'), 'the burst at Ada');
    // …and the inbox row ends with the last one, without a row per message.
    await b.frame('inbox.upsert', (f) => f.conversation.id === ack.conversationId && f.conversation.lastMessage === 'burst 11');
    expect(rows().length).toBeGreaterThanOrEqual(1);
    expect(rows().length).toBeLessThanOrEqual(3);

    a.session.send({ type: 'conversation.resolve', conversationId: ack.conversationId });
    await b.frame('inbox.upsert', (f) => f.conversation.id === ack.conversationId && f.conversation.state === 'resolved');
  });
});
