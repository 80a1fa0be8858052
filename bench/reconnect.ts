/**
 * Reconnect storm: CLIENTS sockets (ACTIVE visitors in conversations with AGENTS agents, the rest
 * idle visitors) on the real server, messages flowing at RATE msg/s; the server is killed with
 * SIGKILL (a crash: no graceful close) and started again on the same port and database. Every
 * client reconnects at once (packages/client's full-jitter exponential backoff, from RETRY_MIN_MS=100
 * up to RETRY_MAX_MS=1000, where the widget's own cap is 15 s), says hello
 * with its token, resends what was not acknowledged (deduplicated by clientId) and syncs after the
 * last seq it saw. Reported: time until every client is resumed, and that every acknowledged
 * message reached its agent exactly once.
 * RATE is total visitor msg/s while it happens (default 200: one conversation in five writes each
 * second, well under what bench:conversations sustains, so the storm is what is measured).
 * The server runs from its compiled JavaScript (apps/server/dist/server.js): run `npx pnpm@10 build` first.
 * Run: npx pnpm@10 bench:reconnect   (CLIENTS=10000 ACTIVE=1000 AGENTS=20 RATE=200 WORKERS=4 RESUME_TIMEOUT_S=90)
 */
import { agentEmail, BENCH_ORIGIN, distServer, login, prepareAgents, startServer, tempDir } from './lib/server.ts';
import { envNum, fmt, freePort, machine, nowMs, sleep, table } from './lib/util.ts';
import { Workers } from './lib/workers.ts';
import { readFileSync } from 'node:fs';

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux; NaN elsewhere): what
 * the server spends on the storm, whatever else the machine runs meanwhile.
 */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime (fields 14, 15) in clock ticks (USER_HZ 100)
  } catch {
    return NaN;
  }
}

const CLIENTS = envNum('CLIENTS', 10_000);
const ACTIVE = envNum('ACTIVE', 1_000);
const AGENTS = envNum('AGENTS', 20);
const RATE = envNum('RATE', 200);
const RESUME_TIMEOUT_S = envNum('RESUME_TIMEOUT_S', 90);
const WORKERS = envNum('WORKERS', 4);

