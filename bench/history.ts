/**
 * History fetch from a database of >= 1,000,000 messages: builds one (CONVERSATIONS x PER
 * messages plus their events, through the Store's own inserts in big transactions), then times
 * the read path a client's sync takes (Conversations.itemsAfter: the conversation row, messages
 * and events after a seq, merged) for: the last 50 messages, resuming after a gap of GAP items,
 * and a first full page from seq 0. Then the same over the wire: the real server on that
 * database, visitors (by their stored tokens) sending `sync` and timing the sync.result.
 * Run: npx pnpm@10 bench:history   (CONVERSATIONS=10000 PER=100 QUERIES=5000 GAP=10 WIRE=2000)
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { openDb, Store, type EventRow, type MessageRow } from '@parla/db';
import { SYNC_PAGE_SIZE } from '@parla/protocol';
import WebSocket from 'ws';
import { BENCH_ORIGIN, startServer, tempDir } from './lib/server.ts';
import { BODY, SITE } from './lib/seed.ts';
import { envNum, fmt, machine, mib, nowMs, pct, table } from './lib/util.ts';

const CONVERSATIONS = envNum('CONVERSATIONS', 10_000);
const PER = envNum('PER', 100);
const QUERIES = envNum('QUERIES', 5000);
const GAP = envNum('GAP', 10);
const WIRE = envNum('WIRE', 2000);
const EVENTS = 3; // created, queued, assigned: seqs 1-3, then the messages

const token = (i: number) => `bench-visitor-token-${String(i).padStart(8, '0')}`;
const hashToken = (t: string) => createHash('sha256').update(t).digest('base64url'); // as apps/server/src/lib/crypto.ts

console.log(`bench:history — ${machine()}\n`);
const tmp = tempDir('parla-bench-history-');
const file = join(tmp.dir, 'parla.db');
try {
  // ---- build ----------------------------------------------------------------------------------
  const t0 = nowMs();
  {
    const built = openDb(file, { synchronous: 'FULL' });
    const store = new Store(built.sqlite);
    const base = Date.now() - CONVERSATIONS * PER * 1000;
    store.upsertSite({ id: SITE, name: 'Bench', allowedOrigins: [BENCH_ORIGIN], secret: 'bench-secret-0123456789', routingMode: 'auto', createdAt: base });
    const setLast = built.sqlite.prepare('UPDATE conversations SET last_seq = ?, last_message = ?, last_message_at = ? WHERE id = ?');
    const chunk = built.sqlite.transaction((from: number, to: number) => {
      for (let c = from; c < to; c++) {
        const id = `c${c}`;
        const at = base + c * PER * 1000;
        store.insertVisitor(`v${c}`, SITE, hashToken(token(c)), at);
        store.insertConversation({ id, siteId: SITE, visitorId: `v${c}`, channel: 'web', state: 'resolved', departmentId: null, priority: 0, createdAt: at, queuedAt: at });
        for (const [k, kind] of (['created', 'queued', 'assigned'] as const).entries()) {
          const e: EventRow = { conversationId: id, seq: k + 1, kind, actorType: 'system', actorId: null, agentId: null, agentName: null, departmentId: null, note: null, createdAt: at };
          store.insertEvent(e);
        }
        for (let s = 1; s <= PER; s++) {
          const visitor = s % 2 === 1;
          const m: MessageRow = {
            id: `m${c}-${s}`,
            conversationId: id,
            seq: EVENTS + s,
            authorType: visitor ? 'visitor' : 'agent',
            authorId: visitor ? `v${c}` : null,
            authorName: visitor ? null : 'Giulia',
            clientId: `cid${String(c).padStart(7, '0')}${String(s).padStart(4, '0')}`,
            body: `${BODY} (${s})`,
            meta: null,
            createdAt: at + s * 1000,
          };
          store.insertMessage(m);
        }
        setLast.run(EVENTS + PER, BODY, at + PER * 1000, id);
      }
    });
    for (let c = 0; c < CONVERSATIONS; c += 500) chunk(c, Math.min(CONVERSATIONS, c + 500));
    built.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    built.close();
  }
  const buildS = (nowMs() - t0) / 1000;

  // ---- the read path, in process ----------------------------------------------------------------
  const opened = openDb(file, { synchronous: 'FULL' });
  const store = new Store(opened.sqlite);
  const messages = (opened.sqlite.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
  console.log(`database: ${messages.toLocaleString('en')} messages in ${CONVERSATIONS.toLocaleString('en')} conversations, ${mib(statSync(file).size)}, built in ${fmt(buildS)} s\n`);
  /** What Conversations.itemsAfter reads for a sync: the row, then messages and events after the seq. */
  const itemsAfter = (id: string, afterSeq: number) => {
    const conv = store.conversation(id)!;
    const msgs = store.messagesAfter(id, afterSeq, SYNC_PAGE_SIZE);
    const evs = store.eventsAfter(id, afterSeq, SYNC_PAGE_SIZE);
    return { lastSeq: conv.lastSeq, n: Math.min(SYNC_PAGE_SIZE, msgs.length + evs.length) };
  };
  const lastSeq = EVENTS + PER;
  const cases: [string, (id: string) => number, number][] = [
    ['last 50 messages (sync after lastSeq-50)', (id) => itemsAfter(id, lastSeq - 50).n, 50],
    [`resume after a gap of ${GAP} (sync after lastSeq-${GAP})`, (id) => itemsAfter(id, lastSeq - GAP).n, GAP],
    [`first page from seq 0 (up to ${SYNC_PAGE_SIZE} items)`, (id) => itemsAfter(id, 0).n, Math.min(SYNC_PAGE_SIZE, lastSeq)],
  ];
  const rows: (string | number)[][] = [];
  const rnd = () => `c${Math.floor(Math.random() * CONVERSATIONS)}`;
  for (const [name, fn, expect] of cases) {
    for (let i = 0; i < 200; i++) fn(rnd()); // warm the statements
    const t: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const id = rnd();
      const s = nowMs();
      const n = fn(id);
      t.push(nowMs() - s);
      if (n !== expect) throw new Error(`${name}: got ${n} items from ${id}, expected ${expect}`);
    }
    rows.push([name, 'in process (Store)', QUERIES, fmt(pct(t, 0.5), 3), fmt(pct(t, 0.99), 3), fmt(t[t.length - 1]!, 3)]);
  }
  opened.close();

  // ---- over the wire: the real server on this database --------------------------------------------
  if (WIRE > 0) {
    const server = await startServer({ DATA_DIR: tmp.dir });
    try {
      const sockets: { ws: WebSocket; conv: string; next: (f: any) => void }[] = [];
      for (let k = 0; k < 50; k++) {
        const c = Math.floor(Math.random() * CONVERSATIONS);
        const ws = new WebSocket(`${server.wsUrl}/ws/visitor?site=${SITE}`, { headers: { origin: BENCH_ORIGIN }, perMessageDeflate: false });
        const s = { ws, conv: `c${c}`, next: (_f: any) => {} };
        ws.on('message', (d) => s.next(JSON.parse(d.toString())));
        await new Promise<void>((res, rej) => {
          s.next = (f) => f.type === 'welcome' && res();
          ws.once('error', rej);
          ws.once('open', () => ws.send(JSON.stringify({ type: 'hello', protocol: 3, visitorToken: token(c) })));
        });
        sockets.push(s);
      }
      const sync = (s: (typeof sockets)[number], afterSeq: number) =>
        new Promise<number>((res) => {
          const start = nowMs();
          s.next = (f) => {
            if (f.type === 'sync.result') res(nowMs() - start);
          };
          s.ws.send(JSON.stringify({ type: 'sync', conversationId: s.conv, afterSeq }));
        });
      for (const [name, after] of [
        ['last 50 messages (sync after lastSeq-50)', lastSeq - 50],
        [`resume after a gap of ${GAP} (sync after lastSeq-${GAP})`, lastSeq - GAP],
      ] as const) {
        const t: number[] = [];
        for (let i = 0; i < 100; i++) await sync(sockets[i % sockets.length]!, after);
        for (let i = 0; i < WIRE; i++) t.push(await sync(sockets[i % sockets.length]!, after));
        rows.push([name, 'over the wire (WS round trip)', WIRE, fmt(pct(t, 0.5), 3), fmt(pct(t, 0.99), 3), fmt(t[t.length - 1]!, 3)]);
      }
      for (const s of sockets) s.ws.terminate();
    } finally {
      await server.stop();
    }
  }
  console.log(table(['query', 'measured', 'samples', 'p50 ms', 'p99 ms', 'max ms'], rows));
  console.log(`\ntarget: history fetch p99 <= 2 ms (last 50: ${rows[0]![4]} ms in process; resume: ${rows[1]![4]} ms in process)`);
} finally {
  tmp.remove();
}
