/**
 * The flash crowd (issue #18, must have 1): FILL shoppers waiting with two agents online, new
 * conversations arriving at RATE/s, and the line moving once a second.
 *
 * The real server (durable: synchronous=FULL) with AGENTS agents (MAX_CHATS each) logged in and
 * connected over their agent sockets: online and at capacity, so every other conversation waits.
 * FILL shoppers (spread over WORKERS load-generator processes, lib/queue-worker.ts, with their own
 * `ws` clients) each send one message and stay connected; then, for DURATION_S, new shoppers arrive
 * open-loop (Poisson arrivals, RATE/s in all) and each sends one message: send -> ack is measured.
 * Meanwhile the agents resolve one of their conversations every RESOLVE_EVERY_MS (in turn), so the
 * head of the line is assigned and every waiting shopper's place changes: the sale day.
 *
 * Reported: ack p50/p99/max of the arrivals (target: p99 <= 10 ms), server CPU per arrival, event-
 * loop lag p99 (ping round trips), the `conversation` frames the shoppers received during the
 * measurement, the most place changes one shopper was told within any second (target: <= 1; a
 * shopper's own state change is not counted), and whether, once the line has settled, the places
 * the waiting shoppers were last told are exactly 1..N (N = the server's queue length) in the order
 * they joined.
 *
 * FLOOR=1 (default) also runs the same arrivals on this checkout with nobody waiting (agents without
 * a capacity limit, no resolves): what an ack costs on this machine without a queue.
 * BEFORE_DIR=<another checkout>/apps/server runs the same bench against that server too (a before
 * and after in one run; BEFORE_FILL, BEFORE_DURATION_S: a smaller run when it cannot keep up).
 * Run: npx pnpm@10 bench:queue
 *   (FILL=5000 RATE=50 DURATION_S=30 RESOLVE_EVERY_MS=1000 AGENTS=2 MAX_CHATS=5 WORKERS=4 SETTLE_MS=2500)
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { agentEmail, BENCH_ORIGIN, BENCH_SITE, lagProbe, login, prepareAgents, startServer, tempDir } from './lib/server.ts';
import type { QueueCmd, QueueReport } from './lib/queue-worker.ts';
import { cpuMsOf, envNum, fmt, machine, mib, nowMs, pct, rssOf, sleep, table } from './lib/util.ts';
import { forkProcesses, type IpcProcess } from './lib/workers.ts';

const here = dirname(fileURLToPath(import.meta.url));
const FILL = envNum('FILL', 5000);
const RATE = envNum('RATE', 50);
const DURATION_S = envNum('DURATION_S', 30);
const RESOLVE_EVERY_MS = envNum('RESOLVE_EVERY_MS', 1000);
const AGENTS = envNum('AGENTS', 2);
const MAX_CHATS = envNum('MAX_CHATS', 5);
const WORKERS = envNum('WORKERS', 4);
const SETTLE_MS = envNum('SETTLE_MS', 2500);
/** How long the arrivals' last acks and the fill's acks are waited for. */
const ACK_WAIT_MS = envNum('ACK_WAIT_MS', 60_000);
const FILL_WAIT_MS = envNum('FILL_WAIT_MS', 600_000);
const BEFORE_DIR = process.env.BEFORE_DIR;
const BEFORE_FILL = envNum('BEFORE_FILL', FILL);
const BEFORE_DURATION_S = envNum('BEFORE_DURATION_S', DURATION_S);
/** FLOOR=1: also the same arrivals on this checkout with nobody waiting (agents of unbounded capacity): the machine's and fsync's share of the ack. */
const FLOOR = envNum('FLOOR', 1) === 1;
const TARGET_P99_MS = 10;

// ---- load-generator processes ----------------------------------------------------------------

type Gen = IpcProcess<QueueCmd>;

const startGens = (n: number): Promise<Gen[]> => forkProcesses<QueueCmd>(join(here, 'lib/queue-worker.ts'), n);

const share = (total: number, n: number) => Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));

// ---- agents (in this process: two sockets, one resolve a second) ------------------------------