console.log(`bench:reconnect — ${machine()}`);
console.log(`${CLIENTS} clients (${ACTIVE} visitors in conversations, ${CLIENTS - ACTIVE} idle visitors) + ${AGENTS} agents, ${RATE} msg/s, ${WORKERS} load-generator processes`);
console.log(`server: node apps/server/dist/server.js (compiled)`);
console.log(`reconnect backoff: full jitter from ${process.env.RETRY_MIN_MS ?? 100} ms, capped at ${process.env.RETRY_MAX_MS ?? 1000} ms\n`);
const data = tempDir('parla-bench-reconnect-');
await prepareAgents(data.dir, AGENTS, Math.ceil(ACTIVE / AGENTS));
const port = await freePort();
const env = { DATA_DIR: data.dir, DB_SYNCHRONOUS: 'FULL', AGENT_OFFLINE_GRACE_MS: '600000' };
// The compiled server (apps/server/dist/server.js, `pnpm build`), started with plain node exactly as
// the product starts: the restart is measured as it happens in production, not under tsx.
const from = 'dist' as const;
distServer(); // fails now, before the setup, when dist is missing
let server = await startServer(env, port, { from });
const workers = await Workers.start(WORKERS);
const until = async (what: string, ok: (s: Awaited<ReturnType<Workers['stats']>>) => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await workers.stats();
    if (ok(s)) return s;
    if (Date.now() > deadline) throw new Error(`${what}: timed out, ${JSON.stringify(s)}`);
    await sleep(50);
  }
};
try {
  const cookies = await Promise.all(Array.from({ length: AGENTS }, (_, i) => login(server.url, agentEmail(i))));
  const per = workers.share(AGENTS);
  let k = 0;
  await workers.all((i) => ({ cmd: 'agents', url: server.url, origin: server.url, cookies: cookies.slice(k, (k += per[i]!)), reconnect: true }), 'agents');
  await workers.all((i) => ({ cmd: 'visitors', url: server.wsUrl, origin: BENCH_ORIGIN, count: workers.share(CLIENTS - ACTIVE)[i]!, reconnect: true }), 'visitors');
  await workers.all((i) => ({ cmd: 'active', url: server.wsUrl, origin: BENCH_ORIGIN, count: workers.share(ACTIVE)[i]!, reconnect: true }), 'active');
  await until('setup', (s) => s.conversations >= ACTIVE && s.following >= ACTIVE, 60_000);
  const shares = workers.share(RATE);
  workers.broadcast((w) => ({ cmd: 'rate', perSecond: shares[w]!, step: 0 }));
  await sleep(5000);

  // The crash and the restart.
  workers.broadcast(() => ({ cmd: 'resumeMark' }));
  await sleep(100);
  const open = (await workers.stats()).open;
  const killedAt = nowMs();
  await server.kill();
  server = await startServer(env, port, { from });
  const healthyAt = nowMs();
  const cpuAtHealthy = cpuSeconds(server.pid);
  const s = await until('resume', (s) => !Number.isNaN(s.resumedAt), RESUME_TIMEOUT_S * 1000).catch(async (e: Error) => {
    console.log(`not every client resumed within ${RESUME_TIMEOUT_S} s of the restart: ${e.message}`);
    return workers.stats();
  });
  const resumedAt = s.resumedAt;
  const cpuAtResumed = cpuSeconds(server.pid); // read every 50 ms: at most that late

  // Keep writing a little, then stop and let the outboxes drain.
  await sleep(3000);
  workers.broadcast(() => ({ cmd: 'rate', perSecond: 0, step: 0 }));
  await until('drain', (s) => s.unacked === 0, 30_000).catch((e: Error) => console.log(e.message));
  await sleep(2000);
  const reports = await workers.reports();
  const agentSeqs = new Map<string, Set<number>>();
  for (const r of reports) for (const [c, seqs] of Object.entries(r.agentSeqs)) for (const q of seqs) (agentSeqs.get(c) ?? agentSeqs.set(c, new Set()).get(c)!).add(q);
  let acked = 0;
  let lost = 0;
  for (const r of reports)
    for (const [c, seqs] of Object.entries(r.ackedSeqs))
      for (const q of seqs) {
        acked++;
        if (!agentSeqs.get(c)?.has(q)) lost++;
      }
  const sent = reports.reduce((n, r) => n + Object.values(r.sent).reduce((a, b) => a + b, 0), 0);
  const duplicates = reports.reduce((n, r) => n + r.duplicates, 0);
  const unacked = reports.reduce((n, r) => n + r.unacked, 0);
  const errors: Record<string, number> = {};
  for (const r of reports) for (const [e, n] of Object.entries(r.errors)) errors[e] = (errors[e] ?? 0) + n;
  console.log(
    table(
      ['sockets at the crash', 'crash -> server healthy', 'server healthy -> all resumed', 'crash -> all resumed', 'messages sent', 'acknowledged', 'acknowledged, not at the agent', 'stored twice', 'never acknowledged'],
      [[open, `${fmt((healthyAt - killedAt) / 1000, 2)} s`, `${fmt((resumedAt - healthyAt) / 1000, 2)} s`, `${fmt((resumedAt - killedAt) / 1000, 2)} s`, sent, acked, lost, duplicates, unacked]],
    ),
  );
  console.log(
    `\nserver CPU (user + system): ${fmt(cpuAtHealthy, 2)} s from its start to healthy, ${fmt(cpuAtResumed - cpuAtHealthy, 2)} s from healthy to all resumed (${fmt((1000 * cpuAtResumed) / CLIENTS, 2)} ms per client from its start)`,
  );
  console.log(`\nconnection errors seen by the clients while the server was down (retried): ${JSON.stringify(errors)}`);
  console.log(`target: ${CLIENTS} clients resumed <= 5 s, nothing lost: ${fmt((resumedAt - healthyAt) / 1000, 2)} s after the server was back (${fmt((resumedAt - killedAt) / 1000, 2)} s after the crash), ${lost} lost, ${duplicates} duplicated, ${unacked} unacknowledged`);
} finally {
  await workers.close();
  await server.stop();
  data.remove();
}
