/**
 * Idle connections: visitor sockets (connected, hello answered, nothing else) held open against
 * the real server, in steps up to N. At each step: the server's RSS (VmRSS of its process) and
 * RSS per connection over the empty server, and event-loop lag p99 seen from outside (WebSocket
 * ping round trips on a dedicated connection every 50 ms). The last step is held past one
 * WS_PING_MS sweep, when the server pings every socket in one go.
 * Run: npx pnpm@10 bench:idle   (N=15000 STEPS=4 WORKERS=4 HOLD_S=35 WINDOW_S=8)
 */
import { BENCH_ORIGIN, BENCH_SITE, lagProbe, startServer, tempDir } from './lib/server.ts';
import { envNum, fmt, kib, machine, mib, pct, rssOf, sleep, table } from './lib/util.ts';
import { Workers } from './lib/workers.ts';

const N = envNum('N', 15_000);
const STEPS = envNum('STEPS', 3);
const WORKERS = envNum('WORKERS', 4);
const WINDOW_S = envNum('WINDOW_S', 8);
const PING_MS = envNum('WS_PING_MS', 30_000);
const HOLD_S = envNum('HOLD_S', Math.ceil(PING_MS / 1000) + 5);

console.log(`bench:idle — ${machine()}`);
console.log(`N=${N} in ${STEPS} steps, ${WORKERS} load-generator processes, WS_PING_MS=${PING_MS}; lag = ping RTT every 50 ms\n`);
const data = tempDir('parla-bench-idle-');
const server = await startServer({ DATA_DIR: data.dir, WS_PING_MS: String(PING_MS) });
const workers = await Workers.start(WORKERS);
const probe = await lagProbe(`${server.wsUrl}/ws/visitor?site=${BENCH_SITE}`, { origin: BENCH_ORIGIN });
const rows: (string | number)[][] = [];
try {
  await sleep(2000);
  probe.take();
  await sleep(WINDOW_S * 1000);
  const base = rssOf(server.pid);
  const lag0 = probe.take();
  rows.push([0, mib(base), '-', fmt(pct(lag0, 0.5), 2), fmt(pct(lag0, 0.99), 2), fmt(Math.max(...lag0), 2), '-']);
  let open = 0;
  for (let s = 1; s <= STEPS; s++) {
    const target = Math.round((N * s) / STEPS);
    const t0 = Date.now();
    await workers.all((i) => ({ cmd: 'visitors', url: server.wsUrl, origin: BENCH_ORIGIN, count: workers.share(target - open)[i]! }), 'visitors');
    const openedIn = (Date.now() - t0) / 1000;
    open = target;
    await sleep(2000);
    probe.take();
    await sleep((s === STEPS ? HOLD_S : WINDOW_S) * 1000);
    const lag = probe.take();
    const rss = rssOf(server.pid);
    const st = await workers.stats();
    rows.push([
      `${st.open}${s === STEPS ? ` (held ${HOLD_S} s)` : ''}`,
      mib(rss),
      kib((rss - base) / open),
      fmt(pct(lag, 0.5), 2),
      fmt(pct(lag, 0.99), 2),
      fmt(Math.max(...lag), 2),
      `${fmt(openedIn)} s`,
    ]);
    if (Object.keys(st.errors).length) console.log('errors', st.errors);
    console.log(`  step ${s}: ${st.open} open`);
  }
} finally {
  probe.close();
  await workers.close();
  await server.stop();
  data.remove();
}
console.log();
console.log(table(['idle visitor sockets', 'server RSS', 'RSS per connection', 'lag p50 (ms)', 'lag p99 (ms)', 'lag max (ms)', 'opened in'], rows));
const last = rows[rows.length - 1]!;
console.log(`\ntargets: <= 10 KB RSS per idle connection: ${last[2]}; event-loop lag p99 <= 20 ms at 15,000 idle: ${last[4]} ms`);
