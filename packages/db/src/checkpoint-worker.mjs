// The WAL checkpointer, a worker thread (plain JavaScript, so that it runs under node, tsx and
// vitest alike). It owns a second connection to the database file and, when asked, copies the WAL
// back into the database with a PASSIVE checkpoint, which never blocks the writer. Its own
// synchronous=FULL keeps SQLite's syncs around the copy (the WAL before, the database file after).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file);
db.pragma('synchronous = FULL');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
parentPort.on('message', (m) => {
  if (m === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const r = checkpoint.get();
    parentPort.postMessage({ id: m.id, ok: r.busy === 0, log: r.log, checkpointed: r.checkpointed });
  } catch (e) {
    parentPort.postMessage({ id: m.id, ok: false, error: String(e?.message ?? e) });
  }
});