interface AgentClient {
  ws: WebSocket;
  /** Conversations assigned to this agent, oldest first. */
  assigned: Set<string>;
  errors: string[];
}

function agentSocket(url: string, cookie: string): Promise<AgentClient> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws/agent`, { headers: { origin: url, cookie }, perMessageDeflate: false });
  const a: AgentClient = { ws, assigned: new Set(), errors: [] };
  let me = '';
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', protocol: 7 })));
    ws.on('message', (d) => {
      const f = JSON.parse(d.toString());
      if (f.type === 'welcome') {
        me = f.agent.id;
        for (const s of f.inbox) if (s.agentId === me && s.state === 'assigned') a.assigned.add(s.id);
        resolve(a);
      } else if (f.type === 'inbox.upsert') {
        const c = f.conversation;
        if (c.agentId === me && c.state === 'assigned') a.assigned.add(c.id);
        else a.assigned.delete(c.id);
      } else if (f.type === 'error') a.errors.push(String(f.code));
    });
  });
}

async function queueLength(url: string, cookie: string): Promise<number> {
  const r = await fetch(`${url}/api/metrics/live`, { headers: { cookie } });
  if (!r.ok) throw new Error(`metrics/live: ${r.status}`);
  return ((await r.json()) as { queueLength: number }).queueLength;
}

// ---- one run ----------------------------------------------------------------------------------

interface Result {
  name: string;
  /** Shoppers waiting at the start. */
  waitingAtStart: number;
  fill: number;
  fillS: number;
  durationS: number;
  arrivals: number;
  unacked: number;
  p50: number;
  p99: number;
  max: number;
  cpuMsPerArrival: number;
  cpuShare: number;
  lagP99: number;
  lagMax: number;
  resolves: number;
  frames: number;
  placeFrames: number;
  maxPerSecond: number;
  minGapMs: number;
  gapsUnder1s: number;
  waiting: number;
  serverQueue: number;
  exact: boolean;
  inOrder: boolean;
  rss: number;
  errors: Record<string, number>;
}

/** `floor`: nobody waits (the agents take any number of chats, no resolves): the same arrivals' ack cost without a queue. */
async function run(name: string, fill: number, durationS: number, serverDir?: string, floor = false): Promise<Result> {
  const maxChats = floor ? 100_000 : MAX_CHATS;
  console.log(`\n${name}: ${fill} shoppers waiting, ${AGENTS} agents (${maxChats} chats each), ${RATE} new conversations/s for ${durationS} s, ${floor ? 'no resolves' : `a resolve every ${RESOLVE_EVERY_MS} ms`}, ${WORKERS} load-generator processes`);
  const data = tempDir('parla-bench-queue-');
  await prepareAgents(data.dir, AGENTS, maxChats);
  // WS_HELLO_TIMEOUT_MS: the lag probe's socket never says hello (the server would close it after 10 s).
  const server = await startServer({ DATA_DIR: data.dir, DB_SYNCHRONOUS: 'FULL', AGENT_OFFLINE_GRACE_MS: '600000', WS_HELLO_TIMEOUT_MS: '600000' }, undefined, serverDir ? { serverDir } : {});
  const gens = await startGens(WORKERS);
  let probe: Awaited<ReturnType<typeof lagProbe>> | null = null;
  const agents: AgentClient[] = [];
  try {
    const cookies = await Promise.all(Array.from({ length: AGENTS }, (_, i) => login(server.url, agentEmail(i))));
    for (const c of cookies) agents.push(await agentSocket(server.url, c));

    // Fill: every shopper acknowledged, the agents at capacity, the rest in the line.
    const t0 = nowMs();
    const fills = share(fill, gens.length);
    const progress = setInterval(() => {
      queueLength(server.url, cookies[0]!).then((n) => console.log(`  filling: ${n} in the queue after ${fmt((nowMs() - t0) / 1000, 0)} s`), () => {});
    }, 10_000);
    await Promise.all(gens.map((g, i) => g.request({ cmd: 'fill', url: server.wsUrl, origin: BENCH_ORIGIN, count: fills[i]!, inFlight: 50, waitMs: FILL_WAIT_MS }, 'filled')));
    clearInterval(progress);
    const fillS = (nowMs() - t0) / 1000;
    const capacity = AGENTS * maxChats;
    for (const deadline = Date.now() + 30_000; ; ) {
      const q = await queueLength(server.url, cookies[0]!);
      const load = agents.reduce((n, a) => n + a.assigned.size, 0);
      if (q >= fill - capacity && load >= Math.min(capacity, fill)) break;
      if (Date.now() > deadline) throw new Error(`fill stalled: ${q} queued, ${load} assigned`);
      await sleep(200);
    }
    await sleep(SETTLE_MS); // the fill's last places are told
    console.log(`  filled in ${fmt(fillS, 1)} s: ${await queueLength(server.url, cookies[0]!)} in the queue, ${agents.map((a) => a.assigned.size).join(' + ')} assigned; measuring ${durationS} s`);

    // Measure: arrivals, resolves, frames.
    probe = await lagProbe(`${server.wsUrl}/ws/visitor?site=${BENCH_SITE}`, { origin: BENCH_ORIGIN });
    for (const g of gens) g.send({ cmd: 'measure', on: true });
    let resolves = 0;
    let turn = 0;
    const resolver = setInterval(() => {
      if (floor) return;
      const a = agents[turn++ % agents.length]!;
      const id = a.assigned.values().next().value;
      if (id === undefined) return;
      a.assigned.delete(id);
      a.ws.send(JSON.stringify({ type: 'conversation.resolve', conversationId: id }));
      resolves++;
    }, RESOLVE_EVERY_MS);
    const rates = share(RATE * 1000, gens.length).map((r) => r / 1000);
    const arrived = Promise.all(gens.map((g, i) => g.request({ cmd: 'arrive', url: server.wsUrl, origin: BENCH_ORIGIN, rate: rates[i]!, durationMs: durationS * 1000, ackWaitMs: ACK_WAIT_MS }, 'arrived')));
    const cpu0 = cpuMsOf(server.pid);
    const m0 = nowMs();
    await sleep(durationS * 1000);
    const cpuMs = cpuMsOf(server.pid) - cpu0;
    const elapsed = nowMs() - m0;
    const lag = probe.take();
    clearInterval(resolver);
    for (const g of gens) g.send({ cmd: 'measure', on: false });
    const rss = rssOf(server.pid);
    await arrived;

    // Settle, then compare the last told places with the line.
    await sleep(SETTLE_MS);
    const serverQueue = await queueLength(server.url, cookies[0]!);
    const reports = await Promise.all(gens.map((g) => g.request<QueueReport>({ cmd: 'report' }, 'report')));
    const acks = reports.flatMap((r) => r.acks);
    const arrivals = reports.reduce((n, r) => n + r.arrivals, 0);
    const last = reports.flatMap((r) => r.last);
    const waiting = last.filter((l) => l.state === 'queued').sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity));
    const exact = waiting.length === serverQueue && waiting.every((l, i) => l.position === i + 1);
    const inOrder = waiting.every((l, i) => i === 0 || (l.queuedAt ?? 0) >= (waiting[i - 1]!.queuedAt ?? 0));
    const errors: Record<string, number> = {};
    for (const r of reports) for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + v;
    for (const a of agents) for (const e of a.errors) errors[`agent:${e}`] = (errors[`agent:${e}`] ?? 0) + 1;
    const states: Record<string, number> = {};
    for (const l of last) states[l.state] = (states[l.state] ?? 0) + 1;
    console.log(`  shoppers' last states: ${JSON.stringify(states)}; server queue ${serverQueue}`);
    if (Object.keys(errors).length) console.log('  errors:', errors);
    const result: Result = {
      name,
      waitingAtStart: Math.max(0, fill - capacity),
      fill,
      fillS,
      durationS,
      arrivals,
      unacked: reports.reduce((n, r) => n + r.unacked, 0),
      p50: pct(acks, 0.5),
      p99: pct(acks, 0.99),
      max: acks.length ? Math.max(...acks) : NaN,
      cpuMsPerArrival: cpuMs / Math.max(1, arrivals),
      cpuShare: cpuMs / elapsed,
      lagP99: pct(lag, 0.99),
      lagMax: lag.length ? Math.max(...lag) : NaN,
      resolves,
      frames: reports.reduce((n, r) => n + r.frames, 0),
      placeFrames: reports.reduce((n, r) => n + r.placeFrames, 0),
      maxPerSecond: Math.max(...reports.map((r) => r.maxPerSecond)),
      minGapMs: Math.min(...reports.map((r) => r.minGapMs ?? Infinity)),
      gapsUnder1s: reports.reduce((n, r) => n + r.gapsUnder1s, 0),
      waiting: waiting.length,
      serverQueue,
      exact,
      inOrder,
      rss,
      errors,
    };
    return result;
  } finally {
    probe?.close();
    for (const a of agents) a.ws.terminate();
    await Promise.all(gens.map((g) => g.close()));
    await server.stop();
    data.remove();
  }
}

