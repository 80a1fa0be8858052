/**
 * The slow-reader bound on the hub's fan-out (issue #18, point 3), on the real server with real
 * `ws` clients: a visitor socket that stops reading (its TCP socket paused) while the stream of
 * its conversation is published is closed with 4013 (CLOSE_TOO_SLOW) once what waits for it
 * passes WS_SEND_BUFFER_LIMIT_VISITOR; what was queued for it is dropped and nothing more is
 * queued or written for it; the client reads the close behind what it had been sent, and a new
 * socket that asks from the last seq it saw gets every item exactly once. The metric counts it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE_TOO_SLOW, type ServerFrame, type ServerToVisitor, type StreamItem } from '@parla/protocol';
import { SHOP_ORIGIN, SITE, startServer, type TestServer } from './harness.ts';
import { sleep, until } from './reliability/clients.ts';

let servers: TestServer[] = [];
let sockets: WebSocket[] = [];
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  for (const s of servers.splice(0)) await s.close();
});

interface Raw {
  ws: WebSocket;
  frames: ServerToVisitor[];
  closed: Promise<number>;
}

/** A raw visitor socket: hello with `token`, resolves at the welcome. */
async function visitorSocket(s: TestServer, token: string): Promise<Raw> {
  const ws = new WebSocket(`${s.wsUrl}/ws/visitor?site=${SITE}`, { headers: { origin: SHOP_ORIGIN } });
  sockets.push(ws);
  const r: Raw = { ws, frames: [], closed: new Promise((res) => ws.on('close', (code) => res(code))) };
  ws.on('message', (d) => r.frames.push(JSON.parse(d.toString()) as ServerToVisitor));
  ws.on('error', () => {});
  await new Promise((res) => ws.once('open', res));
  ws.send(JSON.stringify({ type: 'hello', protocol: 7, visitorToken: token }));
  await until(() => r.frames.some((f) => f.type === 'welcome'), () => 'welcome');
  return r;
}

const itemsOf = (frames: ServerFrame[], conversationId: string): StreamItem[] =>
  frames.flatMap((f) => (f.type === 'item' && f.conversationId === conversationId ? [f.item] : f.type === 'sync.result' && f.conversationId === conversationId ? f.items : []));

describe('a slow reader', () => {
  it('is closed with 4013 and its queue dropped; from its last seq it gets every item exactly once', { timeout: 60_000 }, async () => {
    const limit = 256 * 1024;
    const s = await startServer({ env: { WS_SEND_BUFFER_LIMIT_VISITOR: '256KiB', RATE_MESSAGES_VISITOR: 'off', RATE_MESSAGES_IP: 'off', RATE_MESSAGES_SITE: 'off' } });
    servers.push(s);
    const p = s.app.parla;
    const stats = p.hub.sendStats;
    const h = await p.visitors.hello(SITE, undefined, { url: `${SHOP_ORIGIN}/`, title: 'Shop' });
    const who = { id: h.visitor.id, siteId: SITE, name: null };
    let n = 0;
    /** One long message of the visitor (from another tab, say): its item is published to every socket of the visitor. */
    const say = () => {
      const i = n++;
      return p.conversations.visitorMessage(who, `slow-${String(i).padStart(6, '0')}`, `${i} ${'a long message '.repeat(300)}`.slice(0, 4000));
    };
    const { conversationId } = await say();

    const r = await visitorSocket(s, h.token!);
    const welcome = r.frames.find((f) => f.type === 'welcome');
    const fromSeq = welcome?.type === 'welcome' ? welcome.conversation!.lastSeq : -1;
    const serverSide = [...s.app.websocketServer.clients].at(-1)!;
    const tcp = (serverSide as unknown as { _socket: { writableLength: number } })._socket;

    // Stop reading; publish until the server gives up on it (the kernel's buffers fill first).
    (r.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    let maxQueued = 0;
    while (stats.tooSlow.visitor === 0 && n < 6000) {
      await Promise.all(Array.from({ length: 50 }, say));
      maxQueued = Math.max(maxQueued, stats.queuedBytes);
    }
    const sentBeforeClose = n;
    expect(stats.tooSlow).toEqual({ visitor: 1, agent: 0 });
    // Released: nothing queued for it; what stays is in its TCP socket's own buffer, below the bound.
    expect(stats.queuedBytes).toBe(0);
    const left = tcp.writableLength;
    expect(left).toBeLessThanOrEqual(limit);
    // Published after the close: nothing more is queued or written for it.
    await Promise.all(Array.from({ length: 50 }, say));
    expect(stats.queuedBytes).toBe(0);
    expect(tcp.writableLength).toBeLessThanOrEqual(left);
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    expect(metrics).toMatch(/parla_websocket_slow_closes_total\{kind="visitor"\} 1/);

    // It reads again: what it had been sent, then the close.
    (r.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await Promise.race([r.closed, sleep(10_000).then(() => null)])).toBe(CLOSE_TOO_SLOW);
    const live = itemsOf(r.frames, conversationId);
    const lastSeen = live.at(-1)?.seq ?? fromSeq;

    // It reconnects and asks from the last seq it saw, page by page (what the widget and the console do).
    const r2 = await visitorSocket(s, h.token!);
    let after = lastSeen;
    for (;;) {
      const pages = r2.frames.filter((f) => f.type === 'sync.result').length;
      r2.ws.send(JSON.stringify({ type: 'sync', conversationId, afterSeq: after }));
      await until(() => r2.frames.filter((f) => f.type === 'sync.result').length > pages, () => `sync after ${after}`);
      const page = r2.frames.filter((f) => f.type === 'sync.result').at(-1)!;
      if (page.type !== 'sync.result') throw new Error('unreachable');
      if (page.items.length) after = page.items.at(-1)!.seq;
      if (!page.hasMore) break;
    }
    const resumed = itemsOf(r2.frames, conversationId);
    const seqs = [...live, ...resumed].map((i) => i.seq);
    const lastSeq = p.conversations.itemsAfter(conversationId, 0)!.lastSeq;
    console.log(
      `slow reader: closed after ${sentBeforeClose} messages published (queue peak ${Math.round(maxQueued / 1024)} KiB, bound ${limit / 1024} KiB, ${left} B left in its TCP buffer); ` +
        `${live.length} items read before the close, ${resumed.length} after resuming from seq ${lastSeen}`,
    );
    expect(live.length).toBeGreaterThan(0);
    expect(resumed.length).toBeGreaterThan(0);
    // Every item after the welcome, once, in order: nothing lost in the dropped queue, nothing twice.
    expect(seqs).toEqual(Array.from({ length: lastSeq - fromSeq }, (_, i) => fromSeq + 1 + i));
    const bodies = [...live, ...resumed].flatMap((i) => (i.kind === 'message' && i.authorType === 'visitor' ? [Number(i.body.split(' ')[0])] : []));
    expect(bodies).toEqual(Array.from({ length: n - 1 }, (_, i) => i + 1));
  });
});
