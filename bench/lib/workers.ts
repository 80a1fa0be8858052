/** Forks load-generator processes (lib/loadgen.ts) and talks to them over IPC. */
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Cmd, Report } from './loadgen.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** A forked load-generator process spoken to over IPC: commands `C` out, `{ ev }` messages back. */
export class IpcProcess<C extends { cmd: string }> {
  private waiters = new Map<string, ((m: any) => void)[]>();
  readonly up: Promise<unknown>;
  constructor(readonly child: ChildProcess) {
    child.on('message', (m: { ev: string }) => this.waiters.get(m.ev)?.shift()?.(m));
    this.up = this.wait('up');
  }
  wait<T = any>(ev: string): Promise<T> {
    return new Promise((resolve) => {
      const list = this.waiters.get(ev) ?? [];
      list.push(resolve);
      this.waiters.set(ev, list);
    });
  }
  send(cmd: C): void {
    this.child.send(cmd);
  }
  request<T = any>(cmd: C, ev: string): Promise<T> {
    const p = this.wait<T>(ev);
    this.send(cmd);
    return p;
  }
  /** Asks the process to close (`{ cmd: 'close' }`), killing it after 5 s if it has not exited. */
  close(): Promise<void> {
    return new Promise<void>((r) => {
      if (this.child.exitCode !== null) return r();
      this.child.once('exit', () => r());
      this.send({ cmd: 'close' } as C);
      setTimeout(() => this.child.kill('SIGKILL'), 5000).unref();
    });
  }
}

/** Forks `n` processes of the load-generator file `file` (under tsx) and waits until each says it is up. */
export async function forkProcesses<C extends { cmd: string }>(file: string, n: number): Promise<IpcProcess<C>[]> {
  const list = Array.from({ length: n }, () => new IpcProcess<C>(fork(file, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })));
  await Promise.all(list.map((w) => w.up));
  return list;
}

type Worker = IpcProcess<Cmd>;

export class Workers {
  readonly list: Worker[];
  private constructor(list: Worker[]) {
    this.list = list;
  }

  static async start(n: number): Promise<Workers> {
    return new Workers(await forkProcesses<Cmd>(join(here, 'loadgen.ts'), n));
  }

  /** Splits `total` as evenly as possible over the workers. */
  share(total: number): number[] {
    const n = this.list.length;
    return this.list.map((_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));
  }

  all<T = any>(make: (i: number) => Cmd, ev: string): Promise<T[]> {
    return Promise.all(this.list.map((w, i) => w.request<T>(make(i), ev)));
  }

  broadcast(make: (i: number) => Cmd): void {
    this.list.forEach((w, i) => w.send(make(i)));
  }

  async stats(): Promise<{
    following: number;
    open: number;
    active: number;
    conversations: number;
    notResumed: number;
    unacked: number;
    /** When the last process had all its clients resumed (NaN while one has not). */
    resumedAt: number;
    errors: Record<string, number>;
  }> {
    const s = await this.all(() => ({ cmd: 'stat' }), 'stat');
    const errors: Record<string, number> = {};
    for (const x of s) for (const [k, v] of Object.entries(x.errors as Record<string, number>)) errors[k] = (errors[k] ?? 0) + v;
    const sum = (k: string) => s.reduce((n, x) => n + (x[k] as number), 0);
    return {
      following: sum('following'),
      open: sum('open'),
      active: sum('active'),
      conversations: sum('conversations'),
      notResumed: sum('notResumed'),
      unacked: sum('unacked'),
      resumedAt: s.some((x) => x.resumedAt === null || Number.isNaN(x.resumedAt)) ? NaN : Math.max(...s.map((x) => x.resumedAt as number)),
      errors,
    };
  }

  reports(): Promise<Report[]> {
    return this.all(() => ({ cmd: 'report' }), 'report');
  }

  async close(): Promise<void> {
    await Promise.all(
      this.list.map(
        (w) =>
          new Promise<void>((r) => {
            if (w.child.exitCode !== null) return r();
            w.child.once('exit', () => r());
            w.send({ cmd: 'close' });
            setTimeout(() => w.child.kill('SIGKILL'), 5000).unref();
          }),
      ),
    );
  }
}

/** Merges the workers' per-step samples. */
export function merged(reports: Report[], key: 'delivery' | 'ack'): Record<number, number[]> {
  const out: Record<number, number[]> = {};
  for (const r of reports) for (const [k, v] of Object.entries(r[key])) {
      const into = (out[Number(k)] ??= []);
      for (const x of v) into.push(x);
    }
  return out;
}

export function summed(reports: Report[], key: 'sent' | 'received'): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of reports) for (const [k, v] of Object.entries(r[key])) out[Number(k)] = (out[Number(k)] ?? 0) + v;
  return out;
}
