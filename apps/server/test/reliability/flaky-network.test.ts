/**
 * A visitor and an agent chat both ways through a TCP proxy that delays every chunk, stalls now
 * and then, and resets, closes or silently drops connections at random (the real Session on both
 * sides, keepalive pings finding the dead connections). Every message arrives exactly once, in
 * the order it was sent, and both sides see the same gap-free stream.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SHOP_ORIGIN, SITE, startServer, type TestServer } from '../harness.ts';
import { agentAt, oneTo, prng, sleep, until, visitorAt } from './clients.ts';
import { inspect, RATES_OFF } from './child.ts';
import { FlakyProxy } from './proxy.ts';

const EACH_WAY = 300;

describe('a flaky network', () => {
  let s: TestServer | undefined;
  let proxy: FlakyProxy | undefined;
  const closers: { close(): void }[] = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) c.close();
    await proxy?.close();
    await s?.close();
  });

  it('delivers every message exactly once and in order, both ways', { timeout: 90_000 }, async () => {
    const seed = Number(process.env.NET_SEED ?? Date.now() % 1_000_000);
    const rnd = prng(seed);
    s = await startServer({ env: { WS_PING_MS: '200', AGENT_OFFLINE_GRACE_MS: '10000', ...RATES_OFF } });
    await s.addAgent('ada@shop.test', 'Ada', undefined, 10);
    const cookie = await s.login('ada@shop.test');
    const port = Number(new URL(s.url).port);
    proxy = new FlakyProxy(port, rnd, { maxDelayMs: 15, stallMs: 700, stallChance: 0.002 });
    const via = await proxy.listen();
    const ws = `ws://127.0.0.1:${via}`;

    const agent = agentAt(ws, `http://127.0.0.1:${via}`, cookie, { pingMs: 200 });
    closers.push(agent);
    await until(() => agent.welcomes > 0, () => 'agent welcome');
    const visitor = visitorAt(ws, SHOP_ORIGIN, SITE, { pingMs: 200 });
    closers.push(visitor);
    visitor.send({}, 'v0');
    await until(() => visitor.acked.size === 1, () => 'first ack');
    const conversationId = [...visitor.seqs.keys()][0] ?? [...agent.known.keys()][0]!;

    // Both sides write at random moments while the proxy misbehaves.
    let v = 1;
    let a = 0;
    let strikes = 0;
    const deadline = Date.now() + 60_000;
    while ((v < EACH_WAY || a < EACH_WAY) && Date.now() < deadline) {
      await sleep(rnd() * 30);
      if (v < EACH_WAY && rnd() < 0.5) visitor.send({}, `v${v++}`);
      else if (a < EACH_WAY) agent.send({ conversationId }, `a${a++}`);
      if (rnd() < 0.06 && proxy.strike()) strikes++;
    }

    const wanted = (prefix: string) => Array.from({ length: EACH_WAY }, (_, i) => `${prefix}${i}`);
    const bodies = (r: { delivered: Map<string, { authorType: string; body: string }[]> }, author: string) => (r.delivered.get(conversationId) ?? []).filter((m) => m.authorType === author).map((m) => m.body);
    await until(
      () => visitor.session.pending().length + agent.session.pending().length === 0 && bodies(visitor, 'agent').length === EACH_WAY && bodies(agent, 'visitor').length === EACH_WAY,
      () => `visitor ${visitor.session.state}, agent ${agent.session.state}, pending ${visitor.session.pending().length}/${agent.session.pending().length}, delivered ${bodies(visitor, 'agent').length}/${bodies(agent, 'visitor').length}`,
      30_000,
    );
    await until(() => visitor.lastSeq(conversationId) === agent.lastSeq(conversationId), () => 'both streams at the same seq');

    const facts = inspect(s.app.parla.db);
    const last = facts.lastSeq.get(conversationId)!;
    console.log(
      `flaky network (seed ${seed}): ${EACH_WAY} messages each way; proxy: ${proxy.stats.connections} connections, ${proxy.stats.resets} resets, ` +
        `${proxy.stats.closes} clean closes, ${proxy.stats.drops} silent drops, ${proxy.stats.stalls} stalls of 700 ms, ${proxy.stats.chunks} chunks delayed 0-15 ms; ` +
        `reconnects: visitor ${visitor.welcomes - 1}, agent ${agent.welcomes - 1}; stream of ${last} items, each delivered once to both sides`,
    );
    expect(strikes).toBeGreaterThan(10);
    expect(visitor.refused.concat(agent.refused)).toEqual([]);
    expect(bodies(visitor, 'agent')).toEqual(wanted('a'));
    expect(bodies(agent, 'visitor')).toEqual(wanted('v'));
    expect(bodies(visitor, 'visitor')).toEqual(wanted('v'));
    expect(bodies(agent, 'agent')).toEqual(wanted('a'));
    expect(visitor.seqs.get(conversationId)).toEqual(oneTo(last));
    expect(agent.seqs.get(conversationId)).toEqual(oneTo(last));
    expect(facts.gaps).toEqual([]);
    const stored = [...visitor.sent.keys(), ...agent.sent.keys()].map((id) => facts.byClient.get(id));
    expect(stored.every((n) => n === 1)).toBe(true);
  });
});
