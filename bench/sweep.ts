/**
 * The abandoned-conversation sweep (Conversations.sweepInactive, run every SLA_SWEEP_MS): its cost
 * per tick on a database with RESOLVED resolved conversations (history it must not scan) and OPEN
 * open ones (half answered by the agent and quiet, half unanswered with the shopper gone), all of
 * one agent; the real server's services in process, with a controlled clock.
 *   - idle tick: nothing is due yet (the cost paid every 5 s in normal operation);
 *   - busy ticks: everything is due; each tick resolves at most SWEEP_BATCH and drains the queue,
 *     until none is left.
 * Run: npx pnpm@10 bench:sweep   (RESOLVED=200000 OPEN=5000 IDLE=50)
 */
import { join } from 'node:path';
import { openDb, Store, type EventRow, type MessageRow } from '@parla/db';
import { buildApp } from '@parla/server/app';
import { makeConfig } from '@parla/server/config';
import { SITE } from './lib/seed.ts';
import { tempDir } from './lib/server.ts';
import { envNum, fmt, machine, median, nowMs, pct, table } from './lib/util.ts';

const RESOLVED = envNum('RESOLVED', 200_000);
const OPEN = envNum('OPEN', 5000);
const IDLE = envNum('IDLE', 50);
const MIN = 60_000;

console.log(`bench:sweep — ${machine()}\n`);
const tmp = tempDir('parla-bench-sweep-');
const file = join(tmp.dir, 'parla.db');
try {
  const start = Date.UTC(2026, 0, 5, 9, 0, 0);
  const clock = { now: start };
  let agentId = '';
  {
    const built = openDb(file, { synchronous: 'NORMAL' });
    const store = new Store(built.sqlite);
    store.upsertSite({ id: SITE, name: 'Bench', allowedOrigins: ['http://bench.test'], secret: 'bench-secret-0123456789', routingMode: 'auto', createdAt: start });
    agentId = 'agent-bench';
    store.insertAgent({ id: agentId, email: 'a@bench.test', name: 'Giulia', passwordHash: 'unused', role: 'agent', maxChats: 1_000_000, createdAt: start });
    const setRow = built.sqlite.prepare(
      `UPDATE conversations SET state = ?, agent_id = ?, assigned_at = ?, first_agent_reply_at = ?, resolved_at = ?, last_seq = ?, last_message = ?, last_message_at = ? WHERE id = ?`,
    );
    const fill = built.sqlite.transaction((from: number, to: number, open: boolean) => {
      for (let i = from; i < to; i++) {
        const id = `${open ? 'o' : 'r'}${i}`;
        const at = open ? start - 5 * MIN : start - 30 * 86_400_000 + i * 1000;
        store.insertVisitor(`v${id}`, SITE, `token-hash-${id}`, at);
        store.insertConversation({ id, siteId: SITE, visitorId: `v${id}`, channel: 'web', state: 'queued', departmentId: null, priority: 0, createdAt: at, queuedAt: at });
        const ev: EventRow = { conversationId: id, seq: 1, kind: 'created', actorType: 'visitor', actorId: `v${id}`, agentId: null, agentName: null, departmentId: null, note: null, createdAt: at };
        store.insertEvent(ev);
        const msg = (seq: number, agent: boolean): MessageRow => ({
          id: `m${id}-${seq}`,
          conversationId: id,
          seq,
          authorType: agent ? 'agent' : 'visitor',
          authorId: agent ? agentId : `v${id}`,
          authorName: agent ? 'Giulia' : null,
          clientId: null,
          body: agent ? 'It left our warehouse this morning.' : 'Where is my order?',
          meta: null,
          createdAt: at + seq,
        });
        store.insertMessage(msg(2, false));
        const answered = !open || i % 2 === 0;
        if (answered) store.insertMessage(msg(3, true));
        setRow.run(open ? 'assigned' : 'resolved', agentId, at, answered ? at + 3 : null, open ? null : at + 60_000, answered ? 3 : 2, 'x', at + 3, id);
      }
    });
    const t0 = nowMs();
    for (let i = 0; i < RESOLVED; i += 10_000) fill(i, Math.min(RESOLVED, i + 10_000), false);
    fill(0, OPEN, true);
    console.log(`built ${RESOLVED} resolved + ${OPEN} open conversations in ${fmt((nowMs() - t0) / 1000)} s`);
    await built.close();
  }

  const app = await buildApp(makeConfig({ DATA_DIR: tmp.dir, LOG_LEVEL: 'silent', SLA_SWEEP_MS: '600000' }), { dbFile: file, now: () => clock.now });
  const conv = app.parla.conversations;
  // The server just started: nobody's departure is known before now; let the limits pass.
  clock.now += 31 * MIN;

  // Idle ticks: the limits are long (nothing due), the queries still run.
  await app.parla.sites.saveSettings(SITE, { ...app.parla.sites.settings(SITE)!, inactivityResolveMin: 600, abandonedResolveMin: 600 });
  const idle: number[] = [];
  for (let i = 0; i < IDLE; i++) {
    const t = nowMs();
    const r = await conv.sweepInactive();
    idle.push(nowMs() - t);
    if (r.inactivity + r.abandoned + r.woken) throw new Error('nothing should be due');
  }

  // Busy ticks: everything due.
  await app.parla.sites.saveSettings(SITE, { ...app.parla.sites.settings(SITE)!, inactivityResolveMin: 30, abandonedResolveMin: 10 });
  const busy: number[] = [];
  let resolved = 0;
  for (;;) {
    const t = nowMs();
    const r = await conv.sweepInactive();
    busy.push(nowMs() - t);
    const n = r.inactivity + r.abandoned;
    if (n === 0) break;
    resolved += n;
  }
  const left = app.parla.db.sqlite.prepare(`SELECT count(*) AS n FROM conversations WHERE state != 'resolved'`).get() as { n: number };
  await app.close();

  console.log(
    table(
      ['tick', 'ticks', 'median ms', 'p99 ms', 'max ms'],
      [
        ['idle (nothing due)', idle.length, fmt(median(idle), 2), fmt(pct(idle, 99), 2), fmt(Math.max(...idle), 2)],
        ['busy (≤ 100 resolved each)', busy.length, fmt(median(busy), 2), fmt(pct(busy, 99), 2), fmt(Math.max(...busy), 2)],
      ],
    ),
  );
  console.log(`\nresolved ${resolved} of ${OPEN} open in ${busy.length - 1} busy ticks; ${left.n} left open`);
} finally {
  tmp.remove();
}
