// A password-hashing thread of lib/passwords.ts (plain JavaScript, so that it runs under node,
// tsx and vitest alike, and is copied as is beside the bundle). It computes one scrypt key at a
// time with scryptSync: on this thread, never on libuv's thread pool, where the WAL's fdatasync
// runs (node's async scrypt would queue there). The format of a stored hash, the salt and the
// comparison stay in passwords.ts; this only does the slow part.
import { scryptSync } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';

// Below the event loop's priority (`nice` more than the process): when the CPU is short, the
// messages win and the logins wait. On Linux a thread is a task of its own (/proc/thread-self
// names it), and setpriority on its id changes that thread only. Elsewhere the thread keeps the
// process's priority.
let tid = null;
try {
  tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (workerData?.nice) setPriority(tid, Math.min(19, getPriority(tid) + workerData.nice));
} catch {
  /* not Linux: the same priority as the rest of the process */
}

parentPort.on('message', (m) => {
  let key;
  try {
    key = scryptSync(m.password, m.salt, m.keylen, { N: m.N, r: m.r, p: m.p, maxmem: m.maxmem });
  } catch (e) {
    parentPort.postMessage({ error: String(e?.message ?? e) });
    return;
  }
  parentPort.postMessage({ key: new Uint8Array(key) }); // its own 32 bytes, not a view of a larger buffer
});
parentPort.postMessage({ ready: true, tid });
