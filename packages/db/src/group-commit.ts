import type Database from 'better-sqlite3';

interface Task {
  fn: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit: every write queued during one event-loop turn runs in a single transaction
 * (each in its own savepoint, so one failing write rolls back alone), and the promises settle
 * only after that transaction has committed. With `synchronous=FULL` this is one fsync per batch
 * instead of one per message, and "acknowledged" always means "on disk".
 *
 * All writes that must keep their order (messages, state changes) go through one instance.
 */
export class GroupCommit {
  private queue: Task[] = [];
  private scheduled = false;
  private readonly batch: (tasks: Task[]) => { ok: boolean; value: unknown }[];

  constructor(private readonly sqlite: Database.Database) {
    const savepoint = (fn: () => unknown) => sqlite.transaction(fn)();
    this.batch = sqlite.transaction((tasks: Task[]) =>
      tasks.map((t) => {
        try {
          return { ok: true, value: savepoint(t.fn) };
        } catch (e) {
          return { ok: false, value: e };
        }
      }),
    );
  }

  /** Queues `fn` (synchronous SQLite work) and resolves with its result once committed. */
  run<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits whatever is queued now (also called on shutdown). */
  flush(): void {
    this.scheduled = false;
    const tasks = this.queue;
    if (tasks.length === 0) return;
    this.queue = [];
    let results: { ok: boolean; value: unknown }[];
    try {
      results = this.batch(tasks);
    } catch (e) {
      for (const t of tasks) t.reject(e);
      return;
    }
    for (let i = 0; i < tasks.length; i++) {
      const r = results[i]!;
      if (r.ok) tasks[i]!.resolve(r.value);
      else tasks[i]!.reject(r.value);
    }
  }

  get pending(): number {
    return this.queue.length;
  }
}
