/**
 * What one socket may cost the server (issue #15, point 1), on the real server with real `ws`
 * clients, at the default limits unless a test says otherwise:
 * - every frame is charged to its connection's budget before it is parsed; a `{}` flood (no hello)
 *   and a `typing` flood (after the hello) from one socket, visitor or agent, get one error per
 *   frame up to the budget and a last one, then the close 4008, while a visitor and an agent
 *   keep chatting (every message acknowledged and delivered) and no socket buffers more than
 *   WS_MAX_BUFFERED_BYTES;
 * - a client that does not read is closed with 4013 (CLOSE_TOO_SLOW) once what waits to be sent to
 *   it passes its bound (WS_SEND_BUFFER_LIMIT_*, or the older WS_MAX_BUFFERED_BYTES for both), and
 *   what waited for it is released (slow-reader.test.ts: it then resumes and misses nothing);
 * - a socket that never says hello is closed after WS_HELLO_TIMEOUT_MS (4408);
 * - visitor sockets per client address are capped (WS_CONNECTIONS_PER_IP; an IPv6 client by its
 *   /64), console sockets per agent (WS_CONNECTIONS_PER_AGENT), never per address.
 * Behaviour is asserted; times and memory are printed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE_HELLO_TIMEOUT, CLOSE_OVER_BUDGET, CLOSE_TOO_SLOW, type ServerFrame } from '@parla/protocol';
import { loadConfig } from '../src/config.ts';
import { SHOP_ORIGIN, SITE, startServer, type TestServer } from './harness.ts';
import { agentAt, sleep, until, visitorAt } from './reliability/clients.ts';

const defaults = loadConfig({});
const MiB = 1024 * 1024;

let servers: TestServer[] = [];
let sockets: WebSocket[] = [];
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  for (const s of servers.splice(0)) await s.close();
});
async function server(env: Record<string, string> = {}): Promise<TestServer> {
  const s = await startServer({ env });
  servers.push(s);
  return s;
}

interface Raw {
  ws: WebSocket;
  frames: ServerFrame[];
  /** The close code, once closed. */
  code: number | null;
  closed: Promise<number>;
}

/** A raw ws that records what it receives; resolves once open (status 101) or refused (its HTTP status). */
function raw(url: string, headers: Record<string, string>, opts: WebSocket.ClientOptions = {}): Promise<Raw & { status: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers, ...opts });
    sockets.push(ws);
    const r: Raw & { status: number } = { ws, frames: [], code: null, closed: new Promise((res) => ws.on('close', (c) => res((r.code = c)))), status: 0 };
    ws.on('message', (d) => r.frames.push(JSON.parse(d.toString()) as ServerFrame));
    ws.on('error', () => {});
    ws.once('open', () => resolve(Object.assign(r, { status: 101 })));
    ws.once('unexpected-response', (_req, res) => {
      ws.terminate();
      resolve(Object.assign(r, { status: res.statusCode ?? 0 }));
    });
  });
}
const visitorUrl = (s: TestServer) => `${s.wsUrl}/ws/visitor?site=${SITE}`;

const bufferOf = (ws: unknown) => (ws as { _socket?: { writableLength: number } })._socket?.writableLength ?? 0;
/** Bytes waiting in the server's send buffers, over all its sockets. */
const buffered = (s: TestServer) => [...s.app.websocketServer.clients].reduce((n, ws) => n + bufferOf(ws), 0);
/** The fullest send buffer of the server's sockets. */
const fullest = (s: TestServer) => Math.max(0, ...[...s.app.websocketServer.clients].map(bufferOf));

/**
 * A visitor and an agent who chat: a question, its ack, the answer delivered, every 250 ms until
 * stopped (at least `min` rounds). Every message must be acknowledged and delivered.
 */