console.log(`bench:queue — ${machine()}`);
const results = [await run('after (this checkout)', FILL, DURATION_S)];
if (FLOOR) results.push(await run('floor: no queue (this checkout)', 0, DURATION_S, undefined, true));
if (BEFORE_DIR) results.push(await run(`before (${BEFORE_DIR})`, BEFORE_FILL, BEFORE_DURATION_S, BEFORE_DIR));

const rows: [string, (r: Result) => string][] = [
  ['shoppers waiting at the start', (r) => String(r.waitingAtStart)],
  ['fill time (s)', (r) => fmt(r.fillS, 1)],
  ['measured (s)', (r) => String(r.durationS)],
  ['arrivals (offered RATE/s, Poisson)', (r) => `${r.arrivals} (${fmt(r.arrivals / r.durationS, 1)}/s)`],
  ['arrivals not acknowledged', (r) => String(r.unacked)],
  ['ack p50 ms', (r) => fmt(r.p50, 2)],
  ['ack p99 ms (target <= 10)', (r) => fmt(r.p99, 2)],
  ['ack max ms', (r) => fmt(r.max, 1)],
  ['server CPU', (r) => `${fmt(r.cpuShare * 100, 0)}%`],
  ['server CPU ms per arrival', (r) => fmt(r.cpuMsPerArrival, 2)],
  ['event-loop lag p99 ms', (r) => fmt(r.lagP99, 2)],
  ['event-loop lag max ms', (r) => fmt(r.lagMax, 1)],
  ['resolves (line moves)', (r) => String(r.resolves)],
  ['conversation frames to shoppers', (r) => `${r.frames} (${fmt(r.frames / r.durationS, 0)}/s)`],
  ['  of which a new place', (r) => String(r.placeFrames)],
  ['most new places to one shopper in 1 s (target <= 1)', (r) => String(r.maxPerSecond)],
  ['shortest gap between two new places of one shopper ms', (r) => fmt(r.minGapMs, 0)],
  ['  gaps under 1,000 ms (all shoppers)', (r) => `${r.gapsUnder1s} of ${r.placeFrames}`],
  ['waiting at the end (shoppers / server queue)', (r) => `${r.waiting} / ${r.serverQueue}`],
  ['last told places exactly 1..N', (r) => (r.exact ? 'yes' : 'NO')],
  ['places in joining order', (r) => (r.inOrder ? 'yes' : 'NO')],
  ['server RSS', (r) => mib(r.rss)],
];
console.log();
console.log(table(['', ...results.map((r) => r.name)], rows.map(([label, f]) => [label, ...results.map(f)])));
console.log(`\nack = a new shopper's message.send -> ack (ms), measured in the load-generator processes; CPU and lag over the measured seconds only.`);
for (const r of results.filter((r) => !r.name.startsWith('floor'))) console.log(`${r.name}: ack p99 ${fmt(r.p99, 2)} ms ${r.p99 <= TARGET_P99_MS && r.unacked === 0 ? 'meets' : 'misses'} the target (<= ${TARGET_P99_MS} ms)`);
console.log(`\nbench:queue — ${machine()}`);
