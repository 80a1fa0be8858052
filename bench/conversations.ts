/**
 * Conversation load, and the bare-ws baseline in the same run.
 *
 * IDLE idle visitors plus ACTIVE conversations (a visitor and the agent the server routed it to)
 * on the real server with synchronous=FULL: every message is committed (group commit) before it
 * is acknowledged and forwarded. Visitors send at RATES total msg/s, STEP_S seconds per step; the
 * agents' processes measure visitor -> agent delivery on the machine-wide monotonic clock. Then
 * the same load against a bare `ws` relay (lib/relay.ts: no validation, no storage) and the ratio.
 * Run: npx pnpm@10 bench:conversations
 *   (IDLE=10000 ACTIVE=1000 AGENTS=20 RATES=1000,2000,5000,10000 STEP_S=15 WARMUP_S=5 WORKERS=4 BASELINE=1)
 * Server CPU per message (CPU time of the server process over the step / messages offered) is
 * the figure that a machine shared with other jobs disturbs least.
 */
import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { agentEmail, BENCH_ORIGIN, BENCH_SITE, lagProbe, login, prepareAgents, startServer, tempDir } from './lib/server.ts';
import { cpuMsOf, envNum, fmt, freePort, machine, mib, nowMs, pct, rssOf, sleep, table } from './lib/util.ts';
import { merged, summed, Workers } from './lib/workers.ts';

const here = dirname(fileURLToPath(import.meta.url));
const IDLE = envNum('IDLE', 10_000);
const ACTIVE = envNum('ACTIVE', 1_000);
const AGENTS = envNum('AGENTS', 20);
const RATES = (process.env.RATES ?? '1000,2000,5000,10000').split(',').map(Number);
const STEP_S = envNum('STEP_S', 15);
const WARMUP_S = envNum('WARMUP_S', 5);
const WORKERS = envNum('WORKERS', 4);
const BASELINE = envNum('BASELINE', 1) === 1;
/** A step counts as sustained when this share of its messages arrived and its p99 is within the bound. */
const SUSTAINED = 0.95;

interface StepResult {
  rate: number;
  delivered: number;
  p50: number;
  p99: number;
  max: number;
  ackP99: number;
  lagP99: number;
  cpu: number;
}

interface Target {
  name: string;
  wsUrl: string;
  httpUrl: string;
  pid: number;
  agentCookies: () => Promise<string[]>;
  stop(): Promise<void>;
}

async function parla(): Promise<Target> {
  const data = tempDir('parla-bench-conv-');
  await prepareAgents(data.dir, AGENTS, Math.ceil(ACTIVE / AGENTS));
  const s = await startServer({ DATA_DIR: data.dir, DB_SYNCHRONOUS: 'FULL', AGENT_OFFLINE_GRACE_MS: '600000' });
  return {
    name: 'parla (durable, FULL)',
    wsUrl: s.wsUrl,
    httpUrl: s.url,
    pid: s.pid,
    agentCookies: () => Promise.all(Array.from({ length: AGENTS }, (_, i) => login(s.url, agentEmail(i)))),
    async stop() {
      await s.stop();
      data.remove();
    },
  };
}

