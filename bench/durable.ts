/**
 * Durable write rate: visitor messages committed by the real GroupCommit and Store against a
 * SQLite file with synchronous=FULL (WAL), for several batch sizes (how many messages arrive in
 * one event-loop turn, i.e. share one commit), next to the disk's own fsync rate measured in the
 * same run and directory (append 4 KiB + fsync, the shape of a WAL commit) as the ceiling.
 * Run: npx pnpm@10 bench:durable   (SECONDS=3 BATCHES=1,10,100,1000 CONVERSATIONS=1000)
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { GroupCommit, openDb, Store } from '@parla/db';
import { tempDir } from './lib/server.ts';
import { appendVisitorMessage, BODY, seedConversations } from './lib/seed.ts';
import { envNum, fmt, machine, nowMs, pct, table } from './lib/util.ts';

const SECONDS = envNum('SECONDS', 3);
const BATCHES = (process.env.BATCHES ?? '1,10,100,1000').split(',').map(Number);
const CONVERSATIONS = envNum('CONVERSATIONS', 1000);

console.log(`bench:durable — ${machine()}\n`);
const tmp = tempDir('parla-bench-durable-');

/** The ceiling: how many fsyncs per second this disk does, and how long one takes. */
function fsyncRate(file: string, seconds: number) {
  const fd = openSync(file, 'w');
  const buf = Buffer.alloc(4096, 7);
  const times: number[] = [];
  const end = nowMs() + seconds * 1000;
  let t = nowMs();
  while (t < end) {
    writeSync(fd, buf);
    fsyncSync(fd);
    const t2 = nowMs();
    times.push(t2 - t);
    t = t2;
  }
  closeSync(fd);
  return { perSecond: times.length / seconds, p50: pct(times, 0.5), p99: pct(times, 0.99) };
}

try {
  const before = fsyncRate(join(tmp.dir, 'fsync.bin'), SECONDS);
  // As the server opens it: FULL, the WAL synced on the thread pool, checkpoints on a worker.
  const opened = openDb(join(tmp.dir, 'parla.db'), { synchronous: 'FULL', backgroundCheckpoint: true });
  const sync = opened.sqlite.pragma('synchronous', { simple: true });
  const journal = opened.sqlite.pragma('journal_mode', { simple: true });
  const store = new Store(opened.sqlite);
  const commit = new GroupCommit(opened.sqlite, { checkpoint: opened.checkpoint });
  await commit.run(() => seedConversations(store, CONVERSATIONS));
  const rows: (string | number)[][] = [];
  let n = 0;
  let best = 0;
  for (const batch of BATCHES) {
    // Closed loop: `batch` messages queued in one turn (one commit), awaited, and again.
    const latencies: number[] = [];
    let messages = 0;
    let commits = 0;
    const end = nowMs() + SECONDS * 1000;
    const t0 = nowMs();
    while (nowMs() < end) {
      const at = Date.now();
      const start = nowMs();
      const done: Promise<unknown>[] = [];
      for (let i = 0; i < batch; i++) {
        const v = `v${n % CONVERSATIONS}`;
        done.push(commit.run(() => appendVisitorMessage(store, v, `cid-${String(n++).padStart(8, '0')}`, BODY, at)));
      }
      await Promise.all(done);
      latencies.push(nowMs() - start);
      messages += batch;
      commits++;
    }
    const secs = (nowMs() - t0) / 1000;
    best = Math.max(best, messages / secs);
    rows.push([batch, fmt(messages / secs, 0), fmt(commits / secs, 0), fmt(pct(latencies, 0.5), 2), fmt(pct(latencies, 0.99), 2)]);
  }
  const count = (opened.sqlite.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
  await opened.close();
  const after = fsyncRate(join(tmp.dir, 'fsync.bin'), SECONDS);
  console.log(`SQLite journal_mode=${journal}, synchronous=${sync === 2 ? 'FULL' : sync} (each batch's WAL fdatasynced on the thread pool before it settles; checkpoints on a worker, ${commit.checkpoints} cycles); ${count} messages committed in all\n`);
  console.log(table(['messages per commit', 'messages/s committed', 'commits/s', 'commit p50 ms', 'commit p99 ms'], rows));
  console.log();
  console.log(
    table(
      ['disk ceiling (append 4 KiB + fsync)', 'fsyncs/s', 'fsync p50 ms', 'fsync p99 ms'],
      [
        ['before the SQLite run', fmt(before.perSecond, 0), fmt(before.p50, 2), fmt(before.p99, 2)],
        ['after the SQLite run', fmt(after.perSecond, 0), fmt(after.p50, 2), fmt(after.p99, 2)],
      ],
    ),
  );
  const oneByOne = Number(rows[0]?.[1]);
  console.log(`\nbest durable rate: ${fmt(best, 0)} messages/s (group commit); one commit per message: ${fmt(oneByOne, 0)}/s; disk fsync ceiling ~${fmt((before.perSecond + after.perSecond) / 2, 0)}/s`);
} finally {
  tmp.remove();
}
