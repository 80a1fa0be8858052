import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import { agent, startServer, visitor, type TestServer } from './harness.ts';

let s: TestServer;
beforeEach(async () => {
  s = await startServer({ fakeClock: true });
});
afterEach(async () => {
  await s.close();
});

describe('GET /api/metrics/summary', () => {
  it('reports first-response and resolution times that match the definitions', async () => {
    await s.addAgent('ada@shop.test', 'Ada');
    const cookie = await s.login('ada@shop.test');
    const t0 = s.clock.now;

    // Conversation 1: queued at t0 (no agent online), agent online after 60 s, replies at +90 s, resolves at +300 s.
    const v1 = visitor(s);
    await v1.frame('welcome');
    v1.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'first' });
    const c1 = (await v1.frame('ack')).conversationId;

    s.clock.advance(60_000);
    const a = agent(s, cookie);
    await a.frame('welcome');
    await v1.frame('conversation', (f) => f.conversation.state === 'assigned');
    s.clock.advance(30_000);
    a.session.sendReliable({ type: 'message.send', clientId: newClientId(), conversationId: c1, body: 'hello!' });
    await a.frame('ack');

    // Conversation 2: created at +100 s, assigned at once, reply at +120 s (FRT 20 s), never resolved.
    s.clock.advance(10_000);
    const v2 = visitor(s);
    await v2.frame('welcome');
    v2.session.sendReliable({ type: 'message.send', clientId: newClientId(), body: 'second' });
    const c2 = (await v2.frame('ack')).conversationId;
    s.clock.advance(20_000);
    a.session.sendReliable({ type: 'message.send', clientId: newClientId(), conversationId: c2, body: 'yes?' });
    await a.waitFor(() => a.frames.filter((f) => f.type === 'ack').length === 2, 'second reply');

    s.clock.advance(180_000); // +300 s
    a.session.send({ type: 'conversation.resolve', conversationId: c1 });
    await v1.waitFor(() => v1.items.find((i) => i.item.kind === 'event' && i.item.event === 'resolved'), 'resolved');

    const res = await fetch(`${s.url}/api/metrics/summary?from=${t0}&to=${t0 + 3600_000}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const m = await res.json();
    expect(m.conversations).toBe(2);
    expect(m.resolved).toBe(1);
    expect(m.firstResponse).toEqual({ count: 2, avgMs: (90_000 + 20_000) / 2, medianMs: (90_000 + 20_000) / 2 });
    expect(m.resolution).toEqual({ count: 1, avgMs: 300_000, medianMs: 300_000 });
    const byId = Object.fromEntries(m.perConversation.map((p: { id: string }) => [p.id, p]));
    expect(byId[c1]).toMatchObject({ firstResponseMs: 90_000, resolutionMs: 300_000 });
    expect(byId[c2]).toMatchObject({ firstResponseMs: 20_000, resolutionMs: null });

    // A period that ends before the second conversation excludes it; ISO dates work too.
    const early = await (await fetch(`${s.url}/api/metrics/summary?from=${new Date(t0).toISOString()}&to=${t0 + 50_000}`, { headers: { cookie } })).json();
    expect(early.conversations).toBe(1);

    // The per-conversation detail endpoint agrees.
    const d = await (await fetch(`${s.url}/api/conversations/${c1}`, { headers: { cookie } })).json();
    expect(d).toMatchObject({ firstResponseMs: 90_000, resolutionMs: 300_000, visitor: { visitCount: 1, returning: false } });
    for (const c of [v1, v2, a]) c.close();
  });
});