async function relay(): Promise<Target> {
  const port = await freePort();
  const child = fork(join(here, 'lib/relay.ts'), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, PORT: String(port) } });
  await new Promise<void>((r) => child.once('message', () => r()));
  return {
    name: 'bare ws relay',
    wsUrl: `ws://127.0.0.1:${port}`,
    httpUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    agentCookies: async () => Array.from({ length: AGENTS }, () => ''),
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function run(t: Target): Promise<StepResult[]> {
  console.log(`\n${t.name}: ${IDLE} idle visitors, ${ACTIVE} conversations, ${AGENTS} agents, ${WORKERS} load-generator processes`);
  const workers = await Workers.start(WORKERS);
  const probe = await lagProbe(`${t.wsUrl}/ws/visitor?site=${BENCH_SITE}`, { origin: BENCH_ORIGIN });
  const results: StepResult[] = [];
  try {
    const cookies = await t.agentCookies();
    const per = workers.share(cookies.length);
    let k = 0;
    await workers.all((i) => ({ cmd: 'agents', url: t.httpUrl, origin: t.httpUrl, cookies: cookies.slice(k, (k += per[i]!)) }), 'agents');
    await workers.all((i) => ({ cmd: 'visitors', url: t.wsUrl, origin: BENCH_ORIGIN, count: workers.share(IDLE)[i]! }), 'visitors');
    await workers.all((i) => ({ cmd: 'active', url: t.wsUrl, origin: BENCH_ORIGIN, count: workers.share(ACTIVE)[i]! }), 'active');
    // Wait until every conversation is assigned and its agent follows it (the relay pairs at once).
    const deadline = Date.now() + 60_000;
    for (;;) {
      const st = await workers.stats();
      if (st.conversations >= ACTIVE && (t.name.startsWith('bare') || st.following >= ACTIVE)) break;
      if (Date.now() > deadline) throw new Error(`setup stalled: ${JSON.stringify(st)}`);
      await sleep(250);
    }
    console.log(`  ${(await workers.stats()).open} sockets open; warm-up ${WARMUP_S} s at ${RATES[0]! / 2} msg/s, then ${RATES.join(', ')} msg/s, ${STEP_S} s each`);
    // Warm-up (JIT, caches), not measured: its messages carry step -2.
    const warm = workers.share(RATES[0]! / 2);
    workers.broadcast((w) => ({ cmd: 'rate', perSecond: warm[w]!, step: -2 }));
    await sleep(WARMUP_S * 1000);
    workers.broadcast(() => ({ cmd: 'rate', perSecond: 0, step: -2 }));
    await sleep(2000);
    for (const [i, rate] of RATES.entries()) {
      const shares = workers.share(rate);
      workers.broadcast((w) => ({ cmd: 'rate', perSecond: shares[w]!, step: i }));
      const cpu0 = cpuMsOf(t.pid);
      const t0 = nowMs();
      probe.take();
      await sleep(STEP_S * 1000);
      const cpu = (cpuMsOf(t.pid) - cpu0) / (nowMs() - t0);
      workers.broadcast(() => ({ cmd: 'rate', perSecond: 0, step: i }));
      const lag = probe.take();
      await sleep(3000); // the step's last messages arrive (late ones still count for their step)
      results.push({ rate, delivered: 0, p50: 0, p99: 0, max: 0, ackP99: 0, lagP99: pct(lag, 0.99), cpu });
      console.log(`  step ${rate} msg/s done (server CPU ${fmt(cpu * 100, 0)}%, RSS ${mib(rssOf(t.pid))})`);
    }
    await sleep(2000);
    const reports = await workers.reports();
    const delivery = merged(reports, 'delivery');
    const ack = merged(reports, 'ack');
    const sent = summed(reports, 'sent');
    const received = summed(reports, 'received');
    for (const [i, r] of results.entries()) {
      const d = delivery[i] ?? [];
      r.delivered = (received[i] ?? 0) / Math.max(1, sent[i] ?? 0);
      r.p50 = pct(d, 0.5);
      r.p99 = pct(d, 0.99);
      r.max = d.length ? d[d.length - 1]! : NaN;
      r.ackP99 = pct(ack[i] ?? [], 0.99);
    }
    const st = await workers.stats();
    if (Object.keys(st.errors).length) console.log('  errors:', st.errors);
  } finally {
    probe.close();
    await workers.close();
    await t.stop();
  }
  return results;
}

/** The highest step sustained with p99 within `boundMs`. */
function sustained(rs: StepResult[], boundMs: number): number {
  return Math.max(0, ...rs.filter((r) => r.delivered >= SUSTAINED && r.p99 <= boundMs).map((r) => r.rate));
}

console.log(`bench:conversations — ${machine()}`);
const ours = await run(await parla());
const base = BASELINE ? await run(await relay()) : null;

const rows = ours.map((r, i) => {
  const b = base?.[i];
  return [
    r.rate,
    `${fmt(r.delivered * 100)}%`,
    fmt(r.p50, 2),
    fmt(r.p99, 2),
    fmt(r.max, 1),
    fmt(r.ackP99, 2),
    fmt(r.lagP99, 2),
    `${fmt(r.cpu * 100, 0)}%`,
    fmt((r.cpu * 1000) / r.rate, 3),
    b ? fmt(b.p50, 2) : '-',
    b ? fmt(b.p99, 2) : '-',
    b ? `${fmt(b.delivered * 100)}%` : '-',
    b ? `${fmt(b.cpu * 100, 0)}%` : '-',
    b ? fmt((b.cpu * 1000) / b.rate, 3) : '-',
    b ? fmt(r.p99 / b.p99, 1) : '-',
    b ? fmt(r.cpu / b.cpu, 1) : '-',
  ];
});
console.log();
console.log(
  table(
    ['offered msg/s', 'delivered', 'p50 ms', 'p99 ms', 'max ms', 'ack p99 ms', 'lag p99 ms', 'server CPU', 'CPU ms/msg', 'relay p50', 'relay p99', 'relay delivered', 'relay CPU', 'relay CPU ms/msg', 'p99 ratio', 'CPU ratio'],
    rows,
  ),
);
const at1k = ours.find((r) => r.rate === 1000);
console.log(`\ndelivered = share of the step's messages that reached their agent; latencies are visitor -> agent, ms; ratios are ours / the relay's.`);
console.log(`targets:`);
console.log(`  p99 delivery <= 5 ms at 1,000 msg/s durable: ${at1k ? `${fmt(at1k.p99, 2)} ms` : 'not run'}`);
console.log(`  >= 5,000 durable msg/s at p99 <= 25 ms: highest sustained step ${sustained(ours, 25)} msg/s`);
if (base) {
  // Equal p99: each system's highest sustained step within the same p99 bound.
  for (const bound of [25, 50]) {
    const a = sustained(ours, bound);
    const b = sustained(base, bound);
    console.log(`  throughput at p99 <= ${bound} ms: ours ${a} msg/s, bare relay ${b} msg/s, ratio ${b ? fmt((100 * a) / b, 0) : '-'}% (target >= 50%)`);
  }
}
