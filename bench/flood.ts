/**
 * One flooding socket beside a healthy shopper and agent (issue #15, point 1), on the real server
 * with its default limits. Per scenario, on a fresh server: the pair chats for BASE_S seconds
 * alone, then for FLOOD_S seconds while another process floods one visitor socket (reconnecting
 * whenever the server closes it), then the server is left alone AFTER_S seconds.
 * Scenarios (SCENARIOS, comma-separated):
 * - `empty`: `{}` in a tight loop, no hello (the flooder reads what comes back and counts the errors);
 * - `empty-noread`: the same from a client that never reads;
 * - `typing`: a hello, then valid typing frames in a tight loop.
 * Printed per scenario: the pair's exchanges (question -> ack -> the agent has it -> answer -> the
 * shopper has it) completed and timed out (TIMEOUT_S each), ack p50/p99, the server's RSS before,
 * at its peak and AFTER_S after, its CPU during the flood, and what the flooder sent and got back.
 * SERVER_DIR runs another checkout's apps/server (e.g. main's, for the figures before a change).
 * Run: npx pnpm@10 bench:flood   (SCENARIOS=empty,empty-noread,typing FLOOD_S=20 BASE_S=5 AFTER_S=20 TIMEOUT_S=5 EVERY_MS=1000)
 */
import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { agentEmail, BENCH_ORIGIN, BENCH_SITE, login, prepareAgents, startServer, tempDir, type RunningServer } from './lib/server.ts';
import { cpuMsOf, envNum, fmt, machine, mib, nowMs, pct, rssOf, sleep, table } from './lib/util.ts';

const SCENARIOS = (process.env.SCENARIOS ?? 'empty,empty-noread,typing').split(',').filter(Boolean);
const FLOOD_S = envNum('FLOOD_S', 20);
const BASE_S = envNum('BASE_S', 5);
const AFTER_S = envNum('AFTER_S', 20);
const TIMEOUT_S = envNum('TIMEOUT_S', 5);
const EVERY_MS = envNum('EVERY_MS', 1000);
const SERVER_DIR = process.env.SERVER_DIR;
const here = dirname(fileURLToPath(import.meta.url));

console.log(`bench:flood — ${machine()}`);
console.log(`server: ${SERVER_DIR ?? 'this checkout'}; default limits; scenarios ${SCENARIOS.join(', ')}; the pair ${BASE_S} s alone, ${FLOOD_S} s beside the flood, one exchange every ${EVERY_MS} ms, ${TIMEOUT_S} s timeout\n`);

/** A raw socket that hands each parsed frame to `on`. */
function socket(url: string, headers: Record<string, string>, on: (f: any) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, perMessageDeflate: false });
    ws.on('message', (d) => on(JSON.parse(d.toString())));
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Resolves with the first value `pick` gives within `ms`, or undefined. */
function within<T>(ms: number, pick: () => T | undefined, wake: { fn: (() => void) | null }): Promise<T | undefined> {
  return new Promise((resolve) => {
    const done = (v: T | undefined) => {
      clearTimeout(t);
      wake.fn = null;
      resolve(v);
    };
    const t = setTimeout(() => done(pick()), ms);
    wake.fn = () => {
      const v = pick();
      if (v !== undefined) done(v);
    };
    wake.fn();
  });
}

/** A shopper and an agent, speaking the protocol over raw sockets. */
async function pair(server: RunningServer) {
  const wake = { fn: null as (() => void) | null };
  const acks = new Map<string, number>(); // clientId -> ack time
  const atAgent = new Set<string>();
  const atVisitor = new Set<string>();
  let conversationId: string | null = null;
  let lastConversation: string | null = null;
  let welcomed = 0;
  const onItem = (set: Set<string>) => (f: any) => {
    if (f.type === 'welcome') welcomed++;
    if (f.type === 'ack') {
      acks.set(f.clientId, nowMs());
      lastConversation = f.conversationId;
    }
    if (f.type === 'item' && f.item.kind === 'message') set.add(f.item.body);
    if (f.type === 'sync.result') for (const it of f.items) if (it.kind === 'message') set.add(it.body);
    wake.fn?.();
  };
  const visitor = await socket(`${server.wsUrl}/ws/visitor?site=${BENCH_SITE}`, { origin: BENCH_ORIGIN }, onItem(atVisitor));
  visitor.send(JSON.stringify({ type: 'hello', protocol: 4, page: { url: `${BENCH_ORIGIN}/`, title: 'Shop' } }));
  const agent = await socket(`${server.wsUrl}/ws/agent`, { origin: server.url, cookie: await login(server.url, agentEmail(0)) }, onItem(atAgent));
  agent.send(JSON.stringify({ type: 'hello', protocol: 4 }));
  await within(10_000, () => (welcomed >= 2 ? true : undefined), wake);
  let n = 0;
  /** Exchanges for `seconds`, one every EVERY_MS (or as soon as the last one ends, when it took longer). */
  const run = async (seconds: number) => {
    const r = { completed: 0, timedOut: 0, ack: [] as number[], exchange: [] as number[] };
    const until = nowMs() + seconds * 1000;
    while (nowMs() < until) {
      const t0 = nowMs();
      const q = `question ${n}`;
      const a = `answer ${n}`;
      const clientId = `bench-q-${String(n).padStart(6, '0')}`;
      n++;
      visitor.send(JSON.stringify({ type: 'message.send', clientId, body: q }));
      const acked = await within(TIMEOUT_S * 1000, () => acks.get(clientId), wake);
      if (acked !== undefined) {
        r.ack.push(acked - t0);
        if (!conversationId) {
          // The ack names the conversation; the agent follows it from the start.
          conversationId = lastConversation;
          agent.send(JSON.stringify({ type: 'sync', conversationId, afterSeq: 0 }));
        }
      }
      const got = acked !== undefined && (await within(TIMEOUT_S * 1000, () => (atAgent.has(q) ? true : undefined), wake));
      if (got) agent.send(JSON.stringify({ type: 'message.send', clientId: `bench-a-${String(n).padStart(6, '0')}`, conversationId, body: a }));
      const answered = got && (await within(TIMEOUT_S * 1000, () => (atVisitor.has(a) ? true : undefined), wake));
      if (answered) {
        r.completed++;
        r.exchange.push(nowMs() - t0);
      } else r.timedOut++;
      await sleep(Math.max(0, EVERY_MS - (nowMs() - t0)));
    }
    return r;
  };
  return {
    run,
    close() {
      visitor.terminate();
      agent.terminate();
    },
  };
}

