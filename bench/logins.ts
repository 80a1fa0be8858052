/**
 * A login burst beside a message stream (issue #15, point 2).
 *
 * The real server (apps/server/src/server.ts, synchronous=FULL: every ack waits for the WAL's
 * fdatasync) with ACTIVE conversations and AGENTS agents; visitors send RATE msg/s in total. In
 * each of ROUNDS rounds the stream runs ALONE_S seconds alone, then LOGINS concurrent logins with
 * unknown emails are sent at once (RATE_LOGIN_IP is off here) and the stream goes on until the
 * last of them is answered. Acks are measured in the visitors' processes (send -> ack, by the
 * phase the message was sent in), delivery in the agents' (visitor -> agent), event-loop lag by a
 * WebSocket ping probe. The target: ack p99 beside the logins within 2x of the stream alone.
 *
 * Run: npx pnpm@10 bench:logins
 *   (RATE=500 LOGINS=30 ROUNDS=3 ALONE_S=8 ACTIVE=100 AGENTS=5 WORKERS=2 WARMUP_S=3;
 *    PASSWORD_HASH_WORKERS / PASSWORD_HASH_QUEUE pass through to the server; LABEL names the run)
 * To measure other server code (e.g. main's), check its apps/server/src out in this worktree and
 * run the same command: the benchmark starts whatever apps/server/src holds.
 */
import { agentEmail, BENCH_ORIGIN, BENCH_SITE, lagProbe, login, prepareAgents, startServer, tempDir } from './lib/server.ts';
import { envNum, fmt, machine, nowMs, pct, sleep, table } from './lib/util.ts';
import { merged, summed, Workers } from './lib/workers.ts';

const RATE = envNum('RATE', 500);
const LOGINS = envNum('LOGINS', 30);
const ROUNDS = envNum('ROUNDS', 3);
const ALONE_S = envNum('ALONE_S', 8);
const ACTIVE = envNum('ACTIVE', 100);
const AGENTS = envNum('AGENTS', 5);
const WORKERS = envNum('WORKERS', 2);
const WARMUP_S = envNum('WARMUP_S', 3);
const LABEL = process.env.LABEL ?? 'this code';

/** Phases, as the load generators' step numbers. */
const ALONE = 0;
const BURST = 1;
const SETTLE = 2; // after a burst, not measured

console.log(`bench:logins — ${machine()}`);
console.log(
  `${LABEL}: ${RATE} msg/s durable (synchronous=FULL) over ${ACTIVE} conversations and ${AGENTS} agents; ${ROUNDS} rounds of ${ALONE_S} s alone, then ${LOGINS} concurrent logins with unknown emails` +
    (process.env.PASSWORD_HASH_WORKERS || process.env.PASSWORD_HASH_QUEUE ? ` (PASSWORD_HASH_WORKERS=${process.env.PASSWORD_HASH_WORKERS ?? '-'} PASSWORD_HASH_QUEUE=${process.env.PASSWORD_HASH_QUEUE ?? '-'})` : ''),
);

const data = tempDir('parla-bench-logins-');
await prepareAgents(data.dir, AGENTS, Math.ceil(ACTIVE / AGENTS) + 1);
const server = await startServer({ DATA_DIR: data.dir, DB_SYNCHRONOUS: 'FULL', AGENT_OFFLINE_GRACE_MS: '600000' });
const workers = await Workers.start(WORKERS);
const probe = await lagProbe(`${server.wsUrl}/ws/visitor?site=${BENCH_SITE}`, { origin: BENCH_ORIGIN });
const lag: Record<number, number[]> = { [ALONE]: [], [BURST]: [] };
const answers: number[] = [];
const statuses: Record<string, number> = {};
const burstMs: number[] = [];

const setRate = (perSecond: number, step: number) => {
  const shares = workers.share(perSecond);
  workers.broadcast((w) => ({ cmd: 'rate', perSecond: shares[w]!, step }));
};

/** LOGINS logins at once; resolves when the last is answered. */
async function burst(round: number): Promise<void> {
  const t0 = nowMs();
  await Promise.all(
    Array.from({ length: LOGINS }, async (_, i) => {
      const sent = nowMs();
      const res = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `nobody-${round}-${i}@bench.test`, password: `not-the-password-${i}` }),
      });
      await res.arrayBuffer();
      answers.push(nowMs() - sent);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }),
  );
  burstMs.push(nowMs() - t0);
}

