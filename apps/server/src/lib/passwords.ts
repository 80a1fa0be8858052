/**
 * Password hashing (scrypt) on a few worker threads of its own, with a bounded queue.
 *
 * Why not node's async `crypto.scrypt`: it runs on libuv's thread pool (four threads), which is
 * also where the group commit's WAL fdatasync runs. A burst of logins (each hash 32 MiB and
 * ~100-200 ms of CPU) then queued in front of every sync, and no message was acknowledged until
 * the hashing was over (issue #15: acks at p50 4.3 s, max 7.6 s with 30 logins). Here each worker
 * (password-worker.mjs) calls scryptSync on its own thread, one hash at a time, so libuv's pool
 * never sees a hash (and, on Linux, the threads run 10 nice levels below the event loop); at most
 * `workers` hashes run at once (CPU and 32 MiB each), `queue` more wait in line (first come,
 * first served), and one more is refused at once with `PasswordsBusy` (429 `rate_limited` with
 * Retry-After) rather than piling up.
 *
 * The hash format and parameters are unchanged (`scrypt$N$r$p$salt$key`, N=2^15 r=8 p=1, 32-byte
 * key): hashes written before verify. Unknown emails are checked against DUMMY_PASSWORD_HASH,
 * which costs the same work, in the same queue (no user enumeration by timing).
 *
 * A worker that dies (an exception, terminate) is replaced, and the hash it was computing runs
 * again once on another; a worker that cannot start (its file missing from a deployed folder)
 * makes `ready()` reject, so the server fails at start instead of at the first login.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { RequestError } from './http.ts';

/** scrypt parameters: N=2^15, r=8, p=1 (OWASP's minimum recommendation), 32 MiB of memory per hash. */
export const SCRYPT = { N: 32768, r: 8, p: 1, keylen: 32 } as const;
const MAXMEM = 64 * 1024 * 1024;
/**
 * How many nice levels below the process the hashing threads run (Linux): below the event loop, so
 * that when the CPU is short the messages win and the logins wait. On the shared 2-core machine it
 * took the ack p99 beside 30 logins from 694 and 423 ms down to 223 and 199 ms in back-to-back
 * runs (bench:logins, load average 8-13 from other jobs).
 */
export const HASH_NICE = 10;

/**
 * What unknown emails are checked against: a syntactically valid hash with the real parameters and
 * a random salt and key, so checking it costs exactly what checking a real one costs, and no
 * password matches it.
 */