interface FloodStats {
  sent: number;
  errors: number;
  rateLimited: number;
  connections: number;
  refused: number;
  closes: Record<string, number>;
}

function flooder(server: RunningServer, scenario: string): Promise<FloodStats> {
  const child = fork(join(here, 'lib/flooder.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      URL: `${server.wsUrl}/ws/visitor?site=${BENCH_SITE}`,
      ORIGIN: BENCH_ORIGIN,
      MODE: scenario.startsWith('typing') ? 'typing' : 'empty',
      NOREAD: scenario.endsWith('noread') ? '1' : '0',
      DURATION_MS: String(FLOOD_S * 1000),
    },
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: FloodStats) => {
      child.kill();
      resolve(m);
    });
    child.once('exit', (code) => reject(new Error(`the flooder exited (${code}) without its report`)));
  });
}

const rows: (string | number)[][] = [];
const fmtMs = (xs: number[], p: number) => (xs.length ? fmt(pct(xs, p), 1) : '-');
for (const scenario of SCENARIOS) {
  const data = tempDir('parla-bench-flood-');
  await prepareAgents(data.dir, 1, 5);
  const server = await startServer({ DATA_DIR: data.dir, AGENT_OFFLINE_GRACE_MS: '600000' }, undefined, { limits: 'default', serverDir: SERVER_DIR });
  try {
    const p = await pair(server);
    const base = await p.run(BASE_S);
    const rssBefore = rssOf(server.pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      try {
        rssPeak = Math.max(rssPeak, rssOf(server.pid));
      } catch {
        /* exited */
      }
    }, 100);
    const cpu0 = cpuMsOf(server.pid);
    const flooding = flooder(server, scenario);
    const during = await p.run(FLOOD_S);
    const f = await flooding;
    const cpuMs = cpuMsOf(server.pid) - cpu0;
    p.close();
    await sleep(AFTER_S * 1000);
    clearInterval(sampler);
    const rssAfter = rssOf(server.pid);
    const reading = !scenario.endsWith('noread');
    const closes = Object.entries(f.closes)
      .map(([c, k]) => `${k}x${c}`)
      .join(' ');
    console.log(`  ${scenario}: alone ${base.completed}/${base.completed + base.timedOut} (ack p50 ${fmtMs(base.ack, 0.5)} ms); flood ${JSON.stringify(f)}`);
    rows.push([
      scenario,
      `${during.completed} / ${during.timedOut}`,
      fmtMs(during.ack, 0.5),
      fmtMs(during.ack, 0.99),
      fmtMs(during.exchange, 0.99),
      `${mib(rssBefore)} / ${mib(rssPeak)} / ${mib(rssAfter)}`,
      `${fmt(cpuMs / 1000, 1)} s (${fmt((100 * cpuMs) / (FLOOD_S * 1000), 0)}%)`,
      f.sent.toLocaleString('en-US'),
      reading ? f.errors.toLocaleString('en-US') : 'not read',
      `${f.connections} (${closes || '-'}${f.refused ? `, ${f.refused} refused` : ''})`,
    ]);
  } finally {
    await server.stop();
    data.remove();
  }
}
console.log();
console.log(
  table(
    [
      'flood',
      'healthy exchanges done / timed out',
      'ack p50 (ms)',
      'ack p99 (ms)',
      'exchange p99 (ms)',
      `server RSS before / peak / ${AFTER_S} s after`,
      'server CPU during the flood',
      'frames sent by the flooder',
      'error frames it got',
      'its connections (closes)',
    ],
    rows,
  ),
);