try {
  const cookies = await Promise.all(Array.from({ length: AGENTS }, (_, i) => login(server.url, agentEmail(i))));
  const per = workers.share(cookies.length);
  let k = 0;
  await workers.all((i) => ({ cmd: 'agents', url: server.url, origin: server.url, cookies: cookies.slice(k, (k += per[i]!)) }), 'agents');
  await workers.all((i) => ({ cmd: 'active', url: server.wsUrl, origin: BENCH_ORIGIN, count: workers.share(ACTIVE)[i]! }), 'active');
  const deadline = Date.now() + 60_000;
  for (;;) {
    const st = await workers.stats();
    if (st.conversations >= ACTIVE && st.following >= ACTIVE) break;
    if (Date.now() > deadline) throw new Error(`setup stalled: ${JSON.stringify(st)}`);
    await sleep(250);
  }
  // Warm-up (JIT, caches, and the first hash), not measured.
  setRate(RATE, -2);
  await login(server.url, agentEmail(0));
  await sleep(WARMUP_S * 1000);

  for (let round = 0; round < ROUNDS; round++) {
    setRate(RATE, ALONE);
    probe.take();
    await sleep(ALONE_S * 1000);
    lag[ALONE]!.push(...probe.take());
    setRate(RATE, BURST);
    await burst(round);
    lag[BURST]!.push(...probe.take());
    setRate(RATE, SETTLE);
    await sleep(1000);
    console.log(`  round ${round + 1}: ${LOGINS} logins answered in ${fmt(burstMs[round]!, 0)} ms`);
  }
  setRate(0, SETTLE);
  await sleep(3000); // the last acks and deliveries arrive (late ones count for the phase they were sent in)

  const reports = await workers.reports();
  const ack = merged(reports, 'ack');
  const delivery = merged(reports, 'delivery');
  const sent = summed(reports, 'sent');
  const received = summed(reports, 'received');
  const st = await workers.stats();
  if (Object.keys(st.errors).length) console.log('  errors:', st.errors);

  const row = (name: string, step: number, seconds: string, logins: string) => {
    const a = ack[step] ?? [];
    const d = delivery[step] ?? [];
    const acked = a.length;
    return [
      name,
      seconds,
      sent[step] ?? 0,
      `${fmt((100 * acked) / Math.max(1, sent[step] ?? 0))}%`,
      fmt(pct(a, 0.5), 1),
      fmt(pct(a, 0.99), 1),
      fmt(a.length ? Math.max(...a) : NaN, 1),
      fmt(pct(d, 0.99), 1),
      `${fmt((100 * (received[step] ?? 0)) / Math.max(1, sent[step] ?? 0))}%`,
      fmt(pct(lag[step]!, 0.99), 1),
      logins,
    ];
  };
  const aloneP99 = pct(ack[ALONE] ?? [], 0.99);
  const burstP99 = pct(ack[BURST] ?? [], 0.99);
  const statusText = Object.entries(statuses)
    .map(([s, n]) => `${n}× ${s}`)
    .join(', ');
  console.log();
  console.log(
    table(
      ['phase', 'seconds', 'messages', 'acked', 'ack p50 ms', 'ack p99 ms', 'ack max ms', 'delivery p99 ms', 'delivered', 'lag p99 ms', 'logins'],
      [
        row('stream alone', ALONE, fmt(ROUNDS * ALONE_S, 0), '-'),
        row(`beside ${LOGINS} logins`, BURST, fmt(burstMs.reduce((a, b) => a + b, 0) / 1000, 1), `${ROUNDS}×${LOGINS}: ${statusText}; answered p50 ${fmt(pct(answers, 0.5), 0)} ms, max ${fmt(Math.max(...answers), 0)} ms`),
      ],
    ),
  );
  console.log(`\n${LABEL}: ack p99 beside the logins / alone = ${fmt(burstP99, 1)} / ${fmt(aloneP99, 1)} ms = ${fmt(burstP99 / aloneP99, 2)}x (target <= 2x: ${burstP99 <= 2 * aloneP99 ? 'met' : 'missed'})`);
  console.log(`acks: send -> ack at the visitor, by the phase the message was sent in; delivery: visitor -> agent; lag: WebSocket ping round trips to the server every 50 ms.`);
} finally {
  probe.close();
  await workers.close();
  await server.stop();
  data.remove();
}
