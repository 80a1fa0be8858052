/**
 * Offline for 1 s, 60 s and 1 h: the visitor's network goes off (a proxy that cuts and refuses
 * every connection) while the agent keeps writing and the visitor keeps typing into its outbox;
 * then the same for the agent. The server's clock (the harness's controllable clock) is moved on
 * by the time offline, and the longer the absence the more piles up (1 h: 600 messages each way,
 * three sync pages and more). When the network is back, each side receives exactly what it
 * missed, in order, once, and its outbox is delivered once.
 *
 * What is real: sockets, the server, the database, the Session's reconnect, resend and sync.
 * What is simulated: the hour itself (the server's clock jumps; the wall-clock pause is short).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SHOP_ORIGIN, SITE, startServer, type TestServer } from '../harness.ts';
import { RATES_OFF, inspect } from './child.ts';
import { agentAt, oneTo, prng, sleep, until, visitorAt } from './clients.ts';
import { FlakyProxy } from './proxy.ts';

const CASES = [
  { label: '1 s', ms: 1000, piled: 3 },
  { label: '60 s', ms: 60_000, piled: 60 },
  { label: '1 h', ms: 3_600_000, piled: 600 },
];

describe('offline and back', () => {
  let s: TestServer | undefined;
  const closers: { close(): Promise<void> | void }[] = [];
  afterEach(async () => {
    for (const c of closers.splice(0).reverse()) await c.close();
  });

  for (const c of CASES) {
    it(`after ${c.label} offline each side receives exactly what it missed, and its outbox is sent once`, { timeout: 60_000 }, async () => {
      s = await startServer({ fakeClock: true, env: { ...RATES_OFF } });
      closers.push(s);
      await s.addAgent('ada@shop.test', 'Ada', undefined, 10);
      const cookie = await s.login('ada@shop.test');
      const port = Number(new URL(s.url).port);
      // One proxy per side, so each side's network can go off alone.
      const vNet = new FlakyProxy(port, prng(1), { maxDelayMs: 0, stallMs: 0, stallChance: 0 });
      const aNet = new FlakyProxy(port, prng(2), { maxDelayMs: 0, stallMs: 0, stallChance: 0 });
      const vPort = await vNet.listen();
      const aPort = await aNet.listen();
      closers.push(vNet, aNet);
      const agent = agentAt(`ws://127.0.0.1:${aPort}`, `http://127.0.0.1:${aPort}`, cookie, { pingMs: 200 });
      const visitor = visitorAt(`ws://127.0.0.1:${vPort}`, SHOP_ORIGIN, SITE, { pingMs: 200 });
      closers.push(agent, visitor);
      await until(() => agent.welcomes > 0 && visitor.welcomes > 0, () => `welcomes: agent ${agent.welcomes}, visitor ${visitor.welcomes} ${JSON.stringify(visitor.client.frames.slice(-2))}`);
      visitor.send({}, 'hello');
      await until(() => visitor.acked.size === 1 && agent.known.size === 1, () => 'first message');
      const id = [...agent.known.keys()][0]!;
      const bodies = (r: { delivered: Map<string, { authorType: string; body: string }[]> }, author: string) =>
        (r.delivered.get(id) ?? []).filter((m) => m.authorType === author).map((m) => m.body);

      // The visitor's network goes off: the agent writes, the visitor types into its outbox.
      vNet.setDown(true);
      await until(() => visitor.session.state !== 'open', () => 'visitor offline');
      for (let i = 0; i < c.piled; i++) {
        agent.send({ conversationId: id }, `agent while visitor away ${i}`);
        visitor.send({}, `typed offline ${i}`);
      }
      s.clock.advance(c.ms);
      await until(() => agent.session.pending().length === 0, () => 'agent acks');
      await sleep(300); // the visitor's Session keeps trying against a dead network meanwhile
      expect(visitor.session.pending()).toHaveLength(c.piled);
      const visitorBefore = visitor.welcomes;
      vNet.setDown(false);
      await until(
        () => visitor.session.pending().length === 0 && bodies(visitor, 'agent').length === c.piled && bodies(agent, 'visitor').length === c.piled + 1,
        () => `visitor back: pending ${visitor.session.pending().length}, got ${bodies(visitor, 'agent').length}, agent got ${bodies(agent, 'visitor').length}`,
      );

      // Now the agent's network goes off: the visitor writes, the agent types into its outbox.
      aNet.setDown(true);
      await until(() => agent.session.state !== 'open', () => 'agent offline');
      for (let i = 0; i < c.piled; i++) {
        visitor.send({}, `visitor while agent away ${i}`);
        agent.send({ conversationId: id }, `agent typed offline ${i}`);
      }
      s.clock.advance(c.ms);
      await until(() => visitor.session.pending().length === 0, () => 'visitor acks');
      await sleep(300);
      expect(agent.session.pending()).toHaveLength(c.piled);
      const agentBefore = agent.welcomes;
      aNet.setDown(false);
      const want = {
        fromVisitor: ['hello', ...Array.from({ length: c.piled }, (_, i) => `typed offline ${i}`), ...Array.from({ length: c.piled }, (_, i) => `visitor while agent away ${i}`)],
        fromAgent: [...Array.from({ length: c.piled }, (_, i) => `agent while visitor away ${i}`), ...Array.from({ length: c.piled }, (_, i) => `agent typed offline ${i}`)],
      };
      await until(
        () => agent.session.pending().length === 0 && bodies(agent, 'visitor').length === want.fromVisitor.length && bodies(visitor, 'agent').length === want.fromAgent.length,
        () => `agent back: pending ${agent.session.pending().length}, got ${bodies(agent, 'visitor').length}, visitor got ${bodies(visitor, 'agent').length}`,
      );
      await until(() => visitor.lastSeq(id) === agent.lastSeq(id), () => 'same seq on both sides');

      const facts = inspect(s.app.parla.db);
      const last = facts.lastSeq.get(id)!;
      console.log(
        `offline ${c.label} (server clock moved ${c.ms} ms, each side's network off in turn): ${c.piled} messages piled up each way per absence; ` +
          `after reconnecting the visitor received ${c.piled} it missed and sent ${c.piled} from its outbox, the agent likewise; ` +
          `stream of ${last} items, identical and gap-free on both sides (connection attempts refused while offline: visitor ${vNet.stats.refused}, agent ${aNet.stats.refused})`,
      );
      expect(vNet.stats.refused + aNet.stats.refused).toBeGreaterThan(0);
      expect(visitor.welcomes).toBeGreaterThan(visitorBefore);
      expect(agent.welcomes).toBeGreaterThan(agentBefore);
      expect(bodies(agent, 'visitor')).toEqual(want.fromVisitor);
      expect(bodies(visitor, 'visitor')).toEqual(want.fromVisitor);
      expect(bodies(visitor, 'agent')).toEqual(want.fromAgent);
      expect(bodies(agent, 'agent')).toEqual(want.fromAgent);
      expect(visitor.seqs.get(id)).toEqual(oneTo(last));
      expect(agent.seqs.get(id)).toEqual(oneTo(last));
      expect(facts.gaps).toEqual([]);
      expect([...visitor.sent.keys(), ...agent.sent.keys()].every((k) => facts.byClient.get(k) === 1)).toBe(true);
      expect(visitor.refused.concat(agent.refused)).toEqual([]);
    });
  }
});
