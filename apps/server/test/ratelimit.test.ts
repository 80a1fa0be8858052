/**
 * Abuse limits with the default settings: one visitor floods messages; the flood is cut at its
 * bucket (rate_limited with retryAfterMs, the socket stays usable) while another visitor on the
 * same IP address keeps chatting: each of its messages is acknowledged and delivered to the agent.
 * Latencies are printed, not asserted (speed belongs to benchmarks).
 */
import { describe, expect, it } from 'vitest';
import { newClientId } from '@parla/client';
import type { ServerFrame } from '@parla/protocol';
import { loadConfig } from '../src/config.ts';
import { onlineAgent, rawHandshake, rawVisitor, SHOP_ORIGIN, SITE, startServer, useServer, visitor } from './harness.ts';

const ctx = useServer();
// Below the connection's hard budget (WS_FRAMES_VISITOR, 300 frames at once): this flood is
// answered rate_limited on a socket that stays usable; past the budget the socket is closed
// (socket-budget.test.ts).
const FLOOD = 250;
const CALM = 20;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

describe('rate limits', () => {
  it('a flood from one visitor is cut at the limit while another visitor’s messages all get through', async () => {
    const s = ctx.s;
    const limit = loadConfig({}).RATE_MESSAGES_VISITOR!;
    await s.addAgent('ada@shop.test', 'Ada', undefined, 10);
    const a = await onlineAgent(ctx, 'ada@shop.test');

    const flood = await rawVisitor(s);
    ctx.track({ close: () => flood.ws.close() });
    flood.ws.send(JSON.stringify({ type: 'hello', protocol: 4 }));
    await flood.next('welcome');

    const calm = ctx.track(visitor(s));
    await calm.frame('welcome');

    const t0 = performance.now();
    // The flood: FLOOD messages as fast as the socket takes them, in bursts.
    const flooding = (async () => {
      for (let i = 0; i < FLOOD; i++) {
        flood.ws.send(JSON.stringify({ type: 'message.send', clientId: `flood-${String(i).padStart(6, '0')}`, body: `spam ${i}` }));
        if (i % 20 === 19) await new Promise((r) => setImmediate(r));
      }
    })();
    // Meanwhile the calm visitor sends one message every 25 ms.
    const latencies: number[] = [];
    const calmIds: string[] = [];
    for (let i = 0; i < CALM; i++) {
      const clientId = newClientId();
      calmIds.push(clientId);
      const sent = performance.now();
      calm.session.sendReliable({ type: 'message.send', clientId, body: `calm ${i}` });
      const ack = await calm.frame('ack', (f) => f.clientId === clientId);
      latencies.push(performance.now() - sent);
      if (i === 0) a.session.track(ack.conversationId);
      await new Promise((r) => setTimeout(r, 25));
    }
    await flooding;
    // Everything the flood sent is answered: an ack or a rate_limited error per message.
    const answered = (f: ServerFrame) => (f.type === 'ack' || f.type === 'error') && 'clientId' in f && !!f.clientId?.startsWith('flood-');
    await calm.waitFor(() => flood.frames.filter(answered).length >= FLOOD || undefined, 'every flood message answered', 20_000);
    const floodMs = performance.now() - t0;

    const acks = flood.frames.filter((f) => f.type === 'ack');
    const refused = flood.frames.filter((f) => f.type === 'error' && f.code === 'rate_limited');
    expect(acks.length + refused.length).toBe(FLOOD);
    // At most the bucket plus what refilled during the flood.
    const refill = Math.ceil((floodMs / limit.windowMs) * limit.capacity);
    expect(acks.length).toBeGreaterThanOrEqual(limit.capacity);
    expect(acks.length).toBeLessThanOrEqual(limit.capacity + refill);
    for (const e of refused) {
      expect(e.type === 'error' && e.retryAfterMs).toBeGreaterThan(0);
      expect(e.type === 'error' && e.message).toMatch(/try again in \d+ s/);
    }
    const stored = (s.app.parla.db.sqlite.prepare("SELECT count(*) AS n FROM messages WHERE client_id LIKE 'flood-%'").get() as { n: number }).n;
    expect(stored).toBe(acks.length);
    // The socket is still usable after the flood.
    flood.ws.send(JSON.stringify({ type: 'ping' }));
    await flood.next('pong');

    // The calm visitor: every message acknowledged and delivered to the agent.
    expect(latencies.length).toBe(CALM);
    await a.waitFor(() => calmIds.every((id) => a.items.some((i) => i.item.kind === 'message' && i.item.clientId === id)) || undefined, 'calm messages at the agent');
    expect(calm.frames.some((f) => f.type === 'error')).toBe(false);
    console.log(
      `rate limit (${limit.capacity}/${limit.windowMs / 1000}s per visitor): flood of ${FLOOD} in ${Math.round(floodMs)} ms -> ${acks.length} accepted, ${refused.length} refused (rate_limited); ` +
        `other visitor ${CALM}/${CALM} acked and delivered, ack latency p50 ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
    );
  });

  it('new visitors and new conversations per IP address have their own buckets (configurable)', async () => {
    const s = await startServer({ env: { RATE_VISITORS_IP: '3/10m', RATE_CONVERSATIONS_IP: '2/10m' } });
    try {
      const open = async () => {
        const r = await rawHandshake(`${s.wsUrl}/ws/visitor?site=${SITE}`, { origin: SHOP_ORIGIN });
        const frames: ServerFrame[] = [];
        const closed = new Promise<number>((res) => r.ws!.on('close', (code) => res(code)));
        r.ws!.on('message', (d) => frames.push(JSON.parse(d.toString()) as ServerFrame));
        r.ws!.send(JSON.stringify({ type: 'hello', protocol: 4 }));
        return { ws: r.ws!, frames, closed };
      };
      const until = async (f: () => boolean) => {
        for (let i = 0; i < 100 && !f(); i++) await new Promise((r) => setTimeout(r, 20));
      };
      const vs = [await open(), await open(), await open(), await open()];
      await until(() => vs.every((v) => v.frames.length > 0));
      expect(vs.slice(0, 3).map((v) => v.frames[0]!.type)).toEqual(['welcome', 'welcome', 'welcome']);
      expect(vs[3]!.frames[0]).toMatchObject({ type: 'error', code: 'rate_limited' });
      expect(await vs[3]!.closed).toBe(4029);
      // The first two start conversations; the third's first message is refused.
      for (const [i, v] of vs.slice(0, 3).entries()) v.ws.send(JSON.stringify({ type: 'message.send', clientId: `first-message-${i}`, body: 'hi' }));
      await until(() => vs.slice(0, 3).every((v) => v.frames.some((f) => f.type === 'ack' || f.type === 'error')));
      const outcome = vs.slice(0, 3).map((v) => v.frames.find((f) => f.type === 'ack' || f.type === 'error')!);
      expect(outcome.map((f) => f.type)).toEqual(['ack', 'ack', 'error']);
      expect(outcome[2]).toMatchObject({ code: 'rate_limited', clientId: 'first-message-2' });
      expect(outcome[2]!.type === 'error' && outcome[2]!.message).toContain('new conversations');
      for (const v of vs) v.ws.close();
      console.log('per IP: the 4th new visitor refused (3/10m), the 3rd new conversation refused (2/10m)');
    } finally {
      await s.close();
    }
  });

  it('other frames have a bucket per connection', async () => {
    const s = ctx.s;
    // Frames per connection: typing is cut past the bucket, the socket stays open.
    const v = await rawVisitor(s);
    ctx.track({ close: () => v.ws.close() });
    v.ws.send(JSON.stringify({ type: 'hello', protocol: 4 }));
    await v.next('welcome');
    const frames = loadConfig({}).RATE_FRAMES_VISITOR!;
    for (let i = 0; i < frames.capacity + 30; i++) v.ws.send(JSON.stringify({ type: 'faq.suggest', text: `where is my order ${i}` }));
    v.ws.send(JSON.stringify({ type: 'ping' }));
    await v.next('pong');
    await new Promise((r) => setTimeout(r, 100));
    const limited = v.frames.filter((f) => f.type === 'error' && f.code === 'rate_limited').length;
    const answered = v.frames.filter((f) => f.type === 'faq.suggestions').length;
    expect(answered).toBeLessThanOrEqual(frames.capacity + 1);
    expect(limited).toBeGreaterThanOrEqual(29);
    expect(answered + limited).toBe(frames.capacity + 30);
    console.log(`frames (${frames.capacity}/${frames.windowMs / 1000}s per connection): ${answered} answered, ${limited} rate_limited`);
  });
});
