import { closeSync, fdatasync, fdatasyncSync, fstatSync, openSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';

interface Task {
  fn: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

interface Settled {
  ok: boolean;
  value: unknown;
}

interface Batch {
  tasks: Task[];
  /** One per task; null when the transaction itself failed (`error`). */
  results: Settled[] | null;
  error: unknown;
}

/**
 * What makes a committed batch durable: `sync` runs off the JavaScript thread and calls back once
 * everything committed before the call is on disk; `syncNow` does the same synchronously (shutdown).
 */
export interface Durability {
  sync(done: (err: Error | null) => void): void;
  syncNow(): void;
  close(): void;
}

/**
 * fdatasync of the database's WAL file on libuv's thread pool. In WAL mode a commit is the append of
 * its frames to the WAL, so once the WAL is synced every transaction committed before is on disk:
 * what `synchronous=FULL` does inside COMMIT, without blocking the event loop for the fsync.
 * (Checkpoints keep SQLite's own syncs: the WAL before, the database file after.)
 */
export function walDurability(dbFile: string): Durability {
  const wal = `${dbFile}-wal`;
  let fd: number | null = null;
  const current = (): number => {
    // The WAL is only deleted when the last connection closes or the journal mode changes; reopen
    // if that ever happened under us (an unlinked file has no links left).
    if (fd !== null && fstatSync(fd).nlink === 0) {
      closeSync(fd);
      fd = null;
    }
    fd ??= openSync(wal, 'r');
    return fd;
  };
  return {
    sync(done) {
      let f: number;
      try {
        f = current();
      } catch (e) {
        done(e as Error);
        return;
      }
      fdatasync(f, done);
    },
    syncNow() {
      fdatasyncSync(current());
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

export interface GroupCommitOptions {
  /**
   * How commits become durable. Default: on a file opened with `synchronous=FULL` in WAL mode,
   * batches commit with `synchronous=NORMAL` (no fsync inside COMMIT, on the event loop) and the
   * WAL is then fdatasynced on the thread pool before any promise settles; otherwise (NORMAL,
   * `:memory:`) promises settle right after COMMIT.
   */
  durability?: Durability | null;
  /**
   * A checkpoint off the event loop (openDb's backgroundCheckpoint). When the WAL passes
   * `checkpointAtBytes` it runs twice: once while writes go on (it copies nearly everything), then
   * once more with new batches held back, so that nothing is left in the WAL and the next commit
   * starts it again from the beginning (a WAL checkpointed only while written to would grow for ever).
   */
  checkpoint?: (() => Promise<{ ok: boolean }>) | null;
  checkpointAtBytes?: number;
}

/** The WAL size at which GroupCommit asks for a checkpoint (SQLite's own default is 1,000 pages, 4 MB). */
export const CHECKPOINT_AT_BYTES = 8 * 1024 * 1024;

/**
 * Group commit: every write queued during one event-loop turn runs in a single transaction (each
 * in its own savepoint, so one failing write rolls back alone), and the promises settle only
 * after that transaction is committed *and on disk*. While one batch's WAL sync is under way on
 * the thread pool, the event loop keeps taking frames; what they queue is committed as the next
 * batch as soon as the sync returns (so under load a batch grows to what arrives during one
 * fsync, and there is at most one sync in flight). "Acknowledged" always means "on disk".
 *
 * All writes that must keep their order (messages, state changes) go through one instance.
 * Writes outside it keep the connection's own `synchronous=FULL` (fsync inside their COMMIT).
 */
export class GroupCommit {
  private queue: Task[] = [];
  private scheduled = false;
  /** The batch whose WAL sync is under way. */
  private inflight: Batch | null = null;
  private readonly batch: (tasks: Task[]) => Settled[];
  private readonly durability: Durability | null;
  private readonly relax: (() => void) | null;
  private readonly restore: (() => void) | null;
  private readonly checkpoint: (() => Promise<{ ok: boolean }>) | null;
  private readonly checkpointAt: number;
  private readonly wal: string;
  private checkpointing = false;
  /** New batches wait (the last pass of a checkpoint). */
  private holding = false;
  /** Checkpoint cycles completed (for tests and metrics). */
  checkpoints = 0;

  constructor(
    private readonly sqlite: Database.Database,
    opts: GroupCommitOptions = {},
  ) {
    // One savepoint per write, with statements prepared once (a better-sqlite3 transaction
    // function made per write costs more than the write's own statements).
    const begin = sqlite.prepare('SAVEPOINT gc_write');
    const release = sqlite.prepare('RELEASE gc_write');
    const rollback = sqlite.prepare('ROLLBACK TO gc_write');
    const savepoint = (fn: () => unknown) => {
      begin.run();
      try {
        const v = fn();
        release.run();
        return v;
      } catch (e) {
        // Some errors (e.g. a full disk) roll the whole transaction back already.
        if (sqlite.inTransaction) {
          rollback.run();
          release.run();
        }
        throw e;
      }
    };
    this.batch = sqlite.transaction((tasks: Task[]) =>
      tasks.map((t) => {
        try {
          return { ok: true, value: savepoint(t.fn) };
        } catch (e) {
          return { ok: false, value: e };
        }
      }),
    );
    const full = !sqlite.memory && sqlite.pragma('synchronous', { simple: true }) === 2 && sqlite.pragma('journal_mode', { simple: true }) === 'wal';
    this.durability = opts.durability !== undefined ? opts.durability : full ? walDurability(sqlite.name) : null;
    if (this.durability && full) {
      // exec, not a prepared statement: a prepared PRAGMA statement re-run does not reliably apply.
      this.relax = () => void sqlite.exec('PRAGMA synchronous = NORMAL');
      this.restore = () => void sqlite.exec('PRAGMA synchronous = FULL');
    } else {
      this.relax = this.restore = null;
    }
    this.checkpoint = opts.checkpoint ?? null;
    this.checkpointAt = opts.checkpointAtBytes ?? CHECKPOINT_AT_BYTES;
    this.wal = `${sqlite.name}-wal`;
  }

  /** Queues `fn` (synchronous SQLite work) and resolves with its result once committed and durable. */
  run<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  /**
   * Commits whatever is queued now and makes every commit durable before returning (shutdown,
   * and callers that need the rows on disk at once); settles the promises of both.
   */
  flush(): void {
    this.scheduled = false;
    const batch = this.commitQueue();
    const inflight = this.inflight;
    this.inflight = null;
    if (!this.durability || (!batch && !inflight)) {
      if (batch) settle(batch, null);
      return;
    }
    let err: unknown = null;
    try {
      this.durability.syncNow();
    } catch (e) {
      err = e;
    }
    if (inflight) settle(inflight, err);
    if (batch) settle(batch, err);
  }

  /** Flushes, then releases the WAL file handle (before the database is closed). */
  close(): void {
    this.flush();
    this.durability?.close();
  }

  /** Writes queued and not yet settled (waiting for their commit or for its sync). */
  get pending(): number {
    return this.queue.length + (this.inflight?.tasks.length ?? 0);
  }

  private schedule(): void {
    // While a sync is in flight its completion commits the next batch.
    if (this.scheduled || this.inflight || this.holding) return;
    this.scheduled = true;
    setImmediate(this.tick);
  }

  private readonly tick = (): void => {
    this.scheduled = false;
    if (this.inflight || this.holding) return;
    const batch = this.commitQueue();
    if (!batch) return;
    this.maybeCheckpoint();
    if (!this.durability || batch.results === null) {
      settle(batch, null);
      return;
    }
    this.inflight = batch;
    this.durability.sync((err) => {
      // A synchronous flush() may have settled it meanwhile.
      if (this.inflight !== batch) return;
      this.inflight = null;
      settle(batch, err);
      if (this.queue.length) this.schedule();
    });
  };

  private maybeCheckpoint(): void {
    if (!this.checkpoint || this.checkpointing) return;
    let bytes = 0;
    try {
      bytes = statSync(this.wal).size;
    } catch {
      return;
    }
    if (bytes < this.checkpointAt) return;
    this.checkpointing = true;
    const cp = this.checkpoint;
    const done = () => {
      this.holding = false;
      this.checkpointing = false;
      this.checkpoints++;
      if (this.queue.length) this.schedule();
    };
    cp()
      .then(() => {
        this.holding = true;
        return cp();
      })
      .then(done, done);
  }

  private commitQueue(): Batch | null {
    const tasks = this.queue;
    if (tasks.length === 0) return null;
    this.queue = [];
    try {
      this.relax?.();
      return { tasks, results: this.batch(tasks), error: null };
    } catch (e) {
      // Also a write queued after the database was closed (shutdown): refused, not thrown.
      return { tasks, results: null, error: e };
    } finally {
      if (this.sqlite.open) this.restore?.();
    }
  }
}

function settle(b: Batch, syncError: unknown): void {
  const { tasks, results } = b;
  for (let i = 0; i < tasks.length; i++) {
    const r = results?.[i];
    if (!r) tasks[i]!.reject(b.error);
    else if (!r.ok) tasks[i]!.reject(r.value);
    else if (syncError) tasks[i]!.reject(syncError);
    else tasks[i]!.resolve(r.value);
  }
}