export const DUMMY_PASSWORD_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${randomBytes(16).toString('base64url')}$${randomBytes(SCRYPT.keylen).toString('base64url')}`;

/** Every worker is busy and the queue is full: 429 `rate_limited` with Retry-After. */
export class PasswordsBusy extends RequestError {
  constructor(retryAfterMs: number) {
    super(429, 'rate_limited', `too many password checks at once; try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s`, retryAfterMs);
  }
}

/** What the account code needs (the pool, or anything that hashes the same way). */
export interface Passwords {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

export interface PasswordPoolOptions {
  /** Hashes computed at once (one worker thread each). */
  workers: number;
  /** Hashes that may wait for a worker; one more is refused with PasswordsBusy. */
  queue: number;
  /** A worker died (it is replaced) or could not start (`replaced` false). */
  onWorkerError?: (err: Error, replaced: boolean) => void;
  /** The worker's file (tests give a missing one); default password-worker.mjs beside this module (beside the bundle once built). */
  script?: URL;
}

interface Job {
  password: string;
  salt: Uint8Array;
  N: number;
  r: number;
  p: number;
  keylen: number;
  resolve: (key: Buffer) => void;
  reject: (e: unknown) => void;
  /** Workers it was given to (a job whose worker died runs once more). */
  tries: number;
  startedAt: number;
}

interface Slot {
  worker: Worker;
  /** The thread's id in the OS (Linux), once it has started. */
  tid: number | null;
  ready: boolean;
  job: Job | null;
  error: Error | null;
}

export class PasswordPool implements Passwords {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private readonly started: Promise<void>;
  private closed = false;
  private closing: Promise<void> | null = null;
  private broken: Error | null = null;
  /** Mean time of one hash (ms), for Retry-After; a moving average from the first hash on. */
  private meanMs = 200;
  /** Hashes computed, workers replaced, requests refused (tests, diagnostics). */
  hashes = 0;
  replaced = 0;
  refused = 0;

  constructor(private readonly opts: PasswordPoolOptions) {
    if (!(opts.workers >= 1) || !(opts.queue >= 0)) throw new Error('a password pool needs at least one worker and a queue of 0 or more');
    this.started = Promise.all(Array.from({ length: opts.workers }, () => this.spawn())).then(() => undefined);
    this.started.catch(() => {}); // reported through ready()
  }

  /** Resolves once every worker has started; rejects when one could not (e.g. its file is missing). */
  ready(): Promise<void> {
    return this.started;
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const { N, r, p, keylen } = SCRYPT;
    const key = await this.run({ password, salt, N, r, p, keylen });
    return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const parts = stored.split('$');
    if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
    const [, n, r, p, saltB64, keyB64] = parts as [string, string, string, string, string, string];
    const expected = Buffer.from(keyB64, 'base64url');
    if (expected.length < 16) return false;
    const key = await this.run({ password, salt: Buffer.from(saltB64, 'base64url'), N: Number(n), r: Number(r), p: Number(p), keylen: expected.length });
    return key.length === expected.length && timingSafeEqual(key, expected);
  }

  /** Hashes running and waiting now. */
  stats(): { workers: number; busy: number; queued: number } {
    return { workers: this.slots.length, busy: this.slots.filter((s) => s.job).length, queued: this.waiting.length };
  }

  /** The worker threads (tests stop one to check that it is replaced). */
  get threads(): Worker[] {
    return this.slots.map((s) => s.worker);
  }

  /** Their ids in the OS (Linux; null elsewhere), for a look at /proc/<pid>/task/<tid>. */
  get threadIds(): (number | null)[] {
    return this.slots.map((s) => s.tid);
  }

  /** Refuses what waits, stops the workers (a hash under way finishes first) and resolves when they have exited. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    this.closed = true;
    const err = new Error('password hashing has stopped (the server is shutting down)');
    for (const j of this.waiting.splice(0)) j.reject(err);
    for (const s of this.slots) {
      s.job?.reject(err);
      s.job = null;
    }
    this.closing = Promise.all(this.slots.map((s) => s.worker.terminate())).then(() => undefined);
    return this.closing;
  }

  private run(input: Pick<Job, 'password' | 'salt' | 'N' | 'r' | 'p' | 'keylen'>): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error('password hashing has stopped (the server is shutting down)'));
    if (this.broken) return Promise.reject(this.broken);
    const idle = this.slots.some((s) => s.ready && !s.job);
    if (!idle && this.waiting.length >= this.opts.queue) {
      this.refused++;
      // When what is queued now will have been hashed.
      return Promise.reject(new PasswordsBusy(Math.max(1000, ((this.waiting.length + 1) * this.meanMs) / this.opts.workers)));
    }
    return new Promise<Buffer>((resolve, reject) => {
      this.waiting.push({ ...input, password: input.password.normalize('NFKC'), resolve, reject, tries: 0, startedAt: 0 });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const s of this.slots) {
      if (this.waiting.length === 0) return;
      if (!s.ready || s.job) continue;
      const job = this.waiting.shift()!;
      s.job = job;
      job.tries++;
      job.startedAt = performance.now();
      s.worker.ref(); // a hash under way keeps the process alive (the command line waits for it)
      // A copy of the salt: a small Buffer may be a view of a shared 8 KB pool, which would be cloned whole.
      s.worker.postMessage({ password: job.password, salt: new Uint8Array(job.salt), N: job.N, r: job.r, p: job.p, keylen: job.keylen, maxmem: MAXMEM });
    }
  }

  private spawn(): Promise<void> {
    // Plain JavaScript: no loader is needed (an inherited `--import tsx` tripled its start time).
    const worker = new Worker(this.opts.script ?? new URL('./password-worker.mjs', import.meta.url), { execArgv: [], name: 'parla-passwords', workerData: { nice: HASH_NICE } });
    worker.unref(); // idle, it does not keep the process alive
    const slot: Slot = { worker, tid: null, ready: false, job: null, error: null };
    this.slots.push(slot);
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (m: { ready?: true; tid?: number | null; key?: Uint8Array; error?: string }) => {
        if (m.ready) {
          slot.ready = true;
          slot.tid = m.tid ?? null;
          resolve();
          this.dispatch();
          return;
        }
        const job = slot.job;
        slot.job = null;
        worker.unref();
        if (job) {
          this.hashes++;
          this.meanMs = this.hashes === 1 ? performance.now() - job.startedAt : 0.8 * this.meanMs + 0.2 * (performance.now() - job.startedAt);
          if (m.key) job.resolve(Buffer.from(m.key.buffer, m.key.byteOffset, m.key.byteLength));
          else job.reject(new Error(`password hashing failed: ${m.error}`));
        }
        this.dispatch();
      });
      worker.on('error', (e) => {
        slot.error = e;
      });
      worker.once('exit', (code) => {
        this.slots.splice(this.slots.indexOf(slot), 1);
        if (this.closed) {
          if (!slot.ready) reject(new Error('password hashing has stopped before it started'));
          return;
        }
        const err = slot.error ?? new Error(`password worker exited with code ${code}`);
        if (!slot.ready) {
          // It never started: a missing or broken file. Replacing it would fail the same way.
          reject(err);
          this.broken = err;
          for (const j of this.waiting.splice(0)) j.reject(err);
          this.opts.onWorkerError?.(err, false);
          return;
        }
        this.replaced++;
        const job = slot.job;
        slot.job = null;
        if (job && job.tries < 2) this.waiting.unshift(job);
        else job?.reject(err);
        this.opts.onWorkerError?.(err, true);
        void this.spawn().catch(() => {}); // a replacement that cannot start marks the pool broken
      });
    });
  }
}