async function healthyPair(s: TestServer) {
  await s.addAgent('ada@shop.test', 'Ada', undefined, 20);
  const agent = agentAt(s.wsUrl, s.url, await s.login('ada@shop.test'));
  const visitor = visitorAt(s.wsUrl, SHOP_ORIGIN, SITE);
  await until(() => agent.welcomes > 0 && visitor.welcomes > 0, () => 'welcomes');
  let stop = false;
  let rounds = 0;
  const acks: number[] = [];
  const run = (async () => {
    while (!stop) {
      const n = rounds;
      const t0 = performance.now();
      visitor.send({}, `question ${n}`);
      await until(() => visitor.acked.size > n, () => `ack of question ${n}`);
      acks.push(performance.now() - t0);
      const conversationId = [...visitor.seqs.keys()][0] ?? [...agent.known.keys()][0]!;
      await until(() => (agent.delivered.get(conversationId) ?? []).some((m) => m.body === `question ${n}`), () => `question ${n} at the agent`);
      agent.send({ conversationId }, `answer ${n}`);
      await until(() => (visitor.delivered.get(conversationId) ?? []).some((m) => m.body === `answer ${n}`), () => `answer ${n} delivered`);
      rounds++;
      await sleep(250);
    }
  })();
  return {
    get rounds() {
      return rounds;
    },
    acks,
    /** Stops after at least `min` rounds; resolves with what was exchanged. */
    async finish(min: number) {
      await until(() => rounds >= min, () => `${min} rounds of the healthy pair (${rounds} done)`);
      stop = true;
      await run;
      const conversationId = [...visitor.seqs.keys()][0]!;
      const atAgent = (agent.delivered.get(conversationId) ?? []).filter((m) => m.authorType === 'visitor').map((m) => m.body);
      const atVisitor = (visitor.delivered.get(conversationId) ?? []).filter((m) => m.authorType === 'agent').map((m) => m.body);
      agent.close();
      visitor.close();
      return { rounds, atAgent, atVisitor, refused: [...visitor.refused, ...agent.refused] };
    },
  };
}

/** The healthy visitor may send more than the 30 messages a minute of the default (a slow run makes many rounds); nothing else changes. */
const CHATTY = { RATE_MESSAGES_VISITOR: '600/1m' };

/**
 * Sends `frame` in bursts as fast as the socket takes them until the server closes it (or
 * `maxMs` passes: the code before the budget never closed it). Returns what it saw.
 */
async function flood(r: Raw, frame: string, maxMs = 4000) {
  const t0 = performance.now();
  let sent = 0;
  while (r.ws.readyState === r.ws.OPEN && performance.now() - t0 < maxMs) {
    for (let i = 0; i < 200 && r.ws.readyState === r.ws.OPEN; i++, sent++) r.ws.send(frame);
    await new Promise((res) => setImmediate(res));
  }
  const code = await Promise.race([r.closed, sleep(3000).then(() => null)]);
  const ms = performance.now() - t0;
  const errors = r.frames.filter((f) => f.type === 'error');
  return { sent, ms, code, errors };
}

/** The most error frames a flood may get: one per frame of its budget (of each window it lasted), and the last one. */
const errorBound = (rate: { capacity: number; windowMs: number }, ms: number) => rate.capacity * (1 + Math.floor(ms / rate.windowMs)) + 1;

describe('the connection budget, charged before parsing', () => {
  it('a `{}` flood without hello is closed with 4008 after its budget, while a visitor and an agent keep chatting', { timeout: 60_000 }, async () => {
    const s = await server(CHATTY);
    const pair = await healthyPair(s);
    await until(() => pair.rounds >= 1, () => 'a first round');
    const rssBefore = process.memoryUsage().rss;
    let peakBuffered = 0;
    let peakRss = rssBefore;
    const sampler = setInterval(() => {
      peakBuffered = Math.max(peakBuffered, fullest(s));
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    const before = pair.rounds;
    const flooder = await raw(visitorUrl(s), { origin: SHOP_ORIGIN });
    const f = await flood(flooder, '{}');
    clearInterval(sampler);
    const done = await pair.finish(before + 3); // the pair goes on after the flood
    console.log(
      `{} flood: ${f.sent} frames sent in ${Math.round(f.ms)} ms, ${f.errors.length} error frames back, close ${f.code}; ` +
        `healthy pair ${done.rounds} rounds, every message acked and delivered; the fullest server send buffer ${peakBuffered} B; ` +
        `test process RSS ${(rssBefore / MiB).toFixed(0)} -> peak ${(peakRss / MiB).toFixed(0)} MiB`,
    );
    expect(f.code).toBe(CLOSE_OVER_BUDGET);
    const rate = defaults.WS_FRAMES_VISITOR!;
    expect(f.errors.length).toBeLessThanOrEqual(errorBound(rate, f.ms));
    expect(f.errors.length).toBeGreaterThanOrEqual(rate.capacity); // every frame of the budget was answered
    expect(f.errors.at(-1)).toMatchObject({ code: 'rate_limited', retryAfterMs: rate.windowMs });
    expect(peakBuffered).toBeLessThanOrEqual(defaults.WS_SEND_BUFFER_LIMIT_VISITOR);
    expect(done.atAgent).toEqual(Array.from({ length: done.rounds }, (_, i) => `question ${i}`));
    expect(done.atVisitor).toEqual(Array.from({ length: done.rounds }, (_, i) => `answer ${i}`));
    expect(done.refused).toEqual([]);
  });

  it('a typing flood after the hello is closed with 4008 too: rate_limited answers are limited by the same budget', { timeout: 60_000 }, async () => {
    const s = await server(CHATTY);
    const pair = await healthyPair(s);
    await until(() => pair.rounds >= 1, () => 'a first round');
    const before = pair.rounds;
    const flooder = await raw(visitorUrl(s), { origin: SHOP_ORIGIN });
    flooder.ws.send(JSON.stringify({ type: 'hello', protocol: 4 }));
    await until(() => flooder.frames.some((x) => x.type === 'welcome'), () => 'welcome');
    const f = await flood(flooder, JSON.stringify({ type: 'typing', isTyping: true }));
    const done = await pair.finish(before + 3);
    const rate = defaults.WS_FRAMES_VISITOR!;
    const limited = f.errors.filter((e) => e.type === 'error' && e.code === 'rate_limited').length;
    console.log(`typing flood: ${f.sent} frames sent in ${Math.round(f.ms)} ms, ${f.errors.length} error frames back (${limited} rate_limited), close ${f.code}; healthy pair ${done.rounds} rounds`);
    expect(f.code).toBe(CLOSE_OVER_BUDGET);
    // The hello took one frame of the budget; the soft per-connection limit (RATE_FRAMES_VISITOR) answered the rest with rate_limited.
    expect(f.errors.length).toBeLessThanOrEqual(errorBound(rate, f.ms));
    expect(limited).toBe(f.errors.length);
    expect(done.atAgent).toEqual(Array.from({ length: done.rounds }, (_, i) => `question ${i}`));
    expect(done.atVisitor).toEqual(Array.from({ length: done.rounds }, (_, i) => `answer ${i}`));
  });

  it('an agent socket has its own, larger budget and is closed the same way', { timeout: 60_000 }, async () => {
    const s = await server();
    await s.addAgent('bo@shop.test', 'Bo');
    const flooder = await raw(`${s.wsUrl}/ws/agent`, { origin: s.url, cookie: await s.login('bo@shop.test') });
    const f = await flood(flooder, '{}');
    const rate = defaults.WS_FRAMES_AGENT!;
    console.log(`agent {} flood: ${f.sent} frames sent in ${Math.round(f.ms)} ms, ${f.errors.length} error frames back, close ${f.code}`);
    expect(f.code).toBe(CLOSE_OVER_BUDGET);
    expect(f.errors.length).toBeGreaterThanOrEqual(rate.capacity);
    expect(f.errors.length).toBeLessThanOrEqual(errorBound(rate, f.ms));
  });

  it('bytes count too: big frames close the socket once WS_BYTES_VISITOR is spent, far before the frame budget', async () => {
    const s = await server({ WS_BYTES_VISITOR: '64KiB/10s' });
    const r = await raw(visitorUrl(s), { origin: SHOP_ORIGIN });
    const big = JSON.stringify({ type: 'faq.suggest', text: 'x'.repeat(10_000) }); // ~10 KB, not a valid frame before hello
    const f = await flood(r, big);
    expect(f.code).toBe(CLOSE_OVER_BUDGET);
    expect(f.errors.length).toBeLessThanOrEqual(Math.floor((64 * 1024) / big.length) + 1);
  });
});

describe('the send-buffer bound', () => {
  it('a client that does not read is closed with 4013 once what waits for it passes the bound, and what waited for it is released', async () => {
    const bound = 1 * MiB;
    const s = await server({ WS_MAX_BUFFERED_BYTES: '1MiB', RATE_MESSAGES_VISITOR: 'off', RATE_MESSAGES_IP: 'off' });
    const stats = s.app.parla.hub.sendStats;
    // A conversation of 100 long messages: each sync of it is about 420 KB.
    const v = visitorAt(s.wsUrl, SHOP_ORIGIN, SITE);
    let token: string | undefined;
    v.session.on('frame', (fr) => {
      if (fr.type === 'welcome' && 'visitorToken' in fr && fr.visitorToken) token = fr.visitorToken;
    });
    await until(() => v.welcomes > 0, () => 'welcome');
    for (let i = 0; i < 100; i++) v.send({}, `${i} ${'long message '.repeat(300)}`.slice(0, 4000));
    await until(() => v.acked.size === 100, () => `100 acks (${v.acked.size})`);
    v.close();

    const known = new Set(s.app.websocketServer.clients);
    const r = await raw(visitorUrl(s), { origin: SHOP_ORIGIN });
    r.ws.send(JSON.stringify({ type: 'hello', protocol: 4, visitorToken: token }));
    await until(() => r.frames.some((x) => x.type === 'welcome'), () => 'welcome');
    const welcome = r.frames.find((x) => x.type === 'welcome')!;
    const conversationId = welcome.type === 'welcome' && 'conversation' in welcome ? welcome.conversation!.id : '';
    const [serverSide] = [...s.app.websocketServer.clients].filter((ws) => !known.has(ws));
    const tcp = (serverSide as unknown as { _socket: { writableLength: number; destroyed: boolean } })._socket;

    // What waited for it when it was closed: the socket's own buffer and the queue behind it.
    // (Read as the close is counted, just before the queue is dropped.)
    let atCut = -1;
    let closes = 0;
    Object.defineProperty(stats.tooSlow, 'visitor', {
      get: () => closes,
      set: (n: number) => {
        if (atCut < 0) atCut = tcp.writableLength + stats.queuedBytes;
        closes = n;
      },
    });

    // Stop reading (the kernel's buffers fill, then the server's), and ask for the conversation 60 times (~25 MB).
    (r.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const page = 100 * 4000;
    for (let i = 0; i < 60; i++) r.ws.send(JSON.stringify({ type: 'sync', conversationId, afterSeq: 0 }));
    const cut = await until(() => stats.tooSlow.visitor === 1, () => 'the close', 5000).then(() => true, () => false);
    await sleep(50);
    console.log(`non-reading client: closed ${cut}, ${(atCut / 1024).toFixed(0)} KiB waiting for it (bound ${bound / 1024} KiB, one sync answer ~${Math.round(page / 1024)} KiB); after: ${tcp.writableLength} B in its TCP buffer, ${stats.queuedBytes} B queued`);
    expect(cut).toBe(true);
    // Closed at the frame that passed the bound: never more than the bound and one answer.
    expect(atCut).toBeGreaterThan(bound);
    expect(atCut).toBeLessThanOrEqual(bound + 1.2 * page);
    // Released: nothing queued; the socket's own buffer holds at most one answer past its high-water mark, until the client reads the close or is cut.
    expect(stats.queuedBytes).toBe(0);
    expect(tcp.writableLength).toBeLessThanOrEqual(1.2 * page + 64 * 1024);
    expect(buffered(s)).toBeLessThanOrEqual(bound);
    (r.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await r.closed).toBe(CLOSE_TOO_SLOW); // a client that reads again finds the close behind what was sent
  });
});

describe('the send-buffer bound and a console welcome larger than it', () => {
  it('a welcome bigger than the bound reaches a console that reads; a console that stops reading is still cut', { timeout: 60_000 }, async () => {
    const bound = 64 * 1024;
    const s = await server({ WS_MAX_BUFFERED_BYTES: '64KiB' });
    const p = s.app.parla;
    // 300 waiting conversations (no agent online): the console's welcome carries them all.
    let long = '';
    for (let i = 0; i < 300; i++) {
      const h = await p.visitors.hello(SITE, undefined, { url: `${SHOP_ORIGIN}/`, title: 'Shop' });
      const who = { id: h.visitor.id, siteId: SITE, name: null };
      const r = await p.conversations.visitorMessage(who, `welcome-${String(i).padStart(4, '0')}`, `question ${i}: ${'where is my parcel? '.repeat(20)}`);
      if (i === 0) {
        // ...and one long conversation for the non-reading console to ask for, again and again.
        for (let k = 0; k < 100; k++) await p.conversations.visitorMessage(who, `long-${String(k).padStart(4, '0')}`, `${k} ${'a long message '.repeat(300)}`.slice(0, 4000));
        long = r.conversationId;
      }
    }
    await s.addAgent('ada@shop.test', 'Ada');
    const cookie = await s.login('ada@shop.test');
    const reader = await raw(`${s.wsUrl}/ws/agent`, { origin: s.url, cookie });
    const size = new Promise<number>((res) => reader.ws.once('message', (d: Buffer) => res(d.length)));
    reader.ws.send(JSON.stringify({ type: 'hello', protocol: 4 }));
    const welcomeBytes = await Promise.race([size, reader.closed.then(() => -1)]); // -1: cut before its welcome
    expect(welcomeBytes).toBeGreaterThan(2 * bound);
    reader.ws.send(JSON.stringify({ type: 'ping' }));
    await until(() => reader.frames.some((f) => f.type === 'pong'), () => 'pong after the welcome');
    expect(reader.ws.readyState).toBe(WebSocket.OPEN);

    // The same welcome to a console that does not read, then 30 syncs of the long conversation (~12 MB).
    const known = new Set(s.app.websocketServer.clients);
    const stuck = await raw(`${s.wsUrl}/ws/agent`, { origin: s.url, cookie });
    const stats = s.app.parla.hub.sendStats;
    const cut = until(() => stats.tooSlow.agent === 1, () => 'the close', 10_000).then(() => true, () => false);
    (stuck.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    stuck.ws.send(JSON.stringify({ type: 'hello', protocol: 4 }));
    for (let i = 0; i < 30; i++) stuck.ws.send(JSON.stringify({ type: 'sync', conversationId: long, afterSeq: 0 }));
    expect(await cut).toBe(true);
    expect(stats.queuedBytes).toBe(0);
    console.log(`console welcome of ${Math.round(welcomeBytes / 1024)} KiB with a ${bound / 1024} KiB bound: delivered to the reading console; the one that did not read was cut`);
    reader.ws.send(JSON.stringify({ type: 'ping' }));
    await until(() => reader.frames.filter((f) => f.type === 'pong').length === 2, () => 'the reading console still answered');
  });
});

describe('the hello deadline', () => {
  it('a visitor or agent socket that never says hello is closed after WS_HELLO_TIMEOUT_MS; one that does stays', async () => {
    const s = await server({ WS_HELLO_TIMEOUT_MS: '300' });
    await s.addAgent('bo@shop.test', 'Bo');
    const cookie = await s.login('bo@shop.test');
    const silentVisitor = await raw(visitorUrl(s), { origin: SHOP_ORIGIN });
    const silentAgent = await raw(`${s.wsUrl}/ws/agent`, { origin: s.url, cookie });
    const polite = await raw(visitorUrl(s), { origin: SHOP_ORIGIN });
    polite.ws.send(JSON.stringify({ type: 'hello', protocol: 4 }));
    const codes = await Promise.race([Promise.all([silentVisitor.closed, silentAgent.closed]), sleep(5000).then(() => null)]);
    expect(codes).toEqual([CLOSE_HELLO_TIMEOUT, CLOSE_HELLO_TIMEOUT]);
    expect(silentVisitor.frames).toMatchObject([{ type: 'error', code: 'not_ready' }]);
    await sleep(300);
    expect(polite.ws.readyState).toBe(WebSocket.OPEN);
    polite.ws.send(JSON.stringify({ type: 'ping' }));
    await until(() => polite.frames.some((x) => x.type === 'pong'), () => 'pong');
  });
});

describe('connections per address and per agent', () => {
  it('the N+1th visitor socket from one address is refused (429), another address connects; agents count per account', async () => {
    const s = await server({ WS_CONNECTIONS_PER_IP: '3', WS_CONNECTIONS_PER_AGENT: '2', TRUST_PROXY: '127.0.0.9', METRICS_TOKEN: 'off' });
    const from = (localAddress: string, headers: Record<string, string> = {}) => raw(visitorUrl(s), { origin: SHOP_ORIGIN, ...headers }, { localAddress });
    const first = [await from('127.0.0.1'), await from('127.0.0.1'), await from('127.0.0.1')];
    expect(first.map((r) => r.status)).toEqual([101, 101, 101]);
    expect((await from('127.0.0.1')).status).toBe(429);
    expect((await from('127.0.0.2')).status).toBe(101);
    // A closed socket frees its place.
    first[0]!.ws.close();
    await first[0]!.closed;
    await until(() => s.app.parla.security.visitorConnections.count('127.0.0.1') === 2, () => 'the count to drop');
    expect((await from('127.0.0.1')).status).toBe(101);
    expect((await from('127.0.0.1')).status).toBe(429);

    // Agents: per account, whatever the address (an office shares one).
    await s.addAgent('ada@shop.test', 'Ada');
    await s.addAgent('bo@shop.test', 'Bo');
    const ada = await s.login('ada@shop.test');
    const bo = await s.login('bo@shop.test');
    const console_ = (cookie: string) => raw(`${s.wsUrl}/ws/agent`, { origin: s.url, cookie }, { localAddress: '127.0.0.1' });
    expect([(await console_(ada)).status, (await console_(ada)).status, (await console_(ada)).status]).toEqual([101, 101, 429]);
    expect((await console_(bo)).status).toBe(101);

    // IPv6 behind a trusted proxy: one /64 is one client.
    const v6 = (addr: string) => from('127.0.0.9', { 'x-forwarded-for': addr });
    const same64 = [await v6('2001:db8:1:2::1'), await v6('2001:db8:1:2::abcd'), await v6('2001:db8:1:2:ffff::1')];
    expect(same64.map((r) => r.status)).toEqual([101, 101, 101]);
    expect((await v6('2001:db8:1:2::2')).status).toBe(429);
    expect((await v6('2001:db8:1:3::1')).status).toBe(101);
  });
});

describe('the settings', () => {
  it('have defaults that leave room for a shopper and a busy console, and refuse a bad value by name', () => {
    expect(defaults.WS_FRAMES_VISITOR).toEqual({ capacity: 300, windowMs: 10_000 });
    expect(defaults.WS_BYTES_VISITOR).toEqual({ capacity: 2 * MiB, windowMs: 10_000 });
    expect(defaults.WS_FRAMES_AGENT).toEqual({ capacity: 1000, windowMs: 10_000 });
    expect(defaults.WS_BYTES_AGENT).toEqual({ capacity: 8 * MiB, windowMs: 10_000 });
    expect(defaults.WS_HELLO_TIMEOUT_MS).toBe(10_000);
    expect(defaults.WS_SEND_BUFFER_LIMIT_VISITOR).toBe(256 * 1024);
    expect(defaults.WS_SEND_BUFFER_LIMIT_AGENT).toBe(1 * MiB);
    expect(defaults.WS_MAX_BUFFERED_BYTES).toBeUndefined();
    expect(defaults.WS_CONNECTIONS_PER_IP).toBe(200);
    expect(defaults.WS_CONNECTIONS_PER_AGENT).toBe(32);
    // The soft per-connection limit answers rate_limited (and keeps the socket) well before the hard budget closes it.
    expect(defaults.RATE_FRAMES_VISITOR!.capacity).toBeLessThan(defaults.WS_FRAMES_VISITOR!.capacity);
    const c = loadConfig({ WS_BYTES_VISITOR: '512KiB/1m', WS_FRAMES_AGENT: 'off', WS_MAX_BUFFERED_BYTES: '65536', WS_CONNECTIONS_PER_IP: 'off' });
    expect(c.WS_BYTES_VISITOR).toEqual({ capacity: 512 * 1024, windowMs: 60_000 });
    expect(c.WS_FRAMES_AGENT).toBeNull();
    // The older single bound still applies to both kinds of socket; a WS_SEND_BUFFER_LIMIT_* set wins.
    expect([c.WS_SEND_BUFFER_LIMIT_VISITOR, c.WS_SEND_BUFFER_LIMIT_AGENT]).toEqual([65_536, 65_536]);
    expect(loadConfig({ WS_MAX_BUFFERED_BYTES: '65536', WS_SEND_BUFFER_LIMIT_AGENT: '2MiB' }).WS_SEND_BUFFER_LIMIT_AGENT).toBe(2 * MiB);
    expect(() => loadConfig({ WS_SEND_BUFFER_LIMIT_AGENT: '0' })).toThrow(/WS_SEND_BUFFER_LIMIT_AGENT/);
    expect(c.WS_CONNECTIONS_PER_IP).toBe(Infinity);
    expect(() => loadConfig({ WS_BYTES_VISITOR: '2MB/10s' })).toThrow(/WS_BYTES_VISITOR="2MB\/10s"/);
    expect(() => loadConfig({ WS_FRAMES_VISITOR: '300' })).toThrow(/WS_FRAMES_VISITOR/);
    expect(() => loadConfig({ WS_MAX_BUFFERED_BYTES: '0' })).toThrow(/WS_MAX_BUFFERED_BYTES/);
    expect(() => loadConfig({ WS_CONNECTIONS_PER_IP: '-1' })).toThrow(/WS_CONNECTIONS_PER_IP/);
    expect(() => loadConfig({ WS_HELLO_TIMEOUT_MS: '10' })).toThrow(/WS_HELLO_TIMEOUT_MS/);
  });
});
